#include "runmonitor.h"

#include "credentialstore.h"
#include "runfiles.h"
#include "runhost.h"
#include "runstore.h"
#include "slurmrunhost.h"
#include "sshrunhost.h"
#include "workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <charconv>
#include <cstring>
#include <cmath>

namespace Trainyard {

namespace {

constexpr qint64 MaxBatchBytes = 8 * 1024 * 1024;
constexpr qint64 StatusBatchBytes = 1024 * 1024;

// The whole lines of `data`: up to and including its last newline.
QByteArray wholeLines(const QByteArray &data)
{
    const qsizetype end = data.lastIndexOf('\n');
    return end < 0 ? QByteArray() : data.left(end + 1);
}

// The common line, {"t": 1, "name": "loss", "value": 0.31, "step": 12} in any key order, read
// without building a JSON document; anything else (other kinds, escapes, null) returns false and
// goes through QJsonDocument.
// Metric names as QStrings, shared between the points of one batch (a run logs a few names over
// and over: this saves a UTF-16 conversion and an allocation per point).
class NameCache
{
public:
    QString name(const char *begin, const char *end)
    {
        const QByteArrayView bytes(begin, end - begin);
        for (const auto &[utf8, name] : m_names) {
            if (utf8 == bytes)
                return name;
        }
        QString name = QString::fromUtf8(bytes);
        if (m_names.size() < 64)
            m_names.append({bytes.toByteArray(), name});
        return name;
    }

private:
    QList<std::pair<QByteArray, QString>> m_names;
};

bool parseScalarFast(const char *p, const char *end, NameCache &names, MetricPoint &point, bool &hasStep)
{
    auto skipSpace = [&] {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
            ++p;
    };
    skipSpace();
    if (p == end || *p++ != '{')
        return false;
    bool haveName = false;
    bool haveValue = false;
    hasStep = false;
    point.timeMs = 0;
    for (;;) {
        skipSpace();
        if (p == end || *p++ != '"')
            return false;
        const char *keyStart = p;
        while (p < end && *p != '"' && *p != '\\')
            ++p;
        if (p == end || *p != '"')
            return false;
        const std::string_view key(keyStart, size_t(p - keyStart));
        ++p;
        skipSpace();
        if (p == end || *p++ != ':')
            return false;
        skipSpace();
        if (key == "name") {
            if (p == end || *p++ != '"')
                return false;
            const char *nameStart = p;
            while (p < end && *p != '"' && *p != '\\')
                ++p;
            if (p == end || *p != '"')
                return false;
            point.name = names.name(nameStart, p);
            ++p;
            haveName = true;
        } else if (key == "value") {
            double value = 0;
            const auto [next, error] = std::from_chars(p, end, value);
            if (error != std::errc())
                return false;
            point.value = value;
            p = next;
            haveValue = true;
        } else if (key == "t" || key == "step") {
            qint64 number = 0;
            const auto [next, error] = std::from_chars(p, end, number);
            if (error != std::errc())
                return false;
            if (key == "t") {
                point.timeMs = number;
            } else {
                point.step = number;
                hasStep = true;
            }
            p = next;
        } else {
            return false;
        }
        skipSpace();
        if (p == end)
            return false;
        if (*p == ',') {
            ++p;
            continue;
        }
        if (*p != '}')
            return false;
        break;
    }
    if (!haveName || !haveValue || point.name.isEmpty())
        return false;
    static const QString scalar = QStringLiteral("scalar");
    point.kind = scalar;
    point.text = QString();
    return true;
}

bool parseMetric(const char *begin, const char *end, NameCache &names, MetricPoint &point, bool &hasStep)
{
    if (parseScalarFast(begin, end, names, point, hasStep))
        return true;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(begin, end - begin), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    const QJsonObject object = document.object();
    point.name = object.value(QLatin1String("name")).toString();
    if (point.name.isEmpty())
        return false;
    point.timeMs = object.value(QLatin1String("t")).toInteger();
    point.kind = object.value(QLatin1String("kind")).toString(QStringLiteral("scalar"));
    hasStep = object.value(QLatin1String("step")).isDouble();
    point.step = object.value(QLatin1String("step")).toInteger();
    const QJsonValue value = object.value(QLatin1String("value"));
    point.value = std::numeric_limits<double>::quiet_NaN();
    point.text = QString();
    if (point.kind == QLatin1String("scalar")) {
        if (value.isDouble()) {
            point.value = value.toDouble();
        } else if (value.isString()) {
            point.text = value.toString();
        } else if (value.isNull()) {
            const QString nonfinite = object.value(QLatin1String("nonfinite")).toString();
            if (nonfinite == QLatin1String("inf"))
                point.value = std::numeric_limits<double>::infinity();
            else if (nonfinite == QLatin1String("-inf"))
                point.value = -std::numeric_limits<double>::infinity();
        } else {
            return false;
        }
        return true;
    }
    // Other kinds keep their value (or the image path) as JSON text.
    if (point.kind == QLatin1String("image"))
        point.text = object.value(QLatin1String("path")).toString();
    else if (value.isString())
        point.text = value.toString();
    else if (value.isArray())
        point.text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else if (value.isObject())
        point.text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    else if (value.isDouble())
        point.text = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    else
        point.text = QString(QLatin1String(""));
    return true;
}

} // namespace

RunMonitor::RunMonitor(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const auto changed = pollAll();
        if (!changed)
            Q_EMIT error(changed.errorMessage());
        else if (!changed->isEmpty())
            Q_EMIT runsChanged(*changed);
    });
}

