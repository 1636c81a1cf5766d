// The chart adapter and the chart grid, offscreen: decimation before the chart, smoothing,
// log-scale refusal, full-resolution export, and runs overlaid for comparison.

#include "metricchartgrid.h"
#include "metricchartview.h"

#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFile>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QValueAxis>

#include <cmath>

using namespace Trainyard;

namespace {

// A noisy decaying curve with one spike up and one dip down in the middle.
QList<QPointF> noisyCurve(int count)
{
    QList<QPointF> points;
    points.reserve(count);
    for (int i = 0; i < count; ++i) {
        double y = 2.0 * std::exp(-i / double(count) * 3) + 0.05 * std::sin(i * 0.37) + 0.2;
        if (i == count / 3)
            y = 9.0;
        if (i == 2 * count / 3)
            y = -4.0;
        points.append(QPointF(i, y));
    }
    return points;
}

QList<MetricPoint> metric(const QString &name, const QList<double> &values, qint64 t0 = 1700000000000)
{
    QList<MetricPoint> points;
    for (int i = 0; i < values.size(); ++i) {
        MetricPoint point;
        point.name = name;
        point.step = i;
        point.value = values.at(i);
        point.timeMs = t0 + i * 1000;
        points.append(point);
    }
    return points;
}

} // namespace

