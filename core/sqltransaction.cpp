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

Error transactionError(const char *what, const QSqlError &error)
{
    return Error{QCoreApplication::translate("Trainyard::SqlTransaction",
                                             "The workspace database could not %1 a transaction: %2")
                     .arg(QCoreApplication::translate("Trainyard::SqlTransaction", what), error.text())};
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
            return transactionError(QT_TRANSLATE_NOOP("Trainyard::SqlTransaction", "begin"), query.lastError());
    } else if (!m_db.transaction()) {
        return transactionError(QT_TRANSLATE_NOOP("Trainyard::SqlTransaction", "begin"), m_db.lastError());
    }
    m_active = true;
    return {};
}

Result<void> SqlTransaction::commit()
{
    if (isSqlite(m_db)) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("COMMIT")))
            return transactionError(QT_TRANSLATE_NOOP("Trainyard::SqlTransaction", "commit"), query.lastError());
    } else if (!m_db.commit()) {
        return transactionError(QT_TRANSLATE_NOOP("Trainyard::SqlTransaction", "commit"), m_db.lastError());
    }
    m_active = false;
    return {};
}

} // namespace Trainyard
