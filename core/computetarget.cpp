#include "computetarget.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace Trainyard {

namespace {

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// An ISO 8601 time in the local short format; anything else as it is.
QString formatTime(const QString &iso)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODate);
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : iso;
}

QString joinArray(const QJsonValue &value)
{
    QStringList parts;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        parts << item.toString();
    return parts.join(QLatin1String(", "));
}

} // namespace

QString ComputeTarget::authenticationName(const QString &key)
{
    if (key == QLatin1String("password"))
        return tr("Password");
    if (key == QLatin1String("privateKey"))
        return tr("Private key");
    if (key == QLatin1String("agent"))
        return tr("SSH agent");
    return key;
}

QString ComputeTarget::address() const
{
    if (type == Type::Local)
        return properties.value(QLatin1String("hostName")).toString();
    const QString host = properties.value(QLatin1String("address")).toString();
    const int port = properties.value(QLatin1String("port")).toInt(22);
    // A cluster submitted to from this computer: its partition is where runs go.
    if (host.isEmpty() && type == Type::Slurm && properties.contains(QLatin1String("partition")))
        return tr("partition %1 (this computer)").arg(properties.value(QLatin1String("partition")).toString());
    if (host.isEmpty())
        return {};
    const QString user = properties.value(QLatin1String("userName")).toString();
    QString text = user.isEmpty() ? host : user + QLatin1Char('@') + host;
    if (port != 22)
        text += QLatin1Char(':') + QString::number(port);
    return text;
}

bool ComputeTarget::isUnreachable() const
{
    const QJsonValue reachable = properties.value(QLatin1String("reachable"));
    return type != Type::Local && reachable.isBool() && !reachable.toBool();
}

QString ComputeTarget::stateText() const
{
    //: State of a compute target whose host could not be reached at the last check
    return isUnreachable() ? tr("Unreachable") : stateDisplayName(state);
}

QString ComputeTarget::sizeFamily() const
{
    const QString vmSize = properties.value(QLatin1String("vmSize")).toString();
    if (!vmSize.isEmpty())
        return vmSize;
    int cpus = properties.value(QLatin1String("cpuCount")).toInt();
    qint64 memory = properties.value(QLatin1String("memoryBytes")).toInteger();
    int gpus = properties.value(QLatin1String("gpus")).toArray().size();
    const QJsonArray nodeList = properties.value(QLatin1String("nodeList")).toArray();
    if (cpus <= 0 && !nodeList.isEmpty()) {
        // An attached partition has no VM family: its nodes' size, when they are alike.
        const QJsonObject first = nodeList.first().toObject();
        for (const QJsonValue &node : nodeList) {
            const QJsonObject o = node.toObject();
            if (o.value(QLatin1String("cpus")) != first.value(QLatin1String("cpus"))
                || o.value(QLatin1String("memoryBytes")) != first.value(QLatin1String("memoryBytes"))
                || o.value(QLatin1String("gpus")) != first.value(QLatin1String("gpus"))) {
                //: Size column of a Slurm partition whose nodes differ in CPUs, memory or GPUs
                return tr("mixed nodes");
            }
        }
        cpus = first.value(QLatin1String("cpus")).toInt();
        memory = first.value(QLatin1String("memoryBytes")).toInteger();
        gpus = first.value(QLatin1String("gpus")).toInt();
    }
    if (cpus <= 0)
        return {};
    QString text = tr("%n CPU(s)", nullptr, cpus);
    if (memory > 0)
        text += QLatin1String(", ") + formatBytes(memory);
    if (gpus > 0)
        text += QLatin1String(", ") + tr("%n GPU(s)", nullptr, gpus);
    return text;
}

NodeCounts ComputeTarget::nodes() const
{
    NodeCounts counts;
    if (type == Type::Local || type == Type::Remote) {
        counts.total = 1;
        counts.busy = properties.value(QLatin1String("activeRuns")).toInt() > 0 ? 1 : 0;
        counts.idle = counts.total - counts.busy;
        return counts;
    }
    counts.idle = properties.value(QLatin1String("nodesIdle")).toInt();
    counts.busy = properties.value(QLatin1String("nodesBusy")).toInt();
    counts.total = properties.value(QLatin1String("nodesTotal")).toInt();
    return counts;
}

