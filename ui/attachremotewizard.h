#pragma once

#include "remotemachine.h"

#include <QWizard>

namespace Trainyard {

class Workspace;

namespace AttachRemote {
class ConnectionPage;
class HostKeyPage;
class ProbePage;
class SummaryPage;
} // namespace AttachRemote

// "Attach Compute": attaches a remote machine over SSH. Pages: kind, connection, host key,
// probe, summary. The host key is checked before any credential is sent, and every network step
// runs in a worker thread with a session of its own; a result that arrives after the user went
// Back, changed something or cancelled is dropped (the worker finishes in the background).
// Nothing is written (known_hosts, keychain, workspace) before Finish, which calls
// RemoteMachine::attach. The password and passphrase go only into SshCredentials and, through
// attach, the CredentialStore.
class AttachRemoteWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { KindPageId, ConnectionPageId, HostKeyPageId, ProbePageId, SummaryPageId };

    // `workspace` is used on this thread only: for the names already taken and its location.
    explicit AttachRemoteWizard(Workspace *workspace, QWidget *parent = nullptr);
    ~AttachRemoteWizard() override;

    Workspace *workspace() const { return m_workspace; }

    // What the pages hold so far.
    QString targetName() const;
    RemoteMachineSettings settings() const;
    SshCredentials credentials() const;
    // The host key decision: requireKnown while the key is known or nothing was decided.
    SshHostKeyPolicy hostKeyPolicy() const;
    // The fingerprint and, on a line of its own, a sentence about the decision.
    QString hostKeyDecision() const;
    RemoteFacts probedFacts() const;

    // Set once Finish attached the machine.
    const RemoteAttachOutcome &outcome() const { return m_outcome; }

    // Refuses to close while Finish is attaching: the target is recorded at the end of it.
    void done(int result) override;

Q_SIGNALS:
    void attached(const Trainyard::RemoteAttachOutcome &outcome);

private:
    friend class AttachRemote::SummaryPage;
    void setAttaching(bool attaching);
    void finishAttached(const RemoteAttachOutcome &outcome);

    Workspace *m_workspace;
    AttachRemote::ConnectionPage *m_connectionPage;
    AttachRemote::HostKeyPage *m_hostKeyPage;
    AttachRemote::ProbePage *m_probePage;
    AttachRemote::SummaryPage *m_summaryPage;
    RemoteAttachOutcome m_outcome;
    bool m_attaching = false;
};

} // namespace Trainyard
