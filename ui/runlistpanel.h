#pragma once

#include "runrecord.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLineEdit;
class QTableView;
class QTimer;
class QToolBar;

namespace Trainyard {

namespace Ui {
class RunListPanel;
}

class RunFilterProxyModel;
class RunModel;

// A table of runs with metric columns, as the Runs page and an opened experiment show it: a tool
// bar (Compare, and whatever the page adds), a status filter, a filter box and, while there are
// no runs, an empty state. Opening a run (double-click or Enter) emits runOpened(); Compare is
// enabled while two or more runs are selected. Durations of unfinished runs tick every second.
class RunListPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RunListPanel(QWidget *parent = nullptr);
    ~RunListPanel() override;

    // Merges the runs into the table: the selection, the sort order and column widths stay.
    void setRuns(const QList<RunRecord> &runs, const QHash<QString, QList<MetricSummary>> &metrics);
    void clear();

    RunModel *model() const { return m_model; }
    RunFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *view() const;
    QToolBar *toolBar() const;
    QLineEdit *filterEdit() const;
    QComboBox *statusCombo() const;
    QAction *compareAction() const { return m_compareAction; }
    QAction *openAction() const { return m_openAction; }

    void setExperimentColumnVisible(bool visible);
    void setEmptyText(const QString &title, const QString &hint);

    // The selected runs, in the order the table shows them.
    QStringList selectedRunIds() const;
    QString currentRunId() const;
    // Makes the run current and selected; a run not loaded yet is selected when it arrives.
    void selectRun(const QString &runId);
    void focusFilter();

Q_SIGNALS:
    void runOpened(const QString &runId);
    void compareRequested(const QStringList &runIds);

private:
    void fillStatusCombo();
    void applyStatusFilter();
    void updateActions();
    void updateEmptyState();
    void sizeColumns(int first, int last);
    void openCurrent();

    std::unique_ptr<Ui::RunListPanel> ui;
    RunModel *m_model;
    RunFilterProxyModel *m_proxy;
    QTimer *m_durationTimer;
    QAction *m_openAction;
    QAction *m_compareAction;
    QString m_pendingSelection;
    bool m_columnsSized = false;
    bool m_experimentColumnVisible = true;
    QList<int> m_newColumns; // inserted during a setRuns(), sized after it
};

} // namespace Trainyard