QString ComputeTarget::nodesText() const
{
    const NodeCounts counts = nodes();
    //: Node counts of a compute target: idle / busy / total
    return tr("%1 / %2 / %3").arg(counts.idle).arg(counts.busy).arg(counts.total);
}

QList<std::pair<QString, QString>> ComputeTarget::describe() const
{
    QList<std::pair<QString, QString>> rows;
    rows.append({tr("Name"), name});
    rows.append({tr("Type"), typeDisplayName(type)});
    rows.append({tr("Provisioning state"), stateText()});
    if (!errorText.isEmpty())
        rows.append({tr("Error"), errorText});

    // Known properties first, in a sensible order and with readable labels and values.
    struct Known
    {
        const char *key;
        const char *label;
    };
    static const Known known[] = {
        {"hostName", QT_TR_NOOP("Host name")},
        {"address", QT_TR_NOOP("Address")},
        {"port", QT_TR_NOOP("SSH port")},
        {"userName", QT_TR_NOOP("User name")},
        {"authentication", QT_TR_NOOP("Authentication")},
        {"privateKeyFile", QT_TR_NOOP("Private key file")},
        {"hostKeyType", QT_TR_NOOP("Host key type")},
        {"hostKeyFingerprint", QT_TR_NOOP("Host key fingerprint")},
        {"untrustedHostKey", QT_TR_NOOP("Untrusted host key")},
        {"reachable", QT_TR_NOOP("Reachable")},
        {"lastChecked", QT_TR_NOOP("Last checked")},
        {"runsRoot", QT_TR_NOOP("Runs folder")},
        {"runsRootPath", QT_TR_NOOP("Runs folder on the host")},
        {"runsRootWritable", QT_TR_NOOP("Runs folder writable")},
        {"freeDiskBytes", QT_TR_NOOP("Free disk space")},
        {"partition", QT_TR_NOOP("Partition")},
        {"vmSize", QT_TR_NOOP("VM family")},
        {"vmPriority", QT_TR_NOOP("VM priority")},
        {"minNodes", QT_TR_NOOP("Minimum nodes")},
        {"maxNodes", QT_TR_NOOP("Maximum nodes")},
        {"idleSecondsBeforeScaledown", QT_TR_NOOP("Idle seconds before scale-down")},
        {"os", QT_TR_NOOP("Operating system")},
        {"kernel", QT_TR_NOOP("Kernel")},
        {"architecture", QT_TR_NOOP("Architecture")},
        {"cpuCount", QT_TR_NOOP("CPUs")},
        {"memoryBytes", QT_TR_NOOP("Memory")},
        {"gpus", QT_TR_NOOP("GPUs")},
        {"python", QT_TR_NOOP("Python")},
    };
    QStringList shown;
    for (const Known &k : known) {
        const QString key = QLatin1String(k.key);
        if (!properties.contains(key))
            continue;
        shown << key;
        const QJsonValue value = properties.value(key);
        QString text;
        if (key == QLatin1String("memoryBytes") || key == QLatin1String("freeDiskBytes"))
            text = formatBytes(value.toInteger());
        else if (key == QLatin1String("authentication"))
            text = authenticationName(value.toString());
        else if (key == QLatin1String("lastChecked"))
            text = formatTime(value.toString());
        else if (value.isBool())
            text = value.toBool() ? tr("yes") : tr("no");
        else if (value.isArray())
            text = value.toArray().isEmpty() ? tr("none") : joinArray(value);
        else if (value.isDouble())
            text = QString::number(value.toInteger());
        else
            text = value.toString();
        rows.append({tr(k.label), text});
    }
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        if (shown.contains(it.key()))
            continue;
        const QJsonValue value = it.value();
        QString text = value.isArray() ? joinArray(value)
                     : value.isDouble() ? QString::number(value.toDouble())
                     : value.isBool()   ? (value.toBool() ? tr("yes") : tr("no"))
                                        : value.toString();
        rows.append({it.key(), text});
    }
    rows.append({tr("Nodes (idle / busy / total)"), nodesText()});
    rows.append({tr("Created"), QLocale().toString(created.toLocalTime(), QLocale::ShortFormat)});
    rows.append({tr("Modified"), QLocale().toString(modified.toLocalTime(), QLocale::ShortFormat)});
    return rows;
}

