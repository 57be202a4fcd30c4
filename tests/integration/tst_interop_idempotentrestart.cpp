// Issue 13, defect 4, end to end: an idempotent producer's batch of about 1 MB is acknowledged, the topicscope
// executable (on a data directory) is killed with SIGKILL and restarted, and the producer sends the batch again with
// the same producer id, epoch and sequence, as a client whose response was lost does. The broker must answer with
// the original offset and store it once. Raw Kafka requests over TCP (no client library decides when to resend):
// CreateTopics v0 (4 MiB segments, so the batches span several), InitProducerId v0, Produce v7.
#include "core/recordbatch.h"
#include "interopbroker.h"
#include "logtesthelpers.h"
#include "rawclient.h"
#include "wirebroker.h"

#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;
using namespace topicscope::interoptest;
using topicscope::testsupport::RawClient;

namespace {

const QString Topic = QStringLiteral("idem-big");
constexpr int RecordsPerBatch = 100;
constexpr int RecordBytes = 10'000;
constexpr int BigBatches = 40;
constexpr int TinyBatches = 10;
constexpr int TinyRecordsPerBatch = 10'000;

// A size-prefixed request frame, as it goes over the socket.
QByteArray request(qint16 apiKey, qint16 version, qint32 correlationId, const std::function<void(WireWriter &)> &body)
{
    const QByteArray bytes = frame(apiKey, version, correlationId, body);
    WireWriter sized;
    sized.int32(static_cast<qint32>(bytes.size()));
    sized.raw(bytes);
    return sized.take();
}

// Sends one request and returns the response body after the correlation id (empty when none came).
QByteArray exchange(quint16 port, const QByteArray &frame)
{
    RawClient client(port);
    if (!client.isConnected())
        return {};
    client.write(frame);
    const std::optional<QByteArray> response = client.readFrame(30000);
    return response && response->size() >= 4 ? response->mid(4) : QByteArray();
}

QByteArray batch(qint64 producerId, qint16 epoch, qint32 baseSequence, int count, int valueBytes)
{
    return logtest::idempotentBatch(producerId, epoch, baseSequence, count, "s" + QByteArray::number(baseSequence),
        valueBytes);
}

struct Produced {
    int error = -1;
    qint64 baseOffset = -1;
};

Produced produce(quint16 port, const QByteArray &records)
{
    const QByteArray body = exchange(port, request(0, 7, 3, [&](WireWriter &w) {
        w.nullableString(std::nullopt);
        w.int16(-1);
        w.int32(30000);
        w.arrayLength(1);
        w.string(Topic);
        w.arrayLength(1);
        w.int32(0);
        w.bytes(records);
    }));
    Produced result;
    if (body.isEmpty())
        return result;
    WireReader r(body);
    r.arrayLength();
    r.string();
    r.arrayLength();
    r.int32();
    result.error = r.int16();
    result.baseOffset = r.int64();
    return r.ok() ? result : Produced {};
}

} // namespace

class TestInteropIdempotentRestart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void retryAfterSigkillAndRestartIsStoredOnce()
    {
        QTemporaryDir dataDir;
        QVERIFY(dataDir.isValid());
        InteropBroker broker;
        broker.setDataDir(dataDir.path());
        QString error;
        QVERIFY2(broker.start({}, &error), qPrintable(error));

        const QByteArray created = exchange(broker.port(), request(19, 0, 1, [](WireWriter &w) {
            w.arrayLength(1);
            w.string(Topic);
            w.int32(1);
            w.int16(1);
            w.arrayLength(0);
            w.arrayLength(2);
            w.string(QStringLiteral("segment.bytes"));
            w.nullableString(QStringLiteral("4194304"));
            w.string(QStringLiteral("max.message.bytes"));
            w.nullableString(QStringLiteral("2097152"));
            w.int32(30000);
        }));
        {
            WireReader r(created);
            QCOMPARE(r.arrayLength(), 1);
            QCOMPARE(r.string(), Topic);
            QCOMPARE(r.int16(), qint16(0));
        }
        const QByteArray initialized = exchange(broker.port(), request(22, 0, 2, [](WireWriter &w) {
            w.nullableString(std::nullopt);
            w.int32(60000);
        }));
        WireReader init(initialized);
        init.int32(); // throttle
        QCOMPARE(init.int16(), qint16(0));
        const qint64 producerId = init.int64();
        const qint16 epoch = init.int16();
        QVERIFY(init.ok() && producerId >= 0);

        // Many small records of a plain producer first (the old rebuild's window was sized by the partition's
        // average record), then the big batches, each acknowledged.
        for (int i = 0; i < TinyBatches; ++i)
            QCOMPARE(produce(broker.port(), logtest::makeBatch(TinyRecordsPerBatch, 1)).error, 0);
        Produced last;
        QByteArray lastBatch;
        for (int i = 0; i < BigBatches; ++i) {
            lastBatch = batch(producerId, epoch, i * RecordsPerBatch, RecordsPerBatch, RecordBytes);
            last = produce(broker.port(), lastBatch);
            QCOMPARE(last.error, 0);
        }
        const qint64 logEnd = last.baseOffset + RecordsPerBatch;

        broker.kill(); // SIGKILL: no clean shutdown, so no shutdown snapshot
        QVERIFY2(broker.start({}, &error), qPrintable(error));

        // The lost response's batch, sent again: the original offset, not stored again.
        const Produced retry = produce(broker.port(), lastBatch);
        QCOMPARE(retry.error, 0);
        QCOMPARE(retry.baseOffset, last.baseOffset);
        // The next batch lands right after the original: nothing was stored twice.
        const Produced next
            = produce(broker.port(), batch(producerId, epoch, BigBatches * RecordsPerBatch, 1, RecordBytes));
        QCOMPARE(next.error, 0);
        QCOMPARE(next.baseOffset, logEnd);
        QVERIFY2(broker.isRunning(), broker.logTail().constData());
        broker.stop();
    }
};

QTEST_GUILESS_MAIN(TestInteropIdempotentRestart)
#include "tst_interop_idempotentrestart.moc"
