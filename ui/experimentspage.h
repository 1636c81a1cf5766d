#pragma once

#include <QWidget>

#include <memory>

class QAction;
class QSortFilterProxyModel;

namespace Trainyard {

namespace Ui {
class ExperimentsPage;
}

class EmptyStateWidget;
class ExperimentModel;
class RunCompareWidget;
class RunDetailWidget;
class RunListLoader;
class RunListPanel;
class Workspace;

// The Experiments page: the workspace's experiments (run count, latest status) in a filterable
// table; opening one shows its runs with metric columns and Compare; opening a run shows its
// details. A bread crumb and Back lead up again. Lists load off the GUI thread, and only while
// the page is visible.
class ExperimentsPage : public QWidget
{
    Q_OBJECT

public:
    enum Level { ExperimentListLevel, ExperimentRunsLevel, RunDetailLevel };

    explicit ExperimentsPage(QWidget *parent = nullptr);
    ~ExperimentsPage() override;

    void setWorkspace(Workspace *workspace);
    // Shown in the page's tool bars.
    void setSubmitAction(QAction *action);
    // Re-reads what the page shows when the workspace changed (cheap otherwise).
    void reload();

    Level level() const;
    void showExperimentList();
    void openExperiment(const QString &name);
    void openRun(const QString &runId);
    QString currentExperiment() const { return m_experiment; }
    void focusFilter();

    // Opens a window charting the runs' metrics together.
    RunCompareWidget *compareRuns(const QStringList &runIds);
    QList<RunCompareWidget *> compareWindows() const;

    ExperimentModel *model() const { return m_model; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    RunListPanel *runList() const;
    RunDetailWidget *runDetail() const { return m_detail; }
    EmptyStateWidget *emptyState() const;

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void setLevel(Level level);
    void load();
    void showLoaded();
    void updateNavigation();
    void navigate(const QString &link);
    void goBack();
    void openCurrentExperiment();

    std::unique_ptr<Ui::ExperimentsPage> ui;
    Workspace *m_workspace = nullptr;
    ExperimentModel *m_model;
    QSortFilterProxyModel *m_proxy;
    RunListLoader *m_loader;
    RunDetailWidget *m_detail;
    QAction *m_refreshAction;
    QAction *m_backAction;
    QString m_experiment;
    bool m_columnsSized = false;
};

} // namespace Trainyard
