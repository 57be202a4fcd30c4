#!/usr/bin/python3
"""Crash-consistency scenarios for tst_interop_crash (confluent-kafka 1.7.0 / librdkafka 2.0.2).

Usage:
  interop_crash.py produce BOOTSTRAP TOPIC PARTITIONS
      Creates TOPIC, then produces with acks=all until the first delivery error (the broker was killed),
      printing "ACK partition offset value" for every acknowledged record as soon as its ack arrives.
  interop_crash.py verify BOOTSTRAP TOPIC ACKFILE
      Reads every partition from its log start offset to its high watermark (CRCs checked by librdkafka) and
      compares with the ACK lines in ACKFILE.
  interop_crash.py check-db DBFILE TOPIC
      Opens the broker's SQLite file (broker stopped) and checks every stored batch of TOPIC byte by byte:
      header fields against the index row, CRC-32C, and offsets contiguous from log start to log end. Then, as
      the broker's recovery would, counts the whole valid batches that continue each partition's log past the
      last index commit (appends are acknowledged before their index rows are committed): in the last indexed
      segment past its last batch, and in the segment files after it, each starting at the next offset.
Prints RESULT lines the C++ test checks; exits non-zero when a check of its own fails.
"""
import os
import sqlite3
import struct
import sys
import time

DEADLINE_S = 30


def result(*fields):
    print("RESULT " + " ".join(str(f) for f in fields), flush=True)


def produce(bootstrap, topic, partitions):
    from confluent_kafka import Producer
    from confluent_kafka.admin import AdminClient, NewTopic

    admin = AdminClient({"bootstrap.servers": bootstrap})
    for _, future in admin.create_topics([NewTopic(topic, num_partitions=partitions,
                                                   replication_factor=1)]).items():
        future.result(timeout=DEADLINE_S)
    # No retries: a retried batch after the kill could only fail, and the test wants the first error at once.
    # message.timeout.ms bounds how long undelivered records wait once the broker is gone.
    producer = Producer({"bootstrap.servers": bootstrap, "acks": "all", "linger.ms": 2,
                         "message.timeout.ms": 3000, "retries": 0, "reconnect.backoff.max.ms": 200,
                         "queue.buffering.max.messages": 20000})
    failed = []

    def on_delivery(err, msg):
        if err is not None:
            failed.append(err)
            return
        print("ACK %d %d %s" % (msg.partition(), msg.offset(), msg.value().decode()), flush=True)

    seq = 0
    deadline = time.time() + 60
    while not failed and time.time() < deadline:
        value = "r%07d" % seq
        try:
            producer.produce(topic, key=b"k%d" % (seq % 97), value=value.encode(), on_delivery=on_delivery)
            seq += 1
        except BufferError:
            producer.poll(0.01)
            continue
        if seq % 50 == 0:
            producer.poll(0)
    producer.flush(10)
    result("produced", seq, "failed", len(failed))


def verify(bootstrap, topic, ackfile):
    from confluent_kafka import Consumer, TopicPartition

    acked = {}
    with open(ackfile) as f:
        for line in f:
            fields = line.split()
            if len(fields) == 4 and fields[0] == "ACK":
                acked[(int(fields[1]), int(fields[2]))] = fields[3]
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "crash-verify", "enable.auto.commit": False,
                         "check.crcs": True, "enable.partition.eof": True})
    md = consumer.list_topics(topic, timeout=10)
    partitions = sorted(md.topics[topic].partitions)
    stored = {}
    bounds = {}
    assignment = []
    for p in partitions:
        low, high = consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=10)
        bounds[p] = (low, high)
        if high > low:
            assignment.append(TopicPartition(topic, p, low))
    consumer.assign(assignment)
    remaining = {tp.partition for tp in assignment}
    errors = []
    deadline = time.time() + DEADLINE_S
    while remaining and time.time() < deadline:
        m = consumer.poll(0.5)
        if m is None:
            continue
        if m.error():
            if m.error().code() == -191:  # _PARTITION_EOF
                if m.offset() >= bounds[m.partition()][1]:
                    remaining.discard(m.partition())
                continue
            errors.append(str(m.error()))
            break
        key = (m.partition(), m.offset())
        if key in stored:
            errors.append("offset %d:%d delivered twice" % key)
        stored[key] = m.value().decode()
    consumer.close()
    missing = [k for k in acked if k not in stored]
    mismatched = [k for k in acked if k in stored and stored[k] != acked[k]]
    expected_count = sum(high - low for low, high in bounds.values())
    for k in missing[:5]:
        print("missing %d:%d %s" % (k[0], k[1], acked[k]))
    for k in mismatched[:5]:
        print("mismatch %d:%d acked %s stored %s" % (k[0], k[1], acked[k], stored[k]))
    for e in errors[:5]:
        print("error", e)
    result("acked", len(acked))
    result("stored", len(stored), "expected", expected_count)
    result("missing", len(missing), "mismatched", len(mismatched), "errors", len(errors), "unread", len(remaining))


