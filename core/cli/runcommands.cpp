#include "command.h"
#include "commandline.h"
#include "pathguard.h"
#include "runfiles.h"
#include "runmonitor.h"
#include "runstore.h"
#include "runsubmitter.h"
#include "snapshotstore.h"
#include "tablewriter.h"
#include "workspace.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QThread>

#include <cmath>

#include <unistd.h>

namespace Trainyard::Cli {

namespace {

QString formatDuration(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1m %2s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h %2m").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString formatTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QString formatNumber(double value)
{
    return std::isnan(value) ? QString() : QString::number(value, 'g', 6);
}

QJsonObject runJson(const RunRecord &run)
{
    QJsonObject object{{QStringLiteral("id"), run.id},
                       {QStringLiteral("experiment"), run.experiment},
                       {QStringLiteral("target"), run.target},
                       {QStringLiteral("status"), RunStatusInfo::key(run.status)},
                       {QStringLiteral("created"), run.created.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("durationMs"), run.durationMs()},
                       {QStringLiteral("properties"), run.properties}};
    if (!run.statusReason.isEmpty())
        object.insert(QStringLiteral("reason"), run.statusReason);
    if (run.started.isValid())
        object.insert(QStringLiteral("started"), run.started.toString(Qt::ISODateWithMs));
    if (run.ended.isValid())
        object.insert(QStringLiteral("ended"), run.ended.toString(Qt::ISODateWithMs));
    if (run.exitCode)
        object.insert(QStringLiteral("exitCode"), *run.exitCode);
    if (!run.parentRunId.isEmpty())
        object.insert(QStringLiteral("parent"), run.parentRunId);
    return object;
}

// Follows the run until it ends (or the deadline passes); prints new log output when asked.
Result<RunRecord> follow(Workspace &workspace, const QString &runId, bool printLog, QTextStream &out, QTextStream &err,
                         QDeadlineTimer deadline)
{
    RunMonitor monitor(&workspace);
    // Outputs of a run on another machine come home at the end: a progress line on stderr, in
    // steps of a tenth (the same line redrawn when stderr is a terminal).
    int shownTenths = -1;
    QObject::connect(&monitor, &RunMonitor::downloadProgress, [&](const QString &, qint64 done, qint64 total) {
        if (total <= 0)
            return;
        const int tenths = int(10 * done / total);
        if (tenths == shownTenths)
            return;
        shownTenths = tenths;
        const QLocale locale;
        err << CommandLine::tr("Downloading outputs: %1 of %2").arg(locale.formattedDataSize(done), locale.formattedDataSize(total))
            << (isatty(STDERR_FILENO) && done < total ? '\r' : '\n');
        err.flush();
    });
    RunStore store(workspace);
    qint64 logOffset = 0;
    for (;;) {
        if (auto polled = monitor.poll(runId); !polled)
            return polled.error();
        const auto run = store.run(runId);
        if (!run)
            return run.error();
        if (printLog && !run->runDirectory.isEmpty()) {
            for (;;) {
                const auto chunk = LocalRunner::read(RunMonitor::logDirectory(workspace, *run), RunFiles::driverLog(), logOffset, 1024 * 1024);
                if (!chunk || chunk->isEmpty())
                    break;
                out << QString::fromUtf8(*chunk);
                out.flush();
                logOffset += chunk->size();
            }
        }
        if (run->isTerminal() || deadline.hasExpired())
            return run;
        QThread::msleep(300);
    }
}

int submit(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    SubmitRequest request;
    request.experiment = context.parser.value(QStringLiteral("experiment"));
    request.sourceDirectory = context.parser.isSet(QStringLiteral("path")) ? context.parser.value(QStringLiteral("path")) : QDir::currentPath();
    request.runConfiguration = context.parser.value(QStringLiteral("run-configuration"));
    if (request.runConfiguration.isEmpty())
        request.runConfiguration = QStringLiteral("local");
    if (!context.arguments.isEmpty())
        request.script = context.arguments.at(0);
    if (!context.passthrough.isEmpty())
        request.arguments = context.passthrough;
    if (context.parser.isSet(QStringLiteral("max-files")))
        request.limits.maxFiles = context.parser.value(QStringLiteral("max-files")).toInt();
    if (context.parser.isSet(QStringLiteral("max-megabytes")))
        request.limits.maxBytes = context.parser.value(QStringLiteral("max-megabytes")).toLongLong() * 1024 * 1024;

    RunSubmitter submitter(**workspace);
    // A run on a remote machine uploads what the host lacks first: progress on stderr by tenths.
    int shownTenths = -1;
    submitter.setUploadProgress([&](qint64 sent, qint64 total) {
        const int tenths = total > 0 ? int(10 * sent / total) : 10;
        if (tenths == shownTenths)
            return;
        shownTenths = tenths;
        const QLocale locale;
        context.err << CommandLine::tr("Uploading the snapshot: %1 of %2").arg(locale.formattedDataSize(sent), locale.formattedDataSize(total))
                    << (isatty(STDERR_FILENO) && sent < total ? '\r' : '\n');
        context.err.flush();
    });
    const auto outcome = submitter.submit(request);
    if (!outcome)
        return reportFailure(context, outcome.errorMessage());
    for (const Finding &warning : outcome->warnings)
        context.err << warning.toString() << '\n';
    const RunRecord &run = outcome->run;
    if (run.status == RunStatus::Failed)
        return reportFailure(context, CommandLine::tr("Run %1 failed to start: %2").arg(run.id, run.statusReason));
    context.out << CommandLine::tr("Submitted run %1 to %2 (snapshot: %n file(s), %3 new).", nullptr, int(outcome->snapshot.files.size()))
                       .arg(run.id, run.target, QLocale().formattedDataSize(outcome->snapshot.newBytes, 1, QLocale::DataSizeTraditionalFormat))
                << '\n';
    for (const QString &skipped : outcome->snapshot.skipped)
        context.err << CommandLine::tr("skipped %1").arg(skipped) << '\n';
    if (!context.parser.isSet(QStringLiteral("wait")))
        return Success;
    context.out.flush();
    const auto finished = follow(**workspace, run.id, true, context.out, context.err, QDeadlineTimer(QDeadlineTimer::Forever));
    if (!finished)
        return reportFailure(context, finished.errorMessage());
    context.out << CommandLine::tr("Run %1: %2").arg(run.id, RunStatusInfo::key(finished->status))
                << (finished->statusReason.isEmpty() ? QString() : QLatin1String(" (") + finished->statusReason + QLatin1Char(')')) << '\n';
    return finished->status == RunStatus::Completed ? Success : Failure;
}

int list(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    RunFilter filter;
    filter.experiment = context.parser.value(QStringLiteral("experiment"));
    if (context.parser.isSet(QStringLiteral("status"))) {
        filter.status = RunStatusInfo::fromKey(context.parser.value(QStringLiteral("status")));
        if (!filter.status)
            return reportUsageError(context, CommandLine::tr("unknown status “%1”: use NotStarted, Starting, Preparing, Queued, Running, "
                                                             "Finalizing, CancelRequested, Completed, Failed, Canceled or NotResponding.")
                                                 .arg(context.parser.value(QStringLiteral("status"))));
    }
    RunMonitor monitor(workspace->get());
    (void)monitor.pollAll(); // show the current state, not the last one seen
    const auto runs = RunStore(**workspace).runs(filter);
    if (!runs)
        return reportFailure(context, runs.errorMessage());
    if (context.format == OutputFormat::Json) {
        QJsonArray array;
        for (const RunRecord &run : *runs)
            array.append(runJson(run));
        writeJson(context, array);
        return Success;
    }
    TableWriter table({CommandLine::tr("RUN"), CommandLine::tr("STATUS"), CommandLine::tr("TARGET"), CommandLine::tr("SUBMITTED"),
                       CommandLine::tr("DURATION")});
    for (const RunRecord &run : *runs)
        table.addRow({run.id, RunStatusInfo::key(run.status), run.target, formatTime(run.created), formatDuration(run.durationMs())});
    table.write(context.out);
    return Success;
}

int show(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    RunMonitor monitor(workspace->get());
    (void)monitor.poll(context.arguments.at(0));
    RunStore store(**workspace);
    const auto run = store.run(context.arguments.at(0));
    if (!run)
        return reportFailure(context, run.errorMessage());
    const auto metrics = store.metricSummaries(run->id);
    if (!metrics)
        return reportFailure(context, metrics.errorMessage());
    if (context.format == OutputFormat::Json) {
        QJsonObject object = runJson(*run);
        QJsonArray summaries;
        for (const MetricSummary &m : *metrics) {
            summaries.append(QJsonObject{{QStringLiteral("name"), m.name}, {QStringLiteral("kind"), m.kind},
                                         {QStringLiteral("count"), m.count},
                                         {QStringLiteral("last"), std::isnan(m.last) ? QJsonValue(m.lastText) : QJsonValue(m.last)},
                                         {QStringLiteral("min"), std::isnan(m.minimum) ? QJsonValue() : QJsonValue(m.minimum)},
                                         {QStringLiteral("max"), std::isnan(m.maximum) ? QJsonValue() : QJsonValue(m.maximum)}});
        }
        object.insert(QStringLiteral("metrics"), summaries);
        writeJson(context, object);
        return Success;
    }
    TableWriter table({CommandLine::tr("Property"), CommandLine::tr("Value")});
    table.addRow({CommandLine::tr("Run"), run->id});
    table.addRow({CommandLine::tr("Experiment"), run->experiment});
    table.addRow({CommandLine::tr("Status"), RunStatusInfo::key(run->status)
                                                  + (run->statusReason.isEmpty() ? QString() : QLatin1String(" (") + run->statusReason + QLatin1Char(')'))});
    table.addRow({CommandLine::tr("Target"), run->target});
    table.addRow({CommandLine::tr("Submitted"), formatTime(run->created)});
    table.addRow({CommandLine::tr("Started"), formatTime(run->started)});
    table.addRow({CommandLine::tr("Ended"), formatTime(run->ended)});
    table.addRow({CommandLine::tr("Duration"), formatDuration(run->durationMs())});
    if (run->exitCode)
        table.addRow({CommandLine::tr("Exit code"), QString::number(*run->exitCode)});
    table.addRow({CommandLine::tr("Script"), run->properties.value(QStringLiteral("script")).toString()});
    QStringList arguments;
    const QJsonArray argumentArray = run->properties.value(QStringLiteral("arguments")).toArray();
    for (const QJsonValue &argument : argumentArray)
        arguments << argument.toString();
    table.addRow({CommandLine::tr("Arguments"), arguments.join(QLatin1Char(' '))});
    table.addRow({CommandLine::tr("Run folder"), run->runDirectory});
    for (const char *key : {"git.repository_uri", "git.branch", "git.commit", "git.dirty"}) {
        const QJsonValue value = run->properties.value(QLatin1String(key));
        if (!value.isUndefined())
            table.addRow({QLatin1String(key), value.isBool() ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false")) : value.toString()});
    }
    table.write(context.out);
    if (!metrics->isEmpty()) {
        context.out << '\n';
        TableWriter summary({CommandLine::tr("METRIC"), CommandLine::tr("COUNT"), CommandLine::tr("LAST"), CommandLine::tr("MIN"),
                             CommandLine::tr("MAX")});
        for (const MetricSummary &m : *metrics)
            summary.addRow({m.name, QString::number(m.count),
                            std::isnan(m.last) ? (m.lastText.size() > 40 ? m.lastText.left(39) + QChar(0x2026) : m.lastText) : formatNumber(m.last),
                            formatNumber(m.minimum), formatNumber(m.maximum)});
        summary.write(context.out);
    }
    return Success;
}

int logs(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    const auto run = RunStore(**workspace).run(context.arguments.at(0));
    if (!run)
        return reportFailure(context, run.errorMessage());
    if (context.parser.isSet(QStringLiteral("follow"))) {
        const auto finished = follow(**workspace, run->id, true, context.out, context.err, QDeadlineTimer(QDeadlineTimer::Forever));
        return finished ? Success : reportFailure(context, finished.errorMessage());
    }
    QString directory = RunMonitor::logDirectory(**workspace, *run);
    qint64 offset = 0;
    for (;;) {
        const auto chunk = LocalRunner::read(directory, RunFiles::driverLog(), offset, 1024 * 1024);
        if (!chunk)
            return reportFailure(context, chunk.errorMessage());
        if (chunk->isEmpty())
            break;
        context.out << QString::fromUtf8(*chunk);
        offset += chunk->size();
    }
    return Success;
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
}

int metrics(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    RunMonitor monitor(workspace->get());
    (void)monitor.poll(context.arguments.at(0));
    RunStore store(**workspace);
    if (const auto run = store.run(context.arguments.at(0)); !run)
        return reportFailure(context, run.errorMessage());
    const auto points = store.metrics(context.arguments.at(0), context.parser.value(QStringLiteral("name")));
    if (!points)
        return reportFailure(context, points.errorMessage());
    if (context.format == OutputFormat::Json) {
        QJsonArray array;
        for (const MetricPoint &p : *points) {
            QJsonObject object{{QStringLiteral("name"), p.name}, {QStringLiteral("step"), p.step}, {QStringLiteral("t"), p.timeMs},
                               {QStringLiteral("kind"), p.kind}};
            object.insert(QStringLiteral("value"), !p.text.isNull() ? QJsonValue(p.text)
                                                   : std::isfinite(p.value) ? QJsonValue(p.value) : QJsonValue());
            array.append(object);
        }
        writeJson(context, array);
        return Success;
    }
    context.out << "name,step,value,time_ms,kind\n";
    for (const MetricPoint &p : *points) {
        const QString value = !p.text.isNull() ? p.text : std::isnan(p.value) ? QString() : QString::number(p.value, 'g', QLocale::FloatingPointShortest);
        context.out << csvField(p.name) << ',' << p.step << ',' << csvField(value) << ',' << p.timeMs << ',' << p.kind << '\n';
    }
    return Success;
}

int cancel(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    RunStore store(**workspace);
    const auto run = store.run(context.arguments.at(0));
    if (!run)
        return reportFailure(context, run.errorMessage());
    if (run->isTerminal())
        return reportFailure(context, CommandLine::tr("Run %1 has already ended (%2).").arg(run->id, RunStatusInfo::key(run->status)));
    RunMonitor monitor(workspace->get());
    if (auto canceled = monitor.cancel(run->id); !canceled)
        return reportFailure(context, canceled.errorMessage());
    const auto finished = follow(**workspace, run->id, false, context.out, context.err, QDeadlineTimer(15000));
    if (!finished)
        return reportFailure(context, finished.errorMessage());
    context.out << CommandLine::tr("Run %1: %2").arg(run->id, RunStatusInfo::key(finished->status)) << '\n';
    return Success;
}

int wait(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    QDeadlineTimer deadline(QDeadlineTimer::Forever);
    if (context.parser.isSet(QStringLiteral("timeout")))
        deadline = QDeadlineTimer(context.parser.value(QStringLiteral("timeout")).toLongLong() * 1000);
    const auto finished = follow(**workspace, context.arguments.at(0), false, context.out, context.err, deadline);
    if (!finished)
        return reportFailure(context, finished.errorMessage());
    context.out << CommandLine::tr("Run %1: %2").arg(finished->id, RunStatusInfo::key(finished->status))
                << (finished->statusReason.isEmpty() ? QString() : QLatin1String(" (") + finished->statusReason + QLatin1Char(')')) << '\n';
    return finished->status == RunStatus::Completed ? Success : Failure;
}

int snapshot(CommandContext &context)
{
    auto workspace = context.openWorkspace();
    if (!workspace)
        return reportFailure(context, workspace.errorMessage());
    const auto run = RunStore(**workspace).run(context.arguments.at(0));
    if (!run)
        return reportFailure(context, run.errorMessage());
    if (run->snapshotId.isEmpty())
        return reportFailure(context, CommandLine::tr("Run %1 has no snapshot.").arg(run->id));
    SnapshotStore snapshots(**workspace);
    if (context.parser.isSet(QStringLiteral("extract"))) {
        const QString directory = context.parser.value(QStringLiteral("extract"));
        if (QDir(directory).exists() && !QDir(directory).isEmpty())
            return reportFailure(context, CommandLine::tr("%1 is not empty; extract into a new or empty folder.").arg(directory));
        if (auto extracted = snapshots.materialize(run->snapshotId, directory); !extracted)
            return reportFailure(context, extracted.errorMessage());
        context.out << CommandLine::tr("Extracted the snapshot of %1 into %2.").arg(run->id, QDir(directory).absolutePath()) << '\n';
        return Success;
    }
    const auto files = snapshots.files(run->snapshotId);
    if (!files)
        return reportFailure(context, files.errorMessage());
    if (context.format == OutputFormat::Json) {
        QJsonArray array;
        for (const SnapshotFile &file : *files)
            array.append(QJsonObject{{QStringLiteral("path"), file.path}, {QStringLiteral("size"), file.size},
                                     {QStringLiteral("sha256"), file.sha256}});
        writeJson(context, array);
        return Success;
    }
    TableWriter table({CommandLine::tr("PATH"), CommandLine::tr("SIZE"), CommandLine::tr("SHA-256")});
    for (const SnapshotFile &file : *files)
        table.addRow({file.path, QString::number(file.size), file.sha256.left(16)});
    table.write(context.out);
    return Success;
}

QCommandLineOption experimentOption()
{
    return QCommandLineOption({QStringLiteral("e"), QStringLiteral("experiment")}, CommandLine::tr("The experiment."),
                              CommandLine::tr("name"));
}

} // namespace

QList<Command> runCommands()
{
    return {
        Command{"run", "submit-script",
                QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine",
                                  "Submit a script with a run configuration; arguments after -- go to the script."),
                "[SCRIPT] [-- ARGS...]", 0, 1,
                [] {
                    return QList<QCommandLineOption>{
                        experimentOption(),
                        QCommandLineOption({QStringLiteral("c"), QStringLiteral("run-configuration")},
                                           CommandLine::tr("A run configuration by name (local) or path (default: local)."),
                                           CommandLine::tr("runconfig")),
                        pathOption(),
                        QCommandLineOption({QStringLiteral("wait")}, CommandLine::tr("Stream the log and wait until the run ends.")),
                        QCommandLineOption({QStringLiteral("max-files")}, CommandLine::tr("Snapshot file limit (default 2000)."),
                                           CommandLine::tr("count")),
                        QCommandLineOption({QStringLiteral("max-megabytes")}, CommandLine::tr("Snapshot size limit in MB (default 300)."),
                                           CommandLine::tr("megabytes")),
                    };
                },
                submit, {OutputFormat::Table}},
        Command{"run", "list", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "List runs, newest first."), nullptr, 0, 0,
                [] {
                    return QList<QCommandLineOption>{
                        experimentOption(),
                        QCommandLineOption({QStringLiteral("status")}, CommandLine::tr("Only runs in this status."), CommandLine::tr("status")),
                    };
                },
                list},
        Command{"run", "show", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Show a run: status, target, times, git and metrics."),
                "RUN", 1, 1, {}, show},
        Command{"run", "logs", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Print a run's driver log."), "RUN", 1, 1,
                [] {
                    return QList<QCommandLineOption>{
                        QCommandLineOption({QStringLiteral("f"), QStringLiteral("follow")}, CommandLine::tr("Keep streaming until the run ends."))};
                },
                logs, {OutputFormat::Table}},
        Command{"run", "metrics", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Print a run's metrics at full resolution."), "RUN", 1, 1,
                [] {
                    return QList<QCommandLineOption>{QCommandLineOption({QStringLiteral("n"), QStringLiteral("name")},
                                                                        CommandLine::tr("Only this metric."), CommandLine::tr("name"))};
                },
                metrics, {OutputFormat::Csv, OutputFormat::Json}},
        Command{"run", "cancel", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Cancel a run: SIGTERM, then SIGKILL after a grace period."),
                "RUN", 1, 1, {}, cancel, {OutputFormat::Table}},
        Command{"run", "wait", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "Wait until a run ends; exit code 0 only when it Completed."),
                "RUN", 1, 1,
                [] {
                    return QList<QCommandLineOption>{QCommandLineOption({QStringLiteral("timeout")},
                                                                        CommandLine::tr("Give up after this many seconds."), CommandLine::tr("seconds"))};
                },
                wait, {OutputFormat::Table}},
        Command{"run", "snapshot", QT_TRANSLATE_NOOP("Trainyard::Cli::CommandLine", "List a run's snapshot, or extract it into a folder."),
                "RUN", 1, 1,
                [] {
                    return QList<QCommandLineOption>{
                        QCommandLineOption({QStringLiteral("list")}, CommandLine::tr("List the files (the default).")),
                        QCommandLineOption({QStringLiteral("extract")}, CommandLine::tr("Write the files into <dir>."), CommandLine::tr("dir")),
                    };
                },
                snapshot},
    };
}

} // namespace Trainyard::Cli
