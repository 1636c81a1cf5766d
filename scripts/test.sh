#!/usr/bin/env bash
# Quick start, command 2: installs what is missing, builds, and runs every test with CTest.
# GUI tests use Qt's offscreen platform, so no display is needed. CI=true turns warnings into errors
# and adds 30 s of fuzzing (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
build=$(bash scripts/build.sh | tail -n 1)

export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure --timeout 900 -j"$(nproc)" "$@"

# CI (or TRAINYARD_FUZZ_SECONDS=N) also fuzzes the run configuration loader for a bounded time.
if [ "${CI:-}" = "true" ] || [ -n "${TRAINYARD_FUZZ_SECONDS:-}" ]; then
    bash scripts/fuzz.sh "${TRAINYARD_FUZZ_SECONDS:-30}"
fi
