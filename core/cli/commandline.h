#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace Trainyard::Cli {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

// trainyard-cli: parses the command words and options, runs one command, and returns the exit
// code (0 success, 1 failure, 2 usage error). Errors go to `err` as one sentence. Never creates a
// QApplication.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::Cli::CommandLine)

public:
    CommandLine(QTextStream &out, QTextStream &err);

    // `arguments` includes the program name, as QCoreApplication::arguments() gives it.
    int run(const QStringList &arguments);

private:
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace Trainyard::Cli
