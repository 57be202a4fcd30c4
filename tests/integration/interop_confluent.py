#!/usr/bin/python3
"""confluent-kafka (librdkafka) scenarios against a running Topicscope broker (driven by tst_interop_confluent).

Usage: interop_confluent.py BOOTSTRAP SCENARIO
Prints RESULT lines the C++ test checks; exits non-zero when a scenario's own check fails.
"""
import sys
import time

from confluent_kafka import Consumer, Producer
from confluent_kafka.admin import AdminClient, NewTopic

BOOTSTRAP = sys.argv[1]
SCENARIO = sys.argv[2]
DEADLINE_S = 40


def result(*fields):
    print("RESULT " + " ".join(str(f) for f in fields), flush=True)


def create_topic(admin, name, partitions):
    for topic, future in admin.create_topics([NewTopic(name, num_partitions=partitions, replication_factor=1)]).items():
        future.result(timeout=DEADLINE_S)


def produce(topic, count):
    producer = Producer({"bootstrap.servers": BOOTSTRAP, "acks": "all"})
    delivered = []

    def on_delivery(err, msg):
        assert err is None, err
        delivered.append((msg.partition(), msg.offset()))

    for i in range(count):
        producer.produce(topic, key=b"k%d" % i, value=b"v%d" % i, on_delivery=on_delivery)
    assert producer.flush(DEADLINE_S) == 0, "messages left undelivered"
    return delivered


def scenario_produce_acks_all():
    admin = AdminClient({"bootstrap.servers": BOOTSTRAP})
    create_topic(admin, "ck-acks", 3)
    delivered = produce("ck-acks", 30)
    result("delivered", len(delivered), len({p for p, _ in delivered}))


def partition_list(assignment):
    return ",".join(str(p) for p in sorted(tp.partition for tp in assignment)) or "-"


def consumer_config(group, strategy):
    return {"bootstrap.servers": BOOTSTRAP, "group.id": group, "auto.offset.reset": "earliest",
            "partition.assignment.strategy": strategy, "session.timeout.ms": 10000,
            "heartbeat.interval.ms": 500, "enable.auto.commit": True, "auto.commit.interval.ms": 200}


def scenario_group(strategy):
    admin = AdminClient({"bootstrap.servers": BOOTSTRAP})
    topic = "ck-group-" + strategy
    group = "cg-" + strategy
    create_topic(admin, topic, 4)
    produce(topic, 40)
    first = Consumer(consumer_config(group, strategy))
    # Every partition taken away from the first member: eager protocols revoke everything on a rebalance,
    # cooperative-sticky only what moves to the newcomer.
    revoked = []
    first.subscribe([topic], on_revoke=lambda consumer, parts: revoked.extend(p.partition for p in parts))
    seen = {}
    deadline = time.time() + DEADLINE_S
    # The first member alone gets all four partitions; read half the data, then a second member joins.
    while len(seen) < 20 and time.time() < deadline:
        m = first.poll(0.2)
        if m is not None and not m.error():
            seen[(m.partition(), m.offset())] = "first"
    first.commit(asynchronous=False)
    second = Consumer(consumer_config(group, strategy))
    second.subscribe([topic])
    while time.time() < deadline:
        for name, c in (("first", first), ("second", second)):
            m = c.poll(0.1)
            if m is not None and not m.error():
                seen.setdefault((m.partition(), m.offset()), name)
        if len(seen) >= 40 and first.assignment() and second.assignment() \
                and len(first.assignment()) + len(second.assignment()) == 4:
            break
    result("assignment", "first", partition_list(first.assignment()))
    result("assignment", "second", partition_list(second.assignment()))
    result("consumed", len(seen))
    result("revoked", "first", ",".join(str(p) for p in sorted(set(revoked))) or "-")
    second.close()
    first.close()
    groups = admin.list_groups(timeout=10)
    result("listed", ",".join(sorted(g.id for g in groups)))


def scenario_admin_topics():
    admin = AdminClient({"bootstrap.servers": BOOTSTRAP})
    create_topic(admin, "ck-admin", 2)
    md = admin.list_topics(timeout=10)
    result("created", "ck-admin" in md.topics, len(md.topics["ck-admin"].partitions))
    result("cluster", md.cluster_id)
    for topic, future in admin.delete_topics(["ck-admin"]).items():
        future.result(timeout=DEADLINE_S)
    md = admin.list_topics(timeout=10)
    result("deleted", "ck-admin" not in md.topics)


SCENARIOS = {
    "produce-acks-all": scenario_produce_acks_all,
    "group-range": lambda: scenario_group("range"),
    "group-roundrobin": lambda: scenario_group("roundrobin"),
    "group-cooperative-sticky": lambda: scenario_group("cooperative-sticky"),
    "admin-topics": scenario_admin_topics,
}

if __name__ == "__main__":
    SCENARIOS[SCENARIO]()
    print("DONE", flush=True)
