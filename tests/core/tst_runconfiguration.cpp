// Run configuration files: the fixtures' round trip, both key spellings, every rule of
// REFERENCE.md §1 and the workspace checks, findings at the right line, and hostile input.

#include "computetarget.h"
#include "condadependencies.h"
#include "runconfigurationfile.h"
#include "runconfigurationvalidator.h"
#include "translationloader.h"
#include "yamldocument.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Trainyard;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(TRAINYARD_SOURCE_DIR "/tests/fixtures/runconfig/") + name;
}

// Findings as "line:col severity message" lines, sorted by position.
QStringList dump(QList<Finding> findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        return std::pair(a.position.line, a.position.column) < std::pair(b.position.line, b.position.column);
    });
    QStringList lines;
    for (const Finding &f : findings)
        lines << QStringLiteral("%1:%2 %3 %4").arg(f.position.line).arg(f.position.column).arg(Finding::severityName(f.severity), f.message);
    return lines;
}

QList<Finding> check(const QByteArray &yaml, const RunConfigurationValidator::Context &base = {})
{
    const auto loaded = RunConfigurationFile::parse(yaml, QStringLiteral("test.runconfig"));
    QList<Finding> findings = loaded.findings;
    if (loaded.configuration) {
        RunConfigurationValidator::Context context = base;
        context.fileName = QStringLiteral("test.runconfig");
        context.positions = loaded.positions;
        findings += RunConfigurationValidator::validate(*loaded.configuration, context);
    }
    return findings;
}

ComputeTarget target(const QString &name, ComputeTarget::Type type, int maxNodes = 0)
{
    ComputeTarget t;
    t.name = name;
    t.type = type;
    if (maxNodes > 0)
        t.properties.insert(QStringLiteral("maxNodes"), maxNodes);
    return t;
}

const QByteArray validBase = "script: train.py\n"
                             "target: local\n"
                             "environment:\n"
                             "  python:\n"
                             "    userManagedDependencies: true\n"
                             "    interpreterPath: python3\n";

} // namespace

