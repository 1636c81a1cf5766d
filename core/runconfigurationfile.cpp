#include "runconfigurationfile.h"

#include "yamldocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

namespace Trainyard {

namespace {

using RC = RunConfiguration;

QString describe(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isArray())
        return RunConfigurationFile::tr("a list");
    if (value.isObject())
        return RunConfigurationFile::tr("a map");
    return RunConfigurationFile::tr("nothing");
}

// Copies the position of `value`, and of everything in it, from key path `from` to `to`. Walks the
// value rather than all positions: a file can have thousands of keys written in another case.
void copyPositions(QHash<QString, SourcePosition> &positions, const QJsonValue &value, const QString &from,
                   const QString &to)
{
    if (const auto found = positions.constFind(from); found != positions.cend()) {
        const SourcePosition position = *found;
        positions.insert(to, position);
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            copyPositions(positions, it.value(), YamlDocument::joinPath(from, it.key()), YamlDocument::joinPath(to, it.key()));
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString index = QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
            copyPositions(positions, array.at(i), from + index, to + index);
        }
    }
}

// Reads the known keys of one map into typed values; what it does not take stays in `rest`.
class SectionReader
{
public:
    SectionReader(const QJsonObject &object, const QString &path, RunConfigurationFile::Loaded &loaded,
                  const QString &fileName, QStringList &nullKeys)
        : m_rest(object)
        , m_path(path)
        , m_loaded(loaded)
        , m_fileName(fileName)
        , m_nullKeys(nullKeys)
    {
    }

    QJsonObject rest() const { return m_rest; }

    // The value under `key` (matched in any case, or any of `aliases`), removed from rest.
    std::optional<QJsonValue> take(const char *key, std::initializer_list<const char *> aliases = {})
    {
        for (auto it = m_rest.begin(); it != m_rest.end(); ++it) {
            bool match = it.key().compare(QLatin1String(key), Qt::CaseInsensitive) == 0;
            for (const char *alias : aliases)
                match = match || it.key().compare(QLatin1String(alias), Qt::CaseInsensitive) == 0;
            if (!match)
                continue;
            const QString writtenPath = YamlDocument::joinPath(m_path, it.key());
            m_lastKeyPath = YamlDocument::joinPath(m_path, QLatin1String(key));
            if (writtenPath != m_lastKeyPath) {
                // "amlcompute.vmSize" is found again as "amlCompute.vmSize": findings use canonical paths.
                copyPositions(m_loaded.positions, it.value(), writtenPath, m_lastKeyPath);
            }
            const QJsonValue value = it.value();
            const QString writtenKey = it.key();
            m_rest.erase(it);
            // Keys match in any case, so "script" and "Script" are the same key written twice:
            // the first one counts, the others are reported and dropped (saving writes one).
            for (auto other = m_rest.begin(); other != m_rest.end();) {
                bool same = other.key().compare(QLatin1String(key), Qt::CaseInsensitive) == 0;
                for (const char *alias : aliases)
                    same = same || other.key().compare(QLatin1String(alias), Qt::CaseInsensitive) == 0;
                if (!same) {
                    ++other;
                    continue;
                }
                const QString otherPath = YamlDocument::joinPath(m_path, other.key());
                m_loaded.findings.append({Finding::Severity::Error,
                                          RunConfigurationFile::tr("“%1” is the same key as “%2” (keys match in any case); only “%2” "
                                                                   "counts.").arg(other.key(), writtenKey),
                                          m_fileName, m_loaded.positions.value(otherPath), otherPath});
                other = m_rest.erase(other);
            }
            if (value.isNull()) {
                m_nullKeys << m_lastKeyPath;
                return std::nullopt;
            }
            return value;
        }
        return std::nullopt;
    }

    std::optional<QString> string(const char *key, std::initializer_list<const char *> aliases = {})
    {
        const auto value = take(key, aliases);
        if (!value)
            return std::nullopt;
        if (value->isArray() || value->isObject()) {
            error(RunConfigurationFile::tr("“%1” must be a single value, not %2.").arg(lastKey(), describe(*value)));
            return std::nullopt;
        }
        return describe(*value);
    }

    std::optional<bool> boolean(const char *key)
    {
        const auto value = take(key);
        if (!value)
            return std::nullopt;
        if (value->isBool())
            return value->toBool();
        error(RunConfigurationFile::tr("“%1” must be true or false, not “%2”.").arg(lastKey(), describe(*value)));
        return std::nullopt;
    }

