#include "finding.h"

namespace Trainyard {

QString Finding::toString() const
{
    QString location = file.isEmpty() ? QStringLiteral("<input>") : file;
    if (position.isValid()) {
        location += QLatin1Char(':') + QString::number(position.line);
        if (position.column > 0)
            location += QLatin1Char(':') + QString::number(position.column);
    }
    return location + QLatin1String(": ") + severityName(severity) + QLatin1String(": ") + message;
}

QString Finding::severityName(Severity severity)
{
    // Kept in English like compiler output, so tools can parse it whatever the UI language.
    return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

bool hasErrors(const QList<Finding> &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const Finding &f) { return f.isError(); });
}

} // namespace Trainyard
