#pragma once

#include "runrecord.h"

#include <QStringDecoder>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeWidget;

namespace Trainyard {

class EmptyStateWidget;
class LogView;
class MetricChartGrid;
class MetricsLoader;
class PropertyListModel;
class SnapshotBrowser;
class Workspace;

// Everything about one run: a header (status with colour and icon, target, experiment, a
// duration that ticks while the run is active, the reason of a failure, and Cancel) over the
// tabs Overview, Metrics, Logs, Snapshot and Outputs. refresh() follows the run: it is cheap
// when nothing changed (a revision read and a stat of the log), reads only the log bytes that
// are new, and loads metrics in the background (MetricsLoader).
class RunDetailWidget : public QWidget
{
    Q_OBJECT

public:
    enum Tab { OverviewTab, MetricsTab, LogsTab, SnapshotTab, OutputsTab };

    // The Logs tab keeps the end of driver.log up to this size.
    static constexpr qint64 LogTailBytes = 5 * 1024 * 1024;

    explicit RunDetailWidget(Workspace *workspace, QWidget *parent = nullptr);
    ~RunDetailWidget() override;

    // The workspace may change (or become null) while the widget lives; the run is shown again.
    void setWorkspace(Workspace *workspace);
    Workspace *workspace() const { return m_workspace; }

    // Shows a run (an empty id: an empty state) and reads it.
    void setRun(const QString &runId);
    QString runId() const { return m_runId; }
    // The run as last read.
    RunRecord run() const { return m_run; }

    // Re-reads the run, its status history, artifacts, new metric points and new log bytes.
    // Call it when the workspace changes; while the run is active the widget also calls it
    // every second.
    void refresh();

    // Whether Cancel asks first (tests turn it off).
    void setConfirmCancel(bool confirm) { m_confirmCancel = confirm; }
    bool confirmCancel() const { return m_confirmCancel; }

    QTabWidget *tabs() const { return m_tabs; }
    MetricChartGrid *chartGrid() const { return m_grid; }
    LogView *logView() const { return m_logView; }
    SnapshotBrowser *snapshotBrowser() const { return m_snapshot; }
    PropertyListModel *propertiesModel() const { return m_properties; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    // The status as the header shows it ("Running", "Completed").
    QString statusText() const;

Q_SIGNALS:
    // Something a status bar could show (a failed cancel, a workspace error).
    void statusMessage(const QString &message);

private:
    QWidget *createHeader();
    QWidget *createOverviewTab();
    QWidget *createMetricsTab();
    QWidget *createOutputsTab();
    void createMetricsLoader();

    void clearRun();
    void showRun(const RunRecord &run);
    void updateHeader();
    void updateDuration();
    void updateCancelButton();
    void updateOverview();
    void updateHistory();
    void updateArtifacts();
    void updateMetricTables();
    void readNewLog();
    void cancelRun();
    void openOutputsFolder();
    void showMessage(const QString &message);

    Workspace *m_workspace;
    MetricsLoader *m_metrics;
    QTimer *m_tickTimer;

    QStackedWidget *m_stack;
    EmptyStateWidget *m_empty;
    QLabel *m_statusIcon;
    QLabel *m_title;
    QLabel *m_statusValue;
    QLabel *m_targetValue;
    QLabel *m_experimentValue;
    QLabel *m_durationValue;
    QLabel *m_startedValue;
    QLabel *m_reason;
    QLabel *m_message;
    QPushButton *m_cancelButton;
    QTabWidget *m_tabs;

    PropertyListModel *m_properties;
    QTableView *m_propertiesView;
    QTreeWidget *m_history;
    QPlainTextEdit *m_configuration;
    MetricChartGrid *m_grid;
    QTreeWidget *m_summaries;
    QTreeWidget *m_otherValues;
    LogView *m_logView;
    SnapshotBrowser *m_snapshot;
    QTreeWidget *m_artifacts;
    QLabel *m_artifactsNote;
    QPushButton *m_openFolderButton;

    QString m_runId;
    RunRecord m_run;
    bool m_haveRun = false;
    qint64 m_revision = -1;
    QList<RunStatusChange> m_statusHistory;
    QList<RunArtifact> m_artifactList;
    bool m_targetKnown = false; // the run's compute target is still in the workspace
    bool m_confirmCancel = true;
    bool m_cancelling = false;

    qint64 m_logOffset = 0;
    qint64 m_logSkipped = 0;        // bytes before the shown tail
    bool m_logStarted = false;
    bool m_logSkipPartialLine = false;
    QStringDecoder m_logDecoder{QStringDecoder::Utf8};
};

} // namespace Trainyard
