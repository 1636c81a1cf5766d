// The Attach Compute wizard and the Compute page's remote actions against a real sshd
// (tests/tools/sshdfixture), offscreen: host key trust (unknown, known, changed), a password that
// must never reach the workspace, a wrong password, Cancel while connecting, Test connection
// (Succeeded, Unreachable) and Detach. Slurm partitions against a real one-node Slurm
// (tests/tools/slurmfixture): attached from this computer through the Compute page, a computer
// without the Slurm commands, and attached through the loopback sshd as a login node.
//
// The keychain is kept out of reach (no D-Bus session bus), so secrets stay in this process's
// memory. QStandardPaths test mode and a HOME of our own hold Trainyard's known_hosts file, which
// the wizard and the test both find through RemoteMachine::knownHosts().

#include "attachremotewizard.h"
#include "computepage.h"
#include "computetargetmodel.h"
#include "credentialstore.h"
#include "remotemachine.h"
#include "slurmcluster.h"
#include "sshknownhosts.h"
#include "translationloader.h"
#include "workspace.h"
#include "tools/slurmfixture.h"
#include "tools/sshdfixture.h"
#include "tools/testfiles.h"
#include "tools/widgettesting.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFontMetrics>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QTreeWidget>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Trainyard;
using namespace WidgetTesting;
using TestFiles::filesHolding;
using TestFiles::readFile;

namespace {

// A listening socket that nobody accepts from: connections complete, and no SSH banner ever comes.
class SilentServer
{
public:
    SilentServer()
        : m_fd(::socket(AF_INET, SOCK_STREAM, 0))
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 && ::listen(m_fd, 4) == 0
            && ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            m_port = ntohs(address.sin_port);
    }
    ~SilentServer()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SilentServer(const SilentServer &) = delete;
    SilentServer &operator=(const SilentServer &) = delete;

    quint16 port() const { return m_port; }

private:
    int m_fd;
    quint16 m_port = 0;
};

// The row of the partition view that stands for `partition`.
QTreeWidgetItem *partitionItem(QTreeWidget *view, const QString &partition)
{
    for (int i = 0; i < view->topLevelItemCount(); ++i) {
        if (view->topLevelItem(i)->data(0, Qt::UserRole).toString() == partition)
            return view->topLevelItem(i);
    }
    return nullptr;
}

QString cell(const QAbstractItemModel *model, const QString &name, int column)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, ComputeTargetModel::NameColumn).data().toString() == name)
            return model->index(row, column).data().toString();
    }
    return QStringLiteral("<no row %1>").arg(name);
}

} // namespace

class tst_AttachWizard : public QObject
{
    Q_OBJECT

private:
    SshdFixture m_sshd;
    SlurmFixture m_slurm;
    QString m_home;
    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<Workspace> m_workspace;

    QString knownHostsFile() const { return RemoteMachine::knownHosts().trainyardFile(); }
    QString fingerprint(SshdFixture::HostKey key = SshdFixture::HostKey::Ed25519) const { return m_sshd.fingerprint(key); }

    std::unique_ptr<AttachRemoteWizard> openWizard()
    {
        auto wizard = std::make_unique<AttachRemoteWizard>(m_workspace.get());
        wizard->resize(680, 560);
        wizard->show();
        if (!QTest::qWaitForWindowExposed(wizard.get()))
            qWarning("the wizard was not shown");
        return wizard;
    }


