#include "runstatus.h"

namespace Trainyard {

namespace {

struct Entry
{
    RunStatus status;
    const char *key;
    const char *display;
};

const Entry entries[] = {
    {RunStatus::NotStarted, "NotStarted", QT_TRANSLATE_NOOP("Trainyard::RunStatusInfo", "Not started")},
    {RunStatus::Starting, "Starting", QT_TRANSLATE_NOOP("Trainyard::RunStatusInfo", "Starting")},
    {RunStatus::Preparing, "Preparing", QT_TRANSLATE_NOOP("Trainyard::RunStatusInfo", "Preparing")},
    {RunStatus::Queued, "Queued", QT_TRANSLATE_NOOP("Trainyard::RunStatusInfo", "Queued")},
    {RunStatus::Running, "Running", QT_TRANSLATE_NOOP("Trainyard::RunStatusInfo", "Running")},
    {RunStatus::Finalizing, "Finalizing", QT_TRANSLATE_NOOP("Trainyard::RunStatusInfo", "Finalizing")},
    {RunStatus::CancelRequested, "CancelRequested", QT_TRANSLATE_NOOP("Trainyard::RunStatusInfo", "Cancel requested")},
    {RunStatus::Completed, "Completed", QT_TRANSLATE_NOOP("Trainyard::RunStatusInfo", "Completed")},
    {RunStatus::Failed, "Failed", QT_TRANSLATE_NOOP("Trainyard::RunStatusInfo", "Failed")},
    {RunStatus::Canceled, "Canceled", QT_TRANSLATE_NOOP("Trainyard::RunStatusInfo", "Canceled")},
    {RunStatus::NotResponding, "NotResponding", QT_TRANSLATE_NOOP("Trainyard::RunStatusInfo", "Not responding")},
};

} // namespace

QString RunStatusInfo::key(RunStatus status)
{
    for (const Entry &entry : entries) {
        if (entry.status == status)
            return QString::fromLatin1(entry.key);
    }
    return {};
}

std::optional<RunStatus> RunStatusInfo::fromKey(const QString &key)
{
    for (const Entry &entry : entries) {
        if (key.compare(QLatin1String(entry.key), Qt::CaseInsensitive) == 0)
            return entry.status;
    }
    return std::nullopt;
}

QString RunStatusInfo::displayName(RunStatus status)
{
    for (const Entry &entry : entries) {
        if (entry.status == status)
            return tr(entry.display);
    }
    return {};
}

bool RunStatusInfo::isTerminal(RunStatus status)
{
    return status == RunStatus::Completed || status == RunStatus::Failed || status == RunStatus::Canceled;
}

} // namespace Trainyard
