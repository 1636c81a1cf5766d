#include "snapshotstore.h"

#include "ignorerules.h"
#include "pathguard.h"
#include "runfiles.h"
#include "sql.h"
#include "sqltransaction.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <sys/stat.h>
#include <xxhash.h>

namespace Trainyard {

namespace {

using Sql::exec;

constexpr qint64 ChunkSize = 1024 * 1024;

struct Candidate
{
    QString path;       // relative
    QString absolute;   // what to read (a symlink's target when it stays inside)
    qint64 size = 0;
    qint64 mtimeNs = 0;
    qint64 inode = 0;
    bool executable = false;
};

struct CacheEntry
{
    qint64 size = 0;
    qint64 mtimeNs = 0;
    qint64 inode = 0;
    QString xxh128;
    QString sha256;
    qint64 cachedMs = 0;
};

bool statFile(const QString &path, Candidate &candidate)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    candidate.size = st.st_size;
    candidate.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    candidate.inode = qint64(st.st_ino);
    candidate.executable = (st.st_mode & S_IXUSR) != 0;
    return true;
}

QString xxhHex(XXH128_hash_t hash)
{
    return QStringLiteral("%1%2").arg(hash.high64, 16, 16, QLatin1Char('0')).arg(hash.low64, 16, 16, QLatin1Char('0'));
}

// Reads a file once, feeding XXH3-128 and (when asked) SHA-256 and a copy destination.
struct Digest
{
    QString xxh128;
    QString sha256;
};

Result<Digest> digestFile(const QString &path, bool withSha, QIODevice *copyTo)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{SnapshotStore::tr("Cannot read %1: %2.").arg(path, file.errorString())};
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    QCryptographicHash sha(QCryptographicHash::Sha256);
    QByteArray buffer(ChunkSize, Qt::Uninitialized);
    for (;;) {
        const qint64 read = file.read(buffer.data(), buffer.size());
        if (read < 0) {
            XXH3_freeState(state);
            return Error{SnapshotStore::tr("Cannot read %1: %2.").arg(path, file.errorString())};
        }
        if (read == 0)
            break;
        XXH3_128bits_update(state, buffer.constData(), size_t(read));
        if (withSha)
            sha.addData(QByteArrayView(buffer.constData(), read));
        if (copyTo && copyTo->write(buffer.constData(), read) != read) {
            XXH3_freeState(state);
            return Error{SnapshotStore::tr("Cannot store a copy of %1: %2.").arg(path, copyTo->errorString())};
        }
    }
    Digest digest;
    digest.xxh128 = xxhHex(XXH3_128bits_digest(state));
    XXH3_freeState(state);
    if (withSha)
        digest.sha256 = QString::fromLatin1(sha.result().toHex());
    return digest;
}

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

SnapshotStore::SnapshotStore(Workspace &workspace)
    : m_workspace(workspace)
{
}

QString SnapshotStore::blobDirectory() const
{
    return m_workspace.artifactsPath() + QLatin1String("/blobs");
}

