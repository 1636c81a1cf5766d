#include "slurmfixture.h"

#include "fixturesupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using FixtureSupport::canConnect;
using FixtureSupport::isGone;
using FixtureSupport::writeFile;

namespace {

const QString Munged = QStringLiteral("/usr/sbin/munged");
const QString MungeKey = QStringLiteral("/usr/sbin/mungekey");
const QString Slurmctld = QStringLiteral("/usr/sbin/slurmctld");
const QString Slurmd = QStringLiteral("/usr/sbin/slurmd");
constexpr int IdleTimeoutMs = 30000;

// Ends the cluster's leftovers once the test process is gone ($1: its pid, $2: SLURM_CONF, $3:
// the fixture's folder). Started detached, so that it outlives a crashed or killed test; it has
// no SLURM_CONF itself, so it does not end itself early.
const char WatchdogScript[] = R"sh(while kill -0 "$1" 2>/dev/null; do sleep 1; done
for e in /proc/[0-9]*/environ; do
    if tr '\0' '\n' <"$e" 2>/dev/null | grep -qxF "SLURM_CONF=$2"; then
        p=${e#/proc/}
        kill -9 "${p%/environ}" 2>/dev/null
    fi
done
rm -rf -- "$3"
)sh";

QByteArray tail(const QString &path, qsizetype bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > bytes)
        file.seek(file.size() - bytes);
    return file.readAll();
}

QString shortHostName()
{
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0)
        return {};
    return QString::fromLocal8Bit(name).section(QLatin1Char('.'), 0, 0);
}

QString randomSuffix()
{
    QString suffix;
    const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789");
    for (int i = 0; i < 8; ++i)
        suffix += alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size())));
    return suffix;
}

} // namespace

SlurmFixture::SlurmFixture() = default;

SlurmFixture::~SlurmFixture()
{
    stop();
    if (m_watchdogPid > 0)
        ::kill(pid_t(m_watchdogPid), SIGTERM);
}

quint16 SlurmFixture::freePort()
{
    return FixtureSupport::freePort(INADDR_ANY);
}

QString SlurmFixture::path(const QString &name) const
{
    return m_dir ? m_dir->filePath(name) : QString();
}

QString SlurmFixture::logTail(qsizetype bytes) const
{
    QString text;
    for (const QString &daemon : {QStringLiteral("munged"), QStringLiteral("slurmctld"), QStringLiteral("slurmd")}) {
        // In the foreground the daemons also copy their log to stderr (*.out): that copy only
        // when there is no log file, as when a daemon fails before opening it.
        QString log = daemon + QStringLiteral(".log");
        QByteArray content = tail(path(log), bytes);
        if (content.isEmpty()) {
            log = daemon + QStringLiteral(".out");
            content = tail(path(log), bytes);
        }
        if (!content.isEmpty())
            text += QStringLiteral("\n--- %1 ---\n%2").arg(log, QString::fromLocal8Bit(content));
    }
    return text;
}

QString SlurmFixture::failure(const QString &what) const
{
    return what + QStringLiteral("\nThe daemons' logs in %1:").arg(path(QString())) + logTail();
}

SlurmFixture::Output SlurmFixture::run(const QString &program, const QStringList &arguments, const QByteArray &input) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SLURM_CONF"), configFile());
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Output output;
    if (!process.waitForStarted(10000)) {
        output.standardError = (program + QStringLiteral(" did not start: ") + process.errorString()).toLocal8Bit();
        return output;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        output.standardError = (program + QStringLiteral(" did not finish within 60 s")).toLocal8Bit();
        return output;
    }
    output.exitStatus = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    output.ok = output.exitStatus == 0;
    output.standardOutput = process.readAllStandardOutput();
    output.standardError = process.readAllStandardError();
    return output;
}

