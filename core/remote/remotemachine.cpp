#include "remotemachine.h"

#include "credentialstore.h"
#include "runstore.h"
#include "workspace.h"

#include <QDateTime>

#include <QJsonArray>

namespace Trainyard {

namespace {

// Prints key=value lines; "$1" is the runs root as entered ("~" or "~/..." means the home there).
const char probeScript[] = R"sh(root=$1
case $root in
    "~") root=$HOME ;;
    "~/"*) root=$HOME/${root#"~/"} ;;
esac
os=
if [ -r /etc/os-release ]; then os=$(. /etc/os-release 2>/dev/null; printf '%s' "${PRETTY_NAME:-}"); fi
[ -n "$os" ] || os=$(uname -s)
printf 'home=%s\n' "$HOME"
printf 'os=%s\n' "$os"
printf 'kernel=%s\n' "$(uname -r)"
printf 'arch=%s\n' "$(uname -m)"
printf 'cpus=%s\n' "$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null)"
printf 'memkb=%s\n' "$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo 2>/dev/null)"
if command -v python3 >/dev/null 2>&1; then printf 'python=%s\n' "$(python3 --version 2>&1 | head -n 1)"; fi
if command -v nvidia-smi >/dev/null 2>&1; then
    nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null | sed 's/^/gpu=/'
fi
mkdir -p -- "$root" 2>/dev/null
root=$(cd -- "$root" 2>/dev/null && pwd -P || printf '%s' "$root")
printf 'root=%s\n' "$root"
if probe=$(mktemp "$root/.trainyard-probe.XXXXXX" 2>/dev/null); then rm -f -- "$probe"; echo writable=1; else echo writable=0; fi
printf 'freekb=%s\n' "$(df -Pk -- "$root" 2>/dev/null | awk 'NR == 2 { print $4 }')"
)sh";

template<typename Runner>
SshResult<RemoteFacts> runProbe(Runner &runner, const QString &runsRoot)
{
    auto ran = runner.runScript(QString::fromLatin1(probeScript), {runsRoot.isEmpty() ? QStringLiteral("~/.trainyard/runs") : runsRoot},
                                std::chrono::seconds(60));
    if (!ran)
        return ran.error();
    if (ran->exitStatus != 0) {
        SshError error;
        error.kind = SshError::Kind::RemoteFailure;
        error.message = RemoteMachine::tr("The probe failed on the host (exit status %1): %2")
                            .arg(ran->exitStatus)
                            .arg(QString::fromUtf8(ran->standardError).trimmed());
        return error;
    }
    return RemoteMachine::parseProbe(ran->standardOutput);
}

} // namespace

RemoteMachineSettings RemoteMachineSettings::fromTarget(const ComputeTarget &target)
{
    const QJsonObject &p = target.properties;
    RemoteMachineSettings settings;
    settings.endpoint.host = p.value(QLatin1String("address")).toString();
    settings.endpoint.port = quint16(p.value(QLatin1String("port")).toInt(22));
    settings.endpoint.user = p.value(QLatin1String("userName")).toString();
    const QString method = p.value(QLatin1String("authentication")).toString();
    settings.method = method == QLatin1String("password") ? SshCredentials::Method::Password
                    : method == QLatin1String("agent")    ? SshCredentials::Method::Agent
                                                          : SshCredentials::Method::PrivateKey;
    settings.privateKeyFile = p.value(QLatin1String("privateKeyFile")).toString();
    settings.runsRoot = p.value(QLatin1String("runsRoot")).toString(settings.runsRoot);
    return settings;
}

QString RemoteMachineSettings::methodKey(SshCredentials::Method method)
{
    switch (method) {
    case SshCredentials::Method::Password:
        return QStringLiteral("password");
    case SshCredentials::Method::Agent:
        return QStringLiteral("agent");
    case SshCredentials::Method::PrivateKey:
        break;
    }
    return QStringLiteral("privateKey");
}

void RemoteMachineSettings::writeTo(QJsonObject &properties) const
{
    properties.insert(QStringLiteral("address"), endpoint.host);
    properties.insert(QStringLiteral("port"), int(endpoint.port));
    properties.insert(QStringLiteral("userName"), endpoint.user);
    properties.insert(QStringLiteral("authentication"), methodKey(method));
    if (method == SshCredentials::Method::PrivateKey)
        properties.insert(QStringLiteral("privateKeyFile"), privateKeyFile);
    else
        properties.remove(QStringLiteral("privateKeyFile"));
    properties.insert(QStringLiteral("runsRoot"), runsRoot);
}

