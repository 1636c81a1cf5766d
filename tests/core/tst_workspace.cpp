#include "computetarget.h"
#include "runstore.h"
#include "workspace.h"
#include "workspaceschema.h"
#include "workspacewatcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

using namespace Trainyard;

namespace {

// Every file under a folder with its size and SHA-256: "nothing changed on disk" means equal dumps.
QString dumpTree(const QString &root)
{
    QStringList lines;
    QDir dir(root);
    const QStringList entries = dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QString &entry : entries) {
        QFile file(dir.filePath(entry));
        QByteArray hash;
        if (file.open(QIODevice::ReadOnly))
            hash = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex().left(16);
        lines << entry + QLatin1Char(' ') + QString::number(file.size()) + QLatin1Char(' ') + QString::fromLatin1(hash);
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList targetNames(const Workspace &workspace)
{
    QStringList names;
    const auto targets = workspace.computeTargets();
    for (const ComputeTarget &target : targets.value())
        names << target.name;
    return names;
}

ComputeTarget remoteTarget(const QString &name)
{
    ComputeTarget target;
    target.name = name;
    target.type = ComputeTarget::Type::Remote;
    target.properties = QJsonObject{{QStringLiteral("address"), QStringLiteral("10.0.0.5")}};
    return target;
}

// Drops root's power to ignore permissions for the lifetime of the guard: the user, its group and
// the supplementary groups all become `id`'s.
class EffectiveUser
{
public:
    explicit EffectiveUser(uid_t id)
    {
        if (geteuid() != 0 || id == 0)
            return;
        m_groups.resize(getgroups(0, nullptr));
        getgroups(int(m_groups.size()), m_groups.data());
        m_changed = setgroups(0, nullptr) == 0 && setegid(gid_t(id)) == 0 && seteuid(id) == 0;
    }
    ~EffectiveUser()
    {
        if (!m_changed)
            return;
        if (seteuid(0) != 0 || setegid(0) != 0 || setgroups(m_groups.size(), m_groups.data()) != 0)
            qFatal("cannot restore root privileges");
    }

private:
    std::vector<gid_t> m_groups;
    bool m_changed = false;
};

} // namespace

class tst_Workspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void newWorkspace()
    {
        QTemporaryDir temp;
        const QString location = temp.filePath(QStringLiteral("a/b/ws"));
        auto workspace = Workspace::open(location);
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        QCOMPARE((*workspace)->location(), location);
        QCOMPARE((*workspace)->name(), QStringLiteral("ws"));
        QVERIFY(QFileInfo::exists(location + QStringLiteral("/workspace.db")));
        QVERIFY(QFileInfo(location + QStringLiteral("/artifacts")).isDir());
        QCOMPARE((*workspace)->schemaVersion(), WorkspaceSchema::LatestVersion);
        QVERIFY((*workspace)->created().isValid());

        QSqlQuery query((*workspace)->database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(query.exec(QStringLiteral("PRAGMA busy_timeout")) && query.next());
        QVERIFY(query.value(0).toInt() >= 5000);
        QVERIFY(query.exec(QStringLiteral("PRAGMA application_id")) && query.next());
        QCOMPARE(query.value(0).toInt(), WorkspaceSchema::ApplicationId);
        const QStringList tables = (*workspace)->database().tables();
        for (const char *table : {"compute_targets", "experiments", "runs", "run_status_history", "metric_series",
                                  "metric_points", "snapshots", "snapshot_files", "run_streams"})
            QVERIFY2(tables.contains(QLatin1String(table)), table);
        QVERIFY((*workspace)->database().tables(QSql::Views).contains(QLatin1String("metrics")));
    }

