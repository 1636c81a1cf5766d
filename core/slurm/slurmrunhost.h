#pragma once

#include "computetarget.h"
#include "runhost.h"
#include "slurmcluster.h"

#include <QDateTime>
#include <QHash>

#include <memory>

namespace Trainyard {

class CredentialStore;

// Runs on a Slurm cluster: the run directory on the cluster's shared file system, reached like a
// local or remote run directory (`files`), and the job's life from Slurm — one `squeue` call per
// poll for all of the cluster's runs (kept for a couple of seconds), `scontrol show job` for jobs
// that left the queue, `scancel` to cancel. Job handles are "slurm:<id>" (this computer submits)
// or "slurm+ssh:<id>" (a login node).
class SlurmRunHost : public RunHost
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::SlurmRunHost)

public:
    SlurmRunHost(std::unique_ptr<RunHost> files, SlurmSession session);
    ~SlurmRunHost() override;

    static Result<std::unique_ptr<RunHost>> make(const ComputeTarget &target, CredentialStore &store);
    // "slurm:123" → "123"; empty when the handle names no job.
    static QString jobId(const QString &jobHandle);

    Result<QByteArray> read(const QString &runDirectory, const QString &relative, qint64 offset, qint64 maxBytes) override;
    Result<void> prefetch(const QString &runDirectory, const QList<ReadRequest> &reads) override;
    Result<RunProcessState> processState(const QString &runDirectory, const QString &jobHandle = {}) override;
    Result<void> cancel(const QString &runDirectory, int graceSeconds, const QString &jobHandle = {}) override;
    Result<QList<RunArtifact>> fetchFolder(const QString &runDirectory, const QString &relative, const QString &localFolder,
                                           const QString &kind, const std::function<void(qint64, qint64)> &progress = {}) override;
    // Deletes the partition made for this run only (runconfig `amlcompute`), unless retained.
    Result<void> release(const RunRecord &run) override;
    bool isRemote() const override { return m_files->isRemote(); }
    bool isReachable() const override { return m_reachable && m_files->isReachable(); }

private:
    Result<void> refreshQueue();

    std::unique_ptr<RunHost> m_files;
    SlurmSession m_session;
    QHash<QString, SlurmJob> m_queue; // by job id
    QHash<QString, QString> m_jobByDirectory;
    QDateTime m_queueRead;
    bool m_reachable = true;
};

} // namespace Trainyard
