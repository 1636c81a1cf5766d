#include "sshsession.h"

#include "shellquote.h"
#include "sshhostkey_p.h"
#include "sshremoteprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QRegularExpression>

#include <libssh/libssh.h>

#include <algorithm>

namespace Trainyard {

namespace {

constexpr qint64 StreamChunk = 256 * 1024;

// libssh asks this for a key's passphrase when none was given: refusing keeps it (and OpenSSL's
// PEM reader) from ever prompting on a terminal.
int refusePassphrasePrompt(const char *, char *, size_t, int, int, void *)
{
    return -1;
}

enum class KeyProtection { Plain, Encrypted, Unrecognized };

// Whether a private key file needs a passphrase, read from its armour (PEM) or from the cipher
// name inside an OpenSSH key: libssh reports a wrong passphrase and a damaged file alike.
KeyProtection keyProtection(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return KeyProtection::Unrecognized;
    const QByteArray text = file.read(256 * 1024);
    static const QByteArray opensshBegin = "-----BEGIN OPENSSH PRIVATE KEY-----";
    const qsizetype begin = text.indexOf(opensshBegin);
    if (begin >= 0) {
        const qsizetype bodyStart = begin + opensshBegin.size();
        const qsizetype end = text.indexOf("-----END", bodyStart);
        const QByteArray blob = QByteArray::fromBase64(text.mid(bodyStart, end < 0 ? -1 : end - bodyStart));
        static const QByteArray magic("openssh-key-v1\0", 15);
        if (!blob.startsWith(magic) || blob.size() < magic.size() + 4)
            return KeyProtection::Unrecognized;
        const auto *length = reinterpret_cast<const uchar *>(blob.constData() + magic.size());
        const qsizetype cipherLength = (qsizetype(length[0]) << 24) | (length[1] << 16) | (length[2] << 8) | length[3];
        const QByteArray cipher = blob.mid(magic.size() + 4, cipherLength);
        return cipher == "none" ? KeyProtection::Plain : KeyProtection::Encrypted;
    }
    if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        return KeyProtection::Encrypted;
    if (text.contains("-----BEGIN ") && text.contains(" PRIVATE KEY-----"))
        return text.contains("Proc-Type: 4,ENCRYPTED") ? KeyProtection::Encrypted : KeyProtection::Plain;
    return KeyProtection::Unrecognized;
}

bool validHostName(const QString &host)
{
    // Characters that would make libssh read "user@host", or a shell or ssh read an option.
    static const QRegularExpression bad(QStringLiteral("[\\s@/\\\\'\"`$;|&<>()]"));
    return !host.isEmpty() && !host.startsWith(QLatin1Char('-')) && !bad.match(host).hasMatch();
}

SshSession::Milliseconds remaining(const QDeadlineTimer &deadline)
{
    return std::chrono::duration_cast<SshSession::Milliseconds>(deadline.remainingTimeAsDuration());
}

// readFile()'s helper: exit 3 for a missing file, 4 for a folder, 5 for an unreadable file.
const char ReadFileScript[] =
    "[ -e \"$1\" ] || exit 3\n"
    "[ -d \"$1\" ] && exit 4\n"
    "[ -r \"$1\" ] || exit 5\n"
    "if [ \"$3\" -lt 0 ]; then exec tail -c \"+$(($2 + 1))\" -- \"$1\"; fi\n"
    "tail -c \"+$(($2 + 1))\" -- \"$1\" | head -c \"$3\"\n";

} // namespace

SshSession::SshSession(SshKnownHosts knownHosts)
    : m_knownHosts(std::move(knownHosts))
{
}

SshSession::~SshSession()
{
    disconnect();
    for (SshRemoteProcess *process : std::as_const(m_processes))
        process->detach(true);
}

SshResult<void> SshSession::connect(const SshEndpoint &endpoint, const SshCredentials &credentials,
                                    const SshHostKeyPolicy &policy, Milliseconds timeout)
{
    disconnect();
    m_endpoint = endpoint;
    m_endpoint.host = endpoint.host.trimmed();
    m_hostKey = {};
    m_timeout = timeout;
    for (const QString &secret : {credentials.password, credentials.passphrase}) {
        if (!secret.isEmpty())
            m_secrets << secret;
    }
    auto connected = establish(credentials, policy);
    m_secrets.clear();
    return connected;
}

SshResult<void> SshSession::establish(const SshCredentials &credentials, const SshHostKeyPolicy &policy)
{
    if (!validHostName(m_endpoint.host))
        return error(SshError::Kind::InvalidEndpoint, tr("“%1” is not a valid host name.").arg(m_endpoint.host));
    if (m_endpoint.port == 0)
        return error(SshError::Kind::InvalidEndpoint, tr("The port of %1 is not set.").arg(m_endpoint.host));
    if (m_endpoint.user.trimmed().isEmpty() || m_endpoint.user.contains(QLatin1Char('@')))
        return error(SshError::Kind::InvalidEndpoint, tr("Enter a user name for %1.").arg(m_endpoint.host));

    m_session = ssh_new();
    if (!m_session)
        return error(SshError::Kind::ConnectionFailed, tr("Could not set up an SSH session for %1.").arg(name()));

    const QByteArray host = m_endpoint.host.toUtf8();
    const QByteArray user = m_endpoint.user.toUtf8();
    const unsigned int port = m_endpoint.port;
    // Only what the user entered counts: no ~/.ssh/config or /etc/ssh/ssh_config (Host aliases,
    // ProxyCommand, IdentityFile, StrictHostKeyChecking=no) changes where or how we connect.
    const bool processConfig = false;
    const int noDelay = 1;
    // libssh reads these two files only to prefer host key types it already knows while
    // negotiating; the trust decision is SshKnownHosts::check() below. libssh writes a known_hosts
    // file only in ssh_session_update_known_hosts(), which Trainyard never calls.
    const QByteArray trainyardKnownHosts = QFile::encodeName(
        m_knownHosts.trainyardFile().isEmpty() ? QStringLiteral("/dev/null") : m_knownHosts.trainyardFile());
    const QByteArray userKnownHosts = QFile::encodeName(
        m_knownHosts.userFile().isEmpty() ? QStringLiteral("/dev/null") : m_knownHosts.userFile());
    bool optionsSet = ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig) == SSH_OK
        && ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData()) == SSH_OK
        && ssh_options_set(m_session, SSH_OPTIONS_PORT, &port) == SSH_OK
        && ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData()) == SSH_OK
        && ssh_options_set(m_session, SSH_OPTIONS_NODELAY, &noDelay) == SSH_OK
        && ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, trainyardKnownHosts.constData()) == SSH_OK
        && ssh_options_set(m_session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, userKnownHosts.constData()) == SSH_OK;
    if (optionsSet && credentials.method == SshCredentials::Method::Agent && !credentials.agentSocket.isEmpty()) {
        const QByteArray agent = QFile::encodeName(credentials.agentSocket);
        optionsSet = ssh_options_set(m_session, SSH_OPTIONS_IDENTITY_AGENT, agent.constData()) == SSH_OK;
    }
    if (!optionsSet) {
        const SshError failed = error(SshError::Kind::InvalidEndpoint,
                                      tr("Could not set up an SSH session for %1: %2")
                                          .arg(name(), QString::fromUtf8(ssh_get_error(m_session))));
        disconnect();
        return failed;
    }
    setOperationTimeout(m_timeout);

    if (ssh_connect(m_session) != SSH_OK) {
        const SshError failed = error(SshError::Kind::ConnectionFailed,
                                      tr("Could not connect to %1: %2")
                                          .arg(name(), QString::fromUtf8(ssh_get_error(m_session))));
        disconnect();
        return failed;
    }
    if (auto trusted = checkHostKey(policy); !trusted) {
        disconnect();
        return trusted;
    }
    if (auto authenticated = authenticate(credentials); !authenticated) {
        disconnect();
        return authenticated;
    }
    return {};
}

