#!/usr/bin/python3
"""Regenerates the seed corpus of the wire fuzz target (tests/fuzz/corpus) from real clients.

Usage: capture_corpus.py TOPICSCOPE_BIN CORPUS_DIR

Starts `TOPICSCOPE_BIN --headless --in-memory` advertising the address of a recording TCP proxy, so every
request of every client connection passes the proxy. Then drives kafka-python, confluent-kafka (librdkafka),
kcat and, when installed in the build tree, kafkajs through the interop scenarios of tests/integration, and sends
a few hand-built requests for APIs and versions those clients do not use (DeleteRecords, old Metadata/ApiVersions
versions, the flexible versions of the admin APIs).
Each distinct small request frame becomes one file <ApiName>-v<version>-<sha1 prefix>, in wire form (int32 size +
header + body), at most a few per (API, version); the first frames of some connections become session-<sha1>
files (a whole conversation, e.g. JoinGroup then SyncGroup). The fuzz harness reads exactly this format.
"""
import asyncio
import hashlib
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time

API_NAMES = {0: "Produce", 1: "Fetch", 2: "ListOffsets", 3: "Metadata", 8: "OffsetCommit", 9: "OffsetFetch",
             10: "FindCoordinator", 11: "JoinGroup", 12: "Heartbeat", 13: "LeaveGroup", 14: "SyncGroup",
             15: "DescribeGroups", 16: "ListGroups", 18: "ApiVersions", 19: "CreateTopics", 20: "DeleteTopics",
             21: "DeleteRecords", 22: "InitProducerId", 32: "DescribeConfigs", 33: "AlterConfigs",
             35: "DescribeLogDirs", 37: "CreatePartitions", 42: "DeleteGroups", 44: "IncrementalAlterConfigs",
             60: "DescribeCluster"}
MAX_FRAME = 6000
PER_VERSION = 10
MAX_SESSIONS = 24
SESSION_FRAMES = 8

HERE = os.path.dirname(os.path.abspath(__file__))
INTEGRATION = os.path.join(HERE, "..", "integration")


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.frames = {}  # (api, version) -> {sha: bytes}
        self.sessions = {}

    def frame(self, data):
        if len(data) < 8 or len(data) > MAX_FRAME:
            return
        api, version = struct.unpack(">hh", data[:4])
        wire = struct.pack(">i", len(data)) + data
        with self.lock:
            bucket = self.frames.setdefault((api, version), {})
            if len(bucket) < PER_VERSION:
                bucket.setdefault(hashlib.sha1(wire).hexdigest()[:12], wire)

    def session(self, frames):
        if len(frames) < 2:
            return
        wire = b"".join(struct.pack(">i", len(f)) + f for f in frames)
        if len(wire) > 4 * MAX_FRAME:
            return
        with self.lock:
            # Keep conversations that differ in their API sequence, not only in bytes.
            shape = tuple(struct.unpack(">h", f[:2])[0] for f in frames)
            if len(self.sessions) < MAX_SESSIONS and shape not in {s for s, _ in self.sessions.values()}:
                self.sessions[hashlib.sha1(wire).hexdigest()[:12]] = (shape, wire)


async def pipe_client(reader, writer, recorder, frames):
    buffer = b""
    try:
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                break
            writer.write(chunk)
            await writer.drain()
            buffer += chunk
            while len(buffer) >= 4:
                size = struct.unpack(">i", buffer[:4])[0]
                if len(buffer) < 4 + size:
                    break
                frame = buffer[4:4 + size]
                buffer = buffer[4 + size:]
                recorder.frame(frame)
                if len(frames) < SESSION_FRAMES and len(frame) <= MAX_FRAME:
                    frames.append(frame)
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def pipe_plain(reader, writer):
    try:
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                break
            writer.write(chunk)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


def run_proxy(sock, broker_port, recorder, loop_holder):
    async def handle(client_reader, client_writer):
        try:
            broker_reader, broker_writer = await asyncio.open_connection("127.0.0.1", broker_port)
        except OSError:
            client_writer.close()
            return
        frames = []
        await asyncio.gather(pipe_client(client_reader, broker_writer, recorder, frames),
                             pipe_plain(broker_reader, client_writer))
        recorder.session(frames)

    async def main():
        server = await asyncio.start_server(handle, sock=sock)
        loop_holder.append(asyncio.get_running_loop())
        async with server:
            await server.serve_forever()

    try:
        asyncio.run(main())
    except RuntimeError:
        pass


