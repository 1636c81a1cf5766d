#include "gitinfo.h"

#include <QDir>
#include <QFile>

#include <git2.h>

namespace Trainyard {

namespace {

// libgit2 keeps global state: initialise it once per process.
void ensureLibgit2()
{
    static const int initialized = git_libgit2_init();
    Q_UNUSED(initialized);
}

} // namespace

GitInfo GitInfo::read(const QString &sourceDirectory)
{
    ensureLibgit2();
    GitInfo info;
    git_repository *repository = nullptr;
    if (git_repository_open_ext(&repository, QFile::encodeName(sourceDirectory).constData(), 0, nullptr) != 0)
        return info;
    info.isRepository = true;

    git_remote *origin = nullptr;
    if (git_remote_lookup(&origin, repository, "origin") == 0) {
        if (const char *url = git_remote_url(origin))
            info.repositoryUri = QString::fromUtf8(url);
        git_remote_free(origin);
    }

    git_reference *head = nullptr;
    if (git_repository_head(&head, repository) == 0) {
        if (git_reference_is_branch(head))
            info.branch = QString::fromUtf8(git_reference_shorthand(head));
        if (const git_oid *oid = git_reference_target(head)) {
            char text[GIT_OID_HEXSZ + 1] = {};
            git_oid_tostr(text, sizeof text, oid);
            info.commit = QString::fromLatin1(text);
        }
        git_reference_free(head);
    } else if (git_repository_head_unborn(repository) == 1) {
        // A new repository: HEAD names a branch that has no commit yet.
        git_reference *symbolic = nullptr;
        if (git_reference_lookup(&symbolic, repository, "HEAD") == 0) {
            if (const char *target = git_reference_symbolic_target(symbolic))
                info.branch = QString::fromUtf8(target).remove(QStringLiteral("refs/heads/"));
            git_reference_free(symbolic);
        }
    }

    // `git status --porcelain .` from the source folder: changes under it, untracked files included.
    git_status_options options;
    git_status_options_init(&options, GIT_STATUS_OPTIONS_VERSION);
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
    QByteArray pathspec;
    const char *workdir = git_repository_workdir(repository);
    if (workdir) {
        const QString relative = QDir(QString::fromUtf8(workdir)).relativeFilePath(QDir(sourceDirectory).canonicalPath());
        if (!relative.isEmpty() && relative != QLatin1String("."))
            pathspec = QFile::encodeName(relative + QLatin1String("/"));
    }
    char *spec = pathspec.data();
    if (!pathspec.isEmpty()) {
        options.pathspec.strings = &spec;
        options.pathspec.count = 1;
    }
    git_status_list *status = nullptr;
    if (git_status_list_new(&status, repository, &options) == 0) {
        info.dirty = git_status_list_entrycount(status) > 0;
        git_status_list_free(status);
    }
    git_repository_free(repository);
    return info;
}

QJsonObject GitInfo::toProperties() const
{
    if (!isRepository)
        return {};
    return QJsonObject{{QStringLiteral("git.repository_uri"), repositoryUri},
                       {QStringLiteral("git.branch"), branch},
                       {QStringLiteral("git.commit"), commit},
                       {QStringLiteral("git.dirty"), dirty}};
}

} // namespace Trainyard