SshResult<void> SshSession::checkHostKey(const SshHostKeyPolicy &policy)
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(m_session, &key) != SSH_OK)
        return failure(SshError::Kind::ConnectionFailed, tr("%1 did not present a host key.").arg(hostName()));
    m_hostKey = sshHostKeyFromLibssh(key);
    ssh_key_free(key);
    if (m_hostKey.isNull())
        return error(SshError::Kind::ConnectionFailed, tr("The host key of %1 could not be read.").arg(hostName()));

    const SshHostKeyCheck check = m_knownHosts.check(m_endpoint.host, m_endpoint.port, m_hostKey);
    const QString hostKeyType = m_hostKey.type;
    const QString fingerprint = m_hostKey.fingerprint;
    SshError refused;
    refused.hostKey = m_hostKey;
    refused.previousHostKey = check.previous;

    switch (check.status) {
    case SshHostKeyCheck::Status::Known:
        return {};
    case SshHostKeyCheck::Status::Revoked:
        refused.kind = SshError::Kind::HostKeyRevoked;
        refused.message = tr("The host key of %1 (%2) is marked as revoked in %3. Trainyard will not connect to it.")
                              .arg(hostName(), fingerprint, QDir::toNativeSeparators(check.file));
        return refused;
    case SshHostKeyCheck::Status::Unknown:
        if (policy.mode == SshHostKeyPolicy::Mode::RequireKnown || policy.fingerprint.isEmpty()) {
            refused.kind = SshError::Kind::HostKeyUnknown;
            //: %1 is host:port, %2 a key type such as ssh-ed25519, %3 its SHA256 fingerprint
            refused.message = tr("The host key of %1 is not known yet. Trust it only if its %2 fingerprint is %3.")
                                  .arg(hostName(), hostKeyType, fingerprint);
            return refused;
        }
        break;
    case SshHostKeyCheck::Status::Changed:
    case SshHostKeyCheck::Status::OtherType:
        if (policy.mode != SshHostKeyPolicy::Mode::ReplaceChanged) {
            if (check.status == SshHostKeyCheck::Status::Changed) {
                refused.kind = SshError::Kind::HostKeyChanged;
                refused.message = tr("The host key of %1 has changed: it was %2 and is now %3. Someone may be "
                                     "intercepting the connection (or the host was reinstalled), so Trainyard sent "
                                     "no credentials.")
                                      .arg(hostName(), check.previous.fingerprint, fingerprint);
            } else {
                refused.kind = SshError::Kind::HostKeyOtherType;
                //: %2 and %4 are key types such as ssh-ed25519, %3 and %5 SHA256 fingerprints
                refused.message = tr("%1 presented a host key of type %2 (%3), but only a key of type %4 (%5) is "
                                     "trusted for it. Someone may be intercepting the connection, so Trainyard sent "
                                     "no credentials.")
                                      .arg(hostName(), hostKeyType, fingerprint, check.previous.type,
                                           check.previous.fingerprint);
            }
            return refused;
        }
        break;
    }

    // The user accepted a fingerprint: it must be exactly the key the server presented.
    if (!policy.accepts(m_hostKey)) {
        refused.kind = SshError::Kind::HostKeyMismatch;
        refused.message = tr("The host key of %1 has the fingerprint %2, not the accepted %3. Trainyard sent no "
                             "credentials.")
                              .arg(hostName(), fingerprint, policy.fingerprint);
        return refused;
    }
    if (policy.remember) {
        const Result<void> written = check.status == SshHostKeyCheck::Status::Unknown
            ? m_knownHosts.remember(m_endpoint.host, m_endpoint.port, m_hostKey)
            : m_knownHosts.replace(m_endpoint.host, m_endpoint.port, m_hostKey);
        if (!written) {
            refused.kind = SshError::Kind::KnownHostsFailure;
            refused.message = written.errorMessage();
            return refused;
        }
    }
    return {};
}

