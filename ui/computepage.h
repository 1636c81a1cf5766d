#pragma once

#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QSortFilterProxyModel;
class QTableWidget;
class QTimer;

namespace Trainyard {

namespace Ui {
class ComputePage;
}

class ComputeTarget;
class ComputeTargetModel;
class CredentialStore;
class PropertyListModel;
class Workspace;

// The Compute page: the workspace's targets in a filterable, sortable table and the selected
// target's properties below it. Attaching (a wizard), testing and detaching remote machines go
// over the network, in worker threads with a Workspace of their own. For a Slurm cluster the
// details show node-state counts and a Nodes tab, refreshed from Slurm every few seconds while the
// cluster is selected and the page is visible; creating, scaling and deleting clusters run in
// worker threads, too.
class ComputePage : public QWidget
{
    Q_OBJECT

public:
    explicit ComputePage(QWidget *parent = nullptr);
    ~ComputePage() override;

    void setWorkspace(Workspace *workspace);
    // Re-reads the targets; the selection stays on the same target.
    void reload();

    ComputeTargetModel *model() const { return m_model; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *newClusterAction() const { return m_newClusterAction; }
    QAction *attachAction() const { return m_attachAction; }
    QAction *scaleAction() const { return m_scaleAction; }
    QAction *testAction() const { return m_testAction; }
    QAction *removeAction() const { return m_removeAction; }
    QString selectedTargetName() const;
    void selectTarget(const QString &name);
    void focusFilter();

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

Q_SIGNALS:
    void statusMessage(const QString &message);
    // A connection test, attach or detach finished (the page shows the outcome, too).
    void remoteWorkFinished(const QString &targetName);
    // A cluster refresh from Slurm finished (the table and details show it).
    void clusterRefreshed(const QString &targetName);

private:
    void updateDetails();
    void updateActions();
    void widenColumns();
    void removeSelected();
    void openAttachWizard();
    void testSelected();
    void detach(const QString &name);
    void showTestResult(const QString &name, const QString &error);
    void offerToTrustHostKey(const QString &name, const QString &address, const QString &fingerprint);
    void showResult(const QString &text, bool problem);
    void refreshAll();
    void openNewClusterWizard();
    void refreshCluster(const QString &name);
    void scaleSelected();
    void removeCluster(const QString &name);
    void updateNodes(const ComputeTarget *target);
    // Work on a target, in a worker with a Workspace and a CredentialStore of its own (a Workspace
    // belongs to the thread that opened it; the store may wait for this thread). Returns the error
    // text, empty on success.
    using TargetWork = std::function<QString(Workspace &, CredentialStore &)>;
    // Runs `work` while `name` is in `busy`; `done` gets its error text on this thread, unless the
    // workspace changed meanwhile.
    void runTargetWork(const QString &name, QSet<QString> &busy, TargetWork work, std::function<void(const QString &)> done);
    // runTargetWork for a connection test, detach, scale or delete: the target's actions are locked
    // meanwhile, and remoteWorkFinished() follows `done`.
    void runBusyWork(const QString &name, TargetWork work, std::function<void(const QString &)> done);

    std::unique_ptr<Ui::ComputePage> ui;
    Workspace *m_workspace = nullptr;
    ComputeTargetModel *m_model;
    QSortFilterProxyModel *m_proxy;
    PropertyListModel *m_properties;
    QAction *m_newClusterAction;
    QAction *m_attachAction;
    QAction *m_testAction;
    QAction *m_refreshAction;
    QAction *m_removeAction;
    QAction *m_scaleAction;
    QTableWidget *m_nodeView;
    QTimer *m_clusterTimer;
    QSet<QString> m_busyTargets; // a connection test, a detach, a scale or a delete is running for them
    QSet<QString> m_refreshingTargets; // a refresh from Slurm is running for them
};

} // namespace Trainyard
