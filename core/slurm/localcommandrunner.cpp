#include "localcommandrunner.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace Trainyard {

LocalCommandRunner::LocalCommandRunner(QStringList prefix, Environment environment)
    : m_prefix(std::move(prefix))
    , m_environment(std::move(environment))
{
}

QString LocalCommandRunner::hostDescription() const
{
    return tr("this computer");
}

Result<CommandOutput> LocalCommandRunner::run(const QStringList &command, const QByteArray &standardInput,
                                              Milliseconds timeout)
{
    const QStringList full = m_prefix + command;
    if (full.isEmpty())
        return Error{tr("No command to run.")};

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : m_environment)
        environment.insert(name, value);
    process.setProcessEnvironment(environment);
    process.start(full.first(), full.mid(1));
    if (!process.waitForStarted(int(timeout.count()))) {
        // Reported like a shell reports a missing program, so that callers treat both hosts alike.
        CommandOutput missing;
        missing.exitStatus = 127;
        missing.standardError = (full.first() + QStringLiteral(": ") + process.errorString()).toLocal8Bit();
        return missing;
    }
    if (!standardInput.isEmpty())
        process.write(standardInput);
    process.closeWriteChannel();
    if (!process.waitForFinished(int(timeout.count()))) {
        process.kill();
        process.waitForFinished(5000);
        return Error{tr("%1 did not finish within %n second(s) on %2.", nullptr, int(timeout.count() / 1000))
                         .arg(command.value(0), hostDescription())};
    }
    CommandOutput output;
    output.exitStatus = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    output.standardOutput = process.readAllStandardOutput();
    output.standardError = process.readAllStandardError();
    return output;
}

} // namespace Trainyard
