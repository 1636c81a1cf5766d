// The runs table model and its filter proxy: merging by run id, metric columns that come and go,
// numeric sorting of metric values, and the status filter.

#include "modelroles.h"
#include "runfilterproxymodel.h"
#include "runmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace Trainyard;

namespace {

const QDateTime Epoch = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

RunRecord run(const QString &experiment, int number, RunStatus status, qint64 durationSeconds = 0)
{
    RunRecord r;
    r.experiment = experiment;
    r.number = number;
    r.id = QStringLiteral("%1_%2").arg(experiment).arg(number);
    r.target = QStringLiteral("local");
    r.status = status;
    r.created = Epoch.addSecs(number * 60);
    r.started = r.created.addSecs(1);
    if (RunStatusInfo::isTerminal(status))
        r.ended = r.started.addSecs(durationSeconds);
    return r;
}

MetricSummary scalar(const QString &name, double last, int count = 1)
{
    MetricSummary s;
    s.name = name;
    s.kind = QStringLiteral("scalar");
    s.count = count;
    s.last = last;
    s.minimum = last;
    s.maximum = last;
    return s;
}

MetricSummary text(const QString &name, const QString &value)
{
    MetricSummary s;
    s.name = name;
    s.kind = QStringLiteral("scalar");
    s.count = 1;
    s.last = std::numeric_limits<double>::quiet_NaN();
    s.lastText = value;
    return s;
}

// Every row as "cell|cell|..." (fixed columns but Submitted, then the metric columns).
QString dump(const QAbstractItemModel &model)
{
    QStringList lines;
    QStringList header;
    for (int column = 0; column < model.columnCount(); ++column) {
        if (column != RunModel::SubmittedColumn)
            header << model.headerData(column, Qt::Horizontal).toString();
    }
    lines << header.join(QLatin1Char('|'));
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column) {
            if (column != RunModel::SubmittedColumn)
                cells << model.index(row, column).data().toString();
        }
        lines << cells.join(QLatin1Char('|'));
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList cells;
    for (int row = 0; row < model.rowCount(); ++row)
        cells << model.index(row, column).data().toString();
    return cells;
}

using Metrics = QHash<QString, QList<MetricSummary>>;

} // namespace

