#include "computetarget.h"

#include <QJsonArray>
#include <QTest>

using namespace Trainyard;

class tst_ComputeTarget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validateName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("problem");
        QTest::newRow("simple") << QStringLiteral("gpu") << QString();
        QTest::newRow("hyphens and digits") << QStringLiteral("gpu-box-01") << QString();
        QTest::newRow("24 characters") << QStringLiteral("a23456789012345678901234") << QString();
        QTest::newRow("upper case") << QStringLiteral("TrainerA") << QString();
        QTest::newRow("empty") << QString() << QStringLiteral("A compute target needs a name.");
        QTest::newRow("two characters") << QStringLiteral("ab")
                                        << QStringLiteral("The name “ab” has 2 character(s); a compute target name needs 3 to 24.");
        QTest::newRow("25 characters") << QStringLiteral("a234567890123456789012345")
                                       << QStringLiteral("The name “a234567890123456789012345” has 25 character(s); a compute target name needs 3 to 24.");
        QTest::newRow("starts with digit") << QStringLiteral("1gpu") << QStringLiteral("The name “1gpu” must start with a letter.");
        QTest::newRow("starts with hyphen") << QStringLiteral("-gpu") << QStringLiteral("The name “-gpu” must start with a letter.");
        QTest::newRow("underscore") << QStringLiteral("gpu_box")
                                    << QStringLiteral("The name “gpu_box” may contain only letters, digits and hyphens (-).");
        QTest::newRow("space") << QStringLiteral("gpu box")
                               << QStringLiteral("The name “gpu box” may contain only letters, digits and hyphens (-).");
        QTest::newRow("path") << QStringLiteral("../etc")
                              << QStringLiteral("The name “../etc” may contain only letters, digits and hyphens (-).");
        QTest::newRow("non-ASCII letter") << QStringLiteral("gpuß")
                                          << QStringLiteral("The name “gpuß” may contain only letters, digits and hyphens (-).");
        QTest::newRow("reserved") << QStringLiteral("local")
                                  << QStringLiteral("The name “local” is reserved for this workstation; choose another name.");
        QTest::newRow("reserved, any case") << QStringLiteral("LOCAL")
                                            << QStringLiteral("The name “LOCAL” is reserved for this workstation; choose another name.");
    }

    void validateName()
    {
        QFETCH(QString, name);
        QFETCH(QString, problem);
        QCOMPARE(ComputeTarget::validateName(name), problem);
    }

    void keysRoundTrip()
    {
        for (auto type : {ComputeTarget::Type::Local, ComputeTarget::Type::Remote, ComputeTarget::Type::Slurm})
            QCOMPARE(ComputeTarget::typeFromKey(ComputeTarget::typeKey(type)), type);
        QVERIFY(!ComputeTarget::typeFromKey(QStringLiteral("kubernetes")));
        using S = ComputeTarget::ProvisioningState;
        for (auto state : {S::Creating, S::Updating, S::Deleting, S::Succeeded, S::Failed, S::Canceled})
            QCOMPARE(ComputeTarget::stateFromKey(ComputeTarget::stateKey(state)), state);
        QCOMPARE(ComputeTarget::stateFromKey(QStringLiteral("succeeded")), S::Succeeded);
        QCOMPARE(ComputeTarget::stateFromKey(QStringLiteral("whatever")), S::Unknown);
    }

    void summaries()
    {
        ComputeTarget remote;
        remote.name = QStringLiteral("gpu-box");
        remote.properties = QJsonObject{{QStringLiteral("address"), QStringLiteral("10.1.2.3")},
                                        {QStringLiteral("port"), 2222},
                                        {QStringLiteral("userName"), QStringLiteral("ann")},
                                        {QStringLiteral("cpuCount"), 16},
                                        {QStringLiteral("gpus"), QJsonArray{QStringLiteral("A100"), QStringLiteral("A100")}}};
        QCOMPARE(remote.address(), QStringLiteral("ann@10.1.2.3:2222"));
        QCOMPARE(remote.sizeFamily(), QStringLiteral("16 CPU(s), 2 GPU(s)"));
        QCOMPARE(remote.nodesText(), QStringLiteral("1 / 0 / 1"));

        ComputeTarget cluster;
        cluster.type = ComputeTarget::Type::Slurm;
        cluster.properties = QJsonObject{{QStringLiteral("vmSize"), QStringLiteral("cpu-8c-32g")},
                                         {QStringLiteral("nodesIdle"), 3},
                                         {QStringLiteral("nodesBusy"), 2},
                                         {QStringLiteral("nodesTotal"), 6}};
        QCOMPARE(cluster.sizeFamily(), QStringLiteral("cpu-8c-32g"));
        QCOMPARE(cluster.nodesText(), QStringLiteral("3 / 2 / 6"));

        // An attached partition (no VM family): its nodes' size when they are alike.
        ComputeTarget attached;
        attached.type = ComputeTarget::Type::Slurm;
        const QJsonObject node{{QStringLiteral("cpus"), 4}, {QStringLiteral("memoryBytes"), qint64(8) << 30}, {QStringLiteral("gpus"), 1}};
        attached.properties = QJsonObject{{QStringLiteral("nodeList"), QJsonArray{node, node}}};
        QCOMPARE(attached.sizeFamily(), QStringLiteral("4 CPU(s), 8.0 GB, 1 GPU(s)"));
        QJsonObject bigger = node;
        bigger.insert(QStringLiteral("cpus"), 8);
        attached.properties = QJsonObject{{QStringLiteral("nodeList"), QJsonArray{node, bigger}}};
        QCOMPARE(attached.sizeFamily(), QStringLiteral("mixed nodes"));

        // describe() shows every property: known ones with labels, unknown ones as they are.
        remote.properties.insert(QStringLiteral("customFact"), QStringLiteral("blue"));
        QStringList labels;
        for (const auto &[label, value] : remote.describe())
            labels << label + QLatin1Char('=') + value;
        QVERIFY(labels.contains(QStringLiteral("Address=10.1.2.3")));
        QVERIFY(labels.contains(QStringLiteral("SSH port=2222")));
        QVERIFY(labels.contains(QStringLiteral("GPUs=A100, A100")));
        QVERIFY(labels.contains(QStringLiteral("customFact=blue")));

        const QJsonObject json = remote.toJson();
        QCOMPARE(json.value(QStringLiteral("type")).toString(), QStringLiteral("remote"));
        QCOMPARE(json.value(QStringLiteral("nodes")).toObject().value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("properties")).toObject().value(QStringLiteral("port")).toInt(), 2222);
    }
};

QTEST_GUILESS_MAIN(tst_ComputeTarget)
#include "tst_computetarget.moc"
