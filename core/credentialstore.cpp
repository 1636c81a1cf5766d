#include "credentialstore.h"

#include <qt6keychain/keychain.h>

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace Trainyard {

namespace {

// Process-wide, because QtKeychain runs one job at a time for the whole process: once the keychain
// failed or hung, no later request could get through either.
struct State
{
    enum class Mode { Unknown, Keychain, Memory };
    Mode mode = Mode::Unknown;
    QString reason;
    QHash<QString, QString> memory; // service + '\n' + key -> secret
    CredentialStore::Prompter prompter;
    QHash<QString, QDeadlineTimer> declined; // service + '\n' + key -> not asked again before
};

QMutex &stateMutex()
{
    static QMutex mutex;
    return mutex;
}

State &state() // guarded by stateMutex()
{
    static State instance;
    return instance;
}

QString memoryKey(const QString &service, const QString &key)
{
    return service + QLatin1Char('\n') + key;
}

void fallBackToMemory(const QString &reason)
{
    QMutexLocker lock(&stateMutex());
    if (state().mode != State::Mode::Memory) {
        state().mode = State::Mode::Memory;
        state().reason = reason;
    }
}

// A keychain's own message could, in theory, quote what it was given.
QString withoutSecret(QString text, const QString &secret)
{
    if (!secret.isEmpty())
        text.replace(secret, QStringLiteral("***"));
    return text;
}

struct JobOutcome
{
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString text;
};

// Runs a QtKeychain job in a nested event loop, at most `timeout`. The job deletes itself once it
// finishes, even after a timeout: deleting it while libsecret still holds it would crash.
JobOutcome runJob(QKeychain::Job *job, std::chrono::milliseconds timeout)
{
    JobOutcome outcome;
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&outcome, &loop](QKeychain::Job *done) {
        outcome.finished = true;
        outcome.error = done->error();
        outcome.errorString = done->errorString();
        if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
            outcome.text = read->textData();
        loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    job->setAutoDelete(true);
    job->start();
    if (!outcome.finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return outcome;
}

// Keychain calls run on the application's thread (QtKeychain's jobs live there). Once in memory,
// no keychain is asked any more, and any thread may go ahead: it then never waits for the
// application's thread, which may itself be waiting for that thread (a monitor stopping at quit).
template<typename Function>
auto onApplicationThread(Function function) -> decltype(function())
{
    QCoreApplication *application = QCoreApplication::instance();
    bool inMemory = false;
    {
        QMutexLocker lock(&stateMutex());
        inMemory = state().mode == State::Mode::Memory;
    }
    if (!application || inMemory || QThread::currentThread() == application->thread())
        return function();
    std::optional<decltype(function())> result;
    QMetaObject::invokeMethod(application, [&result, &function] { result.emplace(function()); },
                              Qt::BlockingQueuedConnection);
    Q_ASSERT(result);
    return std::move(*result);
}

} // namespace

QString CredentialStore::key(const QString &targetName, Kind kind)
{
    return targetName + (kind == Kind::Password ? QStringLiteral("/password") : QStringLiteral("/passphrase"));
}

CredentialStore::CredentialStore(QString service) : m_service(std::move(service)) { }

bool CredentialStore::isAvailable()
{
    return onApplicationThread([this] { return availableHere(); });
}

bool CredentialStore::persistent() const
{
    QMutexLocker lock(&stateMutex());
    return state().mode != State::Mode::Memory;
}

QString CredentialStore::unavailableReason() const
{
    QMutexLocker lock(&stateMutex());
    return state().mode == State::Mode::Memory ? state().reason : QString();
}

Result<void> CredentialStore::store(const QString &key, const QString &secret)
{
    return onApplicationThread([&] { return storeHere(key, secret); });
}

Result<std::optional<QString>> CredentialStore::read(const QString &key)
{
    return onApplicationThread([&] { return readHere(key); });
}

Result<void> CredentialStore::remove(const QString &key)
{
    return onApplicationThread([&] { return removeHere(key); });
}

Result<void> CredentialStore::removeAllFor(const QString &targetName)
{
    // QtKeychain cannot list entries, so every kind of secret is removed by name.
    for (const Kind kind : {Kind::Password, Kind::Passphrase}) {
        if (Result<void> removed = remove(key(targetName, kind)); !removed)
            return removed;
    }
    return {};
}

void CredentialStore::setPrompter(Prompter prompter)
{
    QMutexLocker lock(&stateMutex());
    state().prompter = std::move(prompter);
    state().declined.clear();
}

Result<std::optional<QString>> CredentialStore::readOrAsk(const Request &request, bool *asked)
{
    if (asked)
        *asked = false;
    const QString storeKey = key(request.targetName, request.kind);
    auto stored = read(storeKey);
    if (!stored || *stored)
        return stored;
    // One prompt at a time: two threads needing the same secret ask once.
    static QMutex promptMutex;
    QMutexLocker promptLock(&promptMutex);
    stored = read(storeKey);
    if (!stored || *stored)
        return stored;
    Prompter prompter;
    {
        QMutexLocker lock(&stateMutex());
        const auto declined = state().declined.constFind(memoryKey(m_service, storeKey));
        if (declined != state().declined.cend() && !declined->hasExpired())
            return std::optional<QString>();
        prompter = state().prompter;
    }
    if (!prompter)
        return std::optional<QString>();
    const std::optional<QString> answer = prompter(request);
    if (!answer) {
        QMutexLocker lock(&stateMutex());
        state().declined.insert(memoryKey(m_service, storeKey), QDeadlineTimer(std::chrono::minutes(1)));
        return std::optional<QString>();
    }
    if (auto kept = store(storeKey, *answer); !kept)
        return kept.error();
    if (asked)
        *asked = true;
    return answer;
}

bool CredentialStore::availableHere()
{
    {
        QMutexLocker lock(&stateMutex());
        if (state().mode != State::Mode::Unknown)
            return state().mode == State::Mode::Keychain;
    }

    QString reason;
    if (!QCoreApplication::instance()) {
        reason = tr("The keychain can only be used by an application with an event loop.");
    } else if (const QDBusConnection bus = QDBusConnection::sessionBus(); !bus.isConnected()) {
        reason = tr("No D-Bus session bus is running, so there is no keychain to use.");
    } else {
        // Asking D-Bus first gives a clear reason, and avoids libsecret's slower failure.
        static const QStringList keychains = {QStringLiteral("org.freedesktop.secrets"), QStringLiteral("org.kde.kwalletd6"),
                                              QStringLiteral("org.kde.kwalletd5"), QStringLiteral("org.kde.kwalletd")};
        const QStringList activatable = bus.interface()->activatableServiceNames().value();
        const bool anyKeychain = std::any_of(keychains.cbegin(), keychains.cend(), [&](const QString &name) {
            return activatable.contains(name) || bus.interface()->isServiceRegistered(name).value();
        });
        if (!anyKeychain) {
            reason = tr("No keychain service (GNOME Keyring, KWallet or another Secret Service) is running.");
        } else {
            // Reading a key that is never written: no unlock prompt, yet every layer has to answer.
            auto *job = new QKeychain::ReadPasswordJob(m_service);
            job->setKey(QStringLiteral("availability-probe"));
            const JobOutcome outcome = runJob(job, m_timeout);
            if (!outcome.finished || (outcome.error != QKeychain::NoError && outcome.error != QKeychain::EntryNotFound))
                reason = failureReason(outcome.finished, outcome.errorString);
        }
    }

    QMutexLocker lock(&stateMutex());
    if (state().mode == State::Mode::Unknown) {
        state().mode = reason.isEmpty() ? State::Mode::Keychain : State::Mode::Memory;
        state().reason = reason;
    }
    return state().mode == State::Mode::Keychain;
}

Result<void> CredentialStore::storeHere(const QString &key, const QString &secret)
{
    if (availableHere()) {
        auto *job = new QKeychain::WritePasswordJob(m_service);
        job->setKey(key);
        job->setTextData(secret);
        const JobOutcome outcome = runJob(job, m_timeout);
        if (outcome.finished && outcome.error == QKeychain::NoError)
            return {};
        fallBackToMemory(failureReason(outcome.finished, withoutSecret(outcome.errorString, secret)));
    }
    QMutexLocker lock(&stateMutex());
    state().memory.insert(memoryKey(m_service, key), secret);
    return {};
}

Result<std::optional<QString>> CredentialStore::readHere(const QString &key)
{
    if (availableHere()) {
        auto *job = new QKeychain::ReadPasswordJob(m_service);
        job->setKey(key);
        const JobOutcome outcome = runJob(job, m_timeout);
        if (outcome.finished && outcome.error == QKeychain::NoError)
            return std::optional<QString>(outcome.text);
        if (outcome.finished && outcome.error == QKeychain::EntryNotFound)
            return std::optional<QString>();
        fallBackToMemory(failureReason(outcome.finished, outcome.errorString));
    }
    QMutexLocker lock(&stateMutex());
    const auto found = state().memory.constFind(memoryKey(m_service, key));
    return found == state().memory.cend() ? std::optional<QString>() : std::optional<QString>(*found);
}

Result<void> CredentialStore::removeHere(const QString &key)
{
    {
        QMutexLocker lock(&stateMutex());
        state().memory.remove(memoryKey(m_service, key));
    }
    if (!availableHere())
        return {};
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    const JobOutcome outcome = runJob(job, m_timeout);
    if (outcome.finished && (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound))
        return {};
    // Unlike a secret to keep, one to forget has no fallback: the keychain may still hold it.
    const QString reason = failureReason(outcome.finished, outcome.errorString);
    fallBackToMemory(reason);
    return Error{tr("Could not remove %1 from the keychain. %2").arg(key, reason)};
}

QString CredentialStore::failureReason(bool answered, const QString &errorString) const
{
    if (answered)
        return tr("The keychain cannot be used: %1").arg(errorString);
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count();
    return tr("The keychain did not answer within %n second(s).", nullptr, int(seconds));
}

} // namespace Trainyard
