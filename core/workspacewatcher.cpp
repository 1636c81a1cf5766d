#include "workspacewatcher.h"

#include "workspace.h"

namespace Trainyard {

WorkspaceWatcher::WorkspaceWatcher(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &WorkspaceWatcher::poll);
    if (const auto revision = m_workspace->revision())
        m_lastRevision = *revision;
}

void WorkspaceWatcher::setInterval(int milliseconds)
{
    m_timer.setInterval(milliseconds);
}

void WorkspaceWatcher::start()
{
    m_timer.start();
}

void WorkspaceWatcher::stop()
{
    m_timer.stop();
}

void WorkspaceWatcher::poll()
{
    const auto revision = m_workspace->revision();
    if (!revision || *revision == m_lastRevision)
        return;
    m_lastRevision = *revision;
    Q_EMIT changed();
}

} // namespace Trainyard
