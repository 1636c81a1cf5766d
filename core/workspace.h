#pragma once

#include "computetarget.h"
#include "metricpoint.h"
#include "result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

namespace Trainyard {

// A workspace: a folder holding workspace.db (SQLite: WAL, foreign keys, busy_timeout) and
// artifacts/. Holds compute targets, experiments, runs, snapshots and metrics. Every access goes
// through QtSql so the same code can run on PostgreSQL.
//
// One Workspace object owns one database connection and must be used from the thread that opened
// it; open another Workspace on the same folder for another thread.
class Workspace
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::Workspace)

public:
    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    // $TRAINYARD_WORKSPACE, else <AppDataLocation>/workspaces/default.
    static QString defaultLocation();

    // Opens the workspace in `location`, creating the folder and the database when missing and
    // upgrading an older schema. A folder that is not writable, a damaged or foreign workspace.db,
    // or one written by a newer Trainyard gives an error and leaves everything on disk untouched.
    static Result<std::unique_ptr<Workspace>> open(const QString &location);

    QString location() const { return m_location; }
    QString name() const;
    QString databasePath() const;
    QString artifactsPath() const;
    QSqlDatabase database() const;
    int schemaVersion() const;
    QDateTime created() const;

    // A counter bumped by every change a front end shows; poll it to notice other processes' work.
    Result<qint64> revision() const;

    struct Summary
    {
        int computeTargets = 0;
        int experiments = 0;
        int runs = 0;
    };
    Result<Summary> summary() const;

    Result<QList<ComputeTarget>> computeTargets() const;
    Result<ComputeTarget> computeTarget(const QString &name) const;
    Result<void> addComputeTarget(const ComputeTarget &target);
    // Updates state, error text and properties of the target with target.name.
    Result<void> updateComputeTarget(const ComputeTarget &target);
    Result<void> removeComputeTarget(const QString &name);
    Result<void> renameComputeTarget(const QString &from, const QString &to);

    Result<qint64> createExperiment(const QString &name);
    // Creates a run "<experiment>_<n>" in state NotStarted, creating the experiment when missing.
    Result<QString> createRun(const QString &experiment, const QString &target);
    // Stores a batch of metric points in one transaction.
    // Makes every committed transaction durable now, also against a power loss (the WAL is
    // checkpointed and synced): for records that must not be lost, like a remote job's handle.
    Result<void> checkpoint();
    Result<void> insertMetrics(const QString &runId, const QList<MetricPoint> &points);

private:
    Workspace() = default;

    Result<void> initialize();
    Result<void> syncLocalTarget();
    Result<void> bumpRevision();
    void markOpen();

    QString m_location;
    QString m_connectionName;
    int m_schemaVersion = 0;
    bool m_registered = false;
};

} // namespace Trainyard
