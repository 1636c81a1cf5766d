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

Result<void> bumpRevision(const QSqlDatabase &db)
{
    auto bumped = exec(db, QStringLiteral("UPDATE workspace_revision SET revision = revision + 1 WHERE id = 1"));
    if (!bumped)
        return bumped.error();
    return {};
}

} // namespace Trainyard::Sql
