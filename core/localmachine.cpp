#include "localmachine.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QThread>

namespace Trainyard {

namespace {

qint64 totalMemoryBytes()
{
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (!meminfo.open(QIODevice::ReadOnly))
        return 0;
    // /proc files report size 0, so read them whole rather than line by line up to atEnd().
    const QList<QByteArray> lines = meminfo.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (!line.startsWith("MemTotal:"))
            continue;
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() >= 2)
            return parts.at(1).toLongLong() * 1024;
    }
    return 0;
}

QJsonArray nvidiaGpus()
{
    QJsonArray gpus;
    const QString smi = QStandardPaths::findExecutable(QStringLiteral("nvidia-smi"));
    if (smi.isEmpty())
        return gpus;
    QProcess process;
    process.start(smi, {QStringLiteral("--query-gpu=name,memory.total"), QStringLiteral("--format=csv,noheader")});
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(1000);
        return gpus;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return gpus;
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (!text.isEmpty())
            gpus.append(text);
    }
    return gpus;
}

} // namespace

QJsonObject LocalMachine::probe()
{
    QJsonObject facts;
    facts.insert(QLatin1String("hostName"), QSysInfo::machineHostName());
    facts.insert(QLatin1String("os"), QSysInfo::prettyProductName());
    facts.insert(QLatin1String("kernel"), QString(QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion()));
    facts.insert(QLatin1String("architecture"), QSysInfo::currentCpuArchitecture());
    facts.insert(QLatin1String("cpuCount"), QThread::idealThreadCount());
    facts.insert(QLatin1String("memoryBytes"), totalMemoryBytes());
    facts.insert(QLatin1String("gpus"), nvidiaGpus());
    return facts;
}

} // namespace Trainyard
