#include "backgroundmonitor.h"

#include "runmonitor.h"
#include "workspace.h"

#include <QSemaphore>
#include <QThread>
#include <QTimer>

#include <memory>

namespace Trainyard {

struct BackgroundMonitor::ThreadState
{
    std::unique_ptr<Workspace> workspace;
    std::unique_ptr<RunMonitor> monitor;
    std::unique_ptr<QTimer> timer;
    QString lastError;
};

BackgroundMonitor::BackgroundMonitor(const QString &workspaceLocation, QObject *parent)
    : QObject(parent)
    , m_location(workspaceLocation)
{
}

BackgroundMonitor::~BackgroundMonitor()
{
    stop();
}

void BackgroundMonitor::start()
{
    if (m_thread)
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("trainyard-monitor"));
    m_context = new QObject;
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
    // The thread gets its own copies of the settings.
    QMetaObject::invokeMethod(m_context, [this, location = m_location, interval = m_interval] { setUpInThread(location, interval); });
}

void BackgroundMonitor::stop()
{
    if (!m_thread)
        return;
    // The thread's objects (and its database connection) go in the thread that made them, after the
    // poll in progress. Meanwhile this thread still serves the calls that poll makes on the
    // application object (keychain reads, CredentialStore): waiting blindly would deadlock on them.
    QSemaphore tornDown;
    QMetaObject::invokeMethod(m_context, [this, &tornDown] {
        tearDownInThread();
        tornDown.release();
    });
    while (!tornDown.tryAcquire(1, 10))
        QCoreApplication::sendPostedEvents(QCoreApplication::instance(), QEvent::MetaCall);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_context = nullptr; // deleted with the thread's end (deleteLater)
}

void BackgroundMonitor::pollNow()
{
    if (m_context)
        QMetaObject::invokeMethod(m_context, [this] { pollInThread(); });
}

void BackgroundMonitor::setUpInThread(const QString &location, int interval)
{
    auto opened = Workspace::open(location);
    if (!opened) {
        Q_EMIT error(opened.errorMessage());
        return;
    }
    m_state = new ThreadState;
    m_state->workspace = std::move(opened).value();
    m_state->monitor = std::make_unique<RunMonitor>(m_state->workspace.get());
    // Re-emitted from this object, which lives in the GUI thread: the receivers get it queued.
    connect(m_state->monitor.get(), &RunMonitor::downloadProgress, this, &BackgroundMonitor::downloadProgress);
    // Our own timer rather than the monitor's: one poll at a time, errors reported once.
    m_state->timer = std::make_unique<QTimer>();
    m_state->timer->setInterval(interval);
    connect(m_state->timer.get(), &QTimer::timeout, m_context, [this] { pollInThread(); });
    m_state->timer->start();
    pollInThread();
}

void BackgroundMonitor::tearDownInThread()
{
    delete m_state;
    m_state = nullptr;
}

void BackgroundMonitor::pollInThread()
{
    if (!m_state)
        return;
    const auto changed = m_state->monitor->pollAll();
    if (!changed) {
        reportInThread(changed.errorMessage());
        return;
    }
    m_state->lastError.clear();
    if (!changed->isEmpty())
        Q_EMIT runsChanged(*changed); // queued: our receivers live in the GUI thread
}

void BackgroundMonitor::reportInThread(const QString &message)
{
    if (message == m_state->lastError)
        return;
    m_state->lastError = message;
    Q_EMIT error(message);
}

} // namespace Trainyard
