// The chart data pipeline: LTTB and min/max decimation keep what a reader of a loss curve must see
// (first, last, minimum, maximum), and TensorBoard's debiased EMA smoothing.

#include "seriesdecimator.h"
#include "seriessmoother.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Trainyard;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();

// y values at x = 0, 1, 2, ...
QList<QPointF> series(std::initializer_list<double> ys)
{
    QList<QPointF> points;
    points.reserve(qsizetype(ys.size()));
    for (const double y : ys)
        points.append(QPointF(double(points.size()), y));
    return points;
}

// A noisy, decaying loss curve with a few spikes, as a training run logs it.
QList<QPointF> lossCurve(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<QPointF> points;
    points.reserve(count);
    for (int i = 0; i < count; ++i) {
        double y = 2.0 * std::exp(-i / (count / 5.0)) + 0.1 + 0.05 * (random.generateDouble() - 0.5);
        if (i % (count / 4 + 1) == count / 8)
            y += 3.0;
        points.append(QPointF(i, y));
    }
    return points;
}

// "x:y" pairs, so that a failing comparison prints both series.
QString text(const QList<QPointF> &points)
{
    QStringList parts;
    for (const QPointF &point : points)
        parts.append(QString::number(point.x(), 'g', 6) + QLatin1Char(':') + QString::number(point.y(), 'g', 6));
    return parts.join(QLatin1Char(' '));
}

bool isFinite(const QPointF &point)
{
    return std::isfinite(point.x()) && std::isfinite(point.y());
}

bool samePoint(const QPointF &a, const QPointF &b)
{
    return a.x() == b.x() && a.y() == b.y(); // exact: outputs are copies of inputs
}

// The invariants of every decimation: an in-order selection of the finite input points without
// repeats, starting at the first and ending at the last finite point, holding the global minimum
// and maximum.
void verifyDecimation(const QList<QPointF> &input, const QList<QPointF> &output)
{
    QList<QPointF> finite;
    std::copy_if(input.cbegin(), input.cend(), std::back_inserter(finite), isFinite);
    if (finite.isEmpty()) {
        QVERIFY(output.isEmpty());
        return;
    }
    QVERIFY(!output.isEmpty());
    QVERIFY(std::all_of(output.cbegin(), output.cend(), isFinite));
    QVERIFY(std::is_sorted(output.cbegin(), output.cend(),
                           [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));

    qsizetype next = 0; // each output point matches a later input point than the one before
    for (const QPointF &point : output) {
        while (next < finite.size() && !samePoint(finite.at(next), point))
            ++next;
        if (next == finite.size()) // QVERIFY2 would format the message on every pass
            QFAIL(qPrintable(QStringLiteral("not an in-order selection: ") + text(output)));
        ++next;
    }

    QVERIFY(samePoint(output.first(), finite.first()));
    QVERIFY(samePoint(output.last(), finite.last()));
    const auto byY = [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); };
    QCOMPARE(std::min_element(output.cbegin(), output.cend(), byY)->y(),
             std::min_element(finite.cbegin(), finite.cend(), byY)->y());
    QCOMPARE(std::max_element(output.cbegin(), output.cend(), byY)->y(),
             std::max_element(finite.cbegin(), finite.cend(), byY)->y());
}

} // namespace

