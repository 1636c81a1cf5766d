// A second process for the store tests: writes to a workspace the way another Trainyard client
// would, and reports progress on stdout so a test can kill it at a known point.
//
//   trainyard-test-writer metrics DIR EXPERIMENT BATCHES BATCH_SIZE
//   trainyard-test-writer add-target DIR NAME
//   trainyard-test-writer remove-target DIR NAME

#include "workspace.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

using namespace Trainyard;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "trainyard-test-writer: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4)
        return fail(QStringLiteral("usage: metrics DIR EXPERIMENT BATCHES BATCH_SIZE | add-target DIR NAME | remove-target DIR NAME"));
    const QString mode = args.at(1);
    auto workspace = Workspace::open(args.at(2));
    if (!workspace)
        return fail(workspace.errorMessage());

    if (mode == QLatin1String("add-target")) {
        ComputeTarget target;
        target.name = args.at(3);
        target.type = ComputeTarget::Type::Remote;
        target.properties = QJsonObject{{QStringLiteral("address"), QStringLiteral("gpu-box.example")},
                                        {QStringLiteral("port"), 2222},
                                        {QStringLiteral("userName"), QStringLiteral("trainer")}};
        if (auto added = (*workspace)->addComputeTarget(target); !added)
            return fail(added.errorMessage());
        std::printf("added %s\n", qPrintable(target.name));
        return 0;
    }
    if (mode == QLatin1String("remove-target")) {
        if (auto removed = (*workspace)->removeComputeTarget(args.at(3)); !removed)
            return fail(removed.errorMessage());
        return 0;
    }
    if (mode == QLatin1String("metrics") && args.size() == 6) {
        const auto run = (*workspace)->createRun(args.at(3), QStringLiteral("local"));
        if (!run)
            return fail(run.errorMessage());
        std::printf("run %s\n", qPrintable(*run));
        std::fflush(stdout);
        const int batches = args.at(4).toInt();
        const int batchSize = args.at(5).toInt();
        for (int batch = 0; batch < batches; ++batch) {
            QList<MetricPoint> points;
            points.reserve(batchSize);
            for (int i = 0; i < batchSize; ++i) {
                MetricPoint point;
                point.name = QStringLiteral("loss");
                point.step = qint64(batch) * batchSize + i;
                point.value = 1.0 / (1 + point.step);
                point.timeMs = QDateTime::currentMSecsSinceEpoch();
                points.append(point);
            }
            if (auto inserted = (*workspace)->insertMetrics(*run, points); !inserted)
                return fail(inserted.errorMessage());
            std::printf("batch %d\n", batch);
            std::fflush(stdout);
        }
        return 0;
    }
    return fail(QStringLiteral("unknown mode %1").arg(mode));
}
