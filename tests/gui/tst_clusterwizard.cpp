// The New Compute Cluster wizard and the Compute page's cluster view on a real one-node Slurm
// (tests/tools/slurmfixture), offscreen: the VM family page lists the node's shape, Finish creates
// a partition with MaxNodes=1, the Nodes tab shows the node idle, Refresh reads Slurm again, and
// Delete removes the partition from Slurm. Through a login node (the loopback sshd of
// tests/tools/sshdfixture, whose user is no Slurm operator): the connection and host key pages,
// the VM family read over SSH, and Slurm's own refusal recorded as a Failed target.
//
// The keychain is kept out of reach (no D-Bus session bus), so secrets stay in this process's
// memory; a HOME of our own holds Trainyard's known_hosts file.

#include "computepage.h"
#include "computetargetmodel.h"
#include "credentialstore.h"
#include "newclusterwizard.h"
#include "remotemachine.h"
#include "translationloader.h"
#include "workspace.h"
#include "tools/slurmfixture.h"
#include "tools/sshdfixture.h"
#include "tools/widgettesting.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Trainyard;
using namespace WidgetTesting;

class tst_ClusterWizard : public QObject
{
    Q_OBJECT

private:
    SlurmFixture m_slurm;
    SshdFixture m_sshd;
    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<Workspace> m_workspace;

