#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Trainyard {

// A node's state in the terms of REFERENCE.md §5 (the states a compute cluster counts), mapped
// from Slurm's: idle → Idle; allocated/mixed/completing → Running; powering up → Preparing;
// down/drain/fail/not responding → Unusable; powering down → Leaving. Slurm has no preempted
// nodes (it preempts jobs), so Preempted is never produced from a node state. PoweredDown is a
// node that power saving switched off: the cluster scaled down and can bring it back.
enum class ClusterNodeState { Idle, Running, Preparing, Unusable, Leaving, Preempted, PoweredDown, Unknown };

// One node as `sinfo -N` reports it.
struct SlurmNode
{
    QString name;
    QString address;       // NodeAddr
    QString slurmState;    // Slurm's complete state, e.g. "idle", "mixed+drain", "idle+powered_down"
    ClusterNodeState state = ClusterNodeState::Unknown;
    int cpus = 0;
    int cpusAllocated = 0;
    qint64 memoryMegabytes = 0;
    qint64 memoryAllocatedMegabytes = 0;
    QString gres;          // e.g. "gpu:a100:4(S:0-1)"; empty when none
    int gpus = 0;          // the gpu entries of gres summed
    QStringList features;  // available features
    QStringList partitions;
    QString reason;        // why it is down or drained, as an administrator wrote it

    friend bool operator==(const SlurmNode &, const SlurmNode &) = default;
};

// A partition as `scontrol show partition` reports it. Trainyard's compute cluster is a partition.
struct SlurmPartition
{
    QString name;
    bool isDefault = false;
    QString state;              // UP, DOWN, DRAIN, INACTIVE
    QString nodes;              // Slurm's host list expression, e.g. "node[01-04]"; empty when none
    int totalNodes = 0;
    int totalCpus = 0;
    int minNodes = 0;
    int maxNodes = -1;          // per job; -1: unlimited
    qint64 maxTimeSeconds = -1; // -1: unlimited
    int priorityTier = 1;
    QString qos;                // empty when none
    QString preemptMode;
    bool hidden = false;

    friend bool operator==(const SlurmPartition &, const SlurmPartition &) = default;
};

// One job, from `squeue` (while queued or running) or `scontrol show job` (also shortly after it
// ended, for MinJobAge seconds).
struct SlurmJob
{
    QString id;          // "123", or "123_4" for an array task
    QString name;
    QString user;
    QString state;       // Slurm's: PENDING, RUNNING, COMPLETING, COMPLETED, FAILED, CANCELLED, TIMEOUT, ...
    QString reason;      // why it is pending (Resources, Priority, ...); empty for Slurm's "None"
    QString partition;
    QString nodes;       // host list expression; empty while pending
    int nodeCount = 0;
    int exitCode = -1;   // from scontrol only; -1: not known (yet)
    int signal = 0;      // the signal that ended it, 0 for none
    QDateTime submitted; // from scontrol only
    QDateTime started;
    QDateTime ended;

    bool isPending() const { return state == QLatin1String("PENDING"); }
    // Started and not ended: RUNNING, CONFIGURING (nodes booting), COMPLETING, STAGE_OUT.
    bool isRunning() const;
    // Ended for good: COMPLETED, FAILED, CANCELLED, TIMEOUT, NODE_FAIL, PREEMPTED, ...
    bool isFinished() const;

    friend bool operator==(const SlurmJob &, const SlurmJob &) = default;
};

// The parts of `scontrol show config` Trainyard uses.
struct SlurmConfig
{
    QString version;
    QString clusterName;
    QString slurmUser;               // the user slurmctld runs as
    qint64 slurmUserId = -1;
    QString accountingStorageType;   // accounting_storage/none or .../slurmdbd
    qint64 suspendTimeSeconds = -1;  // power saving: idle seconds before a node is suspended; -1: off
    qint64 minJobAgeSeconds = 300;   // how long finished jobs stay visible to scontrol

    bool hasAccounting() const { return accountingStorageType.endsWith(QLatin1String("/slurmdbd")); }
};

// Nodes alike in what a job can ask for: the "VM family" a cluster wizard offers.
struct SlurmNodeShape
{
    int cpus = 0;
    qint64 memoryMegabytes = 0;
    int gpus = 0;
    QString gres;          // normalized: socket bindings dropped, entries sorted
    QStringList features;  // sorted
    QStringList nodes;
    QStringList partitions; // every partition any of the nodes is in

    // A stable name for command lines: "8cpu-64000mb", "8cpu-64000mb-4gpu-gpu:a100:4",
    // "2cpu-1000mb-avx512+ib". Nodes of one shape share it.
    QString key() const;

    // The nodes grouped by (CPUs, memory, GRES, features), largest group first, then by key.
    static QList<SlurmNodeShape> group(const QList<SlurmNode> &nodes);

    friend bool operator==(const SlurmNodeShape &, const SlurmNodeShape &) = default;
};

// What a probe of a Slurm cluster found.
struct SlurmProbe
{
    QString version;                // "22.05.8", from `sinfo --version`
    SlurmConfig config;
    QList<SlurmPartition> partitions;
    QList<SlurmNode> nodes;
    QString userName;
    qint64 userId = -1;
    // May the user create, update and delete partitions? Slurm allows that to its "super users"
    // only: root, the SlurmUser, and users with AdminLevel=Administrator in the accounting
    // database (an AdminLevel=Operator may not). Without accounting storage only the first two
    // exist, so the check is: uid 0 or the SlurmUser's uid, else `sacctmgr` when accounting is on.
    bool isOperator = false;
    QString operatorBasis;          // "root", "SlurmUser", "AdminLevel=Administrator"; empty when not

    QList<SlurmNodeShape> shapes() const;
    const SlurmPartition *partition(const QString &name) const;
};

// What `scontrol create/update partition` sets. For an update, only the set fields change.
struct SlurmPartitionSettings
{
    QString name;
    std::optional<QStringList> nodes;       // node names; required to create
    std::optional<int> maxNodes;            // per job; -1: unlimited; required to create
    std::optional<qint64> maxTimeSeconds;   // -1: unlimited
    std::optional<int> priorityTier;
    std::optional<QString> qos;             // empty: none
    std::optional<bool> up;                 // State=UP or DOWN; a new partition is UP unless set
};

} // namespace Trainyard
