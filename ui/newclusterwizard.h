#pragma once

#include "computetarget.h"
#include "slurmcluster.h"

#include <QWizard>

namespace Trainyard {

class SshHostKeyPage;
class Workspace;

namespace NewCluster {
class NamePage;
class LoginPage;
class FamilyPage;
class ScalePage;
class SummaryPage;
} // namespace NewCluster

// "New Compute Cluster": creates a Slurm partition over the nodes of one VM family (node shape).
// Pages: name and access; for a login node over SSH its connection (the shared SshConnectionForm)
// and host key (SshHostKeyPage); VM family (a probe of Slurm in a worker thread), scale, summary.
// Finish runs SlurmCluster::create in a worker with a workspace connection of its own; it
// remembers the host key decision and puts the login node's secret in the keychain. A partition
// Slurm refuses is recorded as a Failed target with Slurm's message; the wizard shows it and stays
// open until the user closes it.
class NewClusterWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { NamePageId, FamilyPageId, ScalePageId, SummaryPageId, LoginPageId, HostKeyPageId };

    // `workspace` is used on this thread only: for the names already taken and its location.
    explicit NewClusterWizard(Workspace *workspace, QWidget *parent = nullptr);
    ~NewClusterWizard() override;

    Workspace *workspace() const { return m_workspace; }
    // What the pages hold so far, as the request Finish sends.
    SlurmClusterRequest request() const;
    // The chosen node shape (a default one before the VM family page chose).
    SlurmNodeShape shape() const;
    // Through a login node over SSH (false: this computer).
    bool isOverSsh() const;
    // The host key decision and a sentence about it, for the summary.
    QString hostKeyDecision() const;
    QString keychainNote() const;

    int nextId() const override;
    // Refuses to close while Finish is creating: the target is recorded at the end of it.
    void done(int result) override;

Q_SIGNALS:
    // Finish recorded the target (Succeeded, or Failed with Slurm's message).
    void created(const Trainyard::ComputeTarget &target);

private:
    friend class NewCluster::SummaryPage;
    void setCreating(bool creating);

    Workspace *m_workspace;
    NewCluster::NamePage *m_namePage;
    NewCluster::LoginPage *m_loginPage;
    SshHostKeyPage *m_hostKeyPage;
    NewCluster::FamilyPage *m_familyPage;
    NewCluster::ScalePage *m_scalePage;
    NewCluster::SummaryPage *m_summaryPage;
    bool m_creating = false;
};

} // namespace Trainyard
