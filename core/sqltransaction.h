#pragma once

#include "result.h"

#include <QSqlDatabase>

namespace Trainyard {

// A scoped write transaction. On SQLite it begins IMMEDIATE, so a writer takes the write lock up
// front and waits out busy_timeout instead of failing on a read-to-write upgrade; other drivers use
// QSqlDatabase::transaction(). Rolls back unless commit() succeeded.
class SqlTransaction
{
public:
    explicit SqlTransaction(QSqlDatabase db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    Result<void> begin();
    Result<void> commit();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace Trainyard
