#include "snapshotuploader.h"

#include "runfiles.h"
#include "shellquote.h"
#include "sshremoteprocess.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QHash>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace Trainyard {

namespace {

// "$1": the cache folder; hashes on stdin, one per line. Prints those the cache lacks, then
// "links=yes" when the file system takes hard links, and "foreign=yes" when an entry needed belongs
// to another user (fs.protected_hardlinks refuses links to it). An earlier upload may still be
// filling the cache from its run folder (materializeScript): its contents are waited for (at most
// 30 s, and only for fills started in the last ten minutes: one cut short leaves its mark behind)
// rather than sent again.
const char askScript[] = R"sh(c=$1
mkdir -p -- "$c" || exit 3
l=yes f=no n=0
while [ $n -lt 300 ] && [ -n "$(find "$c" -mindepth 2 -maxdepth 2 -name filling -mmin -10 2>/dev/null | head -n 1)" ]; do
    sleep 0.1 2>/dev/null || sleep 1
    n=$((n + 1))
done
p=$c/.linktest.$$
{ : > "$p" && ln -- "$p" "$p.l"; } 2>/dev/null || l=no
rm -f -- "$p" "$p.l"
while IFS= read -r h; do
    if [ -f "$c/$h" ]; then [ -O "$c/$h" ] || f=yes; else printf '%s\n' "$h"; fi
done
printf 'links=%s\nforeign=%s\n' "$l" "$f"
)sh";

