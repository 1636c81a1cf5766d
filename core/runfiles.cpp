#include "runfiles.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <csignal>
#include <sys/types.h>

namespace Trainyard {

namespace {

struct PidFile
{
    qint64 pid = 0;
    QByteArray startTime;
};

std::optional<PidFile> readPidFile(const QString &runDirectory)
{
    QFile file(runDirectory + QLatin1Char('/') + RunFiles::pid());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QList<QByteArray> parts = file.readAll().trimmed().split(' ');
    PidFile pid;
    pid.pid = parts.value(0).toLongLong();
    pid.startTime = parts.value(1);
    if (pid.pid <= 1)
        return std::nullopt;
    return pid;
}

QByteArray processStartTime(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = stat.readAll();
    // The command name may hold spaces and parentheses: fields count from the last ')'.
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    // Field 22 overall is index 19 after "pid (comm)".
    return fields.value(19);
}

} // namespace

Result<QByteArray> LocalRunner::read(const QString &runDirectory, const QString &relative, qint64 offset, qint64 maxBytes)
{
    QFile file(runDirectory + QLatin1Char('/') + relative);
    if (!file.exists())
        return QByteArray();
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot read %1: %2.").arg(file.fileName(), file.errorString())};
    if (offset > 0 && !file.seek(offset))
        return QByteArray();
    return file.read(maxBytes);
}

bool LocalRunner::exists(const QString &runDirectory, const QString &relative)
{
    return QFileInfo::exists(runDirectory + QLatin1Char('/') + relative);
}

LocalRunner::Liveness LocalRunner::liveness(const QString &runDirectory)
{
    const auto pid = readPidFile(runDirectory);
    if (!pid)
        return Liveness::NotStarted;
    const QByteArray startTime = processStartTime(pid->pid);
    if (startTime.isEmpty())
        return Liveness::Gone;
    // A pid file written without a start time cannot tell reuse apart; trust the pid then.
    if (!pid->startTime.isEmpty() && startTime != pid->startTime)
        return Liveness::Gone;
    // A zombie (state Z) has finished.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid->pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        if (close >= 0 && text.mid(close + 2, 1) == "Z")
            return Liveness::Gone;
    }
    return Liveness::Alive;
}

Result<void> LocalRunner::start(const QString &runDirectory)
{
    QProcess process;
    process.setProgram(QStringLiteral("setsid"));
    process.setArguments({QStringLiteral("-f"), QStringLiteral("/bin/sh"), runDirectory + QLatin1Char('/') + RunFiles::jobScript()});
    process.setWorkingDirectory(runDirectory);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (!process.startDetached(&pid))
        return Error{tr("Cannot start the run: setsid (util-linux) is needed: %1.").arg(process.errorString())};
    return {};
}

Result<void> LocalRunner::cancel(const QString &runDirectory, int graceSeconds)
{
    QFile marker(runDirectory + QLatin1Char('/') + RunFiles::cancelRequested());
    if (!marker.open(QIODevice::WriteOnly))
        return Error{tr("Cannot mark the run for cancellation: %1.").arg(marker.errorString())};
    marker.close();
    const auto pid = readPidFile(runDirectory);
    if (!pid || liveness(runDirectory) != Liveness::Alive)
        return {};
    // The launcher is a session and process group leader (setsid): signal the whole group.
    ::kill(-pid_t(pid->pid), SIGTERM);
    QDeadlineTimer deadline(qint64(graceSeconds) * 1000);
    while (!deadline.hasExpired()) {
        if (exists(runDirectory, RunFiles::exitCode()) || liveness(runDirectory) != Liveness::Alive)
            return {};
        QThread::msleep(100);
    }
    ::kill(-pid_t(pid->pid), SIGKILL);
    return {};
}

} // namespace Trainyard
