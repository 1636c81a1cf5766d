#include "command.h"
#include "commandline.h"
#include "credentialstore.h"
#include "remotemachine.h"
#include "slurmcluster.h"
#include "tablewriter.h"
#include "workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cstdio>

namespace Trainyard::Cli {

namespace {

int listTargets(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    const auto targets = (*workspace)->computeTargets();
    if (!targets)
        return reportFailure(context, targets.errorMessage());

    if (context.format == OutputFormat::Json) {
        QJsonArray array;
        for (const ComputeTarget &target : *targets)
            array.append(target.toJson());
        writeJson(context, array);
        return Success;
    }
    TableWriter table({CommandLine::tr("NAME"), CommandLine::tr("TYPE"), CommandLine::tr("STATE"),
                       CommandLine::tr("NODES"), CommandLine::tr("SIZE"), CommandLine::tr("ADDRESS"),
                       CommandLine::tr("CREATED")});
    for (const ComputeTarget &target : *targets) {
        table.addRow({target.name, ComputeTarget::typeKey(target.type), ComputeTarget::stateKey(target.state),
                      target.nodesText(), target.sizeFamily(), target.address(),
                      target.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))});
    }
    table.write(context.out);
    return Success;
}

int showTarget(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    const auto target = (*workspace)->computeTarget(context.arguments.at(0));
    if (!target)
        return reportFailure(context, target.errorMessage());

    if (context.format == OutputFormat::Json) {
        writeJson(context, target->toJson());
        return Success;
    }
    TableWriter table({CommandLine::tr("Property"), CommandLine::tr("Value")});
    const auto rows = target->describe();
    for (const auto &[label, value] : rows)
        table.addRow({label, value});
    table.write(context.out);
    return Success;
}

// One line from standard input, without its line end: how secrets reach the CLI (never as an
// argument, which `ps` shows).
QString readSecretLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = in.readLine(64 * 1024);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

void printFacts(CommandContext &context, const ComputeTarget &target)
{
    TableWriter table({CommandLine::tr("Property"), CommandLine::tr("Value")});
    const auto rows = target.describe();
    for (const auto &[label, value] : rows)
        table.addRow({label, value});
    table.write(context.out);
}

// A target as the workspace keeps it (with its created and modified times), in the chosen format.
void writeStored(CommandContext &context, Workspace &workspace, const ComputeTarget &target)
{
    const auto stored = workspace.computeTarget(target.name);
    const ComputeTarget &shown = stored ? *stored : target;
    if (context.format == OutputFormat::Json)
        writeJson(context, shown.toJson());
    else
        printFacts(context, shown);
}

int attachSlurm(CommandContext &context, bool create);

// The SSH options of attach remote (also a Slurm login node's): the problem with them, or empty.
QString readSshOptions(CommandContext &context, RemoteMachineSettings &login, SshCredentials &credentials, SshHostKeyPolicy &policy)
{
    const QCommandLineParser &p = context.parser;
    login.endpoint.host = p.value(QStringLiteral("address"));
    login.endpoint.user = p.value(QStringLiteral("username"));
    if (login.endpoint.host.isEmpty() || login.endpoint.user.isEmpty())
        return CommandLine::tr("Give the host's --address and --username (for a cluster, or --local).");
    bool portOk = true;
    const int port = p.isSet(QStringLiteral("ssh-port")) ? p.value(QStringLiteral("ssh-port")).toInt(&portOk) : 22;
    if (!portOk || port < 1 || port > 65535)
        return CommandLine::tr("--ssh-port must be a number from 1 to 65535.");
    login.endpoint.port = quint16(port);
    if (p.isSet(QStringLiteral("runs-root")))
        login.runsRoot = p.value(QStringLiteral("runs-root"));
    const bool password = p.isSet(QStringLiteral("password-stdin"));
    const bool key = p.isSet(QStringLiteral("private-key-file"));
    const bool agent = p.isSet(QStringLiteral("agent"));
    if (int(password) + int(key) + int(agent) != 1)
        return CommandLine::tr("Choose exactly one of --password-stdin, --private-key-file FILE and --agent.");
    if (p.isSet(QStringLiteral("passphrase-stdin")) && !key)
        return CommandLine::tr("--passphrase-stdin goes with --private-key-file.");
    if (password) {
        login.method = SshCredentials::Method::Password;
        credentials = SshCredentials::withPassword(readSecretLine());
    } else if (key) {
        login.method = SshCredentials::Method::PrivateKey;
        login.privateKeyFile = QFileInfo(p.value(QStringLiteral("private-key-file"))).absoluteFilePath();
        const QString passphrase = p.isSet(QStringLiteral("passphrase-stdin")) ? readSecretLine() : QString();
        credentials = SshCredentials::withPrivateKey(login.privateKeyFile, passphrase);
    } else {
        login.method = SshCredentials::Method::Agent;
        credentials = SshCredentials::withAgent();
    }
    if (p.isSet(QStringLiteral("accept-host-key")))
        policy = SshHostKeyPolicy::acceptAndRemember(p.value(QStringLiteral("accept-host-key")));
    return {};
}

