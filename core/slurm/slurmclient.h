#pragma once

#include "commandrunner.h"
#include "slurmerror.h"
#include "slurmtypes.h"

#include <QCoreApplication>
#include <QHash>

namespace Trainyard {

// Slurm through its command-line tools on a host: this computer when it is a submit host, or a
// login node over SSH (see CommandRunner). Every value that reaches a command is validated first,
// and every argument travels as one argument (quoted over SSH). When Slurm refuses something, its
// own message comes back verbatim (SlurmError::Kind::Refused).
//
// Calls block (each is one or a few Slurm commands): run them off the GUI thread. Mind the
// controller's load: a poll is one queue() call for all of a user's jobs, never one per job.
//
// Output is read from formats chosen here: fields separated by the ASCII unit separator (0x1f),
// which no Slurm name or state contains, and free text (job names, node reasons) last.
class SlurmClient
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::SlurmClient)

public:
    using Milliseconds = CommandRunner::Milliseconds;
    static constexpr QChar FieldSeparator{0x1f};

    // The runner is not owned and must outlive the client.
    explicit SlurmClient(CommandRunner &runner);

    // The limit for each command (60 s by default).
    void setTimeout(Milliseconds timeout) { m_timeout = timeout; }

    // Version, configuration, partitions, nodes and the user's rights: four to six commands.
    SlurmResult<SlurmProbe> probe();
    SlurmResult<QString> version();
    SlurmResult<SlurmConfig> config();
    // The partitions the user may see (`scontrol show partition` leaves hidden ones out).
    SlurmResult<QList<SlurmPartition>> partitions();
    // Every node in a partition (sinfo lists no node outside all partitions).
    SlurmResult<QList<SlurmNode>> nodes();
    static QList<SlurmNodeShape> nodeShapes(const QList<SlurmNode> &nodes) { return SlurmNodeShape::group(nodes); }

    // `scontrol create PartitionName=... Nodes=... MaxNodes=... State=UP`. Needs nodes and maxNodes.
    SlurmResult<void> createPartition(const SlurmPartitionSettings &settings);
    // `scontrol update PartitionName=...` with the fields that are set.
    SlurmResult<void> updatePartition(const SlurmPartitionSettings &settings);
    SlurmResult<void> deletePartition(const QString &name);

    // `sbatch --parsable <options>` with the script on its stdin; returns the job id. The options
    // reach sbatch verbatim (they are arguments, never shell text).
    SlurmResult<QString> submit(const QStringList &options, const QByteArray &script);
    // `scancel <ids>`.
    SlurmResult<void> cancel(const QStringList &jobIds);
    // The jobs Slurm still queues or runs for `user` (empty: the user the commands run as), in one
    // `squeue` call.
    SlurmResult<QList<SlurmJob>> queue(const QString &user = {});
    // Jobs that may have left the queue, through `scontrol show job`: one call per job for a few
    // jobs, one call for all of the controller's jobs beyond that. Jobs Slurm no longer knows
    // (finished more than MinJobAge ago) are missing from the result.
    SlurmResult<QList<SlurmJob>> jobInfo(const QStringList &jobIds);

    // The commands' formats and their parsers, exposed for tests.
    static QString nodeFormat();
    static QString queueFormat();
    static QString parseVersion(const QByteArray &output);
    static SlurmConfig parseConfig(const QByteArray &output);
    static QList<SlurmPartition> parsePartitions(const QByteArray &output);
    static QList<SlurmNode> parseNodes(const QByteArray &output);
    static QList<SlurmJob> parseQueue(const QByteArray &output);
    static QList<SlurmJob> parseJobs(const QByteArray &output);
    // One line of `scontrol show ... -o`: Key=Value pairs separated by spaces. A value runs to the
    // next " Key=" (so values with spaces, such as OS=Linux 6.1 #1 SMP, survive); JobName, which may
    // itself contain " X=", runs to " UserId=".
    static QHash<QString, QString> parseKeyValues(const QString &line);
    static ClusterNodeState nodeState(const QString &slurmState);
    static QString nodeStateKey(ClusterNodeState state);
    // The number of GPUs in a GRES string: "gpu:a100:4(S:0-1),gpu:2,nic:1" → 6.
    static int gpuCount(const QString &gres);
    // "1-02:03:04", "02:03:04", "03:04", "5" (minutes), "UNLIMITED" (-1) → seconds; -2 when unreadable.
    static qint64 parseDuration(const QString &text);
    // The scontrol arguments for `settings` (after "create"/"update"), or InvalidValue.
    static SlurmResult<QStringList> partitionArguments(const SlurmPartitionSettings &settings, bool creating);
    // Letters, digits, '-' and '_' (partition and QOS names). An empty string when valid.
    static QString validateName(const QString &name);
    static QString validateNodeName(const QString &name);
    static QString validateJobId(const QString &id);

private:
    // Runs a Slurm command; a non-zero exit status becomes Refused with Slurm's message.
    SlurmResult<CommandOutput> runSlurm(const QStringList &command, const QByteArray &standardInput = {});
    SlurmResult<CommandOutput> runCommand(const QStringList &command, const QByteArray &standardInput = {});
    void checkRights(SlurmProbe &probe);

    CommandRunner &m_runner;
    Milliseconds m_timeout = CommandRunner::DefaultTimeout;
};

} // namespace Trainyard
