#include "command.h"
#include "commandline.h"
#include "tablewriter.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace Trainyard::Cli {

namespace {

int listTargets(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    const auto targets = (*workspace)->computeTargets();
    if (!targets)
        return reportFailure(context, targets.errorMessage());

    if (context.format == OutputFormat::Json) {
        QJsonArray array;
        for (const ComputeTarget &target : *targets)
            array.append(target.toJson());
        writeJson(context, array);
        return Success;
    }
    TableWriter table({CommandLine::tr("NAME"), CommandLine::tr("TYPE"), CommandLine::tr("STATE"),
                       CommandLine::tr("NODES"), CommandLine::tr("SIZE"), CommandLine::tr("ADDRESS"),
                       CommandLine::tr("CREATED")});
    for (const ComputeTarget &target : *targets) {
        table.addRow({target.name, ComputeTarget::typeKey(target.type), ComputeTarget::stateKey(target.state),
                      target.nodesText(), target.sizeFamily(), target.address(),
                      target.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))});
    }
    table.write(context.out);
    return Success;
}

int showTarget(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    const auto target = (*workspace)->computeTarget(context.arguments.at(0));
    if (!target)
        return reportFailure(context, target.errorMessage());

    if (context.format == OutputFormat::Json) {
        writeJson(context, target->toJson());
        return Success;
    }
    TableWriter table({CommandLine::tr("Property"), CommandLine::tr("Value")});
    const auto rows = target->describe();
    for (const auto &[label, value] : rows)
        table.addRow({label, value});
    table.write(context.out);
    return Success;
}

} // namespace

QList<Command> computeTargetCommands()
{
    return {
        Command{"computetarget", "list",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "List the workspace's compute targets."),
                nullptr, 0, 0, {}, listTargets},
        Command{"computetarget", "show",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Show every property of one compute target."),
                "NAME", 1, 1, {}, showTarget},
    };
}

} // namespace Trainyard::Cli
