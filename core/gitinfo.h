#pragma once

#include <QJsonObject>
#include <QString>

namespace Trainyard {

// Git facts about a source folder, recorded with each run (REFERENCE.md §3): the origin remote,
// the branch, the commit, and whether the folder has changes (tracked or untracked).
struct GitInfo
{
    bool isRepository = false;
    QString repositoryUri; // origin's URL; empty without an origin
    QString branch;        // empty on a detached HEAD
    QString commit;        // empty in a repository without commits
    bool dirty = false;

    // Reads the repository that contains `sourceDirectory` (libgit2; no git binary needed).
    static GitInfo read(const QString &sourceDirectory);
    // As run properties: git.repository_uri, git.branch, git.commit, git.dirty.
    QJsonObject toProperties() const;
};

} // namespace Trainyard