    void localTargetIsBuiltIn()
    {
        QTemporaryDir temp;
        auto workspace = Workspace::open(temp.path());
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        Workspace &ws = **workspace;
        const auto local = ws.computeTarget(QStringLiteral("local"));
        QVERIFY2(local, qPrintable(local.errorMessage()));
        QCOMPARE(local->type, ComputeTarget::Type::Local);
        QCOMPARE(local->state, ComputeTarget::ProvisioningState::Succeeded);
        QCOMPARE(local->properties.value(QStringLiteral("hostName")).toString(), QSysInfo::machineHostName());
        QCOMPARE(local->properties.value(QStringLiteral("cpuCount")).toInt(), QThread::idealThreadCount());
        QVERIFY(local->properties.value(QStringLiteral("memoryBytes")).toInteger() > 0);
        QVERIFY(local->properties.value(QStringLiteral("gpus")).isArray());
        QVERIFY(!local->properties.value(QStringLiteral("os")).toString().isEmpty());

        const auto removed = ws.removeComputeTarget(QStringLiteral("local"));
        QVERIFY(!removed);
        QVERIFY2(removed.errorMessage().contains(QStringLiteral("cannot be deleted")), qPrintable(removed.errorMessage()));
        const auto renamed = ws.renameComputeTarget(QStringLiteral("local"), QStringLiteral("workstation"));
        QVERIFY(!renamed);
        QVERIFY2(renamed.errorMessage().contains(QStringLiteral("cannot be renamed")), qPrintable(renamed.errorMessage()));
        ComputeTarget second;
        second.name = QStringLiteral("another");
        second.type = ComputeTarget::Type::Local;
        QVERIFY(!ws.addComputeTarget(second));
        QVERIFY(!ws.addComputeTarget(remoteTarget(QStringLiteral("local"))));
        QCOMPARE(targetNames(ws), QStringList{QStringLiteral("local")});

        // Opening again neither duplicates nor loses it.
        workspace = Result<std::unique_ptr<Workspace>>(Error{});
        auto again = Workspace::open(temp.path());
        QVERIFY(again);
        QCOMPARE(targetNames(**again), QStringList{QStringLiteral("local")});
    }

    void addRenameRemove()
    {
        QTemporaryDir temp;
        auto workspace = Workspace::open(temp.path());
        QVERIFY(workspace);
        Workspace &ws = **workspace;
        const qint64 before = ws.revision().value();
        QVERIFY(ws.addComputeTarget(remoteTarget(QStringLiteral("gpu-box"))));
        QVERIFY(ws.revision().value() > before);
        const auto duplicate = ws.addComputeTarget(remoteTarget(QStringLiteral("GPU-box")));
        QVERIFY(!duplicate);
        QVERIFY2(duplicate.errorMessage().contains(QStringLiteral("already exists")), qPrintable(duplicate.errorMessage()));
        QVERIFY(!ws.addComputeTarget(remoteTarget(QStringLiteral("1bad"))));
        QVERIFY(ws.renameComputeTarget(QStringLiteral("gpu-box"), QStringLiteral("trainer-01")));
        QCOMPARE(targetNames(ws), (QStringList{QStringLiteral("local"), QStringLiteral("trainer-01")}));
        auto target = ws.computeTarget(QStringLiteral("trainer-01"));
        QVERIFY(target);
        target->state = ComputeTarget::ProvisioningState::Failed;
        target->errorText = QStringLiteral("host unreachable");
        QVERIFY(ws.updateComputeTarget(*target));
        QCOMPARE(ws.computeTarget(QStringLiteral("trainer-01"))->errorText, QStringLiteral("host unreachable"));
        QVERIFY(ws.removeComputeTarget(QStringLiteral("trainer-01")));
        const auto missing = ws.computeTarget(QStringLiteral("trainer-01"));
        QVERIFY(!missing);
        QCOMPARE(missing.errorMessage(), QStringLiteral("There is no compute target named “trainer-01” in this workspace."));
    }