    std::optional<qint64> integer(const char *key, const QString &what)
    {
        const auto value = take(key);
        if (!value)
            return std::nullopt;
        if (value->isDouble() && value->toDouble() == double(value->toInteger()))
            return value->toInteger();
        error(RunConfigurationFile::tr("“%1” must be %2, not “%3”.").arg(lastKey(), what, describe(*value)));
        return std::nullopt;
    }

    std::optional<QStringList> stringList(const char *key)
    {
        const auto value = take(key);
        if (!value)
            return std::nullopt;
        if (!value->isArray()) {
            error(RunConfigurationFile::tr("“%1” must be a list, not “%2”.").arg(lastKey(), describe(*value)));
            return std::nullopt;
        }
        QStringList list;
        const QJsonArray array = value->toArray();
        for (const QJsonValue &item : array) {
            if (item.isArray() || item.isObject() || item.isNull()) {
                error(RunConfigurationFile::tr("Every item of “%1” must be a single value.").arg(lastKey()));
                return std::nullopt;
            }
            list << describe(item);
        }
        return list;
    }

    std::optional<QMap<QString, QString>> stringMap(const char *key)
    {
        const auto value = take(key);
        if (!value)
            return std::nullopt;
        if (!value->isObject()) {
            error(RunConfigurationFile::tr("“%1” must be a map of names to values, not “%2”.").arg(lastKey(), describe(*value)));
            return std::nullopt;
        }
        QMap<QString, QString> map;
        const QJsonObject object = value->toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isArray() || it.value().isObject()) {
                error(RunConfigurationFile::tr("The value of “%1” in “%2” must be a single value.").arg(it.key(), lastKey()),
                      YamlDocument::joinPath(m_lastKeyPath, it.key()));
                continue;
            }
            map.insert(it.key(), it.value().isNull() ? QString() : describe(it.value()));
        }
        return map;
    }

    // A nested map: returns it with the path it was found under, for a nested SectionReader.
    std::optional<std::pair<QJsonObject, QString>> section(const char *key, std::initializer_list<const char *> aliases = {})
    {
        const auto value = take(key, aliases);
        if (!value)
            return std::nullopt;
        if (!value->isObject()) {
            error(RunConfigurationFile::tr("“%1” must be a map of settings, not “%2”.").arg(lastKey(), describe(*value)));
            return std::nullopt;
        }
        return std::make_pair(value->toObject(), m_lastKeyPath);
    }

    template<typename Enum>
    std::optional<Enum> enumeration(const char *key, std::optional<Enum> (*fromName)(const QString &), const QStringList &names)
    {
        const auto value = string(key);
        if (!value)
            return std::nullopt;
        if (const auto parsed = fromName(*value))
            return parsed;
        error(RunConfigurationFile::tr("Unknown %1 “%2”: use one of %3.").arg(QLatin1String(key), *value,
                                                                             names.join(QLatin1String(", "))));
        return std::nullopt;
    }

    QString lastKey() const { return m_lastKeyPath.section(QLatin1Char('.'), -1); }
    QString lastPath() const { return m_lastKeyPath; }

    void error(const QString &message, const QString &keyPath = {})
    {
        const QString path = keyPath.isEmpty() ? m_lastKeyPath : keyPath;
        m_loaded.findings.append({Finding::Severity::Error, message, m_fileName, m_loaded.positions.value(path), path});
    }

private:
    QJsonObject m_rest;
    QString m_path;
    RunConfigurationFile::Loaded &m_loaded;
    QString m_fileName;
    QStringList &m_nullKeys;
    QString m_lastKeyPath;
};

class Reader
{
public:
    Reader(RunConfigurationFile::Loaded &loaded, const QString &fileName, QStringList &nullKeys)
        : m_loaded(loaded)
        , m_fileName(fileName)
        , m_nullKeys(nullKeys)
    {
    }

    SectionReader reader(const QJsonObject &object, const QString &path)
    {
        return SectionReader(object, path, m_loaded, m_fileName, m_nullKeys);
    }

    RC::PythonSection python(const QJsonObject &object, const QString &path)
    {
        SectionReader r = reader(object, path);
        RC::PythonSection s;
        s.userManagedDependencies = r.boolean("userManagedDependencies");
        s.interpreterPath = r.string("interpreterPath");
        s.condaDependenciesFile = r.string("condaDependenciesFile");
        s.condaDependencies = r.take("condaDependencies");
        s.baseCondaEnvironment = r.string("baseCondaEnvironment");
        s.extra = r.rest();
        return s;
    }

