#include "runconfigurationvalidator.h"

#include "pathguard.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace Trainyard {

namespace {

using RC = RunConfiguration;

class Collector
{
public:
    explicit Collector(const RunConfigurationValidator::Context &context)
        : m_context(context)
    {
    }

    void add(Finding::Severity severity, const QString &keyPath, const QString &message)
    {
        m_findings.append({severity, message, m_context.fileName, positionOf(keyPath), keyPath});
    }
    void error(const QString &keyPath, const QString &message) { add(Finding::Severity::Error, keyPath, message); }
    void warning(const QString &keyPath, const QString &message) { add(Finding::Severity::Warning, keyPath, message); }

    QList<Finding> findings() const { return m_findings; }

private:
    // The key's own position, else its closest parent's, else the top of the file.
    SourcePosition positionOf(QString keyPath) const
    {
        while (!keyPath.isEmpty()) {
            const auto it = m_context.positions.constFind(keyPath);
            if (it != m_context.positions.cend())
                return *it;
            const qsizetype cut = std::max(keyPath.lastIndexOf(QLatin1Char('.')), keyPath.lastIndexOf(QLatin1Char('[')));
            keyPath = cut > 0 ? keyPath.left(cut) : QString();
        }
        return {1, 1};
    }

    const RunConfigurationValidator::Context &m_context;
    QList<Finding> m_findings;
};

int nodeLimit(const ComputeTarget &target)
{
    if (target.type != ComputeTarget::Type::Slurm)
        return 1;
    const int max = target.properties.value(QLatin1String("maxNodes")).toInt();
    return max > 0 ? max : std::numeric_limits<int>::max();
}

void checkFile(Collector &out, const RunConfigurationValidator::Context &context, const QString &keyPath,
               const QString &path, const QString &what)
{
    const auto resolved = PathGuard::resolve(context.sourceDirectory, path);
    if (!resolved) {
        out.error(keyPath, resolved.errorMessage());
        return;
    }
    const QFileInfo info(*resolved);
    if (!info.exists())
        out.error(keyPath, RunConfigurationValidator::tr("The %1 “%2” does not exist in %3.").arg(what, path, context.sourceDirectory));
    else if (!info.isFile())
        out.error(keyPath, RunConfigurationValidator::tr("The %1 “%2” is not a file.").arg(what, path));
}

} // namespace

bool RunConfigurationValidator::isValidEnvironmentVariableName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return pattern.match(name).hasMatch();
}

