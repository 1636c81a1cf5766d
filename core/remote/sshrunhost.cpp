#include "sshrunhost.h"

#include "pathguard.h"
#include "remotemachine.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace Trainyard {

namespace {

// "$1": the run directory. Liveness before the exit code, as LocalRunHost reads them.
const char processStateScript[] = R"sh(cd -- "$1" 2>/dev/null || { echo "0 0 gone -"; exit 0; }
T=.trainyard
c=0; [ -e "$T/cancel_requested" ] && c=1
t=0; [ -e "$T/timed_out" ] && t=1
l=notstarted
if [ -r "$T/pid" ]; then
    p= s=
    read -r p s <"$T/pid" || true
    l=gone
    if [ -n "$p" ] && [ -r "/proc/$p/stat" ]; then
        now=$(sed 's/^.*) //' "/proc/$p/stat" | cut -d' ' -f20)
        if [ -z "$s" ] || [ "$now" = "$s" ]; then l=alive; fi
    fi
fi
e=-
if [ -r "$T/exit_code" ]; then e=$(head -c 64 "$T/exit_code" | tr -d ' \n'); [ -n "$e" ] || e=x; fi
printf '%s %s %s %s\n' "$c" "$t" "$l" "$e"
)sh";

// Follows processStateScript for prefetch(): "$2 $3 $4", "$5 $6 $7", ...: a file of the run
// directory, the offset to read from, the most bytes to read. For each, "<n>\n", n bytes, "\n"
// (n = -1: no such file; -2: not a readable file, which the single read reports as an error, so
// the answer is not used). The protocol's files only grow, so n bytes are there to read.
const char readFilesScript[] = R"sh(shift
while [ $# -ge 3 ]; do
    n=-1
    if [ -f "$1" ] && [ -r "$1" ]; then
        s=$(wc -c <"$1")
        n=$((s - $2))
        [ "$n" -gt 0 ] || n=0
        [ "$n" -le "$3" ] || n=$3
    elif [ -e "$1" ]; then
        n=-2
    fi
    printf '%s\n' "$n"
    if [ "$n" -gt 0 ]; then tail -c "+$(($2 + 1))" -- "$1" | head -c "$n"; fi
    printf '\n'
    shift 3
done
)sh";

// A prefetch is for the poll that asked for it.
constexpr qint64 PrefetchMaxAgeMs = 5000;

// "$1": the run directory, "$2": the grace period in seconds.
const char cancelScript[] = R"sh(cd -- "$1" || exit 3
T=.trainyard
: >"$T/cancel_requested" || exit 3
[ -r "$T/pid" ] || exit 0
p= s=
read -r p s <"$T/pid" || exit 0
[ -n "$p" ] || exit 0
alive() {
    [ -e "$T/exit_code" ] && return 1
    [ -r "/proc/$p/stat" ] || return 1
    [ -z "$s" ] || [ "$(sed 's/^.*) //' "/proc/$p/stat" | cut -d' ' -f20)" = "$s" ]
}
alive || exit 0
# dash's kill takes no "--": a negative pid right after the signal names the group.
kill -TERM "-$p" 2>/dev/null
i=0
while [ "$i" -lt $(( $2 * 10 )) ]; do
    alive || exit 0
    sleep 0.1 2>/dev/null || sleep 1
    i=$((i + 1))
done
kill -KILL "-$p" 2>/dev/null
exit 0
)sh";

// "$1": a folder; regular files only (symlinks are not followed), NUL-separated.
const char listScript[] = R"sh(cd -- "$1" 2>/dev/null || exit 0
find . -type f -printf '%s %P\0'
)sh";

constexpr qint64 DownloadChunk = 4 * 1024 * 1024;

} // namespace

SshRunHost::SshRunHost(ComputeTarget target, CredentialStore &credentials)
    : m_target(std::move(target))
    , m_credentials(&credentials)
{
}

SshRunHost::SshRunHost(std::unique_ptr<SshConnection> connection)
    : m_connection(std::move(connection))
{
}

SshRunHost::~SshRunHost() = default;

Result<SshConnection *> SshRunHost::connection()
{
    if (!m_connection) {
        auto made = RemoteMachine::connect(m_target, *m_credentials);
        if (!made)
            return made.error();
        m_connection = std::move(*made);
    }
    return m_connection.get();
}

template<typename T>
Result<T> SshRunHost::checked(SshResult<T> result)
{
    if (result) {
        m_reachable = true;
        if constexpr (std::is_void_v<T>)
            return {};
        else
            return std::move(result).value();
    }
    m_reachable = !result.error().isTransient();
    return result.error().toError();
}

