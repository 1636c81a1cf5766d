#pragma once

#include "result.h"
#include "sshhostkey.h"

#include <QCoreApplication>
#include <QString>

namespace Trainyard {

// The verdict on a server's host key.
struct SshHostKeyCheck
{
    enum class Status {
        Known,     // a known_hosts entry for the host holds exactly this key
        Unknown,   // no entry for the host
        Changed,   // entries for the host, one of them of the same type but another key
        OtherType, // entries for the host, only of other key types
        Revoked,   // the key is marked @revoked
    };

    Status status = Status::Unknown;
    SshHostKey previous; // Changed, OtherType: the key trusted before
    QString file;        // the known_hosts file that decided (empty for Unknown)
};

// Trust decisions about host keys. Reads two files in OpenSSH's known_hosts format (plain and
// hashed `|1|` host names, `[host]:port` for ports other than 22, wildcards, @revoked):
// Trainyard's own file, where trust decisions are written, and the user's ~/.ssh/known_hosts,
// which is only ever read. A key is known when either file holds it for the host.
class SshKnownHosts
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::SshKnownHosts)

public:
    explicit SshKnownHosts(const QString &trainyardFile, const QString &userFile = defaultUserFile());

    // ~/.ssh/known_hosts
    static QString defaultUserFile();
    // known_hosts in the application data directory (QStandardPaths::AppDataLocation).
    static QString defaultTrainyardFile();

    QString trainyardFile() const { return m_trainyardFile; }
    QString userFile() const { return m_userFile; }

    // The name known_hosts files use: "host", or "[host]:port" when the port is not 22.
    static QString hostPattern(const QString &host, quint16 port);

    SshHostKeyCheck check(const QString &host, quint16 port, const SshHostKey &key) const;

    // Appends the key for the host to Trainyard's file (atomically: a temporary file renamed over
    // the old one, under a lock file so that two processes do not lose each other's entries).
    Result<void> remember(const QString &host, quint16 port, const SshHostKey &key) const;
    // Removes Trainyard's entries for the host, then remembers the key. The user's file is not
    // touched: a key trusted there stays trusted.
    Result<void> replace(const QString &host, quint16 port, const SshHostKey &key) const;

private:
    Result<void> rewrite(const QString &host, quint16 port, const SshHostKey &key, bool dropOld) const;

    QString m_trainyardFile;
    QString m_userFile;
};

} // namespace Trainyard