SshResult<void> SshSession::authenticate(const SshCredentials &credentials)
{
    // "none" first: some servers let a user in without more, and it tells which methods they offer.
    const int none = ssh_userauth_none(m_session, nullptr);
    if (none == SSH_AUTH_SUCCESS)
        return {};
    if (none == SSH_AUTH_ERROR)
        return failure(SshError::Kind::ConnectionFailed, tr("Authentication with %1 failed.").arg(name()));
    const int methods = ssh_userauth_list(m_session, nullptr);

    switch (credentials.method) {
    case SshCredentials::Method::Password: {
        // Many servers ask for the password through PAM's keyboard-interactive prompts only.
        if (!(methods & SSH_AUTH_METHOD_PASSWORD) && (methods & SSH_AUTH_METHOD_INTERACTIVE))
            return authenticateInteractively(credentials);
        if (!(methods & SSH_AUTH_METHOD_PASSWORD))
            return error(SshError::Kind::AuthenticationMethodUnavailable,
                         tr("%1 does not accept passwords. Use a key or the SSH agent.").arg(name()));
        QByteArray password = credentials.password.toUtf8();
        const int result = ssh_userauth_password(m_session, nullptr, password.constData());
        password.fill('\0');
        return authenticationResult(result, tr("%1 did not accept the password.").arg(name()));
    }
    case SshCredentials::Method::PrivateKey:
        if (!(methods & SSH_AUTH_METHOD_PUBLICKEY))
            return error(SshError::Kind::AuthenticationMethodUnavailable,
                         tr("%1 does not accept keys. Use a password.").arg(name()));
        return authenticateWithKey(credentials);
    case SshCredentials::Method::Agent:
        if (!(methods & SSH_AUTH_METHOD_PUBLICKEY))
            return error(SshError::Kind::AuthenticationMethodUnavailable,
                         tr("%1 does not accept keys, so the SSH agent cannot help. Use a password.").arg(name()));
        return authenticateWithAgent(credentials);
    }
    return error(SshError::Kind::AuthenticationMethodUnavailable, tr("No way to log in to %1 was chosen.").arg(name()));
}

