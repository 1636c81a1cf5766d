#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace Trainyard {

// The versioned schema of a workspace database. Migrations are ordered; each runs in its own
// transaction and records its version (SQLite: PRAGMA user_version; other drivers: the
// trainyard_schema table), so a crash between two of them leaves a valid, older schema.
class WorkspaceSchema
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::WorkspaceSchema)

public:
    static constexpr int LatestVersion = 5;
    // PRAGMA application_id of a Trainyard SQLite workspace ("TYAR").
    static constexpr qint32 ApplicationId = 0x54594152;

    // The stored version; 0 for a database that holds no Trainyard schema yet.
    static Result<int> version(const QSqlDatabase &db);
    // Brings the schema up to targetVersion, one transaction per step.
    static Result<void> migrate(QSqlDatabase db, int targetVersion = LatestVersion);

    // Header facts of a SQLite file, read without opening it through SQLite (so a foreign or
    // newer file is never touched).
    struct FileHeader
    {
        bool empty = false;        // a zero-length file (SQLite treats it as a new database)
        qint32 userVersion = 0;
        qint32 applicationId = 0;
    };
    static Result<FileHeader> readHeader(const QString &path);
};

} // namespace Trainyard
