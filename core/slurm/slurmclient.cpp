#include "slurmclient.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <utility>

namespace Trainyard {

namespace {

// Beyond this many jobs, jobInfo() asks for all of the controller's jobs in one call.
constexpr int MaximumSingleJobQueries = 3;

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

QStringList lines(const QByteArray &output)
{
    QStringList result = text(output).split(QLatin1Char('\n'));
    for (QString &line : result) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    result.removeAll(QString());
    return result;
}

// Slurm prints "(null)", "N/A" or "none" for an unset value.
QString orEmpty(const QString &value)
{
    const QString trimmed = value.trimmed();
    if (trimmed == QLatin1String("(null)") || trimmed == QLatin1String("N/A") || trimmed == QLatin1String("none")
        || trimmed == QLatin1String("None"))
        return {};
    return trimmed;
}

QStringList list(const QString &value)
{
    const QString present = orEmpty(value);
    return present.isEmpty() ? QStringList() : present.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

// The leading number of "12", "1-1", "300 sec"; `fallback` when there is none.
qint64 leadingNumber(const QString &value, qint64 fallback = 0)
{
    static const QRegularExpression number(QStringLiteral("^\\s*(\\d+)"));
    const QRegularExpressionMatch match = number.match(value);
    return match.hasMatch() ? match.captured(1).toLongLong() : fallback;
}

// "UNLIMITED"/"INFINITE" → -1, otherwise the number.
int limit(const QString &value, int fallback)
{
    const QString upper = value.trimmed().toUpper();
    if (upper == QLatin1String("UNLIMITED") || upper == QLatin1String("INFINITE"))
        return -1;
    bool ok = false;
    const int number = value.trimmed().toInt(&ok);
    return ok ? number : fallback;
}

QDateTime timestamp(const QString &value)
{
    return QDateTime::fromString(value, Qt::ISODate);
}

// "root(0)" → "root".
QString userName(const QString &value)
{
    const qsizetype parenthesis = value.indexOf(QLatin1Char('('));
    return parenthesis < 0 ? value : value.left(parenthesis);
}

bool matchesPattern(const QString &value, const QRegularExpression &pattern)
{
    return pattern.match(value).hasMatch();
}

// POSIX-like user names (and Samba's trailing '$').
bool isUserName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.][A-Za-z0-9_.-]*\\$?$"));
    return matchesPattern(name, pattern);
}

} // namespace

SlurmClient::SlurmClient(CommandRunner &runner)
    : m_runner(runner)
{
}

// --- running commands --------------------------------------------------------------------------

SlurmResult<CommandOutput> SlurmClient::runCommand(const QStringList &command, const QByteArray &standardInput)
{
    auto ran = m_runner.run(command, standardInput, m_timeout);
    if (!ran)
        return SlurmError{SlurmError::Kind::Unreachable, ran.errorMessage(), command.value(0)};
    if (ran->exitStatus == 127) {
        return SlurmError{SlurmError::Kind::CommandMissing,
                          tr("The command %1 is not available on %2 (is it on the PATH of a non-interactive shell there?): %3")
                              .arg(command.value(0), m_runner.hostDescription(), text(ran->standardError).trimmed()),
                          command.value(0)};
    }
    return std::move(ran).value();
}

SlurmResult<CommandOutput> SlurmClient::runSlurm(const QStringList &command, const QByteArray &standardInput)
{
    auto ran = runCommand(command, standardInput);
    if (!ran || ran->succeeded())
        return ran;
    // Slurm's own words, verbatim: they say what went wrong better than any paraphrase.
    QString message = text(ran->standardError).trimmed();
    if (message.isEmpty())
        message = text(ran->standardOutput).trimmed();
    if (message.isEmpty())
        message = tr("%1 failed with exit status %2 on %3.").arg(command.value(0)).arg(ran->exitStatus).arg(m_runner.hostDescription());
    return SlurmError{SlurmError::Kind::Refused, message, command.value(0)};
}

// --- probing -----------------------------------------------------------------------------------

