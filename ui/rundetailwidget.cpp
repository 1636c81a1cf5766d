#include "rundetailwidget.h"

#include "emptystatewidget.h"
#include "logview.h"
#include "metricchartgrid.h"
#include "metricsloader.h"
#include "propertylistmodel.h"
#include "runfiles.h"
#include "runmonitor.h"
#include "runstatusstyle.h"
#include "runstore.h"
#include "snapshotbrowser.h"
#include "workspace.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFuture>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace Trainyard {

namespace {

// Non-scalar values listed under the charts, newest last; older ones stay in the store.
constexpr int MaximumOtherValues = 1000;

QString timeText(const QDateTime &time)
{
    if (!time.isValid())
        return RunDetailWidget::tr("—");
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString durationText(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    if (seconds < 10)
        return RunDetailWidget::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
    if (seconds < 60)
        return RunDetailWidget::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return RunDetailWidget::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return RunDetailWidget::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? RunDetailWidget::tr("Yes") : RunDetailWidget::tr("No");
    case QJsonValue::Double:
        return QLocale().toString(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList items;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            items << jsonText(item);
        return items.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString valueText(double value)
{
    return std::isfinite(value) ? QLocale().toString(value, 'g', 6) : QString();
}

// A caption over a value, as in the header's fact row.
QWidget *fact(const QString &caption, QLabel *value, QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *label = new QLabel(caption, widget);
    QFont small = label->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    label->setFont(small);
    label->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(label);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(value);
    return widget;
}

QTreeWidget *table(const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    tree->header()->setStretchLastSection(true);
    return tree;
}

} // namespace

RunDetailWidget::RunDetailWidget(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_metrics(nullptr)
    , m_tickTimer(new QTimer(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyStateWidget(this))
    , m_statusIcon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_statusValue(new QLabel(this))
    , m_targetValue(new QLabel(this))
    , m_experimentValue(new QLabel(this))
    , m_durationValue(new QLabel(this))
    , m_startedValue(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_message(new QLabel(this))
    , m_cancelButton(new QPushButton(tr("Cancel Run"), this))
    , m_tabs(new QTabWidget(this))
    , m_properties(new PropertyListModel(this))
    , m_propertiesView(new QTableView(this))
    , m_history(nullptr)
    , m_configuration(new QPlainTextEdit(this))
    , m_grid(new MetricChartGrid(this))
    , m_summaries(nullptr)
    , m_otherValues(nullptr)
    , m_logView(new LogView(this))
    , m_snapshot(new SnapshotBrowser(workspace, this))
    , m_artifacts(nullptr)
    , m_artifactsNote(new QLabel(this))
    , m_openFolderButton(new QPushButton(tr("Open Folder"), this))
{
    m_empty->setTitle(tr("No run selected"));
    m_empty->setHint(tr("Choose a run in the Runs or Experiments page to see its status, metrics, logs and outputs."));

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(createHeader());
    m_tabs->setObjectName(QStringLiteral("runTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createOverviewTab(), tr("Overview"));
    m_tabs->addTab(createMetricsTab(), tr("Metrics"));
    m_logView->setObjectName(QStringLiteral("logView"));
    m_logView->setMaximumCharacters(LogTailBytes);
    m_tabs->addTab(m_logView, tr("Logs"));
    m_snapshot->setObjectName(QStringLiteral("snapshotBrowser"));
    m_tabs->addTab(m_snapshot, tr("Snapshot"));
    m_tabs->addTab(createOutputsTab(), tr("Outputs"));
    contentLayout->addWidget(m_tabs, 1);

    m_stack->addWidget(m_empty);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_tickTimer->setInterval(1000);
    connect(m_tickTimer, &QTimer::timeout, this, &RunDetailWidget::refresh);
    createMetricsLoader();
    connect(m_cancelButton, &QPushButton::clicked, this, &RunDetailWidget::cancelRun);
    connect(m_openFolderButton, &QPushButton::clicked, this, &RunDetailWidget::openOutputsFolder);

    clearRun();
}

RunDetailWidget::~RunDetailWidget() = default;

QWidget *RunDetailWidget::createHeader()
{
    auto *header = new QFrame(this);
    header->setObjectName(QStringLiteral("runHeader"));
    header->setAutoFillBackground(true);
    QPalette headerPalette = header->palette();
    headerPalette.setColor(QPalette::Window, headerPalette.color(QPalette::Base));
    header->setPalette(headerPalette);

    m_statusIcon->setObjectName(QStringLiteral("statusIcon"));
    m_statusIcon->setFixedSize(36, 36);
    m_statusIcon->setAlignment(Qt::AlignTop);
    m_title->setObjectName(QStringLiteral("runTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_statusValue->setObjectName(QStringLiteral("statusValue"));
    QFont bold = m_statusValue->font();
    bold.setBold(true);
    m_statusValue->setFont(bold);
    m_targetValue->setObjectName(QStringLiteral("targetValue"));
    m_experimentValue->setObjectName(QStringLiteral("experimentValue"));
    m_durationValue->setObjectName(QStringLiteral("durationValue"));
    m_startedValue->setObjectName(QStringLiteral("startedValue"));

    m_reason->setObjectName(QStringLiteral("statusReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette reasonPalette = m_reason->palette();
    reasonPalette.setColor(QPalette::WindowText, RunStatusStyle::color(RunStatus::Failed));
    m_reason->setPalette(reasonPalette);
    m_message->setObjectName(QStringLiteral("runMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);

    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));

    auto *facts = new QHBoxLayout;
    facts->setSpacing(32);
    facts->addWidget(fact(tr("Status"), m_statusValue, header));
    facts->addWidget(fact(tr("Compute target"), m_targetValue, header));
    facts->addWidget(fact(tr("Experiment"), m_experimentValue, header));
    facts->addWidget(fact(tr("Duration"), m_durationValue, header));
    facts->addWidget(fact(tr("Started"), m_startedValue, header));
    facts->addStretch(1);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_cancelButton, 0, Qt::AlignTop);

    auto *text = new QVBoxLayout;
    text->setSpacing(8);
    text->addLayout(titleRow);
    text->addLayout(facts);
    text->addWidget(m_reason);
    text->addWidget(m_message);

    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(12);
    layout->addWidget(m_statusIcon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    return header;
}

QWidget *RunDetailWidget::createOverviewTab()
{
    m_propertiesView->setObjectName(QStringLiteral("propertiesView"));
    m_propertiesView->setModel(m_properties);
    m_propertiesView->verticalHeader()->setVisible(false);
    m_propertiesView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_propertiesView->verticalHeader()->setDefaultSectionSize(m_propertiesView->fontMetrics().height() + 8);
    m_propertiesView->horizontalHeader()->setStretchLastSection(true);
    m_propertiesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_propertiesView->setAlternatingRowColors(true);
    m_propertiesView->setWordWrap(false);
    m_propertiesView->setShowGrid(false);
    m_propertiesView->setTextElideMode(Qt::ElideMiddle);

    m_history = table({tr("Time"), tr("Status"), tr("After"), tr("Reason")}, this);
    m_history->setObjectName(QStringLiteral("statusHistory"));

    m_configuration->setObjectName(QStringLiteral("runConfiguration"));
    m_configuration->setReadOnly(true);
    m_configuration->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_configuration->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_configuration->setPlaceholderText(tr("No run configuration was recorded."));

    auto *propertiesBox = new QGroupBox(tr("Properties"), this);
    auto *propertiesLayout = new QVBoxLayout(propertiesBox);
    propertiesLayout->addWidget(m_propertiesView);
    auto *historyBox = new QGroupBox(tr("Status history"), this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_history);
    auto *configurationBox = new QGroupBox(tr("Run configuration as submitted"), this);
    auto *configurationLayout = new QVBoxLayout(configurationBox);
    configurationLayout->addWidget(m_configuration);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(historyBox);
    right->addWidget(configurationBox);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 2);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(propertiesBox);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);
    return page;
}

QWidget *RunDetailWidget::createMetricsTab()
{
    m_grid->setObjectName(QStringLiteral("chartGrid"));
    m_summaries = table({tr("Metric"), tr("Kind"), tr("Values"), tr("Last"), tr("Minimum"), tr("Maximum")}, this);
    m_summaries->setObjectName(QStringLiteral("metricSummaries"));
    m_summaries->header()->setStretchLastSection(false);
    m_otherValues = table({tr("Metric"), tr("Kind"), tr("Step"), tr("Time"), tr("Value")}, this);
    m_otherValues->setObjectName(QStringLiteral("otherMetricValues"));
    m_otherValues->setToolTip(tr("Values that are not charted: tags, lists, rows, tables and text"));

    auto *summariesBox = new QGroupBox(tr("Summary"), this);
    auto *summariesLayout = new QVBoxLayout(summariesBox);
    summariesLayout->addWidget(m_summaries);
    auto *otherBox = new QGroupBox(tr("Other values"), this);
    auto *otherLayout = new QVBoxLayout(otherBox);
    otherLayout->addWidget(m_otherValues);
    auto *tables = new QSplitter(Qt::Horizontal, this);
    tables->addWidget(summariesBox);
    tables->addWidget(otherBox);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_grid);
    splitter->addWidget(tables);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(0, false);
    splitter->setSizes({600, 170});
    return splitter;
}

QWidget *RunDetailWidget::createOutputsTab()
{
    m_artifacts = table({tr("Kind"), tr("Path"), tr("Size")}, this);
    m_artifacts->setObjectName(QStringLiteral("artifacts"));
    m_artifacts->header()->setStretchLastSection(false);
    m_artifacts->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    connect(m_artifacts, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString path = item->data(1, Qt::UserRole).toString();
        if (QFileInfo::exists(path))
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
    m_artifactsNote->setObjectName(QStringLiteral("artifactsNote"));
    m_artifactsNote->setWordWrap(true);
    m_openFolderButton->setObjectName(QStringLiteral("openFolderButton"));
    m_openFolderButton->setIcon(style()->standardIcon(QStyle::SP_DirOpenIcon));

    auto *page = new QWidget(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_artifactsNote, 1);
    top->addWidget(m_openFolderButton);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_artifacts, 1);
    return page;
}

void RunDetailWidget::createMetricsLoader()
{
    delete m_metrics;
    m_metrics = new MetricsLoader(m_workspace, this);
    connect(m_metrics, &MetricsLoader::metricsChanged, this, [this] {
        m_grid->setRuns(m_metrics->metrics());
        m_grid->setLoading(!m_metrics->hasLoaded() && !m_runId.isEmpty());
        updateMetricTables();
    });
    connect(m_metrics, &MetricsLoader::busyChanged, this,
            [this](bool busy) { m_grid->setLoading(busy || (!m_metrics->hasLoaded() && !m_runId.isEmpty())); });
    connect(m_metrics, &MetricsLoader::failed, this, &RunDetailWidget::showMessage);
}

void RunDetailWidget::setWorkspace(Workspace *workspace)
{
    if (workspace == m_workspace)
        return;
    m_workspace = workspace;
    // The loader and the browser hold the workspace: make them anew.
    createMetricsLoader();
    auto *snapshot = new SnapshotBrowser(workspace, this);
    snapshot->setObjectName(QStringLiteral("snapshotBrowser"));
    const int index = m_tabs->indexOf(m_snapshot);
    m_tabs->removeTab(index);
    delete m_snapshot;
    m_snapshot = snapshot;
    m_tabs->insertTab(index, m_snapshot, tr("Snapshot"));
    setRun(m_workspace ? m_runId : QString());
}

void RunDetailWidget::setRun(const QString &runId)
{
    clearRun();
    m_runId = runId;
    m_metrics->setRunIds(runId.isEmpty() ? QStringList() : QStringList{runId});
    m_grid->setLoading(!runId.isEmpty());
    m_stack->setCurrentIndex(runId.isEmpty() ? 0 : 1);
    refresh();
}

void RunDetailWidget::clearRun()
{
    m_tickTimer->stop();
    m_runId.clear();
    m_run = RunRecord();
    m_haveRun = false;
    m_revision = -1;
    m_statusHistory.clear();
    m_artifactList.clear();
    m_targetKnown = false;
    m_cancelling = false;
    m_logOffset = 0;
    m_logSkipped = 0;
    m_logStarted = false;
    m_logSkipPartialLine = false;
    m_logDecoder = QStringDecoder(QStringDecoder::Utf8);
    m_logView->clear();
    m_logView->setNote({});
    m_grid->setRuns({});
    m_properties->setRows({});
    m_history->clear();
    m_configuration->clear();
    m_summaries->clear();
    m_otherValues->clear();
    m_artifacts->clear();
    m_snapshot->setSnapshot({});
    m_message->clear();
    m_message->setVisible(false);
    m_stack->setCurrentIndex(0);
    updateHeader();
    updateArtifacts();
}

void RunDetailWidget::refresh()
{
    if (!m_workspace || m_runId.isEmpty())
        return;
    const auto revision = m_workspace->revision();
    if (!revision) {
        showMessage(revision.errorMessage());
        return;
    }
    if (*revision != m_revision || !m_haveRun) {
        RunStore store(*m_workspace);
        const auto run = store.run(m_runId);
        if (!run) {
            showMessage(run.errorMessage());
            return;
        }
        m_revision = *revision;
        showRun(*run);
        if (const auto history = store.statusHistory(m_runId); history) {
            if (history->size() != m_statusHistory.size()) {
                m_statusHistory = *history;
                updateHistory();
            }
        }
        if (auto artifacts = store.artifacts(m_runId); artifacts) {
            // Outputs first: they are what people come to this tab for.
            std::stable_sort(artifacts->begin(), artifacts->end(), [](const RunArtifact &a, const RunArtifact &b) {
                const bool aOutput = a.kind == QLatin1String("output");
                const bool bOutput = b.kind == QLatin1String("output");
                return aOutput != bOutput ? aOutput : a.path < b.path;
            });
            bool same = artifacts->size() == m_artifactList.size();
            for (qsizetype i = 0; same && i < artifacts->size(); ++i)
                same = artifacts->at(i).path == m_artifactList.at(i).path && artifacts->at(i).size == m_artifactList.at(i).size;
            if (!same) {
                m_artifactList = *artifacts;
                updateArtifacts();
            }
        }
    }
    m_metrics->refresh(); // cheap when its last load saw this revision
    updateDuration();
    readNewLog();
}

void RunDetailWidget::showRun(const RunRecord &run)
{
    const bool first = !m_haveRun;
    m_run = run;
    m_haveRun = true;
    if (first) {
        m_targetKnown = bool(m_workspace->computeTarget(run.target));
        m_configuration->setPlainText(run.runConfiguration);
    }
    m_snapshot->setSnapshot(run.snapshotId);
    if (run.isTerminal())
        m_tickTimer->stop();
    else if (!m_tickTimer->isActive())
        m_tickTimer->start();
    updateHeader();
    updateOverview();
}

QString RunDetailWidget::statusText() const
{
    return m_statusValue->text();
}

void RunDetailWidget::updateHeader()
{
    if (!m_haveRun) {
        m_title->setText(m_runId);
        m_statusIcon->clear();
        for (QLabel *label : {m_statusValue, m_targetValue, m_experimentValue, m_durationValue, m_startedValue})
            label->setText(tr("—"));
        m_reason->setVisible(false);
        updateCancelButton();
        return;
    }
    m_title->setText(m_run.id);
    m_statusIcon->setPixmap(RunStatusStyle::icon(m_run.status).pixmap(32, 32));
    m_statusIcon->setToolTip(RunStatusInfo::displayName(m_run.status));
    m_statusValue->setText(RunStatusInfo::displayName(m_run.status));
    QPalette statusPalette = m_statusValue->palette();
    statusPalette.setColor(QPalette::WindowText, RunStatusStyle::color(m_run.status));
    m_statusValue->setPalette(statusPalette);
    m_targetValue->setText(m_run.target);
    m_experimentValue->setText(m_run.experiment);
    m_startedValue->setText(timeText(m_run.started.isValid() ? m_run.started : m_run.created));
    const bool failed = m_run.status == RunStatus::Failed && !m_run.statusReason.isEmpty();
    m_reason->setText(failed ? tr("Failed: %1").arg(m_run.statusReason) : QString());
    m_reason->setVisible(failed);
    updateDuration();
    updateCancelButton();
}

void RunDetailWidget::updateDuration()
{
    if (!m_haveRun)
        return;
    m_durationValue->setText(durationText(m_run.durationMs()));
    m_durationValue->setToolTip(m_run.isTerminal() ? tr("From start to end") : tr("Since the run started"));
}

void RunDetailWidget::updateCancelButton()
{
    const bool active = m_haveRun && !m_run.isTerminal();
    m_cancelButton->setVisible(!m_haveRun || active);
    QString why;
    if (!m_haveRun)
        why = tr("No run is shown.");
    else if (m_cancelling || m_run.status == RunStatus::CancelRequested)
        why = tr("Cancel was requested; the run stops shortly.");
    else if (!m_targetKnown)
        why = tr("The compute target %1 is no longer in this workspace: cancel the run on its host.").arg(m_run.target);
    else if (m_run.runDirectory.isEmpty())
        why = tr("The run has not been launched yet.");
    m_cancelButton->setEnabled(active && why.isEmpty());
    m_cancelButton->setText(m_cancelling || m_run.status == RunStatus::CancelRequested ? tr("Canceling…") : tr("Cancel Run"));
    m_cancelButton->setToolTip(why.isEmpty() ? tr("Stop the script: SIGTERM first, SIGKILL if it is still running after 10 seconds")
                                             : why);
}

void RunDetailWidget::updateOverview()
{
    QList<std::pair<QString, QString>> rows;
    const RunRecord &run = m_run;
    QJsonObject properties = run.properties;
    auto take = [&](const QString &key) {
        const QJsonValue value = properties.take(key);
        return jsonText(value);
    };
    auto add = [&](const QString &label, const QString &value) { rows.append({label, value.isEmpty() ? tr("—") : value}); };

    add(tr("Run ID"), run.id);
    add(tr("Experiment"), run.experiment);
    if (!run.parentRunId.isEmpty())
        add(tr("Parent run"), run.parentRunId);
    add(tr("Status"), run.statusReason.isEmpty() ? RunStatusInfo::displayName(run.status)
                                                 : tr("%1 (%2)").arg(RunStatusInfo::displayName(run.status), run.statusReason));
    add(tr("Compute target"), run.target);
    add(tr("Created"), timeText(run.created));
    add(tr("Started"), timeText(run.started));
    add(tr("Ended"), timeText(run.ended));
    add(tr("Duration"), durationText(run.durationMs()));
    add(tr("Exit code"), run.exitCode ? QString::number(*run.exitCode) : QString());
    add(tr("Script"), take(QStringLiteral("script")));
    QStringList arguments;
    const QJsonArray argumentArray = properties.take(QStringLiteral("arguments")).toArray();
    for (const QJsonValue &argument : argumentArray)
        arguments << argument.toString();
    add(tr("Arguments"), arguments.join(QLatin1Char(' ')));
    add(tr("Source folder"), QDir::toNativeSeparators(take(QStringLiteral("sourceDirectory"))));
    add(tr("Run configuration file"), QDir::toNativeSeparators(take(QStringLiteral("runConfigurationFile"))));
    if (properties.contains(QStringLiteral("git.repository_uri")) || properties.contains(QStringLiteral("git.commit"))
        || properties.contains(QStringLiteral("git.branch"))) {
        add(tr("Git repository"), take(QStringLiteral("git.repository_uri")));
        add(tr("Git branch"), take(QStringLiteral("git.branch")));
        add(tr("Git commit"), take(QStringLiteral("git.commit")));
        if (properties.contains(QStringLiteral("git.dirty")))
            add(tr("Git working tree"), properties.take(QStringLiteral("git.dirty")).toBool() ? tr("Uncommitted changes") : tr("Clean"));
    } else {
        properties.remove(QStringLiteral("git.dirty"));
        add(tr("Git"), tr("Not a git repository"));
    }
    add(tr("Snapshot"), run.snapshotId);
    if (properties.contains(QStringLiteral("snapshot.files")))
        add(tr("Snapshot files"), take(QStringLiteral("snapshot.files")));
    if (properties.contains(QStringLiteral("snapshot.bytes")))
        add(tr("Snapshot size"), QLocale().formattedDataSize(qint64(properties.take(QStringLiteral("snapshot.bytes")).toDouble())));
    if (properties.contains(QStringLiteral("snapshot.newBytes"))) {
        add(tr("Snapshot content stored new"),
            QLocale().formattedDataSize(qint64(properties.take(QStringLiteral("snapshot.newBytes")).toDouble())));
    }
    if (properties.contains(QStringLiteral("snapshot.skipped"))) {
        const QString skipped = take(QStringLiteral("snapshot.skipped"));
        if (!skipped.isEmpty())
            add(tr("Skipped from snapshot"), skipped);
    }
    add(tr("Run folder"), QDir::toNativeSeparators(run.runDirectory));
    add(tr("Job handle"), run.jobHandle);
    // Whatever else the run recorded, under its own key.
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
        add(it.key(), jsonText(it.value()));

    m_properties->setRows(rows);
    m_propertiesView->resizeColumnToContents(PropertyListModel::LabelColumn);
}

void RunDetailWidget::updateHistory()
{
    m_history->clear();
    QDateTime previous;
    for (const RunStatusChange &change : std::as_const(m_statusHistory)) {
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, timeText(change.time));
        item->setText(1, RunStatusInfo::displayName(change.status));
        item->setIcon(1, RunStatusStyle::icon(change.status));
        item->setText(2, previous.isValid() ? tr("+%1").arg(durationText(previous.msecsTo(change.time))) : QString());
        item->setText(3, change.reason);
        item->setToolTip(3, change.reason);
        previous = change.time;
    }
    for (int column = 0; column < 3; ++column)
        m_history->resizeColumnToContents(column);
}

void RunDetailWidget::updateArtifacts()
{
    m_artifacts->clear();
    const QString directory = m_workspace && !m_runId.isEmpty() ? RunMonitor::artifactsDirectory(*m_workspace, m_runId) : QString();
    for (const RunArtifact &artifact : std::as_const(m_artifactList)) {
        auto *item = new QTreeWidgetItem(m_artifacts);
        const bool output = artifact.kind == QLatin1String("output");
        item->setText(0, output ? tr("Output") : artifact.kind == QLatin1String("log") ? tr("Log") : artifact.kind);
        item->setText(1, artifact.path);
        const QString file = directory + (output ? QStringLiteral("/outputs/") : QStringLiteral("/logs/")) + artifact.path;
        item->setData(1, Qt::UserRole, file);
        item->setText(2, QLocale().formattedDataSize(artifact.size));
        item->setData(2, Qt::TextAlignmentRole, int(Qt::AlignRight | Qt::AlignVCenter));
        item->setToolTip(1, tr("Double-click to open"));
    }
    m_artifacts->resizeColumnToContents(0);
    m_artifacts->resizeColumnToContents(2);
    if (!m_haveRun)
        m_artifactsNote->clear();
    else if (!m_artifactList.isEmpty())
        m_artifactsNote->setText(tr("%n file(s) collected from outputs/ and logs/.", nullptr, int(m_artifactList.size())));
    else if (m_run.isTerminal())
        m_artifactsNote->setText(tr("The run left no files in outputs/ or logs/."));
    else
        m_artifactsNote->setText(tr("Files the script writes to outputs/ and logs/ are collected here when the run ends."));
    m_openFolderButton->setEnabled(m_haveRun);
}

void RunDetailWidget::updateMetricTables()
{
    m_summaries->clear();
    for (const MetricSummary &summary : m_metrics->summaries(m_runId)) {
        auto *item = new QTreeWidgetItem(m_summaries);
        item->setText(0, summary.name);
        item->setText(1, summary.kind);
        item->setText(2, QLocale().toString(summary.count));
        const bool scalar = summary.kind == QLatin1String("scalar") && std::isfinite(summary.last);
        item->setText(3, scalar ? valueText(summary.last) : summary.lastText);
        item->setToolTip(3, item->text(3));
        item->setText(4, scalar ? valueText(summary.minimum) : QString());
        item->setText(5, scalar ? valueText(summary.maximum) : QString());
        for (int column : {2, 3, 4, 5}) {
            if (column == 2 || scalar)
                item->setData(column, Qt::TextAlignmentRole, int(Qt::AlignRight | Qt::AlignVCenter));
        }
    }
    for (int column = 0; column < m_summaries->columnCount(); ++column)
        m_summaries->resizeColumnToContents(column);

    m_otherValues->clear();
    const QList<RunMetrics> runs = m_metrics->metrics();
    if (runs.isEmpty())
        return;
    QList<const MetricPoint *> others;
    for (const MetricPoint &point : runs.constFirst().points) {
        if (point.kind != QLatin1String("scalar") || !std::isfinite(point.value))
            others.append(&point);
    }
    std::stable_sort(others.begin(), others.end(), [](const MetricPoint *a, const MetricPoint *b) { return a->timeMs < b->timeMs; });
    if (others.size() > MaximumOtherValues)
        others.remove(0, others.size() - MaximumOtherValues);
    for (const MetricPoint *point : std::as_const(others)) {
        auto *item = new QTreeWidgetItem(m_otherValues);
        item->setText(0, point->name);
        item->setText(1, point->kind);
        item->setText(2, QString::number(point->step));
        item->setText(3, timeText(QDateTime::fromMSecsSinceEpoch(point->timeMs, Qt::UTC)));
        item->setText(4, point->text.isEmpty() ? valueText(point->value) : point->text);
        item->setToolTip(4, item->text(4));
    }
    for (int column = 0; column < 4; ++column)
        m_otherValues->resizeColumnToContents(column);
}

void RunDetailWidget::readNewLog()
{
    if (!m_haveRun || !m_workspace || m_run.runDirectory.isEmpty())
        return;
    QString directory = RunMonitor::logDirectory(*m_workspace, m_run);
    QString relative = RunFiles::driverLog();
    if (!QFileInfo::exists(directory + QLatin1Char('/') + relative)) {
        // The run folder was cleaned up: the copy kept with the run's logs has the same bytes.
        directory = RunMonitor::artifactsDirectory(*m_workspace, m_runId);
        relative = QStringLiteral("logs/driver.log");
    }
    const QString path = directory + QLatin1Char('/') + relative;
    const qint64 size = QFileInfo(path).size();
    if (size < m_logOffset) {
        // Replaced by a shorter file: start over.
        m_logView->clear();
        m_logOffset = 0;
        m_logSkipped = 0;
        m_logStarted = false;
        m_logDecoder = QStringDecoder(QStringDecoder::Utf8);
    }
    if (size == m_logOffset) {
        if (!m_logStarted && m_run.isTerminal() && size == 0)
            m_logView->textEdit()->setPlaceholderText(tr("The script wrote nothing to its output."));
        return;
    }
    if (!m_logStarted) {
        m_logStarted = true;
        if (size > LogTailBytes) {
            m_logOffset = size - LogTailBytes;
            m_logSkipped = m_logOffset;
            m_logSkipPartialLine = true;
        }
    }
    const auto bytes = LocalRunner::read(directory, relative, m_logOffset, LogTailBytes);
    if (!bytes) {
        showMessage(bytes.errorMessage());
        return;
    }
    if (bytes->isEmpty())
        return;
    m_logOffset += bytes->size();
    QByteArray data = *bytes;
    if (m_logSkipPartialLine) {
        const qsizetype newline = data.indexOf('\n');
        if (newline < 0)
            return;
        data.remove(0, newline + 1);
        m_logSkipPartialLine = false;
    }
    m_logView->appendText(m_logDecoder.decode(data));
    if (m_logSkipped > 0 || m_logView->droppedCharacters() > 0) {
        m_logView->setNote(tr("The log has grown to %1; this tab keeps its last %2. The whole log is %3")
                               .arg(QLocale().formattedDataSize(m_logOffset), QLocale().formattedDataSize(LogTailBytes),
                                    QDir::toNativeSeparators(path)));
    }
}

void RunDetailWidget::cancelRun()
{
    if (!m_haveRun || m_run.isTerminal() || m_cancelling || !m_workspace)
        return;
    if (m_confirmCancel) {
        QMessageBox box(QMessageBox::Question, tr("Cancel Run"),
                        tr("Cancel the run %1?").arg(m_runId), QMessageBox::NoButton, this);
        box.setInformativeText(tr("The script is asked to stop (SIGTERM) and is killed if it is still running "
                                  "10 seconds later. Metrics and outputs written so far are kept."));
        QPushButton *cancel = box.addButton(tr("Cancel Run"), QMessageBox::DestructiveRole);
        box.addButton(tr("Keep Running"), QMessageBox::RejectRole);
        box.exec();
        if (box.clickedButton() != cancel)
            return;
    }
    m_cancelling = true;
    updateCancelButton();
    const QString runId = m_runId;
    const QString location = m_workspace->location();
    // Canceling waits for the process to go (up to the grace period), perhaps over SSH: not on
    // this thread, and with the worker's own connection to the workspace. The monitor marks the
    // run CancelRequested, and puts it back as it was when the host cannot be reached.
    QtConcurrent::run([location, runId]() -> Result<void> {
        auto workspace = Workspace::open(location);
        if (!workspace)
            return workspace.error();
        RunMonitor monitor(workspace->get());
        return monitor.cancel(runId);
    })
        .then(this, [this, runId](const Result<void> &result) {
            if (runId != m_runId)
                return;
            m_cancelling = false;
            if (!result)
                showMessage(tr("Canceling %1 failed: %2").arg(runId, result.errorMessage()));
            refresh();
            updateCancelButton();
        });
    refresh();
}

void RunDetailWidget::openOutputsFolder()
{
    if (!m_haveRun || !m_workspace)
        return;
    QString folder = RunMonitor::artifactsDirectory(*m_workspace, m_runId);
    if (!QFileInfo(folder).isDir() && !m_run.runDirectory.isEmpty())
        folder = m_run.runDirectory + QLatin1Char('/') + RunFiles::outputs();
    if (!QFileInfo(folder).isDir()) {
        showMessage(tr("There is no outputs folder for %1 yet.").arg(m_runId));
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

void RunDetailWidget::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    if (!message.isEmpty())
        Q_EMIT statusMessage(message);
}

} // namespace Trainyard
