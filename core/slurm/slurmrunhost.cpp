#include "slurmrunhost.h"

#include "credentialstore.h"
#include "remotemachine.h"
#include "sshrunhost.h"

namespace Trainyard {

namespace {

// How long one squeue answer serves every run of the cluster.
constexpr qint64 QueueMaxAgeMs = 2000;

} // namespace

SlurmRunHost::SlurmRunHost(std::unique_ptr<RunHost> files, SlurmSession session)
    : m_files(std::move(files))
    , m_session(std::move(session))
{
}

SlurmRunHost::~SlurmRunHost() = default;

Result<std::unique_ptr<RunHost>> SlurmRunHost::make(const ComputeTarget &target, CredentialStore &store)
{
    auto session = SlurmCluster::open(target, store);
    if (!session)
        return session.error();
    std::unique_ptr<RunHost> files;
    if (target.properties.value(QLatin1String("access")).toString() == QLatin1String("ssh"))
        files = std::make_unique<SshRunHost>(target, store);
    else
        files = std::make_unique<LocalRunHost>();
    return std::unique_ptr<RunHost>(std::make_unique<SlurmRunHost>(std::move(files), std::move(*session)));
}

QString SlurmRunHost::jobId(const QString &jobHandle)
{
    const qsizetype colon = jobHandle.indexOf(QLatin1Char(':'));
    if (!jobHandle.startsWith(QLatin1String("slurm")) || colon < 0)
        return {};
    return jobHandle.mid(colon + 1);
}

Result<QByteArray> SlurmRunHost::read(const QString &runDirectory, const QString &relative, qint64 offset, qint64 maxBytes)
{
    return m_files->read(runDirectory, relative, offset, maxBytes);
}

// The launcher's files and its process state as the file host sees them (processState() reads it
// there before asking the queue).
Result<void> SlurmRunHost::prefetch(const QString &runDirectory, const QList<ReadRequest> &reads)
{
    return m_files->prefetch(runDirectory, reads);
}

Result<void> SlurmRunHost::refreshQueue()
{
    if (m_queueRead.isValid() && m_queueRead.msecsTo(QDateTime::currentDateTimeUtc()) < QueueMaxAgeMs)
        return {};
    auto jobs = SlurmClient(*m_session.runner).queue();
    if (!jobs) {
        m_reachable = jobs.error().kind != SlurmError::Kind::Unreachable;
        return jobs.error().toError();
    }
    m_reachable = true;
    m_queue.clear();
    for (const SlurmJob &job : std::as_const(*jobs))
        m_queue.insert(job.id, job);
    m_queueRead = QDateTime::currentDateTimeUtc();
    return {};
}

Result<RunProcessState> SlurmRunHost::processState(const QString &runDirectory, const QString &jobHandle)
{
    auto state = m_files->processState(runDirectory);
    if (!state)
        return state.error();
    const QString id = jobId(jobHandle);
    // The launcher's own word (its pid, its exit code) beats a queue listing that may be seconds old.
    if (id.isEmpty() || state->exitCode || state->liveness == LocalRunner::Liveness::Alive)
        return state;
    m_jobByDirectory.insert(runDirectory, id);
    if (auto refreshed = refreshQueue(); !refreshed)
        return refreshed.error();
    const auto queued = m_queue.constFind(id);
    if (queued != m_queue.constEnd()) {
        if (queued->isPending()) {
            state->queued = true;
            state->queueReason = queued->reason;
            state->liveness = LocalRunner::Liveness::NotStarted;
        } else {
            // Running (or completing) somewhere on the cluster: alive, whatever this host sees.
            state->liveness = LocalRunner::Liveness::Alive;
        }
        return state;
    }
    // Out of the queue without an exit code: the job ended before the launcher could write one.
    state->liveness = LocalRunner::Liveness::Gone;
    auto jobs = SlurmClient(*m_session.runner).jobInfo({id});
    if (jobs && !jobs->isEmpty()) {
        const SlurmJob &job = jobs->constFirst();
        if (!job.isFinished()) {
            // Between squeue and scontrol it started or is still being set up: ask again next poll.
            state->liveness = LocalRunner::Liveness::Alive;
            m_queueRead = {};
            return state;
        }
        state->endReason = tr("Slurm job %1 ended %2").arg(id, job.state);
        if (!job.reason.isEmpty())
            state->endReason += QLatin1String(" (") + job.reason + QLatin1Char(')');
    }
    return state;
}

Result<void> SlurmRunHost::cancel(const QString &runDirectory, int graceSeconds, const QString &jobHandle)
{
    // The marker first (so the end is read as Canceled), and the launcher's own group when it
    // runs on this host; then Slurm ends the job wherever it runs.
    if (auto marked = m_files->cancel(runDirectory, graceSeconds); !marked)
        return marked;
    const QString id = jobHandle.isEmpty() ? m_jobByDirectory.value(runDirectory) : jobId(jobHandle);
    if (id.isEmpty())
        return {};
    if (auto canceled = SlurmClient(*m_session.runner).cancel({id}); !canceled)
        return canceled.error().toError();
    m_queueRead = {};
    return {};
}

Result<void> SlurmRunHost::release(const RunRecord &run)
{
    const QString partition = run.properties.value(QLatin1String("slurm.temporaryPartition")).toString();
    if (partition.isEmpty() || run.properties.value(QLatin1String("slurm.retainPartition")).toBool())
        return {};
    if (auto deleted = SlurmClient(*m_session.runner).deletePartition(partition); !deleted)
        return Error{tr("The partition %1 made for this run could not be removed: %2").arg(partition, deleted.error().message)};
    return {};
}

Result<QList<RunArtifact>> SlurmRunHost::fetchFolder(const QString &runDirectory, const QString &relative, const QString &localFolder,
                                                     const QString &kind, const std::function<void(qint64, qint64)> &progress)
{
    return m_files->fetchFolder(runDirectory, relative, localFolder, kind, progress);
}

} // namespace Trainyard