SlurmResult<QString> SlurmClient::version()
{
    auto ran = runSlurm({QStringLiteral("sinfo"), QStringLiteral("--version")});
    if (!ran)
        return ran.error();
    const QString found = parseVersion(ran->standardOutput);
    if (found.isEmpty())
        return SlurmError{SlurmError::Kind::UnexpectedOutput,
                          tr("sinfo --version printed no version: %1").arg(text(ran->standardOutput).trimmed()),
                          QStringLiteral("sinfo")};
    return found;
}

SlurmResult<SlurmConfig> SlurmClient::config()
{
    auto ran = runSlurm({QStringLiteral("scontrol"), QStringLiteral("show"), QStringLiteral("config")});
    if (!ran)
        return ran.error();
    return parseConfig(ran->standardOutput);
}

SlurmResult<QList<SlurmPartition>> SlurmClient::partitions()
{
    auto ran = runSlurm({QStringLiteral("scontrol"), QStringLiteral("show"), QStringLiteral("partition"), QStringLiteral("-o")});
    if (!ran)
        return ran.error();
    return parsePartitions(ran->standardOutput);
}

SlurmResult<QList<SlurmNode>> SlurmClient::nodes()
{
    auto ran = runSlurm({QStringLiteral("sinfo"), QStringLiteral("-N"), QStringLiteral("-h"), QStringLiteral("-O"), nodeFormat()});
    if (!ran)
        return ran.error();
    return parseNodes(ran->standardOutput);
}

SlurmResult<SlurmProbe> SlurmClient::probe()
{
    SlurmProbe probe;
    auto foundVersion = version();
    if (!foundVersion)
        return foundVersion.error();
    probe.version = *foundVersion;
    auto foundConfig = config();
    if (!foundConfig)
        return foundConfig.error();
    probe.config = *foundConfig;
    auto foundPartitions = partitions();
    if (!foundPartitions)
        return foundPartitions.error();
    probe.partitions = *foundPartitions;
    auto foundNodes = nodes();
    if (!foundNodes)
        return foundNodes.error();
    probe.nodes = *foundNodes;

    auto uid = runSlurm({QStringLiteral("id"), QStringLiteral("-u")});
    if (!uid)
        return uid.error();
    auto name = runSlurm({QStringLiteral("id"), QStringLiteral("-un")});
    if (!name)
        return name.error();
    bool numeric = false;
    probe.userId = text(uid->standardOutput).trimmed().toLongLong(&numeric);
    if (!numeric)
        return SlurmError{SlurmError::Kind::UnexpectedOutput,
                          tr("id -u printed no user id: %1").arg(text(uid->standardOutput).trimmed()), QStringLiteral("id")};
    probe.userName = text(name->standardOutput).trimmed();
    checkRights(probe);
    return probe;
}

void SlurmClient::checkRights(SlurmProbe &probe)
{
    if (probe.userId == 0) {
        probe.isOperator = true;
        probe.operatorBasis = QStringLiteral("root");
        return;
    }
    if (probe.config.slurmUserId >= 0 && probe.userId == probe.config.slurmUserId) {
        probe.isOperator = true;
        probe.operatorBasis = QStringLiteral("SlurmUser");
        return;
    }
    // Administrators in the accounting database exist only where there is one (sacctmgr fails
    // without it, and may wait for slurmdbd's timeout when it is down: not asked then).
    if (!probe.config.hasAccounting() || !isUserName(probe.userName))
        return;
    auto level = runSlurm({QStringLiteral("sacctmgr"), QStringLiteral("-n"), QStringLiteral("-P"), QStringLiteral("show"),
                           QStringLiteral("user"), probe.userName, QStringLiteral("format=AdminLevel")});
    if (level && text(level->standardOutput).trimmed() == QLatin1String("Administrator")) {
        probe.isOperator = true;
        probe.operatorBasis = QStringLiteral("AdminLevel=Administrator");
    }
}

// --- partitions ----------------------------------------------------------------------------------

