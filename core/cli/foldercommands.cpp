#include "command.h"
#include "commandline.h"
#include "projectfolder.h"
#include "workspace.h"

#include <QDir>

namespace Trainyard::Cli {

namespace {

int attach(CommandContext &context)
{
    const QString folder = context.parser.isSet(QStringLiteral("path")) ? context.parser.value(QStringLiteral("path"))
                                                                       : QDir::currentPath();
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    const auto report = ProjectFolder::attach(folder, context.parser.value(QStringLiteral("experiment")), **workspace);
    if (!report)
        return reportFailure(context, report.errorMessage());
    for (const QString &file : report->created)
        context.out << CommandLine::tr("created %1").arg(file) << '\n';
    for (const QString &file : report->kept)
        context.out << CommandLine::tr("kept    %1 (it exists; not overwritten)").arg(file) << '\n';
    context.out << CommandLine::tr("Attached %1 to the workspace %2 (experiment “%3”).")
                       .arg(QDir(folder).absolutePath(), (*workspace)->location(), ProjectFolder::experimentName(folder))
                << '\n';
    return Success;
}

} // namespace

QList<Command> folderCommands()
{
    return {
        Command{"folder", "attach",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine",
                                  "Create .azureml/ with a run configuration per compute target, conda_dependencies.yml "
                                  "and config.json; existing files are kept."),
                nullptr, 0, 0,
                [] {
                    return QList<QCommandLineOption>{
                        pathOption(),
                        QCommandLineOption({QStringLiteral("e"), QStringLiteral("experiment")},
                                           CommandLine::tr("The experiment name (default: the folder's name)."),
                                           CommandLine::tr("name")),
                    };
                },
                attach, {OutputFormat::Table}},
    };
}

} // namespace Trainyard::Cli
