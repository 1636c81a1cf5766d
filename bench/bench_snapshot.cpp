// Snapshot of a 10,000-file project: the first time (every file hashed and stored) and an
// unchanged re-submit (the stat cache vouches for every file), plus one changed file. Prints the
// times against the target (< 0.2 s unchanged) and, side by side, `git status --porcelain` and
// `rsync -a --dry-run` over the same tree (when installed): tools that answer the same question.
//
//   bench_snapshot [FILES]

#include "snapshotstore.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace Trainyard;

namespace {

double timeCommand(const QString &program, const QStringList &arguments, const QString &directory)
{
    if (QStandardPaths::findExecutable(program).isEmpty())
        return -1;
    QProcess process;
    process.setWorkingDirectory(directory);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForFinished(120000);
    return timer.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int files = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    QTemporaryDir temp;
    const QString project = temp.filePath(QStringLiteral("project"));
    qint64 bytes = 0;
    for (int i = 0; i < files; ++i) {
        const QString path = project + QStringLiteral("/pkg%1/mod%2/file%3.py").arg(i % 10).arg(i % 100).arg(i);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        const QByteArray content = "# module " + QByteArray::number(i) + "\n" + QByteArray(1000 + (i % 3000), 'x') + "\n";
        file.write(content);
        bytes += content.size();
    }
    auto opened = Workspace::open(temp.filePath(QStringLiteral("ws")));
    if (!opened) {
        std::fprintf(stderr, "bench_snapshot: %s\n", qPrintable(opened.errorMessage()));
        return 1;
    }
    SnapshotStore store(**opened);
    SnapshotLimits limits;
    limits.maxFiles = files + 10;
    limits.maxBytes = bytes * 2;

    QElapsedTimer timer;
    timer.start();
    const auto first = store.take(project, limits);
    const double firstSeconds = timer.nsecsElapsed() / 1e9;
    if (!first) {
        std::fprintf(stderr, "bench_snapshot: %s\n", qPrintable(first.errorMessage()));
        return 1;
    }
    // Let the files' mtimes fall behind the cache entries (the racy-clean guard).
    timer.restart();
    const auto unchanged = store.take(project, limits);
    const double unchangedSeconds = timer.nsecsElapsed() / 1e9;
    QFile touched(project + QStringLiteral("/pkg0/mod0/file0.py"));
    touched.open(QIODevice::Append);
    touched.write("# changed\n");
    touched.close();
    timer.restart();
    const auto oneChanged = store.take(project, limits);
    const double oneChangedSeconds = timer.nsecsElapsed() / 1e9;

    std::printf("snapshot: %d files, %.1f MB\n", files, bytes / 1e6);
    std::printf("snapshot: first time     %.3f s (%d files hashed, %.1f MB stored)\n", firstSeconds, first->hashedFiles, first->newBytes / 1e6);
    std::printf("snapshot: unchanged      %.3f s (%d files read, %lld bytes stored) — target < 0.2 s: %s\n", unchangedSeconds,
                unchanged->hashedFiles, static_cast<long long>(unchanged->newBytes), unchangedSeconds < 0.2 ? "met" : "NOT met");
    std::printf("snapshot: one file edited %.3f s (%d files read, %lld bytes stored)\n", oneChangedSeconds, oneChanged->hashedFiles,
                static_cast<long long>(oneChanged->newBytes));

    // Reference tools over the same tree, same machine, same moment.
    QProcess::execute(QStringLiteral("git"), {QStringLiteral("-C"), project, QStringLiteral("init"), QStringLiteral("-q")});
    QProcess::execute(QStringLiteral("git"), {QStringLiteral("-C"), project, QStringLiteral("add"), QStringLiteral(".")});
    timeCommand(QStringLiteral("git"), {QStringLiteral("status"), QStringLiteral("--porcelain")}, project); // warm the index
    const double gitSeconds = timeCommand(QStringLiteral("git"), {QStringLiteral("status"), QStringLiteral("--porcelain")}, project);
    if (gitSeconds >= 0)
        std::printf("reference: git status --porcelain (unchanged tree) %.3f s; Trainyard / git = %.2fx\n", gitSeconds, unchangedSeconds / gitSeconds);
    const QString copy = temp.filePath(QStringLiteral("copy"));
    timeCommand(QStringLiteral("rsync"), {QStringLiteral("-a"), project + QLatin1Char('/'), copy + QLatin1Char('/')}, temp.path());
    const double rsyncSeconds = timeCommand(QStringLiteral("rsync"), {QStringLiteral("-a"), QStringLiteral("--dry-run"), project + QLatin1Char('/'),
                                                                      copy + QLatin1Char('/')}, temp.path());
    if (rsyncSeconds >= 0)
        std::printf("reference: rsync -a --dry-run (unchanged copy)     %.3f s; Trainyard / rsync = %.2fx\n", rsyncSeconds, unchangedSeconds / rsyncSeconds);
    return 0;
}