int attachTarget(CommandContext &context)
{
    const QString kind = context.arguments.at(0);
    if (kind == QLatin1String("slurm"))
        return attachSlurm(context, false);
    if (kind != QLatin1String("remote"))
        return reportUsageError(context, CommandLine::tr("Unknown kind “%1”: attach remote or attach slurm.").arg(kind));
    RemoteAttachRequest request;
    request.name = context.parser.value(QStringLiteral("name"));
    if (request.name.isEmpty())
        return reportUsageError(context, CommandLine::tr("attach remote needs --name, --address and --username."));
    if (const QString problem = readSshOptions(context, request.settings, request.credentials, request.hostKeyPolicy); !problem.isEmpty())
        return reportUsageError(context, problem);

    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    CredentialStore store;
    auto attached = RemoteMachine::attach(**workspace, request, store);
    if (!attached) {
        const SshError &error = attached.error();
        QString message = error.message;
        if (error.kind == SshError::Kind::HostKeyUnknown) {
            message += QLatin1Char('\n')
                       + CommandLine::tr("If this is the host's key (check with its administrator or `ssh-keygen -lf` on the host), "
                                         "attach again with --accept-host-key %1")
                             .arg(error.fingerprint());
        }
        return reportFailure(context, message);
    }
    if (!attached->secretsRemembered) {
        context.err << CommandLine::tr("trainyard-cli: warning: the secret is not remembered (%1); later commands will need it again.")
                           .arg(attached->keychainNote)
                    << '\n';
    }
    writeStored(context, **workspace, attached->target);
    if (attached->target.state == ComputeTarget::ProvisioningState::Failed)
        return reportFailure(context, attached->target.errorText);
    return Success;
}

