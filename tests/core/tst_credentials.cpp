// CredentialStore against a real keychain: a private D-Bus session with gnome-keyring-daemon
// (scripts/keyring-session.sh). Secrets must reach the Secret Service (a second process and
// secret-tool read them back), be removable, and never land on disk in plaintext. Without D-Bus,
// with a locked keyring or with a keychain that never answers, they stay in the memory of one
// process. The test fails when the keyring cannot start: it never skips.

#include "credentialstore.h"
#include "tools/testfiles.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Trainyard;
using TestFiles::filesHolding;

namespace {

const QString keyringScript = QStringLiteral(TRAINYARD_SOURCE_DIR "/scripts/keyring-session.sh");

// Starts (or stops) a session with scripts/keyring-session.sh; returns its NAME=VALUE lines.
QStringList keyringSession(const QString &command, const QString &dir, QString *errors)
{
    QProcess script;
    script.start(QStringLiteral("bash"), {keyringScript, command, dir, QString::number(QCoreApplication::applicationPid())});
    if (!script.waitForFinished(60000)) {
        script.kill();
        script.waitForFinished();
        *errors = QStringLiteral("keyring-session.sh %1 did not finish within 60 s").arg(command);
        return {};
    }
    *errors = QString::fromLocal8Bit(script.readAllStandardError());
    if (script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0) {
        errors->prepend(QStringLiteral("keyring-session.sh %1 failed: ").arg(command));
        return {};
    }
    return QString::fromLocal8Bit(script.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QProcessEnvironment withVariables(QProcessEnvironment environment, const QStringList &lines)
{
    for (const QString &line : lines)
        environment.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
    return environment;
}

// Runs trainyard-test-credentials with one command per line on stdin; returns its answers.
QStringList runTool(const QStringList &commands, const QProcessEnvironment &environment, QString *errors = nullptr)
{
    QProcess tool;
    tool.setProcessEnvironment(environment);
    tool.start(QStringLiteral(TRAINYARD_CREDENTIAL_TOOL), {});
    if (!tool.waitForStarted(10000))
        return {QStringLiteral("tool did not start")};
    tool.write(commands.join(QLatin1Char('\n')).toUtf8() + '\n');
    tool.closeWriteChannel();
    if (!tool.waitForFinished(120000)) {
        tool.kill();
        tool.waitForFinished();
        return {QStringLiteral("tool did not finish")};
    }
    if (errors)
        *errors = QString::fromUtf8(tool.readAllStandardError());
    QStringList answers = QString::fromUtf8(tool.readAllStandardOutput()).split(QLatin1Char('\n'));
    if (answers.constLast().isEmpty())
        answers.removeLast();
    if (tool.exitStatus() != QProcess::NormalExit || tool.exitCode() != 0)
        answers << QStringLiteral("exit code %1").arg(tool.exitCode());
    return answers;
}

// What secret-tool, a client that shares no code with QtKeychain, finds in the Secret Service.
std::optional<QString> secretToolLookup(const QString &key)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("user"), key, QStringLiteral("server"),
                                               CredentialStore::defaultService(), QStringLiteral("type"), QStringLiteral("plaintext")});
    if (!tool.waitForFinished(30000))
        return QStringLiteral("secret-tool did not finish");
    const QString output = QString::fromUtf8(tool.readAllStandardOutput());
    if (tool.exitCode() != 0 && output.isEmpty())
        return std::nullopt;
    return output;
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

QString canary(const QString &what)
{
    return what + QLatin1Char('-') + QString::number(QRandomGenerator::global()->generate64(), 36);
}

// A HOME and runtime folder with nothing in them, for a child process that must not find a bus.
QProcessEnvironment isolatedEnvironment(const QString &root)
{
    QDir(root).mkpath(QStringLiteral("home"));
    QDir(root).mkpath(QStringLiteral("run"));
    QFile::setPermissions(root + QStringLiteral("/run"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP",
                             "DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_KEYRING_CONTROL"})
        environment.remove(QLatin1String(name));
    environment.insert(QStringLiteral("HOME"), root + QStringLiteral("/home"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), root + QStringLiteral("/home/.local/share"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), root + QStringLiteral("/home/.config"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), root + QStringLiteral("/home/.cache"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), root + QStringLiteral("/run"));
    return environment;
}

} // namespace

