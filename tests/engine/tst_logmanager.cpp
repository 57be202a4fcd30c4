#include "log/logmanager.h"

#include "compressedbatches.h"
#include "core/recordbatch.h"
#include "group/offsetstore.h"
#include "logtesthelpers.h"

#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace topicscope::engine;
using namespace topicscope::engine::logtest;
using namespace topicscope::engine::compressiontest;

namespace {

// Every event as one readable line, in publication order.
class EventRecorder {
public:
    explicit EventRecorder(EventBus &bus)
        : m_bus(bus)
    {
        m_id = bus.subscribe([this](const Event &event) { lines.append(describe(event)); });
    }
    ~EventRecorder() { m_bus.unsubscribe(m_id); }

    static QString describe(const Event &event)
    {
        if (const auto *e = std::get_if<TopicCreated>(&event))
            return QStringLiteral("TopicCreated %1 partitions=%2").arg(e->topic).arg(e->partitions);
        if (const auto *e = std::get_if<TopicDeleted>(&event))
            return QStringLiteral("TopicDeleted %1").arg(e->topic);
        if (const auto *e = std::get_if<PartitionsAdded>(&event))
            return QStringLiteral("PartitionsAdded %1 %2->%3").arg(e->topic).arg(e->oldCount).arg(e->newCount);
        if (const auto *e = std::get_if<BatchAppended>(&event))
            return QStringLiteral("BatchAppended %1-%2 [%3..%4] records=%5")
                .arg(e->topic)
                .arg(e->partition)
                .arg(e->baseOffset)
                .arg(e->lastOffset)
                .arg(e->recordCount);
        if (const auto *e = std::get_if<RecordsDeleted>(&event)) {
            const char *cause = e->cause == DeletionCause::RetentionMs ? "retention.ms"
                : e->cause == DeletionCause::RetentionBytes            ? "retention.bytes"
                                                                       : "DeleteRecords";
            return QStringLiteral("RecordsDeleted %1-%2 %3->%4 %5")
                .arg(e->topic)
                .arg(e->partition)
                .arg(e->oldLogStartOffset)
                .arg(e->newLogStartOffset)
                .arg(QLatin1String(cause));
        }
        return QStringLiteral("other event");
    }

    QStringList lines;

private:
    EventBus &m_bus;
    int m_id = 0;
};

// The whole visible state of a log manager as text: topics, configs, partitions and a digest of the stored bytes.
QString dump(const LogManager &log)
{
    QStringList lines;
    for (const QString &name : log.topicNames()) {
        const auto info = log.describeTopic(name);
        QStringList configs;
        const auto map = info->config.toKafkaConfigs();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            configs.append(it.key() + QLatin1Char('=') + it.value());
        lines.append(
            QStringLiteral("topic %1 id=%2 %3").arg(name, info->id.toString(), configs.join(QLatin1Char(' '))));
        for (const PartitionInfo &p : info->partitions) {
            const FetchResult all = log.read({name, p.partition}, p.logStartOffset, 1LL << 40);
            lines.append(QStringLiteral("  p%1 lso=%2 leo=%3 size=%4 lastAppend=%5 batches=[%6] bytes=%7")
                             .arg(p.partition)
                             .arg(p.logStartOffset)
                             .arg(p.logEndOffset)
                             .arg(p.sizeBytes)
                             .arg(p.lastAppendTimeMs)
                             .arg(baseOffsets(all.records))
                             .arg(qHash(all.records)));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QString valuesOf(const QByteArray &recordSet)
{
    QStringList values;
    for (const Record &r : decodeAll(recordSet))
        values.append(
            QStringLiteral("%1:%2").arg(r.offset).arg(QString::fromLatin1(r.value->left(r.value->indexOf(':')))));
    return values.join(QLatin1Char(' '));
}

// One record per timestamp (values "<tag>#<i>"), uncompressed (framing -1) or compressed in the given framing,
// with the header's maxTimestamp overwritten by headerMax when it is given: a header that lies.
QByteArray batchWithTimestamps(int framing, const std::vector<qint64> &timestamps, std::optional<qint64> headerMax = {},
    const QByteArray &tag = "t")
{
    QByteArray batch = makeBatchWithTimestamps(timestamps, tag);
    if (framing >= 0)
        batch = compressBatch(Framing(framing), batch);
    return headerMax ? withHeaderMaxTimestamp(batch, *headerMax) : batch;
}

// Data rows for every framing a producer may use, "uncompressed" (-1) first.
QList<QPair<QByteArray, int>> framingRows()
{
    return {{"uncompressed", -1}, {"gzip", int(Framing::Gzip)}, {"snappy xerial", int(Framing::SnappyXerial)},
        {"snappy raw", int(Framing::SnappyRaw)}, {"lz4 frame", int(Framing::Lz4Frame)},
        {"lz4 frame with size and checksum", int(Framing::Lz4FrameWithSizeAndChecksum)},
        {"zstd with content size", int(Framing::ZstdWithContentSize)}, {"zstd streamed", int(Framing::ZstdStreamed)}};
}

// A "framing" column with one row per framing.
void addFramingColumnAndRows()
{
    QTest::addColumn<int>("framing");
    for (const auto &[name, framing] : framingRows())
        QTest::addRow("%s", name.constData()) << framing;
}

} // namespace

class TestLogManager : public QObject {
    Q_OBJECT

private:
    ManualClock m_clock;
    EventBus m_events;

    std::unique_ptr<LogManager> openInMemory()
    {
        StorageOptions options;
        options.inMemory = true;
        QString error;
        auto log = LogManager::open(options, m_clock, m_events, &error);
        if (!log)
            qWarning("open failed: %s", qPrintable(error));
        return log;
    }

private Q_SLOTS:
    void initTestCase() { QLoggingCategory::setFilterRules(QStringLiteral("topicscope.engine.*.debug=false")); }

    void validateTopicName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::addRow("simple") << QStringLiteral("orders") << true;
        QTest::addRow("all legal characters") << QStringLiteral("Orders.v2_eu-West-9") << true;
        QTest::addRow("one character") << QStringLiteral("a") << true;
        QTest::addRow("249 characters") << QString(249, QLatin1Char('a')) << true;
        QTest::addRow("three dots") << QStringLiteral("...") << true;
        QTest::addRow("empty") << QString() << false;
        QTest::addRow("dot") << QStringLiteral(".") << false;
        QTest::addRow("dot dot") << QStringLiteral("..") << false;
        QTest::addRow("250 characters") << QString(250, QLatin1Char('a')) << false;
        QTest::addRow("space") << QStringLiteral("my topic") << false;
        QTest::addRow("slash") << QStringLiteral("a/b") << false;
        QTest::addRow("colon") << QStringLiteral("a:b") << false;
        QTest::addRow("non-ASCII letter") << QStringLiteral("caf\u00e9") << false;
    }

    void validateTopicName()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QString why;
        const ErrorCode error = LogManager::validateTopicName(name, &why);
        QCOMPARE(error, valid ? ErrorCode::None : ErrorCode::InvalidTopicException);
        QCOMPARE(why.isEmpty(), valid);

        auto log = openInMemory();
        QVERIFY(log);
        QCOMPARE(log->createTopic(name, 1), valid ? ErrorCode::None : ErrorCode::InvalidTopicException);
        QCOMPARE(log->partitionCount(name), valid ? 1 : -1);
    }

    void createTopicErrors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("partitions");
        QTest::addColumn<ErrorCode>("expected");
        QTest::addRow("duplicate") << QStringLiteral("orders") << 1 << ErrorCode::TopicAlreadyExists;
        QTest::addRow("collides through '.' vs '_'")
            << QStringLiteral("order_s") << 1 << ErrorCode::InvalidTopicException;
        QTest::addRow("zero partitions") << QStringLiteral("t") << 0 << ErrorCode::InvalidPartitions;
        QTest::addRow("negative partitions") << QStringLiteral("t") << -1 << ErrorCode::InvalidPartitions;
        QTest::addRow("absurd partitions") << QStringLiteral("t") << 10001 << ErrorCode::InvalidPartitions;
        QTest::addRow("max partitions") << QStringLiteral("t") << 10000 << ErrorCode::None;
        QTest::addRow("bad name before duplicate check")
            << QStringLiteral("or ders") << 1 << ErrorCode::InvalidTopicException;
    }