class tst_SeriesDecimator : public QObject
{
    Q_OBJECT

private:
    void addDecimationRows()
    {
        QTest::addColumn<QList<QPointF>>("points");
        QTest::addColumn<int>("threshold");

        QTest::newRow("0 points") << QList<QPointF>() << 10;
        QTest::newRow("1 point") << series({4}) << 10;
        QTest::newRow("1 point, threshold 0") << series({4}) << 0;
        QTest::newRow("2 points") << series({4, 1}) << 3;
        QTest::newRow("2 points, threshold 1") << series({4, 1}) << 1;
        QTest::newRow("3 points") << series({4, 9, 1}) << 3;
        QTest::newRow("3 points, threshold 2") << series({4, 9, 1}) << 2;
        QTest::newRow("4 points, threshold 3") << series({4, 9, -2, 1}) << 3;
        QTest::newRow("threshold 2") << series({5, 1, 8, 3, -4, 6, 2}) << 2;
        QTest::newRow("threshold 1") << series({5, 1, 8, 3, -4, 6, 2}) << 1;
        QTest::newRow("threshold 0") << series({5, 1, 8, 3, -4, 6, 2}) << 0;
        QTest::newRow("threshold negative") << series({5, 1, 8, 3, -4, 6, 2}) << -5;
        QTest::newRow("constant") << series({7, 7, 7, 7, 7, 7, 7, 7, 7, 7}) << 4;
        QTest::newRow("spike mid-bucket")
            << series({1, 1, 1, 1, 1, 1, 1, 1, 50, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}) << 4;
        QTest::newRow("dip and spike in one bucket")
            << series({0, 0, 0, 0, 3, -8, 0, 0, 0, 0, 0, 0}) << 4;
        QTest::newRow("single minimum at the very end") << series({5, 4, 6, 5, 4, 6, 5, 4, 6, -3}) << 4;
        QTest::newRow("single minimum before the end") << series({5, 4, 6, 5, 4, 6, 5, 4, -3, 6}) << 4;
        QTest::newRow("maximum at the very start") << series({9, 4, 6, 5, 4, 6, 5, 4, 6, 5}) << 3;
        QTest::newRow("duplicate x")
            << QList<QPointF>{{0, 1}, {1, 2}, {1, 9}, {1, -1}, {2, 3}, {2, 3}, {3, 0}, {3, 4}, {4, 2}} << 4;
        QTest::newRow("NaN in the data") << series({3, NaN, 2, 8, NaN, NaN, -1, 4, NaN, 5}) << 4;
        QTest::newRow("NaN first and last") << series({NaN, 3, 2, 8, 0, 1, -1, 4, 6, NaN}) << 4;
        QTest::newRow("NaN bucket") << series({3, 1, NaN, NaN, NaN, NaN, NaN, NaN, 4, 2}) << 5;
        QTest::newRow("infinities") << series({3, Inf, 2, 8, -Inf, 1, -1, 4, 0, 5}) << 4;
        QTest::newRow("NaN x") << QList<QPointF>{{0, 1}, {NaN, 50}, {2, 3}, {3, 0}, {4, 2}, {5, 1}} << 3;
        QTest::newRow("all NaN") << series({NaN, NaN, NaN, NaN, NaN}) << 3;
        QTest::newRow("short with NaN") << series({1, NaN, 3}) << 10;
        QTest::newRow("loss curve 10k to 100") << lossCurve(10000, 1) << 100;
        QTest::newRow("loss curve 10k to 7") << lossCurve(10000, 2) << 7;
        QTest::newRow("loss curve 1001 to 1000") << lossCurve(1001, 3) << 1000;
    }

private Q_SLOTS:
    void lttbKeepsExtremes_data() { addDecimationRows(); }
    void lttbKeepsExtremes()
    {
        QFETCH(QList<QPointF>, points);
        QFETCH(int, threshold);

        const QList<QPointF> decimated = SeriesDecimator::lttb(points, threshold);
        verifyDecimation(points, decimated);
        QVERIFY2(decimated.size() <= std::max(threshold, 2) + 2, qPrintable(text(decimated)));
    }

    void minMaxKeepsExtremes_data() { addDecimationRows(); }
    void minMaxKeepsExtremes()
    {
        QFETCH(QList<QPointF>, points);
        QFETCH(int, threshold);

        const QList<QPointF> decimated = SeriesDecimator::minMax(points, threshold);
        verifyDecimation(points, decimated);
        QVERIFY2(decimated.size() <= 2 * std::max(threshold, 1) + 2, qPrintable(text(decimated)));
    }

