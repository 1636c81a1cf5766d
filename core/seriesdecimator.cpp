#include "seriesdecimator.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <iterator>
#include <vector>

namespace Trainyard {

namespace {

bool isFinite(const QPointF &point)
{
    return std::isfinite(point.x()) && std::isfinite(point.y());
}

// The input without its non-finite points; the input itself (shared, not copied) when all are finite.
QList<QPointF> finiteOnly(const QList<QPointF> &points)
{
    const auto firstBad = std::find_if_not(points.cbegin(), points.cend(), isFinite);
    if (firstBad == points.cend())
        return points;
    QList<QPointF> result;
    result.reserve(points.size() - 1);
    std::copy_if(points.cbegin(), points.cend(), std::back_inserter(result), isFinite);
    return result;
}

// Indices of the first and last finite points; first == size when there is none.
struct FiniteRange
{
    qsizetype first = 0;
    qsizetype last = -1;
};

FiniteRange finiteRange(const QPointF *data, qsizetype size)
{
    FiniteRange range;
    while (range.first < size && !isFinite(data[range.first]))
        ++range.first;
    if (range.first == size)
        return range;
    range.last = size - 1;
    while (!isFinite(data[range.last]))
        --range.last;
    return range;
}

// Adds `index` to the sorted `indices` unless it is already there.
void insertSorted(std::vector<qsizetype> &indices, qsizetype index)
{
    const auto it = std::lower_bound(indices.begin(), indices.end(), index);
    if (it == indices.end() || *it != index)
        indices.insert(it, index);
}

QList<QPointF> gather(const QPointF *data, const std::vector<qsizetype> &indices)
{
    QList<QPointF> result;
    result.reserve(qsizetype(indices.size()));
    for (const qsizetype index : indices)
        result.append(data[index]);
    return result;
}

// Running minimum and maximum of y (first occurrences, so strict comparisons).
struct Extremes
{
    double minY;
    double maxY;
    qsizetype minIndex;
    qsizetype maxIndex;

    void add(double y, qsizetype index)
    {
        if (y < minY) {
            minY = y;
            minIndex = index;
        }
        if (y > maxY) {
            maxY = y;
            maxIndex = index;
        }
    }
};

struct Sum
{
    double x = 0;
    double y = 0;
    qsizetype count = 0;