QString SlurmClient::validateName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (name.isEmpty())
        return tr("The name is empty.");
    if (!matchesPattern(name, pattern))
        return tr("\"%1\" may contain only letters, digits, '-' and '_'.").arg(name);
    // In slurm.conf, PartitionName=DEFAULT sets the defaults of the partitions that follow.
    if (name.compare(QLatin1String("DEFAULT"), Qt::CaseInsensitive) == 0)
        return tr("\"%1\" is reserved by Slurm.").arg(name);
    return {};
}

QString SlurmClient::validateNodeName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (!matchesPattern(name, pattern))
        return tr("\"%1\" is not a node name: letters, digits, '.', '-' and '_', starting with a letter or digit.").arg(name);
    return {};
}

QString SlurmClient::validateJobId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]+(_[0-9]+)?$"));
    if (!matchesPattern(id, pattern))
        return tr("\"%1\" is not a Slurm job id.").arg(id);
    return {};
}

SlurmResult<QStringList> SlurmClient::partitionArguments(const SlurmPartitionSettings &settings, bool creating)
{
    const auto invalid = [](const QString &message) { return SlurmError{SlurmError::Kind::InvalidValue, message, {}}; };
    if (const QString problem = validateName(settings.name); !problem.isEmpty())
        return invalid(tr("Partition name: %1").arg(problem));
    QStringList arguments{QStringLiteral("PartitionName=") + settings.name};
    if (creating && (!settings.nodes || settings.nodes->isEmpty()))
        return invalid(tr("A new partition needs at least one node."));
    if (creating && !settings.maxNodes)
        return invalid(tr("A new partition needs its maximum number of nodes."));
    if (settings.nodes) {
        if (settings.nodes->isEmpty())
            return invalid(tr("A partition needs at least one node."));
        for (const QString &node : *settings.nodes) {
            if (const QString problem = validateNodeName(node); !problem.isEmpty())
                return invalid(problem);
        }
        arguments << QStringLiteral("Nodes=") + settings.nodes->join(QLatin1Char(','));
    }
    if (settings.maxNodes) {
        const int maxNodes = *settings.maxNodes;
        if (maxNodes == 0 || maxNodes < -1)
            return invalid(tr("The maximum number of nodes must be at least 1 (or unlimited)."));
        arguments << QStringLiteral("MaxNodes=") + (maxNodes < 0 ? QStringLiteral("UNLIMITED") : QString::number(maxNodes));
    }
    if (settings.maxTimeSeconds) {
        const qint64 seconds = *settings.maxTimeSeconds;
        if (seconds == 0 || seconds < -1)
            return invalid(tr("The maximum run time must be positive (or unlimited)."));
        // Slurm counts time limits in whole minutes.
        arguments << QStringLiteral("MaxTime=") + (seconds < 0 ? QStringLiteral("UNLIMITED") : QString::number((seconds + 59) / 60));
    }
    if (settings.priorityTier) {
        if (*settings.priorityTier < 0 || *settings.priorityTier > 65533)
            return invalid(tr("The priority tier must be between 0 and 65533."));
        arguments << QStringLiteral("PriorityTier=") + QString::number(*settings.priorityTier);
    }
    if (settings.qos) {
        if (const QString problem = validateName(*settings.qos); !problem.isEmpty())
            return invalid(tr("QOS: %1").arg(problem));
        arguments << QStringLiteral("QOS=") + *settings.qos;
    }
    if (settings.up || creating)
        arguments << (settings.up.value_or(true) ? QStringLiteral("State=UP") : QStringLiteral("State=DOWN"));
    if (arguments.size() == 1)
        return invalid(tr("Nothing to change in partition %1.").arg(settings.name));
    return arguments;
}

SlurmResult<void> SlurmClient::createPartition(const SlurmPartitionSettings &settings)
{
    auto arguments = partitionArguments(settings, true);
    if (!arguments)
        return arguments.error();
    auto ran = runSlurm(QStringList{QStringLiteral("scontrol"), QStringLiteral("create")} + *arguments);
    if (!ran)
        return ran.error();
    return {};
}

