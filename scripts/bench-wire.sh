#!/usr/bin/env bash
# Wire benchmark of issue 3: builds the broker and the librdkafka load client (RelWithDebInfo, build-bench/),
# starts `topicscope --headless` on a free loopback port with a data directory on disk (SQLite), and runs
# bench_kafka_load against it and against librdkafka's in-process mock cluster in the same run. With
# BROKER_ARGS_B set it starts a second broker beside the first (its own port and data directory) and measures
# both in the same run, interleaved: two settings of one build side by side (bench/REPORT-live.md).
#
# Usage: scripts/bench-wire.sh [bench_kafka_load options...]
#   e.g. scripts/bench-wire.sh --repeat 3
#        BROKER_ARGS_B=--no-live-recording LABEL=with LABEL_B=without NO_MOCK=1 MOCK_NO_WAIT=0 \
#            scripts/bench-wire.sh --records 300000 --repeat 5 --tests produce-all,consume
# Environment:
#   BUILD_DIR      build directory (default: build-bench)
#   BROKER         broker executable to use instead of building one (default: $BUILD_DIR/app/topicscope)
#   BROKER_ARGS    extra broker arguments, e.g. "--fsync"
#   BROKER_ARGS_B  when set (even to ""): a second broker with these extra arguments, measured in the same run
#   LABEL, LABEL_B the targets' labels in bench_kafka_load's output (default: topicscope, topicscope-b)
#   BROKER_ENV     VAR=value words put in the brokers' environment only, e.g. glibc malloc tunables (REPORT-live.md)
#   NO_MOCK=1      leave librdkafka's mock cluster out (it still runs in MOCK_NO_WAIT's extra run unless that is 0)
#   NO_BUILD=1     skip configuring and building
#   KEEP_DATA=1    keep the broker's data directory afterwards
#   BROKER_LOG     where the broker's stderr goes (default: $BUILD_DIR/bench-wire-broker.log; the second
#                  broker's: the same with -b before .log)
#   MOCK_NO_WAIT=0 skip the extra mock latency run with fetch.wait.max.ms=1 (see bench/REPORT-wire.md)
#   BENCH_NICE=N   run broker and client under `nice -n N` (e.g. -10 on a machine busy with other work;
#                  negative values need root). Both targets get the same priority.
#   WARM_MB=N      before the brokers start, write N MiB of zeros to a file in the build directory twice (each
#                  time deleted after) and print both rates: the page cache the runs then fill comes from memory
#                  the machine has touched. On a virtual machine the first touch of guest memory is paid to the
#                  hypervisor: here writing into never-touched memory ran at ~390 MB/s, into reused memory at
#                  3.6-5.7 GB/s. A broker that keeps its log fills new page-cache pages; the mock recycles 5 MiB.
#                  Choose N at least the bytes the run writes (records x size x tests x repeat); see
#                  bench/REPORT-wire.md.
#   KCAT_ROUNDS=N  after bench_kafka_load, N rounds of kcat (another client, another code path): produce
#                  KCAT_RECORDS 100-byte records with acks=all to the (first) broker and to a mock cluster of
#                  kcat's own (test.mock.num.brokers=1), alternately, then consume them back from the broker
#                  (kcat's mock lives in its producing process, so there is no mock consume to compare with).
#                  Times are whole kcat runs, start-up included, for both targets.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build_dir=${BUILD_DIR:-build-bench}
broker=${BROKER:-$build_dir/app/topicscope}
client=$build_dir/bench/bench_kafka_load
broker_log=${BROKER_LOG:-$build_dir/bench-wire-broker.log}
broker_log_b=${broker_log%.log}-b.log
label=${LABEL:-topicscope}
label_b=${LABEL_B:-topicscope-b}
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
data_dirs=()
temp_files=()
broker_pids=()

# shellcheck disable=SC2317 # called through the EXIT trap
cleanup() {
    for pid in "${broker_pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    if [[ "${KEEP_DATA:-0}" != 1 ]]; then
        for dir in "${data_dirs[@]}"; do
            rm -rf "$dir"
        done
    fi
    rm -f "${temp_files[@]}"
}
trap cleanup EXIT

echo "# machine: nproc=$(nproc) cpu=\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')\""
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)${BENCH_NICE:+ (broker and client at nice $BENCH_NICE)}"

# start_broker LOG EXTRA_ARGS: starts a broker on a free port with a fresh data directory, waits until it
# listens and sets $started_port.
start_broker() {
    local log=$1 extra=$2 port data_dir pid
    port=$(free_port)
    data_dir=$(mktemp -d "$root/$build_dir/bench-wire-data.XXXXXX")
    data_dirs+=("$data_dir")
    echo "# broker: ${BROKER_ENV:+$BROKER_ENV }$broker --headless --data-dir $data_dir --listen 127.0.0.1:$port $extra"
    echo "# broker log: $log (debug categories off: per-request debug lines would be measured too)"
    # Debug-level lines are one per request; writing them to a file would be part of what we measure.
    # shellcheck disable=SC2086
    env QT_LOGGING_RULES='topicscope.*.debug=false' ${BROKER_ENV:-} "${run[@]}" "$broker" --headless --data-dir "$data_dir" \
        --listen "127.0.0.1:$port" $extra >"$log" 2>&1 &
    pid=$!
    broker_pids+=("$pid")
    for _ in $(seq 1 100); do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "bench-wire: the broker exited during start-up; its log:" >&2
            cat "$log" >&2
            exit 1
        fi
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            started_port=$port
            return
        fi
        sleep 0.1
    done
    echo "bench-wire: nothing listens on 127.0.0.1:$port after 10 s" >&2
    exit 1
}

