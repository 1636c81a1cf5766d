#include "seriessmoother.h"

#include <algorithm>
#include <cmath>

namespace Trainyard {

QList<QPointF> SeriesSmoother::ema(const QList<QPointF> &points, double weight)
{
    if (!(weight > 0) || points.isEmpty())
        return points;
    weight = std::min(weight, 0.999);

    const auto firstFinite = std::find_if(points.cbegin(), points.cend(),
                                          [](const QPointF &point) { return std::isfinite(point.y()); });
    if (firstFinite == points.cend())
        return points;
    const double firstY = firstFinite->y();
    const bool constant = std::all_of(firstFinite, points.cend(), [firstY](const QPointF &point) {
        return point.y() == firstY || !std::isfinite(point.y());
    });
    if (constant)
        return points;

    QList<QPointF> result;
    result.reserve(points.size());
    double last = 0;
    double weightPower = 1; // weight^n, kept by multiplication instead of a pow() per point
    for (const QPointF &point : points) {
        const double y = point.y();
        if (!std::isfinite(y)) {
            result.append(point);
            continue;
        }
        last = last * weight + (1 - weight) * y;
        const bool first = weightPower == 1;
        weightPower *= weight;
        // The first value divides out exactly in theory; say so, so that rounding cannot move it.
        result.append(first ? point : QPointF(point.x(), last / (1 - weightPower)));
    }
    return result;
}

bool SeriesSmoother::allPositive(const QList<QPointF> &points)
{
    bool anyFinite = false;
    for (const QPointF &point : points) {
        if (!std::isfinite(point.y()))
            continue;
        if (point.y() <= 0)
            return false;
        anyFinite = true;
    }
    return anyFinite;
}

} // namespace Trainyard
