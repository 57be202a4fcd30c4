#!/usr/bin/env python3
# Real clients for the live flow test (tst_liveflow): the tutorial's kafka-python snippets — a keyed producer, a
# keyless producer, a consumer group with manual commit that a second member joins and leaves — and confluent-kafka
# groups under the eager range and the cooperative-sticky assignors. Prints RESULT lines and DONE.
import os
import signal
import subprocess
import sys
import threading
import time

BOOTSTRAP = sys.argv[1]
SCENARIO = sys.argv[2]


def result(*fields):
    print("RESULT", *fields, flush=True)


def scenario_tutorial():
    from kafka import KafkaConsumer, KafkaProducer
    from kafka.admin import KafkaAdminClient, NewTopic

    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP, client_id="tutorial-admin")
    admin.create_topics([NewTopic("tutorial", num_partitions=3, replication_factor=1)])
    admin.close()

    keyed = KafkaProducer(bootstrap_servers=BOOTSTRAP, client_id="keyed-producer", key_serializer=str.encode,
                          value_serializer=str.encode)
    for i in range(6):
        md = keyed.send("tutorial", key="user-%d" % i, value="hello %d" % i).get(timeout=10)
        result("keyed", "user-%d" % i, md.partition, md.offset)
    keyed.close()
    keyless = KafkaProducer(bootstrap_servers=BOOTSTRAP, client_id="keyless-producer", value_serializer=str.encode)
    for i in range(4):
        keyless.send("tutorial", value="no key %d" % i).get(timeout=10)
    keyless.close()

    def member(name):
        return KafkaConsumer("tutorial", bootstrap_servers=BOOTSTRAP, group_id="consumer-group-1", client_id=name,
                             auto_offset_reset="earliest", enable_auto_commit=False, heartbeat_interval_ms=200)

    # kafka-python's poll() blocks in the join phase until every member rejoined, so each member polls from its
    # own thread (as applications do). consumer-1 reads everything and commits before consumer-2 joins.
    members = {}
    stops = {"consumer-1": threading.Event(), "consumer-2": threading.Event()}
    counts = {"consumer-1": 0, "consumer-2": 0}

    def run(name):
        consumer = member(name)
        members[name] = consumer
        while not stops[name].is_set():
            for records in consumer.poll(timeout_ms=100).values():
                counts[name] += len(records)
            if counts[name]:
                consumer.commit()
        consumer.close()

    def assigned(name):
        return len(members[name].assignment()) if name in members else 0

    def wait_until(condition, seconds=30):
        deadline = time.time() + seconds
        while time.time() < deadline and not condition():
            time.sleep(0.05)

    threads = {"consumer-1": threading.Thread(target=run, args=("consumer-1",))}
    threads["consumer-1"].start()
    wait_until(lambda: counts["consumer-1"] >= 10)
    time.sleep(0.5)  # its commit
    result("c1-consumed", counts["consumer-1"])
    threads["consumer-2"] = threading.Thread(target=run, args=("consumer-2",))
    threads["consumer-2"].start()
    wait_until(lambda: assigned("consumer-1") and assigned("consumer-2")
               and assigned("consumer-1") + assigned("consumer-2") == 3)
    result("split", assigned("consumer-1"), assigned("consumer-2"))
    stops["consumer-2"].set()
    threads["consumer-2"].join()
    wait_until(lambda: assigned("consumer-1") == 3)
    result("alone", assigned("consumer-1"))
    stops["consumer-1"].set()
    threads["consumer-1"].join()


def confluent_member(name, assignor, count):
    """A member process: polls until told to stop (SIGTERM closes it cleanly, SIGKILL does not)."""
    from confluent_kafka import Consumer
    c = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": "live-" + assignor, "client.id": name,
                  "partition.assignment.strategy": assignor, "auto.offset.reset": "earliest",
                  "session.timeout.ms": 6000, "heartbeat.interval.ms": 500, "enable.auto.commit": True,
                  "auto.commit.interval.ms": 200})
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    c.subscribe(["live-" + assignor])
    while not stop:
        c.poll(0.1)
    c.close()


def start_member(name, assignor):
    return subprocess.Popen([sys.executable, __file__, BOOTSTRAP, "member", name, assignor])


def wait_members(seconds):
    time.sleep(seconds)


def scenario_confluent_range():
    from confluent_kafka.admin import AdminClient, NewTopic
    admin = AdminClient({"bootstrap.servers": BOOTSTRAP})
    for f in admin.create_topics([NewTopic("live-range", 6, 1)]).values():
        f.result()
    members = {name: start_member(name, "range") for name in ("range-a", "range-b", "range-c")}
    wait_members(8)
    members["range-c"].terminate()  # leaves the group (LeaveGroup)
    members["range-c"].wait()
    wait_members(5)
    members["range-b"].kill()  # no LeaveGroup: the session timeout removes it
    members["range-b"].wait()
    wait_members(12)
    members["range-a"].terminate()
    members["range-a"].wait()


def scenario_confluent_cooperative():
    from confluent_kafka.admin import AdminClient, NewTopic
    admin = AdminClient({"bootstrap.servers": BOOTSTRAP})
    for f in admin.create_topics([NewTopic("live-cooperative-sticky", 6, 1)]).values():
        f.result()
    members = [start_member("coop-a", "cooperative-sticky"), start_member("coop-b", "cooperative-sticky")]
    wait_members(8)
    members.append(start_member("coop-c", "cooperative-sticky"))
    wait_members(8)
    for m in members:
        m.terminate()
    for m in members:
        m.wait()


if SCENARIO == "member":
    confluent_member(sys.argv[3], sys.argv[4], 0)
    sys.exit(0)
{"tutorial": scenario_tutorial, "confluent-range": scenario_confluent_range,
 "confluent-cooperative": scenario_confluent_cooperative}[SCENARIO]()
print("DONE", flush=True)
