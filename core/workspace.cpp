#include "workspace.h"

#include "localmachine.h"
#include "metricwriter.h"
#include "sql.h"
#include "sqltransaction.h"
#include "workspaceschema.h"

#include <QAtomicInteger>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QMutex>
#include <QUrl>

#include <unistd.h>
#include <fcntl.h>

namespace Trainyard {

namespace {

QString databaseFileName()
{
    return QStringLiteral("workspace.db");
}

// access(2) checks the real user; a process that changed its effective user needs AT_EACCESS.
bool isWritableDirectory(const QString &path)
{
    return faccessat(AT_FDCWD, QFile::encodeName(path).constData(), W_OK | X_OK, AT_EACCESS) == 0;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

using Sql::exec;

QString toJsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

ComputeTarget targetFromRow(const QSqlQuery &query)
{
    ComputeTarget target;
    target.name = query.value(0).toString();
    target.type = ComputeTarget::typeFromKey(query.value(1).toString()).value_or(ComputeTarget::Type::Remote);
    target.state = ComputeTarget::stateFromKey(query.value(2).toString());
    target.errorText = query.value(3).toString();
    target.properties = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
    target.created = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
    target.modified = QDateTime::fromMSecsSinceEpoch(query.value(6).toLongLong(), Qt::UTC);
    return target;
}

const char targetColumns[] = "name, type, provisioning_state, error_text, properties, created_ms, modified_ms";

// Databases this process has open. POSIX file locks belong to the process: closing *any* file
// descriptor of a database drops SQLite's locks held through the other connections, after which
// another process may checkpoint and delete the WAL under them. So a database already open here
// is never opened with a plain file handle again (the header check below).
QMutex openDatabasesMutex;
QHash<QString, int> openDatabases;

bool isOpenInThisProcess(const QString &dbPath)
{
    QMutexLocker locker(&openDatabasesMutex);
    return openDatabases.value(dbPath) > 0;
}

void registerOpen(const QString &dbPath, int delta)
{
    QMutexLocker locker(&openDatabasesMutex);
    const int count = openDatabases.value(dbPath) + delta;
    if (count > 0)
        openDatabases.insert(dbPath, count);
    else
        openDatabases.remove(dbPath);
}

} // namespace

Workspace::~Workspace()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    if (m_registered)
        registerOpen(databasePath(), -1);
}

QString Workspace::defaultLocation()
{
    const QString fromEnvironment = qEnvironmentVariable("TRAINYARD_WORKSPACE");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/workspaces/default");
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &location)
{
    if (location.trimmed().isEmpty())
        return Error{tr("No workspace folder was given.")};
    const QString path = QDir::cleanPath(QDir(location).absolutePath());
    const QFileInfo folder(path);

    if (folder.exists() && !folder.isDir())
        return Error{tr("%1 is a file, not a workspace folder.").arg(path)};
    if (folder.exists() && !isWritableDirectory(path)) {
        return Error{tr("The workspace folder %1 is not writable: fix its permissions or choose another "
                        "folder with --workspace.").arg(path)};
    }

    const QString dbPath = path + QLatin1Char('/') + databaseFileName();
    const QFileInfo dbInfo(dbPath);
    // Already open in this process: it passed these checks, and reading it through a file handle
    // would release the locks of the open connections (see openDatabases).
    if (dbInfo.exists() && !isOpenInThisProcess(dbPath)) {
        if (!dbInfo.isFile())
            return Error{tr("%1 is not a file, so it cannot be a workspace database.").arg(dbPath)};
        const auto header = WorkspaceSchema::readHeader(dbPath);
        if (!header)
            return header.error();
        if (!header->empty) {
            if (header->applicationId != WorkspaceSchema::ApplicationId
                && (header->applicationId != 0 || header->userVersion != 0)) {
                return Error{tr("%1 is an SQLite database of another program, not a Trainyard workspace.").arg(dbPath)};
            }
            if (header->userVersion > WorkspaceSchema::LatestVersion) {
                return Error{tr("%1 was written by a newer Trainyard (schema version %2; this version reads up "
                                "to %3). Update Trainyard to open this workspace.")
                                 .arg(dbPath).arg(header->userVersion).arg(WorkspaceSchema::LatestVersion)};
            }
        }
        if (!QFileInfo(dbPath).isWritable())
            return Error{tr("The workspace database %1 is read-only: fix its permissions.").arg(dbPath)};
    }

    if (!folder.exists() && !QDir().mkpath(path)) {
        return Error{tr("Cannot create the workspace folder %1: check that its parent folder exists and is "
                        "writable.").arg(path)};
    }

    static QAtomicInteger<quint64> connectionCounter;
    std::unique_ptr<Workspace> workspace(new Workspace);
    workspace->m_location = path;
    workspace->m_connectionName = QStringLiteral("trainyard-workspace-%1").arg(++connectionCounter);
    if (auto initialized = workspace->initialize(); !initialized)
        return initialized.error();
    return workspace;
}

void Workspace::markOpen()
{
    registerOpen(databasePath(), +1);
    m_registered = true;
}

Result<void> Workspace::initialize()
{
    const QString dbPath = databasePath();
    const bool existed = QFileInfo(dbPath).size() > 0 && !isOpenInThisProcess(dbPath);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!db.isValid())
        return Error{tr("The Qt SQLite driver is missing: install the package libqt6sql6-sqlite.")};
    db.setDatabaseName(dbPath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));

    if (existed && !QFileInfo::exists(dbPath + QLatin1String("-wal"))) {
        // A zero-version file with tables is someone else's database: look before touching it.
        // immutable=1: read without locks and without creating -wal/-shm files. Only safe while no
        // other process has the database open, which a missing -wal file tells; a database in use
        // passed the header checks and is Trainyard's.
        QSqlDatabase probe = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName + QLatin1String("-probe"));
        probe.setDatabaseName(QUrl::fromLocalFile(dbPath).toString(QUrl::FullyEncoded) + QLatin1String("?immutable=1"));
        probe.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        QString problem;
        if (!probe.open()) {
            problem = tr("%1 cannot be opened: %2").arg(dbPath, probe.lastError().text());
        } else {
            const auto version = WorkspaceSchema::version(probe);
            QSqlQuery schema(probe);
            if (!version || !schema.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")) || !schema.next())
                problem = tr("%1 is not a Trainyard workspace database: it is damaged or another kind of file.").arg(dbPath);
            else if (*version == 0 && !probe.tables().isEmpty())
                problem = tr("%1 is an SQLite database of another program, not a Trainyard workspace.").arg(dbPath);
            schema.finish();
        }
        probe.close();
        probe = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName + QLatin1String("-probe"));
        if (!problem.isEmpty())
            return Error{problem};
    }

    if (!db.open())
        return Error{tr("Cannot open the workspace database %1: %2").arg(dbPath, db.lastError().text())};
    markOpen();

    QSqlQuery pragma(db);
    for (const char *statement : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"}) {
        // Switching to WAL needs the database to itself, and SQLite answers "locked" at once
        // rather than waiting (the busy timeout does not apply): another process creating the same
        // workspace holds it for a moment. Try again for a while before calling it damaged.
        QDeadlineTimer deadline(10000);
        bool done = pragma.exec(QString::fromLatin1(statement));
        while (!done && (pragma.lastError().nativeErrorCode() == QLatin1String("5") || pragma.lastError().nativeErrorCode() == QLatin1String("6"))
               && !deadline.hasExpired()) {
            QThread::msleep(20);
            done = pragma.exec(QString::fromLatin1(statement));
        }
        if (!done) {
            return Error{tr("The workspace database %1 is damaged or not a database: %2")
                             .arg(dbPath, pragma.lastError().text())};
        }
    }

    const auto version = WorkspaceSchema::version(db);
    if (!version)
        return Error{tr("The workspace database %1 is damaged: %2").arg(dbPath, version.errorMessage())};
    if (*version > WorkspaceSchema::LatestVersion) {
        return Error{tr("%1 was written by a newer Trainyard (schema version %2; this version reads up to %3). "
                        "Update Trainyard to open this workspace.")
                         .arg(dbPath).arg(*version).arg(WorkspaceSchema::LatestVersion)};
    }
    if (*version < WorkspaceSchema::LatestVersion) {
        if (auto migrated = WorkspaceSchema::migrate(db); !migrated)
            return migrated;
        // Put the new version into the main file's header, where the next open reads it first.
        pragma.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    pragma.finish(); // a pragma that returned a row would otherwise hold a statement open
    m_schemaVersion = WorkspaceSchema::LatestVersion;

    if (!QDir().mkpath(artifactsPath()))
        return Error{tr("Cannot create the artifacts folder %1.").arg(artifactsPath())};
    return syncLocalTarget();
}

