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

enum class OutputFormat { Table, Json, Yaml, Csv };

// What a command handler gets: its parsed options and arguments, the output streams, and the
// workspace to work on.
struct CommandContext
{
    const QCommandLineParser &parser;
    QStringList arguments; // positional arguments after the command words
    QStringList passthrough; // what followed "--": arguments for the script
    QTextStream &out;
    QTextStream &err;
    OutputFormat format = OutputFormat::Table;
    bool formatGiven = false; // --output was on the command line
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
    // The --output formats it supports; the first is the default.
    QList<OutputFormat> formats = {OutputFormat::Table, OutputFormat::Json};
};

QString formatName(OutputFormat format);

QList<Command> workspaceCommands();
QList<Command> computeTargetCommands();
QList<Command> runConfigurationCommands();
QList<Command> folderCommands();
QList<Command> experimentCommands();
QList<Command> runCommands();

} // namespace Trainyard::Cli

namespace Trainyard::Cli {

// Prints "trainyard-cli: <message>" on stderr and returns the failure exit code.
int reportFailure(CommandContext &context, const QString &message);
// Prints "trainyard-cli: <message>" on stderr and returns the usage-error exit code.
int reportUsageError(CommandContext &context, const QString &message);
// Prints a JSON value, indented, on stdout.
void writeJson(CommandContext &context, const QJsonValue &value);
// The --path option shared by the commands that work on a project folder.
QCommandLineOption pathOption();

} // namespace Trainyard::Cli