void RemoteFacts::writeTo(QJsonObject &properties) const
{
    properties.insert(QStringLiteral("os"), operatingSystem);
    properties.insert(QStringLiteral("kernel"), kernel);
    properties.insert(QStringLiteral("architecture"), architecture);
    properties.insert(QStringLiteral("cpuCount"), cpuCount);
    properties.insert(QStringLiteral("memoryBytes"), memoryBytes);
    properties.insert(QStringLiteral("python"), python);
    properties.insert(QStringLiteral("gpus"), QJsonArray::fromStringList(gpus));
    properties.insert(QStringLiteral("runsRootPath"), runsRoot);
    properties.insert(QStringLiteral("runsRootWritable"), runsRootWritable);
    if (freeDiskBytes >= 0)
        properties.insert(QStringLiteral("freeDiskBytes"), freeDiskBytes);
}

QStringList RemoteFacts::problems() const
{
    QStringList list;
    if (!runsRootWritable)
        list << RemoteMachine::tr("The runs folder %1 cannot be written there: choose another one or fix its permissions.").arg(runsRoot);
    if (python.isEmpty())
        list << RemoteMachine::tr("python3 was not found on the host's PATH: install it, or set interpreterPath in the run configuration.");
    return list;
}

RemoteFacts RemoteMachine::parseProbe(const QByteArray &output)
{
    RemoteFacts facts;
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype equals = line.indexOf('=');
        if (equals <= 0)
            continue;
        const QByteArray key = line.left(equals);
        const QString value = QString::fromUtf8(line.mid(equals + 1)).trimmed();
        if (key == "home")
            facts.home = value;
        else if (key == "os")
            facts.operatingSystem = value;
        else if (key == "kernel")
            facts.kernel = value;
        else if (key == "arch")
            facts.architecture = value;
        else if (key == "cpus")
            facts.cpuCount = value.toInt();
        else if (key == "memkb")
            facts.memoryBytes = value.toLongLong() * 1024;
        else if (key == "python")
            facts.python = value;
        else if (key == "gpu" && !value.isEmpty())
            facts.gpus << value;
        else if (key == "root")
            facts.runsRoot = value;
        else if (key == "writable")
            facts.runsRootWritable = value == QLatin1String("1");
        else if (key == "freekb" && !value.isEmpty())
            facts.freeDiskBytes = value.toLongLong() * 1024;
    }
    return facts;
}

SshKnownHosts RemoteMachine::knownHosts()
{
    return SshKnownHosts(SshKnownHosts::defaultTrainyardFile());
}

Result<SshCredentials> RemoteMachine::credentials(const ComputeTarget &target, CredentialStore &store, QString *askedKey)
{
    const RemoteMachineSettings settings = RemoteMachineSettings::fromTarget(target);
    const QString account = settings.endpoint.user + QLatin1Char('@') + settings.endpoint.host + QLatin1Char(':')
                            + QString::number(settings.endpoint.port);
    auto secret = [&](CredentialStore::Kind kind, bool ask) -> Result<std::optional<QString>> {
        if (!ask)
            return store.read(CredentialStore::key(target.name, kind));
        bool asked = false;
        auto answer = store.readOrAsk({target.name, kind, kind == CredentialStore::Kind::Password ? account : settings.privateKeyFile},
                                      &asked);
        if (asked && askedKey)
            *askedKey = CredentialStore::key(target.name, kind);
        return answer;
    };
    switch (settings.method) {
    case SshCredentials::Method::Agent:
        return SshCredentials::withAgent();
    case SshCredentials::Method::Password: {
        const auto password = secret(CredentialStore::Kind::Password, true);
        if (!password)
            return password.error();
        if (!*password) {
            return Error{tr("The password for %1 is not stored (there is no keychain, or it was removed): attach the "
                            "target again with its password, or use a key or an SSH agent.")
                             .arg(target.name)};
        }
        return SshCredentials::withPassword(**password);
    }
    case SshCredentials::Method::PrivateKey: {
        const bool required = target.properties.value(QLatin1String("passphraseRequired")).toBool();
        const auto passphrase = secret(CredentialStore::Kind::Passphrase, required);
        if (!passphrase)
            return passphrase.error();
        if (required && !*passphrase) {
            return Error{tr("The passphrase of %1 for %2 is not stored (there is no keychain, or it was removed): "
                            "attach the target again with it, or load the key into an SSH agent.")
                             .arg(settings.privateKeyFile, target.name)};
        }
        return SshCredentials::withPrivateKey(settings.privateKeyFile, passphrase->value_or(QString()));
    }
    }
    return Error{tr("Unknown authentication method for %1.").arg(target.name)};
}