    // From the kind page to a filled connection page (password method).
    void fillConnection(QWizard *wizard, const QString &name, const QString &password, quint16 port)
    {
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::KindPageId));
        QVERIFY(clickNext(wizard));
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::ConnectionPageId));
        QWizardPage *page = wizard->currentPage();
        auto *nameEdit = child<QLineEdit>(page, "nameEdit");
        auto *hostEdit = child<QLineEdit>(page, "hostEdit");
        auto *portSpin = child<QSpinBox>(page, "portSpin");
        auto *userEdit = child<QLineEdit>(page, "userEdit");
        auto *passwordButton = child<QRadioButton>(page, "passwordButton");
        auto *passwordEdit = child<QLineEdit>(page, "passwordEdit");
        QVERIFY(nameEdit && hostEdit && portSpin && userEdit && passwordButton && passwordEdit);
        QCOMPARE(portSpin->value(), 22);
        QTest::keyClicks(nameEdit, name);
        QTest::keyClicks(hostEdit, SshdFixture::host());
        portSpin->setValue(port);
        userEdit->clear();
        QTest::keyClicks(userEdit, SshdFixture::user());
        clickChoice(passwordButton);
        QVERIFY(passwordButton->isChecked());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled()); // no password yet
        // The fixture's password has non-Latin-1 characters, which QTest::keyClicks cannot type.
        passwordEdit->insert(password);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TranslationLoader::install(QStringLiteral("en"));
        // Nothing from the real user: no agent, no keychain, and a HOME of our own (for
        // ~/.ssh/known_hosts, the default key and QStandardPaths' test folders).
        qunsetenv("SSH_AUTH_SOCK");
        static QTemporaryDir home;
        m_home = home.path();
        qputenv("HOME", QFile::encodeName(m_home));
        qputenv("DBUS_SESSION_BUS_ADDRESS", QFile::encodeName(QStringLiteral("unix:path=") + m_home + QStringLiteral("/no-bus")));
        QVERIFY(knownHostsFile().startsWith(m_home));
        const QString failed = m_sshd.setUp();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const QString problem = m_slurm.start();
        if (!problem.isEmpty()) {
            qCritical("%s", qPrintable(problem));
            QFAIL("Slurm could not start (see above)");
        }
    }

    void init()
    {
        m_temp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_temp->isValid());
        auto workspace = Workspace::open(m_temp->filePath(QStringLiteral("studio")));
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        m_workspace = std::move(workspace).value();
        QFile::remove(knownHostsFile());
        if (!m_sshd.isRunning() || m_sshd.hostKey() != SshdFixture::HostKey::Ed25519) {
            const QString failed = m_sshd.restart(SshdFixture::HostKey::Ed25519);
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
        }
    }

    void cleanup()
    {
        m_workspace.reset();
        m_temp.reset();
    }

    void cleanupTestCase()
    {
        m_sshd.stop();
        m_slurm.stop();
    }

    void connectionPageChecksItsFields()
    {
        ComputeTarget taken;
        taken.name = QStringLiteral("gpu-box");
        taken.properties = QJsonObject{{QStringLiteral("address"), QStringLiteral("gpu-box.example")}};
        QVERIFY(m_workspace->addComputeTarget(taken));
        auto wizard = openWizard();
        QCOMPARE(wizard->windowTitle(), QStringLiteral("Attach Compute"));
        auto *slurm = child<QRadioButton>(wizard.get(), "slurmKindButton");
        QVERIFY(slurm && slurm->isEnabled() && !slurm->isChecked());
        QVERIFY(child<QRadioButton>(wizard.get(), "remoteKindButton")->isChecked());
        saveScreenshot(wizard.get(), QStringLiteral("wizard-1-kind"));
        QVERIFY(clickNext(wizard.get()));

        QWizardPage *page = wizard->currentPage();
        QVERIFY(!child<QWidget>(page, "accessBox")->isVisible()); // Slurm only
        QVERIFY(!child<QWidget>(page, "slurmEnvironmentEdit")->isVisible());
        auto *nameEdit = child<QLineEdit>(page, "nameEdit");
        auto *nameProblem = child<QLabel>(page, "nameProblem");
        auto *hostEdit = child<QLineEdit>(page, "hostEdit");
        auto *passwordEdit = child<QLineEdit>(page, "passwordEdit");
        QCOMPARE(child<QLineEdit>(page, "userEdit")->text(), QString::fromLocal8Bit(::getpwuid(::geteuid())->pw_name));
        QCOMPARE(child<QLineEdit>(page, "runsRootEdit")->text(), QStringLiteral("~/.trainyard/runs"));
        QCOMPARE(passwordEdit->echoMode(), QLineEdit::Password);
        // The name lines up with the connection fields below it.
        QCOMPARE(nameEdit->mapTo(page, QPoint()).x(), hostEdit->mapTo(page, QPoint()).x());
        // No agent: the choice is off, and the page says why.
        QVERIFY(!child<QRadioButton>(page, "agentButton")->isEnabled());
        QVERIFY(child<QLabel>(page, "agentNote")->text().contains(QLatin1String("SSH_AUTH_SOCK")));
        // No keychain here: secrets are asked for again.
        QTRY_VERIFY(child<QLabel>(page, "keychainNote")->text().contains(QLatin1String("asked for again")));
        QVERIFY(child<QLabel>(page, "keychainNote")->text().startsWith(
            QLatin1String("Passwords and passphrases are kept in the desktop keychain, never in the workspace")));

        // The host's first label is offered as the name.
        QTest::keyClicks(hostEdit, QStringLiteral("trainer-07.lab.example"));
        QCOMPARE(nameEdit->text(), QStringLiteral("trainer-07"));
        QTest::keyClicks(passwordEdit, QStringLiteral("secret"));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());

        nameEdit->clear();
        QTest::keyClicks(nameEdit, QStringLiteral("7up"));
        QVERIFY(nameProblem->isVisible());
        QVERIFY2(nameProblem->text().contains(QLatin1String("start with a letter")), qPrintable(nameProblem->text()));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        nameEdit->clear();
        QTest::keyClicks(nameEdit, QStringLiteral("GPU-box"));
        QVERIFY2(nameProblem->text().contains(QLatin1String("already has")), qPrintable(nameProblem->text()));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        nameEdit->clear();
        QTest::keyClicks(nameEdit, QStringLiteral("trainer-07"));
        QVERIFY(!nameProblem->isVisible());

        // A key file that does not exist is named.
        clickChoice(child<QRadioButton>(page, "keyButton"));
        QVERIFY(child<QLineEdit>(page, "keyFileEdit")->hasFocus());
        QVERIFY(!passwordEdit->isEnabled());
        QTest::keyClicks(child<QLineEdit>(page, "keyFileEdit"), QStringLiteral("~/.ssh/missing"));
        QVERIFY(child<QLabel>(page, "keyProblem")->isVisible());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        saveScreenshot(wizard.get(), QStringLiteral("wizard-2-connection-problems"));
    }

    void attachWithPassword()
    {
        const QString name = QStringLiteral("lab-box");
        auto wizard = openWizard();
        fillConnection(wizard.get(), name, m_sshd.password(), m_sshd.port());
        if (QTest::currentTestFailed())
            return;
        saveScreenshot(wizard.get(), QStringLiteral("wizard-2-connection"));

        // Enter is Next.
        QTest::keyClick(child<QLineEdit>(wizard->currentPage(), "passwordEdit"), Qt::Key_Return);
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::HostKeyPageId));
        QWizardPage *hostKeyPage = wizard->currentPage();
        auto *fingerprintLabel = child<QLabel>(hostKeyPage, "fingerprintLabel");
        QVERIFY(fingerprintLabel);
        QTRY_COMPARE_WITH_TIMEOUT(fingerprintLabel->text(), fingerprint(), 30000);
        QVERIFY(fingerprintLabel->isVisible());
        QVERIFY(fingerprintLabel->textInteractionFlags() & Qt::TextSelectableByMouse);
        const QFontMetrics metrics(fingerprintLabel->font());
        QCOMPARE(metrics.horizontalAdvance(QLatin1Char('i')), metrics.horizontalAdvance(QLatin1Char('W'))); // monospace
        QCOMPARE(child<QLabel>(hostKeyPage, "hostKeyHost")->text(), QStringLiteral("127.0.0.1:%1").arg(m_sshd.port()));
        QCOMPARE(child<QLabel>(hostKeyPage, "hostKeyType")->text(), QStringLiteral("ssh-ed25519"));
        auto *trust = child<QRadioButton>(hostKeyPage, "trustButton");
        QVERIFY(trust->isVisible() && trust->isChecked());
        QVERIFY(child<QRadioButton>(hostKeyPage, "onceButton")->isVisible());
        QVERIFY(child<QRadioButton>(hostKeyPage, "refuseButton")->isVisible());
        QVERIFY(!child<QRadioButton>(hostKeyPage, "replaceButton")->isVisible());
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        saveScreenshot(wizard.get(), QStringLiteral("wizard-3-hostkey"));
        // "Do not connect" keeps the wizard here.
        clickChoice(child<QRadioButton>(hostKeyPage, "refuseButton"));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        clickChoice(trust);

        QVERIFY(clickNext(wizard.get()));
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::ProbePageId));
        auto *cpus = child<QLabel>(wizard->currentPage(), "cpuValue");
        QTRY_COMPARE_WITH_TIMEOUT(cpus->text(), QString::number(::sysconf(_SC_NPROCESSORS_ONLN)), 60000);
        QVERIFY(cpus->isVisible());
        QVERIFY(child<QLabel>(wizard->currentPage(), "pythonValue")->text().startsWith(QLatin1String("Python 3")));
        QCOMPARE(child<QLabel>(wizard->currentPage(), "writableValue")->text(), QStringLiteral("yes"));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        saveScreenshot(wizard.get(), QStringLiteral("wizard-4-probe"));
        // Trust is written on Finish, not before.
        QVERIFY(!QFile::exists(knownHostsFile()));

        QVERIFY(clickNext(wizard.get()));
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::SummaryPageId));
        QCOMPARE(child<QLabel>(wizard->currentPage(), "summaryName")->text(), name);
        QVERIFY(child<QLabel>(wizard->currentPage(), "summaryHostKey")->text().contains(fingerprint()));
        saveScreenshot(wizard.get(), QStringLiteral("wizard-5-summary"));
        QSignalSpy attached(wizard.get(), &AttachRemoteWizard::attached);
        QSignalSpy accepted(wizard.get(), &QDialog::accepted);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(!accepted.isEmpty() || accepted.wait(60000)); // the work may end before the wait starts
        QCOMPARE(attached.size(), 1);
        QVERIFY(!wizard->isVisible());

        const auto target = m_workspace->computeTarget(name);
        QVERIFY2(target, qPrintable(target.errorMessage()));
        QCOMPARE(target->type, ComputeTarget::Type::Remote);
        QCOMPARE(target->state, ComputeTarget::ProvisioningState::Succeeded);
        QCOMPARE(target->properties.value(QStringLiteral("authentication")).toString(), QStringLiteral("password"));
        QCOMPARE(target->properties.value(QStringLiteral("hostKeyFingerprint")).toString(), fingerprint());
        QCOMPARE(target->properties.value(QStringLiteral("userName")).toString(), SshdFixture::user());
        QCOMPARE(wizard->outcome().target.name, name);
        QVERIFY(!wizard->outcome().secretsRemembered); // no keychain here
        QVERIFY(QFile::exists(knownHostsFile()));

        // The password is in memory only: not in the workspace, nor anywhere in HOME.
        QVERIFY(QFile::exists(m_workspace->databasePath()));
        QCOMPARE(filesHolding(m_workspace->location(), m_sshd.password()), QStringList());
        QCOMPARE(filesHolding(m_home, m_sshd.password()), QStringList());
        QCOMPARE(*CredentialStore().read(CredentialStore::key(name, CredentialStore::Kind::Password)),
                 std::optional<QString>(m_sshd.password()));
        QVERIFY(CredentialStore().remove(CredentialStore::key(name, CredentialStore::Kind::Password)));
    }

    void knownHostKeyMovesOn()
    {
        SshSession session(RemoteMachine::knownHosts());
        QVERIFY(session.connect({SshdFixture::host(), m_sshd.port(), SshdFixture::user()}, SshCredentials::withPassword(m_sshd.password()),
                                SshHostKeyPolicy::acceptAndRemember(fingerprint())));
        session.disconnect();

        auto wizard = openWizard();
        fillConnection(wizard.get(), QStringLiteral("known-box"), m_sshd.password(), m_sshd.port());
        if (QTest::currentTestFailed())
            return;
        // A runs folder the test user cannot create: the probe says so, and attaching stays possible.
        auto *runsRoot = child<QLineEdit>(wizard->currentPage(), "runsRootEdit");
        runsRoot->clear();
        QTest::keyClicks(runsRoot, QStringLiteral("/proc/trainyard-runs"));
        QVERIFY(clickNext(wizard.get()));
        // Nothing to decide: the wizard goes on to the probe by itself.
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(AttachRemoteWizard::ProbePageId), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), qPrintable(pageText(wizard.get())), 60000);
        auto *problems = child<QLabel>(wizard->currentPage(), "probeProblems");
        QVERIFY(problems->isVisible());
        QVERIFY2(problems->text().contains(QLatin1String("/proc/trainyard-runs cannot be written")), qPrintable(problems->text()));
        QCOMPARE(child<QLabel>(wizard->currentPage(), "writableValue")->text(), QStringLiteral("no"));
        saveScreenshot(wizard.get(), QStringLiteral("wizard-4b-probe-problems"));
        QVERIFY(clickNext(wizard.get()));
        QVERIFY(child<QLabel>(wizard->currentPage(), "summaryHostKey")->text().contains(QLatin1String("Already trusted")));
        QVERIFY(child<QLabel>(wizard->currentPage(), "summaryProblems"));
        wizard->reject();
        QCOMPARE(m_workspace->computeTargets()->size(), 1);
    }

    void finishFailureKeepsEverything()
    {
        auto wizard = openWizard();
        fillConnection(wizard.get(), QStringLiteral("flaky-box"), m_sshd.password(), m_sshd.port());
        if (QTest::currentTestFailed())
            return;
        QVERIFY(clickNext(wizard.get()));
        QTRY_VERIFY2_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), qPrintable(pageText(wizard.get())), 30000);
        QVERIFY(clickNext(wizard.get()));
        QTRY_VERIFY2_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), qPrintable(pageText(wizard.get())), 60000);
        QVERIFY(clickNext(wizard.get()));

        // The machine goes away before Finish: the error shows, the wizard stays as it was.
        m_sshd.stop();
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        auto *status = child<QLabel>(wizard->currentPage(), "attachStatus");
        QTRY_VERIFY_WITH_TIMEOUT(status->isVisible(), 30000);
        QVERIFY2(status->text().contains(QLatin1String("Connection refused")), qPrintable(status->text()));
        QVERIFY(wizard->isVisible());
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::SummaryPageId));
        QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
        QVERIFY(wizard->button(QWizard::BackButton)->isEnabled());
        QVERIFY(wizard->button(QWizard::CancelButton)->isEnabled());
        QCOMPARE(m_workspace->computeTargets()->size(), 1);
        QVERIFY(!QFile::exists(knownHostsFile()));
        saveScreenshot(wizard.get(), QStringLiteral("wizard-9-finish-failed"));

        // Back again: Finish works with what was entered.
        const QString started = m_sshd.start(SshdFixture::HostKey::Ed25519);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QSignalSpy accepted(wizard.get(), &QDialog::accepted);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(!wizard->button(QWizard::FinishButton)->isEnabled()); // while attaching
        QVERIFY(!wizard->button(QWizard::CancelButton)->isEnabled());
        QTest::keyClick(wizard.get(), Qt::Key_Escape); // ignored: the target is being recorded
        QVERIFY(!accepted.isEmpty() || accepted.wait(60000)); // the work may end before the wait starts
        QCOMPARE(wizard->result(), int(QDialog::Accepted));
        QCOMPARE(m_workspace->computeTarget(QStringLiteral("flaky-box"))->state, ComputeTarget::ProvisioningState::Succeeded);
    }

    void wrongPassword()
    {
        auto wizard = openWizard();
        fillConnection(wizard.get(), QStringLiteral("lab-box"), QStringLiteral("not the password"), m_sshd.port());
        if (QTest::currentTestFailed())
            return;
        QVERIFY(clickNext(wizard.get()));
        QTRY_VERIFY2_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), qPrintable(pageText(wizard.get())), 30000);
        QVERIFY(clickNext(wizard.get()));
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::ProbePageId));
        auto *status = child<QLabel>(wizard->currentPage(), "probeStatus");
        QTRY_VERIFY_WITH_TIMEOUT(status->isVisible(), 60000);
        QVERIFY2(status->text().contains(QLatin1String("did not accept the password")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QLatin1String("Go Back")), qPrintable(status->text()));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(wizard->button(QWizard::BackButton)->isEnabled());
        saveScreenshot(wizard.get(), QStringLiteral("wizard-6-wrong-password"));
        QCOMPARE(m_workspace->computeTargets()->size(), 1);
        QVERIFY(!QFile::exists(knownHostsFile()));

        // Back to the connection page, the password fixed, and on it goes.
        QTest::mouseClick(wizard->button(QWizard::BackButton), Qt::LeftButton);
        QTest::mouseClick(wizard->button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::ConnectionPageId));
        auto *passwordEdit = child<QLineEdit>(wizard->currentPage(), "passwordEdit");
        QCOMPARE(child<QLineEdit>(wizard->currentPage(), "nameEdit")->text(), QStringLiteral("lab-box")); // kept
        passwordEdit->clear();
        passwordEdit->insert(m_sshd.password());
        QVERIFY(clickNext(wizard.get()));
        QTRY_VERIFY2_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), qPrintable(pageText(wizard.get())), 30000);
        QVERIFY(child<QRadioButton>(wizard->currentPage(), "trustButton")->isChecked());
        QVERIFY(clickNext(wizard.get()));
        QTRY_VERIFY2_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), qPrintable(pageText(wizard.get())), 60000);
        QVERIFY(!child<QLabel>(wizard->currentPage(), "probeStatus")->isVisible());
        wizard->reject();
        QCOMPARE(m_workspace->computeTargets()->size(), 1);
    }

    void changedHostKey()
    {
        // The first key is trusted, then the host presents another one.
        SshSession session(RemoteMachine::knownHosts());
        QVERIFY(session.connect({SshdFixture::host(), m_sshd.port(), SshdFixture::user()}, SshCredentials::withPassword(m_sshd.password()),
                                SshHostKeyPolicy::acceptAndRemember(fingerprint())));
        session.disconnect();
        const QString restarted = m_sshd.restart(SshdFixture::HostKey::Ed25519Replacement);
        QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
        const QString oldFingerprint = fingerprint(SshdFixture::HostKey::Ed25519);
        const QString newFingerprint = fingerprint(SshdFixture::HostKey::Ed25519Replacement);

        auto wizard = openWizard();
        fillConnection(wizard.get(), QStringLiteral("moved-box"), m_sshd.password(), m_sshd.port());
        if (QTest::currentTestFailed())
            return;
        QVERIFY(clickNext(wizard.get()));
        QWizardPage *page = wizard->currentPage();
        auto *previous = child<QLabel>(page, "previousFingerprintLabel");
        auto *presented = child<QLabel>(page, "fingerprintLabel");
        QTRY_VERIFY_WITH_TIMEOUT(previous->isVisible(), 30000);
        QVERIFY2(previous->text().contains(oldFingerprint), qPrintable(previous->text()));
        QCOMPARE(presented->text(), newFingerprint);
        auto *status = child<QLabel>(page, "hostKeyStatus");
        QVERIFY2(status->text().startsWith(QLatin1String("Warning")), qPrintable(status->text()));
        // Cancel is the default; nothing goes on until the replacement is chosen explicitly.
        auto *refuse = child<QRadioButton>(page, "refuseButton");
        auto *replace = child<QRadioButton>(page, "replaceButton");
        QVERIFY(refuse->isChecked());
        QVERIFY(!replace->isChecked());
        QVERIFY(!child<QRadioButton>(page, "trustButton")->isVisible());
        QVERIFY(!child<QRadioButton>(page, "onceButton")->isVisible());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QCOMPARE(wizard->hostKeyPolicy().mode, SshHostKeyPolicy::Mode::RequireKnown);
        QTest::keyClick(wizard.get(), Qt::Key_Return); // Enter does not get past it either
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::HostKeyPageId));
        saveScreenshot(wizard.get(), QStringLiteral("wizard-7-changed-key"));

        clickChoice(replace);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(clickNext(wizard.get()));
        QTRY_VERIFY2_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), qPrintable(pageText(wizard.get())), 60000);
        // Still the old key on disk: the replacement is written on Finish.
        QFile before(knownHostsFile());
        QVERIFY(before.open(QIODevice::ReadOnly));
        QVERIFY(before.readAll().contains(m_sshd.publicKeyLine(SshdFixture::HostKey::Ed25519).toUtf8()));
        QVERIFY(clickNext(wizard.get()));
        QVERIFY(child<QLabel>(wizard->currentPage(), "summaryHostKey")->text().contains(QLatin1String("Replaces")));
        QSignalSpy accepted(wizard.get(), &QDialog::accepted);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(!accepted.isEmpty() || accepted.wait(60000)); // the work may end before the wait starts
        QCOMPARE(m_workspace->computeTarget(QStringLiteral("moved-box"))->properties.value(QStringLiteral("hostKeyFingerprint")).toString(),
                 newFingerprint);
        QFile after(knownHostsFile());
        QVERIFY(after.open(QIODevice::ReadOnly));
        const QByteArray known = after.readAll();
        QVERIFY(known.contains(m_sshd.publicKeyLine(SshdFixture::HostKey::Ed25519Replacement).toUtf8()));
        QVERIFY(!known.contains(m_sshd.publicKeyLine(SshdFixture::HostKey::Ed25519).toUtf8()));
    }

    void cancelWhileConnecting()
    {
        // A server that takes the connection and never says a word: the SSH handshake waits.
        SilentServer silent;
        QVERIFY(silent.port() != 0);
        auto wizard = openWizard();
        fillConnection(wizard.get(), QStringLiteral("silent-box"), QStringLiteral("whatever"), silent.port());
        if (QTest::currentTestFailed())
            return;
        QVERIFY(clickNext(wizard.get()));
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::HostKeyPageId));
        QTRY_VERIFY(child<QWidget>(wizard->currentPage(), "hostKeyBusy")->isVisible());
        saveScreenshot(wizard.get(), QStringLiteral("wizard-8-connecting"));
        QElapsedTimer timer;
        timer.start();
        QTest::mouseClick(wizard->button(QWizard::CancelButton), Qt::LeftButton);
        QVERIFY(!wizard->isVisible());
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        wizard.reset();
        // The worker gives up in the background; its late result goes nowhere.
        QVERIFY(QThreadPool::globalInstance()->waitForDone(60000));
        QCoreApplication::processEvents();
        QCOMPARE(m_workspace->computeTargets()->size(), 1);
    }

    void computePageTestsAndDetaches()
    {
        const QString name = QStringLiteral("lab-box");
        ComputePage page;
        page.resize(1000, 640);
        page.setWorkspace(m_workspace.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.attachAction()->isEnabled());
        QVERIFY(!page.testAction()->isEnabled()); // local is selected
        QVERIFY(!page.removeAction()->isEnabled());

        // Attach… opens the wizard; attaching through it adds and selects the target.
        page.attachAction()->trigger();
        auto *wizard = page.findChild<AttachRemoteWizard *>();
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        QVERIFY(wizard->isModal());
        QPointer<AttachRemoteWizard> guard(wizard);
        QTest::keyClick(wizard, Qt::Key_Escape);
        QTRY_VERIFY(!guard); // closed and deleted
        QSignalSpy finished(&page, &ComputePage::remoteWorkFinished);
        page.attachAction()->trigger();
        wizard = page.findChild<AttachRemoteWizard *>();
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        {
            fillConnection(wizard, name, m_sshd.password(), m_sshd.port());
            if (QTest::currentTestFailed())
                return;
            QVERIFY(clickNext(wizard));
            QTRY_VERIFY2_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), qPrintable(pageText(wizard)), 30000);
            QVERIFY(clickNext(wizard));
            QTRY_VERIFY2_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), qPrintable(pageText(wizard)), 60000);
            QVERIFY(clickNext(wizard));
            QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        }
        QVERIFY(!finished.isEmpty() || finished.wait(60000)); // the work may end before the wait starts
        QCOMPARE(page.selectedTargetName(), name);
        const QAbstractItemModel *model = page.proxyModel();
        QCOMPARE(cell(model, name, ComputeTargetModel::StateColumn), QStringLiteral("Succeeded"));
        QVERIFY(page.testAction()->isEnabled());
        QCOMPARE(page.removeAction()->text(), QStringLiteral("Detach"));

        // Test connection: Succeeded.
        finished.clear();
        page.testAction()->trigger();
        QVERIFY(!page.testAction()->isEnabled()); // one test at a time
        auto *result = child<QLabel>(&page, "resultLabel");
        QVERIFY(result->isVisible());
        QVERIFY(!finished.isEmpty() || finished.wait(60000)); // the work may end before the wait starts
        QCOMPARE(cell(model, name, ComputeTargetModel::StateColumn), QStringLiteral("Succeeded"));
        QVERIFY2(result->text().contains(QLatin1String("Succeeded")), qPrintable(result->text()));
        QVERIFY(page.testAction()->isEnabled());
        saveScreenshot(&page, QStringLiteral("compute-tested"));

        // A host key nobody trusts any more: Test connection says so and offers to trust it, showing
        // the fingerprint; Cancel leaves it untrusted, Trust and Remember makes the target work again.
        QVERIFY(QFile::remove(SshKnownHosts::defaultTrainyardFile()));
        finished.clear();
        QString asked;
        auto answer = [&](QMessageBox::StandardButton button) {
            auto *timer = new QTimer(this);
            timer->setInterval(10);
            connect(timer, &QTimer::timeout, this, [this, timer, button, &asked] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (!box || box->objectName() != QLatin1String("trustHostKeyBox"))
                    return;
                timer->stop();
                timer->deleteLater();
                asked = box->text() + QLatin1Char('\n') + box->informativeText();
                saveScreenshot(box, QStringLiteral("compute-trust-host-key"));
                box->button(button)->click();
            });
            timer->start();
        };
        answer(QMessageBox::Cancel);
        page.testAction()->trigger();
        QVERIFY(!finished.isEmpty() || finished.wait(60000));
        QVERIFY2(asked.contains(m_sshd.fingerprint(SshdFixture::HostKey::Ed25519)), qPrintable(asked));
        QCOMPARE(cell(model, name, ComputeTargetModel::StateColumn), QStringLiteral("Failed"));
        QVERIFY(m_workspace->computeTarget(name)->properties.contains(QLatin1String("untrustedHostKey")));
        asked.clear();
        finished.clear();
        answer(QMessageBox::Yes);
        page.testAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 2, 60000); // the test, then the trust
        QVERIFY(!asked.isEmpty());
        QCOMPARE(cell(model, name, ComputeTargetModel::StateColumn), QStringLiteral("Succeeded"));
        QVERIFY(!m_workspace->computeTarget(name)->properties.contains(QLatin1String("untrustedHostKey")));
        QVERIFY(readFile(SshKnownHosts::defaultTrainyardFile()).contains(QByteArray::number(m_sshd.port())));

        // With sshd stopped: Unreachable, in the table, the details and the result line.
        m_sshd.stop();
        finished.clear();
        page.testAction()->trigger();
        QVERIFY(!finished.isEmpty() || finished.wait(60000)); // the work may end before the wait starts
        QCOMPARE(cell(model, name, ComputeTargetModel::StateColumn), QStringLiteral("Unreachable"));
        QVERIFY2(result->text().contains(QLatin1String("Unreachable")), qPrintable(result->text()));
        const auto target = m_workspace->computeTarget(name);
        QVERIFY(target && target->isUnreachable());
        auto *properties = child<QTableView>(&page, "propertyView");
        QStringList rows;
        for (int row = 0; row < properties->model()->rowCount(); ++row)
            rows << properties->model()->index(row, 0).data().toString() + QLatin1Char('=') + properties->model()->index(row, 1).data().toString();
        QVERIFY2(rows.contains(QStringLiteral("Provisioning state=Unreachable")), qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY2(rows.contains(QStringLiteral("Reachable=no")), qPrintable(rows.join(QLatin1Char('\n'))));
        saveScreenshot(&page, QStringLiteral("compute-unreachable"));

        // Local stays undeletable; the remote machine is detached after a confirmation.
        page.selectTarget(QStringLiteral("local"));
        QVERIFY(!page.removeAction()->isEnabled());
        QVERIFY(!page.testAction()->isEnabled());
        page.selectTarget(name);
        finished.clear();
        answerNextMessageBox(this, QMessageBox::Yes);
        page.removeAction()->trigger();
        QVERIFY(!finished.isEmpty() || finished.wait(30000)); // the work may end before the wait starts
        QVERIFY(!m_workspace->computeTarget(name));
        QCOMPARE(cell(model, QStringLiteral("local"), ComputeTargetModel::NameColumn), QStringLiteral("local"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(*CredentialStore().read(CredentialStore::key(name, CredentialStore::Kind::Password)), std::optional<QString>());
    }

    void attachLocalSlurmPartition()
    {
        const QString name = QStringLiteral("debug-part");
        ComputePage page;
        page.resize(1000, 640);
        page.setWorkspace(m_workspace.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy finished(&page, &ComputePage::remoteWorkFinished);
        page.attachAction()->trigger();
        auto *wizard = page.findChild<AttachRemoteWizard *>();
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        wizard->resize(680, 600);

        // Kind: a Slurm partition.
        clickChoice(child<QRadioButton>(wizard, "slurmKindButton"));
        QVERIFY(wizard->isSlurm());
        saveScreenshot(wizard, QStringLiteral("slurm-1-kind"));
        QVERIFY(clickNext(wizard));

        // Connection: this computer by default, no SSH fields.
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::ConnectionPageId));
        QWizardPage *connection = wizard->currentPage();
        QVERIFY(child<QWidget>(connection, "accessBox")->isVisible());
        QVERIFY(child<QRadioButton>(connection, "localAccessButton")->isChecked());
        QVERIFY(!child<QWidget>(connection, "sshConnectionForm")->isVisible());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled()); // no name yet
        QTest::keyClicks(child<QLineEdit>(connection, "nameEdit"), name);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        saveScreenshot(wizard, QStringLiteral("slurm-2-connection-local"));
        QVERIFY(clickNext(wizard));

        // No host key step: the partitions straight away.
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::PartitionPageId));
        auto *partitions = child<QTreeWidget>(wizard->currentPage(), "partitionView");
        QVERIFY(partitions);
        QTRY_VERIFY2_WITH_TIMEOUT(partitions->topLevelItemCount() > 0, qPrintable(pageText(wizard)), 60000);
        QTreeWidgetItem *debug = partitionItem(partitions, QStringLiteral("debug"));
        QVERIFY2(debug, qPrintable(pageText(wizard)));
        QCOMPARE(debug->text(0), QStringLiteral("debug (default)"));
        QCOMPARE(debug->text(1), QStringLiteral("1"));
        QCOMPARE(debug->text(2), QString::number(m_slurm.cpus()));
        QCOMPARE(debug->text(4), QStringLiteral("none"));
        QCOMPARE(debug->text(5), QStringLiteral("UP"));
        QCOMPARE(debug->toolTip(1), m_slurm.nodeName());
        QCOMPARE(partitions->currentItem(), debug); // the default partition is chosen
        QVERIFY2(child<QLabel>(wizard->currentPage(), "slurmClusterLabel")->text().contains(m_slurm.clusterName()),
                 qPrintable(pageText(wizard)));
        QTest::mouseClick(partitions->viewport(), Qt::LeftButton, {}, partitions->visualItemRect(debug).center());
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        saveScreenshot(wizard, QStringLiteral("slurm-3-partitions"));
        QVERIFY(clickNext(wizard));

        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::SummaryPageId));
        QCOMPARE(child<QLabel>(wizard->currentPage(), "summaryName")->text(), name);
        QCOMPARE(child<QLabel>(wizard->currentPage(), "summaryAccess")->text(), QStringLiteral("This computer"));
        QVERIFY2(child<QLabel>(wizard->currentPage(), "summaryPartition")->text().startsWith(QLatin1String("debug: 1 node,")),
                 qPrintable(pageText(wizard)));
        saveScreenshot(wizard, QStringLiteral("slurm-4-summary"));
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY2(finished.wait(60000), qPrintable(pageText(wizard)));

        // The target is in the workspace, with the partition; the Compute page selects it.
        const auto target = m_workspace->computeTarget(name);
        QVERIFY2(target, qPrintable(target.errorMessage()));
        QCOMPARE(target->type, ComputeTarget::Type::Slurm);
        QCOMPARE(target->state, ComputeTarget::ProvisioningState::Succeeded);
        QCOMPARE(target->properties.value(QStringLiteral("partition")).toString(), QStringLiteral("debug"));
        QCOMPARE(target->properties.value(QStringLiteral("access")).toString(), QStringLiteral("local"));
        QCOMPARE(target->properties.value(QStringLiteral("createdByTrainyard")).toBool(), false);
        QCOMPARE(target->properties.value(QStringLiteral("nodesTotal")).toInt(), 1);
        QCOMPARE(page.selectedTargetName(), name);
        QCOMPARE(cell(page.proxyModel(), name, ComputeTargetModel::StateColumn), QStringLiteral("Succeeded"));
        saveScreenshot(&page, QStringLiteral("slurm-5-compute-page"));
    }

    void noSlurmCommandsHere()
    {
        // A computer without the Slurm commands: the probe says so, nothing is recorded, and once
        // the commands are there Try Again finds the partitions.
        const QByteArray path = qgetenv("PATH");
        QTemporaryDir empty;
        auto wizard = openWizard();
        clickChoice(child<QRadioButton>(wizard.get(), "slurmKindButton"));
        QVERIFY(clickNext(wizard.get()));
        QTest::keyClicks(child<QLineEdit>(wizard->currentPage(), "nameEdit"), QStringLiteral("nowhere"));
        qputenv("PATH", QFile::encodeName(empty.path()));
        QVERIFY(clickNext(wizard.get()));
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::PartitionPageId));
        auto *status = child<QLabel>(wizard->currentPage(), "partitionStatus");
        QTRY_VERIFY_WITH_TIMEOUT(status->isVisible(), 60000);
        qputenv("PATH", path);
        QVERIFY2(status->text().contains(QLatin1String("sinfo")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QLatin1String("Go Back")), qPrintable(status->text()));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(wizard->button(QWizard::BackButton)->isEnabled());
        saveScreenshot(wizard.get(), QStringLiteral("slurm-6-no-commands"));
        QCOMPARE(m_workspace->computeTargets()->size(), 1);

        QTest::mouseClick(child<QPushButton>(wizard->currentPage(), "retryPartitionsButton"), Qt::LeftButton);
        auto *partitions = child<QTreeWidget>(wizard->currentPage(), "partitionView");
        QTRY_VERIFY2_WITH_TIMEOUT(partitions->topLevelItemCount() > 0, qPrintable(pageText(wizard.get())), 60000);
        QVERIFY(!status->isVisible());
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(wizard->button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::ConnectionPageId));
        wizard->reject();
        QCOMPARE(m_workspace->computeTargets()->size(), 1);
    }

    void attachSlurmThroughLoginNode()
    {
        const QString name = QStringLiteral("login-part");
        auto wizard = openWizard();
        wizard->resize(680, 640);
        clickChoice(child<QRadioButton>(wizard.get(), "slurmKindButton"));
        QVERIFY(clickNext(wizard.get()));

        // A login node: the SSH fields and the Slurm environment appear.
        QWizardPage *page = wizard->currentPage();
        clickChoice(child<QRadioButton>(page, "sshAccessButton"));
        QVERIFY(child<QWidget>(page, "sshConnectionForm")->isVisible());
        auto *environment = child<QPlainTextEdit>(page, "slurmEnvironmentEdit");
        QVERIFY(environment->isVisible());
        // The name lines up with the connection fields (whose labels are wider here).
        QCOMPARE(child<QLineEdit>(page, "nameEdit")->mapTo(page, QPoint()).x(), environment->mapTo(page, QPoint()).x());
        QTest::keyClicks(child<QLineEdit>(page, "hostEdit"), SshdFixture::host());
        child<QSpinBox>(page, "portSpin")->setValue(m_sshd.port());
        child<QLineEdit>(page, "userEdit")->clear();
        QTest::keyClicks(child<QLineEdit>(page, "userEdit"), SshdFixture::user());
        clickChoice(child<QRadioButton>(page, "passwordButton"));
        child<QLineEdit>(page, "passwordEdit")->insert(m_sshd.password());
        QTest::keyClicks(child<QLineEdit>(page, "nameEdit"), name);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        // The test cluster's configuration is not where a login node keeps its own.
        QTest::keyClicks(environment, QStringLiteral("not a variable"));
        QVERIFY(child<QLabel>(page, "environmentProblem")->isVisible());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        environment->clear();
        QTest::keyClicks(environment, QStringLiteral("SLURM_CONF=") + m_slurm.configFile());
        QVERIFY(!child<QLabel>(page, "environmentProblem")->isVisible());
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        saveScreenshot(wizard.get(), QStringLiteral("slurm-7-connection-login-node"));
        QVERIFY(clickNext(wizard.get()));

        // The unknown host key: trusted and remembered (on Finish).
        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::HostKeyPageId));
        auto *fingerprintLabel = child<QLabel>(wizard->currentPage(), "fingerprintLabel");
        QTRY_COMPARE_WITH_TIMEOUT(fingerprintLabel->text(), fingerprint(), 30000);
        QVERIFY(child<QRadioButton>(wizard->currentPage(), "trustButton")->isChecked());
        QVERIFY(clickNext(wizard.get()));

        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::PartitionPageId));
        auto *partitions = child<QTreeWidget>(wizard->currentPage(), "partitionView");
        QTRY_VERIFY2_WITH_TIMEOUT(partitions->topLevelItemCount() > 0, qPrintable(pageText(wizard.get())), 60000);
        QVERIFY2(partitionItem(partitions, QStringLiteral("debug")), qPrintable(pageText(wizard.get())));
        QCOMPARE(partitions->currentItem(), partitionItem(partitions, QStringLiteral("debug")));
        QVERIFY(!QFile::exists(knownHostsFile())); // trust is written on Finish
        saveScreenshot(wizard.get(), QStringLiteral("slurm-8-partitions-login-node"));
        QVERIFY(clickNext(wizard.get()));

        QCOMPARE(wizard->currentId(), int(AttachRemoteWizard::SummaryPageId));
        QCOMPARE(child<QLabel>(wizard->currentPage(), "summaryAccess")->text(),
                 QStringLiteral("Login node %1@127.0.0.1:%2").arg(SshdFixture::user()).arg(m_sshd.port()));
        QVERIFY(child<QLabel>(wizard->currentPage(), "summaryHostKey")->text().contains(fingerprint()));
        QCOMPARE(child<QLabel>(wizard->currentPage(), "summaryEnvironment")->text(), QStringLiteral("SLURM_CONF=") + m_slurm.configFile());
        saveScreenshot(wizard.get(), QStringLiteral("slurm-9-summary-login-node"));
        QSignalSpy accepted(wizard.get(), &QDialog::accepted);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY2(accepted.wait(60000), qPrintable(pageText(wizard.get())));

        const auto target = m_workspace->computeTarget(name);
        QVERIFY2(target, qPrintable(target.errorMessage()));
        QCOMPARE(target->type, ComputeTarget::Type::Slurm);
        QCOMPARE(target->properties.value(QStringLiteral("partition")).toString(), QStringLiteral("debug"));
        QCOMPARE(target->properties.value(QStringLiteral("access")).toString(), QStringLiteral("ssh"));
        QCOMPARE(target->properties.value(QStringLiteral("userName")).toString(), SshdFixture::user());
        QCOMPARE(target->properties.value(QStringLiteral("hostKeyFingerprint")).toString(), fingerprint());
        QCOMPARE(target->properties.value(QStringLiteral("hostKeyType")).toString(), QStringLiteral("ssh-ed25519"));
        QCOMPARE(target->properties.value(QStringLiteral("slurmEnvironment")).toObject().value(QStringLiteral("SLURM_CONF")).toString(),
                 m_slurm.configFile());
        QCOMPARE(target->properties.value(QStringLiteral("nodesTotal")).toInt(), 1);
        QVERIFY(QFile::exists(knownHostsFile()));
        QVERIFY(!wizard->outcome().secretsRemembered); // no keychain here

        // The password is in memory only: not in the workspace, nor anywhere in HOME.
        QCOMPARE(filesHolding(m_workspace->location(), m_sshd.password()), QStringList());
        QCOMPARE(filesHolding(m_home, m_sshd.password()), QStringList());
        QCOMPARE(*CredentialStore().read(CredentialStore::key(name, CredentialStore::Kind::Password)),
                 std::optional<QString>(m_sshd.password()));

        // The target works afterwards, with the secret from the store and the trusted key.
        CredentialStore store;
        const auto refreshed = SlurmCluster::refresh(*m_workspace, name, store);
        QVERIFY2(refreshed, qPrintable(refreshed.errorMessage()));
        QCOMPARE(refreshed->state, ComputeTarget::ProvisioningState::Succeeded);
        QVERIFY(CredentialStore().removeAllFor(name));
    }
};

QTEST_MAIN(tst_AttachWizard)
#include "tst_attachwizard.moc"