    RC::DockerSection docker(const QJsonObject &object, const QString &path)
    {
        SectionReader r = reader(object, path);
        RC::DockerSection s;
        s.enabled = r.boolean("enabled");
        s.baseImage = r.string("baseImage");
        s.baseDockerfile = r.string("baseDockerfile");
        s.sharedVolumes = r.boolean("sharedVolumes");
        s.shmSize = r.string("shmSize");
        s.arguments = r.stringList("arguments");
        s.gpuSupport = r.boolean("gpuSupport");
        if (const auto registry = r.section("baseImageRegistry")) {
            SectionReader rr = reader(registry->first, registry->second);
            RC::RegistrySection reg;
            reg.address = rr.string("address");
            reg.username = rr.string("username");
            reg.password = rr.string("password");
            reg.extra = rr.rest();
            s.baseImageRegistry = reg;
        }
        s.extra = r.rest();
        return s;
    }

    RC::EnvironmentSection environment(const QJsonObject &object, const QString &path)
    {
        SectionReader r = reader(object, path);
        RC::EnvironmentSection s;
        s.name = r.string("name");
        s.version = r.string("version");
        s.environmentVariables = r.stringMap("environmentVariables");
        if (const auto python = r.section("python"))
            s.python = this->python(python->first, python->second);
        if (const auto docker = r.section("docker"))
            s.docker = this->docker(docker->first, docker->second);
        s.spark = r.take("spark");
        s.databricks = r.take("databricks");
        s.inferencingStackVersion = r.string("inferencingStackVersion");
        s.extra = r.rest();
        return s;
    }

