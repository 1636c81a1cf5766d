#!/usr/bin/env bash
# Installs every package Trainyard needs to build, run and test, on Debian 12.
# Idempotent: packages already present are not touched and apt is not even called.
# Runs apt-get as root, or through sudo when not root.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git
    # fuzzing (scripts/fuzz.sh): Clang with libFuzzer
    clang libclang-rt-14-dev
    # Qt 6.4 and its tools
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-charts-dev libqt6opengl6-dev libxkbcommon-dev libqt6svg6 qt6-qpa-plugins
    libqt6sql6-sqlite libqt6sql6-psql qt6-translations-l10n
    # domain libraries
    libyaml-cpp-dev libssh-dev libgit2-dev libarchive-dev libxxhash-dev libsqlite3-dev
    libqscintilla2-qt6-dev qtkeychain-qt6-dev
    # QtKeychain loads libsecret at run time to reach the Secret Service (GNOME Keyring, KeePassXC…)
    libsecret-1-0
    # running and testing
    python3 python3-sklearn xvfb xauth sqlite3 fonts-dejavu-core
    # a throwaway keychain for the credential tests (scripts/keyring-session.sh)
    dbus-daemon dbus-bin gnome-keyring libsecret-tools
    # the SSH tests run the system sshd (and ssh-keygen, ssh-agent, ssh-add)
    openssh-server openssh-client
    # the Slurm tests run a one-node Slurm: munged, slurmctld, slurmd and the client commands
    slurm-wlm slurmctld slurmd slurm-client munge
    # bench/bench_upload measures uploads against rsync (and scp) over the same link
    rsync
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages are installed."
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: not root and no sudo: install ${missing[*]} yourself." >&2; exit 1; }
    sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