Result<void> Workspace::syncLocalTarget()
{
    const QJsonObject facts = LocalMachine::probe();
    auto existing = exec(database(), QStringLiteral("SELECT properties FROM compute_targets WHERE name = ?"),
                         {QString::fromLatin1(ComputeTarget::LocalName)});
    if (!existing)
        return existing.error();
    const bool found = existing->next();
    const QJsonObject stored = found ? QJsonDocument::fromJson(existing->value(0).toString().toUtf8()).object() : QJsonObject();
    existing->finish();
    if (found) {
        if (stored == facts)
            return {};
        SqlTransaction transaction(database());
        if (auto begun = transaction.begin(); !begun)
            return begun;
        if (auto updated = exec(database(),
                                QStringLiteral("UPDATE compute_targets SET properties = ?, modified_ms = ? WHERE name = ?"),
                                {toJsonText(facts), nowMs(), QString::fromLatin1(ComputeTarget::LocalName)});
            !updated) {
            return updated.error();
        }
        if (auto bumped = bumpRevision(); !bumped)
            return bumped;
        return transaction.commit();
    }
    SqlTransaction transaction(database());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    // INSERT OR IGNORE semantics without dialect specifics: another process may have won the race.
    auto again = exec(database(), QStringLiteral("SELECT 1 FROM compute_targets WHERE name = ?"),
                      {QString::fromLatin1(ComputeTarget::LocalName)});
    if (!again)
        return again.error();
    const bool raced = again->next();
    again->finish();
    if (raced)
        return transaction.commit();
    const qint64 now = nowMs();
    if (auto inserted = exec(database(),
                             QStringLiteral("INSERT INTO compute_targets (name, type, provisioning_state, properties, "
                                            "created_ms, modified_ms) VALUES (?, 'local', 'Succeeded', ?, ?, ?)"),
                             {QString::fromLatin1(ComputeTarget::LocalName), toJsonText(facts), now, now});
        !inserted) {
        return inserted.error();
    }
    if (auto bumped = bumpRevision(); !bumped)
        return bumped;
    return transaction.commit();
}