QList<Finding> RunConfigurationValidator::validate(const RunConfiguration &c, const Context &context)
{
    Collector out(context);

    if (!c.script && !c.nullKeys.contains(QLatin1String("script"))) {
        out.warning(QString(), tr("There is no “script” key: add “script: train.py”, or leave it empty in a template and "
                                  "name the script when you submit."));
    }
    if (!c.environment) {
        out.error(QString(), tr("The “environment” section is missing; at least “environment: python: interpreterPath: "
                                "python3” with “userManagedDependencies: true” is needed."));
    }

    // Cross-field rules of REFERENCE.md §1.
    const RC::Communicator communicator = c.effectiveCommunicator();
    if (communicator == RC::Communicator::Mpi && !c.mpi)
        out.error(QStringLiteral("communicator"), tr("The communicator Mpi needs an “mpi” section (for example “mpi: processCountPerNode: 1”)."));
    if (c.effectiveFramework() == RC::Framework::PySpark && !c.spark)
        out.error(QStringLiteral("framework"), tr("The framework PySpark needs a “spark” section."));
    if (c.effectiveFramework() == RC::Framework::TensorFlow && communicator == RC::Communicator::ParameterServer && !c.tensorflow)
        out.error(QStringLiteral("communicator"), tr("TensorFlow with the ParameterServer communicator needs a “tensorflow” section "
                                                     "(workerCount, parameterServerCount)."));

    if (c.environment) {
        const bool userManaged = c.userManagedDependencies();
        const auto &python = c.environment->python;
        const QString pythonPath = c.environment->python ? QStringLiteral("environment.python") : QStringLiteral("environment");
        if (userManaged) {
            if (!python || !python->interpreterPath || python->interpreterPath->trimmed().isEmpty())
                out.error(pythonPath + QStringLiteral(".userManagedDependencies"),
                          tr("With “userManagedDependencies: true” an “interpreterPath” is needed (for example python3)."));
        } else {
            const bool hasFile = python && python->condaDependenciesFile && !python->condaDependenciesFile->isEmpty();
            const bool hasInline = python && python->condaDependencies;
            if (!hasFile && !hasInline) {
                out.error(python && python->userManagedDependencies ? pythonPath + QStringLiteral(".userManagedDependencies")
                                                                    : pythonPath,
                          tr("With “userManagedDependencies: false” (the default) the environment is built with conda: name a "
                             "“condaDependenciesFile”, give “condaDependencies”, or set “userManagedDependencies: true” with an "
                             "“interpreterPath”."));
            } else if (hasFile && !context.sourceDirectory.isEmpty()) {
                checkFile(out, context, QStringLiteral("environment.python.condaDependenciesFile"),
                          *python->condaDependenciesFile, tr("conda dependencies file"));
            }
        }
        if (c.environment->environmentVariables) {
            for (auto it = c.environment->environmentVariables->begin(); it != c.environment->environmentVariables->end(); ++it) {
                if (!isValidEnvironmentVariableName(it.key())) {
                    out.error(QStringLiteral("environment.environmentVariables.") + it.key(),
                              tr("“%1” is not a valid environment variable name: use letters, digits and underscores, not "
                                 "starting with a digit.").arg(it.key()));
                }
            }
        }
    }

    // Values and ranges.
    if (c.nodeCount && *c.nodeCount < 1)
        out.error(QStringLiteral("nodeCount"), tr("“nodeCount” must be at least 1, not %1.").arg(*c.nodeCount));
    if (c.maxRunDurationSeconds && *c.maxRunDurationSeconds <= 0) {
        out.error(QStringLiteral("maxRunDurationSeconds"),
                  tr("“maxRunDurationSeconds” must be a positive number of seconds (or empty for no limit), not %1.")
                      .arg(*c.maxRunDurationSeconds));
    }
    if (c.mpi && c.mpi->processCountPerNode && *c.mpi->processCountPerNode < 1)
        out.error(QStringLiteral("mpi.processCountPerNode"), tr("“processCountPerNode” must be at least 1."));
    if (c.tensorflow) {
        if (c.tensorflow->workerCount && *c.tensorflow->workerCount < 0)
            out.error(QStringLiteral("tensorflow.workerCount"), tr("“workerCount” cannot be negative."));
        if (c.tensorflow->parameterServerCount && *c.tensorflow->parameterServerCount < 0)
            out.error(QStringLiteral("tensorflow.parameterServerCount"), tr("“parameterServerCount” cannot be negative."));
    }
    if (c.hdi && c.hdi->yarnDeployMode && c.hdi->yarnDeployMode->compare(QLatin1String("cluster"), Qt::CaseInsensitive) != 0
        && c.hdi->yarnDeployMode->compare(QLatin1String("client"), Qt::CaseInsensitive) != 0) {
        out.error(QStringLiteral("hdi.yarnDeployMode"), tr("“yarnDeployMode” must be cluster or client."));
    }
    if (c.dataReferences) {
        for (auto it = c.dataReferences->begin(); it != c.dataReferences->end(); ++it) {
            static const QStringList modes{QStringLiteral("mount"), QStringLiteral("download"), QStringLiteral("upload")};
            if (it->mode && !modes.contains(it->mode->toLower()))
                out.error(QStringLiteral("dataReferences.%1.mode").arg(it.key()),
                          tr("The data reference mode must be mount, download or upload, not “%1”.").arg(*it->mode));
        }
    }
    if (c.amlcompute) {
        if (c.amlcompute->vmPriority && c.amlcompute->vmPriority->compare(QLatin1String("dedicated"), Qt::CaseInsensitive) != 0
            && c.amlcompute->vmPriority->compare(QLatin1String("lowpriority"), Qt::CaseInsensitive) != 0) {
            out.error(QStringLiteral("amlCompute.vmPriority"), tr("“vmPriority” must be dedicated or lowpriority."));
        }
        if (c.amlcompute->clusterMaxNodeCount && *c.amlcompute->clusterMaxNodeCount < 1)
            out.error(QStringLiteral("amlCompute.clusterMaxNodeCount"), tr("“clusterMaxNodeCount” must be at least 1."));
    }

    // The target and its node limit.
    const QString targetName = c.target.value_or(QString::fromLatin1(ComputeTarget::LocalName));
    if (!context.targets) {
        if (c.target && targetName != QLatin1String(ComputeTarget::LocalName))
            out.warning(QStringLiteral("target"), tr("The target “%1” cannot be checked outside a workspace.").arg(targetName));
    } else {
        const auto found = std::find_if(context.targets->cbegin(), context.targets->cend(),
                                        [&](const ComputeTarget &t) { return t.name == targetName; });
        if (found == context.targets->cend()) {
            if (!c.amlcompute) {
                QStringList names;
                for (const ComputeTarget &t : *context.targets)
                    names << t.name;
                out.error(QStringLiteral("target"), tr("There is no compute target “%1” in this workspace (it has: %2); attach "
                                                       "it first, or add an “amlCompute” section to create a cluster for this run.")
                                                        .arg(targetName, names.join(QLatin1String(", "))));
            }
        } else if (c.nodeCount && *c.nodeCount > nodeLimit(*found)) {
            out.error(QStringLiteral("nodeCount"), tr("“nodeCount” is %1, but the target “%2” has at most %n node(s).", nullptr,
                                                      nodeLimit(*found)).arg(*c.nodeCount).arg(targetName));
        }
    }
    if (c.amlcompute && c.amlcompute->clusterMaxNodeCount && c.nodeCount && *c.nodeCount > *c.amlcompute->clusterMaxNodeCount) {
        out.error(QStringLiteral("nodeCount"), tr("“nodeCount” is %1, above the cluster's “clusterMaxNodeCount” of %2.")
                                                   .arg(*c.nodeCount).arg(*c.amlcompute->clusterMaxNodeCount));
    }

    // Files it names must be in the project folder.
    if (!context.sourceDirectory.isEmpty() && c.script && !c.script->isEmpty())
        checkFile(out, context, QStringLiteral("script"), *c.script, tr("script"));

    return out.findings();
}

} // namespace Trainyard