# dd's rate of one write of WARM_MB MiB into the page cache (its file is deleted after). The file is named here,
# not in the function: it runs in a subshell, and the EXIT trap must know the file if the run is interrupted.
page_cache_rate() {
    dd if=/dev/zero of="$warm_file" bs=1M count="$WARM_MB" 2>&1 | tail -n 1 | sed 's/.*, //'
    rm -f "$warm_file"
}
if [[ "${WARM_MB:-0}" -gt 0 ]]; then
    warm_file=$(mktemp "$root/$build_dir/bench-wire-warm.XXXXXX")
    temp_files+=("$warm_file")
    first=$(page_cache_rate)
    second=$(page_cache_rate)
    echo "# warm-up: $WARM_MB MiB written to the page cache at $first, then again (reusing the freed pages) at $second"
fi

start_broker "$broker_log" "${BROKER_ARGS:-}"
load_targets=(--target "$label=127.0.0.1:$started_port")
if [[ -n "${BROKER_ARGS_B+set}" ]]; then
    start_broker "$broker_log_b" "$BROKER_ARGS_B"
    load_targets+=(--target "$label_b=127.0.0.1:$started_port")
fi
[[ "${NO_MOCK:-0}" == 1 ]] || load_targets+=(--mock)

status=0
echo "# command: $client ${load_targets[*]} $*"
"${run[@]}" "$client" "${load_targets[@]}" "$@" || status=$?

if [[ -n "${KCAT_ROUNDS:-}" ]]; then
    kcat_records=${KCAT_RECORDS:-1000000}
    kcat_input=$(mktemp "$root/$build_dir/bench-wire-kcat.XXXXXX")
    temp_files+=("$kcat_input")
    awk -v n="$kcat_records" 'BEGIN { v = sprintf("%100s", ""); gsub(/ /, "x", v); for (i = 0; i < n; ++i) print v }' \
        >"$kcat_input"
    # seconds OUT CMD...: the wall time of one run of CMD, its output to the file OUT; fails when CMD does.
    seconds() {
        local out=$1 start end
        shift
        start=$(date +%s.%N)
        "$@" >"$out" 2>/dev/null || { echo "bench-wire: failed: $*" >&2; return 1; }
        end=$(date +%s.%N)
        echo "$end - $start" | bc -l
    }
    broker_bootstrap=${load_targets[1]#*=}
    consumed=$(mktemp "$root/$build_dir/bench-wire-kcat-out.XXXXXX")
    temp_files+=("$consumed")
    ratios=()
    for round in $(seq 1 "$KCAT_ROUNDS"); do
        topic=kcat-$$-$round
        ours=$(seconds /dev/null "${run[@]}" kcat -P -b "$broker_bootstrap" -t "$topic" -p 0 -X acks=all \
            -l "$kcat_input") || status=1
        mock=$(seconds /dev/null "${run[@]}" kcat -P -b 127.0.0.1:1 -X test.mock.num.brokers=1 -t "$topic" -p 0 \
            -X acks=all -l "$kcat_input") || status=1
        consume=$(seconds "$consumed" "${run[@]}" kcat -C -b "$broker_bootstrap" -t "$topic" -p 0 -o beginning -e -q) \
            || status=1
        got=$(wc -l <"$consumed")
        [[ "$got" == "$kcat_records" ]] || { echo "bench-wire: kcat consumed $got of $kcat_records" >&2; status=1; }
        [[ -n "$ours" && -n "$mock" && -n "$consume" ]] || continue
        ratio=$(echo "$mock / $ours" | bc -l)
        ratios+=("$ratio")
        printf 'kcat round=%d records=%d produce_acks_all_s %s=%.3f mock=%.3f ratio=%.2f consume_s %s=%.3f (%d records)\n' \
            "$round" "$kcat_records" "$label" "$ours" "$mock" "$ratio" "$label" "$consume" "$got"
    done
    printf '%s\n' "${ratios[@]}" | sort -g | awk '{ r[NR] = $1 } END {
        median = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
        printf "kcat summary rounds=%d produce acks=all ratio vs mock: median %.2f\n", NR, median }'
fi

if [[ "${MOCK_NO_WAIT:-1}" == 1 ]]; then
    # The mock does not answer a waiting Fetch early when data arrives (it always waits fetch.wait.max.ms),
    # so its latency with default settings measures that timer. This run shows it without the long poll.
    echo "# extra: mock latency with -X fetch.wait.max.ms=1 (not the default client setting)"
    "${run[@]}" "$client" --mock --mock-label mock-fetchwait1 "$@" --tests latency -X fetch.wait.max.ms=1 || status=$?
fi

for dir in "${data_dirs[@]}"; do
    echo "# data dir size after the run: $(du -sh "$dir" | cut -f1) ($dir)"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# CPU time each broker used for the whole run (same workload for each): steadier than throughput on a shared
# machine, because time spent waiting for a core is not counted.
ticks=$(getconf CLK_TCK)
for pid in "${broker_pids[@]}"; do
    if [[ -r "/proc/$pid/stat" ]]; then
        # Fields after the command's closing parenthesis: minflt is the 8th, utime and stime the 12th and 13th.
        read -r minflt utime stime < <(sed 's/.*) //' "/proc/$pid/stat" | cut -d' ' -f8,12,13)
        echo "# broker pid $pid cpu: user $(( utime * 1000 / ticks )) ms, system $(( stime * 1000 / ticks )) ms;" \
            "page faults $minflt; $(grep VmHWM "/proc/$pid/status" | tr -s ' \t' ' ')"
    fi
done
for pid in "${broker_pids[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "bench-wire: a broker (pid $pid) died during the run; last log lines of both:" >&2
        tail -20 "$broker_log" >&2
        [[ -f "$broker_log_b" ]] && tail -20 "$broker_log_b" >&2
        status=1
    fi
done
exit "$status"