QJsonObject ComputeTarget::toJson() const
{
    const NodeCounts counts = nodes();
    QJsonObject object;
    object.insert(QLatin1String("name"), name);
    object.insert(QLatin1String("type"), typeKey(type));
    object.insert(QLatin1String("provisioningState"), stateKey(state));
    if (!errorText.isEmpty())
        object.insert(QLatin1String("error"), errorText);
    object.insert(QLatin1String("address"), address());
    object.insert(QLatin1String("nodes"), QJsonObject{{QLatin1String("idle"), counts.idle},
                                                      {QLatin1String("busy"), counts.busy},
                                                      {QLatin1String("total"), counts.total}});
    object.insert(QLatin1String("properties"), properties);
    object.insert(QLatin1String("created"), created.toUTC().toString(Qt::ISODateWithMs));
    object.insert(QLatin1String("modified"), modified.toUTC().toString(Qt::ISODateWithMs));
    return object;
}

QString ComputeTarget::typeKey(Type type)
{
    switch (type) {
    case Type::Local:
        return QStringLiteral("local");
    case Type::Remote:
        return QStringLiteral("remote");
    case Type::Slurm:
        return QStringLiteral("slurm");
    }
    return {};
}

std::optional<ComputeTarget::Type> ComputeTarget::typeFromKey(const QString &key)
{
    for (Type type : {Type::Local, Type::Remote, Type::Slurm}) {
        if (typeKey(type) == key)
            return type;
    }
    return std::nullopt;
}

QString ComputeTarget::typeDisplayName(Type type)
{
    switch (type) {
    case Type::Local:
        return tr("Local");
    case Type::Remote:
        return tr("Remote machine");
    case Type::Slurm:
        return tr("Slurm cluster");
    }
    return {};
}

QString ComputeTarget::stateKey(ProvisioningState state)
{
    switch (state) {
    case ProvisioningState::Unknown:
        return QStringLiteral("Unknown");
    case ProvisioningState::Creating:
        return QStringLiteral("Creating");
    case ProvisioningState::Updating:
        return QStringLiteral("Updating");
    case ProvisioningState::Deleting:
        return QStringLiteral("Deleting");
    case ProvisioningState::Succeeded:
        return QStringLiteral("Succeeded");
    case ProvisioningState::Failed:
        return QStringLiteral("Failed");
    case ProvisioningState::Canceled:
        return QStringLiteral("Canceled");
    }
    return {};
}

ComputeTarget::ProvisioningState ComputeTarget::stateFromKey(const QString &key)
{
    using S = ProvisioningState;
    for (S state : {S::Creating, S::Updating, S::Deleting, S::Succeeded, S::Failed, S::Canceled}) {
        if (stateKey(state).compare(key, Qt::CaseInsensitive) == 0)
            return state;
    }
    return S::Unknown;
}

QString ComputeTarget::stateDisplayName(ProvisioningState state)
{
    switch (state) {
    case ProvisioningState::Unknown:
        return tr("Unknown");
    case ProvisioningState::Creating:
        return tr("Creating");
    case ProvisioningState::Updating:
        return tr("Updating");
    case ProvisioningState::Deleting:
        return tr("Deleting");
    case ProvisioningState::Succeeded:
        return tr("Succeeded");
    case ProvisioningState::Failed:
        return tr("Failed");
    case ProvisioningState::Canceled:
        return tr("Canceled");
    }
    return {};
}

QString ComputeTarget::validateName(const QString &name)
{
    if (name.isEmpty())
        return tr("A compute target needs a name.");
    if (name.compare(QLatin1String(LocalName), Qt::CaseInsensitive) == 0)
        return tr("The name “%1” is reserved for this workstation; choose another name.").arg(name);
    if (name.size() < 3 || name.size() > 24)
        return tr("The name “%1” has %n character(s); a compute target name needs 3 to 24.", nullptr,
                  int(name.size())).arg(name);
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9-]*$"));
    if (!allowed.match(name).hasMatch())
        return tr("The name “%1” may contain only letters, digits and hyphens (-).").arg(name);
    if (!name.front().isLetter())
        return tr("The name “%1” must start with a letter.").arg(name);
    return {};
}

} // namespace Trainyard