    void runsAndMetrics()
    {
        QTemporaryDir temp;
        auto workspace = Workspace::open(temp.path());
        QVERIFY(workspace);
        Workspace &ws = **workspace;
        QCOMPARE(ws.createRun(QStringLiteral("mnist"), QStringLiteral("local")).value(), QStringLiteral("mnist_1"));
        QCOMPARE(ws.createRun(QStringLiteral("mnist"), QStringLiteral("local")).value(), QStringLiteral("mnist_2"));
        QCOMPARE(ws.createRun(QStringLiteral("cifar"), QStringLiteral("local")).value(), QStringLiteral("cifar_1"));
        QList<MetricPoint> points;
        for (int i = 0; i < 100; ++i)
            points.append(MetricPoint{QStringLiteral("loss"), i, 1.0 / (i + 1), 1000 + i, QStringLiteral("scalar"), {}});
        QVERIFY(ws.insertMetrics(QStringLiteral("mnist_2"), points));
        QSqlQuery query(ws.database());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*), MIN(step), MAX(step) FROM metrics WHERE run_id = 'mnist_2'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 100);
        QCOMPARE(query.value(2).toInt(), 99);
        // Metrics of an unknown run violate the foreign key and are refused as a whole.
        QVERIFY(!ws.insertMetrics(QStringLiteral("nope_1"), points));
        const auto summary = ws.summary();
        QCOMPARE(summary->experiments, 2);
        QCOMPARE(summary->runs, 3);
    }

    void migrateFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int version = 0; version < WorkspaceSchema::LatestVersion; ++version)
            QTest::addRow("v%d", version) << version;
    }

    void migrateFromEveryEarlierVersion()
    {
        QFETCH(int, fromVersion);
        QTemporaryDir temp;
        const QString dbPath = temp.filePath(QStringLiteral("workspace.db"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(dbPath);
            QVERIFY(db.open());
            QVERIFY(WorkspaceSchema::migrate(db, fromVersion));
            QCOMPARE(WorkspaceSchema::version(db).value(), fromVersion);
            QSqlQuery query(db);
            if (fromVersion >= 1) {
                // Data an older Trainyard stored must survive the upgrade.
                QVERIFY(query.exec(QStringLiteral(
                    "INSERT INTO compute_targets (name, type, provisioning_state, properties, created_ms, modified_ms) "
                    "VALUES ('old-box', 'remote', 'Succeeded', '{\"address\":\"old.example\"}', 1000, 2000)")));
                QVERIFY(query.exec(QStringLiteral("INSERT INTO experiments (name, created_ms) VALUES ('legacy', 1000)")));
            }
            if (fromVersion >= 2) {
                // Metrics in the flat table of versions 2-4, a repeated step and a text value among them.
                QVERIFY(query.exec(QStringLiteral(
                    "INSERT INTO runs (id, experiment_id, number, target_name, status, created_ms) "
                    "SELECT 'legacy_7', id, 7, 'old-box', 'Completed', 1000 FROM experiments WHERE name = 'legacy'")));
                QVERIFY(query.exec(QStringLiteral(
                    "INSERT INTO metrics (run_id, name, kind, step, value, value_text, time_ms) VALUES "
                    "('legacy_7', 'loss', 'scalar', 0, 3.0, NULL, 10), ('legacy_7', 'loss', 'scalar', 1, 2.0, NULL, 11), "
                    "('legacy_7', 'note', 'scalar', 0, NULL, 'warm-up', 12), ('legacy_7', 'loss', 'scalar', 2, 1.0, NULL, 13), "
                    "('legacy_7', 'loss', 'scalar', 2, 0.5, NULL, 14)")));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        auto workspace = Workspace::open(temp.path());
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        Workspace &ws = **workspace;
        QCOMPARE(WorkspaceSchema::version(ws.database()).value(), WorkspaceSchema::LatestVersion);
        QVERIFY(ws.computeTarget(QStringLiteral("local")));
        if (fromVersion >= 1) {
            const auto old = ws.computeTarget(QStringLiteral("old-box"));
            QVERIFY(old);
            QCOMPARE(old->address(), QStringLiteral("old.example"));
            QCOMPARE(ws.createRun(QStringLiteral("legacy"), QStringLiteral("old-box")).value(), QStringLiteral("legacy_1"));
        }
        if (fromVersion >= 2) {
            RunStore store(ws);
            const QList<MetricPoint> loss = store.metrics(QStringLiteral("legacy_7"), QStringLiteral("loss")).value();
            QCOMPARE(loss.size(), 4);
            QCOMPARE(loss.at(0).value, 3.0);
            QCOMPARE(loss.at(2).value, 1.0); // the repeated step keeps its logged order
            QCOMPARE(loss.at(3).value, 0.5);
            QCOMPARE(loss.at(3).timeMs, 14);
            const QList<MetricSummary> summaries = store.metricSummaries(QStringLiteral("legacy_7")).value();
            QCOMPARE(summaries.size(), 2);
            QCOMPARE(summaries.at(0).name, QStringLiteral("loss"));
            QCOMPARE(summaries.at(0).count, 4);
            QCOMPARE(summaries.at(0).minimum, 0.5);
            QCOMPARE(summaries.at(0).maximum, 3.0);
            QCOMPARE(summaries.at(0).last, 0.5);
            QCOMPARE(summaries.at(1).lastText, QStringLiteral("warm-up"));
            // Appending after the upgrade continues each series.
            QVERIFY(ws.insertMetrics(QStringLiteral("legacy_7"), {MetricPoint{QStringLiteral("loss"), 3, 0.25, 15, QStringLiteral("scalar"), {}}}));
            QCOMPARE(store.metricSummaries(QStringLiteral("legacy_7")).value().at(0).last, 0.25);
            QCOMPARE(store.metrics(QStringLiteral("legacy_7"), QStringLiteral("loss")).value().size(), 5);
        }
        // The header now carries the new version, so the next open sees it before opening SQLite.
        const auto header = WorkspaceSchema::readHeader(ws.databasePath());
        QVERIFY(header);
        QCOMPARE(header->userVersion, WorkspaceSchema::LatestVersion);
    }

    void badWorkspaces_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QByteArray random(8192, '\0');
        for (int i = 0; i < random.size(); ++i)
            random[i] = char((i * 7919) % 251);
        QTest::newRow("text file") << QByteArray("name: not a database\n").repeated(50) << QStringLiteral("damaged or another kind of file");
        QTest::newRow("binary noise") << random << QStringLiteral("damaged or another kind of file");
        QByteArray truncated("SQLite format 3");
        truncated.append('\0');
        truncated.append(QByteArray(40, '\x01'));
        QTest::newRow("truncated header") << truncated << QStringLiteral("damaged or another kind of file");
    }

    void badWorkspaces()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir temp;
        QFile file(temp.filePath(QStringLiteral("workspace.db")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const QString before = dumpTree(temp.path());
        const auto workspace = Workspace::open(temp.path());
        QVERIFY(!workspace);
        QVERIFY2(workspace.errorMessage().contains(expected), qPrintable(workspace.errorMessage()));
        QVERIFY(workspace.errorMessage().contains(file.fileName()));
        QCOMPARE(dumpTree(temp.path()), before);
    }

    void corruptPages()
    {
        // A valid header over damaged pages: refused when first read, and the file is left alone.
        QTemporaryDir temp;
        {
            auto workspace = Workspace::open(temp.path());
            QVERIFY(workspace);
        }
        QFile file(temp.filePath(QStringLiteral("workspace.db")));
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(size > 4096);
        file.seek(100);
        file.write(QByteArray(int(size - 100), '\xff'));
        file.close();
        const QString before = dumpTree(temp.path());
        const auto workspace = Workspace::open(temp.path());
        QVERIFY(!workspace);
        QVERIFY2(workspace.errorMessage().contains(QStringLiteral("damaged")), qPrintable(workspace.errorMessage()));
        QCOMPARE(dumpTree(temp.path()), before);
    }

    void foreignDatabase()
    {
        QTemporaryDir temp;
        const QString dbPath = temp.filePath(QStringLiteral("workspace.db"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(dbPath);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE songs (title TEXT)")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO songs VALUES ('Blue Train')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        const QString before = dumpTree(temp.path());
        const auto workspace = Workspace::open(temp.path());
        QVERIFY(!workspace);
        QVERIFY2(workspace.errorMessage().contains(QStringLiteral("another program")), qPrintable(workspace.errorMessage()));
        QCOMPARE(dumpTree(temp.path()), before);
    }

    void newerDatabase()
    {
        QTemporaryDir temp;
        {
            auto workspace = Workspace::open(temp.path());
            QVERIFY(workspace);
            QSqlQuery query((*workspace)->database());
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(WorkspaceSchema::LatestVersion + 5)));
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE from_the_future (x INTEGER)")));
        }
        const QString before = dumpTree(temp.path());
        const auto workspace = Workspace::open(temp.path());
        QVERIFY(!workspace);
        QVERIFY2(workspace.errorMessage().contains(QStringLiteral("newer Trainyard")), qPrintable(workspace.errorMessage()));
        QVERIFY(workspace.errorMessage().contains(QString::number(WorkspaceSchema::LatestVersion + 5)));
        QCOMPARE(dumpTree(temp.path()), before);
    }

    void unwritableFolder()
    {
        QTemporaryDir temp;
        QVERIFY(QFile::setPermissions(temp.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                       | QFile::ReadOther | QFile::ExeOther));
        const QString location = temp.filePath(QStringLiteral("readonly"));
        QVERIFY(QDir().mkpath(location));
        QVERIFY(QFile::setPermissions(location, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
        {
            // Root may write anywhere; act as an ordinary user for this check.
            EffectiveUser nobody(65534);
            const auto workspace = Workspace::open(location);
            QVERIFY(!workspace);
            QVERIFY2(workspace.errorMessage().contains(QStringLiteral("not writable")), qPrintable(workspace.errorMessage()));
            QVERIFY(workspace.errorMessage().contains(location));
        }
        QVERIFY(QDir(location).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
        QFile::setPermissions(location, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void fileInsteadOfFolder()
    {
        QTemporaryDir temp;
        const QString path = temp.filePath(QStringLiteral("plain-file"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x");
        file.close();
        const auto workspace = Workspace::open(path);
        QVERIFY(!workspace);
        QCOMPARE(workspace.errorMessage(), QStringLiteral("%1 is a file, not a workspace folder.").arg(path));
    }

    void defaultLocation()
    {
        qputenv("TRAINYARD_WORKSPACE", "/tmp/somewhere/ws");
        QCOMPARE(Workspace::defaultLocation(), QStringLiteral("/tmp/somewhere/ws"));
        qunsetenv("TRAINYARD_WORKSPACE");
        QVERIFY(Workspace::defaultLocation().endsWith(QStringLiteral("/workspaces/default")));
        QVERIFY(Workspace::defaultLocation().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    void secondOpenKeepsTheFirstConnectionsLocks()
    {
        // Opening the same workspace again in this process (a worker thread does) must not drop
        // the first connection's file locks: otherwise another process deletes the WAL under it
        // and the first connection keeps reading an old snapshot for good.
        QTemporaryDir temp;
        auto first = Workspace::open(temp.path());
        QVERIFY(first);
        QCOMPARE(targetNames(**first), QStringList{QStringLiteral("local")});
        {
            auto second = Workspace::open(temp.path());
            QVERIFY(second);
        }
        for (const char *mode : {"add-target", "remove-target"}) {
            QProcess writer;
            writer.start(QStringLiteral(TRAINYARD_WRITER), {QLatin1String(mode), temp.path(), QStringLiteral("gpu-box")});
            QVERIFY(writer.waitForFinished(30000));
            QCOMPARE(writer.exitCode(), 0);
            if (QLatin1String(mode) == QLatin1String("add-target"))
                QCOMPARE(targetNames(**first), (QStringList{QStringLiteral("local"), QStringLiteral("gpu-box")}));
        }
        QCOMPARE(targetNames(**first), QStringList{QStringLiteral("local")});
    }

    void watcherSeesOtherConnections()
    {
        QTemporaryDir temp;
        auto first = Workspace::open(temp.path());
        auto second = Workspace::open(temp.path());
        QVERIFY(first && second);
        WorkspaceWatcher watcher(first->get());
        watcher.setInterval(50);
        QSignalSpy changed(&watcher, &WorkspaceWatcher::changed);
        watcher.start();
        QVERIFY((*second)->addComputeTarget(remoteTarget(QStringLiteral("gpu-box"))));
        QVERIFY(changed.wait(5000));
        QCOMPARE(targetNames(**first), (QStringList{QStringLiteral("local"), QStringLiteral("gpu-box")}));
        // No change, no signal.
        QTest::qWait(300);
        QCOMPARE(changed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_Workspace)
#include "tst_workspace.moc"
