#include "command.h"
#include "commandline.h"
#include "credentialstore.h"
#include "remotemachine.h"
#include "tablewriter.h"
#include "workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

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

int attachTarget(CommandContext &context)
{
    const QString kind = context.arguments.at(0);
    if (kind != QLatin1String("remote"))
        return reportUsageError(context, CommandLine::tr("Unknown kind “%1”: attach remote.").arg(kind));
    const QCommandLineParser &p = context.parser;
    RemoteAttachRequest request;
    request.name = p.value(QStringLiteral("name"));
    request.settings.endpoint.host = p.value(QStringLiteral("address"));
    request.settings.endpoint.user = p.value(QStringLiteral("username"));
    if (request.name.isEmpty() || request.settings.endpoint.host.isEmpty() || request.settings.endpoint.user.isEmpty())
        return reportUsageError(context, CommandLine::tr("attach remote needs --name, --address and --username."));
    bool portOk = true;
    const int port = p.isSet(QStringLiteral("ssh-port")) ? p.value(QStringLiteral("ssh-port")).toInt(&portOk) : 22;
    if (!portOk || port < 1 || port > 65535)
        return reportUsageError(context, CommandLine::tr("--ssh-port must be a number from 1 to 65535."));
    request.settings.endpoint.port = quint16(port);
    if (p.isSet(QStringLiteral("runs-root")))
        request.settings.runsRoot = p.value(QStringLiteral("runs-root"));

    const bool password = p.isSet(QStringLiteral("password-stdin"));
    const bool key = p.isSet(QStringLiteral("private-key-file"));
    const bool agent = p.isSet(QStringLiteral("agent"));
    if (int(password) + int(key) + int(agent) != 1)
        return reportUsageError(context, CommandLine::tr("Choose exactly one of --password-stdin, --private-key-file FILE and --agent."));
    if (p.isSet(QStringLiteral("passphrase-stdin")) && !key)
        return reportUsageError(context, CommandLine::tr("--passphrase-stdin goes with --private-key-file."));
    if (password) {
        request.settings.method = SshCredentials::Method::Password;
        request.credentials = SshCredentials::withPassword(readSecretLine());
    } else if (key) {
        request.settings.method = SshCredentials::Method::PrivateKey;
        request.settings.privateKeyFile = QFileInfo(p.value(QStringLiteral("private-key-file"))).absoluteFilePath();
        const QString passphrase = p.isSet(QStringLiteral("passphrase-stdin")) ? readSecretLine() : QString();
        request.credentials = SshCredentials::withPrivateKey(request.settings.privateKeyFile, passphrase);
    } else {
        request.settings.method = SshCredentials::Method::Agent;
        request.credentials = SshCredentials::withAgent();
    }
    if (p.isSet(QStringLiteral("accept-host-key")))
        request.hostKeyPolicy = SshHostKeyPolicy::acceptAndRemember(p.value(QStringLiteral("accept-host-key")));

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
    if (context.format == OutputFormat::Json)
        writeJson(context, attached->target.toJson());
    else
        printFacts(context, attached->target);
    if (attached->target.state == ComputeTarget::ProvisioningState::Failed)
        return reportFailure(context, attached->target.errorText);
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
    auto tested = RemoteMachine::test(**workspace, context.arguments.at(0), store);
    if (!tested)
        return reportFailure(context, tested.errorMessage());
    if (context.format == OutputFormat::Json)
        writeJson(context, tested->toJson());
    else
        printFacts(context, *tested);
    if (tested->state == ComputeTarget::ProvisioningState::Failed)
        return reportFailure(context, tested->errorText);
    return Success;
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
                        O({QStringLiteral("address")}, CommandLine::tr("Host name or IP address."), QStringLiteral("HOST")),
                        O({QStringLiteral("ssh-port")}, CommandLine::tr("SSH port (default 22)."), QStringLiteral("PORT")),
                        O({QStringLiteral("username")}, CommandLine::tr("User name on the host."), QStringLiteral("USER")),
                        O({QStringLiteral("password-stdin")}, CommandLine::tr("Sign in with a password read from standard input.")),
                        O({QStringLiteral("private-key-file")}, CommandLine::tr("Sign in with this private key (ed25519, ECDSA or RSA)."),
                          QStringLiteral("FILE")),
                        O({QStringLiteral("passphrase-stdin")}, CommandLine::tr("Read the key's passphrase from standard input.")),
                        O({QStringLiteral("agent")}, CommandLine::tr("Sign in with the keys of the running ssh-agent.")),
                        O({QStringLiteral("accept-host-key")},
                          CommandLine::tr("Trust the host key with this SHA256 fingerprint and remember it."), QStringLiteral("SHA256:…")),
                        O({QStringLiteral("runs-root")}, CommandLine::tr("Where runs live on the host (default ~/.trainyard/runs)."),
                          QStringLiteral("DIR")),
                    };
                },
                attachTarget},
        Command{"computetarget", "detach",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Detach a remote machine and delete its keychain entries."),
                "NAME", 1, 1, {}, detachTarget, {OutputFormat::Table}},
        Command{"computetarget", "test",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Connect to a remote machine and probe it again."),
                "NAME", 1, 1, {}, testTarget},
    };
}

} // namespace Trainyard::Cli