// Makes the run folder "$2" from one tar on stdin, unpacked into the staging folder "$3" in the cache
// "$1": "new/" holds the contents the host lacked, already under the run's names, and becomes the run
// folder with one rename, so their bytes are written once. "t/" is a tree of hard links into the
// cache for the contents it held: it moves into the run's control folder, and the run's launcher
// turns it into files of the run's own with one `cp -R -L` before the script starts (the run may
// change its files, the cache stays intact; the links keep those contents alive meanwhile) — the
// upload does not wait for that copy. "prepare.sh" does it, then the rest (copies of repeated
// contents, executable bits, empty folders); without a link tree (one cp per file from the cache,
// where links are refused) it runs now instead. Then, in the background, fillScript copies the new
// contents into the cache, and the staging folder goes, with leftovers of others older than an hour.
const char materializeScript[] = R"sh(c=$1 r=$2 s=$1/$3 # "$4": fillScript
mkdir -p -- "$c" || exit 3
mkdir -- "$s" || exit 3
trap 'rm -rf -- "$s"' EXIT
tar -x -f - -C "$c" || exit 4
p=${r%/*}
[ -z "$p" ] || mkdir -p -- "$p" || exit 5
if [ -d "$s/new" ] && [ ! -e "$r" ]; then
    mv -- "$s/new" "$r" || exit 5
else
    mkdir -p -- "$r" || exit 5
    if [ -d "$s/new" ]; then cp -R -- "$s/new/." "$r/" || exit 5; fi
fi
mkdir -p -- "$r/.trainyard" || exit 5
if [ -d "$s/t" ]; then
    mv -- "$s/t" "$r/.trainyard/$3" && mv -- "$s/prepare.sh" "$r/.trainyard/prepare.sh" || exit 5
else
    cd -- "$r" && sh -e -- "$s/prepare.sh" "$c" || exit 5
fi
trap - EXIT
: > "$s/filling"
(sh -c "$4" sh "$c" "$s" "$r"; rm -rf -- "$s"
 find "$c" -maxdepth 1 -name '.materialize.*' -mmin +60 -exec rm -rf -- {} +) </dev/null >/dev/null 2>&1 &
)sh";

// Fills the cache "$1" from the staging folder "$2": "fill/<hash>" is a second name of each new
// file of the run folder "$3" (a hard link the tar made; where the file system has none, "fill.sh"
// copies them there from the run folder, one cp each). Copies them all, keeps the copies whose
// SHA-256 still matches their name (the run may have changed a file in place already), moves those
// in. A handful of processes whatever the number of files.
const char fillScript[] = R"sh(c=$1 s=$2
command -v sha256sum >/dev/null 2>&1 || exit 0
if [ -f "$s/fill.sh" ]; then
    mkdir -p -- "$s/fill" && cd -- "$3" && sh -- "$s/fill.sh" "$s/fill"
fi
[ -d "$s/fill" ] || exit 0
cp -R -- "$s/fill" "$s/copy" || exit 0
cd -- "$s/copy" || exit 0
find . -type f -exec chmod 644 -- {} +
find . -type f -exec sha256sum -- {} + | while read -r h n; do
    [ "./$h" = "$n" ] || rm -f -- "$n"
done
find . -type f -exec sh -c 'c=$1; shift; mv -f -- "$@" "$c/"' sh "$c" {} +
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

// Shell commands taking many quoted paths, as few as the argument limit allows.
QString batched(const QString &command, const QStringList &paths)
{
    constexpr qsizetype Limit = 64 * 1024;
    QString script;
    QString line;
    for (const QString &path : paths) {
        const QString quoted = ShellQuote::quote(path);
        if (!line.isEmpty() && line.size() + quoted.size() > Limit) {
            script += line + QLatin1Char('\n');
            line.clear();
        }
        if (line.isEmpty())
            line = command;
        line += QLatin1Char(' ') + quoted;
    }
    return line.isEmpty() ? script : script + line + QLatin1Char('\n');
}

// How the files of the run folder come to be, by content: sent now (under the first path holding
// it, `new/`), or held by the cache (through the link tree `t/`, or one cp each without links).
struct Plan
{
    QByteArray prepare; // prepare.sh, run inside the run folder (materializeScript)
    QByteArray fill;   // fill.sh where the new files get no second name through links (fillScript)
    QList<const RunFile *> sent; // the first file of each new content, in stream order
    QList<const RunFile *> linked;
};

Plan plan(const QList<RunFile> &files, const QSet<QString> &missing, bool linkTree, bool links, const QString &staging)
{
    using Q = ShellQuote;
    Plan result;
    QHash<QString, const RunFile *> firstSent; // hash of a new content -> the file it is sent as
    QString copies;
    QSet<QString> folders;
    QStringList executables;
    QStringList plainCopiesOfExecutables;
    QString fill;
    auto folderOf = [&](const QString &path) {
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        if (slash > 0 && !folders.contains(path.left(slash))) {
            folders.insert(path.left(slash));
            copies += QStringLiteral("mkdir -p -- ") + Q::quote(path.left(slash)) + QLatin1Char('\n');
        }
    };
    for (const RunFile &file : files) {
        if (file.executable)
            executables << file.path;
        if (missing.contains(file.hash)) {
            if (const RunFile *first = firstSent.value(file.hash)) {
                folderOf(file.path);
                copies += QStringLiteral("cp -- ") + Q::quote(first->path) + QLatin1Char(' ') + Q::quote(file.path) + QLatin1Char('\n');
                if (!file.executable && first->executable)
                    plainCopiesOfExecutables << file.path;
            } else {
                firstSent.insert(file.hash, &file);
                result.sent << &file;
                if (!links)
                    fill += QStringLiteral("cp -- ") + Q::quote(file.path) + QStringLiteral(" \"$1/") + file.hash + QStringLiteral("\"\n");
            }
        } else if (linkTree) {
            result.linked << &file;
        } else {
            folderOf(file.path);
            copies += QStringLiteral("cp -- \"$1/") + file.hash + QStringLiteral("\" ") + Q::quote(file.path) + QLatin1Char('\n');
        }
    }
    // The link tree first (it is in the run's control folder when the launcher runs this; gone once
    // copied, so a launcher that starts again after a failure below does not copy it twice).
    QString linkTreeCopy;
    if (!result.linked.isEmpty()) {
        linkTreeCopy = QStringLiteral("l=.trainyard/%1\n"
                                      "if [ -d \"$l\" ]; then\n"
                                      "    cp -R -L --reflink=auto -- \"$l/.\" ./ 2>/dev/null || cp -R -L -- \"$l/.\" ./\n"
                                      "    rm -rf -- \"$l\"\n"
                                      "fi\n")
                           .arg(staging);
    }
    // Cache entries are 0644, and a copy of a sent file takes its mode: set the bits after the copies.
    result.prepare = (linkTreeCopy + copies + batched(QStringLiteral("chmod +x --"), executables)
                      + batched(QStringLiteral("chmod a-x --"), plainCopiesOfExecutables)
                      + QStringLiteral("mkdir -p -- .trainyard/lib outputs logs\n"))
                         .toUtf8();
    result.fill = fill.toUtf8();
    return result;
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
        // The run's control folder is the launcher's (snapshots taken before it was left out may hold one).
        if (file.path.startsWith(RunFiles::control() + QLatin1Char('/')))
            continue;
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

    // 1. Which contents does the host lack, and may the run folder link to the rest?
    QByteArray hashes;
    for (auto it = sizes.begin(); it != sizes.end(); ++it)
        hashes += it.key().toLatin1() + '\n';
    auto asked = m_connection.exec(QStringLiteral("sh -c ") + Q::quote(QString::fromLatin1(askScript)) + QStringLiteral(" sh ")
                                       + Q::quote(remoteCache),
                                   hashes, std::chrono::minutes(5));
    if (!asked)
        return asked.error().toError();
    if (asked->exitStatus != 0)
        return Error{tr("Cannot use the content cache %1 on the host: %2").arg(remoteCache, QString::fromUtf8(asked->standardError).trimmed())};
    QSet<QString> missing;
    bool links = false;
    bool foreign = false;
    for (const QByteArray &line : asked->standardOutput.split('\n')) {
        const QString answer = QString::fromLatin1(line.trimmed());
        if (sizes.contains(answer))
            missing.insert(answer);
        else if (answer == QLatin1String("links=yes"))
            links = true;
        else if (answer == QLatin1String("foreign=yes"))
            foreign = true;
    }

    UploadStatistics statistics;
    statistics.files = int(entries.size());
    const QString staging = QStringLiteral(".materialize.%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    const Plan plan = Trainyard::plan(entries, missing, links && !foreign, links, staging);
    qint64 toSend = 0;
    for (const RunFile *file : plan.sent)
        toSend += sizes.value(file->hash);

    // 2. One tar stream: the new contents under the run's names, the links, the scripts.
    auto started = m_connection.session().start(QStringLiteral("sh -c ") + Q::quote(QString::fromLatin1(materializeScript))
                                                + QStringLiteral(" sh ") + Q::quote(remoteCache) + QLatin1Char(' ')
                                                + Q::quote(remoteRunDirectory) + QLatin1Char(' ') + Q::quote(staging)
                                                + QLatin1Char(' ') + Q::quote(QString::fromLatin1(fillScript)));
    if (!started)
        return started.error().toError();
    std::unique_ptr<SshRemoteProcess> process = std::move(*started);
    StreamContext context{process.get(), {}};
    std::unique_ptr<archive, ArchiveDeleter> tar(archive_write_new());
    // GNU format: long names in raw bytes, which every tar extracts as they are (no charset conversion).
    if (!openStream(tar.get(), &context, ARCHIVE_FORMAT_TAR_GNUTAR))
        return Error{tr("Cannot start the upload stream: %1").arg(QString::fromUtf8(archive_error_string(tar.get())))};
    auto streamError = [&]() {
        return Error{context.error.isEmpty() ? QString::fromUtf8(archive_error_string(tar.get()))
                                             : tr("The upload was interrupted: %1").arg(context.error)};
    };
    // Headers only for links; the data follows through writeData(). Files are as new as the upload
    // (as a run folder made here is), not of 1970.
    const time_t now = QDateTime::currentSecsSinceEpoch();
    auto header = [&](const QByteArray &path, const QByteArray &hardLink, qint64 size, bool executable) {
        std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(), archive_entry_free);
        archive_entry_set_pathname(entry.get(), path.constData());
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), executable ? 0755 : 0644);
        archive_entry_set_mtime(entry.get(), now, 0);
        if (!hardLink.isEmpty())
            archive_entry_set_hardlink(entry.get(), hardLink.constData());
        else
            archive_entry_set_size(entry.get(), size);
        return archive_write_header(tar.get(), entry.get()) == ARCHIVE_OK;
    };
    auto writeData = [&](const char *data, qsizetype size) {
        return size == 0 || archive_write_data(tar.get(), data, size_t(size)) == la_ssize_t(size);
    };
    const QByteArray prefix = staging.toLatin1();
    qint64 sent = 0;
    if (progress)
        progress(0, toSend);
    for (const RunFile *file : plan.sent) {
        const qint64 size = sizes.value(file->hash);
        if (!header(prefix + "/new/" + file->path.toUtf8(), {}, size, file->executable))
            return streamError();
        if (const auto content = inline_.constFind(file->hash); content != inline_.cend()) {
            if (!writeData(content->constData(), content->size()))
                return streamError();
            sent += content->size();
        } else {
            QFile blob(m_store.blobPath(file->hash));
            if (!blob.open(QIODevice::ReadOnly))
                return Error{tr("Cannot read %1: %2.").arg(blob.fileName(), blob.errorString())};
            if (blob.size() != size)
                return Error{tr("The stored content %1 has changed size; take the snapshot again.").arg(blob.fileName())};
            QByteArray buffer(1024 * 1024, Qt::Uninitialized);
            for (qint64 left = size; left > 0;) {
                const qint64 n = blob.read(buffer.data(), std::min<qint64>(buffer.size(), left));
                if (n <= 0)
                    return Error{tr("Cannot read %1: %2.").arg(blob.fileName(), blob.errorString())};
                if (!writeData(buffer.constData(), n))
                    return streamError();
                sent += n;
                left -= n;
                if (progress)
                    progress(sent, toSend);
            }
        }
        // A second name for the cache's fill (fillScript).
        if (links && !header(prefix + "/fill/" + file->hash.toLatin1(), prefix + "/new/" + file->path.toUtf8(), 0, false))
            return streamError();
        ++statistics.contentsSent;
        if (snapshotHashes.contains(file->hash))
            ++statistics.snapshotContentsSent;
        statistics.bytesSent += size;
    }
    // Link targets are relative to the cache, where tar runs.
    for (const RunFile *file : plan.linked) {
        if (!header(prefix + "/t/" + file->path.toUtf8(), file->hash.toLatin1(), 0, false))
            return streamError();
    }
    if (!header(prefix + "/prepare.sh", {}, plan.prepare.size(), false) || !writeData(plan.prepare.constData(), plan.prepare.size()))
        return streamError();
    if (!plan.fill.isEmpty() && (!header(prefix + "/fill.sh", {}, plan.fill.size(), false) || !writeData(plan.fill.constData(), plan.fill.size())))
        return streamError();
    if (archive_write_close(tar.get()) != ARCHIVE_OK)
        return streamError();
    auto finished = process->finish(std::chrono::minutes(10));
    if (!finished)
        return finished.error().toError();
    if (finished->exitStatus == 4) {
        return Error{tr("The host could not unpack the upload (exit status %1): %2")
                         .arg(finished->exitStatus)
                         .arg(QString::fromUtf8(finished->standardError).trimmed())};
    }
    if (finished->exitStatus != 0) {
        return Error{tr("Cannot create the run folder %1 on the host: %2")
                         .arg(remoteRunDirectory, QString::fromUtf8(finished->standardError).trimmed())};
    }
    statistics.completedByLauncher = !plan.linked.isEmpty();
    if (progress)
        progress(toSend, toSend);
    return statistics;
}

} // namespace Trainyard
