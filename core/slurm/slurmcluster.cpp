#include "slurmcluster.h"

#include "credentialstore.h"
#include "localcommandrunner.h"
#include "runstore.h"
#include "sshcommandrunner.h"
#include "workspace.h"

#include <QDateTime>
#include <QJsonArray>

namespace Trainyard {

namespace {

QString stateKey(ClusterNodeState state)
{
    return SlurmClient::nodeStateKey(state);
}

Error slurmError(const SlurmError &error)
{
    return error.toError();
}

} // namespace

Result<SlurmSession> SlurmCluster::openAccess(const SlurmAccess &access)
{
    SlurmSession session;
    if (access.local) {
        session.runner = std::make_unique<LocalCommandRunner>();
        return session;
    }
    SshBackoff backoff;
    backoff.maximumAttempts = 1;
    session.connection = std::make_unique<SshConnection>(RemoteMachine::knownHosts(), access.login.endpoint, access.credentials,
                                                         access.hostKeyPolicy, backoff);
    if (auto connected = session.connection->connect(); !connected)
        return connected.error().toError();
    session.runner = std::make_unique<SshCommandRunner>(*session.connection, access.environment);
    return session;
}

Result<SlurmSession> SlurmCluster::open(const ComputeTarget &target, CredentialStore &store)
{
    SlurmAccess access;
    access.local = target.properties.value(QLatin1String("access")).toString() != QLatin1String("ssh");
    if (!access.local) {
        access.login = RemoteMachineSettings::fromTarget(target);
        const QJsonObject environment = target.properties.value(QLatin1String("slurmEnvironment")).toObject();
        for (auto it = environment.begin(); it != environment.end(); ++it)
            access.environment.append({it.key(), it.value().toString()});
        auto credentials = RemoteMachine::credentials(target, store);
        if (!credentials)
            return credentials.error();
        access.credentials = *credentials;
    }
    return openAccess(access);
}

void SlurmCluster::recordNodes(ComputeTarget &target, const SlurmProbe &probe)
{
    const QString partition = target.properties.value(QLatin1String("partition")).toString();
    QJsonObject counts{{QStringLiteral("idle"), 0},     {QStringLiteral("running"), 0}, {QStringLiteral("preparing"), 0},
                       {QStringLiteral("unusable"), 0}, {QStringLiteral("leaving"), 0}, {QStringLiteral("preempted"), 0}};
    QJsonArray nodes;
    int total = 0;
    for (const SlurmNode &node : probe.nodes) {
        if (!node.partitions.contains(partition))
            continue;
        ++total;
        const QString key = stateKey(node.state);
        if (counts.contains(key))
            counts.insert(key, counts.value(key).toInt() + 1);
        nodes.append(QJsonObject{{QStringLiteral("name"), node.name},
                                 {QStringLiteral("address"), node.address},
                                 {QStringLiteral("state"), key},
                                 {QStringLiteral("slurmState"), node.slurmState},
                                 {QStringLiteral("cpus"), node.cpus},
                                 {QStringLiteral("memoryBytes"), node.memoryMegabytes * 1024 * 1024},
                                 {QStringLiteral("gpus"), node.gpus}});
    }
    QJsonObject &p = target.properties;
    p.insert(QStringLiteral("slurmVersion"), probe.version);
    p.insert(QStringLiteral("clusterName"), probe.config.clusterName);
    p.insert(QStringLiteral("nodeStates"), counts);
    p.insert(QStringLiteral("nodeList"), nodes);
    p.insert(QStringLiteral("nodesTotal"), total);
    p.insert(QStringLiteral("nodesIdle"), counts.value(QLatin1String("idle")).toInt());
    p.insert(QStringLiteral("nodesBusy"), counts.value(QLatin1String("running")).toInt());
    // Resizing while nodes power up or down (Slurm's power saving), steady otherwise.
    const bool resizing = counts.value(QLatin1String("preparing")).toInt() + counts.value(QLatin1String("leaving")).toInt() > 0;
    p.insert(QStringLiteral("allocationState"), resizing ? QStringLiteral("resizing") : QStringLiteral("steady"));
    if (const SlurmPartition *found = probe.partition(partition)) {
        p.insert(QStringLiteral("maxNodes"), found->maxNodes);
        p.insert(QStringLiteral("partitionState"), found->state);
    }
    if (probe.config.suspendTimeSeconds >= 0)
        p.insert(QStringLiteral("idleSecondsBeforeScaledown"), probe.config.suspendTimeSeconds);
    p.insert(QStringLiteral("lastChecked"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}

Result<ComputeTarget> SlurmCluster::attach(Workspace &workspace, const SlurmClusterRequest &request, CredentialStore &store)
{
    if (const QString problem = ComputeTarget::validateName(request.name); !problem.isEmpty())
        return Error{problem};
    if (workspace.computeTarget(request.name))
        return Error{tr("A compute target named “%1” already exists.").arg(request.name)};
    if (const QString problem = SlurmClient::validateName(request.partition); !problem.isEmpty())
        return Error{tr("Partition: %1").arg(problem)};
    auto session = openAccess(request.access);
    if (!session)
        return session.error();
    SlurmClient client(*session->runner);
    auto probe = client.probe();
    if (!probe)
        return slurmError(probe.error());
    if (!probe->partition(request.partition)) {
        QStringList names;
        for (const SlurmPartition &partition : probe->partitions)
            names << partition.name;
        return Error{tr("Slurm on %1 has no partition “%2” (it has: %3).")
                         .arg(session->runner->hostDescription(), request.partition, names.join(QLatin1String(", ")))};
    }
    ComputeTarget target;
    target.name = request.name;
    target.type = ComputeTarget::Type::Slurm;
    target.properties.insert(QStringLiteral("partition"), request.partition);
    target.properties.insert(QStringLiteral("access"), request.access.local ? QStringLiteral("local") : QStringLiteral("ssh"));
    target.properties.insert(QStringLiteral("createdByTrainyard"), false);
    if (!request.access.local) {
        request.access.login.writeTo(target.properties);
        target.properties.insert(QStringLiteral("hostKeyFingerprint"), session->connection->session().hostKey().fingerprint);
        target.properties.insert(QStringLiteral("hostKeyType"), session->connection->session().hostKey().type);
    }
    if (!request.access.environment.isEmpty()) {
        QJsonObject environment;
        for (const auto &[name, value] : request.access.environment)
            environment.insert(name, value);
        target.properties.insert(QStringLiteral("slurmEnvironment"), environment);
    }
    recordNodes(target, *probe);
    if (auto stored = storeSecret(request, store, target.properties); !stored)
        return stored.error();
    if (auto added = workspace.addComputeTarget(target); !added) {
        (void)store.removeAllFor(request.name);
        return added.error();
    }
    return target;
}

Result<void> SlurmCluster::storeSecret(const SlurmClusterRequest &request, CredentialStore &store, QJsonObject &properties)
{
    if (request.access.local)
        return {};
    return RemoteMachine::rememberSecret(store, request.name, request.access.login, request.access.credentials, properties);
}

Result<ComputeTarget> SlurmCluster::create(Workspace &workspace, const SlurmClusterRequest &request, CredentialStore &store)
{
    if (const QString problem = ComputeTarget::validateName(request.name); !problem.isEmpty())
        return Error{problem};
    if (workspace.computeTarget(request.name))
        return Error{tr("A compute target named “%1” already exists.").arg(request.name)};
    if (request.maxNodes < 1)
        return Error{tr("The maximum number of nodes must be at least 1.")};
    if (request.minNodes < 0 || request.minNodes > request.maxNodes)
        return Error{tr("The minimum number of nodes must be between 0 and the maximum (%1).").arg(request.maxNodes)};
    const QString partitionName = request.partition.isEmpty() ? request.name : request.partition;
    if (const QString problem = SlurmClient::validateName(partitionName); !problem.isEmpty())
        return Error{tr("Partition: %1").arg(problem)};
    auto session = openAccess(request.access);
    if (!session)
        return session.error();
    SlurmClient client(*session->runner);
    auto probe = client.probe();
    if (!probe)
        return slurmError(probe.error());
    const QList<SlurmNodeShape> shapes = probe->shapes();
    const SlurmNodeShape *shape = nullptr;
    QStringList keys;
    for (const SlurmNodeShape &candidate : shapes) {
        keys << candidate.key();
        if (candidate.key() == request.vmSize)
            shape = &candidate;
    }
    if (!shape)
        return Error{tr("The cluster offers no VM family “%1” (it offers: %2).").arg(request.vmSize, keys.join(QLatin1String(", ")))};

    ComputeTarget target;
    target.name = request.name;
    target.type = ComputeTarget::Type::Slurm;
    target.properties.insert(QStringLiteral("partition"), partitionName);
    target.properties.insert(QStringLiteral("access"), request.access.local ? QStringLiteral("local") : QStringLiteral("ssh"));
    target.properties.insert(QStringLiteral("createdByTrainyard"), true);
    target.properties.insert(QStringLiteral("vmSize"), request.vmSize);
    target.properties.insert(QStringLiteral("vmPriority"), request.vmPriority);
    target.properties.insert(QStringLiteral("minNodes"), request.minNodes);
    target.properties.insert(QStringLiteral("maxNodes"), request.maxNodes);
    target.properties.insert(QStringLiteral("idleSecondsBeforeScaledown"), request.idleSecondsBeforeScaledown);
    if (!request.access.local) {
        request.access.login.writeTo(target.properties);
        target.properties.insert(QStringLiteral("hostKeyFingerprint"), session->connection->session().hostKey().fingerprint);
        target.properties.insert(QStringLiteral("hostKeyType"), session->connection->session().hostKey().type);
    }
    if (!request.access.environment.isEmpty()) {
        QJsonObject environment;
        for (const auto &[name, value] : request.access.environment)
            environment.insert(name, value);
        target.properties.insert(QStringLiteral("slurmEnvironment"), environment);
    }

    // A target recorded, even as Failed, is reached (and deleted) with its login node's secret.
    if (auto stored = storeSecret(request, store, target.properties); !stored)
        return stored.error();

    SlurmPartitionSettings settings;
    settings.name = partitionName;
    settings.nodes = shape->nodes;
    settings.maxNodes = request.maxNodes;
    // Low priority: a lower priority tier, so that dedicated partitions' jobs come first.
    settings.priorityTier = request.vmPriority == QLatin1String("lowpriority") ? 1 : 10;
    if (auto created = client.createPartition(settings); !created) {
        target.state = ComputeTarget::ProvisioningState::Failed;
        target.errorText = tr("%1 — creating a partition needs Slurm operator rights; attach an existing partition instead.")
                               .arg(created.error().message);
        target.properties.insert(QStringLiteral("createdByTrainyard"), false);
        if (auto added = workspace.addComputeTarget(target); !added) {
            (void)store.removeAllFor(request.name);
            return added.error();
        }
        return target;
    }
    auto after = client.probe();
    if (after)
        recordNodes(target, *after);
    target.state = ComputeTarget::ProvisioningState::Succeeded;
    if (auto added = workspace.addComputeTarget(target); !added) {
        (void)client.deletePartition(partitionName);
        (void)store.removeAllFor(request.name);
        return added.error();
    }
    return target;
}

Result<ComputeTarget> SlurmCluster::refresh(Workspace &workspace, const QString &name, CredentialStore &store)
{
    auto target = workspace.computeTarget(name);
    if (!target)
        return target.error();
    if (target->type != ComputeTarget::Type::Slurm)
        return Error{tr("%1 is not a compute cluster.").arg(name)};
    auto session = open(*target, store);
    if (!session)
        return session.error();
    auto probe = SlurmClient(*session->runner).probe();
    ComputeTarget updated = *target;
    if (!probe) {
        updated.properties.insert(QStringLiteral("reachable"), probe.error().kind != SlurmError::Kind::Unreachable);
        updated.errorText = probe.error().message;
    } else {
        updated.properties.insert(QStringLiteral("reachable"), true);
        recordNodes(updated, *probe);
        if (!probe->partition(updated.properties.value(QLatin1String("partition")).toString())) {
            updated.state = ComputeTarget::ProvisioningState::Failed;
            updated.errorText = tr("The partition %1 no longer exists.").arg(updated.properties.value(QLatin1String("partition")).toString());
        } else if (updated.state != ComputeTarget::ProvisioningState::Failed || updated.errorText.contains(QLatin1String("partition"))) {
            updated.state = ComputeTarget::ProvisioningState::Succeeded;
            updated.errorText.clear();
        }
    }
    if (auto saved = workspace.updateComputeTarget(updated); !saved)
        return saved.error();
    return updated;
}

Result<ComputeTarget> SlurmCluster::updateScale(Workspace &workspace, const QString &name, int maxNodes, CredentialStore &store)
{
    auto target = workspace.computeTarget(name);
    if (!target)
        return target.error();
    if (maxNodes < 1)
        return Error{tr("The maximum number of nodes must be at least 1.")};
    auto session = open(*target, store);
    if (!session)
        return session.error();
    SlurmPartitionSettings settings;
    settings.name = target->properties.value(QLatin1String("partition")).toString();
    settings.maxNodes = maxNodes;
    if (auto updated = SlurmClient(*session->runner).updatePartition(settings); !updated)
        return slurmError(updated.error());
    ComputeTarget changed = *target;
    changed.properties.insert(QStringLiteral("maxNodes"), maxNodes);
    if (auto saved = workspace.updateComputeTarget(changed); !saved)
        return saved.error();
    return refresh(workspace, name, store);
}

Result<void> SlurmCluster::remove(Workspace &workspace, const QString &name, CredentialStore &store)
{
    auto target = workspace.computeTarget(name);
    if (!target)
        return target.error();
    if (target->type != ComputeTarget::Type::Slurm)
        return Error{tr("%1 is not a compute cluster.").arg(name)};
    RunFilter filter;
    filter.activeOnly = true;
    auto active = RunStore(workspace).runs(filter);
    if (!active)
        return active.error();
    for (const RunRecord &run : std::as_const(*active)) {
        if (run.target == name)
            return Error{tr("Run %1 on %2 is still active: cancel it or wait until it ends.").arg(run.id, name)};
    }
    if (target->properties.value(QLatin1String("createdByTrainyard")).toBool()) {
        auto session = open(*target, store);
        if (!session)
            return session.error();
        const QString partition = target->properties.value(QLatin1String("partition")).toString();
        if (auto deleted = SlurmClient(*session->runner).deletePartition(partition); !deleted)
            return slurmError(deleted.error());
    }
    (void)store.removeAllFor(name);
    return workspace.removeComputeTarget(name);
}

} // namespace Trainyard