QString SshRunHost::readKey(const QString &relative, qint64 offset, qint64 maxBytes)
{
    return relative + QLatin1Char('\n') + QString::number(offset) + QLatin1Char('\n') + QString::number(maxBytes);
}

bool SshRunHost::isFresh(const QString &runDirectory) const
{
    return m_prefetch.runDirectory == runDirectory && m_prefetch.age.isValid() && m_prefetch.age.elapsed() < PrefetchMaxAgeMs;
}

Result<void> SshRunHost::prefetch(const QString &runDirectory, const QList<ReadRequest> &reads)
{
    m_prefetch = {};
    auto c = connection();
    if (!c)
        return c.error();
    QStringList arguments{runDirectory};
    for (const ReadRequest &read : reads)
        arguments << read.relative << QString::number(std::max<qint64>(0, read.offset)) << QString::number(std::max<qint64>(0, read.maxBytes));
    const QString script = QString::fromLatin1(processStateScript) + QString::fromLatin1(readFilesScript);
    auto reply = (*c)->runScript(script, arguments, std::chrono::seconds(60));
    // It only reads: after a dropped session (sshd restarted, an idle cut), connect again and
    // ask once more, as file reads do, rather than show the run as not responding.
    if (!reply && reply.error().kind == SshError::Kind::Disconnected)
        reply = (*c)->runScript(script, arguments, std::chrono::seconds(60));
    auto ran = checked(std::move(reply));
    if (!ran)
        return ran.error();
    // Whatever went wrong here, the calls that follow ask on their own (and report it).
    if (ran->exitStatus != 0)
        return {};
    const auto answer = parsePrefetch(ran->standardOutput, reads.size());
    if (!answer)
        return {};
    m_prefetch.runDirectory = runDirectory;
    m_prefetch.state = answer->state;
    for (qsizetype i = 0; i < answer->files.size(); ++i) {
        const ReadRequest &read = reads.at(i);
        m_prefetch.files.insert(readKey(read.relative, read.offset, read.maxBytes), answer->files.at(i).value_or(QByteArray()));
    }
    m_prefetch.age.start();
    return {};
}

std::optional<SshRunHost::Prefetched> SshRunHost::parsePrefetch(const QByteArray &answer, qsizetype reads)
{
    qsizetype at = answer.indexOf('\n');
    if (at < 0)
        return std::nullopt;
    auto state = parseProcessState(answer.left(at));
    if (!state)
        return std::nullopt;
    Prefetched result;
    result.state = *state;
    ++at;
    for (qsizetype i = 0; i < reads; ++i) {
        const qsizetype newline = answer.indexOf('\n', at);
        if (newline < 0)
            return std::nullopt; // the host said less (a run folder that is gone answers with the state alone)
        bool ok = false;
        const qint64 length = answer.mid(at, newline - at).toLongLong(&ok);
        if (!ok || length < -1)
            return std::nullopt;
        at = newline + 1;
        if (length < 0) {
            result.files.append(std::nullopt);
        } else {
            if (answer.size() - at < length)
                return std::nullopt;
            result.files.append(answer.mid(at, length));
            at += length;
        }
        if (at >= answer.size() || answer.at(at) != '\n')
            return std::nullopt;
        ++at;
    }
    if (at != answer.size())
        return std::nullopt;
    return result;
}

Result<QByteArray> SshRunHost::read(const QString &runDirectory, const QString &relative, qint64 offset, qint64 maxBytes)
{
    if (isFresh(runDirectory)) {
        // The same bytes for the same offset (the files only grow) until the next prefetch.
        const auto found = m_prefetch.files.constFind(readKey(relative, offset, maxBytes));
        if (found != m_prefetch.files.cend())
            return found.value();
    }
    auto c = connection();
    if (!c)
        return c.error();
    auto data = (*c)->readFile(runDirectory + QLatin1Char('/') + relative, offset, maxBytes);
    if (!data && data.error().kind == SshError::Kind::FileMissing) {
        m_reachable = true;
        return QByteArray();
    }
    return checked(std::move(data));
}

Result<RunProcessState> SshRunHost::parseProcessState(const QByteArray &answer)
{
    const QList<QByteArray> parts = answer.trimmed().split(' ');
    if (parts.size() != 4)
        return Error{tr("Unexpected answer from the host about the run's process: %1").arg(QString::fromUtf8(answer.left(200)))};
    RunProcessState state;
    state.cancelRequested = parts.at(0) == "1";
    state.timedOut = parts.at(1) == "1";
    state.liveness = parts.at(2) == "alive" ? LocalRunner::Liveness::Alive
                   : parts.at(2) == "gone"  ? LocalRunner::Liveness::Gone
                                            : LocalRunner::Liveness::NotStarted;
    if (parts.at(3) != "-") {
        bool ok = false;
        const int code = parts.at(3).toInt(&ok);
        state.exitCode = ok ? code : -1;
    }
    return state;
}

