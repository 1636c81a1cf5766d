#pragma once

#include <QSet>
#include <QWidget>

#include <memory>

class QAction;
class QSortFilterProxyModel;

namespace Trainyard {

namespace Ui {
class ComputePage;
}

class ComputeTarget;
class ComputeTargetModel;
class PropertyListModel;
class Workspace;

// The Compute page: the workspace's targets in a filterable, sortable table and the selected
// target's properties below it. Attaching (a wizard), testing and detaching remote machines go
// over the network, in worker threads with a Workspace of their own.
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
    QAction *attachAction() const { return m_attachAction; }
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

private:
    void updateDetails();
    void updateActions();
    void widenColumns();
    void removeSelected();
    void openAttachWizard();
    void testSelected();
    void detach(const QString &name);
    void showTestResult(const QString &name, const QString &error);
    void showResult(const QString &text, bool problem);

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
    QSet<QString> m_busyTargets; // a connection test or a detach is running for them
};

} // namespace Trainyard
