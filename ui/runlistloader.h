#pragma once

#include "runstore.h"

#include <QHash>
#include <QObject>

namespace Trainyard {

class Workspace;

// Reads what the Experiments and Runs pages list (experiment summaries, runs and each run's metric
// summaries) off the GUI thread. A load opens its own Workspace on the same folder (a connection
// belongs to one thread); results come back queued to this object's thread, and a result for an
// older query or workspace is dropped. refresh() costs one revision read when nothing changed;
// metric summaries of finished runs are read once and kept.
class RunListLoader : public QObject
{
    Q_OBJECT

public:
    struct Query
    {
        bool experiments = false; // read the experiment summaries
        bool runs = false;        // read the runs that match `filter`, with their metric summaries
        RunFilter filter;
    };

    explicit RunListLoader(Workspace *workspace, QObject *parent = nullptr);
    ~RunListLoader() override;

    // Forgets what was loaded; call refresh() to load.
    void setWorkspace(Workspace *workspace);
    void setQuery(const Query &query);
    Query query() const { return m_query; }

    // Starts a load when the workspace changed since the last one, or nothing was loaded yet for
    // the query. A refresh during a load is done after it.
    void refresh();
    bool isLoading() const { return m_running; }
    bool hasLoaded() const { return m_loadedGeneration == m_generation; }

    const QList<ExperimentSummary> &experiments() const { return m_experiments; }
    const QList<RunRecord> &runs() const { return m_runs; }
    const QHash<QString, QList<MetricSummary>> &metrics() const { return m_metrics; }

Q_SIGNALS:
    // experiments(), runs() and metrics() hold a new result.
    void loaded();
    void failed(const QString &message);

private:
    struct Request
    {
        quint64 generation = 0;
        qint64 revision = 0;
        QString location;
        Query query;
        QHash<QString, QList<MetricSummary>> finished; // summaries of runs that were finished
    };
    struct Outcome
    {
        quint64 generation = 0;
        qint64 revision = 0;
        QList<ExperimentSummary> experiments;
        QList<RunRecord> runs;
        QHash<QString, QList<MetricSummary>> metrics;
        QString error;
    };

    static Outcome load(const Request &request);
    void start(qint64 revision);
    void finished(const Outcome &outcome);
    void forget();

    Workspace *m_workspace;
    Query m_query;
    QList<ExperimentSummary> m_experiments;
    QList<RunRecord> m_runs;
    QHash<QString, QList<MetricSummary>> m_metrics;
    QHash<QString, QList<MetricSummary>> m_finishedMetrics;
    quint64 m_generation = 1;
    quint64 m_loadedGeneration = 0;
    qint64 m_loadedRevision = -1;
    bool m_running = false;
    bool m_pending = false;
};

} // namespace Trainyard
