#pragma once

#include "sshsession.h"

namespace Trainyard {

// A command running on the host, fed piece by piece. Belongs to its session's thread. When the
// connection drops (or the session is destroyed) first, its calls fail with Disconnected.
class SshRemoteProcess
{
public:
    ~SshRemoteProcess();
    SshRemoteProcess(const SshRemoteProcess &) = delete;
    SshRemoteProcess &operator=(const SshRemoteProcess &) = delete;

    // Sends `data` to the command's stdin; returns when the server took all of it. Output arriving
    // meanwhile is kept for finish().
    SshResult<void> write(const QByteArray &data, SshSession::Milliseconds timeout = SshSession::DefaultCommandTimeout);
    // Closes stdin and waits for the command to end.
    SshResult<SshExecResult> finish(SshSession::Milliseconds timeout = SshSession::DefaultCommandTimeout);
    // The command closed its end (exited): further input is dropped, finish() tells how it ended.
    bool hasEnded() const;

private:
    friend class SshSession;
    SshRemoteProcess(SshSession *session, ssh_channel_struct *channel);
    SshResult<void> drain();
    void close();
    // The session disconnected (its channels are freed) or is being destroyed.
    void detach(bool sessionGone);
    SshError unavailable() const;

    SshSession *m_session;
    ssh_channel_struct *m_channel;
    SshExecResult m_result;
    bool m_finished = false; // the exit status arrived
    bool m_lost = false;     // the connection dropped under it
};

} // namespace Trainyard