SlurmResult<void> SlurmClient::updatePartition(const SlurmPartitionSettings &settings)
{
    auto arguments = partitionArguments(settings, false);
    if (!arguments)
        return arguments.error();
    auto ran = runSlurm(QStringList{QStringLiteral("scontrol"), QStringLiteral("update")} + *arguments);
    if (!ran)
        return ran.error();
    return {};
}

SlurmResult<void> SlurmClient::deletePartition(const QString &name)
{
    if (const QString problem = validateName(name); !problem.isEmpty())
        return SlurmError{SlurmError::Kind::InvalidValue, tr("Partition name: %1").arg(problem), {}};
    auto ran = runSlurm({QStringLiteral("scontrol"), QStringLiteral("delete"), QStringLiteral("PartitionName=") + name});
    if (!ran)
        return ran.error();
    return {};
}

// --- jobs ----------------------------------------------------------------------------------------

SlurmResult<QString> SlurmClient::submit(const QStringList &options, const QByteArray &script)
{
    auto ran = runSlurm(QStringList{QStringLiteral("sbatch"), QStringLiteral("--parsable")} + options, script);
    if (!ran)
        return ran.error();
    // "123", or "123;cluster" on a federation.
    const QString id = text(ran->standardOutput).trimmed().section(QLatin1Char(';'), 0, 0);
    if (!validateJobId(id).isEmpty())
        return SlurmError{SlurmError::Kind::UnexpectedOutput,
                          tr("sbatch printed no job id: %1").arg(text(ran->standardOutput).trimmed()), QStringLiteral("sbatch")};
    return id;
}

SlurmResult<void> SlurmClient::cancel(const QStringList &jobIds)
{
    if (jobIds.isEmpty())
        return {};
    for (const QString &id : jobIds) {
        if (const QString problem = validateJobId(id); !problem.isEmpty())
            return SlurmError{SlurmError::Kind::InvalidValue, problem, {}};
    }
    auto ran = runSlurm(QStringList{QStringLiteral("scancel")} + jobIds);
    if (!ran)
        return ran.error();
    return {};
}

SlurmResult<QList<SlurmJob>> SlurmClient::queue(const QString &user)
{
    QStringList command{QStringLiteral("squeue"), QStringLiteral("-h"), QStringLiteral("-o"), queueFormat()};
    if (user.isEmpty()) {
        command << QStringLiteral("--me");
    } else {
        if (!isUserName(user))
            return SlurmError{SlurmError::Kind::InvalidValue, tr("\"%1\" is not a user name.").arg(user), {}};
        command << QStringLiteral("-u") << user;
    }
    auto ran = runSlurm(command);
    if (!ran)
        return ran.error();
    return parseQueue(ran->standardOutput);
}

SlurmResult<QList<SlurmJob>> SlurmClient::jobInfo(const QStringList &jobIds)
{
    QStringList wanted;
    for (const QString &id : jobIds) {
        if (const QString problem = validateJobId(id); !problem.isEmpty())
            return SlurmError{SlurmError::Kind::InvalidValue, problem, {}};
        if (!wanted.contains(id))
            wanted << id;
    }
    QList<SlurmJob> found;
    if (wanted.isEmpty())
        return found;
    const QStringList show{QStringLiteral("scontrol"), QStringLiteral("show"), QStringLiteral("job"), QStringLiteral("-o")};
    if (wanted.size() <= MaximumSingleJobQueries) {
        for (const QString &id : std::as_const(wanted)) {
            auto ran = runCommand(show + QStringList{id});
            if (!ran)
                return ran.error();
            // A job the controller forgot is simply not there.
            if (!ran->succeeded() && ran->standardError.contains("Invalid job id"))
                continue;
            if (!ran->succeeded())
                return SlurmError{SlurmError::Kind::Refused, text(ran->standardError).trimmed(), QStringLiteral("scontrol")};
            found += parseJobs(ran->standardOutput);
        }
        return found;
    }
    auto ran = runSlurm(show);
    if (!ran)
        return ran.error();
    const QList<SlurmJob> all = parseJobs(ran->standardOutput);
    for (const SlurmJob &job : all) {
        if (wanted.contains(job.id))
            found << job;
    }
    return found;
}