// Keyboard-interactive with the password as the answer to the server's hidden prompts ("Password:").
// A prompt shown as typed (a one-time code, a question) is not something Trainyard can answer.
SshResult<void> SshSession::authenticateInteractively(const SshCredentials &credentials)
{
    QByteArray password = credentials.password.toUtf8();
    int result = ssh_userauth_kbdint(m_session, nullptr, nullptr);
    int rounds = 0;
    QByteArray answeredPrompt; // the prompt the password answered
    bool answered = false;
    while (result == SSH_AUTH_INFO && ++rounds <= 8) {
        const int prompts = ssh_userauth_kbdint_getnprompts(m_session);
        for (int i = 0; i < prompts; ++i) {
            char echo = 0;
            const QByteArray prompt = ssh_userauth_kbdint_getprompt(m_session, unsigned(i), &echo);
            // Shown as typed (a question), or a second hidden one (a one-time code): not a password's.
            const bool again = answered && prompt == answeredPrompt && i == 0;
            if (echo || (answered && !again)) {
                password.fill('\0');
                return error(SshError::Kind::AuthenticationMethodUnavailable,
                             tr("%1 asks for more than a password when signing in (“%2”). Use a key or the SSH agent.")
                                 .arg(name(), QString::fromUtf8(prompt).trimmed()));
            }
            if (again) { // the same prompt once more: the password was wrong
                password.fill('\0');
                return error(SshError::Kind::AuthenticationDenied, tr("%1 did not accept the password.").arg(name()));
            }
            answeredPrompt = prompt;
            if (ssh_userauth_kbdint_setanswer(m_session, unsigned(i), password.constData()) < 0) {
                password.fill('\0');
                return failure(SshError::Kind::ConnectionFailed, tr("Authentication with %1 failed.").arg(name()));
            }
            answered = true;
        }
        result = ssh_userauth_kbdint(m_session, nullptr, nullptr);
    }
    password.fill('\0');
    if (result == SSH_AUTH_INFO)
        return error(SshError::Kind::AuthenticationDenied, tr("%1 did not accept the password.").arg(name()));
    return authenticationResult(result, tr("%1 did not accept the password.").arg(name()));
}

