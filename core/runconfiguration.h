#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QStringList>

#include <optional>

namespace Trainyard {

// A run configuration: the keys of Azure ML's `.runconfig` files (REFERENCE.md §1). Every
// optional key is std::optional, so a file that leaves a key out saves without it. Keys this
// version does not know are kept in `extra` members, at the level they appeared, and written back.
struct RunConfiguration
{
    enum class Framework { Python, PySpark, CNTK, TensorFlow, PyTorch };
    enum class Communicator { None, ParameterServer, Gloo, Mpi, Nccl, IntelMpi };

    struct PythonSection
    {
        std::optional<bool> userManagedDependencies;
        std::optional<QString> interpreterPath;
        std::optional<QString> condaDependenciesFile;
        std::optional<QJsonValue> condaDependencies;   // inline conda spec, as written
        std::optional<QString> baseCondaEnvironment;
        QJsonObject extra;
        friend bool operator==(const PythonSection &, const PythonSection &) = default;
    };

    struct RegistrySection
    {
        std::optional<QString> address;
        std::optional<QString> username;
        std::optional<QString> password;
        QJsonObject extra;
        friend bool operator==(const RegistrySection &, const RegistrySection &) = default;
    };

    struct DockerSection
    {
        std::optional<bool> enabled;
        std::optional<QString> baseImage;
        std::optional<QString> baseDockerfile;
        std::optional<bool> sharedVolumes;
        std::optional<QString> shmSize;
        std::optional<QStringList> arguments;
        std::optional<bool> gpuSupport;
        std::optional<RegistrySection> baseImageRegistry;
        QJsonObject extra;
        friend bool operator==(const DockerSection &, const DockerSection &) = default;
    };

    struct EnvironmentSection
    {
        std::optional<QString> name;
        std::optional<QString> version;
        std::optional<QMap<QString, QString>> environmentVariables;
        std::optional<PythonSection> python;
        std::optional<DockerSection> docker;
        std::optional<QJsonValue> spark;
        std::optional<QJsonValue> databricks;
        std::optional<QString> inferencingStackVersion;
        QJsonObject extra;
        friend bool operator==(const EnvironmentSection &, const EnvironmentSection &) = default;
    };

    struct HistorySection
    {
        std::optional<bool> outputCollection;
        std::optional<bool> snapshotProject;
        std::optional<QStringList> directoriesToWatch;
        QJsonObject extra;
        friend bool operator==(const HistorySection &, const HistorySection &) = default;
    };

    struct SparkSection
    {
        std::optional<QMap<QString, QString>> configuration;
        QJsonObject extra;
        friend bool operator==(const SparkSection &, const SparkSection &) = default;
    };

    struct HdiSection
    {
        std::optional<QString> yarnDeployMode;
        QJsonObject extra;
        friend bool operator==(const HdiSection &, const HdiSection &) = default;
    };

    struct TensorflowSection
    {
        std::optional<int> workerCount;
        std::optional<int> parameterServerCount;
        QJsonObject extra;
        friend bool operator==(const TensorflowSection &, const TensorflowSection &) = default;
    };

    struct MpiSection
    {
        std::optional<int> processCountPerNode;
        QJsonObject extra;
        friend bool operator==(const MpiSection &, const MpiSection &) = default;
    };

    struct DataReference
    {
        std::optional<QString> dataStoreName;
        std::optional<QString> mode;
        std::optional<QString> pathOnDataStore;
        std::optional<QString> pathOnCompute;
        std::optional<bool> overwrite;
        QJsonObject extra;
        friend bool operator==(const DataReference &, const DataReference &) = default;
    };

    struct AmlComputeSection
    {
        std::optional<QString> vmSize;
        std::optional<QString> vmPriority;
        std::optional<bool> retainCluster;
        std::optional<QString> name;
        std::optional<int> clusterMaxNodeCount;
        QJsonObject extra;
        friend bool operator==(const AmlComputeSection &, const AmlComputeSection &) = default;
    };

    // `script` may be present but empty in templates: the submit command then names the script.
    std::optional<QString> script;
    std::optional<QJsonValue> arguments;      // a list of strings/numbers, kept with their types
    std::optional<QString> target;
    std::optional<Framework> framework;
    std::optional<Communicator> communicator;
    std::optional<qint64> maxRunDurationSeconds; // empty: no limit
    std::optional<int> nodeCount;
    std::optional<bool> autoPrepareEnvironment;
    std::optional<EnvironmentSection> environment;
    std::optional<HistorySection> history;
    std::optional<SparkSection> spark;
    std::optional<HdiSection> hdi;
    std::optional<TensorflowSection> tensorflow;
    std::optional<MpiSection> mpi;
    std::optional<QMap<QString, DataReference>> dataReferences;
    std::optional<QJsonValue> data;
    std::optional<QString> sourceDirectoryDataStore;
    std::optional<AmlComputeSection> amlcompute;
    QJsonObject extra;
    // Key paths written with an empty value ("maxRunDurationSeconds:"), kept so a saved file
    // still shows them; sorted. Setting a value through the form does not need to touch it.
    QStringList nullKeys;

    friend bool operator==(const RunConfiguration &, const RunConfiguration &) = default;

    // Effective values, with the defaults REFERENCE.md §1 gives.
    int effectiveNodeCount() const { return nodeCount.value_or(1); }
    Framework effectiveFramework() const { return framework.value_or(Framework::Python); }
    Communicator effectiveCommunicator() const { return communicator.value_or(Communicator::None); }
    bool userManagedDependencies() const;
    QString interpreterPath() const;
    // The arguments as the script receives them (numbers in their written form).
    QStringList argumentList() const;
    void setArgumentList(const QStringList &arguments);

    static QString frameworkName(Framework framework);
    static std::optional<Framework> frameworkFromName(const QString &name);
    static QString communicatorName(Communicator communicator);
    static std::optional<Communicator> communicatorFromName(const QString &name);
    static QStringList frameworkNames();
    static QStringList communicatorNames();

    // A template like `az ml folder attach` writes for a target.
    static RunConfiguration makeTemplate(const QString &target, const QString &script = {});
};

} // namespace Trainyard
