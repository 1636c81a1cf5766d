#pragma once

#include "result.h"
#include "runfiles.h"
#include "runrecord.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

namespace Trainyard {

// Where a run's files are and what became of its process, as one poll sees it.
struct RunProcessState
{
    bool cancelRequested = false;
    bool timedOut = false;
    std::optional<int> exitCode; // -1 when the file holds no number
    LocalRunner::Liveness liveness = LocalRunner::Liveness::NotStarted;
    bool queued = false;         // waiting in a scheduler's queue
    QString queueReason;         // why (Slurm: Resources, Priority, ...)
    QString endReason;           // how a job that vanished ended, when the scheduler knows
};

// The machine a run directory lives on, as the run monitor reaches it: this one (LocalRunHost) or
// one reached over SSH. Paths are run directories on that machine and protocol file names
// relative to them (RunFiles). An implementation is used from one thread at a time.
class RunHost
{
public:
    virtual ~RunHost() = default;

    // Bytes of `relative` from `offset`, at most `maxBytes`; empty when the file does not exist.
    virtual Result<QByteArray> read(const QString &runDirectory, const QString &relative, qint64 offset, qint64 maxBytes) = 0;

    struct ReadRequest
    {
        QString relative;
        qint64 offset = 0;
        qint64 maxBytes = 0;
    };
    // Reads the run's process state and then these files in one go, for the processState() and
    // read() calls with the same arguments that follow within a few seconds (the state once).
    // The state comes first, so files read after a finished process hold all it wrote. For hosts
    // where every call is a round trip (SSH); the others need not do anything.
    virtual Result<void> prefetch(const QString &runDirectory, const QList<ReadRequest> &reads)
    {
        (void)runDirectory;
        (void)reads;
        return {};
    }
    // Cancel request, time-limit marker, exit code and liveness, read together.
    // `jobHandle` is the run's (RunRecord::jobHandle): a scheduler's job id for cluster hosts.
    virtual Result<RunProcessState> processState(const QString &runDirectory, const QString &jobHandle = {}) = 0;
    // Marks the cancel request, SIGTERM to the run's process group, SIGKILL after the grace.
    virtual Result<void> cancel(const QString &runDirectory, int graceSeconds, const QString &jobHandle = {}) = 0;
    // Copies the folder `relative` of the run directory into `localFolder` (created), every path
    // checked to stay inside; symlinks are not followed. `progress` gets (bytes done, bytes total).
    virtual Result<QList<RunArtifact>> fetchFolder(const QString &runDirectory, const QString &relative,
                                                   const QString &localFolder, const QString &kind,
                                                   const std::function<void(qint64, qint64)> &progress = {}) = 0;
    // Whether reads reach the run's own files (local) or a link that may drop (remote).
    virtual bool isRemote() const = 0;
    // The run has ended and its outputs are collected: release what was made for it alone.
    virtual Result<void> release(const RunRecord &run) { (void)run; return {}; }
    // After a failed call: false when the host could not be reached at all (as opposed to a
    // problem with one file), so the run shows NotResponding rather than failing.
    virtual bool isReachable() const { return true; }
};

class LocalRunHost : public RunHost
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::LocalRunHost)

public:
    Result<QByteArray> read(const QString &runDirectory, const QString &relative, qint64 offset, qint64 maxBytes) override;
    Result<RunProcessState> processState(const QString &runDirectory, const QString &jobHandle = {}) override;
    Result<void> cancel(const QString &runDirectory, int graceSeconds, const QString &jobHandle = {}) override;
    Result<QList<RunArtifact>> fetchFolder(const QString &runDirectory, const QString &relative, const QString &localFolder,
                                           const QString &kind, const std::function<void(qint64, qint64)> &progress = {}) override;
    bool isRemote() const override { return false; }
};

} // namespace Trainyard