int attachSlurm(CommandContext &context, bool create)
{
    const QCommandLineParser &p = context.parser;
    SlurmClusterRequest request;
    request.name = p.value(QStringLiteral("name"));
    if (request.name.isEmpty())
        return reportUsageError(context, CommandLine::tr("--name is needed."));
    request.access.local = p.isSet(QStringLiteral("local"));
    if (!request.access.local) {
        if (const QString problem = readSshOptions(context, request.access.login, request.access.credentials, request.access.hostKeyPolicy);
            !problem.isEmpty()) {
            return reportUsageError(context, problem);
        }
        static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        for (const QString &assignment : p.values(QStringLiteral("slurm-env"))) {
            const qsizetype equals = assignment.indexOf(QLatin1Char('='));
            if (equals <= 0 || !name.match(assignment.left(equals)).hasMatch()) {
                return reportUsageError(context,
                                        CommandLine::tr("--slurm-env takes NAME=VALUE with a valid variable name, not “%1”.").arg(assignment));
            }
            request.access.environment.append({assignment.left(equals), assignment.mid(equals + 1)});
        }
    }
    request.partition = p.value(QStringLiteral("partition"));
    if (create) {
        request.vmSize = p.value(QStringLiteral("vm-size"));
        bool ok = true;
        request.maxNodes = p.value(QStringLiteral("max-nodes")).toInt(&ok);
        if (request.vmSize.isEmpty() || !p.isSet(QStringLiteral("max-nodes")))
            return reportUsageError(context, CommandLine::tr("create slurm needs --vm-size and --max-nodes."));
        if (!ok || request.maxNodes < 1) {
            return reportUsageError(context, CommandLine::tr("--max-nodes takes a whole number of at least 1, not “%1”.")
                                                 .arg(p.value(QStringLiteral("max-nodes"))));
        }
        if (p.isSet(QStringLiteral("min-nodes"))) {
            request.minNodes = p.value(QStringLiteral("min-nodes")).toInt(&ok);
            if (!ok || request.minNodes < 0 || request.minNodes > request.maxNodes) {
                return reportUsageError(context, CommandLine::tr("--min-nodes takes a whole number from 0 to --max-nodes (%1), not “%2”.")
                                                     .arg(request.maxNodes)
                                                     .arg(p.value(QStringLiteral("min-nodes"))));
            }
        }
        if (p.isSet(QStringLiteral("idle-seconds-before-scaledown"))) {
            request.idleSecondsBeforeScaledown = p.value(QStringLiteral("idle-seconds-before-scaledown")).toLongLong(&ok);
            if (!ok || request.idleSecondsBeforeScaledown < 0) {
                return reportUsageError(context, CommandLine::tr("--idle-seconds-before-scaledown takes a whole number of seconds, not “%1”.")
                                                     .arg(p.value(QStringLiteral("idle-seconds-before-scaledown"))));
            }
        }
        if (p.isSet(QStringLiteral("vm-priority")))
            request.vmPriority = p.value(QStringLiteral("vm-priority")).toLower();
        if (request.vmPriority != QLatin1String("dedicated") && request.vmPriority != QLatin1String("lowpriority"))
            return reportUsageError(context, CommandLine::tr("--vm-priority is dedicated or lowpriority."));
    } else if (request.partition.isEmpty()) {
        return reportUsageError(context, CommandLine::tr("attach slurm needs --partition."));
    }
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    CredentialStore store;
    auto done = create ? SlurmCluster::create(**workspace, request, store) : SlurmCluster::attach(**workspace, request, store);
    if (!done)
        return reportFailure(context, done.errorMessage());
    writeStored(context, **workspace, *done);
    if (done->state == ComputeTarget::ProvisioningState::Failed)
        return reportFailure(context, done->errorText);
    return Success;
}

int createTarget(CommandContext &context)
{
    if (context.arguments.at(0) != QLatin1String("slurm"))
        return reportUsageError(context, CommandLine::tr("Unknown kind “%1”: create slurm.").arg(context.arguments.at(0)));
    return attachSlurm(context, true);
}

int deleteTarget(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    CredentialStore store;
    if (auto removed = SlurmCluster::remove(**workspace, context.arguments.at(0), store); !removed)
        return reportFailure(context, removed.errorMessage());
    context.out << CommandLine::tr("Deleted %1.").arg(context.arguments.at(0)) << '\n';
    return Success;
}

int updateTarget(CommandContext &context)
{
    bool ok = false;
    const int maxNodes = context.parser.value(QStringLiteral("max-nodes")).toInt(&ok);
    if (!context.parser.isSet(QStringLiteral("max-nodes")))
        return reportUsageError(context, CommandLine::tr("update needs --max-nodes."));
    if (!ok || maxNodes < 1) {
        return reportUsageError(context, CommandLine::tr("--max-nodes takes a whole number of at least 1, not “%1”.")
                                             .arg(context.parser.value(QStringLiteral("max-nodes"))));
    }
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    CredentialStore store;
    auto updated = SlurmCluster::updateScale(**workspace, context.arguments.at(0), maxNodes, store);
    if (!updated)
        return reportFailure(context, updated.errorMessage());
    if (context.format == OutputFormat::Json)
        writeJson(context, updated->toJson());
    else
        printFacts(context, *updated);
    return Success;
}

