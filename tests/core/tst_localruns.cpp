// Runs on the local target with real processes: submit, complete, fail, get killed, get
// canceled, time out, survive the client, and be followed by two clients at once.

#include "runfiles.h"
#include "runmonitor.h"
#include "runstore.h"
#include "runsubmitter.h"
#include "translationloader.h"
#include "workspace.h"

#include "tools/testfiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Trainyard;
using TestFiles::writeFile;
using TestFiles::readFile;

namespace {

// A project folder with a runconfig for /usr/bin/python3 and the given script.
void makeProject(const QString &dir, const QByteArray &script, const QByteArray &extraConfig = {})
{
    writeFile(dir + QStringLiteral("/train.py"), script);
    writeFile(dir + QStringLiteral("/.azureml/local.runconfig"),
              "script: train.py\ntarget: local\nenvironment:\n  python:\n    userManagedDependencies: true\n"
              "    interpreterPath: /usr/bin/python3\n" + extraConfig);
}

const QByteArray metricsScript = "import sys, time, trainyard\n"
                                 "n = int(sys.argv[1]) if len(sys.argv) > 1 else 20\n"
                                 "pause = float(sys.argv[2]) if len(sys.argv) > 2 else 0\n"
                                 "for i in range(n):\n"
                                 "    trainyard.log('loss', 1.0 / (i + 1))\n"
                                 "    trainyard.log('accuracy', i / n, step=i)\n"
                                 "    if pause: time.sleep(pause)\n"
                                 "print('done', n)\n";

} // namespace