class tst_MetricChartView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decimatesBeforeTheChart()
    {
        MetricChartView view;
        view.resize(900, 420);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QList<QPointF> points = noisyCurve(100000);
        view.setSeries({{QStringLiteral("loss"), points, {}}});

        QLineSeries *line = view.lineSeries(QStringLiteral("loss"));
        QVERIFY(line);
        // The series is fitted to the plot area as laid out (it may be refitted once after layout).
        QTRY_COMPARE(view.decimationWidth(), qRound(view.chart()->plotArea().width()));
        const int width = view.decimationWidth();
        QVERIFY2(width > 300, qPrintable(QString::number(width)));
        const QList<QPointF> drawn = line->points();
        QVERIFY2(drawn.size() <= 2 * width + 4, qPrintable(QStringLiteral("%1 points for %2 px").arg(drawn.size()).arg(width)));
        QVERIFY(drawn.size() > width);
        QCOMPARE(drawn.constFirst(), points.constFirst());
        QCOMPARE(drawn.constLast(), points.constLast());
        QVERIFY(drawn.contains(QPointF(100000 / 3, 9.0)));     // maximum
        QVERIFY(drawn.contains(QPointF(2 * 100000 / 3, -4.0))); // minimum

        // Live update: the same series object takes the new data.
        QList<QPointF> more = points;
        more.append(QPointF(100000, 0.1));
        view.setSeries({{QStringLiteral("loss"), more, {}}});
        QCOMPARE(view.lineSeries(QStringLiteral("loss")), line);
        QCOMPARE(line->points().constLast(), QPointF(100000, 0.1));

        // A narrower chart draws fewer points.
        view.resize(500, 420);
        QTRY_COMPARE(view.decimationWidth(), qRound(view.chart()->plotArea().width()));
        QVERIFY(view.decimationWidth() < width);
        QVERIFY(line->points().size() <= 2 * view.decimationWidth() + 4);
    }

    void smoothingChangesTheLineNotTheExport()
    {
        MetricChartView view;
        view.resize(900, 420);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QList<QPointF> points = noisyCurve(100000);
        view.setSeries({{QStringLiteral("loss"), points, {}}});
        QTRY_COMPARE(view.decimationWidth(), qRound(view.chart()->plotArea().width()));
        QLineSeries *line = view.lineSeries(QStringLiteral("loss"));
        const QList<QPointF> raw = line->points();

        view.setSmoothing(0.6);
        const QList<QPointF> smoothed = line->points();
        QCOMPARE(smoothed.size(), raw.size());
        QVERIFY(smoothed != raw);
        QCOMPARE(smoothed.constFirst(), raw.constFirst()); // debiased: starts at the first value
        // The raw data stays behind the smoothed line as a faint series.
        int rawLines = 0;
        for (QAbstractSeries *series : view.chart()->series()) {
            auto *xy = qobject_cast<QLineSeries *>(series);
            if (xy && xy != line && xy->points() == raw)
                ++rawLines;
        }
        QCOMPARE(rawLines, 1);

        QTemporaryDir temp;
        const QString csv = temp.filePath(QStringLiteral("loss.csv"));
        const auto exported = view.exportCsv(csv);
        QVERIFY2(exported, qPrintable(exported.errorMessage()));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 1 + 100000 + 1); // header, points, the empty piece after the last newline
        QCOMPARE(lines.at(0), QByteArray("series,x,y"));
        QCOMPARE(lines.at(1), "loss,0," + QString::number(points.at(0).y(), 'g', QLocale::FloatingPointShortest).toLatin1());
        QCOMPARE(lines.at(1 + 100000 / 3), QByteArray("loss,33333,9"));
        QCOMPARE(lines.at(100000), QByteArray("loss,99999,") + QString::number(points.constLast().y(), 'g', QLocale::FloatingPointShortest).toLatin1());

        const QString png = temp.filePath(QStringLiteral("loss.png"));
        const auto saved = view.exportPng(png);
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800);
    }

    void logScaleNeedsPositiveValues()
    {
        MetricChartView view;
        view.resize(700, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *button = view.findChild<QToolButton *>(QStringLiteral("logScaleButton"));
        QVERIFY(button);

        view.setSeries({{QStringLiteral("loss"), {{0, 1.0}, {1, 0.1}, {2, 0.01}}, {}}});
        view.setLogScale(true);
        QVERIFY(view.isLogScale());
        QVERIFY(button->isEnabled());
        QVERIFY(button->isChecked());
        QVERIFY(qobject_cast<QLogValueAxis *>(view.chart()->axes(Qt::Vertical).value(0)));

        // A value of zero: the chart goes linear, the button is disabled and says why.
        view.setSeries({{QStringLiteral("reward"), {{0, 1.0}, {1, 0.0}, {2, -2.0}}, {}}});
        QVERIFY(view.isLogScaleRequested());
        QVERIFY(!view.isLogScale());
        QVERIFY(!view.isLogScaleAvailable());
        QVERIFY(!button->isEnabled());
        QVERIFY(!button->isChecked());
        QVERIFY2(button->toolTip().contains(QStringLiteral("above zero")), qPrintable(button->toolTip()));
        QVERIFY(qobject_cast<QValueAxis *>(view.chart()->axes(Qt::Vertical).value(0)));
        QCOMPARE(view.chart()->axes(Qt::Vertical).size(), 1);

        // Positive again: the request still stands and takes effect.
        view.setSeries({{QStringLiteral("reward"), {{0, 3.0}, {1, 2.0}}, {}}});
        QVERIFY(view.isLogScale());
        QVERIFY(button->isEnabled());
    }

    void compareOverlaysRuns()
    {
        MetricChartGrid grid;
        grid.resize(1200, 800);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        RunMetrics a{QStringLiteral("mnist_1"), metric(QStringLiteral("loss"), {1.0, 0.5, 0.25, 0.2}), {}};
        a.points += metric(QStringLiteral("accuracy"), {0.5, 0.7, 0.8, 0.9});
        MetricPoint tag;
        tag.name = QStringLiteral("dataset");
        tag.kind = QStringLiteral("tag");
        tag.text = QStringLiteral("digits");
        a.points.append(tag);
        RunMetrics b{QStringLiteral("mnist_2"), metric(QStringLiteral("loss"), {2.0, 1.0, 0.4}), {}};
        MetricPoint nan = b.points.constLast();
        nan.step = 3;
        nan.value = std::nan("");
        b.points.append(nan);
        grid.setRuns({a, b});

        // One chart per scalar metric; the tag is not charted.
        QCOMPARE(grid.metricNames(), (QStringList{QStringLiteral("accuracy"), QStringLiteral("loss")}));
        MetricChartView *loss = grid.chart(QStringLiteral("loss"));
        QVERIFY(loss);
        QCOMPARE(loss->series().size(), 2);
        QCOMPARE(loss->series().at(0).name, QStringLiteral("mnist_1"));
        QCOMPARE(loss->series().at(1).name, QStringLiteral("mnist_2"));
        QCOMPARE(loss->series().at(1).points.size(), 3); // NaN left out
        QVERIFY(loss->lineSeries(QStringLiteral("mnist_1")));
        QCOMPARE(loss->lineSeries(QStringLiteral("mnist_2"))->points().size(), 3);
        QCOMPARE(loss->lineSeries(QStringLiteral("mnist_2"))->name(), QStringLiteral("mnist_2"));
        // A run keeps its colour across charts.
        QCOMPARE(grid.chart(QStringLiteral("accuracy"))->series().at(0).color, loss->series().at(0).color);
        QVERIFY(loss->series().at(0).color != loss->series().at(1).color);

        // Shared controls reach every chart.
        auto *slider = grid.findChild<QSlider *>(QStringLiteral("smoothingSlider"));
        QVERIFY(slider);
        slider->setValue(60);
        QCOMPARE(loss->smoothing(), 0.6);
        QCOMPARE(grid.chart(QStringLiteral("accuracy"))->smoothing(), 0.6);

        auto *combo = grid.findChild<QComboBox *>(QStringLiteral("xAxisCombo"));
        combo->setCurrentIndex(combo->findData(int(MetricChartGrid::XAxisMode::RelativeTime)));
        QCOMPARE(grid.xAxisMode(), MetricChartGrid::XAxisMode::RelativeTime);
        QCOMPARE(loss->xAxisTitle(), QStringLiteral("Relative time (s)"));
        QCOMPARE(loss->series().at(0).points.constLast(), QPointF(3.0, 0.2));
        combo->setCurrentIndex(combo->findData(int(MetricChartGrid::XAxisMode::WallTime)));
        QVERIFY(qobject_cast<QDateTimeAxis *>(loss->chart()->axes(Qt::Horizontal).value(0)));
        QCOMPARE(loss->chart()->axes(Qt::Horizontal).size(), 1);
        for (QAbstractSeries *series : loss->chart()->series())
            QCOMPARE(series->attachedAxes().size(), 2);
        QCOMPARE(loss->series().at(0).points.constFirst().x(), 1700000000000.0);

        // The log checkbox applies to the charts that can show it.
        auto *log = grid.findChild<QCheckBox *>(QStringLiteral("logScaleCheck"));
        QVERIFY(log->isEnabled());
        log->setChecked(true);
        QVERIFY(loss->isLogScale());

        // A later update keeps the chart widgets.
        b.points.append(metric(QStringLiteral("loss"), {2.0, 1.0, 0.4, 0.3, 0.2}).constLast());
        grid.setRuns({a, b});
        QCOMPARE(grid.chart(QStringLiteral("loss")), loss);
        QCOMPARE(loss->series().at(1).points.size(), 4);
    }
};

QTEST_MAIN(tst_MetricChartView)
#include "tst_metricchartview.moc"
