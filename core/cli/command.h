#pragma once

#include "result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonValue>
#include <QTextStream>

#include <functional>
#include <memory>

namespace Trainyard {
class Workspace;
}

namespace Trainyard::Cli {

enum class OutputFormat { Table, Json };

// What a command handler gets: its parsed options and arguments, the output streams, and the
// workspace to work on.
struct CommandContext
{
    const QCommandLineParser &parser;
    QStringList arguments; // positional arguments after the command words
    QTextStream &out;
    QTextStream &err;
    OutputFormat format = OutputFormat::Table;
    QString workspaceLocation;

    Result<std::unique_ptr<Workspace>> openWorkspace() const;
};

// One `trainyard-cli <group> <verb>` command.
struct Command
{
    const char *group;
    const char *verb;
    const char *summary;   // translated in the Trainyard::Cli::CommandLine context
    const char *syntax;    // positional arguments for the usage line, e.g. "NAME"
    int minArguments = 0;
    int maxArguments = 0;
    std::function<QList<QCommandLineOption>()> options;
    std::function<int(CommandContext &)> handler;
};

QList<Command> workspaceCommands();
QList<Command> computeTargetCommands();

} // namespace Trainyard::Cli

namespace Trainyard::Cli {

// Prints "trainyard-cli: <message>" on stderr and returns the failure exit code.
int reportFailure(CommandContext &context, const QString &message);
// Prints a JSON value, indented, on stdout.
void writeJson(CommandContext &context, const QJsonValue &value);

} // namespace Trainyard::Cli
