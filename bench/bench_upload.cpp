// Snapshot upload over SSH against rsync and scp, side by side, over the same link in the same run:
// a real sshd on 127.0.0.1 (tests/tools/sshdfixture, needs root), a generated project of 2000 files
// (200 MB of random content in nested folders, varied sizes, fixed seed). Each tool uploads the
// project once, then again after one file changed; a few rounds of that, and the medians, since a
// shared machine's disk and CPUs make single timings jump. Trainyard's upload is split into its
// phases (ask the host's cache, stream the new contents, make the run folder) to show where the time
// goes; the cache is filled from the run folder in the background afterwards, and waited for before
// the next measurement. The files whose contents the host held are copied into the run folder by the
// run's launcher before the script starts (status Preparing), not by the upload: that copy is run
// right after each upload, as the launcher would, and shown on its own line and added to the upload
// where the comparison is "until the run folder is complete".
// Remote folders go under ~trainyard-test/.trainyard/bench-<random> and are removed at the end.
//
//   bench_upload [FILES] [MEGABYTES] [ROUNDS]

#include "snapshotuploader.h"
#include "snapshotstore.h"
#include "sshconnection.h"
#include "workspace.h"

#include "tools/sshdfixture.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include <unistd.h>

using namespace Trainyard;

namespace {

constexpr quint32 Seed = 20240611;

// Thrown to leave the bench; main() catches it after the remote folders, sshd and the temporary
// folders have been cleaned up by their destructors.
struct Failure
{
    QString message;
};

[[noreturn]] void fail(const QString &message)
{
    throw Failure{message};
}

double seconds(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e9;
}

QByteArray randomBytes(QRandomGenerator &random, qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    const qint64 words = size / qint64(sizeof(quint32));
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), words);
    for (qint64 i = words * qint64(sizeof(quint32)); i < size; ++i)
        bytes[i] = char(random.bounded(256));
    return bytes;
}

// `files` files, `totalBytes` in all: sizes log-uniform over four decades (many small sources, a
// few large data files), folders one to four levels deep.
QStringList generateProject(const QString &root, int files, qint64 totalBytes)
{
    QRandomGenerator random(Seed);
    QList<double> weights;
    double weightSum = 0;
    for (int i = 0; i < files; ++i) {
        weights << std::exp(random.generateDouble() * std::log(10000.0));
        weightSum += weights.last();
    }
    QStringList paths;
    qint64 written = 0;
    for (int i = 0; i < files; ++i) {
        const qint64 size = i == files - 1 ? totalBytes - written : qint64(double(totalBytes) * weights.at(i) / weightSum);
        QString folder = QStringLiteral("pkg%1").arg(i % 7);
        const int depth = int(random.bounded(4));
        for (int level = 0; level < depth; ++level)
            folder += QStringLiteral("/sub%1").arg(random.bounded(5));
        const QString path = folder + QStringLiteral("/file%1.%2").arg(i).arg(i % 5 == 0 ? QStringLiteral("bin") : QStringLiteral("py"));
        QDir().mkpath(root + QLatin1Char('/') + folder);
        QFile file(root + QLatin1Char('/') + path);
        if (!file.open(QIODevice::WriteOnly) || file.write(randomBytes(random, size)) != size)
            fail(QStringLiteral("cannot write %1").arg(file.fileName()));
        written += size;
        paths << path;
    }
    return paths;
}

struct Command
{
    double seconds = 0;
    QString error; // empty on success
};

Command runCommand(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(30 * 60 * 1000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {seconds(timer), QStringLiteral("%1 failed (exit code %2): %3")
                                    .arg(program)
                                    .arg(process.exitCode())
                                    .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed())};
    return {seconds(timer), {}};
}

// Trainyard's upload with its phases, told apart through the progress callback: the first call
// (nothing sent) ends the question to the cache; the first with everything sent ends the new
// contents; the rest is the links, the host unpacking the end of the stream and making the run folder.
struct Upload
{
    double total = 0;
    double ask = 0;
    double stream = 0;
    double runFolder = 0;
    double launcherCopy = 0; // the run's launcher completing the run folder (prepare.sh), after the upload
    UploadStatistics statistics;
};