// --- formats and parsers -------------------------------------------------------------------------

QString SlurmClient::nodeFormat()
{
    // "Field:0<separator>": no padding, the separator as the field's suffix. Reason (free text) last.
    static const QStringList fields{
        QStringLiteral("NodeList"), QStringLiteral("NodeAddr"), QStringLiteral("StateComplete"),
        QStringLiteral("CPUs"),     QStringLiteral("CPUsState"), QStringLiteral("Memory"),
        QStringLiteral("AllocMem"), QStringLiteral("Gres"),      QStringLiteral("Features"),
        QStringLiteral("Partition"), QStringLiteral("Reason"),
    };
    QStringList specs;
    for (const QString &field : fields)
        specs << field + QStringLiteral(":0") + (field == fields.last() ? QString() : QString(FieldSeparator));
    return specs.join(QLatin1Char(','));
}

QString SlurmClient::queueFormat()
{
    // Job id, state, reason, partition, node count, nodes, user, and the name (free text) last.
    static const QStringList fields{
        QStringLiteral("%i"), QStringLiteral("%T"), QStringLiteral("%r"), QStringLiteral("%P"),
        QStringLiteral("%D"), QStringLiteral("%N"), QStringLiteral("%u"), QStringLiteral("%j"),
    };
    return fields.join(FieldSeparator);
}

QString SlurmClient::parseVersion(const QByteArray &output)
{
    // "slurm-wlm 22.05.8" (Debian), "slurm 23.02.1" (upstream).
    const QStringList found = lines(output);
    if (found.isEmpty())
        return {};
    const QString number = found.first().split(QLatin1Char(' '), Qt::SkipEmptyParts).value(1);
    static const QRegularExpression versionPattern(QStringLiteral("^\\d+\\.\\d+"));
    return matchesPattern(number, versionPattern) ? number : QString();
}

SlurmConfig SlurmClient::parseConfig(const QByteArray &output)
{
    SlurmConfig config;
    for (const QString &line : lines(output)) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals < 0)
            continue;
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (key == QLatin1String("SLURM_VERSION")) {
            config.version = value;
        } else if (key == QLatin1String("ClusterName")) {
            config.clusterName = value;
        } else if (key == QLatin1String("SlurmUser")) {
            // "slurm(64030)"
            config.slurmUser = userName(value);
            const qsizetype open = value.indexOf(QLatin1Char('('));
            if (open >= 0)
                config.slurmUserId = leadingNumber(value.mid(open + 1), -1);
        } else if (key == QLatin1String("AccountingStorageType")) {
            config.accountingStorageType = value;
        } else if (key == QLatin1String("SuspendTime")) {
            // "NONE", "INFINITE" or "600 sec"
            config.suspendTimeSeconds = leadingNumber(value, -1);
        } else if (key == QLatin1String("MinJobAge")) {
            config.minJobAgeSeconds = leadingNumber(value, config.minJobAgeSeconds);
        }
    }
    return config;
}

QHash<QString, QString> SlurmClient::parseKeyValues(const QString &line)
{
    QHash<QString, QString> values;
    QString rest = line;
    // A job name is free text: cut it out before looking for keys.
    static const QRegularExpression jobName(QStringLiteral("(^| )JobName=(.*?) UserId="));
    if (const QRegularExpressionMatch match = jobName.match(rest); match.hasMatch()) {
        values.insert(QStringLiteral("JobName"), match.captured(2));
        rest.replace(match.capturedStart(2), match.capturedLength(2), QString());
    }
    static const QRegularExpression keyPattern(QStringLiteral("(?:^| )([A-Za-z][A-Za-z0-9_:/]*)="));
    struct Key
    {
        QString name;
        qsizetype start; // where " Key=" begins
        qsizetype valueStart;
    };
    QList<Key> keys;
    for (auto it = keyPattern.globalMatch(rest); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        keys << Key{match.captured(1), match.capturedStart(0), match.capturedEnd(0)};
    }
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const qsizetype end = i + 1 < keys.size() ? keys.at(i + 1).start : rest.size();
        const QString &name = keys.at(i).name;
        if (name == QLatin1String("JobName") && values.contains(name))
            continue;
        values.insert(name, rest.mid(keys.at(i).valueStart, end - keys.at(i).valueStart).trimmed());
    }
    return values;
}

