#include "sshdfixture.h"

#include "fixturesupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

using FixtureSupport::canConnect;
using FixtureSupport::isGone;
using FixtureSupport::writeFile;

namespace {

const QString SshdProgram = QStringLiteral("/usr/sbin/sshd");

struct Run
{
    bool ok = false;
    QByteArray output;
    QString error; // why it failed, with the program's stderr
};

// Runs a helper program to its end. `input` goes to its stdin; `environment` entries are added.
Run run(const QString &program, const QStringList &arguments, const QByteArray &input = {},
        const QHash<QString, QString> &environment = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    Run result;
    if (!process.waitForStarted(10000)) {
        result.error = program + QStringLiteral(" did not start: ") + process.errorString();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        result.error = program + QStringLiteral(" did not finish");
        return result;
    }
    result.output = process.readAllStandardOutput();
    result.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!result.ok)
        result.error = QStringLiteral("%1 %2 failed (exit code %3): %4")
                           .arg(program, arguments.join(QLatin1Char(' ')))
                           .arg(process.exitCode())
                           .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
    return result;
}

// A secret with characters that break careless quoting (no ':' or newline: chpasswd splits on them).
QString randomSecret(const QString &prefix)
{
    return prefix + QStringLiteral(" 'q' \"d\" $x ü ") + QString::number(QRandomGenerator::global()->generate64(), 36);
}

// Parent pid of every process, from /proc/<pid>/stat (the field after the parenthesized name).
QHash<qint64, qint64> parentPids()
{
    QHash<qint64, qint64> parents;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            parents.insert(pid, fields.at(1).toLongLong());
    }
    return parents;
}

QList<qint64> descendants(qint64 root)
{
    const QHash<qint64, qint64> parents = parentPids();
    QList<qint64> found;
    QList<qint64> queue{root};
    while (!queue.isEmpty()) {
        const qint64 parent = queue.takeFirst();
        for (auto it = parents.cbegin(); it != parents.cend(); ++it) {
            if (it.value() == parent) {
                found << it.key();
                queue << it.key();
            }
        }
    }
    return found;
}

// Servers started here die with the test process, even when it crashes.
void dieWithParent(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

} // namespace

SshdFixture::SshdFixture() = default;

SshdFixture::~SshdFixture()
{
    stop();
    if (m_agentPid > 0) {
        ::kill(pid_t(m_agentPid), SIGTERM);
        // Gone before its folder is removed.
        const QDeadlineTimer deadline(5000);
        while (!isGone(m_agentPid) && !deadline.hasExpired())
            QThread::msleep(10);
    }
    if (m_agent) {
        m_agent->terminate();
        m_agent->waitForFinished(5000);
    }
}

quint16 SshdFixture::freePort()
{
    return FixtureSupport::freePort(INADDR_LOOPBACK);
}

QString SshdFixture::path(const QString &name) const
{
    return m_dir ? m_dir->filePath(name) : QString();
}

QString SshdFixture::hostKeyFile(HostKey key) const
{
    switch (key) {
    case HostKey::Ed25519:
        return path(QStringLiteral("host_ed25519"));
    case HostKey::Ed25519Replacement:
        return path(QStringLiteral("host_ed25519_replacement"));
    case HostKey::Ecdsa:
        return path(QStringLiteral("host_ecdsa"));
    }
    return {};
}

QString SshdFixture::clientKeyFile(ClientKey key) const
{
    switch (key) {
    case ClientKey::Ed25519:
        return path(QStringLiteral("id_ed25519"));
    case ClientKey::Ecdsa:
        return path(QStringLiteral("id_ecdsa"));
    case ClientKey::RsaPem:
        return path(QStringLiteral("id_rsa_pem"));
    case ClientKey::Ed25519Plain:
        return path(QStringLiteral("id_ed25519_plain"));
    }
    return {};
}

QString SshdFixture::fingerprint(HostKey key) const
{
    const Run listed = run(QStringLiteral("ssh-keygen"),
                           {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"), QStringLiteral("-f"),
                            hostKeyFile(key) + QStringLiteral(".pub")});
    const QList<QByteArray> fields = listed.output.split(' ');
    return listed.ok && fields.size() > 1 ? QString::fromLatin1(fields.at(1)) : QString();
}