QString SlurmFixture::start()
{
    if (::geteuid() != 0)
        return QStringLiteral("The Slurm tests need root: they run munged, slurmctld and slurmd.");
    for (const QString &program : {Munged, MungeKey, Slurmctld, Slurmd}) {
        if (!QFileInfo(program).isExecutable())
            return QStringLiteral("%1 is missing: install slurm-wlm and munge (scripts/install-deps.sh).").arg(program);
    }
    for (const QString &program : {QStringLiteral("sinfo"), QStringLiteral("scontrol"), QStringLiteral("sbatch")}) {
        if (QStandardPaths::findExecutable(program).isEmpty())
            return QStringLiteral("%1 is missing: install slurm-client (scripts/install-deps.sh).").arg(program);
    }

    // The node is this machine whichever fixture runs it: one at a time.
    m_lock = std::make_unique<QLockFile>(QDir::temp().filePath(QStringLiteral("trainyard-slurm-fixture.lock")));
    m_lock->setStaleLockTime(0); // stale only when its process is gone, however long a run takes
    if (!m_lock->tryLock(5 * 60 * 1000))
        return QStringLiteral("Another Slurm test run held %1 for 5 minutes.").arg(m_lock->fileName());

    m_dir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("trainyard-slurm-XXXXXX")));
    if (!m_dir->isValid())
        return QStringLiteral("No temporary folder: ") + m_dir->errorString();
    // Readable by everyone (slurm.conf, the munge socket); munged wants its folders unwritable by others.
    const auto readable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
    QFile::setPermissions(m_dir->path(), readable);
    for (const QString &folder : {QStringLiteral("state"), QStringLiteral("spool"), QStringLiteral("jobs")}) {
        if (!QDir().mkpath(path(folder)))
            return QStringLiteral("Could not create ") + path(folder);
    }
    QFile::setPermissions(path(QStringLiteral("spool")), readable);
    // Like /tmp: jobs of any user write their outputs here.
    if (::chmod(QFile::encodeName(jobsFolder()).constData(), 01777) != 0)
        return QStringLiteral("Could not open ") + jobsFolder();

    m_nodeName = shortHostName();
    if (m_nodeName.isEmpty())
        return QStringLiteral("This machine has no host name.");
    m_cpus = int(::sysconf(_SC_NPROCESSORS_ONLN));
    // As slurmd measures it, so that the node does not register with less than configured.
    m_memoryMegabytes = qint64(::sysconf(_SC_PHYS_PAGES)) * ::sysconf(_SC_PAGESIZE) / (1024 * 1024);
    m_clusterName = QStringLiteral("trainyard") + randomSuffix();
    m_controllerPort = freePort();
    do {
        m_nodePort = freePort();
    } while (m_nodePort == m_controllerPort);
    if (m_controllerPort == 0 || m_nodePort == 0)
        return QStringLiteral("No free ports.");

    if (const QString failed = startWatchdog(); !failed.isEmpty())
        return failed;
    if (const QString failed = writeConfig(); !failed.isEmpty())
        return failed;
    m_hadSlurmConf = qEnvironmentVariableIsSet("SLURM_CONF");
    m_previousSlurmConf = qgetenv("SLURM_CONF");
    m_exported = true;
    qputenv("SLURM_CONF", QFile::encodeName(configFile()));

    if (const QString failed = startMunge(); !failed.isEmpty())
        return failed;
    if (const QString failed = startDaemon(m_slurmctld, QStringLiteral("slurmctld"), Slurmctld,
                                           {QStringLiteral("-D"), QStringLiteral("-f"), configFile()});
        !failed.isEmpty())
        return failed;
    const QDeadlineTimer listening(15000);
    while (!canConnect(m_controllerPort)) {
        if (m_slurmctld->state() != QProcess::Running || listening.hasExpired())
            return failure(QStringLiteral("slurmctld is not listening on port %1.").arg(m_controllerPort));
        QThread::msleep(50);
    }
    if (const QString failed = startDaemon(m_slurmd, QStringLiteral("slurmd"), Slurmd,
                                           {QStringLiteral("-D"), QStringLiteral("-f"), configFile(), QStringLiteral("-N"), m_nodeName});
        !failed.isEmpty())
        return failed;
    return waitUntilIdle();
}