Result<void> Workspace::bumpRevision()
{
    return Sql::bumpRevision(database());
}

QString Workspace::name() const
{
    return QFileInfo(m_location).fileName();
}

QString Workspace::databasePath() const
{
    return m_location + QLatin1Char('/') + databaseFileName();
}

QString Workspace::artifactsPath() const
{
    return m_location + QLatin1String("/artifacts");
}

QSqlDatabase Workspace::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Workspace::schemaVersion() const
{
    return m_schemaVersion;
}

QDateTime Workspace::created() const
{
    auto query = exec(database(), QStringLiteral("SELECT value FROM trainyard_meta WHERE key = 'created_ms'"));
    if (!query || !query->next())
        return {};
    return QDateTime::fromMSecsSinceEpoch(query->value(0).toLongLong(), Qt::UTC);
}

Result<qint64> Workspace::revision() const
{
    auto query = exec(database(), QStringLiteral("SELECT revision FROM workspace_revision WHERE id = 1"));
    if (!query)
        return query.error();
    if (!query->next())
        return qint64(0);
    return query->value(0).toLongLong();
}

Result<Workspace::Summary> Workspace::summary() const
{
    auto query = exec(database(), QStringLiteral("SELECT (SELECT COUNT(*) FROM compute_targets), "
                                                 "(SELECT COUNT(*) FROM experiments), (SELECT COUNT(*) FROM runs)"));
    if (!query)
        return query.error();
    Summary summary;
    if (query->next()) {
        summary.computeTargets = query->value(0).toInt();
        summary.experiments = query->value(1).toInt();
        summary.runs = query->value(2).toInt();
    }
    return summary;
}

