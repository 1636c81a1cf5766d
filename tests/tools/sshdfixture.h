#pragma once

#include <QLockFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// A real OpenSSH server for the SSH tests: the system's /usr/sbin/sshd on 127.0.0.1 and a free
// port, with its own host keys, sshd_config, authorized_keys and an ssh-agent, all in a temporary
// folder that goes away with the fixture. Logs in the user `trainyard-sshtest` (created with useradd
// when missing; a fresh random password every run, set through chpasswd's stdin; a lock file in
// the temporary folder keeps two runs from changing it under each other).
//
// Needs root (useradd, chpasswd, sshd's privilege separation) and openssh-server/openssh-client.
// Every step returns an error message (empty on success) so that a test can QFAIL with it: the SSH
// tests fail, never skip, when the server cannot run. No secret appears on a command line: key
// passphrases reach ssh-keygen and ssh-add through SSH_ASKPASS (SSH_ASKPASS_REQUIRE=force) and an
// environment variable, the password reaches chpasswd on stdin.
class SshdFixture
{
public:
    enum class HostKey {
        Ed25519,            // the usual key
        Ed25519Replacement, // another Ed25519 key: "the host key changed"
        Ecdsa,              // an ECDSA key only: "a key of another type"
    };
    enum class ClientKey {
        Ed25519,      // OpenSSH format, with a passphrase (also loaded into the agent)
        Ecdsa,        // OpenSSH format, with a passphrase
        RsaPem,       // PEM (PKCS#1) format, with a passphrase
        Ed25519Plain, // no passphrase
    };

    SshdFixture();
    ~SshdFixture();

    // Test user, keys, agent; then starts sshd with HostKey::Ed25519.
    QString setUp();
    QString start(HostKey key);
    void stop();
    QString restart(HostKey key);
    bool isRunning() const;
    HostKey hostKey() const { return m_hostKey; }
    // From the next start: passwords only through PAM's keyboard-interactive prompts (sshd with
    // UsePAM, PasswordAuthentication off), as many servers are set up.
    void setKeyboardInteractiveOnly(bool only) { m_keyboardInteractiveOnly = only; }
    bool keyboardInteractiveOnly() const { return m_keyboardInteractiveOnly; }
    // Sends `signal` to every process below the listening sshd (the processes serving sessions) and,
    // for SIGKILL, waits until they are gone: the connections are dropped.
    QString signalSessions(int signal);
    // Waits until no session is open (their processes have logged their end and exited).
    bool waitUntilIdle() const;

    static QString host() { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_port; }
    static QString user() { return QStringLiteral("trainyard-sshtest"); }
    QString password() const { return m_password; }
    QString passphrase() const { return m_passphrase; }
    QString clientKeyFile(ClientKey key) const;
    QString agentSocket() const { return path(QStringLiteral("agent.sock")); }
    // "SHA256:..." as `ssh-keygen -l -E sha256` prints it.
    QString fingerprint(HostKey key) const;
    // "ssh-ed25519 AAAA..." for known_hosts lines.
    QString publicKeyLine(HostKey key) const;
    QString path(const QString &name) const;
    // sshd's log since the fixture started, for failure messages and "nothing was sent" checks.
    QByteArray log() const;

    // A port nothing listens on right now.
    static quint16 freePort();

private:
    QString hostKeyFile(HostKey key) const;
    QString createUser();
    QString createKeys();
    QString startAgent();

    std::unique_ptr<QLockFile> m_userLock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_sshd;
    std::unique_ptr<QProcess> m_agent; // the agent's watchdog command
    qint64 m_agentPid = 0;
    HostKey m_hostKey = HostKey::Ed25519;
    bool m_keyboardInteractiveOnly = false;
    quint16 m_port = 0;
    QString m_password;
    QString m_passphrase;
};
