#include "projectfolder.h"

#include "computetarget.h"
#include "condadependencies.h"
#include "runconfiguration.h"
#include "runconfigurationfile.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace Trainyard {

namespace {

const QLatin1String modernDir(".azureml");
const QLatin1String legacyDir("aml_config");

enum class WriteOutcome { Created, Kept, Failed };

// Creates `path` with `content` only when it does not exist (O_EXCL), so nothing is overwritten.
WriteOutcome writeNew(const QString &path, const QByteArray &content, QString *error)
{
    QFile file(path);
    if (file.exists())
        return WriteOutcome::Kept;
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (file.exists())
            return WriteOutcome::Kept;
        *error = file.errorString();
        return WriteOutcome::Failed;
    }
    if (file.write(content) != content.size() || !file.flush()) {
        *error = file.errorString();
        file.close();
        file.remove();
        return WriteOutcome::Failed;
    }
    return WriteOutcome::Created;
}

} // namespace

QString ProjectFolder::configDirectory(const QString &folder)
{
    const QDir dir(folder);
    if (QFileInfo(dir.filePath(modernDir)).isDir())
        return dir.filePath(modernDir);
    if (QFileInfo(dir.filePath(legacyDir)).isDir())
        return dir.filePath(legacyDir);
    return dir.filePath(modernDir);
}

QStringList ProjectFolder::runConfigurations(const QString &folder)
{
    QStringList files;
    for (const QLatin1String &name : {modernDir, legacyDir}) {
        const QDir dir(QDir(folder).filePath(name));
        const QStringList entries = dir.entryList({QStringLiteral("*.runconfig")}, QDir::Files, QDir::Name);
        for (const QString &entry : entries)
            files << QDir::cleanPath(dir.absoluteFilePath(entry));
    }
    return files;
}

Result<QString> ProjectFolder::findRunConfiguration(const QString &folder, const QString &nameOrPath)
{
    if (nameOrPath.isEmpty())
        return Error{tr("No run configuration was named.")};
    const QFileInfo direct(QDir(folder).absoluteFilePath(nameOrPath));
    const bool looksLikePath = nameOrPath.contains(QLatin1Char('/')) || nameOrPath.endsWith(QLatin1String(".runconfig"))
                               || nameOrPath.endsWith(QLatin1String(".yml")) || nameOrPath.endsWith(QLatin1String(".yaml"))
                               || nameOrPath.endsWith(QLatin1String(".json"));
    if (looksLikePath) {
        if (direct.isFile())
            return QDir::cleanPath(direct.absoluteFilePath());
        return Error{tr("There is no run configuration file %1.").arg(direct.absoluteFilePath())};
    }
    for (const QLatin1String &name : {modernDir, legacyDir}) {
        const QFileInfo candidate(QDir(folder).filePath(name + QLatin1Char('/') + nameOrPath + QLatin1String(".runconfig")));
        if (candidate.isFile())
            return QDir::cleanPath(candidate.absoluteFilePath());
    }
    if (direct.isFile())
        return QDir::cleanPath(direct.absoluteFilePath());
    return Error{tr("There is no run configuration “%1” in %2: looked for .azureml/%1.runconfig and aml_config/%1.runconfig.")
                     .arg(nameOrPath, QDir(folder).absolutePath())};
}

QString ProjectFolder::projectFolderOf(const QString &runConfigurationPath)
{
    const QFileInfo info(runConfigurationPath);
    const QDir parent = info.absoluteDir();
    if (parent.dirName() == modernDir || parent.dirName() == legacyDir)
        return QDir::cleanPath(parent.absoluteFilePath(QStringLiteral("..")));
    return parent.absolutePath();
}

QString ProjectFolder::experimentName(const QString &folder)
{
    QFile file(QDir(configDirectory(folder)).filePath(QStringLiteral("config.json")));
    if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024)
        return {};
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    return object.value(QLatin1String("experiment_name")).toString();
}

Result<ProjectFolder::AttachReport> ProjectFolder::attach(const QString &folder, const QString &experiment,
                                                          const Workspace &workspace)
{
    const QFileInfo info(folder);
    if (!info.isDir())
        return Error{tr("The project folder %1 does not exist.").arg(folder)};
    const QString root = QDir::cleanPath(info.absoluteFilePath());
    const QString configDir = configDirectory(root);
    if (!QDir().mkpath(configDir))
        return Error{tr("Cannot create %1: check that the project folder is writable.").arg(configDir)};

    const auto targets = workspace.computeTargets();
    if (!targets)
        return targets.error();

    AttachReport report;
    report.configDirectory = configDir;
    const QString relativeConfig = QDir(root).relativeFilePath(configDir);
    QString error;
    auto write = [&](const QString &name, const QByteArray &content) -> bool {
        const QString relative = relativeConfig + QLatin1Char('/') + name;
        switch (writeNew(QDir(configDir).filePath(name), content, &error)) {
        case WriteOutcome::Created:
            report.created << relative;
            return true;
        case WriteOutcome::Kept:
            report.kept << relative;
            return true;
        case WriteOutcome::Failed:
            error = tr("Cannot write %1: %2.").arg(relative, error);
            return false;
        }
        return false;
    };

    for (const ComputeTarget &target : *targets) {
        RunConfiguration config = RunConfiguration::makeTemplate(target.name);
        if (!write(target.name + QLatin1String(".runconfig"), RunConfigurationFile::toYaml(config)))
            return Error{error};
    }
    if (!write(QStringLiteral("conda_dependencies.yml"),
               QByteArrayLiteral("# Conda environment for runs with userManagedDependencies: false.\n")
                   + CondaDependencies::toYaml(CondaDependencies::makeDefault()))) {
        return Error{error};
    }
    const QString experimentName = experiment.isEmpty() ? QFileInfo(root).fileName() : experiment;
    const QJsonObject config{{QStringLiteral("workspace_name"), workspace.name()},
                             {QStringLiteral("workspace_path"), workspace.location()},
                             {QStringLiteral("experiment_name"), experimentName}};
    if (!write(QStringLiteral("config.json"), QJsonDocument(config).toJson(QJsonDocument::Indented)))
        return Error{error};
    return report;
}

} // namespace Trainyard
