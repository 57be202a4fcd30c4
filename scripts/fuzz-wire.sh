#!/bin/sh
# Builds the wire request-decoder fuzz target with clang + ASan + UBSan in build-fuzz and runs it on a copy of the
# committed seed corpus (new inputs go to build-fuzz/corpus, never into the source tree). See docs/fuzzing.md.
#   scripts/fuzz-wire.sh [SECONDS]   (default 600)
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
build=build-fuzz
if [ ! -f "$build/build.ninja" ]; then
    CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTOPICSCOPE_FUZZ=ON \
        -DTOPICSCOPE_BUILD_BENCH=OFF
fi
nice ninja -C "$build" fuzz_request_decoder
mkdir -p "$build/corpus" "$build/artifacts"
cp -n tests/fuzz/corpus/* "$build/corpus/"
# Qt's own allocations at exit are not ours to chase; everything else stops the run.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
exec nice "$build/tests/fuzz_request_decoder" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=16384 -print_final_stats=1 -artifact_prefix="$build/artifacts/" "$build/corpus"
