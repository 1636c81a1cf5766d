#pragma once

#include "metricpoint.h"

#include <QDateTime>
#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QScrollArea;
class QSlider;
class QStackedWidget;

namespace Trainyard {

class EmptyStateWidget;
class MetricChartView;

// The metric points of one run, as a chart grid takes them.
struct RunMetrics
{
    QString runId;
    QList<MetricPoint> points;
    QDateTime start; // origin of the relative-time axis; invalid: the run's first point
};

// A scrollable grid of charts, one per scalar metric, each with one line per run: a single run's
// metrics, or several runs overlaid for comparison (the legend names the runs). Shared controls
// on top choose the x axis (step, relative time, wall time), the smoothing and a log scale.
// Only scalar points with a finite value are charted.
class MetricChartGrid : public QWidget
{
    Q_OBJECT

public:
    enum class XAxisMode { Step, RelativeTime, WallTime };

    explicit MetricChartGrid(QWidget *parent = nullptr);
    ~MetricChartGrid() override;

    // Replaces the data; charts of metrics that are still there keep their widgets and settings.
    void setRuns(const QList<RunMetrics> &runs);
    const QList<RunMetrics> &runs() const { return m_runs; }

    // The charted metrics, sorted by name, and their charts.
    QStringList metricNames() const { return m_charts.keys(); }
    MetricChartView *chart(const QString &metricName) const { return m_charts.value(metricName); }
    QList<MetricChartView *> charts() const { return m_charts.values(); }

    void setXAxisMode(XAxisMode mode);
    XAxisMode xAxisMode() const { return m_xAxisMode; }
    // EMA weight in [0, 0.99].
    void setSmoothing(double weight);
    double smoothing() const;
    void setLogScale(bool on);
    bool logScale() const;
    // Shows only the charts whose metric name contains `text` (case-insensitive).
    void setFilterText(const QString &text);

    // A busy indicator in the controls row while the owner loads data.
    void setLoading(bool loading);
    bool isLoading() const;
    // What the grid says while there is nothing to chart.
    void setEmptyText(const QString &title, const QString &hint);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuildSeries();
    void relayout();
    int columnsForWidth(int width) const;
    void updateLogControl();
    void updateEmptyState();

    QComboBox *m_xAxisCombo;
    QSlider *m_smoothingSlider;
    QLabel *m_smoothingValue;
    QCheckBox *m_logCheck;
    QLineEdit *m_filter;
    QProgressBar *m_busy;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_empty;
    QScrollArea *m_scroll;
    QWidget *m_container;
    QGridLayout *m_grid;

    QList<RunMetrics> m_runs;
    QMap<QString, MetricChartView *> m_charts;
    XAxisMode m_xAxisMode = XAxisMode::Step;
    int m_columns = 0;
    QString m_emptyTitle;
    QString m_emptyHint;
};

} // namespace Trainyard