def raw_request(port, api, version, body, client_id=b"corpus"):
    header = struct.pack(">hhih", api, version, 77, len(client_id)) + client_id
    if version >= FIRST_FLEXIBLE.get(api, 32767):
        header += TAGS  # request header v2
    frame = header + body
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(struct.pack(">i", len(frame)) + frame)
        size = struct.unpack(">i", s.recv(4, socket.MSG_WAITALL))[0]
        s.recv(size, socket.MSG_WAITALL)


def kstr(s):
    b = s.encode()
    return struct.pack(">h", len(b)) + b


def arr(items):
    return struct.pack(">i", len(items)) + b"".join(items)


def nstr(s):
    return struct.pack(">h", -1) if s is None else kstr(s)


# First flexible versions of the APIs whose flexible versions are advertised (request header v2 from there on).
FIRST_FLEXIBLE = {18: 3, 21: 2, 22: 2, 32: 4, 33: 2, 35: 2, 37: 2, 44: 1, 60: 0}
TAGS = b"\x00"  # an empty tagged-field section


def uvarint(n):
    out = b""
    while n & ~0x7F:
        out += bytes([(n & 0x7F) | 0x80])
        n >>= 7
    return out + bytes([n])


def fstr(s, flexible):
    """A (nullable) string, compact in flexible versions."""
    if not flexible:
        return nstr(s)
    return b"\x00" if s is None else uvarint(len(s.encode()) + 1) + s.encode()


def farr(items, flexible):
    """An array of encoded elements (None: null), compact in flexible versions."""
    if not flexible:
        return struct.pack(">i", -1) if items is None else arr(items)
    return b"\x00" if items is None else uvarint(len(items) + 1) + b"".join(items)


def admin_requests():
    """(api, version, body) for the admin APIs at the versions up to Kafka 4.1 the client scenarios do not send:
    ApiVersions v4, DeleteRecords v2, InitProducerId v0-v5, DescribeConfigs v3-v4, AlterConfigs v2,
    IncrementalAlterConfigs v0-v1, CreatePartitions v2-v3, DescribeCluster v0-v2, DescribeLogDirs v0-v4."""
    out = [(18, 4, fstr("corpus", True) + fstr("1.0", True) + TAGS)]
    for topic, part, off in (("fuzz", 0, 0), ("nope", 0, -1)):
        out.append((21, 2, farr([fstr(topic, True) + farr([struct.pack(">iq", part, off) + TAGS], True) + TAGS], True) +
                    struct.pack(">i", 1000) + TAGS))
    for v in range(0, 6):
        f = v >= 2
        for txn, pid, epoch in ((None, -1, -1), ("tx", -1, -1), (None, 5, 0), (None, -1, 0)):
            if v < 3 and (pid, epoch) != (-1, -1):
                continue
            body = fstr(txn, f) + struct.pack(">i", -1 if txn is None else 60000)
            if v >= 3:
                body += struct.pack(">qh", pid, epoch)
            out.append((22, v, body + (TAGS if f else b"")))
    t = TAGS
    for v in (3, 4):
        f = v >= 4
        e = t if f else b""
        for rtype, name, keys in ((2, "fuzz", None), (2, "fuzz", []), (4, "0", ["num.partitions"]), (4, "", None)):
            keys_field = farr(None if keys is None else [fstr(k, f) for k in keys], f)
            out.append((32, v, farr([struct.pack(">b", rtype) + fstr(name, f) + keys_field + e], f) + b"\x01\x01" + e))
    for rtype, name, configs in ((2, "fuzz", [("retention.ms", "60000")]), (4, "0", [("num.partitions", "2")]),
                                 (2, "nope", [("retention.bytes", None)])):
        body = farr([struct.pack(">b", rtype) + fstr(name, True) +
                     farr([fstr(n, True) + fstr(val, True) + t for n, val in configs], True) + t], True)
        out.append((33, 2, body + b"\x00" + t))
    for v in (0, 1):
        f = v >= 1
        e = t if f else b""
        for rtype, name, ops, validate in ((2, "fuzz", [("retention.ms", 0, "5000"), ("retention.bytes", 1, None)], 1),
                                           (2, "fuzz", [("retention.ms", 2, "1")], 0), (4, "0", [("num.partitions", 0, "3")], 0),
                                           (2, "nope", [("x", 7, "1")], 0)):
            cfg = farr([fstr(n, f) + struct.pack(">b", op) + fstr(val, f) + e for n, op, val in ops], f)
            out.append((44, v, farr([struct.pack(">b", rtype) + fstr(name, f) + cfg + e], f) + struct.pack(">b", validate) + e))
    for v in (2, 3):
        for topic, count, assign, validate in (("fuzz", 4, None, 1), ("fuzz", 3, [[0]], 1), ("fuzz", 2, None, 0),
                                               ("nope", 3, [[1, 0]], 0)):
            a = farr(None if assign is None else [farr([struct.pack(">i", b) for b in bs], True) + t for bs in assign], True)
            out.append((37, v, farr([fstr(topic, True) + struct.pack(">i", count) + a + t], True) +
                        struct.pack(">ib", 1000, validate) + t))
    for v in range(0, 3):
        for include, endpoint, fenced in ((0, 1, 0), (1, 1, 1), (0, 2, 0), (0, 5, 1)):
            if v == 0 and endpoint != 1:
                continue
            body = struct.pack(">b", include) + (struct.pack(">b", endpoint) if v >= 1 else b"")
            out.append((60, v, body + (struct.pack(">b", fenced) if v >= 2 else b"") + t))
    for v in range(0, 5):
        f = v >= 2
        e = t if f else b""
        for topics in (None, [("fuzz", [0, 1])], [("nope", [0]), ("fuzz", [7])], []):
            items = None if topics is None else [
                fstr(n, f) + farr([struct.pack(">i", p) for p in ps], f) + e for n, ps in topics]
            out.append((35, v, farr(items, f) + e))
    return out


