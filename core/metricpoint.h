#pragma once

#include <QString>

namespace Trainyard {

// One logged value of a run's metric (PRODUCT.md "The run protocol": a metrics.jsonl line).
struct MetricPoint
{
    QString name;
    qint64 step = 0;
    double value = 0;
    qint64 timeMs = 0;
    QString kind = QStringLiteral("scalar");
    QString text; // string values and non-scalar kinds keep their JSON here
};

} // namespace Trainyard