SshResult<void> SshSession::authenticateWithKey(const SshCredentials &credentials)
{
    const QString path = QDir::toNativeSeparators(credentials.privateKeyFile);
    if (credentials.privateKeyFile.isEmpty())
        return error(SshError::Kind::KeyFileMissing, tr("No private key file is set for %1.").arg(name()));
    const QFileInfo info(credentials.privateKeyFile);
    if (!info.exists())
        return error(SshError::Kind::KeyFileMissing, tr("The private key file %1 does not exist.").arg(path));
    if (!info.isFile() || !info.isReadable())
        return error(SshError::Kind::KeyFileInvalid, tr("The private key file %1 cannot be read.").arg(path));

    const KeyProtection protection = keyProtection(credentials.privateKeyFile);
    if (protection == KeyProtection::Encrypted && credentials.passphrase.isEmpty())
        return error(SshError::Kind::PassphraseRequired,
                     tr("The private key %1 is protected by a passphrase. Enter it to connect to %2.").arg(path, name()));

    QByteArray passphrase = credentials.passphrase.toUtf8();
    const QByteArray file = QFile::encodeName(credentials.privateKeyFile);
    ssh_key key = nullptr;
    const int imported = ssh_pki_import_privkey_file(file.constData(), passphrase.isEmpty() ? nullptr : passphrase.constData(),
                                                     refusePassphrasePrompt, nullptr, &key);
    passphrase.fill('\0');
    if (imported != SSH_OK || !key) {
        if (protection == KeyProtection::Encrypted)
            return error(SshError::Kind::PassphraseWrong, tr("The passphrase for the private key %1 is wrong.").arg(path));
        return error(SshError::Kind::KeyFileInvalid,
                     tr("%1 is not a private key Trainyard can use (Ed25519, ECDSA or RSA, in OpenSSH or PEM format).")
                         .arg(path));
    }
    const int result = ssh_userauth_publickey(m_session, nullptr, key);
    ssh_key_free(key);
    return authenticationResult(result, tr("%1 did not accept the key %2.").arg(name(), path));
}

SshResult<void> SshSession::authenticateWithAgent(const SshCredentials &credentials)
{
    const QString socket = credentials.agentSocket.isEmpty() ? qEnvironmentVariable("SSH_AUTH_SOCK")
                                                             : credentials.agentSocket;
    if (socket.isEmpty())
        return error(SshError::Kind::AgentUnavailable,
                     tr("No SSH agent is available to log in to %1 (SSH_AUTH_SOCK is not set).").arg(name()));
    if (!QFileInfo::exists(socket))
        return error(SshError::Kind::AgentUnavailable,
                     tr("The SSH agent at %1 is not running.").arg(QDir::toNativeSeparators(socket)));
    const int result = ssh_userauth_agent(m_session, nullptr);
    return authenticationResult(result, tr("%1 accepted none of the keys in the SSH agent.").arg(name()));
}

SshResult<void> SshSession::authenticationResult(int code, const QString &deniedMessage)
{
    switch (code) {
    case SSH_AUTH_SUCCESS:
        return {};
    case SSH_AUTH_DENIED:
        return error(SshError::Kind::AuthenticationDenied, deniedMessage);
    case SSH_AUTH_PARTIAL:
        return error(SshError::Kind::AuthenticationMethodUnavailable,
                     tr("%1 wants a further login step (for example a one-time code), which Trainyard does not "
                        "support yet.")
                         .arg(name()));
    default:
        return failure(SshError::Kind::ConnectionFailed, tr("Authentication with %1 failed.").arg(name()));
    }
}

void SshSession::disconnect()
{
    if (!m_session)
        return;
    for (SshRemoteProcess *process : std::as_const(m_processes))
        process->detach(false);
    ssh_disconnect(m_session);
    ssh_free(m_session);
    m_session = nullptr;
}

