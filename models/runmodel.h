#pragma once

#include "runrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

namespace Trainyard {

// Runs, one per row: id, experiment, status (colour and icon), target, submission time and
// duration, then one column per scalar metric with the run's last value (SortRole: the number,
// so metrics sort numerically). setRuns() merges a fresh list by run id (inserts, removes, moves,
// dataChanged) and inserts or removes metric columns as metric names come and go, so views keep
// their selection and column widths across refreshes.
class RunModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Metric columns follow the fixed ones: column ColumnCount + i shows metricNames().at(i).
    enum Column { RunColumn, ExperimentColumn, StatusColumn, TargetColumn, SubmittedColumn, DurationColumn, ColumnCount };
    // Model-specific roles start past the shared ones in modelroles.h.
    enum Role {
        StatusRole = Qt::UserRole + 64, // the RunStatus as an int
        ActiveRole,                     // bool: the run is not finished
        MetricNameRole,                 // headerData(): the metric a column shows (empty: a fixed column)
    };

    explicit RunModel(QObject *parent = nullptr);

    // `metrics` holds each run's metric summaries (RunStore::metricSummaries); a run missing from
    // it has no metric values.
    void setRuns(const QList<RunRecord> &runs, const QHash<QString, QList<MetricSummary>> &metrics);
    void clear();

    // The scalar metrics shown as columns, sorted by name.
    QStringList metricNames() const { return m_metricNames; }
    int metricColumn(const QString &name) const;

    QString runId(int row) const;
    const RunRecord &run(int row) const { return m_rows.at(row).run; }
    // The row of the run with this id, or -1.
    int rowOf(const QString &runId) const;
    // Whether some run is not finished (its duration still grows).
    bool hasActiveRuns() const;
    // Durations of unfinished runs grow with the clock: tells views to repaint them.
    void refreshDurations();

    // "0.9 s", "12 s", "3 min 05 s", "2 h 07 min".
    static QString formatDuration(qint64 milliseconds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        RunRecord run;
        QHash<QString, MetricSummary> metrics; // scalar metrics by name
    };

    static QHash<QString, MetricSummary> scalarMetrics(const QList<MetricSummary> &summaries);
    static bool sameRow(const Row &a, const Row &b);
    void updateMetricColumns(const QStringList &names);
    QVariant metricData(const Row &row, const QString &name, int role) const;

    QList<Row> m_rows;
    QStringList m_metricNames;
};

} // namespace Trainyard
