#pragma once

#include "computetarget.h"
#include "result.h"
#include "sshconnection.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace Trainyard {

class CredentialStore;
class Workspace;

// How to reach a remote machine target, as its properties store it (REFERENCE.md §5 attach
// fields). Secrets are not here: they live in the keychain (CredentialStore).
struct RemoteMachineSettings
{
    SshEndpoint endpoint;
    SshCredentials::Method method = SshCredentials::Method::PrivateKey;
    QString privateKeyFile;
    QString runsRoot = QStringLiteral("~/.trainyard/runs"); // as entered; "~" is the user's home there

    static RemoteMachineSettings fromTarget(const ComputeTarget &target);
    // Writes the settings into `properties` (address, port, userName, authentication, ...).
    void writeTo(QJsonObject &properties) const;
    static QString methodKey(SshCredentials::Method method);
};

// What a probe of the machine found (the attach wizard's "probe" page).
struct RemoteFacts
{
    QString operatingSystem;
    QString kernel;
    QString architecture;
    int cpuCount = 0;
    qint64 memoryBytes = 0;
    QString python;             // "Python 3.11.2", or empty when python3 is missing
    QStringList gpus;           // "NVIDIA A100-SXM4-40GB, 40960 MiB", from nvidia-smi
    QString home;
    QString runsRoot;           // absolute
    bool runsRootWritable = false;
    qint64 freeDiskBytes = -1;  // in the runs root

    void writeTo(QJsonObject &properties) const;
    // Problems that stop runs (no write access, no python3), each a sentence; empty when none.
    QStringList problems() const;
};

// Attaching a remote machine (the wizard's pages, or `computetarget attach remote`).
struct RemoteAttachRequest
{
    QString name;
    RemoteMachineSettings settings;
    SshCredentials credentials;            // with the password or passphrase typed in
    SshHostKeyPolicy hostKeyPolicy;        // requireKnown, or the fingerprint the user accepted
};

struct RemoteAttachOutcome
{
    ComputeTarget target;
    RemoteFacts facts;
    bool secretsRemembered = true;         // false: no keychain, kept in this process only
    QString keychainNote;                  // why not remembered
};

// Remote machine targets: credentials from the keychain, probing, connections.
class RemoteMachine
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::RemoteMachine)

public:
    // Trainyard's known_hosts file (the user's ~/.ssh/known_hosts is read too, never written).
    static SshKnownHosts knownHosts();

    // The credentials of a target: the password or passphrase from the keychain (or this process's
    // memory when there is no keychain), or asked for through the store's prompter when it holds
    // none (a passphrase only for a key attached with one). Fails, saying what to do, when a needed
    // secret is missing. `askedKey` receives the store key of a secret asked for just now.
    static Result<SshCredentials> credentials(const ComputeTarget &target, CredentialStore &store, QString *askedKey = nullptr);

    // Keeps the password or passphrase of `credentials` (as `settings` says which) under `name`,
    // and notes in `properties` that a key needs its passphrase (never the secret itself).
    static Result<void> rememberSecret(CredentialStore &store, const QString &name, const RemoteMachineSettings &settings,
                                       const SshCredentials &credentials, QJsonObject &properties);

    // A connection to an attached target, its host key required to be known. It connects on first
    // use, trying `attempts` times with pauses (one attempt: a poller tries again on its next poll);
    // at once when a secret was just asked for, which is forgotten again if the host refuses it.
    // `policy`: how the host key is checked (the caller may accept one the user just checked).
    static Result<std::unique_ptr<SshConnection>> connect(const ComputeTarget &target, CredentialStore &store, int attempts = 1,
                                                          const SshHostKeyPolicy &policy = SshHostKeyPolicy::requireKnown());

    // Runs the probe on the host: OS, CPUs, memory, python3, GPUs, the runs root made absolute,
    // created if missing, and checked for write access and free space.
    static SshResult<RemoteFacts> probe(SshConnection &connection, const QString &runsRoot);
    // The same on a bare session (the wizard, before the target exists).
    static SshResult<RemoteFacts> probe(SshSession &session, const QString &runsRoot);

    // Connects (host key first, then credentials), probes, stores the secret in the keychain and
    // records the target: Succeeded, or Failed with the probe's problems. Nothing is recorded when
    // the connection fails; a host key problem comes back with its fingerprints.
    static SshResult<RemoteAttachOutcome> attach(Workspace &workspace, const RemoteAttachRequest &request,
                                                 CredentialStore &store);
    // Connects to an attached target and probes it again; records the facts and the outcome
    // (Succeeded, Failed with the reason, or unreachable). A host key no one trusts yet (a target
    // attached "connect once", or a known_hosts entry gone) is noted with its fingerprint in the
    // property "untrustedHostKey", for trustHostKey().
    static Result<ComputeTarget> test(Workspace &workspace, const QString &name, CredentialStore &store);
    // Trusts and remembers the host key with `fingerprint` (Trainyard's known_hosts), after
    // checking that the host still presents it, and tests the target again.
    static Result<ComputeTarget> trustHostKey(Workspace &workspace, const QString &name, const QString &fingerprint,
                                              CredentialStore &store);
    // Removes the target and its keychain entries. Refused while runs on it are active.
    static Result<void> detach(Workspace &workspace, const QString &name, CredentialStore &store);

    // The probe's text output parsed (key=value lines); exposed for tests.
    static RemoteFacts parseProbe(const QByteArray &output);
};

} // namespace Trainyard