    void createTopicErrors()
    {
        QFETCH(QString, name);
        QFETCH(int, partitions);
        QFETCH(ErrorCode, expected);
        auto log = openInMemory();
        QVERIFY(log);
        QCOMPARE(log->createTopic(QStringLiteral("orders"), 2), ErrorCode::None);
        QCOMPARE(log->createTopic(QStringLiteral("order.s"), 2), ErrorCode::None);
        QString why;
        QCOMPARE(log->createTopic(name, partitions, {}, &why), expected);
        QCOMPARE(why.isEmpty(), expected == ErrorCode::None);
        if (expected != ErrorCode::None && name != QLatin1String("orders"))
            QCOMPARE(log->partitionCount(name), -1);
        QCOMPARE(log->partitionCount(QStringLiteral("orders")), 2);
    }

    void createDescribeDeleteAndAddPartitions()
    {
        auto log = openInMemory();
        QVERIFY(log);
        EventRecorder events(m_events);
        TopicConfig config;
        config.retentionMs = 60000;
        config.timestampType = TimestampType::LogAppendTime;
        QCOMPARE(log->createTopic(QStringLiteral("b"), 2, config), ErrorCode::None);
        QCOMPARE(log->createTopic(QStringLiteral("a"), 1), ErrorCode::None);
        QCOMPARE(log->topicNames(), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(log->describeTopic(QStringLiteral("b"))->config, config);
        QCOMPARE(log->describeTopic(QStringLiteral("b"))->partitions.size(), 2);
        QVERIFY(!log->describeTopic(QStringLiteral("c")));
        QVERIFY(!log->partitionInfo({QStringLiteral("b"), 2}));

        QString why;
        QCOMPARE(log->createPartitions(QStringLiteral("b"), 2, &why), ErrorCode::InvalidPartitions);
        QVERIFY(why.contains(QLatin1String("already has 2")));
        QCOMPARE(log->createPartitions(QStringLiteral("b"), 1), ErrorCode::InvalidPartitions);
        QCOMPARE(log->createPartitions(QStringLiteral("b"), 10001), ErrorCode::InvalidPartitions);
        QCOMPARE(log->createPartitions(QStringLiteral("nope"), 3), ErrorCode::UnknownTopicOrPartition);
        QCOMPARE(log->createPartitions(QStringLiteral("b"), 4), ErrorCode::None);
        QCOMPARE(log->partitionCount(QStringLiteral("b")), 4);
        QCOMPARE(log->append({QStringLiteral("b"), 3}, makeBatch(2)).lastOffset, 1);

        QCOMPARE(log->deleteTopic(QStringLiteral("nope")), ErrorCode::UnknownTopicOrPartition);
        QCOMPARE(log->deleteTopic(QStringLiteral("b")), ErrorCode::None);
        QCOMPARE(log->topicNames(), QStringList({QStringLiteral("a")}));
        QCOMPARE(log->append({QStringLiteral("b"), 3}, makeBatch(2)).error, ErrorCode::UnknownTopicOrPartition);
        // A new topic of the same name starts empty.
        QCOMPARE(log->createTopic(QStringLiteral("b"), 1), ErrorCode::None);
        QCOMPARE(log->partitionInfo({QStringLiteral("b"), 0})->logEndOffset, 0);

        QCOMPARE(events.lines,
            QStringList({
                QStringLiteral("TopicCreated b partitions=2"),
                QStringLiteral("TopicCreated a partitions=1"),
                QStringLiteral("PartitionsAdded b 2->4"),
                QStringLiteral("BatchAppended b-3 [0..1] records=2"),
                QStringLiteral("TopicDeleted b"),
                QStringLiteral("TopicCreated b partitions=1"),
            }));
    }

    void alterConfig()
    {
        auto log = openInMemory();
        QVERIFY(log);
        QCOMPARE(log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        TopicConfig config;
        config.maxMessageBytes = 100;
        QCOMPARE(log->alterConfig(QStringLiteral("t"), config), ErrorCode::None);
        QCOMPARE(log->append({QStringLiteral("t"), 0}, makeBatch(10, 50)).error, ErrorCode::MessageTooLarge);
        config.retentionMs = -7;
        QCOMPARE(log->alterConfig(QStringLiteral("t"), config), ErrorCode::InvalidConfig);
        QCOMPARE(log->describeTopic(QStringLiteral("t"))->config.retentionMs, TopicConfig().retentionMs);
        QCOMPARE(log->alterConfig(QStringLiteral("x"), config), ErrorCode::UnknownTopicOrPartition);
    }

    void appendAssignsOffsets()
    {
        auto log = openInMemory();
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);

        AppendResult r = log->append(tp, makeBatch(5, 16, DefaultTimestamp, "a"));
        QCOMPARE(r.error, ErrorCode::None);
        QCOMPARE(r.baseOffset, 0);
        QCOMPARE(r.lastOffset, 4);
        QCOMPARE(r.logAppendTimeMs, -1);
        // One request of two batches: offsets run on across them.
        r = log->append(tp, makeBatch(2, 16, DefaultTimestamp, "b") + makeBatch(1, 16, DefaultTimestamp, "c"));
        QCOMPARE(r.error, ErrorCode::None);
        QCOMPARE(r.baseOffset, 5);
        QCOMPARE(r.lastOffset, 7);
        // A compacted-style batch (lastOffsetDelta 4 with 2 records) takes 5 offsets.
        r = log->append(tp, withLastOffsetDelta(makeBatch(2, 16, DefaultTimestamp, "d"), 4));
        QCOMPARE(r.error, ErrorCode::None);
        QCOMPARE(r.baseOffset, 8);
        QCOMPARE(r.lastOffset, 12);
        r = log->append(tp, makeBatch(1, 16, DefaultTimestamp, "e"));
        QCOMPARE(r.baseOffset, 13);

        const auto info = log->partitionInfo(tp);
        QCOMPARE(info->logStartOffset, 0);
        QCOMPARE(info->logEndOffset, 14);
        QCOMPARE(info->lastAppendTimeMs, m_clock.nowMs());

        const FetchResult all = log->read(tp, 0, 1 << 20);
        QCOMPARE(all.error, ErrorCode::None);
        QCOMPARE(all.highWatermark, 14);
        QCOMPARE(info->sizeBytes, all.records.size());
        QCOMPARE(baseOffsets(all.records), QStringLiteral("0 5 7 8 13"));
        for (const QByteArrayView batch : RecordBatch::split(all.records))
            QCOMPARE(RecordBatch::validate(batch), ErrorCode::None);
        QCOMPARE(valuesOf(all.records),
            QStringLiteral("0:a#0 1:a#1 2:a#2 3:a#3 4:a#4 5:b#0 6:b#1 7:c#0 8:d#0 9:d#1 13:e#0"));
    }

    void storedBytesAreTheProducersBytes()
    {
        auto log = openInMemory();
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        QCOMPARE(log->append(tp, makeBatch(3)).error, ErrorCode::None);
        QByteArray sent = makeBatch(4, 30, DefaultTimestamp + 5, "z");
        QCOMPARE(log->append(tp, sent).baseOffset, 3);
        const FetchResult r = log->read(tp, 3, 1 << 20);
        RecordBatch::setBaseOffset(sent, 3);
        QCOMPARE(r.records, sent);
    }

    void appendValidation_data()
    {
        QTest::addColumn<TopicPartition>("tp");
        QTest::addColumn<QByteArray>("records");
        QTest::addColumn<ErrorCode>("expected");
        const TopicPartition good {QStringLiteral("t"), 0};
        const QByteArray batch = makeBatch(3);
        QByteArray badCrc = batch;
        badCrc[batch.size() - 1] = static_cast<char>(badCrc[batch.size() - 1] ^ 0x55);
        QByteArray magic1 = batch;
        magic1[16] = 1;
        QTest::addRow("unknown topic") << TopicPartition {QStringLiteral("nope"), 0} << batch
                                       << ErrorCode::UnknownTopicOrPartition;
        QTest::addRow("partition past the end")
            << TopicPartition {QStringLiteral("t"), 2} << batch << ErrorCode::UnknownTopicOrPartition;
        QTest::addRow("negative partition")
            << TopicPartition {QStringLiteral("t"), -1} << batch << ErrorCode::UnknownTopicOrPartition;
        QTest::addRow("CRC mismatch") << good << badCrc << ErrorCode::CorruptMessage;
        QTest::addRow("bad second batch fails the whole request")
            << good << batch + badCrc << ErrorCode::CorruptMessage;
        QTest::addRow("truncated") << good << batch.left(batch.size() - 3) << ErrorCode::CorruptMessage;
        QTest::addRow("trailing garbage") << good << batch + QByteArray("xyz") << ErrorCode::CorruptMessage;
        QTest::addRow("magic 1") << good << magic1 << ErrorCode::UnsupportedForMessageFormat;
        const QByteArray corruptGzip = withRecordsSection(batch, Compression::Gzip, "not gzip at all");
        QTest::addRow("corrupt compressed records") << good << corruptGzip << ErrorCode::CorruptMessage;
        QTest::addRow("good batch, then corrupt compressed records")
            << good << batch + corruptGzip << ErrorCode::CorruptMessage;
        QTest::addRow("bytes after the last record (valid CRC)")
            << good << withRecordsSection(batch, Compression::None, batch.mid(RecordBatchHeader::Size) + "xyz")
            << ErrorCode::CorruptMessage;
        QTest::addRow("larger than max.message.bytes") << good << makeBatch(10, 100) << ErrorCode::MessageTooLarge;
        QTest::addRow("exactly max.message.bytes") << good << makeBatch(1, 500 - 61 - 9) << ErrorCode::None;
    }

    void appendValidation()
    {
        QFETCH(TopicPartition, tp);
        QFETCH(QByteArray, records);
        QFETCH(ErrorCode, expected);
        auto log = openInMemory();
        QVERIFY(log);
        TopicConfig config;
        config.maxMessageBytes = 500;
        QCOMPARE(log->createTopic(QStringLiteral("t"), 2, config), ErrorCode::None);
        EventRecorder events(m_events);

        // The failing request is sandwiched between good ones of the same call: they are unaffected.
        const TopicPartition other {QStringLiteral("t"), 1};
        const auto results = log->append({{other, makeBatch(2)}, {tp, records}, {other, makeBatch(1)}});
        QCOMPARE(results.size(), size_t(3));
        QCOMPARE(results[1].error, expected);
        QCOMPARE(results[1].message.isEmpty(), expected == ErrorCode::None);
        QCOMPARE(results[0].error, ErrorCode::None);
        QCOMPARE(results[0].baseOffset, 0);
        QCOMPARE(results[2].error, ErrorCode::None);
        QCOMPARE(results[2].baseOffset, 2);
        if (expected != ErrorCode::None) {
            QCOMPARE(results[1].baseOffset, -1);
            QCOMPARE(log->partitionInfo({QStringLiteral("t"), 0})->logEndOffset, 0);
            QCOMPARE(log->partitionInfo({QStringLiteral("t"), 0})->sizeBytes, 0);
            QCOMPARE(events.lines.size(), 2);
        } else {
            QCOMPARE(records.size(), 500);
            QCOMPARE(log->partitionInfo({QStringLiteral("t"), 0})->logEndOffset, 1);
        }
    }

    void readAtLeastOneBatch_data()
    {
        QTest::addColumn<qint64>("fetchOffset");
        QTest::addColumn<double>("batchesWorth"); // maxBytes, in multiples of one batch's size
        QTest::addColumn<QString>("expectedBatches");
        // Four batches of 10 records each: offsets 0, 10, 20, 30.
        QTest::addRow("maxBytes 0 still gives one batch") << qint64(0) << 0.0 << QStringLiteral("0");
        QTest::addRow("less than a batch still gives one") << qint64(0) << 0.01 << QStringLiteral("0");
        QTest::addRow("exactly two batches") << qint64(0) << 2.0 << QStringLiteral("0 10");
        QTest::addRow("two and a half batches") << qint64(0) << 2.5 << QStringLiteral("0 10");
        QTest::addRow("everything") << qint64(0) << 100.0 << QStringLiteral("0 10 20 30");
        QTest::addRow("from inside a batch") << qint64(15) << 100.0 << QStringLiteral("10 20 30");
        QTest::addRow("from a batch's last offset") << qint64(29) << 0.01 << QStringLiteral("20");
        QTest::addRow("from the last batch") << qint64(31) << 100.0 << QStringLiteral("30");
    }

    void readAtLeastOneBatch()
    {
        QFETCH(qint64, fetchOffset);
        QFETCH(double, batchesWorth);
        QFETCH(QString, expectedBatches);
        auto log = openInMemory();
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        const QByteArray batch = makeBatch(10, 90);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(log->append(tp, batch).error, ErrorCode::None);
        const qint64 maxBytes = qRound64(batchesWorth * batch.size());
        const FetchResult r = log->read(tp, fetchOffset, maxBytes);
        QCOMPARE(r.error, ErrorCode::None);
        QCOMPARE(r.highWatermark, 40);
        QCOMPARE(r.logStartOffset, 0);
        QCOMPARE(baseOffsets(r.records), expectedBatches);
        QVERIFY(r.records.size() <= std::max<qint64>(maxBytes, batch.size()));
    }

    void readOffsetOutOfRange()
    {
        auto log = openInMemory();
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);

        // An empty partition: offset 0 is the end, not an error.
        FetchResult r = log->read(tp, 0, 100);
        QCOMPARE(r.error, ErrorCode::None);
        QVERIFY(r.records.isEmpty());
        QCOMPARE(log->read(tp, 1, 100).error, ErrorCode::OffsetOutOfRange);

        for (int i = 0; i < 3; ++i)
            log->append(tp, makeBatch(5));
        r = log->read(tp, 15, 100);
        QCOMPARE(r.error, ErrorCode::None);
        QVERIFY(r.records.isEmpty());
        QCOMPARE(r.highWatermark, 15);
        r = log->read(tp, 16, 100);
        QCOMPARE(r.error, ErrorCode::OffsetOutOfRange);
        QCOMPARE(r.highWatermark, 15);
        QCOMPARE(log->read(tp, -1, 100).error, ErrorCode::OffsetOutOfRange);
        QCOMPARE(log->read({QStringLiteral("t"), 1}, 0, 100).error, ErrorCode::UnknownTopicOrPartition);
        QCOMPARE(log->read({QStringLiteral("u"), 0}, 0, 100).error, ErrorCode::UnknownTopicOrPartition);

        QCOMPARE(log->deleteRecordsBefore(tp, 7), ErrorCode::None);
        r = log->read(tp, 6, 100);
        QCOMPARE(r.error, ErrorCode::OffsetOutOfRange);
        QCOMPARE(r.logStartOffset, 7);
        r = log->read(tp, 7, 1);
        QCOMPARE(r.error, ErrorCode::None);
        QCOMPARE(baseOffsets(r.records), QStringLiteral("5")); // the batch holding 7 starts before it
    }