QString SnapshotStore::blobPath(const QString &sha256) const
{
    return blobDirectory() + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

Result<Snapshot> SnapshotStore::take(const QString &sourceDirectory, const SnapshotLimits &limits)
{
    const QFileInfo rootInfo(sourceDirectory);
    if (!rootInfo.isDir())
        return Error{tr("The source folder %1 does not exist.").arg(sourceDirectory)};
    const QString root = rootInfo.canonicalFilePath();
    const IgnoreRules rules = IgnoreRules::forSourceDirectory(root);

    Snapshot snapshot;
    snapshot.ignoreFile = rules.ruleFile();
    QList<Candidate> candidates;

    // Walk the tree, pruning ignored folders before descending into them.
    QStringList pending{QString()};
    while (!pending.isEmpty()) {
        const QString relativeDir = pending.takeLast();
        const QDir dir(relativeDir.isEmpty() ? root : root + QLatin1Char('/') + relativeDir);
        const QFileInfoList entries = dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
                                                        QDir::Name);
        for (const QFileInfo &entry : entries) {
            const QString relative = relativeDir.isEmpty() ? entry.fileName() : relativeDir + QLatin1Char('/') + entry.fileName();
            if (entry.isSymLink()) {
                const QString target = entry.symLinkTarget();
                if (!PathGuard::isInside(root, entry.absoluteFilePath())) {
                    snapshot.skipped << tr("%1: a symbolic link to %2, outside the project folder; not followed.").arg(relative, target);
                    continue;
                }
                if (entry.isDir()) {
                    snapshot.skipped << tr("%1: a symbolic link to a folder; not followed.").arg(relative);
                    continue;
                }
            }
            const bool isDir = entry.isDir();
            // The .git folder is never part of a snapshot: git information is recorded separately.
            if (isDir && relative == QLatin1String(".git"))
                continue;
            // The run protocol's files live there in every run folder.
            if (relative == RunFiles::control()) {
                snapshot.skipped << tr("%1: the name of the run folder's control folder, which Trainyard writes; skipped.").arg(relative);
                continue;
            }
            if (rules.isIgnored(relative, isDir))
                continue;
            if (isDir) {
                pending << relative;
                continue;
            }
            if (!entry.isFile()) {
                snapshot.skipped << tr("%1: not a regular file; skipped.").arg(relative);
                continue;
            }
            Candidate candidate;
            candidate.path = relative;
            candidate.absolute = entry.isSymLink() ? entry.canonicalFilePath() : entry.absoluteFilePath();
            if (!statFile(candidate.absolute, candidate)) {
                snapshot.skipped << tr("%1: cannot be read; skipped.").arg(relative);
                continue;
            }
            candidates.append(candidate);
            snapshot.totalBytes += candidate.size;
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) { return a.path < b.path; });

    if (candidates.size() > limits.maxFiles || snapshot.totalBytes > limits.maxBytes) {
        QList<Candidate> largest = candidates;
        std::sort(largest.begin(), largest.end(), [](const Candidate &a, const Candidate &b) { return a.size > b.size; });
        QStringList names;
        for (int i = 0; i < std::min<qsizetype>(5, largest.size()); ++i)
            names << QStringLiteral("%1 (%2)").arg(largest.at(i).path, formatSize(largest.at(i).size));
        const QString hint = tr("Exclude files with an .amlignore or .gitignore file. Largest files: %1.").arg(names.join(QLatin1String(", ")));
        if (candidates.size() > limits.maxFiles) {
            return Error{tr("The project folder has %1 files; a snapshot may hold at most %2. %3")
                             .arg(candidates.size()).arg(limits.maxFiles).arg(hint)};
        }
        return Error{tr("The project folder holds %1; a snapshot may hold at most %2. %3")
                         .arg(formatSize(snapshot.totalBytes), formatSize(limits.maxBytes), hint)};
    }

    // The cache of this source folder, read in one query.
    const QSqlDatabase db = m_workspace.database();
    QHash<QString, CacheEntry> cache;
    {
        auto q = exec(db, QStringLiteral("SELECT path, size, mtime_ns, inode, xxh128, sha256, cached_ms FROM file_cache WHERE root = ?"),
                      {root});
        if (!q)
            return q.error();
        while (q->next()) {
            cache.insert(q->value(0).toString(), {q->value(1).toLongLong(), q->value(2).toLongLong(), q->value(3).toLongLong(),
                                                  q->value(4).toString(), q->value(5).toString(), q->value(6).toLongLong()});
        }
    }
    QSet<QString> knownBlobs;
    {
        auto q = exec(db, QStringLiteral("SELECT sha256 FROM blobs"));
        if (!q)
            return q.error();
        while (q->next())
            knownBlobs.insert(q->value(0).toString());
    }

    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QHash<QString, CacheEntry> updatedCache;
    QList<std::pair<QString, qint64>> newBlobs;
    for (const Candidate &candidate : std::as_const(candidates)) {
        SnapshotFile file{candidate.path, QString(), candidate.size, candidate.executable};
        const auto cached = cache.constFind(candidate.path);
        const bool statMatches = cached != cache.cend() && cached->size == candidate.size && cached->mtimeNs == candidate.mtimeNs
                                 && cached->inode == candidate.inode;
        // Racy clean: a file modified in the same tick as the cache entry may have changed unseen.
        const bool trusted = statMatches && candidate.mtimeNs < cached->cachedMs * 1000000;
        if (trusted && knownBlobs.contains(cached->sha256)) {
            file.sha256 = cached->sha256;
        } else {
            ++snapshot.hashedFiles;
            auto digest = digestFile(candidate.absolute, false, nullptr);
            if (!digest)
                return digest.error();
            if (cached != cache.cend() && cached->xxh128 == digest->xxh128 && knownBlobs.contains(cached->sha256)) {
                file.sha256 = cached->sha256; // touched, not changed
            } else {
                // New content: hash it for its address and copy it into the blob store in one read.
                const QString tempDir = blobDirectory() + QLatin1String("/tmp");
                QDir().mkpath(tempDir);
                QFile staging(tempDir + QLatin1Char('/') + QString::number(QCoreApplication::applicationPid()) + QLatin1Char('-')
                              + QString::number(snapshot.hashedFiles));
                if (!staging.open(QIODevice::WriteOnly | QIODevice::Truncate))
                    return Error{tr("Cannot write to the blob store %1: %2.").arg(blobDirectory(), staging.errorString())};
                auto full = digestFile(candidate.absolute, true, &staging);
                staging.close();
                if (!full) {
                    staging.remove();
                    return full.error();
                }
                file.sha256 = full->sha256;
                digest = full;
                const QString target = blobPath(file.sha256);
                if (knownBlobs.contains(file.sha256) && QFileInfo::exists(target)) {
                    staging.remove();
                } else {
                    QDir().mkpath(QFileInfo(target).absolutePath());
                    QFile::remove(target);
                    if (!staging.rename(target)) {
                        staging.remove();
                        return Error{tr("Cannot store %1 in the blob store: %2.").arg(candidate.path, staging.errorString())};
                    }
                    knownBlobs.insert(file.sha256);
                    newBlobs.append({file.sha256, candidate.size});
                    snapshot.newBytes += candidate.size;
                    ++snapshot.newBlobs;
                }
            }
            updatedCache.insert(candidate.path, {candidate.size, candidate.mtimeNs, candidate.inode, digest->xxh128, file.sha256, nowMs});
        }
        snapshot.files.append(file);
    }

    // The snapshot's id: SHA-256 over the sorted manifest (a one-level Merkle tree).
    QCryptographicHash manifest(QCryptographicHash::Sha256);
    for (const SnapshotFile &file : std::as_const(snapshot.files)) {
        manifest.addData(file.path.toUtf8());
        manifest.addData(QByteArrayView("\0", 1));
        manifest.addData(file.sha256.toLatin1());
        manifest.addData(file.executable ? QByteArrayView("\0x\n") : QByteArrayView("\0-\n"));
    }
    snapshot.id = QString::fromLatin1(manifest.result().toHex());

    SqlTransaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    for (const auto &[sha, size] : std::as_const(newBlobs)) {
        auto existing = exec(db, QStringLiteral("SELECT 1 FROM blobs WHERE sha256 = ?"), {sha});
        if (!existing)
            return existing.error();
        const bool known = existing->next();
        existing->finish();
        if (!known) {
            if (auto inserted = exec(db, QStringLiteral("INSERT INTO blobs (sha256, size, created_ms) VALUES (?, ?, ?)"), {sha, size, nowMs});
                !inserted) {
                return inserted.error();
            }
        }
    }
    for (auto it = updatedCache.cbegin(); it != updatedCache.cend(); ++it) {
        if (auto removed = exec(db, QStringLiteral("DELETE FROM file_cache WHERE root = ? AND path = ?"), {root, it.key()}); !removed)
            return removed.error();
        if (auto inserted = exec(db, QStringLiteral("INSERT INTO file_cache (root, path, size, mtime_ns, inode, xxh128, sha256, cached_ms) "
                                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                                 {root, it.key(), it->size, it->mtimeNs, it->inode, it->xxh128, it->sha256, it->cachedMs});
            !inserted) {
            return inserted.error();
        }
    }
    auto existing = exec(db, QStringLiteral("SELECT 1 FROM snapshots WHERE id = ?"), {snapshot.id});
    if (!existing)
        return existing.error();
    const bool known = existing->next();
    existing->finish();
    if (!known) {
        if (auto inserted = exec(db, QStringLiteral("INSERT INTO snapshots (id, created_ms, file_count, total_bytes) VALUES (?, ?, ?, ?)"),
                                 {snapshot.id, nowMs, snapshot.files.size(), snapshot.totalBytes});
            !inserted) {
            return inserted.error();
        }
        for (const SnapshotFile &file : std::as_const(snapshot.files)) {
            if (auto inserted = exec(db, QStringLiteral("INSERT INTO snapshot_files (snapshot_id, path, content_hash, size, mode) "
                                                        "VALUES (?, ?, ?, ?, ?)"),
                                     {snapshot.id, file.path, file.sha256, file.size, file.executable ? 0755 : 0644});
                !inserted) {
                return inserted.error();
            }
        }
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return snapshot;
}

Result<QList<SnapshotFile>> SnapshotStore::files(const QString &snapshotId) const
{
    auto q = exec(m_workspace.database(),
                  QStringLiteral("SELECT path, content_hash, size, mode FROM snapshot_files WHERE snapshot_id = ? ORDER BY path"),
                  {snapshotId});
    if (!q)
        return q.error();
    QList<SnapshotFile> list;
    while (q->next())
        list.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toLongLong(), (q->value(3).toInt() & 0100) != 0});
    return list;
}

Result<void> SnapshotStore::materialize(const QString &snapshotId, const QString &directory) const
{
    const auto list = files(snapshotId);
    if (!list)
        return list.error();
    if (!QDir().mkpath(directory))
        return Error{tr("Cannot create the folder %1.").arg(directory)};
    for (const SnapshotFile &file : *list) {
        const auto target = PathGuard::resolve(directory, file.path);
        if (!target)
            return Error{tr("The snapshot holds an unsafe path: %1").arg(target.errorMessage())};
        QDir().mkpath(QFileInfo(*target).absolutePath());
        QFile::remove(*target);
        if (!QFile::copy(blobPath(file.sha256), *target))
            return Error{tr("Cannot write %1 from the snapshot (is the blob store complete?).").arg(*target)};
        QFile::setPermissions(*target, file.executable ? QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                             | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther
                                                       : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return {};
}

} // namespace Trainyard
