// Cost of decimating a long metric series for a chart: SeriesDecimator::lttb to 2,000 points and
// SeriesDecimator::minMax to 1,000 buckets, next to the cheapest possible decimation (keep every
// k-th point, what tools without a decimator do) and a plain read of every point (the memory floor
// any full-resolution method pays), with the ratios between them. Best of RUNS runs each.
//
//   bench_decimation [POINTS] [RUNS]

#include "seriesdecimator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStringList>

#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>

using namespace Trainyard;

namespace {

// A training-loss-like curve: exponential decay, noise, and a few divergence spikes.
QList<QPointF> makeLossCurve(int count)
{
    QRandomGenerator random(20240601);
    QList<QPointF> points;
    points.reserve(count);
    for (int i = 0; i < count; ++i) {
        double y = 2.5 * std::exp(-i / (count / 6.0)) + 0.2 + 0.08 * (random.generateDouble() - 0.5);
        if (random.bounded(count / 5) == 0)
            y += 1.0 + 3.0 * random.generateDouble();
        points.append(QPointF(i, y));
    }
    return points;
}

// The naive reference: every k-th point plus the last one.
QList<QPointF> stride(const QList<QPointF> &points, int target)
{
    const qsizetype step = std::max<qsizetype>(1, points.size() / target);
    QList<QPointF> result;
    result.reserve(points.size() / step + 2);
    for (qsizetype i = 0; i < points.size(); i += step)
        result.append(points.at(i));
    if (!points.isEmpty() && (points.size() - 1) % step != 0)
        result.append(points.last());
    return result;
}

double sumY(const QList<QPointF> &points)
{
    double sum = 0;
    for (const QPointF &point : points)
        sum += point.y();
    return sum;
}

struct Timing
{
    qint64 bestNs = std::numeric_limits<qint64>::max();
    qsizetype outputSize = 0;
};

Timing bestOf(int runs, const std::function<qsizetype()> &work)
{
    Timing timing;
    QElapsedTimer timer;
    for (int run = 0; run < runs; ++run) {
        timer.start();
        timing.outputSize = work();
        timing.bestNs = std::min(timing.bestNs, timer.nsecsElapsed());
    }
    return timing;
}

void report(const char *name, qsizetype inputSize, const Timing &timing)
{
    const double ms = timing.bestNs / 1e6;
    std::printf("decimation: %-28s %8lld -> %5lld points: %9.3f ms/call, %8.1f M points/s\n", name,
                static_cast<long long>(inputSize), static_cast<long long>(timing.outputSize), ms,
                inputSize / (timing.bestNs / 1e9) / 1e6);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 1000000;
    const int runs = args.size() > 2 ? args.at(2).toInt() : 20;
    if (count < 10 || runs < 1) {
        std::fprintf(stderr, "usage: bench_decimation [POINTS >= 10] [RUNS >= 1]\n");
        return 1;
    }

    const QList<QPointF> points = makeLossCurve(count);
    volatile double sink = 0; // keeps the memory-floor loop from being optimised away

    const Timing lttb = bestOf(runs, [&] { return SeriesDecimator::lttb(points, 2000).size(); });
    const Timing minMax = bestOf(runs, [&] { return SeriesDecimator::minMax(points, 1000).size(); });
    const Timing naive = bestOf(runs, [&] { return stride(points, 2000).size(); });
    const Timing scan = bestOf(runs, [&] {
        sink = sink + sumY(points);
        return points.size();
    });

    std::printf("decimation: best of %d runs\n", runs);
    report("lttb(2000)", points.size(), lttb);
    report("minMax(1000 buckets)", points.size(), minMax);
    report("stride (every k-th, naive)", points.size(), naive);
    report("read every y (memory floor)", points.size(), scan);
    std::printf("decimation: (stride reads only the points it keeps, hence its rate per input point)\n");
    std::printf("decimation: lttb / stride = %.0fx, minMax / stride = %.0fx\n",
                double(lttb.bestNs) / naive.bestNs, double(minMax.bestNs) / naive.bestNs);
    std::printf("decimation: lttb / memory floor = %.1fx, minMax / memory floor = %.1fx\n",
                double(lttb.bestNs) / scan.bestNs, double(minMax.bestNs) / scan.bestNs);
    return 0;
}
