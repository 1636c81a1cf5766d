#pragma once

#include "metricpoint.h"
#include "result.h"
#include "runrecord.h"

#include <QCoreApplication>

namespace Trainyard {

class Workspace;

struct RunFilter
{
    QString experiment;
    std::optional<RunStatus> status;
    bool activeOnly = false; // not terminal
};

// Experiments, runs, their status history, metrics and artifacts in a workspace's database.
// Uses the workspace's connection, so it lives on the workspace's thread.
class RunStore
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::RunStore)

public:
    explicit RunStore(Workspace &workspace);

    // Azure's rule: 1-255 letters, digits, '_' and '-', starting with a letter or digit.
    static QString validateExperimentName(const QString &name);

    Result<void> createExperiment(const QString &name);
    Result<QList<ExperimentSummary>> experiments() const;

    // A new run in state NotStarted, numbered within its experiment.
    Result<RunRecord> createRun(const QString &experiment, const QString &target, const QString &runConfiguration,
                                const QJsonObject &properties);
    Result<RunRecord> run(const QString &id) const;

    Result<QList<RunRecord>> runs(const RunFilter &filter) const;
    Result<QList<RunRecord>> runs() const { return runs(RunFilter()); }

    // Moves a run to `status` and appends to its history. With `expected`, only when the run is
    // still in that status (a compare-and-set, so two clients never both finish a run). Returns
    // whether the change was made. Terminal runs never change again.
    Result<bool> setStatus(const QString &id, RunStatus status, const QString &reason = {},
                           const QDateTime &time = QDateTime::currentDateTimeUtc(),
                           std::optional<RunStatus> expected = std::nullopt);
    Result<QList<RunStatusChange>> statusHistory(const QString &id) const;

    Result<void> setLaunchDetails(const QString &id, const QString &snapshotId, const QString &runDirectory,
                                  const QString &jobHandle);
    Result<void> setExitCode(const QString &id, int exitCode);
    Result<void> mergeProperties(const QString &id, const QJsonObject &properties);

    // How far a run file ("metrics", "status") has been read.
    Result<qint64> streamOffset(const QString &id, const QString &stream) const;
    // Stores `points` and moves the stream's offset from `from` to `to` in one transaction, only
    // if the offset is still `from`. Returns false when another client got there first (nothing
    // stored). Points without a step get the count of earlier values of their metric.
    Result<bool> ingestMetrics(const QString &id, qint64 from, qint64 to, QList<MetricPoint> points,
                               const QList<bool> &hasStep = {});
    Result<bool> advanceStream(const QString &id, const QString &stream, qint64 from, qint64 to);

    Result<QList<MetricPoint>> metrics(const QString &id, const QString &name = {}) const;
    Result<QStringList> metricNames(const QString &id) const;
    Result<QList<MetricSummary>> metricSummaries(const QString &id) const;

    Result<void> setArtifacts(const QString &id, const QList<RunArtifact> &artifacts);
    Result<QList<RunArtifact>> artifacts(const QString &id) const;

private:
    Workspace &m_workspace;
};

} // namespace Trainyard
