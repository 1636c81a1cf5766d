#pragma once

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
// target's properties below it.
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
    QString selectedTargetName() const;
    void selectTarget(const QString &name);
    void focusFilter();

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void updateDetails();
    void updateActions();
    void removeSelected();

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
};

} // namespace Trainyard
