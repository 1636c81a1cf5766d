#pragma once

#include "remotemachine.h"
#include "slurmcluster.h"

#include <QWizard>

namespace Trainyard {

class SshHostKeyPage;
class Workspace;

namespace AttachRemote {
class KindPage;
class ConnectionPage;
class ProbePage;
class PartitionPage;
class SummaryPage;
} // namespace AttachRemote

// "Attach Compute": attaches a remote machine over SSH, or a Slurm partition reached from this
// computer or through a login node over SSH. Pages: kind, connection, host key (SSH only), then
// probe (a remote machine) or partition (Slurm: the partitions Slurm reports, one to choose), and
// summary. The host key is checked before any credential is sent, and every network step runs in
// a worker thread with a session of its own; a result that arrives after the user went Back,
// changed something or cancelled is dropped (the worker finishes in the background). Nothing is
// written (known_hosts, keychain, workspace) before Finish, which calls RemoteMachine::attach or
// SlurmCluster::attach. The password and passphrase go only into SshCredentials and, through
// attach, the CredentialStore.
class AttachRemoteWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { KindPageId, ConnectionPageId, HostKeyPageId, ProbePageId, SummaryPageId, PartitionPageId };

    // `workspace` is used on this thread only: for the names already taken and its location.
    explicit AttachRemoteWizard(Workspace *workspace, QWidget *parent = nullptr);
    ~AttachRemoteWizard() override;

    Workspace *workspace() const { return m_workspace; }

    // What the pages hold so far.
    bool isSlurm() const;
    // A Slurm partition reached through a login node (SSH); false for this computer.
    bool isSlurmOverSsh() const;
    QString targetName() const;
    RemoteMachineSettings settings() const;
    SshCredentials credentials() const;
    // The host key decision: requireKnown while the key is known or nothing was decided.
    SshHostKeyPolicy hostKeyPolicy() const;
    // The fingerprint and, on a line of its own, a sentence about the decision.
    QString hostKeyDecision() const;
    RemoteFacts probedFacts() const;
    // The request Finish sends for a Slurm partition (the partition chosen so far).
    SlurmClusterRequest slurmRequest() const;

    // Set once Finish attached the machine or partition (for a partition: the target, and whether
    // the login node's secret went to a keychain).
    const RemoteAttachOutcome &outcome() const { return m_outcome; }

    int nextId() const override;
    // Refuses to close while Finish is attaching: the target is recorded at the end of it.
    void done(int result) override;

Q_SIGNALS:
    void attached(const Trainyard::RemoteAttachOutcome &outcome);

private:
    friend class AttachRemote::SummaryPage;
    void setAttaching(bool attaching);
    void finishAttached(const RemoteAttachOutcome &outcome);

    Workspace *m_workspace;
    AttachRemote::KindPage *m_kindPage;
    AttachRemote::ConnectionPage *m_connectionPage;
    SshHostKeyPage *m_hostKeyPage;
    AttachRemote::ProbePage *m_probePage;
    AttachRemote::PartitionPage *m_partitionPage;
    AttachRemote::SummaryPage *m_summaryPage;
    RemoteAttachOutcome m_outcome;
    bool m_attaching = false;
};

} // namespace Trainyard