    QString partitionLine(const QString &name) const
    {
        const SlurmFixture::Output shown = m_slurm.run(QStringLiteral("scontrol"), {QStringLiteral("show"), QStringLiteral("partition"), name, QStringLiteral("-o")});
        return shown.ok ? QString::fromUtf8(shown.standardOutput).trimmed() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TranslationLoader::install(QStringLiteral("en"));
        // Nothing from the real user: no agent, no keychain, and a HOME of our own.
        qunsetenv("SSH_AUTH_SOCK");
        static QTemporaryDir home;
        qputenv("HOME", QFile::encodeName(home.path()));
        qputenv("DBUS_SESSION_BUS_ADDRESS", QFile::encodeName(QStringLiteral("unix:path=") + home.path() + QStringLiteral("/no-bus")));
        // sshd first: it does not carry the Slurm fixture's SLURM_CONF (whose carriers the fixture ends).
        const QString sshdProblem = m_sshd.setUp();
        if (!sshdProblem.isEmpty())
            QFAIL(qPrintable(QStringLiteral("sshd could not start: ") + sshdProblem));
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

    void createViewAndDeleteACluster()
    {
        const QString name = QStringLiteral("wizq");
        ComputePage page;
        page.setWorkspace(m_workspace.get());
        page.resize(960, 680);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.newClusterAction()->isEnabled());
        page.newClusterAction()->trigger();
        QPointer<NewClusterWizard> wizard = page.findChild<NewClusterWizard *>(QStringLiteral("newClusterWizard"));
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        wizard->resize(720, 580);
        QCOMPARE(wizard->windowTitle(), QStringLiteral("New Compute Cluster"));
        QSignalSpy created(wizard.data(), &NewClusterWizard::created);

        // Name and access: this computer by default.
        QCOMPARE(wizard->currentId(), int(NewClusterWizard::NamePageId));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(child<QRadioButton>(wizard, "localAccessButton")->isChecked());
        QVERIFY(child<QRadioButton>(wizard, "sshAccessButton")->isEnabled());
        QTest::keyClicks(child<QLineEdit>(wizard, "nameEdit"), QStringLiteral("7up"));
        QVERIFY(child<QLabel>(wizard, "nameProblem")->isVisible());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        child<QLineEdit>(wizard, "nameEdit")->clear();
        QTest::keyClicks(child<QLineEdit>(wizard, "nameEdit"), name);
        saveScreenshot(wizard, QStringLiteral("cluster-1-name"));
        QVERIFY(clickNext(wizard));

        // VM family: the fixture's node, with its CPUs; we are root, an operator.
        QCOMPARE(wizard->currentId(), int(NewClusterWizard::FamilyPageId));
        auto *families = child<QTreeWidget>(wizard, "familyView");
        QVERIFY(families);
        QTRY_VERIFY2_WITH_TIMEOUT(families->topLevelItemCount() > 0, qPrintable(pageText(wizard)), 60000);
        QTreeWidgetItem *family = nullptr;
        for (int i = 0; i < families->topLevelItemCount(); ++i) {
            if (families->topLevelItem(i)->toolTip(5).split(QStringLiteral(", ")).contains(m_slurm.nodeName()))
                family = families->topLevelItem(i);
        }
        QVERIFY2(family, qPrintable(pageText(wizard)));
        QCOMPARE(family->text(1), QString::number(m_slurm.cpus()));
        QCOMPARE(family->text(5), QStringLiteral("1"));
        QVERIFY2(child<QLabel>(wizard, "slurmVersionLabel")->text().startsWith(QLatin1String("Slurm ")), qPrintable(pageText(wizard)));
        QVERIFY2(child<QLabel>(wizard, "operatorLabel")->text().contains(QLatin1String("may create")), qPrintable(pageText(wizard)));
        QTest::mouseClick(families->viewport(), Qt::LeftButton, {}, families->visualItemRect(family).center());
        QCOMPARE(families->currentItem(), family);
        saveScreenshot(wizard, QStringLiteral("cluster-2-family"));
        QVERIFY(clickNext(wizard));

        // Scale: one node at most, as many as the family has.
        QCOMPARE(wizard->currentId(), int(NewClusterWizard::ScalePageId));
        auto *maxNodes = child<QSpinBox>(wizard, "maxNodesSpin");
        QCOMPARE(maxNodes->maximum(), 1);
        maxNodes->setValue(1);
        QCOMPARE(child<QSpinBox>(wizard, "minNodesSpin")->value(), 0);
        QCOMPARE(child<QSpinBox>(wizard, "idleSecondsSpin")->value(), 1800);
        saveScreenshot(wizard, QStringLiteral("cluster-3-scale"));
        QVERIFY(clickNext(wizard));

        QCOMPARE(wizard->currentId(), int(NewClusterWizard::SummaryPageId));
        QCOMPARE(child<QLabel>(wizard, "summaryName")->text(), name);
        saveScreenshot(wizard, QStringLiteral("cluster-4-summary"));
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY2(created.wait(120000) || created.count() == 1, qPrintable(pageText(wizard)));
        const auto target = created.takeFirst().at(0).value<ComputeTarget>();
        QVERIFY2(target.state == ComputeTarget::ProvisioningState::Succeeded, qPrintable(target.errorText));
        QTRY_VERIFY(wizard.isNull());

        const QString line = partitionLine(name);
        QVERIFY2(line.contains(QLatin1String(" MaxNodes=1 ")), qPrintable(line));
        QVERIFY2(line.contains(m_slurm.nodeName()), qPrintable(line));

        // The page selects the new cluster: counts on the Overview, the node on the Nodes tab.
        QCOMPARE(page.selectedTargetName(), name);
        auto *tabs = child<QTabWidget>(&page, "detailTabs");
        auto *nodes = child<QTableWidget>(&page, "nodeView");
        QVERIFY(tabs && nodes);
        QVERIFY(tabs->isTabVisible(tabs->indexOf(nodes)));
        QVERIFY(!page.removeAction()->text().contains(QLatin1String("Detach")));
        saveScreenshot(&page, QStringLiteral("cluster-5-overview"));
        tabs->setCurrentWidget(nodes);
        QCOMPARE(nodes->rowCount(), 1);
        QCOMPARE(nodes->item(0, 0)->text(), m_slurm.nodeName());
        QCOMPARE(nodes->item(0, 2)->text(), QStringLiteral("idle"));
        QCOMPARE(nodes->item(0, 3)->text(), QString::number(m_slurm.cpus()));

        // Refresh reads Slurm again in a worker.
        QSignalSpy refreshed(&page, &ComputePage::clusterRefreshed);
        page.refreshAction()->trigger();
        QVERIFY(!refreshed.isEmpty() || refreshed.wait(60000)); // the work may end before the wait starts
        QCOMPARE(nodes->rowCount(), 1);
        QCOMPARE(nodes->item(0, 2)->text(), QStringLiteral("idle"));
        saveScreenshot(&page, QStringLiteral("cluster-6-nodes"));

        // Delete: the partition Trainyard created goes from Slurm too.
        QSignalSpy finished(&page, &ComputePage::remoteWorkFinished);
        answerNextMessageBox(this, QMessageBox::Yes);
        page.removeAction()->trigger();
        QVERIFY(!finished.isEmpty() || finished.wait(60000)); // the work may end before the wait starts
        QVERIFY(!m_workspace->computeTarget(name));
        QCOMPARE(partitionLine(name), QString());
        QVERIFY(!tabs->isTabVisible(tabs->indexOf(nodes)) || page.selectedTargetName() != name);
    }

