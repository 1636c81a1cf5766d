// SecretPrompt, the studio's dialog for a password or passphrase the keychain does not hold (here:
// no keychain at all, as on a machine without one), driven offscreen while a worker thread connects
// to a real sshd (tests/tools/sshdfixture) through RemoteMachine::connect(), as the background
// monitor and the submit worker do. A wrong answer is forgotten and asked for again; a declined
// prompt is not repeated at once; quitting releases a thread waiting for an answer.

#include "credentialstore.h"
#include "remotemachine.h"
#include "secretprompt.h"
#include "translationloader.h"
#include "workspace.h"
#include "tools/sshdfixture.h"
#include "tools/testfiles.h"

#include <QApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFuture>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

using namespace Trainyard;
using TestFiles::filesHolding;

namespace {

// What a worker thread got: the command's output, or the error.
struct Attempt
{
    QString output;
    QString error;
};

Attempt connectAndRun(const ComputeTarget &target)
{
    CredentialStore store;
    auto connection = RemoteMachine::connect(target, store);
    if (!connection)
        return {{}, connection.errorMessage()};
    auto done = (*connection)->exec(QStringLiteral("printf ok"));
    if (!done)
        return {{}, done.errorMessage()};
    return {QString::fromUtf8(done->standardOutput), {}};
}

QInputDialog *visiblePrompt()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget->objectName() == QLatin1String("secretPromptDialog") && widget->isVisible())
            return qobject_cast<QInputDialog *>(widget);
    }
    return nullptr;
}

// Runs `future` to its end, answering the prompts it shows with `answer` (from a timer: the dialog
// runs its own event loop). Returns what the worker got and how many prompts showed.
struct Outcome
{
    Attempt attempt;
    int prompts = 0;
};

Outcome answerPrompts(QFuture<Attempt> future, const std::function<void(QInputDialog *)> &answer)
{
    Outcome outcome;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&] {
        if (QInputDialog *dialog = visiblePrompt()) {
            ++outcome.prompts;
            answer(dialog);
        }
    });
    timer.start(20);
    QElapsedTimer elapsed;
    elapsed.start();
    while (!future.isFinished() && elapsed.elapsed() < 60000)
        QTest::qWait(20);
    outcome.attempt = future.isFinished() ? future.result() : Attempt{{}, QStringLiteral("the worker did not finish")};
    return outcome;
}

} // namespace

