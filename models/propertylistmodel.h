#pragma once

#include <QAbstractTableModel>

namespace Trainyard {

// Label/value pairs for details panes (a compute target's properties, a run's overview).
class PropertyListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { LabelColumn, ValueColumn, ColumnCount };

    explicit PropertyListModel(QObject *parent = nullptr);

    void setRows(const QList<std::pair<QString, QString>> &rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<std::pair<QString, QString>> m_rows;
};

} // namespace Trainyard
