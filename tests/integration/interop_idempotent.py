#!/usr/bin/python3
"""Idempotent-producer scenarios (confluent-kafka / librdkafka, enable.idempotence=True) against a running
Topicscope broker (driven by tst_interop_idempotent).

Usage: interop_idempotent.py BOOTSTRAP SCENARIO COUNT
Prints RESULT lines the C++ test checks; exits non-zero when a scenario's own check fails.
"""
import sys
import time

from confluent_kafka import Consumer, KafkaError, Producer
from confluent_kafka.admin import AdminClient, NewTopic

BOOTSTRAP = sys.argv[1]
SCENARIO = sys.argv[2]
COUNT = int(sys.argv[3])
DEADLINE_S = 40


def result(*fields):
    print("RESULT " + " ".join(str(f) for f in fields), flush=True)


def create_topic(name, partitions):
    admin = AdminClient({"bootstrap.servers": BOOTSTRAP})
    for _, future in admin.create_topics([NewTopic(name, num_partitions=partitions, replication_factor=1)]).items():
        future.result(timeout=DEADLINE_S)


def produce_idempotent(topic, count):
    errors = []
    delivered = []

    def on_delivery(err, msg):
        if err is not None:
            errors.append(str(err))
        else:
            delivered.append((msg.partition(), msg.offset()))

    # Small batches and several in flight, so each partition sees many sequence-numbered batches.
    producer = Producer({"bootstrap.servers": BOOTSTRAP, "enable.idempotence": True, "linger.ms": 2,
                         "batch.num.messages": 50, "max.in.flight.requests.per.connection": 5,
                         "error_cb": lambda e: errors.append("error_cb: " + str(e))})
    for i in range(count):
        producer.produce(topic, key=b"k%d" % i, value=b"v%d" % i, on_delivery=on_delivery)
        if i % 100 == 0:
            producer.poll(0)
    assert producer.flush(DEADLINE_S) == 0, "messages left undelivered"
    assert not errors, errors
    return delivered


def consume_all(topic, expected):
    consumer = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": "idem-reader-" + topic,
                         "auto.offset.reset": "earliest", "enable.auto.commit": False})
    consumer.subscribe([topic])
    values = []
    deadline = time.time() + DEADLINE_S
    idle_since = None
    while time.time() < deadline:
        m = consumer.poll(0.2)
        if m is None:
            # Read on a little after reaching the expected count, so duplicates would show up too.
            if len(values) >= expected:
                idle_since = idle_since or time.time()
                if time.time() - idle_since > 1.0:
                    break
            continue
        if m.error():
            if m.error().code() != KafkaError._PARTITION_EOF:
                raise AssertionError(str(m.error()))
            continue
        idle_since = None
        values.append(m.value())
    consumer.close()
    return values


def scenario_produce_read_back():
    topic = "idem-%d" % COUNT
    create_topic(topic, 3)
    delivered = produce_idempotent(topic, COUNT)
    result("delivered", len(delivered), len(set(delivered)))
    values = consume_all(topic, COUNT)
    result("consumed", len(values), len(set(values)))


SCENARIOS = {"produce-read-back": scenario_produce_read_back}

if __name__ == "__main__":
    SCENARIOS[SCENARIO]()
    print("DONE", flush=True)