QString SlurmFixture::startWatchdog()
{
    QProcess watchdog;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("SLURM_CONF"));
    watchdog.setProcessEnvironment(environment);
    watchdog.setProgram(QStringLiteral("/bin/sh"));
    watchdog.setArguments({QStringLiteral("-c"), QString::fromLatin1(WatchdogScript), QStringLiteral("slurm-fixture-watchdog"),
                           QString::number(::getpid()), configFile(), m_dir->path()});
    watchdog.setStandardOutputFile(QProcess::nullDevice());
    watchdog.setStandardErrorFile(QProcess::nullDevice());
    if (!watchdog.startDetached(&m_watchdogPid))
        return QStringLiteral("The fixture's watchdog did not start: ") + watchdog.errorString();
    return {};
}

QString SlurmFixture::writeConfig()
{
    const QString text = QStringLiteral(
        "# Written by tests/tools/slurmfixture.cpp for one test run.\n"
        "ClusterName=%1\n"
        "SlurmctldHost=%2\n"
        "SlurmctldPort=%3\n"
        "SlurmdPort=%4\n"
        "AuthType=auth/munge\n"
        "AuthInfo=socket=%5\n"
        "CredType=cred/munge\n"
        "SlurmUser=root\n"
        "SlurmdUser=root\n"
        "ProctrackType=proctrack/linuxproc\n"
        "TaskPlugin=task/none\n"
        "SelectType=select/cons_tres\n"
        "SelectTypeParameters=CR_Core\n"
        "AccountingStorageType=accounting_storage/none\n"
        "JobAcctGatherType=jobacct_gather/none\n"
        "JobCompType=jobcomp/none\n"
        "MpiDefault=none\n"
        "MailProg=/bin/true\n"
        "ReturnToService=2\n"
        // Finished jobs stay visible to scontrol show job for 5 minutes (Slurm's default).
        "MinJobAge=300\n"
        "KillWait=5\n"
        "StateSaveLocation=%6\n"
        "SlurmdSpoolDir=%7\n"
        "SlurmctldPidFile=%8\n"
        "SlurmdPidFile=%9\n")
                             .arg(m_clusterName, m_nodeName)
                             .arg(m_controllerPort)
                             .arg(m_nodePort)
                             .arg(path(QStringLiteral("munge.socket")), path(QStringLiteral("state")), path(QStringLiteral("spool")),
                                  path(QStringLiteral("slurmctld.pid")), path(QStringLiteral("slurmd.pid")))
        + QStringLiteral(
              "SlurmctldLogFile=%1\n"
              "SlurmdLogFile=%2\n"
              "SlurmctldDebug=info\n"
              "SlurmdDebug=info\n"
              "NodeName=%3 CPUs=%4 RealMemory=%5 State=UNKNOWN\n"
              "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP\n")
              .arg(path(QStringLiteral("slurmctld.log")), path(QStringLiteral("slurmd.log")), m_nodeName)
              .arg(m_cpus)
              .arg(m_memoryMegabytes);
    const auto readable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    if (!writeFile(configFile(), text.toUtf8(), readable))
        return QStringLiteral("Could not write ") + configFile();
    return {};
}

QString SlurmFixture::startMunge()
{
    const QString key = path(QStringLiteral("munge.key"));
    const Output created = run(MungeKey, {QStringLiteral("--create"), QStringLiteral("--keyfile=") + key});
    if (!created.ok)
        return QStringLiteral("mungekey failed: ") + QString::fromLocal8Bit(created.standardError);
    const QString socket = path(QStringLiteral("munge.socket"));
    // -F: in the foreground as our child. Every path of its own, nothing under /run/munge or /etc/munge.
    const QString failed = startDaemon(m_munged, QStringLiteral("munged"), Munged,
                                       {QStringLiteral("--foreground"), QStringLiteral("--socket=") + socket,
                                        QStringLiteral("--key-file=") + key, QStringLiteral("--pid-file=") + path(QStringLiteral("munged.pid")),
                                        QStringLiteral("--log-file=") + path(QStringLiteral("munged.log")),
                                        QStringLiteral("--seed-file=") + path(QStringLiteral("munged.seed"))});
    if (!failed.isEmpty())
        return failed;
    const QDeadlineTimer deadline(10000);
    while (!QFileInfo::exists(socket)) {
        if (m_munged->state() != QProcess::Running || deadline.hasExpired())
            return failure(QStringLiteral("munged did not create its socket %1.").arg(socket));
        QThread::msleep(20);
    }
    return {};
}

