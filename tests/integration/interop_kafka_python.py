#!/usr/bin/python3
"""kafka-python 2.0.2 scenarios against a running Topicscope broker (driven by tst_interop_kafkapython).

Usage: interop_kafka_python.py BOOTSTRAP SCENARIO
Prints RESULT lines the C++ test checks; exits non-zero (with a traceback) when a scenario's own check fails.
"""
import sys
import threading
import time

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import ConfigResource, ConfigResourceType, NewPartitions, NewTopic

BOOTSTRAP = sys.argv[1]
SCENARIO = sys.argv[2]
DEADLINE_S = 30


def result(*fields):
    print("RESULT " + " ".join(str(f) for f in fields), flush=True)


def produce_keyed(topic, count, prefix="key"):
    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, key_serializer=str.encode, value_serializer=str.encode)
    futures = [producer.send(topic, key="%s%d" % (prefix, i), value="value%d" % i) for i in range(count)]
    producer.flush(timeout=DEADLINE_S)
    metas = [f.get(timeout=DEADLINE_S) for f in futures]
    producer.close(timeout=DEADLINE_S)
    return metas


def consume(consumer, count):
    records = []
    deadline = time.time() + DEADLINE_S
    while len(records) < count and time.time() < deadline:
        for batch in consumer.poll(timeout_ms=500).values():
            records.extend(batch)
    return records


def wait_for_assignment(consumer):
    deadline = time.time() + DEADLINE_S
    while not consumer.assignment() and time.time() < deadline:
        consumer.poll(timeout_ms=200)
    assert consumer.assignment(), "no partitions assigned"


def scenario_keyed_produce():
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    admin.create_topics([NewTopic("keyed", num_partitions=4, replication_factor=1)])
    admin.close()
    for i, meta in enumerate(produce_keyed("keyed", 40)):
        result("produced", "key%d" % i, meta.partition, meta.offset)


def scenario_group_earliest_commit():
    produce_keyed("orders", 25)
    consumer = KafkaConsumer("orders", bootstrap_servers=BOOTSTRAP, group_id="kp-group", auto_offset_reset="earliest",
                             enable_auto_commit=False, key_deserializer=bytes.decode)
    records = consume(consumer, 25)
    for r in records:
        result("consumed", r.key, r.partition, r.offset)
    consumer.commit()
    tp = TopicPartition("orders", 0)
    result("committed", consumer.committed(tp))
    consumer.close()
    # A second consumer of the group starts from the committed offset: nothing left to read.
    again = KafkaConsumer("orders", bootstrap_servers=BOOTSTRAP, group_id="kp-group", auto_offset_reset="earliest",
                          enable_auto_commit=False)
    wait_for_assignment(again)
    result("position", again.position(tp))
    again.close()


def scenario_group_latest():
    produce_keyed("latest", 5, prefix="old")
    consumer = KafkaConsumer("latest", bootstrap_servers=BOOTSTRAP, group_id="kp-latest", auto_offset_reset="latest",
                             enable_auto_commit=False, key_deserializer=bytes.decode)
    wait_for_assignment(consumer)
    consumer.position(TopicPartition("latest", 0))  # resolves the reset to the log end before producing
    produce_keyed("latest", 3, prefix="new")
    for r in consume(consumer, 3):
        result("consumed", r.key, r.partition, r.offset)
    consumer.close()


def scenario_admin():
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    admin.create_topics([NewTopic("admin-a", num_partitions=3, replication_factor=1),
                         NewTopic("admin-b", num_partitions=1, replication_factor=1)])
    result("topics", ",".join(sorted(admin.list_topics())))
    for t in admin.describe_topics(["admin-a"]):
        result("described", t["topic"], len(t["partitions"]), t["error_code"])
    try:
        admin.create_topics([NewTopic("admin-a", num_partitions=1, replication_factor=1)])
        result("duplicate", "accepted")
    except Exception as e:  # TopicAlreadyExistsError
        result("duplicate", type(e).__name__)
    # A group to list and describe.
    produce_keyed("admin-a", 3)
    consumer = KafkaConsumer("admin-a", bootstrap_servers=BOOTSTRAP, group_id="admin-group",
                             auto_offset_reset="earliest", enable_auto_commit=False)
    consume(consumer, 3)
    result("groups", ",".join(sorted(g[0] for g in admin.list_consumer_groups())))
    for g in admin.describe_consumer_groups(["admin-group"]):
        result("group", g.group, g.state, g.protocol, len(g.members))
    consumer.close()
    admin.create_partitions({"admin-b": NewPartitions(total_count=3)})
    for t in admin.describe_topics(["admin-b"]):
        result("grown", t["topic"], len(t["partitions"]))
    admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, "admin-a", configs={"retention.ms": "3600000"})])
    for response in admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, "admin-a")]):
        for error, _, _, name, entries in response.resources:
            values = {entry[0]: entry[1] for entry in entries}
            result("config", name, error, values.get("retention.ms"))
    for group, error in admin.delete_consumer_groups(["admin-group"]):
        result("deleted-group", group, getattr(error, "errno", error))
    result("groups-after", ",".join(sorted(g[0] for g in admin.list_consumer_groups())) or "-")
    admin.close()


def scenario_group_rebalance():
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    admin.create_topics([NewTopic("rebalance", num_partitions=4, replication_factor=1)])
    admin.close()
    produce_keyed("rebalance", 40)

    def member():
        return KafkaConsumer("rebalance", bootstrap_servers=BOOTSTRAP, group_id="kp-rebalance",
                             auto_offset_reset="earliest", enable_auto_commit=False, heartbeat_interval_ms=200,
                             key_deserializer=bytes.decode)

    # kafka-python's poll() blocks in the join phase until every member rejoined, so each member polls from
    # its own thread (as applications do).
    seen = set()
    lock = threading.Lock()
    stop = threading.Event()
    members = {}

    def run(name):
        consumer = member()
        members[name] = consumer
        while not stop.is_set():
            for batch in consumer.poll(timeout_ms=100).values():
                with lock:
                    seen.update((r.partition, r.offset) for r in batch)
        consumer.close()

    threads = [threading.Thread(target=run, args=("first",))]
    threads[0].start()
    deadline = time.time() + DEADLINE_S
    while time.time() < deadline and not ("first" in members and len(members["first"].assignment()) == 4):
        time.sleep(0.05)
    result("alone", ",".join(str(tp.partition) for tp in sorted(members["first"].assignment())))
    threads.append(threading.Thread(target=run, args=("second",)))
    threads[1].start()
    while time.time() < deadline:
        with lock:
            done = len(seen) == 40
        if done and "second" in members and len(members["first"].assignment()) == 2 \
                and len(members["second"].assignment()) == 2:
            break
        time.sleep(0.05)
    for name in ("first", "second"):
        result("assignment", name, ",".join(str(tp.partition) for tp in sorted(members[name].assignment())) or "-")
    result("consumed", len(seen))
    stop.set()
    for t in threads:
        t.join(timeout=DEADLINE_S)


SCENARIOS = {
    "group-rebalance": scenario_group_rebalance,
    "keyed-produce": scenario_keyed_produce,
    "group-earliest-commit": scenario_group_earliest_commit,
    "group-latest": scenario_group_latest,
    "admin": scenario_admin,
}

if __name__ == "__main__":
    SCENARIOS[SCENARIO]()
    print("DONE", flush=True)