class tst_SecretPrompt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TranslationLoader::install(QStringLiteral("en"));
        // No agent and no keychain: secrets live in this process's memory only.
        qunsetenv("SSH_AUTH_SOCK");
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("DBUS_SESSION_BUS_ADDRESS", QFile::encodeName(QStringLiteral("unix:path=") + m_home.path() + QStringLiteral("/no-bus")));
        const QString failed = m_sshd.setUp();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        auto workspace = Workspace::open(m_home.filePath(QStringLiteral("studio")));
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        m_workspace = std::move(workspace).value();
        SecretPrompt::install();
    }

    void cleanupTestCase() { SecretPrompt::uninstall(); }

    // A password target whose password this process no longer holds (a new studio session).
    void passwordAskedForWhenMissing()
    {
        const ComputeTarget target = attach(QStringLiteral("pw-box"), SshCredentials::Method::Password,
                                            SshCredentials::withPassword(m_sshd.password()));
        const QString key = CredentialStore::key(target.name, CredentialStore::Kind::Password);
        QVERIFY(CredentialStore().remove(key));

        // A mistyped password: refused by the server, forgotten again.
        const QString screenshots = qEnvironmentVariable("TRAINYARD_SCREENSHOT_DIR");
        QString title;
        QString label;
        QLineEdit::EchoMode echo = QLineEdit::Normal;
        const Outcome refused = answerPrompts(QtConcurrent::run(connectAndRun, target), [&](QInputDialog *dialog) {
            title = dialog->windowTitle();
            label = dialog->labelText();
            echo = dialog->textEchoMode();
            dialog->setTextValue(QStringLiteral("not the password"));
            if (!screenshots.isEmpty())
                dialog->grab().save(screenshots + QStringLiteral("/secret-prompt.png"));
            dialog->accept();
        });
        QCOMPARE(refused.prompts, 1);
        QCOMPARE(echo, QLineEdit::Password);
        QCOMPARE(title, QStringLiteral("Password for pw-box"));
        QVERIFY2(label.contains(SshdFixture::user() + QLatin1Char('@') + SshdFixture::host()), qPrintable(label));
        QVERIFY2(label.contains(QLatin1String("until you quit")), qPrintable(label));
        QVERIFY2(!refused.attempt.error.isEmpty(), "a wrong password connected");
        QVERIFY2(!refused.attempt.error.contains(QLatin1String("not the password")), qPrintable(refused.attempt.error));
        QCOMPARE(CredentialStore().read(key).value(), std::optional<QString>());

        // Asked again; the right password connects and stays for the rest of the session.
        const Outcome connected = answerPrompts(QtConcurrent::run(connectAndRun, target), [&](QInputDialog *dialog) {
            dialog->setTextValue(m_sshd.password());
            dialog->accept();
        });
        QCOMPARE(connected.prompts, 1);
        QVERIFY2(connected.attempt.error.isEmpty(), qPrintable(connected.attempt.error));
        QCOMPARE(connected.attempt.output, QStringLiteral("ok"));

        const Outcome again = answerPrompts(QtConcurrent::run(connectAndRun, target), [](QInputDialog *dialog) { dialog->reject(); });
        QCOMPARE(again.prompts, 0);
        QCOMPARE(again.attempt.output, QStringLiteral("ok"));

        QCOMPARE(filesHolding(m_home.path(), m_sshd.password()), QStringList());
    }

    void declinedPromptIsNotRepeatedAtOnce()
    {
        const ComputeTarget target = attach(QStringLiteral("declined-box"), SshCredentials::Method::Password,
                                            SshCredentials::withPassword(m_sshd.password()));
        QVERIFY(CredentialStore().remove(CredentialStore::key(target.name, CredentialStore::Kind::Password)));
        const Outcome declined = answerPrompts(QtConcurrent::run(connectAndRun, target), [](QInputDialog *dialog) { dialog->reject(); });
        QCOMPARE(declined.prompts, 1);
        QVERIFY2(declined.attempt.error.contains(QLatin1String("is not stored")), qPrintable(declined.attempt.error));
        // A poller retrying at once gets the same answer without a dialog.
        const Outcome again = answerPrompts(QtConcurrent::run(connectAndRun, target), [](QInputDialog *dialog) { dialog->reject(); });
        QCOMPARE(again.prompts, 0);
        QVERIFY2(again.attempt.error.contains(QLatin1String("is not stored")), qPrintable(again.attempt.error));
    }

    void passphraseAskedForAKeyAttachedWithOne()
    {
        const QString keyFile = m_sshd.clientKeyFile(SshdFixture::ClientKey::Ed25519);
        const ComputeTarget target = attach(QStringLiteral("key-box"), SshCredentials::Method::PrivateKey,
                                            SshCredentials::withPrivateKey(keyFile, m_sshd.passphrase()));
        QVERIFY(target.properties.value(QLatin1String("passphraseRequired")).toBool());
        QVERIFY(!QJsonDocument(target.properties).toJson().contains(m_sshd.passphrase().toUtf8()));
        QVERIFY(CredentialStore().remove(CredentialStore::key(target.name, CredentialStore::Kind::Passphrase)));
        QString title;
        QString label;
        const Outcome connected = answerPrompts(QtConcurrent::run(connectAndRun, target), [&](QInputDialog *dialog) {
            title = dialog->windowTitle();
            label = dialog->labelText();
            dialog->setTextValue(m_sshd.passphrase());
            dialog->accept();
        });
        QCOMPARE(connected.prompts, 1);
        QCOMPARE(title, QStringLiteral("Passphrase for key-box"));
        QVERIFY2(label.contains(keyFile), qPrintable(label));
        QVERIFY2(connected.attempt.error.isEmpty(), qPrintable(connected.attempt.error));
        QCOMPARE(connected.attempt.output, QStringLiteral("ok"));
    }

    // The application quits while a worker waits for an answer: the worker gives up at once.
    void quittingReleasesAWaitingThread()
    {
        const ComputeTarget target = attach(QStringLiteral("quit-box"), SshCredentials::Method::Password,
                                            SshCredentials::withPassword(m_sshd.password()));
        QVERIFY(CredentialStore().remove(CredentialStore::key(target.name, CredentialStore::Kind::Password)));
        QFuture<Attempt> attempt = QtConcurrent::run([target] {
            // The dialog never gets to show: the application's thread is busy until uninstall().
            return connectAndRun(target);
        });
        QElapsedTimer timer;
        timer.start();
        // Not through the event loop: a queued dialog would show. Give the worker time to ask.
        QThread::msleep(500);
        SecretPrompt::uninstall();
        attempt.waitForFinished();
        QVERIFY2(timer.elapsed() < 5000, "the worker kept waiting after quit");
        QVERIFY2(attempt.result().error.contains(QLatin1String("is not stored")), qPrintable(attempt.result().error));
        QCoreApplication::processEvents(); // the queued dialog call, which must not show now
        QCOMPARE(visiblePrompt(), nullptr);
        SecretPrompt::install();
    }

private:
    ComputeTarget attach(const QString &name, SshCredentials::Method method, const SshCredentials &credentials)
    {
        RemoteAttachRequest request;
        request.name = name;
        request.settings.endpoint = SshEndpoint{SshdFixture::host(), m_sshd.port(), SshdFixture::user()};
        request.settings.method = method;
        request.settings.privateKeyFile = credentials.privateKeyFile;
        request.settings.runsRoot = QStringLiteral("~/.trainyard/prompt-test");
        request.credentials = credentials;
        request.hostKeyPolicy = SshHostKeyPolicy::acceptAndRemember(m_sshd.fingerprint(SshdFixture::HostKey::Ed25519));
        CredentialStore store;
        auto attached = RemoteMachine::attach(*m_workspace, request, store);
        if (!attached) {
            qWarning("attach %s failed: %s", qPrintable(name), qPrintable(attached.error().message));
            return {};
        }
        return attached->target;
    }

    QTemporaryDir m_home;
    SshdFixture m_sshd;
    std::unique_ptr<Workspace> m_workspace;
};

QTEST_MAIN(tst_SecretPrompt)
#include "tst_secretprompt.moc"
