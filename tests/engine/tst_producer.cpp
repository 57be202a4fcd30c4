#include "client/murmur2.h"
#include "client/producer.h"
#include "core/recordbatch.h"

#include <QTest>
#include <map>

using namespace topicscope::engine;

namespace {

// A log stand-in: decodes every appended batch (so the test sees exactly what the producer encoded) and assigns
// offsets per partition. Unknown partitions get UNKNOWN_TOPIC_OR_PARTITION.
struct FakeLog {
    QMap<QString, int> topics;
    std::map<TopicPartition, std::vector<Record>> records;
    std::map<TopicPartition, std::vector<int>> batchSizes; // record count of each appended batch
    int sinkCalls = 0;
    std::vector<size_t> requestsPerCall;
    ErrorCode failWith = ErrorCode::None;
    qint64 logAppendTime = -1;

    int partitionCount(const QString &topic) const { return topics.value(topic, -1); }

    std::vector<AppendResult> append(const std::vector<AppendRequest> &requests)
    {
        ++sinkCalls;
        requestsPerCall.push_back(requests.size());
        std::vector<AppendResult> out;
        for (const AppendRequest &req : requests) {
            AppendResult res;
            if (failWith != ErrorCode::None) {
                res.error = failWith;
                res.message = QStringLiteral("injected");
                out.push_back(res);
                continue;
            }
            std::vector<Record> decoded;
            QString why;
            const ErrorCode err = RecordBatch::decode(req.records, &decoded, &why);
            if (err != ErrorCode::None || RecordBatch::validate(req.records) != ErrorCode::None) {
                res.error = ErrorCode::CorruptMessage;
                res.message = why;
                out.push_back(res);
                continue;
            }
            auto &log = records[req.topicPartition];
            res.baseOffset = static_cast<qint64>(log.size());
            for (Record &r : decoded) {
                r.offset = static_cast<qint64>(log.size());
                log.push_back(r);
            }
            res.lastOffset = static_cast<qint64>(log.size()) - 1;
            res.logAppendTimeMs = logAppendTime;
            batchSizes[req.topicPartition].push_back(static_cast<int>(decoded.size()));
            out.push_back(res);
        }
        return out;
    }
};

struct Fixture {
    ManualClock clock;
    FakeLog log;
    std::unique_ptr<Producer> producer;
    std::vector<RecordMetadata> acks;

    explicit Fixture(ProducerConfig config = {}, RandomSource random = Partitioner::seededRandom(1))
    {
        log.topics.insert(QStringLiteral("orders"), 6);
        log.topics.insert(QStringLiteral("three"), 3);
        producer = std::make_unique<Producer>(
            config, clock, [this](const QString &t) { return log.partitionCount(t); },
            [this](const std::vector<AppendRequest> &r) { return log.append(r); }, std::move(random));
    }
    SendCallback collect()
    {
        return [this](const RecordMetadata &md) { acks.push_back(md); };
    }
};

RandomSource scripted(std::vector<quint32> values)
{
    auto state = std::make_shared<std::pair<std::vector<quint32>, size_t>>(std::move(values), 0);
    return [state] {
        auto &[v, i] = *state;
        return v[std::min(i++, v.size() - 1)];
    };
}

QString str(const char *s)
{
    return QString::fromUtf8(s);
}
TopicPartition tp(const char *topic, int partition)
{
    return TopicPartition {QString::fromUtf8(topic), partition};
}

} // namespace

class TestProducer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keyedRecordsLandWhereMurmur2Says();
    void recordContentsRoundTrip();
    void callbacksRunAfterSendReturns();
    void lingerDelaysTheAppend();
    void fullBatchIsAppendedWithoutWaitingForLinger();
    void keylessStickySwitchesWhenABatchIsFull();
    void keylessStickySwitchesByTwiceBatchSizeAtLatest();
    void roundRobinCycles();
    void uniformStickyIgnoresKeys();
    void explicitPartition();
    void sendErrors_data();
    void sendErrors();
    void sinkErrorReachesCallbacks();
    void logAppendTimeIsReported();
    void readyBatchesShareOneAppend();
    void flushAndClose();
};

