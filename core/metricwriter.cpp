#include "metricwriter.h"

#include "sql.h"

#include <QHash>
#include <QSqlDriver>
#include <QVariant>

#include <cmath>
#include <limits>

#include <sqlite3.h>

namespace Trainyard {

namespace {

using Sql::exec;

struct Series
{
    QString name;
    QString kind;
    qint64 id = 0;
    qint64 count = 0;
    double minimum = std::numeric_limits<double>::quiet_NaN();
    double maximum = std::numeric_limits<double>::quiet_NaN();
    bool hasLast = false;
    qint64 lastStep = 0;
    qint64 lastSeq = 0;
    double lastValue = std::numeric_limits<double>::quiet_NaN();
    QString lastText;
    bool changed = false;
};

// A point's row, ready to bind.
struct Row
{
    qsizetype seriesIndex;
    qint64 seriesId;
    qint64 step;
    qint64 seq;
    const MetricPoint *point;
};

QString seriesKey(const QString &name, const QString &kind)
{
    return name + QLatin1Char('\n') + kind;
}

QVariant nullable(double value)
{
    return std::isfinite(value) ? QVariant(value) : QVariant();
}

bool storesValue(const MetricPoint &point)
{
    return std::isfinite(point.value) && point.text.isNull();
}

QString databaseError(const QString &message)
{
    return MetricWriter::tr("The workspace database reported an error: %1").arg(message);
}

// The connection's sqlite3 handle, or null for other drivers.
sqlite3 *nativeSqlite(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (db.driverName() != QLatin1String("QSQLITE") || !handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.data());
}

// Point rows are the hot path (hundreds of thousands per minute from a busy run): on SQLite they go
// through one prepared statement on the native handle, which skips QtSql's per-value binding
// bookkeeping (it dominated the profile); other drivers use the QtSql batch.
Result<void> insertRows(const QSqlDatabase &db, const QList<Row> &rows)
{
    if (sqlite3 *connection = nativeSqlite(db)) {
        // Rows go in groups of RowsPerStatement: a statement's setup and teardown cost as much as
        // storing a row, so the group shares it.
        constexpr int RowsPerStatement = 64;
        constexpr int Columns = 6;
        auto prepare = [connection](int count, sqlite3_stmt **statement) {
            QByteArray sql = "INSERT INTO metric_points (series_id, step, seq, value, value_text, time_ms) VALUES ";
            for (int i = 0; i < count; ++i)
                sql += i ? ",(?,?,?,?,?,?)" : "(?,?,?,?,?,?)";
            return sqlite3_prepare_v2(connection, sql.constData(), int(sql.size()), statement, nullptr) == SQLITE_OK;
        };
        sqlite3_stmt *group = nullptr;
        sqlite3_stmt *single = nullptr;
        auto finalize = [&] {
            sqlite3_finalize(group);
            sqlite3_finalize(single);
        };
        if (!prepare(RowsPerStatement, &group) || !prepare(1, &single)) {
            const QString message = QString::fromUtf8(sqlite3_errmsg(connection));
            finalize();
            return Error{databaseError(message)};
        }
        const qsizetype grouped = rows.size() - rows.size() % RowsPerStatement;
        for (qsizetype first = 0; first < rows.size();) {
            sqlite3_stmt *statement = first < grouped ? group : single;
            const int count = first < grouped ? RowsPerStatement : 1;
            for (int i = 0; i < count; ++i) {
                const Row &row = rows.at(first + i);
                const MetricPoint &point = *row.point;
                const int column = i * Columns;
                sqlite3_bind_int64(statement, column + 1, row.seriesId);
                sqlite3_bind_int64(statement, column + 2, row.step);
                sqlite3_bind_int64(statement, column + 3, row.seq);
                if (storesValue(point))
                    sqlite3_bind_double(statement, column + 4, point.value);
                else
                    sqlite3_bind_null(statement, column + 4);
                if (point.text.isNull()) {
                    sqlite3_bind_null(statement, column + 5);
                } else {
                    const QByteArray text = point.text.toUtf8();
                    sqlite3_bind_text(statement, column + 5, text.constData(), int(text.size()), SQLITE_TRANSIENT);
                }
                sqlite3_bind_int64(statement, column + 6, point.timeMs);
            }
            if (sqlite3_step(statement) != SQLITE_DONE) {
                const QString message = QString::fromUtf8(sqlite3_errmsg(connection));
                finalize();
                return Error{databaseError(message)};
            }
            sqlite3_reset(statement);
            first += count;
        }
        finalize();
        return {};
    }

    QList<QVariantList> values;
    values.reserve(rows.size());
    for (const Row &row : rows) {
        const MetricPoint &point = *row.point;
        values.append({row.seriesId, row.step, row.seq, storesValue(point) ? QVariant(point.value) : QVariant(),
                       point.text.isNull() ? QVariant() : QVariant(point.text), point.timeMs});
    }
    return Sql::insertRows(db, QStringLiteral("metric_points"),
                           {QStringLiteral("series_id"), QStringLiteral("step"), QStringLiteral("seq"), QStringLiteral("value"),
                            QStringLiteral("value_text"), QStringLiteral("time_ms")},
                           values);
}

} // namespace

Result<void> MetricWriter::append(const QSqlDatabase &db, const QString &runId, const QList<MetricPoint> &points,
                                  const QList<bool> &hasStep)
{
    if (points.isEmpty())
        return {};

    QList<Series> series;
    QHash<QString, qsizetype> byKey;
    auto known = exec(db,
                      QStringLiteral("SELECT id, name, kind, point_count, min_value, max_value, last_step, last_seq, last_value, "
                                     "last_value_text FROM metric_series WHERE run_id = ?"),
                      {runId});
    if (!known)
        return known.error();
    while (known->next()) {
        Series s;
        s.id = known->value(0).toLongLong();
        s.name = known->value(1).toString();
        s.kind = known->value(2).toString();
        s.count = known->value(3).toLongLong();
        if (!known->value(4).isNull()) {
            s.minimum = known->value(4).toDouble();
            s.maximum = known->value(5).toDouble();
        }
        s.hasLast = !known->value(6).isNull();
        s.lastStep = known->value(6).toLongLong();
        s.lastSeq = known->value(7).toLongLong();
        s.lastValue = known->value(8).isNull() ? std::numeric_limits<double>::quiet_NaN() : known->value(8).toDouble();
        s.lastText = known->value(9).isNull() ? QString() : known->value(9).toString();
        byKey.insert(seriesKey(s.name, s.kind), series.size());
        series.append(s);
    }
    known->finish();

    QList<Row> rows;
    rows.reserve(points.size());
    // Runs log a handful of metrics in turn: a short list is searched before building a hash key.
    constexpr qsizetype LinearSearchLimit = 32;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const MetricPoint &point = points.at(i);
        qsizetype index = -1;
        if (series.size() <= LinearSearchLimit) {
            for (qsizetype j = 0; j < series.size() && index < 0; ++j) {
                if (series.at(j).name == point.name && series.at(j).kind == point.kind)
                    index = j;
            }
        } else {
            index = byKey.value(seriesKey(point.name, point.kind), -1);
        }
        if (index < 0) {
            auto created = exec(db, QStringLiteral("INSERT INTO metric_series (run_id, name, kind) VALUES (?, ?, ?)"),
                                {runId, point.name, point.kind});
            if (!created)
                return created.error();
            Series s;
            s.name = point.name;
            s.kind = point.kind;
            s.id = created->lastInsertId().toLongLong();
            index = series.size();
            byKey.insert(seriesKey(s.name, s.kind), index);
            series.append(s);
        }

        Series &s = series[index];
        const qint64 seq = s.count++;
        const qint64 step = (i < hasStep.size() && !hasStep.at(i)) ? seq : point.step;
        if (storesValue(point)) {
            if (std::isnan(s.minimum) || point.value < s.minimum)
                s.minimum = point.value;
            if (std::isnan(s.maximum) || point.value > s.maximum)
                s.maximum = point.value;
        }
        if (!s.hasLast || step > s.lastStep || (step == s.lastStep && seq > s.lastSeq)) {
            s.hasLast = true;
            s.lastStep = step;
            s.lastSeq = seq;
            s.lastValue = storesValue(point) ? point.value : std::numeric_limits<double>::quiet_NaN();
            s.lastText = point.text;
        }
        s.changed = true;
        rows.append({index, s.id, step, seq, &point});
    }

