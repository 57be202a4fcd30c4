// Idempotent producers through KafkaApis and the Broker (request frames, ManualClock, a temporary data directory):
// InitProducerId v0-v2 and Produce of batches carrying a producer id, with Kafka's rules: a resent batch is answered
// with its original offset and stored once, a sequence gap is OUT_OF_ORDER_SEQUENCE_NUMBER, an older epoch
// INVALID_PRODUCER_EPOCH, an unknown producer may start anywhere; plus the state rebuilt from the log and forgotten
// with the topic.
#include "broker/broker.h"
#include "core/clock.h"
#include "core/events.h"
#include "group/groupcoordinator.h"
#include "log/logmanager.h"
#include "log/producerstatemanager.h"
#include "logtesthelpers.h"
#include "wire/kafkaapis.h"
#include "wire/messagefields.h"
#include "wire/producermessages.h"
#include "wire/wirereader.h"
#include "wire/wirewriter.h"

#include <QTemporaryDir>
#include <QTest>
#include <limits>
#include <memory>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;
using logtest::idempotentBatch;

namespace {

constexpr int OutOfOrderSequenceNumber = int(ErrorCode::OutOfOrderSequenceNumber);
constexpr int InvalidProducerEpoch = int(ErrorCode::InvalidProducerEpoch);

QByteArray frame(qint16 apiKey, qint16 version, qint32 correlationId, const std::function<void(WireWriter &)> &body,
    bool flexibleHeader = false)
{
    WireWriter w;
    w.int16(apiKey);
    w.int16(version);
    w.int32(correlationId);
    w.string(QStringLiteral("idem-test"));
    if (flexibleHeader)
        w.emptyTaggedFields();
    if (body)
        body(w);
    return w.take();
}

struct ProduceResult {
    WireResponse::Action action = WireResponse::Action::Close;
    int error = -1;
    qint64 baseOffset = -2;
};

// The core's Broker on a ManualClock behind KafkaApis, as the listener has it, storing in a temporary data directory
// so that it can be restarted.
struct WireBroker {
    ManualClock clock;
    QTemporaryDir dataDir;
    std::unique_ptr<Broker> broker;
    LogManager *log = nullptr;
    GroupCoordinator *groups = nullptr;
    std::unique_ptr<KafkaApis> apis;

    WireBroker() { open(); }
    ~WireBroker() { apis.reset(); }

    void open()
    {
        BrokerOptions options;
        options.storage.dataDir = dataDir.path();
        options.retentionCheckIntervalMs = 0;
        QString error;
        broker = Broker::open(std::move(options), clock, &error);
        QVERIFY2(broker, qPrintable(error));
        log = &broker->log();
        groups = &broker->groups();
        apis = std::make_unique<KafkaApis>(*broker);
    }

    // A broker restart: the same data directory, a new Broker (empty producer state, rebuilt from the log).
    void restartApis()
    {
        apis.reset();
        broker.reset();
        open();
    }

    std::optional<WireResponse> send(const QByteArray &request)
    {
        std::optional<WireResponse> out;
        apis->handle(request, {1, QStringLiteral("/127.0.0.1"), QStringLiteral("127.0.0.1:50000")},
            [&out](const WireResponse &r) { out = r; });
        return out;
    }

    ProduceResult produce(const QString &topic, const QByteArray &records, qint16 acks = -1)
    {
        const auto response = send(frame(0, 7, 10, [&](WireWriter &w) {
            w.nullableString(std::nullopt);
            w.int16(acks);
            w.int32(1000);
            w.arrayLength(1);
            w.string(topic);
            w.arrayLength(1);
            w.int32(0);
            w.bytes(records);
        }));
        ProduceResult result;
        if (!response)
            return result;
        result.action = response->action;
        if (response->action != WireResponse::Action::Send)
            return result;
        const QByteArray answerFrame = response->wholeFrame();
        WireReader r(answerFrame);
        r.int32(); // correlation id
        r.arrayLength();
        r.string();
        r.arrayLength();
        r.int32();
        result.error = r.int16();
        result.baseOffset = r.int64();
        return r.ok() ? result : ProduceResult {};
    }

