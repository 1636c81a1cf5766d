// Runs on a remote machine through a real OpenSSH server (tests/tools/sshdfixture) on 127.0.0.1:
// attach (library and CLI: password, key + passphrase, agent, host key trust), submit the sample,
// upload only what changed, run folders holding files of their own, arguments verbatim, a cut
// connection, an unreachable host, cancel, and no password anywhere on disk.

#include "credentialstore.h"
#include "jobscript.h"
#include "remotemachine.h"
#include "runfiles.h"
#include "runmonitor.h"
#include "runstore.h"
#include "runsubmitter.h"
#include "snapshotstore.h"
#include "snapshotuploader.h"
#include "sshknownhosts.h"
#include "sshrunhost.h"
#include "translationloader.h"
#include "workspace.h"

#include "tools/sshdfixture.h"

#include "tools/runtesting.h"
#include "tools/testfiles.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/stat.h>

using namespace Trainyard;
using TestFiles::writeFile;
using TestFiles::readFile;
using TestFiles::filesHolding;

namespace {

const QByteArray metricsScript = "import sys, time, trainyard\n"
                                 "n = int(sys.argv[1])\n"
                                 "pause = float(sys.argv[2])\n"
                                 "for i in range(n):\n"
                                 "    trainyard.log('loss', 1.0 / (i + 1), step=i)\n"
                                 "    time.sleep(pause)\n"
                                 "print('done', n)\n";

} // namespace

class tst_RemoteRuns : public QObject
{
    Q_OBJECT

private:
    SshdFixture m_sshd;
    QTemporaryDir m_temp;
    std::unique_ptr<Workspace> m_workspace;
    QString m_runsRoot; // on the host, as the test user sees it
    static constexpr auto Target = "box";

    QString projectWith(const QString &name, const QByteArray &script, const QByteArray &extraConfig = {})
    {
        return RunTesting::projectWith(m_temp.filePath(name), QStringLiteral("box"), "box", script, extraConfig);
    }

    SubmitOutcome submit(const QString &projectDir, const QStringList &arguments = {})
    {
        return RunTesting::submit(*m_workspace, QStringLiteral("remote"), projectDir, QStringLiteral("box"), arguments);
    }

    RunRecord waitFor(RunMonitor &monitor, const QString &runId, int timeoutMs = 120000,
                      const std::function<bool(const RunRecord &)> &until = {})
    {
        return RunTesting::waitFor(*m_workspace, monitor, runId, timeoutMs, until);
    }

    // Status, reason and the end of the driver log, for failure messages.
    QByteArray describe(const RunRecord &run)
    {
        return (RunStatusInfo::key(run.status) + QLatin1Char(' ') + run.statusReason + QLatin1Char('\n')).toUtf8()
               + readFile(RunMonitor::logDirectory(*m_workspace, run) + QStringLiteral("/.trainyard/driver.log")).right(2000);
    }

    int metricCount(const QString &runId, const QString &name)
    {
        return int(RunStore(*m_workspace).metrics(runId, name).value().size());
    }

