#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Trainyard {

// The statuses of a run (REFERENCE.md §4, PRODUCT.md "The run protocol").
enum class RunStatus {
    NotStarted,
    Starting,
    Preparing,
    Queued,
    Running,
    Finalizing,
    CancelRequested,
    Completed,
    Failed,
    Canceled,
    NotResponding,
};

class RunStatusInfo
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::RunStatusInfo)

public:
    static QString key(RunStatus status);                        // "Running", as stored and in files
    static std::optional<RunStatus> fromKey(const QString &key); // any case
    static QString displayName(RunStatus status);                // translated
    static bool isTerminal(RunStatus status);                    // Completed, Failed, Canceled
};

} // namespace Trainyard
