#include "command.h"
#include "commandline.h"
#include "projectfolder.h"
#include "runconfigurationfile.h"
#include "runconfigurationvalidator.h"
#include "workspace.h"

#include <QDir>
#include <QJsonDocument>

namespace Trainyard::Cli {

namespace {

QString projectPath(const CommandContext &context)
{
    return context.parser.isSet(QStringLiteral("path")) ? context.parser.value(QStringLiteral("path")) : QDir::currentPath();
}

// Shows paths as the user gave them: relative to the current folder when inside it.
QString displayPath(const QString &path)
{
    const QString relative = QDir::current().relativeFilePath(path);
    return relative.startsWith(QLatin1String("..")) ? path : relative;
}

int validate(CommandContext &context)
{
    std::optional<QList<ComputeTarget>> targets;
    if (!context.parser.isSet(QStringLiteral("no-workspace"))) {
        auto workspace = context.openWorkspace();
        if (!workspace)
            return reportFailure(context, workspace.errorMessage());
        auto list = (*workspace)->computeTargets();
        if (!list)
            return reportFailure(context, list.errorMessage());
        targets = *list;
    }

    bool anyError = false;
    for (const QString &argument : std::as_const(context.arguments)) {
        const auto path = ProjectFolder::findRunConfiguration(projectPath(context), argument);
        if (!path) {
            context.out << argument << ": " << Finding::severityName(Finding::Severity::Error) << ": " << path.errorMessage() << '\n';
            anyError = true;
            continue;
        }
        const QString shown = displayPath(*path);
        RunConfigurationFile::Loaded loaded = RunConfigurationFile::load(*path);
        QList<Finding> findings = loaded.findings;
        if (loaded.configuration) {
            RunConfigurationValidator::Context validation;
            validation.fileName = *path;
            validation.positions = loaded.positions;
            validation.sourceDirectory = context.parser.isSet(QStringLiteral("path")) ? projectPath(context)
                                                                                     : ProjectFolder::projectFolderOf(*path);
            validation.targets = targets;
            findings += RunConfigurationValidator::validate(*loaded.configuration, validation);
        }
        std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
            return std::pair(a.position.line, a.position.column) < std::pair(b.position.line, b.position.column);
        });
        for (Finding finding : std::as_const(findings)) {
            finding.file = shown;
            context.out << finding.toString() << '\n';
        }
        if (hasErrors(findings))
            anyError = true;
        else if (findings.isEmpty())
            context.out << CommandLine::tr("%1: no problems found.").arg(shown) << '\n';
    }
    context.out.flush();
    return anyError ? Failure : Success;
}

int show(CommandContext &context)
{
    const auto path = ProjectFolder::findRunConfiguration(projectPath(context), context.arguments.at(0));
    if (!path)
        return reportFailure(context, path.errorMessage());
    const RunConfigurationFile::Loaded loaded = RunConfigurationFile::load(*path);
    if (!loaded.configuration || hasErrors(loaded.findings)) {
        for (Finding finding : loaded.findings) {
            finding.file = displayPath(*path);
            context.err << finding.toString() << '\n';
        }
        return reportFailure(context, CommandLine::tr("%1 cannot be read; fix the errors above (see “runconfig validate”).")
                                          .arg(displayPath(*path)));
    }
    const QByteArray text = context.format == OutputFormat::Json ? RunConfigurationFile::toJson(*loaded.configuration)
                                                                 : RunConfigurationFile::toYaml(*loaded.configuration);
    context.out << QString::fromUtf8(text);
    return Success;
}

} // namespace

QList<Command> runConfigurationCommands()
{
    return {
        Command{"runconfig", "validate",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine",
                                  "Check run configuration files and print every problem as file:line:column."),
                "FILE...", 1, 100000,
                [] {
                    return QList<QCommandLineOption>{
                        pathOption(),
                        QCommandLineOption({QStringLiteral("no-workspace")},
                                           CommandLine::tr("Do not check targets against a workspace.")),
                    };
                },
                validate, {OutputFormat::Table}},
        Command{"runconfig", "show",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine",
                                  "Print a run configuration normalized: canonical keys, every key kept."),
                "FILE", 1, 1, [] { return QList<QCommandLineOption>{pathOption()}; }, show,
                {OutputFormat::Yaml, OutputFormat::Json}},
    };
}

} // namespace Trainyard::Cli
