#include "runlistpanel.h"
#include "ui_runlistpanel.h"

#include "modelroles.h"
#include "runfilterproxymodel.h"
#include "runmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QTimer>

#include <algorithm>

namespace Trainyard {

namespace {

// Status combo entries: a filter kind, and for StatusFilter::One the status.
constexpr int AllStatuses = -2;
constexpr int ActiveStatuses = -1;

constexpr int MinimumColumnWidth = 72;
constexpr int MaximumColumnWidth = 320;

} // namespace

RunListPanel::RunListPanel(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::RunListPanel>())
    , m_model(new RunModel(this))
    , m_proxy(new RunFilterProxyModel(this))
    , m_durationTimer(new QTimer(this))
{
    ui->setupUi(this);

    ui->runToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    ui->runToolBar->setIconSize(QSize(16, 16));
    m_openAction = new QAction(tr("Open Run"), this);
    m_openAction->setToolTip(tr("Show the run's details (double-click or Enter)"));
    m_compareAction = ui->runToolBar->addAction(QIcon(QStringLiteral(":/icons/compare.svg")), tr("Compare"));
    m_compareAction->setToolTip(tr("Chart the metrics of the selected runs together (select two or more)"));
    ui->runView->addAction(m_openAction);
    ui->runView->addAction(m_compareAction);

    m_proxy->setSourceModel(m_model);
    ui->runView->setModel(m_proxy);
    ui->runView->sortByColumn(RunModel::SubmittedColumn, Qt::DescendingOrder);
    QHeaderView *header = ui->runView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setMinimumSectionSize(MinimumColumnWidth / 2);
    ui->runView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    ui->runView->setIconSize(QSize(16, 16));

    ui->runEmptyState->setIcon(QIcon(QStringLiteral(":/icons/runs.svg")));
    fillStatusCombo();

    m_durationTimer->setInterval(1000);
    connect(m_durationTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            m_model->refreshDurations();
    });
    connect(ui->runFilterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(ui->statusCombo, &QComboBox::currentIndexChanged, this, &RunListPanel::applyStatusFilter);
    connect(ui->runView, &QAbstractItemView::activated, this, &RunListPanel::openCurrent);
    connect(m_openAction, &QAction::triggered, this, &RunListPanel::openCurrent);
    connect(m_compareAction, &QAction::triggered, this, [this] {
        const QStringList ids = selectedRunIds();
        if (ids.size() >= 2)
            Q_EMIT compareRequested(ids);
    });
    connect(ui->runView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunListPanel::updateActions);
    connect(ui->runView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RunListPanel::updateActions);
    // A reset forgets which sections were hidden.
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { ui->runView->setColumnHidden(RunModel::ExperimentColumn, !m_experimentColumnVisible); });
    connect(m_model, &QAbstractItemModel::columnsInserted, this, [this](const QModelIndex &, int first, int last) {
        for (int column = first; column <= last; ++column)
            m_newColumns.append(column);
    });
    updateActions();
    updateEmptyState();
}

RunListPanel::~RunListPanel() = default;

QTableView *RunListPanel::view() const
{
    return ui->runView;
}

QToolBar *RunListPanel::toolBar() const
{
    return ui->runToolBar;
}

QLineEdit *RunListPanel::filterEdit() const
{
    return ui->runFilterEdit;
}

QComboBox *RunListPanel::statusCombo() const
{
    return ui->statusCombo;
}

void RunListPanel::fillStatusCombo()
{
    ui->statusCombo->addItem(tr("All statuses"), AllStatuses);
    ui->statusCombo->addItem(tr("Active (not finished)"), ActiveStatuses);
    ui->statusCombo->insertSeparator(ui->statusCombo->count());
    const RunStatus statuses[] = {RunStatus::Completed, RunStatus::Failed,        RunStatus::Canceled,
                                  RunStatus::Running,   RunStatus::Queued,        RunStatus::Preparing,
                                  RunStatus::Starting,  RunStatus::NotStarted,    RunStatus::Finalizing,
                                  RunStatus::CancelRequested, RunStatus::NotResponding};
    for (const RunStatus status : statuses)
        ui->statusCombo->addItem(RunStatusInfo::displayName(status), int(status));
}