void TestProducer::keyedRecordsLandWhereMurmur2Says()
{
    Fixture f;
    const QStringList keys {str("user-1"), str("user-2"), str("kafka"), str("foobar"), str("21"), str("abc")};
    std::map<int, RecordMetadata> byIndex;
    for (int i = 0; i < keys.size(); ++i)
        QCOMPARE(f.producer->send(str("orders"), QVariant(keys[i]), QVariant(str("v-") + keys[i]), {}, {}, {},
                     [&byIndex, i](const RecordMetadata &md) { byIndex[i] = md; }),
            ErrorCode::None);
    f.producer->flush();
    QCOMPARE(byIndex.size(), size_t(keys.size()));
    for (int i = 0; i < keys.size(); ++i) {
        const RecordMetadata &md = byIndex[i];
        const int expected = Murmur2::partitionFor(keys[i].toUtf8(), 6);
        QCOMPARE(md.partition, expected);
        QCOMPARE(md.decision.strategy, PartitionStrategy::KeyHash);
        QCOMPARE(md.decision.partitionCount, 6);
        QCOMPARE(md.error, ErrorCode::None);
        // The log holds the record at the offset the callback reported.
        const auto &log = f.log.records[tp("orders", expected)];
        QVERIFY(md.offset >= 0 && md.offset < qint64(log.size()));
        QCOMPARE(log[md.offset].key, std::optional<QByteArray>(keys[i].toUtf8()));
    }
    // kafka % 6: 1348980580 % 6 = 4.
    QCOMPARE(byIndex[2].decision.explanation, str("murmur2(\"kafka\") = 0xd067cf64 → toPositive 1348980580 % 6 = 4"));
    QCOMPARE(byIndex[2].partition, 4);
}

