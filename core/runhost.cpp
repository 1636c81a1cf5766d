#include "runhost.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace Trainyard {

Result<QByteArray> LocalRunHost::read(const QString &runDirectory, const QString &relative, qint64 offset, qint64 maxBytes)
{
    return LocalRunner::read(runDirectory, relative, offset, maxBytes);
}

Result<RunProcessState> LocalRunHost::processState(const QString &runDirectory, const QString &)
{
    RunProcessState state;
    state.cancelRequested = LocalRunner::exists(runDirectory, RunFiles::cancelRequested());
    state.timedOut = LocalRunner::exists(runDirectory, RunFiles::timedOut());
    // Liveness before the exit code: a process that ends in between is then seen with its code.
    state.liveness = LocalRunner::liveness(runDirectory);
    if (LocalRunner::exists(runDirectory, RunFiles::exitCode())) {
        const auto text = LocalRunner::read(runDirectory, RunFiles::exitCode(), 0, 64);
        if (!text)
            return text.error();
        bool ok = false;
        const int code = text->trimmed().toInt(&ok);
        state.exitCode = ok ? code : -1;
    }
    return state;
}

Result<void> LocalRunHost::cancel(const QString &runDirectory, int graceSeconds, const QString &)
{
    return LocalRunner::cancel(runDirectory, graceSeconds);
}

Result<QList<RunArtifact>> LocalRunHost::fetchFolder(const QString &runDirectory, const QString &relative,
                                                     const QString &localFolder, const QString &kind,
                                                     const std::function<void(qint64, qint64)> &progress)
{
    QList<RunArtifact> artifacts;
    const QString from = runDirectory + QLatin1Char('/') + relative;
    if (!QFileInfo(from).isDir())
        return artifacts;
    const QString canonicalFrom = QFileInfo(from).canonicalFilePath();
    QList<QFileInfo> files;
    qint64 total = 0;
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        // Only what lies inside: a symlink pointing out of the run folder is not collected.
        const QString canonical = info.canonicalFilePath();
        if (canonical.isEmpty() || !canonical.startsWith(canonicalFrom + QLatin1Char('/')))
            continue;
        files.append(info);
        total += info.size();
    }
    qint64 done = 0;
    for (const QFileInfo &info : std::as_const(files)) {
        const QString path = info.filePath();
        const QString inside = QDir(from).relativeFilePath(path);
        const QString target = localFolder + QLatin1Char('/') + inside;
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::remove(target);
        if (!QFile::copy(path, target))
            return Error{tr("Cannot copy %1 into the workspace.").arg(path)};
        artifacts.append({kind, inside, info.size()});
        done += info.size();
        if (progress)
            progress(done, total);
    }
    return artifacts;
}

} // namespace Trainyard
