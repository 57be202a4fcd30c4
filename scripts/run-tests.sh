#!/usr/bin/env bash
# Installs dependencies, builds everything (release preset, warnings as errors) and runs the whole test
# suite under ctest. This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# librdkafka 2.15.1 (cached), for the remote backend's second build and its tests (remote/*_rdkafka215) and for the
# interop tests' second run (whose ctest fixture then finds it built).
rdkafka215=$PWD/build/release/librdkafka-2.15.1
scripts/build-librdkafka.sh "$rdkafka215"
cmake --preset release -DTOPICSCOPE_WERROR=ON -DTOPICSCOPE_RDKAFKA215_PREFIX="$rdkafka215" >/dev/null
cmake --build --preset release
export QT_QPA_PLATFORM=offscreen
log=build/release/Testing/run-tests.log
mkdir -p "$(dirname "$log")"
if ! ctest --preset release -j "$(nproc)" --output-on-failure "$@" 2>&1 | tee "$log"; then
    # CI shows the end of the output: repeat what the failing tests said there (their failed checks and where).
    echo
    echo "== What the failing tests reported (full output above and in $log) =="
    grep -E -A4 '^(FAIL!|XPASS|QFATAL)|Subprocess aborted|Timeout|\*\*\*Failed' "$log" | tail -n 120 || true
    exit 1
fi
