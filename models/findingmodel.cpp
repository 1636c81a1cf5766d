#include "findingmodel.h"

#include "modelroles.h"

#include <QIcon>

namespace Trainyard {

FindingModel::FindingModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FindingModel::setFindings(const QList<Finding> &findings)
{
    if (findings == m_findings)
        return;
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

int FindingModel::errorCount() const
{
    return int(std::count_if(m_findings.cbegin(), m_findings.cend(), [](const Finding &f) { return f.isError(); }));
}

int FindingModel::warningCount() const
{
    return int(m_findings.size()) - errorCount();
}

int FindingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingModel::data(const QModelIndex &index, int role) const
{
    // Views may ask about an invalid index: no data, no warning.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding &finding = m_findings.at(index.row());

    if (role == LineRole)
        return finding.position.line;
    if (role == ColumnRole)
        return finding.position.column;
    if (role == Qt::ToolTipRole) {
        if (finding.keyPath.isEmpty())
            return finding.message;
        //: Tooltip of a finding: the message, then the run configuration key it is about
        return tr("%1\nKey: %2").arg(finding.message, finding.keyPath);
    }

    switch (index.column()) {
    case SeverityColumn:
        if (role == Qt::DisplayRole)
            return finding.isError() ? tr("Error") : tr("Warning");
        if (role == SortRole)
            return int(finding.severity);
        if (role == Qt::DecorationRole)
            return QIcon(finding.isError() ? QStringLiteral(":/icons/finding-error.svg")
                                           : QStringLiteral(":/icons/finding-warning.svg"));
        break;
    case LineColumn:
        if (role == Qt::DisplayRole)
            return finding.position.isValid() ? QString::number(finding.position.line) : QString();
        if (role == SortRole)
            return finding.position.line;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case MessageColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return finding.message;
        break;
    default:
        break;
    }
    return {};
}

QVariant FindingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case LineColumn:
        return tr("Line");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace Trainyard