    void offsetForTimestamp_data()
    {
        QTest::addColumn<qint64>("deleteBefore");
        QTest::addColumn<qint64>("timestamp");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<qint64>("foundTimestamp");
        // Batches: [0..2] ts 1000 1010 1020; [3..5] ts 1030 1100 1050 (out of order); [6] ts 2000.
        QTest::addRow("earliest") << qint64(0) << qint64(-2) << qint64(0) << qint64(-1);
        QTest::addRow("latest") << qint64(0) << qint64(-1) << qint64(7) << qint64(-1);
        QTest::addRow("before everything") << qint64(0) << qint64(0) << qint64(0) << qint64(1000);
        QTest::addRow("exact first") << qint64(0) << qint64(1000) << qint64(0) << qint64(1000);
        QTest::addRow("exact middle of batch") << qint64(0) << qint64(1010) << qint64(1) << qint64(1010);
        QTest::addRow("between records") << qint64(0) << qint64(1015) << qint64(2) << qint64(1020);
        QTest::addRow("between batches") << qint64(0) << qint64(1025) << qint64(3) << qint64(1030);
        QTest::addRow("first in offset order, not smallest") << qint64(0) << qint64(1040) << qint64(4) << qint64(1100);
        QTest::addRow("last batch") << qint64(0) << qint64(1101) << qint64(6) << qint64(2000);
        QTest::addRow("after everything") << qint64(0) << qint64(2001) << qint64(-1) << qint64(-1);
        QTest::addRow("earliest after DeleteRecords") << qint64(1) << qint64(-2) << qint64(1) << qint64(-1);
        QTest::addRow("skips records below log start") << qint64(1) << qint64(0) << qint64(1) << qint64(1010);
        QTest::addRow("match only below log start moves on") << qint64(5) << qint64(1040) << qint64(5) << qint64(1050);
        // Kafka's other special values: MAX_TIMESTAMP (KIP-734), EARLIEST_LOCAL and LATEST_TIERED (tiered storage,
        // which this log has none of: all of it is local, nothing is tiered).
        QTest::addRow("max timestamp") << qint64(0) << qint64(-3) << qint64(6) << qint64(2000);
        QTest::addRow("earliest local") << qint64(0) << qint64(-4) << qint64(0) << qint64(-1);
        QTest::addRow("earliest local after DeleteRecords") << qint64(2) << qint64(-4) << qint64(2) << qint64(-1);
        QTest::addRow("latest tiered") << qint64(0) << qint64(-5) << qint64(-1) << qint64(-1);
    }