    // Worked by hand: buckets {1, 2, 3} and {4, 5, 6}. The first picks (3, 3) against the average
    // (5, 5/3) of the second; the second picks the dip (5, 0) against the last point, dropping the
    // maximum (6, 4), which is then put back.
    void lttbExample_data()
    {
        QTest::addColumn<QList<QPointF>>("points");
        QTest::addColumn<int>("threshold");
        QTest::addColumn<QString>("expected");

        QTest::newRow("maximum put back") << series({0, 2, 1, 3, 1, 0, 4, 2}) << 4
                                          << QStringLiteral("0:0 3:3 5:0 6:4 7:2");
        // One bucket against the last point: the area is 4|y|, so -8 wins and 3 is put back.
        QTest::newRow("dip beats spike") << series({0, 3, -8, 0, 0}) << 3 << QStringLiteral("0:0 1:3 2:-8 4:0");
        QTest::newRow("threshold 2 keeps extremes") << series({5, 1, 8, 3, -4, 6, 2}) << 2
                                                    << QStringLiteral("0:5 2:8 4:-4 6:2");
        QTest::newRow("constant") << series({7, 7, 7, 7, 7, 7}) << 2 << QStringLiteral("0:7 5:7");
        QTest::newRow("NaN dropped") << series({1, NaN, 3}) << 10 << QStringLiteral("0:1 2:3");
        QTest::newRow("all NaN") << series({NaN, NaN, NaN, NaN}) << 2 << QString();
    }
    void lttbExample()
    {
        QFETCH(QList<QPointF>, points);
        QFETCH(int, threshold);
        QFETCH(QString, expected);

        QCOMPARE(text(SeriesDecimator::lttb(points, threshold)), expected);
    }

    void lttbReturnsShortInputUnshared()
    {
        const QList<QPointF> points = lossCurve(500, 4);
        QVERIFY(SeriesDecimator::lttb(points, 500).isSharedWith(points));
        QVERIFY(SeriesDecimator::minMax(points, 250).isSharedWith(points));
    }

    void lttbReachesThreshold()
    {
        const QList<QPointF> points = lossCurve(100000, 5);
        const QList<QPointF> decimated = SeriesDecimator::lttb(points, 2000);
        QVERIFY(decimated.size() >= 2000);
        QVERIFY(decimated.size() <= 2002);
    }

    // Two x intervals, [0, 4.5) and [4.5, 9]: each gives its minimum and maximum in x order.
    void minMaxExample()
    {
        const QList<QPointF> points = series({3, 5, 1, 4, 2, 6, 0, 9, 8, 7});
        QCOMPARE(text(SeriesDecimator::minMax(points, 2)), QStringLiteral("0:3 1:5 2:1 6:0 7:9 9:7"));
    }

    // Buckets are x intervals (pixel columns), not equal point counts.
    void minMaxBucketsByX()
    {
        const QList<QPointF> points{{0, 1}, {0.1, 5}, {0.2, 0}, {0.3, 2}, {0.4, 3}, {10, 4}};
        QCOMPARE(text(SeriesDecimator::minMax(points, 2)), QStringLiteral("0:1 0.1:5 0.2:0 10:4"));
    }

    void forWidth_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("maximum");

