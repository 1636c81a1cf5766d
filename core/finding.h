#pragma once

#include <QCoreApplication>
#include <QString>

namespace Trainyard {

// A 1-based line and column in a source file; 0 when unknown.
struct SourcePosition
{
    int line = 0;
    int column = 0;

    bool isValid() const { return line > 0; }
    friend bool operator==(const SourcePosition &, const SourcePosition &) = default;
};

// One validation result: what is wrong (or worth a look), in words a person understands, and where.
struct Finding
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::Finding)

public:
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString message;
    QString file;
    SourcePosition position;
    QString keyPath; // e.g. "environment.python.interpreterPath"; empty for file-level findings

    bool isError() const { return severity == Severity::Error; }
    // "file:line:col: error: message", the form compilers use (editors jump to it).
    QString toString() const;
    static QString severityName(Severity severity);

    friend bool operator==(const Finding &, const Finding &) = default;
};

bool hasErrors(const QList<Finding> &findings);

} // namespace Trainyard
