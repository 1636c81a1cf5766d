#!/usr/bin/env bash
# Configures and builds Trainyard with a CMake preset: "ci" when CI=true (warnings are errors),
# otherwise "default". Prints the build directory on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

preset=${TRAINYARD_PRESET:-default}
if [ "${CI:-}" = "true" ] && [ -z "${TRAINYARD_PRESET:-}" ]; then
    preset=ci
fi

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -- -j"$(nproc)"
case "$preset" in
    default) echo "$PWD/build" ;;
    *) echo "$PWD/build-$preset" ;;
esac
