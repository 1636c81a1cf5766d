#pragma once

#include "runstatus.h"

#include <QColor>
#include <QIcon>

namespace Trainyard {

// How a run status looks wherever it is shown (run detail header, run tables): one colour and one
// round badge icon per status. Green Completed, red Failed, grey Canceled and NotStarted, blue
// while on its way (Queued to Finalizing), orange when attention is needed (CancelRequested,
// NotResponding).
class RunStatusStyle
{
public:
    RunStatusStyle() = delete;

    static QColor color(RunStatus status);
    // A filled circle in color(status) with a white glyph (tick, cross, stop square, play
    // triangle, hourglass dots or exclamation mark), drawn at any size.
    static QIcon icon(RunStatus status);
};

} // namespace Trainyard
