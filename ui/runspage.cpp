#include "runspage.h"
#include "ui_runspage.h"

#include "runcomparewidget.h"
#include "rundetailwidget.h"
#include "runlistloader.h"
#include "runlistpanel.h"
#include "runmodel.h"

#include <QAction>
#include <QIcon>
#include <QStyle>
#include <QTableView>
#include <QToolBar>

namespace Trainyard {

namespace {

const QLatin1String ListLink("runs");

} // namespace

RunsPage::RunsPage(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::RunsPage>())
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

    RunListPanel *runs = ui->allRuns;
    m_refreshAction = new QAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("Refresh"), this);
    m_refreshAction->setToolTip(tr("Read the runs again"));
    runs->toolBar()->addAction(m_refreshAction);
    runs->setEmptyText(tr("No runs yet"), tr("Open the sample project and press Submit (Run ▸ Submit…, Ctrl+Return). "
                                             "Every run of every experiment appears here, filterable by status, and "
                                             "follows its run live."));

    m_detail = new RunDetailWidget(nullptr, ui->detailLevel);
    ui->detailLayout->addWidget(m_detail);

    connect(ui->breadcrumbLabel, &QLabel::linkActivated, this, [this](const QString &target) {
        if (target == ListLink)
            showRunList();
    });
    connect(m_backAction, &QAction::triggered, this, &RunsPage::showRunList);
    connect(m_refreshAction, &QAction::triggered, this, &RunsPage::load);
    connect(runs, &RunListPanel::runOpened, this, &RunsPage::openRun);
    connect(runs, &RunListPanel::compareRequested, this, &RunsPage::compareRuns);
    connect(m_detail, &RunDetailWidget::statusMessage, this, &RunsPage::statusMessage);
    connect(m_loader, &RunListLoader::loaded, this, [this] { ui->allRuns->setRuns(m_loader->runs(), m_loader->metrics()); });
    connect(m_loader, &RunListLoader::failed, this, &RunsPage::statusMessage);

    RunListLoader::Query query;
    query.runs = true;
    m_loader->setQuery(query);
    setLevel(RunListLevel);
}

RunsPage::~RunsPage() = default;

RunListPanel *RunsPage::runList() const
{
    return ui->allRuns;
}

void RunsPage::setWorkspace(Workspace *workspace)
{
    const auto windows = compareWindows();
    for (RunCompareWidget *window : windows)
        window->close();
    m_workspace = workspace;
    m_detail->setWorkspace(workspace);
    m_detail->setRun({});
    m_loader->setWorkspace(workspace);
    ui->allRuns->clear();
    setLevel(RunListLevel);
    if (isVisible())
        load();
}

void RunsPage::setSubmitAction(QAction *action)
{
    QToolBar *toolBar = ui->allRuns->toolBar();
    QAction *first = toolBar->actions().value(0);
    toolBar->insertAction(first, action);
    toolBar->insertSeparator(first);
}

void RunsPage::reload()
{
    const auto windows = compareWindows();
    for (RunCompareWidget *window : windows)
        window->refresh();
    // A hidden page reads when it is shown again.
    if (isVisible())
        load();
}

void RunsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    load();
}

void RunsPage::load()
{
    if (!m_workspace)
        return;
    m_loader->refresh();
    if (level() == RunDetailLevel)
        m_detail->refresh();
}

RunsPage::Level RunsPage::level() const
{
    return Level(ui->levelStack->currentIndex());
}

void RunsPage::setLevel(Level level)
{
    ui->levelStack->setCurrentIndex(level);
    updateNavigation();
}

void RunsPage::showRunList()
{
    setLevel(RunListLevel);
    ui->allRuns->view()->setFocus();
}

void RunsPage::openRun(const QString &runId)
{
    ui->allRuns->selectRun(runId);
    m_detail->setRun(runId);
    setLevel(RunDetailLevel);
    if (isVisible())
        load();
}

void RunsPage::updateNavigation()
{
    const bool detail = level() == RunDetailLevel;
    m_backAction->setEnabled(detail);
    ui->breadcrumbLabel->setText(detail ? QStringLiteral("<a href=\"%1\">%2</a> &nbsp;›&nbsp; <b>%3</b>")
                                              .arg(QString(ListLink), tr("Runs").toHtmlEscaped(), m_detail->runId().toHtmlEscaped())
                                        : QString());
    // Shown after the text is set, so the first layout already fits it.
    ui->navigationBar->setVisible(detail);
    ui->titleLabel->setVisible(!detail);
    ui->descriptionLabel->setVisible(!detail);
}

void RunsPage::focusFilter()
{
    showRunList();
    ui->allRuns->focusFilter();
}

RunCompareWidget *RunsPage::compareRuns(const QStringList &runIds)
{
    auto *compare = new RunCompareWidget(m_workspace, this);
    compare->setWindowFlag(Qt::Window);
    compare->setAttribute(Qt::WA_DeleteOnClose);
    compare->setWindowTitle(tr("Compare %n run(s) — Trainyard", nullptr, int(runIds.size())));
    compare->resize(1100, 720);
    connect(compare, &RunCompareWidget::statusMessage, this, &RunsPage::statusMessage);
    compare->setRuns(runIds);
    compare->show();
    return compare;
}

QList<RunCompareWidget *> RunsPage::compareWindows() const
{
    return findChildren<RunCompareWidget *>(Qt::FindDirectChildrenOnly);
}

} // namespace Trainyard
