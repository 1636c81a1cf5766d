// Snapshots: ignore rules, content addressing and deduplication, change detection with the
// racy-timestamp guard, limits, symlinks, extraction, and git information.

#include "gitinfo.h"
#include "snapshotstore.h"
#include "workspace.h"

#include "tools/testfiles.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <fcntl.h>

using namespace Trainyard;
using TestFiles::writeFile;

namespace {

QStringList paths(const Snapshot &snapshot)
{
    QStringList list;
    for (const SnapshotFile &file : snapshot.files)
        list << file.path;
    return list;
}

bool git(const QString &dir, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Test"));
    environment.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("test@example.invalid"));
    environment.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Test"));
    environment.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("test@example.invalid"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("git"), arguments);
    return process.waitForFinished(30000) && process.exitCode() == 0;
}

} // namespace

class tst_SnapshotStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<Workspace> m_workspace;
    QString m_project;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_temp = std::make_unique<QTemporaryDir>();
        m_workspace = Workspace::open(m_temp->filePath(QStringLiteral("ws"))).value();
        m_project = m_temp->filePath(QStringLiteral("project"));
        writeFile(m_project + QStringLiteral("/train.py"), "print('train')\n");
        writeFile(m_project + QStringLiteral("/data/small.csv"), "a,b\n1,2\n");
        writeFile(m_project + QStringLiteral("/data/copy.csv"), "a,b\n1,2\n"); // same content as small.csv
    }

    void cleanup()
    {
        m_workspace.reset();
        m_temp.reset();
    }

    void contentAddressedAndDeduplicated()
    {
        SnapshotStore store(*m_workspace);
        const auto first = store.take(m_project);
        QVERIFY2(first, qPrintable(first.errorMessage()));
        QCOMPARE(paths(*first), (QStringList{QStringLiteral("data/copy.csv"), QStringLiteral("data/small.csv"), QStringLiteral("train.py")}));
        // Two files with one content are one blob.
        QCOMPARE(first->newBlobs, 2);
        QCOMPARE(first->newBytes, qint64(8 + 15));
        QCOMPARE(first->files.at(0).sha256, first->files.at(1).sha256);
        QCOMPARE(first->files.at(2).sha256,
                 QString::fromLatin1(QCryptographicHash::hash("print('train')\n", QCryptographicHash::Sha256).toHex()));
        QVERIFY(QFileInfo::exists(store.blobPath(first->files.at(2).sha256)));

        // Unchanged re-submit: the same id, nothing stored, nothing read.
        const auto again = store.take(m_project);
        QVERIFY(again);
        QCOMPARE(again->id, first->id);
        QCOMPARE(again->newBytes, qint64(0));
        QCOMPARE(again->newBlobs, 0);

        // One changed file: exactly its bytes are new.
        writeFile(m_project + QStringLiteral("/train.py"), "print('train harder')\n");
        const auto changed = store.take(m_project);
        QVERIFY(changed);
        QVERIFY(changed->id != first->id);
        QCOMPARE(changed->newBlobs, 1);
        QCOMPARE(changed->newBytes, qint64(22));
        QVERIFY(changed->hashedFiles >= 1);
    }

    void racyTimestampIsRehashed()
    {
        // A file cached in the same timestamp tick as the cache entry ("racy clean") may change
        // again without its stat changing; it must be read again rather than trusted. Simulate
        // a coarse clock: both versions carry the same mtime, which is not older than the cache.
        SnapshotStore store(*m_workspace);
        const QString file = m_project + QStringLiteral("/train.py");
        struct timespec tick[2];
        tick[0].tv_sec = tick[1].tv_sec = QDateTime::currentSecsSinceEpoch() + 5;
        tick[0].tv_nsec = tick[1].tv_nsec = 0;
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(file).constData(), tick, 0), 0);
        const auto first = store.take(m_project);
        QVERIFY(first);
        writeFile(file, "print('TRAIN')\n"); // same length
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(file).constData(), tick, 0), 0);
        const auto second = store.take(m_project);
        QVERIFY(second);
        QVERIFY2(second->id != first->id, "a same-size, same-mtime change was missed");
        QCOMPARE(second->newBytes, qint64(15));

        // Once the file's mtime is older than its cache entry, the stat alone vouches for it.
        struct timespec old[2];
        old[0].tv_sec = old[1].tv_sec = QDateTime::currentSecsSinceEpoch() - 60;
        old[0].tv_nsec = old[1].tv_nsec = 0;
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(file).constData(), old, 0), 0);
        QVERIFY(store.take(m_project));
        const auto third = store.take(m_project);
        QVERIFY(third);
        QCOMPARE(third->hashedFiles, 0);
    }

    void touchedButUnchangedKeepsItsAddress()
    {
        SnapshotStore store(*m_workspace);
        const auto first = store.take(m_project);
        QVERIFY(first);
        QTest::qWait(20);
        writeFile(m_project + QStringLiteral("/train.py"), "print('train')\n"); // same bytes, new mtime
        const auto second = store.take(m_project);
        QVERIFY(second);
        QCOMPARE(second->id, first->id);
        QCOMPARE(second->newBytes, qint64(0));
        QVERIFY(second->hashedFiles >= 1);
    }

    void ignoreRules()
    {
        writeFile(m_project + QStringLiteral("/.gitignore"), "data/\n");
        writeFile(m_project + QStringLiteral("/.amlignore"), "*.csv\n!data/small.csv\nnode_modules/\n");
        writeFile(m_project + QStringLiteral("/node_modules/x/y.js"), "x\n");
        writeFile(m_project + QStringLiteral("/.git/HEAD"), "ref: refs/heads/main\n");
        const auto snapshot = SnapshotStore(*m_workspace).take(m_project);
        QVERIFY(snapshot);
        // .amlignore wins over .gitignore (no merging); .git never travels.
        QCOMPARE(snapshot->ignoreFile, QStringLiteral(".amlignore"));
        QCOMPARE(paths(*snapshot), (QStringList{QStringLiteral(".amlignore"), QStringLiteral(".gitignore"), QStringLiteral("data/small.csv"),
                                                QStringLiteral("train.py")}));
    }

    // A project's own .trainyard at its top would mix with the run folder's control files (job.sh,
    // status, metrics) on every target: it is left out, and said so.
    void controlFolderStaysOut()
    {
        writeFile(m_project + QStringLiteral("/.trainyard/job.sh"), "echo not Trainyard's\n");
        writeFile(m_project + QStringLiteral("/sub/.trainyard/kept.txt"), "kept\n");
        const auto snapshot = SnapshotStore(*m_workspace).take(m_project);
        QVERIFY2(snapshot, qPrintable(snapshot.errorMessage()));
        QVERIFY(!paths(*snapshot).contains(QStringLiteral(".trainyard/job.sh")));
        QVERIFY(paths(*snapshot).contains(QStringLiteral("sub/.trainyard/kept.txt")));
        QCOMPARE(snapshot->skipped,
                 QStringList{QStringLiteral(".trainyard: the name of the run folder's control folder, which Trainyard writes; skipped.")});
    }

    void limitsNameTheLargestFiles()
    {
        writeFile(m_project + QStringLiteral("/big.bin"), QByteArray(300 * 1024, 'x'));
        SnapshotLimits limits;
        limits.maxBytes = 100 * 1024;
        const auto tooBig = SnapshotStore(*m_workspace).take(m_project, limits);
        QVERIFY(!tooBig);
        QVERIFY2(tooBig.errorMessage().startsWith(QStringLiteral("The project folder holds 300.0 kB; a snapshot may hold at most 100.0 kB.")),
                 qPrintable(tooBig.errorMessage()));
        QVERIFY(tooBig.errorMessage().contains(QStringLiteral("Largest files: big.bin (300.0 kB)")));

        SnapshotLimits few;
        few.maxFiles = 2;
        const auto tooMany = SnapshotStore(*m_workspace).take(m_project, few);
        QVERIFY(!tooMany);
        QVERIFY2(tooMany.errorMessage().startsWith(QStringLiteral("The project folder has 4 files; a snapshot may hold at most 2.")),
                 qPrintable(tooMany.errorMessage()));
    }

    void symlinks()
    {
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), m_project + QStringLiteral("/passwd")));
        QVERIFY(QFile::link(QStringLiteral("/etc"), m_project + QStringLiteral("/etc-dir")));
        QVERIFY(QFile::link(m_project + QStringLiteral("/train.py"), m_project + QStringLiteral("/inside.py")));
        QVERIFY(QFile::link(QStringLiteral("../../nowhere"), m_project + QStringLiteral("/dangling")));
        const auto snapshot = SnapshotStore(*m_workspace).take(m_project);
        QVERIFY(snapshot);
        QVERIFY(!paths(*snapshot).contains(QStringLiteral("passwd")));
        QVERIFY(!paths(*snapshot).contains(QStringLiteral("dangling")));
        QVERIFY(paths(*snapshot).contains(QStringLiteral("inside.py")));
        QCOMPARE(snapshot->skipped.size(), 3);
        QVERIFY2(snapshot->skipped.join(QLatin1Char('\n')).contains(QStringLiteral("passwd: a symbolic link to /etc/passwd, outside the project folder; not followed.")),
                 qPrintable(snapshot->skipped.join(QLatin1Char('\n'))));
        // No blob holds /etc/passwd's content.
        QFile passwd(QStringLiteral("/etc/passwd"));
        QVERIFY(passwd.open(QIODevice::ReadOnly));
        for (const SnapshotFile &file : snapshot->files)
            QVERIFY(file.size != passwd.size() || file.path == QLatin1String("inside.py"));
    }

    void extractRoundTrip()
    {
        writeFile(m_project + QStringLiteral("/run.sh"), "#!/bin/sh\necho hi\n");
        QFile::setPermissions(m_project + QStringLiteral("/run.sh"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        SnapshotStore store(*m_workspace);
        const auto snapshot = store.take(m_project);
        QVERIFY(snapshot);
        const QString target = m_temp->filePath(QStringLiteral("extracted"));
        QVERIFY(store.materialize(snapshot->id, target));
        for (const SnapshotFile &file : snapshot->files) {
            QFile original(m_project + QLatin1Char('/') + file.path);
            QFile copy(target + QLatin1Char('/') + file.path);
            QVERIFY(original.open(QIODevice::ReadOnly) && copy.open(QIODevice::ReadOnly));
            QCOMPARE(copy.readAll(), original.readAll());
        }
        QVERIFY(QFileInfo(target + QStringLiteral("/run.sh")).isExecutable());
        QVERIFY(!QFileInfo(target + QStringLiteral("/train.py")).isExecutable());
        QCOMPARE(store.files(snapshot->id).value(), snapshot->files);
    }

    void gitInformation()
    {
        QVERIFY(!GitInfo::read(m_project).isRepository);
        QVERIFY(GitInfo::read(m_project).toProperties().isEmpty());

        QVERIFY(git(m_project, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("trunk")}));
        QVERIFY(git(m_project, {QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), QStringLiteral("https://git.example/team/mnist.git")}));
        QVERIFY(git(m_project, {QStringLiteral("add"), QStringLiteral(".")}));
        QVERIFY(git(m_project, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("first")}));
        QProcess head;
        head.setWorkingDirectory(m_project);
        head.start(QStringLiteral("git"), {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
        QVERIFY(head.waitForFinished());
        const QString commit = QString::fromLatin1(head.readAllStandardOutput().trimmed());

        GitInfo clean = GitInfo::read(m_project + QStringLiteral("/data"));
        QVERIFY(clean.isRepository);
        QCOMPARE(clean.repositoryUri, QStringLiteral("https://git.example/team/mnist.git"));
        QCOMPARE(clean.branch, QStringLiteral("trunk"));
        QCOMPARE(clean.commit, commit);
        QCOMPARE(clean.dirty, false);

        // An untracked file elsewhere does not make data/ dirty; one inside it does.
        writeFile(m_project + QStringLiteral("/notes.txt"), "x");
        QCOMPARE(GitInfo::read(m_project + QStringLiteral("/data")).dirty, false);
        QCOMPARE(GitInfo::read(m_project).dirty, true);
        writeFile(m_project + QStringLiteral("/data/small.csv"), "changed\n");
        const GitInfo dirty = GitInfo::read(m_project + QStringLiteral("/data"));
        QCOMPARE(dirty.dirty, true);
        const QJsonObject properties = dirty.toProperties();
        QCOMPARE(properties.value(QStringLiteral("git.commit")).toString(), commit);
        QCOMPARE(properties.value(QStringLiteral("git.dirty")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(tst_SnapshotStore)
#include "tst_snapshotstore.moc"
