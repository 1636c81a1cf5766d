// Compute clusters on a real one-node Slurm (tests/tools/slurmfixture): attach a partition, create
// and delete a cluster's partition, runs through sbatch/srun with their rank variables, Queued with
// Slurm's reason while the node is busy, and cancel through scancel.

#include "credentialstore.h"
#include "runmonitor.h"
#include "runstore.h"
#include "runsubmitter.h"
#include "slurmclient.h"
#include "slurmcluster.h"
#include "localcommandrunner.h"
#include "translationloader.h"
#include "workspace.h"

#include "tools/slurmfixture.h"
#include "tools/sshdfixture.h"
#include "tools/runtesting.h"
#include "tools/testfiles.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Trainyard;
using TestFiles::readFile;
using TestFiles::writeFile;

class tst_SlurmRuns : public QObject
{
    Q_OBJECT

private:
    SlurmFixture m_slurm;
    QTemporaryDir m_temp;
    std::unique_ptr<Workspace> m_workspace;

    QString projectWith(const QString &name, const QByteArray &script, const QByteArray &extraConfig = {})
    {
        return RunTesting::projectWith(m_temp.filePath(name), QStringLiteral("cluster"), "debugq", script, extraConfig);
    }

    SubmitOutcome submit(const QString &projectDir, const QStringList &arguments = {})
    {
        return RunTesting::submit(*m_workspace, QStringLiteral("cluster"), projectDir, QStringLiteral("cluster"), arguments);
    }

    RunRecord waitFor(RunMonitor &monitor, const QString &runId, int timeoutMs = 120000,
                      const std::function<bool(const RunRecord &)> &until = {})
    {
        return RunTesting::waitFor(*m_workspace, monitor, runId, timeoutMs, until);
    }

