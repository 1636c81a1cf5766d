#include "command.h"
#include "commandline.h"
#include "runstore.h"
#include "tablewriter.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Trainyard::Cli {

namespace {

int createExperiment(CommandContext &context)
{
    const QString name = context.parser.value(QStringLiteral("name"));
    if (name.isEmpty())
        return reportUsageError(context, CommandLine::tr("“experiment create” needs --name NAME."));
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    if (auto created = RunStore(**workspace).createExperiment(name); !created)
        return reportFailure(context, created.errorMessage());
    context.out << CommandLine::tr("Experiment %1 is ready.").arg(name) << '\n';
    return Success;
}

int listExperiments(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    const auto experiments = RunStore(**workspace).experiments();
    if (!experiments)
        return reportFailure(context, experiments.errorMessage());
    if (context.format == OutputFormat::Json) {
        QJsonArray array;
        for (const ExperimentSummary &e : *experiments) {
            array.append(QJsonObject{{QStringLiteral("name"), e.name},
                                     {QStringLiteral("runs"), e.runCount},
                                     {QStringLiteral("latestRun"), e.latestRunId},
                                     {QStringLiteral("latestStatus"), e.latestStatus ? RunStatusInfo::key(*e.latestStatus) : QString()},
                                     {QStringLiteral("created"), e.created.toString(Qt::ISODateWithMs)}});
        }
        writeJson(context, array);
        return Success;
    }
    TableWriter table({CommandLine::tr("NAME"), CommandLine::tr("RUNS"), CommandLine::tr("LATEST RUN"), CommandLine::tr("STATUS"),
                       CommandLine::tr("CREATED")});
    for (const ExperimentSummary &e : *experiments) {
        table.addRow({e.name, QString::number(e.runCount), e.latestRunId, e.latestStatus ? RunStatusInfo::key(*e.latestStatus) : QString(),
                      e.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))});
    }
    table.write(context.out);
    return Success;
}

} // namespace

QList<Command> experimentCommands()
{
    return {
        Command{"experiment", "create", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Create an experiment."), nullptr, 0, 0,
                [] {
                    return QList<QCommandLineOption>{QCommandLineOption({QStringLiteral("n"), QStringLiteral("name")},
                                                                        CommandLine::tr("The experiment's name."), CommandLine::tr("name"))};
                },
                createExperiment, {OutputFormat::Table}},
        Command{"experiment", "list", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "List experiments with their run counts."),
                nullptr, 0, 0, {}, listExperiments},
    };
}

} // namespace Trainyard::Cli
