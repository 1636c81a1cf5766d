#pragma once

#include <QString>

namespace Trainyard {

// Where to connect and as whom.
struct SshEndpoint
{
    QString host;
    quint16 port = 22;
    QString user;

    // "user@host:port" (an IPv6 literal in brackets), for messages and logs.
    QString displayName() const
    {
        const QString shownHost = host.contains(QLatin1Char(':'))
            ? QString(QLatin1Char('[') + host + QLatin1Char(']'))
            : host;
        return user + QLatin1Char('@') + shownHost + QLatin1Char(':') + QString::number(port);
    }
};

// How to authenticate. Secrets live in memory only (read from the keychain or asked for when
// needed): they never go to files, logs, command lines or error messages.
struct SshCredentials
{
    enum class Method { Password, PrivateKey, Agent };

    Method method = Method::Password;
    QString password;
    QString privateKeyFile;
    QString passphrase;  // empty for a key without one
    QString agentSocket; // empty: the agent named by SSH_AUTH_SOCK

    static SshCredentials withPassword(const QString &password)
    {
        SshCredentials credentials;
        credentials.method = Method::Password;
        credentials.password = password;
        return credentials;
    }
    static SshCredentials withPrivateKey(const QString &file, const QString &passphrase = {})
    {
        SshCredentials credentials;
        credentials.method = Method::PrivateKey;
        credentials.privateKeyFile = file;
        credentials.passphrase = passphrase;
        return credentials;
    }
    static SshCredentials withAgent(const QString &socket = {})
    {
        SshCredentials credentials;
        credentials.method = Method::Agent;
        credentials.agentSocket = socket;
        return credentials;
    }
};

} // namespace Trainyard
