#pragma once

#include "computetarget.h"
#include "finding.h"
#include "runconfiguration.h"

#include <QCoreApplication>
#include <QHash>

namespace Trainyard {

// Checks a run configuration against REFERENCE.md §1 and the workspace: cross-field rules, the
// target and its node limit, value ranges, environment variable names, and the files it names.
// Returns every finding at once, each with the line and column of the key it is about.
class RunConfigurationValidator
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::RunConfigurationValidator)

public:
    struct Context
    {
        QString fileName;
        QHash<QString, SourcePosition> positions;
        // The project folder the script and conda file are relative to; empty skips file checks.
        QString sourceDirectory;
        // The workspace's compute targets; empty when checked outside a workspace (a warning).
        std::optional<QList<ComputeTarget>> targets;
    };

    static QList<Finding> validate(const RunConfiguration &configuration, const Context &context);
    static bool isValidEnvironmentVariableName(const QString &name);
};

} // namespace Trainyard
