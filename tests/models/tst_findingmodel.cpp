#include "findingmodel.h"
#include "modelroles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Trainyard;

namespace {

Finding finding(Finding::Severity severity, int line, const QString &message, const QString &keyPath = {})
{
    return {severity, message, QStringLiteral("local.runconfig"), {line, line > 0 ? 3 : 0}, keyPath};
}

const auto Error = Finding::Severity::Error;
const auto Warning = Finding::Severity::Warning;

// The model as "severity|line|message" lines, in row order.
QString dump(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column : {FindingModel::SeverityColumn, FindingModel::LineColumn, FindingModel::MessageColumn})
            cells << model.index(row, column).data().toString();
        lines << cells.join(QLatin1Char('|'));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_FindingModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setFindings()
    {
        FindingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(FindingModel::ColumnCount));

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setFindings({finding(Error, 6, QStringLiteral("“nodeCount” must be a whole number of nodes, not “abc”.")),
                           finding(Warning, 3, QStringLiteral("The target “gpu” cannot be checked outside a workspace."))});
        QCOMPARE(dump(model), QStringLiteral("Error|6|“nodeCount” must be a whole number of nodes, not “abc”.\n"
                                             "Warning|3|The target “gpu” cannot be checked outside a workspace."));
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.errorCount(), 1);
        QCOMPARE(model.warningCount(), 1);

        // The same findings again: nothing to tell the views.
        model.setFindings(model.findings());
        QCOMPARE(resets.size(), 1);

        // A finding without a position shows no line.
        model.setFindings({finding(Error, 0, QStringLiteral("The file is empty."))});
        QCOMPARE(dump(model), QStringLiteral("Error||The file is empty."));
        QCOMPARE(model.warningCount(), 0);

        model.setFindings({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.size(), 3);
    }

    void roles()
    {
        FindingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings({finding(Warning, 12, QStringLiteral("Check this."), QStringLiteral("environment.python"))});

        for (int column = 0; column < FindingModel::ColumnCount; ++column) {
            const QModelIndex index = model.index(0, column);
            QCOMPARE(index.data(LineRole).toInt(), 12);
            QCOMPARE(index.data(ColumnRole).toInt(), 3);
            QCOMPARE(index.data(Qt::ToolTipRole).toString(), QStringLiteral("Check this.\nKey: environment.python"));
        }
        QCOMPARE(model.index(0, FindingModel::SeverityColumn).data(SortRole).toInt(), int(Warning));
        QCOMPARE(model.index(0, FindingModel::LineColumn).data(SortRole).metaType(), QMetaType::fromType<int>());
        QCOMPARE(model.index(0, FindingModel::MessageColumn).data(SortRole).toString(), QStringLiteral("Check this."));
        QVERIFY(model.index(0, FindingModel::SeverityColumn).data(Qt::DecorationRole).isValid());
        QVERIFY(!model.index(0, FindingModel::MessageColumn).data(Qt::DecorationRole).isValid());
        QVERIFY(!model.index(0, 0).data(Qt::UserRole + 100).isValid());
        QCOMPARE(model.headerData(FindingModel::LineColumn, Qt::Horizontal).toString(), QStringLiteral("Line"));
        QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    }

    void sortsLinesAsNumbers()
    {
        FindingModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(FindingModel::LineColumn, Qt::AscendingOrder);
        model.setFindings({finding(Error, 10, QStringLiteral("ten")), finding(Warning, 9, QStringLiteral("nine")),
                           finding(Error, 100, QStringLiteral("hundred")), finding(Error, 9, QStringLiteral("nine again"))});
        QCOMPARE(dump(proxy), QStringLiteral("Warning|9|nine\n"
                                             "Error|9|nine again\n"
                                             "Error|10|ten\n"
                                             "Error|100|hundred"));
        proxy.sort(FindingModel::SeverityColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, FindingModel::SeverityColumn).data().toString(), QStringLiteral("Error"));
        QCOMPARE(proxy.index(3, FindingModel::SeverityColumn).data().toString(), QStringLiteral("Warning"));
    }
};

QTEST_GUILESS_MAIN(tst_FindingModel)
#include "tst_findingmodel.moc"
