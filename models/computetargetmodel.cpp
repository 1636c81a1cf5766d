#include "computetargetmodel.h"

#include "modelroles.h"

#include <QColor>
#include <QIcon>
#include <QLocale>

namespace Trainyard {

namespace {

QString iconPath(ComputeTarget::Type type)
{
    switch (type) {
    case ComputeTarget::Type::Local:
        return QStringLiteral(":/icons/target-local.svg");
    case ComputeTarget::Type::Remote:
        return QStringLiteral(":/icons/target-remote.svg");
    case ComputeTarget::Type::Slurm:
        return QStringLiteral(":/icons/target-cluster.svg");
    }
    return {};
}

QColor stateColor(const ComputeTarget &target)
{
    using S = ComputeTarget::ProvisioningState;
    if (target.isUnreachable())
        return QColor(0xa3, 0x4a, 0x00); // dark orange: the host may come back
    switch (target.state) {
    case S::Succeeded:
        return QColor(0x10, 0x7c, 0x10);
    case S::Failed:
        return QColor(0xc5, 0x0f, 0x1f);
    case S::Creating:
    case S::Updating:
    case S::Deleting:
        return QColor(0x00, 0x5a, 0x9e);
    case S::Unknown:
    case S::Canceled:
        break;
    }
    return {};
}

} // namespace

ComputeTargetModel::ComputeTargetModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ComputeTargetModel::setTargets(const QList<ComputeTarget> &targets)
{
    // Drop the rows whose targets are gone.
    for (int row = int(m_targets.size()) - 1; row >= 0; --row) {
        const QString &name = m_targets.at(row).name;
        const bool kept = std::any_of(targets.cbegin(), targets.cend(), [&](const ComputeTarget &t) { return t.name == name; });
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_targets.removeAt(row);
            endRemoveRows();
        }
    }
    // Walk the new order: move, update or insert each target into place.
    for (int row = 0; row < targets.size(); ++row) {
        const ComputeTarget &target = targets.at(row);
        const int existing = rowOf(target.name);
        if (existing < 0) {
            beginInsertRows({}, row, row);
            m_targets.insert(row, target);
            endInsertRows();
            continue;
        }
        if (existing != row) {
            beginMoveRows({}, existing, existing, {}, row);
            m_targets.move(existing, row);
            endMoveRows();
        }
        if (!(m_targets.at(row) == target)) {
            m_targets[row] = target;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

int ComputeTargetModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_targets.size(); ++row) {
        if (m_targets.at(row).name == name)
            return row;
    }
    return -1;
}

int ComputeTargetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_targets.size());
}

int ComputeTargetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComputeTargetModel::data(const QModelIndex &index, int role) const
{
    // Views ask about invalid indexes too (a combo box with no current item): no data, no warning.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const ComputeTarget &target = m_targets.at(index.row());

    if (role == NameRole)
        return target.name;
    if (role == FilterRole) {
        return QStringList{target.name, ComputeTarget::typeDisplayName(target.type), ComputeTarget::typeKey(target.type),
                           ComputeTarget::stateDisplayName(target.state), target.stateText(), target.sizeFamily(),
                           target.address()}
            .join(QLatin1Char(' '));
    }

    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return target.name;
        if (role == SortRole)
            return target.name.toLower();
        if (role == Qt::DecorationRole)
            return QIcon(iconPath(target.type));
        if (role == Qt::ToolTipRole && target.isBuiltIn())
            return tr("This workstation. Built in: it cannot be deleted or renamed.");
        break;
    case TypeColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return ComputeTarget::typeDisplayName(target.type);
        break;
    case StateColumn:
        if (role == Qt::DisplayRole)
            return target.stateText();
        if (role == SortRole)
            return int(target.state);
        if (role == Qt::ForegroundRole) {
            const QColor color = stateColor(target);
            return color.isValid() ? QVariant(color) : QVariant();
        }
        if (role == Qt::ToolTipRole && !target.errorText.isEmpty())
            return target.errorText;
        break;
    case NodesColumn:
        if (role == Qt::DisplayRole)
            return target.nodesText();
        if (role == SortRole)
            return target.nodes().total;
        if (role == Qt::ToolTipRole)
            return tr("Nodes: idle / busy / total");
        break;
    case SizeColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return target.sizeFamily();
        break;
    case AddressColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return target.address();
        break;
    case CreatedColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(target.created.toLocalTime(), QLocale::ShortFormat);
        if (role == SortRole)
            return target.created.toMSecsSinceEpoch();
        if (role == Qt::ToolTipRole)
            return QLocale().toString(target.created.toLocalTime(), QLocale::LongFormat);
        break;
    default:
        break;
    }
    return {};
}

QVariant ComputeTargetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case StateColumn:
        return tr("State");
    case NodesColumn:
        return tr("Nodes");
    case SizeColumn:
        return tr("Size / family");
    case AddressColumn:
        return tr("Address");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace Trainyard
