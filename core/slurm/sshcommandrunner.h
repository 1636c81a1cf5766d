#pragma once

#include "commandrunner.h"

#include <QCoreApplication>
#include <QList>

#include <utility>

namespace Trainyard {

class SshConnection;

// Runs commands on a host reached over SSH. The command becomes one line for the remote login
// shell (which must be POSIX-compatible, as SshSession requires): every argument quoted with
// ShellQuote, preceded by NAME='value' assignments for the environment given here (a login
// node's non-interactive shell may lack variables such as SLURM_CONF).
class SshCommandRunner final : public CommandRunner
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::SshCommandRunner)

public:
    using Environment = QList<std::pair<QString, QString>>;

    // The connection is not owned and must outlive the runner; it reconnects by itself.
    explicit SshCommandRunner(SshConnection &connection, Environment environment = {});

    Result<CommandOutput> run(const QStringList &command, const QByteArray &standardInput = {},
                              Milliseconds timeout = DefaultTimeout) override;
    QString hostDescription() const override;

    // The line sent to the remote shell, or an error for an invalid environment variable name.
    static Result<QString> commandLine(const QStringList &command, const Environment &environment = {});
    static bool isValidVariableName(const QString &name);

private:
    SshConnection &m_connection;
    Environment m_environment;
};

} // namespace Trainyard