def crc32c(data):
    table = crc32c.table
    if table is None:
        table = []
        for i in range(256):
            c = i
            for _ in range(8):
                c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
            table.append(c)
        crc32c.table = table
    crc = 0xFFFFFFFF
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


crc32c.table = None


def batches_past_index(directory, segment, position, expected_next):
    """(batches, records) of the whole valid batches continuing the log at expected_next: in the segment file
    starting at offset segment from position on, then in each later segment file starting where the log is."""
    files = sorted(int(name[:-4]) for name in os.listdir(directory) if name.endswith(".log")) \
        if os.path.isdir(directory) else []
    batches = records = 0
    for base in files:
        if segment is not None and base < segment:
            continue
        if segment is None or base > segment:
            if base != expected_next:
                break
            position = 0
        with open(os.path.join(directory, "%020d.log" % base), "rb") as f:
            data = f.read()
        while len(data) - position >= 61:
            base_offset, batch_length = struct.unpack(">qi", data[position:position + 12])
            end = position + 12 + batch_length
            if batch_length < 49 or end > len(data) or base_offset != expected_next:
                return batches, records
            crc = struct.unpack(">I", data[position + 17:position + 21])[0]
            if crc != crc32c(data[position + 21:end]):
                return batches, records
            last_delta = struct.unpack(">i", data[position + 23:position + 27])[0]
            batches += 1
            records += struct.unpack(">i", data[position + 57:position + 61])[0]
            expected_next = base_offset + last_delta + 1
            position = end
        if position != len(data):
            break  # a torn batch: nothing after it continues the log
        segment = None
    return batches, records


def check_db(dbfile, topic):
    db = sqlite3.connect("file:%s?mode=ro" % dbfile, uri=True)
    problems = []
    batches = 0
    records = 0
    tail_batches = 0
    tail_records = 0
    rows = db.execute("SELECT p.partition, p.log_start_offset, p.log_end_offset, p.partition_id FROM partitions p "
                      "JOIN topics t ON t.topic_id = p.topic_id WHERE t.name = ? ORDER BY p.partition", (topic,))
    for partition, log_start, log_end, partition_id in rows.fetchall():
        expected_next = None
        last_segment = last_end = None
        # Since schema 3 the bytes are in the partition's segment files (<topic>-<partition>/<base>.log), at the
        # position the index gives; batch_data only holds them for in-memory stores.
        for base, last, count, size, data, segment, position in db.execute(
                "SELECT b.base_offset, b.last_offset, b.record_count, b.size_bytes, d.bytes, b.segment_base, "
                "b.file_position FROM batches b LEFT JOIN batch_data d ON d.data_id = b.data_id "
                "WHERE b.partition_id = ? ORDER BY b.base_offset",
                (partition_id,)):
            if segment is not None:
                path = os.path.join(os.path.dirname(dbfile), "%s-%d" % (topic, partition), "%020d.log" % segment)
                with open(path, "rb") as f:
                    f.seek(position)
                    data = f.read(size)
            batches += 1
            records += count
            where = "partition %d batch %d" % (partition, base)
            if len(data) != size or len(data) < 61:
                problems.append("%s: %d bytes, index says %d" % (where, len(data), size))
                continue
            base_offset, batch_length, _, magic, crc = struct.unpack(">qiibI", data[:21])
            last_delta = struct.unpack(">i", data[23:27])[0]
            record_count = struct.unpack(">i", data[57:61])[0]
            if base_offset != base or batch_length != len(data) - 12 or magic != 2:
                problems.append("%s: header base %d length %d magic %d" % (where, base_offset, batch_length, magic))
            if crc != crc32c(data[21:]):
                problems.append("%s: CRC-32C mismatch" % where)
            if base + last_delta != last or record_count != count:
                problems.append("%s: last offset or count differ from the index" % where)
            if expected_next is not None and base != expected_next:
                problems.append("%s: gap or overlap, expected base %d" % (where, expected_next))
            expected_next = last + 1
            last_segment, last_end = segment, position + size
        if expected_next is not None and expected_next != log_end:
            problems.append("partition %d: batches end at %d, log end offset %d" % (partition, expected_next, log_end))
        found = batches_past_index(os.path.join(os.path.dirname(dbfile), "%s-%d" % (topic, partition)),
                                   last_segment, last_end or 0, log_end)
        tail_batches += found[0]
        tail_records += found[1]
        if log_start > log_end:
            problems.append("partition %d: log start %d > log end %d" % (partition, log_start, log_end))
    for p in problems[:10]:
        print(p)
    result("db", "batches", batches, "records", records, "problems", len(problems))
    result("tail", "batches", tail_batches, "records", tail_records)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "produce":
        produce(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif mode == "verify":
        verify(sys.argv[2], sys.argv[3], sys.argv[4])
    elif mode == "check-db":
        check_db(sys.argv[2], sys.argv[3])
    print("DONE", flush=True)
