#include "runstore.h"

#include "metricwriter.h"
#include "sql.h"
#include "sqltransaction.h"
#include "workspace.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>

#include <limits>

namespace Trainyard {

namespace {

using Sql::exec;

QDateTime fromMs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

const char runColumns[] = "r.id, e.name, r.parent_run_id, r.number, r.target_name, r.status, r.status_reason, r.created_ms, "
                          "r.started_ms, r.ended_ms, r.exit_code, r.runconfig, r.properties, r.snapshot_id, r.run_dir, r.job_handle";

RunRecord runFromRow(const QSqlQuery &q)
{
    RunRecord run;
    run.id = q.value(0).toString();
    run.experiment = q.value(1).toString();
    run.parentRunId = q.value(2).toString();
    run.number = q.value(3).toInt();
    run.target = q.value(4).toString();
    run.status = RunStatusInfo::fromKey(q.value(5).toString()).value_or(RunStatus::NotStarted);
    run.statusReason = q.value(6).toString();
    run.created = fromMs(q.value(7));
    run.started = fromMs(q.value(8));
    run.ended = fromMs(q.value(9));
    if (!q.value(10).isNull())
        run.exitCode = q.value(10).toInt();
    run.runConfiguration = q.value(11).toString();
    run.properties = QJsonDocument::fromJson(q.value(12).toString().toUtf8()).object();
    run.snapshotId = q.value(13).toString();
    run.runDirectory = q.value(14).toString();
    run.jobHandle = q.value(15).toString();
    return run;
}

} // namespace

qint64 RunRecord::durationMs(const QDateTime &now) const
{
    const QDateTime from = started.isValid() ? started : created;
    const QDateTime to = ended.isValid() ? ended : now;
    return from.isValid() ? std::max<qint64>(0, from.msecsTo(to)) : 0;
}

RunStore::RunStore(Workspace &workspace)
    : m_workspace(workspace)
{
}

QString RunStore::validateExperimentName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$"));
    if (name.isEmpty())
        return tr("An experiment needs a name.");
    if (!pattern.match(name).hasMatch()) {
        return tr("The experiment name “%1” may contain only letters, digits, “_” and “-”, must start with a letter or "
                  "digit, and have at most 255 characters.").arg(name);
    }
    return {};
}

Result<void> RunStore::createExperiment(const QString &name)
{
    if (const QString problem = validateExperimentName(name); !problem.isEmpty())
        return Error{problem};
    const auto id = m_workspace.createExperiment(name);
    if (!id)
        return id.error();
    return {};
}

Result<QList<ExperimentSummary>> RunStore::experiments() const
{
    auto q = exec(m_workspace.database(),
                  QStringLiteral("SELECT e.name, e.created_ms, (SELECT COUNT(*) FROM runs r WHERE r.experiment_id = e.id AND "
                                 "r.parent_run_id IS NULL), (SELECT r.id FROM runs r WHERE r.experiment_id = e.id AND "
                                 "r.parent_run_id IS NULL ORDER BY r.number DESC LIMIT 1), (SELECT r.status FROM runs r WHERE "
                                 "r.experiment_id = e.id AND r.parent_run_id IS NULL ORDER BY r.number DESC LIMIT 1) "
                                 "FROM experiments e ORDER BY e.name"));
    if (!q)
        return q.error();
    QList<ExperimentSummary> list;
    while (q->next()) {
        ExperimentSummary e;
        e.name = q->value(0).toString();
        e.created = fromMs(q->value(1));
        e.runCount = q->value(2).toInt();
        e.latestRunId = q->value(3).toString();
        if (!q->value(4).isNull())
            e.latestStatus = RunStatusInfo::fromKey(q->value(4).toString());
        list.append(e);
    }
    return list;
}

Result<RunRecord> RunStore::createRun(const QString &experiment, const QString &target, const QString &runConfiguration,
                                      const QJsonObject &properties)
{
    if (const QString problem = validateExperimentName(experiment); !problem.isEmpty())
        return Error{problem};
    const auto id = m_workspace.createRun(experiment, target);
    if (!id)
        return id.error();
    auto updated = exec(m_workspace.database(), QStringLiteral("UPDATE runs SET runconfig = ?, properties = ? WHERE id = ?"),
                        {runConfiguration, jsonText(properties), *id});
    if (!updated)
        return updated.error();
    return run(*id);
}

