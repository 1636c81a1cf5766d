#pragma once

#include "sshhostkey.h"

#include <QString>

namespace Trainyard {

// What a connection may do with a host key that is not trusted yet. The caller decides after showing
// the user the fingerprint from an SshError (HostKeyUnknown): trust and remember, connect once, or
// cancel (do not connect again). A key that changed is refused unless the user explicitly asks to
// replace the old one with exactly this key.
struct SshHostKeyPolicy
{
    enum class Mode {
        RequireKnown,   // only keys a known_hosts file already trusts
        AcceptUnknown,  // also an unknown key with exactly `fingerprint`
        ReplaceChanged, // also a changed/other-type (or unknown) key with exactly `fingerprint`
    };

    Mode mode = Mode::RequireKnown;
    QString fingerprint; // "SHA256:...", the one the user saw and accepted
    bool remember = false; // write the accepted key to Trainyard's known_hosts file

    static SshHostKeyPolicy requireKnown() { return {}; }
    static SshHostKeyPolicy acceptOnce(const QString &fingerprint)
    {
        return {Mode::AcceptUnknown, SshHostKey::normalizedFingerprint(fingerprint), false};
    }
    static SshHostKeyPolicy acceptAndRemember(const QString &fingerprint)
    {
        return {Mode::AcceptUnknown, SshHostKey::normalizedFingerprint(fingerprint), true};
    }
    // Drops Trainyard's earlier entries for the host and remembers this key instead.
    static SshHostKeyPolicy replaceChanged(const QString &fingerprint)
    {
        return {Mode::ReplaceChanged, SshHostKey::normalizedFingerprint(fingerprint), true};
    }

    bool accepts(const SshHostKey &key) const
    {
        return mode != Mode::RequireKnown && !fingerprint.isEmpty()
            && SshHostKey::normalizedFingerprint(fingerprint) == key.fingerprint;
    }
};

} // namespace Trainyard
