#pragma once

#include <QJsonObject>

namespace Trainyard {

// Facts about this workstation, for the built-in `local` compute target.
class LocalMachine
{
public:
    // Host name, OS, kernel, architecture, CPU count, memory and the GPUs `nvidia-smi` lists (an
    // empty list when it is missing). Takes at most a few seconds (nvidia-smi is given 5 s).
    static QJsonObject probe();
};

} // namespace Trainyard