class tst_RunModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAndMetricColumns()
    {
        RunModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(RunModel::ColumnCount));

        const QString e = QStringLiteral("mnist");
        model.setRuns({run(e, 2, RunStatus::Running), run(e, 1, RunStatus::Completed, 75)},
                      {{QStringLiteral("mnist_1"), {scalar(QStringLiteral("loss"), 0.25, 25), text(QStringLiteral("phase"), QStringLiteral("done"))}}});
        // Only numbers make columns: "phase" holds text.
        QCOMPARE(model.metricNames(), QStringList{QStringLiteral("loss")});
        QCOMPARE(model.columnCount(), RunModel::ColumnCount + 1);
        QCOMPARE(model.runId(0), QStringLiteral("mnist_2"));
        QCOMPARE(model.runId(5), QString());
        QCOMPARE(model.rowOf(QStringLiteral("mnist_1")), 1);
        QCOMPARE(model.index(1, RunModel::DurationColumn).data().toString(), QStringLiteral("1 min 15 s"));
        QCOMPARE(model.index(1, RunModel::DurationColumn).data(SortRole).toLongLong(), 75000);
        QCOMPARE(model.index(0, RunModel::ColumnCount).data(), QVariant());
        QCOMPARE(model.index(1, RunModel::ColumnCount).data(SortRole).toDouble(), 0.25);
        QCOMPARE(model.headerData(RunModel::ColumnCount, Qt::Horizontal, RunModel::MetricNameRole).toString(), QStringLiteral("loss"));
        QCOMPARE(model.metricColumn(QStringLiteral("loss")), int(RunModel::ColumnCount));
        QVERIFY(model.hasActiveRuns());

        // Status: the display name, its colour and its icon.
        const QModelIndex status = model.index(1, RunModel::StatusColumn);
        QCOMPARE(status.data().toString(), QStringLiteral("Completed"));
        QCOMPARE(status.data(Qt::ForegroundRole).value<QColor>(), QColor(0x10, 0x7c, 0x10));
        QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(status.data(RunModel::StatusRole).toInt(), int(RunStatus::Completed));

        // New metric names insert columns in name order; the first run's metric appears.
        QSignalSpy inserted(&model, &QAbstractItemModel::columnsInserted);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setRuns({run(e, 2, RunStatus::Running), run(e, 1, RunStatus::Completed, 75)},
                      {{QStringLiteral("mnist_1"), {scalar(QStringLiteral("accuracy"), 0.9), scalar(QStringLiteral("loss"), 0.25, 25)}},
                       {QStringLiteral("mnist_2"), {scalar(QStringLiteral("loss"), 1.5, 3), scalar(QStringLiteral("lr"), 0.001)}}});
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.metricNames(), (QStringList{QStringLiteral("accuracy"), QStringLiteral("loss"), QStringLiteral("lr")}));
        QCOMPARE(dump(model).section(QLatin1Char('\n'), 0, 0), QStringLiteral("Run|Experiment|Status|Target|Duration|accuracy|loss|lr"));
        QCOMPARE(dump(model).section(QLatin1Char('\n'), 2), QStringLiteral("mnist_1|mnist|Completed|local|1 min 15 s|0.9|0.25|"));

        // Names nobody logs any more go.
        QSignalSpy removed(&model, &QAbstractItemModel::columnsRemoved);
        model.setRuns({run(e, 2, RunStatus::Running), run(e, 1, RunStatus::Completed, 75)},
                      {{QStringLiteral("mnist_1"), {scalar(QStringLiteral("loss"), 0.25, 25)}},
                       {QStringLiteral("mnist_2"), {scalar(QStringLiteral("loss"), 1.5, 3)}}});
        QCOMPARE(removed.size(), 2);
        QCOMPARE(model.metricNames(), QStringList{QStringLiteral("loss")});
    }

    void mergeKeepsPersistentIndexes()
    {
        RunModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString e = QStringLiteral("exp");
        model.setRuns({run(e, 2, RunStatus::Running), run(e, 1, RunStatus::Completed, 5)},
                      {{QStringLiteral("exp_2"), {scalar(QStringLiteral("loss"), 2.0)}}});
        QPersistentModelIndex second(model.index(0, RunModel::StatusColumn));
        QPersistentModelIndex first(model.index(1, RunModel::RunColumn));
        QPersistentModelIndex loss(model.index(0, RunModel::ColumnCount));

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        // A new run on top, exp_2 finishes with one more loss value, an accuracy column appears.
        model.setRuns({run(e, 3, RunStatus::Queued), run(e, 2, RunStatus::Completed, 30), run(e, 1, RunStatus::Completed, 5)},
                      {{QStringLiteral("exp_2"), {scalar(QStringLiteral("accuracy"), 0.5), scalar(QStringLiteral("loss"), 1.0, 2)}}});
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserts.size(), 1);
        QCOMPARE(changes.size(), 1); // exp_2 only
        QCOMPARE(column(model, RunModel::RunColumn), (QStringList{QStringLiteral("exp_3"), QStringLiteral("exp_2"), QStringLiteral("exp_1")}));
        QVERIFY(second.isValid() && first.isValid() && loss.isValid());
        QCOMPARE(second.row(), 1);
        QCOMPARE(second.data().toString(), QStringLiteral("Completed"));
        QCOMPARE(first.row(), 2);
        QCOMPARE(first.data().toString(), QStringLiteral("exp_1"));
        // The persistent index moved with its column when "accuracy" was inserted before it.
        QCOMPARE(loss.column(), RunModel::ColumnCount + 1);
        QCOMPARE(loss.data().toString(), QStringLiteral("1"));

        // The same data again: no signal at all.
        changes.clear();
        inserts.clear();
        QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
        model.setRuns({run(e, 3, RunStatus::Queued), run(e, 2, RunStatus::Completed, 30), run(e, 1, RunStatus::Completed, 5)},
                      {{QStringLiteral("exp_2"), {scalar(QStringLiteral("accuracy"), 0.5), scalar(QStringLiteral("loss"), 1.0, 2)}}});
        QCOMPARE(changes.size(), 0);
        QCOMPARE(inserts.size(), 0);
        QCOMPARE(moves.size(), 0);

        // A removed run goes; a reordered list moves rows instead of resetting.
        model.setRuns({run(e, 1, RunStatus::Completed, 5), run(e, 2, RunStatus::Completed, 30)}, {});
        QCOMPARE(column(model, RunModel::RunColumn), (QStringList{QStringLiteral("exp_1"), QStringLiteral("exp_2")}));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(first.row(), 0);
        QCOMPARE(second.row(), 1);
        QVERIFY(!loss.isValid()); // no run logs metrics any more: the column went
        QCOMPARE(model.columnCount(), int(RunModel::ColumnCount));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!first.isValid());
    }

    void metricsSortNumerically()
    {
        RunModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RunFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        const QString e = QStringLiteral("sort");
        QList<RunRecord> runs;
        Metrics metrics;
        const double values[] = {10, 9, 100, -2.5, 0.75};
        const qint64 durations[] = {100, 70, 40, 10, 5};
        for (int i = 0; i < 5; ++i) {
            runs << run(e, i + 1, RunStatus::Completed, durations[i]);
            metrics.insert(runs.constLast().id, {scalar(QStringLiteral("loss"), values[i])});
        }
        runs << run(e, 6, RunStatus::Failed, 1); // no metric: sorts last
        model.setRuns(runs, metrics);

        proxy.sort(RunModel::ColumnCount, Qt::AscendingOrder);
        QCOMPARE(column(proxy, RunModel::ColumnCount), (QStringList{QStringLiteral("-2.5"), QStringLiteral("0.75"), QStringLiteral("9"),
                                                                    QStringLiteral("10"), QStringLiteral("100"), QString()}));
        // Descending too, runs without the metric come last.
        proxy.sort(RunModel::ColumnCount, Qt::DescendingOrder);
        QCOMPARE(column(proxy, RunModel::ColumnCount), (QStringList{QStringLiteral("100"), QStringLiteral("10"), QStringLiteral("9"),
                                                                    QStringLiteral("0.75"), QStringLiteral("-2.5"), QString()}));

        // Durations sort by milliseconds, not by their text.
        proxy.sort(RunModel::DurationColumn, Qt::AscendingOrder);
        QCOMPARE(column(proxy, RunModel::DurationColumn),
                 (QStringList{QStringLiteral("1.0 s"), QStringLiteral("5.0 s"), QStringLiteral("10 s"), QStringLiteral("40 s"),
                              QStringLiteral("1 min 10 s"), QStringLiteral("1 min 40 s")}));
    }

    void runNumbersSortNumerically()
    {
        RunModel model;
        RunFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        const QString e = QStringLiteral("n");
        model.setRuns({run(e, 2, RunStatus::Completed), run(e, 10, RunStatus::Completed), run(e, 1, RunStatus::Completed)}, {});
        proxy.sort(RunModel::RunColumn, Qt::AscendingOrder);
        QCOMPARE(column(proxy, RunModel::RunColumn), (QStringList{QStringLiteral("n_1"), QStringLiteral("n_2"), QStringLiteral("n_10")}));
    }

    void statusAndTextFilter()
    {
        RunModel model;
        RunFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns({run(QStringLiteral("a"), 1, RunStatus::Completed, 3), run(QStringLiteral("a"), 2, RunStatus::Running),
                       run(QStringLiteral("b"), 1, RunStatus::Failed, 3), run(QStringLiteral("b"), 2, RunStatus::Queued)},
                      {});
        proxy.sort(RunModel::RunColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.rowCount(), 4);

        proxy.setStatusFilter(RunFilterProxyModel::StatusFilter::Active);
        QCOMPARE(column(proxy, RunModel::RunColumn), (QStringList{QStringLiteral("a_2"), QStringLiteral("b_2")}));
        proxy.setStatusFilter(RunFilterProxyModel::StatusFilter::One, RunStatus::Failed);
        QCOMPARE(column(proxy, RunModel::RunColumn), QStringList{QStringLiteral("b_1")});

        // Text and status filters combine; the text matches the status name too.
        proxy.setStatusFilter(RunFilterProxyModel::StatusFilter::All);
        proxy.setFilterFixedString(QStringLiteral("b_"));
        QCOMPARE(column(proxy, RunModel::RunColumn), (QStringList{QStringLiteral("b_1"), QStringLiteral("b_2")}));
        proxy.setStatusFilter(RunFilterProxyModel::StatusFilter::Active);
        QCOMPARE(column(proxy, RunModel::RunColumn), QStringList{QStringLiteral("b_2")});
        proxy.setStatusFilter(RunFilterProxyModel::StatusFilter::All);
        proxy.setFilterFixedString(QStringLiteral("COMPLETED"));
        QCOMPARE(column(proxy, RunModel::RunColumn), QStringList{QStringLiteral("a_1")});

        // A run that finishes leaves the Active filter by itself.
        proxy.setFilterFixedString(QString());
        proxy.setStatusFilter(RunFilterProxyModel::StatusFilter::Active);
        model.setRuns({run(QStringLiteral("a"), 1, RunStatus::Completed, 3), run(QStringLiteral("a"), 2, RunStatus::Completed, 9),
                       run(QStringLiteral("b"), 1, RunStatus::Failed, 3), run(QStringLiteral("b"), 2, RunStatus::Queued)},
                      {});
        QCOMPARE(column(proxy, RunModel::RunColumn), QStringList{QStringLiteral("b_2")});
    }

    void formatDuration_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0.0 s");
        QTest::newRow("tenths") << qint64(9'940) << QStringLiteral("9.9 s");
        QTest::newRow("seconds") << qint64(59'999) << QStringLiteral("59 s");
        QTest::newRow("minutes") << qint64(185'000) << QStringLiteral("3 min 05 s");
        QTest::newRow("hours") << qint64(7'620'000) << QStringLiteral("2 h 07 min");
    }

    void formatDuration()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(RunModel::formatDuration(ms), text);
    }
};

// The status icons are pixmaps: a QGuiApplication (offscreen), no widgets.
QTEST_MAIN(tst_RunModel)
#include "tst_runmodel.moc"
