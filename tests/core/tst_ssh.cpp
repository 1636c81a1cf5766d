// The SSH layer against a real sshd (tests/tools/sshdfixture): host key trust (unknown, accepted,
// remembered, wrong fingerprint, changed, other type, revoked; the user's known_hosts read in plain
// and hashed form and never written), password/key/agent logins and their failures, remote
// commands with hostile arguments, streaming stdin, reading files, and dropped connections.

#include "shellquote.h"
#include "sshconnection.h"
#include "sshremoteprocess.h"
#include "sshsession.h"
#include "tools/sshdfixture.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Trainyard;
using namespace std::chrono_literals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QString kindName(SshError::Kind kind)
{
    return QString::number(int(kind));
}

} // namespace

// Each evaluates its argument once (it is often the call under test).
#define VERIFY_OK(expression)                                                                             \
    do {                                                                                                  \
        const auto &verified = (expression);                                                              \
        QVERIFY2(verified.ok(), qPrintable(verified.errorMessage()));                                     \
    } while (false)
#define COMPARE_KIND(expression, expected)                                                                \
    do {                                                                                                  \
        const auto &failed = (expression);                                                                \
        QVERIFY2(!failed.ok(), "expected an error");                                                      \
        QVERIFY2(failed.error().kind == (expected),                                                       \
                 qPrintable(QStringLiteral("kind %1, expected %2: %3")                                     \
                                .arg(kindName(failed.error().kind), kindName(expected), failed.errorMessage()))); \
    } while (false)

class tst_Ssh : public QObject
{
    Q_OBJECT

private:
    SshdFixture m_sshd;
    std::unique_ptr<QTemporaryDir> m_temp;
    QString m_home;

    QString trainyardFile() const { return m_temp->filePath(QStringLiteral("trainyard/known_hosts")); }
    QString userFile() const { return m_temp->filePath(QStringLiteral("user/known_hosts")); }
    SshKnownHosts knownHosts() const { return SshKnownHosts(trainyardFile(), userFile()); }
    SshEndpoint endpoint() const { return {SshdFixture::host(), m_sshd.port(), SshdFixture::user()}; }
    SshCredentials password() const { return SshCredentials::withPassword(m_sshd.password()); }
    QString endpointName() const { return SshdFixture::user() + QStringLiteral("@127.0.0.1:%1").arg(m_sshd.port()); }
    QString hostPattern() const { return QStringLiteral("[127.0.0.1]:%1").arg(m_sshd.port()); }
    QString knownHostsLine(SshdFixture::HostKey key) const
    {
        return hostPattern() + QLatin1Char(' ') + m_sshd.publicKeyLine(key) + QLatin1Char('\n');
    }
    void trust(SshdFixture::HostKey key = SshdFixture::HostKey::Ed25519)
    {
        QVERIFY(writeAll(trainyardFile(), knownHostsLine(key).toUtf8()));
    }
    // A session logged in with the password, the host trusted.
    std::unique_ptr<SshSession> connected()
    {
        trust();
        auto session = std::make_unique<SshSession>(knownHosts());
        auto result = session->connect(endpoint(), password());
        return result ? std::move(session) : nullptr;
    }
    QString whoami(SshSession &session)
    {
        auto ran = session.exec(QStringLiteral("whoami"));
        return ran ? QString::fromUtf8(ran->standardOutput).trimmed() : ran.errorMessage();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Nothing from the real user: no agent, and a HOME of our own for ~/.ssh/known_hosts.
        qunsetenv("SSH_AUTH_SOCK");
        static QTemporaryDir home;
        m_home = home.path();
        qputenv("HOME", QFile::encodeName(m_home));
        const QString failed = m_sshd.setUp();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void init()
    {
        m_temp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_temp->isValid());
        if (!m_sshd.isRunning() || m_sshd.hostKey() != SshdFixture::HostKey::Ed25519 || m_sshd.keyboardInteractiveOnly()) {
            m_sshd.setKeyboardInteractiveOnly(false);
            const QString failed = m_sshd.restart(SshdFixture::HostKey::Ed25519);
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
        }
        // Sessions of the previous test still logging their end would blur the log checks.
        QVERIFY(m_sshd.waitUntilIdle());
    }

    void cleanupTestCase() { m_sshd.stop(); }

    void backoffDoublesUpToThirtySeconds()
    {
        const SshBackoff backoff;
        QList<qint64> delays;
        for (int attempt = 1; attempt <= 8; ++attempt)
            delays << backoff.delayBefore(attempt).count() / 1000;
        QCOMPARE(delays, (QList<qint64>{0, 1, 2, 4, 8, 16, 30, 30}));
    }

    void invalidHostIsRefusedBeforeConnecting()
    {
        SshSession session(knownHosts());
        auto result = session.connect({QStringLiteral("-oProxyCommand=touch /tmp/pwned"), 22, SshdFixture::user()}, password());
        COMPARE_KIND(result, SshError::Kind::InvalidEndpoint);
    }