Upload upload(SshConnection &connection, SnapshotUploader &uploader, const QList<SnapshotFile> &files, const QString &cache,
              const QString &runFolder)
{
    QElapsedTimer timer;
    double streamStarted = -1;
    double streamEnded = -1;
    timer.start();
    auto uploaded = uploader.upload(files, {}, cache, runFolder, [&](qint64 sent, qint64 toSend) {
        if (streamStarted < 0)
            streamStarted = seconds(timer);
        if (sent == toSend && streamEnded < 0)
            streamEnded = seconds(timer);
    });
    Upload result;
    result.total = seconds(timer);
    if (!uploaded)
        fail(QStringLiteral("Trainyard upload to %1 failed: %2").arg(runFolder, uploaded.errorMessage()));
    result.statistics = *uploaded;
    if (streamStarted < 0) { // nothing to send
        streamStarted = streamEnded = 0;
    }
    result.ask = streamStarted;
    result.stream = streamEnded - streamStarted;
    result.runFolder = result.total - streamEnded;
    if (uploaded->completedByLauncher) {
        timer.restart();
        auto prepared = connection.runScript(QStringLiteral("cd -- \"$1\" && sh -e .trainyard/prepare.sh && rm -f .trainyard/prepare.sh"),
                                             {runFolder}, std::chrono::minutes(10));
        result.launcherCopy = seconds(timer);
        if (!prepared || prepared->exitStatus != 0)
            fail(QStringLiteral("completing the run folder %1 as its launcher would failed").arg(runFolder));
    }
    return result;
}

// Trainyard fills its cache from the new files and removes its staging folder in the background once
// the run folder is complete: wait until that is done so that the next measurement does not pay for
// it. Returns the wait.
double waitForCleanup(SshConnection &connection, const QString &cache)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 120000) {
        auto listed = connection.exec(QStringLiteral("find ") + cache + QStringLiteral(" -maxdepth 1 -name '.materialize.*'"));
        if (listed && listed->exitStatus == 0 && listed->standardOutput.trimmed().isEmpty())
            break;
        QThread::msleep(20);
    }
    return seconds(timer);
}

// "files bytes" of the regular files under a folder on the host.
QString remoteTally(SshConnection &connection, const QString &folder)
{
    auto tally = connection.exec(QStringLiteral("find ") + folder + QStringLiteral(" -type f -printf '%s\\n' | awk '{ s += $1 } END { print NR, s }'"));
    return tally && tally->exitStatus == 0 ? QString::fromUtf8(tally->standardOutput).trimmed() : QStringLiteral("?");
}

QString remoteSha256(SshConnection &connection, const QString &file)
{
    auto summed = connection.exec(QStringLiteral("sha256sum ") + file);
    return summed && summed->exitStatus == 0 ? QString::fromUtf8(summed->standardOutput.left(64)) : QStringLiteral("?");
}

double ratio(double a, double b)
{
    return b > 0 ? a / b : 0;
}

} // namespace

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// One round: every tool uploads the project, then again after one file changed.
struct Round
{
    Upload trainyardFirst;
    Upload trainyardChange;
    double trainyardCleanup = 0; // background cache fill after each upload, summed
    Command rsyncFirst;
    Command rsyncChange;
    Command rsyncChangeNewFolder;
    Command scpFirst;
    Command scpChange;
};

