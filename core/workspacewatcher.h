#pragma once

#include <QObject>
#include <QTimer>

namespace Trainyard {

class Workspace;

// Notices changes to a workspace made by any process (a CLI attaching a target, a sweep controller)
// by polling the workspace revision, a single-row read. Emits changed() once per new revision.
class WorkspaceWatcher : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceWatcher(Workspace *workspace, QObject *parent = nullptr);

    void setInterval(int milliseconds);
    void start();
    void stop();

    // Polls now; emits changed() when the revision moved since the last poll.
    void poll();

Q_SIGNALS:
    void changed();

private:
    Workspace *m_workspace;
    QTimer m_timer;
    qint64 m_lastRevision = -1;
};

} // namespace Trainyard