    qint64 logEndOffset(const QString &topic) const { return log->partitionInfo({topic, 0})->logEndOffset; }

    // Every record value of partition 0, in offset order ("tag#i:xxx" trimmed to "tag#i").
    QStringList values(const QString &topic) const
    {
        const FetchResult read = log->read({topic, 0}, 0, 1 << 20);
        QStringList out;
        for (const QByteArrayView batch : RecordBatch::split(read.records)) {
            std::vector<Record> records;
            RecordBatch::decode(batch, &records);
            for (const Record &r : records)
                out.append(QString::fromLatin1(r.value->split(':').constFirst()));
        }
        return out;
    }
};

struct InitProducerIdAnswer {
    int error = -1;
    qint64 producerId = -1;
    qint16 epoch = -2;
    bool atEnd = false;
};

InitProducerIdAnswer initProducerId(WireBroker &broker, qint16 version, const std::optional<QString> &transactionalId)
{
    const bool flexible = version >= 2;
    const auto response = broker.send(frame(
        22, version, 5,
        [&](WireWriter &w) {
            w.nullableString(transactionalId, flexible);
            w.int32(60000);
            if (flexible)
                w.emptyTaggedFields();
        },
        flexible));
    InitProducerIdAnswer answer;
    if (!response || response->action != WireResponse::Action::Send)
        return answer;
    const QByteArray answerFrame = response->wholeFrame();
    WireReader r(answerFrame);
    if (r.int32() != 5)
        return answer;
    if (flexible)
        r.skipTaggedFields(); // response header v1
    r.int32(); // throttle
    answer.error = r.int16();
    answer.producerId = r.int64();
    answer.epoch = r.int16();
    if (flexible)
        r.skipTaggedFields();
    answer.atEnd = r.ok() && r.atEnd();
    return answer;
}

} // namespace

