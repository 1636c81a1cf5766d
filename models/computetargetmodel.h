#pragma once

#include "computetarget.h"

#include <QAbstractTableModel>

namespace Trainyard {

// The compute targets of a workspace, one per row. setTargets() merges a fresh list by name
// (inserts, removes, moves, dataChanged), so views keep their selection across refreshes.
class ComputeTargetModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, StateColumn, NodesColumn, SizeColumn, AddressColumn, CreatedColumn, ColumnCount };

    explicit ComputeTargetModel(QObject *parent = nullptr);

    void setTargets(const QList<ComputeTarget> &targets);
    const QList<ComputeTarget> &targets() const { return m_targets; }
    // The row of the target with this name, or -1.
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ComputeTarget> m_targets;
};

} // namespace Trainyard