RunMonitor::~RunMonitor() = default;

void RunMonitor::setInterval(int milliseconds)
{
    m_timer.setInterval(milliseconds);
}

void RunMonitor::start()
{
    m_timer.start();
}

void RunMonitor::stop()
{
    m_timer.stop();
}

QString RunMonitor::artifactsDirectory(const Workspace &workspace, const QString &runId)
{
    return workspace.artifactsPath() + QLatin1String("/runs/") + runId;
}

bool RunMonitor::isOnOtherMachine(const RunRecord &run)
{
    return run.jobHandle.startsWith(QLatin1String("ssh")) || run.jobHandle.startsWith(QLatin1String("slurm+ssh:"));
}

QString RunMonitor::logDirectory(const Workspace &workspace, const RunRecord &run)
{
    if (!isOnOtherMachine(run))
        return run.runDirectory;
    return artifactsDirectory(workspace, run.id) + QLatin1String("/live");
}

// The run's driver log as this workspace reads it: in the run folder here, or its mirror.
QString RunMonitor::driverLog(const RunRecord &run) const
{
    return logDirectory(*m_workspace, run) + QLatin1Char('/') + RunFiles::driverLog();
}

void RunMonitor::setHostFactory(HostFactory factory)
{
    m_hostFactory = std::move(factory);
    m_hosts.clear();
}

bool RunMonitor::follows(const RunRecord &run) const
{
    if (run.runDirectory.isEmpty())
        return false;
    return run.jobHandle == QLatin1String("local") || isOnOtherMachine(run) || run.jobHandle.startsWith(QLatin1String("slurm"));
}

Result<RunHost *> RunMonitor::hostFor(const RunRecord &run)
{
    if (run.jobHandle == QLatin1String("local"))
        return static_cast<RunHost *>(&m_localHost);
    const auto found = m_hosts.find(run.target);
    if (found != m_hosts.end())
        return found->second.get();
    auto created = m_hostFactory ? m_hostFactory(run.target) : makeHost(run.target);
    if (!created)
        return created.error();
    RunHost *host = created->get();
    m_hosts.emplace(run.target, std::move(*created));
    return host;
}

