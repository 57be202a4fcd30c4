// The listener's request path under clients that do not play along (issue "the broker under load", defects 1 and
// 5): a client that pipelines fetches and never reads the answers gets at most a few of them made, not one per
// request, and the rest once it reads; request bytes held at once over all connections stay within
// queued.max.request.bytes, a connection the pool cannot serve waits instead of buffering, and waiting connections
// are served in order; idle connections are closed (connections.max.idle.ms), busy ones never. A real KafkaServer on
// 127.0.0.1 over the core's Broker in memory; raw POSIX sockets as clients.
#include "broker/broker.h"
#include "core/recordbatch.h"
#include "log/logmanager.h"
#include "logtesthelpers.h"
#include "rawclient.h"
#include "runtime/kafkaserver.h"
#include "runtime/realclock.h"
#include "runtime/requestmemorypool.h"
#include "wire/logmessages.h"
#include "wire/wirereader.h"
#include "wire/wirewriter.h"

#include <QTest>
#include <memory>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;
using topicscope::engine::logtest::makeBatch;
using topicscope::testsupport::apiVersionsRequest;
using topicscope::testsupport::RawClient;

namespace {

struct Listener {
    RealClock clock;
    std::unique_ptr<Broker> broker;
    std::unique_ptr<KafkaServer> server;
    int answered = 0;

    explicit Listener(KafkaServerOptions options = {})
    {
        BrokerOptions brokerOptions;
        brokerOptions.storage.inMemory = true;
        brokerOptions.retentionCheckIntervalMs = 0;
        QString error;
        broker = Broker::open(std::move(brokerOptions), clock, &error);
        QVERIFY2(broker, qPrintable(error));
        options.listenPort = 0;
        server = std::make_unique<KafkaServer>(options, *broker);
        QVERIFY2(server->listen(&error), qPrintable(error));
        server->apis().subscribeExchanges([this](const WireExchange &) { ++answered; });
    }
    ~Listener()
    {
        server.reset();
        broker.reset();
    }
};

// Fetch v4 of partition 0 from offset 0, up to 1 MiB, no wait unless maxWaitMs (then for at least one byte):
// size-prefixed.
QByteArray fetchFrame(const QString &topic, qint32 correlationId, qint32 maxWaitMs = 0)
{
    WireWriter w;
    w.int16(1);
    w.int16(4);
    w.int32(correlationId);
    w.string(QStringLiteral("pipeliner"));
    w.int32(-1);
    w.int32(maxWaitMs);
    w.int32(maxWaitMs > 0 ? 1 : 0);
    w.int32(1 << 20);
    w.int8(0);
    w.arrayLength(1);
    w.string(topic);
    w.arrayLength(1);
    w.int32(0);
    w.int64(0);
    w.int32(1 << 20);
    WireWriter framed;
    framed.int32(static_cast<qint32>(w.size()));
    framed.raw(w.data());
    return framed.take();
}

// A topic "big" of `batches` batches of about 1 MB (1024 records of 1000 bytes): every fetch answers with 1 MiB.
void createBigTopic(Listener &l, int batches)
{
    QCOMPARE(l.broker->log().createTopic(QStringLiteral("big"), 1), ErrorCode::None);
    for (int i = 0; i < batches; ++i)
        QVERIFY(l.broker->log().append({QStringLiteral("big"), 0}, makeBatch(1024, 1000)).error == ErrorCode::None);
}

// `requests` fetches of "big" from offset 0 (correlation ids 0, 1, ...), one after the other.
QByteArray pipelinedFetches(int requests)
{
    QByteArray pipelined;
    for (int i = 0; i < requests; ++i)
        pipelined += fetchFrame(QStringLiteral("big"), i);
    return pipelined;
}

// Produce v3 (request header v1) of one record set to partition 0 with acks=1: size-prefixed.
QByteArray produceFrame(const QString &topic, qint32 correlationId, const QByteArray &records)
{
    WireWriter w;
    w.int16(0);
    w.int16(3);
    w.int32(correlationId);
    w.string(QStringLiteral("splitter"));
    w.nullableString(std::nullopt);
    w.int16(1);
    w.int32(5000);
    w.arrayLength(1);
    w.string(topic);
    w.arrayLength(1);
    w.int32(0);
    w.bytes(records);
    WireWriter framed;
    framed.int32(static_cast<qint32>(w.size()));
    framed.raw(w.data());
    return framed.take();
}

} // namespace

