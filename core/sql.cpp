#include "sql.h"

#include <QCoreApplication>
#include <QSqlError>

namespace Trainyard::Sql {

Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    auto failure = [&] {
        return Error{QCoreApplication::translate("Trainyard::Workspace", "The workspace database reported an error: %1")
                         .arg(query.lastError().text())};
    };
    if (!query.prepare(sql))
        return failure();
    for (const QVariant &value : values) {
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QString(QLatin1String("")));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        return failure();
    return query;
}

Result<void> insertRows(const QSqlDatabase &db, const QString &table, const QStringList &columns, const QList<QVariantList> &rows)
{
    if (rows.isEmpty())
        return {};
    // execBatch hands the values to the driver without QSqlQuery::bindValue's per-value
    // bookkeeping, which dominates a per-row bind loop; on SQLite it is one statement stepped per
    // row, so it must run inside the caller's transaction.
    QSqlQuery query(db);
    const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                            .arg(table, columns.join(QLatin1Char(',')),
                                 QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')));
    if (!query.prepare(sql)) {
        return Error{QCoreApplication::translate("Trainyard::Workspace", "The workspace database reported an error: %1")
                         .arg(query.lastError().text())};
    }
    QList<QVariantList> byColumn(columns.size());
    for (QVariantList &column : byColumn)
        column.reserve(rows.size());
    for (const QVariantList &row : rows) {
        for (qsizetype c = 0; c < byColumn.size(); ++c)
            byColumn[c].append(row.value(c));
    }
    for (qsizetype c = 0; c < byColumn.size(); ++c)
        query.addBindValue(byColumn.at(c));
    if (!query.execBatch()) {
        return Error{QCoreApplication::translate("Trainyard::Workspace", "The workspace database reported an error: %1")
                         .arg(query.lastError().text())};
    }
    return {};
}

Result<void> bumpRevision(const QSqlDatabase &db)
{
    auto bumped = exec(db, QStringLiteral("UPDATE workspace_revision SET revision = revision + 1 WHERE id = 1"));
    if (!bumped)
        return bumped.error();
    return {};
}

} // namespace Trainyard::Sql