int run(int argc, char *argv[])
{
    const int files = argc > 1 ? QByteArray(argv[1]).toInt() : 2000;
    const qint64 totalBytes = (argc > 2 ? QByteArray(argv[2]).toLongLong() : 200) * 1000 * 1000;
    const int rounds = argc > 3 ? std::max(1, QByteArray(argv[3]).toInt()) : 3;
    for (const char *tool : {"rsync", "scp", "ssh"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            fail(QStringLiteral("%1 is missing: install it (scripts/install-deps.sh).").arg(QString::fromLatin1(tool)));
    }

    SshdFixture sshd;
    if (const QString failed = sshd.setUp(); !failed.isEmpty())
        fail(QStringLiteral("cannot start the test sshd: ") + failed);

    QTemporaryDir temp;
    const QString project = temp.filePath(QStringLiteral("project"));
    QElapsedTimer timer;
    timer.start();
    const QStringList paths = generateProject(project, files, totalBytes);
    std::printf("project: %d files, %.1f MB, generated in %.1f s; %d rounds\n", files, totalBytes / 1e6, seconds(timer), rounds);

    auto opened = Workspace::open(temp.filePath(QStringLiteral("ws")));
    if (!opened)
        fail(opened.errorMessage());
    SnapshotStore store(**opened);
    SnapshotLimits limits;
    limits.maxBytes = 1000LL * 1000 * 1000;
    limits.maxFiles = 10000;
    timer.restart();
    const auto first = store.take(project, limits);
    const double firstSnapshotSeconds = seconds(timer);
    if (!first)
        fail(first.errorMessage());

    // One file gets new content (same size: only its bytes differ). Both versions stay in the store,
    // so each round can put either on disk for rsync and scp.
    const QString changedPath = paths.at(files / 2);
    auto setChangedFile = [&](const QByteArray &content) {
        QFile changed(project + QLatin1Char('/') + changedPath);
        if (!changed.open(QIODevice::WriteOnly | QIODevice::Truncate) || changed.write(content) != content.size())
            fail(QStringLiteral("cannot write %1").arg(changed.fileName()));
    };
    QByteArray originalContent;
    for (const SnapshotFile &file : first->files) {
        if (file.path == changedPath) {
            QFile blob(store.blobPath(file.sha256));
            if (!blob.open(QIODevice::ReadOnly))
                fail(QStringLiteral("cannot read %1").arg(blob.fileName()));
            originalContent = blob.readAll();
        }
    }
    QRandomGenerator changeRandom(Seed + 1);
    const QByteArray changedContent = randomBytes(changeRandom, originalContent.size());
    setChangedFile(changedContent);
    timer.restart();
    const auto second = store.take(project, limits);
    const double secondSnapshotSeconds = seconds(timer);
    if (!second)
        fail(second.errorMessage());

    // Trainyard: a key without passphrase, the fixture's host key accepted by fingerprint.
    const QString key = sshd.clientKeyFile(SshdFixture::ClientKey::Ed25519Plain);
    SshConnection connection(SshKnownHosts(temp.filePath(QStringLiteral("known_hosts")), temp.filePath(QStringLiteral("user_known_hosts"))),
                             SshEndpoint{SshdFixture::host(), sshd.port(), SshdFixture::user()}, SshCredentials::withPrivateKey(key),
                             SshHostKeyPolicy::acceptOnce(sshd.fingerprint(SshdFixture::HostKey::Ed25519)));
    timer.restart();
    if (auto connected = connection.connect(); !connected)
        fail(QStringLiteral("cannot connect: ") + connected.errorMessage());
    const double connectSeconds = seconds(timer);
    auto home = connection.exec(QStringLiteral("printf %s \"$HOME\""));
    if (!home || home->exitStatus != 0 || home->standardOutput.isEmpty())
        fail(QStringLiteral("cannot read the test user's home"));
    // Plain names only below: the paths go into shell commands unquoted.
    const QString base = QString::fromUtf8(home->standardOutput) + QStringLiteral("/.trainyard/bench-")
                         + QString::number(QRandomGenerator::global()->generate64(), 16);
    // Removed as root at the end, whatever happened.
    struct Cleanup
    {
        QString folder;
        ~Cleanup() { QProcess::execute(QStringLiteral("rm"), {QStringLiteral("-rf"), QStringLiteral("--"), folder}); }
    } cleanup{base};

    // OpenSSH's tools over the same sshd with the same key.
    const QString sshCommand = QStringLiteral("ssh -F /dev/null -p %1 -i %2 -o IdentitiesOnly=yes -o BatchMode=yes "
                                              "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR")
                                   .arg(sshd.port())
                                   .arg(key);
    const QString remote = SshdFixture::user() + QLatin1Char('@') + SshdFixture::host() + QLatin1Char(':');
    const QStringList scpOptions{QStringLiteral("-r"), QStringLiteral("-P"), QString::number(sshd.port()), QStringLiteral("-i"), key,
                                 QStringLiteral("-F"), QStringLiteral("/dev/null"), QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes"),
                                 QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=no"),
                                 QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=/dev/null"), QStringLiteral("-o"), QStringLiteral("LogLevel=ERROR")};
    auto rsync = [&](const QStringList &options, const QString &folder) {
        const Command done = runCommand(QStringLiteral("rsync"), QStringList{QStringLiteral("-a"), QStringLiteral("-e"), sshCommand} + options
                                                                     + QStringList{project + QLatin1Char('/'), remote + folder + QLatin1Char('/')});
        if (!done.error.isEmpty())
            fail(done.error);
        return done;
    };
    auto scp = [&](const QString &folder) {
        // scp -r into a folder that does not exist yet creates it as the copy of `project`.
        const Command done = runCommand(QStringLiteral("scp"), scpOptions + QStringList{project, remote + folder});
        if (!done.error.isEmpty())
            fail(done.error);
        return done;
    };

    const QString expectedSha = QString::fromLatin1(QCryptographicHash::hash(changedContent, QCryptographicHash::Sha256).toHex());
    const QString expectedTally = QStringLiteral("%1 %2").arg(files).arg(totalBytes);
    bool allGood = true;
    QList<Round> results;
    SnapshotUploader uploader(connection, store);
    for (int round = 1; round <= rounds; ++round) {
        const QString folder = base + QStringLiteral("/round%1").arg(round);
        if (auto made = connection.exec(QStringLiteral("mkdir -p ") + folder); !made || made->exitStatus != 0)
            fail(QStringLiteral("cannot create %1 on the host").arg(folder));
        // Every measurement starts with nothing of the earlier ones waiting to be written to disk.
        Round r;
        ::sync();
        r.trainyardFirst = upload(connection, uploader, first->files, folder + QStringLiteral("/cache"), folder + QStringLiteral("/run1"));
        r.trainyardCleanup = waitForCleanup(connection, folder + QStringLiteral("/cache"));
        ::sync();
        r.trainyardChange = upload(connection, uploader, second->files, folder + QStringLiteral("/cache"), folder + QStringLiteral("/run2"));
        r.trainyardCleanup += waitForCleanup(connection, folder + QStringLiteral("/cache"));

        setChangedFile(originalContent);
        ::sync();
        r.rsyncFirst = rsync({}, folder + QStringLiteral("/rsync"));
        ::sync();
        r.scpFirst = scp(folder + QStringLiteral("/scp1"));
        setChangedFile(changedContent);
        // The same job as Trainyard's: a new folder per run, unchanged files copied on the host from the
        // previous one (before the in-place update below, which would leave nothing to send).
        ::sync();
        r.rsyncChangeNewFolder = rsync({QStringLiteral("--copy-dest=../rsync")}, folder + QStringLiteral("/rsync-new"));
        ::sync();
        r.rsyncChange = rsync({}, folder + QStringLiteral("/rsync"));
        // scp cannot send only what changed: its answer to a changed file is the whole tree again.
        ::sync();
        r.scpChange = scp(folder + QStringLiteral("/scp2"));

        // Every copy complete, the changed file's new content where it should be.
        QStringList report;
        for (const QString &name : {QStringLiteral("run1"), QStringLiteral("run2"), QStringLiteral("rsync"), QStringLiteral("rsync-new"),
                                    QStringLiteral("scp1"), QStringLiteral("scp2")}) {
            const bool changed = name != QLatin1String("run1") && name != QLatin1String("scp1");
            const QString tally = remoteTally(connection, folder + QLatin1Char('/') + name);
            const bool good = tally == expectedTally
                              && (!changed || remoteSha256(connection, folder + QLatin1Char('/') + name + QLatin1Char('/') + changedPath) == expectedSha);
            allGood = allGood && good;
            report << name + (good ? QStringLiteral(" ok") : QStringLiteral(" WRONG (%1)").arg(tally));
        }
        std::printf("round %d: trainyard %.2f / %.2f s (+ %.2f s cache fill after), rsync %.2f / %.2f s (new folder %.2f s), scp %.2f / %.2f s; check: %s\n", round,
                    r.trainyardFirst.total, r.trainyardChange.total, r.trainyardCleanup, r.rsyncFirst.seconds, r.rsyncChange.seconds,
                    r.rsyncChangeNewFolder.seconds, r.scpFirst.seconds, r.scpChange.seconds, qPrintable(report.join(QStringLiteral(", "))));
        std::fflush(stdout);
        results << r;
        QProcess::execute(QStringLiteral("rm"), {QStringLiteral("-rf"), QStringLiteral("--"), folder});
    }

    auto medianOf = [&](const std::function<double(const Round &)> &value) {
        QList<double> values;
        for (const Round &r : std::as_const(results))
            values << value(r);
        return median(values);
    };
    const double tyFirst = medianOf([](const Round &r) { return r.trainyardFirst.total; });
    const double tyChange = medianOf([](const Round &r) { return r.trainyardChange.total; });
    // Until the run folder is complete: the upload and then its launcher's copy of the held files.
    const double tyChangeComplete = medianOf([](const Round &r) { return r.trainyardChange.total + r.trainyardChange.launcherCopy; });
    const double rsFirst = medianOf([](const Round &r) { return r.rsyncFirst.seconds; });
    const double rsChange = medianOf([](const Round &r) { return r.rsyncChange.seconds; });
    const double rsNewFolder = medianOf([](const Round &r) { return r.rsyncChangeNewFolder.seconds; });
    const double scFirst = medianOf([](const Round &r) { return r.scpFirst.seconds; });
    const double scChange = medianOf([](const Round &r) { return r.scpChange.seconds; });
    auto phases = [&](const char *name, const std::function<const Upload &(const Round &)> &pick) {
        std::printf("trainyard: %-13s %.2f s = ask cache %.3f + stream %.2f (%d contents, %.1f MB) + links and run folder %.2f (medians)\n", name,
                    medianOf([&](const Round &r) { return pick(r).total; }), medianOf([&](const Round &r) { return pick(r).ask; }),
                    medianOf([&](const Round &r) { return pick(r).stream; }), pick(results.first()).statistics.contentsSent,
                    pick(results.first()).statistics.bytesSent / 1e6, medianOf([&](const Round &r) { return pick(r).runFolder; }));
        if (pick(results.first()).statistics.completedByLauncher) {
            std::printf("           %-13s then the run's launcher copies the files the host held: %.2f s (median, before the script starts)\n",
                        "", medianOf([&](const Round &r) { return pick(r).launcherCopy; }));
        }
    };

    const double megabytes = totalBytes / 1e6;
    std::printf("\nsnapshot (local, not part of the upload times): first %.2f s, after the change %.2f s\n", firstSnapshotSeconds,
                secondSnapshotSeconds);
    std::printf("trainyard: connect %.3f s (once, not part of the upload times); filling the host's cache from the new files, in\n"
                "           the background after an upload, took %.2f s per round (median; waited for before the next measurement)\n",
                connectSeconds, medianOf([](const Round &r) { return r.trainyardCleanup; }));
    phases("first upload", [](const Round &r) -> const Upload & { return r.trainyardFirst; });
    phases("one file", [](const Round &r) -> const Upload & { return r.trainyardChange; });
    std::printf("(rsync and scp times include their ssh connect; scp has no incremental mode: its \"one file\" is the whole tree again;\n"
                " Trainyard makes a new run folder each time: rsync --copy-dest=<previous> into a new folder does the same job)\n\n");

    std::printf("medians of %d rounds               %10s %10s %10s\n", rounds, "trainyard", "rsync", "scp");
    std::printf("%-34s %10.2f %10.2f %10.2f\n", "first upload, s", tyFirst, rsFirst, scFirst);
    std::printf("%-34s %10.1f %10.1f %10.1f\n", "first upload, MB/s", megabytes / tyFirst, megabytes / rsFirst, megabytes / scFirst);
    std::printf("%-34s %10.2f %10.2f %10.2f\n", "one file changed, s", tyChange, rsChange, scChange);
    std::printf("%-34s %10.2f %10.2f %10s\n", "one file changed, new folder, s", tyChange, rsNewFolder, "");
    std::printf("%-34s %10.2f %10.2f %10s\n", "  + run's launcher copying, s", tyChangeComplete, rsNewFolder, "");
    std::printf("%-34s %10.2f\n", "  + Trainyard's snapshot, s", tyChange + secondSnapshotSeconds);
    std::printf("\ntrainyard / rsync: first upload %.2fx (goal <= 1: %s), one file changed %.2fx (goal <= 1: %s),\n"
                "                   one file changed into a new folder (rsync --copy-dest) %.2fx, the same until the\n"
                "                   run folder is complete (the run's launcher copied the files the host held) %.2fx\n",
                ratio(tyFirst, rsFirst), tyFirst <= rsFirst ? "met" : "NOT met", ratio(tyChange, rsChange),
                tyChange <= rsChange ? "met" : "NOT met", ratio(tyChange, rsNewFolder), ratio(tyChangeComplete, rsNewFolder));
    std::printf("trainyard / scp:   first upload %.2fx, one file changed %.2fx\n", ratio(tyFirst, scFirst), ratio(tyChange, scChange));
    return allGood ? 0 : 1;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    try {
        return run(argc, argv);
    } catch (const Failure &failure) {
        std::fprintf(stderr, "bench_upload: %s\n", qPrintable(failure.message));
        return 1;
    }
}
