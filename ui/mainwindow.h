#pragma once

#include <QMainWindow>

#include <memory>

namespace Trainyard {

namespace Ui {
class MainWindow;
}

class ComputePage;
class EmptyStateWidget;
class Workspace;
class WorkspaceWatcher;

// The studio's main window: a navigation side bar (Compute, Experiments, Runs), the page area,
// menus and a status bar. Owns the open workspace and notices other processes' changes to it.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page { ComputePageIndex, ExperimentsPageIndex, RunsPageIndex, PageCount };

    explicit MainWindow(std::unique_ptr<Workspace> workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    Workspace *workspace() const { return m_workspace.get(); }
    ComputePage *computePage() const { return m_computePage; }
    WorkspaceWatcher *watcher() const { return m_watcher; }
    void showPage(Page page);
    Page currentPage() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setWorkspace(std::unique_ptr<Workspace> workspace);
    void openWorkspace();
    void refresh();
    void showAbout();
    void readSettings();
    void writeSettings() const;

    std::unique_ptr<Ui::MainWindow> ui;
    std::unique_ptr<Workspace> m_workspace;
    WorkspaceWatcher *m_watcher = nullptr;
    ComputePage *m_computePage;
    EmptyStateWidget *m_experimentsPage;
    EmptyStateWidget *m_runsPage;
};

} // namespace Trainyard