    bool isFinite() const { return std::isfinite(x) && std::isfinite(y); }
};

// Sums without a per-point check: a NaN or infinity makes the sum non-finite, which the caller
// tests once per bucket. Two accumulators per coordinate halve the chain of dependent additions.
Sum sumOf(const QPointF *data, qsizetype begin, qsizetype end)
{
    double x0 = 0;
    double y0 = 0;
    double x1 = 0;
    double y1 = 0;
    qsizetype i = begin;
    for (; i + 1 < end; i += 2) {
        x0 += data[i].x();
        y0 += data[i].y();
        x1 += data[i + 1].x();
        y1 += data[i + 1].y();
    }
    if (i < end) {
        x0 += data[i].x();
        y0 += data[i].y();
    }
    return Sum{x0 + x1, y0 + y1, end - begin};
}

Sum finiteSumOf(const QPointF *data, qsizetype begin, qsizetype end)
{
    Sum sum;
    for (qsizetype i = begin; i < end; ++i) {
        if (isFinite(data[i])) {
            sum.x += data[i].x();
            sum.y += data[i].y();
            ++sum.count;
        }
    }
    return sum;
}

// The index in [begin, end) forming the largest triangle with a (the point kept before) and c
// (the next bucket's average), or -1 if there is no finite point; feeds `extremes` on the way.
// Checked skips non-finite points; the unchecked loop is for buckets known to have none.
// Out of line: inlined into lttb(), GCC 12 keeps the running min/max on the stack, twice as slow.
template<bool Checked>
Q_NEVER_INLINE qsizetype scanBucket(const QPointF *data, qsizetype begin, qsizetype end, QPointF a, QPointF c,
                                    Extremes &extremes)
{
    // Twice the triangle's area; relative to a, so that large x values (wall time) keep precision.
    const double dx = a.x() - c.x();
    const double dy = c.y() - a.y();
    double bestArea = -1;
    qsizetype best = -1;
    Extremes local = extremes; // kept in registers, which the reference (it may alias data) is not
    for (qsizetype i = begin; i < end; ++i) {
        const QPointF &point = data[i];
        if (Checked && !isFinite(point))
            continue;
        const double area = std::abs(dx * (point.y() - a.y()) + dy * (point.x() - a.x()));
        if (area > bestArea) {
            bestArea = area;
            best = i;
        }
        local.add(point.y(), i);
    }
    extremes = local;
    return best;
}

// Minimum and maximum of the finite points in [begin, end); indices -1 if there is none.
Q_NEVER_INLINE Extremes scanExtremes(const QPointF *data, qsizetype begin, qsizetype end)
{
    qsizetype i = begin;
    while (i < end && !isFinite(data[i]))
        ++i;
    if (i == end)
        return Extremes{0, 0, -1, -1};
    Extremes extremes{data[i].y(), data[i].y(), i, i};
    for (++i; i < end; ++i) {
        if (isFinite(data[i]))
            extremes.add(data[i].y(), i);
    }
    return extremes;
}

// First, last, minimum and maximum (first occurrences) of the finite points, in x order.
QList<QPointF> extremesOnly(const QPointF *data, FiniteRange range)
{
    const Extremes extremes = scanExtremes(data, range.first, range.last + 1);
    std::vector<qsizetype> indices{range.first};
    insertSorted(indices, range.last);
    insertSorted(indices, extremes.minIndex);
    insertSorted(indices, extremes.maxIndex);
    return gather(data, indices);
}

} // namespace

QList<QPointF> SeriesDecimator::lttb(const QList<QPointF> &points, int threshold)
{
    if (points.size() <= threshold)
        return finiteOnly(points);

    const QPointF *data = points.constData();
    const FiniteRange range = finiteRange(data, points.size());
    if (range.first > range.last)
        return {};
    if (range.first == range.last)
        return {data[range.first]};
    if (threshold < 3)
        return extremesOnly(data, range);

    // Buckets split the points strictly between the first and the last finite one; integer
    // boundaries so that every index lands in exactly one bucket.
    const qsizetype interior = range.last - range.first - 1;
    const qsizetype bucketCount = threshold - 2;
    const auto bucketStart = [&](qsizetype bucket) { return range.first + 1 + bucket * interior / bucketCount; };

    std::vector<qsizetype> selected;
    selected.reserve(std::size_t(threshold) + 2);
    selected.push_back(range.first);

    // The global extremes are tracked in the same pass as the triangle areas.
    Extremes extremes{data[range.first].y(), data[range.first].y(), range.first, range.first};

    // A bucket whose sums are finite holds no NaN or infinity and takes the unchecked loops.
    bool clean = sumOf(data, bucketStart(0), bucketStart(1)).isFinite();
    qsizetype previous = range.first; // "a": the point selected in the bucket before
    for (qsizetype bucket = 0; bucket < bucketCount; ++bucket) {
        const qsizetype begin = bucketStart(bucket);
        const qsizetype end = bucketStart(bucket + 1);
        // "c": the average of the next bucket; the last bucket looks at the last point.
        const qsizetype nextEnd = bucket + 1 < bucketCount ? bucketStart(bucket + 2) : range.last + 1;
        Sum next = sumOf(data, end, nextEnd);
        const bool nextClean = next.isFinite();
        if (!nextClean)
            next = finiteSumOf(data, end, nextEnd);
        const QPointF c = next.count > 0 ? QPointF(next.x / double(next.count), next.y / double(next.count))
                                         : data[range.last];

        const qsizetype best = clean ? scanBucket<false>(data, begin, end, data[previous], c, extremes)
                                     : scanBucket<true>(data, begin, end, data[previous], c, extremes);
        if (best >= 0) { // a bucket of nothing but NaNs selects nothing
            selected.push_back(best);
            previous = best;
        }
        clean = nextClean;
    }
    selected.push_back(range.last);
    extremes.add(data[range.last].y(), range.last);

    insertSorted(selected, extremes.minIndex);
    insertSorted(selected, extremes.maxIndex);
    return gather(data, selected);
}

QList<QPointF> SeriesDecimator::minMax(const QList<QPointF> &points, int buckets)
{
    buckets = std::max(buckets, 1);
    if (points.size() <= 2 * qsizetype(buckets))
        return finiteOnly(points);

    const QPointF *data = points.constData();
    const FiniteRange range = finiteRange(data, points.size());
    if (range.first > range.last)
        return {};

    const double x0 = data[range.first].x();
    const double span = data[range.last].x() - x0;

    QList<QPointF> result;
    result.reserve(2 * qsizetype(buckets) + 2);
    qsizetype lastKept = -1;
    const auto keep = [&](qsizetype index) {
        if (index != lastKept) { // indices only grow, so a repeat can only be the previous one
            result.append(data[index]);
            lastKept = index;
        }
    };

    keep(range.first);
    qsizetype begin = range.first;
    for (int bucket = 0; bucket < buckets && begin <= range.last; ++bucket) {
        // Bucket ends by binary search on the sorted x; the last bucket takes the rest, so
        // rounding in xEnd cannot lose the last point.
        qsizetype end = range.last + 1;
        if (bucket + 1 < buckets) {
            const double xEnd = x0 + span * (bucket + 1) / buckets;
            end = std::partition_point(data + begin, data + end, [xEnd](const QPointF &point) {
                      return point.x() < xEnd;
                  }) - data;
        }
        if (const Extremes extremes = scanExtremes(data, begin, end); extremes.minIndex >= 0) {
            keep(std::min(extremes.minIndex, extremes.maxIndex));
            keep(std::max(extremes.minIndex, extremes.maxIndex));
        }
        begin = end;
    }
    keep(range.last);
    return result;
}

QList<QPointF> SeriesDecimator::forWidth(const QList<QPointF> &points, int pixelWidth)
{
    return lttb(points, pixelWidth > INT_MAX / 2 ? INT_MAX : 2 * pixelWidth);
}

} // namespace Trainyard
