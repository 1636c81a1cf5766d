#include "propertylistmodel.h"

#include "modelroles.h"

namespace Trainyard {

PropertyListModel::PropertyListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PropertyListModel::setRows(const QList<std::pair<QString, QString>> &rows)
{
    if (rows.size() == m_rows.size()) {
        // Same shape (a refresh of the same item): update in place so the view keeps its scroll position.
        if (rows == m_rows)
            return;
        m_rows = rows;
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int PropertyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PropertyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PropertyListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &[label, value] = m_rows.at(index.row());
    const QString &text = index.column() == LabelColumn ? label : value;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case SortRole:
        return text;
    default:
        return {};
    }
}

QVariant PropertyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == LabelColumn ? tr("Property") : tr("Value");
}

} // namespace Trainyard
