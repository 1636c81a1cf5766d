#pragma once

#include "result.h"
#include "runrecord.h"

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

namespace Trainyard {

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

    // Follows one run a step; returns whether anything changed.
    Result<bool> poll(const QString &runId);
    // Follows every run that is not finished; returns the ids that changed.
    Result<QStringList> pollAll();

    void setInterval(int milliseconds);
    void start();
    void stop();

    // Where a finished local run's outputs and logs are kept in the workspace.
    static QString artifactsDirectory(const Workspace &workspace, const QString &runId);

Q_SIGNALS:
    void runsChanged(const QStringList &runIds);
    void error(const QString &message);

private:
    Result<bool> ingestStatus(const RunRecord &run);
    Result<bool> ingestMetrics(const RunRecord &run);
    Result<bool> finishIfDone(const RunRecord &run);
    Result<void> collectArtifacts(const RunRecord &run);

    Workspace *m_workspace;
    QTimer m_timer;
};

} // namespace Trainyard
