#!/usr/bin/env bash
# A throwaway keychain for tests: a private D-Bus session bus and a gnome-keyring-daemon (Secret
# Service) with an unlocked login keyring, all state under one folder, so the user's real bus and
# keyring are never touched. Works headless: nothing is activated on demand and no prompt is shown.
#
#   keyring-session.sh run COMMAND [ARGS...]   run COMMAND inside a fresh session, then stop it
#   keyring-session.sh start DIR [OWNER_PID]   start a session in the empty folder DIR and print its
#                                              environment (NAME=VALUE lines); with OWNER_PID it
#                                              stops by itself once that process is gone
#   keyring-session.sh start-locked DIR [OWNER_PID]  the same, but no keyring is unlocked (as over
#                                              SSH on a desktop machine): writing would need a prompt
#   keyring-session.sh start-bus DIR [OWNER_PID]  the bus alone: no keychain on it
#   keyring-session.sh stop DIR                stop the session started in DIR
#
# The keyring's files are under DIR/home/.local/share/keyrings (gnome-keyring encrypts them).
set -euo pipefail

script=$(readlink -f "$0")

die() {
    echo "keyring-session: $*" >&2
    exit 1
}

alive() { # a zombie counts as gone
    [ -r "/proc/$1/stat" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]
}

stop_pid() {
    local pid=$1
    alive "$pid" || return 0
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do
        alive "$pid" || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

session_env() {
    local dir=$1
    env -u DISPLAY -u WAYLAND_DISPLAY -u GNOME_KEYRING_CONTROL \
        HOME="$dir/home" XDG_DATA_HOME="$dir/home/.local/share" XDG_CONFIG_HOME="$dir/home/.config" \
        XDG_CACHE_HOME="$dir/home/.cache" XDG_RUNTIME_DIR="$dir/run" "${@:2}"
}

start() {
    local dir owner keyring=${3:-unlocked}
    dir=$(readlink -f "${1:?start needs a folder}")
    owner=${2:-}
    [ -d "$dir" ] || die "$dir is not a folder"
    command -v dbus-daemon >/dev/null || die "dbus-daemon is missing (apt-get install dbus-daemon)"
    command -v dbus-send >/dev/null || die "dbus-send is missing (apt-get install dbus-bin)"
    command -v gnome-keyring-daemon >/dev/null || die "gnome-keyring-daemon is missing (apt-get install gnome-keyring)"
    mkdir -p "$dir/home/.local/share" "$dir/home/.config" "$dir/run"
    chmod 700 "$dir/home" "$dir/run"
    : >"$dir/pids"

    # Only what the tests need: no service directories, so nothing can be started on demand.
    cat >"$dir/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$dir/run</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
    local bus address bus_pid
    bus=$(dbus-daemon --config-file="$dir/bus.conf" --fork --print-address=1 --print-pid=1 </dev/null) \
        || die "dbus-daemon did not start"
    address=$(sed -n 1p <<<"$bus")
    bus_pid=$(sed -n 2p <<<"$bus")
    if [ -z "$address" ] || [ -z "$bus_pid" ]; then
        die "dbus-daemon printed no address: $bus"
    fi
    echo "$bus_pid" >>"$dir/pids"
    [ "$keyring" != none ] || { watch_owner "$dir" "$owner"; print_env "$dir" "$address"; return 0; }

    # The unlock password goes on stdin, never on a command line. It creates the login keyring,
    # which becomes the default collection that QtKeychain and secret-tool write to.
    local started=0 password
    if [ "$keyring" = unlocked ]; then
        password=$(head -c 24 /dev/urandom | base64)
        session_env "$dir" DBUS_SESSION_BUS_ADDRESS="$address" \
            gnome-keyring-daemon --unlock --components=secrets <<<"$password" >"$dir/keyring.log" 2>&1 || started=$?
    else
        session_env "$dir" DBUS_SESSION_BUS_ADDRESS="$address" \
            gnome-keyring-daemon --start --components=secrets </dev/null >"$dir/keyring.log" 2>&1 || started=$?
    fi
    [ "$started" -eq 0 ] || { stop "$dir"; die "gnome-keyring-daemon did not start: $(cat "$dir/keyring.log")"; }

    # The daemon forks before it claims its bus name: wait for it (10 s at most).
    local keyring_pid=""
    for _ in $(seq 100); do
        if keyring_pid=$(DBUS_SESSION_BUS_ADDRESS=$address dbus-send --session --print-reply \
                --dest=org.freedesktop.DBus / org.freedesktop.DBus.GetConnectionUnixProcessID \
                string:org.freedesktop.secrets 2>/dev/null | awk '/uint32/ { print $2 }') && [ -n "$keyring_pid" ]; then
            break
        fi
        sleep 0.1
    done
    if [ -z "$keyring_pid" ]; then
        stop "$dir"
        die "gnome-keyring-daemon did not claim org.freedesktop.secrets within 10 s: $(cat "$dir/keyring.log")"
    fi
    echo "$keyring_pid" >>"$dir/pids"
    watch_owner "$dir" "$owner"
    print_env "$dir" "$address"
}

# Stops the session once OWNER_PID is gone, so a test that crashes leaves no daemons behind.
watch_owner() {
    local dir=$1 owner=$2
    [ -n "$owner" ] || return 0
    # shellcheck disable=SC2016 # expanded by the watchdog's shell
    KEYRING_SESSION_WATCHDOG=1 setsid bash -c 'tail --pid="$1" -f /dev/null; exec "$2" stop "$3"' \
        watchdog "$owner" "$script" "$dir" </dev/null >/dev/null 2>&1 &
    echo "$!" >"$dir/watchdog"
}

print_env() {
    local dir=$1 address=$2
    echo "DBUS_SESSION_BUS_ADDRESS=$address"
    echo "HOME=$dir/home"
    echo "XDG_DATA_HOME=$dir/home/.local/share"
    echo "XDG_CONFIG_HOME=$dir/home/.config"
    echo "XDG_CACHE_HOME=$dir/home/.cache"
    echo "XDG_RUNTIME_DIR=$dir/run"
}

stop() {
    local dir=${1:?stop needs a folder}
    if [ -f "$dir/pids" ]; then
        # The keyring first, then the bus it talks on.
        local pids
        pids=$(tac "$dir/pids")
        for pid in $pids; do
            stop_pid "$pid"
        done
        rm -f "$dir/pids"
    fi
    if [ -f "$dir/watchdog" ] && [ -z "${KEYRING_SESSION_WATCHDOG:-}" ]; then
        kill -- "-$(cat "$dir/watchdog")" 2>/dev/null || true
    fi
    rm -f "$dir/watchdog"
}

run() {
    [ $# -gt 0 ] || die "run needs a command"
    local status=0 vars
    run_dir=$(mktemp -d "${TMPDIR:-/tmp}/trainyard-keyring.XXXXXX")
    trap 'stop "$run_dir"; rm -rf "$run_dir"' EXIT
    vars=$(start "$run_dir" $$)
    while IFS= read -r line; do
        export "${line?}"
    done <<<"$vars"
    unset DISPLAY WAYLAND_DISPLAY
    "$@" || status=$?
    return "$status"
}

case "${1:-}" in
    start) start "${2:-}" "${3:-}" unlocked ;;
    start-locked) start "${2:-}" "${3:-}" locked ;;
    start-bus) start "${2:-}" "${3:-}" none ;;
    stop) stop "${@:2}" ;;
    run) run "${@:2}" ;;
    *) die "usage: $0 run COMMAND... | start|start-locked|start-bus DIR [OWNER_PID] | stop DIR" ;;
esac