bool SshSession::isConnected() const
{
    return m_session && ssh_is_connected(m_session)
        && !(ssh_get_status(m_session) & (SSH_CLOSED | SSH_CLOSED_ERROR));
}

void SshSession::setOperationTimeout(Milliseconds timeout)
{
    if (!m_session)
        return;
    const long milliseconds = std::max<long>(1, long(timeout.count()));
    const long seconds = milliseconds / 1000;
    const long microseconds = (milliseconds % 1000) * 1000;
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &seconds);
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT_USEC, &microseconds);
}

SshError SshSession::failure(SshError::Kind kind, const QString &message)
{
    const QString detail = m_session ? QString::fromUtf8(ssh_get_error(m_session)) : QString();
    if (!isConnected()) {
        disconnect();
        return error(SshError::Kind::Disconnected, detail.isEmpty()
                         ? tr("The connection to %1 was lost.").arg(name())
                         : tr("The connection to %1 was lost (%2).").arg(name(), detail));
    }
    //: %1 is a sentence, %2 libssh's (English) explanation
    return error(kind, detail.isEmpty() ? message : tr("%1 Details: %2").arg(message, detail));
}

SshError SshSession::error(SshError::Kind kind, const QString &message) const
{
    QString scrubbed = message;
    for (const QString &secret : m_secrets) {
        // Never expected in a message; too short a secret would blank out ordinary words.
        if (secret.size() >= 4)
            scrubbed.replace(secret, QStringLiteral("•••"));
    }
    SshError result;
    result.kind = kind;
    result.message = scrubbed;
    return result;
}

QString SshSession::hostName() const
{
    return SshEndpoint{m_endpoint.host, m_endpoint.port, {}}.displayName().mid(1);
}

SshResult<std::unique_ptr<SshRemoteProcess>> SshSession::start(const QString &command)
{
    if (!isConnected())
        return error(SshError::Kind::Disconnected, tr("Not connected to %1.").arg(name()));
    setOperationTimeout(m_timeout);
    ssh_channel channel = ssh_channel_new(m_session);
    if (!channel)
        return failure(SshError::Kind::ChannelFailure, tr("Could not open a channel to %1.").arg(name()));
    if (ssh_channel_open_session(channel) != SSH_OK) {
        ssh_channel_free(channel);
        return failure(SshError::Kind::ChannelFailure, tr("%1 refused to open a channel.").arg(name()));
    }
    const QByteArray utf8 = command.toUtf8();
    if (ssh_channel_request_exec(channel, utf8.constData()) != SSH_OK) {
        ssh_channel_close(channel);
        ssh_channel_free(channel);
        return failure(SshError::Kind::ChannelFailure, tr("%1 refused to run a command.").arg(name()));
    }
    ++m_commandsStarted;
    return std::unique_ptr<SshRemoteProcess>(new SshRemoteProcess(this, channel));
}

SshError SshSession::timedOut(const SshError &failed, Milliseconds timeout) const
{
    if (failed.kind != SshError::Kind::Timeout)
        return failed;
    return error(SshError::Kind::Timeout, tr("The command on %1 did not finish within %2 s; it was stopped.")
                                              .arg(name(), QString::number(double(timeout.count()) / 1000.0)));
}

SshResult<SshExecResult> SshSession::exec(const QString &command, const QByteArray &standardInput, Milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    auto started = start(command);
    if (!started)
        return started.error();
    SshRemoteProcess &process = **started;
    if (!standardInput.isEmpty()) {
        if (auto written = process.write(standardInput, remaining(deadline)); !written)
            return timedOut(written.error(), timeout);
    }
    auto finished = process.finish(remaining(deadline));
    if (!finished)
        return timedOut(finished.error(), timeout);
    return finished;
}

SshResult<SshExecResult> SshSession::runScript(const QString &script, const QStringList &arguments, Milliseconds timeout)
{
    QString command = QStringLiteral("sh -s --");
    if (!arguments.isEmpty())
        command += QLatin1Char(' ') + ShellQuote::join(arguments);
    return exec(command, script.toUtf8(), timeout);
}

