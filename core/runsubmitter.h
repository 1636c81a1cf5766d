#pragma once

#include "computetarget.h"
#include "runconfiguration.h"
#include "finding.h"
#include "result.h"
#include "runrecord.h"
#include "snapshotstore.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace Trainyard {

class Workspace;
struct JobScript;
class SlurmClient;
class SshConnection;

struct SubmitRequest
{
    QString experiment;           // empty: config.json's experiment, else the folder's name
    QString sourceDirectory;      // the project folder
    QString runConfiguration;     // a name ("local") or a path
    QString script;               // overrides the runconfig's script when set
    std::optional<QStringList> arguments; // replace the runconfig's arguments when set
    SnapshotLimits limits;
};

struct SubmitOutcome
{
    RunRecord run;
    Snapshot snapshot;
    QList<Finding> warnings;
};

// Submits a run: checks the run configuration, records the run, snapshots the project,
// materializes the run directory (here, or on a remote machine through the SSH content cache)
// and starts the detached launcher.
class RunSubmitter
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::RunSubmitter)

public:
    explicit RunSubmitter(Workspace &workspace);

    // Errors before the run exists (a bad run configuration) come back as an Error; once the run
    // exists, problems mark it Failed with the reason, and the outcome is still returned.
    Result<SubmitOutcome> submit(const SubmitRequest &request);

    // Where local runs live: <workspace>/runs/<run id>.
    QString runsRoot() const;

    // Reports the snapshot upload of a run on a remote machine: (bytes sent, bytes to send).
    void setUploadProgress(std::function<void(qint64, qint64)> progress);

private:
    Result<void> launchCluster(const ComputeTarget &target, const Snapshot &snapshot, JobScript job, const RunConfiguration &config,
                               const QString &condaHash, const QByteArray &helper, const QString &runId);
    Result<QString> createRunPartition(SlurmClient &client, const RunConfiguration::AmlComputeSection &section, int nodes,
                                       const QString &runId);
    Result<QString> uploadRunDirectory(SshConnection &connection, const ComputeTarget &target, const Snapshot &snapshot, JobScript &job,
                                       const QString &condaHash, const QByteArray &helper, const QString &runId);
    Result<void> launchRemote(const ComputeTarget &target, const Snapshot &snapshot, JobScript job, const QString &condaHash,
                              const QByteArray &helper, const QString &runId);

    Workspace &m_workspace;
    std::function<void(qint64, qint64)> m_uploadProgress;
};

} // namespace Trainyard
