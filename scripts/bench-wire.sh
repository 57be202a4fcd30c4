#!/usr/bin/env bash
# Wire benchmark of issue 3: builds the broker and the librdkafka load client (RelWithDebInfo, build-bench/),
# starts `topicscope --headless` on a free loopback port with a data directory on disk (SQLite), and runs
# bench_kafka_load against it and against librdkafka's in-process mock cluster in the same run.
#
# Usage: scripts/bench-wire.sh [bench_kafka_load options...]
#   e.g. scripts/bench-wire.sh --repeat 3
# Environment:
#   BUILD_DIR      build directory (default: build-bench)
#   BROKER         broker executable to use instead of building one (default: $BUILD_DIR/app/topicscope)
#   BROKER_ARGS    extra broker arguments, e.g. "--fsync"
#   NO_BUILD=1     skip configuring and building
#   KEEP_DATA=1    keep the broker's data directory afterwards
#   BROKER_LOG     where the broker's stderr goes (default: $BUILD_DIR/bench-wire-broker.log)
#   MOCK_NO_WAIT=0 skip the extra mock latency run with fetch.wait.max.ms=1 (see bench/REPORT-wire.md)
#   BENCH_NICE=N   run broker and client under `nice -n N` (e.g. -10 on a machine busy with other work;
#                  negative values need root). Both targets get the same priority.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build_dir=${BUILD_DIR:-build-bench}
broker=${BROKER:-$build_dir/app/topicscope}
client=$build_dir/bench/bench_kafka_load
broker_log=${BROKER_LOG:-$build_dir/bench-wire-broker.log}
run=()
[[ -n "${BENCH_NICE:-}" ]] && run=(nice -n "$BENCH_NICE")

if [[ "${NO_BUILD:-0}" != 1 ]]; then
    if [[ ! -f "$build_dir/build.ninja" ]]; then
        if ! cmake_out=$(cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo 2>&1); then
            echo "$cmake_out" >&2
            exit 1
        fi
    fi
    targets=(bench_kafka_load)
    [[ -z "${BROKER:-}" ]] && targets+=(topicscope)
    if ! ninja -C "$build_dir" "${targets[@]}" >"$build_dir/bench-wire-build.log" 2>&1; then
        echo "bench-wire: building ${targets[*]} failed; the end of $build_dir/bench-wire-build.log:" >&2
        tail -30 "$build_dir/bench-wire-build.log" >&2
        exit 1
    fi
fi
[[ -x "$client" ]] || { echo "bench-wire: $client not built (is librdkafka-dev installed?)" >&2; exit 1; }
[[ -x "$broker" ]] || { echo "bench-wire: broker $broker not found" >&2; exit 1; }

# A free loopback port: bind port 0 and read back what the kernel chose. Racy in theory, fine in practice;
# the broker refuses clearly if someone takes it in between.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port=$(free_port)
data_dir=$(mktemp -d "$root/$build_dir/bench-wire-data.XXXXXX")
broker_pid=

# shellcheck disable=SC2317 # called through the EXIT trap
cleanup() {
    if [[ -n "$broker_pid" ]] && kill -0 "$broker_pid" 2>/dev/null; then
        kill -TERM "$broker_pid" 2>/dev/null || true
        wait "$broker_pid" 2>/dev/null || true
    fi
    if [[ "${KEEP_DATA:-0}" != 1 ]]; then
        rm -rf "$data_dir"
    fi
}
trap cleanup EXIT

echo "# machine: nproc=$(nproc) cpu=\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')\""
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)${BENCH_NICE:+ (broker and client at nice $BENCH_NICE)}"
echo "# broker: $broker --headless --data-dir $data_dir --listen 127.0.0.1:$port ${BROKER_ARGS:-}"
echo "# broker log: $broker_log (debug categories off: per-request debug lines would be measured too)"

# Debug-level lines are one per request; writing them to a file would be part of what we measure.
# shellcheck disable=SC2086
QT_LOGGING_RULES='topicscope.*.debug=false' "${run[@]}" "$broker" --headless --data-dir "$data_dir" \
    --listen "127.0.0.1:$port" ${BROKER_ARGS:-} >"$broker_log" 2>&1 &
broker_pid=$!

ready=0
for _ in $(seq 1 100); do
    if ! kill -0 "$broker_pid" 2>/dev/null; then
        echo "bench-wire: the broker exited during start-up; its log:" >&2
        cat "$broker_log" >&2
        exit 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        ready=1
        break
    fi
    sleep 0.1
done
[[ "$ready" == 1 ]] || { echo "bench-wire: nothing listens on 127.0.0.1:$port after 10 s" >&2; exit 1; }

status=0
echo "# command: $client --target topicscope=127.0.0.1:$port --mock $*"
"${run[@]}" "$client" --target "topicscope=127.0.0.1:$port" --mock "$@" || status=$?

if [[ "${MOCK_NO_WAIT:-1}" == 1 ]]; then
    # The mock does not answer a waiting Fetch early when data arrives (it always waits fetch.wait.max.ms),
    # so its latency with default settings measures that timer. This run shows it without the long poll.
    echo "# extra: mock latency with -X fetch.wait.max.ms=1 (not the default client setting)"
    "${run[@]}" "$client" --mock --mock-label mock-fetchwait1 "$@" --tests latency -X fetch.wait.max.ms=1 || status=$?
fi

echo "# data dir size after the run: $(du -sh "$data_dir" | cut -f1)"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if ! kill -0 "$broker_pid" 2>/dev/null; then
    echo "bench-wire: the broker died during the run; last log lines:" >&2
    tail -20 "$broker_log" >&2
    status=1
fi
exit "$status"