def hand_built(port):
    """Requests for versions and APIs the client scenarios do not send, several variants each. Topic "fuzz"
    exists in the fuzz harness' broker, so variants naming it reach the log rather than UNKNOWN_TOPIC."""
    send = lambda api, v, body: raw_request(port, api, v, body)
    raw_request(port, 19, 0, arr([kstr("fuzz") + struct.pack(">ih", 2, 1) + arr([]) + arr([])]) +
                struct.pack(">i", 1000))
    for v in range(0, 3):
        send(18, v, b"")
    for api, v, body in admin_requests():
        send(api, v, body)
    for v in range(0, 7):
        for topics in (["fuzz"], ["corpus-md"], ["fuzz", "corpus-md2"], [], None):
            if topics is None and v == 0:
                continue
            body = struct.pack(">i", -1) if topics is None else arr([kstr(t) for t in topics])
            if v >= 4:
                body += b"\x01" if topics != ["corpus-md"] else b"\x00"
            send(3, v, body)
    for v in range(0, 5):
        for i, (parts, rf, configs, assign) in enumerate([(1, 1, [], []), (3, -1, [("cleanup.policy", "compact")], []),
                                                          (-1, -1, [("retention.ms", "1000"), ("x.bad", None)], []),
                                                          (-1, -1, [], [(0, [0]), (1, [0])]), (2, 3, [], []),
                                                          (0, 1, [], [])]):
            topic = kstr("ct-%d-%d" % (v, i)) + struct.pack(">ih", parts, rf)
            topic += arr([struct.pack(">i", p) + arr([struct.pack(">i", b) for b in bs]) for p, bs in assign])
            topic += arr([kstr(n) + nstr(val) for n, val in configs])
            body = arr([topic]) + struct.pack(">i", 5000)
            if v >= 1:
                body += b"\x01" if i == 4 else b"\x00"
            send(19, v, body)
    for v in range(0, 4):
        for names in (["ct-0-0"], ["nope", "ct-1-1"], []):
            send(20, v, arr([kstr(n) for n in names]) + struct.pack(">i", 1000))
    for v in range(0, 2):
        for topic, part, off in (("fuzz", 0, 0), ("fuzz", 1, -1), ("corpus-md", 0, 5), ("nope", 0, 0), ("fuzz", 7, 0)):
            send(21, v, arr([kstr(topic) + arr([struct.pack(">iq", part, off)])]) + struct.pack(">i", 1000))
    for v in range(0, 3):
        for rtype, name, keys in ((2, "fuzz", None), (2, "fuzz", ["retention.ms", "cleanup.policy"]), (4, "0", None),
                                  (4, "0", ["num.partitions"]), (2, "nope", None), (3, "x", None)):
            body = arr([struct.pack(">b", rtype) + kstr(name) +
                        (struct.pack(">i", -1) if keys is None else arr([kstr(k) for k in keys]))])
            if v >= 1:
                body += b"\x01"
            send(32, v, body)
    for v in range(0, 2):
        for rtype, name, configs, validate in ((2, "fuzz", [("retention.ms", "60000")], 0),
                                               (2, "fuzz", [("cleanup.policy", "compact"), ("bad", "1")], 0),
                                               (2, "nope", [], 1), (4, "0", [("num.partitions", "2")], 0),
                                               (2, "fuzz", [("retention.bytes", None)], 1)):
            body = arr([struct.pack(">b", rtype) + kstr(name) + arr([kstr(n) + nstr(val) for n, val in configs])])
            send(33, v, body + struct.pack(">b", validate))
    for v in range(0, 2):
        for topic, count, assign, validate in (("fuzz", 4, None, 0), ("fuzz", 1, None, 0), ("nope", 3, None, 0),
                                               ("fuzz", 5, [[0], [0], [0]], 1)):
            a = struct.pack(">i", -1) if assign is None else arr([arr([struct.pack(">i", b) for b in bs]) for bs in assign])
            send(37, v, arr([kstr(topic) + struct.pack(">i", count) + a]) + struct.pack(">ib", 1000, validate))
    for v in range(0, 2):
        for groups in (["g1"], ["g1", "g2", ""], []):
            send(42, v, arr([kstr(g) for g in groups]))
    for v in range(0, 5):
        for groups in (["g1"], ["g1", "kcat-corpus"], []):
            body = arr([kstr(g) for g in groups])
            if v >= 3:
                body += b"\x01"
            send(15, v, body)
    for v in range(0, 3):
        send(16, v, b"")
    for v in range(0, 4):
        for topic, part, ts in (("fuzz", 0, -1), ("fuzz", 1, -2), ("fuzz", 0, 1700000000000), ("nope", 0, -1),
                                ("fuzz", 9, -1)):
            body = struct.pack(">i", -1)
            if v >= 2:
                body += b"\x00"
            p = struct.pack(">iq", part, ts) + (struct.pack(">i", 1) if v == 0 else b"")
            send(2, v, body + arr([kstr(topic) + arr([p])]))
    for v in range(0, 3):
        for key, ktype in (("g1", 0), ("", 0), ("tx", 1)):
            send(10, v, kstr(key) + (struct.pack(">b", ktype) if v >= 1 else b""))
    for v in range(0, 6):
        for group, topics in (("g1", [("fuzz", [0, 1])]), ("g2", [("nope", [0])]), ("g1", None)):
            if topics is None and v < 2:
                continue
            t = struct.pack(">i", -1) if topics is None else arr(
                [kstr(n) + arr([struct.pack(">i", p) for p in ps]) for n, ps in topics])
            send(9, v, kstr(group) + t)
    for v in range(0, 4):
        for group, gen, member in (("g1", 1, "m1"), ("g1", -1, ""), ("", 0, "x")):
            body = kstr(group) + struct.pack(">i", gen) + kstr(member)
            if v >= 3:
                body += nstr(None)
            send(12, v, body)
    for v in range(0, 3):
        for group, member in (("g1", "m1"), ("", "")):
            send(13, v, kstr(group) + kstr(member))
    for v in range(3, 8):
        # Produce v3-v7 share one layout; a record batch of one record built by hand, CRC-32C and all.
        for topic, part, acks in (("fuzz", 0, 1), ("fuzz", 1, -1), ("fuzz", 0, 0), ("nope", 0, 1), ("fuzz", 5, 1)):
            send_acks0 = acks == 0
            body = nstr(None) + struct.pack(">hi", acks, 1000)
            body += arr([kstr(topic) + arr([struct.pack(">i", part) + bytes_field(record_batch(b"k", b"v%d" % v))])])
            if send_acks0:
                send_no_response(port, 0, v, body)
            else:
                send(0, v, body)


