#include "experimentspage.h"
#include "ui_experimentspage.h"

#include "emptystatewidget.h"
#include "experimentmodel.h"
#include "modelroles.h"
#include "runcomparewidget.h"
#include "rundetailwidget.h"
#include "runlistloader.h"
#include "runlistpanel.h"
#include "runmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QToolBar>

#include <algorithm>

namespace Trainyard {

namespace {

const QLatin1String ListLink("experiments");
const QLatin1String ExperimentLink("experiment");

QString link(const QString &target, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(target, text.toHtmlEscaped());
}

} // namespace

ExperimentsPage::ExperimentsPage(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::ExperimentsPage>())
    , m_model(new ExperimentModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_loader(new RunListLoader(nullptr, this))
    , m_detail(nullptr)
{
    ui->setupUi(this);

    QFont titleFont = ui->titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    ui->titleLabel->setFont(titleFont);
    ui->descriptionLabel->setForegroundRole(QPalette::PlaceholderText);

    m_backAction = new QAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("Back"), this);
    m_backAction->setShortcut(QKeySequence::Back);
    m_backAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_backAction);
    ui->backButton->setDefaultAction(m_backAction);
    ui->backButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_refreshAction = new QAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("Refresh"), this);
    m_refreshAction->setToolTip(tr("Read the experiments and runs again"));
    for (QToolBar *toolBar : {ui->experimentToolBar, ui->experimentRuns->toolBar()}) {
        toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        toolBar->setIconSize(QSize(16, 16));
        toolBar->addAction(m_refreshAction);
    }

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_proxy->setFilterRole(FilterRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    ui->experimentView->setModel(m_proxy);
    ui->experimentView->sortByColumn(ExperimentModel::NameColumn, Qt::AscendingOrder);
    ui->experimentView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    ui->experimentView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    ui->experimentView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    ui->experimentView->setIconSize(QSize(16, 16));

    ui->experimentEmptyState->setIcon(QIcon(QStringLiteral(":/icons/experiments.svg")));
    ui->experimentEmptyState->setTitle(tr("No experiments yet"));
    ui->experimentEmptyState->setHint(tr("Open the sample project and press Submit (Run ▸ Submit…, Ctrl+Return). Every "
                                         "project's runs are grouped here by experiment, with run counts and the latest "
                                         "status."));
    // Until the first load nothing is known: an empty table rather than a premature "no experiments".
    ui->experimentStack->setCurrentWidget(ui->experimentView);

    RunListPanel *runs = ui->experimentRuns;
    runs->setExperimentColumnVisible(false);
    runs->setEmptyText(tr("No runs in this experiment yet"),
                       tr("Submit the experiment's project folder to start its first run."));

    m_detail = new RunDetailWidget(nullptr, ui->detailLevel);
    ui->detailLayout->addWidget(m_detail);

    connect(ui->experimentFilterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(ui->experimentView, &QAbstractItemView::activated, this, &ExperimentsPage::openCurrentExperiment);
    connect(ui->breadcrumbLabel, &QLabel::linkActivated, this, &ExperimentsPage::navigate);
    connect(m_backAction, &QAction::triggered, this, &ExperimentsPage::goBack);
    connect(m_refreshAction, &QAction::triggered, this, &ExperimentsPage::load);
    connect(runs, &RunListPanel::runOpened, this, &ExperimentsPage::openRun);
    connect(runs, &RunListPanel::compareRequested, this, &ExperimentsPage::compareRuns);
    connect(m_detail, &RunDetailWidget::statusMessage, this, &ExperimentsPage::statusMessage);
    connect(m_loader, &RunListLoader::loaded, this, &ExperimentsPage::showLoaded);
    connect(m_loader, &RunListLoader::failed, this, &ExperimentsPage::statusMessage);

    RunListLoader::Query query;
    query.experiments = true;
    m_loader->setQuery(query);
    setLevel(ExperimentListLevel);
}

ExperimentsPage::~ExperimentsPage() = default;

RunListPanel *ExperimentsPage::runList() const
{
    return ui->experimentRuns;
}

EmptyStateWidget *ExperimentsPage::emptyState() const
{
    return ui->experimentEmptyState;
}

void ExperimentsPage::setWorkspace(Workspace *workspace)
{
    // Comparisons belong to the workspace they were opened in.
    const auto windows = compareWindows();
    for (RunCompareWidget *window : windows)
        window->close();
    m_workspace = workspace;
    m_detail->setWorkspace(workspace);
    m_detail->setRun({});
    m_loader->setWorkspace(workspace);
    m_model->setExperiments({});
    m_columnsSized = false;
    ui->experimentStack->setCurrentWidget(ui->experimentView);
    showExperimentList();
}

void ExperimentsPage::setSubmitAction(QAction *action)
{
    for (QToolBar *toolBar : {ui->experimentToolBar, ui->experimentRuns->toolBar()}) {
        QAction *first = toolBar->actions().value(0);
        toolBar->insertAction(first, action);
        toolBar->insertSeparator(first);
    }
}

void ExperimentsPage::reload()
{
    const auto windows = compareWindows();
    for (RunCompareWidget *window : windows)
        window->refresh();
    // A hidden page reads when it is shown again.
    if (isVisible())
        load();
}

void ExperimentsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    load();
}

void ExperimentsPage::load()
{
    if (!m_workspace)
        return;
    m_loader->refresh();
    if (level() == RunDetailLevel)
        m_detail->refresh();
}

