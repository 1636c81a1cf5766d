#include "modelroles.h"
#include "snapshottreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Trainyard;

namespace {

SnapshotFile file(const QString &path, qint64 size, bool executable = false)
{
    return SnapshotFile{path, QStringLiteral("sha-") + path, size, executable};
}

// The tree as indented "name|size column" lines, depth first.
void dump(const QAbstractItemModel &model, const QModelIndex &parent, int depth, QStringList &lines)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex name = model.index(row, SnapshotTreeModel::NameColumn, parent);
        const QModelIndex size = model.index(row, SnapshotTreeModel::SizeColumn, parent);
        lines << QString(depth * 2, QLatin1Char(' ')) + name.data().toString() + QLatin1Char('|') + size.data().toString();
        dump(model, name, depth + 1, lines);
    }
}

QString dump(const QAbstractItemModel &model)
{
    QStringList lines;
    dump(model, {}, 0, lines);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_SnapshotTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // formattedDataSize speaks the locale's language: pin it.
        QLocale::setDefault(QLocale::c());
    }

    void tree_data()
    {
        QTest::addColumn<QList<SnapshotFile>>("files");
        QTest::addColumn<QString>("expected");

        QTest::newRow("empty") << QList<SnapshotFile>() << QString();
        QTest::newRow("flat, sorted case-insensitively")
            << QList<SnapshotFile>{file(QStringLiteral("train.py"), 120), file(QStringLiteral("README.md"), 10),
                                   file(QStringLiteral("config.yml"), 5)}
            << QStringLiteral("config.yml|5 bytes\n"
                              "README.md|10 bytes\n"
                              "train.py|120 bytes");
        QTest::newRow("folders first, sizes add up")
            << QList<SnapshotFile>{file(QStringLiteral("train.py"), 100), file(QStringLiteral("src/model/net.py"), 2048),
                                   file(QStringLiteral("src/data.py"), 24), file(QStringLiteral(".azureml/local.runconfig"), 60),
                                   file(QStringLiteral("src/model/__init__.py"), 0)}
            << QStringLiteral(".azureml|1 file(s), 60 bytes\n"
                              "  local.runconfig|60 bytes\n"
                              "src|3 file(s), 2.02 KiB\n"
                              "  model|2 file(s), 2.00 KiB\n"
                              "    __init__.py|0 bytes\n"
                              "    net.py|2.00 KiB\n"
                              "  data.py|24 bytes\n"
                              "train.py|100 bytes");
    }

    void tree()
    {
        QFETCH(QList<SnapshotFile>, files);
        QFETCH(QString, expected);
        SnapshotTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFiles(files);
        QCOMPARE(dump(model), expected);
    }

    void lookupsAndRoles()
    {
        SnapshotTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFiles({file(QStringLiteral("src/a.py"), 10), file(QStringLiteral("src/b.sh"), 1500, true),
                        file(QStringLiteral("train.py"), 7)});

        const QModelIndex script = model.indexForPath(QStringLiteral("src/b.sh"));
        QVERIFY(script.isValid());
        QCOMPARE(script.data(NameRole).toString(), QStringLiteral("src/b.sh"));
        QCOMPARE(model.file(script)->sha256, QStringLiteral("sha-src/b.sh"));
        QVERIFY(model.file(script)->executable);
        QCOMPARE(model.file(script.siblingAtColumn(SnapshotTreeModel::SizeColumn))->path, QStringLiteral("src/b.sh"));
        QCOMPARE(script.siblingAtColumn(SnapshotTreeModel::SizeColumn).data(SortRole).toLongLong(), 1500);
        QCOMPARE(script.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("src/b.sh\n1500 bytes\nSHA-256 sha-src/b.sh\nExecutable"));

        const QModelIndex folder = model.indexForPath(QStringLiteral("src"));
        QVERIFY(model.isFolder(folder));
        QVERIFY(!model.file(folder));
        QCOMPARE(folder.siblingAtColumn(SnapshotTreeModel::SizeColumn).data(SortRole).toLongLong(), 1510);
        QCOMPARE(folder.data(Qt::ToolTipRole).toString(), QStringLiteral("src\n2 file(s), 1510 bytes"));
        QCOMPARE(model.parent(script), folder);

        QVERIFY(!model.indexForPath(QStringLiteral("src/missing.py")).isValid());
        QVERIFY(!model.indexForPath(QString()).isValid());
        QVERIFY(!model.file(QModelIndex()));
    }

    void sameFilesNoReset()
    {
        SnapshotTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<SnapshotFile> files{file(QStringLiteral("a/b.txt"), 1), file(QStringLiteral("c.txt"), 2)};
        model.setFiles(files);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setFiles(files);
        QCOMPARE(resets.size(), 0);
        model.setFiles({file(QStringLiteral("c.txt"), 2)});
        QCOMPARE(resets.size(), 1);
        QCOMPARE(dump(model), QStringLiteral("c.txt|2 bytes"));
        model.setFiles({});
        QCOMPARE(dump(model), QString());
    }
};

QTEST_GUILESS_MAIN(tst_SnapshotTreeModel)
#include "tst_snapshottreemodel.moc"
