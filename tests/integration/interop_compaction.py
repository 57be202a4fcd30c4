#!/usr/bin/python3
"""A compacted topic through confluent-kafka (librdkafka), driven by tst_interop_compaction.

Usage: interop_compaction.py BOOTSTRAP
Creates a topic with cleanup.policy=compact and small segments, writes 30 rounds of the same 4 keys (one batch per
round), checks that a record without a key is refused, then reads the partition from the beginning until the
broker's log cleaner has compacted its closed segments. Prints RESULT lines the C++ test checks.
"""
import sys
import time

from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic

BOOTSTRAP = sys.argv[1]
TOPIC = "compacted-prices"
KEYS = [b"apple", b"pear", b"plum", b"fig"]
ROUNDS = 30
DEADLINE_S = 40


def result(*fields):
    print("RESULT " + " ".join(str(f) for f in fields), flush=True)


def read_all():
    consumer = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": "unused", "enable.auto.commit": False,
                         "enable.partition.eof": True})
    consumer.assign([TopicPartition(TOPIC, 0, -2)])  # OFFSET_BEGINNING
    records = []
    deadline = time.time() + DEADLINE_S
    while time.time() < deadline:
        msg = consumer.poll(1.0)
        if msg is None:
            continue
        if msg.error():
            if msg.error().code() == KafkaError._PARTITION_EOF:
                break
            raise Exception(msg.error())
        records.append((msg.offset(), msg.key(), msg.value()))
    consumer.close()
    return records


def main():
    admin = AdminClient({"bootstrap.servers": BOOTSTRAP})
    topic = NewTopic(TOPIC, num_partitions=1, replication_factor=1,
                     config={"cleanup.policy": "compact", "segment.bytes": "1024"})
    for future in admin.create_topics([topic]).values():
        future.result(timeout=DEADLINE_S)
    for future in admin.describe_configs([ConfigResource("topic", TOPIC)]).values():
        configs = future.result(timeout=DEADLINE_S)
        result("config", configs["cleanup.policy"].value, configs["segment.bytes"].value)

    producer = Producer({"bootstrap.servers": BOOTSTRAP, "acks": "all", "linger.ms": 0})
    newest = {}
    errors = []

    def on_delivery(err, msg):
        if err is not None:
            errors.append(err)
        else:
            newest[msg.key()] = (msg.offset(), msg.value())

    for r in range(ROUNDS):
        for key in KEYS:
            producer.produce(TOPIC, key=key, value=b"%s-round-%d" % (key, r), partition=0, on_delivery=on_delivery)
        assert producer.flush(DEADLINE_S) == 0, "records left undelivered"
    assert not errors, errors
    written = ROUNDS * len(KEYS)
    result("written", written)

    # A record without a key: Kafka refuses it on a compacted topic (INVALID_RECORD).
    producer.produce(TOPIC, value=b"no key", partition=0, on_delivery=on_delivery)
    producer.flush(DEADLINE_S)
    result("keyless", errors[0].name() if errors else "accepted")

    # The cleaner runs every 5 s; it never touches the active segment.
    deadline = time.time() + DEADLINE_S
    records = read_all()
    while len(records) >= written and time.time() < deadline:
        time.sleep(1)
        records = read_all()
    result("read", len(records), "first", records[0][0] if records else -1)
    offsets = [o for o, _, _ in records]
    result("ascending", int(offsets == sorted(offsets) and len(set(offsets)) == len(offsets)))
    for key in KEYS:
        offset, value = newest[key]
        kept = [(o, v) for o, k, v in records if k == key]
        # The newest record of each key is there, at the offset the producer was told.
        result("newest", key.decode(), int((offset, value) in kept), len(kept))
    print("DONE", flush=True)


main()
