#pragma once

#include "credentialstore.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace Trainyard {

// The studio's answer when CredentialStore lacks a password or passphrase (no keychain, or the entry
// was removed): a password dialog on the application's thread, whichever thread needs the secret.
// Installed once the application exists; when it quits, threads still waiting for an answer give
// up instead of waiting for a dialog that will never show.
class SecretPrompt
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::SecretPrompt)

public:
    static void install();
    static void uninstall();

    // Shows the dialog and waits for it; std::nullopt when the person cancels. `remembered`: the
    // secret will go to the keychain (else it lasts until the studio quits).
    static std::optional<QString> ask(const CredentialStore::Request &request, bool remembered, QWidget *parent = nullptr);
};

} // namespace Trainyard
