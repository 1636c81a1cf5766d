#pragma once

#include <QWidget>

#include <memory>

class QAction;

namespace Trainyard {

namespace Ui {
class RunsPage;
}

class RunCompareWidget;
class RunDetailWidget;
class RunListLoader;
class RunListPanel;
class Workspace;

// The Runs page: every run of the workspace, filterable by text and status, with the experiment
// and the last metric values; opening a run shows its details (Back returns to the list), and
// two or more selected runs can be compared. The list loads off the GUI thread, and only while
// the page is visible.
class RunsPage : public QWidget
{
    Q_OBJECT

public:
    enum Level { RunListLevel, RunDetailLevel };

    explicit RunsPage(QWidget *parent = nullptr);
    ~RunsPage() override;

    void setWorkspace(Workspace *workspace);
    // Shown in the page's tool bar.
    void setSubmitAction(QAction *action);
    // Re-reads what the page shows when the workspace changed (cheap otherwise).
    void reload();

    Level level() const;
    void showRunList();
    // Selects the run in the list and shows its details.
    void openRun(const QString &runId);
    void focusFilter();

    RunCompareWidget *compareRuns(const QStringList &runIds);
    QList<RunCompareWidget *> compareWindows() const;

    RunListPanel *runList() const;
    RunDetailWidget *runDetail() const { return m_detail; }

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void setLevel(Level level);
    void load();
    void updateNavigation();

    std::unique_ptr<Ui::RunsPage> ui;
    Workspace *m_workspace = nullptr;
    RunListLoader *m_loader;
    RunDetailWidget *m_detail;
    QAction *m_refreshAction;
    QAction *m_backAction;
};

} // namespace Trainyard
