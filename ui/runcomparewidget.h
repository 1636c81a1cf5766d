#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;

namespace Trainyard {

class MetricChartGrid;
class MetricsLoader;
class Workspace;

// Compares runs: one chart per metric with every run that logged it overlaid, each run in the
// same colour in every chart. Metrics load in the background and follow the runs on refresh().
class RunCompareWidget : public QWidget
{
    Q_OBJECT

public:
    explicit RunCompareWidget(Workspace *workspace, QWidget *parent = nullptr);
    ~RunCompareWidget() override;

    void setWorkspace(Workspace *workspace);
    Workspace *workspace() const { return m_workspace; }

    // The runs to compare, in legend order; loads their metrics.
    void setRuns(const QStringList &runIds);
    QStringList runIds() const { return m_runIds; }
    // Loads new metric points when the workspace changed (cheap otherwise).
    void refresh();

    MetricChartGrid *chartGrid() const { return m_grid; }

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void createMetricsLoader();
    void updateTitle();

    Workspace *m_workspace;
    MetricsLoader *m_metrics = nullptr;
    QLabel *m_title;
    QLabel *m_subtitle;
    MetricChartGrid *m_grid;
    QStringList m_runIds;
};

} // namespace Trainyard
