// Metric ingestion, parse + store, the way the run monitor does it: a run directory whose
// metrics.jsonl holds N lines (as trainyard.py writes them), read from the stored offset, parsed,
// and stored in batches with the offset compare-and-set. Prints points per second against the
// target (>= 500k points/s) and against a naive client (one autocommit INSERT per point).
//
//   bench_ingest [POINTS]

#include "runmonitor.h"
#include "runstore.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace Trainyard;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? QByteArray(argv[1]).toInt() : 500000;
    QTemporaryDir temp;
    auto opened = Workspace::open(temp.filePath(QStringLiteral("ws")));
    if (!opened) {
        std::fprintf(stderr, "bench_ingest: %s\n", qPrintable(opened.errorMessage()));
        return 1;
    }
    Workspace &workspace = **opened;
    RunStore store(workspace);

    // A run whose directory already holds the whole metrics file, as after a long offline stretch.
    const RunRecord run = store.createRun(QStringLiteral("bench"), QStringLiteral("local"), {}, {}).value();
    const QString runDirectory = temp.filePath(QStringLiteral("run"));
    QDir().mkpath(runDirectory + QStringLiteral("/.trainyard"));
    {
        QFile file(runDirectory + QStringLiteral("/.trainyard/metrics.jsonl"));
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        QByteArray buffer;
        for (int i = 0; i < total; ++i) {
            const char *name = (i % 2) ? "accuracy" : "loss";
            buffer += "{\"t\": " + QByteArray::number(1795000000000LL + i) + ", \"name\": \"" + name + "\", \"value\": "
                      + QByteArray::number(1.0 / (i + 1), 'g', 17) + ", \"step\": " + QByteArray::number(i / 2) + "}\n";
            if (buffer.size() > (1 << 20)) {
                file.write(buffer);
                buffer.clear();
            }
        }
        file.write(buffer);
    }
    const double megabytes = QFileInfo(runDirectory + QStringLiteral("/.trainyard/metrics.jsonl")).size() / 1e6;
    (void)store.setLaunchDetails(run.id, {}, runDirectory, QStringLiteral("local"));
    (void)store.setStatus(run.id, RunStatus::Running);

    RunMonitor monitor(&workspace);
    QElapsedTimer timer;
    timer.start();
    // Poll until the whole file is in (the run stays "Running": there is no pid file to judge it).
    while (store.metrics(run.id, QStringLiteral("loss")).value().size() < total / 2) {
        if (auto polled = monitor.poll(run.id); !polled) {
            std::fprintf(stderr, "bench_ingest: %s\n", qPrintable(polled.errorMessage()));
            return 1;
        }
        break;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    QSqlQuery count(workspace.database());
    count.exec(QStringLiteral("SELECT COUNT(*) FROM metrics"));
    count.next();
    const qint64 stored = count.value(0).toLongLong();

    // The naive client: parse each line and INSERT it on its own (autocommit), on a sample.
    const int naiveTotal = std::min(total, 3000);
    const RunRecord naiveRun = store.createRun(QStringLiteral("bench"), QStringLiteral("local"), {}, {}).value();
    QFile file(runDirectory + QStringLiteral("/.trainyard/metrics.jsonl"));
    file.open(QIODevice::ReadOnly);
    QSqlQuery insert(workspace.database());
    QHash<QString, qint64> series;
    for (const QString &name : {QStringLiteral("loss"), QStringLiteral("accuracy")}) {
        insert.prepare(QStringLiteral("INSERT INTO metric_series (run_id, name, kind) VALUES (?, ?, 'scalar')"));
        insert.bindValue(0, naiveRun.id);
        insert.bindValue(1, name);
        insert.exec();
        series.insert(name, insert.lastInsertId().toLongLong());
    }
    insert.prepare(QStringLiteral("INSERT INTO metric_points (series_id, step, seq, value, time_ms) VALUES (?, ?, ?, ?, ?)"));
    timer.restart();
    for (int i = 0; i < naiveTotal; ++i) {
        const QJsonObject object = QJsonDocument::fromJson(file.readLine()).object();
        insert.bindValue(0, series.value(object.value(QStringLiteral("name")).toString()));
        insert.bindValue(1, object.value(QStringLiteral("step")).toInteger());
        insert.bindValue(2, object.value(QStringLiteral("step")).toInteger());
        insert.bindValue(3, object.value(QStringLiteral("value")).toDouble());
        insert.bindValue(4, object.value(QStringLiteral("t")).toInteger());
        insert.exec();
    }
    const double naiveSeconds = timer.nsecsElapsed() / 1e9;

    const double rate = stored / seconds;
    const double naiveRate = naiveTotal / naiveSeconds;
    std::printf("ingest: %lld of %d points (%.1f MB of JSON lines) parsed and stored in %.3f s: %.0f points/s\n",
                static_cast<long long>(stored), total, megabytes, seconds, rate);
    std::printf("ingest: target 500000 points/s: %s (%.2fx the target)\n", rate >= 500000 ? "met" : "NOT met", rate / 500000);
    std::printf("ingest: naive client (parse + autocommit INSERT per point): %.0f points/s; monitor / naive = %.1fx\n", naiveRate,
                rate / naiveRate);
    return stored == total ? 0 : 1;
}
