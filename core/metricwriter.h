#pragma once

#include "metricpoint.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

namespace Trainyard {

// Appends a run's metric points to the workspace inside the caller's transaction: each point goes
// to its (name, kind) series, created on first use, with the next sequence number of that series;
// a point without a step (hasStep false) takes the count of earlier points of its series. The
// series' count, range and last value are kept up to date in the same transaction.
class MetricWriter
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::MetricWriter)

public:
    // hasStep: one flag per point; empty means every point carries its own step.
    static Result<void> append(const QSqlDatabase &db, const QString &runId, const QList<MetricPoint> &points,
                               const QList<bool> &hasStep = {});
};

} // namespace Trainyard
