#include "sshconnection.h"

#include <QThread>

namespace Trainyard {

SshConnection::SshConnection(SshKnownHosts knownHosts, SshEndpoint endpoint, SshCredentials credentials,
                             SshHostKeyPolicy policy, SshBackoff backoff)
    : m_session(std::move(knownHosts))
    , m_endpoint(std::move(endpoint))
    , m_credentials(std::move(credentials))
    , m_policy(std::move(policy))
    , m_backoff(backoff)
    , m_sleep([](Milliseconds delay) {
        QThread::msleep(static_cast<unsigned long>(delay.count()));
        return true;
    })
{
}

SshResult<void> SshConnection::connect()
{
    if (m_session.isConnected())
        return {};
    m_session.disconnect();
    SshError last;
    const int attempts = std::max(1, m_backoff.maximumAttempts);
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        if (attempt > 1 && !m_sleep(m_backoff.delayBefore(attempt))) {
            SshError cancelled;
            cancelled.kind = SshError::Kind::Cancelled;
            cancelled.message = tr("Reconnecting to %1 was cancelled.").arg(m_endpoint.displayName());
            return cancelled;
        }
        auto connected = m_session.connect(m_endpoint, m_credentials, m_policy, m_connectTimeout);
        if (connected) {
            if (m_everConnected)
                ++m_reconnects;
            m_everConnected = true;
            m_missedHeartbeats = 0;
            // The replacement is written now: a later reconnect must not replace keys again, only
            // accept this same one.
            if (m_policy.mode == SshHostKeyPolicy::Mode::ReplaceChanged)
                m_policy = SshHostKeyPolicy::acceptOnce(m_policy.fingerprint);
            return {};
        }
        last = connected.error();
        if (!last.isTransient())
            return last;
    }
    return last;
}

SshResult<SshExecResult> SshConnection::exec(const QString &command, const QByteArray &standardInput,
                                             Milliseconds timeout)
{
    if (auto connected = connect(); !connected)
        return connected.error();
    return m_session.exec(command, standardInput, timeout);
}

SshResult<SshExecResult> SshConnection::runScript(const QString &script, const QStringList &arguments,
                                                  Milliseconds timeout)
{
    if (auto connected = connect(); !connected)
        return connected.error();
    return m_session.runScript(script, arguments, timeout);
}

SshResult<QByteArray> SshConnection::readFile(const QString &path, qint64 offset, qint64 maxBytes, Milliseconds timeout)
{
    if (auto connected = connect(); !connected)
        return connected.error();
    auto read = m_session.readFile(path, offset, maxBytes, timeout);
    if (read || read.error().kind != SshError::Kind::Disconnected)
        return read;
    if (auto connected = connect(); !connected)
        return connected.error();
    return m_session.readFile(path, offset, maxBytes, timeout);
}

SshResult<void> SshConnection::heartbeat(Milliseconds timeout)
{
    if (!m_session.isConnected())
        return connect();
    auto pinged = m_session.ping(timeout);
    if (pinged) {
        m_missedHeartbeats = 0;
        return {};
    }
    if (pinged.error().kind == SshError::Kind::Timeout && ++m_missedHeartbeats < MaximumMissedHeartbeats)
        return pinged;
    m_missedHeartbeats = 0;
    m_session.disconnect();
    return connect();
}

} // namespace Trainyard
