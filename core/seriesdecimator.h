#pragma once

#include <QList>
#include <QPointF>

namespace Trainyard {

// Reduces a metric series to what a chart can draw (ENGINEERING.md "Metrics and charts": store
// every point, render about 2x the plot width, always keep first, last, minimum and maximum).
//
// Input is sorted by x (duplicate x values are fine). Output points are copies of input points,
// in input order, each at most once.
//
// Non-finite values: a point whose x or y is NaN or infinite cannot be drawn and would poison the
// triangle areas and the min/max selection, so it is skipped and never appears in a decimated
// output. "First" and "last" therefore mean the first and last finite points. A series without
// finite points decimates to an empty list.
class SeriesDecimator
{
public:
    SeriesDecimator() = delete;

    // Largest-Triangle-Three-Buckets to `threshold` points, plus the global minimum and maximum
    // (first occurrences) if LTTB dropped them: at most threshold + 2 points.
    // Returns `points` itself (no copy) when points.size() <= threshold and every point is finite;
    // a short series with non-finite points comes back without them. A threshold below 3 leaves
    // no room for buckets: the result is the first, last, minimum and maximum (at most 4 points).
    static QList<QPointF> lttb(const QList<QPointF> &points, int threshold);

    // Splits the x range into `buckets` equal intervals (pixel columns) and keeps each interval's
    // minimum and maximum, in x order, plus the first and last points: at most 2 * buckets + 2
    // points (buckets < 1 counts as 1). Returns `points` itself when points.size() <= 2 * buckets
    // and every point is finite.
    static QList<QPointF> minMax(const QList<QPointF> &points, int buckets);

    // What charts call: LTTB to 2 points per horizontal pixel of the plot area.
    static QList<QPointF> forWidth(const QList<QPointF> &points, int pixelWidth);
};

} // namespace Trainyard