    // Grouped by series (steps mostly ascend within one), each series' points go in as a run of
    // neighbouring b-tree cells instead of alternating between distant pages.
    if (series.size() > 1) {
        QList<qsizetype> start(series.size() + 1, 0);
        for (const Row &row : std::as_const(rows))
            ++start[row.seriesIndex + 1];
        for (qsizetype j = 1; j < start.size(); ++j)
            start[j] += start[j - 1];
        QList<Row> grouped(rows.size());
        for (const Row &row : std::as_const(rows))
            grouped[start[row.seriesIndex]++] = row;
        rows.swap(grouped);
    }
    if (auto inserted = insertRows(db, rows); !inserted)
        return inserted;
    for (const Series &s : std::as_const(series)) {
        if (!s.changed)
            continue;
        auto updated = exec(db,
                            QStringLiteral("UPDATE metric_series SET point_count = ?, min_value = ?, max_value = ?, last_step = ?, "
                                           "last_seq = ?, last_value = ?, last_value_text = ? WHERE id = ?"),
                            {s.count, nullable(s.minimum), nullable(s.maximum), s.lastStep, s.lastSeq, nullable(s.lastValue),
                             s.lastText.isNull() ? QVariant() : QVariant(s.lastText), s.id});
        if (!updated)
            return updated.error();
    }
    return {};
}

} // namespace Trainyard