Result<std::unique_ptr<RunHost>> RunMonitor::makeHost(const QString &targetName)
{
    auto target = m_workspace->computeTarget(targetName);
    if (!target)
        return target.error();
    if (!m_credentials)
        m_credentials = std::make_unique<CredentialStore>();
    if (target->type == ComputeTarget::Type::Remote)
        return std::unique_ptr<RunHost>(std::make_unique<SshRunHost>(*target, *m_credentials));
    if (target->type == ComputeTarget::Type::Slurm)
        return SlurmRunHost::make(*target, *m_credentials);
    return Error{tr("Runs on compute target %1 cannot be followed by this program.").arg(targetName)};
}

Result<QStringList> RunMonitor::pollAll()
{
    RunStore store(*m_workspace);
    RunFilter filter;
    filter.activeOnly = true;
    const auto runs = store.runs(filter);
    if (!runs)
        return runs.error();
    QStringList changed;
    QStringList problems;
    for (const RunRecord &run : *runs) {
        if (!follows(run))
            continue;
        // One run's trouble (a host with a wrong password, say) does not stop the others.
        const auto polled = poll(run.id);
        if (!polled)
            problems << polled.errorMessage();
        else if (*polled)
            changed << run.id;
    }
    if (!problems.isEmpty() && changed.isEmpty())
        return Error{problems.join(QLatin1Char('\n'))};
    for (const QString &problem : std::as_const(problems))
        Q_EMIT error(problem);
    return changed;
}

Result<bool> RunMonitor::poll(const QString &runId)
{
    RunStore store(*m_workspace);
    auto run = store.run(runId);
    if (!run)
        return run.error();
    if (run->isTerminal() || run->runDirectory.isEmpty())
        return false;
    auto host = hostFor(*run);
    if (!host)
        return host.error();
    auto followed = follow(**host, *run);
    if (followed || !(*host)->isRemote() || (*host)->isReachable())
        return followed;
    // The host cannot be reached: the run goes on there; it shows NotResponding until a later
    // poll reaches it again and catches up from the stored offsets.
    if (run->status == RunStatus::NotResponding)
        return false;
    auto set = store.setStatus(run->id, RunStatus::NotResponding, followed.errorMessage());
    if (!set)
        return set.error();
    return *set;
}

Result<void> RunMonitor::cancel(const QString &runId, int graceSeconds)
{
    RunStore store(*m_workspace);
    auto run = store.run(runId);
    if (!run)
        return run.error();
    if (run->isTerminal())
        return {};
    if (auto set = store.setStatus(run->id, RunStatus::CancelRequested); !set)
        return set.error();
    if (run->runDirectory.isEmpty())
        return {};
    auto host = hostFor(*run);
    auto canceled = host ? (*host)->cancel(run->runDirectory, graceSeconds, run->jobHandle) : Result<void>(host.error());
    if (!canceled && run->status != RunStatus::CancelRequested) {
        // The request never reached the host: the run goes on, and may be canceled again.
        (void)store.setStatus(run->id, run->status, run->statusReason, QDateTime::currentDateTimeUtc(), RunStatus::CancelRequested);
    }
    return canceled;
}

