#include "sshremoteprocess.h"

#include <QDeadlineTimer>

#include <libssh/libssh.h>

#include <algorithm>

#include <cerrno>
#include <poll.h>

namespace Trainyard {

namespace {

constexpr uint32_t WriteChunk = 64 * 1024;
// How long one wait for output may take before the loop looks at the other stream and the deadline.
constexpr int PollMilliseconds = 25;

SshSession::Milliseconds remainingTime(const QDeadlineTimer &deadline)
{
    return std::max(SshSession::Milliseconds(1),
                    std::chrono::duration_cast<SshSession::Milliseconds>(deadline.remainingTimeAsDuration()));
}

} // namespace

SshRemoteProcess::SshRemoteProcess(SshSession *session, ssh_channel_struct *channel)
    : m_session(session)
    , m_channel(channel)
{
    m_session->m_processes.append(this);
}

SshRemoteProcess::~SshRemoteProcess()
{
    close();
    if (m_session)
        m_session->m_processes.removeOne(this);
}

void SshRemoteProcess::detach(bool sessionGone)
{
    // libssh freed the channel with its session.
    m_channel = nullptr;
    m_lost = true;
    if (sessionGone)
        m_session = nullptr;
}

SshError SshRemoteProcess::unavailable() const
{
    SshError error;
    error.kind = SshError::Kind::Disconnected;
    if (!m_session) {
        error.message = SshSession::tr("The SSH session of this command is gone.");
        return error;
    }
    if (m_lost)
        return m_session->error(SshError::Kind::Disconnected,
                                SshSession::tr("The connection to %1 was lost.").arg(m_session->name()));
    return m_session->error(SshError::Kind::ChannelFailure,
                            SshSession::tr("The command on %1 has already finished.").arg(m_session->name()));
}

bool SshRemoteProcess::hasEnded() const
{
    return !m_channel || ssh_channel_is_closed(m_channel);
}

void SshRemoteProcess::close()
{
    if (!m_channel)
        return;
    if (m_session->isConnected()) {
        // Abandoned before it ended (timeout, cancel): ask sshd to stop the command's process group.
        if (!m_finished && !ssh_channel_is_closed(m_channel))
            ssh_channel_request_send_signal(m_channel, "TERM");
        ssh_channel_close(m_channel);
    }
    ssh_channel_free(m_channel);
    m_channel = nullptr;
}

SshResult<void> SshRemoteProcess::drain()
{
    char buffer[32 * 1024];
    for (int stream = 0; stream < 2; ++stream) {
        QByteArray &target = stream == 0 ? m_result.standardOutput : m_result.standardError;
        for (;;) {
            const int read = ssh_channel_read_nonblocking(m_channel, buffer, sizeof buffer, stream);
            if (read == SSH_ERROR)
                return m_session->failure(SshError::Kind::ChannelFailure,
                                          SshSession::tr("Reading the output of a command on %1 failed.")
                                              .arg(m_session->name()));
            if (read <= 0)
                break;
            target.append(buffer, read);
        }
    }
    return {};
}

SshResult<void> SshRemoteProcess::write(const QByteArray &data, SshSession::Milliseconds timeout)
{
    if (!m_channel)
        return unavailable();
    const QDeadlineTimer deadline(timeout);
    qsizetype sent = 0;
    while (sent < data.size()) {
        // Reading what the command prints keeps it from blocking on a full pipe while we wait for it
        // to read its input.
        if (auto drained = drain(); !drained)
            return drained;
        if (hasEnded())
            return {}; // the command exited without reading everything, as with a closed pipe
        if (deadline.hasExpired())
            return m_session->error(SshError::Kind::Timeout,
                                    SshSession::tr("The command on %1 did not take its input in time.")
                                        .arg(m_session->name()));
        const uint32_t length = uint32_t(std::min<qsizetype>(data.size() - sent, WriteChunk));
        const uint32_t window = ssh_channel_window_size(m_channel);
        int written = 0;
        if (window > 0) {
            // Never more than the window: a blocking write would wait for it without reading output.
            written = ssh_channel_write(m_channel, data.constData() + sent, std::min(length, window));
        } else {
            // Wait for the server to open the window. Its adjustment arrives on the socket like
            // output does, and the next drain() handles every packet that came, so wake as soon as
            // the socket is readable rather than waiting for output (ssh_channel_poll_timeout would
            // sleep through the adjustment and stall every time the window fills).
            pollfd socket{ssh_get_fd(ssh_channel_get_session(m_channel)), POLLIN, 0};
            if (::poll(&socket, 1, PollMilliseconds) < 0 && errno != EINTR)
                return m_session->failure(SshError::Kind::ChannelFailure,
                                          SshSession::tr("Sending data to %1 failed.").arg(m_session->name()));
            continue;
        }
        if (written < 0) {
            if (hasEnded())
                return {};
            return m_session->failure(SshError::Kind::ChannelFailure,
                                      SshSession::tr("Sending data to %1 failed.").arg(m_session->name()));
        }
        sent += written;
    }
    return {};
}

SshResult<SshExecResult> SshRemoteProcess::finish(SshSession::Milliseconds timeout)
{
    if (!m_channel)
        return unavailable();
    const QDeadlineTimer deadline(timeout);
    if (!hasEnded() && ssh_channel_send_eof(m_channel) == SSH_ERROR && !hasEnded())
        return m_session->failure(SshError::Kind::ChannelFailure,
                                  SshSession::tr("Sending data to %1 failed.").arg(m_session->name()));
    for (;;) {
        if (auto drained = drain(); !drained)
            return drained.error();
        if (ssh_channel_is_eof(m_channel) || hasEnded())
            break;
        if (deadline.hasExpired()) {
            close();
            return m_session->timedOut({SshError::Kind::Timeout, {}, {}, {}}, timeout);
        }
        const int wait = int(std::clamp<qint64>(deadline.remainingTime(), 1, PollMilliseconds));
        if (ssh_channel_poll_timeout(m_channel, wait, 0) == SSH_ERROR)
            return m_session->failure(SshError::Kind::ChannelFailure,
                                      SshSession::tr("Reading the output of a command on %1 failed.")
                                          .arg(m_session->name()));
    }
    if (auto drained = drain(); !drained)
        return drained.error();
    // The exit status comes before the channel closes; wait a little for it even at the deadline.
    m_session->setOperationTimeout(std::max(SshSession::Milliseconds(1000), remainingTime(deadline)));
    m_result.exitStatus = ssh_channel_get_exit_status(m_channel);
    m_session->setOperationTimeout(m_session->m_timeout);
    if (m_result.exitStatus == SSH_ERROR && !m_session->isConnected())
        return m_session->failure(SshError::Kind::ChannelFailure,
                                  SshSession::tr("Reading the output of a command on %1 failed.").arg(m_session->name()));
    m_finished = true;
    close();
    return std::move(m_result);
}

} // namespace Trainyard