QString SshdFixture::publicKeyLine(HostKey key) const
{
    QFile file(hostKeyFile(key) + QStringLiteral(".pub"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = file.readAll().trimmed().split(' ');
    return fields.size() >= 2 ? QString::fromLatin1(fields.at(0) + ' ' + fields.at(1)) : QString();
}

QByteArray SshdFixture::log() const
{
    QFile file(path(QStringLiteral("sshd.log")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString SshdFixture::setUp()
{
    if (::geteuid() != 0)
        return QStringLiteral("The SSH tests need root: they create the user %1 and run sshd.").arg(user());
    if (!QFileInfo(SshdProgram).isExecutable())
        return QStringLiteral("%1 is missing: install openssh-server (scripts/install-deps.sh).").arg(SshdProgram);

    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        return QStringLiteral("No temporary folder: ") + m_dir->errorString();
    // sshd reads authorized_keys as the test user: it must be able to enter the folder. Private keys
    // in it stay 0600 and root's.
    QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                             | QFileDevice::ExeGroup | QFileDevice::ExeOther);
    // Privilege separation needs this root-owned folder (systemd creates it on a normal system).
    if (!QDir().mkpath(QStringLiteral("/run/sshd")))
        return QStringLiteral("Could not create /run/sshd for sshd's privilege separation.");

    // The user's password is machine-wide: two fixtures at once would change it under each other.
    m_userLock = std::make_unique<QLockFile>(QDir::temp().filePath(user() + QStringLiteral(".lock")));
    m_userLock->setStaleLockTime(0); // stale only when its process is gone, however long a run takes
    if (!m_userLock->tryLock(5 * 60 * 1000))
        return QStringLiteral("Another SSH test run kept %1 busy for 5 minutes.").arg(m_userLock->fileName());
    if (const QString failed = createUser(); !failed.isEmpty())
        return failed;
    if (const QString failed = createKeys(); !failed.isEmpty())
        return failed;
    if (const QString failed = startAgent(); !failed.isEmpty())
        return failed;
    m_port = freePort();
    if (m_port == 0)
        return QStringLiteral("No free port on 127.0.0.1.");
    return start(HostKey::Ed25519);
}

QString SshdFixture::createUser()
{
    if (!::getpwnam(user().toLocal8Bit().constData())) {
        const Run added = run(QStringLiteral("useradd"),
                              {QStringLiteral("--create-home"), QStringLiteral("--shell"), QStringLiteral("/bin/bash"), user()});
        if (!added.ok)
            return added.error;
    }
    m_password = randomSecret(QStringLiteral("pw"));
    const Run changed = run(QStringLiteral("chpasswd"), {}, (user() + QLatin1Char(':') + m_password + QLatin1Char('\n')).toUtf8());
    return changed.ok ? QString() : changed.error;
}

QString SshdFixture::createKeys()
{
    m_passphrase = randomSecret(QStringLiteral("pp"));
    // ssh-keygen and ssh-add read the passphrase from this program (never from their arguments).
    const QString askpass = path(QStringLiteral("askpass.sh"));
    if (!writeFile(askpass, "#!/bin/sh\nprintf '%s\\n' \"$TRAINYARD_TEST_PASSPHRASE\"\n",
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return QStringLiteral("Could not write ") + askpass;
    const QHash<QString, QString> askpassEnvironment{{QStringLiteral("SSH_ASKPASS"), askpass},
                                                     {QStringLiteral("SSH_ASKPASS_REQUIRE"), QStringLiteral("force")},
                                                     {QStringLiteral("TRAINYARD_TEST_PASSPHRASE"), m_passphrase}};

    struct KeySpec
    {
        QString file;
        QStringList options;
        bool passphrase;
    };
    const QList<KeySpec> keys{
        {hostKeyFile(HostKey::Ed25519), {QStringLiteral("-t"), QStringLiteral("ed25519")}, false},
        {hostKeyFile(HostKey::Ed25519Replacement), {QStringLiteral("-t"), QStringLiteral("ed25519")}, false},
        {hostKeyFile(HostKey::Ecdsa), {QStringLiteral("-t"), QStringLiteral("ecdsa"), QStringLiteral("-b"), QStringLiteral("256")}, false},
        {clientKeyFile(ClientKey::Ed25519), {QStringLiteral("-t"), QStringLiteral("ed25519")}, true},
        {clientKeyFile(ClientKey::Ecdsa), {QStringLiteral("-t"), QStringLiteral("ecdsa"), QStringLiteral("-b"), QStringLiteral("256")}, true},
        {clientKeyFile(ClientKey::RsaPem),
         {QStringLiteral("-t"), QStringLiteral("rsa"), QStringLiteral("-b"), QStringLiteral("2048"), QStringLiteral("-m"), QStringLiteral("PEM")},
         true},
        {clientKeyFile(ClientKey::Ed25519Plain), {QStringLiteral("-t"), QStringLiteral("ed25519")}, false},
    };
    QByteArray authorizedKeys;
    for (const KeySpec &key : keys) {
        QStringList arguments{QStringLiteral("-q"), QStringLiteral("-C"), QStringLiteral("trainyard test key"), QStringLiteral("-f"), key.file};
        arguments += key.options;
        if (!key.passphrase)
            arguments << QStringLiteral("-N") << QString(); // an empty passphrase is no secret
        const Run generated = run(QStringLiteral("ssh-keygen"), arguments, {}, key.passphrase ? askpassEnvironment : QHash<QString, QString>{});
        if (!generated.ok)
            return generated.error;
        if (QFileInfo(key.file).fileName().startsWith(QLatin1String("id_"))) {
            QFile publicKey(key.file + QStringLiteral(".pub"));
            if (!publicKey.open(QIODevice::ReadOnly))
                return QStringLiteral("No public key ") + publicKey.fileName();
            authorizedKeys += publicKey.readAll();
        }
    }
    if (!writeFile(path(QStringLiteral("authorized_keys")), authorizedKeys,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther))
        return QStringLiteral("Could not write authorized_keys");
    return {};
}

QString SshdFixture::startAgent()
{
    // ssh-agent is set-group-id, so the kernel drops a parent-death signal at its exec: it would
    // outlive a crashed test. Instead it runs a watchdog command, and an agent with a command
    // exits when that command ends; the watchdog ends with this process.
    m_agent = std::make_unique<QProcess>();
    m_agent->start(QStringLiteral("ssh-agent"),
                   {QStringLiteral("-a"), agentSocket(), QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                    QStringLiteral("echo \"$SSH_AGENT_PID\"; while kill -0 \"$1\" 2>/dev/null; do sleep 1; done"),
                    QStringLiteral("watchdog"), QString::number(::getpid())});
    if (!m_agent->waitForStarted(10000))
        return QStringLiteral("ssh-agent did not start: ") + m_agent->errorString();
    const QDeadlineTimer deadline(10000);
    while (!m_agent->canReadLine() || !QFileInfo::exists(agentSocket())) {
        if (deadline.hasExpired() || m_agent->state() != QProcess::Running)
            return QStringLiteral("ssh-agent did not start: ") + QString::fromLocal8Bit(m_agent->readAllStandardError());
        m_agent->waitForReadyRead(50);
    }
    m_agentPid = m_agent->readLine().trimmed().toLongLong();
    const Run added = run(QStringLiteral("ssh-add"), {clientKeyFile(ClientKey::Ed25519)}, {},
                          {{QStringLiteral("SSH_AUTH_SOCK"), agentSocket()},
                           {QStringLiteral("SSH_ASKPASS"), path(QStringLiteral("askpass.sh"))},
                           {QStringLiteral("SSH_ASKPASS_REQUIRE"), QStringLiteral("force")},
                           {QStringLiteral("TRAINYARD_TEST_PASSPHRASE"), m_passphrase}});
    return added.ok ? QString() : added.error;
}

QString SshdFixture::start(HostKey key)
{
    stop();
    m_hostKey = key;
    const QString config = path(QStringLiteral("sshd_config"));
    const QString text = QStringLiteral(
        "Port %1\n"
        "ListenAddress 127.0.0.1\n"
        "HostKey %2\n"
        "PidFile %3\n"
        "AuthorizedKeysFile %4\n"
        "AllowUsers %5\n"
        "PasswordAuthentication %6\n"
        "PubkeyAuthentication yes\n"
        "KbdInteractiveAuthentication %7\n"
        "PermitEmptyPasswords no\n"
        "PermitRootLogin no\n"
        // Without PAM sshd checks the password against /etc/shadow itself (enough for the test user);
        // keyboard-interactive passwords come from PAM.
        "UsePAM %7\n"
        // The files above live under /tmp, which is world-writable.
        "StrictModes no\n"
        "MaxAuthTries 20\n"
        "MaxStartups 100\n"
        "Subsystem sftp internal-sftp\n"
        "LogLevel VERBOSE\n")
                             .arg(m_port)
                             .arg(hostKeyFile(key), path(QStringLiteral("sshd.pid")), path(QStringLiteral("authorized_keys")), user(),
                                  m_keyboardInteractiveOnly ? QStringLiteral("no") : QStringLiteral("yes"),
                                  m_keyboardInteractiveOnly ? QStringLiteral("yes") : QStringLiteral("no"));
    if (!writeFile(config, text.toUtf8(), QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return QStringLiteral("Could not write ") + config;
    const Run tested = run(SshdProgram, {QStringLiteral("-t"), QStringLiteral("-f"), config});
    if (!tested.ok)
        return QStringLiteral("sshd rejects its configuration: ") + tested.error;

    m_sshd = std::make_unique<QProcess>();
    dieWithParent(*m_sshd);
    m_sshd->setStandardOutputFile(path(QStringLiteral("sshd.out")), QIODevice::Append);
    m_sshd->setStandardErrorFile(path(QStringLiteral("sshd.out")), QIODevice::Append);
    // -D: stay in the foreground as our child; -E: log to a file.
    m_sshd->start(SshdProgram, {QStringLiteral("-D"), QStringLiteral("-f"), config, QStringLiteral("-E"),
                                path(QStringLiteral("sshd.log"))});
    if (!m_sshd->waitForStarted(10000))
        return QStringLiteral("sshd did not start: ") + m_sshd->errorString();
    const QDeadlineTimer deadline(15000);
    while (!canConnect(m_port)) {
        if (m_sshd->state() != QProcess::Running || deadline.hasExpired()) {
            QFile out(path(QStringLiteral("sshd.out")));
            out.open(QIODevice::ReadOnly);
            return QStringLiteral("sshd is not listening on 127.0.0.1:%1:\n%2\n%3")
                .arg(m_port)
                .arg(QString::fromLocal8Bit(log().right(2000)), QString::fromLocal8Bit(out.readAll().right(2000)));
        }
        QThread::msleep(20);
    }
    return {};
}

bool SshdFixture::isRunning() const
{
    return m_sshd && m_sshd->state() == QProcess::Running;
}

void SshdFixture::stop()
{
    if (!m_sshd)
        return;
    // sshd leaves running sessions alone when the listener stops: end them too.
    signalSessions(SIGKILL);
    m_sshd->terminate();
    if (!m_sshd->waitForFinished(10000)) {
        m_sshd->kill();
        m_sshd->waitForFinished(5000);
    }
    m_sshd.reset();
}

QString SshdFixture::restart(HostKey key)
{
    stop();
    return start(key);
}

QString SshdFixture::signalSessions(int signal)
{
    if (!isRunning())
        return QStringLiteral("sshd is not running");
    const QList<qint64> pids = descendants(m_sshd->processId());
    for (qint64 pid : pids)
        ::kill(pid_t(pid), signal);
    if (signal != SIGKILL)
        return {};
    const QDeadlineTimer deadline(10000);
    for (qint64 pid : pids) {
        while (!isGone(pid)) {
            if (deadline.hasExpired())
                return QStringLiteral("process %1 did not end").arg(pid);
            QThread::msleep(10);
        }
    }
    return {};
}

bool SshdFixture::waitUntilIdle() const
{
    if (!isRunning())
        return true;
    const QDeadlineTimer deadline(10000);
    for (;;) {
        bool busy = false;
        const QList<qint64> pids = descendants(m_sshd->processId());
        for (qint64 pid : pids)
            busy = busy || !isGone(pid);
        if (!busy)
            return true;
        if (deadline.hasExpired())
            return false;
        QThread::msleep(10);
    }
}
