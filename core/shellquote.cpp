#include "shellquote.h"

namespace Trainyard {

QString ShellQuote::quote(const QString &text)
{
    QString quoted = QStringLiteral("'");
    quoted += QString(text).replace(QLatin1String("'"), QLatin1String("'\\''"));
    quoted += QLatin1Char('\'');
    return quoted;
}

QString ShellQuote::join(const QStringList &arguments)
{
    QStringList quoted;
    quoted.reserve(arguments.size());
    for (const QString &argument : arguments)
        quoted << quote(argument);
    return quoted.join(QLatin1Char(' '));
}

} // namespace Trainyard
