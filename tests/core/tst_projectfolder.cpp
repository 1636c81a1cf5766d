// Project folders in the shape `az ml folder attach` gives them.

#include "projectfolder.h"
#include "runconfigurationfile.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Trainyard;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_ProjectFolder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void attachTwiceOverwritesNothing()
    {
        QTemporaryDir temp;
        auto workspace = Workspace::open(temp.filePath(QStringLiteral("ws")));
        QVERIFY(workspace);
        ComputeTarget box;
        box.name = QStringLiteral("gpu-box");
        box.type = ComputeTarget::Type::Remote;
        QVERIFY((*workspace)->addComputeTarget(box));
        const QString project = temp.filePath(QStringLiteral("mnist"));
        QVERIFY(QDir().mkpath(project));

        const auto first = ProjectFolder::attach(project, QString(), **workspace);
        QVERIFY2(first, qPrintable(first.errorMessage()));
        QCOMPARE(first->created, (QStringList{QStringLiteral(".azureml/local.runconfig"), QStringLiteral(".azureml/gpu-box.runconfig"),
                                              QStringLiteral(".azureml/conda_dependencies.yml"), QStringLiteral(".azureml/config.json")}));
        QCOMPARE(first->kept, QStringList());
        QCOMPARE(ProjectFolder::experimentName(project), QStringLiteral("mnist"));

        // Every file it wrote loads cleanly; the per-target runconfig names its target.
        const auto remote = RunConfigurationFile::load(project + QStringLiteral("/.azureml/gpu-box.runconfig"));
        QVERIFY(remote.ok());
        QCOMPARE(remote.configuration->target.value(), QStringLiteral("gpu-box"));

        // The user edits a file; a second attach keeps it and everything else.
        const QString local = project + QStringLiteral("/.azureml/local.runconfig");
        writeFile(local, "script: mine.py\n");
        const auto second = ProjectFolder::attach(project, QStringLiteral("other"), **workspace);
        QVERIFY(second);
        QCOMPARE(second->created, QStringList());
        QCOMPARE(second->kept.size(), 4);
        QCOMPARE(readFile(local), QByteArray("script: mine.py\n"));
        QCOMPARE(ProjectFolder::experimentName(project), QStringLiteral("mnist"));
    }

    void olderLayoutIsUsedAsItIs()
    {
        QTemporaryDir temp;
        auto workspace = Workspace::open(temp.filePath(QStringLiteral("ws")));
        QVERIFY(workspace);
        const QString project = temp.filePath(QStringLiteral("legacy"));
        writeFile(project + QStringLiteral("/aml_config/local.runconfig"), "script: old.py\n");
        QCOMPARE(ProjectFolder::configDirectory(project), project + QStringLiteral("/aml_config"));
        const auto report = ProjectFolder::attach(project, QStringLiteral("legacy-exp"), **workspace);
        QVERIFY(report);
        QCOMPARE(report->kept, QStringList{QStringLiteral("aml_config/local.runconfig")});
        QVERIFY(!QFileInfo::exists(project + QStringLiteral("/.azureml")));
        QCOMPARE(ProjectFolder::experimentName(project), QStringLiteral("legacy-exp"));
    }

    void findRunConfiguration()
    {
        QTemporaryDir temp;
        const QString project = temp.path();
        writeFile(project + QStringLiteral("/.azureml/local.runconfig"), "script: a.py\n");
        writeFile(project + QStringLiteral("/aml_config/local.runconfig"), "script: b.py\n");
        writeFile(project + QStringLiteral("/aml_config/old.runconfig"), "script: c.py\n");
        writeFile(project + QStringLiteral("/configs/custom.runconfig"), "script: d.py\n");

        QCOMPARE(ProjectFolder::findRunConfiguration(project, QStringLiteral("local")).value(),
                 project + QStringLiteral("/.azureml/local.runconfig"));
        QCOMPARE(ProjectFolder::findRunConfiguration(project, QStringLiteral("old")).value(),
                 project + QStringLiteral("/aml_config/old.runconfig"));
        QCOMPARE(ProjectFolder::findRunConfiguration(project, QStringLiteral("configs/custom.runconfig")).value(),
                 project + QStringLiteral("/configs/custom.runconfig"));
        const auto missing = ProjectFolder::findRunConfiguration(project, QStringLiteral("gpu"));
        QVERIFY(!missing);
        QCOMPARE(missing.errorMessage(), QStringLiteral("There is no run configuration “gpu” in %1: looked for .azureml/gpu.runconfig "
                                                        "and aml_config/gpu.runconfig.").arg(project));
        QCOMPARE(ProjectFolder::runConfigurations(project).size(), 3);
        QCOMPARE(ProjectFolder::projectFolderOf(project + QStringLiteral("/.azureml/local.runconfig")), project);
        QCOMPARE(ProjectFolder::projectFolderOf(project + QStringLiteral("/configs/custom.runconfig")), project + QStringLiteral("/configs"));
    }

    void missingFolder()
    {
        QTemporaryDir temp;
        auto workspace = Workspace::open(temp.filePath(QStringLiteral("ws")));
        QVERIFY(workspace);
        const auto report = ProjectFolder::attach(temp.filePath(QStringLiteral("nope")), QString(), **workspace);
        QVERIFY(!report);
        QCOMPARE(report.errorMessage(), QStringLiteral("The project folder %1 does not exist.").arg(temp.filePath(QStringLiteral("nope"))));
    }
};

QTEST_GUILESS_MAIN(tst_ProjectFolder)
#include "tst_projectfolder.moc"
