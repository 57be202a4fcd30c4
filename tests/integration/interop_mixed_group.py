#!/usr/bin/python3
"""One consumer group shared by kafka-python 2.0.2 and confluent-kafka 1.7.0 (librdkafka 2.0.2) consumers, driven
by tst_interop_mixedgroup against a running Topicscope broker.

Usage: interop_mixed_group.py BOOTSTRAP
Both members subscribe with the range assignor (the one protocol both offer), read a 4-partition topic, and
confluent-kafka's AdminClient.list_groups() describes the group while both are members.
Prints RESULT lines the C++ test checks; exits non-zero when a check of its own fails.
"""
import struct
import sys
import time

from confluent_kafka import Consumer, Producer
from confluent_kafka.admin import AdminClient, NewTopic
from kafka import KafkaConsumer
from kafka.coordinator.assignors.range import RangePartitionAssignor

BOOTSTRAP = sys.argv[1]
DEADLINE_S = 40
TOPIC = "mixed"
GROUP = "mixed-group"
RECORDS = 60


def result(*fields):
    print("RESULT " + " ".join(str(f) for f in fields), flush=True)


def partition_list(partitions):
    return ",".join(str(p) for p in sorted(partitions)) or "-"


def consumer_protocol_assignment(data):
    """Partitions of TOPIC in a ConsumerProtocolAssignment (version, [topic, [partition]], user data)."""
    if not data:
        return []
    pos = 2
    topics = struct.unpack_from(">i", data, pos)[0]
    pos += 4
    out = []
    for _ in range(topics):
        n = struct.unpack_from(">h", data, pos)[0]
        name = data[pos + 2:pos + 2 + n].decode()
        pos += 2 + n
        count = struct.unpack_from(">i", data, pos)[0]
        pos += 4
        parts = struct.unpack_from(">%di" % count, data, pos)
        pos += 4 * count
        if name == TOPIC:
            out.extend(parts)
    return out


def main():
    admin = AdminClient({"bootstrap.servers": BOOTSTRAP})
    for _, future in admin.create_topics([NewTopic(TOPIC, num_partitions=4, replication_factor=1)]).items():
        future.result(timeout=DEADLINE_S)
    producer = Producer({"bootstrap.servers": BOOTSTRAP, "acks": "all"})
    for i in range(RECORDS):
        producer.produce(TOPIC, key=b"k%d" % i, value=b"v%d" % i)
    assert producer.flush(DEADLINE_S) == 0

    # librdkafka joins from its own thread as soon as it is polled; kafka-python's first poll() then blocks until
    # the join completes. The broker's initial rebalance delay lets both land in the first generation, so no
    # record is read before the final assignment (each record exactly once).
    rdk = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": GROUP, "auto.offset.reset": "earliest",
                    "partition.assignment.strategy": "range", "session.timeout.ms": 10000,
                    "heartbeat.interval.ms": 500, "enable.auto.commit": False})
    rdk.subscribe([TOPIC])
    rdk.poll(0.1)
    kp = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP, group_id=GROUP, auto_offset_reset="earliest",
                       enable_auto_commit=False, partition_assignment_strategy=[RangePartitionAssignor],
                       session_timeout_ms=10000, heartbeat_interval_ms=500)
    seen = {}
    duplicates = 0
    deadline = time.time() + DEADLINE_S
    while time.time() < deadline:
        for batch in kp.poll(timeout_ms=100).values():
            for r in batch:
                duplicates += (r.partition, r.offset) in seen
                seen[(r.partition, r.offset)] = "kafka-python"
        m = rdk.poll(0.1)
        if m is not None and not m.error():
            duplicates += (m.partition(), m.offset()) in seen
            seen[(m.partition(), m.offset())] = "librdkafka"
        kp_parts = {tp.partition for tp in kp.assignment()}
        rdk_parts = {tp.partition for tp in rdk.assignment()}
        if len(seen) >= RECORDS and kp_parts and rdk_parts and len(kp_parts) + len(rdk_parts) == 4:
            break
    result("assignment", "kafka-python", partition_list({tp.partition for tp in kp.assignment()}))
    result("assignment", "librdkafka", partition_list({tp.partition for tp in rdk.assignment()}))
    by = [sum(1 for v in seen.values() if v == who) for who in ("kafka-python", "librdkafka")]
    result("consumed", len(seen), "duplicates", duplicates, "by", by[0], by[1])

    # ListGroups + DescribeGroups through librdkafka (confluent-kafka 1.7.0 has no list_consumer_groups).
    listed = admin.list_groups(timeout=10)
    result("listed", ",".join(sorted(g.id for g in listed)))
    described = admin.list_groups(GROUP, timeout=10)
    g = described[0]
    result("described", g.id, g.state, g.protocol_type, g.protocol, len(g.members))
    members = sorted((m.client_id, partition_list(consumer_protocol_assignment(m.assignment))) for m in g.members)
    for client_id, parts in members:
        result("member", client_id.split("-")[0], parts)

    kp.commit()
    rdk.commit(asynchronous=False)
    kp.close()
    rdk.close()


if __name__ == "__main__":
    main()
    print("DONE", flush=True)
