#pragma once

#include "finding.h"

#include <QAbstractTableModel>

namespace Trainyard {

// The findings of one file (parse and validation results), one per row. LineRole and ColumnRole
// (modelroles.h) give every cell the finding's position, for jumping to it.
class FindingModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, LineColumn, MessageColumn, ColumnCount };

    explicit FindingModel(QObject *parent = nullptr);

    void setFindings(const QList<Finding> &findings);
    const QList<Finding> &findings() const { return m_findings; }
    int errorCount() const;
    int warningCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Finding> m_findings;
};

} // namespace Trainyard