class tst_RunConfiguration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Messages read as the CLI and the studio show them ("1 node", not "1 node(s)").
    void initTestCase() { QCOMPARE(TranslationLoader::install(QStringLiteral("en")), QStringLiteral("en")); }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *name : {"local.runconfig", "gpu-box.runconfig", "cluster-mpi.runconfig", "minimal.runconfig"})
            QTest::newRow(name) << fixture(QLatin1String(name));
    }

    void roundTrip()
    {
        QFETCH(QString, file);
        const auto loaded = RunConfigurationFile::load(file);
        QVERIFY2(loaded.configuration, qPrintable(dump(loaded.findings).join(QLatin1Char('\n'))));
        QCOMPARE(dump(loaded.findings), QStringList());

        // YAML: load -> save -> load gives an equal configuration.
        QTemporaryDir temp;
        const QString saved = temp.filePath(QStringLiteral("saved.runconfig"));
        QVERIFY(RunConfigurationFile::save(saved, *loaded.configuration));
        const auto again = RunConfigurationFile::load(saved);
        QVERIFY(again.configuration);
        QCOMPARE(dump(again.findings), QStringList());
        QVERIFY2(*again.configuration == *loaded.configuration, RunConfigurationFile::toYaml(*again.configuration).constData());
        // Saving what was loaded from the saved file changes nothing: the canonical form is stable.
        QCOMPARE(RunConfigurationFile::toYaml(*again.configuration), RunConfigurationFile::toYaml(*loaded.configuration));

        // JSON too.
        const auto fromJson = RunConfigurationFile::parse(RunConfigurationFile::toJson(*loaded.configuration));
        QVERIFY(fromJson.configuration);
        QVERIFY(*fromJson.configuration == *loaded.configuration);
    }

    void unknownKeysAreKept()
    {
        const auto loaded = RunConfigurationFile::load(fixture(QStringLiteral("gpu-box.runconfig")));
        QVERIFY(loaded.configuration);
        QCOMPARE(loaded.configuration->extra.value(QStringLiteral("experimentalFeatures")).toObject()
                     .value(QStringLiteral("keepMe")).toBool(), true);
        const QByteArray yaml = RunConfigurationFile::toYaml(*loaded.configuration);
        QVERIFY(yaml.contains("experimentalFeatures:\n  keepMe: true"));

        // Unknown keys inside known sections stay where they were.
        const auto nested = RunConfigurationFile::parse(validBase + "  futureSetting: [1, 2]\n");
        QVERIFY(nested.configuration);
        QCOMPARE(nested.configuration->environment->extra.value(QStringLiteral("futureSetting")).toArray().size(), 2);
        QVERIFY(RunConfigurationFile::toYaml(*nested.configuration).contains("futureSetting:"));
    }

    void typedValues()
    {
        const auto loaded = RunConfigurationFile::load(fixture(QStringLiteral("local.runconfig")));
        const RunConfiguration &c = *loaded.configuration;
        QCOMPARE(c.script.value(), QStringLiteral("train.py"));
        QCOMPARE(c.argumentList(), (QStringList{QStringLiteral("--epochs"), QStringLiteral("10"), QStringLiteral("--learning-rate"),
                                                QStringLiteral("0.05")}));
        QCOMPARE(c.framework, RunConfiguration::Framework::Python);
        QVERIFY(!c.maxRunDurationSeconds);
        QVERIFY(c.nullKeys.contains(QStringLiteral("maxRunDurationSeconds")));
        QCOMPARE(c.environment->environmentVariables->value(QStringLiteral("OMP_NUM_THREADS")), QStringLiteral("1"));
        QCOMPARE(c.environment->docker->shmSize.value(), QStringLiteral("1g"));
        QCOMPARE(c.history->directoriesToWatch.value(), QStringList{QStringLiteral("logs")});
        QCOMPARE(c.interpreterPath(), QStringLiteral("python3"));
        // A quoted '1' stays a string when written back.
        QVERIFY(RunConfigurationFile::toYaml(c).contains("OMP_NUM_THREADS: '1'"));
        QVERIFY(RunConfigurationFile::toYaml(c).contains("- 0.05\n"));
    }

    // Found by the fuzzer: a large whole number read as a float was written without a point or
    // exponent, and read back as an integer kept as text.
    void largeFloatsRoundTrip()
    {
        const auto loaded = RunConfigurationFile::parse("script: train.py\narguments: [90071992547409591.3, 1e300, -4.5e16, 0.5]\n");
        QVERIFY(loaded.configuration);
        const QByteArray written = RunConfigurationFile::toYaml(*loaded.configuration);
        QVERIFY2(written.contains("- 9.007199254740958e+16\n"), written.constData());
        const auto reloaded = RunConfigurationFile::parse(written);
        QVERIFY(reloaded.configuration);
        QVERIFY2(*reloaded.configuration == *loaded.configuration, written.constData());
    }

    void spellingsAndCase()
    {
        const auto lower = RunConfigurationFile::parse(validBase + "framework: pytorch\ncommunicator: openmpi\nmpi: {}\n"
                                                                   "amlcompute:\n  vmSize: cpu-8c\n  clusterMaxNodeCount: 3\n");
        QVERIFY(lower.configuration);
        QCOMPARE(dump(lower.findings), QStringList());
        QCOMPARE(lower.configuration->framework, RunConfiguration::Framework::PyTorch);
        QCOMPARE(lower.configuration->communicator, RunConfiguration::Communicator::Mpi);
        QCOMPARE(lower.configuration->amlcompute->vmSize.value(), QStringLiteral("cpu-8c"));
        // Written back with canonical camelCase keys and enum spellings.
        const QByteArray yaml = RunConfigurationFile::toYaml(*lower.configuration);
        QVERIFY(yaml.contains("amlCompute:\n  vmSize: cpu-8c"));
        QVERIFY(yaml.contains("framework: PyTorch"));
        QVERIFY(yaml.contains("communicator: Mpi"));
        // The position of a differently spelled key is found under its canonical path.
        QCOMPARE(lower.positions.value(QStringLiteral("amlCompute.vmSize")).line, 11);

        const auto camel = RunConfigurationFile::parse(validBase + "amlCompute:\n  vmSize: cpu-8c\n  clusterMaxNodeCount: 3\n");
        QCOMPARE(camel.configuration->amlcompute, lower.configuration->amlcompute);
    }

    void invalidFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("bad-indentation") << QStringLiteral("bad-indentation.runconfig")
            << QStringList{QStringLiteral("6:4 error YAML syntax error (end of map not found): check the indentation of this line and the one before it.")};
        QTest::newRow("bad-values") << QStringLiteral("bad-values.runconfig") << QStringList{
            QStringLiteral("3:1 error Unknown framework “Fortran”: use one of Python, PySpark, CNTK, TensorFlow, PyTorch."),
            QStringLiteral("4:1 error Unknown communicator “Carrier-Pigeon”: use one of None, ParameterServer, Gloo, Mpi, Nccl, IntelMpi."),
            QStringLiteral("5:1 error “nodeCount” must be at least 1, not -1."),
            QStringLiteral("6:1 error “maxRunDurationSeconds” must be a whole number of seconds, or empty for no limit, not “soon”.")};
        QTest::newRow("managed-without-conda") << QStringLiteral("managed-without-conda.runconfig") << QStringList{
            QStringLiteral("5:5 error With “userManagedDependencies: false” (the default) the environment is built with conda: name a "
                           "“condaDependenciesFile”, give “condaDependencies”, or set “userManagedDependencies: true” with an “interpreterPath”.")};
        QTest::newRow("mpi-without-section") << QStringLiteral("mpi-without-section.runconfig") << QStringList{
            QStringLiteral("3:1 error The communicator Mpi needs an “mpi” section (for example “mpi: processCountPerNode: 1”)."),
            QStringLiteral("4:1 error “nodeCount” is 2, but the target “local” has at most 1 node.")};
    }

    void invalidFixtures()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        QFile input(fixture(QStringLiteral("invalid/") + file));
        QVERIFY(input.open(QIODevice::ReadOnly));
        RunConfigurationValidator::Context context;
        context.targets = QList<ComputeTarget>{target(QStringLiteral("local"), ComputeTarget::Type::Local)};
        QCOMPARE(dump(check(input.readAll(), context)), expected);
    }

    void rules_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QStringList>("expected");
        const QByteArray managed = "script: train.py\nenvironment:\n  python:\n    userManagedDependencies: true\n";
        QTest::newRow("valid") << validBase << QStringList();
        QTest::newRow("no environment") << QByteArray("script: train.py\n")
            << QStringList{QStringLiteral("1:1 error The “environment” section is missing; at least “environment: python: interpreterPath: python3” "
                                          "with “userManagedDependencies: true” is needed.")};
        QTest::newRow("no script key") << QByteArray(validBase).replace("script: train.py\n", "")
            << QStringList{QStringLiteral("1:1 warning There is no “script” key: add “script: train.py”, or leave it empty in a template "
                                          "and name the script when you submit.")};
        QTest::newRow("empty script is a template") << QByteArray(validBase).replace("script: train.py", "script:") << QStringList();
        QTest::newRow("user-managed without interpreter") << managed
            << QStringList{QStringLiteral("4:5 error With “userManagedDependencies: true” an “interpreterPath” is needed (for example python3).")};
        QTest::newRow("conda inline is enough") << QByteArray("script: train.py\nenvironment:\n  python:\n    userManagedDependencies: false\n"
                                                              "    condaDependencies:\n      dependencies: [python=3.11]\n")
                                                << QStringList();
        QTest::newRow("pyspark without spark") << validBase + "framework: PySpark\n"
            << QStringList{QStringLiteral("7:1 error The framework PySpark needs a “spark” section.")};
        QTest::newRow("pyspark with spark") << validBase + "framework: pyspark\nspark:\n  configuration: {spark.executor.cores: 2}\n"
                                            << QStringList();
        QTest::newRow("tensorflow parameter server") << validBase + "framework: TensorFlow\ncommunicator: ParameterServer\n"
            << QStringList{QStringLiteral("8:1 error TensorFlow with the ParameterServer communicator needs a “tensorflow” section "
                                          "(workerCount, parameterServerCount).")};
        QTest::newRow("zero nodes") << validBase + "nodeCount: 0\n"
            << QStringList{QStringLiteral("7:1 error “nodeCount” must be at least 1, not 0.")};
        QTest::newRow("negative duration") << validBase + "maxRunDurationSeconds: -5\n"
            << QStringList{QStringLiteral("7:1 error “maxRunDurationSeconds” must be a positive number of seconds (or empty for no limit), not -5.")};
        QTest::newRow("fractional nodes") << validBase + "nodeCount: 1.5\n"
            << QStringList{QStringLiteral("7:1 error “nodeCount” must be a whole number of nodes, not “1.5”.")};
        QTest::newRow("bad variable names") << validBase + "  environmentVariables:\n    GOOD_NAME: x\n    2BAD: y\n    has-dash: z\n"
            << QStringList{QStringLiteral("9:5 error “2BAD” is not a valid environment variable name: use letters, digits and underscores, not starting with a digit."),
                           QStringLiteral("10:5 error “has-dash” is not a valid environment variable name: use letters, digits and underscores, not starting with a digit.")};
        QTest::newRow("arguments not a list") << validBase + "arguments: --epochs 10\n"
            << QStringList{QStringLiteral("7:1 error “arguments” must be a list, for example [--epochs, 10].")};
        QTest::newRow("nested argument") << validBase + "arguments: [--a, [1, 2]]\n"
            << QStringList{QStringLiteral("7:18 error Argument 2 must be a single value (a string or a number).")};
        QTest::newRow("boolean expected") << validBase + "history:\n  outputCollection: maybe\n"
            << QStringList{QStringLiteral("8:3 error “outputCollection” must be true or false, not “maybe”.")};
        QTest::newRow("duplicate key") << validBase + "script: train.py\n"
            << QStringList{QStringLiteral("7:1 error The key “script” appears twice; only the last value counts.")};
        QTest::newRow("bad priority") << validBase + "amlCompute:\n  vmPriority: cheap\n"
            << QStringList{QStringLiteral("8:3 error “vmPriority” must be dedicated or lowpriority.")};
        QTest::newRow("data reference mode") << validBase + "dataReferences:\n  input:\n    mode: teleport\n"
            << QStringList{QStringLiteral("9:5 error The data reference mode must be mount, download or upload, not “teleport”.")};
        QTest::newRow("not a map") << QByteArray("- just\n- a list\n")
            << QStringList{QStringLiteral("1:1 error A run configuration must be a map of keys such as “script:” and “environment:”, not a list.")};
        QTest::newRow("empty file") << QByteArray("# nothing here\n")
            << QStringList{QStringLiteral("1:1 error The file is empty: a run configuration needs at least “script” and “environment”.")};
        QTest::newRow("all at once") << QByteArray("script: train.py\nframework: Fortran\nnodeCount: 0\nenvironment:\n  python:\n"
                                                   "    userManagedDependencies: true\n  environmentVariables: {'9x': y}\n")
            << QStringList{QStringLiteral("2:1 error Unknown framework “Fortran”: use one of Python, PySpark, CNTK, TensorFlow, PyTorch."),
                           QStringLiteral("3:1 error “nodeCount” must be at least 1, not 0."),
                           QStringLiteral("6:5 error With “userManagedDependencies: true” an “interpreterPath” is needed (for example python3)."),
                           QStringLiteral("7:26 error “9x” is not a valid environment variable name: use letters, digits and underscores, not starting with a digit.")};
    }

    void rules()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QStringList, expected);
        RunConfigurationValidator::Context context;
        context.targets = QList<ComputeTarget>{target(QStringLiteral("local"), ComputeTarget::Type::Local)};
        QCOMPARE(dump(check(yaml, context)), expected);
    }

    void targets_data()
    {
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<bool>("inWorkspace");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("local, outside a workspace") << QByteArray() << false << QStringList();
        QTest::newRow("remote, outside a workspace") << QByteArray("target: gpu-box\n") << false
            << QStringList{QStringLiteral("2:1 warning The target “gpu-box” cannot be checked outside a workspace.")};
        QTest::newRow("unknown target") << QByteArray("target: nowhere\n") << true
            << QStringList{QStringLiteral("2:1 error There is no compute target “nowhere” in this workspace (it has: local, gpu-box, "
                                          "cpu-cluster); attach it first, or add an “amlCompute” section to create a cluster for this run.")};
        QTest::newRow("unknown target with amlCompute") << QByteArray("target: new-cluster\namlCompute:\n  vmSize: cpu\n") << true << QStringList();
        QTest::newRow("cluster within its limit") << QByteArray("target: cpu-cluster\nnodeCount: 4\n") << true << QStringList();
        QTest::newRow("cluster above its limit") << QByteArray("target: cpu-cluster\nnodeCount: 5\n") << true
            << QStringList{QStringLiteral("3:1 error “nodeCount” is 5, but the target “cpu-cluster” has at most 4 nodes.")};
        QTest::newRow("remote has one node") << QByteArray("target: gpu-box\nnodeCount: 2\n") << true
            << QStringList{QStringLiteral("3:1 error “nodeCount” is 2, but the target “gpu-box” has at most 1 node.")};
        QTest::newRow("above clusterMaxNodeCount") << QByteArray("target: x-cluster\nnodeCount: 3\namlCompute:\n  clusterMaxNodeCount: 2\n")
            << true << QStringList{QStringLiteral("3:1 error “nodeCount” is 3, above the cluster's “clusterMaxNodeCount” of 2.")};
    }

    void targets()
    {
        QFETCH(QByteArray, extra);
        QFETCH(bool, inWorkspace);
        QFETCH(QStringList, expected);
        // The base's "target: local" goes, so the extra lines decide; line numbers count from the top.
        QByteArray yaml = QByteArray(validBase).replace("target: local\n", "");
        yaml = yaml.left(yaml.indexOf('\n') + 1) + extra + yaml.mid(yaml.indexOf('\n') + 1);
        RunConfigurationValidator::Context context;
        if (inWorkspace) {
            context.targets = QList<ComputeTarget>{target(QStringLiteral("local"), ComputeTarget::Type::Local),
                                                   target(QStringLiteral("gpu-box"), ComputeTarget::Type::Remote),
                                                   target(QStringLiteral("cpu-cluster"), ComputeTarget::Type::Slurm, 4)};
        }
        QCOMPARE(dump(check(yaml, context)), expected);
    }

    void referencedFiles()
    {
        QTemporaryDir project;
        QVERIFY(QDir(project.path()).mkpath(QStringLiteral("src")));
        QFile script(project.filePath(QStringLiteral("src/train.py")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("print('hi')\n");
        script.close();
        QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), project.filePath(QStringLiteral("outside.py"))));
        RunConfigurationValidator::Context context;
        context.sourceDirectory = project.path();
        auto withScript = [](const QByteArray &script) { return QByteArray(validBase).replace("script: train.py", QByteArray("script: " + script)); };
        QCOMPARE(dump(check(withScript("src/train.py"), context)), QStringList());
        QCOMPARE(dump(check(withScript("./src/../src/train.py"), context)), QStringList());
        QCOMPARE(dump(check(withScript("train.py"), context)),
                 QStringList{QStringLiteral("1:1 error The script “train.py” does not exist in %1.").arg(project.path())});
        QCOMPARE(dump(check(withScript("../../etc/passwd"), context)),
                 QStringList{QStringLiteral("1:1 error The path “../../etc/passwd” leads outside the project folder.")});
        QCOMPARE(dump(check(withScript("/etc/passwd"), context)),
                 QStringList{QStringLiteral("1:1 error The path “/etc/passwd” is absolute; use a path relative to the project folder.")});
        QCOMPARE(dump(check(withScript("outside.py"), context)),
                 QStringList{QStringLiteral("1:1 error The path “outside.py” leads outside the project folder through a symbolic link.")});
        QCOMPARE(dump(check(withScript("src"), context)), QStringList{QStringLiteral("1:1 error The script “src” is not a file.")});

        // The conda file is checked when the environment is built from it.
        const QByteArray conda = "script: src/train.py\nenvironment:\n  python:\n    userManagedDependencies: false\n"
                                 "    condaDependenciesFile: .azureml/conda_dependencies.yml\n";
        QCOMPARE(dump(check(conda, context)),
                 QStringList{QStringLiteral("5:5 error The conda dependencies file “.azureml/conda_dependencies.yml” does not exist in %1.")
                                 .arg(project.path())});
    }

    void hostileInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QByteArray binary(2048, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char(i % 256);
        QTest::newRow("binary") << binary << QStringLiteral("This is not a text file (binary data at byte 0).");
        QTest::newRow("invalid UTF-8") << QByteArray("script: \xff\xfe train.py\n") << QStringLiteral("The file is not valid UTF-8 text.");
        QTest::newRow("deep nesting, flow") << QByteArray("a: ") + QByteArray(100000, '[') + QByteArray(100000, ']') << QStringLiteral("YAML syntax error");
        QByteArray blockDeep;
        for (int i = 0; i < 300; ++i)
            blockDeep += QByteArray(i * 2, ' ') + "k" + QByteArray::number(i) + ":\n";
        QTest::newRow("deep nesting, block") << blockDeep << QStringLiteral("Values are nested more than 100 levels deep.");
        QByteArray bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i < 12; ++i) {
            bomb += "a" + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [";
            for (int j = 0; j < 10; ++j)
                bomb += (j ? ", *a" : "*a") + QByteArray::number(i - 1);
            bomb += "]\n";
        }
        QTest::newRow("billion laughs") << bomb << QStringLiteral("The file expands to more than 20000 values");
        QTest::newRow("undefined alias") << QByteArray("script: *nothing\n") << QStringLiteral("refers to an anchor");
        QTest::newRow("tabs") << QByteArray("script: train.py\nenvironment:\n\tpython: {}\n") << QStringLiteral("YAML syntax error");
        QTest::newRow("unclosed flow") << QByteArray("arguments: [--a, 1\n") << QStringLiteral("YAML syntax error");
        // Found by the fuzzer: yaml-cpp reads them, but writes U+FFFD in their place.
        QTest::newRow("U+FFFF raw") << QByteArray("script: train.py\ntarget: |\n  multi\n  l\xef\xbf\xbfscriptine\n")
                                    << QStringLiteral("The text holds the character U+FFFF, which YAML does not allow");
        QTest::newRow("U+FFFE escaped") << QByteArray("script: \"a\\uFFFEb\"\n")
                                        << QStringLiteral("The text holds the character U+FFFE, which YAML does not allow");
        QTest::newRow("U+FFFF in a key") << QByteArray("\xef\xbf\xbf: 1\n") << QStringLiteral("U+FFFF");
    }

    void hostileInput()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QElapsedTimer timer;
        timer.start();
        const auto loaded = RunConfigurationFile::parse(text, QStringLiteral("hostile.runconfig"));
        QVERIFY2(timer.elapsed() < 5000, "bounded time");
        QVERIFY(hasErrors(loaded.findings));
        QVERIFY2(loaded.findings.first().message.contains(message), qPrintable(loaded.findings.first().message));
        QCOMPARE(loaded.findings.first().file, QStringLiteral("hostile.runconfig"));
    }

    void hugeFile()
    {
        // 50 MB is refused before parsing, from memory and from disk.
        QTemporaryDir temp;
        const QString path = temp.filePath(QStringLiteral("huge.runconfig"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray line = "key_with_some_length: a value that is long enough to fill the line\n";
        for (qint64 written = 0; written < 50 * 1024 * 1024; written += line.size())
            file.write(line);
        file.close();
        QElapsedTimer timer;
        timer.start();
        const auto loaded = RunConfigurationFile::load(path);
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(!loaded.configuration);
        QCOMPARE(loaded.findings.size(), 1);
        QCOMPARE(loaded.findings.first().message, QStringLiteral("The file is 50.0 MB; a run configuration file may be at most 4 MB."));
        QCOMPARE(loaded.findings.first().toString(), path + QStringLiteral(": error: The file is 50.0 MB; a run configuration file may be at most 4 MB."));

        const auto missing = RunConfigurationFile::load(temp.filePath(QStringLiteral("absent.runconfig")));
        QCOMPARE(missing.findings.first().message, QStringLiteral("Cannot read the file: there is no such file."));
    }

    void condaRoundTrip()
    {
        const auto loaded = CondaDependencies::load(fixture(QStringLiteral("conda_dependencies.yml")));
        QVERIFY(loaded.dependencies);
        QCOMPARE(loaded.findings.size(), 0);
        const CondaDependencies &conda = *loaded.dependencies;
        QCOMPARE(conda.name, QStringLiteral("project_environment"));
        QCOMPARE(conda.dependencies, (QStringList{QStringLiteral("python=3.11"), QStringLiteral("scikit-learn")}));
        QCOMPARE(conda.pip.value(), QStringList{QStringLiteral("tqdm==4.66.1")});
        QCOMPARE(conda.channels, QStringList{QStringLiteral("conda-forge")});
        const auto again = CondaDependencies::parse(CondaDependencies::toYaml(conda));
        QVERIFY(again.dependencies);
        QCOMPARE(*again.dependencies, conda);
    }

    void resolvePlainScalars_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("empty") << QString() << QJsonValue(QJsonValue::Null);
        QTest::newRow("tilde") << QStringLiteral("~") << QJsonValue(QJsonValue::Null);
        QTest::newRow("true") << QStringLiteral("True") << QJsonValue(true);
        QTest::newRow("yes stays text") << QStringLiteral("yes") << QJsonValue(QStringLiteral("yes"));
        QTest::newRow("int") << QStringLiteral("-12") << QJsonValue(-12);
        QTest::newRow("float") << QStringLiteral("1e-3") << QJsonValue(0.001);
        QTest::newRow("version-like") << QStringLiteral("3.11.2") << QJsonValue(QStringLiteral("3.11.2"));
        QTest::newRow("huge int stays text") << QStringLiteral("123456789012345678901") << QJsonValue(QStringLiteral("123456789012345678901"));
    }

    void resolvePlainScalars()
    {
        QFETCH(QString, text);
        QFETCH(QJsonValue, value);
        QCOMPARE(YamlDocument::resolvePlainScalar(text), value);
    }
};

QTEST_GUILESS_MAIN(tst_RunConfiguration)
#include "tst_runconfiguration.moc"
