#include "tablewriter.h"

namespace Trainyard::Cli {

TableWriter::TableWriter(QStringList headers)
    : m_headers(std::move(headers))
{
}

void TableWriter::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells.append(QString());
    m_rows.append(std::move(cells));
}

void TableWriter::write(QTextStream &out) const
{
    QList<qsizetype> widths;
    for (const QString &header : m_headers)
        widths.append(header.size());
    for (const QStringList &row : m_rows) {
        for (qsizetype i = 0; i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    auto writeLine = [&](const QStringList &cells) {
        QString line;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            if (i > 0)
                line += QLatin1String("  ");
            line += i + 1 < widths.size() ? cells.at(i).leftJustified(widths.at(i)) : cells.at(i);
        }
        out << line << '\n';
    };
    writeLine(m_headers);
    for (const QStringList &row : m_rows)
        writeLine(row);
}

} // namespace Trainyard::Cli
