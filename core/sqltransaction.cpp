#include "sqltransaction.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace Trainyard {

namespace {

bool isSqlite(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QSQLITE");
}

Error beginError(const QSqlError &error)
{
    return Error{QCoreApplication::translate("Trainyard::SqlTransaction",
                                             "The workspace database could not start a transaction: %1")
                     .arg(error.text())};
}

Error commitError(const QSqlError &error)
{
    return Error{QCoreApplication::translate("Trainyard::SqlTransaction",
                                             "The workspace database could not save a transaction: %1")
                     .arg(error.text())};
}

} // namespace

SqlTransaction::SqlTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
}

SqlTransaction::~SqlTransaction()
{
    if (!m_active)
        return;
    if (isSqlite(m_db))
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    else
        m_db.rollback();
}

Result<void> SqlTransaction::begin()
{
    if (isSqlite(m_db)) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return beginError(query.lastError());
    } else if (!m_db.transaction()) {
        return beginError(m_db.lastError());
    }
    m_active = true;
    return {};
}

Result<void> SqlTransaction::commit()
{
    if (isSqlite(m_db)) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("COMMIT")))
            return commitError(query.lastError());
    } else if (!m_db.commit()) {
        return commitError(m_db.lastError());
    }
    m_active = false;
    return {};
}

} // namespace Trainyard