Result<RunProcessState> SshRunHost::processState(const QString &runDirectory, const QString &)
{
    if (isFresh(runDirectory) && m_prefetch.state) {
        const RunProcessState state = *m_prefetch.state;
        m_prefetch.state.reset();
        return state;
    }
    auto c = connection();
    if (!c)
        return c.error();
    auto ran = checked((*c)->runScript(QString::fromLatin1(processStateScript), {runDirectory}, std::chrono::seconds(60)));
    if (!ran)
        return ran.error();
    if (ran->exitStatus != 0)
        return Error{tr("The host could not report on the run: %1").arg(QString::fromUtf8(ran->standardError).trimmed())};
    return parseProcessState(ran->standardOutput);
}

Result<void> SshRunHost::cancel(const QString &runDirectory, int graceSeconds, const QString &)
{
    auto c = connection();
    if (!c)
        return c.error();
    auto ran = checked((*c)->runScript(QString::fromLatin1(cancelScript), {runDirectory, QString::number(graceSeconds)},
                                       std::chrono::seconds(graceSeconds + 60)));
    if (!ran)
        return ran.error();
    if (ran->exitStatus != 0)
        return Error{tr("Cannot cancel the run on the host: %1").arg(QString::fromUtf8(ran->standardError).trimmed())};
    return {};
}

Result<QList<SshRunHost::ListedFile>> SshRunHost::parseListing(const QByteArray &listing)
{
    QList<ListedFile> files;
    const QList<QByteArray> entries = listing.split('\0');
    for (const QByteArray &entry : entries) {
        if (entry.isEmpty())
            continue;
        const qsizetype space = entry.indexOf(' ');
        bool ok = false;
        const qint64 size = space > 0 ? entry.left(space).toLongLong(&ok) : -1;
        if (!ok || size < 0)
            return Error{tr("The host sent a file listing Trainyard cannot read.")};
        const QString name = QString::fromUtf8(entry.mid(space + 1));
        auto normalized = PathGuard::normalize(name);
        if (!normalized)
            return Error{tr("The host listed a file outside the run folder (%1); nothing was downloaded.").arg(name)};
        files.append({*normalized, size});
    }
    return files;
}

Result<QList<RunArtifact>> SshRunHost::fetchFolder(const QString &runDirectory, const QString &relative, const QString &localFolder,
                                                   const QString &kind, const std::function<void(qint64, qint64)> &progress)
{
    auto c = connection();
    if (!c)
        return c.error();
    const QString remoteFolder = runDirectory + QLatin1Char('/') + relative;
    auto listed = checked((*c)->runScript(QString::fromLatin1(listScript), {remoteFolder}, std::chrono::seconds(120)));
    if (!listed)
        return listed.error();
    auto files = parseListing(listed->standardOutput);
    if (!files)
        return files.error();
    qint64 total = 0;
    for (const ListedFile &file : std::as_const(*files))
        total += file.size;

    QList<RunArtifact> artifacts;
    if (files->isEmpty())
        return artifacts;
    if (!QDir().mkpath(localFolder))
        return Error{tr("Cannot create the folder %1.").arg(localFolder)};
    qint64 done = 0;
    if (progress)
        progress(0, total);
    for (const ListedFile &file : std::as_const(*files)) {
        auto target = PathGuard::resolve(localFolder, file.path);
        if (!target)
            return target.error();
        QDir().mkpath(QFileInfo(*target).absolutePath());
        QSaveFile out(*target);
        if (!out.open(QIODevice::WriteOnly))
            return Error{tr("Cannot write %1: %2.").arg(*target, out.errorString())};
        for (qint64 offset = 0;;) {
            auto chunk = checked((*c)->readFile(remoteFolder + QLatin1Char('/') + file.path, offset, DownloadChunk));
            if (!chunk)
                return chunk.error();
            if (chunk->isEmpty())
                break;
            if (out.write(*chunk) != chunk->size())
                return Error{tr("Cannot write %1: %2.").arg(*target, out.errorString())};
            offset += chunk->size();
            done += chunk->size();
            if (progress)
                progress(std::min(done, total), total);
            if (chunk->size() < DownloadChunk)
                break;
        }
        if (!out.commit())
            return Error{tr("Cannot write %1: %2.").arg(*target, out.errorString())};
        artifacts.append({kind, file.path, QFileInfo(*target).size()});
    }
    return artifacts;
}

} // namespace Trainyard
