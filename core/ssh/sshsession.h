#pragma once

#include "ssherror.h"
#include "sshendpoint.h"
#include "sshhostkeypolicy.h"
#include "sshknownhosts.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QList>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>

class QIODevice;
struct ssh_session_struct;
struct ssh_channel_struct;

namespace Trainyard {

class SshRemoteProcess;

// What a remote command left behind.
struct SshExecResult
{
    int exitStatus = -1; // -1: the command sent no exit status (killed by a signal)
    QByteArray standardOutput;
    QByteArray standardError;
};

// Called while stdin is sent: bytes sent so far and the total (-1 when unknown). Returning false
// cancels the command.
using SshProgress = std::function<bool(qint64 sent, qint64 total)>;

// One SSH connection (libssh 0.10), used through blocking calls.
//
// Not thread-safe: a session, and every SshRemoteProcess started from it, belongs to one thread at
// a time (libssh forbids concurrent use of a session and its channels). Run it in a worker thread;
// parallel transfers need separate sessions.
//
// The host key is checked against SshKnownHosts before any credential is sent. ~/.ssh/config and
// /etc/ssh/ssh_config are NOT read (SSH_OPTIONS_PROCESS_CONFIG off): the endpoint a user entered is
// the endpoint used, without aliases, ProxyCommands or identities from a file the user may have
// forgotten about. Remote commands run through the user's login shell, which must be
// POSIX-compatible (sh, bash, dash, zsh, ksh) for the quoting in runScript().
class SshSession
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::SshSession)

public:
    using Milliseconds = std::chrono::milliseconds;
    static constexpr Milliseconds DefaultConnectTimeout{15000};
    static constexpr Milliseconds DefaultCommandTimeout{10 * 60 * 1000};

    explicit SshSession(SshKnownHosts knownHosts);
    ~SshSession();
    SshSession(const SshSession &) = delete;
    SshSession &operator=(const SshSession &) = delete;

    // Connects, checks the host key under `policy` (remembering it if the policy says so), then
    // authenticates. `timeout` bounds the TCP connect and each step of the handshake.
    SshResult<void> connect(const SshEndpoint &endpoint, const SshCredentials &credentials,
                            const SshHostKeyPolicy &policy = SshHostKeyPolicy::requireKnown(),
                            Milliseconds timeout = DefaultConnectTimeout);
    void disconnect();
    bool isConnected() const;

    SshEndpoint endpoint() const { return m_endpoint; }
    const SshKnownHosts &knownHosts() const { return m_knownHosts; }
    // The key the server presented at the last connect.
    SshHostKey hostKey() const { return m_hostKey; }

    // Runs `command` (one string, already quoted with ShellQuote by the caller) through the login
    // shell, writes `standardInput` to it, and collects its output and exit status. A non-zero
    // exit status is a result, not an error. `timeout` bounds the whole command.
    SshResult<SshExecResult> exec(const QString &command, const QByteArray &standardInput = {},
                                  Milliseconds timeout = DefaultCommandTimeout);
    // Runs `script` with `sh -s -- 'arg1' 'arg2' ...`: the script travels on stdin, the arguments
    // quoted, so that any text (`; rm -rf ~`, `$(id)`, quotes, newlines, non-ASCII) reaches it
    // verbatim as "$1", "$2", ... The script has no other stdin.
    SshResult<SshExecResult> runScript(const QString &script, const QStringList &arguments = {},
                                       Milliseconds timeout = DefaultCommandTimeout);
    // Like exec(), with stdin streamed from `input` until its end (e.g. a tar stream into `tar -x`),
    // reporting progress. Output is collected meanwhile, so a chatty command cannot stall the upload.
    SshResult<SshExecResult> execStreaming(const QString &command, QIODevice &input,
                                           const SshProgress &progress = {},
                                           Milliseconds timeout = DefaultCommandTimeout);
    // Starts a command to feed stdin piece by piece (for writers that push data, like libarchive).
    SshResult<std::unique_ptr<SshRemoteProcess>> start(const QString &command);

    // Up to `maxBytes` (-1: all) of a remote file from byte `offset` on. A missing file is an error
    // of kind FileMissing; an offset past the end gives no bytes.
    SshResult<QByteArray> readFile(const QString &path, qint64 offset = 0, qint64 maxBytes = -1,
                                   Milliseconds timeout = DefaultCommandTimeout);

    // A round trip to the server (a session channel opened and closed, no remote process): fails
    // with Disconnected when the connection dropped and with Timeout when the server did not answer.
    SshResult<void> ping(Milliseconds timeout = Milliseconds(15000));

    // Remote commands started on this session so far (each one an SSH channel and a process on the host).
    int commandsStarted() const { return m_commandsStarted; }

private:
    friend class SshRemoteProcess;

    SshResult<void> establish(const SshCredentials &credentials, const SshHostKeyPolicy &policy);
    SshResult<void> checkHostKey(const SshHostKeyPolicy &policy);
    SshResult<void> authenticate(const SshCredentials &credentials);
    SshResult<void> authenticateInteractively(const SshCredentials &credentials);
    SshResult<void> authenticateWithKey(const SshCredentials &credentials);
    SshResult<void> authenticateWithAgent(const SshCredentials &credentials);
    SshResult<void> authenticationResult(int code, const QString &deniedMessage);
    void setOperationTimeout(Milliseconds timeout);
    // The error after a failed libssh call: Disconnected (and the session closed) when the
    // connection is gone, otherwise `kind` with `message` and libssh's explanation.
    SshError failure(SshError::Kind kind, const QString &message);
    SshError error(SshError::Kind kind, const QString &message) const;
    // A command's Timeout error restated with the limit the caller set.
    SshError timedOut(const SshError &error, Milliseconds timeout) const;
    QString name() const { return m_endpoint.displayName(); } // user@host:port
    QString hostName() const;                                  // host:port

    SshKnownHosts m_knownHosts;
    SshEndpoint m_endpoint;
    SshHostKey m_hostKey;
    ssh_session_struct *m_session = nullptr;
    Milliseconds m_timeout = DefaultConnectTimeout;
    QStringList m_secrets; // during connect(): kept out of every message (defence in depth)
    QList<SshRemoteProcess *> m_processes; // running commands, detached when libssh frees their channels
    int m_commandsStarted = 0;
};

} // namespace Trainyard