    RC configuration(const QJsonObject &object)
    {
        SectionReader r = reader(object, QString());
        RC c;
        c.script = r.string("script");
        if (const auto arguments = r.take("arguments")) {
            if (arguments->isArray()) {
                c.arguments = arguments;
                const QJsonArray array = arguments->toArray();
                for (int i = 0; i < array.size(); ++i) {
                    if (array.at(i).isArray() || array.at(i).isObject() || array.at(i).isNull()) {
                        r.error(RunConfigurationFile::tr("Argument %1 must be a single value (a string or a number).").arg(i + 1),
                                QStringLiteral("arguments[%1]").arg(i));
                    }
                }
            } else {
                r.error(RunConfigurationFile::tr("“arguments” must be a list, for example [--epochs, 10]."));
            }
        }
        c.target = r.string("target");
        c.framework = r.enumeration<RC::Framework>("framework", &RC::frameworkFromName, RC::frameworkNames());
        c.communicator = r.enumeration<RC::Communicator>("communicator", &RC::communicatorFromName, RC::communicatorNames());
        c.maxRunDurationSeconds = r.integer("maxRunDurationSeconds", RunConfigurationFile::tr("a whole number of seconds, or empty for no limit"));
        if (const auto nodes = r.integer("nodeCount", RunConfigurationFile::tr("a whole number of nodes")))
            c.nodeCount = int(std::clamp<qint64>(*nodes, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
        c.autoPrepareEnvironment = r.boolean("autoPrepareEnvironment");
        if (const auto environment = r.section("environment"))
            c.environment = this->environment(environment->first, environment->second);
        if (const auto history = r.section("history")) {
            SectionReader h = reader(history->first, history->second);
            RC::HistorySection s;
            s.outputCollection = h.boolean("outputCollection");
            s.snapshotProject = h.boolean("snapshotProject");
            s.directoriesToWatch = h.stringList("directoriesToWatch");
            s.extra = h.rest();
            c.history = s;
        }
        if (const auto spark = r.section("spark")) {
            SectionReader h = reader(spark->first, spark->second);
            RC::SparkSection s;
            s.configuration = h.stringMap("configuration");
            s.extra = h.rest();
            c.spark = s;
        }
        if (const auto hdi = r.section("hdi")) {
            SectionReader h = reader(hdi->first, hdi->second);
            RC::HdiSection s;
            s.yarnDeployMode = h.string("yarnDeployMode");
            s.extra = h.rest();
            c.hdi = s;
        }
        if (const auto tensorflow = r.section("tensorflow")) {
            SectionReader h = reader(tensorflow->first, tensorflow->second);
            RC::TensorflowSection s;
            const QString count = RunConfigurationFile::tr("a whole number");
            if (const auto workers = h.integer("workerCount", count))
                s.workerCount = int(*workers);
            if (const auto servers = h.integer("parameterServerCount", count))
                s.parameterServerCount = int(*servers);
            s.extra = h.rest();
            c.tensorflow = s;
        }
        if (const auto mpi = r.section("mpi")) {
            SectionReader h = reader(mpi->first, mpi->second);
            RC::MpiSection s;
            if (const auto count = h.integer("processCountPerNode", RunConfigurationFile::tr("a whole number of processes")))
                s.processCountPerNode = int(*count);
            s.extra = h.rest();
            c.mpi = s;
        }
        if (const auto references = r.section("dataReferences")) {
            QMap<QString, RC::DataReference> map;
            for (auto it = references->first.begin(); it != references->first.end(); ++it) {
                const QString path = YamlDocument::joinPath(references->second, it.key());
                if (!it.value().isObject()) {
                    r.error(RunConfigurationFile::tr("The data reference “%1” must be a map of settings.").arg(it.key()), path);
                    continue;
                }
                SectionReader h = reader(it.value().toObject(), path);
                RC::DataReference d;
                d.dataStoreName = h.string("dataStoreName");
                d.mode = h.string("mode");
                d.pathOnDataStore = h.string("pathOnDataStore");
                d.pathOnCompute = h.string("pathOnCompute");
                d.overwrite = h.boolean("overwrite");
                d.extra = h.rest();
                map.insert(it.key(), d);
            }
            c.dataReferences = map;
        }
        c.data = r.take("data");
        c.sourceDirectoryDataStore = r.string("sourceDirectoryDataStore");
        if (const auto aml = r.section("amlCompute")) {
            SectionReader h = reader(aml->first, aml->second);
            RC::AmlComputeSection s;
            s.vmSize = h.string("vmSize");
            s.vmPriority = h.string("vmPriority");
            s.retainCluster = h.boolean("retainCluster");
            s.name = h.string("name");
            if (const auto max = h.integer("clusterMaxNodeCount", RunConfigurationFile::tr("a whole number of nodes")))
                s.clusterMaxNodeCount = int(*max);
            s.extra = h.rest();
            c.amlcompute = s;
        }
        c.extra = r.rest();
        return c;
    }

private:
    RunConfigurationFile::Loaded &m_loaded;
    QString m_fileName;
    QStringList &m_nullKeys;
};

// Writing: canonical key order, optional keys only when set (or written empty before).
class Writer
{
public:
    explicit Writer(const QStringList &nullKeys)
        : m_nullKeys(nullKeys.cbegin(), nullKeys.cend())
    {
    }

    template<typename T>
    void put(OrderedValue &map, const QString &path, const char *key, const std::optional<T> &value)
    {
        const QString keyPath = YamlDocument::joinPath(path, QLatin1String(key));
        if (value)
            map.insert(QLatin1String(key), toValue(*value));
        else if (m_nullKeys.contains(keyPath))
            map.insert(QLatin1String(key), OrderedValue::null());
    }

    void putSection(OrderedValue &map, const QString &path, const char *key, const std::optional<OrderedValue> &value)
    {
        put(map, path, key, value);
    }

    static void addExtra(OrderedValue &map, const QJsonObject &extra)
    {
        for (auto it = extra.begin(); it != extra.end(); ++it)
            map.insert(it.key(), OrderedValue::fromJson(it.value()));
    }

private:
    static OrderedValue toValue(const OrderedValue &value) { return value; }
    static OrderedValue toValue(const QString &value) { return OrderedValue::fromScalar(value); }
    static OrderedValue toValue(bool value) { return OrderedValue::fromScalar(value); }
    static OrderedValue toValue(int value) { return OrderedValue::fromScalar(value); }
    static OrderedValue toValue(qint64 value) { return OrderedValue::fromScalar(value); }
    static OrderedValue toValue(const QJsonValue &value) { return OrderedValue::fromJson(value); }
    static OrderedValue toValue(const QStringList &value)
    {
        OrderedValue list = OrderedValue::list();
        for (const QString &item : value)
            list.items.append(OrderedValue::fromScalar(item));
        return list;
    }
    static OrderedValue toValue(const QMap<QString, QString> &value)
    {
        OrderedValue map = OrderedValue::map();
        for (auto it = value.begin(); it != value.end(); ++it)
            map.insert(it.key(), OrderedValue::fromScalar(it.value()));
        return map;
    }

    const QSet<QString> m_nullKeys; // a set: looked up for every key not set
};

template<typename Section, typename Function>
std::optional<OrderedValue> sectionValue(const std::optional<Section> &section, Function &&build)
{
    if (!section)
        return std::nullopt;
    OrderedValue map = OrderedValue::map();
    build(map, *section);
    Writer::addExtra(map, section->extra);
    return map;
}

} // namespace

RunConfigurationFile::Loaded RunConfigurationFile::load(const QString &path)
{
    const auto text = YamlDocument::readFile(path);
    if (!text) {
        Loaded loaded;
        loaded.findings.append({Finding::Severity::Error, text.errorMessage(), path, {}, {}});
        return loaded;
    }
    return parse(*text, path);
}

RunConfigurationFile::Loaded RunConfigurationFile::parse(const QByteArray &text, const QString &fileName)
{
    const YamlDocument::Parsed parsed = YamlDocument::parse(text, fileName);
    Loaded loaded;
    loaded.findings = parsed.findings;
    loaded.positions = parsed.positions;
    if (!parsed.ok)
        return loaded;
    if (!parsed.root.isObject()) {
        if (parsed.root.isNull())
            loaded.findings.append({Finding::Severity::Error, tr("The file is empty: a run configuration needs at least "
                                                                 "“script” and “environment”."),
                                    fileName, {1, 1}, {}});
        else
            loaded.findings.append({Finding::Severity::Error, tr("A run configuration must be a map of keys such as "
                                                                 "“script:” and “environment:”, not %1.").arg(describe(parsed.root)),
                                    fileName, {1, 1}, {}});
        return loaded;
    }
    QStringList nullKeys;
    Reader reader(loaded, fileName, nullKeys);
    RunConfiguration configuration = reader.configuration(parsed.root.toObject());
    nullKeys.sort();
    nullKeys.removeDuplicates();
    configuration.nullKeys = nullKeys;
    loaded.configuration = std::move(configuration);
    return loaded;
}

OrderedValue RunConfigurationFile::toOrdered(const RunConfiguration &c)
{
    Writer w(c.nullKeys);
    OrderedValue root = OrderedValue::map();
    const QString top;
    w.put(root, top, "script", c.script);
    w.put(root, top, "arguments", c.arguments);
    w.put(root, top, "target", c.target);
    w.put(root, top, "framework",
          c.framework ? std::optional<QString>(RC::frameworkName(*c.framework)) : std::optional<QString>());
    w.put(root, top, "communicator",
          c.communicator ? std::optional<QString>(RC::communicatorName(*c.communicator)) : std::optional<QString>());
    w.put(root, top, "maxRunDurationSeconds", c.maxRunDurationSeconds);
    w.put(root, top, "nodeCount", c.nodeCount);
    w.put(root, top, "autoPrepareEnvironment", c.autoPrepareEnvironment);

    w.putSection(root, top, "environment", sectionValue(c.environment, [&](OrderedValue &map, const RC::EnvironmentSection &e) {
        const QString path = QStringLiteral("environment");
        w.put(map, path, "name", e.name);
        w.put(map, path, "version", e.version);
        w.put(map, path, "environmentVariables", e.environmentVariables);
        w.putSection(map, path, "python", sectionValue(e.python, [&](OrderedValue &m, const RC::PythonSection &p) {
            const QString pp = QStringLiteral("environment.python");
            w.put(m, pp, "userManagedDependencies", p.userManagedDependencies);
            w.put(m, pp, "interpreterPath", p.interpreterPath);
            w.put(m, pp, "condaDependenciesFile", p.condaDependenciesFile);
            w.put(m, pp, "condaDependencies", p.condaDependencies);
            w.put(m, pp, "baseCondaEnvironment", p.baseCondaEnvironment);
        }));
        w.putSection(map, path, "docker", sectionValue(e.docker, [&](OrderedValue &m, const RC::DockerSection &d) {
            const QString dp = QStringLiteral("environment.docker");
            w.put(m, dp, "enabled", d.enabled);
            w.put(m, dp, "baseImage", d.baseImage);
            w.put(m, dp, "baseDockerfile", d.baseDockerfile);
            w.put(m, dp, "sharedVolumes", d.sharedVolumes);
            w.put(m, dp, "shmSize", d.shmSize);
            w.put(m, dp, "arguments", d.arguments);
            w.put(m, dp, "gpuSupport", d.gpuSupport);
            w.putSection(m, dp, "baseImageRegistry", sectionValue(d.baseImageRegistry, [&](OrderedValue &rm, const RC::RegistrySection &r) {
                const QString rp = QStringLiteral("environment.docker.baseImageRegistry");
                w.put(rm, rp, "address", r.address);
                w.put(rm, rp, "username", r.username);
                w.put(rm, rp, "password", r.password);
            }));
        }));
        w.put(map, path, "spark", e.spark);
        w.put(map, path, "databricks", e.databricks);
        w.put(map, path, "inferencingStackVersion", e.inferencingStackVersion);
    }));
    w.putSection(root, top, "history", sectionValue(c.history, [&](OrderedValue &map, const RC::HistorySection &h) {
        const QString path = QStringLiteral("history");
        w.put(map, path, "outputCollection", h.outputCollection);
        w.put(map, path, "snapshotProject", h.snapshotProject);
        w.put(map, path, "directoriesToWatch", h.directoriesToWatch);
    }));
    w.putSection(root, top, "spark", sectionValue(c.spark, [&](OrderedValue &map, const RC::SparkSection &s) {
        w.put(map, QStringLiteral("spark"), "configuration", s.configuration);
    }));
    w.putSection(root, top, "hdi", sectionValue(c.hdi, [&](OrderedValue &map, const RC::HdiSection &s) {
        w.put(map, QStringLiteral("hdi"), "yarnDeployMode", s.yarnDeployMode);
    }));
    w.putSection(root, top, "tensorflow", sectionValue(c.tensorflow, [&](OrderedValue &map, const RC::TensorflowSection &s) {
        w.put(map, QStringLiteral("tensorflow"), "workerCount", s.workerCount);
        w.put(map, QStringLiteral("tensorflow"), "parameterServerCount", s.parameterServerCount);
    }));
    w.putSection(root, top, "mpi", sectionValue(c.mpi, [&](OrderedValue &map, const RC::MpiSection &s) {
        w.put(map, QStringLiteral("mpi"), "processCountPerNode", s.processCountPerNode);
    }));
    if (c.dataReferences) {
        OrderedValue map = OrderedValue::map();
        for (auto it = c.dataReferences->begin(); it != c.dataReferences->end(); ++it) {
            const QString path = QStringLiteral("dataReferences.") + it.key();
            OrderedValue ref = OrderedValue::map();
            w.put(ref, path, "dataStoreName", it->dataStoreName);
            w.put(ref, path, "mode", it->mode);
            w.put(ref, path, "pathOnDataStore", it->pathOnDataStore);
            w.put(ref, path, "pathOnCompute", it->pathOnCompute);
            w.put(ref, path, "overwrite", it->overwrite);
            Writer::addExtra(ref, it->extra);
            map.insert(it.key(), ref);
        }
        root.insert(QStringLiteral("dataReferences"), map);
    } else if (c.nullKeys.contains(QLatin1String("dataReferences"))) {
        root.insert(QStringLiteral("dataReferences"), OrderedValue::null());
    }
    w.put(root, top, "data", c.data);
    w.put(root, top, "sourceDirectoryDataStore", c.sourceDirectoryDataStore);
    w.putSection(root, top, "amlCompute", sectionValue(c.amlcompute, [&](OrderedValue &map, const RC::AmlComputeSection &s) {
        const QString path = QStringLiteral("amlCompute");
        w.put(map, path, "vmSize", s.vmSize);
        w.put(map, path, "vmPriority", s.vmPriority);
        w.put(map, path, "retainCluster", s.retainCluster);
        w.put(map, path, "name", s.name);
        w.put(map, path, "clusterMaxNodeCount", s.clusterMaxNodeCount);
    }));
    Writer::addExtra(root, c.extra);
    return root;
}

QByteArray RunConfigurationFile::toYaml(const RunConfiguration &configuration)
{
    return YamlDocument::toYaml(toOrdered(configuration));
}

QByteArray RunConfigurationFile::toJson(const RunConfiguration &configuration)
{
    return YamlDocument::toJson(toOrdered(configuration));
}

Result<void> RunConfigurationFile::save(const QString &path, const RunConfiguration &configuration)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{tr("Cannot write %1: %2.").arg(path, file.errorString())};
    file.write(toYaml(configuration));
    if (!file.commit())
        return Error{tr("Cannot write %1: %2.").arg(path, file.errorString())};
    return {};
}

} // namespace Trainyard
