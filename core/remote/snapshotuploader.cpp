#include "snapshotuploader.h"

#include "shellquote.h"
#include "sshremoteprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
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

// Unpacks the tar on stdin into a fresh folder beside the cache, then moves the complete files in
// (a rename each, so an interrupted upload leaves nothing half-written under a content's name), as
// few `mv` processes as the argument limit allows rather than one per file.
const char receiveScript[] = R"sh(c=$1
mkdir -p -- "$c" || exit 3
d=$(mktemp -d "$c/.incoming.XXXXXX") || exit 3
trap 'rm -rf -- "$d"' EXIT
tar -x -f - -C "$d" || exit 4
find "$d" -type f -exec sh -c 'c=$1; shift; mv -f -- "$@" "$c/"' sh "$c" {} + || exit 5
)sh";

// Makes the run folder "$2" from the cache "$1" with a few processes instead of one per file. The tar
// on stdin holds "$3/t", a tree of hard links into the cache named like the run's files, and
// "$3/finish.sh" (executable bits, empty folders). `cp -R` copies each linked file's bytes into a new
// file of the run's own: the run may change its files, the cache stays intact (a cp that keeps hard
// links keeps them among the files it creates, never to its sources; -L turns even that off in
// BusyBox). The links live only in the staging folder "$3". Removing them updates every linked cache
// entry's inode, which can take seconds on a busy disk, and the run does not need to wait for it:
// that happens in the background once the run folder is complete (leftovers older than an hour go at
// the next upload). Exit status 6: the host's file
// system refused the links; the caller then copies file by file.
const char linkedCopyScript[] = R"sh(c=$1 r=$2 s=$1/$3
mkdir -p -- "$c" "$r" || exit 3
# Staging folders whose background removal was cut short (the host ended the session's processes).
find "$c" -maxdepth 1 -name '.materialize.*' -mmin +60 -exec rm -rf -- {} + 2>/dev/null
mkdir -- "$s" || exit 3
trap 'rm -rf -- "$s"' EXIT
tar -x -f - -C "$c" || exit 6
if [ -d "$s/t" ]; then cp -R -L -- "$s/t/." "$r/" || exit 7; fi
cd -- "$r" || exit 7
sh -e -- "$s/finish.sh" || exit 7
trap - EXIT
rm -rf -- "$s" </dev/null >/dev/null 2>&1 &
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

// Opens `tar` as a stream into `context`'s remote process.
bool openStream(archive *tar, StreamContext *context, int format)
{
    archive_write_set_format(tar, format);
    archive_write_set_bytes_per_block(tar, 256 * 1024);
    return archive_write_open2(tar, context, nullptr, writeToChannel, nullptr, nullptr) == ARCHIVE_OK;
}