    void refusedConnectionNamesTheHost()
    {
        SshSession session(knownHosts());
        const quint16 port = SshdFixture::freePort();
        auto result = session.connect({SshdFixture::host(), port, SshdFixture::user()}, password(), {}, 5s);
        COMPARE_KIND(result, SshError::Kind::ConnectionFailed);
        QVERIFY2(result.errorMessage().contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(result.errorMessage()));
    }

    void silentServerTimesOut()
    {
        // A port that accepts TCP connections (the kernel does, from the backlog) but never speaks SSH.
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(listener >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        QVERIFY(::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);
        QVERIFY(::listen(listener, 4) == 0);
        QVERIFY(::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) == 0);
        SshSession session(knownHosts());
        QElapsedTimer timer;
        timer.start();
        auto result = session.connect({SshdFixture::host(), ntohs(address.sin_port), SshdFixture::user()}, password(), {}, 700ms);
        ::close(listener);
        COMPARE_KIND(result, SshError::Kind::ConnectionFailed);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void sshConfigIsNotRead()
    {
        // Everything in ~/.ssh/config would send us elsewhere or run a command; none of it applies.
        const QString marker = m_temp->filePath(QStringLiteral("proxy-command-ran"));
        QVERIFY(writeAll(m_home + QStringLiteral("/.ssh/config"),
                         QStringLiteral("Host *\n  Port 1\n  User root\n  HostName 192.0.2.1\n  ProxyCommand touch %1\n")
                             .arg(marker).toUtf8()));
        auto session = connected();
        QFile::remove(m_home + QStringLiteral("/.ssh/config"));
        QVERIFY(session);
        QCOMPARE(whoami(*session), SshdFixture::user());
        QVERIFY(!QFile::exists(marker));
    }

    void unknownHostKeyIsRefusedBeforeAnyCredential()
    {
        const qsizetype logBefore = m_sshd.log().size();
        SshSession session(knownHosts());
        auto result = session.connect(endpoint(), password());
        COMPARE_KIND(result, SshError::Kind::HostKeyUnknown);
        const QString expected = m_sshd.fingerprint(SshdFixture::HostKey::Ed25519);
        QVERIFY(expected.startsWith(QLatin1String("SHA256:")));
        QCOMPARE(result.error().fingerprint(), expected);
        QCOMPARE(result.error().hostKey.type, QStringLiteral("ssh-ed25519"));
        QVERIFY(result.errorMessage().contains(expected));
        QVERIFY(!result.errorMessage().contains(m_sshd.password()));
        QVERIFY(!session.isConnected());
        // Not even the user name reached the server, and nothing was written anywhere.
        QTRY_VERIFY(m_sshd.log().mid(logBefore).contains("[preauth]"));
        QVERIFY2(!m_sshd.log().mid(logBefore).contains(SshdFixture::user().toUtf8()), m_sshd.log().mid(logBefore).constData());
        QVERIFY(!QFile::exists(trainyardFile()));
        QVERIFY(!QFile::exists(userFile()));
    }

    void acceptedKeyIsRememberedAndThenKnown()
    {
        const QString fingerprint = m_sshd.fingerprint(SshdFixture::HostKey::Ed25519);
        SshSession first(knownHosts());
        auto accepted = first.connect(endpoint(), password(), SshHostKeyPolicy::acceptAndRemember(fingerprint));
        VERIFY_OK(accepted);
        QCOMPARE(first.hostKey().fingerprint, fingerprint);
        QCOMPARE(whoami(first), SshdFixture::user());
        QCOMPARE(QString::fromUtf8(readAll(trainyardFile())), knownHostsLine(SshdFixture::HostKey::Ed25519));
        QVERIFY(!QFile::exists(userFile()));

        SshSession second(knownHosts());
        VERIFY_OK(second.connect(endpoint(), password(), SshHostKeyPolicy::requireKnown()));
        QCOMPARE(whoami(second), SshdFixture::user());
    }

    void acceptedOnceIsNotRemembered()
    {
        const QString fingerprint = m_sshd.fingerprint(SshdFixture::HostKey::Ed25519);
        SshSession session(knownHosts());
        // The fingerprint as a person may paste it: without the prefix, with spaces around.
        VERIFY_OK(session.connect(endpoint(), password(), SshHostKeyPolicy::acceptOnce(QLatin1Char(' ') + fingerprint.mid(7))));
        QCOMPARE(whoami(session), SshdFixture::user());
        QVERIFY(!QFile::exists(trainyardFile()));

        SshSession again(knownHosts());
        COMPARE_KIND(again.connect(endpoint(), password()), SshError::Kind::HostKeyUnknown);
    }

    void wrongFingerprintIsRefused()
    {
        SshSession session(knownHosts());
        const QString wrong = m_sshd.fingerprint(SshdFixture::HostKey::Ed25519Replacement);
        auto result = session.connect(endpoint(), password(), SshHostKeyPolicy::acceptAndRemember(wrong));
        COMPARE_KIND(result, SshError::Kind::HostKeyMismatch);
        QCOMPARE(result.error().fingerprint(), m_sshd.fingerprint(SshdFixture::HostKey::Ed25519));
        QVERIFY(result.errorMessage().contains(wrong));
        QVERIFY(!QFile::exists(trainyardFile()));
    }

    void usersKnownHostsIsReadAndNeverWritten_data()
    {
        QTest::addColumn<QString>("form");
        QTest::newRow("plain") << QStringLiteral("plain");
        QTest::newRow("hashed") << QStringLiteral("hashed");
        QTest::newRow("wildcard") << QStringLiteral("wildcard");
        QTest::newRow("~/.ssh/known_hosts") << QStringLiteral("home");
    }

    void usersKnownHostsIsReadAndNeverWritten()
    {
        QFETCH(QString, form);
        const QString file = form == QLatin1String("home") ? m_home + QStringLiteral("/.ssh/known_hosts") : userFile();
        QByteArray content = "# the user's own file\nother.example ssh-ed25519 "
                             "AAAAC3NzaC1lZDI1NTE5AAAAIBk5ehvC5Vj8WMULUcNQ9X4iQvTuxgnmQMQWUl2eXkFQ\n";
        if (form == QLatin1String("wildcard"))
            content += QStringLiteral("[127.0.0.?]:%1 %2\n").arg(m_sshd.port()).arg(m_sshd.publicKeyLine(SshdFixture::HostKey::Ed25519)).toUtf8();
        else
            content += knownHostsLine(SshdFixture::HostKey::Ed25519).toUtf8();
        QVERIFY(writeAll(file, content));
        if (form == QLatin1String("hashed")) {
            QProcess keygen;
            keygen.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-H"), QStringLiteral("-f"), file});
            QVERIFY(keygen.waitForFinished(30000));
            QCOMPARE(keygen.exitCode(), 0);
            QVERIFY(QFile::remove(file + QStringLiteral(".old")));
            QVERIFY2(readAll(file).contains("\n|1|"), readAll(file).constData());
            QVERIFY(!readAll(file).contains("127.0.0.1"));
        }
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        const QByteArray before = readAll(file);
        const QDateTime modified = QFileInfo(file).lastModified();

        SshSession session(form == QLatin1String("home") ? SshKnownHosts(trainyardFile()) : knownHosts());
        QCOMPARE(session.knownHosts().userFile(), file);
        VERIFY_OK(session.connect(endpoint(), password()));
        QCOMPARE(whoami(session), SshdFixture::user());
        session.disconnect();

        // Remembering another key (after a restart with a new one) goes to Trainyard's file only.
        QVERIFY(m_sshd.restart(SshdFixture::HostKey::Ed25519Replacement).isEmpty());
        auto changed = session.connect(endpoint(), password());
        COMPARE_KIND(changed, SshError::Kind::HostKeyChanged);
        VERIFY_OK(session.connect(endpoint(), password(),
                                  SshHostKeyPolicy::replaceChanged(m_sshd.fingerprint(SshdFixture::HostKey::Ed25519Replacement))));
        QCOMPARE(readAll(trainyardFile()), knownHostsLine(SshdFixture::HostKey::Ed25519Replacement).toUtf8());

        QCOMPARE(readAll(file), before);
        QCOMPARE(QFileInfo(file).lastModified(), modified);
        QCOMPARE(QDir(QFileInfo(file).absolutePath()).entryList(QDir::Files), QStringList{QStringLiteral("known_hosts")});
        QFile::remove(file);
    }

    void changedHostKeyIsRefused()
    {
        trust();
        QVERIFY(writeAll(trainyardFile(), readAll(trainyardFile()) + "other.example " +
                         m_sshd.publicKeyLine(SshdFixture::HostKey::Ecdsa).toUtf8() + '\n'));
        QVERIFY(m_sshd.restart(SshdFixture::HostKey::Ed25519Replacement).isEmpty());
        const QString oldFingerprint = m_sshd.fingerprint(SshdFixture::HostKey::Ed25519);
        const QString newFingerprint = m_sshd.fingerprint(SshdFixture::HostKey::Ed25519Replacement);
        const qsizetype logBefore = m_sshd.log().size();

        SshSession session(knownHosts());
        auto result = session.connect(endpoint(), password());
        COMPARE_KIND(result, SshError::Kind::HostKeyChanged);
        QCOMPARE(result.error().fingerprint(), newFingerprint);
        QCOMPARE(result.error().previousFingerprint(), oldFingerprint);
        QVERIFY(result.errorMessage().contains(oldFingerprint));
        QVERIFY(result.errorMessage().contains(newFingerprint));
        // Accepting "an unknown key" does not cover a changed one: replacing must be explicit.
        COMPARE_KIND(session.connect(endpoint(), password(), SshHostKeyPolicy::acceptAndRemember(newFingerprint)),
                     SshError::Kind::HostKeyChanged);
        COMPARE_KIND(session.connect(endpoint(), password(), SshHostKeyPolicy::replaceChanged(oldFingerprint)),
                     SshError::Kind::HostKeyMismatch);
        QTRY_VERIFY(m_sshd.log().mid(logBefore).count("[preauth]") >= 3);
        QVERIFY(!m_sshd.log().mid(logBefore).contains(SshdFixture::user().toUtf8()));

        VERIFY_OK(session.connect(endpoint(), password(), SshHostKeyPolicy::replaceChanged(newFingerprint)));
        QCOMPARE(whoami(session), SshdFixture::user());
        // The old entry for this host is gone; other hosts' entries stay.
        QCOMPARE(QString::fromUtf8(readAll(trainyardFile())),
                 QStringLiteral("other.example ") + m_sshd.publicKeyLine(SshdFixture::HostKey::Ecdsa) + QLatin1Char('\n')
                     + knownHostsLine(SshdFixture::HostKey::Ed25519Replacement));
        SshSession again(knownHosts());
        VERIFY_OK(again.connect(endpoint(), password()));
    }

    void otherTypeHostKeyIsRefused()
    {
        trust();
        QVERIFY(m_sshd.restart(SshdFixture::HostKey::Ecdsa).isEmpty());
        SshSession session(knownHosts());
        auto result = session.connect(endpoint(), password());
        COMPARE_KIND(result, SshError::Kind::HostKeyOtherType);
        QCOMPARE(result.error().fingerprint(), m_sshd.fingerprint(SshdFixture::HostKey::Ecdsa));
        QVERIFY(result.error().hostKey.type.startsWith(QLatin1String("ecdsa-sha2-")));
        QCOMPARE(result.error().previousFingerprint(), m_sshd.fingerprint(SshdFixture::HostKey::Ed25519));
        QCOMPARE(result.error().previousHostKey.type, QStringLiteral("ssh-ed25519"));
    }

    void revokedHostKeyIsRefused()
    {
        trust();
        QVERIFY(writeAll(userFile(), "@revoked " + knownHostsLine(SshdFixture::HostKey::Ed25519).toUtf8()));
        SshSession session(knownHosts());
        COMPARE_KIND(session.connect(endpoint(), password()), SshError::Kind::HostKeyRevoked);
    }

    void passwordLogin()
    {
        auto session = connected();
        QVERIFY(session);
        QVERIFY(session->isConnected());
        QCOMPARE(whoami(*session), SshdFixture::user());
        QCOMPARE(session->endpoint().displayName(), endpointName());
    }

    void wrongPasswordIsClear()
    {
        trust();
        const QString wrong = QStringLiteral("not-the-password-") + QString::number(QDateTime::currentMSecsSinceEpoch());
        SshSession session(knownHosts());
        auto result = session.connect(endpoint(), SshCredentials::withPassword(wrong));
        COMPARE_KIND(result, SshError::Kind::AuthenticationDenied);
        QVERIFY2(result.errorMessage().contains(endpointName()),
                 qPrintable(result.errorMessage()));
        QVERIFY(result.errorMessage().contains(QLatin1String("password")));
        QVERIFY(!result.errorMessage().contains(wrong));
        QVERIFY(!session.isConnected());
    }

    // A server that takes passwords only through PAM's keyboard-interactive prompts: the password
    // answers the hidden prompt; a wrong one is denied as clearly as with the password method.
    void keyboardInteractivePassword()
    {
        m_sshd.setKeyboardInteractiveOnly(true);
        const QString failed = m_sshd.restart(SshdFixture::HostKey::Ed25519);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        trust();
        auto session = connected();
        QVERIFY(session);
        QCOMPARE(whoami(*session), SshdFixture::user());
        const QByteArray accepted = "Accepted keyboard-interactive/pam for " + SshdFixture::user().toUtf8();
        QVERIFY(m_sshd.log().contains(accepted));
        session.reset();

        const QString wrong = QStringLiteral("not-the-password-") + QString::number(QDateTime::currentMSecsSinceEpoch());
        SshSession refused(knownHosts());
        auto result = refused.connect(endpoint(), SshCredentials::withPassword(wrong));
        COMPARE_KIND(result, SshError::Kind::AuthenticationDenied);
        QVERIFY(result.errorMessage().contains(QLatin1String("did not accept the password")));
        QVERIFY(!result.errorMessage().contains(wrong));
    }

    void keyLogin_data()
    {
        QTest::addColumn<SshdFixture::ClientKey>("key");
        QTest::addColumn<bool>("passphrase");
        QTest::newRow("ed25519 + passphrase") << SshdFixture::ClientKey::Ed25519 << true;
        QTest::newRow("ecdsa + passphrase") << SshdFixture::ClientKey::Ecdsa << true;
        QTest::newRow("rsa pem + passphrase") << SshdFixture::ClientKey::RsaPem << true;
        QTest::newRow("ed25519 without passphrase") << SshdFixture::ClientKey::Ed25519Plain << false;
    }

    void keyLogin()
    {
        QFETCH(SshdFixture::ClientKey, key);
        QFETCH(bool, passphrase);
        trust();
        SshSession session(knownHosts());
        VERIFY_OK(session.connect(endpoint(), SshCredentials::withPrivateKey(m_sshd.clientKeyFile(key),
                                                                             passphrase ? m_sshd.passphrase() : QString())));
        QCOMPARE(whoami(session), SshdFixture::user());
    }

    void keyFailuresAreClear_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<SshError::Kind>("kind");
        const QString wrong = QStringLiteral("wrong passphrase 'x'");
        QTest::newRow("wrong passphrase, openssh") << m_sshd.clientKeyFile(SshdFixture::ClientKey::Ed25519) << wrong
                                                   << SshError::Kind::PassphraseWrong;
        QTest::newRow("wrong passphrase, pem") << m_sshd.clientKeyFile(SshdFixture::ClientKey::RsaPem) << wrong
                                               << SshError::Kind::PassphraseWrong;
        QTest::newRow("no passphrase, openssh") << m_sshd.clientKeyFile(SshdFixture::ClientKey::Ed25519) << QString()
                                                << SshError::Kind::PassphraseRequired;
        QTest::newRow("no passphrase, pem") << m_sshd.clientKeyFile(SshdFixture::ClientKey::RsaPem) << QString()
                                            << SshError::Kind::PassphraseRequired;
        QTest::newRow("missing file") << m_sshd.path(QStringLiteral("no_such_key")) << wrong << SshError::Kind::KeyFileMissing;
        QTest::newRow("not a key") << m_sshd.path(QStringLiteral("sshd_config")) << wrong << SshError::Kind::KeyFileInvalid;
        QTest::newRow("public key only") << m_sshd.clientKeyFile(SshdFixture::ClientKey::Ed25519) + QStringLiteral(".pub")
                                         << QString() << SshError::Kind::KeyFileInvalid;
    }

