#pragma once

#include "runrecord.h"

#include <QAbstractTableModel>

namespace Trainyard {

// The experiments of a workspace, one per row: name, run count, the latest run's status (with its
// colour and icon) and when the experiment was created. setExperiments() merges a fresh list by
// name (inserts, removes, moves, dataChanged), so views keep their selection across refreshes.
class ExperimentModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, RunsColumn, LatestStatusColumn, CreatedColumn, ColumnCount };

    explicit ExperimentModel(QObject *parent = nullptr);

    void setExperiments(const QList<ExperimentSummary> &experiments);
    const QList<ExperimentSummary> &experiments() const { return m_experiments; }
    // The row of the experiment with this name, or -1.
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ExperimentSummary> m_experiments;
};

} // namespace Trainyard