def bytes_field(b):
    return struct.pack(">i", len(b)) + b


def varint(n):
    n = (n << 1) ^ (n >> 63)
    out = b""
    while True:
        if n & ~0x7F:
            out += bytes([(n & 0x7F) | 0x80])
            n >>= 7
        else:
            return out + bytes([n])


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
    return crc ^ 0xFFFFFFFF


def record_batch(key, value):
    record = b"\x00" + varint(0) + varint(0) + varint(len(key)) + key + varint(len(value)) + value + varint(0)
    records = varint(len(record)) + record
    after_crc = struct.pack(">hiqqqhii", 0, 0, 1700000000000, 1700000000000, -1, -1, -1, 1) + records
    crc = crc32c(after_crc)
    head = struct.pack(">ibI", 0, 2, crc)
    batch_length = len(head) + len(after_crc)
    return struct.pack(">qi", 0, batch_length) + head + after_crc


def send_no_response(port, api, version, body):
    header = struct.pack(">hhih", api, version, 78, 6) + b"corpus"
    frame = header + body
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(struct.pack(">i", len(frame)) + frame)
        # acks=0 gets no answer; an ApiVersions behind it proves the broker read the frame.
        probe = struct.pack(">hhih", 18, 0, 79, 6) + b"corpus"
        s.sendall(struct.pack(">i", len(probe)) + probe)
        size = struct.unpack(">i", s.recv(4, socket.MSG_WAITALL))[0]
        s.recv(size, socket.MSG_WAITALL)