qint64 SlurmClient::parseDuration(const QString &value)
{
    const QString trimmed = value.trimmed();
    const QString upper = trimmed.toUpper();
    if (upper == QLatin1String("UNLIMITED") || upper == QLatin1String("INFINITE"))
        return -1;
    static const QRegularExpression pattern(QStringLiteral("^(?:(\\d+)-)?(\\d+)(?::(\\d+))?(?::(\\d+))?$"));
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (!match.hasMatch())
        return -2;
    const qint64 days = match.captured(1).toLongLong();
    QList<qint64> parts{match.captured(2).toLongLong()};
    if (match.hasCaptured(3))
        parts << match.captured(3).toLongLong();
    if (match.hasCaptured(4))
        parts << match.captured(4).toLongLong();
    qint64 seconds = 0;
    if (match.hasCaptured(1)) {
        // days-hours[:minutes[:seconds]]
        const qint64 hours = parts.value(0), minutes = parts.value(1), secs = parts.value(2);
        seconds = ((days * 24 + hours) * 60 + minutes) * 60 + secs;
    } else if (parts.size() == 3) {
        seconds = (parts.at(0) * 60 + parts.at(1)) * 60 + parts.at(2); // hours:minutes:seconds
    } else if (parts.size() == 2) {
        seconds = parts.at(0) * 60 + parts.at(1); // minutes:seconds
    } else {
        seconds = parts.at(0) * 60; // minutes
    }
    return seconds;
}

QList<SlurmPartition> SlurmClient::parsePartitions(const QByteArray &output)
{
    QList<SlurmPartition> partitions;
    for (const QString &line : lines(output)) {
        const QHash<QString, QString> values = parseKeyValues(line);
        if (!values.contains(QStringLiteral("PartitionName")))
            continue;
        SlurmPartition partition;
        partition.name = values.value(QStringLiteral("PartitionName"));
        partition.isDefault = values.value(QStringLiteral("Default")) == QLatin1String("YES");
        partition.hidden = values.value(QStringLiteral("Hidden")) == QLatin1String("YES");
        partition.state = values.value(QStringLiteral("State"));
        partition.nodes = orEmpty(values.value(QStringLiteral("Nodes")));
        partition.totalNodes = int(leadingNumber(values.value(QStringLiteral("TotalNodes"))));
        partition.totalCpus = int(leadingNumber(values.value(QStringLiteral("TotalCPUs"))));
        partition.minNodes = int(leadingNumber(values.value(QStringLiteral("MinNodes"))));
        partition.maxNodes = limit(values.value(QStringLiteral("MaxNodes")), -1);
        const qint64 maxTime = parseDuration(values.value(QStringLiteral("MaxTime")));
        partition.maxTimeSeconds = maxTime < 0 ? -1 : maxTime;
        partition.priorityTier = int(leadingNumber(values.value(QStringLiteral("PriorityTier")), 1));
        partition.qos = orEmpty(values.value(QStringLiteral("QoS")));
        partition.preemptMode = values.value(QStringLiteral("PreemptMode"));
        partitions << partition;
    }
    return partitions;
}

