#pragma once

#include "result.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QWidget>

class QAbstractAxis;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QTimer;
class QToolButton;
class QValueAxis;

namespace Trainyard {

// One line of a chart at full resolution, sorted by x.
struct NamedSeries
{
    QString name;
    QList<QPointF> points;
    QColor color; // invalid: the chart's palette colour for the series' position
};

// The one adapter around QtCharts (STYLE.md): a titled line chart of metric series. The chart
// never sees full-resolution data: on every data change and every resize, each series is
// decimated to the plot width (SeriesDecimator::forWidth, keeping first, last, minimum and
// maximum), optionally smoothed (TensorBoard's debiased EMA, drawn over a faint raw line), and
// handed to its QLineSeries with one replace(). Series objects live as long as their position in
// the list, so live updates redraw without flicker. Exports write what the chart was given:
// PNG as shown, CSV at full resolution.
class MetricChartView : public QWidget
{
    Q_OBJECT

public:
    enum class XAxisFormat { Number, DateTime }; // DateTime: x is milliseconds since the epoch

    explicit MetricChartView(QWidget *parent = nullptr);
    ~MetricChartView() override;

    void setTitle(const QString &title);
    QString title() const;
    void setXAxisTitle(const QString &title);
    QString xAxisTitle() const;
    void setXAxisFormat(XAxisFormat format);
    XAxisFormat xAxisFormat() const { return m_xFormat; }

    void setSeries(const QList<NamedSeries> &series);
    const QList<NamedSeries> &series() const { return m_series; }

    // EMA weight in [0, 1); 0 draws the (decimated) data as it is.
    void setSmoothing(double weight);
    double smoothing() const { return m_smoothing; }

    // Asks for a logarithmic y axis. It is shown only while every series is positive
    // (SeriesSmoother::allPositive); otherwise the chart stays linear and says why.
    void setLogScale(bool on);
    bool isLogScaleRequested() const { return m_logRequested; }
    bool isLogScale() const;
    bool isLogScaleAvailable() const { return m_logUnavailableReason.isEmpty(); }
    QString logScaleUnavailableReason() const { return m_logUnavailableReason; }

    Result<void> exportPng(const QString &path) const;
    // "series,x,y" lines, every point given to setSeries(); wall-time x values as ISO 8601 (UTC).
    Result<void> exportCsv(const QString &path) const;

    // The QtCharts objects, for tests: the chart, and the line drawn for a series (the smoothed
    // line when smoothing is on).
    QChart *chart() const { return m_chart; }
    QLineSeries *lineSeries(const QString &name) const;
    // The width of the plot area in pixels that the series were decimated for.
    int decimationWidth() const { return m_decimationWidth; }

Q_SIGNALS:
    void logScaleChanged(bool on);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Line
    {
        QLineSeries *raw = nullptr;  // faint, behind; empty without smoothing
        QLineSeries *main = nullptr; // the line people read
    };

    void rebuildLines();
    void refresh();
    int plotWidth() const;
    void updateAxes(double xMin, double xMax, double yMin, double yMax, bool integralX);
    void useXAxis(QAbstractAxis *axis);
    void useYAxis(QAbstractAxis *axis);
    void updateLogAvailability();
    void showPointToolTip(int line, const QPointF &position);
    QString formatX(double x) const;
    QColor colorFor(int index) const;
    void askExportPng();
    void askExportCsv();

    QLabel *m_title;
    QToolButton *m_logButton;
    QToolButton *m_exportButton;
    QChartView *m_view;
    QChart *m_chart;
    QValueAxis *m_xValueAxis;
    QDateTimeAxis *m_xTimeAxis;
    QValueAxis *m_yValueAxis;
    QLogValueAxis *m_yLogAxis;
    QTimer *m_resizeTimer;

    QList<NamedSeries> m_series;
    QList<Line> m_lines;
    XAxisFormat m_xFormat = XAxisFormat::Number;
    double m_smoothing = 0;
    bool m_logRequested = false;
    QString m_logUnavailableReason;
    int m_decimationWidth = 0;
};

} // namespace Trainyard
