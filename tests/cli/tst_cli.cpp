// trainyard-cli, the built binary, against temporary workspaces.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliResult runCli(const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TRAINYARD_CLI), arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    CliResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_temp.isValid());
        m_workspace = m_temp.filePath(QStringLiteral("ws"));
    }

    void workspaceShow()
    {
        const CliResult table = runCli({QStringLiteral("--workspace"), m_workspace, QStringLiteral("workspace"), QStringLiteral("show")});
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(table.err, QString());
        QVERIFY(table.out.contains(QStringLiteral("Location         ") + m_workspace));
        QVERIFY(table.out.contains(QStringLiteral("Compute targets  1")));

        const CliResult json = runCli({QStringLiteral("workspace"), QStringLiteral("show"), QStringLiteral("-w"), m_workspace,
                                       QStringLiteral("--output"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object.value(QStringLiteral("location")).toString(), m_workspace);
        QCOMPARE(object.value(QStringLiteral("database")).toString(), m_workspace + QStringLiteral("/workspace.db"));
        QCOMPARE(object.value(QStringLiteral("computeTargets")).toInt(), 1);
        QVERIFY(object.value(QStringLiteral("schemaVersion")).toInt() >= 1);
    }

    void computeTargetList()
    {
        const CliResult table = runCli({QStringLiteral("computetarget"), QStringLiteral("list"), QStringLiteral("-w"), m_workspace});
        QCOMPARE(table.exitCode, 0);
        const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("NAME   TYPE   STATE      NODES")));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("local  local  Succeeded  1 / 0 / 1")), qPrintable(lines.at(1)));

        const CliResult json = runCli({QStringLiteral("computetarget"), QStringLiteral("list"), QStringLiteral("-w"), m_workspace,
                                       QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(array.size(), 1);
        const QJsonObject local = array.at(0).toObject();
        QCOMPARE(local.value(QStringLiteral("name")).toString(), QStringLiteral("local"));
        QCOMPARE(local.value(QStringLiteral("type")).toString(), QStringLiteral("local"));
        QCOMPARE(local.value(QStringLiteral("provisioningState")).toString(), QStringLiteral("Succeeded"));
        QCOMPARE(local.value(QStringLiteral("properties")).toObject().value(QStringLiteral("hostName")).toString(),
                 QSysInfo::machineHostName());
    }

    void computeTargetShow()
    {
        const CliResult table = runCli({QStringLiteral("computetarget"), QStringLiteral("show"), QStringLiteral("local"),
                                        QStringLiteral("-w"), m_workspace});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains(QStringLiteral("Host name")));
        QVERIFY(table.out.contains(QSysInfo::machineHostName()));
        QVERIFY(table.out.contains(QStringLiteral("CPUs")));

        const CliResult json = runCli({QStringLiteral("computetarget"), QStringLiteral("show"), QStringLiteral("local"),
                                       QStringLiteral("-w"), m_workspace, QStringLiteral("--output=json")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("name")).toString(), QStringLiteral("local"));

        const CliResult missing = runCli({QStringLiteral("computetarget"), QStringLiteral("show"), QStringLiteral("nope"),
                                          QStringLiteral("-w"), m_workspace});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.out, QString());
        QCOMPARE(missing.err, QStringLiteral("trainyard-cli: There is no compute target named “nope” in this workspace.\n"));
    }

    void workspaceFromEnvironment()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const QString location = m_temp.filePath(QStringLiteral("from-env"));
        environment.insert(QStringLiteral("TRAINYARD_WORKSPACE"), location);
        const CliResult result = runCli({QStringLiteral("workspace"), QStringLiteral("show"), QStringLiteral("-o"), QStringLiteral("json")},
                                        environment);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(result.out.toUtf8()).object().value(QStringLiteral("location")).toString(), location);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{} << QStringLiteral("no command given");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command “frobnicate”");
        QTest::newRow("group only") << QStringList{QStringLiteral("computetarget")} << QStringLiteral("needs a subcommand");
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("computetarget"), QStringLiteral("explode")}
                                            << QStringLiteral("has no subcommand “explode”");
        QTest::newRow("missing name") << QStringList{QStringLiteral("computetarget"), QStringLiteral("show")}
                                      << QStringLiteral("needs NAME");
        QTest::newRow("extra argument") << QStringList{QStringLiteral("computetarget"), QStringLiteral("list"), QStringLiteral("extra")}
                                        << QStringLiteral("unexpected argument “extra”");
        QTest::newRow("bad output") << QStringList{QStringLiteral("computetarget"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("xml")}
                                    << QStringLiteral("unknown output format “xml”");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("computetarget"), QStringLiteral("list"), QStringLiteral("--colour")}
                                        << QStringLiteral("Unknown option 'colour'");
        QTest::newRow("unknown global option") << QStringList{QStringLiteral("--colour")} << QStringLiteral("unknown option “--colour”");
        QTest::newRow("missing option value") << QStringList{QStringLiteral("computetarget"), QStringLiteral("list"), QStringLiteral("--workspace")}
                                              << QStringLiteral("Missing value after '--workspace'");
        const QStringList create{QStringLiteral("computetarget"), QStringLiteral("create"), QStringLiteral("slurm"), QStringLiteral("-n"),
                                 QStringLiteral("pool"), QStringLiteral("--local"), QStringLiteral("--vm-size"), QStringLiteral("cpu-2c")};
        QTest::newRow("no max nodes") << create << QStringLiteral("create slurm needs --vm-size and --max-nodes.");
        QTest::newRow("zero max nodes") << create + QStringList{QStringLiteral("--max-nodes"), QStringLiteral("0")}
                                        << QStringLiteral("--max-nodes takes a whole number of at least 1, not “0”.");
        QTest::newRow("min above max") << create + QStringList{QStringLiteral("--max-nodes"), QStringLiteral("2"), QStringLiteral("--min-nodes"),
                                                               QStringLiteral("5")}
                                       << QStringLiteral("--min-nodes takes a whole number from 0 to --max-nodes (2), not “5”.");
        QTest::newRow("negative idle") << create + QStringList{QStringLiteral("--max-nodes"), QStringLiteral("2"),
                                                               QStringLiteral("--idle-seconds-before-scaledown"), QStringLiteral("-3")}
                                       << QStringLiteral("--idle-seconds-before-scaledown takes a whole number of seconds, not “-3”.");
        QTest::newRow("update max nodes") << QStringList{QStringLiteral("computetarget"), QStringLiteral("update"), QStringLiteral("pool"),
                                                         QStringLiteral("--max-nodes"), QStringLiteral("many")}
                                          << QStringLiteral("--max-nodes takes a whole number of at least 1, not “many”.");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliResult result = runCli(QStringList{QStringLiteral("-w"), m_workspace} + arguments);
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.out, QString());
        QVERIFY2(result.err.startsWith(QStringLiteral("trainyard-cli: ")), qPrintable(result.err));
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QCOMPARE(result.err.count(QLatin1Char('\n')), 1); // one line
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("top") << QStringList{QStringLiteral("--help")} << QStringLiteral("computetarget");
        QTest::newRow("group") << QStringList{QStringLiteral("computetarget"), QStringLiteral("--help")} << QStringLiteral("list");
        QTest::newRow("command") << QStringList{QStringLiteral("computetarget"), QStringLiteral("show"), QStringLiteral("-h")}
                                 << QStringLiteral("Usage: trainyard-cli computetarget show [options] NAME");
        QTest::newRow("workspace show") << QStringList{QStringLiteral("workspace"), QStringLiteral("show"), QStringLiteral("--help")}
                                        << QStringLiteral("--output <format>");
    }

    void help()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const CliResult result = runCli(arguments);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.err, QString());
        QVERIFY2(result.out.contains(expected), qPrintable(result.out));
    }

    void version()
    {
        const CliResult result = runCli({QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, QStringLiteral("trainyard-cli " TRAINYARD_VERSION "\n"));
    }

    void badWorkspaces_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("damaged") << QByteArray("this is not a database at all").repeated(100)
                                 << QStringLiteral("is not a Trainyard workspace database: it is damaged or another kind of file.");
        QByteArray newer(4096, '\0');
        newer.replace(0, 16, QByteArray("SQLite format 3\0", 16));
        newer[63] = 99;                                           // user_version = 99
        newer[68] = 'T'; newer[69] = 'Y'; newer[70] = 'A'; newer[71] = 'R'; // application_id
        QTest::newRow("newer") << newer << QStringLiteral("was written by a newer Trainyard (schema version 99");
    }

    void badWorkspaces()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir temp;
        const QString dbPath = temp.filePath(QStringLiteral("workspace.db"));
        QFile file(dbPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const QByteArray before = fileHash(dbPath);
        const CliResult result = runCli({QStringLiteral("computetarget"), QStringLiteral("list"), QStringLiteral("-w"), temp.path()});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.out, QString());
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
        QCOMPARE(fileHash(dbPath), before);
        QCOMPARE(QDir(temp.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
                 QStringList{QStringLiteral("workspace.db")});
    }

    void runconfigValidate()
    {
        QTemporaryDir project;
        const QString fixtures = QStringLiteral(TRAINYARD_SOURCE_DIR "/tests/fixtures/runconfig/");
        QDir().mkpath(project.filePath(QStringLiteral(".azureml")));
        QVERIFY(QFile::copy(fixtures + QStringLiteral("local.runconfig"), project.filePath(QStringLiteral(".azureml/local.runconfig"))));
        QVERIFY(QFile::copy(fixtures + QStringLiteral("invalid/bad-values.runconfig"), project.filePath(QStringLiteral("bad.runconfig"))));
        QFile script(project.filePath(QStringLiteral("train.py")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.close();

        // By name, found in .azureml/ of --path.
        const CliResult good = runCli({QStringLiteral("runconfig"), QStringLiteral("validate"), QStringLiteral("local"),
                                       QStringLiteral("--path"), project.path(), QStringLiteral("-w"), m_workspace});
        QCOMPARE(good.exitCode, 0);
        QCOMPARE(good.out, project.filePath(QStringLiteral(".azureml/local.runconfig")) + QStringLiteral(": no problems found.\n"));

        // Every problem of every file, compiler style, and exit code 1.
        const CliResult bad = runCli({QStringLiteral("runconfig"), QStringLiteral("validate"), project.filePath(QStringLiteral("bad.runconfig")),
                                      QStringLiteral(TRAINYARD_SOURCE_DIR "/tests/fixtures/runconfig/invalid/bad-indentation.runconfig"),
                                      QStringLiteral("-w"), m_workspace});
        QCOMPARE(bad.exitCode, 1);
        const QStringList lines = bad.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.at(0), project.filePath(QStringLiteral("bad.runconfig"))
                                  + QStringLiteral(":3:1: error: Unknown framework “Fortran”: use one of Python, PySpark, CNTK, TensorFlow, PyTorch."));
        QVERIFY(lines.at(2).contains(QStringLiteral(":5:1: error: “nodeCount” must be at least 1, not -1.")));
        QVERIFY(lines.at(4).endsWith(QStringLiteral("bad-indentation.runconfig:6:4: error: YAML syntax error (end of map not found): "
                                                    "check the indentation of this line and the one before it.")));

        const CliResult missing = runCli({QStringLiteral("runconfig"), QStringLiteral("validate"), QStringLiteral("gpu"),
                                          QStringLiteral("--path"), project.path(), QStringLiteral("-w"), m_workspace});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.out.startsWith(QStringLiteral("gpu: error: There is no run configuration “gpu”")));
    }

    void runconfigShow()
    {
        const QString file = QStringLiteral(TRAINYARD_SOURCE_DIR "/tests/fixtures/runconfig/minimal.runconfig");
        const CliResult yaml = runCli({QStringLiteral("runconfig"), QStringLiteral("show"), file});
        QCOMPARE(yaml.exitCode, 0);
        QCOMPARE(yaml.out, QStringLiteral("script: train.py\ntarget: local\nframework: Python\ncommunicator: None\nenvironment:\n"
                                          "  python:\n    userManagedDependencies: true\n    interpreterPath: python3\n"));
        const CliResult json = runCli({QStringLiteral("runconfig"), QStringLiteral("show"), file, QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("framework")).toString(), QStringLiteral("Python"));
        const CliResult table = runCli({QStringLiteral("runconfig"), QStringLiteral("show"), file, QStringLiteral("-o"), QStringLiteral("table")});
        QCOMPARE(table.exitCode, 2);
        QCOMPARE(table.err, QStringLiteral("trainyard-cli: “runconfig show” cannot write table: use --output yaml|json.\n"));
        const CliResult broken = runCli({QStringLiteral("runconfig"), QStringLiteral("show"),
                                         QStringLiteral(TRAINYARD_SOURCE_DIR "/tests/fixtures/runconfig/invalid/bad-indentation.runconfig")});
        QCOMPARE(broken.exitCode, 1);
        QCOMPARE(broken.out, QString());
        QVERIFY(broken.err.contains(QStringLiteral(":6:4: error: YAML syntax error")));
    }

    void folderAttach()
    {
        QTemporaryDir project;
        const QStringList arguments{QStringLiteral("folder"), QStringLiteral("attach"), QStringLiteral("--path"), project.path(),
                                    QStringLiteral("-e"), QStringLiteral("mnist"), QStringLiteral("-w"), m_workspace};
        const CliResult first = runCli(arguments);
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.startsWith(QStringLiteral("created .azureml/local.runconfig\ncreated .azureml/conda_dependencies.yml\n"
                                                     "created .azureml/config.json\n")), qPrintable(first.out));
        QFile local(project.filePath(QStringLiteral(".azureml/local.runconfig")));
        QVERIFY(local.open(QIODevice::ReadOnly));
        const QByteArray before = local.readAll();
        local.close();

        const CliResult second = runCli(arguments);
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.startsWith(QStringLiteral("kept    .azureml/local.runconfig (it exists; not overwritten)\n")), qPrintable(second.out));
        QCOMPARE(second.out.count(QStringLiteral("kept ")), 3);
        QCOMPARE(second.out.count(QStringLiteral("created ")), 0);
        QVERIFY(local.open(QIODevice::ReadOnly));
        QCOMPARE(local.readAll(), before);

        // What it made validates cleanly once the script exists.
        QFile script(project.filePath(QStringLiteral("train.py")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.close();
        const CliResult check = runCli({QStringLiteral("runconfig"), QStringLiteral("validate"), QStringLiteral("local"),
                                        QStringLiteral("--path"), project.path(), QStringLiteral("-w"), m_workspace});
        QVERIFY2(check.exitCode == 0, qPrintable(check.out));
    }

private:
    QTemporaryDir m_temp;
    QString m_workspace;
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
