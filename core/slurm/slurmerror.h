#pragma once

#include "result.h"

#include <QString>

namespace Trainyard {

// Why a Slurm operation failed, with a message for a person.
struct SlurmError
{
    enum class Kind {
        InvalidValue,     // a name, node list or number was refused before anything ran
        Unreachable,      // the command could not be run: SSH down, a timeout
        CommandMissing,   // the host has no Slurm commands on its PATH (exit status 127)
        Refused,          // Slurm answered with an error: `message` is Slurm's own text, verbatim
        UnexpectedOutput, // a command succeeded but printed something this code cannot read
    };

    Kind kind = Kind::Refused;
    QString message;
    QString command; // the program that failed ("scontrol"), empty for InvalidValue

    Error toError() const { return Error{message}; }
};

template<typename T>
using SlurmResult = Result<T, SlurmError>;

} // namespace Trainyard
