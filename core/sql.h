#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

namespace Trainyard::Sql {

// Prepares and runs one statement with positional values. A null QString binds as '' (text
// columns hold empty strings); pass QVariant() for SQL NULL.
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
// Inserts many rows with multi-row INSERT statements (hundreds of rows per statement), which
// is several times faster than one statement per row. Call inside a transaction.
Result<void> insertRows(const QSqlDatabase &db, const QString &table, const QStringList &columns, const QList<QVariantList> &rows);
// Bumps the workspace revision that front ends poll; call inside the writing transaction.
Result<void> bumpRevision(const QSqlDatabase &db);

} // namespace Trainyard::Sql
