#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

namespace Trainyard::Sql {

// Prepares and runs one statement with positional values. A null QString binds as '' (text
// columns hold empty strings); pass QVariant() for SQL NULL.
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
// Bumps the workspace revision that front ends poll; call inside the writing transaction.
Result<void> bumpRevision(const QSqlDatabase &db);

} // namespace Trainyard::Sql
