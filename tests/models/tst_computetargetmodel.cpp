#include "computetargetmodel.h"
#include "modelroles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Trainyard;

namespace {

ComputeTarget target(const QString &name, ComputeTarget::Type type, const QString &address = {},
                     ComputeTarget::ProvisioningState state = ComputeTarget::ProvisioningState::Succeeded,
                     qint64 createdMs = 1000)
{
    ComputeTarget t;
    t.name = name;
    t.type = type;
    t.state = state;
    if (!address.isEmpty())
        t.properties.insert(type == ComputeTarget::Type::Local ? QStringLiteral("hostName") : QStringLiteral("address"), address);
    t.created = QDateTime::fromMSecsSinceEpoch(createdMs, Qt::UTC);
    t.modified = t.created;
    return t;
}

// The model as "name|type|state|nodes|address" lines, in row order.
QString dump(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column : {ComputeTargetModel::NameColumn, ComputeTargetModel::TypeColumn, ComputeTargetModel::StateColumn,
                           ComputeTargetModel::NodesColumn, ComputeTargetModel::AddressColumn})
            cells << model.index(row, column).data().toString();
        lines << cells.join(QLatin1Char('|'));
    }
    return lines.join(QLatin1Char('\n'));
}

const auto Local = ComputeTarget::Type::Local;
const auto Remote = ComputeTarget::Type::Remote;
const auto Slurm = ComputeTarget::Type::Slurm;

} // namespace

class tst_ComputeTargetModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergeKeepsRowIdentity()
    {
        ComputeTargetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        model.setTargets({target(QStringLiteral("local"), Local, QStringLiteral("ws1")),
                          target(QStringLiteral("gpu-box"), Remote, QStringLiteral("10.0.0.2"))});
        QCOMPARE(dump(model), QStringLiteral("local|Local|Succeeded|1 / 0 / 1|ws1\n"
                                             "gpu-box|Remote machine|Succeeded|1 / 0 / 1|10.0.0.2"));

        // A persistent index on gpu-box follows it through inserts, moves and updates.
        QPersistentModelIndex gpu = model.index(1, 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setTargets({target(QStringLiteral("local"), Local, QStringLiteral("ws1")),
                          target(QStringLiteral("cluster-a"), Slurm),
                          target(QStringLiteral("gpu-box"), Remote, QStringLiteral("10.0.0.2"),
                                 ComputeTarget::ProvisioningState::Failed)});
        QCOMPARE(dump(model), QStringLiteral("local|Local|Succeeded|1 / 0 / 1|ws1\n"
                                             "cluster-a|Slurm cluster|Succeeded|0 / 0 / 0|\n"
                                             "gpu-box|Remote machine|Failed|1 / 0 / 1|10.0.0.2"));
        QVERIFY(gpu.isValid());
        QCOMPARE(gpu.row(), 2);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 1);

        // Same data again: no signal at all.
        changes.clear();
        model.setTargets(model.targets());
        QCOMPARE(changes.size(), 0);

        // Removal and a reorder.
        model.setTargets({target(QStringLiteral("gpu-box"), Remote, QStringLiteral("10.0.0.2")),
                          target(QStringLiteral("local"), Local, QStringLiteral("ws1"))});
        QCOMPARE(dump(model), QStringLiteral("gpu-box|Remote machine|Succeeded|1 / 0 / 1|10.0.0.2\n"
                                             "local|Local|Succeeded|1 / 0 / 1|ws1"));
        QCOMPARE(gpu.row(), 0);
        QCOMPARE(model.rowOf(QStringLiteral("local")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("cluster-a")), -1);

        model.setTargets({});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!gpu.isValid());
    }

    void roles()
    {
        ComputeTargetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTargets({target(QStringLiteral("local"), Local, QStringLiteral("ws1"), ComputeTarget::ProvisioningState::Succeeded, 5000)});
        const QModelIndex name = model.index(0, ComputeTargetModel::NameColumn);
        QCOMPARE(name.data(NameRole).toString(), QStringLiteral("local"));
        QVERIFY(name.data(Qt::ToolTipRole).toString().contains(QStringLiteral("cannot be deleted")));
        QCOMPARE(model.index(0, ComputeTargetModel::CreatedColumn).data(SortRole).toLongLong(), 5000);
        QVERIFY(model.index(0, ComputeTargetModel::StateColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(0, 0).data(Qt::UserRole + 100).isValid());
        QCOMPARE(model.headerData(ComputeTargetModel::SizeColumn, Qt::Horizontal).toString(), QStringLiteral("Size / family"));
        QCOMPARE(model.columnCount(), int(ComputeTargetModel::ColumnCount));
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    }

    void proxyFilterAndSort()
    {
        ComputeTargetModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterRole(FilterRole);
        proxy.setSortRole(SortRole);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTargets({target(QStringLiteral("local"), Local, QStringLiteral("ws1"), ComputeTarget::ProvisioningState::Succeeded, 3000),
                          target(QStringLiteral("gpu-box"), Remote, QStringLiteral("10.0.0.2"), ComputeTarget::ProvisioningState::Failed, 1000),
                          target(QStringLiteral("cluster-a"), Slurm, {}, ComputeTarget::ProvisioningState::Creating, 2000)});

        proxy.setFilterFixedString(QStringLiteral("GPU"));
        QCOMPARE(dump(proxy), QStringLiteral("gpu-box|Remote machine|Failed|1 / 0 / 1|10.0.0.2"));
        proxy.setFilterFixedString(QStringLiteral("slurm"));       // matches the type
        QCOMPARE(dump(proxy), QStringLiteral("cluster-a|Slurm cluster|Creating|0 / 0 / 0|"));
        proxy.setFilterFixedString(QStringLiteral("10.0.0"));      // matches the address
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterFixedString(QStringLiteral("nothing-like-this"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterFixedString(QString());
        QCOMPARE(proxy.rowCount(), 3);

        // Created sorts by time, not by the formatted text.
        proxy.sort(ComputeTargetModel::CreatedColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("gpu-box"));
        QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("local"));
        proxy.sort(ComputeTargetModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("local"));

        // A new target that matches the filter shows up through the proxy.
        proxy.setFilterFixedString(QStringLiteral("box"));
        auto targets = model.targets();
        targets.append(target(QStringLiteral("box-two"), Remote, QStringLiteral("10.0.0.3")));
        model.setTargets(targets);
        QCOMPARE(proxy.rowCount(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_ComputeTargetModel)
#include "tst_computetargetmodel.moc"