int detachTarget(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    CredentialStore store;
    if (auto detached = RemoteMachine::detach(**workspace, context.arguments.at(0), store); !detached)
        return reportFailure(context, detached.errorMessage());
    context.out << CommandLine::tr("Detached %1.").arg(context.arguments.at(0)) << '\n';
    return Success;
}

int testTarget(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    CredentialStore store;
    const auto existing = (*workspace)->computeTarget(context.arguments.at(0));
    if (!existing)
        return reportFailure(context, existing.errorMessage());
    const QString accepted = context.parser.value(QStringLiteral("accept-host-key"));
    if (!accepted.isEmpty() && existing->type != ComputeTarget::Type::Remote)
        return reportUsageError(context, CommandLine::tr("--accept-host-key is for remote machines."));
    auto tested = existing->type == ComputeTarget::Type::Slurm ? SlurmCluster::refresh(**workspace, existing->name, store)
                  : accepted.isEmpty()                         ? RemoteMachine::test(**workspace, existing->name, store)
                                                               : RemoteMachine::trustHostKey(**workspace, existing->name, accepted, store);
    if (!tested)
        return reportFailure(context, tested.errorMessage());
    if (context.format == OutputFormat::Json)
        writeJson(context, tested->toJson());
    else
        printFacts(context, *tested);
    if (tested->state == ComputeTarget::ProvisioningState::Failed) {
        QString message = tested->errorText;
        const QString untrusted = tested->properties.value(QLatin1String("untrustedHostKey")).toString();
        if (!untrusted.isEmpty()) {
            message += QLatin1Char('\n')
                       + CommandLine::tr("If this is the host's key (check with its administrator or `ssh-keygen -lf` on the host), "
                                         "test again with --accept-host-key %1")
                             .arg(untrusted);
        }
        return reportFailure(context, message);
    }
    return Success;
}

// How to reach a host over SSH (attach remote, and a Slurm cluster's login node).
QList<QCommandLineOption> sshOptions()
{
    using O = QCommandLineOption;
    return {
        O({QStringLiteral("address")}, CommandLine::tr("Host name or IP address."), QStringLiteral("HOST")),
        O({QStringLiteral("ssh-port")}, CommandLine::tr("SSH port (default 22)."), QStringLiteral("PORT")),
        O({QStringLiteral("username")}, CommandLine::tr("User name on the host."), QStringLiteral("USER")),
        O({QStringLiteral("password-stdin")}, CommandLine::tr("Sign in with a password read from standard input.")),
        O({QStringLiteral("private-key-file")}, CommandLine::tr("Sign in with this private key (ed25519, ECDSA or RSA)."), QStringLiteral("FILE")),
        O({QStringLiteral("passphrase-stdin")}, CommandLine::tr("Read the key's passphrase from standard input.")),
        O({QStringLiteral("agent")}, CommandLine::tr("Sign in with the keys of the running ssh-agent.")),
        O({QStringLiteral("accept-host-key")}, CommandLine::tr("Trust the host key with this SHA256 fingerprint and remember it."),
          QStringLiteral("SHA256:…")),
        O({QStringLiteral("runs-root")}, CommandLine::tr("Where runs live on the host (default ~/.trainyard/runs)."), QStringLiteral("DIR")),
    };
}

