// The workspace store under several real processes: a writer killed with SIGKILL in the middle of
// its transactions, and two writers at once.

#include "workspace.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Trainyard;

namespace {

constexpr int BatchSize = 500;

QString writerPath()
{
    return QStringLiteral(TRAINYARD_WRITER);
}

// Waits until the writer has printed `lines` progress lines.
bool waitForBatches(QProcess &process, int batches, QByteArray &output)
{
    QDeadlineTimer deadline(30000);
    while (output.count("batch ") < batches) {
        if (deadline.hasExpired() || process.state() != QProcess::Running)
            return false;
        process.waitForReadyRead(100);
        output += process.readAllStandardOutput();
    }
    return true;
}

} // namespace

class tst_WorkspaceProcesses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killedWriterLeavesConsistentDatabase_data()
    {
        QTest::addColumn<int>("batchesBeforeKill");
        QTest::addColumn<int>("extraDelayUs");
        QTest::newRow("after 1 batch") << 1 << 0;
        QTest::newRow("after 3 batches, mid-batch") << 3 << 1500;
        QTest::newRow("after 8 batches, random") << 8 << int(QRandomGenerator::global()->bounded(5000));
    }

    void killedWriterLeavesConsistentDatabase()
    {
        QFETCH(int, batchesBeforeKill);
        QFETCH(int, extraDelayUs);
        QTemporaryDir temp;
        {
            auto workspace = Workspace::open(temp.path());
            QVERIFY(workspace);
        }
        QProcess writer;
        writer.start(writerPath(), {QStringLiteral("metrics"), temp.path(), QStringLiteral("crash"),
                                    QStringLiteral("100000"), QString::number(BatchSize)});
        QVERIFY(writer.waitForStarted());
        QByteArray output;
        QVERIFY2(waitForBatches(writer, batchesBeforeKill, output), writer.readAllStandardError().constData());
        usleep(useconds_t(extraDelayUs));
        ::kill(pid_t(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        // The database opens, passes integrity_check, and holds only whole batches.
        auto workspace = Workspace::open(temp.path());
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        QSqlQuery query((*workspace)->database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*), COALESCE(MAX(step), -1) FROM metrics WHERE run_id = 'crash_1'")));
        QVERIFY(query.next());
        const int count = query.value(0).toInt();
        const int maxStep = query.value(1).toInt();
        QVERIFY2(count % BatchSize == 0, qPrintable(QStringLiteral("%1 rows is not whole batches").arg(count)));
        QVERIFY(count >= batchesBeforeKill * BatchSize);
        QCOMPARE(maxStep, count - 1);
        // And the store is still writable.
        QCOMPARE((*workspace)->createRun(QStringLiteral("crash"), QStringLiteral("local")).value(), QStringLiteral("crash_2"));
    }

    void twoWritersAtOnce()
    {
        QTemporaryDir temp;
        {
            auto workspace = Workspace::open(temp.path());
            QVERIFY(workspace);
        }
        const int batches = 40;
        QProcess first;
        QProcess second;
        for (QProcess *writer : {&first, &second}) {
            writer->start(writerPath(), {QStringLiteral("metrics"), temp.path(), QStringLiteral("shared"),
                                         QString::number(batches), QString::number(BatchSize)});
            QVERIFY(writer->waitForStarted());
        }
        for (QProcess *writer : {&first, &second}) {
            QVERIFY(writer->waitForFinished(120000));
            QVERIFY2(writer->exitStatus() == QProcess::NormalExit && writer->exitCode() == 0,
                     writer->readAllStandardError().constData());
        }
        auto workspace = Workspace::open(temp.path());
        QVERIFY(workspace);
        QSqlQuery query((*workspace)->database());
        QVERIFY(query.exec(QStringLiteral("SELECT run_id, COUNT(*) FROM metrics GROUP BY run_id ORDER BY run_id")));
        QStringList counts;
        while (query.next())
            counts << query.value(0).toString() + QLatin1Char('=') + query.value(1).toString();
        // Each process got its own run number and stored every point.
        const QString expected = QString::number(batches * BatchSize);
        QCOMPARE(counts, (QStringList{QStringLiteral("shared_1=") + expected, QStringLiteral("shared_2=") + expected}));
    }

    void twoProcessesCreateTheSameWorkspace()
    {
        // Both race to create the schema and the local target; neither fails, nothing is doubled.
        QTemporaryDir temp;
        const QString location = temp.filePath(QStringLiteral("fresh"));
        QProcess first;
        QProcess second;
        for (QProcess *writer : {&first, &second}) {
            writer->start(writerPath(), {QStringLiteral("metrics"), location, QStringLiteral("race"),
                                         QStringLiteral("1"), QStringLiteral("10")});
        }
        for (QProcess *writer : {&first, &second}) {
            QVERIFY(writer->waitForFinished(60000));
            QVERIFY2(writer->exitCode() == 0, writer->readAllStandardError().constData());
        }
        auto workspace = Workspace::open(location);
        QVERIFY(workspace);
        QCOMPARE((*workspace)->computeTargets()->size(), 1);
        QCOMPARE((*workspace)->summary()->runs, 2);
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceProcesses)
#include "tst_workspaceprocesses.moc"
