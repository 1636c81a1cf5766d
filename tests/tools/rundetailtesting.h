#pragma once

// What the run detail suites share.

#include "rundetailwidget.h"
#include "runmonitor.h"

namespace RunDetailTesting {

// One step of what the studio does: the monitor follows the run, the view reads it; the status shown.
inline QString follow(Trainyard::RunMonitor &monitor, Trainyard::RunDetailWidget &widget)
{
    (void)monitor.poll(widget.runId());
    widget.refresh();
    return widget.statusText();
}

} // namespace RunDetailTesting
