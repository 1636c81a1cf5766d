#!/usr/bin/env bash
# Quick start, command 1: installs what is missing, builds, and opens the Trainyard studio on the
# default workspace (or the one in $TRAINYARD_WORKSPACE / --workspace DIR). Arguments are passed
# to the studio. Without a display it says so and works headless through trainyard-cli instead.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
build=$(bash scripts/build.sh | tail -n 1)

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    # The studio opens with the sample project ready to submit (Run > Submit…).
    exec "$build/app/gui/trainyard" --project "$PWD/resources/samples/quickstart" "$@"
fi

cli="$build/app/cli/trainyard-cli"
sample="$PWD/resources/samples/quickstart"
echo "run: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so the studio cannot open."
echo "run: working headless through trainyard-cli instead: submitting the sample project to the local target."
echo
"$cli" "$@" workspace show
echo
submitted=$("$cli" "$@" run submit-script -e quickstart -c local --path "$sample")
echo "$submitted"
run_id=$(printf '%s\n' "$submitted" | sed -n 's/^Submitted run \([^ ]*\) .*/\1/p')
[ -n "$run_id" ] || { echo "run: the sample was not submitted." >&2; exit 1; }
echo
"$cli" "$@" run logs "$run_id" --follow
echo
status=0
"$cli" "$@" run wait "$run_id" || status=$?
echo
"$cli" "$@" run show "$run_id"
echo
echo "run: metrics at full resolution: $cli run metrics $run_id"
exit $status
