#pragma once

#include "result.h"
#include "sshhostkey.h"

#include <QString>

namespace Trainyard {

// Why an SSH operation failed, with a translated message for a person (naming user@host:port,
// never a password or passphrase) and, for host key problems, the keys a wizard or the CLI shows.
struct SshError
{
    enum class Kind {
        InvalidEndpoint,   // empty or malformed host name
        ConnectionFailed,  // no TCP connection or SSH handshake (refused, unreachable, timeout)
        HostKeyUnknown,    // nobody trusts the key yet: hostKey carries its fingerprint
        HostKeyMismatch,   // the server presented another key than the one the user accepted
        HostKeyChanged,    // a different key of the same type was trusted before: possible attack
        HostKeyOtherType,  // only keys of other types were trusted before: possible attack
        HostKeyRevoked,    // the key is marked @revoked in a known_hosts file
        KnownHostsFailure, // Trainyard's known_hosts file could not be written
        AuthenticationDenied,          // wrong password, key or agent keys not accepted
        AuthenticationMethodUnavailable, // the server does not offer the method, or wants more
        KeyFileMissing,
        KeyFileInvalid,
        PassphraseRequired,
        PassphraseWrong,
        AgentUnavailable,
        Disconnected,      // not connected, or the connection dropped: reconnecting may help
        Timeout,           // a command or a heartbeat got no answer in time
        ChannelFailure,    // the server refused a channel or a command while the session lives
        FileMissing,       // readFile(): no such file on the host
        RemoteFailure,     // a helper command on the host failed (its stderr is in the message)
        InputFailure,      // the local data to send could not be read
        Cancelled,         // a progress callback asked to stop
    };

    Kind kind = Kind::ConnectionFailed;
    QString message;
    SshHostKey hostKey;         // the key the server presented (host key errors)
    SshHostKey previousHostKey; // the key trusted before (HostKeyChanged, HostKeyOtherType)

    QString fingerprint() const { return hostKey.fingerprint; }
    QString previousFingerprint() const { return previousHostKey.fingerprint; }
    bool isHostKeyProblem() const { return kind >= Kind::HostKeyUnknown && kind <= Kind::HostKeyRevoked; }
    // Worth retrying after a pause: the network or the server may come back.
    bool isTransient() const
    {
        return kind == Kind::ConnectionFailed || kind == Kind::Disconnected || kind == Kind::Timeout;
    }
    Error toError() const { return Error{message}; }
};

template<typename T>
using SshResult = Result<T, SshError>;

} // namespace Trainyard
