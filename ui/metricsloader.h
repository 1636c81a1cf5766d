#pragma once

#include "metricchartgrid.h"
#include "runrecord.h"

#include <QHash>
#include <QMap>
#include <QObject>

#include <atomic>
#include <memory>

class QTimer;

namespace Trainyard {

class Workspace;

// Loads the metrics of some runs off the GUI thread and keeps them up to date. A load opens its
// own Workspace on the same folder (a connection belongs to one thread), asks for each run's
// metric counts and reads again only the metrics whose count changed. Results come back queued
// to this object's thread; a result for an older setRunIds() is dropped (hotspot's job tracking).
// For the current runs at most one load runs at a time; a refresh during it is done after it.
// Loads run on a pool of their own that the application waits for before it closes the database
// connections, so quitting during a load is safe.
class MetricsLoader : public QObject
{
    Q_OBJECT

public:
    explicit MetricsLoader(Workspace *workspace, QObject *parent = nullptr);
    ~MetricsLoader() override;

    // Follows these runs from now on. What was loaded for other runs is forgotten, and a load
    // still running for them will be ignored. Call refresh() to load.
    void setRunIds(const QStringList &runIds);
    QStringList runIds() const { return m_runIds; }

    // Starts a load when the workspace changed since the last one (one read of the workspace
    // revision otherwise).
    void refresh();
    bool isLoading() const { return m_running; }
    // Whether a load finished for the current runs (even one that found no metrics).
    bool hasLoaded() const { return m_loadedGeneration == m_generation; }

    // Per run, in runIds() order, every point grouped by metric name.
    QList<RunMetrics> metrics() const;
    QList<MetricSummary> summaries(const QString &runId) const;
    int pointCount(const QString &runId) const;

    // Waits until no load of any loader is running (at exit, and for tests); false on timeout.
    static bool waitForLoads(int milliseconds = -1);

Q_SIGNALS:
    // metrics() or summaries() changed.
    void metricsChanged();
    // A load has been running for a while (true), or the one that had ended (false).
    void busyChanged(bool busy);
    void failed(const QString &message);

private:
    struct RunState
    {
        QList<MetricPoint> points;            // grouped by name, names in order
        QMap<QString, qsizetype> counts;      // points per name, as read
        QList<MetricSummary> summaries;
        QDateTime start;
    };
    struct Request
    {
        quint64 generation = 0;
        qint64 revision = 0;
        QString location;
        QStringList runIds;
        QHash<QString, RunState> known;
        std::shared_ptr<std::atomic_bool> abandoned; // set when the result is no longer wanted
    };
    struct Outcome
    {
        quint64 generation = 0;
        qint64 revision = 0;
        QHash<QString, RunState> runs;
        bool changed = false;
        QString error;
    };

    static Outcome load(const Request &request);
    void start(qint64 revision);
    void abandonRunningLoad();
    void finished(const Outcome &outcome);

    Workspace *m_workspace;
    QTimer *m_busyTimer;
    QStringList m_runIds;
    QHash<QString, RunState> m_runs;
    quint64 m_generation = 1;
    quint64 m_loadedGeneration = 0;
    qint64 m_loadedRevision = -1;
    bool m_running = false;
    bool m_pending = false;
    bool m_busy = false;
    std::shared_ptr<std::atomic_bool> m_abandoned;
};

} // namespace Trainyard
