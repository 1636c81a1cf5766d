#pragma once

#include "sshsession.h"

#include <QCoreApplication>

#include <chrono>
#include <functional>

namespace Trainyard {

// The pauses between connection attempts: 1, 2, 4, 8, 16, 30, 30, ... seconds by default.
struct SshBackoff
{
    std::chrono::milliseconds initialDelay{1000};
    std::chrono::milliseconds maximumDelay{30000};
    int maximumAttempts = 10; // per connect(); the first attempt starts at once

    // The pause before attempt `attempt` (1-based): none before the first, then doubling up to
    // maximumDelay.
    std::chrono::milliseconds delayBefore(int attempt) const
    {
        if (attempt <= 1)
            return std::chrono::milliseconds(0);
        std::chrono::milliseconds delay = initialDelay;
        for (int i = 2; i < attempt && delay < maximumDelay; ++i)
            delay *= 2;
        return std::min(delay, maximumDelay);
    }
};

// An SSH session that comes back: it owns what connecting needs (endpoint, credentials, host key
// policy) and reconnects with backoff when a call finds the connection gone.
//
// - Every call connects first if needed. connect() retries transient failures (refused, timeout,
//   dropped) with SshBackoff's pauses and stops at once at anything a retry cannot fix (a host key
//   problem, a wrong password) or when the Sleep function reports a cancel.
// - A command that fails because the connection dropped is NOT run again (it may have run): the
//   caller gets Disconnected, and the next call reconnects. readFile() and heartbeat() only read,
//   so they reconnect and retry once by themselves.
// - heartbeat() is the keep-alive libssh 0.10 lacks: call it every 15 s from the owning thread
//   when the connection is idle. A dropped connection is reconnected at once; a server that does
//   not answer 3 heartbeats in a row is given up on and reconnected.
//
// Not thread-safe, like SshSession: one thread owns the connection.
class SshConnection
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::SshConnection)

public:
    using Milliseconds = std::chrono::milliseconds;
    // Spends a pause between attempts; returns false to give up (a user cancelled).
    using Sleep = std::function<bool(Milliseconds)>;
    static constexpr int MaximumMissedHeartbeats = 3;

    SshConnection(SshKnownHosts knownHosts, SshEndpoint endpoint, SshCredentials credentials,
                  SshHostKeyPolicy policy = SshHostKeyPolicy::requireKnown(), SshBackoff backoff = {});

    // How the pauses between attempts are spent: QThread::msleep() by default; a worker can wait on
    // its cancel flag instead, tests record the pauses.
    void setSleep(Sleep sleep) { m_sleep = std::move(sleep); }
    void setConnectTimeout(Milliseconds timeout) { m_connectTimeout = timeout; }

    SshResult<void> connect();
    void disconnect() { m_session.disconnect(); }
    bool isConnected() const { return m_session.isConnected(); }
    // The live session, for calls not wrapped here; connect() first.
    SshSession &session() { return m_session; }
    // Successful connects after the first one.
    int reconnectCount() const { return m_reconnects; }

    SshResult<SshExecResult> exec(const QString &command, const QByteArray &standardInput = {},
                                  Milliseconds timeout = SshSession::DefaultCommandTimeout);
    SshResult<SshExecResult> runScript(const QString &script, const QStringList &arguments = {},
                                       Milliseconds timeout = SshSession::DefaultCommandTimeout);
    SshResult<QByteArray> readFile(const QString &path, qint64 offset = 0, qint64 maxBytes = -1,
                                   Milliseconds timeout = SshSession::DefaultCommandTimeout);
    SshResult<void> heartbeat(Milliseconds timeout = Milliseconds(15000));

private:
    SshSession m_session;
    SshEndpoint m_endpoint;
    SshCredentials m_credentials;
    SshHostKeyPolicy m_policy;
    SshBackoff m_backoff;
    Sleep m_sleep;
    Milliseconds m_connectTimeout = SshSession::DefaultConnectTimeout;
    bool m_everConnected = false;
    int m_reconnects = 0;
    int m_missedHeartbeats = 0;
};

} // namespace Trainyard
