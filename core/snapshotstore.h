#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QStringList>

namespace Trainyard {

class Workspace;

struct SnapshotFile
{
    QString path;    // relative, '/'-separated
    QString sha256;  // content address of the blob
    qint64 size = 0;
    bool executable = false;

    friend bool operator==(const SnapshotFile &, const SnapshotFile &) = default;
};

struct SnapshotLimits
{
    qint64 maxBytes = 300 * 1024 * 1024; // Azure's limits (REFERENCE.md §2)
    int maxFiles = 2000;
};

struct Snapshot
{
    QString id;                // SHA-256 over the sorted manifest
    QList<SnapshotFile> files;
    QStringList skipped;       // "path: reason", e.g. symlinks that lead outside
    QString ignoreFile;        // ".amlignore", ".gitignore" or empty
    qint64 totalBytes = 0;
    qint64 newBytes = 0;       // content stored for the first time
    int newBlobs = 0;
    int hashedFiles = 0;       // files read because the cache could not vouch for them
};

// Content-addressed snapshots of project folders in the workspace's artifacts/blobs/. A file is
// stored once however many runs use it. Change detection keeps (size, mtime_ns, inode, XXH3-128,
// SHA-256) per file; a file whose stat matches and whose mtime is older than the cache entry is
// not read again (git's racy-clean rule), one whose XXH3 still matches keeps its SHA-256.
class SnapshotStore
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::SnapshotStore)

public:
    explicit SnapshotStore(Workspace &workspace);

    // Snapshots `sourceDirectory` minus ignored files (REFERENCE.md §2). Fails, naming the limit and
    // the largest files, when the snapshot would exceed `limits`.
    Result<Snapshot> take(const QString &sourceDirectory, const SnapshotLimits &limits = {});
    Result<QList<SnapshotFile>> files(const QString &snapshotId) const;
    // Writes the snapshot's files under `directory` (created; existing files are replaced).
    Result<void> materialize(const QString &snapshotId, const QString &directory) const;

    QString blobPath(const QString &sha256) const;
    QString blobDirectory() const;

private:
    Workspace &m_workspace;
};

} // namespace Trainyard
