#include "runmodel.h"

#include "modelroles.h"
#include "runstatusstyle.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Trainyard {

namespace {

bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

bool sameSummary(const MetricSummary &a, const MetricSummary &b)
{
    return a.name == b.name && a.kind == b.kind && a.count == b.count && sameNumber(a.last, b.last)
        && sameNumber(a.minimum, b.minimum) && sameNumber(a.maximum, b.maximum) && a.lastText == b.lastText;
}

// What a run row shows: two records that agree here look the same.
bool sameRun(const RunRecord &a, const RunRecord &b)
{
    return a.id == b.id && a.experiment == b.experiment && a.parentRunId == b.parentRunId && a.target == b.target
        && a.status == b.status && a.statusReason == b.statusReason && a.created == b.created && a.started == b.started
        && a.ended == b.ended && a.exitCode == b.exitCode;
}

QString numberText(double value)
{
    if (std::isnan(value))
        return RunModel::tr("NaN");
    if (std::isinf(value))
        return value > 0 ? RunModel::tr("∞") : RunModel::tr("−∞");
    return QLocale().toString(value, 'g', 6);
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

constexpr int RightAligned = int(Qt::AlignRight | Qt::AlignVCenter);

} // namespace

RunModel::RunModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QHash<QString, MetricSummary> RunModel::scalarMetrics(const QList<MetricSummary> &summaries)
{
    // Numbers only: string values logged under a scalar name keep their text in lastText.
    QHash<QString, MetricSummary> scalars;
    for (const MetricSummary &summary : summaries) {
        if (summary.kind == QLatin1String("scalar") && summary.lastText.isEmpty())
            scalars.insert(summary.name, summary);
    }
    return scalars;
}

bool RunModel::sameRow(const Row &a, const Row &b)
{
    if (!sameRun(a.run, b.run) || a.metrics.size() != b.metrics.size())
        return false;
    for (auto it = a.metrics.cbegin(); it != a.metrics.cend(); ++it) {
        const auto other = b.metrics.constFind(it.key());
        if (other == b.metrics.cend() || !sameSummary(*it, *other))
            return false;
    }
    return true;
}

void RunModel::setRuns(const QList<RunRecord> &runs, const QHash<QString, QList<MetricSummary>> &metrics)
{
    QList<Row> fresh;
    fresh.reserve(runs.size());
    QSet<QString> ids;
    QSet<QString> names;
    for (const RunRecord &run : runs) {
        Row row{run, scalarMetrics(metrics.value(run.id))};
        for (auto it = row.metrics.cbegin(); it != row.metrics.cend(); ++it)
            names.insert(it.key());
        ids.insert(run.id);
        fresh.append(std::move(row));
    }

    // Drop the rows whose runs are gone.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!ids.contains(m_rows.at(row).run.id)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }

    QStringList sortedNames(names.cbegin(), names.cend());
    std::sort(sortedNames.begin(), sortedNames.end(), [](const QString &a, const QString &b) {
        const int order = QString::compare(a, b, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a < b;
    });
    updateMetricColumns(sortedNames);

    // Walk the new order: move, update or insert each run into place. Rows before `row` are
    // placed already, so an existing run is found at `row` or after it.
    for (int row = 0; row < fresh.size(); ++row) {
        Row &wanted = fresh[row];
        int existing = -1;
        for (int candidate = row; candidate < m_rows.size(); ++candidate) {
            if (m_rows.at(candidate).run.id == wanted.run.id) {
                existing = candidate;
                break;
            }
        }
        if (existing < 0) {
            beginInsertRows({}, row, row);
            m_rows.insert(row, std::move(wanted));
            endInsertRows();
            continue;
        }
        if (existing != row) {
            beginMoveRows({}, existing, existing, {}, row);
            m_rows.move(existing, row);
            endMoveRows();
        }
        if (!sameRow(m_rows.at(row), wanted)) {
            m_rows[row] = std::move(wanted);
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
        }
    }
}

void RunModel::updateMetricColumns(const QStringList &names)
{
    for (int i = int(m_metricNames.size()) - 1; i >= 0; --i) {
        if (!names.contains(m_metricNames.at(i))) {
            beginRemoveColumns({}, ColumnCount + i, ColumnCount + i);
            m_metricNames.removeAt(i);
            endRemoveColumns();
        }
    }
    // What is left is a sorted subsequence of `names`: insert the missing ones in place.
    for (int i = 0; i < names.size(); ++i) {
        if (i < m_metricNames.size() && m_metricNames.at(i) == names.at(i))
            continue;
        beginInsertColumns({}, ColumnCount + i, ColumnCount + i);
        m_metricNames.insert(i, names.at(i));
        endInsertColumns();
    }
}

void RunModel::clear()
{
    if (m_rows.isEmpty() && m_metricNames.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_metricNames.clear();
    endResetModel();
}

int RunModel::metricColumn(const QString &name) const
{
    const qsizetype i = m_metricNames.indexOf(name);
    return i < 0 ? -1 : ColumnCount + int(i);
}

QString RunModel::runId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).run.id : QString();
}

int RunModel::rowOf(const QString &runId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).run.id == runId)
            return row;
    }
    return -1;
}