QString SlurmFixture::startDaemon(std::unique_ptr<QProcess> &process, const QString &name, const QString &program,
                                  const QStringList &arguments)
{
    process = std::make_unique<QProcess>();
    // The daemons end with the test process, even when it crashes (they run as root and never
    // change credentials, so the parent-death signal survives their exec).
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SLURM_CONF"), configFile());
    process->setProcessEnvironment(environment);
    process->setStandardOutputFile(path(name + QStringLiteral(".out")), QIODevice::Append);
    process->setStandardErrorFile(path(name + QStringLiteral(".out")), QIODevice::Append);
    process->start(program, arguments);
    if (!process->waitForStarted(10000))
        return failure(QStringLiteral("%1 did not start: %2").arg(name, process->errorString()));
    return {};
}

QString SlurmFixture::waitUntilIdle()
{
    const QDeadlineTimer deadline(IdleTimeoutMs);
    QString state;
    for (;;) {
        for (const auto &[process, name] : {std::pair{m_munged.get(), "munged"}, std::pair{m_slurmctld.get(), "slurmctld"},
                                             std::pair{m_slurmd.get(), "slurmd"}}) {
            if (process->state() != QProcess::Running)
                return failure(QStringLiteral("%1 exited (exit code %2).").arg(QLatin1String(name)).arg(process->exitCode()));
        }
        const Output shown = run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-N"), QStringLiteral("-n"), m_nodeName,
                                                           QStringLiteral("-o"), QStringLiteral("%T")});
        // The last line: sinfo repeats a failure once per attempt.
        state = QString::fromLocal8Bit(shown.ok ? shown.standardOutput : shown.standardError).trimmed().section(QLatin1Char('\n'), -1);
        if (shown.ok && state == QLatin1String("idle"))
            return {};
        if (deadline.hasExpired())
            return failure(QStringLiteral("The node %1 is not idle after %2 s; sinfo says: %3")
                               .arg(m_nodeName)
                               .arg(IdleTimeoutMs / 1000)
                               .arg(state));
        QThread::msleep(200);
    }
}

bool SlurmFixture::isRunning() const
{
    for (const auto *process : {m_munged.get(), m_slurmctld.get(), m_slurmd.get()}) {
        if (!process || process->state() != QProcess::Running)
            return false;
    }
    return true;
}

void SlurmFixture::stopProcess(std::unique_ptr<QProcess> &process)
{
    if (!process)
        return;
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(10000)) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
    process.reset();
}

QList<qint64> SlurmFixture::leftoverProcesses() const
{
    QList<qint64> found;
    const QByteArray marker = "SLURM_CONF=" + QFile::encodeName(configFile());
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == ::getpid() || isGone(pid))
            continue;
        QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
        if (!environ.open(QIODevice::ReadOnly))
            continue;
        if (environ.readAll().split('\0').contains(marker))
            found << pid;
    }
    return found;
}

void SlurmFixture::stop()
{
    if (!m_dir)
        return;
    stopProcess(m_slurmd);
    stopProcess(m_slurmctld);
    stopProcess(m_munged);
    // Job steps and the jobs' processes, detached from slurmd.
    const QDeadlineTimer deadline(10000);
    for (QList<qint64> left = leftoverProcesses(); !left.isEmpty() && !deadline.hasExpired(); left = leftoverProcesses()) {
        for (qint64 pid : std::as_const(left))
            ::kill(pid_t(pid), SIGKILL);
        QThread::msleep(50);
    }
    if (m_exported && m_hadSlurmConf)
        qputenv("SLURM_CONF", m_previousSlurmConf);
    else if (m_exported)
        qunsetenv("SLURM_CONF");
    m_exported = false;
}