Result<QList<ComputeTarget>> Workspace::computeTargets() const
{
    // The built-in target first, then by name.
    auto query = exec(database(), QStringLiteral("SELECT %1 FROM compute_targets ORDER BY type <> 'local', name")
                                      .arg(QLatin1String(targetColumns)));
    if (!query)
        return query.error();
    QList<ComputeTarget> targets;
    while (query->next())
        targets.append(targetFromRow(*query));
    return targets;
}

Result<ComputeTarget> Workspace::computeTarget(const QString &name) const
{
    auto query = exec(database(), QStringLiteral("SELECT %1 FROM compute_targets WHERE name = ?").arg(QLatin1String(targetColumns)),
                      {name});
    if (!query)
        return query.error();
    if (!query->next())
        return Error{tr("There is no compute target named “%1” in this workspace.").arg(name)};
    return targetFromRow(*query);
}

Result<void> Workspace::addComputeTarget(const ComputeTarget &target)
{
    if (target.type == ComputeTarget::Type::Local)
        return Error{tr("The local compute target is built in; another one cannot be added.")};
    if (const QString problem = ComputeTarget::validateName(target.name); !problem.isEmpty())
        return Error{problem};
    SqlTransaction transaction(database());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto clash = exec(database(), QStringLiteral("SELECT name FROM compute_targets WHERE lower(name) = lower(?)"), {target.name});
    if (!clash)
        return clash.error();
    if (clash->next())
        return Error{tr("A compute target named “%1” already exists.").arg(clash->value(0).toString())};
    clash->finish();
    const qint64 now = nowMs();
    auto inserted = exec(database(),
                         QStringLiteral("INSERT INTO compute_targets (name, type, provisioning_state, error_text, "
                                        "properties, created_ms, modified_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                         {target.name, ComputeTarget::typeKey(target.type), ComputeTarget::stateKey(target.state),
                          target.errorText, toJsonText(target.properties), now, now});
    if (!inserted)
        return inserted.error();
    if (auto bumped = bumpRevision(); !bumped)
        return bumped;
    return transaction.commit();
}

Result<void> Workspace::updateComputeTarget(const ComputeTarget &target)
{
    SqlTransaction transaction(database());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto updated = exec(database(),
                        QStringLiteral("UPDATE compute_targets SET provisioning_state = ?, error_text = ?, properties = ?, "
                                       "modified_ms = ? WHERE name = ?"),
                        {ComputeTarget::stateKey(target.state), target.errorText, toJsonText(target.properties), nowMs(),
                         target.name});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return Error{tr("There is no compute target named “%1” in this workspace.").arg(target.name)};
    if (auto bumped = bumpRevision(); !bumped)
        return bumped;
    return transaction.commit();
}

Result<void> Workspace::removeComputeTarget(const QString &name)
{
    if (name == QLatin1String(ComputeTarget::LocalName))
        return Error{tr("The local compute target is built in and cannot be deleted.")};
    SqlTransaction transaction(database());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto removed = exec(database(), QStringLiteral("DELETE FROM compute_targets WHERE name = ?"), {name});
    if (!removed)
        return removed.error();
    if (removed->numRowsAffected() == 0)
        return Error{tr("There is no compute target named “%1” in this workspace.").arg(name)};
    if (auto bumped = bumpRevision(); !bumped)
        return bumped;
    return transaction.commit();
}