void TestProducer::recordContentsRoundTrip()
{
    ProducerConfig config;
    config.valueSerializer = SerdeFormat::Int64;
    Fixture f(config);
    const QList<RecordHeader> headers {{QByteArray("trace"), QByteArray("abc")}, {QByteArray("none"), std::nullopt}};
    f.producer->send(str("three"), QVariant(str("k")), QVariant(qint64(42)), headers, 1, qint64(1'000), f.collect());
    f.producer->send(str("three"), std::nullopt, std::nullopt, {}, 1, qint64(1'500), f.collect()); // tombstone
    f.producer->send(str("three"), QVariant(QString()), QVariant(qint64(-1)), {}, 1, std::nullopt, f.collect());
    f.producer->flush();

    const auto &log = f.log.records[tp("three", 1)];
    QCOMPARE(log.size(), size_t(3));
    QCOMPARE(f.log.batchSizes[tp("three", 1)], std::vector<int> {3});
    QCOMPARE(log[0].key, std::optional<QByteArray>(QByteArray("k")));
    QCOMPARE(log[0].value, std::optional<QByteArray>(QByteArray::fromHex("000000000000002a")));
    QCOMPARE(log[0].headers, headers);
    QCOMPARE(log[0].timestamp, qint64(1'000));
    QVERIFY(!log[1].key.has_value());
    QVERIFY(!log[1].value.has_value());
    QCOMPARE(log[1].timestamp, qint64(1'500));
    QCOMPARE(log[2].key, std::optional<QByteArray>(QByteArray())); // empty, not null
    QCOMPARE(log[2].timestamp, f.clock.nowMs()); // defaulted at send()

    QCOMPARE(f.acks.size(), size_t(3));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(f.acks[i].offset, qint64(i));
        QCOMPARE(f.acks[i].partition, 1);
        QCOMPARE(f.acks[i].timestamp, log[i].timestamp);
        QCOMPARE(f.acks[i].decision.strategy, PartitionStrategy::Explicit);
    }
    QCOMPARE(f.acks[0].serializedKeySize, 1);
    QCOMPARE(f.acks[0].serializedValueSize, 8);
    QCOMPARE(f.acks[1].serializedKeySize, -1);
    QCOMPARE(f.acks[1].serializedValueSize, -1);
}

void TestProducer::callbacksRunAfterSendReturns()
{
    Fixture f; // linger.ms = 0
    f.producer->send(str("orders"), QVariant(str("a")), QVariant(str("1")), {}, {}, {}, f.collect());
    f.producer->send(str("orders"), QVariant(str("a")), QVariant(str("2")), {}, {}, {}, f.collect());
    QCOMPARE(f.acks.size(), size_t(0));
    QCOMPARE(f.producer->pendingRecords(), 2);
    f.clock.advance(0);
    QCOMPARE(f.acks.size(), size_t(2));
    QCOMPARE(f.acks[0].offset, qint64(0));
    QCOMPARE(f.acks[1].offset, qint64(1));
    QCOMPARE(f.producer->pendingRecords(), 0);
    QCOMPARE(f.log.sinkCalls, 1); // both records went in one batch
    QCOMPARE(f.clock.pendingTimers(), 0);
}

void TestProducer::lingerDelaysTheAppend()
{
    ProducerConfig config;
    config.lingerMs = 100;
    Fixture f(config);
    f.producer->send(str("three"), std::nullopt, QVariant(str("x")), {}, 0, {}, f.collect());
    f.clock.advance(60);
    f.producer->send(str("three"), std::nullopt, QVariant(str("y")), {}, 0, {}, f.collect());
    f.producer->send(str("three"), std::nullopt, QVariant(str("z")), {}, 2, {}, f.collect());
    f.clock.advance(39);
    QCOMPARE(f.acks.size(), size_t(0));
    f.clock.advance(1); // partition 0's batch is 100 ms old; partition 2's only 40 ms
    QCOMPARE(f.acks.size(), size_t(2));
    QCOMPARE(f.log.batchSizes[tp("three", 0)], std::vector<int> {2});
    f.clock.advance(59);
    QCOMPARE(f.acks.size(), size_t(2));
    f.clock.advance(1);
    QCOMPARE(f.acks.size(), size_t(3));
    QCOMPARE(f.acks[2].partition, 2);
}

void TestProducer::fullBatchIsAppendedWithoutWaitingForLinger()
{
    ProducerConfig config;
    config.lingerMs = 10'000;
    config.batchSize = 1'000;
    Fixture f(config);
    const QString value(200, QLatin1Char('v'));
    for (int i = 0; i < 5; ++i)
        f.producer->send(str("three"), std::nullopt, QVariant(value), {}, 0, qint64(0), f.collect());
    f.clock.advance(0);
    // 61 + 4 x ~208 fits 1000 bytes; the 5th record did not fit, so the first batch closed with 4.
    QCOMPARE(f.log.batchSizes[tp("three", 0)], std::vector<int> {4});
    QCOMPARE(f.acks.size(), size_t(4));
    f.clock.advance(10'000);
    QCOMPARE(f.log.batchSizes[tp("three", 0)], (std::vector<int> {4, 1}));
}

void TestProducer::keylessStickySwitchesWhenABatchIsFull()
{
    // Sized so that exactly 10 records fill a batch: the built-in partitioner then switches at batch.size.
    Record probe;
    probe.timestamp = 0;
    probe.value = QByteArray(100, 'x');
    int batchSize = RecordBatchHeader::Size;
    for (int i = 0; i < 10; ++i)
        batchSize += RecordBatch::recordSize(probe, 0, i);
    ProducerConfig config;
    config.batchSize = batchSize;
    config.valueSerializer = SerdeFormat::ByteArray;
    Fixture f(config, scripted({4, 1}));

    for (int i = 0; i < 15; ++i)
        f.producer->send(str("orders"), std::nullopt, QVariant(QByteArray(100, 'x')), {}, {}, qint64(0), f.collect());
    f.producer->flush();

    QCOMPARE(f.log.batchSizes[tp("orders", 4)], std::vector<int> {10});
    QCOMPARE(f.log.batchSizes[tp("orders", 1)], std::vector<int> {5});
    QCOMPARE(f.acks.size(), size_t(15));
    QCOMPARE(f.acks[9].partition, 4);
    QCOMPARE(f.acks[10].partition, 1);
    QCOMPARE(f.acks[10].decision.strategy, PartitionStrategy::Sticky);
    QCOMPARE(f.acks[10].decision.explanation,
        QStringLiteral("no key → sticky partition 1 (0 of batch.size %1 bytes sent to it; switched from 4 after %1 "
                       "bytes ≥ batch.size, batch full)")
            .arg(batchSize));
    // Keyed records in between do not disturb the sticky partition.
    RecordMetadata keyed, keyless;
    f.producer->send(str("orders"), QVariant(str("kafka")), QVariant(QByteArray("k")), {}, {}, {},
        [&keyed](const RecordMetadata &md) { keyed = md; });
    f.producer->send(str("orders"), std::nullopt, QVariant(QByteArray("z")), {}, {}, {},
        [&keyless](const RecordMetadata &md) { keyless = md; });
    f.producer->flush();
    QCOMPARE(keyed.partition, 4); // murmur2("kafka") % 6
    QCOMPARE(keyless.partition, 1);
    QCOMPARE(keyless.offset, qint64(5));
}

void TestProducer::keylessStickySwitchesByTwiceBatchSizeAtLatest()
{
    // 159-byte records never fill a 1000-byte batch exactly, so the batch is never "full" when the sticky
    // partition has had batch.size bytes: Java keeps it until 2 x batch.size.
    ProducerConfig config;
    config.batchSize = 1'000;
    Fixture f(config, scripted({2, 5}));
    const QString value(150, QLatin1Char('v'));
    std::map<int, RecordMetadata> byIndex;
    for (int i = 0; i < 20; ++i)
        f.producer->send(str("orders"), std::nullopt, QVariant(value), {}, {}, qint64(0),
            [&byIndex, i](const RecordMetadata &md) { byIndex[i] = md; });
    f.producer->flush();
    QCOMPARE(byIndex.size(), size_t(20));

    Record probe;
    probe.timestamp = 0;
    probe.value = value.toUtf8();
    const int recordBytes = RecordBatch::recordSize(probe, 0, 0);
    QCOMPARE(recordBytes, 159);
    // Batches of 5 (61 + 5 x 159 = 856); after 12 records partition 2 has had 3 x 61 + 12 x 159 = 2091 bytes.
    QCOMPARE(f.log.batchSizes[tp("orders", 2)], (std::vector<int> {5, 5, 2}));
    QCOMPARE(f.log.batchSizes[tp("orders", 5)], (std::vector<int> {5, 3}));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(byIndex[i].partition, i < 12 ? 2 : 5);
    QCOMPARE(byIndex[12].decision.explanation,
        str("no key → sticky partition 5 (0 of batch.size 1000 bytes sent to it; switched from 2 after 2091 bytes ≥ "
            "2 × batch.size)"));
}

void TestProducer::roundRobinCycles()
{
    ProducerConfig config;
    config.partitioner = PartitionerKind::RoundRobin;
    Fixture f(config);
    for (int i = 0; i < 7; ++i)
        f.producer->send(
            str("three"), QVariant(str("same-key")), QVariant(QString::number(i)), {}, {}, {}, f.collect());
    f.producer->flush();
    // Callbacks come batch by batch, so the cycle shows in what each partition holds.
    QCOMPARE(f.log.records[tp("three", 0)].size(), size_t(3));
    QCOMPARE(f.log.records[tp("three", 1)].size(), size_t(2));
    QCOMPARE(f.log.records[tp("three", 2)].size(), size_t(2));
    // Value i went to partition i % 3: no partition skipped when a new batch opened (KAFKA-9965).
    for (int p = 0; p < 3; ++p)
        for (const Record &r : f.log.records[tp("three", p)])
            QCOMPARE(r.value->toInt() % 3, p);
}

void TestProducer::uniformStickyIgnoresKeys()
{
    ProducerConfig config;
    config.partitioner = PartitionerKind::UniformSticky;
    config.batchSize = 500;
    // First pick 0; it has no batch yet, so (as in Java) onNewBatch moves on at once: 3 -> partition 0 again is
    // refused, 1 taken. Three 110-byte records fill a 500-byte batch; then 2, then 0.
    Fixture f(config, scripted({0, 3, 1, 2, 0}));
    for (int i = 0; i < 8; ++i)
        f.producer->send(str("three"), QVariant(QString::number(i)), QVariant(QString(100, QLatin1Char('v'))), {}, {},
            qint64(0), f.collect());
    f.producer->flush();
    QList<int> partitions;
    for (const RecordMetadata &md : f.acks) {
        partitions << md.partition;
        QCOMPARE(md.decision.strategy, PartitionStrategy::UniformSticky);
    }
    QCOMPARE(partitions, (QList<int> {1, 1, 1, 2, 2, 2, 0, 0}));
    QCOMPARE(f.acks[6].decision.explanation,
        str("uniform sticky: partition 0 until it needs a new batch (switched from 2, which needed a new batch; key "
            "ignored)"));
}

void TestProducer::explicitPartition()
{
    Fixture f;
    f.producer->send(str("orders"), QVariant(str("kafka")), QVariant(str("v")), {}, 5, {}, f.collect());
    f.producer->flush();
    QCOMPARE(f.acks.size(), size_t(1));
    QCOMPARE(f.acks[0].partition, 5); // not murmur2's 4: an explicit partition wins
    QCOMPARE(f.acks[0].decision.explanation, str("explicit partition 5 (of 6), set by the caller"));
}

void TestProducer::sendErrors_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<int>("partition"); // -100 = none
    QTest::addColumn<qint64>("timestamp"); // -100 = none
    QTest::addColumn<int>("maxRequestSize");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("message");

    QTest::addRow("unknown topic") << str("nope") << QVariant(str("v")) << -100 << qint64(-100) << 1048576
                                   << int(ErrorCode::UnknownTopicOrPartition) << str("topic nope not present");
    QTest::addRow("partition out of range")
        << str("three") << QVariant(str("v")) << 3 << qint64(-100) << 1048576 << int(ErrorCode::UnknownTopicOrPartition)
        << str("3 is not in the range [0...2]");
    QTest::addRow("value serializer refuses")
        << str("three") << QVariant(42) << -100 << qint64(-100) << 1048576 << int(ErrorCode::InvalidRecord)
        << str("can't serialize value with the string serializer");
    QTest::addRow("too large") << str("three") << QVariant(QString(300, QLatin1Char('x'))) << -100 << qint64(-100)
                               << 300 << int(ErrorCode::MessageTooLarge) << str("larger than max.request.size 300");
    QTest::addRow("negative timestamp") << str("three") << QVariant(str("v")) << -100 << qint64(-5) << 1048576
                                        << int(ErrorCode::InvalidTimestamp) << str("invalid timestamp -5");
}

void TestProducer::sendErrors()
{
    QFETCH(QString, topic);
    QFETCH(QVariant, value);
    QFETCH(int, partition);
    QFETCH(qint64, timestamp);
    QFETCH(int, maxRequestSize);
    QFETCH(int, expected);
    QFETCH(QString, message);

    ProducerConfig config;
    config.maxRequestSize = maxRequestSize;
    Fixture f(config);
    const ErrorCode err = f.producer->send(topic, QVariant(str("k")), value, {},
        partition == -100 ? std::nullopt : std::optional<int>(partition),
        timestamp == -100 ? std::nullopt : std::optional<qint64>(timestamp), f.collect());
    QCOMPARE(int(err), expected);
    QCOMPARE(f.acks.size(), size_t(1)); // the callback ran synchronously with the same error
    QCOMPARE(int(f.acks[0].error), expected);
    QCOMPARE(f.acks[0].offset, qint64(-1));
    QVERIFY2(f.acks[0].errorMessage.contains(message), qPrintable(f.acks[0].errorMessage));
    QCOMPARE(f.producer->pendingRecords(), 0);
    f.clock.advance(1000);
    QCOMPARE(f.log.sinkCalls, 0);
}

void TestProducer::sinkErrorReachesCallbacks()
{
    Fixture f;
    f.log.failWith = ErrorCode::KafkaStorageError;
    f.producer->send(str("three"), std::nullopt, QVariant(str("a")), {}, 0, {}, f.collect());
    f.producer->send(str("three"), std::nullopt, QVariant(str("b")), {}, 0, {}, f.collect());
    f.clock.advance(0);
    QCOMPARE(f.acks.size(), size_t(2));
    for (const RecordMetadata &md : f.acks) {
        QCOMPARE(md.error, ErrorCode::KafkaStorageError);
        QCOMPARE(md.offset, qint64(-1));
        QCOMPARE(md.errorMessage, str("injected"));
    }
}

void TestProducer::logAppendTimeIsReported()
{
    Fixture f;
    f.log.logAppendTime = 1'234;
    f.producer->send(str("three"), std::nullopt, QVariant(str("a")), {}, 0, qint64(99), f.collect());
    f.producer->flush();
    QCOMPARE(f.acks.at(0).timestamp, qint64(1'234));
}

void TestProducer::readyBatchesShareOneAppend()
{
    Fixture f;
    for (int p = 0; p < 3; ++p)
        f.producer->send(str("three"), std::nullopt, QVariant(str("a")), {}, p, {}, f.collect());
    f.producer->send(str("orders"), std::nullopt, QVariant(str("a")), {}, 0, {}, f.collect());
    f.clock.advance(0);
    QCOMPARE(f.log.sinkCalls, 1);
    QCOMPARE(f.log.requestsPerCall, std::vector<size_t> {4});
    QCOMPARE(f.acks.size(), size_t(4));
}

void TestProducer::flushAndClose()
{
    ProducerConfig config;
    config.lingerMs = 60'000;
    Fixture f(config);
    f.producer->send(str("three"), std::nullopt, QVariant(str("a")), {}, 0, {}, f.collect());
    f.producer->flush();
    QCOMPARE(f.acks.size(), size_t(1));
    f.producer->send(str("three"), std::nullopt, QVariant(str("b")), {}, 0, {}, f.collect());
    f.producer->close();
    QCOMPARE(f.acks.size(), size_t(2));
    QCOMPARE(f.acks[1].offset, qint64(1));
    QCOMPARE(f.clock.pendingTimers(), 0);
    QCOMPARE(f.producer->send(str("three"), std::nullopt, QVariant(str("c")), {}, 0, {}, f.collect()),
        ErrorCode::InvalidRequest);
}

QTEST_GUILESS_MAIN(TestProducer)
#include "tst_producer.moc"
