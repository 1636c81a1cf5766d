// A second process for the credential tests: talks to the keychain through its own CredentialStore,
// so a secret it reads back cannot have come from the test's memory. Commands come on stdin, one
// per line (secrets never go on a command line), and each prints one line:
//
//   available            yes | no
//   persistent           yes | no
//   reason               why the keychain is not used (empty when it is)
//   store KEY SECRET     ok | error: MESSAGE   (SECRET is the rest of the line)
//   read KEY             value: SECRET | none | error: MESSAGE
//   remove KEY           ok | error: MESSAGE
//   remove-all TARGET    ok | error: MESSAGE
//
// `trainyard-test-credentials squat NAME` instead claims NAME on the session bus, prints
// "squatting" and stops itself (SIGSTOP): a keychain that never answers.
// TRAINYARD_CREDENTIAL_TIMEOUT_MS sets the store's timeout.

#include "credentialstore.h"

#include <QCoreApplication>
#include <QDBusConnection>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>

using namespace Trainyard;

namespace {

QString outcome(const Result<void> &result)
{
    return result ? QStringLiteral("ok") : QStringLiteral("error: ") + result.errorMessage();
}

QString run(CredentialStore &store, const QString &line)
{
    const QString command = line.section(QLatin1Char(' '), 0, 0);
    const QString argument = line.section(QLatin1Char(' '), 1, 1);
    if (command == QLatin1String("available"))
        return store.isAvailable() ? QStringLiteral("yes") : QStringLiteral("no");
    if (command == QLatin1String("persistent"))
        return store.persistent() ? QStringLiteral("yes") : QStringLiteral("no");
    if (command == QLatin1String("reason"))
        return store.unavailableReason();
    if (command == QLatin1String("store"))
        return outcome(store.store(argument, line.section(QLatin1Char(' '), 2)));
    if (command == QLatin1String("read")) {
        const Result<std::optional<QString>> secret = store.read(argument);
        if (!secret)
            return QStringLiteral("error: ") + secret.errorMessage();
        return secret->has_value() ? QStringLiteral("value: ") + **secret : QStringLiteral("none");
    }
    if (command == QLatin1String("remove"))
        return outcome(store.remove(argument));
    if (command == QLatin1String("remove-all"))
        return outcome(store.removeAllFor(argument));
    return QStringLiteral("error: unknown command ") + command;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String("squat")) {
        if (!QDBusConnection::sessionBus().registerService(arguments.at(2)))
            return 1;
        std::printf("squatting\n");
        std::fflush(stdout);
        std::raise(SIGSTOP);
        return 0;
    }

    CredentialStore store;
    if (const int timeout = qEnvironmentVariableIntValue("TRAINYARD_CREDENTIAL_TIMEOUT_MS"); timeout > 0)
        store.setTimeout(std::chrono::milliseconds(timeout));
    std::string line;
    while (std::getline(std::cin, line)) {
        const QString text = QString::fromStdString(line);
        if (text.isEmpty())
            continue;
        std::printf("%s\n", run(store, text).toUtf8().constData());
        std::fflush(stdout);
    }
    return 0;
}