    void createThroughLoginNode()
    {
        const QString name = QStringLiteral("sshq");
        ComputePage page;
        page.setWorkspace(m_workspace.get());
        page.resize(960, 680);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.newClusterAction()->trigger();
        QPointer<NewClusterWizard> wizard = page.findChild<NewClusterWizard *>(QStringLiteral("newClusterWizard"));
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        wizard->resize(720, 640);
        QSignalSpy created(wizard.data(), &NewClusterWizard::created);

        QTest::keyClicks(child<QLineEdit>(wizard, "nameEdit"), name);
        clickChoice(child<QRadioButton>(wizard, "sshAccessButton"));
        QVERIFY(wizard->isOverSsh());
        QVERIFY(clickNext(wizard));

        // The login node: the connection form shared with the Attach Compute wizard.
        QCOMPARE(wizard->currentId(), int(NewClusterWizard::LoginPageId));
        QWizardPage *login = wizard->currentPage();
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QTest::keyClicks(child<QLineEdit>(login, "hostEdit"), SshdFixture::host());
        child<QSpinBox>(login, "portSpin")->setValue(m_sshd.port());
        child<QLineEdit>(login, "userEdit")->clear();
        QTest::keyClicks(child<QLineEdit>(login, "userEdit"), SshdFixture::user());
        clickChoice(child<QRadioButton>(login, "passwordButton"));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled()); // no password yet
        child<QLineEdit>(login, "passwordEdit")->insert(m_sshd.password());
        QTest::keyClicks(child<QPlainTextEdit>(login, "slurmEnvironmentEdit"), QStringLiteral("SLURM_CONF=") + m_slurm.configFile());
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        QTRY_VERIFY(child<QLabel>(login, "keychainNote")->text().contains(QLatin1String("asked for again")));
        saveScreenshot(wizard, QStringLiteral("cluster-ssh-1-login"));
        QVERIFY(clickNext(wizard));

        // The unknown host key: its SHA256 fingerprint, trust and remember chosen; Cancel would leave.
        QCOMPARE(wizard->currentId(), int(NewClusterWizard::HostKeyPageId));
        auto *fingerprint = child<QLabel>(wizard->currentPage(), "fingerprintLabel");
        QTRY_COMPARE_WITH_TIMEOUT(fingerprint->text(), m_sshd.fingerprint(SshdFixture::HostKey::Ed25519), 30000);
        QVERIFY(fingerprint->text().startsWith(QLatin1String("SHA256:")));
        QVERIFY(child<QRadioButton>(wizard->currentPage(), "trustButton")->isChecked());
        QVERIFY(child<QRadioButton>(wizard->currentPage(), "onceButton")->isVisible());
        clickChoice(child<QRadioButton>(wizard->currentPage(), "refuseButton"));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        clickChoice(child<QRadioButton>(wizard->currentPage(), "trustButton"));
        saveScreenshot(wizard, QStringLiteral("cluster-ssh-2-hostkey"));
        QVERIFY(clickNext(wizard));

        // The VM family, read over SSH; the test user is no Slurm operator, and the page says so.
        QCOMPARE(wizard->currentId(), int(NewClusterWizard::FamilyPageId));
        auto *families = child<QTreeWidget>(wizard, "familyView");
        QTRY_VERIFY2_WITH_TIMEOUT(families->topLevelItemCount() > 0, qPrintable(pageText(wizard)), 60000);
        QCOMPARE(families->currentItem()->toolTip(5), m_slurm.nodeName());
        const QString operatorText = child<QLabel>(wizard, "operatorLabel")->text();
        QVERIFY2(operatorText.contains(SshdFixture::user()) && operatorText.contains(QLatin1String("not a Slurm operator")),
                 qPrintable(operatorText));
        saveScreenshot(wizard, QStringLiteral("cluster-ssh-3-family"));
        QVERIFY(clickNext(wizard));
        QCOMPARE(wizard->currentId(), int(NewClusterWizard::ScalePageId));
        QVERIFY(clickNext(wizard));

