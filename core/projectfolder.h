#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QStringList>

namespace Trainyard {

class Workspace;

// A project folder in the shape `az ml folder attach` gives it: `.azureml/` (older projects:
// `aml_config/`) with one run configuration per compute target, conda_dependencies.yml and
// config.json naming the workspace and the experiment.
class ProjectFolder
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::ProjectFolder)

public:
    struct AttachReport
    {
        QString configDirectory;
        QStringList created; // paths relative to the project folder
        QStringList kept;    // files that existed and were left alone
    };

    // Creates what is missing and never overwrites a file. `experiment` empty: the folder's name.
    static Result<AttachReport> attach(const QString &folder, const QString &experiment, const Workspace &workspace);

    // `.azureml` when it exists, else `aml_config` when that exists, else `.azureml`.
    static QString configDirectory(const QString &folder);
    // Every *.runconfig in `.azureml/`, then `aml_config/`, as absolute paths.
    static QStringList runConfigurations(const QString &folder);
    // A run configuration by name ("local" -> .azureml/local.runconfig, then aml_config/) or by path.
    static Result<QString> findRunConfiguration(const QString &folder, const QString &nameOrPath);
    // The project folder a run configuration file belongs to: the parent of its .azureml/ or
    // aml_config/ folder, else the folder that holds it.
    static QString projectFolderOf(const QString &runConfigurationPath);
    // The experiment named in config.json, if any.
    static QString experimentName(const QString &folder);
};

} // namespace Trainyard
