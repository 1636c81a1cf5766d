#include "runconfiguration.h"

#include <QJsonArray>
#include <QLocale>

namespace Trainyard {

namespace {

struct FrameworkName
{
    RunConfiguration::Framework value;
    const char *name;
};
const FrameworkName frameworks[] = {
    {RunConfiguration::Framework::Python, "Python"},
    {RunConfiguration::Framework::PySpark, "PySpark"},
    {RunConfiguration::Framework::CNTK, "CNTK"},
    {RunConfiguration::Framework::TensorFlow, "TensorFlow"},
    {RunConfiguration::Framework::PyTorch, "PyTorch"},
};

struct CommunicatorName
{
    RunConfiguration::Communicator value;
    const char *name;
};
const CommunicatorName communicators[] = {
    {RunConfiguration::Communicator::None, "None"},
    {RunConfiguration::Communicator::ParameterServer, "ParameterServer"},
    {RunConfiguration::Communicator::Gloo, "Gloo"},
    {RunConfiguration::Communicator::Mpi, "Mpi"},
    {RunConfiguration::Communicator::Nccl, "Nccl"},
    {RunConfiguration::Communicator::IntelMpi, "IntelMpi"},
};

} // namespace

bool RunConfiguration::userManagedDependencies() const
{
    // Azure's default is false: the environment is built from conda dependencies.
    if (!environment || !environment->python)
        return false;
    return environment->python->userManagedDependencies.value_or(false);
}

QString RunConfiguration::interpreterPath() const
{
    if (!environment || !environment->python || !environment->python->interpreterPath
        || environment->python->interpreterPath->isEmpty())
        return QStringLiteral("python");
    return *environment->python->interpreterPath;
}

QStringList RunConfiguration::argumentList() const
{
    QStringList list;
    if (!arguments)
        return list;
    const QJsonArray array = arguments->toArray();
    for (const QJsonValue &value : array) {
        if (value.isString())
            list << value.toString();
        else if (value.isBool())
            list << (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else if (value.isDouble())
            list << QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        else if (!value.isNull())
            list << QString();
    }
    return list;
}

void RunConfiguration::setArgumentList(const QStringList &list)
{
    if (argumentList() == list)
        return; // keep numbers written as numbers
    QJsonArray array;
    for (const QString &argument : list)
        array.append(argument);
    arguments = QJsonValue(array);
}

QString RunConfiguration::frameworkName(Framework framework)
{
    for (const auto &entry : frameworks) {
        if (entry.value == framework)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<RunConfiguration::Framework> RunConfiguration::frameworkFromName(const QString &name)
{
    for (const auto &entry : frameworks) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.value;
    }
    return std::nullopt;
}

QString RunConfiguration::communicatorName(Communicator communicator)
{
    for (const auto &entry : communicators) {
        if (entry.value == communicator)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<RunConfiguration::Communicator> RunConfiguration::communicatorFromName(const QString &name)
{
    for (const auto &entry : communicators) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.value;
    }
    // Older files say OpenMpi, meaning Mpi.
    if (name.compare(QLatin1String("OpenMpi"), Qt::CaseInsensitive) == 0)
        return Communicator::Mpi;
    return std::nullopt;
}

QStringList RunConfiguration::frameworkNames()
{
    QStringList names;
    for (const auto &entry : frameworks)
        names << QString::fromLatin1(entry.name);
    return names;
}

QStringList RunConfiguration::communicatorNames()
{
    QStringList names;
    for (const auto &entry : communicators)
        names << QString::fromLatin1(entry.name);
    return names;
}

RunConfiguration RunConfiguration::makeTemplate(const QString &target, const QString &script)
{
    RunConfiguration config;
    config.script = script.isEmpty() ? std::optional<QString>() : std::optional<QString>(script);
    if (script.isEmpty())
        config.nullKeys << QStringLiteral("script");
    config.arguments = QJsonValue(QJsonArray());
    config.target = target;
    config.framework = Framework::Python;
    config.communicator = Communicator::None;
    config.nullKeys << QStringLiteral("maxRunDurationSeconds");
    config.nodeCount = 1;
    EnvironmentSection environment;
    environment.environmentVariables = QMap<QString, QString>{{QStringLiteral("EXAMPLE_ENV_VAR"), QStringLiteral("EXAMPLE_VALUE")}};
    PythonSection python;
    python.userManagedDependencies = true;
    python.interpreterPath = QStringLiteral("python3");
    python.condaDependenciesFile = QStringLiteral(".azureml/conda_dependencies.yml");
    environment.python = python;
    DockerSection docker;
    docker.enabled = false;
    docker.sharedVolumes = true;
    docker.shmSize = QStringLiteral("2g");
    docker.arguments = QStringList();
    environment.docker = docker;
    config.environment = environment;
    HistorySection history;
    history.outputCollection = true;
    history.snapshotProject = true;
    history.directoriesToWatch = QStringList{QStringLiteral("logs")};
    config.history = history;
    config.nullKeys.sort();
    return config;
}

} // namespace Trainyard