def run(cmd, timeout=120, env=None):
    print("+", " ".join(cmd), flush=True)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout, env=env)
    if p.returncode != 0:
        print(p.stdout.decode(errors="replace")[-2000:])


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    recorder = Recorder()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    proxy_port = sock.getsockname()[1]
    broker = subprocess.Popen([binary, "--headless", "--in-memory", "--listen", "127.0.0.1:0", "--advertise",
                               "127.0.0.1:%d" % proxy_port, "--group-initial-rebalance-delay-ms", "100",
                               "--num-partitions", "2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    broker_port = None
    log = b""
    deadline = time.time() + 20
    while broker_port is None and time.time() < deadline:
        log += broker.stdout.readline()
        m = re.search(rb"listening on 127\.0\.0\.1:(\d+)", log)
        if m:
            broker_port = int(m.group(1))
    assert broker_port, log.decode(errors="replace")
    threading.Thread(target=lambda: [None for _ in iter(broker.stdout.readline, b"")], daemon=True).start()
    loop_holder = []
    threading.Thread(target=run_proxy, args=(sock, broker_port, recorder, loop_holder), daemon=True).start()
    bootstrap = "127.0.0.1:%d" % proxy_port
    py = "/usr/bin/python3"
    try:
        hand_built(proxy_port)
        for scenario in ("keyed-produce", "group-earliest-commit", "group-latest", "admin", "group-rebalance"):
            run([py, os.path.join(INTEGRATION, "interop_kafka_python.py"), bootstrap, scenario])
        for scenario in ("produce-acks-all", "group-range", "admin-topics"):
            run([py, os.path.join(INTEGRATION, "interop_confluent.py"), bootstrap, scenario])
        kcat = shutil.which("kcat")
        if kcat:
            run([kcat, "-b", bootstrap, "-L"])
            subprocess.run([kcat, "-b", bootstrap, "-P", "-t", "kc", "-K:"], input=b"a:1\nb:2\n", timeout=60)
            run([kcat, "-b", bootstrap, "-C", "-t", "kc", "-o", "beginning", "-e"])
            run([kcat, "-b", bootstrap, "-G", "kcat-corpus", "-X", "auto.offset.reset=earliest", "-e", "kc"])
        kafkajs_dir = os.environ.get("KAFKAJS_PREFIX")
        if kafkajs_dir and shutil.which("node"):
            env = dict(os.environ, NODE_PATH=os.path.join(kafkajs_dir, "node_modules"))
            run(["node", os.path.join(INTEGRATION, "interop_kafkajs.js"), bootstrap, "produce-consume"], env=env)
    finally:
        broker.terminate()
        broker.wait(10)
    os.makedirs(corpus, exist_ok=True)
    written = 0
    for (api, version), bucket in sorted(recorder.frames.items()):
        name = API_NAMES.get(api, "ApiKey%d" % api)
        for sha, wire in sorted(bucket.items()):
            with open(os.path.join(corpus, "%s-v%d-%s" % (name, version, sha)), "wb") as f:
                f.write(wire)
            written += 1
    for sha, (_, wire) in sorted(recorder.sessions.items()):
        with open(os.path.join(corpus, "session-%s" % sha), "wb") as f:
            f.write(wire)
        written += 1
    print("wrote %d files to %s" % (written, corpus))


if __name__ == "__main__":
    main()