    void keyFailuresAreClear()
    {
        QFETCH(QString, file);
        QFETCH(QString, passphrase);
        QFETCH(SshError::Kind, kind);
        trust();
        SshSession session(knownHosts());
        auto result = session.connect(endpoint(), SshCredentials::withPrivateKey(file, passphrase));
        COMPARE_KIND(result, kind);
        QVERIFY2(result.errorMessage().contains(QFileInfo(file).fileName()), qPrintable(result.errorMessage()));
        QVERIFY(passphrase.isEmpty() || !result.errorMessage().contains(passphrase));
        QVERIFY(!result.errorMessage().contains(m_sshd.passphrase()));
    }

    void keyNotAuthorizedIsDenied()
    {
        trust();
        const QString stranger = m_temp->filePath(QStringLiteral("stranger"));
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                                    QStringLiteral("-N"), QString(), QStringLiteral("-f"), stranger});
        QVERIFY(keygen.waitForFinished(30000));
        SshSession session(knownHosts());
        auto result = session.connect(endpoint(), SshCredentials::withPrivateKey(stranger));
        COMPARE_KIND(result, SshError::Kind::AuthenticationDenied);
        QVERIFY(result.errorMessage().contains(endpointName()));
    }

    void agentLogin()
    {
        trust();
        SshSession session(knownHosts());
        VERIFY_OK(session.connect(endpoint(), SshCredentials::withAgent(m_sshd.agentSocket())));
        QCOMPARE(whoami(session), SshdFixture::user());

        // The agent named by SSH_AUTH_SOCK.
        qputenv("SSH_AUTH_SOCK", QFile::encodeName(m_sshd.agentSocket()));
        SshSession fromEnvironment(knownHosts());
        auto result = fromEnvironment.connect(endpoint(), SshCredentials::withAgent());
        qunsetenv("SSH_AUTH_SOCK");
        VERIFY_OK(result);
        QCOMPARE(whoami(fromEnvironment), SshdFixture::user());
    }

    void agentUnavailableIsClear()
    {
        trust();
        SshSession session(knownHosts());
        COMPARE_KIND(session.connect(endpoint(), SshCredentials::withAgent()), SshError::Kind::AgentUnavailable);
        auto result = session.connect(endpoint(), SshCredentials::withAgent(m_temp->filePath(QStringLiteral("no-agent.sock"))));
        COMPARE_KIND(result, SshError::Kind::AgentUnavailable);
        QVERIFY(result.errorMessage().contains(QLatin1String("no-agent.sock")));
    }

    void runScriptPassesArgumentsVerbatim()
    {
        auto session = connected();
        QVERIFY(session);
        const QString marker = QStringLiteral("/tmp/trainyard-pwned-%1").arg(QDateTime::currentMSecsSinceEpoch());
        const bool pwnedExisted = QFile::exists(QStringLiteral("/tmp/pwned"));
        const QStringList arguments{
            QStringLiteral("; touch /tmp/pwned"),
            QStringLiteral("; touch ") + marker,
            QStringLiteral("$(touch ") + marker + QLatin1Char(')'),
            QStringLiteral("`touch ") + marker + QLatin1Char('`'),
            QStringLiteral("$(id)"),
            QStringLiteral("it's \"quoted\""),
            QStringLiteral("'"),
            QStringLiteral("back\\slash \\n"),
            QStringLiteral("  spaces  around  "),
            QString(),
            QStringLiteral("ünïcødé 日本語 ✓"),
            QStringLiteral("line one\nline two\n"),
            QStringLiteral("tab\there"),
            QStringLiteral("*"),
            QStringLiteral("-n"),
            QStringLiteral("--"),
            QStringLiteral("$HOME ${IFS} !! !$"),
            QStringLiteral("a | b && c > /tmp/pwned"),
        };
        auto ran = session->runScript(QStringLiteral("printf '%s\\0' \"$@\"\n"), arguments);
        VERIFY_OK(ran);
        QCOMPARE(ran->exitStatus, 0);
        QCOMPARE(ran->standardError, QByteArray());
        QByteArray expected;
        for (const QString &argument : arguments)
            expected += argument.toUtf8() + '\0';
        QCOMPARE(ran->standardOutput, expected);
        QVERIFY(!QFile::exists(marker));
        if (!pwnedExisted)
            QVERIFY(!QFile::exists(QStringLiteral("/tmp/pwned")));

        // The same through exec() with a command quoted by the caller.
        auto echoed = session->exec(QStringLiteral("printf '%s' ") + ShellQuote::quote(arguments.at(5) + arguments.at(11)));
        VERIFY_OK(echoed);
        QCOMPARE(echoed->standardOutput, (arguments.at(5) + arguments.at(11)).toUtf8());
    }

    void execReportsExitStatusOutputAndErrors()
    {
        auto session = connected();
        QVERIFY(session);
        auto ran = session->exec(QStringLiteral("echo out; echo err >&2; exit 7"));
        VERIFY_OK(ran);
        QCOMPARE(ran->exitStatus, 7);
        QCOMPARE(ran->standardOutput, QByteArray("out\n"));
        QCOMPARE(ran->standardError, QByteArray("err\n"));

        auto missing = session->exec(QStringLiteral("no-such-command-trainyard"));
        VERIFY_OK(missing);
        QCOMPARE(missing->exitStatus, 127);
        QVERIFY(missing->standardError.contains("not found"));

        auto fed = session->exec(QStringLiteral("cat"), QByteArray("stdin\0data\n", 11));
        VERIFY_OK(fed);
        QCOMPARE(fed->standardOutput, QByteArray("stdin\0data\n", 11));

        // A command that ignores its stdin is no error, however much input it was given.
        auto ignoring = session->exec(QStringLiteral("exit 3"), QByteArray(4 * 1024 * 1024, 'x'));
        VERIFY_OK(ignoring);
        QCOMPARE(ignoring->exitStatus, 3);

        auto killed = session->exec(QStringLiteral("kill -KILL $$"));
        VERIFY_OK(killed);
        QCOMPARE(killed->exitStatus, -1);
    }

    void execTimesOut()
    {
        auto session = connected();
        QVERIFY(session);
        QElapsedTimer timer;
        timer.start();
        auto slow = session->exec(QStringLiteral("sleep 29.5"), {}, 500ms);
        COMPARE_KIND(slow, SshError::Kind::Timeout);
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY2(slow.errorMessage().contains(QLatin1String("0.5 s")), qPrintable(slow.errorMessage()));
        // The abandoned command was stopped (the pattern does not match pgrep's own command line).
        QTRY_COMPARE(session->exec(QStringLiteral("pgrep -u %1 -f 'sleep 29[.]5'").arg(SshdFixture::user()))->exitStatus, 1);
        auto after = session->exec(QStringLiteral("echo still here"));
        VERIFY_OK(after);
        QCOMPARE(after->standardOutput, QByteArray("still here\n"));
    }

    void streamingStdinWithProgress()
    {
        auto session = connected();
        QVERIFY(session);
        QByteArray data(24 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < data.size(); ++i)
            data[i] = char((i * 7919) >> 5);
        QBuffer input(&data);
        QVERIFY(input.open(QIODevice::ReadOnly));
        QList<qint64> reported;
        // `cat` sends everything back while we are still sending: output must be read meanwhile.
        auto echoed = session->execStreaming(QStringLiteral("cat"), input, [&](qint64 sent, qint64 total) {
            reported << sent;
            return total == data.size();
        });
        VERIFY_OK(echoed);
        QCOMPARE(echoed->exitStatus, 0);
        QCOMPARE(echoed->standardOutput.size(), data.size());
        QVERIFY(echoed->standardOutput == data);
        QVERIFY(reported.size() > 2);
        QCOMPARE(reported.first(), 0);
        QCOMPARE(reported.last(), data.size());
        QVERIFY(std::is_sorted(reported.cbegin(), reported.cend()));

        input.seek(0);
        auto hashed = session->execStreaming(QStringLiteral("sha256sum"), input);
        VERIFY_OK(hashed);
        QCOMPARE(hashed->standardOutput.left(64), QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());

        input.seek(0);
        auto cancelled = session->execStreaming(QStringLiteral("cat > /dev/null"), input,
                                                [](qint64 sent, qint64) { return sent < 1024 * 1024; });
        COMPARE_KIND(cancelled, SshError::Kind::Cancelled);
        QCOMPARE(whoami(*session), SshdFixture::user());
    }

    void remoteProcessTakesPushedInput()
    {
        auto session = connected();
        QVERIFY(session);
        auto started = session->start(QStringLiteral("wc -c"));
        VERIFY_OK(started);
        SshRemoteProcess &process = **started;
        for (int i = 0; i < 100; ++i)
            VERIFY_OK(process.write(QByteArray(10000, 'a')));
        auto finished = process.finish();
        VERIFY_OK(finished);
        QCOMPARE(finished->standardOutput.trimmed(), QByteArray("1000000"));
    }

    void connectionDropsUnderARunningCommand()
    {
        auto session = connected();
        QVERIFY(session);
        auto started = session->start(QStringLiteral("cat > /dev/null"));
        VERIFY_OK(started);
        std::unique_ptr<SshRemoteProcess> process = std::move(started).value();
        VERIFY_OK(process->write(QByteArray(1000, 'a')));
        QVERIFY(m_sshd.signalSessions(SIGKILL).isEmpty());
        SshResult<void> written;
        for (int i = 0; i < 100 && written.ok(); ++i)
            written = process->write(QByteArray(100000, 'b'), 2s);
        if (written.ok()) // the writes went into buffers; reading the answer finds the drop
            COMPARE_KIND(process->finish(2s), SshError::Kind::Disconnected);
        else
            COMPARE_KIND(written, SshError::Kind::Disconnected);
        QVERIFY(!session->isConnected());
        COMPARE_KIND(process->finish(), SshError::Kind::Disconnected);
        process.reset(); // its channel went with the session: nothing left to free
        VERIFY_OK(session->connect(endpoint(), password()));
        QCOMPARE(whoami(*session), SshdFixture::user());

        // The session goes first.
        auto orphan = session->start(QStringLiteral("cat"));
        VERIFY_OK(orphan);
        session.reset();
        COMPARE_KIND((*orphan)->write("late"), SshError::Kind::Disconnected);
    }

    void readFileFromOffset()
    {
        auto session = connected();
        QVERIFY(session);
        const QString name = QStringLiteral("trainyard ssh 'test' ünï $(id).bin");
        QByteArray content("0123456789abcdef\n\0\xff tail", 24);
        VERIFY_OK(session->exec(QStringLiteral("cat > ") + ShellQuote::quote(name), content));

        auto whole = session->readFile(name);
        VERIFY_OK(whole);
        QCOMPARE(*whole, content);
        auto middle = session->readFile(name, 4, 5);
        VERIFY_OK(middle);
        QCOMPARE(*middle, QByteArray("45678"));
        auto rest = session->readFile(name, 10);
        VERIFY_OK(rest);
        QCOMPARE(*rest, content.mid(10));
        auto past = session->readFile(name, 1000, 10);
        VERIFY_OK(past);
        QCOMPARE(*past, QByteArray());

        auto missing = session->readFile(QStringLiteral("no such file.txt"));
        COMPARE_KIND(missing, SshError::Kind::FileMissing);
        QVERIFY(missing.errorMessage().contains(QLatin1String("no such file.txt")));
        COMPARE_KIND(session->readFile(QStringLiteral(".")), SshError::Kind::RemoteFailure);
        VERIFY_OK(session->exec(QStringLiteral("rm -f ") + ShellQuote::quote(name)));
    }

    void droppedConnectionIsReportedAndReconnected()
    {
        trust();
        SshConnection connection(knownHosts(), endpoint(), password());
        QList<qint64> pauses;
        connection.setSleep([&](std::chrono::milliseconds pause) {
            pauses << pause.count();
            return true;
        });
        auto first = connection.exec(QStringLiteral("echo one"));
        VERIFY_OK(first);
        QCOMPARE(first->standardOutput, QByteArray("one\n"));

        QVERIFY(m_sshd.signalSessions(SIGKILL).isEmpty());
        auto dropped = connection.exec(QStringLiteral("echo two"));
        COMPARE_KIND(dropped, SshError::Kind::Disconnected);
        QVERIFY2(dropped.errorMessage().contains(endpointName()),
                 qPrintable(dropped.errorMessage()));
        QVERIFY(!connection.isConnected());

        auto third = connection.exec(QStringLiteral("echo three"));
        VERIFY_OK(third);
        QCOMPARE(third->standardOutput, QByteArray("three\n"));
        QCOMPARE(connection.reconnectCount(), 1);

        // Reading is retried across a drop by itself.
        QVERIFY(m_sshd.signalSessions(SIGKILL).isEmpty());
        auto read = connection.readFile(QStringLiteral("/etc/passwd"));
        VERIFY_OK(read);
        QCOMPARE(connection.reconnectCount(), 2);
        QCOMPARE(pauses, QList<qint64>());

        // A single session reports the drop on ping() too.
        SshSession session(knownHosts());
        VERIFY_OK(session.connect(endpoint(), password()));
        VERIFY_OK(session.ping());
        QVERIFY(m_sshd.signalSessions(SIGKILL).isEmpty());
        COMPARE_KIND(session.ping(), SshError::Kind::Disconnected);
        COMPARE_KIND(session.exec(QStringLiteral("true")), SshError::Kind::Disconnected);
    }

    void heartbeatGivesUpOnASilentServer()
    {
        trust();
        SshConnection connection(knownHosts(), endpoint(), password());
        VERIFY_OK(connection.connect());
        VERIFY_OK(connection.heartbeat(2s));

        // The server's session processes freeze: the TCP connection stays up, nothing answers.
        QVERIFY(m_sshd.signalSessions(SIGSTOP).isEmpty());
        COMPARE_KIND(connection.heartbeat(300ms), SshError::Kind::Timeout);
        COMPARE_KIND(connection.heartbeat(300ms), SshError::Kind::Timeout);
        QCOMPARE(connection.reconnectCount(), 0);
        VERIFY_OK(connection.heartbeat(300ms)); // third miss: a new connection
        QCOMPARE(connection.reconnectCount(), 1);
        auto ran = connection.exec(QStringLiteral("echo fresh"));
        VERIFY_OK(ran);
        QCOMPARE(ran->standardOutput, QByteArray("fresh\n"));
        QVERIFY(m_sshd.signalSessions(SIGKILL).isEmpty());

        VERIFY_OK(connection.heartbeat()); // dropped: reconnected at once
        QCOMPARE(connection.reconnectCount(), 2);
    }

    void reconnectBacksOffUntilTheServerReturns()
    {
        trust();
        const SshBackoff backoff{10ms, 40ms, 6};
        SshConnection connection(knownHosts(), endpoint(), password(), SshHostKeyPolicy::requireKnown(), backoff);
        QList<qint64> pauses;
        QString restartFailure;
        connection.setSleep([&](std::chrono::milliseconds pause) {
            pauses << pause.count();
            if (pauses.size() == 3)
                restartFailure = m_sshd.start(SshdFixture::HostKey::Ed25519);
            return true;
        });
        VERIFY_OK(connection.connect());
        m_sshd.stop();
        auto down = connection.exec(QStringLiteral("true"));
        QVERIFY(!down.ok()); // the drop, noticed now
        VERIFY_OK(connection.exec(QStringLiteral("true")));
        QVERIFY2(restartFailure.isEmpty(), qPrintable(restartFailure));
        QCOMPARE(pauses, (QList<qint64>{10, 20, 40}));
        QCOMPARE(connection.reconnectCount(), 1);

        // Never back: the last transient error after the last attempt.
        m_sshd.stop();
        pauses.clear();
        SshConnection unreachable(knownHosts(), endpoint(), password(), SshHostKeyPolicy::requireKnown(), SshBackoff{10ms, 40ms, 4});
        unreachable.setSleep([&](std::chrono::milliseconds pause) {
            pauses << pause.count();
            return true;
        });
        COMPARE_KIND(unreachable.connect(), SshError::Kind::ConnectionFailed);
        QCOMPARE(pauses, (QList<qint64>{10, 20, 40}));

        // A cancel during a pause ends the attempts.
        pauses.clear();
        unreachable.setSleep([&](std::chrono::milliseconds pause) {
            pauses << pause.count();
            return pauses.size() < 2;
        });
        COMPARE_KIND(unreachable.connect(), SshError::Kind::Cancelled);
        QCOMPARE(pauses, (QList<qint64>{10, 20}));
    }

    void reconnectStopsAtAChangedHostKey()
    {
        trust();
        SshConnection connection(knownHosts(), endpoint(), password());
        QList<qint64> pauses;
        connection.setSleep([&](std::chrono::milliseconds pause) {
            pauses << pause.count();
            return true;
        });
        VERIFY_OK(connection.exec(QStringLiteral("true")));
        QVERIFY(m_sshd.restart(SshdFixture::HostKey::Ed25519Replacement).isEmpty());
        COMPARE_KIND(connection.exec(QStringLiteral("true")), SshError::Kind::Disconnected);
        auto changed = connection.exec(QStringLiteral("true"));
        COMPARE_KIND(changed, SshError::Kind::HostKeyChanged);
        QCOMPARE(changed.error().previousFingerprint(), m_sshd.fingerprint(SshdFixture::HostKey::Ed25519));
        QCOMPARE(pauses, QList<qint64>());
    }
};

QTEST_GUILESS_MAIN(tst_Ssh)
#include "tst_ssh.moc"
