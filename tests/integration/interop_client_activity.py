#!/usr/bin/python3
"""kafka-python 2.0.2 clients that stay connected (driven by tst_interop_clientactivity).

Usage: interop_client_activity.py BOOTSTRAP
A producer (client.id activity-producer) sends five records to the topic "activity"; a group consumer (client.id
activity-consumer, group activity-group) reads them and keeps polling, so that its heartbeats go on, until the test
closes this script's stdin. Prints "RESULT consumed N" once it has read them, then DONE when it closed its clients.
"""
import sys
import threading
import time

from kafka import KafkaConsumer, KafkaProducer

BOOTSTRAP = sys.argv[1]
DEADLINE_S = 60


def result(*fields):
    print("RESULT " + " ".join(str(f) for f in fields), flush=True)


def main():
    stop = threading.Event()

    def wait_for_stdin_close():
        sys.stdin.read()
        stop.set()

    threading.Thread(target=wait_for_stdin_close, daemon=True).start()

    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, client_id="activity-producer",
                             key_serializer=str.encode, value_serializer=str.encode)
    for i in range(5):
        producer.send("activity", key="k%d" % i, value="v%d" % i)
    producer.flush(timeout=DEADLINE_S)

    consumer = KafkaConsumer("activity", bootstrap_servers=BOOTSTRAP, client_id="activity-consumer",
                             group_id="activity-group", auto_offset_reset="earliest",
                             heartbeat_interval_ms=500, session_timeout_ms=10000)
    consumed = 0
    deadline = time.time() + DEADLINE_S
    while consumed < 5 and time.time() < deadline:
        for records in consumer.poll(timeout_ms=200).values():
            consumed += len(records)
    result("consumed", consumed)
    # Stay a live member until told to go: the broker sees heartbeats and long-poll fetches meanwhile.
    while not stop.is_set() and time.time() < deadline + DEADLINE_S:
        consumer.poll(timeout_ms=200)
    consumer.close()
    producer.close(timeout=DEADLINE_S)
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
