// Slurm access (core/slurm): the parsers and the validation on their own, then everything against
// a real one-node Slurm (tests/tools/slurmfixture): probe, partitions created/updated/deleted and
// refused to a user without operator rights with Slurm's own message, jobs running, waiting for a
// busy node with Slurm's reason, cancelled, and remembered after they left the queue; and the
// same probe through a real sshd on 127.0.0.1 (tests/tools/sshdfixture).

#include "localcommandrunner.h"
#include "shellquote.h"
#include "slurmclient.h"
#include "sshcommandrunner.h"
#include "sshconnection.h"
#include "tools/slurmfixture.h"
#include "tools/sshdfixture.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Trainyard;

namespace {

const QString Separator(SlurmClient::FieldSeparator);

// Fields joined with the separator sinfo/squeue print with the client's formats.
QByteArray fields(const QStringList &values)
{
    return values.join(Separator).toUtf8() + '\n';
}

QString describe(const SlurmNode &node)
{
    return QStringList{node.name, node.address, node.slurmState, SlurmClient::nodeStateKey(node.state),
                       QString::number(node.cpus), QString::number(node.cpusAllocated), QString::number(node.memoryMegabytes),
                       node.gres, QString::number(node.gpus), node.features.join(QLatin1Char(',')),
                       node.partitions.join(QLatin1Char(',')), node.reason}
        .join(QLatin1Char('|'));
}

QString describe(const SlurmPartition &partition)
{
    return QStringList{partition.name, partition.isDefault ? QStringLiteral("default") : QStringLiteral("-"), partition.state,
                       partition.nodes, QString::number(partition.totalNodes), QString::number(partition.totalCpus),
                       QStringLiteral("max=%1").arg(partition.maxNodes), QStringLiteral("time=%1").arg(partition.maxTimeSeconds),
                       QStringLiteral("tier=%1").arg(partition.priorityTier), partition.qos}
        .join(QLatin1Char('|'));
}

QString describe(const SlurmJob &job)
{
    return QStringList{job.id, job.name, job.user, job.state, job.reason, job.partition, job.nodes,
                       QString::number(job.nodeCount), QString::number(job.exitCode), QString::number(job.signal)}
        .join(QLatin1Char('|'));
}

QString describe(const SlurmNodeShape &shape)
{
    return QStringList{shape.key(), QString::number(shape.gpus), shape.nodes.join(QLatin1Char(',')),
                       shape.partitions.join(QLatin1Char(','))}
        .join(QLatin1Char('|'));
}

template<typename T>
QStringList describeAll(const QList<T> &items)
{
    QStringList described;
    for (const T &item : items)
        described << describe(item);
    return described;
}

// Answers every command with the same output and remembers what was asked.
class RecordingRunner final : public CommandRunner
{
public:
    QList<QStringList> commands;
    CommandOutput answer{0, {}, {}};

    Result<CommandOutput> run(const QStringList &command, const QByteArray &, Milliseconds) override
    {
        commands << command;
        return answer;
    }
    QString hostDescription() const override { return QStringLiteral("the recorder"); }
};

} // namespace

#define VERIFY_OK(expression)                                                                             \
    do {                                                                                                  \
        const auto &verified = (expression);                                                              \
        QVERIFY2(verified.ok(), qPrintable(verified.errorMessage()));                                     \
    } while (false)

class tst_Slurm : public QObject
{
    Q_OBJECT

private:
    SlurmFixture m_slurm;
    LocalCommandRunner m_runner;
    SlurmClient m_client{m_runner};
    QStringList m_finishedJobs; // ids of jobs that ended, for jobInfo over all jobs

