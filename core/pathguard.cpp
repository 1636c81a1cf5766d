#include "pathguard.h"

#include <QDir>
#include <QFileInfo>

namespace Trainyard {

Result<QString> PathGuard::normalize(const QString &relative)
{
    if (relative.isEmpty())
        return Error{tr("The path is empty.")};
    if (relative.contains(QChar(0)))
        return Error{tr("The path “%1” contains a NUL character.").arg(relative)};
    if (relative.startsWith(QLatin1Char('/')) || relative.startsWith(QLatin1Char('\\'))
        || (relative.size() > 1 && relative.at(1) == QLatin1Char(':')))
        return Error{tr("The path “%1” is absolute; use a path relative to the project folder.").arg(relative)};
    QStringList parts;
    const QStringList pieces = QString(relative).replace(QLatin1Char('\\'), QLatin1Char('/')).split(QLatin1Char('/'));
    for (const QString &piece : pieces) {
        if (piece.isEmpty() || piece == QLatin1String("."))
            continue;
        if (piece == QLatin1String("..")) {
            if (parts.isEmpty())
                return Error{tr("The path “%1” leads outside the project folder.").arg(relative)};
            parts.removeLast();
            continue;
        }
        parts << piece;
    }
    if (parts.isEmpty())
        return Error{tr("The path “%1” names the project folder itself, not a file in it.").arg(relative)};
    return parts.join(QLatin1Char('/'));
}

Result<QString> PathGuard::resolve(const QString &root, const QString &relative)
{
    const auto normalized = normalize(relative);
    if (!normalized)
        return normalized.error();
    const QString rootPath = QDir::cleanPath(QDir(root).absolutePath());
    const QString path = rootPath + QLatin1Char('/') + *normalized;
    if (!isInside(rootPath, path))
        return Error{tr("The path “%1” leads outside the project folder through a symbolic link.").arg(relative)};
    return path;
}

bool PathGuard::isInside(const QString &root, const QString &path)
{
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    if (canonicalRoot.isEmpty())
        return false;
    // Resolve the longest existing prefix: symlinks there decide where the path really goes.
    QString existing = QDir::cleanPath(path);
    QString tail;
    while (!QFileInfo::exists(existing) && existing != root && existing.contains(QLatin1Char('/'))) {
        tail = existing.section(QLatin1Char('/'), -1) + (tail.isEmpty() ? QString() : QLatin1Char('/') + tail);
        existing = existing.section(QLatin1Char('/'), 0, -2);
    }
    const QFileInfo info(existing);
    // A dangling symlink has no canonical path: treat it as leading out.
    if (info.isSymLink() && !info.exists())
        return false;
    const QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty())
        return false;
    return canonical == canonicalRoot || canonical.startsWith(canonicalRoot + QLatin1Char('/'));
}

} // namespace Trainyard
