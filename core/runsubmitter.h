#pragma once

#include "finding.h"
#include "result.h"
#include "runrecord.h"
#include "snapshotstore.h"

#include <QCoreApplication>
#include <QStringList>

namespace Trainyard {

class Workspace;

struct SubmitRequest
{
    QString experiment;           // empty: config.json's experiment, else the folder's name
    QString sourceDirectory;      // the project folder
    QString runConfiguration;     // a name ("local") or a path
    QString script;               // overrides the runconfig's script when set
    std::optional<QStringList> arguments; // replace the runconfig's arguments when set
    SnapshotLimits limits;
};

struct SubmitOutcome
{
    RunRecord run;
    Snapshot snapshot;
    QList<Finding> warnings;
};

// Submits a run to the local target: checks the run configuration, records the run, snapshots
// the project, materializes the run directory and starts the detached launcher.
class RunSubmitter
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::RunSubmitter)

public:
    explicit RunSubmitter(Workspace &workspace);

    // Errors before the run exists (a bad run configuration) come back as an Error; once the run
    // exists, problems mark it Failed with the reason, and the outcome is still returned.
    Result<SubmitOutcome> submit(const SubmitRequest &request);

    // Where local runs live: <workspace>/runs/<run id>.
    QString runsRoot() const;

private:
    Workspace &m_workspace;
};

} // namespace Trainyard