Result<void> RemoteMachine::rememberSecret(CredentialStore &store, const QString &name, const RemoteMachineSettings &settings,
                                           const SshCredentials &credentials, QJsonObject &properties)
{
    const bool password = settings.method == SshCredentials::Method::Password;
    const QString secret = password ? credentials.password : credentials.passphrase;
    if (settings.method == SshCredentials::Method::Agent || secret.isEmpty())
        return {};
    if (!password)
        properties.insert(QStringLiteral("passphraseRequired"), true);
    return store.store(CredentialStore::key(name, password ? CredentialStore::Kind::Password : CredentialStore::Kind::Passphrase), secret);
}

Result<std::unique_ptr<SshConnection>> RemoteMachine::connect(const ComputeTarget &target, CredentialStore &store, int attempts,
                                                              const SshHostKeyPolicy &policy)
{
    QString askedKey;
    auto creds = credentials(target, store, &askedKey);
    if (!creds)
        return creds.error();
    const RemoteMachineSettings settings = RemoteMachineSettings::fromTarget(target);
    SshBackoff backoff;
    backoff.maximumAttempts = std::max(1, attempts);
    auto connection = std::make_unique<SshConnection>(knownHosts(), settings.endpoint, *creds, policy, backoff);
    if (!askedKey.isEmpty()) {
        // Typed just now: a mistyped secret is forgotten, to be asked for again, not kept.
        if (auto connected = connection->connect(); !connected) {
            const SshError::Kind kind = connected.error().kind;
            if (kind == SshError::Kind::AuthenticationDenied || kind == SshError::Kind::PassphraseWrong
                || kind == SshError::Kind::PassphraseRequired)
                (void)store.remove(askedKey);
            return connected.error().toError();
        }
    }
    return connection;
}

