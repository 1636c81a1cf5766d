#include "workspaceschema.h"

#include "sqltransaction.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

namespace Trainyard {

namespace {

bool isSqlite(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QSQLITE");
}

// ${ID} stands for an auto-increment primary key, ${ROWID} for a plain integer key, ${WITHOUT_ROWID}
// for a table clustered on its primary key (SQLite), ${NOW} for the current time in ms.
QString dialect(const QSqlDatabase &db, QString sql)
{
    sql.replace(QLatin1String("${ID}"), isSqlite(db) ? QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT")
                                                     : QLatin1String("BIGSERIAL PRIMARY KEY"));
    sql.replace(QLatin1String("${ROWID}"), isSqlite(db) ? QLatin1String("INTEGER PRIMARY KEY") : QLatin1String("BIGSERIAL PRIMARY KEY"));
    sql.replace(QLatin1String("${WITHOUT_ROWID}"), isSqlite(db) ? QLatin1String("WITHOUT ROWID") : QLatin1String(""));
    sql.replace(QLatin1String("${NOW}"), QString::number(QDateTime::currentMSecsSinceEpoch()));
    return sql;
}

// Version 1: workspace metadata, compute targets and experiments.
const char *const migration1[] = {
    R"(CREATE TABLE trainyard_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL))",
    R"(INSERT INTO trainyard_meta (key, value) VALUES ('created_ms', '${NOW}'))",
    // Bumped in the same transaction as every change a front end should see; clients poll it.
    R"(CREATE TABLE workspace_revision (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        revision BIGINT NOT NULL))",
    R"(INSERT INTO workspace_revision (id, revision) VALUES (1, 0))",
    R"(CREATE TABLE compute_targets (
        id ${ID},
        name TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL CHECK (type IN ('local', 'remote', 'slurm')),
        provisioning_state TEXT NOT NULL DEFAULT 'Succeeded',
        error_text TEXT NOT NULL DEFAULT '',
        properties TEXT NOT NULL DEFAULT '{}',
        created_ms BIGINT NOT NULL,
        modified_ms BIGINT NOT NULL))",
    R"(CREATE TABLE experiments (
        id ${ID},
        name TEXT NOT NULL UNIQUE,
        created_ms BIGINT NOT NULL,
        next_run_number INTEGER NOT NULL DEFAULT 1,
        properties TEXT NOT NULL DEFAULT '{}'))",
};

// Version 2: runs (with sweep children), their status history, metrics, ingest offsets, snapshots.
const char *const migration2[] = {
    R"(CREATE TABLE snapshots (
        id TEXT PRIMARY KEY,
        created_ms BIGINT NOT NULL,
        file_count INTEGER NOT NULL,
        total_bytes BIGINT NOT NULL))",
    R"(CREATE TABLE snapshot_files (
        snapshot_id TEXT NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        size BIGINT NOT NULL,
        mode INTEGER NOT NULL,
        PRIMARY KEY (snapshot_id, path)))",
    R"(CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        experiment_id BIGINT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        parent_run_id TEXT REFERENCES runs(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        target_name TEXT NOT NULL,
        status TEXT NOT NULL,
        status_reason TEXT NOT NULL DEFAULT '',
        created_ms BIGINT NOT NULL,
        started_ms BIGINT,
        ended_ms BIGINT,
        exit_code INTEGER,
        runconfig TEXT NOT NULL DEFAULT '',
        properties TEXT NOT NULL DEFAULT '{}',
        snapshot_id TEXT REFERENCES snapshots(id),
        run_dir TEXT NOT NULL DEFAULT '',
        job_handle TEXT NOT NULL DEFAULT ''))",
    R"(CREATE INDEX runs_by_experiment ON runs (experiment_id, number))",
    R"(CREATE INDEX runs_by_parent ON runs (parent_run_id))",
    R"(CREATE INDEX runs_by_status ON runs (status))",
    R"(CREATE TABLE run_status_history (
        id ${ID},
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        time_ms BIGINT NOT NULL))",
    R"(CREATE INDEX status_history_by_run ON run_status_history (run_id, id))",
    R"(CREATE TABLE metrics (
        id ${ID},
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'scalar',
        step BIGINT NOT NULL,
        value DOUBLE PRECISION,
        value_text TEXT,
        time_ms BIGINT NOT NULL))",
    R"(CREATE INDEX metrics_by_run_name_step ON metrics (run_id, name, step))",
    // Byte offsets already ingested from a run's files (metrics.jsonl, status, driver.log): advanced
    // with a compare-and-set in the same transaction as the rows they produced.
    R"(CREATE TABLE run_streams (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        stream TEXT NOT NULL,
        byte_offset BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (run_id, stream)))",
};

