#pragma once

#include "computetarget.h"
#include "runhost.h"
#include "sshconnection.h"

#include <QElapsedTimer>
#include <QHash>

#include <memory>
#include <optional>

namespace Trainyard {

class CredentialStore;

// A run host reached over SSH: the run protocol's files read from byte offsets with remote
// commands, the process state read by one small script per poll, cancel through the process
// group, outputs and logs downloaded file by file with every name checked.
class SshRunHost : public RunHost
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::SshRunHost)

public:
    // Connects on first use with the target's settings and keychain credentials.
    SshRunHost(ComputeTarget target, CredentialStore &credentials);
    // Uses a connection made elsewhere (taken over).
    explicit SshRunHost(std::unique_ptr<SshConnection> connection);
    ~SshRunHost() override;

    Result<QByteArray> read(const QString &runDirectory, const QString &relative, qint64 offset, qint64 maxBytes) override;
    // One remote command for the state and all the files.
    Result<void> prefetch(const QString &runDirectory, const QList<ReadRequest> &reads) override;
    Result<RunProcessState> processState(const QString &runDirectory, const QString &jobHandle = {}) override;
    Result<void> cancel(const QString &runDirectory, int graceSeconds, const QString &jobHandle = {}) override;
    Result<QList<RunArtifact>> fetchFolder(const QString &runDirectory, const QString &relative, const QString &localFolder,
                                           const QString &kind, const std::function<void(qint64, qint64)> &progress = {}) override;
    bool isRemote() const override { return true; }
    bool isReachable() const override { return m_reachable; }

    // A listing as the host sends it ("<size> <path>\0" per file) checked name by name: a name
    // that is absolute or climbs out ("../") is refused with an error, never written.
    struct ListedFile
    {
        QString path;
        qint64 size = 0;
    };
    static Result<QList<ListedFile>> parseListing(const QByteArray &listing);

    // The process state script's answer ("<cancel> <timed out> <liveness> <exit code|->").
    static Result<RunProcessState> parseProcessState(const QByteArray &answer);

    // The prefetch script's answer: the process state line, then for each read "<n>\n", n bytes
    // and "\n" (n = -1: no such file). Nullopt when it does not have that shape.
    struct Prefetched
    {
        RunProcessState state;
        QList<std::optional<QByteArray>> files; // in the order of the reads; nullopt: missing
    };
    static std::optional<Prefetched> parsePrefetch(const QByteArray &answer, qsizetype reads);

private:
    Result<SshConnection *> connection();
    template<typename T>
    Result<T> checked(SshResult<T> result);

    // What the last prefetch() read, until taken or stale.
    struct Prefetch
    {
        QString runDirectory;
        std::optional<RunProcessState> state;
        QHash<QString, QByteArray> files; // by readKey(); a missing file as an empty array
        QElapsedTimer age;
    };
    static QString readKey(const QString &relative, qint64 offset, qint64 maxBytes);
    bool isFresh(const QString &runDirectory) const;

    Prefetch m_prefetch;
    ComputeTarget m_target;
    CredentialStore *m_credentials = nullptr;
    std::unique_ptr<SshConnection> m_connection;
    bool m_reachable = true;
};

} // namespace Trainyard
