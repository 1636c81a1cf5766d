#!/usr/bin/env bash
# Quick start, command 1: installs what is missing, builds, and opens the Trainyard studio on the
# default workspace (or the one in $TRAINYARD_WORKSPACE / --workspace DIR). Arguments are passed
# to the studio. Without a display it says so and works headless through trainyard-cli instead.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
build=$(bash scripts/build.sh | tail -n 1)

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "$build/app/gui/trainyard" "$@"
fi

cli="$build/app/cli/trainyard-cli"
echo "run: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so the studio cannot open."
echo "run: working headless through trainyard-cli instead; start an X or Wayland session to use the studio."
echo
"$cli" "$@" workspace show
echo
"$cli" "$@" computetarget list
