#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Trainyard {

// A server's public host key in the form known_hosts stores it, with its fingerprint.
struct SshHostKey
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::SshHostKey)

public:
    QString type;       // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", ...
    QByteArray base64;  // the key blob, base64 as in known_hosts
    QString fingerprint; // "SHA256:..." as `ssh-keygen -l -E sha256` prints it

    bool isNull() const { return base64.isEmpty(); }
    bool sameKey(const SshHostKey &other) const { return type == other.type && base64 == other.base64; }

    // Parses a key (type + base64 blob) and computes its fingerprint.
    static Result<SshHostKey> fromBase64(const QString &type, const QByteArray &base64);
    // Accepts "SHA256:abc", "abc" and surrounding spaces; returns the "SHA256:abc" form.
    static QString normalizedFingerprint(const QString &fingerprint);
};

} // namespace Trainyard
