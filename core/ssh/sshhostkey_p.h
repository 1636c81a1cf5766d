#pragma once

// Internal to core/ssh: conversions between libssh keys and SshHostKey. Public headers stay free of
// libssh so that users of trainyard-core do not need its headers.

#include "sshhostkey.h"

#include <libssh/libssh.h>

namespace Trainyard {

// The key with its type name and fingerprint; a null key when libssh cannot export it.
SshHostKey sshHostKeyFromLibssh(ssh_key key);

} // namespace Trainyard