// How a Slurm cluster is reached: this computer, or a login node (with sshOptions()).
QList<QCommandLineOption> slurmAccessOptions()
{
    using O = QCommandLineOption;
    return {
        O({QStringLiteral("local")}, CommandLine::tr("slurm: this computer submits the jobs (no SSH).")),
        O({QStringLiteral("slurm-env")}, CommandLine::tr("slurm over SSH: a variable the Slurm commands need on the login node (repeatable)."),
          QStringLiteral("NAME=VALUE")),
    };
}

} // namespace

QList<Command> computeTargetCommands()
{
    return {
        Command{"computetarget", "list",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "List the workspace's compute targets."),
                nullptr, 0, 0, {}, listTargets},
        Command{"computetarget", "show",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Show every property of one compute target."),
                "NAME", 1, 1, {}, showTarget},
        Command{"computetarget", "attach",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine",
                                  "Attach a remote machine over SSH: checks the host key, signs in, probes it. Secrets are read "
                                  "from standard input and kept in the desktop keychain."),
                "remote", 1, 1,
                [] {
                    using O = QCommandLineOption;
                    return QList<O>{
                        O({QStringLiteral("n"), QStringLiteral("name")}, CommandLine::tr("The compute target's name."), QStringLiteral("NAME")),
                        O({QStringLiteral("partition")}, CommandLine::tr("slurm: the partition to attach."), QStringLiteral("PARTITION")),
                    } + sshOptions() + slurmAccessOptions();
                },
                attachTarget},
        Command{"computetarget", "create",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine",
                                  "Create a compute cluster: a Slurm partition over the nodes of one VM family (needs Slurm "
                                  "operator rights)."),
                "slurm", 1, 1,
                [] {
                    using O = QCommandLineOption;
                    return QList<O>{
                        O({QStringLiteral("n"), QStringLiteral("name")}, CommandLine::tr("The compute target's name."), QStringLiteral("NAME")),
                        O({QStringLiteral("vm-size")}, CommandLine::tr("The VM family: a node shape the cluster offers (see the wizard or sinfo)."),
                          QStringLiteral("SHAPE")),
                        O({QStringLiteral("max-nodes")}, CommandLine::tr("The most nodes a run may use."), QStringLiteral("N")),
                        O({QStringLiteral("min-nodes")}, CommandLine::tr("Nodes kept when idle (default 0)."), QStringLiteral("N")),
                        O({QStringLiteral("idle-seconds-before-scaledown")}, CommandLine::tr("Idle time before nodes are released."),
                          QStringLiteral("SECONDS")),
                        O({QStringLiteral("vm-priority")}, CommandLine::tr("dedicated or lowpriority."), QStringLiteral("PRIORITY")),
                        O({QStringLiteral("partition")}, CommandLine::tr("The partition's name (default: the target's name)."),
                          QStringLiteral("PARTITION")),
                    } + sshOptions() + slurmAccessOptions();
                },
                createTarget},
        Command{"computetarget", "update",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Change a compute cluster's scale settings."), "NAME", 1, 1,
                [] {
                    return QList<QCommandLineOption>{QCommandLineOption({QStringLiteral("max-nodes")},
                                                                        CommandLine::tr("The most nodes a run may use."), QStringLiteral("N"))};
                },
                updateTarget},
        Command{"computetarget", "delete",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine",
                                  "Delete a compute cluster (a partition Trainyard created is removed from Slurm)."),
                "NAME", 1, 1, {}, deleteTarget, {OutputFormat::Table}},
        Command{"computetarget", "detach",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Detach a remote machine and delete its keychain entries."),
                "NAME", 1, 1, {}, detachTarget, {OutputFormat::Table}},
        Command{"computetarget", "test",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Connect to a remote machine and probe it again."),
                "NAME", 1, 1,
                [] {
                    return QList<QCommandLineOption>{
                        QCommandLineOption({QStringLiteral("accept-host-key")},
                                           CommandLine::tr("Trust the host key with this SHA256 fingerprint and remember it."),
                                           QStringLiteral("SHA256:…"))};
                },
                testTarget},
    };
}

} // namespace Trainyard::Cli