Result<bool> RunMonitor::follow(RunHost &host, const RunRecord &run)
{
    RunStore store(*m_workspace);
    bool changed = false;
    if (host.isRemote()) {
        // One round trip for what this poll reads first (the same reads as below, at the stored
        // offsets), rather than one per file and one for the process.
        const auto statusOffset = store.streamOffset(run.id, QStringLiteral("status"));
        if (!statusOffset)
            return statusOffset.error();
        const auto metricsOffset = store.streamOffset(run.id, QStringLiteral("metrics"));
        if (!metricsOffset)
            return metricsOffset.error();
        QList<RunHost::ReadRequest> reads{{RunFiles::status(), *statusOffset, StatusBatchBytes},
                                          {RunFiles::metrics(), *metricsOffset, MaxBatchBytes},
                                          {RunFiles::driverLog(), QFileInfo(driverLog(run)).size(), MaxBatchBytes}};
        if (run.status == RunStatus::NotResponding)
            reads.prepend({RunFiles::status(), 0, StatusBatchBytes});
        if (auto prefetched = host.prefetch(run.runDirectory, reads); !prefetched)
            return prefetched.error();
    }
    if (run.status == RunStatus::NotResponding) {
        // Reached again: back to what the run's own status file says (read from the start).
        auto current = host.read(run.runDirectory, RunFiles::status(), 0, StatusBatchBytes);
        if (!current)
            return current.error();
        const QList<QByteArray> lines = wholeLines(*current).trimmed().split('\n');
        const QList<QByteArray> last = lines.constLast().trimmed().split(' ');
        const auto status = RunStatusInfo::fromKey(QString::fromLatin1(last.value(1)));
        auto set = store.setStatus(run.id, status && !RunStatusInfo::isTerminal(*status) ? *status : RunStatus::Running);
        if (!set)
            return set.error();
        changed = true;
    }
    auto status = ingestStatus(host, run);
    if (!status)
        return status.error();
    changed = changed || *status;
    // Metrics before the end: a finished run's last lines are stored before it is marked done.
    for (bool more = true; more;) {
        auto metrics = ingestMetrics(host, run, &more);
        if (!metrics)
            return metrics.error();
        more = more && *metrics;
        changed = changed || *metrics;
    }
    if (host.isRemote()) {
        auto mirrored = mirrorDriverLog(host, run);
        if (!mirrored)
            return mirrored.error();
        changed = changed || *mirrored;
    }
    auto refreshed = store.run(run.id);
    if (!refreshed)
        return refreshed.error();
    auto finished = finishIfDone(host, *refreshed);
    if (!finished)
        return finished.error();
    return changed || *finished;
}

// The driver log of a remote run is mirrored into the workspace as it grows, so log views and
// `run logs` read it locally. Bytes are written at their own offset: two clients mirroring the
// same run write the same bytes to the same place.
Result<bool> RunMonitor::mirrorDriverLog(RunHost &host, const RunRecord &run)
{
    const QString path = driverLog(run);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile mirror(path);
    if (!mirror.open(QIODevice::ReadWrite))
        return Error{tr("Cannot write %1: %2.").arg(path, mirror.errorString())};
    bool changed = false;
    for (;;) {
        const qint64 offset = mirror.size();
        const auto data = host.read(run.runDirectory, RunFiles::driverLog(), offset, MaxBatchBytes);
        if (!data)
            return data.error();
        if (data->isEmpty())
            return changed;
        if (!mirror.seek(offset) || mirror.write(*data) != data->size() || !mirror.flush())
            return Error{tr("Cannot write %1: %2.").arg(path, mirror.errorString())};
        changed = true;
        if (data->size() < MaxBatchBytes)
            return changed;
    }
}

Result<bool> RunMonitor::ingestStatus(RunHost &host, const RunRecord &run)
{
    RunStore store(*m_workspace);
    const auto offset = store.streamOffset(run.id, QStringLiteral("status"));
    if (!offset)
        return offset.error();
    const auto data = host.read(run.runDirectory, RunFiles::status(), *offset, StatusBatchBytes);
    if (!data)
        return data.error();
    const QByteArray lines = wholeLines(*data);
    if (lines.isEmpty())
        return false;
    const auto advanced = store.advanceStream(run.id, QStringLiteral("status"), *offset, *offset + lines.size());
    if (!advanced)
        return advanced.error();
    if (!*advanced)
        return false; // another client read these lines
    bool changed = false;
    const QList<QByteArray> entries = lines.split('\n');
    for (const QByteArray &entry : entries) {
        const QList<QByteArray> parts = entry.trimmed().split(' ');
        if (parts.size() < 2)
            continue;
        const auto status = RunStatusInfo::fromKey(QString::fromLatin1(parts.at(1)));
        if (!status || RunStatusInfo::isTerminal(*status))
            continue;
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(parts.at(0).toLongLong(), Qt::UTC);
        const QString reason = QString::fromUtf8(entry.trimmed().split(' ').mid(2).join(' '));
        auto set = store.setStatus(run.id, *status, reason, time);
        if (!set)
            return set.error();
        changed = changed || *set;
    }
    return changed;
}

