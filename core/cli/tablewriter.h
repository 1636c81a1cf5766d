#pragma once

#include <QStringList>
#include <QTextStream>

namespace Trainyard::Cli {

// Prints rows as left-aligned columns under a header, for `--output table`.
class TableWriter
{
public:
    explicit TableWriter(QStringList headers);

    void addRow(QStringList cells);
    void write(QTextStream &out) const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

} // namespace Trainyard::Cli
