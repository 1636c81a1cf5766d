#include "experimentmodel.h"

#include "modelroles.h"
#include "runstatusstyle.h"

#include <QLocale>

#include <algorithm>

namespace Trainyard {

namespace {

bool sameSummary(const ExperimentSummary &a, const ExperimentSummary &b)
{
    return a.name == b.name && a.created == b.created && a.runCount == b.runCount && a.latestRunId == b.latestRunId
        && a.latestStatus == b.latestStatus;
}

} // namespace

ExperimentModel::ExperimentModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ExperimentModel::setExperiments(const QList<ExperimentSummary> &experiments)
{
    // Drop the rows whose experiments are gone.
    for (int row = int(m_experiments.size()) - 1; row >= 0; --row) {
        const QString &name = m_experiments.at(row).name;
        const bool kept = std::any_of(experiments.cbegin(), experiments.cend(),
                                      [&](const ExperimentSummary &e) { return e.name == name; });
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_experiments.removeAt(row);
            endRemoveRows();
        }
    }
    // Walk the new order: move, update or insert each experiment into place.
    for (int row = 0; row < experiments.size(); ++row) {
        const ExperimentSummary &experiment = experiments.at(row);
        const int existing = rowOf(experiment.name);
        if (existing < 0) {
            beginInsertRows({}, row, row);
            m_experiments.insert(row, experiment);
            endInsertRows();
            continue;
        }
        if (existing != row) {
            beginMoveRows({}, existing, existing, {}, row);
            m_experiments.move(existing, row);
            endMoveRows();
        }
        if (!sameSummary(m_experiments.at(row), experiment)) {
            m_experiments[row] = experiment;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

int ExperimentModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_experiments.size(); ++row) {
        if (m_experiments.at(row).name == name)
            return row;
    }
    return -1;
}

int ExperimentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_experiments.size());
}

int ExperimentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExperimentModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const ExperimentSummary &experiment = m_experiments.at(index.row());

    if (role == NameRole)
        return experiment.name;
    if (role == FilterRole) {
        QStringList words{experiment.name};
        if (experiment.latestStatus)
            words << RunStatusInfo::displayName(*experiment.latestStatus);
        return words.join(QLatin1Char(' '));
    }

    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return experiment.name;
        if (role == SortRole)
            return experiment.name.toLower();
        break;
    case RunsColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(experiment.runCount);
        if (role == SortRole)
            return experiment.runCount;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case LatestStatusColumn:
        if (!experiment.latestStatus) {
            if (role == Qt::DisplayRole)
                return tr("No runs");
            if (role == SortRole)
                return -1;
            break;
        }
        if (role == Qt::DisplayRole)
            return RunStatusInfo::displayName(*experiment.latestStatus);
        if (role == SortRole)
            return int(*experiment.latestStatus);
        if (role == Qt::DecorationRole)
            return RunStatusStyle::icon(*experiment.latestStatus);
        if (role == Qt::ForegroundRole)
            return RunStatusStyle::color(*experiment.latestStatus);
        if (role == Qt::ToolTipRole)
            return tr("Latest run: %1").arg(experiment.latestRunId);
        break;
    case CreatedColumn:
        if (role == Qt::DisplayRole) // as the runs tables show times
            return experiment.created.isValid() ? experiment.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                                : QString();
        if (role == SortRole)
            return experiment.created.toMSecsSinceEpoch();
        if (role == Qt::ToolTipRole)
            return QLocale().toString(experiment.created.toLocalTime(), QLocale::LongFormat);
        break;
    default:
        break;
    }
    return {};
}

QVariant ExperimentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && section == RunsColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case RunsColumn:
        return tr("Runs");
    case LatestStatusColumn:
        return tr("Latest status");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace Trainyard
