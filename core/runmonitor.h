#pragma once

#include "result.h"
#include "runhost.h"
#include "runrecord.h"

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

namespace Trainyard {

class CredentialStore;
class Workspace;

// Follows runs through their run directories (PRODUCT.md "The run protocol"): new status lines,
// new metric lines (from the stored byte offsets, in batches, each batch stored with a
// compare-and-set on the offset so two clients never store a metric twice), and the end of the
// run (exit code, time limit, cancel, or a process that vanished). At the end it records the
// run's outputs and logs, copied into the workspace's artifacts.
class RunMonitor : public QObject
{
    Q_OBJECT

public:
    explicit RunMonitor(Workspace *workspace, QObject *parent = nullptr);
    ~RunMonitor() override;

    // Follows one run a step; returns whether anything changed.
    Result<bool> poll(const QString &runId);
    // Follows every run that is not finished; returns the ids that changed.
    Result<QStringList> pollAll();
    // Cancels a run wherever it runs: marks the request, SIGTERM to its process group, SIGKILL
    // after `graceSeconds`. The next polls see it end (Canceled).
    Result<void> cancel(const QString &runId, int graceSeconds = 10);

    void setInterval(int milliseconds);
    void start();
    void stop();

    // Where a finished run's outputs and logs are kept in the workspace.
    static QString artifactsDirectory(const Workspace &workspace, const QString &runId);
    // A folder holding the run's .trainyard/driver.log as far as it is known here: the run
    // directory itself for local runs, the workspace's mirror for runs on other machines.
    static QString logDirectory(const Workspace &workspace, const RunRecord &run);
    // Whether the run's directory is on another machine (its job handle starts with "ssh").
    static bool isOnOtherMachine(const RunRecord &run);

    // Makes the hosts of runs on other machines (by compute target name); without one, only
    // local runs are followed. Hosts are created on first use and kept.
    using HostFactory = std::function<Result<std::unique_ptr<RunHost>>(const QString &targetName)>;
    void setHostFactory(HostFactory factory);

Q_SIGNALS:
    void runsChanged(const QStringList &runIds);
    void error(const QString &message);
    // Outputs and logs of a finished run coming into the workspace.
    void downloadProgress(const QString &runId, qint64 bytesDone, qint64 bytesTotal);

private:
    bool follows(const RunRecord &run) const;
    QString driverLog(const RunRecord &run) const;
    Result<RunHost *> hostFor(const RunRecord &run);
    Result<std::unique_ptr<RunHost>> makeHost(const QString &targetName);
    Result<bool> follow(RunHost &host, const RunRecord &run);
    Result<bool> ingestStatus(RunHost &host, const RunRecord &run);
    // `more`: the read was a full batch, so more may be waiting.
    Result<bool> ingestMetrics(RunHost &host, const RunRecord &run, bool *more = nullptr);
    Result<bool> mirrorDriverLog(RunHost &host, const RunRecord &run);
    Result<bool> finishIfDone(RunHost &host, const RunRecord &run);
    Result<void> collectArtifacts(RunHost &host, const RunRecord &run);

    Workspace *m_workspace;
    QTimer m_timer;
    LocalRunHost m_localHost;
    HostFactory m_hostFactory;
    std::map<QString, std::unique_ptr<RunHost>> m_hosts;
    std::unique_ptr<CredentialStore> m_credentials;
};

} // namespace Trainyard