Result<RunRecord> RunStore::run(const QString &id) const
{
    auto q = exec(m_workspace.database(),
                  QStringLiteral("SELECT %1 FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE r.id = ?")
                      .arg(QLatin1String(runColumns)),
                  {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{tr("There is no run “%1” in this workspace.").arg(id)};
    return runFromRow(*q);
}

Result<QList<RunRecord>> RunStore::runs(const RunFilter &filter) const
{
    QString sql = QStringLiteral("SELECT %1 FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE 1 = 1")
                      .arg(QLatin1String(runColumns));
    QVariantList values;
    if (!filter.experiment.isEmpty()) {
        sql += QLatin1String(" AND e.name = ?");
        values << filter.experiment;
    }
    if (filter.status) {
        sql += QLatin1String(" AND r.status = ?");
        values << RunStatusInfo::key(*filter.status);
    }
    if (filter.activeOnly)
        sql += QLatin1String(" AND r.status NOT IN ('Completed', 'Failed', 'Canceled')");
    sql += QLatin1String(" ORDER BY r.created_ms DESC, r.id DESC");
    auto q = exec(m_workspace.database(), sql, values);
    if (!q)
        return q.error();
    QList<RunRecord> list;
    while (q->next())
        list.append(runFromRow(*q));
    return list;
}

Result<bool> RunStore::setStatus(const QString &id, RunStatus status, const QString &reason, const QDateTime &time,
                                 std::optional<RunStatus> expected)
{
    const QSqlDatabase db = m_workspace.database();
    SqlTransaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto current = exec(db, QStringLiteral("SELECT status, status_reason FROM runs WHERE id = ?"), {id});
    if (!current)
        return current.error();
    if (!current->next())
        return Error{tr("There is no run “%1” in this workspace.").arg(id)};
    const RunStatus now = RunStatusInfo::fromKey(current->value(0).toString()).value_or(RunStatus::NotStarted);
    const QString nowReason = current->value(1).toString();
    current->finish();
    // The same status with a new reason (Queued: "Resources", then "Priority") is a change too.
    const bool sameStatus = now == status && (reason.isEmpty() || reason == nowReason);
    if (RunStatusInfo::isTerminal(now) || (expected && now != *expected) || sameStatus) {
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        return false;
    }
    const qint64 ms = time.toMSecsSinceEpoch();
    QString sql = QStringLiteral("UPDATE runs SET status = ?, status_reason = ?");
    QVariantList values{RunStatusInfo::key(status), reason};
    if (status == RunStatus::Running) {
        sql += QLatin1String(", started_ms = COALESCE(started_ms, ?)");
        values << ms;
    }
    if (RunStatusInfo::isTerminal(status)) {
        sql += QLatin1String(", ended_ms = ?, started_ms = COALESCE(started_ms, ?)");
        values << ms << ms;
    }
    sql += QLatin1String(" WHERE id = ? AND status = ?");
    values << id << RunStatusInfo::key(now);
    auto updated = exec(db, sql, values);
    if (!updated)
        return updated.error();
    if (auto history = exec(db, QStringLiteral("INSERT INTO run_status_history (run_id, status, reason, time_ms) VALUES (?, ?, ?, ?)"),
                            {id, RunStatusInfo::key(status), reason, ms});
        !history) {
        return history.error();
    }
    if (auto bumped = Sql::bumpRevision(db); !bumped)
        return bumped.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return true;
}

Result<QList<RunStatusChange>> RunStore::statusHistory(const QString &id) const
{
    auto q = exec(m_workspace.database(), QStringLiteral("SELECT status, reason, time_ms FROM run_status_history WHERE run_id = ? "
                                                         "ORDER BY id"),
                  {id});
    if (!q)
        return q.error();
    QList<RunStatusChange> list;
    while (q->next())
        list.append({RunStatusInfo::fromKey(q->value(0).toString()).value_or(RunStatus::NotStarted), q->value(1).toString(),
                     fromMs(q->value(2))});
    return list;
}

Result<void> RunStore::setLaunchDetails(const QString &id, const QString &snapshotId, const QString &runDirectory,
                                        const QString &jobHandle)
{
    auto q = exec(m_workspace.database(),
                  QStringLiteral("UPDATE runs SET snapshot_id = COALESCE(?, snapshot_id), run_dir = ?, job_handle = ? WHERE id = ?"),
                  {snapshotId.isEmpty() ? QVariant() : QVariant(snapshotId), runDirectory, jobHandle, id});
    if (!q)
        return q.error();
    return {};
}

Result<void> RunStore::setExitCode(const QString &id, int exitCode)
{
    auto q = exec(m_workspace.database(), QStringLiteral("UPDATE runs SET exit_code = ? WHERE id = ?"), {exitCode, id});
    if (!q)
        return q.error();
    return {};
}

Result<void> RunStore::mergeProperties(const QString &id, const QJsonObject &properties)
{
    const QSqlDatabase db = m_workspace.database();
    SqlTransaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto q = exec(db, QStringLiteral("SELECT properties FROM runs WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{tr("There is no run “%1” in this workspace.").arg(id)};
    QJsonObject merged = QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object();
    q->finish();
    for (auto it = properties.begin(); it != properties.end(); ++it)
        merged.insert(it.key(), it.value());
    if (auto updated = exec(db, QStringLiteral("UPDATE runs SET properties = ? WHERE id = ?"), {jsonText(merged), id}); !updated)
        return updated.error();
    if (auto bumped = Sql::bumpRevision(db); !bumped)
        return bumped;
    return transaction.commit();
}

Result<qint64> RunStore::streamOffset(const QString &id, const QString &stream) const
{
    auto q = exec(m_workspace.database(), QStringLiteral("SELECT byte_offset FROM run_streams WHERE run_id = ? AND stream = ?"),
                  {id, stream});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

namespace {

// Moves a stream's offset from `from` to `to` inside the caller's transaction; false when the
// stored offset is not `from` (another client advanced it).
Result<bool> compareAndSetOffset(const QSqlDatabase &db, const QString &id, const QString &stream, qint64 from, qint64 to)
{
    if (from == 0) {
        auto existing = exec(db, QStringLiteral("SELECT byte_offset FROM run_streams WHERE run_id = ? AND stream = ?"), {id, stream});
        if (!existing)
            return existing.error();
        if (!existing->next()) {
            existing->finish();
            auto inserted = exec(db, QStringLiteral("INSERT INTO run_streams (run_id, stream, byte_offset) VALUES (?, ?, ?)"),
                                 {id, stream, to});
            if (!inserted)
                return inserted.error();
            return true;
        }
    }
    auto updated = exec(db, QStringLiteral("UPDATE run_streams SET byte_offset = ? WHERE run_id = ? AND stream = ? AND byte_offset = ?"),
                        {to, id, stream, from});
    if (!updated)
        return updated.error();
    return updated->numRowsAffected() == 1;
}

} // namespace

Result<bool> RunStore::advanceStream(const QString &id, const QString &stream, qint64 from, qint64 to)
{
    const QSqlDatabase db = m_workspace.database();
    SqlTransaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const auto moved = compareAndSetOffset(db, id, stream, from, to);
    if (!moved)
        return moved.error();
    if (!*moved)
        return false;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return true;
}

Result<bool> RunStore::ingestMetrics(const QString &id, qint64 from, qint64 to, QList<MetricPoint> points,
                                     const QList<bool> &hasStep)
{
    const QSqlDatabase db = m_workspace.database();
    SqlTransaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const auto moved = compareAndSetOffset(db, id, QStringLiteral("metrics"), from, to);
    if (!moved)
        return moved.error();
    if (!*moved)
        return false; // the rollback in ~SqlTransaction undoes nothing: nothing was written

    if (auto appended = MetricWriter::append(db, id, points, hasStep); !appended)
        return appended.error();
    if (!points.isEmpty()) {
        if (auto bumped = Sql::bumpRevision(db); !bumped)
            return bumped.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return true;
}

Result<QList<MetricPoint>> RunStore::metrics(const QString &id, const QString &name) const
{
    QString sql = QStringLiteral("SELECT s.name, s.kind, p.step, p.value, p.value_text, p.time_ms "
                                 "FROM metric_series s JOIN metric_points p ON p.series_id = s.id WHERE s.run_id = ?");
    QVariantList values{id};
    if (!name.isEmpty()) {
        sql += QLatin1String(" AND s.name = ?");
        values << name;
    }
    sql += QLatin1String(" ORDER BY s.name, p.step, p.seq");
    auto q = exec(m_workspace.database(), sql, values);
    if (!q)
        return q.error();
    QList<MetricPoint> list;
    while (q->next()) {
        MetricPoint point;
        point.name = q->value(0).toString();
        point.kind = q->value(1).toString();
        point.step = q->value(2).toLongLong();
        point.value = q->value(3).isNull() ? std::numeric_limits<double>::quiet_NaN() : q->value(3).toDouble();
        point.text = q->value(4).isNull() ? QString() : q->value(4).toString();
        point.timeMs = q->value(5).toLongLong();
        list.append(point);
    }
    return list;
}

Result<QStringList> RunStore::metricNames(const QString &id) const
{
    auto q = exec(m_workspace.database(), QStringLiteral("SELECT DISTINCT name FROM metric_series WHERE run_id = ? ORDER BY name"), {id});
    if (!q)
        return q.error();
    QStringList names;
    while (q->next())
        names << q->value(0).toString();
    return names;
}

Result<QList<MetricSummary>> RunStore::metricSummaries(const QString &id) const
{
    auto q = exec(m_workspace.database(),
                  QStringLiteral("SELECT name, kind, point_count, min_value, max_value, last_value, last_value_text "
                                 "FROM metric_series WHERE run_id = ? ORDER BY name, kind"),
                  {id});
    if (!q)
        return q.error();
    QList<MetricSummary> list;
    while (q->next()) {
        MetricSummary s;
        s.name = q->value(0).toString();
        s.kind = q->value(1).toString();
        s.count = q->value(2).toInt();
        s.minimum = q->value(3).isNull() ? std::numeric_limits<double>::quiet_NaN() : q->value(3).toDouble();
        s.maximum = q->value(4).isNull() ? std::numeric_limits<double>::quiet_NaN() : q->value(4).toDouble();
        s.last = q->value(5).isNull() ? std::numeric_limits<double>::quiet_NaN() : q->value(5).toDouble();
        s.lastText = q->value(6).toString();
        list.append(s);
    }
    return list;
}

Result<void> RunStore::setArtifacts(const QString &id, const QList<RunArtifact> &artifacts)
{
    const QSqlDatabase db = m_workspace.database();
    SqlTransaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (auto cleared = exec(db, QStringLiteral("DELETE FROM run_artifacts WHERE run_id = ?"), {id}); !cleared)
        return cleared.error();
    for (const RunArtifact &artifact : artifacts) {
        if (auto inserted = exec(db, QStringLiteral("INSERT INTO run_artifacts (run_id, kind, path, size) VALUES (?, ?, ?, ?)"),
                                 {id, artifact.kind, artifact.path, artifact.size});
            !inserted) {
            return inserted.error();
        }
    }
    if (auto bumped = Sql::bumpRevision(db); !bumped)
        return bumped;
    return transaction.commit();
}

Result<QList<RunArtifact>> RunStore::artifacts(const QString &id) const
{
    auto q = exec(m_workspace.database(), QStringLiteral("SELECT kind, path, size FROM run_artifacts WHERE run_id = ? ORDER BY kind, path"),
                  {id});
    if (!q)
        return q.error();
    QList<RunArtifact> list;
    while (q->next())
        list.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toLongLong()});
    return list;
}

} // namespace Trainyard