class TestRequestPath : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void poolServesWaitersInOrder()
    {
        RequestMemoryPool pool(100);
        QStringList calls;
        QVERIFY(pool.tryReserve(60, 1, {}));
        QVERIFY(!pool.tryReserve(50, 2, [&] { calls << QStringLiteral("2"); }));
        // A small newcomer does not overtake the waiting connection although it would fit.
        QVERIFY(!pool.tryReserve(10, 3, [&] { calls << QStringLiteral("3"); }));
        QCOMPARE(pool.waiting(), 2);
        pool.release(60);
        QCOMPARE(calls, QStringList {QStringLiteral("2")});
        QVERIFY(pool.tryReserve(50, 2, {}));
        QVERIFY(pool.tryReserve(10, 3, {}));
        QCOMPARE(pool.used(), 60);
        QCOMPARE(pool.peak(), 60);
        // A waiter that goes away hands its turn to the next one.
        QVERIFY(!pool.tryReserve(80, 4, [&] { calls << QStringLiteral("4"); }));
        QVERIFY(!pool.tryReserve(20, 5, [&] { calls << QStringLiteral("5"); }));
        pool.cancel(4);
        QCOMPARE(calls.last(), QStringLiteral("5"));
        QVERIFY(pool.tryReserve(20, 5, {}));
        QCOMPARE(pool.waiting(), 0);
    }

    // A frame's bytes come partly through QTcpSocket's buffer and partly from the socket straight into the frame
    // (KafkaConnection::readFrameBytes): whatever the split, every request arrives whole and in order. Big produce
    // requests and small ApiVersions ones are pipelined and written in pieces of every size, with pauses that let
    // the broker read between them; the stored batches must be byte for byte the ones sent.
    void framesSplitAnywhereArriveWholeAndInOrder()
    {
        Listener l;
        QCOMPARE(l.broker->log().createTopic(QStringLiteral("split"), 1), ErrorCode::None);
        QByteArray stream;
        std::vector<QByteArray> sent;
        int requests = 0;
        for (int i = 0; i < 6; ++i) {
            // 300 to 900 KiB of records (within max.message.bytes): far beyond QTcpSocket's buffer.
            sent.push_back(makeBatch(300 + 120 * i, 1000, 1'700'000'000'000 + i, QByteArray("b") + char('0' + i)));
            stream += produceFrame(QStringLiteral("split"), requests++, sent.back());
            stream += apiVersionsRequest(requests++, "splitter");
        }
        RawClient client(l.server->port());
        QVERIFY(client.isConnected());
        QByteArray answers;
        const qsizetype pieces[] = {1, 3, 17, 4096, 70'000, 5, 300'000, 2, 16 * 1024, 16 * 1024 + 1, 900'000};
        qsizetype at = 0;
        for (size_t k = 0; at < stream.size(); ++k) {
            const qsizetype n = qMin(pieces[k % std::size(pieces)], stream.size() - at);
            client.write(stream.mid(at, n));
            at += n;
            if (k % 3 == 0)
                QTest::qWait(2); // the broker reads what is there, then the rest arrives
            client.readAvailable(&answers);
        }
        QTRY_VERIFY_WITH_TIMEOUT((client.readAvailable(&answers), l.answered == requests), 10000);
        client.readAvailable(&answers);

        // Every answer, in request order.
        qsizetype pos = 0;
        for (int id = 0; id < requests; ++id) {
            QVERIFY2(answers.size() >= pos + 8, qPrintable(QString::number(id)));
            const qint32 size = qFromBigEndian<qint32>(answers.constData() + pos);
            QCOMPARE(qFromBigEndian<qint32>(answers.constData() + pos + 4), id);
            pos += 4 + size;
        }
        QCOMPARE(pos, answers.size());

        // Every batch stored as sent (only the base offset is the broker's).
        const FetchResult read = l.broker->log().read({QStringLiteral("split"), 0}, 0, 64 << 20);
        QCOMPARE(read.error, ErrorCode::None);
        bool truncated = false;
        const std::vector<QByteArrayView> stored = RecordBatch::split(read.records, &truncated);
        QVERIFY(!truncated);
        QCOMPARE(stored.size(), sent.size());
        for (size_t i = 0; i < sent.size(); ++i)
            QVERIFY2(stored[i].sliced(8) == QByteArrayView(sent[i]).sliced(8), qPrintable(QString::number(i)));
        QCOMPARE(l.server->requestMemory().used(), 0);
    }

    void aClientThatNeverReadsGetsOnlyAFewAnswersMade()
    {
        Listener l;
        createBigTopic(l, 16);
        constexpr int Requests = 100;
        RawClient client(l.server->port());
        QVERIFY(client.isConnected());
        client.write(pipelinedFetches(Requests));

        // The broker makes answers until the socket's buffers are full, then waits for the client: the kernel's
        // buffers hold a few MiB of loopback traffic, far from 100 answers of 1 MiB.
        QTest::qWait(1500);
        const int madeWhileNotReading = l.answered;
        qInfo() << "answers made while the client did not read:" << madeWhileNotReading;
        QVERIFY2(
            madeWhileNotReading >= 1 && madeWhileNotReading <= 20, qPrintable(QString::number(madeWhileNotReading)));
        QTest::qWait(500);
        QCOMPARE(l.answered, madeWhileNotReading);

        // Reading lets it go on: every request is answered, in order, nothing lost.
        QTRY_VERIFY_WITH_TIMEOUT((client.drain(), l.answered == Requests), 30000);
        QCOMPARE(l.server->requestMemory().used(), 0);
    }

    // Answers go to the socket without QTcpSocket's buffer while it is empty (KafkaConnection::writeFrame), what the
    // socket does not take goes through it: with 1 MiB answers to a client that reads late and slowly, the kernel
    // takes parts of answers and the rest waits in QTcpSocket. Every answer must still arrive whole and in order,
    // its records the log's own bytes.
    void bigAnswersArriveWholeAndInOrderToASlowReader()
    {
        Listener l;
        createBigTopic(l, 4);
        const QByteArray expected = l.broker->log().read({QStringLiteral("big"), 0}, 0, 1 << 20).records;
        QVERIFY(expected.size() > 1000 * 1000);
        constexpr int Requests = 24;
        RawClient client(l.server->port());
        QVERIFY(client.isConnected());
        client.write(pipelinedFetches(Requests));
        QTest::qWait(500); // the socket's buffers fill, the rest of an answer waits in QTcpSocket's

        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((QTest::qWait(5), client.readAvailable(&received), l.answered == Requests), 30000);
        QTRY_VERIFY_WITH_TIMEOUT((client.readAvailable(&received), l.server->requestMemory().used() == 0), 5000);
        qsizetype pos = 0;
        for (int id = 0; id < Requests; ++id) {
            QTRY_VERIFY_WITH_TIMEOUT((client.readAvailable(&received), received.size() >= pos + 4), 5000);
            const qint32 size = qFromBigEndian<qint32>(received.constData() + pos);
            QTRY_VERIFY_WITH_TIMEOUT((client.readAvailable(&received), received.size() >= pos + 4 + size), 5000);
            WireReader r(QByteArrayView(received).sliced(pos + 4, size));
            QCOMPARE(r.int32(), id);
            const auto response = decodeMessage<FetchResponse>(r, 4);
            QVERIFY2(response && r.atEnd(), qPrintable(QString::number(id)));
            QCOMPARE(response->topics.at(0).partitions.at(0).records, expected);
            pos += 4 + size;
        }
        client.readAvailable(&received);
        QCOMPARE(pos, received.size());
    }

    void requestBytesHeldAtOnceStayWithinTheCap()
    {
        KafkaServerOptions options;
        options.maxRequestBytes = 64 * 1024;
        options.queuedMaxRequestBytes = 64 * 1024; // one request of the largest size at a time
        Listener l(options);

        // A holds a whole-size reservation with about half of its 64 KiB frame sent.
        RawClient a(l.server->port());
        QByteArray head;
        head.resize(4);
        qToBigEndian<qint32>(64 * 1024, head.data());
        a.write(head + QByteArray(30 * 1024, '\0'));
        QTest::qWait(200);
        QCOMPARE(l.server->requestMemory().used(), 64 * 1024);

        // B's small request does not fit beside it: B waits, read no further than its size field.
        RawClient b(l.server->port());
        b.write(apiVersionsRequest(1, "waiting"));
        QTest::qWait(300);
        QCOMPARE(l.answered, 0);
        QCOMPARE(b.drain(), 0);

        // A's frame completes (garbage: the broker closes A), its bytes come back, B is served.
        a.write(QByteArray(34 * 1024, '\0'));
        qsizetype answerBytes = 0; // QTRY_* evaluates its expression once more at the end: count, do not test drain()
        QTRY_VERIFY_WITH_TIMEOUT((answerBytes += b.drain()) > 0, 5000);
        QCOMPARE(l.answered, 1);
        QVERIFY(l.server->requestMemory().peak() <= 64 * 1024);
        QTRY_COMPARE(l.server->requestMemory().used(), 0);
    }

    // connections.max.idle.ms: a connection that does nothing is closed; one that keeps asking, and one whose
    // long-poll Fetch is in progress longer than that, stay.
    void idleConnectionsAreClosed()
    {
        KafkaServerOptions options;
        options.connectionsMaxIdleMs = 1000; // generous: a loaded machine must not make the busy client look idle
        Listener l(options);
        QCOMPARE(l.broker->log().createTopic(QStringLiteral("empty"), 1), ErrorCode::None);
        RawClient idle(l.server->port());
        RawClient busy(l.server->port());
        RawClient polling(l.server->port());
        QTRY_COMPARE(l.server->connectionCount(), 3);
        idle.write(apiVersionsRequest(1, "idle"));
        QVERIFY(QTest::qWaitFor([&] { return idle.drain() > 0; }, 2000)); // the broker answers on this thread
        // A Fetch that waits 3 s for data that never comes: in progress all along.
        polling.write(fetchFrame(QStringLiteral("empty"), 7, 3000));
        QElapsedTimer timer;
        timer.start();
        int asked = 0;
        while (timer.elapsed() < 2500) {
            busy.write(apiVersionsRequest(++asked, "busy"));
            QVERIFY(QTest::qWaitFor([&] { return busy.drain() > 0; }, 2000));
            QTest::qWait(100);
        }
        // Only the idle one went; the poll is answered when its wait ends.
        QCOMPARE(l.server->connectionCount(), 2);
        QVERIFY(QTest::qWaitFor([&] { return polling.drain() > 0; }, 5000));
        busy.write(apiVersionsRequest(++asked, "busy"));
        QVERIFY(QTest::qWaitFor([&] { return busy.drain() > 0; }, 2000));
        // Once nothing is in progress, both go idle and are closed.
        QTRY_COMPARE_WITH_TIMEOUT(l.server->connectionCount(), 0, 5000);
    }
};

QTEST_GUILESS_MAIN(TestRequestPath)
#include "tst_requestpath.moc"
