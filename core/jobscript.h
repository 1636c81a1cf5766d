#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

namespace Trainyard {

// The launcher every run starts with: .trainyard/job.sh, a POSIX sh script that records its pid,
// sets the environment, runs the script with its output in driver.log, enforces the time limit,
// and writes the exit code atomically. Every value is quoted for sh.
struct JobScript
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::JobScript)

public:
    QString runId;
    QString experiment;
    QString runDirectory;                 // absolute
    QString interpreter;                  // "python3", "/usr/bin/python3", ...
    QString script;                       // relative to the run directory
    QStringList arguments;
    QMap<QString, QString> environment;   // names already validated
    qint64 maxRunDurationSeconds = 0;     // 0: no limit
    int killGraceSeconds = 10;
    // userManagedDependencies: false — build (once) and use a conda environment.
    QString condaFile;                    // relative to the run directory; empty: none
    QString condaPrefix;                  // where the environment lives (cached by file hash)
    // Inside a Slurm job: the script starts through `srun`, one task per node (or
    // `tasksPerNode` for MPI), each with the rank variables of its communicator.
    bool slurm = false;
    int tasksPerNode = 1;

    QString text() const;
};

} // namespace Trainyard
