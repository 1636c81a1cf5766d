// Metric storage throughput of the workspace store: points per second through
// Workspace::insertMetrics (one transaction per batch), next to the naive way (one autocommit
// INSERT per point) in the same process, with the ratio between them.
//
//   bench_metricstore [POINTS] [BATCH]

#include "workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace Trainyard;

namespace {

QList<MetricPoint> makePoints(int count, int offset)
{
    QList<MetricPoint> points;
    points.reserve(count);
    for (int i = 0; i < count; ++i)
        points.append(MetricPoint{QStringLiteral("loss"), offset + i, 1.0 / (1 + offset + i), 1700000000000 + i,
                                  QStringLiteral("scalar"), {}});
    return points;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int total = args.size() > 1 ? args.at(1).toInt() : 200000;
    const int batch = args.size() > 2 ? args.at(2).toInt() : 1000;
    const int naiveTotal = std::min(total, 2000);

    QTemporaryDir temp;
    auto workspace = Workspace::open(temp.path());
    if (!workspace) {
        std::fprintf(stderr, "bench_metricstore: %s\n", qPrintable(workspace.errorMessage()));
        return 1;
    }
    Workspace &ws = **workspace;
    const QString batchedRun = ws.createRun(QStringLiteral("bench"), QStringLiteral("local")).value();
    const QString naiveRun = ws.createRun(QStringLiteral("bench"), QStringLiteral("local")).value();

    QElapsedTimer timer;
    timer.start();
    for (int offset = 0; offset < total; offset += batch) {
        if (auto inserted = ws.insertMetrics(batchedRun, makePoints(std::min(batch, total - offset), offset)); !inserted) {
            std::fprintf(stderr, "bench_metricstore: %s\n", qPrintable(inserted.errorMessage()));
            return 1;
        }
    }
    const double batchedSeconds = timer.nsecsElapsed() / 1e9;

    // The naive way: autocommit, one INSERT per point.
    const QList<MetricPoint> naivePoints = makePoints(naiveTotal, 0);
    QSqlQuery query(ws.database());
    query.prepare(QStringLiteral("INSERT INTO metric_series (run_id, name, kind) VALUES (?, 'loss', 'scalar')"));
    query.bindValue(0, naiveRun);
    query.exec();
    const qint64 series = query.lastInsertId().toLongLong();
    query.prepare(QStringLiteral("INSERT INTO metric_points (series_id, step, seq, value, time_ms) VALUES (?, ?, ?, ?, ?)"));
    timer.restart();
    for (const MetricPoint &point : naivePoints) {
        query.bindValue(0, series);
        query.bindValue(1, point.step);
        query.bindValue(2, point.step);
        query.bindValue(3, point.value);
        query.bindValue(4, point.timeMs);
        query.exec();
    }
    const double naiveSeconds = timer.nsecsElapsed() / 1e9;

    const double batchedRate = total / batchedSeconds;
    const double naiveRate = naiveTotal / naiveSeconds;
    std::printf("metric store: %d points in batches of %d: %.3f s, %.0f points/s\n", total, batch, batchedSeconds, batchedRate);
    std::printf("metric store: %d points, one autocommit INSERT each: %.3f s, %.0f points/s\n", naiveTotal, naiveSeconds, naiveRate);
    std::printf("metric store: batched / autocommit = %.1fx\n", batchedRate / naiveRate);
    return 0;
}