Result<void> Workspace::renameComputeTarget(const QString &from, const QString &to)
{
    if (from == QLatin1String(ComputeTarget::LocalName))
        return Error{tr("The local compute target is built in and cannot be renamed.")};
    if (const QString problem = ComputeTarget::validateName(to); !problem.isEmpty())
        return Error{problem};
    SqlTransaction transaction(database());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto clash = exec(database(), QStringLiteral("SELECT name FROM compute_targets WHERE lower(name) = lower(?) AND name <> ?"),
                      {to, from});
    if (!clash)
        return clash.error();
    if (clash->next())
        return Error{tr("A compute target named “%1” already exists.").arg(clash->value(0).toString())};
    clash->finish();
    auto renamed = exec(database(), QStringLiteral("UPDATE compute_targets SET name = ?, modified_ms = ? WHERE name = ?"),
                        {to, nowMs(), from});
    if (!renamed)
        return renamed.error();
    if (renamed->numRowsAffected() == 0)
        return Error{tr("There is no compute target named “%1” in this workspace.").arg(from)};
    if (auto bumped = bumpRevision(); !bumped)
        return bumped;
    return transaction.commit();
}

Result<qint64> Workspace::createExperiment(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Error{tr("An experiment needs a name.")};
    SqlTransaction transaction(database());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto existing = exec(database(), QStringLiteral("SELECT id FROM experiments WHERE name = ?"), {name});
    if (!existing)
        return existing.error();
    if (existing->next()) {
        const qint64 id = existing->value(0).toLongLong();
        existing->finish();
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        return id;
    }
    auto inserted = exec(database(), QStringLiteral("INSERT INTO experiments (name, created_ms) VALUES (?, ?)"),
                         {name, nowMs()});
    if (!inserted)
        return inserted.error();
    const qint64 id = inserted->lastInsertId().toLongLong();
    if (auto bumped = bumpRevision(); !bumped)
        return bumped.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return id;
}

Result<QString> Workspace::createRun(const QString &experiment, const QString &target)
{
    const auto experimentId = createExperiment(experiment);
    if (!experimentId)
        return experimentId.error();
    SqlTransaction transaction(database());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto numbered = exec(database(), QStringLiteral("SELECT next_run_number FROM experiments WHERE id = ?"), {*experimentId});
    if (!numbered)
        return numbered.error();
    if (!numbered->next())
        return Error{tr("The experiment “%1” disappeared while a run was being created.").arg(experiment)};
    const int number = numbered->value(0).toInt();
    numbered->finish();
    const QString runId = experiment + QLatin1Char('_') + QString::number(number);
    const qint64 now = nowMs();
    const QString status = QStringLiteral("NotStarted");
    for (const auto &[sql, values] : std::initializer_list<std::pair<QString, QVariantList>>{
             {QStringLiteral("UPDATE experiments SET next_run_number = next_run_number + 1 WHERE id = ?"), {*experimentId}},
             {QStringLiteral("INSERT INTO runs (id, experiment_id, number, target_name, status, created_ms) "
                             "VALUES (?, ?, ?, ?, ?, ?)"),
              {runId, *experimentId, number, target, status, now}},
             {QStringLiteral("INSERT INTO run_status_history (run_id, status, time_ms) VALUES (?, ?, ?)"),
              {runId, status, now}}}) {
        if (auto done = exec(database(), sql, values); !done)
            return done.error();
    }
    if (auto bumped = bumpRevision(); !bumped)
        return bumped.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return runId;
}

Result<void> Workspace::checkpoint()
{
    if (database().driverName() != QLatin1String("QSQLITE"))
        return {};
    if (auto done = exec(database(), QStringLiteral("PRAGMA wal_checkpoint(FULL)")); !done)
        return done.error();
    return {};
}

Result<void> Workspace::insertMetrics(const QString &runId, const QList<MetricPoint> &points)
{
    SqlTransaction transaction(database());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (auto appended = MetricWriter::append(database(), runId, points); !appended)
        return appended;
    return transaction.commit();
}

} // namespace Trainyard