    void offsetForTimestamp()
    {
        QFETCH(qint64, deleteBefore);
        QFETCH(qint64, timestamp);
        QFETCH(qint64, offset);
        QFETCH(qint64, foundTimestamp);
        auto log = openInMemory();
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        log->append(tp, makeBatchWithTimestamps({1000, 1010, 1020}));
        log->append(tp, makeBatchWithTimestamps({1030, 1100, 1050}));
        log->append(tp, makeBatchWithTimestamps({2000}));
        QCOMPARE(log->deleteRecordsBefore(tp, deleteBefore), ErrorCode::None);
        const OffsetAndTimestamp r = log->offsetForTimestamp(tp, timestamp);
        QCOMPARE(r.error, ErrorCode::None);
        QCOMPARE(r.offset, offset);
        QCOMPARE(r.timestamp, foundTimestamp);
        QCOMPARE(log->offsetForTimestamp({QStringLiteral("x"), 0}, 0).error, ErrorCode::UnknownTopicOrPartition);
    }

    // As Kafka's LogValidator for CreateTime topics: the stored maxTimestamp is the records' largest timestamp,
    // whatever the producer's header said (older Go clients send -1). A right header is stored as sent.
    void appendRecomputesMaxTimestamp_data()
    {
        QTest::addColumn<int>("framing");
        QTest::addColumn<qint64>("headerMax");
        const qint64 now = m_clock.nowMs();
        const QList<QPair<const char *, qint64>> headers {{"header right", now - 100}, {"header -1", -1},
            {"header too small", now - 300}, {"header too large", now + 3'600'000}};
        for (const auto &[framingName, framing] : framingRows()) {
            for (const auto &[headerName, headerMax] : headers)
                QTest::addRow("%s, %s", framingName.constData(), headerName) << framing << headerMax;
        }
    }
    void appendRecomputesMaxTimestamp()
    {
        QFETCH(int, framing);
        QFETCH(qint64, headerMax);
        auto log = openInMemory();
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        const qint64 now = m_clock.nowMs();
        // Older records first, so the batch under test gets a non-zero base offset.
        QCOMPARE(log->append(tp, makeBatch(2, 16, now - 10'000)).error, ErrorCode::None);
        const qint64 recordsMax = now - 100;
        std::vector<qint64> appendedMax;
        const int subscription = m_events.subscribe([&](const Event &event) {
            if (const auto *e = std::get_if<BatchAppended>(&event))
                appendedMax.push_back(e->maxTimestamp);
        });
        const QByteArray sent = batchWithTimestamps(framing, {now - 300, recordsMax, now - 200}, headerMax);
        const AppendResult result = log->append(tp, sent);
        m_events.unsubscribe(subscription);
        QCOMPARE(result.error, ErrorCode::None);
        QCOMPARE(result.baseOffset, 2);

        const FetchResult stored = log->read(tp, 2, 1 << 20);
        QCOMPARE(RecordBatch::validate(stored.records), ErrorCode::None); // CRC recomputed
        QCOMPARE(RecordBatch::parseHeader(stored.records)->maxTimestamp, recordsMax);
        QCOMPARE(appendedMax, std::vector<qint64> {recordsMax});
        // Only the base offset and, for a lying header, maxTimestamp and the CRC differ from the bytes sent.
        QByteArray expected = headerMax == recordsMax ? sent : withHeaderMaxTimestamp(sent, recordsMax);
        RecordBatch::setBaseOffset(expected, 2);
        QCOMPARE(stored.records, expected);
        QCOMPARE(valuesOf(stored.records), QStringLiteral("2:t#0 3:t#1 4:t#2"));

        const OffsetAndTimestamp found = log->offsetForTimestamp(tp, now - 150);
        QCOMPARE(found.offset, 3);
        QCOMPARE(found.timestamp, recordsMax);
    }

    // retention.ms compares the stored maxTimestamp with now - retention: with the header's -1 stored, a batch of
    // recent records went at the next check. It goes when its newest record is older than retention.
    void retentionGoesByTheRecordsNotTheHeader_data() { addFramingColumnAndRows(); }
    void retentionGoesByTheRecordsNotTheHeader()
    {
        QFETCH(int, framing);
        auto log = openInMemory();
        QVERIFY(log);
        TopicConfig config;
        config.retentionMs = 1000;
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1, config), ErrorCode::None);
        const qint64 now = m_clock.nowMs();
        QCOMPARE(log->append(tp, batchWithTimestamps(framing, {now - 500, now - 100}, -1)).error, ErrorCode::None);
        QCOMPARE(log->append(tp, batchWithTimestamps(framing, {now - 50}, -1, "u")).error, ErrorCode::None);

        log->enforceRetention();
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 0);
        m_clock.advance(899); // cutoff now - 101: the first batch's newest record (now - 100) is still inside
        log->enforceRetention();
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 0);
        m_clock.advance(2); // cutoff now - 99
        log->enforceRetention();
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 2);
        m_clock.advance(50);
        log->enforceRetention();
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 3);
        QCOMPARE(log->partitionInfo(tp)->sizeBytes, 0);
    }

    // ListOffsets by timestamp in compressed batches whose headers lie: the lookup finds the batch by its
    // (recomputed) stored maxTimestamp and the record by decoding the batch.
    void offsetForTimestampInBatchesWhoseHeaderLies_data() { addFramingColumnAndRows(); }
    void offsetForTimestampInBatchesWhoseHeaderLies()
    {
        QFETCH(int, framing);
        auto log = openInMemory();
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        // Batches: [0..2] ts 1000 1010 1020 (header -1); [3..5] 1030 1100 1050 (header 1030); [6] 2000 (-1).
        QCOMPARE(log->append(tp, batchWithTimestamps(framing, {1000, 1010, 1020}, -1)).error, ErrorCode::None);
        QCOMPARE(log->append(tp, batchWithTimestamps(framing, {1030, 1100, 1050}, 1030)).error, ErrorCode::None);
        QCOMPARE(log->append(tp, batchWithTimestamps(framing, {2000}, -1)).error, ErrorCode::None);
        const QList<std::array<qint64, 3>> lookups {// timestamp, offset, found timestamp
            {0, 0, 1000}, {1015, 2, 1020}, {1025, 3, 1030}, {1040, 4, 1100}, {1101, 6, 2000}, {2001, -1, -1}};
        for (const auto &[timestamp, offset, foundTimestamp] : lookups) {
            const OffsetAndTimestamp r = log->offsetForTimestamp(tp, timestamp);
            QCOMPARE(r.error, ErrorCode::None);
            QCOMPARE(r.offset, offset);
            QCOMPARE(r.timestamp, foundTimestamp);
        }
    }

    // A compressed batch that inflates past Compression::MaxDecompressedBytes is refused before anything of its
    // request is stored; the other requests of the call are appended.
    void appendRefusesADecompressionBomb_data()
    {
        QTest::addColumn<int>("framing");
        QTest::addRow("gzip") << int(Framing::Gzip);
        QTest::addRow("zstd streamed") << int(Framing::ZstdStreamed);
    }
    void appendRefusesADecompressionBomb()
    {
        QFETCH(int, framing);
        auto log = openInMemory();
        QVERIFY(log);
        QCOMPARE(log->createTopic(QStringLiteral("t"), 2), ErrorCode::None);
        const QByteArray zeros(Compression::MaxDecompressedBytes + 1024, '\0');
        const QByteArray bomb
            = withRecordsSection(makeBatch(1), codecOf(Framing(framing)), compress(Framing(framing), zeros));
        QVERIFY(bomb.size() < TopicConfig().maxMessageBytes); // refused for what it inflates to, not its size
        EventRecorder events(m_events);
        const TopicPartition tp {QStringLiteral("t"), 0};
        const TopicPartition other {QStringLiteral("t"), 1};
        const auto results = log->append({{tp, makeBatch(2) + bomb}, {other, makeBatch(1)}});
        QCOMPARE(results[0].error, ErrorCode::CorruptMessage);
        QVERIFY2(results[0].message.contains(QStringLiteral("decompression bombs")), qPrintable(results[0].message));
        QCOMPARE(results[0].baseOffset, -1);
        QCOMPARE(log->partitionInfo(tp)->logEndOffset, 0);
        QCOMPARE(log->partitionInfo(tp)->sizeBytes, 0);
        QCOMPARE(results[1].error, ErrorCode::None);
        QCOMPARE(events.lines, QStringList {QStringLiteral("BatchAppended t-1 [0..0] records=1")});
    }

    void logAppendTime()
    {
        auto log = openInMemory();
        QVERIFY(log);
        TopicConfig config;
        config.timestampType = TimestampType::LogAppendTime;
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1, config), ErrorCode::None);
        m_clock.advance(1234);
        const qint64 now = m_clock.nowMs();
        const AppendResult r = log->append(tp, makeBatch(3, 10, 5000, "a", 7));
        QCOMPARE(r.error, ErrorCode::None);
        QCOMPARE(r.logAppendTimeMs, now);

        const FetchResult f = log->read(tp, 0, 1 << 20);
        const auto header = RecordBatch::parseHeader(f.records);
        QVERIFY(header);
        QCOMPARE(header->timestampType(), TimestampType::LogAppendTime);
        QCOMPARE(header->maxTimestamp, now);
        QCOMPARE(RecordBatch::validate(f.records), ErrorCode::None); // CRC recomputed
        for (const Record &record : decodeAll(f.records))
            QCOMPARE(record.timestamp, now);
        QCOMPARE(log->offsetForTimestamp(tp, now).offset, 0);
        QCOMPARE(log->offsetForTimestamp(tp, 5014).offset, 0); // create times no longer count
        QCOMPARE(log->offsetForTimestamp(tp, now + 1).offset, -1);
    }

    void retentionMs()
    {
        auto log = openInMemory();
        QVERIFY(log);
        EventRecorder events(m_events);
        TopicConfig config;
        config.retentionMs = 1000;
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1, config), ErrorCode::None);
        const qint64 now = m_clock.nowMs();
        log->append(tp, makeBatch(2, 10, now - 5000));
        log->append(tp, makeBatch(3, 10, now - 500));
        log->append(tp, makeBatch(1, 10, now));
        const qint64 sizeBefore = log->partitionInfo(tp)->sizeBytes;

        log->enforceRetention();
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 2);
        QCOMPARE(log->partitionInfo(tp)->sizeBytes, sizeBefore - makeBatch(2, 10, now - 5000).size());
        QCOMPARE(log->read(tp, 1, 100).error, ErrorCode::OffsetOutOfRange);
        log->enforceRetention(); // nothing more is due
        m_clock.advance(501);
        log->enforceRetention();
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 5);
        m_clock.advance(1000);
        log->enforceRetention();
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 6);
        QCOMPARE(log->partitionInfo(tp)->logEndOffset, 6);
        QCOMPARE(log->partitionInfo(tp)->sizeBytes, 0);
        QCOMPARE(log->read(tp, 6, 100).error, ErrorCode::None);
        QCOMPARE(log->append(tp, makeBatch(1, 10, m_clock.nowMs())).baseOffset, 6);

        // retention.ms = -1 keeps everything forever.
        config.retentionMs = -1;
        QCOMPARE(log->alterConfig(tp.topic, config), ErrorCode::None);
        m_clock.advance(100LL * 365 * 24 * 3600 * 1000);
        log->enforceRetention();
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 6);

        QStringList deletions = events.lines.filter(QStringLiteral("RecordsDeleted"));
        QCOMPARE(deletions,
            QStringList({QStringLiteral("RecordsDeleted t-0 0->2 retention.ms"),
                QStringLiteral("RecordsDeleted t-0 2->5 retention.ms"),
                QStringLiteral("RecordsDeleted t-0 5->6 retention.ms")}));
    }

    void retentionBytes()
    {
        auto log = openInMemory();
        QVERIFY(log);
        EventRecorder events(m_events);
        const QByteArray batch = makeBatch(4, 50, m_clock.nowMs());
        TopicConfig config;
        config.retentionBytes = batch.size() * 5 / 2; // room for two and a half batches
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 2, config), ErrorCode::None);
        for (int i = 0; i < 5; ++i)
            log->append(tp, batch);
        log->append({tp.topic, 1}, batch);
        log->enforceRetention();
        // Oldest whole batches go while the partition would still hold at least retention.bytes without them
        // (Kafka's rule for segments): 5 batches over a 2.5-batch limit keep 3.
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 8);
        QCOMPARE(log->partitionInfo(tp)->sizeBytes, 3 * batch.size());
        QCOMPARE(baseOffsets(log->read(tp, 8, 1 << 20).records), QStringLiteral("8 12 16"));
        QCOMPARE(log->partitionInfo({tp.topic, 1})->logStartOffset, 0); // per partition
        QCOMPARE(events.lines.filter(QStringLiteral("RecordsDeleted")),
            QStringList({QStringLiteral("RecordsDeleted t-0 0->8 retention.bytes")}));
        log->enforceRetention();
        QCOMPARE(events.lines.filter(QStringLiteral("RecordsDeleted")).size(), 1);
    }

    void deleteRecordsBefore_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<ErrorCode>("expected");
        QTest::addColumn<qint64>("lowWatermark");
        QTest::addColumn<QString>("batchesLeft");
        // Batches [0..4] [5..9] [10..14]; log start already at 3.
        QTest::addRow("inside a batch keeps it") << qint64(7) << ErrorCode::None << qint64(7) << QStringLiteral("5 10");
        QTest::addRow("at a batch boundary") << qint64(10) << ErrorCode::None << qint64(10) << QStringLiteral("10");
        QTest::addRow("-1 means the high watermark") << qint64(-1) << ErrorCode::None << qint64(15) << QString();
        QTest::addRow("the high watermark") << qint64(15) << ErrorCode::None << qint64(15) << QString();
        QTest::addRow("past the high watermark")
            << qint64(16) << ErrorCode::OffsetOutOfRange << qint64(3) << QStringLiteral("0 5 10");
        QTest::addRow("negative") << qint64(-5) << ErrorCode::OffsetOutOfRange << qint64(3) << QStringLiteral("0 5 10");
        QTest::addRow("below log start never moves back")
            << qint64(1) << ErrorCode::None << qint64(3) << QStringLiteral("0 5 10");
    }

    void deleteRecordsBefore()
    {
        QFETCH(qint64, offset);
        QFETCH(ErrorCode, expected);
        QFETCH(qint64, lowWatermark);
        QFETCH(QString, batchesLeft);
        auto log = openInMemory();
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        const QByteArray batch = makeBatch(5);
        for (int i = 0; i < 3; ++i)
            log->append(tp, batch);
        QCOMPARE(log->deleteRecordsBefore(tp, 3), ErrorCode::None);
        EventRecorder events(m_events);

        qint64 low = -99;
        QCOMPARE(log->deleteRecordsBefore(tp, offset, &low), expected);
        QCOMPARE(low, lowWatermark);
        const auto info = log->partitionInfo(tp);
        QCOMPARE(info->logStartOffset, lowWatermark);
        QCOMPARE(info->logEndOffset, 15);
        const int left = batchesLeft.isEmpty() ? 0 : int(batchesLeft.count(QLatin1Char(' '))) + 1;
        QCOMPARE(info->sizeBytes, left * batch.size());
        const FetchResult r = log->read(tp, lowWatermark, 1 << 20);
        QCOMPARE(r.error, ErrorCode::None);
        QCOMPARE(baseOffsets(r.records), batchesLeft);
        QCOMPARE(events.lines,
            lowWatermark == 3
                ? QStringList()
                : QStringList({QStringLiteral("RecordsDeleted t-0 3->%1 DeleteRecords").arg(lowWatermark)}));
        QCOMPARE(log->deleteRecordsBefore({QStringLiteral("x"), 0}, 0), ErrorCode::UnknownTopicOrPartition);
    }

    void reopenGivesIdenticalState()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        StorageOptions options;
        options.dataDir = dir.filePath(QStringLiteral("data/nested")); // created on open
        QString before;
        {
            QString error;
            auto log = LogManager::open(options, m_clock, m_events, &error);
            QVERIFY2(log, qPrintable(error));
            QCOMPARE(log->dataDirectory(), options.dataDir);
            TopicConfig config;
            config.retentionBytes = 123456;
            config.timestampType = TimestampType::LogAppendTime;
            config.maxMessageBytes = 9999;
            QCOMPARE(log->createTopic(QStringLiteral("alpha"), 3, config), ErrorCode::None);
            QCOMPARE(log->createTopic(QStringLiteral("beta"), 1), ErrorCode::None);
            QCOMPARE(log->createTopic(QStringLiteral("gone"), 1), ErrorCode::None);
            for (int i = 0; i < 5; ++i) {
                log->append({QStringLiteral("alpha"), i % 3}, makeBatch(i + 1, 20));
                m_clock.advance(10);
            }
            log->append({QStringLiteral("beta"), 0}, makeBatch(7) + makeBatch(3));
            QCOMPARE(log->deleteRecordsBefore({QStringLiteral("beta"), 0}, 4), ErrorCode::None);
            QCOMPARE(log->deleteTopic(QStringLiteral("gone")), ErrorCode::None);
            QCOMPARE(log->createPartitions(QStringLiteral("beta"), 2), ErrorCode::None);
            before = dump(*log);
        }
        QVERIFY(QFile::exists(options.dataDir + QLatin1String("/topicscope.db")));
        QString error;
        auto log = LogManager::open(options, m_clock, m_events, &error);
        QVERIFY2(log, qPrintable(error));
        QCOMPARE(dump(*log), before);
        QVERIFY(before.contains(QLatin1String("p0 lso=4 leo=10")));
        QCOMPARE(log->read({QStringLiteral("beta"), 0}, 3, 100).error, ErrorCode::OffsetOutOfRange);
        QCOMPARE(log->append({QStringLiteral("beta"), 0}, makeBatch(1)).baseOffset, 10);
    }

    // Topic ids (KIP-516): given at creation, kept across restarts (reopenGivesIdenticalState compares them too),
    // looked up both ways, and new for a topic deleted and created again under the same name.
    void topicIdsAreStableAndNewForARecreatedTopic()
    {
        QTemporaryDir dir;
        StorageOptions options;
        options.dataDir = dir.path();
        TopicId a;
        TopicId firstB;
        TopicId secondB;
        {
            QString error;
            auto log = LogManager::open(options, m_clock, m_events, &error);
            QVERIFY2(log, qPrintable(error));
            QCOMPARE(log->createTopic(QStringLiteral("a"), 1), ErrorCode::None);
            QCOMPARE(log->createTopic(QStringLiteral("b"), 1), ErrorCode::None);
            a = log->topicId(QStringLiteral("a"));
            firstB = log->topicId(QStringLiteral("b"));
            QVERIFY(!a.isNull() && !a.isReserved() && a != firstB);
            QCOMPARE(log->describeTopic(QStringLiteral("a"))->id, a);
            QCOMPARE(log->topicName(a), QStringLiteral("a"));
            QCOMPARE(log->deleteTopic(QStringLiteral("b")), ErrorCode::None);
            QVERIFY(log->topicName(firstB).isEmpty());
            QCOMPARE(log->createTopic(QStringLiteral("b"), 2), ErrorCode::None);
            secondB = log->topicId(QStringLiteral("b"));
            QVERIFY(secondB != firstB && !secondB.isNull());
        }
        QString error;
        auto log = LogManager::open(options, m_clock, m_events, &error);
        QVERIFY2(log, qPrintable(error));
        QCOMPARE(log->topicId(QStringLiteral("a")), a);
        QCOMPARE(log->topicId(QStringLiteral("b")), secondB);
        QCOMPARE(log->topicName(secondB), QStringLiteral("b"));
        QVERIFY(log->topicName(firstB).isEmpty());
        QVERIFY(log->topicId(QStringLiteral("nope")).isNull());
        QVERIFY(log->topicName(TopicId()).isEmpty());
    }

    void secondOpenOfTheSameDirectoryFails()
    {
        QTemporaryDir dir;
        StorageOptions options;
        options.dataDir = dir.path();
        QString error;
        auto first = LogManager::open(options, m_clock, m_events, &error);
        QVERIFY2(first, qPrintable(error));
        auto second = LogManager::open(options, m_clock, m_events, &error);
        QVERIFY(!second);
        QVERIFY2(error.contains(dir.path()) && error.contains(QLatin1String("locked")), qPrintable(error));
    }

    void corruptFileIsRefusedWithItsName_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("cause");
        QTest::addRow("garbage") << QByteArray(70000, 'G') << QStringLiteral("not a database");
        QTest::addRow("text file") << QByteArray("hello, I am not SQLite\n") << QStringLiteral("not a database");
        QByteArray header("SQLite format 3");
        header.append('\0');
        header.append(QByteArray(4080, '\xff'));
        QTest::addRow("SQLite header, garbage body") << header << QStringLiteral("not a database");
    }

    void corruptFileIsRefusedWithItsName()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, cause);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("topicscope.db")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        StorageOptions options;
        options.dataDir = dir.path();
        QString error;
        auto log = LogManager::open(options, m_clock, m_events, &error);
        QVERIFY(!log);
        QVERIFY2(error.contains(file.fileName()), qPrintable(error));
        QVERIFY2(error.contains(cause), qPrintable(error));
    }

    void storageFullFailsThenRecovers()
    {
        QTemporaryDir dir;
        StorageOptions options;
        options.dataDir = dir.path();
        QString error;
        auto log = LogManager::open(options, m_clock, m_events, &error);
        QVERIFY2(log, qPrintable(error));
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 2), ErrorCode::None);
        QCOMPARE(log->append(tp, makeBatch(10, 100, DefaultTimestamp, "before")).error, ErrorCode::None);
        const QString stateBefore = dump(*log);
        EventRecorder events(m_events);

        // Room for one more 16 KiB page, but the call below needs about forty.
        log->setStorageHeadroomForTesting(1);
        std::vector<AppendRequest> requests;
        for (int i = 0; i < 20; ++i)
            requests.push_back({TopicPartition {tp.topic, i % 2}, makeBatch(150, 100, DefaultTimestamp, "full")});
        requests.push_back({TopicPartition {tp.topic, 7}, makeBatch(1)});
        const auto results = log->append(requests);
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(results[size_t(i)].error, ErrorCode::KafkaStorageError);
            QVERIFY2(
                results[size_t(i)].message.contains(QLatin1String("full")), qPrintable(results[size_t(i)].message));
            QCOMPARE(results[size_t(i)].baseOffset, -1);
        }
        QCOMPARE(results.back().error, ErrorCode::UnknownTopicOrPartition); // its own error, not the storage one
        QVERIFY(events.lines.isEmpty());
        QCOMPARE(dump(*log), stateBefore);
        QCOMPARE(log->createTopic(QStringLiteral("wide"), 10000), ErrorCode::KafkaStorageError);
        QCOMPARE(log->partitionCount(QStringLiteral("wide")), -1);

        // Space is back: appends work again and continue at the right offsets.
        log->setStorageHeadroomForTesting(-1);
        const auto retried = log->append(requests);
        QCOMPARE(retried[0].error, ErrorCode::None);
        QCOMPARE(retried[0].baseOffset, 10);
        QCOMPARE(retried[1].baseOffset, 0);
        QCOMPARE(log->partitionInfo(tp)->logEndOffset, 10 + 10 * 150);

        // The same after a restart: nothing acknowledged is lost, nothing refused is there.
        const QString stateAfter = dump(*log);
        log.reset();
        log = LogManager::open(options, m_clock, m_events, &error);
        QVERIFY2(log, qPrintable(error));
        QCOMPARE(dump(*log), stateAfter);
        const std::vector<Record> first = decodeAll(log->read(tp, 0, 1).records);
        QCOMPARE(first.size(), size_t(10));
        QVERIFY(first.front().value->startsWith("before#0:"));
    }

    void readOnlyStorageFailsThenRecovers()
    {
        // Tests run as root here, where chmod does not stop writes; PRAGMA query_only refuses them the same way.
        auto log = openInMemory();
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        QCOMPARE(log->append(tp, makeBatch(3)).error, ErrorCode::None);
        log->setStorageReadOnlyForTesting(true);
        const AppendResult r = log->append(tp, makeBatch(3));
        QCOMPARE(r.error, ErrorCode::KafkaStorageError);
        QVERIFY2(r.message.contains(QLatin1String("readonly")) || r.message.contains(QLatin1String("read-only"))
                || r.message.contains(QLatin1String("query_only")),
            qPrintable(r.message));
        QString why;
        QCOMPARE(log->createTopic(QStringLiteral("u"), 1, {}, &why), ErrorCode::KafkaStorageError);
        QVERIFY(!why.isEmpty());
        QCOMPARE(log->deleteRecordsBefore(tp, 2), ErrorCode::KafkaStorageError);
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 0);
        QCOMPARE(log->deleteTopic(tp.topic), ErrorCode::KafkaStorageError);
        QCOMPARE(log->partitionInfo(tp)->logEndOffset, 3);
        QCOMPARE(log->read(tp, 0, 100).error, ErrorCode::None); // reads still work
        log->setStorageReadOnlyForTesting(false);
        QCOMPARE(log->append(tp, makeBatch(3)).baseOffset, 3);
    }

    void eventsFollowEachStoredBatch()
    {
        auto log = openInMemory();
        QVERIFY(log);
        EventRecorder events(m_events);
        QCOMPARE(log->createTopic(QStringLiteral("t"), 2), ErrorCode::None);
        log->append({{{QStringLiteral("t"), 1}, makeBatch(2) + makeBatch(3)}, {{QStringLiteral("t"), 0}, makeBatch(1)},
            {{QStringLiteral("t"), 1}, makeBatch(4)}});
        QCOMPARE(log->deleteRecordsBefore({QStringLiteral("t"), 1}, 5), ErrorCode::None);
        QCOMPARE(events.lines,
            QStringList({
                QStringLiteral("TopicCreated t partitions=2"),
                QStringLiteral("BatchAppended t-1 [0..1] records=2"),
                QStringLiteral("BatchAppended t-1 [2..4] records=3"),
                QStringLiteral("BatchAppended t-0 [0..0] records=1"),
                QStringLiteral("BatchAppended t-1 [5..8] records=4"),
                QStringLiteral("RecordsDeleted t-1 0->5 DeleteRecords"),
            }));
    }

    void deletingATopicDeletesItsCommittedOffsets()
    {
        auto log = openInMemory();
        QVERIFY(log);
        QCOMPARE(log->createTopic(QStringLiteral("a"), 1), ErrorCode::None);
        QCOMPARE(log->createTopic(QStringLiteral("b"), 1), ErrorCode::None);
        OffsetStore &offsets = log->offsetStore();
        QCOMPARE(offsets.saveOffsets(QStringLiteral("g"),
                     {CommittedOffset {{QStringLiteral("a"), 0}, 5, -1, QString(), 1},
                         CommittedOffset {{QStringLiteral("b"), 0}, 7, -1, QString(), 1}}),
            ErrorCode::None);
        QCOMPARE(log->deleteTopic(QStringLiteral("a")), ErrorCode::None);
        const auto loaded = offsets.loadOffsets();
        QCOMPARE(loaded.value(QStringLiteral("g")).size(), size_t(1));
        QCOMPARE(loaded.value(QStringLiteral("g")).front().topicPartition.topic, QStringLiteral("b"));
    }
};

QTEST_GUILESS_MAIN(TestLogManager)
#include "tst_logmanager.moc"
