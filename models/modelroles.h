#pragma once

#include <Qt>

namespace Trainyard {

// Roles shared by the models and the components that read them.
enum ModelRole {
    SortRole = Qt::UserRole,   // the raw value: numbers sort as numbers
    FilterRole,                // the text a filter box matches against
    NameRole,                  // the stable identity of a row (target name, run id)
    LineRole,                  // a finding's 1-based line in its file (0: unknown)
    ColumnRole,                // a finding's 1-based column (0: unknown)
};

} // namespace Trainyard
