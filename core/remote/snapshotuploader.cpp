#include "snapshotuploader.h"

#include "shellquote.h"
#include "sshremoteprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace Trainyard {

namespace {

// "$1": the cache folder; hashes on stdin, one per line; prints those the cache lacks.
const char missingScript[] = R"sh(c=$1
mkdir -p -- "$c" || exit 3
while IFS= read -r h; do
    [ -f "$c/$h" ] || printf '%s\n' "$h"
done
)sh";

// Unpacks the tar on stdin into a fresh folder beside the cache, then moves each complete file
// in: an interrupted upload leaves nothing half-written under a content's name.
const char receiveScript[] = R"sh(c=$1
mkdir -p -- "$c" || exit 3
d=$(mktemp -d "$c/.incoming.XXXXXX") || exit 3
trap 'rm -rf -- "$d"' EXIT
tar -x -f - -C "$d" || exit 4
for f in "$d"/*; do
    [ -f "$f" ] || continue
    mv -f -- "$f" "$c/" || exit 5
done
)sh";

struct ArchiveDeleter
{
    void operator()(archive *a) const { archive_write_free(a); }
};

struct StreamContext
{
    SshRemoteProcess *process = nullptr;
    QString error;
};

la_ssize_t writeToChannel(archive *, void *data, const void *buffer, size_t length)
{
    auto *context = static_cast<StreamContext *>(data);
    auto written = context->process->write(QByteArray::fromRawData(static_cast<const char *>(buffer), qsizetype(length)));
    if (!written) {
        context->error = written.errorMessage();
        return -1;
    }
    return la_ssize_t(length);
}

QString sha256(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

} // namespace

SnapshotUploader::SnapshotUploader(SshConnection &connection, const SnapshotStore &store)
    : m_connection(connection)
    , m_store(store)
{
}

Result<UploadStatistics> SnapshotUploader::upload(const QList<SnapshotFile> &files, const QMap<QString, ExtraFile> &extras,
                                                  const QString &remoteCache, const QString &remoteRunDirectory,
                                                  const Progress &progress)
{
    using Q = ShellQuote;
    // Every file of the run directory as (path, content hash, executable).
    struct Entry
    {
        QString path;
        QString hash;
        bool executable;
    };
    QList<Entry> entries;
    QMap<QString, qint64> sizes;       // hash -> size
    QMap<QString, QByteArray> inline_; // hash -> content of an extra file
    QSet<QString> snapshotHashes;
    for (const SnapshotFile &file : files) {
        snapshotHashes.insert(file.sha256);
        entries.append({file.path, file.sha256, file.executable});
        sizes.insert(file.sha256, file.size);
    }
    for (auto it = extras.begin(); it != extras.end(); ++it) {
        const QString hash = sha256(it->content);
        entries.append({it.key(), hash, it->executable});
        sizes.insert(hash, it->content.size());
        inline_.insert(hash, it->content);
    }
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    for (auto it = sizes.begin(); it != sizes.end(); ++it) {
        if (!hex.match(it.key()).hasMatch())
            return Error{tr("The snapshot holds an invalid content address (%1).").arg(it.key())};
    }

    // 1. Which contents does the host lack?
    QByteArray hashes;
    for (auto it = sizes.begin(); it != sizes.end(); ++it)
        hashes += it.key().toLatin1() + '\n';
    auto asked = m_connection.exec(QStringLiteral("sh -c ") + Q::quote(QString::fromLatin1(missingScript)) + QStringLiteral(" sh ")
                                       + Q::quote(remoteCache),
                                   hashes, std::chrono::minutes(5));
    if (!asked)
        return asked.error().toError();
    if (asked->exitStatus != 0)
        return Error{tr("Cannot use the content cache %1 on the host: %2").arg(remoteCache, QString::fromUtf8(asked->standardError).trimmed())};
    QStringList missing;
    for (const QByteArray &line : asked->standardOutput.split('\n')) {
        const QString hash = QString::fromLatin1(line.trimmed());
        if (sizes.contains(hash))
            missing << hash;
    }

    UploadStatistics statistics;
    statistics.files = int(entries.size());
    qint64 toSend = 0;
    for (const QString &hash : std::as_const(missing))
        toSend += sizes.value(hash);

    // 2. Send them as one tar stream into the cache.
    if (!missing.isEmpty()) {
        auto started = m_connection.session().start(QStringLiteral("sh -c ") + Q::quote(QString::fromLatin1(receiveScript))
                                                    + QStringLiteral(" sh ") + Q::quote(remoteCache));
        if (!started)
            return started.error().toError();
        std::unique_ptr<SshRemoteProcess> process = std::move(*started);
        StreamContext context{process.get(), {}};
        std::unique_ptr<archive, ArchiveDeleter> tar(archive_write_new());
        archive_write_set_format_pax_restricted(tar.get());
        archive_write_set_bytes_per_block(tar.get(), 256 * 1024);
        if (archive_write_open2(tar.get(), &context, nullptr, writeToChannel, nullptr, nullptr) != ARCHIVE_OK)
            return Error{tr("Cannot start the upload stream: %1").arg(QString::fromUtf8(archive_error_string(tar.get())))};
        qint64 sent = 0;
        if (progress)
            progress(0, toSend);
        auto streamError = [&](const QString &fallback) {
            return Error{context.error.isEmpty() ? fallback : tr("The upload was interrupted: %1").arg(context.error)};
        };
        for (const QString &hash : std::as_const(missing)) {
            std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(), archive_entry_free);
            archive_entry_set_pathname(entry.get(), hash.toLatin1().constData());
            archive_entry_set_filetype(entry.get(), AE_IFREG);
            archive_entry_set_perm(entry.get(), 0644);
            archive_entry_set_size(entry.get(), sizes.value(hash));
            if (archive_write_header(tar.get(), entry.get()) != ARCHIVE_OK)
                return streamError(QString::fromUtf8(archive_error_string(tar.get())));
            auto writeData = [&](const char *data, qsizetype size) {
                return archive_write_data(tar.get(), data, size_t(size)) == la_ssize_t(size);
            };
            if (inline_.contains(hash)) {
                const QByteArray &content = inline_[hash];
                if (!writeData(content.constData(), content.size()))
                    return streamError(QString::fromUtf8(archive_error_string(tar.get())));
                sent += content.size();
            } else {
                QFile blob(m_store.blobPath(hash));
                if (!blob.open(QIODevice::ReadOnly))
                    return Error{tr("Cannot read %1: %2.").arg(blob.fileName(), blob.errorString())};
                if (blob.size() != sizes.value(hash))
                    return Error{tr("The stored content %1 has changed size; take the snapshot again.").arg(blob.fileName())};
                QByteArray buffer(1024 * 1024, Qt::Uninitialized);
                for (;;) {
                    const qint64 n = blob.read(buffer.data(), buffer.size());
                    if (n < 0)
                        return Error{tr("Cannot read %1: %2.").arg(blob.fileName(), blob.errorString())};
                    if (n == 0)
                        break;
                    if (!writeData(buffer.constData(), n))
                        return streamError(QString::fromUtf8(archive_error_string(tar.get())));
                    sent += n;
                    if (progress)
                        progress(sent, toSend);
                }
            }
            ++statistics.contentsSent;
            if (snapshotHashes.contains(hash))
                ++statistics.snapshotContentsSent;
            statistics.bytesSent += sizes.value(hash);
        }
        if (archive_write_close(tar.get()) != ARCHIVE_OK)
            return streamError(QString::fromUtf8(archive_error_string(tar.get())));
        auto finished = process->finish(std::chrono::minutes(10));
        if (!finished)
            return finished.error().toError();
        if (finished->exitStatus != 0) {
            return Error{tr("The host could not unpack the upload (exit status %1): %2")
                             .arg(finished->exitStatus)
                             .arg(QString::fromUtf8(finished->standardError).trimmed())};
        }
        if (progress)
            progress(toSend, toSend);
    }

    // 3. Make the run directory from the cache: one script, every path quoted.
    QString script = QStringLiteral("set -e\nc=") + Q::quote(remoteCache) + QStringLiteral("\nr=") + Q::quote(remoteRunDirectory)
                     + QStringLiteral("\nmkdir -p -- \"$r\"\ncd -- \"$r\"\n");
    QSet<QString> folders;
    for (const Entry &entry : std::as_const(entries)) {
        const qsizetype slash = entry.path.lastIndexOf(QLatin1Char('/'));
        if (slash > 0) {
            const QString folder = entry.path.left(slash);
            if (!folders.contains(folder)) {
                folders.insert(folder);
                script += QStringLiteral("mkdir -p -- ") + Q::quote(folder) + QLatin1Char('\n');
            }
        }
        script += QStringLiteral("cp -- \"$c/") + entry.hash + QStringLiteral("\" ") + Q::quote(entry.path) + QLatin1Char('\n');
        if (entry.executable)
            script += QStringLiteral("chmod +x -- ") + Q::quote(entry.path) + QLatin1Char('\n');
    }
    script += QStringLiteral("mkdir -p -- .trainyard/lib outputs logs\n");
    auto made = m_connection.exec(QStringLiteral("sh -s"), script.toUtf8(), std::chrono::minutes(10));
    if (!made)
        return made.error().toError();
    if (made->exitStatus != 0) {
        return Error{tr("Cannot create the run folder %1 on the host: %2")
                         .arg(remoteRunDirectory, QString::fromUtf8(made->standardError).trimmed())};
    }
    return statistics;
}

} // namespace Trainyard