Result<bool> RunMonitor::ingestMetrics(RunHost &host, const RunRecord &run, bool *more)
{
    RunStore store(*m_workspace);
    const auto offset = store.streamOffset(run.id, QStringLiteral("metrics"));
    if (!offset)
        return offset.error();
    const auto data = host.read(run.runDirectory, RunFiles::metrics(), *offset, MaxBatchBytes);
    if (!data)
        return data.error();
    if (more)
        *more = data->size() >= MaxBatchBytes;
    QByteArray lines = wholeLines(*data);
    if (lines.isEmpty() && data->size() >= MaxBatchBytes) {
        // One line longer than a batch: skip it rather than stall on it forever.
        const qsizetype end = data->size();
        const auto skipped = store.ingestMetrics(run.id, *offset, *offset + end, {}, {});
        return skipped ? *skipped : Result<bool>(skipped.error());
    }
    if (lines.isEmpty())
        return false;
    QList<MetricPoint> points;
    QList<bool> hasStep;
    const qsizetype estimate = lines.size() / 64 + 1;
    points.reserve(estimate);
    hasStep.reserve(estimate);
    NameCache names;
    const char *end = lines.constData() + lines.size();
    for (const char *line = lines.constData(); line < end;) {
        const char *newline = static_cast<const char *>(std::memchr(line, '\n', size_t(end - line)));
        const char *lineEnd = newline ? newline : end;
        const char *first = line;
        while (first < lineEnd && (*first == ' ' || *first == '\t' || *first == '\r'))
            ++first;
        if (first < lineEnd) {
            MetricPoint point;
            bool stepGiven = false;
            // Not a metric line: skipped, never stops the rest.
            if (parseMetric(first, lineEnd, names, point, stepGiven)) {
                points.append(std::move(point));
                hasStep.append(stepGiven);
            }
        }
        line = lineEnd + 1;
    }
    const auto stored = store.ingestMetrics(run.id, *offset, *offset + lines.size(), points, hasStep);
    if (!stored)
        return stored.error();
    return *stored;
}

