#pragma once

#include <QObject>
#include <QStringList>

class QThread;

namespace Trainyard {

// Follows every unfinished run of a workspace while the studio is open: a RunMonitor polling in a
// thread of its own, on its own Workspace connection (opened in that thread), so reading run
// files and storing metrics never freezes the window. Changes come back as queued signals.
// Stopping ends the thread only: runs are detached processes and keep going.
class BackgroundMonitor : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundMonitor(const QString &workspaceLocation, QObject *parent = nullptr);
    ~BackgroundMonitor() override;

    QString workspaceLocation() const { return m_location; }
    // How often the thread polls; takes effect at the next start().
    void setInterval(int milliseconds) { m_interval = milliseconds; }
    int interval() const { return m_interval; }

    void start();
    // Waits for a poll in progress to end, then ends the thread.
    void stop();
    bool isRunning() const { return m_thread != nullptr; }
    // Polls at once instead of at the next tick (after a submit, say).
    void pollNow();

Q_SIGNALS:
    // Runs whose status, metrics or outputs changed in the workspace.
    void runsChanged(const QStringList &runIds);
    // A poll failed (emitted once per distinct message in a row).
    void error(const QString &message);
    // A finished run's outputs and logs coming in from another machine.
    void downloadProgress(const QString &runId, qint64 bytesDone, qint64 bytesTotal);

private:
    struct ThreadState;

    void setUpInThread(const QString &location, int interval);
    void tearDownInThread();
    void pollInThread();
    void reportInThread(const QString &message);

    QString m_location;
    int m_interval = 1000;
    QThread *m_thread = nullptr;
    QObject *m_context = nullptr;      // lives in m_thread: queued calls run there
    ThreadState *m_state = nullptr;    // made, used and deleted in m_thread only
};

} // namespace Trainyard