QString sha256(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

// A file of the run directory: its path there, its content's hash (its name in the cache).
struct RunFile
{
    QString path;
    QString hash;
    bool executable;
};

// Run inside the run folder once its files are in place: executable bits and the empty folders.
QString finishScript(const QList<RunFile> &files)
{
    using Q = ShellQuote;
    QString script;
    for (const RunFile &file : files) {
        if (file.executable)
            script += QStringLiteral("chmod +x -- ") + Q::quote(file.path) + QLatin1Char('\n');
    }
    return script + QStringLiteral("mkdir -p -- .trainyard/lib outputs logs\n");
}

// The run folder through a tree of hard links into the cache and one `cp -R` (linkedCopyScript).
// False when the host cannot make the links.
Result<bool> materializeLinked(SshConnection &connection, const QList<RunFile> &files, const QString &remoteCache,
                               const QString &remoteRunDirectory)
{
    using Q = ShellQuote;
    // Chosen here rather than by mktemp on the host: the tar's names must know it.
    const QString staging = QStringLiteral(".materialize.%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    auto started = connection.session().start(QStringLiteral("sh -c ") + Q::quote(QString::fromLatin1(linkedCopyScript))
                                              + QStringLiteral(" sh ") + Q::quote(remoteCache) + QLatin1Char(' ')
                                              + Q::quote(remoteRunDirectory) + QLatin1Char(' ') + Q::quote(staging));
    if (!started)
        return started.error().toError();
    std::unique_ptr<SshRemoteProcess> process = std::move(*started);
    StreamContext context{process.get(), {}};
    std::unique_ptr<archive, ArchiveDeleter> tar(archive_write_new());
    // GNU format: long names in raw bytes, which every tar extracts as they are (no charset conversion).
    if (!openStream(tar.get(), &context, ARCHIVE_FORMAT_TAR_GNUTAR))
        return Error{SnapshotUploader::tr("Cannot start the upload stream: %1").arg(QString::fromUtf8(archive_error_string(tar.get())))};
    auto streamError = [&]() {
        return Error{context.error.isEmpty() ? QString::fromUtf8(archive_error_string(tar.get()))
                                             : SnapshotUploader::tr("The upload was interrupted: %1").arg(context.error)};
    };
    auto add = [&](const QByteArray &path, const QByteArray &hardLink, const QByteArray &content) {
        std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(), archive_entry_free);
        archive_entry_set_pathname(entry.get(), path.constData());
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        if (!hardLink.isEmpty())
            archive_entry_set_hardlink(entry.get(), hardLink.constData());
        else
            archive_entry_set_size(entry.get(), content.size());
        return archive_write_header(tar.get(), entry.get()) == ARCHIVE_OK
            && (content.isEmpty() || archive_write_data(tar.get(), content.constData(), size_t(content.size())) == content.size());
    };
    const QByteArray prefix = staging.toLatin1();
    for (const RunFile &file : files) {
        // Link targets are relative to the cache, where tar runs.
        if (!add(prefix + "/t/" + file.path.toUtf8(), file.hash.toLatin1(), {}))
            return streamError();
    }
    if (!add(prefix + "/finish.sh", {}, finishScript(files).toUtf8()))
        return streamError();
    if (archive_write_close(tar.get()) != ARCHIVE_OK)
        return streamError();
    auto finished = process->finish(std::chrono::minutes(10));
    if (!finished)
        return finished.error().toError();
    if (finished->exitStatus == 6)
        return false;
    if (finished->exitStatus != 0) {
        return Error{SnapshotUploader::tr("Cannot create the run folder %1 on the host: %2")
                         .arg(remoteRunDirectory, QString::fromUtf8(finished->standardError).trimmed())};
    }
    return true;
}

// The run folder with one `cp` per file, for hosts whose cache cannot hold hard links.
Result<void> materializeFileByFile(SshConnection &connection, const QList<RunFile> &files, const QString &remoteCache,
                                   const QString &remoteRunDirectory)
{
    using Q = ShellQuote;
    QString script = QStringLiteral("set -e\nc=") + Q::quote(remoteCache) + QStringLiteral("\nr=") + Q::quote(remoteRunDirectory)
                     + QStringLiteral("\nmkdir -p -- \"$r\"\ncd -- \"$r\"\n");
    QSet<QString> folders;
    for (const RunFile &file : files) {
        const qsizetype slash = file.path.lastIndexOf(QLatin1Char('/'));
        if (slash > 0) {
            const QString folder = file.path.left(slash);
            if (!folders.contains(folder)) {
                folders.insert(folder);
                script += QStringLiteral("mkdir -p -- ") + Q::quote(folder) + QLatin1Char('\n');
            }
        }
        script += QStringLiteral("cp -- \"$c/") + file.hash + QStringLiteral("\" ") + Q::quote(file.path) + QLatin1Char('\n');
    }
    script += finishScript(files);
    auto made = connection.exec(QStringLiteral("sh -s"), script.toUtf8(), std::chrono::minutes(10));
    if (!made)
        return made.error().toError();
    if (made->exitStatus != 0) {
        return Error{SnapshotUploader::tr("Cannot create the run folder %1 on the host: %2")
                         .arg(remoteRunDirectory, QString::fromUtf8(made->standardError).trimmed())};
    }
    return {};
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
    QList<RunFile> entries;
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
        if (!openStream(tar.get(), &context, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED))
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

    // 3. Make the run directory from the cache.
    auto linked = materializeLinked(m_connection, entries, remoteCache, remoteRunDirectory);
    if (!linked)
        return linked.error();
    if (!*linked) {
        if (auto copied = materializeFileByFile(m_connection, entries, remoteCache, remoteRunDirectory); !copied)
            return copied.error();
    }
    return statistics;
}

} // namespace Trainyard
