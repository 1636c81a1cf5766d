#pragma once

#include <QList>
#include <QPointF>

namespace Trainyard {

// Smoothing and scale checks for metric series, applied by charts after decimation.
class SeriesSmoother
{
public:
    SeriesSmoother() = delete;

    // TensorBoard's debiased exponential moving average. `weight` in [0, 1): 0 returns `points`
    // unchanged; a NaN or negative weight counts as 0, a weight >= 1 as 0.999 (TensorBoard's
    // slider maximum). Debiasing divides by 1 - weight^n (n = finite values so far), so the curve
    // starts at the first value instead of rising from zero. Non-finite y values are passed
    // through and do not update the average. A constant series is returned unchanged, free of
    // rounding noise that would give the axis a spurious range.
    static QList<QPointF> ema(const QList<QPointF> &points, double weight);

    // Whether a log-scale y axis can show the series: there is at least one finite y and every
    // finite y is > 0 (non-finite points are not drawn, so they do not count).
    static bool allPositive(const QList<QPointF> &points);
};

} // namespace Trainyard