class tst_Credentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFile::exists(keyringScript), qPrintable(keyringScript));
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty(),
                 "secret-tool is missing: run scripts/install-deps.sh (package libsecret-tools)");
        QVERIFY(m_session.isValid());

        QString errors;
        const QStringList variables = keyringSession(QStringLiteral("start"), m_session.path(), &errors);
        QVERIFY2(!variables.isEmpty(), qPrintable(errors));
        // This process uses the session too: its bus, and a HOME where a plaintext fallback would show.
        for (const QString &line : variables)
            qputenv(line.section(QLatin1Char('='), 0, 0).toLocal8Bit(), line.section(QLatin1Char('='), 1).toLocal8Bit());
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION"})
            qunsetenv(name);
        m_keyringFile = m_session.filePath(QStringLiteral("home/.local/share/keyrings/login.keyring"));
    }

    void cleanupTestCase()
    {
        QString errors;
        keyringSession(QStringLiteral("stop"), m_session.path(), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
    }

    void keyringIsAvailable()
    {
        CredentialStore store;
        QVERIFY2(store.isAvailable(), qPrintable(store.unavailableReason()));
        QVERIFY(store.persistent());
        QCOMPARE(store.unavailableReason(), QString());
    }

    void noPlaintextFallbackInTheSources()
    {
        // QtKeychain writes secrets to a plain QSettings file only when asked to: never ask.
        static const QRegularExpression comment(QStringLiteral("//[^\n]*"));
        QStringList hits;
        for (const char *dir : {"core", "models", "views", "ui", "app"}) {
            QDirIterator it(QStringLiteral(TRAINYARD_SOURCE_DIR "/") + QLatin1String(dir), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                if (file.open(QIODevice::ReadOnly)
                    && QString::fromUtf8(file.readAll()).remove(comment).contains(QLatin1String("setInsecureFallback")))
                    hits << file.fileName();
            }
        }
        QCOMPARE(hits, QStringList());
    }

    void keys()
    {
        QCOMPARE(CredentialStore::key(QStringLiteral("gpu-box"), CredentialStore::Kind::Password), QStringLiteral("gpu-box/password"));
        QCOMPARE(CredentialStore::key(QStringLiteral("gpu-box"), CredentialStore::Kind::Passphrase), QStringLiteral("gpu-box/passphrase"));
    }

    void storedSecretOutlivesTheStore_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("secret");
        QTest::newRow("password") << CredentialStore::key(QStringLiteral("gpu-box"), CredentialStore::Kind::Password)
                                  << QStringLiteral("correct horse battery staple");
        QTest::newRow("passphrase") << CredentialStore::key(QStringLiteral("cluster.lab"), CredentialStore::Kind::Passphrase)
                                    << QStringLiteral("pässphrase 'quoted' \"double\" $(id) ; rm -rf ~ \\ 鍵");
        QTest::newRow("long") << CredentialStore::key(QStringLiteral("long"), CredentialStore::Kind::Password)
                              << QString(QString(2000, QLatin1Char('x')) + QStringLiteral("end"));
    }

    void storedSecretOutlivesTheStore()
    {
        QFETCH(QString, key);
        QFETCH(QString, secret);
        {
            CredentialStore store;
            const Result<void> stored = store.store(key, secret);
            QVERIFY2(stored, qPrintable(stored.errorMessage()));
            QVERIFY(store.persistent());
        }

        const Result<std::optional<QString>> read = CredentialStore().read(key);
        QVERIFY2(read, qPrintable(read.errorMessage()));
        QCOMPARE(read->value_or(QStringLiteral("<none>")), secret);

        // Another process, and a Secret Service client that shares no code with QtKeychain.
        QCOMPARE(runTool({QStringLiteral("read ") + key}, QProcessEnvironment::systemEnvironment()),
                 QStringList{QStringLiteral("value: ") + secret});
        QCOMPARE(secretToolLookup(key).value_or(QStringLiteral("<none>")), secret);
    }

    void anotherProcessStoresWhatThisOneReads()
    {
        const QString key = CredentialStore::key(QStringLiteral("remote"), CredentialStore::Kind::Passphrase);
        const QString secret = canary(QStringLiteral("from-another-process"));
        QCOMPARE(runTool({QStringLiteral("store %1 %2").arg(key, secret), QStringLiteral("persistent")},
                         QProcessEnvironment::systemEnvironment()),
                 (QStringList{QStringLiteral("ok"), QStringLiteral("yes")}));
        QCOMPARE(CredentialStore().read(key)->value_or(QStringLiteral("<none>")), secret);
    }

    void storingAgainReplaces()
    {
        CredentialStore store;
        const QString key = CredentialStore::key(QStringLiteral("again"), CredentialStore::Kind::Password);
        QVERIFY(store.store(key, QStringLiteral("first")));
        QVERIFY(store.store(key, QStringLiteral("second")));
        QCOMPARE(store.read(key)->value_or(QStringLiteral("<none>")), QStringLiteral("second"));
        QCOMPARE(secretToolLookup(key).value_or(QStringLiteral("<none>")), QStringLiteral("second"));
    }

    void readingNothingIsNotAnError()
    {
        const Result<std::optional<QString>> read = CredentialStore().read(QStringLiteral("never-stored/password"));
        QVERIFY2(read, qPrintable(read.errorMessage()));
        QVERIFY(!read->has_value());
    }

    void removeDeletesTheEntry()
    {
        CredentialStore store;
        const QString key = CredentialStore::key(QStringLiteral("to-forget"), CredentialStore::Kind::Password);
        QVERIFY(store.store(key, canary(QStringLiteral("forget-me"))));
        QVERIFY(secretToolLookup(key).has_value());

        const Result<void> removed = store.remove(key);
        QVERIFY2(removed, qPrintable(removed.errorMessage()));
        QVERIFY(!store.read(key)->has_value());
        QCOMPARE(secretToolLookup(key), std::nullopt);
        QCOMPARE(runTool({QStringLiteral("read ") + key}, QProcessEnvironment::systemEnvironment()), QStringList{QStringLiteral("none")});
        QVERIFY(store.remove(key)); // nothing left to remove
    }

    void removeAllForDeletesEverySecretOfTheTarget()
    {
        CredentialStore store;
        const QString target = QStringLiteral("retired");
        const QStringList keys = {CredentialStore::key(target, CredentialStore::Kind::Password),
                                  CredentialStore::key(target, CredentialStore::Kind::Passphrase),
                                  CredentialStore::key(QStringLiteral("retired-2"), CredentialStore::Kind::Password),
                                  CredentialStore::key(QStringLiteral("retired/sub"), CredentialStore::Kind::Password)};
        for (const QString &key : keys)
            QVERIFY(store.store(key, QStringLiteral("secret of ") + key));

        const Result<void> removed = store.removeAllFor(target);
        QVERIFY2(removed, qPrintable(removed.errorMessage()));
        QStringList left;
        for (const QString &key : keys)
            left << key + QLatin1Char('|') + secretToolLookup(key).value_or(QStringLiteral("<none>"));
        QCOMPARE(left.join(QLatin1Char('\n')), QStringLiteral("retired/password|<none>\n"
                                                              "retired/passphrase|<none>\n"
                                                              "retired-2/password|secret of retired-2/password\n"
                                                              "retired/sub/password|secret of retired/sub/password"));
    }

    void secretsNeverReachTheDiskInPlaintext()
    {
        QVERIFY2(QFile::exists(m_keyringFile), qPrintable(filesUnder(m_session.path()).join(QLatin1Char('\n'))));
        QFile keyring(m_keyringFile);
        QVERIFY(keyring.open(QIODevice::ReadOnly));
        const QByteArray before = keyring.readAll();
        keyring.close();

        const QString secret = canary(QStringLiteral("plaintext-canary"));
        QVERIFY(CredentialStore().store(CredentialStore::key(QStringLiteral("disk"), CredentialStore::Kind::Password), secret));

        // The keyring file was rewritten with the new item, so the secret did reach the disk...
        QVERIFY(keyring.open(QIODevice::ReadOnly));
        QVERIFY(keyring.readAll() != before);
        // ...encrypted: no file of the session (the daemon's and this process's HOME) holds it.
        QCOMPARE(filesHolding(m_session.path(), secret), QStringList());
    }

    void readsFromAnotherThread()
    {
        const QString key = CredentialStore::key(QStringLiteral("threaded"), CredentialStore::Kind::Password);
        const QString secret = canary(QStringLiteral("threaded"));
        QVERIFY(CredentialStore().store(key, secret));

        QString read;
        std::unique_ptr<QThread> thread(QThread::create([&read, key] {
            read = CredentialStore().read(key)->value_or(QStringLiteral("<none>"));
        }));
        thread->start();
        QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 30000);
        QCOMPARE(read, secret);
    }

    void withoutDBusSecretsStayInMemory()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString secret = canary(QStringLiteral("memory-only"));
        QString errors;
        const QStringList answers = runTool({QStringLiteral("available"), QStringLiteral("persistent"), QStringLiteral("reason"),
                                             QStringLiteral("store box/password ") + secret, QStringLiteral("read box/password"),
                                             QStringLiteral("store box/passphrase ") + secret, QStringLiteral("remove-all box"),
                                             QStringLiteral("read box/password"), QStringLiteral("read box/passphrase")},
                                            isolatedEnvironment(root.path()), &errors);
        QCOMPARE(answers.join(QLatin1Char('\n')),
                 QStringLiteral("no\nno\n"
                                "No D-Bus session bus is running, so there is no keychain to use.\n"
                                "ok\nvalue: %1\nok\nok\nnone\nnone").arg(secret));
        QVERIFY2(!errors.contains(secret), qPrintable(errors));
        QCOMPARE(filesUnder(root.path()), QStringList());
    }

    void lockedKeyringFallsBackToMemory()
    {
        // The daemon runs but no keyring is unlocked, as on a desktop machine reached over SSH:
        // writing would need a password prompt, which cannot be shown.
        QTemporaryDir root;
        QVERIFY(root.isValid());
        QString errors;
        const QStringList session = keyringSession(QStringLiteral("start-locked"), root.path(), &errors);
        QVERIFY2(!session.isEmpty(), qPrintable(errors));
        const QString secret = canary(QStringLiteral("locked"));
        const QStringList answers = runTool({QStringLiteral("available"), QStringLiteral("store box/password ") + secret,
                                             QStringLiteral("persistent"), QStringLiteral("read box/password"), QStringLiteral("reason")},
                                            withVariables(isolatedEnvironment(root.filePath(QStringLiteral("child"))), session), &errors);
        keyringSession(QStringLiteral("stop"), root.path(), &errors);

        QCOMPARE(answers.mid(0, 4).join(QLatin1Char('\n')), QStringLiteral("yes\nok\nno\nvalue: %1").arg(secret));
        QVERIFY2(answers.value(4).startsWith(QLatin1String("The keychain cannot be used: ")), qPrintable(answers.value(4)));
        QVERIFY(!answers.value(4).contains(secret));
        QCOMPARE(filesHolding(root.path(), secret), QStringList());
    }

    void keychainThatNeverAnswersFallsBackToMemory()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        QString errors;
        const QStringList bus = keyringSession(QStringLiteral("start-bus"), root.path(), &errors);
        QVERIFY2(!bus.isEmpty(), qPrintable(errors));
        const QString child = root.filePath(QStringLiteral("child"));
        const QProcessEnvironment environment =
            withVariables(isolatedEnvironment(child), bus.filter(QStringLiteral("DBUS_SESSION_BUS_ADDRESS=")));

        // A process that owns the Secret Service's name and is stopped: every call to it hangs.
        QProcess squatter;
        squatter.setProcessEnvironment(environment);
        squatter.start(QStringLiteral(TRAINYARD_CREDENTIAL_TOOL), {QStringLiteral("squat"), QStringLiteral("org.freedesktop.secrets")});
        QVERIFY(squatter.waitForReadyRead(10000));
        QCOMPARE(squatter.readLine().trimmed(), QByteArray("squatting"));

        QProcessEnvironment fast = environment;
        fast.insert(QStringLiteral("TRAINYARD_CREDENTIAL_TIMEOUT_MS"), QStringLiteral("1500"));
        const QString secret = canary(QStringLiteral("hung"));
        const QStringList answers = runTool({QStringLiteral("available"), QStringLiteral("store box/password ") + secret,
                                             QStringLiteral("persistent"), QStringLiteral("read box/password"), QStringLiteral("reason")},
                                            fast, &errors);
        squatter.kill();
        squatter.waitForFinished();
        keyringSession(QStringLiteral("stop"), root.path(), &errors);

        QCOMPARE(answers.join(QLatin1Char('\n')),
                 QStringLiteral("no\nok\nno\nvalue: %1\nThe keychain did not answer within 1 second(s).").arg(secret));
        QCOMPARE(filesUnder(child), QStringList());
    }

private:
    QTemporaryDir m_session;
    QString m_keyringFile;
};

QTEST_GUILESS_MAIN(tst_Credentials)
#include "tst_credentials.moc"