QList<SlurmNode> SlurmClient::parseNodes(const QByteArray &output)
{
    QList<SlurmNode> nodes;
    for (const QString &line : lines(output)) {
        const QStringList fields = line.split(FieldSeparator);
        if (fields.size() < 11)
            continue;
        QString partition = fields.at(9).trimmed();
        if (partition.endsWith(QLatin1Char('*'))) // the default partition
            partition.chop(1);
        // sinfo -N lists a node once per partition.
        const QString name = fields.at(0).trimmed();
        auto existing = std::find_if(nodes.begin(), nodes.end(), [&](const SlurmNode &node) { return node.name == name; });
        if (existing != nodes.end()) {
            if (!partition.isEmpty() && !existing->partitions.contains(partition))
                existing->partitions << partition;
            continue;
        }
        SlurmNode node;
        node.name = name;
        node.address = fields.at(1).trimmed();
        node.slurmState = fields.at(2).trimmed();
        node.state = nodeState(node.slurmState);
        node.cpus = int(leadingNumber(fields.at(3)));
        node.cpusAllocated = int(leadingNumber(fields.at(4))); // "allocated/idle/other/total"
        node.memoryMegabytes = leadingNumber(fields.at(5));
        node.memoryAllocatedMegabytes = leadingNumber(fields.at(6));
        node.gres = orEmpty(fields.at(7));
        node.gpus = gpuCount(node.gres);
        node.features = list(fields.at(8));
        if (!partition.isEmpty())
            node.partitions << partition;
        node.reason = orEmpty(fields.mid(10).join(FieldSeparator));
        nodes << node;
    }
    return nodes;
}

QList<SlurmJob> SlurmClient::parseQueue(const QByteArray &output)
{
    QList<SlurmJob> jobs;
    for (const QString &line : lines(output)) {
        const QStringList fields = line.split(FieldSeparator);
        if (fields.size() < 8)
            continue;
        SlurmJob job;
        job.id = fields.at(0).trimmed();
        job.state = fields.at(1).trimmed();
        job.reason = orEmpty(fields.at(2));
        job.partition = fields.at(3).trimmed();
        job.nodeCount = int(leadingNumber(fields.at(4)));
        job.nodes = orEmpty(fields.at(5));
        job.user = fields.at(6).trimmed();
        job.name = fields.mid(7).join(FieldSeparator);
        jobs << job;
    }
    return jobs;
}

QList<SlurmJob> SlurmClient::parseJobs(const QByteArray &output)
{
    QList<SlurmJob> jobs;
    for (const QString &line : lines(output)) {
        const QHash<QString, QString> values = parseKeyValues(line);
        if (!values.contains(QStringLiteral("JobId")))
            continue;
        SlurmJob job;
        job.id = values.value(QStringLiteral("JobId"));
        const QString arrayJob = values.value(QStringLiteral("ArrayJobId"));
        const QString arrayTask = values.value(QStringLiteral("ArrayTaskId"));
        bool singleTask = false;
        arrayTask.toLongLong(&singleTask);
        if (!arrayJob.isEmpty() && singleTask)
            job.id = arrayJob + QLatin1Char('_') + arrayTask;
        job.name = values.value(QStringLiteral("JobName"));
        job.user = userName(values.value(QStringLiteral("UserId")));
        job.state = values.value(QStringLiteral("JobState"));
        job.reason = orEmpty(values.value(QStringLiteral("Reason")));
        job.partition = values.value(QStringLiteral("Partition"));
        job.nodes = orEmpty(values.value(QStringLiteral("NodeList")));
        job.nodeCount = int(leadingNumber(values.value(QStringLiteral("NumNodes"))));
        if (job.isFinished()) {
            // "exit code:signal"
            const QString exit = values.value(QStringLiteral("ExitCode"));
            job.exitCode = int(leadingNumber(exit.section(QLatin1Char(':'), 0, 0), -1));
            job.signal = int(leadingNumber(exit.section(QLatin1Char(':'), 1, 1), 0));
        }
        job.submitted = timestamp(values.value(QStringLiteral("SubmitTime")));
        job.started = timestamp(values.value(QStringLiteral("StartTime")));
        job.ended = timestamp(values.value(QStringLiteral("EndTime")));
        jobs << job;
    }
    return jobs;
}

