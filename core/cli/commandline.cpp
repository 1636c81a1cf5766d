#include "commandline.h"

#include "command.h"
#include "workspace.h"

#include <QCommandLineParser>

namespace Trainyard::Cli {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("Trainyard::Cli::CommandLine", text);
}

const QList<Command> &allCommands()
{
    static const QList<Command> commands = [] {
        QList<Command> list;
        list << workspaceCommands() << computeTargetCommands() << runConfigurationCommands() << folderCommands()
             << experimentCommands() << runCommands();
        return list;
    }();
    return commands;
}

struct Group
{
    const char *name;
    const char *summary;
};

const Group groups[] = {
    {"workspace", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Show the workspace: its folder, database and contents.")},
    {"computetarget", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "List and inspect compute targets.")},
    {"runconfig", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Validate and show run configuration files.")},
    {"experiment", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Create and list experiments.")},
    {"run", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Submit runs and follow their status, logs and metrics.")},
    {"folder", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Attach a project folder: create .azureml/ with run configurations.")},
};

// Global options that take a value; needed to find the command words among the arguments.
bool takesValue(const QString &argument)
{
    return argument == QLatin1String("--workspace") || argument == QLatin1String("-w")
        || argument == QLatin1String("--output") || argument == QLatin1String("-o")
        || argument == QLatin1String("--path") || argument == QLatin1String("-e") || argument == QLatin1String("--experiment")
        || argument == QLatin1String("-c") || argument == QLatin1String("--run-configuration")
        || argument == QLatin1String("-n") || argument == QLatin1String("--name") || argument == QLatin1String("--status")
        || argument == QLatin1String("--extract") || argument == QLatin1String("--timeout");
}

QList<QCommandLineOption> globalOptions()
{
    return {
        QCommandLineOption({QStringLiteral("w"), QStringLiteral("workspace")},
                           CommandLine::tr("Use the workspace in <dir> (default: $TRAINYARD_WORKSPACE, else %1).")
                               .arg(Workspace::defaultLocation()),
                           CommandLine::tr("dir")),
        QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                           CommandLine::tr("Output format: table (default) or json; some commands also yaml or csv."),
                           CommandLine::tr("format"), QStringLiteral("table")),
    };
}

} // namespace

QString formatName(OutputFormat format)
{
    switch (format) {
    case OutputFormat::Table:
        return QStringLiteral("table");
    case OutputFormat::Json:
        return QStringLiteral("json");
    case OutputFormat::Yaml:
        return QStringLiteral("yaml");
    case OutputFormat::Csv:
        return QStringLiteral("csv");
    }
    return {};
}

Result<std::unique_ptr<Workspace>> CommandContext::openWorkspace() const
{
    return Workspace::open(workspaceLocation);
}

CommandLine::CommandLine(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{
}

int CommandLine::run(const QStringList &arguments)
{
    const QString program = QStringLiteral("trainyard-cli");
    auto usageError = [&](const QString &message) {
        m_err << program << ": " << message << '\n';
        m_err.flush();
        return int(UsageError);
    };

    // Command words are the leading positional arguments, wherever the options stand.
    QStringList words;
    bool help = false;
    bool version = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            break;
        if (argument == QLatin1String("-h") || argument == QLatin1String("--help") || argument == QLatin1String("-?"))
            help = true;
        else if (argument == QLatin1String("-v") || argument == QLatin1String("--version"))
            version = true;
        else if (takesValue(argument))
            ++i;
        else if (!argument.startsWith(QLatin1Char('-')))
            words << argument;
    }

    if (version && words.isEmpty()) {
        m_out << program << ' ' << QStringLiteral(TRAINYARD_VERSION) << '\n';
        return Success;
    }

    if (words.isEmpty()) {
        for (qsizetype i = 1; i < arguments.size() && !help; ++i) {
            const QString &argument = arguments.at(i);
            if (takesValue(argument))
                ++i;
            else if (argument.startsWith(QLatin1Char('-')) && argument != QLatin1String("--version") && argument != QLatin1String("-v"))
                return usageError(tr("unknown option “%1”. Run “%2 --help” for the list of commands and options.").arg(argument, program));
        }
        if (!help)
            return usageError(tr("no command given. Run “%1 --help” for the list of commands.").arg(program));
        m_out << tr("Usage: %1 [--workspace DIR] [--output table|json] <command> [options]").arg(program) << "\n\n"
              << tr("Train models on the compute you already have.") << "\n\n"
              << tr("Commands:") << '\n';
        for (const Group &group : groups)
            m_out << "  " << QString::fromLatin1(group.name).leftJustified(16) << translated(group.summary) << '\n';
        m_out << '\n' << tr("Run “%1 <command> --help” for the subcommands of a command.").arg(program) << '\n';
        return Success;
    }

    const QString groupName = words.at(0);
    const auto group = std::find_if(std::begin(groups), std::end(groups),
                                    [&](const Group &g) { return groupName == QLatin1String(g.name); });
    if (group == std::end(groups))
        return usageError(tr("unknown command “%1”. Run “%2 --help” for the list of commands.").arg(groupName, program));

    if (words.size() < 2) {
        if (!help) {
            return usageError(tr("“%1” needs a subcommand. Run “%2 %1 --help” for the list.").arg(groupName, program));
        }
        m_out << tr("Usage: %1 %2 <subcommand> [options]").arg(program, groupName) << "\n\n"
              << translated(group->summary) << "\n\n"
              << tr("Subcommands:") << '\n';
        for (const Command &command : allCommands()) {
            if (groupName == QLatin1String(command.group))
                m_out << "  " << QString::fromLatin1(command.verb).leftJustified(16) << translated(command.summary) << '\n';
        }
        return Success;
    }

    const QString verbName = words.at(1);
    const auto command = std::find_if(allCommands().cbegin(), allCommands().cend(), [&](const Command &c) {
        return groupName == QLatin1String(c.group) && verbName == QLatin1String(c.verb);
    });
    if (command == allCommands().cend()) {
        return usageError(tr("“%1” has no subcommand “%2”. Run “%3 %1 --help” for the list.")
                              .arg(groupName, verbName, program));
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(translated(command->summary));
    parser.addHelpOption();
    parser.addOptions(globalOptions());
    if (command->options)
        parser.addOptions(command->options());
    parser.addPositionalArgument(QStringLiteral("command"), QString());

    if (!parser.parse(arguments))
        return usageError(parser.errorText() + QLatin1Char('.'));
    if (parser.isSet(QStringLiteral("help"))) {
        // QCommandLineParser's text, less its usage line, positional list and Qt's --help-all.
        const QStringList lines = parser.helpText().split(QLatin1Char('\n'));
        QStringList options;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines.at(i).startsWith(QLatin1Char(' ')) || !lines.at(i).endsWith(QLatin1Char(':')))
                continue;
            // The first section header after the usage line is "Options:".
            for (qsizetype j = i; j < lines.size() && !lines.at(j).trimmed().isEmpty(); ++j) {
                if (!lines.at(j).contains(QLatin1String("--help-all")))
                    options << lines.at(j);
            }
            break;
        }
        m_out << tr("Usage: %1 %2 %3 [options]").arg(program, groupName, verbName)
              << (command->syntax ? QLatin1Char(' ') + QString::fromLatin1(command->syntax) : QString()) << "\n\n"
              << translated(command->summary) << "\n\n"
              << options.join(QLatin1Char('\n')) << '\n';
        return Success;
    }

    QStringList positional = parser.positionalArguments();
    positional.remove(0, 2);
    QStringList passthrough;
    if (const qsizetype dashes = arguments.indexOf(QStringLiteral("--")); dashes >= 0) {
        passthrough = arguments.mid(dashes + 1);
        positional.resize(std::max<qsizetype>(0, positional.size() - passthrough.size()));
    }
    if (positional.size() < command->minArguments) {
        return usageError(tr("“%1 %2” needs %3. Run “%4 %1 %2 --help” for details.")
                              .arg(groupName, verbName, QString::fromLatin1(command->syntax), program));
    }
    if (positional.size() > command->maxArguments) {
        return usageError(tr("“%1 %2” got an unexpected argument “%3”.")
                              .arg(groupName, verbName, positional.at(command->maxArguments)));
    }

    CommandContext context{parser, positional, passthrough, m_out, m_err, OutputFormat::Table, false, QString()};
    const QString format = parser.value(QStringLiteral("output"));
    context.formatGiven = parser.isSet(QStringLiteral("output"));
    if (format == QLatin1String("json"))
        context.format = OutputFormat::Json;
    else if (format == QLatin1String("yaml"))
        context.format = OutputFormat::Yaml;
    else if (format == QLatin1String("csv"))
        context.format = OutputFormat::Csv;
    else if (format != QLatin1String("table"))
        return usageError(tr("unknown output format “%1”: use table or json.").arg(format));
    if (!context.formatGiven)
        context.format = command->formats.first();
    if (!command->formats.contains(context.format)) {
        QStringList names;
        for (OutputFormat supported : command->formats)
            names << formatName(supported);
        return usageError(tr("“%1 %2” cannot write %3: use --output %4.")
                              .arg(groupName, verbName, formatName(context.format), names.join(QLatin1Char('|'))));
    }
    context.workspaceLocation = parser.isSet(QStringLiteral("workspace")) ? parser.value(QStringLiteral("workspace"))
                                                                          : Workspace::defaultLocation();
    const int code = command->handler(context);
    m_out.flush();
    m_err.flush();
    return code;
}

} // namespace Trainyard::Cli
