#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>

namespace Trainyard {

// The files of the run protocol, relative to a run directory (PRODUCT.md "The run protocol").
namespace RunFiles {
inline QString control() { return QStringLiteral(".trainyard"); }
inline QString jobScript() { return QStringLiteral(".trainyard/job.sh"); }
// Left by an upload over SSH: completes the run directory from the host's cache; job.sh runs it first.
inline QString prepareScript() { return QStringLiteral(".trainyard/prepare.sh"); }
inline QString status() { return QStringLiteral(".trainyard/status"); }
inline QString driverLog() { return QStringLiteral(".trainyard/driver.log"); }
inline QString metrics() { return QStringLiteral(".trainyard/metrics.jsonl"); }
inline QString pid() { return QStringLiteral(".trainyard/pid"); }
inline QString exitCode() { return QStringLiteral(".trainyard/exit_code"); }
inline QString timedOut() { return QStringLiteral(".trainyard/timed_out"); }
inline QString cancelRequested() { return QStringLiteral(".trainyard/cancel_requested"); }
inline QString helper() { return QStringLiteral(".trainyard/lib/trainyard.py"); }
inline QString outputs() { return QStringLiteral("outputs"); }
inline QString logs() { return QStringLiteral("logs"); }
} // namespace RunFiles

// How a client reaches a run directory on this machine: file reads from an offset, process
// liveness, signals to the run's process group, and the detached start.
class LocalRunner
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::LocalRunner)

public:
    enum class Liveness { NotStarted, Alive, Gone };

    // Bytes of `relative` from `offset`, at most `maxBytes`; empty when the file does not exist.
    static Result<QByteArray> read(const QString &runDirectory, const QString &relative, qint64 offset, qint64 maxBytes);
    static bool exists(const QString &runDirectory, const QString &relative);
    // From .trainyard/pid ("<pid> <start time>"): is that very process still there?
    static Liveness liveness(const QString &runDirectory);
    // Starts .trainyard/job.sh with setsid, detached from this process, its streams on /dev/null.
    static Result<void> start(const QString &runDirectory);
    // Cancel: marks the request, SIGTERM to the run's process group, and SIGKILL after
    // `graceSeconds` if it is still alive. Returns once the process is gone (or at most the grace).
    static Result<void> cancel(const QString &runDirectory, int graceSeconds = 10);
};

} // namespace Trainyard
