#pragma once

#include <QString>
#include <QStringList>

namespace Trainyard {

// Quoting for POSIX sh: every argument that reaches a shell goes through here.
class ShellQuote
{
public:
    // 'text' with embedded single quotes as '\''; any byte sequence survives verbatim.
    static QString quote(const QString &text);
    static QString join(const QStringList &arguments);
};

} // namespace Trainyard
