#pragma once

#include "finding.h"
#include "result.h"
#include "runconfiguration.h"

#include <QCoreApplication>
#include <QHash>

namespace Trainyard {

struct OrderedValue;

// Reads and writes run configuration files: YAML with comments (an empty value is null) or JSON.
// Keys match in any case ("amlcompute" and "amlCompute"), enum values too; unknown keys are kept
// and written back; files are written with canonical camelCase keys.
class RunConfigurationFile
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::RunConfigurationFile)

public:
    struct Loaded
    {
        // Empty when the text is not YAML at all (syntax error, binary, too big); otherwise the
        // configuration with every value that could be read, whatever `findings` say.
        std::optional<RunConfiguration> configuration;
        QList<Finding> findings;
        QHash<QString, SourcePosition> positions; // key path -> position of the key

        bool ok() const { return configuration.has_value() && !hasErrors(findings); }
    };

    static Loaded load(const QString &path);
    static Loaded parse(const QByteArray &text, const QString &fileName = {});

    static QByteArray toYaml(const RunConfiguration &configuration);
    static QByteArray toJson(const RunConfiguration &configuration);
    // Writes YAML atomically (temporary file + rename).
    static Result<void> save(const QString &path, const RunConfiguration &configuration);

    static OrderedValue toOrdered(const RunConfiguration &configuration);
};

} // namespace Trainyard
