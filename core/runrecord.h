#pragma once

#include "runstatus.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace Trainyard {

// One run as stored in the workspace.
struct RunRecord
{
    QString id;                 // "<experiment>_<n>", children "<parent>_<k>"
    QString experiment;
    QString parentRunId;
    int number = 0;
    QString target;
    RunStatus status = RunStatus::NotStarted;
    QString statusReason;
    QDateTime created;
    QDateTime started;          // invalid until Running
    QDateTime ended;            // invalid until terminal
    std::optional<int> exitCode;
    QString runConfiguration;   // the YAML as submitted
    QJsonObject properties;     // script, arguments, git.*, source directory, snapshot figures
    QString snapshotId;
    QString runDirectory;       // on the target's host
    QString jobHandle;          // pid, Slurm job id, ...

    bool isTerminal() const { return RunStatusInfo::isTerminal(status); }
    // Seconds from start (or creation) to end (or now).
    qint64 durationMs(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};

struct RunStatusChange
{
    RunStatus status = RunStatus::NotStarted;
    QString reason;
    QDateTime time;
};

struct ExperimentSummary
{
    QString name;
    QDateTime created;
    int runCount = 0;
    QString latestRunId;
    std::optional<RunStatus> latestStatus;
};

struct RunArtifact
{
    QString kind; // "output" or "log"
    QString path; // relative to outputs/ or logs/
    qint64 size = 0;
};

struct MetricSummary
{
    QString name;
    QString kind;
    int count = 0;
    double last = 0;
    double minimum = 0;
    double maximum = 0;
    QString lastText; // non-scalar kinds and string values
};

} // namespace Trainyard
