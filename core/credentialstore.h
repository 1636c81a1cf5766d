#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

namespace Trainyard {

// SSH passwords and key passphrases of compute targets, kept in the desktop keychain (Secret
// Service or KWallet over D-Bus, through QtKeychain) under the service "Trainyard" and keys like
// "gpu-box/password". Secrets are never written in plaintext: when no keychain can be used, they
// are kept in this process's memory only and persistent() turns false, so the caller can say "not
// remembered; you will be asked again". Errors never contain a secret.
//
// Calls block: each waits for the keychain in a nested event loop, at most timeout(). They need a
// QCoreApplication. From another thread they run on the application's thread and wait for it, so
// never call them from a thread that the application's thread is waiting for.
class CredentialStore
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::CredentialStore)

public:
    enum class Kind { Password, Passphrase };

    static QString defaultService() { return QStringLiteral("Trainyard"); }
    // "<targetName>/password" or "<targetName>/passphrase".
    static QString key(const QString &targetName, Kind kind);

    explicit CredentialStore(QString service = defaultService());

    // Whether a keychain answers on the D-Bus session bus. Asked once per process (without
    // prompting the user) and remembered; false once the process has fallen back to memory.
    bool isAvailable();
    // True while secrets go to the keychain (and before the keychain was first asked). False after
    // the fallback to memory, which lasts for the life of the process (QtKeychain queues every
    // request behind one that hangs).
    bool persistent() const;
    // Why the keychain is not used, for a person; empty while it is.
    QString unavailableReason() const;

    // A keychain that is missing, locked, refuses or fails is not an error: from then on secrets are
    // kept in memory, persistent() is false and unavailableReason() says why.
    Result<void> store(const QString &key, const QString &secret);
    // std::nullopt when nothing is stored under the key (or the keychain failed: see store()).
    Result<std::optional<QString>> read(const QString &key);
    // Removing a key that holds nothing succeeds. A keychain that fails to remove the entry is an
    // Error (it may still hold the secret), and the process falls back to memory. Once in memory,
    // only the copy in memory is removed: the keychain is not asked any more.
    Result<void> remove(const QString &key);
    // Removes the password and the passphrase of a compute target.
    Result<void> removeAllFor(const QString &targetName);

    // A secret the store lacks, to ask a person for: of which target, which kind, for which account
    // ("me@gpu-box:22" or a key file).
    struct Request
    {
        QString targetName;
        Kind kind = Kind::Password;
        QString account;
    };
    // Asks a person; std::nullopt when they decline. Called on the thread that needs the secret, one
    // request at a time.
    using Prompter = std::function<std::optional<QString>(const Request &)>;
    // Process-wide; none by default (the CLI then fails with what to do instead). The studio
    // installs one that shows a dialog.
    static void setPrompter(Prompter prompter);
    // read(), and when nothing is stored: the prompter's answer, kept as store() keeps it (the
    // keychain, or memory). std::nullopt without a prompter, or when the person declined: then they
    // are not asked again for that key for a minute (a poller would ask every second). `asked` tells
    // whether the answer came from the prompter now, so that a caller finding it wrong can remove it.
    // Never call this from the application's thread while another thread may be prompting.
    Result<std::optional<QString>> readOrAsk(const Request &request, bool *asked = nullptr);

    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

private:
    Result<void> storeHere(const QString &key, const QString &secret);
    Result<std::optional<QString>> readHere(const QString &key);
    Result<void> removeHere(const QString &key);
    bool availableHere();
    QString failureReason(bool answered, const QString &errorString) const;

    QString m_service;
    std::chrono::milliseconds m_timeout{25000}; // D-Bus's own default reply timeout
};

} // namespace Trainyard