int SlurmClient::gpuCount(const QString &gres)
{
    int count = 0;
    QString entry;
    int depth = 0;
    const auto countEntry = [&count](const QString &item) {
        const QStringList parts = item.trimmed().split(QLatin1Char(':'));
        if (parts.value(0) != QLatin1String("gpu"))
            return;
        bool numeric = false;
        const int number = parts.size() > 1 ? parts.last().toInt(&numeric) : 0;
        count += numeric ? number : 1;
    };
    for (const QChar c : gres) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            depth = std::max(0, depth - 1);
        else if (depth == 0 && c == QLatin1Char(',')) {
            countEntry(entry);
            entry.clear();
        } else if (depth == 0)
            entry += c;
    }
    countEntry(entry);
    return count;
}

ClusterNodeState SlurmClient::nodeState(const QString &slurmState)
{
    // "mixed+drain" (sinfo's StateComplete), or a compact/long state with flag characters ("idle~").
    QStringList parts = slurmState.trimmed().toLower().split(QLatin1Char('+'), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return ClusterNodeState::Unknown;
    QString base = parts.takeFirst();
    QSet<QString> flags(parts.cbegin(), parts.cend());
    static const QList<std::pair<QChar, QString>> symbols{
        {QLatin1Char('*'), QStringLiteral("not_responding")}, {QLatin1Char('~'), QStringLiteral("powered_down")},
        {QLatin1Char('#'), QStringLiteral("powering_up")},    {QLatin1Char('%'), QStringLiteral("powering_down")},
        {QLatin1Char('!'), QStringLiteral("power_down")},     {QLatin1Char('$'), QStringLiteral("maint")},
        {QLatin1Char('@'), QStringLiteral("reboot_requested")}, {QLatin1Char('^'), QStringLiteral("reboot_issued")},
        {QLatin1Char('-'), QStringLiteral("planned")},
    };
    for (bool stripped = true; stripped && !base.isEmpty();) {
        stripped = false;
        for (const auto &[symbol, flag] : symbols) {
            if (base.endsWith(symbol)) {
                base.chop(1);
                flags.insert(flag);
                stripped = true;
            }
        }
    }
    const auto any = [&flags](std::initializer_list<const char *> names) {
        for (const char *name : names) {
            if (flags.contains(QLatin1String(name)))
                return true;
        }
        return false;
    };
    const auto is = [&base](std::initializer_list<const char *> names) {
        for (const char *name : names) {
            if (base == QLatin1String(name))
                return true;
        }
        return false;
    };
    if (is({"down", "drain", "drained", "draining", "drng", "fail", "failing", "inval", "error"})
        || any({"drain", "fail", "failing", "invalid_reg"}))
        return ClusterNodeState::Unusable;
    if (any({"powering_up", "power_up"}))
        return ClusterNodeState::Preparing;
    if (any({"powering_down", "power_down"}))
        return ClusterNodeState::Leaving;
    if (any({"powered_down"}))
        return ClusterNodeState::PoweredDown;
    if (any({"not_responding"}))
        return ClusterNodeState::Unusable;
    if (is({"allocated", "alloc", "mixed", "mix", "completing", "comp"}) || any({"completing"}))
        return ClusterNodeState::Running;
    if (is({"idle"}))
        return ClusterNodeState::Idle;
    return ClusterNodeState::Unknown;
}

QString SlurmClient::nodeStateKey(ClusterNodeState state)
{
    switch (state) {
    case ClusterNodeState::Idle:
        return QStringLiteral("idle");
    case ClusterNodeState::Running:
        return QStringLiteral("running");
    case ClusterNodeState::Preparing:
        return QStringLiteral("preparing");
    case ClusterNodeState::Unusable:
        return QStringLiteral("unusable");
    case ClusterNodeState::Leaving:
        return QStringLiteral("leaving");
    case ClusterNodeState::Preempted:
        return QStringLiteral("preempted");
    case ClusterNodeState::PoweredDown:
        return QStringLiteral("poweredDown");
    case ClusterNodeState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace Trainyard
