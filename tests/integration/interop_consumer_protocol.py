#!/usr/bin/python3
"""A consumer group of real librdkafka consumers (confluent-kafka on librdkafka >= 2.4, e.g. 2.15.1) under Kafka 4's
consumer group protocol (KIP-848, group.protocol=consumer) or the classic one, driven by tst_interop_consumerprotocol
against a running Topicscope broker.

Usage: interop_consumer_protocol.py BOOTSTRAP driver PROTOCOL
       interop_consumer_protocol.py BOOTSTRAP member PROTOCOL GROUP TOPIC NAME   (started by the driver)

The driver creates a 6-partition topic and produces to it; starts two members, then a third; stops the first one
cleanly (it leaves the group) and SIGKILLs the second; produces more while that happens. After each change it
waits until every partition is owned by exactly one live member. Finally every record produced must have been
consumed by some member (duplicates are allowed after the kill: its last commits are lost).
Prints RESULT lines the C++ test checks; exits non-zero when a check of its own fails.
"""
import os
import signal
import subprocess
import sys
import threading
import time

BOOTSTRAP = sys.argv[1]
MODE = sys.argv[2]
PROTOCOL = sys.argv[3]  # "consumer" or "classic"
PARTITIONS = 6
BATCH = int(os.environ.get("INTEROP_BATCH", "200"))  # records per produce burst; the recording script uses fewer
DEADLINE_S = 60


def result(*fields):
    print("RESULT " + " ".join(str(f) for f in fields), flush=True)


def partition_list(partitions):
    return ",".join(str(p) for p in sorted(partitions)) or "-"


def member(group, topic, name):
    from confluent_kafka import Consumer, KafkaException

    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    config = {
        "bootstrap.servers": BOOTSTRAP,
        "group.id": group,
        "client.id": name,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": True,
        "auto.commit.interval.ms": 500,
    }
    if PROTOCOL == "consumer":
        config["group.protocol"] = "consumer"  # librdkafka >= 2.4; older ones reject the property
    else:
        config["session.timeout.ms"] = 6000
        config["heartbeat.interval.ms"] = 500
        config["partition.assignment.strategy"] = "cooperative-sticky"
    consumer = Consumer(config)
    consumer.subscribe([topic])
    shown = None
    while not stopping:
        message = consumer.poll(0.1)
        if message is not None and message.error() is None:
            print("RECORD %s %s" % (name, message.value().decode()), flush=True)
        elif message is not None:
            print("ERROR %s %s" % (name, message.error()), flush=True)
        try:
            owned = {tp.partition for tp in consumer.assignment()}
        except KafkaException:
            owned = set()
        if owned != shown:
            shown = owned
            print("OWNS %s %s" % (name, partition_list(owned)), flush=True)
    consumer.close()  # leaves the group: ConsumerGroupHeartbeat with epoch -1 (LeaveGroup for classic)
    print("CLOSED %s" % name, flush=True)


class Member:
    """A member process and what its output says: the partitions it owns now, the records it consumed."""

    def __init__(self, group, topic, name):
        self.name = name
        self.owned = set()
        self.values = set()
        self.errors = []
        self.closed = False
        self.lock = threading.Lock()
        self.process = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), BOOTSTRAP, "member", PROTOCOL, group, topic, name],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        for line in self.process.stdout:
            fields = line.split()
            with self.lock:
                if fields[:1] == ["OWNS"]:
                    self.owned = set() if fields[2] == "-" else {int(p) for p in fields[2].split(",")}
                elif fields[:1] == ["RECORD"]:
                    self.values.add(fields[2])
                elif fields[:1] == ["CLOSED"]:
                    self.closed = True
                elif fields[:1] == ["ERROR"]:
                    self.errors.append(line.strip())
                else:
                    print("[%s] %s" % (self.name, line.rstrip()), flush=True)

    def partitions(self):
        with self.lock:
            return set(self.owned)


def wait_split(members, what):
    """Waits until the live members own every partition exactly once; prints each one's share."""
    deadline = time.time() + DEADLINE_S
    started = time.time()
    while time.time() < deadline:
        shares = [m.partitions() for m in members]
        together = [p for share in shares for p in share]
        if sorted(together) == list(range(PARTITIONS)) and all(shares):
            result(what, "%.1f" % (time.time() - started), *[partition_list(s) for s in shares])
            return True
        time.sleep(0.05)
    result(what, "timeout", *[partition_list(m.partitions()) for m in members])
    return False


def driver():
    from confluent_kafka import Producer, libversion
    from confluent_kafka.admin import AdminClient, NewTopic

    result("librdkafka", libversion()[0])
    topic = "kip848-" + PROTOCOL
    group = "group-" + PROTOCOL
    admin = AdminClient({"bootstrap.servers": BOOTSTRAP})
    for _, future in admin.create_topics([NewTopic(topic, num_partitions=PARTITIONS, replication_factor=1)]).items():
        future.result(timeout=DEADLINE_S)
    producer = Producer({"bootstrap.servers": BOOTSTRAP, "acks": "all", "linger.ms": 5})
    produced = []

    def produce():
        for _ in range(BATCH):
            value = str(len(produced))
            producer.produce(topic, key=value.encode(), value=value.encode())
            produced.append(value)
        if producer.flush(DEADLINE_S) != 0:
            raise SystemExit("produce did not complete")

    produce()
    a = Member(group, topic, "a")
    b = Member(group, topic, "b")
    ok = wait_split([a, b], "two")
    c = Member(group, topic, "c")
    ok = wait_split([a, b, c], "three") and ok
    produce()
    a.process.send_signal(signal.SIGTERM)
    a.process.wait(timeout=DEADLINE_S)
    result("closed", "a", int(a.closed))
    ok = wait_split([b, c], "after-leave") and ok
    b.process.kill()  # SIGKILL: no leave, its session must time out
    b.process.wait(timeout=DEADLINE_S)
    ok = wait_split([c], "after-kill") and ok
    produce()

    deadline = time.time() + DEADLINE_S
    members = [a, b, c]
    missing = produced
    while time.time() < deadline:
        seen = set().union(*[m.values for m in members])
        missing = [v for v in produced if v not in seen]
        if not missing:
            break
        time.sleep(0.1)
    result("consumed", len(produced), "missing", len(missing))
    c.process.send_signal(signal.SIGTERM)
    c.process.wait(timeout=DEADLINE_S)
    errors = [e for m in members for e in m.errors]
    for error in errors:
        print(error, flush=True)
    result("errors", len(errors))
    if ok and not missing:
        print("DONE", flush=True)
    return 0 if ok and not missing else 1


if __name__ == "__main__":
    if MODE == "member":
        member(sys.argv[4], sys.argv[5], sys.argv[6])
    else:
        sys.exit(driver())