namespace {

SshError plainError(const QString &message)
{
    SshError error;
    error.kind = SshError::Kind::RemoteFailure;
    error.message = message;
    return error;
}

void recordFacts(ComputeTarget &target, const RemoteFacts &facts)
{
    facts.writeTo(target.properties);
    target.properties.insert(QStringLiteral("reachable"), true);
    target.properties.insert(QStringLiteral("lastChecked"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    const QStringList problems = facts.problems();
    target.state = problems.isEmpty() ? ComputeTarget::ProvisioningState::Succeeded : ComputeTarget::ProvisioningState::Failed;
    target.errorText = problems.join(QLatin1Char(' '));
}

} // namespace

SshResult<RemoteAttachOutcome> RemoteMachine::attach(Workspace &workspace, const RemoteAttachRequest &request, CredentialStore &store)
{
    if (const QString problem = ComputeTarget::validateName(request.name); !problem.isEmpty())
        return plainError(problem);
    if (workspace.computeTarget(request.name))
        return plainError(tr("A compute target named “%1” already exists.").arg(request.name));
    if (request.settings.endpoint.host.trimmed().isEmpty() || request.settings.endpoint.user.trimmed().isEmpty())
        return plainError(tr("A remote machine needs an address and a user name."));

    SshSession session(knownHosts());
    if (auto connected = session.connect(request.settings.endpoint, request.credentials, request.hostKeyPolicy); !connected)
        return connected.error();
    auto facts = probe(session, request.settings.runsRoot);
    if (!facts)
        return facts.error();

    RemoteAttachOutcome outcome;
    outcome.facts = *facts;
    ComputeTarget &target = outcome.target;
    target.name = request.name;
    target.type = ComputeTarget::Type::Remote;
    request.settings.writeTo(target.properties);
    target.properties.insert(QStringLiteral("hostKeyFingerprint"), session.hostKey().fingerprint);
    target.properties.insert(QStringLiteral("hostKeyType"), session.hostKey().type);
    recordFacts(target, *facts);

    // The secret goes to the keychain (or this process's memory), never to the workspace.
    if (auto kept = rememberSecret(store, request.name, request.settings, request.credentials, target.properties); !kept)
        return plainError(kept.errorMessage());
    if (request.settings.method != SshCredentials::Method::Agent) {
        outcome.secretsRemembered = store.persistent();
        outcome.keychainNote = store.unavailableReason();
    }
    if (auto added = workspace.addComputeTarget(target); !added) {
        (void)store.removeAllFor(request.name);
        return plainError(added.errorMessage());
    }
    return outcome;
}

namespace {

Result<ComputeTarget> testWith(Workspace &workspace, const QString &name, CredentialStore &store, const SshHostKeyPolicy &policy)
{
    auto target = workspace.computeTarget(name);
    if (!target)
        return target.error();
    if (target->type != ComputeTarget::Type::Remote)
        return Error{RemoteMachine::tr("%1 is not a remote machine.").arg(name)};
    auto connection = RemoteMachine::connect(*target, store, 1, policy);
    if (!connection)
        return connection.error();
    (*connection)->setConnectTimeout(std::chrono::seconds(15));
    auto facts = RemoteMachine::probe(**connection, RemoteMachineSettings::fromTarget(*target).runsRoot);
    ComputeTarget updated = *target;
    updated.properties.remove(QStringLiteral("untrustedHostKey"));
    if (facts) {
        recordFacts(updated, *facts);
        const SshHostKey &key = (*connection)->session().hostKey();
        if (!key.fingerprint.isEmpty()) {
            updated.properties.insert(QStringLiteral("hostKeyFingerprint"), key.fingerprint);
            updated.properties.insert(QStringLiteral("hostKeyType"), key.type);
        }
    } else {
        updated.properties.insert(QStringLiteral("reachable"), !facts.error().isTransient());
        updated.properties.insert(QStringLiteral("lastChecked"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        updated.state = ComputeTarget::ProvisioningState::Failed;
        updated.errorText = facts.errorMessage();
        const QString presented = facts.error().fingerprint();
        const QString recorded = target->properties.value(QLatin1String("hostKeyFingerprint")).toString();
        if (facts.error().kind == SshError::Kind::HostKeyUnknown && !presented.isEmpty()) {
            // Offered for trust only when it is the key the user checked at attach: another one
            // may be someone in between.
            if (recorded.isEmpty() || recorded == presented) {
                updated.properties.insert(QStringLiteral("untrustedHostKey"), presented);
            } else {
                updated.errorText += QLatin1Char(' ')
                                     + RemoteMachine::tr("When %1 was attached, the host presented %2: this is another key. If the "
                                                         "host's keys were replaced, detach %1 and attach it again.")
                                           .arg(name, recorded);
            }
        }
    }
    if (auto saved = workspace.updateComputeTarget(updated); !saved)
        return saved.error();
    return updated;
}

} // namespace

Result<ComputeTarget> RemoteMachine::test(Workspace &workspace, const QString &name, CredentialStore &store)
{
    return testWith(workspace, name, store, SshHostKeyPolicy::requireKnown());
}

Result<ComputeTarget> RemoteMachine::trustHostKey(Workspace &workspace, const QString &name, const QString &fingerprint,
                                                  CredentialStore &store)
{
    if (fingerprint.isEmpty())
        return Error{tr("No host key fingerprint to trust for %1.").arg(name)};
    auto target = workspace.computeTarget(name);
    if (!target)
        return target.error();
    const QString recorded = target->properties.value(QLatin1String("hostKeyFingerprint")).toString();
    if (!recorded.isEmpty() && recorded != fingerprint) {
        return Error{tr("%1 was attached with the host key %2, not %3. If the host's keys were replaced, detach %1 and "
                        "attach it again.")
                         .arg(name, recorded, fingerprint)};
    }
    return testWith(workspace, name, store, SshHostKeyPolicy::acceptAndRemember(fingerprint));
}

Result<void> RemoteMachine::detach(Workspace &workspace, const QString &name, CredentialStore &store)
{
    auto target = workspace.computeTarget(name);
    if (!target)
        return target.error();
    if (target->type != ComputeTarget::Type::Remote)
        return Error{tr("%1 is not a remote machine; only remote machines are detached.").arg(name)};
    RunFilter filter;
    filter.activeOnly = true;
    auto active = RunStore(workspace).runs(filter);
    if (!active)
        return active.error();
    QStringList onTarget;
    for (const RunRecord &run : std::as_const(*active)) {
        if (run.target == name)
            onTarget << run.id;
    }
    if (!onTarget.isEmpty()) {
        return Error{tr("Runs on %1 are still active (%2): cancel them or wait until they end, then detach.")
                         .arg(name, onTarget.join(QLatin1String(", ")))};
    }
    if (auto removed = store.removeAllFor(name); !removed)
        return removed;
    return workspace.removeComputeTarget(name);
}

SshResult<RemoteFacts> RemoteMachine::probe(SshConnection &connection, const QString &runsRoot)
{
    return runProbe(connection, runsRoot);
}

SshResult<RemoteFacts> RemoteMachine::probe(SshSession &session, const QString &runsRoot)
{
    return runProbe(session, runsRoot);
}

} // namespace Trainyard
