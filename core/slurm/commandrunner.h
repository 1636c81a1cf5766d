#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>

namespace Trainyard {

// What a command left behind. A non-zero exit status is a result, not an error.
struct CommandOutput
{
    // 127: the program was not found (a shell's "command not found", or a local program that
    // could not be started); -1: killed by a signal.
    int exitStatus = -1;
    QByteArray standardOutput;
    QByteArray standardError;

    bool succeeded() const { return exitStatus == 0; }
};

// Runs a program on a host: this computer (LocalCommandRunner) or one reached over SSH
// (SshCommandRunner). The command is an argument list whose items reach the program verbatim,
// whatever they contain; nothing is interpreted by a shell on the way. Calls block: run them off
// the GUI thread.
class CommandRunner
{
public:
    using Milliseconds = std::chrono::milliseconds;
    static constexpr Milliseconds DefaultTimeout{60000};

    virtual ~CommandRunner() = default;

    // Runs `command` (program first) with `standardInput` on its stdin. Fails only when the
    // command could not be run or finished in time (the process is then killed, or its channel
    // closed); whatever the program itself reports comes back in CommandOutput.
    virtual Result<CommandOutput> run(const QStringList &command, const QByteArray &standardInput = {},
                                      Milliseconds timeout = DefaultTimeout) = 0;
    // Where commands run, for messages: "this computer", "user@host:22".
    virtual QString hostDescription() const = 0;
};

} // namespace Trainyard