    int duplicateMetrics(const QString &runId)
    {
        QSqlQuery q(m_workspace->database());
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT name, step FROM metrics WHERE run_id = ? GROUP BY name, step HAVING COUNT(*) > 1)"));
        q.addBindValue(runId);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    }

    // trainyard-cli with its own data folders (known_hosts), no keychain, and secrets on stdin.
    QProcess *cli(const QStringList &arguments, const QByteArray &input = {}, const QString &agentSocket = {})
    {
        auto *process = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_temp.filePath(QStringLiteral("cli-data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_temp.filePath(QStringLiteral("cli-config")));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        if (!agentSocket.isEmpty())
            env.insert(QStringLiteral("SSH_AUTH_SOCK"), agentSocket);
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(TRAINYARD_CLI),
                       QStringList{QStringLiteral("--workspace"), m_temp.filePath(QStringLiteral("cli-ws"))} + arguments);
        process->write(input);
        process->closeWriteChannel();
        process->waitForFinished(120000);
        return process;
    }

    QStringList attachArguments(const QString &name)
    {
        return {QStringLiteral("computetarget"), QStringLiteral("attach"), QStringLiteral("remote"), QStringLiteral("-n"), name,
                QStringLiteral("--address"), SshdFixture::host(), QStringLiteral("--ssh-port"), QString::number(m_sshd.port()),
                QStringLiteral("--username"), SshdFixture::user(), QStringLiteral("--runs-root"), m_runsRoot};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TranslationLoader::install(QStringLiteral("en"));
        // No keychain in this process: secrets stay in its memory (CredentialStore's fallback).
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        const QString problem = m_sshd.setUp();
        if (!problem.isEmpty())
            QFAIL(qPrintable(QStringLiteral("sshd could not start: ") + problem));
        QVERIFY(m_temp.isValid());
        m_runsRoot = QStringLiteral("~/.trainyard/test-%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        // Trainyard's known_hosts (test mode) starts empty: the key must be accepted explicitly.
        QFile::remove(SshKnownHosts::defaultTrainyardFile());

        auto workspace = Workspace::open(m_temp.filePath(QStringLiteral("ws")));
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        m_workspace = std::move(workspace).value();

        // Attach with the password, trusting the fingerprint the fixture's host key has.
        RemoteAttachRequest request;
        request.name = QLatin1String(Target);
        request.settings.endpoint = {SshdFixture::host(), m_sshd.port(), SshdFixture::user()};
        request.settings.method = SshCredentials::Method::Password;
        request.settings.runsRoot = m_runsRoot;
        request.credentials = SshCredentials::withPassword(m_sshd.password());

        CredentialStore store;
        auto unknown = RemoteMachine::attach(*m_workspace, request, store);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().kind, SshError::Kind::HostKeyUnknown);
        QCOMPARE(unknown.error().fingerprint(), m_sshd.fingerprint(SshdFixture::HostKey::Ed25519));
        QVERIFY(!m_workspace->computeTarget(QLatin1String(Target)));

        request.hostKeyPolicy = SshHostKeyPolicy::acceptAndRemember(m_sshd.fingerprint(SshdFixture::HostKey::Ed25519));
        auto attached = RemoteMachine::attach(*m_workspace, request, store);
        QVERIFY2(attached, qPrintable(attached.errorMessage()));
        QCOMPARE(attached->target.state, ComputeTarget::ProvisioningState::Succeeded);
        QVERIFY(attached->facts.cpuCount > 0);
        QVERIFY(attached->facts.runsRootWritable);
        QVERIFY(attached->facts.python.startsWith(QLatin1String("Python 3")));
        QVERIFY(attached->facts.runsRoot.startsWith(QLatin1Char('/')));
        QCOMPARE(m_workspace->computeTarget(QLatin1String(Target))->properties.value(QLatin1String("hostKeyFingerprint")).toString(),
                 m_sshd.fingerprint(SshdFixture::HostKey::Ed25519));
    }

    void cleanupTestCase()
    {
        if (m_workspace && !m_runsRoot.isEmpty())
            RunTesting::removeRunsRoot(*m_workspace, QLatin1String(Target));
        m_workspace.reset();
        m_sshd.stop();
    }

    void sampleCompletesWithMetricsAndOutputs()
    {
        const QString project = m_temp.filePath(QStringLiteral("quickstart"));
        QVERIFY(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-r"), QStringLiteral(TRAINYARD_SOURCE_DIR "/resources/samples/quickstart"),
                                                         project}) == 0);
        writeFile(project + QStringLiteral("/.azureml/box.runconfig"),
                  readFile(project + QStringLiteral("/.azureml/local.runconfig")).replace("target: local", "target: box"));
        const SubmitOutcome outcome = submit(project, {QStringLiteral("--epochs"), QStringLiteral("4")});
        QVERIFY(!outcome.run.id.isEmpty());
        QCOMPARE(outcome.run.jobHandle, QStringLiteral("ssh"));
        QVERIFY2(outcome.run.runDirectory.startsWith(QLatin1Char('/')), qPrintable(outcome.run.runDirectory));

        RunMonitor monitor(m_workspace.get());
        QList<qint64> progress;
        connect(&monitor, &RunMonitor::downloadProgress, this, [&](const QString &, qint64 done, qint64) { progress << done; });
        const RunRecord run = waitFor(monitor, outcome.run.id);
        QVERIFY2(run.status == RunStatus::Completed,
                 qPrintable(RunStatusInfo::key(run.status) + QLatin1Char(' ') + run.statusReason + QLatin1Char('\n')
                            + QString::fromUtf8(readFile(RunMonitor::logDirectory(*m_workspace, run) + QStringLiteral("/.trainyard/driver.log")))));
        QCOMPARE(metricCount(run.id, QStringLiteral("loss")), 4);
        QCOMPARE(metricCount(run.id, QStringLiteral("accuracy")), 4);
        QCOMPARE(duplicateMetrics(run.id), 0);
        // Outputs came home, with progress reported.
        const QString artifacts = RunMonitor::artifactsDirectory(*m_workspace, run.id);
        QVERIFY(QFileInfo(artifacts + QStringLiteral("/outputs/model.pkl")).size() > 1000);
        QVERIFY(!progress.isEmpty());
        QVERIFY(readFile(artifacts + QStringLiteral("/logs/driver.log")).contains("accuracy"));
        bool listed = false;
        for (const RunArtifact &artifact : RunStore(*m_workspace).artifacts(run.id).value())
            listed = listed || (artifact.kind == QLatin1String("output") && artifact.path == QLatin1String("model.pkl"));
        QVERIFY(listed);
    }

    void resubmittingOneChangedFileUploadsOneContent()
    {
        QByteArray filler;
        for (int i = 0; i < 20; ++i)
            filler += "# filler line " + QByteArray::number(i) + '\n';
        const QString project = projectWith(QStringLiteral("upload"), "print('hello')\n");
        for (int i = 0; i < 12; ++i)
            writeFile(project + QStringLiteral("/data/part%1.txt").arg(i), filler + QByteArray::number(i));
        const SubmitOutcome first = submit(project);
        QVERIFY(!first.run.id.isEmpty());
        const QJsonObject firstProperties = RunStore(*m_workspace).run(first.run.id)->properties;
        QVERIFY2(firstProperties.value(QLatin1String("upload.snapshotContentsSent")).toInt() >= 13,
                 qPrintable(QString::fromUtf8(QJsonDocument(firstProperties).toJson())));

        writeFile(project + QStringLiteral("/data/part3.txt"), filler + "changed");
        const SubmitOutcome second = submit(project);
        QVERIFY(!second.run.id.isEmpty());
        const QJsonObject properties = RunStore(*m_workspace).run(second.run.id)->properties;
        QCOMPARE(properties.value(QLatin1String("upload.snapshotContentsSent")).toInt(), 1);
        QCOMPARE(properties.value(QLatin1String("upload.bytesSent")).toInteger() > 0, true);

        RunMonitor monitor(m_workspace.get());
        { const RunRecord r = waitFor(monitor, first.run.id); QVERIFY2(r.status == RunStatus::Completed, describe(r).constData()); }
        const RunRecord done = waitFor(monitor, second.run.id);
        QVERIFY2(done.status == RunStatus::Completed, describe(done).constData());
        // The run directory on the host holds the new content.
        QCOMPARE(readFile(done.runDirectory + QStringLiteral("/data/part3.txt")), filler + "changed");
        QCOMPARE(readFile(done.runDirectory + QStringLiteral("/data/part4.txt")), filler + "4");
    }

    // The run folder is made from the host's content cache through hard links and one cp: each run
    // file must still be a file of its own (changing it leaves the cache and the other runs alone),
    // with names no shell may reinterpret, executable bits, and the same result when the host
    // refuses the links (here: a cache entry owned by root, which fs.protected_hardlinks keeps the
    // test user from linking) and the uploader falls back to one cp per file.
    void runFolderHoldsFilesOfItsOwn()
    {
        const QString project = m_temp.filePath(QStringLiteral("own-files"));
        const QMap<QString, QByteArray> contents{
            {QStringLiteral("with space.txt"), "space\n"},
            {QStringLiteral("quote's \"dq\" $(touch /tmp/trainyard-pwned).py"), "quotes\n"},
            {QStringLiteral("-dash.txt"), "dash\n"},
            {QStringLiteral("ünï/çödé.txt"), "unicode\n"},
            {QStringLiteral("deep/er/still/deeper.bin"), QByteArray(300000, 'x')},
            {QStringLiteral("dup1.txt"), "same\n"},
            {QStringLiteral("dup2.txt"), "same\n"},
            {QStringLiteral("empty.txt"), QByteArray()},
            {QStringLiteral("tool.sh"), "#!/bin/sh\necho tool\n"},
        };
        for (auto it = contents.cbegin(); it != contents.cend(); ++it)
            writeFile(project + QLatin1Char('/') + it.key(), it.value());
        QVERIFY(QFile::setPermissions(project + QStringLiteral("/tool.sh"), QFile::permissions(project + QStringLiteral("/tool.sh"))
                                                                              | QFileDevice::ExeOwner));
        SnapshotStore snapshots(*m_workspace);
        const auto snapshot = snapshots.take(project);
        QVERIFY2(snapshot, qPrintable(snapshot.errorMessage()));
        QCOMPARE(snapshot->files.size(), contents.size());

        const auto target = m_workspace->computeTarget(QLatin1String(Target));
        QVERIFY(target);
        const QString root = target->properties.value(QLatin1String("runsRootPath")).toString();
        QVERIFY(root.startsWith(QLatin1Char('/')));
        const QString cache = root + QStringLiteral("/own-files-cache");
        CredentialStore credentials;
        auto connection = RemoteMachine::connect(*target, credentials);
        QVERIFY2(connection, qPrintable(connection.errorMessage()));
        SnapshotUploader uploader(**connection, snapshots);

        auto checkRunFolder = [&](const QString &runFolder) {
            for (auto it = contents.cbegin(); it != contents.cend(); ++it) {
                const QString path = runFolder + QLatin1Char('/') + it.key();
                QCOMPARE(readFile(path), it.value());
                struct stat st;
                QVERIFY2(::lstat(QFile::encodeName(path).constData(), &st) == 0, qPrintable(path));
                QVERIFY2(S_ISREG(st.st_mode), qPrintable(path));
                QCOMPARE(int(st.st_nlink), 1);
                QCOMPARE(bool(st.st_mode & S_IXUSR), it.key() == QLatin1String("tool.sh"));
                QVERIFY2(std::abs(qint64(st.st_mtime) - QDateTime::currentSecsSinceEpoch()) < 3600, qPrintable(path)); // not 1970
            }
            QVERIFY(QFileInfo(runFolder + QStringLiteral("/outputs")).isDir());
            QVERIFY(QFileInfo(runFolder + QStringLiteral("/.trainyard/lib")).isDir());
        };

        const auto first = uploader.upload(snapshot->files, {}, cache, root + QStringLiteral("/own-files-1"));
        QVERIFY2(first, qPrintable(first.errorMessage()));
        QCOMPARE(first->contentsSent, int(contents.size()) - 1); // dup1 and dup2 share one content
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/trainyard-pwned")));
        // The new contents reach the cache in the background, after the upload returned, through a
        // second name of each new file in the staging folder; then the staging folder goes.
        QTRY_COMPARE(QDir(cache).entryList({QStringLiteral(".materialize.*")}, QDir::AllEntries | QDir::Hidden).size(), 0);
        checkRunFolder(root + QStringLiteral("/own-files-1"));
        for (const SnapshotFile &file : snapshot->files)
            QCOMPARE(readFile(cache + QLatin1Char('/') + file.sha256), contents.value(file.path));

        // A run changing its files in place changes nothing else.
        writeFile(root + QStringLiteral("/own-files-1/dup1.txt"), "changed by the run\n");
        writeFile(root + QStringLiteral("/own-files-1/deep/er/still/deeper.bin"), "changed by the run\n");
        QCOMPARE(readFile(root + QStringLiteral("/own-files-1/dup2.txt")), QByteArray("same\n"));
        for (const SnapshotFile &file : snapshot->files)
            QCOMPARE(readFile(cache + QLatin1Char('/') + file.sha256), contents.value(file.path));

        // A run changing a new file while the cache is still being filled from it: whatever wins the
        // race, no cache entry ever holds other bytes than its name says.
        writeFile(project + QStringLiteral("/racy.bin"), QByteArray(4 * 1024 * 1024, 'r'));
        const auto racySnapshot = snapshots.take(project);
        QVERIFY2(racySnapshot, qPrintable(racySnapshot.errorMessage()));
        const auto racy = uploader.upload(racySnapshot->files, {}, cache, root + QStringLiteral("/own-files-racy"));
        QVERIFY2(racy, qPrintable(racy.errorMessage()));
        QCOMPARE(racy->contentsSent, 1);
        writeFile(root + QStringLiteral("/own-files-racy/racy.bin"), QByteArray(4 * 1024 * 1024, 'R'));
        QTRY_COMPARE(QDir(cache).entryList({QStringLiteral(".materialize.*")}, QDir::AllEntries | QDir::Hidden).size(), 0);
        for (const QString &name : QDir(cache).entryList(QDir::Files)) {
            QFile entry(cache + QLatin1Char('/') + name);
            QVERIFY(entry.open(QIODevice::ReadOnly));
            QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(entry.readAll(), QCryptographicHash::Sha256).toHex()), name);
        }
        // The contents the cache held are left to the run's launcher to copy in (the upload did not
        // wait for that): until it runs they are only links, then files of the run's own.
        const QString racyFolder = root + QStringLiteral("/own-files-racy");
        QVERIFY(racy->completedByLauncher);
        QVERIFY(QFileInfo::exists(racyFolder + QLatin1Char('/') + RunFiles::prepareScript()));
        QVERIFY(!QFileInfo::exists(racyFolder + QStringLiteral("/with space.txt")));
        const auto prepared = (*connection)->runScript(QStringLiteral("cd -- \"$1\" && sh -e .trainyard/prepare.sh"), {racyFolder},
                                                      std::chrono::minutes(1));
        QVERIFY2(prepared && prepared->exitStatus == 0, prepared ? prepared->standardError.constData() : qPrintable(prepared.errorMessage()));
        checkRunFolder(racyFolder);
        QCOMPARE(QDir(racyFolder + QStringLiteral("/.trainyard")).entryList({QStringLiteral(".materialize.*")}, QDir::AllEntries | QDir::Hidden),
                 QStringList());
        writeFile(racyFolder + QStringLiteral("/dup1.txt"), "changed by the run\n");
        for (const SnapshotFile &file : snapshot->files)
            QCOMPARE(readFile(cache + QLatin1Char('/') + file.sha256), contents.value(file.path));
        QFile::remove(project + QStringLiteral("/racy.bin"));

        // Links refused: the cache entry of one file belongs to root now.
        QFile protectedHardlinks(QStringLiteral("/proc/sys/fs/protected_hardlinks"));
        QVERIFY(protectedHardlinks.open(QIODevice::ReadOnly));
        QVERIFY2(protectedHardlinks.readAll().trimmed() == "1", "the fallback check needs fs.protected_hardlinks = 1");
        const QString rootOwned = cache + QLatin1Char('/') + snapshot->files.constFirst().sha256;
        QVERIFY(QProcess::execute(QStringLiteral("chown"), {QStringLiteral("root:root"), rootOwned}) == 0);
        const auto second = uploader.upload(snapshot->files, {}, cache, root + QStringLiteral("/own-files-2"));
        QVERIFY2(second, qPrintable(second.errorMessage()));
        QCOMPARE(second->contentsSent, 0);
        QVERIFY(!second->completedByLauncher); // one cp per file, done by the upload
        checkRunFolder(root + QStringLiteral("/own-files-2"));
        QTRY_COMPARE(QDir(cache).entryList({QStringLiteral(".materialize.*")}, QDir::AllEntries | QDir::Hidden).size(), 0);
    }

    // The launcher copies in the files the host held before the script starts; when it cannot (here:
    // a run folder it may not write), the run fails with the copy's own error and Trainyard's words
    // in driver.log, and a launcher started again once the cause is gone completes it and runs.
    void launcherThatCannotCompleteTheRunFolderFailsTheRun()
    {
        const QString project = m_temp.filePath(QStringLiteral("prepare"));
        writeFile(project + QStringLiteral("/train.py"), "import os\nprint('files:', sorted(os.listdir('data')))\n");
        writeFile(project + QStringLiteral("/data/a.txt"), "a\n");
        SnapshotStore snapshots(*m_workspace);
        const auto snapshot = snapshots.take(project);
        QVERIFY2(snapshot, qPrintable(snapshot.errorMessage()));
        const auto target = m_workspace->computeTarget(QLatin1String(Target));
        QVERIFY(target);
        const QString root = target->properties.value(QLatin1String("runsRootPath")).toString();
        const QString cache = root + QStringLiteral("/prepare-cache");
        CredentialStore credentials;
        auto connection = RemoteMachine::connect(*target, credentials);
        QVERIFY2(connection, qPrintable(connection.errorMessage()));
        SnapshotUploader uploader(**connection, snapshots);
        const auto first = uploader.upload(snapshot->files, {}, cache, root + QStringLiteral("/prepare-1"));
        QVERIFY2(first, qPrintable(first.errorMessage()));
        QTRY_COMPARE(QDir(cache).entryList({QStringLiteral(".materialize.*")}, QDir::AllEntries | QDir::Hidden).size(), 0);

        const QString runFolder = root + QStringLiteral("/prepare-2");
        JobScript job;
        job.runId = QStringLiteral("prepare-2");
        job.experiment = QStringLiteral("prepare");
        job.runDirectory = runFolder;
        job.interpreter = QStringLiteral("python3");
        job.script = QStringLiteral("train.py");
        const auto second = uploader.upload(snapshot->files, {{RunFiles::jobScript(), {job.text().toUtf8(), true}}}, cache, runFolder);
        QVERIFY2(second, qPrintable(second.errorMessage()));
        QCOMPARE(second->snapshotContentsSent, 0);
        QVERIFY(second->completedByLauncher);

        auto launch = [&]() {
            return (*connection)->runScript(QStringLiteral("cd -- \"$1\" && sh .trainyard/job.sh"), {runFolder}, std::chrono::minutes(1));
        };
        QVERIFY(QFile::setPermissions(runFolder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const auto refused = launch();
        QVERIFY2(refused && refused->exitStatus == 0, qPrintable(refused.errorMessage()));
        QCOMPARE(readFile(runFolder + QStringLiteral("/.trainyard/exit_code")), QByteArray("125\n"));
        QVERIFY(readFile(runFolder + QStringLiteral("/.trainyard/status")).contains(" Preparing\n"));
        const QByteArray driverLog = readFile(runFolder + QStringLiteral("/.trainyard/driver.log"));
        QVERIFY2(driverLog.contains("Permission denied"), driverLog.constData());
        QVERIFY2(driverLog.contains("Trainyard could not copy the project files this host already held into the run folder"),
                 driverLog.constData());
        QVERIFY(!driverLog.contains("files:"));

        QVERIFY(QFile::setPermissions(runFolder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        QFile::remove(runFolder + QStringLiteral("/.trainyard/exit_code"));
        const auto again = launch();
        QVERIFY2(again && again->exitStatus == 0, qPrintable(again.errorMessage()));
        QCOMPARE(readFile(runFolder + QStringLiteral("/.trainyard/exit_code")), QByteArray("0\n"));
        QVERIFY2(readFile(runFolder + QStringLiteral("/.trainyard/driver.log")).contains("files: ['a.txt']"),
                 readFile(runFolder + QStringLiteral("/.trainyard/driver.log")).constData());
        QVERIFY(!QFileInfo::exists(runFolder + QLatin1Char('/') + RunFiles::prepareScript()));
        QCOMPARE(QDir(runFolder + QStringLiteral("/.trainyard")).entryList({QStringLiteral(".materialize.*")}, QDir::AllEntries | QDir::Hidden),
                 QStringList());
    }

    void argumentsArriveVerbatim()
    {
        QFile::remove(QStringLiteral("/tmp/trainyard-pwned"));
        const QString project = projectWith(QStringLiteral("args"),
                                            "import json, os, sys\n"
                                            "os.makedirs('outputs', exist_ok=True)\n"
                                            "open('outputs/args.json', 'w', encoding='utf-8').write(json.dumps(sys.argv[1:]))\n");
        const QStringList arguments{QStringLiteral("; touch /tmp/trainyard-pwned"),
                                    QStringLiteral("$(touch /tmp/trainyard-pwned)"),
                                    QStringLiteral("`touch /tmp/trainyard-pwned`"),
                                    QStringLiteral("it's \"quoted\""),
                                    QStringLiteral("two  words"),
                                    QStringLiteral("naïve — юникод"),
                                    QStringLiteral("line one\nline two"),
                                    QStringLiteral("*"),
                                    QStringLiteral("$HOME"),
                                    QString()};
        const SubmitOutcome outcome = submit(project, arguments);
        QVERIFY(!outcome.run.id.isEmpty());
        RunMonitor monitor(m_workspace.get());
        const RunRecord run = waitFor(monitor, outcome.run.id);
        QVERIFY2(run.status == RunStatus::Completed, describe(run).constData());
        const QByteArray json = readFile(RunMonitor::artifactsDirectory(*m_workspace, run.id) + QStringLiteral("/outputs/args.json"));
        QStringList received;
        for (const QJsonValue &value : QJsonDocument::fromJson(json).array())
            received << value.toString();
        QCOMPARE(received, arguments);
        QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/trainyard-pwned")));
    }

    // Following a running remote run costs one remote command per poll (state and the three files
    // read together), not one per file: counted on the monitor's own SSH session.
    void followingTakesOneCommandPerPoll()
    {
        const QString project = projectWith(QStringLiteral("onecommand"), metricsScript);
        const SubmitOutcome outcome = submit(project, {QStringLiteral("40"), QStringLiteral("0.1")});
        QVERIFY(!outcome.run.id.isEmpty());
        RunMonitor monitor(m_workspace.get());
        SshConnection *session = nullptr;
        CredentialStore credentials;
        monitor.setHostFactory([&](const QString &targetName) -> Result<std::unique_ptr<RunHost>> {
            auto target = m_workspace->computeTarget(targetName);
            if (!target)
                return target.error();
            auto connection = RemoteMachine::connect(*target, credentials);
            if (!connection)
                return connection.error();
            session = connection->get();
            return std::unique_ptr<RunHost>(std::make_unique<SshRunHost>(std::move(*connection)));
        });
        int measured = 0;
        int lastCount = 0;
        RunStore store(*m_workspace);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000) {
            const int before = session ? session->session().commandsStarted() : -1;
            const auto polled = monitor.poll(outcome.run.id);
            QVERIFY2(polled, qPrintable(polled.errorMessage()));
            const auto run = store.run(outcome.run.id);
            QVERIFY(run);
            if (run->isTerminal())
                break;
            const int count = metricCount(outcome.run.id, QStringLiteral("loss"));
            if (before >= 0 && run->status == RunStatus::Running && count > lastCount) {
                QCOMPARE(session->session().commandsStarted() - before, 1);
                ++measured;
            }
            lastCount = count;
            QTest::qWait(300);
        }
        QVERIFY2(measured >= 3, qPrintable(QStringLiteral("only %1 polls saw new metrics").arg(measured)));
        const RunRecord run = waitFor(monitor, outcome.run.id);
        QVERIFY2(run.status == RunStatus::Completed, describe(run).constData());
        QCOMPARE(metricCount(run.id, QStringLiteral("loss")), 40);
        QCOMPARE(duplicateMetrics(run.id), 0);
    }

    void cutConnectionLosesNothing()
    {
        const QString project = projectWith(QStringLiteral("cut"), metricsScript);
        const SubmitOutcome outcome = submit(project, {QStringLiteral("60"), QStringLiteral("0.1")});
        QVERIFY(!outcome.run.id.isEmpty());
        RunMonitor monitor(m_workspace.get());
        // Wait for the first metrics, then kill the sshd processes serving the monitor's session.
        waitFor(monitor, outcome.run.id, 60000, [&](const RunRecord &) { return metricCount(outcome.run.id, QStringLiteral("loss")) >= 5; });
        QVERIFY(metricCount(outcome.run.id, QStringLiteral("loss")) >= 5);
        QVERIFY(metricCount(outcome.run.id, QStringLiteral("loss")) < 60);
        const QString killed = m_sshd.signalSessions(SIGKILL);
        QVERIFY2(killed.isEmpty(), qPrintable(killed));
        const RunRecord run = waitFor(monitor, outcome.run.id);
        QVERIFY2(run.status == RunStatus::Completed, describe(run).constData());
        QCOMPARE(metricCount(run.id, QStringLiteral("loss")), 60);
        QCOMPARE(duplicateMetrics(run.id), 0);
        // The server is there all along: the monitor connects again at once, and the run never
        // showed Not responding.
        for (const auto &entry : RunStore(*m_workspace).statusHistory(run.id).value())
            QVERIFY2(entry.status != RunStatus::NotResponding, qPrintable(entry.reason));
    }

    void unreachableHostShowsNotRespondingThenCatchesUp()
    {
        const QString project = projectWith(QStringLiteral("down"), metricsScript);
        const SubmitOutcome outcome = submit(project, {QStringLiteral("40"), QStringLiteral("0.1")});
        QVERIFY(!outcome.run.id.isEmpty());
        RunMonitor monitor(m_workspace.get());
        waitFor(monitor, outcome.run.id, 60000, [&](const RunRecord &) { return metricCount(outcome.run.id, QStringLiteral("loss")) >= 3; });
        m_sshd.stop();
        const RunRecord waiting = waitFor(monitor, outcome.run.id, 60000,
                                          [](const RunRecord &run) { return run.status == RunStatus::NotResponding; });
        QVERIFY2(waiting.status == RunStatus::NotResponding, describe(waiting).constData());
        // A cancel that cannot reach the host says so and leaves the run as it was, to be tried again.
        const auto canceled = monitor.cancel(outcome.run.id, 1);
        QVERIFY(!canceled);
        QCOMPARE(RunStore(*m_workspace).run(outcome.run.id)->status, RunStatus::NotResponding);
        QTest::qWait(2000); // the run goes on meanwhile
        const QString started = m_sshd.start(SshdFixture::HostKey::Ed25519);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const RunRecord run = waitFor(monitor, outcome.run.id);
        QVERIFY2(run.status == RunStatus::Completed, describe(run).constData());
        QCOMPARE(metricCount(run.id, QStringLiteral("loss")), 40);
        QCOMPARE(duplicateMetrics(run.id), 0);
        bool sawNotResponding = false;
        for (const auto &entry : RunStore(*m_workspace).statusHistory(run.id).value())
            sawNotResponding = sawNotResponding || entry.status == RunStatus::NotResponding;
        QVERIFY(sawNotResponding);
    }

    void cancelEndsTheRemoteRun()
    {
        const QString project = projectWith(QStringLiteral("cancel"), "import time\nprint('sleeping', flush=True)\ntime.sleep(120)\n");
        const SubmitOutcome outcome = submit(project);
        QVERIFY(!outcome.run.id.isEmpty());
        RunMonitor monitor(m_workspace.get());
        const RunRecord running = waitFor(monitor, outcome.run.id, 60000,
                                          [](const RunRecord &run) { return run.status == RunStatus::Running; });
        QVERIFY2(running.status == RunStatus::Running, describe(running).constData());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(monitor.cancel(outcome.run.id));
        const RunRecord run = waitFor(monitor, outcome.run.id, 30000);
        QVERIFY2(run.status == RunStatus::Canceled, describe(run).constData());
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    }

    void listingNamesThatClimbOutAreRefused()
    {
        QVERIFY(SshRunHost::parseListing(QByteArray("12 model.pkl\0" "3 sub/dir/a.txt\0", 30)));
        for (const QByteArray &bad : {QByteArray("5 ../../.bashrc"), QByteArray("5 /etc/passwd"), QByteArray("5 a/../../b"),
                                      QByteArray("x model.pkl"), QByteArray("-1 a")}) {
            const auto parsed = SshRunHost::parseListing(bad + '\0');
            QVERIFY2(!parsed, bad.constData());
        }
        QVERIFY(SshRunHost::parseListing(QByteArray("5 ../../.bashrc")).errorMessage().contains(QLatin1String("outside the run folder")));
        // The process state answer is checked too.
        QVERIFY(!SshRunHost::parseProcessState("garbage"));
        const auto state = SshRunHost::parseProcessState("1 0 gone 137\n");
        QVERIFY(state);
        QVERIFY(state->cancelRequested);
        QCOMPARE(state->exitCode.value_or(0), 137);
        QCOMPARE(state->liveness, LocalRunner::Liveness::Gone);

        // A prefetch answer is taken only whole; anything else leaves the reads to ask on their own.
        const auto whole = SshRunHost::parsePrefetch(QByteArray("0 0 alive -\n3\na\nb\n-1\n\n0\n\n"), 3);
        QVERIFY(whole);
        QCOMPARE(whole->state.liveness, LocalRunner::Liveness::Alive);
        QCOMPARE(whole->files.size(), 3);
        QCOMPARE(whole->files.at(0).value_or("?"), QByteArray("a\nb"));
        QVERIFY(!whole->files.at(1));
        QCOMPARE(whole->files.at(2).value_or("?"), QByteArray());
        for (const QByteArray &bad : {QByteArray("0 0 gone -\n"), QByteArray("0 0 alive -\n5\nabc\n"), QByteArray("0 0 alive -\n2\nabc\n"),
                                      QByteArray("0 0 alive -\n1\na\n1\nb\n1\nc\nextra"), QByteArray("garbage\n1\na\n"),
                                      QByteArray("0 0 alive -\nx\n\n"), QByteArray("0 0 alive -\n-2\n\n")}) {
            QVERIFY2(!SshRunHost::parsePrefetch(bad, bad.startsWith("0 0 alive -\n1") ? 3 : 1), bad.constData());
        }
    }

    void cliAttachTrustsKeysOnlyWhenAccepted()
    {
        const QString fingerprint = m_sshd.fingerprint(SshdFixture::HostKey::Ed25519);
        const QString key = m_sshd.clientKeyFile(SshdFixture::ClientKey::Ed25519);
        const QByteArray passphrase = m_sshd.passphrase().toUtf8() + '\n';

        // Unknown key, nothing accepted: refused, with the fingerprint to check.
        QProcess *refused = cli(attachArguments(QStringLiteral("keybox")) + QStringList{QStringLiteral("--private-key-file"), key,
                                                                                      QStringLiteral("--passphrase-stdin")},
                                passphrase);
        QCOMPARE(refused->exitCode(), 1);
        const QString refusedText = QString::fromUtf8(refused->readAllStandardError());
        QVERIFY2(refusedText.contains(fingerprint) && refusedText.contains(QLatin1String("--accept-host-key")), qPrintable(refusedText));

        // A wrong fingerprint is refused too.
        QProcess *wrong = cli(attachArguments(QStringLiteral("keybox"))
                                  + QStringList{QStringLiteral("--private-key-file"), key, QStringLiteral("--passphrase-stdin"),
                                                QStringLiteral("--accept-host-key"),
                                                m_sshd.fingerprint(SshdFixture::HostKey::Ed25519Replacement)},
                              passphrase);
        QCOMPARE(wrong->exitCode(), 1);

        // The wrong passphrase: a clear error, and no target.
        QProcess *badPassphrase = cli(attachArguments(QStringLiteral("keybox"))
                                          + QStringList{QStringLiteral("--private-key-file"), key, QStringLiteral("--passphrase-stdin"),
                                                        QStringLiteral("--accept-host-key"), fingerprint},
                                      "not the passphrase\n");
        QCOMPARE(badPassphrase->exitCode(), 1);
        const QString badText = QString::fromUtf8(badPassphrase->readAllStandardError());
        QVERIFY2(badText.contains(QLatin1String("passphrase"), Qt::CaseInsensitive), qPrintable(badText));
        QVERIFY(!badText.contains(QLatin1String("not the passphrase")));

        // Key + passphrase with the right fingerprint: attached, Succeeded.
        QProcess *attached = cli(attachArguments(QStringLiteral("keybox"))
                                     + QStringList{QStringLiteral("--private-key-file"), key, QStringLiteral("--passphrase-stdin"),
                                                   QStringLiteral("--accept-host-key"), fingerprint, QStringLiteral("-o"),
                                                   QStringLiteral("json")},
                                 passphrase);
        QVERIFY2(attached->exitCode() == 0, attached->readAllStandardError().constData());
        const QJsonObject json = QJsonDocument::fromJson(attached->readAllStandardOutput()).object();
        QCOMPARE(json.value(QLatin1String("provisioningState")).toString(), QStringLiteral("Succeeded"));
        QCOMPARE(json.value(QLatin1String("properties")).toObject().value(QLatin1String("authentication")).toString(),
                 QStringLiteral("privateKey"));
        // As the workspace keeps it, times included.
        QVERIFY2(QDateTime::fromString(json.value(QLatin1String("created")).toString(), Qt::ISODateWithMs).isValid(),
                 qPrintable(json.value(QLatin1String("created")).toString()));

        // The key is remembered now: the agent attach needs no --accept-host-key.
        QProcess *agent = cli(attachArguments(QStringLiteral("agentbox")) + QStringList{QStringLiteral("--agent")}, {},
                              m_sshd.agentSocket());
        QVERIFY2(agent->exitCode() == 0, agent->readAllStandardError().constData());

        // The wrong password: a clear error naming the account, never the password.
        QProcess *badPassword = cli(attachArguments(QStringLiteral("pwbox")) + QStringList{QStringLiteral("--password-stdin")},
                                    "hunter2-wrong\n");
        QCOMPARE(badPassword->exitCode(), 1);
        const QString passwordText = QString::fromUtf8(badPassword->readAllStandardError());
        QVERIFY2(passwordText.contains(SshdFixture::user()), qPrintable(passwordText));
        QVERIFY(!passwordText.contains(QLatin1String("hunter2-wrong")));

        // The right password: attached; without a keychain it is not remembered, and says so.
        QProcess *password = cli(attachArguments(QStringLiteral("pwbox")) + QStringList{QStringLiteral("--password-stdin")},
                                 m_sshd.password().toUtf8() + '\n');
        QVERIFY2(password->exitCode() == 0, password->readAllStandardError().constData());

        // `computetarget test` and `detach`.
        QProcess *tested = cli({QStringLiteral("computetarget"), QStringLiteral("test"), QStringLiteral("keybox")});
        QVERIFY(tested->exitCode() != 0); // the passphrase is not remembered without a keychain
        QVERIFY(QString::fromUtf8(tested->readAllStandardError()).contains(QLatin1String("passphrase"), Qt::CaseInsensitive));
        QProcess *agentTested = cli({QStringLiteral("computetarget"), QStringLiteral("test"), QStringLiteral("agentbox")}, {},
                                    m_sshd.agentSocket());
        QVERIFY2(agentTested->exitCode() == 0, agentTested->readAllStandardError().constData());
        QProcess *detached = cli({QStringLiteral("computetarget"), QStringLiteral("detach"), QStringLiteral("agentbox")});
        QVERIFY2(detached->exitCode() == 0, detached->readAllStandardError().constData());
        QProcess *listed = cli({QStringLiteral("computetarget"), QStringLiteral("list")});
        QVERIFY(!listed->readAllStandardOutput().contains("agentbox"));

        // With a key that needs no secret, later CLI processes reach the host on their own: submit
        // with --wait streams the log, uploads and downloads with progress, and ends Completed.
        QProcess *plain = cli(attachArguments(QStringLiteral("plainbox"))
                              + QStringList{QStringLiteral("--private-key-file"), m_sshd.clientKeyFile(SshdFixture::ClientKey::Ed25519Plain)});
        QVERIFY2(plain->exitCode() == 0, plain->readAllStandardError().constData());
        const QString project = m_temp.filePath(QStringLiteral("cli-project"));
        writeFile(project + QStringLiteral("/train.py"),
                  metricsScript + "import os\nos.makedirs('outputs', exist_ok=True)\nopen('outputs/result.txt', 'w').write('ok')\n");
        writeFile(project + QStringLiteral("/.azureml/plainbox.runconfig"),
                  "script: train.py\ntarget: plainbox\nenvironment:\n  python:\n    userManagedDependencies: true\n"
                  "    interpreterPath: /usr/bin/python3\n");
        QProcess *submitted = cli({QStringLiteral("run"), QStringLiteral("submit-script"), QStringLiteral("-e"), QStringLiteral("cli"),
                                   QStringLiteral("-c"), QStringLiteral("plainbox"), QStringLiteral("--path"), project,
                                   QStringLiteral("--wait"), QStringLiteral("--"), QStringLiteral("25"), QStringLiteral("0.02")});
        const QString out = QString::fromUtf8(submitted->readAllStandardOutput());
        const QString err = QString::fromUtf8(submitted->readAllStandardError());
        QVERIFY2(submitted->exitCode() == 0, qPrintable(out + err));
        QVERIFY2(out.contains(QLatin1String("done 25")) && out.contains(QLatin1String("Run cli_1: Completed")), qPrintable(out));
        QVERIFY2(err.contains(QLatin1String("Uploading the snapshot")) && err.contains(QLatin1String("Downloading outputs")), qPrintable(err));
        QProcess *metrics = cli({QStringLiteral("run"), QStringLiteral("metrics"), QStringLiteral("cli_1"), QStringLiteral("--output"),
                                 QStringLiteral("json")});
        QCOMPARE(QJsonDocument::fromJson(metrics->readAllStandardOutput()).array().size(), 25);
        QProcess *logs = cli({QStringLiteral("run"), QStringLiteral("logs"), QStringLiteral("cli_1")});
        QVERIFY(logs->readAllStandardOutput().contains("done 25"));
    }

    void passwordIsNowhereOnDisk()
    {
        const QByteArray password = m_sshd.password().toUtf8();
        QVERIFY(password.size() >= 12);
        // The workspace (database, WAL, artifacts, mirrored logs), the CLI's workspace and data
        // folders, Trainyard's known_hosts, and the run directories on the host.
        QStringList roots{m_temp.path(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
                          QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)};
        const auto target = m_workspace->computeTarget(QLatin1String(Target));
        QVERIFY(target);
        roots << target->properties.value(QLatin1String("runsRootPath")).toString();
        m_workspace->checkpoint().ok();
        for (const QString &root : std::as_const(roots)) {
            if (root.isEmpty() || !QFileInfo::exists(root))
                continue;
            const QStringList found = filesHolding(root, m_sshd.password());
            QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        }
        // Nor in the log of the server's side of things.
        QVERIFY(!m_sshd.log().contains(password));
    }

    // A target whose host key nobody trusts any more (attached "connect once", or its known_hosts
    // entry gone): Test connection says so with the fingerprint, and trusting exactly that key
    // (checked against the host) makes the target usable again; a wrong fingerprint changes nothing.
    // Last: it empties the known_hosts files the earlier cases rely on (and trusts the key again).
    void untrustedHostKeyCanBeTrustedLater()
    {
        const QString fingerprint = m_sshd.fingerprint(SshdFixture::HostKey::Ed25519);
        QVERIFY(QFile::remove(SshKnownHosts::defaultTrainyardFile()));
        CredentialStore store;
        // The host presents another key than the one recorded at attach: not offered for trust.
        ComputeTarget recorded = *m_workspace->computeTarget(QLatin1String(Target));
        const QString other = QStringLiteral("SHA256:") + QString(43, QLatin1Char('B'));
        recorded.properties.insert(QStringLiteral("hostKeyFingerprint"), other);
        QVERIFY(m_workspace->updateComputeTarget(recorded));
        const auto suspicious = RemoteMachine::test(*m_workspace, QLatin1String(Target), store);
        QVERIFY2(suspicious, qPrintable(suspicious.errorMessage()));
        QCOMPARE(suspicious->state, ComputeTarget::ProvisioningState::Failed);
        QVERIFY(!suspicious->properties.contains(QLatin1String("untrustedHostKey")));
        QVERIFY2(suspicious->errorText.contains(QStringLiteral("presented ") + other + QStringLiteral(": this is another key")),
                 qPrintable(suspicious->errorText));
        QVERIFY(!RemoteMachine::trustHostKey(*m_workspace, QLatin1String(Target), fingerprint, store));
        recorded.properties.insert(QStringLiteral("hostKeyFingerprint"), fingerprint);
        QVERIFY(m_workspace->updateComputeTarget(recorded));

        const auto untrusted = RemoteMachine::test(*m_workspace, QLatin1String(Target), store);
        QVERIFY2(untrusted, qPrintable(untrusted.errorMessage()));
        QCOMPARE(untrusted->state, ComputeTarget::ProvisioningState::Failed);
        QCOMPARE(untrusted->properties.value(QLatin1String("untrustedHostKey")).toString(), fingerprint);
        QVERIFY2(untrusted->errorText.contains(fingerprint), qPrintable(untrusted->errorText));

        // Only the key recorded at attach is offered and taken: another may be someone in between.
        const QString wrong = QStringLiteral("SHA256:") + QString(43, QLatin1Char('A'));
        const auto refused = RemoteMachine::trustHostKey(*m_workspace, QLatin1String(Target), wrong, store);
        QVERIFY(!refused);
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("was attached with the host key ") + fingerprint),
                 qPrintable(refused.errorMessage()));
        QVERIFY(m_workspace->computeTarget(QLatin1String(Target))->properties.contains(QLatin1String("untrustedHostKey")));
        QVERIFY(!QFileInfo::exists(SshKnownHosts::defaultTrainyardFile())
                || !readFile(SshKnownHosts::defaultTrainyardFile()).contains(QByteArray::number(m_sshd.port())));

        const auto trusted = RemoteMachine::trustHostKey(*m_workspace, QLatin1String(Target), fingerprint, store);
        QVERIFY2(trusted, qPrintable(trusted.errorMessage()));
        QCOMPARE(trusted->state, ComputeTarget::ProvisioningState::Succeeded);
        QVERIFY(!trusted->properties.contains(QLatin1String("untrustedHostKey")));
        const auto again = RemoteMachine::test(*m_workspace, QLatin1String(Target), store);
        QVERIFY2(again && again->state == ComputeTarget::ProvisioningState::Succeeded, qPrintable(again ? again->errorText : again.errorMessage()));

        // The CLI: the hint names the fingerprint; --accept-host-key trusts it.
        QProcess *attached = cli(attachArguments(QStringLiteral("agentbox2"))
                                     + QStringList{QStringLiteral("--agent"), QStringLiteral("--accept-host-key"), fingerprint},
                                 {}, m_sshd.agentSocket());
        QVERIFY2(attached->exitCode() == 0, attached->readAllStandardError().constData());
        QDirIterator files(m_temp.filePath(QStringLiteral("cli-data")), {QStringLiteral("known_hosts")}, QDir::Files,
                           QDirIterator::Subdirectories);
        QVERIFY(files.hasNext());
        QVERIFY(QFile::remove(files.next()));
        QProcess *hinted = cli({QStringLiteral("computetarget"), QStringLiteral("test"), QStringLiteral("agentbox2")}, {}, m_sshd.agentSocket());
        QCOMPARE(hinted->exitCode(), 1);
        const QString hint = QString::fromUtf8(hinted->readAllStandardError());
        QVERIFY2(hint.contains(QStringLiteral("test again with --accept-host-key ") + fingerprint), qPrintable(hint));
        QProcess *accepted = cli({QStringLiteral("computetarget"), QStringLiteral("test"), QStringLiteral("agentbox2"),
                                  QStringLiteral("--accept-host-key"), fingerprint},
                                 {}, m_sshd.agentSocket());
        QVERIFY2(accepted->exitCode() == 0, accepted->readAllStandardError().constData());
        QProcess *known = cli({QStringLiteral("computetarget"), QStringLiteral("test"), QStringLiteral("agentbox2")}, {}, m_sshd.agentSocket());
        QVERIFY2(known->exitCode() == 0, known->readAllStandardError().constData());
    }
};

QTEST_GUILESS_MAIN(tst_RemoteRuns)
#include "tst_remoteruns.moc"
