#pragma once

#include "result.h"

#include <QCoreApplication>

namespace Trainyard {

// Keeps paths that come from outside (run configurations, snapshots, archives, remote listings)
// inside their root: no absolute paths, no "..", no symlinks leading out.
class PathGuard
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::PathGuard)

public:
    // The normalized relative form of `relative` ("a/./b" -> "a/b"), or an error when it is empty,
    // absolute, or climbs out of the root.
    static Result<QString> normalize(const QString &relative);
    // `root/relative` as an absolute path, checked to stay inside `root` also after resolving
    // symlinks of the parts that exist.
    static Result<QString> resolve(const QString &root, const QString &relative);
    static bool isInside(const QString &root, const QString &path);
};

} // namespace Trainyard