    QByteArray describe(const RunRecord &run)
    {
        return (RunStatusInfo::key(run.status) + QLatin1Char(' ') + run.statusReason + QLatin1Char('\n')).toUtf8()
               + readFile(run.runDirectory + QStringLiteral("/.trainyard/driver.log")).right(2000)
               + readFile(run.runDirectory + QStringLiteral("/.trainyard/job.log")).right(1000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TranslationLoader::install(QStringLiteral("en"));
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        const QString problem = m_slurm.start();
        if (!problem.isEmpty()) {
            qCritical("%s", qPrintable(problem));
            QFAIL("Slurm could not start (see above)");
        }
        auto workspace = Workspace::open(m_temp.filePath(QStringLiteral("ws")));
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        m_workspace = std::move(workspace).value();

        SlurmClusterRequest request;
        request.name = QStringLiteral("debugq");
        request.partition = QStringLiteral("debug");
        request.access.local = true;
        CredentialStore store;
        auto attached = SlurmCluster::attach(*m_workspace, request, store);
        QVERIFY2(attached, qPrintable(attached.errorMessage()));
        QCOMPARE(attached->type, ComputeTarget::Type::Slurm);
        QCOMPARE(attached->properties.value(QLatin1String("nodesTotal")).toInt(), 1);
        QCOMPARE(attached->properties.value(QLatin1String("nodeStates")).toObject().value(QLatin1String("idle")).toInt(), 1);
        QCOMPARE(attached->properties.value(QLatin1String("allocationState")).toString(), QStringLiteral("steady"));

        // An unknown partition is refused with the ones there are.
        request.name = QStringLiteral("nowhere");
        request.partition = QStringLiteral("nosuch");
        const auto refused = SlurmCluster::attach(*m_workspace, request, store);
        QVERIFY(!refused);
        QVERIFY2(refused.errorMessage().contains(QLatin1String("debug")), qPrintable(refused.errorMessage()));
    }

    void cleanupTestCase()
    {
        m_workspace.reset();
        m_slurm.stop();
    }

    void createUpdateAndDeleteACluster()
    {
        LocalCommandRunner runner;
        auto probe = SlurmClient(runner).probe();
        QVERIFY2(probe, qPrintable(probe.errorMessage()));
        QVERIFY(!probe->shapes().isEmpty());
        const QString shape = probe->shapes().constFirst().key();

        SlurmClusterRequest request;
        request.name = QStringLiteral("made-here");
        request.vmSize = QStringLiteral("no-such-shape");
        request.maxNodes = 1;
        request.access.local = true;
        CredentialStore store;
        const auto badShape = SlurmCluster::create(*m_workspace, request, store);
        QVERIFY(!badShape);
        QVERIFY2(badShape.errorMessage().contains(shape), qPrintable(badShape.errorMessage()));

        request.vmSize = shape;
        auto created = SlurmCluster::create(*m_workspace, request, store);
        QVERIFY2(created, qPrintable(created.errorMessage()));
        QVERIFY2(created->state == ComputeTarget::ProvisioningState::Succeeded, qPrintable(created->errorText));
        const auto sinfo = m_slurm.run(QStringLiteral("scontrol"), {QStringLiteral("show"), QStringLiteral("partition"),
                                                                    QStringLiteral("made-here"), QStringLiteral("-o")});
        QVERIFY2(sinfo.ok, sinfo.standardError.constData());
        QVERIFY2(sinfo.standardOutput.contains("MaxNodes=1 "), sinfo.standardOutput.constData());
        QVERIFY(sinfo.standardOutput.contains(QByteArray(QByteArray("Nodes=") + m_slurm.nodeName().toUtf8())));

        auto updated = SlurmCluster::updateScale(*m_workspace, QStringLiteral("made-here"), 3, store);
        QVERIFY2(updated, qPrintable(updated.errorMessage()));
        QVERIFY(m_slurm.run(QStringLiteral("scontrol"), {QStringLiteral("show"), QStringLiteral("partition"), QStringLiteral("made-here"),
                                                          QStringLiteral("-o")})
                    .standardOutput.contains("MaxNodes=3 "));

        QVERIFY(SlurmCluster::remove(*m_workspace, QStringLiteral("made-here"), store));
        QVERIFY(!m_workspace->computeTarget(QStringLiteral("made-here")));
        const auto gone = m_slurm.run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%R")});
        QVERIFY2(!gone.standardOutput.contains("made-here"), gone.standardOutput.constData());
        // An attached partition is left in place when its target goes.
        QVERIFY(m_slurm.run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%R")})
                    .standardOutput.contains("debug"));
    }

    void sampleRunCompletesWithRankVariables()
    {
        const QString project = projectWith(
            QStringLiteral("ranks"),
            "import json, os, sys, time, trainyard\n"
            "for i in range(5):\n"
            "    trainyard.log('loss', 1.0 / (i + 1))\n"
            "os.makedirs('outputs', exist_ok=True)\n"
            "keys = ['MASTER_ADDR', 'MASTER_PORT', 'WORLD_SIZE', 'RANK', 'NODE_RANK', 'LOCAL_RANK', 'SLURM_JOB_ID', 'TRAINYARD_RUN_ID']\n"
            "json.dump({k: os.environ.get(k) for k in keys}, open('outputs/ranks.json', 'w'))\n"
            "print('args', sys.argv[1:])\n",
            "communicator: Gloo\nnodeCount: 1\n");
        const SubmitOutcome outcome = submit(project, {QStringLiteral("--epochs"), QStringLiteral("2")});
        QVERIFY(!outcome.run.id.isEmpty());
        QVERIFY2(outcome.run.jobHandle.startsWith(QLatin1String("slurm:")), qPrintable(outcome.run.jobHandle));
        QCOMPARE(outcome.run.status, RunStatus::Queued);

        RunMonitor monitor(m_workspace.get());
        const RunRecord run = waitFor(monitor, outcome.run.id);
        QVERIFY2(run.status == RunStatus::Completed, describe(run).constData());
        QCOMPARE(RunStore(*m_workspace).metrics(run.id, QStringLiteral("loss")).value().size(), 5);
        const QJsonObject ranks =
            QJsonDocument::fromJson(readFile(RunMonitor::artifactsDirectory(*m_workspace, run.id) + QStringLiteral("/outputs/ranks.json"))).object();
        QCOMPARE(ranks.value(QLatin1String("WORLD_SIZE")).toString(), QStringLiteral("1"));
        QCOMPARE(ranks.value(QLatin1String("RANK")).toString(), QStringLiteral("0"));
        QCOMPARE(ranks.value(QLatin1String("NODE_RANK")).toString(), QStringLiteral("0"));
        QCOMPARE(ranks.value(QLatin1String("LOCAL_RANK")).toString(), QStringLiteral("0"));
        QVERIFY(!ranks.value(QLatin1String("MASTER_ADDR")).toString().isEmpty());
        QVERIFY(ranks.value(QLatin1String("MASTER_PORT")).toString().toInt() >= 29500);
        QCOMPARE(ranks.value(QLatin1String("SLURM_JOB_ID")).toString(), outcome.run.jobHandle.mid(6));
        QCOMPARE(ranks.value(QLatin1String("TRAINYARD_RUN_ID")).toString(), run.id);
        QVERIFY(readFile(run.runDirectory + QStringLiteral("/.trainyard/driver.log")).contains("args ['--epochs', '2']"));
    }

    void amlcomputeSectionMakesAPartitionForTheRunOnly()
    {
        LocalCommandRunner runner;
        const QString shape = SlurmClient(runner).probe()->shapes().constFirst().key();
        const QString project = projectWith(QStringLiteral("percluster"),
                                            "import os\nprint('partition', os.environ.get('SLURM_JOB_PARTITION'))\n",
                                            "amlcompute:\n  vmSize: " + shape.toUtf8() + "\n  clusterMaxNodeCount: 1\n");
        const SubmitOutcome outcome = submit(project);
        QVERIFY(!outcome.run.id.isEmpty());
        const QString partition = RunStore(*m_workspace).run(outcome.run.id)->properties.value(QLatin1String("slurm.temporaryPartition")).toString();
        QVERIFY2(partition.startsWith(QLatin1String("ty-")), describe(outcome.run).constData());
        QVERIFY(m_slurm.run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%R")})
                    .standardOutput.contains(partition.toUtf8()));
        RunMonitor monitor(m_workspace.get());
        const RunRecord run = waitFor(monitor, outcome.run.id);
        QVERIFY2(run.status == RunStatus::Completed, describe(run).constData());
        QVERIFY(readFile(run.runDirectory + QStringLiteral("/.trainyard/driver.log")).contains(QByteArray(QByteArray("partition ") + partition.toUtf8())));
        // Gone with the run.
        QVERIFY(!m_slurm.run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%R")})
                     .standardOutput.contains(partition.toUtf8()));
    }

    void busyNodeQueuesWithSlurmsReasonThenCancel()
    {
        // Another job takes every CPU of the node.
        const auto blocker = m_slurm.run(QStringLiteral("sbatch"),
                                         {QStringLiteral("--parsable"), QStringLiteral("--exclusive"), QStringLiteral("-c"),
                                          QString::number(m_slurm.cpus()), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                          QStringLiteral("--wrap"), QStringLiteral("sleep 300")});
        QVERIFY2(blocker.ok, blocker.standardError.constData());
        const QString blockerId = QString::fromUtf8(blocker.standardOutput.trimmed()).section(QLatin1Char(';'), 0, 0);

        const QString project = projectWith(QStringLiteral("waits"), "import time\nprint('started', flush=True)\ntime.sleep(120)\n");
        const SubmitOutcome outcome = submit(project);
        QVERIFY(!outcome.run.id.isEmpty());
        RunMonitor monitor(m_workspace.get());
        const RunRecord queued = waitFor(monitor, outcome.run.id, 30000, [](const RunRecord &run) {
            return run.status == RunStatus::Queued && !run.statusReason.isEmpty() && run.statusReason != QLatin1String("JobHeldUser");
        });
        QVERIFY2(queued.status == RunStatus::Queued, describe(queued).constData());
        QVERIFY2(queued.statusReason == QLatin1String("Resources") || queued.statusReason == QLatin1String("Priority"),
                 qPrintable(queued.statusReason));

        // The node frees up: the run starts; then it is canceled through Slurm.
        QVERIFY(m_slurm.run(QStringLiteral("scancel"), {blockerId}).ok);
        const RunRecord running = waitFor(monitor, outcome.run.id, 60000, [&](const RunRecord &run) {
            return run.status == RunStatus::Running && readFile(run.runDirectory + QStringLiteral("/.trainyard/driver.log")).contains("started");
        });
        QVERIFY2(running.status == RunStatus::Running, describe(running).constData());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(monitor.cancel(outcome.run.id, 5));
        const RunRecord canceled = waitFor(monitor, outcome.run.id, 30000);
        QVERIFY2(canceled.status == RunStatus::Canceled, describe(canceled).constData());
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
        // Slurm has let go of it.
        const auto queue = m_slurm.run(QStringLiteral("squeue"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%j")});
        QVERIFY2(!queue.standardOutput.contains(outcome.run.id.toUtf8()), queue.standardOutput.constData());
    }

    void createWithoutOperatorRightsRecordsSlurmsRefusal()
    {
        // The CLI run by an unprivileged user: Slurm refuses the partition, the target is recorded
        // as Failed with Slurm's own message and the hint to attach instead; exit code 1.
        LocalCommandRunner runner;
        const QString shape = SlurmClient(runner).probe()->shapes().constFirst().key();
        QTemporaryDir home;
        QVERIFY(QFile::setPermissions(home.path(), QFile::Permissions(0x7777)));
        // The build folder may be closed to other users (a fresh clone in a private temporary
        // folder): nobody runs a copy of the CLI from the shared folder.
        const QString cli = home.filePath(QStringLiteral("trainyard-cli"));
        QVERIFY(QFile::copy(QStringLiteral(TRAINYARD_CLI), cli));
        QVERIFY(QFile::setPermissions(cli, QFile::Permissions(0x7555)));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral("runuser"),
                      {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), cli,
                       QStringLiteral("--workspace"), home.filePath(QStringLiteral("ws")), QStringLiteral("computetarget"),
                       QStringLiteral("create"), QStringLiteral("slurm"), QStringLiteral("-n"), QStringLiteral("denied"),
                       QStringLiteral("--vm-size"), shape, QStringLiteral("--max-nodes"), QStringLiteral("1"), QStringLiteral("--local"),
                       QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY(process.waitForFinished(60000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == 1, qPrintable(err));
        const QJsonObject json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(json.value(QLatin1String("provisioningState")).toString(), QStringLiteral("Failed"));
        // Slurm 22.05's own words for a user who may not create partitions.
        QVERIFY2(err.contains(QLatin1String("Invalid user id")) && err.contains(QLatin1String("attach an existing partition")), qPrintable(err));
        QVERIFY(!m_slurm.run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%R")})
                     .standardOutput.contains("denied"));
    }

    void loginNodeOverSsh()
    {
        // The same cluster reached through a login node (the loopback sshd): attach, then a run
        // uploaded there, submitted with sbatch over SSH, followed over SSH to Completed.
        SshdFixture sshd;
        const QString problem = sshd.setUp();
        if (!problem.isEmpty())
            QFAIL(qPrintable(QStringLiteral("sshd could not start: ") + problem));
        const QString runsRoot = QStringLiteral("~/.trainyard/slurm-test-%1").arg(QDateTime::currentMSecsSinceEpoch());
        SlurmClusterRequest request;
        request.name = QStringLiteral("viassh");
        request.partition = QStringLiteral("debug");
        request.access.local = false;
        request.access.login.endpoint = {SshdFixture::host(), sshd.port(), SshdFixture::user()};
        request.access.login.method = SshCredentials::Method::PrivateKey;
        request.access.login.privateKeyFile = sshd.clientKeyFile(SshdFixture::ClientKey::Ed25519Plain);
        request.access.login.runsRoot = runsRoot;
        request.access.credentials = SshCredentials::withPrivateKey(request.access.login.privateKeyFile);
        request.access.hostKeyPolicy = SshHostKeyPolicy::acceptAndRemember(sshd.fingerprint(SshdFixture::HostKey::Ed25519));
        // The test cluster's configuration is not where a login node keeps its own.
        request.access.environment = {{QStringLiteral("SLURM_CONF"), m_slurm.configFile()}};
        CredentialStore store;
        auto attached = SlurmCluster::attach(*m_workspace, request, store);
        QVERIFY2(attached, qPrintable(attached.errorMessage()));
        QCOMPARE(attached->properties.value(QLatin1String("access")).toString(), QStringLiteral("ssh"));
        QCOMPARE(attached->properties.value(QLatin1String("nodesTotal")).toInt(), 1);

        const QString project = m_temp.filePath(QStringLiteral("viassh"));
        writeFile(project + QStringLiteral("/train.py"),
                  "import getpass, trainyard\nfor i in range(4):\n    trainyard.log('loss', 1.0 / (i + 1))\nprint('user', getpass.getuser())\n");
        writeFile(project + QStringLiteral("/.azureml/viassh.runconfig"),
                  "script: train.py\ntarget: viassh\nenvironment:\n  python:\n    userManagedDependencies: true\n"
                  "    interpreterPath: /usr/bin/python3\n");
        SubmitRequest submitRequest;
        submitRequest.experiment = QStringLiteral("viassh");
        submitRequest.sourceDirectory = project;
        submitRequest.runConfiguration = QStringLiteral("viassh");
        auto outcome = RunSubmitter(*m_workspace).submit(submitRequest);
        QVERIFY2(outcome, qPrintable(outcome.errorMessage()));
        QVERIFY2(outcome->run.jobHandle.startsWith(QLatin1String("slurm+ssh:")), describe(outcome->run).constData());
        RunMonitor monitor(m_workspace.get());
        const RunRecord run = waitFor(monitor, outcome->run.id);
        const QByteArray log = readFile(RunMonitor::logDirectory(*m_workspace, run) + QStringLiteral("/.trainyard/driver.log"));
        QVERIFY2(run.status == RunStatus::Completed, QByteArray(describe(run) + log).constData());
        QCOMPARE(RunStore(*m_workspace).metrics(run.id, QStringLiteral("loss")).value().size(), 4);
        QVERIFY2(log.contains(QByteArray(QByteArray("user ") + SshdFixture::user().toUtf8())), log.constData());
        QProcess::execute(QStringLiteral("rm"), {QStringLiteral("-rf"), QFileInfo(run.runDirectory).absolutePath()});
    }

    void cliAttachesAndCreatesClusters()
    {
        LocalCommandRunner runner;
        const QString shape = SlurmClient(runner).probe()->shapes().constFirst().key();
        auto cli = [&](const QStringList &arguments) {
            auto *process = new QProcess(this);
            process->start(QStringLiteral(TRAINYARD_CLI),
                           QStringList{QStringLiteral("--workspace"), m_temp.filePath(QStringLiteral("cli-ws"))} + arguments);
            process->closeWriteChannel();
            process->waitForFinished(60000);
            return process;
        };
        QProcess *attached = cli({QStringLiteral("computetarget"), QStringLiteral("attach"), QStringLiteral("slurm"), QStringLiteral("-n"),
                                  QStringLiteral("dbg"), QStringLiteral("--partition"), QStringLiteral("debug"), QStringLiteral("--local")});
        QVERIFY2(attached->exitCode() == 0, attached->readAllStandardError().constData());
        QProcess *created = cli({QStringLiteral("computetarget"), QStringLiteral("create"), QStringLiteral("slurm"), QStringLiteral("-n"),
                                 QStringLiteral("cpu-pool"), QStringLiteral("--vm-size"), shape, QStringLiteral("--max-nodes"),
                                 QStringLiteral("1"), QStringLiteral("--local"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(created->exitCode() == 0, created->readAllStandardError().constData());
        QCOMPARE(QJsonDocument::fromJson(created->readAllStandardOutput()).object().value(QLatin1String("provisioningState")).toString(),
                 QStringLiteral("Succeeded"));
        QVERIFY(m_slurm.run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%R")})
                    .standardOutput.contains("cpu-pool"));
        QProcess *listed = cli({QStringLiteral("computetarget"), QStringLiteral("list")});
        const QByteArray table = listed->readAllStandardOutput();
        QVERIFY2(table.contains("cpu-pool") && table.contains("dbg"), table.constData());
        QProcess *deleted = cli({QStringLiteral("computetarget"), QStringLiteral("delete"), QStringLiteral("cpu-pool")});
        QVERIFY2(deleted->exitCode() == 0, deleted->readAllStandardError().constData());
        QVERIFY(!m_slurm.run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%R")})
                     .standardOutput.contains("cpu-pool"));
    }
};

QTEST_GUILESS_MAIN(tst_SlurmRuns)
#include "tst_slurmruns.moc"