// Version 3: the snapshot change-detection cache, blobs, run artifacts.
const char *const migration3[] = {
    // (size, mtime, inode) of a file when it was last hashed; a match skips reading it again.
    R"(CREATE TABLE file_cache (
        root TEXT NOT NULL,
        path TEXT NOT NULL,
        size BIGINT NOT NULL,
        mtime_ns BIGINT NOT NULL,
        inode BIGINT NOT NULL,
        xxh128 TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        cached_ms BIGINT NOT NULL,
        PRIMARY KEY (root, path)))",
    R"(CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        size BIGINT NOT NULL,
        created_ms BIGINT NOT NULL))",
    R"(CREATE TABLE run_artifacts (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('output', 'log')),
        path TEXT NOT NULL,
        size BIGINT NOT NULL,
        PRIMARY KEY (run_id, kind, path)))",
};

// Version 4: metrics without AUTOINCREMENT. Its bookkeeping (a sqlite_sequence update per row)
// cost as much as the row itself; ids stay unique and increasing as long as rows are appended.
const char *const migration4[] = {
    R"(CREATE TABLE metrics_v4 (
        id ${ROWID},
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'scalar',
        step BIGINT NOT NULL,
        value DOUBLE PRECISION,
        value_text TEXT,
        time_ms BIGINT NOT NULL))",
    R"(INSERT INTO metrics_v4 (id, run_id, name, kind, step, value, value_text, time_ms)
        SELECT id, run_id, name, kind, step, value, value_text, time_ms FROM metrics)",
    R"(DROP TABLE metrics)",
    R"(ALTER TABLE metrics_v4 RENAME TO metrics)",
    R"(CREATE INDEX metrics_by_run_name_step ON metrics (run_id, name, step))",
};

// Version 5: metrics as integer-keyed series. A point's row is clustered on (series, step, seq), so
// storing it is one b-tree insert comparing integers (the text index on run and name cost more than
// the row), and a series keeps its count, range and last value for summaries without a scan.
// Points have no foreign key (its parent lookup per row cost a quarter of the insert); a trigger
// deletes them with their series.
const char *const migration5[] = {
    R"(CREATE TABLE metric_series (
        id ${ROWID},
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        point_count BIGINT NOT NULL DEFAULT 0,
        min_value DOUBLE PRECISION,
        max_value DOUBLE PRECISION,
        last_step BIGINT,
        last_seq BIGINT,
        last_value DOUBLE PRECISION,
        last_value_text TEXT,
        UNIQUE (run_id, name, kind)))",
    R"(CREATE TABLE metric_points (
        series_id BIGINT NOT NULL,
        step BIGINT NOT NULL,
        seq BIGINT NOT NULL,
        value DOUBLE PRECISION,
        value_text TEXT,
        time_ms BIGINT NOT NULL,
        PRIMARY KEY (series_id, step, seq)) ${WITHOUT_ROWID})",
    R"(INSERT INTO metric_series (run_id, name, kind, point_count, min_value, max_value)
        SELECT run_id, name, kind, COUNT(*), MIN(value), MAX(value) FROM metrics GROUP BY run_id, name, kind)",
    R"(INSERT INTO metric_points (series_id, step, seq, value, value_text, time_ms)
        SELECT s.id, m.step, ROW_NUMBER() OVER (PARTITION BY m.run_id, m.name, m.kind ORDER BY m.id) - 1,
               m.value, m.value_text, m.time_ms
        FROM metrics m JOIN metric_series s ON s.run_id = m.run_id AND s.name = m.name AND s.kind = m.kind)",
    R"(UPDATE metric_series SET (last_step, last_seq, last_value, last_value_text) =
        (SELECT step, seq, value, value_text FROM metric_points p WHERE p.series_id = metric_series.id
         ORDER BY step DESC, seq DESC LIMIT 1))",
    R"(DROP TABLE metrics)",
    R"(CREATE TRIGGER metric_series_deleted AFTER DELETE ON metric_series
        BEGIN DELETE FROM metric_points WHERE series_id = old.id; END)",
    // The flat shape of earlier versions, for reading (ad-hoc queries, tests).
    R"(CREATE VIEW metrics AS
        SELECT s.run_id, s.name, s.kind, p.step, p.seq, p.value, p.value_text, p.time_ms
        FROM metric_points p JOIN metric_series s ON s.id = p.series_id)",
};

