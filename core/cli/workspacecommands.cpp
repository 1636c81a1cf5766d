#include "command.h"
#include "commandline.h"
#include "tablewriter.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Trainyard::Cli {

int reportFailure(CommandContext &context, const QString &message)
{
    context.err << "trainyard-cli: " << message << '\n';
    context.err.flush();
    return Failure;
}

int reportUsageError(CommandContext &context, const QString &message)
{
    context.err << "trainyard-cli: " << message << '\n';
    context.err.flush();
    return UsageError;
}

QCommandLineOption pathOption()
{
    return QCommandLineOption({QStringLiteral("path")},
                              CommandLine::tr("The project folder (default: the current folder)."), CommandLine::tr("dir"));
}

void writeJson(CommandContext &context, const QJsonValue &value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    context.out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

namespace {

int showWorkspace(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    const auto summary = (*workspace)->summary();
    if (!summary)
        return reportFailure(context, summary.errorMessage());
    const Workspace &ws = **workspace;

    if (context.format == OutputFormat::Json) {
        writeJson(context, QJsonObject{
                               {QLatin1String("name"), ws.name()},
                               {QLatin1String("location"), ws.location()},
                               {QLatin1String("database"), ws.databasePath()},
                               {QLatin1String("artifacts"), ws.artifactsPath()},
                               {QLatin1String("schemaVersion"), ws.schemaVersion()},
                               {QLatin1String("created"), ws.created().toString(Qt::ISODateWithMs)},
                               {QLatin1String("computeTargets"), summary->computeTargets},
                               {QLatin1String("experiments"), summary->experiments},
                               {QLatin1String("runs"), summary->runs},
                           });
        return Success;
    }
    TableWriter table({CommandLine::tr("Property"), CommandLine::tr("Value")});
    table.addRow({CommandLine::tr("Name"), ws.name()});
    table.addRow({CommandLine::tr("Location"), ws.location()});
    table.addRow({CommandLine::tr("Database"), ws.databasePath()});
    table.addRow({CommandLine::tr("Artifacts"), ws.artifactsPath()});
    table.addRow({CommandLine::tr("Schema version"), QString::number(ws.schemaVersion())});
    table.addRow({CommandLine::tr("Created"), QLocale().toString(ws.created().toLocalTime(), QLocale::ShortFormat)});
    table.addRow({CommandLine::tr("Compute targets"), QString::number(summary->computeTargets)});
    table.addRow({CommandLine::tr("Experiments"), QString::number(summary->experiments)});
    table.addRow({CommandLine::tr("Runs"), QString::number(summary->runs)});
    table.write(context.out);
    return Success;
}

} // namespace

QList<Command> workspaceCommands()
{
    return {
        Command{"workspace", "show",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Show the workspace's folder, database and contents."),
                nullptr, 0, 0, {}, showWorkspace},
    };
}

} // namespace Trainyard::Cli