        QTest::newRow("800 px") << 800 << 1602;
        QTest::newRow("1 px") << 1 << 4;
        QTest::newRow("not laid out yet") << 0 << 4;
        QTest::newRow("huge") << std::numeric_limits<int>::max() << 20000;
    }
    void forWidth()
    {
        QFETCH(int, width);
        QFETCH(int, maximum);

        const QList<QPointF> points = lossCurve(20000, 6);
        const QList<QPointF> decimated = SeriesDecimator::forWidth(points, width);
        verifyDecimation(points, decimated);
        QVERIFY(decimated.size() <= maximum);
    }

    void ema_data()
    {
        QTest::addColumn<QList<QPointF>>("points");
        QTest::addColumn<double>("weight");
        QTest::addColumn<QString>("expected");

        QTest::newRow("weight 0 is identity") << series({1, 3, 2, NaN}) << 0.0 << QStringLiteral("0:1 1:3 2:2 3:nan");
        QTest::newRow("negative weight is identity") << series({1, 3, 2}) << -0.5 << QStringLiteral("0:1 1:3 2:2");
        QTest::newRow("NaN weight is identity") << series({1, 3, 2}) << NaN << QStringLiteral("0:1 1:3 2:2");
        // last = 0.5, 1.75, 1.875; debias = 0.5, 0.75, 0.875 -> 1, 7/3, 15/7.
        QTest::newRow("by hand, weight 0.5") << series({1, 3, 2}) << 0.5 << QStringLiteral("0:1 1:2.33333 2:2.14286");
        // last = 0.2, 0.16 + 0.2 * 6 = 1.36; debias = 0.2, 0.36 -> 1, 3.77778.
        QTest::newRow("by hand, weight 0.8") << series({1, 6}) << 0.8 << QStringLiteral("0:1 1:3.77778");
        QTest::newRow("debiased first value") << series({42, 0}) << 0.99 << QStringLiteral("0:42 1:20.8945");
        QTest::newRow("NaN passes through") << series({1, NaN, 3, 2}) << 0.5
                                            << QStringLiteral("0:1 1:nan 2:2.33333 3:2.14286");
        QTest::newRow("leading NaN") << series({NaN, -Inf, 1, 3}) << 0.5
                                     << QStringLiteral("0:nan 1:-inf 2:1 3:2.33333");
        QTest::newRow("all NaN") << series({NaN, NaN}) << 0.5 << QStringLiteral("0:nan 1:nan");
        QTest::newRow("constant stays exact") << series({0.1, 0.1, 0.1, 0.1}) << 0.9
                                              << QStringLiteral("0:0.1 1:0.1 2:0.1 3:0.1");
        QTest::newRow("weight 1 counts as 0.999") << series({1, 3}) << 1.0 << QStringLiteral("0:1 1:2.0005");
        QTest::newRow("empty") << QList<QPointF>() << 0.6 << QString();
    }
    void ema()
    {
        QFETCH(QList<QPointF>, points);
        QFETCH(double, weight);
        QFETCH(QString, expected);

        QCOMPARE(text(SeriesSmoother::ema(points, weight)), expected);
    }

    void emaKeepsFirstValueExactly()
    {
        const QList<QPointF> points = lossCurve(1000, 7);
        for (const double weight : {0.1, 0.6, 0.9, 0.95, 0.999}) {
            const QList<QPointF> smoothed = SeriesSmoother::ema(points, weight);
            QCOMPARE(smoothed.size(), points.size());
            QVERIFY(smoothed.first().y() == points.first().y()); // exact; QCOMPARE on doubles is fuzzy
            QVERIFY(smoothed.last().x() == points.last().x());
        }
    }

    // TensorBoard returns a constant series as is: debiasing rounding noise would give the
    // y axis a spurious range around a flat line.
    void emaKeepsConstantExactly()
    {
        const QList<QPointF> points = series({0.1, 0.1, NaN, 0.1, 0.1, 0.1, 0.1, 0.1});
        const QList<QPointF> smoothed = SeriesSmoother::ema(points, 0.9);
        QCOMPARE(smoothed.size(), points.size());
        for (qsizetype i = 0; i < points.size(); ++i)
            QVERIFY(smoothed.at(i).y() == points.at(i).y() || std::isnan(points.at(i).y()));
    }

    void allPositive_data()
    {
        QTest::addColumn<QList<QPointF>>("points");
        QTest::addColumn<bool>("expected");

        QTest::newRow("positive") << series({1, 0.001, 3}) << true;
        QTest::newRow("zero") << series({1, 0, 3}) << false;
        QTest::newRow("negative") << series({1, -2, 3}) << false;
        QTest::newRow("NaN ignored") << series({1, NaN, 3}) << true;
        QTest::newRow("-inf ignored") << series({1, -Inf}) << true;
        QTest::newRow("empty") << QList<QPointF>() << false;
        QTest::newRow("only NaN") << series({NaN}) << false;
    }
    void allPositive()
    {
        QFETCH(QList<QPointF>, points);
        QFETCH(bool, expected);

        QCOMPARE(SeriesSmoother::allPositive(points), expected);
    }
};

QTEST_GUILESS_MAIN(tst_SeriesDecimator)
#include "tst_seriesdecimator.moc"