class TestIdempotence : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void apiVersionsAdvertisesInitProducerId()
    {
        WireBroker broker;
        const auto response = broker.send(frame(18, 0, 1, {}));
        QVERIFY(response && response->action == WireResponse::Action::Send);
        const QByteArray answerFrame = response->wholeFrame();
        WireReader r(answerFrame);
        r.int32();
        QCOMPARE(r.int16(), qint16(0));
        const int count = r.arrayLength();
        QString found;
        for (int i = 0; i < count; ++i) {
            const int key = r.int16();
            const int min = r.int16();
            const int max = r.int16();
            if (key == 22)
                found = QStringLiteral("%1-%2").arg(min).arg(max);
        }
        QCOMPARE(found, QStringLiteral("0-5"));
    }

    void initProducerIdCodecBytes()
    {
        // v2 (flexible): compact nullable string (0 = null), timeout, an unknown tagged field that is skipped.
        const QByteArray v2 = QByteArray::fromHex("00 0000ea60 01 05 02 abcd");
        WireReader r(v2);
        const auto request = decodeMessage<InitProducerIdRequest>(r, 2);
        QVERIFY(request && r.atEnd());
        QVERIFY(!request->transactionalId);
        QCOMPARE(request->transactionTimeoutMs, 60000);
        // v0/v1: classic nullable string (-1 = null).
        const QByteArray v1 = QByteArray::fromHex("ffff 0000ea60");
        WireReader r1(v1);
        QVERIFY(decodeMessage<InitProducerIdRequest>(r1, 1) && r1.atEnd());
        const QByteArray truncatedBytes = QByteArray::fromHex("ffff 0000");
        WireReader truncated(truncatedBytes);
        QVERIFY(!decodeMessage<InitProducerIdRequest>(truncated, 1));

        InitProducerIdResponse response;
        response.producerId = 0x0102030405060708;
        response.producerEpoch = 0;
        QCOMPARE(encodeMessage(response, 1).toHex(), QByteArray("00000000000001020304050607080000"));
        QCOMPARE(encodeMessage(response, 2).toHex(), QByteArray("0000000000000102030405060708000000"));
    }

    void initProducerIdGivesFreshIdsAtEpochZero_data()
    {
        QTest::addColumn<int>("version");
        QTest::addRow("v0") << 0;
        QTest::addRow("v1") << 1;
        QTest::addRow("v2 (flexible)") << 2;
    }
    void initProducerIdGivesFreshIdsAtEpochZero()
    {
        QFETCH(int, version);
        WireBroker broker;
        const InitProducerIdAnswer first = initProducerId(broker, qint16(version), std::nullopt);
        const InitProducerIdAnswer second = initProducerId(broker, qint16(version), std::nullopt);
        QVERIFY(first.atEnd && second.atEnd);
        QCOMPARE(first.error, 0);
        QCOMPARE(first.epoch, qint16(0));
        QCOMPARE(second.error, 0);
        QCOMPARE(second.epoch, qint16(0));
        QVERIFY2(second.producerId > first.producerId, qPrintable(QString::number(second.producerId)));
        // Derived from the clock, so a later run starts above this one's ids.
        QVERIFY(first.producerId >= broker.clock.nowMs() * 1000);

        // A restart a millisecond later starts above every id handed out so far.
        broker.restartApis();
        broker.clock.advance(1);
        const InitProducerIdAnswer afterRestart = initProducerId(broker, qint16(version), std::nullopt);
        QVERIFY(afterRestart.producerId > second.producerId);
    }

    void initProducerIdWithTransactionalIdIsRefused()
    {
        WireBroker broker;
        const InitProducerIdAnswer answer = initProducerId(broker, 1, QStringLiteral("txn-1"));
        QVERIFY(answer.atEnd);
        QCOMPARE(answer.error, 15); // COORDINATOR_NOT_AVAILABLE, as FindCoordinator(TRANSACTION) says
        QCOMPARE(answer.producerId, qint64(-1));
    }

    void duplicateResendGetsTheOriginalOffsetAndIsStoredOnce()
    {
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        const qint64 pid = initProducerId(broker, 2, std::nullopt).producerId;
        const QByteArray first = idempotentBatch(pid, 0, 0, 3, "a");
        const QByteArray second = idempotentBatch(pid, 0, 3, 2, "b");

        QCOMPARE(broker.produce(QStringLiteral("t"), first).baseOffset, qint64(0));
        QCOMPARE(broker.produce(QStringLiteral("t"), second).baseOffset, qint64(3));
        // Both resent (the acknowledgements were "lost"): same offsets, NONE, nothing new stored.
        const ProduceResult resentFirst = broker.produce(QStringLiteral("t"), first);
        QCOMPARE(resentFirst.error, 0);
        QCOMPARE(resentFirst.baseOffset, qint64(0));
        const ProduceResult resentSecond = broker.produce(QStringLiteral("t"), second);
        QCOMPARE(resentSecond.error, 0);
        QCOMPARE(resentSecond.baseOffset, qint64(3));
        // acks=0: no answer, and still not stored.
        QCOMPARE(broker.produce(QStringLiteral("t"), second, 0).action, WireResponse::Action::NoResponse);

        QCOMPARE(broker.logEndOffset(QStringLiteral("t")), qint64(5));
        QCOMPARE(broker.values(QStringLiteral("t")).join(QLatin1Char(',')), QStringLiteral("a#0,a#1,a#2,b#0,b#1"));
        // The sequence goes on after the duplicates.
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(pid, 0, 5, 1, "c")).baseOffset, qint64(5));
    }

    // After batches seq 0-2 and 3-4 of epoch 1 (offsets 0-4), what the next batch gets.
    void sequenceAndEpochRules_data()
    {
        QTest::addColumn<int>("epoch");
        QTest::addColumn<int>("baseSequence");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("error");
        QTest::addColumn<qint64>("baseOffset");
        QTest::addRow("next in sequence") << 1 << 5 << 2 << 0 << qint64(5);
        QTest::addRow("gap: OUT_OF_ORDER_SEQUENCE_NUMBER") << 1 << 6 << 1 << OutOfOrderSequenceNumber << qint64(-1);
        QTest::addRow("overlapping, not a cached batch") << 1 << 4 << 2 << OutOfOrderSequenceNumber << qint64(-1);
        QTest::addRow("stale epoch: INVALID_PRODUCER_EPOCH") << 0 << 5 << 1 << InvalidProducerEpoch << qint64(-1);
        QTest::addRow("stale epoch resending a stored batch") << 0 << 0 << 3 << InvalidProducerEpoch << qint64(-1);
        QTest::addRow("new epoch from sequence 0") << 2 << 0 << 1 << 0 << qint64(5);
        QTest::addRow("new epoch not at 0") << 2 << 5 << 1 << OutOfOrderSequenceNumber << qint64(-1);
        QTest::addRow("duplicate of the first batch") << 1 << 0 << 3 << 0 << qint64(0);
    }
    void sequenceAndEpochRules()
    {
        QFETCH(int, epoch);
        QFETCH(int, baseSequence);
        QFETCH(int, count);
        QFETCH(int, error);
        QFETCH(qint64, baseOffset);
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        const qint64 pid = 1000;
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(pid, 1, 0, 3)).baseOffset, qint64(0));
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(pid, 1, 3, 2)).baseOffset, qint64(3));

        const ProduceResult result
            = broker.produce(QStringLiteral("t"), idempotentBatch(pid, qint16(epoch), baseSequence, count));
        QCOMPARE(result.error, error);
        QCOMPARE(result.baseOffset, baseOffset);
        const bool stored = error == 0 && baseOffset == 5;
        QCOMPARE(broker.logEndOffset(QStringLiteral("t")), stored ? qint64(5 + count) : qint64(5));
    }

    void onlyTheLastFiveBatchesAreRecognisedAsDuplicates()
    {
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        for (int seq = 0; seq < 6; ++seq)
            QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(7, 0, seq, 1)).baseOffset, qint64(seq));
        // Batch seq 1 is the oldest of the five kept; seq 0 has left the cache and is out of order now, as in Kafka.
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(7, 0, 1, 1)).baseOffset, qint64(1));
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(7, 0, 0, 1)).error, OutOfOrderSequenceNumber);
        QCOMPARE(broker.logEndOffset(QStringLiteral("t")), qint64(6));
    }

    void producersAreTrackedPerPartitionAndUnknownOnesStartAnywhere()
    {
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("a"), 1), ErrorCode::None);
        QCOMPARE(broker.log->createTopic(QStringLiteral("b"), 1), ErrorCode::None);
        // Kafka >= 2.5 accepts any first sequence from a producer it has no state for (e.g. after its records
        // were deleted or, here, a restart), rather than UNKNOWN_PRODUCER_ID.
        QCOMPARE(broker.produce(QStringLiteral("a"), idempotentBatch(3, 0, 40, 2)).error, 0);
        QCOMPARE(broker.produce(QStringLiteral("b"), idempotentBatch(3, 0, 0, 1)).error, 0);
        QCOMPARE(broker.produce(QStringLiteral("a"), idempotentBatch(3, 0, 42, 1)).baseOffset, qint64(2));
        QCOMPARE(broker.produce(QStringLiteral("b"), idempotentBatch(3, 0, 2, 1)).error, OutOfOrderSequenceNumber);
        // Batches without a producer id are never checked.
        QCOMPARE(broker.produce(QStringLiteral("a"), logtest::makeBatch(2)).baseOffset, qint64(3));
    }

    void stateIsRebuiltFromTheLogAfterARestart()
    {
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        const QByteArray first = idempotentBatch(9, 0, 0, 3, "a");
        const QByteArray second = idempotentBatch(9, 0, 3, 2, "b");
        QCOMPARE(broker.produce(QStringLiteral("t"), first).baseOffset, qint64(0));
        QCOMPARE(broker.produce(QStringLiteral("t"), second).baseOffset, qint64(3));

        broker.restartApis();
        QCOMPARE(broker.produce(QStringLiteral("t"), second).baseOffset, qint64(3));
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(9, 0, 6, 1)).error, OutOfOrderSequenceNumber);
        QCOMPARE(broker.logEndOffset(QStringLiteral("t")), qint64(5));
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(9, 0, 5, 1)).baseOffset, qint64(5));
    }

    // Until schema version 4 the state was rebuilt from the last 10,000 offsets only, and producer 1 below was
    // unknown after the restart (its resent first batch would have been stored again: the documented limit, issue 13
    // defect 4). With producer-state snapshots every producer with batches in the log is known again.
    void rebuildRemembersProducersBeyondTheRecentBatches()
    {
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(1, 0, 0, 2)).baseOffset, qint64(0));
        QCOMPARE(broker.produce(QStringLiteral("t"), logtest::makeBatch(10'000)).baseOffset, qint64(2));
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(2, 0, 0, 2)).error, 0);

        broker.restartApis();
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(2, 0, 5, 1)).error, OutOfOrderSequenceNumber);
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(1, 0, 5, 1)).error, OutOfOrderSequenceNumber);
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(1, 0, 0, 2)).baseOffset, qint64(0));
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(1, 0, 2, 1)).baseOffset, qint64(10'004));
    }

    void stateGoesWithTheTopicAndWithDeletedRecords()
    {
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(4, 0, 0, 2)).error, 0);
        QCOMPARE(broker.log->deleteRecordsBefore({QStringLiteral("t"), 0}, -1), ErrorCode::None);
        // Its records are gone, so is its state: any sequence is accepted again.
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(4, 0, 9, 1)).baseOffset, qint64(2));

        QCOMPARE(broker.log->deleteTopic(QStringLiteral("t")), ErrorCode::None);
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        QCOMPARE(broker.produce(QStringLiteral("t"), idempotentBatch(4, 0, 20, 1)).baseOffset, qint64(0));
    }

    void sequenceNumbersWrapAfterInt32Max()
    {
        constexpr qint32 max = std::numeric_limits<qint32>::max();
        RecordBatchHeader header;
        header.producerId = 1;
        header.producerEpoch = 0;
        header.baseSequence = max - 1;
        header.lastOffsetDelta = 2;
        QCOMPARE(ProducerStateManager::lastSequence(header), 0);

        ProducerStateManager producers;
        const TopicPartition tp {QStringLiteral("t"), 0};
        header.lastOffsetDelta = 1; // sequences max-1, max
        producers.onAppended(tp, header, 100);
        RecordBatchHeader next = header;
        next.baseSequence = 0;
        next.lastOffsetDelta = 0;
        QCOMPARE(producers.checkAppend(tp, next).error, ErrorCode::None);
        next.baseSequence = 1;
        QCOMPARE(producers.checkAppend(tp, next).error, ErrorCode::OutOfOrderSequenceNumber);
        QCOMPARE(producers.allocateProducerId(5), qint64(5000));
        QCOMPARE(producers.allocateProducerId(5), qint64(5001));
        QCOMPARE(producers.allocateProducerId(4), qint64(5002)); // never backwards, even if the clock is
        QCOMPARE(producers.allocateProducerId(7), qint64(7000));
    }
};

QTEST_GUILESS_MAIN(TestIdempotence)
#include "tst_idempotence.moc"