    // "STATE|reason" of the job in the user's queue, "" when it is not there.
    QString queued(SlurmClient &client, const QString &id)
    {
        auto jobs = client.queue();
        if (!jobs)
            return QStringLiteral("error: ") + jobs.errorMessage();
        for (const SlurmJob &job : *jobs) {
            if (job.id == id)
                return job.state + QLatin1Char('|') + job.reason;
        }
        return {};
    }
    QString submit(SlurmClient &client, const QStringList &options, const QByteArray &script)
    {
        auto id = client.submit(QStringList{QStringLiteral("-D"), m_slurm.jobsFolder(), QStringLiteral("-o"),
                                            m_slurm.jobsFolder() + QStringLiteral("/%j.out")}
                                    + options,
                                script);
        return id ? *id : QString();
    }
    // scontrol's own answer to a command run as `user`, for comparing messages.
    QString slurmSays(const QString &user, const QStringList &command)
    {
        const SlurmFixture::Output output =
            m_slurm.run(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), user, QStringLiteral("--")} + command);
        return QString::fromUtf8(output.standardError).trimmed();
    }
    QStringList partitionNames(SlurmClient &client)
    {
        QStringList names;
        auto partitions = client.partitions();
        for (const SlurmPartition &partition : partitions ? *partitions : QList<SlurmPartition>())
            names << partition.name;
        return names;
    }
    // sinfo's own view of a partition: "name|job size in nodes" (min-max), empty when absent.
    QString sinfoPartition(const QString &name)
    {
        const SlurmFixture::Output shown = m_slurm.run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-p"), name,
                                                                                 QStringLiteral("-o"), QStringLiteral("%R|%s")});
        return QString::fromUtf8(shown.standardOutput).trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString failed = m_slurm.start();
        if (!failed.isEmpty()) {
            // In full (QtTest cuts long failure messages): what failed and the daemons' logs.
            qCritical("%s", qPrintable(failed));
            QFAIL(qPrintable(failed.section(QLatin1Char('\n'), 0, 0)));
        }
    }

    // --- parsing and validation, no cluster needed ---------------------------------------------

    void parseNodes()
    {
        const QByteArray output = fields({QStringLiteral("n1"), QStringLiteral("10.0.0.1"), QStringLiteral("idle"), QStringLiteral("2"),
                                          QStringLiteral("0/2/0/2"), QStringLiteral("1000"), QStringLiteral("0"), QStringLiteral("(null)"),
                                          QStringLiteral("(null)"), QStringLiteral("debug*"), QStringLiteral("none")})
            // A node in two partitions comes twice.
            + fields({QStringLiteral("g1"), QStringLiteral("g1.cluster"), QStringLiteral("mixed"), QStringLiteral("64"),
                      QStringLiteral("16/48/0/64"), QStringLiteral("512000"), QStringLiteral("64000"),
                      QStringLiteral("gpu:a100:4(S:0-1)"), QStringLiteral("avx512,ib"), QStringLiteral("gpu"), QStringLiteral("none")})
            + fields({QStringLiteral("g1"), QStringLiteral("g1.cluster"), QStringLiteral("mixed"), QStringLiteral("64"),
                      QStringLiteral("16/48/0/64"), QStringLiteral("512000"), QStringLiteral("64000"),
                      QStringLiteral("gpu:a100:4(S:0-1)"), QStringLiteral("avx512,ib"), QStringLiteral("debug*"), QStringLiteral("none")})
            // A reason is free text, even with the separator in it.
            + fields({QStringLiteral("n2"), QStringLiteral("n2"), QStringLiteral("idle+drain"), QStringLiteral("2"),
                      QStringLiteral("0/0/2/2"), QStringLiteral("1000"), QStringLiteral("0"), QStringLiteral("(null)"),
                      QStringLiteral("(null)"), QStringLiteral("debug*"), QStringLiteral("bad | disk ") + Separator + QStringLiteral(" x=1")})
            + "too" + Separator.toUtf8() + "short\n";
        QCOMPARE(describeAll(SlurmClient::parseNodes(output)),
                 (QStringList{QStringLiteral("n1|10.0.0.1|idle|idle|2|0|1000||0||debug|"),
                              QStringLiteral("g1|g1.cluster|mixed|running|64|16|512000|gpu:a100:4(S:0-1)|4|avx512,ib|gpu,debug|"),
                              QStringLiteral("n2|n2|idle+drain|unusable|2|0|1000||0||debug|bad | disk ") + Separator + QStringLiteral(" x=1")}));
    }

    void nodeState_data()
    {
        QTest::addColumn<QString>("slurm");
        QTest::addColumn<QString>("state");
        const auto row = [](const char *slurm, const char *state) { QTest::newRow(slurm) << QString::fromLatin1(slurm) << QString::fromLatin1(state); };
        row("idle", "idle");
        row("allocated", "running");
        row("mixed", "running");
        row("idle+completing", "running");
        row("allocated+drain", "unusable");
        row("mixed+drain", "unusable");
        row("idle+drain", "unusable");
        row("down+not_responding", "unusable");
        row("idle+not_responding", "unusable");
        row("down", "unusable");
        row("idle+fail", "unusable");
        row("allocated+failing", "unusable");
        row("idle+cloud+powering_up", "preparing");
        row("allocated+powering_up", "preparing");
        row("idle+powering_down", "leaving");
        row("idle+power_down", "leaving");
        row("idle+cloud+powered_down", "poweredDown");
        row("unknown", "unknown");
        // sinfo's long and compact forms, with flag characters.
        row("IDLE", "idle");
        row("alloc#", "preparing");
        row("idle%", "leaving");
        row("idle~", "poweredDown");
        row("idle*", "unusable");
        row("down*", "unusable");
        row("drained", "unusable");
        row("draining", "unusable");
        row("mix", "running");
        row("", "unknown");
    }

    void nodeState()
    {
        QFETCH(QString, slurm);
        QFETCH(QString, state);
        QCOMPARE(SlurmClient::nodeStateKey(SlurmClient::nodeState(slurm)), state);
    }

    void gpuCount_data()
    {
        QTest::addColumn<QString>("gres");
        QTest::addColumn<int>("gpus");
        QTest::newRow("none") << QString() << 0;
        QTest::newRow("typed") << QStringLiteral("gpu:a100:4(S:0-1)") << 4;
        QTest::newRow("untyped") << QStringLiteral("gpu:2") << 2;
        QTest::newRow("bare") << QStringLiteral("gpu") << 1;
        QTest::newRow("mixed") << QStringLiteral("gpu:a100:4(S:0,1),gpu:v100:2,nic:1") << 6;
        QTest::newRow("no gpu") << QStringLiteral("nic:1,mps:100") << 0;
    }

    void gpuCount()
    {
        QFETCH(QString, gres);
        QFETCH(int, gpus);
        QCOMPARE(SlurmClient::gpuCount(gres), gpus);
    }

    void nodeShapes()
    {
        QList<SlurmNode> nodes;
        const auto add = [&nodes](const char *name, int cpus, qint64 memory, const char *gres, QStringList features, const char *partition) {
            SlurmNode node;
            node.name = QString::fromLatin1(name);
            node.cpus = cpus;
            node.memoryMegabytes = memory;
            node.gres = QString::fromLatin1(gres);
            node.gpus = SlurmClient::gpuCount(node.gres);
            node.features = features;
            node.partitions = {QString::fromLatin1(partition)};
            nodes << node;
        };
        add("c1", 8, 32000, "", {}, "cpu");
        add("g1", 64, 512000, "gpu:a100:4(S:0-1)", {QStringLiteral("ib"), QStringLiteral("avx512")}, "gpu");
        add("c2", 8, 32000, "", {}, "cpu");
        add("g2", 64, 512000, "gpu:a100:4(S:2-3)", {QStringLiteral("avx512"), QStringLiteral("ib")}, "gpu-long");
        add("c3", 8, 64000, "", {}, "cpu");
        QCOMPARE(describeAll(SlurmClient::nodeShapes(nodes)),
                 (QStringList{QStringLiteral("64cpu-512000mb-4gpu-gpu:a100:4-avx512+ib|4|g1,g2|gpu,gpu-long"),
                              QStringLiteral("8cpu-32000mb|0|c1,c2|cpu"), QStringLiteral("8cpu-64000mb|0|c3|cpu")}));
    }

    void parsePartitions()
    {
        const QByteArray output =
            "PartitionName=debug AllowGroups=ALL AllowAccounts=ALL AllowQos=ALL AllocNodes=ALL Default=YES QoS=N/A DefaultTime=NONE "
            "DisableRootJobs=NO ExclusiveUser=NO GraceTime=0 Hidden=NO MaxNodes=UNLIMITED MaxTime=UNLIMITED MinNodes=0 LLN=NO "
            "MaxCPUsPerNode=UNLIMITED Nodes=vm PriorityJobFactor=1 PriorityTier=1 RootOnly=NO ReqResv=NO OverSubscribe=NO "
            "OverTimeLimit=NONE PreemptMode=OFF State=UP TotalCPUs=2 TotalNodes=1 SelectTypeParameters=NONE JobDefaults=(null) "
            "DefMemPerNode=UNLIMITED MaxMemPerNode=UNLIMITED TRES=cpu=2,mem=1000M,node=1,billing=2\n"
            "PartitionName=gpu-low Default=NO QoS=low Hidden=NO MaxNodes=4 MaxTime=1-12:00:00 MinNodes=1 Nodes=g[01-08] "
            "PriorityTier=2 PreemptMode=REQUEUE State=DRAIN TotalCPUs=512 TotalNodes=8\n"
            "PartitionName=empty Default=NO MaxNodes=2 MaxTime=30:00 Nodes=(null) State=INACTIVE TotalCPUs=0 TotalNodes=0\n";
        QCOMPARE(describeAll(SlurmClient::parsePartitions(output)),
                 (QStringList{QStringLiteral("debug|default|UP|vm|1|2|max=-1|time=-1|tier=1|"),
                              QStringLiteral("gpu-low|-|DRAIN|g[01-08]|8|512|max=4|time=129600|tier=2|low"),
                              QStringLiteral("empty|-|INACTIVE||0|0|max=2|time=1800|tier=1|")}));
    }

    void parseKeyValues()
    {
        const QHash<QString, QString> node = SlurmClient::parseKeyValues(
            QStringLiteral("NodeName=vm Arch=x86_64 OS=Linux 6.1.0 #1 SMP PREEMPT_DYNAMIC Debian  RealMemory=1000 Reason=bad disk [root@2024] "));
        QCOMPARE(node.value(QStringLiteral("OS")), QStringLiteral("Linux 6.1.0 #1 SMP PREEMPT_DYNAMIC Debian"));
        QCOMPARE(node.value(QStringLiteral("RealMemory")), QStringLiteral("1000"));
        QCOMPARE(node.value(QStringLiteral("Reason")), QStringLiteral("bad disk [root@2024]"));
        // A job name may hold anything, " Key=" included.
        const QHash<QString, QString> job = SlurmClient::parseKeyValues(
            QStringLiteral("JobId=7 JobName=train x=1 JobState=EVIL UserId=alice(1000) JobState=PENDING AllocNode:Sid=login:42 CPUs/Task=1"));
        QCOMPARE(job.value(QStringLiteral("JobName")), QStringLiteral("train x=1 JobState=EVIL"));
        QCOMPARE(job.value(QStringLiteral("JobState")), QStringLiteral("PENDING"));
        QCOMPARE(job.value(QStringLiteral("AllocNode:Sid")), QStringLiteral("login:42"));
        QCOMPARE(job.value(QStringLiteral("CPUs/Task")), QStringLiteral("1"));
    }

    void parseJobs()
    {
        const QByteArray output =
            "JobId=1 JobName=my job UserId=root(0) GroupId=root(0) MCS_label=N/A Priority=4294901759 Nice=0 Account=(null) QOS=(null) "
            "JobState=FAILED Reason=NonZeroExitCode Dependency=(null) Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=3:0 "
            "RunTime=00:00:03 TimeLimit=365-00:00:00 TimeMin=N/A SubmitTime=2026-11-27T19:41:18 EligibleTime=2026-11-27T19:41:18 "
            "StartTime=2026-11-27T19:41:18 EndTime=2026-11-27T19:41:21 Deadline=N/A Partition=debug AllocNode:Sid=localhost:27122 "
            "ReqNodeList=(null) ExcNodeList=(null) NodeList=vm BatchHost=vm NumNodes=1 NumCPUs=1 NumTasks=1 CPUs/Task=1 "
            "Command=/tmp/a b/job.sh WorkDir=/tmp/a b StdOut=/tmp/a b/job-1.out Power= \n"
            "JobId=2 JobName=wait UserId=alice(1000) JobState=PENDING Reason=Resources ExitCode=0:0 SubmitTime=2026-11-27T19:41:19 "
            "StartTime=Unknown EndTime=Unknown Partition=debug NodeList=(null) NumNodes=2-2\n"
            "JobId=12 ArrayJobId=10 ArrayTaskId=2 JobName=sweep UserId=bob(1001) JobState=CANCELLED Reason=None ExitCode=0:15 "
            "Partition=gpu NodeList=g[01-02] NumNodes=2\n"
            "No jobs in the system\n";
        const QList<SlurmJob> jobs = SlurmClient::parseJobs(output);
        QCOMPARE(describeAll(jobs), (QStringList{QStringLiteral("1|my job|root|FAILED|NonZeroExitCode|debug|vm|1|3|0"),
                                                 QStringLiteral("2|wait|alice|PENDING|Resources|debug||2|-1|0"),
                                                 QStringLiteral("10_2|sweep|bob|CANCELLED||gpu|g[01-02]|2|0|15")}));
        QCOMPARE(jobs.at(0).ended, QDateTime(QDate(2026, 11, 27), QTime(19, 41, 21)));
        QVERIFY(!jobs.at(1).started.isValid());
    }

    void parseQueue()
    {
        const QByteArray output = fields({QStringLiteral("5"), QStringLiteral("RUNNING"), QStringLiteral("None"), QStringLiteral("debug"),
                                          QStringLiteral("1"), QStringLiteral("vm"), QStringLiteral("root"), QStringLiteral("a job")})
            + fields({QStringLiteral("6_3"), QStringLiteral("PENDING"), QStringLiteral("Priority"), QStringLiteral("gpu"),
                      QStringLiteral("2"), QString(), QStringLiteral("alice"), QStringLiteral("odd ") + Separator + QStringLiteral(" name")});
        QCOMPARE(describeAll(SlurmClient::parseQueue(output)),
                 (QStringList{QStringLiteral("5|a job|root|RUNNING||debug|vm|1|-1|0"),
                              QStringLiteral("6_3|odd ") + Separator + QStringLiteral(" name|alice|PENDING|Priority|gpu||2|-1|0")}));
    }

    void parseConfig()
    {
        const SlurmConfig config = SlurmClient::parseConfig(
            "Configuration data as of 2026-11-27T19:41:18\n"
            "AccountingStorageType   = accounting_storage/none\n"
            "ClusterName             = tyexp\n"
            "MinJobAge               = 300 sec\n"
            "SlurmUser               = slurm(64030)\n"
            "SLURM_VERSION           = 22.05.8\n"
            "SuspendTime             = 600 sec\n");
        QCOMPARE(config.version, QStringLiteral("22.05.8"));
        QCOMPARE(config.clusterName, QStringLiteral("tyexp"));
        QCOMPARE(config.slurmUser, QStringLiteral("slurm"));
        QCOMPARE(config.slurmUserId, 64030);
        QCOMPARE(config.suspendTimeSeconds, 600);
        QCOMPARE(config.minJobAgeSeconds, 300);
        QVERIFY(!config.hasAccounting());
        QCOMPARE(SlurmClient::parseConfig("SuspendTime = NONE\n").suspendTimeSeconds, -1);
        QCOMPARE(SlurmClient::parseVersion("slurm-wlm 22.05.8\n"), QStringLiteral("22.05.8"));
        QCOMPARE(SlurmClient::parseVersion("slurm 23.02.1\n"), QStringLiteral("23.02.1"));
        QCOMPARE(SlurmClient::parseVersion("bash: sinfo: command not found\n"), QString());
    }

    void parseDuration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("unlimited") << QStringLiteral("UNLIMITED") << qint64(-1);
        QTest::newRow("infinite") << QStringLiteral("INFINITE") << qint64(-1);
        QTest::newRow("minutes") << QStringLiteral("90") << qint64(5400);
        QTest::newRow("minutes:seconds") << QStringLiteral("30:15") << qint64(1815);
        QTest::newRow("hours:minutes:seconds") << QStringLiteral("02:00:05") << qint64(7205);
        QTest::newRow("days-hours") << QStringLiteral("2-3") << qint64(183600);
        QTest::newRow("days-h:m:s") << QStringLiteral("1-00:00:01") << qint64(86401);
        QTest::newRow("garbage") << QStringLiteral("soon") << qint64(-2);
    }

    void parseDuration()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        QCOMPARE(SlurmClient::parseDuration(text), seconds);
    }

    void partitionArguments_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("nodes");
        QTest::addColumn<int>("maxNodes");
        QTest::addColumn<QString>("arguments"); // or "invalid"
        const QStringList one{QStringLiteral("n1")};
        QTest::newRow("valid") << QStringLiteral("gpu-a100_2") << QStringList{QStringLiteral("n1"), QStringLiteral("n-2.x")} << 4
                               << QStringLiteral("PartitionName=gpu-a100_2 Nodes=n1,n-2.x MaxNodes=4 State=UP");
        QTest::newRow("unlimited") << QStringLiteral("p") << one << -1 << QStringLiteral("PartitionName=p Nodes=n1 MaxNodes=UNLIMITED State=UP");
        QTest::newRow("empty name") << QString() << one << 1 << QStringLiteral("invalid");
        QTest::newRow("space") << QStringLiteral("a MaxNodes=9") << one << 1 << QStringLiteral("invalid");
        QTest::newRow("semicolon") << QStringLiteral("x;rm -rf ~") << one << 1 << QStringLiteral("invalid");
        QTest::newRow("substitution") << QStringLiteral("$(id)") << one << 1 << QStringLiteral("invalid");
        QTest::newRow("quote") << QStringLiteral("a'b") << one << 1 << QStringLiteral("invalid");
        QTest::newRow("newline") << QStringLiteral("a\nb") << one << 1 << QStringLiteral("invalid");
        QTest::newRow("non-ascii") << QStringLiteral("grüne") << one << 1 << QStringLiteral("invalid");
        QTest::newRow("DEFAULT") << QStringLiteral("default") << one << 1 << QStringLiteral("invalid");
        QTest::newRow("node list in a name") << QStringLiteral("p") << QStringList{QStringLiteral("n1,n2")} << 1 << QStringLiteral("invalid");
        QTest::newRow("host list") << QStringLiteral("p") << QStringList{QStringLiteral("n[1-4]")} << 1 << QStringLiteral("invalid");
        QTest::newRow("option-like node") << QStringLiteral("p") << QStringList{QStringLiteral("-n1")} << 1 << QStringLiteral("invalid");
        QTest::newRow("no nodes") << QStringLiteral("p") << QStringList() << 1 << QStringLiteral("invalid");
        QTest::newRow("zero nodes") << QStringLiteral("p") << one << 0 << QStringLiteral("invalid");
    }

    void partitionArguments()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, nodes);
        QFETCH(int, maxNodes);
        QFETCH(QString, arguments);
        SlurmPartitionSettings settings;
        settings.name = name;
        settings.nodes = nodes;
        settings.maxNodes = maxNodes;
        auto built = SlurmClient::partitionArguments(settings, true);
        QCOMPARE(built ? built->join(QLatin1Char(' ')) : QStringLiteral("invalid"), arguments);

        // Nothing runs for a value that is refused.
        RecordingRunner recorder;
        SlurmClient client(recorder);
        auto created = client.createPartition(settings);
        QCOMPARE(created.ok(), arguments != QLatin1String("invalid"));
        if (!created.ok()) {
            QCOMPARE(int(created.error().kind), int(SlurmError::Kind::InvalidValue));
            QVERIFY(recorder.commands.isEmpty());
        } else {
            QCOMPARE(recorder.commands.value(0).join(QLatin1Char(' ')), QStringLiteral("scontrol create ") + arguments);
        }
    }

    void updateSetsOnlyWhatIsGiven()
    {
        SlurmPartitionSettings settings;
        settings.name = QStringLiteral("p");
        auto nothing = SlurmClient::partitionArguments(settings, false);
        QVERIFY(!nothing);
        settings.maxNodes = 3;
        settings.maxTimeSeconds = 3601; // Slurm counts minutes: rounded up
        settings.priorityTier = 2;
        settings.qos = QStringLiteral("low");
        settings.up = false;
        auto some = SlurmClient::partitionArguments(settings, false);
        VERIFY_OK(some);
        QCOMPARE(some->join(QLatin1Char(' ')), QStringLiteral("PartitionName=p MaxNodes=3 MaxTime=61 PriorityTier=2 QOS=low State=DOWN"));
        settings.qos = QStringLiteral("low; id");
        QVERIFY(!SlurmClient::partitionArguments(settings, false));
    }

    void otherValuesAreValidatedToo()
    {
        RecordingRunner recorder;
        SlurmClient client(recorder);
        QCOMPARE(int(client.deletePartition(QStringLiteral("a b")).error().kind), int(SlurmError::Kind::InvalidValue));
        QCOMPARE(int(client.cancel({QStringLiteral("12; rm -rf ~")}).error().kind), int(SlurmError::Kind::InvalidValue));
        QCOMPARE(int(client.jobInfo({QStringLiteral("-1")}).error().kind), int(SlurmError::Kind::InvalidValue));
        QCOMPARE(int(client.queue(QStringLiteral("$(id)")).error().kind), int(SlurmError::Kind::InvalidValue));
        QVERIFY(recorder.commands.isEmpty());
        VERIFY_OK(client.cancel({QStringLiteral("12"), QStringLiteral("13_4")}));
        QCOMPARE(recorder.commands.value(0), (QStringList{QStringLiteral("scancel"), QStringLiteral("12"), QStringLiteral("13_4")}));
    }

    void slurmMessagesComeBackVerbatim()
    {
        RecordingRunner recorder;
        SlurmClient client(recorder);
        recorder.answer = {1, {}, "Error creating the partition: Invalid user id\n"};
        SlurmPartitionSettings settings{QStringLiteral("p"), QStringList{QStringLiteral("n1")}, 1, {}, {}, {}, {}};
        auto refused = client.createPartition(settings);
        QVERIFY(!refused);
        QCOMPARE(int(refused.error().kind), int(SlurmError::Kind::Refused));
        QCOMPARE(refused.errorMessage(), QStringLiteral("Error creating the partition: Invalid user id"));
        QCOMPARE(refused.error().command, QStringLiteral("scontrol"));

        recorder.answer = {127, {}, "bash: line 1: sinfo: command not found\n"};
        auto missing = client.probe();
        QVERIFY(!missing);
        QCOMPARE(int(missing.error().kind), int(SlurmError::Kind::CommandMissing));
        QVERIFY2(missing.errorMessage().contains(QStringLiteral("sinfo: command not found")), qPrintable(missing.errorMessage()));
        QVERIFY2(missing.errorMessage().contains(QStringLiteral("the recorder")), qPrintable(missing.errorMessage()));
    }

    void sshCommandLineQuotesEverything()
    {
        auto line = SshCommandRunner::commandLine({QStringLiteral("sinfo"), QStringLiteral("-o"), QStringLiteral("%R $(id) 'x'; rm -rf ~")},
                                                  {{QStringLiteral("SLURM_CONF"), QStringLiteral("/tmp/a b'c/slurm.conf")}});
        VERIFY_OK(line);
        QCOMPARE(*line, QStringLiteral("SLURM_CONF='/tmp/a b'\\''c/slurm.conf' 'sinfo' '-o' '%R $(id) '\\''x'\\''; rm -rf ~'"));
        QVERIFY(!SshCommandRunner::commandLine({QStringLiteral("sinfo")}, {{QStringLiteral("A;B"), QStringLiteral("x")}}));
        QVERIFY(!SshCommandRunner::commandLine({QStringLiteral("sinfo")}, {{QStringLiteral("1A"), QStringLiteral("x")}}));
        QVERIFY(!SshCommandRunner::commandLine({}, {}));
    }

    // --- against the real cluster ----------------------------------------------------------------

    void probeShowsTheCluster()
    {
        QVERIFY(m_slurm.isRunning());
        auto probe = m_client.probe();
        VERIFY_OK(probe);
        const SlurmFixture::Output version = m_slurm.run(QStringLiteral("sinfo"), {QStringLiteral("--version")});
        QCOMPARE(probe->version, SlurmClient::parseVersion(version.standardOutput));
        QVERIFY2(probe->version.startsWith(QLatin1String("22.05")) || probe->version.section(QLatin1Char('.'), 0, 0).toInt() > 22,
                 qPrintable(probe->version));
        QCOMPARE(probe->config.version, probe->version);
        QCOMPARE(probe->config.clusterName, m_slurm.clusterName());
        QCOMPARE(probe->config.slurmUser, QStringLiteral("root"));
        QCOMPARE(probe->config.slurmUserId, 0);
        QCOMPARE(probe->config.suspendTimeSeconds, -1);
        QVERIFY(!probe->config.hasAccounting());

        const QString node = m_slurm.nodeName();
        QCOMPARE(describeAll(probe->partitions),
                 QStringList{QStringLiteral("debug|default|UP|%1|1|%2|max=-1|time=-1|tier=1|").arg(node).arg(m_slurm.cpus())});
        QCOMPARE(describeAll(probe->nodes),
                 QStringList{QStringLiteral("%1|%1|idle|idle|%2|0|%3||0||debug|").arg(node).arg(m_slurm.cpus()).arg(m_slurm.memoryMegabytes())});
        QCOMPARE(describeAll(probe->shapes()),
                 QStringList{QStringLiteral("%1cpu-%2mb|0|%3|debug").arg(m_slurm.cpus()).arg(m_slurm.memoryMegabytes()).arg(node)});
        QCOMPARE(probe->userName, QStringLiteral("root"));
        QCOMPARE(probe->userId, 0);
        QVERIFY(probe->isOperator);
        QCOMPARE(probe->operatorBasis, QStringLiteral("root"));
    }

    void partitionIsCreatedUpdatedAndDeleted()
    {
        const QString name = QStringLiteral("ty-test_1");
        SlurmPartitionSettings settings;
        settings.name = name;
        settings.nodes = QStringList{m_slurm.nodeName()};
        settings.maxNodes = 1;
        VERIFY_OK(m_client.createPartition(settings));
        QCOMPARE(sinfoPartition(name), name + QStringLiteral("|1")); // sinfo's job size: min-max nodes, "1" for 1-1
        auto partitions = m_client.partitions();
        VERIFY_OK(partitions);
        QCOMPARE(describeAll(*partitions).filter(name),
                 QStringList{QStringLiteral("%1|-|UP|%2|1|%3|max=1|time=-1|tier=1|").arg(name, m_slurm.nodeName()).arg(m_slurm.cpus())});
        auto nodes = m_client.nodes();
        VERIFY_OK(nodes);
        QCOMPARE(nodes->value(0).partitions, (QStringList{QStringLiteral("debug"), name}));

        // A second partition of the same name: Slurm says no, in its words.
        auto again = m_client.createPartition(settings);
        QVERIFY(!again);
        QCOMPARE(int(again.error().kind), int(SlurmError::Kind::Refused));
        QVERIFY(!again.errorMessage().isEmpty());

        SlurmPartitionSettings update;
        update.name = name;
        update.maxNodes = 2;
        update.maxTimeSeconds = 3600;
        update.priorityTier = 2;
        VERIFY_OK(m_client.updatePartition(update));
        partitions = m_client.partitions();
        VERIFY_OK(partitions);
        QCOMPARE(describeAll(*partitions).filter(name),
                 QStringList{QStringLiteral("%1|-|UP|%2|1|%3|max=2|time=3600|tier=2|").arg(name, m_slurm.nodeName()).arg(m_slurm.cpus())});
        QCOMPARE(sinfoPartition(name), name + QStringLiteral("|1-2"));

        VERIFY_OK(m_client.deletePartition(name));
        QCOMPARE(partitionNames(m_client), QStringList{QStringLiteral("debug")});
        QCOMPARE(sinfoPartition(name), QString());
        auto gone = m_client.deletePartition(name);
        QVERIFY(!gone);
        QCOMPARE(int(gone.error().kind), int(SlurmError::Kind::Refused));
    }

    void userWithoutOperatorRightsGetsSlurmsMessage()
    {
        LocalCommandRunner nobody({QStringLiteral("runuser"), QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--")});
        SlurmClient client(nobody);
        auto probe = client.probe();
        VERIFY_OK(probe);
        QCOMPARE(probe->userName, QStringLiteral("nobody"));
        QVERIFY(!probe->isOperator);
        QCOMPARE(probe->operatorBasis, QString());
        QCOMPARE(probe->nodes.size(), 1);

        SlurmPartitionSettings settings;
        settings.name = QStringLiteral("ty-denied");
        settings.nodes = QStringList{m_slurm.nodeName()};
        settings.maxNodes = 1;
        auto created = client.createPartition(settings);
        QVERIFY(!created);
        QCOMPARE(int(created.error().kind), int(SlurmError::Kind::Refused));
        // Exactly what scontrol itself says to that user (22.05: "Error creating the partition:
        // Invalid user id").
        const QString expected =
            slurmSays(QStringLiteral("nobody"), {QStringLiteral("scontrol"), QStringLiteral("create"), QStringLiteral("PartitionName=ty-denied"),
                                                 QStringLiteral("Nodes=") + m_slurm.nodeName(), QStringLiteral("MaxNodes=1"),
                                                 QStringLiteral("State=UP")});
        QVERIFY(expected.startsWith(QLatin1String("Error creating the partition")));
        QCOMPARE(created.errorMessage(), expected);
        QVERIFY(!partitionNames(m_client).contains(settings.name));

        auto deleted = client.deletePartition(QStringLiteral("debug"));
        QVERIFY(!deleted);
        QVERIFY2(deleted.errorMessage().contains(QLatin1String("delete_partition")), qPrintable(deleted.errorMessage()));
        QVERIFY(partitionNames(m_client).contains(QStringLiteral("debug")));
    }

    void jobRunsThenLeavesTheQueue()
    {
        const QString id = submit(m_client, {QStringLiteral("-J"), QStringLiteral("ty job 'one'")}, "#!/bin/sh\nsleep 3\necho done\n");
        QVERIFY(!id.isEmpty());
        const QString failingId = submit(m_client, {QStringLiteral("-J"), QStringLiteral("ty failing")}, "#!/bin/sh\nexit 3\n");
        QVERIFY(!failingId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(queued(m_client, id), QStringLiteral("RUNNING|"), 30000);
        auto jobs = m_client.queue();
        VERIFY_OK(jobs);
        QCOMPARE(describeAll(*jobs).filter(QRegularExpression(QStringLiteral("^%1\\|").arg(id))),
                 QStringList{QStringLiteral("%1|ty job 'one'|root|RUNNING||debug|%2|1|-1|0").arg(id, m_slurm.nodeName())});

        QTRY_COMPARE_WITH_TIMEOUT(queued(m_client, id), QString(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(queued(m_client, failingId), QString(), 30000);
        auto finished = m_client.jobInfo({id, failingId});
        VERIFY_OK(finished);
        QCOMPARE(describeAll(*finished),
                 (QStringList{QStringLiteral("%1|ty job 'one'|root|COMPLETED||debug|%2|1|0|0").arg(id, m_slurm.nodeName()),
                              QStringLiteral("%1|ty failing|root|FAILED|NonZeroExitCode|debug|%2|1|3|0").arg(failingId, m_slurm.nodeName())}));
        QVERIFY(finished->at(0).ended >= finished->at(0).started);
        QFile output(m_slurm.jobsFolder() + QLatin1Char('/') + id + QStringLiteral(".out"));
        QVERIFY(output.open(QIODevice::ReadOnly));
        QCOMPARE(output.readAll(), QByteArray("done\n"));
        m_finishedJobs << id << failingId;
    }

    void jobWaitsForABusyNodeWithSlurmsReason()
    {
        const QString cpus = QString::number(m_slurm.cpus());
        const QString busy = submit(m_client, {QStringLiteral("-J"), QStringLiteral("ty busy"), QStringLiteral("-c"), cpus,
                                               QStringLiteral("--exclusive")},
                                    "#!/bin/sh\nsleep 300\n");
        QVERIFY(!busy.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(queued(m_client, busy), QStringLiteral("RUNNING|"), 30000);
        const QString waiting = submit(m_client, {QStringLiteral("-J"), QStringLiteral("ty waiting")}, "#!/bin/sh\nsleep 1\n");
        QVERIFY(!waiting.isEmpty());
        // Slurm gives its reason once the scheduler has looked at the job.
        QTRY_VERIFY_WITH_TIMEOUT(queued(m_client, waiting) == QLatin1String("PENDING|Resources")
                                     || queued(m_client, waiting) == QLatin1String("PENDING|Priority"),
                                 30000);
        QCOMPARE(queued(m_client, busy), QStringLiteral("RUNNING|"));

        VERIFY_OK(m_client.cancel({busy, waiting}));
        QTRY_COMPARE_WITH_TIMEOUT(queued(m_client, busy), QString(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(queued(m_client, waiting), QString(), 30000);
        auto cancelled = m_client.jobInfo({busy, waiting});
        VERIFY_OK(cancelled);
        QStringList states;
        for (const SlurmJob &job : *cancelled)
            states << job.id + QLatin1Char(' ') + job.state;
        QCOMPARE(states, (QStringList{busy + QStringLiteral(" CANCELLED"), waiting + QStringLiteral(" CANCELLED")}));
        m_finishedJobs << busy << waiting;
    }

    void jobInfoForManyJobsTakesOneCall()
    {
        QVERIFY(m_finishedJobs.size() >= 4);
        // More jobs than are asked one by one, and one Slurm never had.
        auto jobs = m_client.jobInfo(m_finishedJobs + QStringList{QStringLiteral("999999")});
        VERIFY_OK(jobs);
        QStringList ids;
        for (const SlurmJob &job : *jobs)
            ids << job.id;
        ids.sort();
        QStringList expected = m_finishedJobs;
        expected.sort();
        QCOMPARE(ids, expected);
        auto unknown = m_client.jobInfo({QStringLiteral("999999")});
        VERIFY_OK(unknown);
        QVERIFY(unknown->isEmpty());
    }

    void probeThroughSsh()
    {
        SshdFixture sshd;
        const QString failed = sshd.setUp();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QTemporaryDir home;
        const QString knownHostsFile = home.filePath(QStringLiteral("known_hosts"));
        QFile known(knownHostsFile);
        QVERIFY(known.open(QIODevice::WriteOnly));
        known.write((SshKnownHosts::hostPattern(SshdFixture::host(), sshd.port()) + QLatin1Char(' ')
                     + sshd.publicKeyLine(SshdFixture::HostKey::Ed25519) + QLatin1Char('\n'))
                        .toUtf8());
        known.close();
        SshConnection connection(SshKnownHosts(knownHostsFile, home.filePath(QStringLiteral("user_known_hosts"))),
                                 {SshdFixture::host(), sshd.port(), SshdFixture::user()}, SshCredentials::withPassword(sshd.password()));
        // The login shell has no SLURM_CONF: the command line brings it.
        SshCommandRunner runner(connection, {{QStringLiteral("SLURM_CONF"), m_slurm.configFile()}});
        SlurmClient client(runner);

        auto probe = client.probe();
        VERIFY_OK(probe);
        auto local = m_client.probe();
        VERIFY_OK(local);
        QCOMPARE(probe->version, local->version);
        QCOMPARE(probe->config.clusterName, m_slurm.clusterName());
        QCOMPARE(describeAll(probe->partitions), describeAll(local->partitions));
        QCOMPARE(describeAll(probe->nodes), describeAll(local->nodes));
        QCOMPARE(probe->userName, SshdFixture::user());
        QVERIFY(!probe->isOperator);

        SlurmPartitionSettings settings;
        settings.name = QStringLiteral("ty-ssh");
        settings.nodes = QStringList{m_slurm.nodeName()};
        settings.maxNodes = 1;
        auto created = client.createPartition(settings);
        QVERIFY(!created);
        QCOMPARE(int(created.error().kind), int(SlurmError::Kind::Refused));
        QVERIFY2(created.errorMessage().startsWith(QLatin1String("Error creating the partition")), qPrintable(created.errorMessage()));

        // A job submitted over SSH (the script on stdin) runs as that user and is seen through SSH.
        const QString id = submit(client, {QStringLiteral("-J"), QStringLiteral("over ssh; $(id)")}, "#!/bin/sh\necho \"$USER\"\n");
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(queued(client, id), QString(), 30000);
        auto finished = client.jobInfo({id});
        VERIFY_OK(finished);
        QCOMPARE(describeAll(*finished),
                 QStringList{QStringLiteral("%1|over ssh; $(id)|%2|COMPLETED||debug|%3|1|0|0").arg(id, SshdFixture::user(), m_slurm.nodeName())});
        QFile output(m_slurm.jobsFolder() + QLatin1Char('/') + id + QStringLiteral(".out"));
        QVERIFY(output.open(QIODevice::ReadOnly));
        QCOMPARE(output.readAll().trimmed(), SshdFixture::user().toUtf8());
    }

    void cleanupTestCase()
    {
        m_slurm.stop();
        QVERIFY(!m_slurm.isRunning());
    }
};

QTEST_GUILESS_MAIN(tst_Slurm)
#include "tst_slurm.moc"
