#!/usr/bin/python3
"""Real clients for tst_brokerpause: they run against the test's own paused-and-resumed broker and print what they
see as it happens, so that the test can tell which answers reached them and when.

Usage: brokerpause_clients.py BOOTSTRAP SCENARIO [ARGS...]
  produce TOPIC COUNT REQUEST_TIMEOUT_MS
      COUNT kafka-python producers (one connection each, client.id pause-p<i>, acks=1, no retries) send one record
      "v<i>" each at once; prints "RESULT sent i" and then "RESULT ack i OFFSET" or "RESULT error i WHAT" as each
      answer arrives.
  consume TOPIC GROUP COUNT
      a confluent-kafka consumer of GROUP (session.timeout.ms 6000) prints "RESULT record VALUE OFFSET" per record;
      after COUNT records it prints "RESULT caughtup" and goes on polling (printing what comes) until a line on stdin
      tells it to close.
"""
import sys
import threading
import time

BOOTSTRAP = sys.argv[1]
SCENARIO = sys.argv[2]
ARGS = sys.argv[3:]
DEADLINE_S = 60
PRINT_LOCK = threading.Lock()


def result(*fields):
    with PRINT_LOCK:
        print("RESULT " + " ".join(str(f) for f in fields), flush=True)


def scenario_produce():
    from kafka import KafkaProducer

    topic, count, timeout_ms = ARGS[0], int(ARGS[1]), int(ARGS[2])
    producers = []
    for i in range(count):
        p = KafkaProducer(bootstrap_servers=BOOTSTRAP, client_id="pause-p%d" % i, acks=1, retries=0, linger_ms=0,
                          request_timeout_ms=timeout_ms, value_serializer=str.encode)
        p.partitions_for(topic)  # metadata first: the send below goes out at once
        producers.append(p)
    futures = []
    for i, p in enumerate(producers):
        future = p.send(topic, value="v%d" % i)
        future.add_callback(lambda meta, i=i: result("ack", i, meta.offset))
        future.add_errback(lambda e, i=i: result("error", i, type(e).__name__))
        result("sent", i)
        futures.append(future)
    for f in futures:
        try:
            f.get(timeout=DEADLINE_S)
        except Exception:  # reported by the errback
            pass
    for p in producers:
        p.close(timeout=DEADLINE_S)


def scenario_consume():
    from confluent_kafka import Consumer

    topic, group, count = ARGS[0], ARGS[1], int(ARGS[2])
    consumer = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": group, "client.id": "pause-consumer",
                         "session.timeout.ms": 6000, "heartbeat.interval.ms": 1000, "auto.offset.reset": "earliest",
                         "enable.auto.commit": False})
    consumer.subscribe([topic])
    got = 0
    deadline = time.time() + DEADLINE_S
    while got < count and time.time() < deadline:
        m = consumer.poll(0.1)
        if m is None:
            continue
        if m.error():
            result("error", m.error().name())
            continue
        result("record", m.value().decode(), m.offset())
        got += 1
    result("caughtup")
    # Go on polling, as a real consumer does (librdkafka serves a rebalance on the application's poll), until told
    # to close.
    close = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.readline(), close.set()), daemon=True).start()
    while not close.is_set() and time.time() < deadline + DEADLINE_S:
        m = consumer.poll(0.1)
        if m is None:
            continue
        if m.error():
            result("error", m.error().name())
        else:
            result("record", m.value().decode(), m.offset())
    consumer.close()


if __name__ == "__main__":
    {"produce": scenario_produce, "consume": scenario_consume}[SCENARIO]()
    print("DONE", flush=True)
