#include "sshcommandrunner.h"

#include "shellquote.h"
#include "sshconnection.h"

namespace Trainyard {

SshCommandRunner::SshCommandRunner(SshConnection &connection, Environment environment)
    : m_connection(connection)
    , m_environment(std::move(environment))
{
}

QString SshCommandRunner::hostDescription() const
{
    return m_connection.session().endpoint().displayName();
}

bool SshCommandRunner::isValidVariableName(const QString &name)
{
    if (name.isEmpty() || name.at(0).isDigit())
        return false;
    for (const QChar c : name) {
        const bool ok = (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
        if (!ok)
            return false;
    }
    return true;
}

Result<QString> SshCommandRunner::commandLine(const QStringList &command, const Environment &environment)
{
    if (command.isEmpty())
        return Error{tr("No command to run.")};
    QStringList parts;
    for (const auto &[name, value] : environment) {
        if (!isValidVariableName(name))
            return Error{tr("\"%1\" is not a valid environment variable name.").arg(name)};
        // The name stays unquoted: a quoted name would not be an assignment.
        parts << name + QLatin1Char('=') + ShellQuote::quote(value);
    }
    parts << ShellQuote::join(command);
    return parts.join(QLatin1Char(' '));
}

Result<CommandOutput> SshCommandRunner::run(const QStringList &command, const QByteArray &standardInput,
                                            Milliseconds timeout)
{
    auto line = commandLine(command, m_environment);
    if (!line)
        return line.error();
    auto ran = m_connection.exec(*line, standardInput, timeout);
    if (!ran)
        return Error{ran.errorMessage()};
    CommandOutput output;
    output.exitStatus = ran->exitStatus;
    output.standardOutput = std::move(ran->standardOutput);
    output.standardError = std::move(ran->standardError);
    return output;
}

} // namespace Trainyard
