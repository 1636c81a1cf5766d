// The run detail view following a run on a remote machine through a real sshd on 127.0.0.1
// (tests/tools/sshdfixture), offscreen: the run shows Running with its log, and its Cancel button
// stops the script on the host (its process group is gone) and the run ends Canceled.

#include "credentialstore.h"
#include "logview.h"
#include "remotemachine.h"
#include "rundetailwidget.h"
#include "runmonitor.h"
#include "runstore.h"
#include "translationloader.h"
#include "workspace.h"
#include "tools/rundetailtesting.h"
#include "tools/runtesting.h"
#include "tools/sshdfixture.h"
#include "tools/widgettesting.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace Trainyard;
using RunDetailTesting::follow;

namespace {

constexpr char Target[] = "gpu-box";

// Whether the process whose "<pid> <start time>" the launcher wrote is still the one running.
bool stillRunning(const QByteArray &pidLine)
{
    const QList<QByteArray> parts = pidLine.trimmed().split(' ');
    if (parts.size() != 2)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(QString::fromLatin1(parts.at(0))));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.value(19) == parts.at(1);
}

// The processes of the process group `group` on this machine (the host is this machine).
int groupMembers(const QByteArray &group)
{
    int members = 0;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        QFile stat(QStringLiteral("/proc/") + entry + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // After "(comm) ": state, ppid, pgrp.
        if (text.mid(text.lastIndexOf(')') + 2).split(' ').value(2) == group)
            ++members;
    }
    return members;
}

} // namespace

class tst_RemoteRunDetail : public QObject
{
    Q_OBJECT

    SshdFixture m_sshd;
    QTemporaryDir m_temp;
    std::unique_ptr<Workspace> m_workspace;
    QString m_runsRoot;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TranslationLoader::install(QStringLiteral("en"));
        qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // no keychain: nothing to keep anyway, the agent signs
        const QString problem = m_sshd.setUp();
        if (!problem.isEmpty())
            QFAIL(qPrintable(QStringLiteral("sshd could not start: ") + problem));
        qputenv("SSH_AUTH_SOCK", QFile::encodeName(m_sshd.agentSocket()));
        QVERIFY(m_temp.isValid());
        auto workspace = Workspace::open(m_temp.filePath(QStringLiteral("ws")));
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        m_workspace = std::move(workspace).value();

        RemoteAttachRequest request;
        request.name = QLatin1String(Target);
        request.settings.endpoint = {SshdFixture::host(), m_sshd.port(), SshdFixture::user()};
        request.settings.method = SshCredentials::Method::Agent;
        request.credentials = SshCredentials::withAgent();
        m_runsRoot = QStringLiteral("~/.trainyard/detail-%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        request.settings.runsRoot = m_runsRoot;
        request.hostKeyPolicy = SshHostKeyPolicy::acceptAndRemember(m_sshd.fingerprint(SshdFixture::HostKey::Ed25519));
        CredentialStore store;
        auto attached = RemoteMachine::attach(*m_workspace, request, store);
        QVERIFY2(attached, qPrintable(attached.errorMessage()));
        QCOMPARE(attached->target.state, ComputeTarget::ProvisioningState::Succeeded);
    }

    void cleanupTestCase()
    {
        if (m_workspace)
            RunTesting::removeRunsRoot(*m_workspace, QLatin1String(Target));
        m_workspace.reset();
        m_sshd.stop();
    }

    void cancelButtonStopsTheRemoteRun()
    {
        const QString project = RunTesting::projectWith(m_temp.filePath(QStringLiteral("sleepy")), QStringLiteral("box"), Target,
                                                        "import time\nprint('sleeping on the host', flush=True)\ntime.sleep(300)\n");
        const SubmitOutcome outcome = RunTesting::submit(*m_workspace, QStringLiteral("sleepy"), project, QStringLiteral("box"));
        QVERIFY(!outcome.run.id.isEmpty());
        RunDetailWidget widget(m_workspace.get());
        widget.setConfirmCancel(false);
        widget.resize(1100, 700);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.setRun(outcome.run.id);

        RunMonitor monitor(m_workspace.get());
        QTRY_COMPARE_WITH_TIMEOUT(follow(monitor, widget), QStringLiteral("Running"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(follow(monitor, widget).isEmpty()
                                     || widget.logView()->text().contains(QStringLiteral("sleeping on the host")),
                                 30000);
        QVERIFY(widget.logView()->text().contains(QStringLiteral("sleeping on the host")));
        QVERIFY(widget.cancelButton()->isVisible());
        QVERIFY2(widget.cancelButton()->isEnabled(), qPrintable(widget.cancelButton()->toolTip()));
        const auto run = RunStore(*m_workspace).run(outcome.run.id);
        QVERIFY(run);
        // The host is this machine: the launcher's process can be seen from here.
        QFile pidFile(run->runDirectory + QStringLiteral("/.trainyard/pid"));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const QByteArray pidLine = pidFile.readAll();
        QVERIFY2(stillRunning(pidLine), pidLine.constData());
        const QByteArray group = pidLine.split(' ').constFirst(); // the launcher leads its own group (setsid)
        QVERIFY(groupMembers(group) >= 2);                         // the launcher and python
        WidgetTesting::saveScreenshot(&widget, QStringLiteral("remote-rundetail-running"));

        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(widget.cancelButton(), Qt::LeftButton);
        QCOMPARE(widget.cancelButton()->isEnabled(), false);
        QTRY_COMPARE_WITH_TIMEOUT(follow(monitor, widget), QStringLiteral("Canceled"), 30000);
        QVERIFY(clock.elapsed() < 30000);
        // The launcher writes the exit code, then leaves; the script went before it.
        QTRY_COMPARE_WITH_TIMEOUT(groupMembers(group), 0, 10000);
        QVERIFY(!stillRunning(pidLine));
        QTRY_VERIFY(widget.cancelButton()->isHidden());
    }
};

QTEST_MAIN(tst_RemoteRunDetail)
#include "tst_remoterundetail.moc"
