#include "metricsloader.h"

#include "runstore.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QFuture>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent>

namespace Trainyard {

namespace {

// A load shorter than this shows no busy indicator (live updates would make it flicker).
constexpr int BusyDelayMs = 300;

// The loads' own pool. Qt closes every database connection in a post routine when the
// application ends; a load still reading then would crash. Post routines run in the reverse
// order of their addition, and this one is added after QtSql's (a workspace is open before the
// first load), so it waits for the loads first.
QThreadPool *loadPool()
{
    static QThreadPool *pool = [] {
        auto *created = new QThreadPool(QCoreApplication::instance());
        created->setMaxThreadCount(2);
        qAddPostRoutine([] { MetricsLoader::waitForLoads(); });
        return created;
    }();
    return pool;
}

} // namespace

MetricsLoader::MetricsLoader(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_busyTimer(new QTimer(this))
{
    m_busyTimer->setSingleShot(true);
    m_busyTimer->setInterval(BusyDelayMs);
    connect(m_busyTimer, &QTimer::timeout, this, [this] {
        if (m_running && !m_busy) {
            m_busy = true;
            Q_EMIT busyChanged(true);
        }
    });
}

MetricsLoader::~MetricsLoader()
{
    abandonRunningLoad();
}

bool MetricsLoader::waitForLoads(int milliseconds)
{
    return loadPool()->waitForDone(milliseconds);
}

void MetricsLoader::abandonRunningLoad()
{
    if (m_abandoned)
        m_abandoned->store(true);
    m_abandoned.reset();
}

void MetricsLoader::setRunIds(const QStringList &runIds)
{
    m_runIds = runIds;
    ++m_generation;
    abandonRunningLoad();
    m_runs.clear();
    m_running = false;
    m_pending = false;
    m_loadedRevision = -1;
    m_busyTimer->stop();
    if (m_busy) {
        m_busy = false;
        Q_EMIT busyChanged(false);
    }
    Q_EMIT metricsChanged();
}

void MetricsLoader::refresh()
{
    if (!m_workspace || m_runIds.isEmpty())
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

void MetricsLoader::start(qint64 revision)
{
    Request request;
    request.generation = m_generation;
    request.revision = revision;
    request.location = m_workspace->location();
    request.runIds = m_runIds;
    request.known = m_runs;
    m_abandoned = std::make_shared<std::atomic_bool>(false);
    request.abandoned = m_abandoned;
    m_running = true;
    m_busyTimer->start();
    QtConcurrent::run(loadPool(), &MetricsLoader::load, std::move(request))
        .then(this, [this](const Outcome &outcome) { finished(outcome); });
}

// Runs on a pool thread: everything it touches is its own or a copy.
MetricsLoader::Outcome MetricsLoader::load(const Request &request)
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
    for (const QString &runId : request.runIds) {
        if (request.abandoned->load())
            return outcome;
        RunState state = request.known.value(runId);
        const bool firstLoad = !request.known.contains(runId);
        const auto run = store.run(runId);
        const auto summaries = store.metricSummaries(runId);
        if (!run || !summaries) {
            outcome.error = run ? summaries.errorMessage() : run.errorMessage();
            continue;
        }
        const QDateTime start = run->started.isValid() ? run->started : run->created;
        bool changed = firstLoad || start != state.start;
        state.start = start;
        state.summaries = *summaries;

        QMap<QString, qsizetype> counts;
        for (const MetricSummary &summary : *summaries)
            counts[summary.name] += summary.count;
        QHash<QString, QList<MetricPoint>> fresh;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (request.abandoned->load())
                return outcome;
            if (state.counts.value(it.key(), -1) == it.value())
                continue;
            auto points = store.metrics(runId, it.key());
            if (!points) {
                outcome.error = points.errorMessage();
                continue;
            }
            // One shared string per name and kind instead of one per row: a million points
            // would otherwise carry two million small allocations.
            const QString name = it.key();
            QHash<QString, QString> kinds;
            for (MetricPoint &point : *points) {
                point.name = name;
                auto kind = kinds.constFind(point.kind);
                if (kind == kinds.cend())
                    kind = kinds.insert(point.kind, point.kind);
                point.kind = *kind;
            }
            fresh.insert(name, std::move(*points));
        }
        if (!fresh.isEmpty() || counts.keys() != state.counts.keys()) {
            changed = true;
            // Offsets of each name's points in the old list, to copy the unchanged ones over.
            QHash<QString, qsizetype> offsets;
            qsizetype offset = 0;
            for (auto it = state.counts.cbegin(); it != state.counts.cend(); ++it) {
                offsets.insert(it.key(), offset);
                offset += it.value();
            }
            QList<MetricPoint> points;
            qsizetype total = 0;
            for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                total += fresh.contains(it.key()) ? fresh.value(it.key()).size() : state.counts.value(it.key());
            points.reserve(total);
            QMap<QString, qsizetype> stored;
            for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
                if (const auto found = fresh.constFind(it.key()); found != fresh.cend()) {
                    points += *found;
                    stored.insert(it.key(), found->size());
                } else {
                    const qsizetype count = state.counts.value(it.key());
                    points += state.points.mid(offsets.value(it.key()), count);
                    stored.insert(it.key(), count);
                }
            }
            state.points = std::move(points);
            state.counts = std::move(stored);
        }
        outcome.changed = outcome.changed || changed;
        outcome.runs.insert(runId, std::move(state));
    }
    return outcome;
}

void MetricsLoader::finished(const Outcome &outcome)
{
    if (outcome.generation != m_generation)
        return; // for runs no longer shown
    m_running = false;
    m_abandoned.reset();
    m_busyTimer->stop();
    if (outcome.error.isEmpty() || !outcome.runs.isEmpty()) {
        m_loadedGeneration = m_generation;
        m_loadedRevision = outcome.error.isEmpty() ? outcome.revision : -1;
        const bool firstResult = m_runs.isEmpty();
        m_runs = outcome.runs;
        if (outcome.changed || firstResult)
            Q_EMIT metricsChanged();
    }
    if (!outcome.error.isEmpty())
        Q_EMIT failed(outcome.error);
    if (m_busy) {
        m_busy = false;
        Q_EMIT busyChanged(false);
    }
    if (m_pending) {
        m_pending = false;
        refresh();
    }
}

QList<RunMetrics> MetricsLoader::metrics() const
{
    QList<RunMetrics> list;
    for (const QString &runId : m_runIds) {
        const auto found = m_runs.constFind(runId);
        if (found == m_runs.cend())
            continue;
        list.append(RunMetrics{runId, found->points, found->start});
    }
    return list;
}

QList<MetricSummary> MetricsLoader::summaries(const QString &runId) const
{
    return m_runs.value(runId).summaries;
}

int MetricsLoader::pointCount(const QString &runId) const
{
    return int(m_runs.value(runId).points.size());
}

} // namespace Trainyard
