#!/usr/bin/env bash
# Fuzzes the run configuration loader for SECONDS (default 30): builds the "fuzz" preset (Clang,
# libFuzzer, ASan + UBSan; only the core and the fuzzer) and runs it on a scratch copy of
# tests/fuzz/corpus, so new inputs never land in the repository. Exits non-zero when the fuzzer
# finds a crash, leak, timeout or out-of-memory, after printing the reproducer.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: scripts/fuzz.sh [SECONDS]   (a whole number of seconds, at least 1)" >&2
    exit 2
fi

command -v clang++ >/dev/null || { echo "fuzz: clang++ is missing: run scripts/install-deps.sh" >&2; exit 1; }
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -- -j"$(nproc)"
fuzzer=$PWD/build-fuzz/tests/fuzz/fuzz_runconfig

work=$(mktemp -d "${TMPDIR:-/tmp}/trainyard-fuzz.XXXXXX")
mkdir "$work/corpus" "$work/artifacts"
cp tests/fuzz/corpus/* "$work/corpus/"

# UBSan only reports by default; halting turns undefined behaviour into a finding.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

echo "fuzz: running fuzz_runconfig for ${seconds}s in $work"
status=0
"$fuzzer" "$work/corpus" \
    -dict=tests/fuzz/runconfig.dict \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
    >"$work/fuzz.log" 2>&1 || status=$?

if [ "$status" -eq 0 ]; then
    grep -E '^#[0-9]+[[:space:]]+DONE|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|new_units_added)' \
        "$work/fuzz.log" || true
    echo "fuzz: no findings in ${seconds}s."
    rm -rf "$work"
    exit 0
fi

# The sanitizer or libFuzzer report, without the progress lines.
grep -vE '^#[0-9]+[[:space:]]' "$work/fuzz.log" | tail -n 150 >&2
echo >&2
echo "fuzz: fuzz_runconfig failed (exit code $status); log: $work/fuzz.log" >&2
shopt -s nullglob
artifacts=("$work"/artifacts/*)
for artifact in "${artifacts[@]}"; do
    size=$(stat -c %s "$artifact")
    echo "fuzz: reproducer $artifact ($size bytes):" >&2
    if LC_ALL=C grep -q '[^[:print:][:space:]]' "$artifact"; then
        head -c 4096 "$artifact" | od -A x -t x1z -v >&2
    else
        head -c 4096 "$artifact" >&2
        echo >&2
    fi
    [ "$size" -le 4096 ] || echo "fuzz: (first 4096 bytes shown)" >&2
    echo "fuzz: reproduce with: $fuzzer $artifact" >&2
    echo "fuzz: minimize with:  $fuzzer -minimize_crash=1 -runs=10000 $artifact" >&2
done
[ ${#artifacts[@]} -gt 0 ] || echo "fuzz: no reproducer was written (the fuzzer itself failed?)" >&2
exit 1
