#include "runlistloader.h"

#include "workspace.h"

#include <QFuture>
#include <QtConcurrent>

namespace Trainyard {

RunListLoader::RunListLoader(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{
}

RunListLoader::~RunListLoader() = default;

void RunListLoader::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    m_finishedMetrics.clear();
    forget();
}

void RunListLoader::setQuery(const Query &query)
{
    m_query = query;
    forget();
}

void RunListLoader::forget()
{
    // A load still running belongs to an older generation: its result is dropped.
    ++m_generation;
    m_running = false;
    m_pending = false;
    m_loadedRevision = -1;
    m_experiments.clear();
    m_runs.clear();
    m_metrics.clear();
}

void RunListLoader::refresh()
{
    if (!m_workspace || (!m_query.experiments && !m_query.runs))
        return;
    const auto revision = m_workspace->revision();
    if (!revision) {
        Q_EMIT failed(revision.errorMessage());
        return;
    }
    if (hasLoaded() && *revision == m_loadedRevision)
        return;
    if (m_running) {
        m_pending = true;
        return;
    }
    start(*revision);
}

void RunListLoader::start(qint64 revision)
{
    Request request;
    request.generation = m_generation;
    request.revision = revision;
    request.location = m_workspace->location();
    request.query = m_query;
    request.finished = m_finishedMetrics;
    m_running = true;
    QtConcurrent::run(&RunListLoader::load, std::move(request)).then(this, [this](const Outcome &outcome) { finished(outcome); });
}

// Runs on a pool thread: everything it touches is its own or a copy.
RunListLoader::Outcome RunListLoader::load(const Request &request)
{
    Outcome outcome;
    outcome.generation = request.generation;
    outcome.revision = request.revision;
    auto opened = Workspace::open(request.location);
    if (!opened) {
        outcome.error = opened.errorMessage();
        return outcome;
    }
    RunStore store(**opened);
    if (request.query.experiments) {
        auto experiments = store.experiments();
        if (!experiments) {
            outcome.error = experiments.errorMessage();
            return outcome;
        }
        outcome.experiments = std::move(*experiments);
    }
    if (request.query.runs) {
        auto runs = store.runs(request.query.filter);
        if (!runs) {
            outcome.error = runs.errorMessage();
            return outcome;
        }
        outcome.runs = std::move(*runs);
        for (const RunRecord &run : std::as_const(outcome.runs)) {
            // A finished run's metrics never change (the monitor stores the last lines first).
            if (run.isTerminal()) {
                const auto known = request.finished.constFind(run.id);
                if (known != request.finished.cend()) {
                    outcome.metrics.insert(run.id, *known);
                    continue;
                }
            }
            const auto summaries = store.metricSummaries(run.id);
            if (!summaries) {
                outcome.error = summaries.errorMessage();
                return outcome;
            }
            outcome.metrics.insert(run.id, *summaries);
        }
    }
    return outcome;
}

void RunListLoader::finished(const Outcome &outcome)
{
    if (outcome.generation != m_generation)
        return; // for another query or workspace
    m_running = false;
    if (outcome.error.isEmpty()) {
        m_loadedGeneration = m_generation;
        m_loadedRevision = outcome.revision;
        m_experiments = outcome.experiments;
        m_runs = outcome.runs;
        m_metrics = outcome.metrics;
        for (const RunRecord &run : std::as_const(m_runs)) {
            if (run.isTerminal())
                m_finishedMetrics.insert(run.id, m_metrics.value(run.id));
        }
        Q_EMIT loaded();
    } else {
        Q_EMIT failed(outcome.error);
    }
    if (m_pending) {
        m_pending = false;
        refresh();
    }
}

} // namespace Trainyard