void RunListPanel::applyStatusFilter()
{
    const int value = ui->statusCombo->currentData().toInt();
    if (value == AllStatuses)
        m_proxy->setStatusFilter(RunFilterProxyModel::StatusFilter::All);
    else if (value == ActiveStatuses)
        m_proxy->setStatusFilter(RunFilterProxyModel::StatusFilter::Active);
    else
        m_proxy->setStatusFilter(RunFilterProxyModel::StatusFilter::One, RunStatus(value));
}

void RunListPanel::setRuns(const QList<RunRecord> &runs, const QHash<QString, QList<MetricSummary>> &metrics)
{
    m_newColumns.clear();
    m_model->setRuns(runs, metrics);

    if (!m_columnsSized && m_model->rowCount() > 0) {
        m_columnsSized = true;
        sizeColumns(0, m_model->columnCount() - 1);
    } else if (m_columnsSized) {
        for (const int column : std::as_const(m_newColumns))
            sizeColumns(column, column);
    }
    m_newColumns.clear();

    if (!m_pendingSelection.isEmpty() && m_model->rowOf(m_pendingSelection) >= 0)
        selectRun(m_pendingSelection);
    if (m_model->hasActiveRuns())
        m_durationTimer->start();
    else
        m_durationTimer->stop();
    updateEmptyState();
    updateActions();
}

void RunListPanel::clear()
{
    m_model->clear();
    m_columnsSized = false;
    m_durationTimer->stop();
    updateEmptyState();
    updateActions();
}

void RunListPanel::sizeColumns(int first, int last)
{
    QTableView *view = ui->runView;
    for (int column = first; column <= last; ++column) {
        view->resizeColumnToContents(column);
        // Room for the sort indicator; never so wide that the metric columns scroll away.
        int width = view->columnWidth(column) + 24;
        if (column == RunModel::StatusColumn) {
            // Whatever status a run reaches later (the status combo lists them all), with its icon.
            for (int i = 0; i < ui->statusCombo->count(); ++i) {
                if (ui->statusCombo->itemData(i).toInt() >= 0)
                    width = std::max(width, view->fontMetrics().horizontalAdvance(ui->statusCombo->itemText(i))
                                                + view->iconSize().width() + 24);
            }
        }
        view->setColumnWidth(column, std::clamp(width, MinimumColumnWidth, MaximumColumnWidth));
    }
}

void RunListPanel::setExperimentColumnVisible(bool visible)
{
    m_experimentColumnVisible = visible;
    ui->runView->setColumnHidden(RunModel::ExperimentColumn, !visible);
}

void RunListPanel::setEmptyText(const QString &title, const QString &hint)
{
    ui->runEmptyState->setTitle(title);
    ui->runEmptyState->setHint(hint);
}

void RunListPanel::updateEmptyState()
{
    ui->runStack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(ui->runEmptyState) : ui->runView);
}

QStringList RunListPanel::selectedRunIds() const
{
    QModelIndexList rows = ui->runView->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &index : std::as_const(rows))
        ids << index.data(NameRole).toString();
    return ids;
}

QString RunListPanel::currentRunId() const
{
    return ui->runView->currentIndex().data(NameRole).toString();
}

void RunListPanel::selectRun(const QString &runId)
{
    const int row = m_model->rowOf(runId);
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, RunModel::RunColumn));
    if (!index.isValid()) {
        // Not loaded yet (or filtered out): selected when it arrives.
        m_pendingSelection = runId;
        return;
    }
    m_pendingSelection.clear();
    ui->runView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    ui->runView->scrollTo(index);
}

void RunListPanel::focusFilter()
{
    ui->runFilterEdit->setFocus(Qt::ShortcutFocusReason);
    ui->runFilterEdit->selectAll();
}

void RunListPanel::updateActions()
{
    const qsizetype selected = ui->runView->selectionModel()->selectedRows().size();
    m_compareAction->setEnabled(selected >= 2);
    m_openAction->setEnabled(ui->runView->currentIndex().isValid());
}

void RunListPanel::openCurrent()
{
    const QString runId = currentRunId();
    if (!runId.isEmpty())
        Q_EMIT runOpened(runId);
}

} // namespace Trainyard