void ExperimentsPage::showLoaded()
{
    m_model->setExperiments(m_loader->experiments());
    QTableView *view = ui->experimentView;
    if (!m_columnsSized && m_model->rowCount() > 0) {
        m_columnsSized = true;
        view->resizeColumnsToContents();
        view->setColumnWidth(ExperimentModel::NameColumn, std::clamp(view->columnWidth(ExperimentModel::NameColumn) + 24, 220, 420));
        view->setColumnWidth(ExperimentModel::RunsColumn, std::max(view->columnWidth(ExperimentModel::RunsColumn) + 16, 80));
        view->setColumnWidth(ExperimentModel::LatestStatusColumn,
                             std::max(view->columnWidth(ExperimentModel::LatestStatusColumn) + 24, 160));
    }
    if (m_model->rowCount() > 0 && !view->currentIndex().isValid())
        view->setCurrentIndex(m_proxy->index(0, 0));
    ui->experimentStack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(ui->experimentEmptyState) : view);
    if (m_loader->query().runs)
        ui->experimentRuns->setRuns(m_loader->runs(), m_loader->metrics());
    updateNavigation();
}

ExperimentsPage::Level ExperimentsPage::level() const
{
    return Level(ui->levelStack->currentIndex());
}

void ExperimentsPage::setLevel(Level level)
{
    ui->levelStack->setCurrentIndex(level);
    updateNavigation();
}

void ExperimentsPage::showExperimentList()
{
    m_experiment.clear();
    RunListLoader::Query query;
    query.experiments = true;
    m_loader->setQuery(query);
    ui->experimentRuns->clear();
    m_detail->setRun({});
    setLevel(ExperimentListLevel);
    if (isVisible())
        load();
}

void ExperimentsPage::openCurrentExperiment()
{
    const QString name = ui->experimentView->currentIndex().data(NameRole).toString();
    if (!name.isEmpty())
        openExperiment(name);
}

void ExperimentsPage::openExperiment(const QString &name)
{
    if (name != m_experiment) {
        m_experiment = name;
        RunListLoader::Query query;
        query.experiments = true;
        query.runs = true;
        query.filter.experiment = name;
        m_loader->setQuery(query);
        ui->experimentRuns->clear();
    }
    if (const int row = m_model->rowOf(name); row >= 0)
        ui->experimentView->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
    setLevel(ExperimentRunsLevel);
    if (isVisible())
        load();
}

void ExperimentsPage::openRun(const QString &runId)
{
    m_detail->setRun(runId);
    const QString experiment = m_detail->run().experiment;
    if (!experiment.isEmpty() && experiment != m_experiment)
        openExperiment(experiment);
    ui->experimentRuns->selectRun(runId);
    setLevel(RunDetailLevel);
}

void ExperimentsPage::goBack()
{
    switch (level()) {
    case RunDetailLevel:
        setLevel(ExperimentRunsLevel);
        ui->experimentRuns->view()->setFocus();
        break;
    case ExperimentRunsLevel:
        showExperimentList();
        ui->experimentView->setFocus();
        break;
    case ExperimentListLevel:
        break;
    }
}

void ExperimentsPage::navigate(const QString &target)
{
    if (target == ListLink)
        showExperimentList();
    else if (target == ExperimentLink)
        setLevel(ExperimentRunsLevel);
}

void ExperimentsPage::updateNavigation()
{
    const Level current = level();
    m_backAction->setEnabled(current != ExperimentListLevel);
    const QString separator = QStringLiteral(" &nbsp;›&nbsp; ");
    switch (current) {
    case ExperimentListLevel:
        ui->titleLabel->setText(tr("Experiments"));
        ui->descriptionLabel->setText(tr("Each experiment groups the runs of one project. Open one to see its runs, "
                                         "their last metric values, and to compare them."));
        ui->breadcrumbLabel->clear();
        break;
    case ExperimentRunsLevel:
        ui->titleLabel->setText(m_experiment);
        ui->descriptionLabel->setText(tr("%n run(s). Open a run to follow it; select two or more and choose Compare to "
                                         "chart their metrics together.",
                                         nullptr, ui->experimentRuns->model()->rowCount()));
        ui->breadcrumbLabel->setText(link(ListLink, tr("Experiments")) + separator + QStringLiteral("<b>%1</b>").arg(m_experiment.toHtmlEscaped()));
        break;
    case RunDetailLevel:
        ui->breadcrumbLabel->setText(link(ListLink, tr("Experiments")) + separator + link(ExperimentLink, m_experiment) + separator
                                     + QStringLiteral("<b>%1</b>").arg(m_detail->runId().toHtmlEscaped()));
        break;
    }
    // Shown after the texts are set, so the first layout already fits them.
    ui->navigationBar->setVisible(current != ExperimentListLevel);
    ui->titleLabel->setVisible(current != RunDetailLevel);
    ui->descriptionLabel->setVisible(current != RunDetailLevel);
}

void ExperimentsPage::focusFilter()
{
    if (level() == ExperimentRunsLevel) {
        ui->experimentRuns->focusFilter();
        return;
    }
    if (level() == RunDetailLevel)
        return;
    ui->experimentFilterEdit->setFocus(Qt::ShortcutFocusReason);
    ui->experimentFilterEdit->selectAll();
}

RunCompareWidget *ExperimentsPage::compareRuns(const QStringList &runIds)
{
    auto *compare = new RunCompareWidget(m_workspace, this);
    compare->setWindowFlag(Qt::Window);
    compare->setAttribute(Qt::WA_DeleteOnClose);
    compare->setWindowTitle(tr("Compare %n run(s) — Trainyard", nullptr, int(runIds.size())));
    compare->resize(1100, 720);
    connect(compare, &RunCompareWidget::statusMessage, this, &ExperimentsPage::statusMessage);
    compare->setRuns(runIds);
    compare->show();
    return compare;
}

QList<RunCompareWidget *> ExperimentsPage::compareWindows() const
{
    return findChildren<RunCompareWidget *>(Qt::FindDirectChildrenOnly);
}

} // namespace Trainyard
