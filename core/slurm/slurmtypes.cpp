#include "slurmtypes.h"

#include <QMap>

#include <algorithm>
#include <tuple>

namespace Trainyard {

bool SlurmJob::isRunning() const
{
    return state == QLatin1String("RUNNING") || state == QLatin1String("CONFIGURING")
        || state == QLatin1String("COMPLETING") || state == QLatin1String("STAGE_OUT");
}

bool SlurmJob::isFinished() const
{
    static const QStringList finished{
        QStringLiteral("COMPLETED"), QStringLiteral("FAILED"),        QStringLiteral("CANCELLED"),
        QStringLiteral("TIMEOUT"),   QStringLiteral("NODE_FAIL"),     QStringLiteral("PREEMPTED"),
        QStringLiteral("BOOT_FAIL"), QStringLiteral("OUT_OF_MEMORY"), QStringLiteral("DEADLINE"),
    };
    // sacct writes "CANCELLED by 1000".
    const QString base = state.section(QLatin1Char(' '), 0, 0);
    return finished.contains(base);
}

QString SlurmNodeShape::key() const
{
    QString text = QStringLiteral("%1cpu-%2mb").arg(cpus).arg(memoryMegabytes);
    if (!gres.isEmpty())
        text += QStringLiteral("-%1gpu-%2").arg(gpus).arg(gres);
    if (!features.isEmpty())
        text += QLatin1Char('-') + features.join(QLatin1Char('+'));
    return text;
}

namespace {

// "gpu:a100:4(S:0-1),nic:1" → "gpu:a100:4,nic:1" (entries sorted; socket bindings say where a
// node's devices sit, not what a job can ask for).
QString normalizedGres(const QString &gres)
{
    QStringList entries;
    QString current;
    int depth = 0;
    for (const QChar c : gres) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            depth = std::max(0, depth - 1);
        else if (depth == 0 && c == QLatin1Char(',')) {
            entries << current;
            current.clear();
        } else if (depth == 0)
            current += c;
    }
    entries << current;
    entries.removeAll(QString());
    entries.sort();
    return entries.join(QLatin1Char(','));
}

} // namespace

QList<SlurmNodeShape> SlurmNodeShape::group(const QList<SlurmNode> &nodes)
{
    using Key = std::tuple<int, qint64, QString, QStringList>;
    QMap<Key, SlurmNodeShape> shapes;
    for (const SlurmNode &node : nodes) {
        QStringList features = node.features;
        features.sort();
        const QString gres = normalizedGres(node.gres);
        SlurmNodeShape &shape = shapes[Key{node.cpus, node.memoryMegabytes, gres, features}];
        shape.cpus = node.cpus;
        shape.memoryMegabytes = node.memoryMegabytes;
        shape.gpus = node.gpus;
        shape.gres = gres;
        shape.features = features;
        shape.nodes << node.name;
        for (const QString &partition : node.partitions) {
            if (!shape.partitions.contains(partition))
                shape.partitions << partition;
        }
    }
    QList<SlurmNodeShape> sorted = shapes.values();
    std::stable_sort(sorted.begin(), sorted.end(), [](const SlurmNodeShape &a, const SlurmNodeShape &b) {
        if (a.nodes.size() != b.nodes.size())
            return a.nodes.size() > b.nodes.size();
        return a.key() < b.key();
    });
    return sorted;
}

QList<SlurmNodeShape> SlurmProbe::shapes() const
{
    return SlurmNodeShape::group(nodes);
}

const SlurmPartition *SlurmProbe::partition(const QString &name) const
{
    for (const SlurmPartition &candidate : partitions) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

} // namespace Trainyard
