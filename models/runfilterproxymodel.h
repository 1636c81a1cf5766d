#pragma once

#include "runstatus.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace Trainyard {

// Sorts a RunModel on SortRole and filters it by text (FilterRole: id, experiment, status,
// target) and by status: one status, or every run that is not finished yet. Runs without a
// value in the sorted column (a metric they did not log) sort last in either order.
class RunFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class StatusFilter { All, Active, One };

    explicit RunFilterProxyModel(QObject *parent = nullptr);

    void setStatusFilter(StatusFilter filter, RunStatus status = RunStatus::Completed);
    StatusFilter statusFilter() const { return m_filter; }
    RunStatus filteredStatus() const { return m_status; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    StatusFilter m_filter = StatusFilter::All;
    RunStatus m_status = RunStatus::Completed;
};

} // namespace Trainyard