        QCOMPARE(wizard->currentId(), int(NewClusterWizard::SummaryPageId));
        QCOMPARE(child<QLabel>(wizard, "summaryAccess")->text(),
                 QStringLiteral("Login node %1@127.0.0.1:%2").arg(SshdFixture::user()).arg(m_sshd.port()));
        QVERIFY(child<QLabel>(wizard, "summaryHostKey")->text().contains(QLatin1String("Trusted and remembered")));
        QVERIFY(child<QLabel>(wizard, "summaryNote")->text().contains(QLatin1String("keychain")));
        saveScreenshot(wizard, QStringLiteral("cluster-ssh-4-summary"));
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY2(created.wait(120000) || created.count() == 1, qPrintable(pageText(wizard)));

        // Slurm refused the test user: its own words, a Failed target, no partition in Slurm.
        const auto target = created.takeFirst().at(0).value<ComputeTarget>();
        QCOMPARE(target.state, ComputeTarget::ProvisioningState::Failed);
        auto *status = child<QLabel>(wizard, "createStatus");
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().contains(QLatin1String("Slurm refused the partition")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QLatin1String("Invalid user id")) || status->text().contains(QLatin1String("denied")),
                 qPrintable(status->text()));
        saveScreenshot(wizard, QStringLiteral("cluster-ssh-5-refused"));
        QCOMPARE(partitionLine(name), QString());
        const SlurmFixture::Output sinfo = m_slurm.run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%R")});
        QVERIFY2(sinfo.ok && !sinfo.standardOutput.contains(name.toUtf8()), sinfo.standardOutput.constData());
        const auto recorded = m_workspace->computeTarget(name);
        QVERIFY2(recorded, qPrintable(recorded.errorMessage()));
        QCOMPARE(recorded->properties.value(QStringLiteral("access")).toString(), QStringLiteral("ssh"));
        QCOMPARE(recorded->properties.value(QStringLiteral("hostKeyFingerprint")).toString(),
                 m_sshd.fingerprint(SshdFixture::HostKey::Ed25519));
        QCOMPARE(recorded->properties.value(QStringLiteral("hostKeyType")).toString(), QStringLiteral("ssh-ed25519"));
        QCOMPARE(recorded->properties.value(QStringLiteral("slurmEnvironment")).toObject().value(QStringLiteral("SLURM_CONF")).toString(),
                 m_slurm.configFile());
        QVERIFY(QFile::exists(RemoteMachine::knownHosts().trainyardFile()));
        // The secret is in the store (this process's memory here), never in the workspace.
        QCOMPARE(*CredentialStore().read(CredentialStore::key(name, CredentialStore::Kind::Password)),
                 std::optional<QString>(m_sshd.password()));
        QFile database(m_workspace->databasePath());
        QVERIFY(database.open(QIODevice::ReadOnly));
        QVERIFY(!database.readAll().contains(m_sshd.password().toUtf8()));

        // Close; then Delete on the Compute page removes the record and its secret.
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY(wizard.isNull());
        QCOMPARE(page.selectedTargetName(), name);
        QSignalSpy finished(&page, &ComputePage::remoteWorkFinished);
        answerNextMessageBox(this, QMessageBox::Yes);
        page.removeAction()->trigger();
        QVERIFY(!finished.isEmpty() || finished.wait(60000)); // the work may end before the wait starts
        QVERIFY(!m_workspace->computeTarget(name));
        QCOMPARE(*CredentialStore().read(CredentialStore::key(name, CredentialStore::Kind::Password)), std::optional<QString>());
    }
};

QTEST_MAIN(tst_ClusterWizard)
#include "tst_clusterwizard.moc"