bool RunModel::hasActiveRuns() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return !row.run.isTerminal(); });
}

void RunModel::refreshDurations()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!m_rows.at(row).run.isTerminal())
            Q_EMIT dataChanged(index(row, DurationColumn), index(row, DurationColumn), {Qt::DisplayRole, SortRole});
    }
}

QString RunModel::formatDuration(qint64 milliseconds)
{
    // As the run detail header shows it.
    const qint64 seconds = milliseconds / 1000;
    if (seconds < 10)
        return tr("%1 s").arg(QLocale().toString(milliseconds / 1000.0, 'f', 1));
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

int RunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount + int(m_metricNames.size());
}

QVariant RunModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const RunRecord &run = row.run;

    switch (role) {
    case NameRole:
        return run.id;
    case FilterRole:
        return QStringList{run.id, run.experiment, RunStatusInfo::displayName(run.status), run.target}.join(QLatin1Char(' '));
    case StatusRole:
        return int(run.status);
    case ActiveRole:
        return !run.isTerminal();
    default:
        break;
    }

    if (index.column() >= ColumnCount)
        return metricData(row, m_metricNames.at(index.column() - ColumnCount), role);

    switch (index.column()) {
    case RunColumn:
        if (role == Qt::DisplayRole)
            return run.id;
        if (role == SortRole)
            return QStringLiteral("%1/%2").arg(run.experiment.toLower()).arg(run.number, 9, 10, QLatin1Char('0'));
        if (role == Qt::ToolTipRole && !run.parentRunId.isEmpty())
            return tr("Child of %1").arg(run.parentRunId);
        break;
    case ExperimentColumn:
        if (role == Qt::DisplayRole)
            return run.experiment;
        if (role == SortRole)
            return run.experiment.toLower();
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole)
            return RunStatusInfo::displayName(run.status);
        if (role == SortRole)
            return int(run.status);
        if (role == Qt::DecorationRole)
            return RunStatusStyle::icon(run.status);
        if (role == Qt::ForegroundRole)
            return RunStatusStyle::color(run.status);
        if (role == Qt::ToolTipRole)
            return run.statusReason.isEmpty() ? RunStatusInfo::displayName(run.status)
                                              : tr("%1: %2").arg(RunStatusInfo::displayName(run.status), run.statusReason);
        break;
    case TargetColumn:
        if (role == Qt::DisplayRole)
            return run.target;
        if (role == SortRole)
            return run.target.toLower();
        break;
    case SubmittedColumn:
        if (role == Qt::DisplayRole)
            return timeText(run.created);
        if (role == SortRole)
            return run.created.toMSecsSinceEpoch();
        if (role == Qt::ToolTipRole)
            return QLocale().toString(run.created.toLocalTime(), QLocale::LongFormat);
        break;
    case DurationColumn:
        if (role == Qt::DisplayRole)
            return formatDuration(run.durationMs());
        if (role == SortRole)
            return run.durationMs();
        if (role == Qt::TextAlignmentRole)
            return RightAligned;
        if (role == Qt::ToolTipRole) {
            return run.isTerminal() ? tr("From %1 to %2").arg(timeText(run.started.isValid() ? run.started : run.created),
                                                              timeText(run.ended))
                                    : tr("Still going: the duration grows until the run ends.");
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant RunModel::metricData(const Row &row, const QString &name, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return RightAligned;
    const auto found = row.metrics.constFind(name);
    if (found == row.metrics.cend())
        return {};
    const MetricSummary &summary = *found;
    switch (role) {
    case Qt::DisplayRole:
        return numberText(summary.last);
    case SortRole:
        return summary.last;
    case Qt::ToolTipRole:
        //: %1 metric name, %2 its last value, %n how many values were logged, %3 minimum, %4 maximum
        return tr("%1: last %2 of %n value(s); minimum %3, maximum %4", nullptr, summary.count)
            .arg(name, numberText(summary.last), numberText(summary.minimum), numberText(summary.maximum));
    default:
        break;
    }
    return {};
}

QVariant RunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (section >= ColumnCount) {
        const QString &name = m_metricNames.at(section - ColumnCount);
        switch (role) {
        case Qt::DisplayRole:
        case MetricNameRole:
            return name;
        case Qt::ToolTipRole:
            return tr("The last value of the metric “%1”").arg(name);
        case Qt::TextAlignmentRole:
            return RightAligned;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && section == DurationColumn)
        return RightAligned;
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RunColumn:
        return tr("Run");
    case ExperimentColumn:
        return tr("Experiment");
    case StatusColumn:
        return tr("Status");
    case TargetColumn:
        return tr("Target");
    case SubmittedColumn:
        return tr("Submitted");
    case DurationColumn:
        return tr("Duration");
    default:
        return {};
    }
}

} // namespace Trainyard