SshResult<SshExecResult> SshSession::execStreaming(const QString &command, QIODevice &input, const SshProgress &progress,
                                                   Milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    if (!input.isOpen() || !input.isReadable())
        return error(SshError::Kind::InputFailure, tr("The data to send to %1 cannot be read.").arg(name()));
    const qint64 total = input.isSequential() ? -1 : input.size() - input.pos();
    if (progress && !progress(0, total))
        return error(SshError::Kind::Cancelled, tr("Sending data to %1 was cancelled.").arg(name()));

    auto started = start(command);
    if (!started)
        return started.error();
    SshRemoteProcess &process = **started;
    qint64 sent = 0;
    while (!process.hasEnded()) {
        QByteArray chunk = input.read(StreamChunk);
        if (chunk.isEmpty()) {
            if (input.isSequential() && !input.atEnd() && input.waitForReadyRead(int(std::max<qint64>(0, remaining(deadline).count()))))
                continue;
            if (input.atEnd() || input.isSequential())
                break;
            return error(SshError::Kind::InputFailure,
                         tr("The data to send to %1 could not be read: %2").arg(name(), input.errorString()));
        }
        if (auto written = process.write(chunk, remaining(deadline)); !written)
            return timedOut(written.error(), timeout);
        sent += chunk.size();
        if (progress && !progress(sent, total))
            return error(SshError::Kind::Cancelled, tr("Sending data to %1 was cancelled.").arg(name()));
    }
    auto finished = process.finish(remaining(deadline));
    if (!finished)
        return timedOut(finished.error(), timeout);
    return finished;
}

SshResult<QByteArray> SshSession::readFile(const QString &path, qint64 offset, qint64 maxBytes, Milliseconds timeout)
{
    auto ran = runScript(QString::fromLatin1(ReadFileScript),
                         {path, QString::number(std::max<qint64>(0, offset)), QString::number(std::max<qint64>(-1, maxBytes))},
                         timeout);
    if (!ran)
        return ran.error();
    switch (ran->exitStatus) {
    case 0:
        return std::move(ran->standardOutput);
    case 3:
        return error(SshError::Kind::FileMissing, tr("The file “%1” does not exist on %2.").arg(path, hostName()));
    case 4:
        return error(SshError::Kind::RemoteFailure, tr("“%1” on %2 is a folder, not a file.").arg(path, hostName()));
    case 5:
        return error(SshError::Kind::RemoteFailure, tr("The file “%1” on %2 cannot be read.").arg(path, hostName()));
    default:
        return error(SshError::Kind::RemoteFailure, tr("Reading “%1” on %2 failed: %3")
                                                        .arg(path, hostName(),
                                                             QString::fromUtf8(ran->standardError).trimmed()));
    }
}

SshResult<void> SshSession::ping(Milliseconds timeout)
{
    if (!isConnected())
        return error(SshError::Kind::Disconnected, tr("Not connected to %1.").arg(name()));
    setOperationTimeout(timeout);
    QElapsedTimer timer;
    timer.start();
    ssh_channel channel = ssh_channel_new(m_session);
    const int opened = channel ? ssh_channel_open_session(channel) : SSH_ERROR;
    if (opened == SSH_OK)
        ssh_channel_close(channel);
    if (channel)
        ssh_channel_free(channel);
    setOperationTimeout(m_timeout);
    if (opened == SSH_OK)
        return {};
    const SshError failed = failure(SshError::Kind::ChannelFailure, tr("%1 refused to open a channel.").arg(name()));
    if (failed.kind == SshError::Kind::ChannelFailure && (opened == SSH_AGAIN || timer.elapsed() >= timeout.count()))
        return error(SshError::Kind::Timeout, tr("%1 did not answer within %2 ms.").arg(name()).arg(timeout.count()));
    return failed;
}

} // namespace Trainyard
