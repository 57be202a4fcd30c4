#!/usr/bin/env bash
# Records a live session of real clients for tests/ui/data/consumer-protocol-session.json: a headless Topicscope
# broker (--record) serves confluent-kafka members on librdkafka 2.15.1 (scripts/build-librdkafka.sh), first a group
# under Kafka 4's consumer protocol (group.protocol=consumer), then one under the classic protocol, each driven by
# tests/integration/interop_consumer_protocol.py (two members, a third, a clean leave, a SIGKILL; bursts of 20
# records instead of 200, so that the file stays small). tst_liveflowview opens the file as Scenarios > Open
# Recording would and photographs its timeline: the picture of real clients needs no librdkafka at test time.
# Rerun after a change to the recording format.
#
# Usage: scripts/record-consumer-protocol-session.sh [BUILD_DIR] [OUTPUT]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
out=${2:-tests/ui/data/consumer-protocol-session.json}
rdkafka="$build/librdkafka-2.15.1"
[[ -f "$rdkafka/lib/librdkafka.so.1" ]] || scripts/build-librdkafka.sh "$rdkafka"
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d)
trap 'kill "$broker" 2>/dev/null || true; rm -rf "$work"' EXIT
QT_QPA_PLATFORM=offscreen "$build/app/topicscope" --headless --in-memory --listen "127.0.0.1:$port" \
    --group-initial-rebalance-delay-ms 0 --group-consumer-session-timeout-ms 6000 \
    --group-consumer-heartbeat-interval-ms 500 --record "$work/session.json" 2>"$work/broker.log" &
broker=$!
for _ in $(seq 100); do
    /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break
    sleep 0.1
done
for protocol in consumer classic; do
    INTEROP_BATCH=20 LD_LIBRARY_PATH="$PWD/$rdkafka/lib" /usr/bin/python3 tests/integration/interop_consumer_protocol.py \
        "127.0.0.1:$port" driver "$protocol" | grep -E '^RESULT|DONE'
done
kill -TERM "$broker"
wait "$broker"
mkdir -p "$(dirname "$out")"
cp "$work/session.json" "$out"
echo "recorded $out ($(stat -c %s "$out") bytes)"
