#include "secretprompt.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QSemaphore>
#include <QThread>

#include <atomic>
#include <memory>

namespace Trainyard {

namespace {

std::atomic<bool> quitting{false};

} // namespace

std::optional<QString> SecretPrompt::ask(const CredentialStore::Request &request, bool remembered, QWidget *parent)
{
    const bool password = request.kind == CredentialStore::Kind::Password;
    QInputDialog dialog(parent ? parent : QApplication::activeWindow());
    dialog.setObjectName(QStringLiteral("secretPromptDialog"));
    dialog.setWindowTitle(password ? tr("Password for %1").arg(request.targetName) : tr("Passphrase for %1").arg(request.targetName));
    const QString need = password ? tr("Trainyard needs the password of %1 to reach the compute target “%2”.")
                                        .arg(request.account, request.targetName)
                                  : tr("Trainyard needs the passphrase of the key %1 to reach the compute target “%2”.")
                                        .arg(request.account, request.targetName);
    const QString kept = remembered ? tr("It will be kept in your keychain.")
                                    : tr("There is no keychain to keep it in, so it is kept only until you quit the studio.");
    dialog.setLabelText(need + QLatin1Char('\n') + kept);
    dialog.setInputMode(QInputDialog::TextInput);
    dialog.setTextEchoMode(QLineEdit::Password);
    dialog.setOkButtonText(tr("Connect"));
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.textValue();
}

void SecretPrompt::install()
{
    quitting = false;
    static QMetaObject::Connection atQuit;
    if (!atQuit)
        atQuit = QObject::connect(qApp, &QCoreApplication::aboutToQuit, qApp, &SecretPrompt::uninstall);
    CredentialStore::setPrompter([](const CredentialStore::Request &request) -> std::optional<QString> {
        const bool remembered = CredentialStore().persistent();
        if (QThread::currentThread() == qApp->thread())
            return ask(request, remembered);
        // Another thread (the background monitor, a worker): the dialog shows on the application's
        // thread; wait for it without blocking that thread's way out at quit.
        struct Exchange
        {
            QSemaphore done;
            std::optional<QString> answer;
        };
        auto exchange = std::make_shared<Exchange>();
        QMetaObject::invokeMethod(
            qApp,
            [exchange, request, remembered] {
                if (!quitting)
                    exchange->answer = ask(request, remembered);
                exchange->done.release();
            },
            Qt::QueuedConnection);
        while (!exchange->done.tryAcquire(1, 100)) {
            if (quitting)
                return std::nullopt;
        }
        return exchange->answer;
    });
}

void SecretPrompt::uninstall()
{
    quitting = true;
    CredentialStore::setPrompter({});
}

} // namespace Trainyard