class tst_LocalRuns : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<Workspace> m_workspace;

    QString project(const QString &name) const { return m_temp->filePath(name); }

    RunRecord submit(const QString &projectDir, const QStringList &arguments = {}, const QString &experiment = QStringLiteral("tests"))
    {
        RunSubmitter submitter(*m_workspace);
        SubmitRequest request;
        request.experiment = experiment;
        request.sourceDirectory = projectDir;
        request.runConfiguration = QStringLiteral("local");
        if (!arguments.isEmpty())
            request.arguments = arguments;
        const auto outcome = submitter.submit(request);
        if (!outcome)
            qWarning("submit failed: %s", qPrintable(outcome.errorMessage()));
        return outcome ? outcome->run : RunRecord();
    }

    // Polls like a client would until the run ends or the timeout passes.
    RunRecord waitFor(const QString &runId, int timeoutMs = 60000)
    {
        RunMonitor monitor(m_workspace.get());
        RunStore store(*m_workspace);
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            const auto polled = monitor.poll(runId);
            if (!polled)
                qWarning("poll failed: %s", qPrintable(polled.errorMessage()));
            const auto run = store.run(runId);
            if (run && run->isTerminal())
                return *run;
            QTest::qWait(100);
        }
        return store.run(runId).value();
    }

    QStringList metricDump(const QString &runId, const QString &name)
    {
        QStringList lines;
        for (const MetricPoint &p : RunStore(*m_workspace).metrics(runId, name).value())
            lines << QStringLiteral("%1=%2").arg(p.step).arg(p.value);
        return lines;
    }

    int duplicateMetrics(const QString &runId)
    {
        QSqlQuery q(m_workspace->database());
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT name, step FROM metrics WHERE run_id = ? GROUP BY name, step HAVING COUNT(*) > 1)"));
        q.addBindValue(runId);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TranslationLoader::install(QStringLiteral("en"));
        QVERIFY2(QFileInfo::exists(QStringLiteral("/usr/bin/python3")), "these tests run scripts with /usr/bin/python3");
    }

    void init()
    {
        m_temp = std::make_unique<QTemporaryDir>();
        auto workspace = Workspace::open(m_temp->filePath(QStringLiteral("ws")));
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        m_workspace = std::move(workspace).value();
    }

    void cleanup()
    {
        m_workspace.reset();
        m_temp.reset();
    }

    void sampleCompletesWithMetrics()
    {
        // The real sample project, trained on scikit-learn's digits.
        const QString sample = project(QStringLiteral("quickstart"));
        QProcess copy;
        copy.start(QStringLiteral("cp"), {QStringLiteral("-r"), QStringLiteral(TRAINYARD_SOURCE_DIR "/resources/samples/quickstart"), sample});
        QVERIFY(copy.waitForFinished());
        const RunRecord submitted = submit(sample, {QStringLiteral("--epochs"), QStringLiteral("4")}, QStringLiteral("quickstart"));
        QCOMPARE(submitted.id, QStringLiteral("quickstart_1"));
        const RunRecord run = waitFor(submitted.id);
        QVERIFY2(run.status == RunStatus::Completed,
                 qPrintable(run.statusReason + QLatin1Char('\n') + QString::fromUtf8(readFile(run.runDirectory + QStringLiteral("/.trainyard/driver.log")))));
        QCOMPARE(run.exitCode.value_or(-1), 0);
        QCOMPARE(metricDump(run.id, QStringLiteral("loss")).size(), 4);
        QCOMPARE(metricDump(run.id, QStringLiteral("accuracy")).size(), 4);
        QVERIFY(run.started.isValid() && run.ended.isValid() && run.started <= run.ended);

        // The status history went through the protocol's states in order.
        QStringList history;
        for (const RunStatusChange &change : RunStore(*m_workspace).statusHistory(run.id).value())
            history << RunStatusInfo::key(change.status);
        QCOMPARE(history, (QStringList{QStringLiteral("NotStarted"), QStringLiteral("Starting"), QStringLiteral("Preparing"),
                                       QStringLiteral("Running"), QStringLiteral("Finalizing"), QStringLiteral("Completed")}));

        // outputs/ was collected into the workspace and listed.
        const auto artifacts = RunStore(*m_workspace).artifacts(run.id).value();
        QStringList names;
        for (const RunArtifact &artifact : artifacts)
            names << artifact.kind + QLatin1Char(':') + artifact.path;
        QVERIFY2(names.contains(QStringLiteral("output:model.pkl")), qPrintable(names.join(QLatin1Char(' '))));
        QVERIFY(names.contains(QStringLiteral("log:driver.log")));
        QVERIFY(QFileInfo(RunMonitor::artifactsDirectory(*m_workspace, run.id) + QStringLiteral("/outputs/model.pkl")).size() > 1000);
    }

    void failingScript()
    {
        makeProject(project(QStringLiteral("p")), "import sys\nprint('about to fail', flush=True)\nsys.exit(3)\n");
        const RunRecord run = waitFor(submit(project(QStringLiteral("p"))).id);
        QCOMPARE(RunStatusInfo::key(run.status), QStringLiteral("Failed"));
        QCOMPARE(run.statusReason, QStringLiteral("exit code 3"));
        QCOMPARE(run.exitCode.value_or(-1), 3);
        QCOMPARE(readFile(run.runDirectory + QStringLiteral("/.trainyard/driver.log")), QByteArray("about to fail\n"));
    }

    void pythonException()
    {
        makeProject(project(QStringLiteral("p")), "raise RuntimeError('boom')\n");
        const RunRecord run = waitFor(submit(project(QStringLiteral("p"))).id);
        QCOMPARE(RunStatusInfo::key(run.status), QStringLiteral("Failed"));
        QCOMPARE(run.statusReason, QStringLiteral("exit code 1"));
        QVERIFY(readFile(run.runDirectory + QStringLiteral("/.trainyard/driver.log")).contains("RuntimeError: boom"));
    }

    void killedTrainingProcess()
    {
        // SIGKILL of the script: the launcher records 137 and the run fails with the signal named.
        makeProject(project(QStringLiteral("p")), "import os, time\nopen('outputs/pid', 'w').write(str(os.getpid()))\ntime.sleep(60)\n");
        const RunRecord submitted = submit(project(QStringLiteral("p")));
        const QString pidFile = submitted.runDirectory + QStringLiteral("/outputs/pid");
        QTRY_VERIFY_WITH_TIMEOUT(!readFile(pidFile).isEmpty(), 20000);
        QCOMPARE(::kill(pid_t(readFile(pidFile).toLongLong()), SIGKILL), 0);
        const RunRecord run = waitFor(submitted.id);
        QCOMPARE(RunStatusInfo::key(run.status), QStringLiteral("Failed"));
        QCOMPARE(run.statusReason, QStringLiteral("killed by signal 9 (exit code 137)"));
    }

    void vanishedProcess()
    {
        // The launcher and the script killed together: no exit code, so "process vanished".
        makeProject(project(QStringLiteral("p")), "import time\ntime.sleep(60)\n");
        const RunRecord submitted = submit(project(QStringLiteral("p")));
        QTRY_VERIFY_WITH_TIMEOUT(LocalRunner::liveness(submitted.runDirectory) == LocalRunner::Liveness::Alive, 20000);
        const qint64 pid = readFile(submitted.runDirectory + QStringLiteral("/.trainyard/pid")).split(' ').first().toLongLong();
        QCOMPARE(::kill(-pid_t(pid), SIGKILL), 0);
        const RunRecord run = waitFor(submitted.id);
        QCOMPARE(RunStatusInfo::key(run.status), QStringLiteral("Failed"));
        QCOMPARE(run.statusReason, QStringLiteral("process vanished"));
    }

    void cancel()
    {
        makeProject(project(QStringLiteral("p")), "import time, trainyard\nfor i in range(600):\n    trainyard.log('tick', i)\n    time.sleep(0.1)\n");
        const RunRecord submitted = submit(project(QStringLiteral("p")));
        QTRY_VERIFY_WITH_TIMEOUT(LocalRunner::liveness(submitted.runDirectory) == LocalRunner::Liveness::Alive, 20000);
        QElapsedTimer timer;
        timer.start();
        RunStore store(*m_workspace);
        QVERIFY(store.setStatus(submitted.id, RunStatus::CancelRequested));
        QVERIFY(LocalRunner::cancel(submitted.runDirectory, 10));
        const RunRecord run = waitFor(submitted.id, 15000);
        QCOMPARE(RunStatusInfo::key(run.status), QStringLiteral("Canceled"));
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(LocalRunner::liveness(run.runDirectory) != LocalRunner::Liveness::Alive);
    }

    void cancelScriptThatIgnoresSigterm()
    {
        makeProject(project(QStringLiteral("p")), "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                                                  "open('outputs/ready', 'w').write('1')\ntime.sleep(120)\n");
        const RunRecord submitted = submit(project(QStringLiteral("p")));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(submitted.runDirectory + QStringLiteral("/outputs/ready")), 20000);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(LocalRunner::cancel(submitted.runDirectory, 3));
        const RunRecord run = waitFor(submitted.id, 15000);
        QCOMPARE(RunStatusInfo::key(run.status), QStringLiteral("Canceled"));
        QVERIFY(timer.elapsed() < 15000);
    }

    void maxRunDuration()
    {
        makeProject(project(QStringLiteral("p")), "import time\ntime.sleep(60)\n", "maxRunDurationSeconds: 2\n");
        QElapsedTimer timer;
        timer.start();
        const RunRecord run = waitFor(submit(project(QStringLiteral("p"))).id, 30000);
        QCOMPARE(RunStatusInfo::key(run.status), QStringLiteral("Failed"));
        QCOMPARE(run.statusReason, QStringLiteral("exceeded maxRunDurationSeconds"));
        QVERIFY(timer.elapsed() < 20000);
    }

    void clientGoneMidRun()
    {
        // The client reads part of the run, goes away; the run finishes alone; a new client
        // reconciles it with every metric exactly once.
        makeProject(project(QStringLiteral("p")), metricsScript);
        const RunRecord submitted = submit(project(QStringLiteral("p")), {QStringLiteral("40"), QStringLiteral("0.05")});
        {
            RunMonitor monitor(m_workspace.get());
            QTRY_VERIFY_WITH_TIMEOUT(monitor.poll(submitted.id).ok() && RunStore(*m_workspace).metrics(submitted.id).value().size() > 10, 20000);
        }
        const qint64 partial = RunStore(*m_workspace).metrics(submitted.id).value().size();
        QVERIFY(partial < 80);
        m_workspace.reset(); // the client quits

        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(submitted.runDirectory + QStringLiteral("/.trainyard/exit_code")), 30000);
        auto reopened = Workspace::open(m_temp->filePath(QStringLiteral("ws")));
        QVERIFY(reopened);
        m_workspace = std::move(reopened).value();
        const RunRecord run = waitFor(submitted.id);
        QCOMPARE(RunStatusInfo::key(run.status), QStringLiteral("Completed"));
        QCOMPARE(metricDump(run.id, QStringLiteral("loss")).size(), 40);
        QCOMPARE(metricDump(run.id, QStringLiteral("accuracy")).size(), 40);
        QCOMPARE(duplicateMetrics(run.id), 0);
        // Implicit steps count earlier values: 0..39.
        QCOMPARE(metricDump(run.id, QStringLiteral("loss")).first(), QStringLiteral("0=1"));
        QCOMPARE(metricDump(run.id, QStringLiteral("loss")).last(), QStringLiteral("39=0.025"));
    }

    void twoMonitorsAtOnce()
    {
        // Two separate processes follow the same run (trainyard-cli run wait, twice).
        makeProject(project(QStringLiteral("p")), metricsScript);
        const RunRecord submitted = submit(project(QStringLiteral("p")), {QStringLiteral("300"), QStringLiteral("0.01")});
        QProcess first;
        QProcess second;
        for (QProcess *client : {&first, &second}) {
            client->start(QStringLiteral(TRAINYARD_CLI), {QStringLiteral("-w"), m_workspace->location(), QStringLiteral("run"),
                                                         QStringLiteral("wait"), submitted.id});
            QVERIFY(client->waitForStarted());
        }
        for (QProcess *client : {&first, &second}) {
            QVERIFY(client->waitForFinished(90000));
            QVERIFY2(client->exitCode() == 0, client->readAllStandardError().constData());
        }
        const RunRecord run = RunStore(*m_workspace).run(submitted.id).value();
        QCOMPARE(RunStatusInfo::key(run.status), QStringLiteral("Completed"));
        QCOMPARE(metricDump(run.id, QStringLiteral("loss")).size(), 300);
        QCOMPARE(metricDump(run.id, QStringLiteral("accuracy")).size(), 300);
        QCOMPARE(duplicateMetrics(run.id), 0);
        // One of them finalized it: the history has one Finalizing and one Completed.
        QStringList history;
        for (const RunStatusChange &change : RunStore(*m_workspace).statusHistory(run.id).value())
            history << RunStatusInfo::key(change.status);
        QCOMPARE(history.count(QStringLiteral("Completed")), 1);
        QCOMPARE(history.count(QStringLiteral("Finalizing")), 1);
    }

    void argumentsArriveVerbatim()
    {
        makeProject(project(QStringLiteral("p")), "import json, sys\njson.dump(sys.argv[1:], open('outputs/args.json', 'w'))\n");
        const QStringList hostile{QStringLiteral("; touch /tmp/trainyard-pwned"), QStringLiteral("$(id)"), QStringLiteral("`id`"),
                                  QStringLiteral("it's \"quoted\""), QStringLiteral("two words"), QStringLiteral("line\nbreak"),
                                  QStringLiteral("ünïcødé ✓"), QStringLiteral("$HOME"), QStringLiteral("*"), QString(), QStringLiteral("--flag=a b")};
        QFile::remove(QStringLiteral("/tmp/trainyard-pwned"));
        const RunRecord run = waitFor(submit(project(QStringLiteral("p")), hostile).id);
        QCOMPARE(RunStatusInfo::key(run.status), QStringLiteral("Completed"));
        const QJsonArray received = QJsonDocument::fromJson(readFile(run.runDirectory + QStringLiteral("/outputs/args.json"))).array();
        QStringList texts;
        for (const QJsonValue &value : received)
            texts << value.toString();
        QCOMPARE(texts, hostile);
        QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/trainyard-pwned")));
    }

    void environmentOfTheScript()
    {
        makeProject(project(QStringLiteral("p")),
                    "import json, os\nkeys = ['TRAINYARD_RUN_ID', 'TRAINYARD_EXPERIMENT', 'TRAINYARD_METRICS_FILE', 'TRAINYARD_OUTPUTS_DIR', 'MY_SETTING']\n"
                    "json.dump({k: os.environ.get(k) for k in keys}, open('outputs/env.json', 'w'))\n",
                    "  environmentVariables:\n    MY_SETTING: \"it's $(not) expanded\"\n");
        const RunRecord run = waitFor(submit(project(QStringLiteral("p"))).id);
        QCOMPARE(RunStatusInfo::key(run.status), QStringLiteral("Completed"));
        const QJsonObject env = QJsonDocument::fromJson(readFile(run.runDirectory + QStringLiteral("/outputs/env.json"))).object();
        QCOMPARE(env.value(QStringLiteral("TRAINYARD_RUN_ID")).toString(), run.id);
        QCOMPARE(env.value(QStringLiteral("TRAINYARD_EXPERIMENT")).toString(), QStringLiteral("tests"));
        QCOMPARE(env.value(QStringLiteral("TRAINYARD_METRICS_FILE")).toString(), run.runDirectory + QStringLiteral("/.trainyard/metrics.jsonl"));
        QCOMPARE(env.value(QStringLiteral("TRAINYARD_OUTPUTS_DIR")).toString(), run.runDirectory + QStringLiteral("/outputs"));
        QCOMPARE(env.value(QStringLiteral("MY_SETTING")).toString(), QStringLiteral("it's $(not) expanded"));
    }

    void condaWithoutConda()
    {
        // userManagedDependencies: false with no conda installed fails with a way out.
        writeFile(project(QStringLiteral("p")) + QStringLiteral("/train.py"), "print(1)\n");
        writeFile(project(QStringLiteral("p")) + QStringLiteral("/conda.yml"), "name: x\ndependencies: [python=3.11]\n");
        writeFile(project(QStringLiteral("p")) + QStringLiteral("/.azureml/local.runconfig"),
                  "script: train.py\nenvironment:\n  python:\n    userManagedDependencies: false\n    condaDependenciesFile: conda.yml\n");
        // A PATH without any conda, whatever this machine has installed elsewhere.
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/usr/bin:/bin");
        const RunRecord run = submit(project(QStringLiteral("p")));
        qputenv("PATH", path);
        QCOMPARE(RunStatusInfo::key(run.status), QStringLiteral("Failed"));
        QVERIFY2(run.statusReason.contains(QStringLiteral("neither conda nor mamba is on PATH")), qPrintable(run.statusReason));
    }

    void badRunConfigurationIsRefusedBeforeARunExists()
    {
        writeFile(project(QStringLiteral("p")) + QStringLiteral("/.azureml/local.runconfig"), "script: missing.py\nenvironment: {python: {userManagedDependencies: true, interpreterPath: python3}}\n");
        RunSubmitter submitter(*m_workspace);
        SubmitRequest request;
        request.experiment = QStringLiteral("tests");
        request.sourceDirectory = project(QStringLiteral("p"));
        request.runConfiguration = QStringLiteral("local");
        const auto outcome = submitter.submit(request);
        QVERIFY(!outcome);
        QVERIFY2(outcome.errorMessage().contains(QStringLiteral("The script “missing.py” does not exist")), qPrintable(outcome.errorMessage()));
        QCOMPARE(RunStore(*m_workspace).runs().value().size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_LocalRuns)
#include "tst_localruns.moc"
