#pragma once

#include <Qt>

namespace Trainyard {

// Roles shared by the models and the components that read them.
enum ModelRole {
    SortRole = Qt::UserRole,   // the raw value: numbers sort as numbers
    FilterRole,                // the text a filter box matches against
    NameRole,                  // the stable identity of a row (target name, run id)
};

} // namespace Trainyard
