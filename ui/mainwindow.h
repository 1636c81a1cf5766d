#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QProgressBar;

namespace Trainyard {

namespace Ui {
class MainWindow;
}

class BackgroundMonitor;
class ComputePage;
class ExperimentsPage;
class RunConfigurationEditor;
class RunsPage;
class SubmitDialog;
class Workspace;
class WorkspaceWatcher;

// The studio's main window: a navigation side bar (Compute, Experiments, Runs), the page area,
// menus and a status bar. Owns the open workspace, notices other processes' changes to it, and
// follows unfinished runs in a background thread while it is open (runs go on when it closes).
// The thread starts with the first unfinished run.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page { ComputePageIndex, ExperimentsPageIndex, RunsPageIndex, PageCount };

    explicit MainWindow(std::unique_ptr<Workspace> workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    Workspace *workspace() const { return m_workspace.get(); }
    ComputePage *computePage() const { return m_computePage; }
    ExperimentsPage *experimentsPage() const { return m_experimentsPage; }
    RunsPage *runsPage() const { return m_runsPage; }
    WorkspaceWatcher *watcher() const { return m_watcher; }
    BackgroundMonitor *monitor() const { return m_monitor; }
    void showPage(Page page);
    Page currentPage() const;

    // Run configuration editors: separate windows, deleted when closed. The last project folder
    // opened is where new configurations and file dialogs start.
    RunConfigurationEditor *newRunConfiguration();
    RunConfigurationEditor *openRunConfiguration(const QString &path);
    // Opens a configuration of the project in `folder`: the only one, one picked from several,
    // or (after asking) a new .azureml/local.runconfig made from the template.
    RunConfigurationEditor *openProjectFolder(const QString &folder);
    QList<RunConfigurationEditor *> runConfigurationEditors() const;

    // The Submit dialog (one at a time, window-modal), preset to a project folder (else the last
    // one) and optionally a run configuration file. A submitted run is shown on the Runs page.
    SubmitDialog *openSubmitDialog(const QString &projectFolder = {}, const QString &runConfiguration = {});
    SubmitDialog *submitDialog() const;

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void setWorkspace(std::unique_ptr<Workspace> workspace);
    void openWorkspace();
    void askOpenRunConfiguration();
    void askOpenProjectFolder();
    RunConfigurationEditor *createEditor();
    void connectEditor(RunConfigurationEditor *editor);
    void refresh();
    void reloadRunPages();
    void followRuns();
    void showDownloadProgress(const QString &runId, qint64 done, qint64 total);
    void runSubmitted(const QString &runId, const QString &projectFolder, int warnings);
    void focusFilter();
    void showAbout();
    void readSettings();
    void writeSettings() const;

    std::unique_ptr<Ui::MainWindow> ui;
    std::unique_ptr<Workspace> m_workspace;
    WorkspaceWatcher *m_watcher = nullptr;
    BackgroundMonitor *m_monitor = nullptr;
    QProgressBar *m_downloadBar = nullptr;
    ComputePage *m_computePage;
    ExperimentsPage *m_experimentsPage;
    RunsPage *m_runsPage;
    QPointer<SubmitDialog> m_submitDialog;
    QString m_projectFolder;
};

} // namespace Trainyard
