#include "runfilterproxymodel.h"

#include "modelroles.h"
#include "runmodel.h"

namespace Trainyard {

RunFilterProxyModel::RunFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setFilterRole(FilterRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // A run whose status changes leaves or enters the filtered set, and moves in a sorted column.
    setDynamicSortFilter(true);
}

void RunFilterProxyModel::setStatusFilter(StatusFilter filter, RunStatus status)
{
    if (filter == m_filter && (filter != StatusFilter::One || status == m_status))
        return;
    m_filter = filter;
    m_status = status;
    invalidateFilter();
}

bool RunFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    switch (m_filter) {
    case StatusFilter::All:
        break;
    case StatusFilter::Active:
        if (!index.data(RunModel::ActiveRole).toBool())
            return false;
        break;
    case StatusFilter::One:
        if (index.data(RunModel::StatusRole).toInt() != int(m_status))
            return false;
        break;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

bool RunFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftMissing = !left.data(sortRole()).isValid();
    const bool rightMissing = !right.data(sortRole()).isValid();
    if (leftMissing || rightMissing) {
        // A descending sort asks lessThan(right, left): answer so that missing values end up last.
        if (leftMissing == rightMissing)
            return false;
        return leftMissing == (sortOrder() == Qt::DescendingOrder);
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace Trainyard
