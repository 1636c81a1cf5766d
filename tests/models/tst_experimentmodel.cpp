// The experiments table model: merging by name keeps rows (and selections) across refreshes,
// the latest status carries its colour and icon, run counts sort as numbers.

#include "experimentmodel.h"
#include "modelroles.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Trainyard;

namespace {

ExperimentSummary experiment(const QString &name, int runs, std::optional<RunStatus> latest = std::nullopt)
{
    ExperimentSummary e;
    e.name = name;
    e.created = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
    e.runCount = runs;
    if (runs > 0)
        e.latestRunId = QStringLiteral("%1_%2").arg(name).arg(runs);
    e.latestStatus = latest;
    return e;
}

// The model as "name|runs|latest status" lines, in row order.
QString dump(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column : {ExperimentModel::NameColumn, ExperimentModel::RunsColumn, ExperimentModel::LatestStatusColumn})
            cells << model.index(row, column).data().toString();
        lines << cells.join(QLatin1Char('|'));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_ExperimentModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergeKeepsRows()
    {
        ExperimentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        model.setExperiments({experiment(QStringLiteral("cifar"), 2, RunStatus::Completed),
                              experiment(QStringLiteral("mnist"), 1, RunStatus::Running)});
        QCOMPARE(dump(model), QStringLiteral("cifar|2|Completed\nmnist|1|Running"));
        QCOMPARE(model.headerData(ExperimentModel::LatestStatusColumn, Qt::Horizontal).toString(), QStringLiteral("Latest status"));

        QPersistentModelIndex mnist(model.index(1, ExperimentModel::NameColumn));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        // A new experiment sorts in between; mnist's run finishes and it gains a run.
        model.setExperiments({experiment(QStringLiteral("cifar"), 2, RunStatus::Completed),
                              experiment(QStringLiteral("imagenet"), 0),
                              experiment(QStringLiteral("mnist"), 2, RunStatus::Failed)});
        QCOMPARE(dump(model), QStringLiteral("cifar|2|Completed\nimagenet|0|No runs\nmnist|2|Failed"));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 1);
        QVERIFY(mnist.isValid());
        QCOMPARE(mnist.row(), 2);
        QCOMPARE(mnist.data(NameRole).toString(), QStringLiteral("mnist"));

        // Same data: nothing happens. A removed experiment's row goes, the others stay.
        changes.clear();
        model.setExperiments({experiment(QStringLiteral("cifar"), 2, RunStatus::Completed),
                              experiment(QStringLiteral("imagenet"), 0),
                              experiment(QStringLiteral("mnist"), 2, RunStatus::Failed)});
        QCOMPARE(changes.size(), 0);
        model.setExperiments({experiment(QStringLiteral("imagenet"), 0), experiment(QStringLiteral("mnist"), 2, RunStatus::Failed)});
        QCOMPARE(dump(model), QStringLiteral("imagenet|0|No runs\nmnist|2|Failed"));
        QCOMPARE(mnist.row(), 1);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.rowOf(QStringLiteral("mnist")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("cifar")), -1);
    }

    void latestStatusLooksLikeItsRuns()
    {
        ExperimentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExperiments({experiment(QStringLiteral("a"), 3, RunStatus::Completed), experiment(QStringLiteral("b"), 0)});
        const QModelIndex completed = model.index(0, ExperimentModel::LatestStatusColumn);
        QCOMPARE(completed.data(Qt::ForegroundRole).value<QColor>(), QColor(0x10, 0x7c, 0x10));
        QVERIFY(!completed.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(completed.data(Qt::ToolTipRole).toString(), QStringLiteral("Latest run: a_3"));
        const QModelIndex none = model.index(1, ExperimentModel::LatestStatusColumn);
        QVERIFY(!none.data(Qt::DecorationRole).isValid());
        QVERIFY(!none.data(Qt::ForegroundRole).isValid());
    }

    void runCountsSortNumerically()
    {
        ExperimentModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(SortRole);
        proxy.setFilterRole(FilterRole);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExperiments({experiment(QStringLiteral("a"), 9, RunStatus::Completed), experiment(QStringLiteral("b"), 10, RunStatus::Failed),
                              experiment(QStringLiteral("c"), 100, RunStatus::Running), experiment(QStringLiteral("d"), 0)});
        proxy.sort(ExperimentModel::RunsColumn, Qt::AscendingOrder);
        QCOMPARE(dump(proxy), QStringLiteral("d|0|No runs\na|9|Completed\nb|10|Failed\nc|100|Running"));

        // The filter box matches names and the latest status.
        proxy.setFilterFixedString(QStringLiteral("failed"));
        QCOMPARE(dump(proxy), QStringLiteral("b|10|Failed"));
    }
};

// The status icons are pixmaps: a QGuiApplication (offscreen), no widgets.
QTEST_MAIN(tst_ExperimentModel)
#include "tst_experimentmodel.moc"