struct Migration
{
    const char *const *statements;
    size_t count;
};

template<size_t N>
constexpr Migration migration(const char *const (&statements)[N])
{
    return {statements, N};
}

const Migration migrations[] = {migration(migration1), migration(migration2), migration(migration3), migration(migration4),
                                 migration(migration5)};
static_assert(std::size(migrations) == WorkspaceSchema::LatestVersion);

Result<void> setVersion(QSqlDatabase &db, int version)
{
    QSqlQuery query(db);
    bool ok;
    if (isSqlite(db)) {
        ok = query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
        if (ok && version == 1)
            ok = query.exec(QStringLiteral("PRAGMA application_id = %1").arg(WorkspaceSchema::ApplicationId));
    } else {
        ok = query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS trainyard_schema (version INTEGER NOT NULL)"))
             && query.exec(QStringLiteral("DELETE FROM trainyard_schema"))
             && query.exec(QStringLiteral("INSERT INTO trainyard_schema (version) VALUES (%1)").arg(version));
    }
    if (!ok)
        return Error{WorkspaceSchema::tr("Could not record schema version %1: %2").arg(version).arg(query.lastError().text())};
    return {};
}

} // namespace

Result<int> WorkspaceSchema::version(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (isSqlite(db)) {
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
            return Error{tr("Could not read the schema version: %1").arg(query.lastError().text())};
        return query.value(0).toInt();
    }
    if (!db.tables().contains(QLatin1String("trainyard_schema")))
        return 0;
    if (!query.exec(QStringLiteral("SELECT version FROM trainyard_schema")) || !query.next())
        return Error{tr("Could not read the schema version: %1").arg(query.lastError().text())};
    return query.value(0).toInt();
}

Result<void> WorkspaceSchema::migrate(QSqlDatabase db, int targetVersion)
{
    for (;;) {
        SqlTransaction transaction(db);
        if (auto begun = transaction.begin(); !begun)
            return begun;
        // Read the version inside the write transaction: another process may have migrated meanwhile.
        const Result<int> current = version(db);
        if (!current)
            return current.error();
        if (*current >= targetVersion)
            return transaction.commit();
        const int next = *current + 1;
        const Migration &step = migrations[next - 1];
        QSqlQuery query(db);
        for (size_t i = 0; i < step.count; ++i) {
            if (!query.exec(dialect(db, QString::fromUtf8(step.statements[i])))) {
                return Error{tr("Upgrading the workspace database to schema version %1 failed: %2")
                                 .arg(next).arg(query.lastError().text())};
            }
        }
        if (auto recorded = setVersion(db, next); !recorded)
            return recorded;
        if (auto committed = transaction.commit(); !committed)
            return committed;
    }
}

Result<WorkspaceSchema::FileHeader> WorkspaceSchema::readHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot read %1: %2.").arg(path, file.errorString())};
    FileHeader header;
    const QByteArray bytes = file.read(100);
    if (bytes.isEmpty() && file.size() == 0) {
        header.empty = true;
        return header;
    }
    if (bytes.size() < 100 || !bytes.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        return Error{tr("%1 is not a Trainyard workspace database: it is damaged or another kind of file.")
                         .arg(path)};
    }
    header.userVersion = qFromBigEndian<qint32>(bytes.constData() + 60);
    header.applicationId = qFromBigEndian<qint32>(bytes.constData() + 68);
    return header;
}

} // namespace Trainyard