Result<bool> RunMonitor::finishIfDone(RunHost &host, const RunRecord &run)
{
    const QString dir = run.runDirectory;
    RunStore store(*m_workspace);
    auto state = host.processState(dir, run.jobHandle);
    if (!state)
        return state.error();
    const bool beforeStart = run.status == RunStatus::NotStarted || run.status == RunStatus::Starting
                             || run.status == RunStatus::Preparing || run.status == RunStatus::Queued;
    if (state->queued && !state->exitCode && !state->cancelRequested && beforeStart) {
        // Waiting for the scheduler: Queued, with its reason (Resources, Priority, ...).
        if (run.status == RunStatus::Queued && run.statusReason == state->queueReason)
            return false;
        auto set = store.setStatus(run.id, RunStatus::Queued, state->queueReason);
        return set ? *set : Result<bool>(set.error());
    }
    const bool cancelRequested = state->cancelRequested;
    const LocalRunner::Liveness liveness = state->liveness;

    if (cancelRequested && run.status != RunStatus::CancelRequested && !state->exitCode && liveness == LocalRunner::Liveness::Alive) {
        auto set = store.setStatus(run.id, RunStatus::CancelRequested);
        return set ? *set : Result<bool>(set.error());
    }

    RunStatus final = RunStatus::Completed;
    QString reason;
    const std::optional<int> exitCode = state->exitCode;
    if (exitCode) {
        if (cancelRequested) {
            final = RunStatus::Canceled;
        } else if (state->timedOut) {
            final = RunStatus::Failed;
            reason = tr("exceeded maxRunDurationSeconds");
        } else if (*exitCode != 0) {
            final = RunStatus::Failed;
            reason = *exitCode > 128 ? tr("killed by signal %1 (exit code %2)").arg(*exitCode - 128).arg(*exitCode)
                                     : tr("exit code %1").arg(*exitCode);
        }
    } else if (liveness == LocalRunner::Liveness::Gone) {
        // Check again: the exit code may have been written since.
        auto again = host.processState(dir, run.jobHandle);
        if (!again)
            return again.error();
        if (again->exitCode)
            return false;
        final = cancelRequested ? RunStatus::Canceled : RunStatus::Failed;
        reason = cancelRequested ? QString() : state->endReason.isEmpty() ? tr("process vanished") : state->endReason;
    } else if (liveness == LocalRunner::Liveness::NotStarted) {
        // The launcher never wrote its pid: it did not start.
        if (run.created.msecsTo(QDateTime::currentDateTimeUtc()) < 30000)
            return false;
        final = RunStatus::Failed;
        reason = tr("the launcher did not start (see %1)").arg(dir + QLatin1String("/.trainyard/job.log"));
    } else {
        return false;
    }

    // Exactly one client finalizes: the one whose compare-and-set to Finalizing succeeds.
    auto claimed = store.setStatus(run.id, RunStatus::Finalizing, {}, QDateTime::currentDateTimeUtc(), run.status);
    if (!claimed)
        return claimed.error();
    if (!*claimed)
        return false;
    // Whatever the script logged last is stored before the run is marked done.
    for (;;) {
        auto more = ingestMetrics(host, run);
        if (!more)
            return more.error();
        if (!*more)
            break;
    }
    if (host.isRemote()) {
        if (auto mirrored = mirrorDriverLog(host, run); !mirrored)
            return mirrored.error();
    }
    if (exitCode) {
        if (auto recorded = store.setExitCode(run.id, *exitCode); !recorded)
            return recorded.error();
    }
    if (auto collected = collectArtifacts(host, run); !collected)
        reason = reason.isEmpty() ? collected.errorMessage() : reason + QLatin1String("; ") + collected.errorMessage();
    if (auto released = host.release(run); !released)
        reason = reason.isEmpty() ? released.errorMessage() : reason + QLatin1String("; ") + released.errorMessage();
    auto done = store.setStatus(run.id, final, reason, QDateTime::currentDateTimeUtc(), RunStatus::Finalizing);
    if (!done)
        return done.error();
    return true;
}

Result<void> RunMonitor::collectArtifacts(RunHost &host, const RunRecord &run)
{
    const QString target = artifactsDirectory(*m_workspace, run.id);
    QList<RunArtifact> all;
    auto progress = [this, &run](qint64 done, qint64 total) { Q_EMIT downloadProgress(run.id, done, total); };
    auto outputs = host.fetchFolder(run.runDirectory, RunFiles::outputs(), target + QLatin1String("/outputs"),
                                    QStringLiteral("output"), progress);
    if (!outputs)
        return outputs.error();
    all += *outputs;
    auto logs = host.fetchFolder(run.runDirectory, RunFiles::logs(), target + QLatin1String("/logs"), QStringLiteral("log"), progress);
    if (!logs)
        return logs.error();
    all += *logs;
    // The driver log is kept with the logs, as Azure keeps 70_driver_log.txt.
    const QString driver = driverLog(run);
    if (QFileInfo::exists(driver)) {
        QDir().mkpath(target + QLatin1String("/logs"));
        const QString copy = target + QLatin1String("/logs/driver.log");
        QFile::remove(copy);
        if (QFile::copy(driver, copy))
            all.append({QStringLiteral("log"), QStringLiteral("driver.log"), QFileInfo(driver).size()});
    }
    return RunStore(*m_workspace).setArtifacts(run.id, all);
}

} // namespace Trainyard
