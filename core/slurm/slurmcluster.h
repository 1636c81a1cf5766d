#pragma once

#include "commandrunner.h"
#include "computetarget.h"
#include "remotemachine.h"
#include "result.h"
#include "slurmclient.h"

#include <QCoreApplication>

#include <memory>

namespace Trainyard {

class CredentialStore;
class SshConnection;
class Workspace;

// How a cluster target reaches Slurm: this computer as a submit host, or a login node over SSH.
struct SlurmAccess
{
    bool local = true;
    RemoteMachineSettings login;   // when !local
    SshCredentials credentials;    // when !local: with the secret typed in (attach/create only)
    SshHostKeyPolicy hostKeyPolicy;
    // Variables the Slurm commands need on the login node beyond its login environment
    // (e.g. SLURM_CONF for a cluster whose configuration is not in the default place).
    QList<std::pair<QString, QString>> environment;
};

// The fields of "Create compute cluster" (REFERENCE.md §5), mapped onto a Slurm partition.
struct SlurmClusterRequest
{
    QString name;
    QString partition;                       // attach: existing; create: empty = the target's name
    QString vmSize;                          // create: a node shape key (SlurmNodeShape::key())
    int maxNodes = 0;                        // create: required
    int minNodes = 0;
    qint64 idleSecondsBeforeScaledown = 1800;
    QString vmPriority = QStringLiteral("dedicated"); // or "lowpriority"
    SlurmAccess access;
};

// Commands and a connection kept together (the runner may borrow the connection).
struct SlurmSession
{
    std::unique_ptr<SshConnection> connection;
    std::unique_ptr<CommandRunner> runner;
};

// Compute cluster targets: a Slurm partition, attached or created, refreshed from sinfo.
class SlurmCluster
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::SlurmCluster)

public:
    // Commands for an existing target (its login node's secret from the keychain).
    static Result<SlurmSession> open(const ComputeTarget &target, CredentialStore &store);

    // Checks the partition exists, records the target with the cluster's facts.
    static Result<ComputeTarget> attach(Workspace &workspace, const SlurmClusterRequest &request, CredentialStore &store);
    // Creates a partition over the nodes of the chosen shape with the node limit. A refusal by
    // Slurm records the target as Failed with Slurm's message (and a hint) and returns it.
    static Result<ComputeTarget> create(Workspace &workspace, const SlurmClusterRequest &request, CredentialStore &store);
    // Reads the partition's nodes again: counts by state, allocation state, the node list.
    static Result<ComputeTarget> refresh(Workspace &workspace, const QString &name, CredentialStore &store);
    // Updates the scale settings (max nodes; the partition's MaxNodes).
    static Result<ComputeTarget> updateScale(Workspace &workspace, const QString &name, int maxNodes, CredentialStore &store);
    // Removes the target; a partition Trainyard created is deleted from Slurm too.
    static Result<void> remove(Workspace &workspace, const QString &name, CredentialStore &store);

    // Node facts of the partition written into the target's properties.
    static void recordNodes(ComputeTarget &target, const SlurmProbe &probe);

    // Commands for access that no target records yet (a wizard's probe before attach or create).
    // Over SSH it connects once, under the access's host key policy.
    static Result<SlurmSession> openAccess(const SlurmAccess &access);

private:
    // The login node's password or passphrase to the keychain (nothing for local access or the agent);
    // notes in `properties` that a key needs its passphrase.
    static Result<void> storeSecret(const SlurmClusterRequest &request, CredentialStore &store, QJsonObject &properties);
};

} // namespace Trainyard
