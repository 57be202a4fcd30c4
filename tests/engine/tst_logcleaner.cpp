// The log cleaner (LogManager::clean, cleanPartition): compaction in place as Kafka's LogCleaner does it. Offsets are
// kept, superseded and keyless records dropped, tombstones kept for delete.retention.ms, the active segment never
// touched, emptied segments deleted, the dirty ratio respected; cleanup.policy parsed and applied (retention leaves a
// compact-only topic alone); an interrupted segment swap finished or discarded at start.

#include "core/clock.h"
#include "core/events.h"
#include "disklogbase.h"
#include "log/logmanager.h"
#include "logtesthelpers.h"
#include "storage/segmentlog.h"
#include "wire/configcatalog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>

using namespace topicscope::engine;
using namespace topicscope::engine::logtest;

namespace {

const QString Topic = QStringLiteral("prices");

// One batch of records "key=value" (a value "-" is a tombstone, a key "" a record without a key), all at timestamp.
QByteArray keyedBatch(const QStringList &records, qint64 timestamp = DefaultTimestamp)
{
    std::vector<Record> built;
    for (const QString &text : records) {
        Record r;
        r.timestamp = timestamp;
        const QString key = text.section(QLatin1Char('='), 0, 0);
        const QString value = text.section(QLatin1Char('='), 1);
        if (!key.isEmpty())
            r.key = key.toUtf8();
        if (value != QLatin1String("-"))
            r.value = value.toUtf8();
        built.push_back(std::move(r));
    }
    return RecordBatch::build(0, built);
}

QByteArray keyedBatch(std::initializer_list<const char *> records, qint64 timestamp = DefaultTimestamp)
{
    QStringList texts;
    for (const char *r : records)
        texts << QString::fromLatin1(r);
    return keyedBatch(texts, timestamp);
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromLatin1(item);
    return out;
}

// Every record of the partition from its log start, "offset:key=value" ("-" for a null value), and the batches as
// "base..last" in *batches.
QStringList readAll(const LogManager &log, const TopicPartition &tp, QStringList *batches = nullptr)
{
    QStringList out;
    const std::optional<PartitionInfo> info = log.partitionInfo(tp);
    qint64 next = info->logStartOffset;
    while (next < info->logEndOffset) {
        const FetchResult fetched = log.read(tp, next, 1 << 20);
        if (fetched.error != ErrorCode::None || fetched.records.isEmpty()) {
            out << QStringLiteral("read error %1 at %2").arg(static_cast<int>(fetched.error)).arg(next);
            break;
        }
        for (QByteArrayView view : RecordBatch::split(fetched.records)) {
            if (RecordBatch::validate(view) != ErrorCode::None)
                out << QStringLiteral("invalid batch");
            const RecordBatchHeader header = *RecordBatch::parseHeader(view);
            if (header.lastOffset() < next)
                continue;
            if (batches)
                *batches << QStringLiteral("%1..%2").arg(header.baseOffset).arg(header.lastOffset());
            std::vector<Record> records;
            RecordBatch::decode(view, &records);
            for (const Record &r : records) {
                out << QStringLiteral("%1:%2=%3")
                           .arg(r.offset)
                           .arg(QString::fromUtf8(r.key.value_or(QByteArray())),
                               r.value ? QString::fromUtf8(*r.value) : QStringLiteral("-"));
            }
            next = header.lastOffset() + 1;
        }
    }
    return out;
}

TopicConfig compacted(qint64 segmentBytes = 1LL << 30)
{
    TopicConfig config;
    config.cleanupCompact = true;
    config.cleanupDelete = false;
    config.segmentBytes = segmentBytes;
    return config;
}

} // namespace

class TestLogCleaner : public QObject, private DiskLogBase {
    Q_OBJECT

    const TopicPartition m_tp {Topic, 0};

    // Five batches of two records, two batches per segment: segments 0 and 4 closed, 8 active.
    void fillFiveBatches(LogManager &log, const QString &topic = Topic)
    {
        const TopicPartition tp {topic, 0};
        const qint64 batchBytes = keyedBatch({"a=1", "b=1"}).size();
        QCOMPARE(log.createTopic(topic, 1, compacted(2 * batchBytes)), ErrorCode::None);
        QCOMPARE(log.append(tp, keyedBatch({"a=1", "b=1"})).error, ErrorCode::None);
        QCOMPARE(log.append(tp, keyedBatch({"c=1", "d=1"})).error, ErrorCode::None);
        QCOMPARE(log.append(tp, keyedBatch({"a=2", "b=2"})).error, ErrorCode::None);
        QCOMPARE(log.append(tp, keyedBatch({"c=2", "e=1"})).error, ErrorCode::None);
        QCOMPARE(log.append(tp, keyedBatch({"a=3", "d=2"})).error, ErrorCode::None);
        QCOMPARE(log.segmentBaseOffsets(tp), std::vector<qint64>({0, 4, 8}));
    }

    static QString partitionDir(const StorageOptions &options)
    {
        return QDir(options.dataDir).filePath(SegmentLog::directoryName(Topic, 0));
    }

    // Nine batches of two records "kN=v", keys and values of one size so two batches fill a segment: segments 0, 4, 8
    // and 12 closed, 16 active. Keys k0..k5 come in segments 0 and 4, again in 8, and k0, k2, k6, k7 in 12.
    void fillNineBatches(LogManager &log, double minCleanableDirtyRatio = 0.5)
    {
        TopicConfig config = compacted(2 * keyedBatch({"k0=1", "k1=1"}).size());
        config.minCleanableDirtyRatio = minCleanableDirtyRatio;
        QCOMPARE(log.createTopic(Topic, 1, config), ErrorCode::None);
        for (const auto &records : std::vector<std::vector<const char *>> {{"k0=1", "k1=1"}, {"k2=1", "k3=1"},
                 {"k4=1", "k5=1"}, {"k0=2", "k1=2"}, {"k2=2", "k3=2"}, {"k4=2", "k5=2"}, {"k0=3", "k6=1"},
                 {"k7=1", "k2=3"}, {"k1=3", "k8=1"}}) {
            QStringList texts;
            for (const char *r : records)
                texts << QString::fromLatin1(r);
            QCOMPARE(log.append(m_tp, keyedBatch(texts)).error, ErrorCode::None);
        }
        QCOMPARE(log.segmentBaseOffsets(m_tp), std::vector<qint64>({0, 4, 8, 12, 16}));
    }

    // clean() until nothing is in the cleaner thread's hands (at once when cleaning inline); *cleaned counts the
    // partitions cleaned.
    static void cleanAll(LogManager &log, int *cleaned)
    {
        *cleaned = 0;
        QTRY_VERIFY((*cleaned += log.clean(), !log.cleaningInProgress()));
    }

    std::unique_ptr<LogManager> memoryLog()
    {
        StorageOptions options;
        options.inMemory = true;
        return open(options);
    }

private Q_SLOTS:
    void cleanupPolicyParses()
    {
        TopicConfig config;
        QCOMPARE(config.toKafkaConfigs().value(QStringLiteral("cleanup.policy")), QStringLiteral("delete"));
        QCOMPARE(config.applyKafkaConfigs({{QStringLiteral("cleanup.policy"), QStringLiteral("delete, compact")}}),
            ErrorCode::None);
        QVERIFY(config.cleanupCompact && config.cleanupDelete);
        QCOMPARE(config.toKafkaConfigs().value(QStringLiteral("cleanup.policy")), QStringLiteral("compact,delete"));
        QCOMPARE(
            config.applyKafkaConfigs({{QStringLiteral("cleanup.policy"), QStringLiteral("compact")}}), ErrorCode::None);
        QVERIFY(config.cleanupCompact && !config.cleanupDelete);
        QString why;
        for (const char *bad : {"", "compaction", "compact,compact", "delete,"}) {
            TopicConfig before = config;
            QCOMPARE(config.applyKafkaConfigs({{QStringLiteral("cleanup.policy"), QString::fromLatin1(bad)}}, &why),
                ErrorCode::InvalidConfig);
            QVERIFY2(why.contains(QStringLiteral("cleanup.policy")), qPrintable(why));
            QCOMPARE(config, before);
        }
        QCOMPARE(config.applyKafkaConfigs({{QStringLiteral("min.cleanable.dirty.ratio"), QStringLiteral("1.5")}}),
            ErrorCode::InvalidConfig);
        QCOMPARE(config.applyKafkaConfigs({{QStringLiteral("delete.retention.ms"), QStringLiteral("60000")},
                     {QStringLiteral("min.cleanable.dirty.ratio"), QStringLiteral("0.1")}}),
            ErrorCode::None);
        QCOMPARE(config.deleteRetentionMs, 60000);
        QCOMPARE(config.minCleanableDirtyRatio, 0.1);

        // IncrementalAlterConfigs: cleanup.policy is Kafka's one LIST setting of a topic, so APPEND and SUBTRACT work.
        using Op = wire::IncrementalAlterConfigsRequestData::Operation;
        QMap<QString, QString> settings = TopicConfig {}.toKafkaConfigs();
        wire::IncrementalAlterConfigsRequestData::Config append;
        append.name = QStringLiteral("cleanup.policy");
        append.configOperation = Op::Append;
        append.value = QStringLiteral("compact");
        QCOMPARE(wire::ConfigCatalog::applyIncremental(settings, QList {append, append}, nullptr), ErrorCode::None);
        QCOMPARE(settings.value(QStringLiteral("cleanup.policy")), QStringLiteral("delete,compact"));
        wire::IncrementalAlterConfigsRequestData::Config subtract = append;
        subtract.configOperation = Op::Subtract;
        subtract.value = QStringLiteral("delete");
        QCOMPARE(wire::ConfigCatalog::applyIncremental(settings, QList {subtract}, nullptr), ErrorCode::None);
        QCOMPARE(settings.value(QStringLiteral("cleanup.policy")), QStringLiteral("compact"));
        subtract.name = QStringLiteral("retention.ms");
        QCOMPARE(wire::ConfigCatalog::applyIncremental(settings, QList {subtract}, nullptr), ErrorCode::InvalidConfig);
    }

    void inMemoryKeepsTheNewestOfEachKeyAtItsOffset()
    {
        auto log = memoryLog();
        QVERIFY(log);
        QCOMPARE(log->createTopic(Topic, 1, compacted()), ErrorCode::None);
        const TopicPartition tp {Topic, 0};
        QCOMPARE(log->append(tp, keyedBatch({"a=1", "b=1", "c=1"})).error, ErrorCode::None); // 0..2
        // A record without a key is refused, as Kafka's LogValidator refuses it on a compacted topic.
        const AppendResult keyless = log->append(tp, keyedBatch({"a=2", "=keyless"}));
        QCOMPARE(keyless.error, ErrorCode::InvalidRecord);
        QVERIFY2(keyless.message.contains(QStringLiteral("without key")), qPrintable(keyless.message));
        QCOMPARE(log->append(tp, keyedBatch({"a=2", "b=0"})).error, ErrorCode::None); // 3..4
        QCOMPARE(log->append(tp, keyedBatch({"b=2", "a=3"})).error, ErrorCode::None); // 5..6
        // The last batch stands in for the active segment: never cleaned.
        QCOMPARE(log->append(tp, keyedBatch({"c=2"})).error, ErrorCode::None); // 7
        const qint64 sizeBefore = log->partitionInfo(tp)->sizeBytes;

        QList<LogCleaned> published;
        const int subscription = m_events.subscribe([&](const Event &e) {
            if (const auto *cleaned = std::get_if<LogCleaned>(&e))
                published.append(*cleaned);
        });
        const LogManager::CleanReport report = log->cleanPartition(tp);
        m_events.unsubscribe(subscription);
        QCOMPARE(report.error, ErrorCode::None);
        QVERIFY(report.cleaned);
        QCOMPARE(report.recordsRead, 7);
        QCOMPARE(report.recordsKept, 3);
        // Observers (the window's snapshots) hear of it.
        QCOMPARE(published.size(), 1);
        QCOMPARE(published[0].topic, Topic);
        QCOMPARE(published[0].recordsKept, 3);
        QCOMPARE(published[0].bytesAfter, report.bytesAfter);
        QStringList batches;
        // c=1 stays: its newer record is in the last batch, which the cleaner does not look at.
        QCOMPARE(readAll(*log, tp, &batches), strings({"2:c=1", "5:b=2", "6:a=3", "7:c=2"}));
        // The first batch keeps its range (0..2) with one record left; the second lost everything and is gone.
        QCOMPARE(batches, strings({"0..2", "5..6", "7..7"}));
        const PartitionInfo info = *log->partitionInfo(tp);
        QCOMPARE(info.logStartOffset, 0);
        QCOMPARE(info.logEndOffset, 8);
        QVERIFY2(info.sizeBytes < sizeBefore, qPrintable(QString::number(info.sizeBytes)));
        QCOMPARE(sizeBefore - info.sizeBytes, report.bytesBefore - report.bytesAfter);
        // A fetch from an offset whose batch went starts at the next batch, never before it.
        const FetchResult fromGap = log->read(tp, 3, 1 << 20);
        QCOMPARE(fromGap.error, ErrorCode::None);
        QCOMPARE(RecordBatch::parseHeader(fromGap.records)->baseOffset, 5);
        // Nothing new written: the next pass finds nothing dirty.
        QCOMPARE(log->clean(), 0);
        // New writes continue after the old end.
        QCOMPARE(log->append(tp, keyedBatch({"c=3"})).baseOffset, 8);
    }

    void tombstonesStayForDeleteRetention()
    {
        auto log = memoryLog();
        QVERIFY(log);
        TopicConfig config = compacted();
        config.deleteRetentionMs = 60'000;
        QCOMPARE(log->createTopic(Topic, 1, config), ErrorCode::None);
        const TopicPartition tp {Topic, 0};
        QCOMPARE(log->append(tp, keyedBatch({"a=1", "b=1"}, m_clock.nowMs())).error, ErrorCode::None);
        QCOMPARE(log->append(tp, keyedBatch({"a=-"}, m_clock.nowMs())).error, ErrorCode::None);
        QCOMPARE(log->append(tp, keyedBatch({"c=1"}, m_clock.nowMs())).error, ErrorCode::None);
        QCOMPARE(log->clean(), 1);
        QCOMPARE(readAll(*log, tp), strings({"1:b=1", "2:a=-", "3:c=1"}));
        m_clock.advance(59'999);
        QCOMPARE(log->clean(), 0); // not dirty, and the tombstone is not due yet
        QCOMPARE(readAll(*log, tp), strings({"1:b=1", "2:a=-", "3:c=1"}));
        m_clock.advance(1);
        QCOMPARE(log->clean(), 1); // nothing dirty, but the tombstone has done its work
        QCOMPARE(readAll(*log, tp), strings({"1:b=1", "3:c=1"}));
        QCOMPARE(log->partitionInfo(tp)->logEndOffset, 4);
    }

    void theDirtyRatioDecides()
    {
        auto log = memoryLog();
        QVERIFY(log);
        TopicConfig config = compacted();
        config.minCleanableDirtyRatio = 0.55;
        QCOMPARE(log->createTopic(Topic, 1, config), ErrorCode::None);
        const TopicPartition tp {Topic, 0};
        for (int i = 0; i < 4; ++i)
            QCOMPARE(log->append(tp, keyedBatch({QStringLiteral("k%1=v").arg(i)})).error, ErrorCode::None);
        QCOMPARE(log->clean(), 0); // all dirty, but nothing superseded: read, nothing rewritten
        // Batches of one size, the last never cleanable: after k0=w the dirty share is 1 of 4 batches (k3=v), after
        // k1=w and k2=w 3 of 6, after k3=w 4 of 7 (0.57 >= 0.55).
        QCOMPARE(log->append(tp, keyedBatch({"k0=w"})).error, ErrorCode::None);
        QCOMPARE(log->clean(), 0);
        for (int i = 1; i <= 2; ++i)
            QCOMPARE(log->append(tp, keyedBatch({QStringLiteral("k%1=w").arg(i)})).error, ErrorCode::None);
        QCOMPARE(log->clean(), 0);
        QCOMPARE(readAll(*log, tp).size(), 7);
        QCOMPARE(log->append(tp, keyedBatch({"k3=w"})).error, ErrorCode::None);
        QCOMPARE(log->clean(), 1);
        QCOMPARE(readAll(*log, tp), strings({"3:k3=v", "4:k0=w", "5:k1=w", "6:k2=w", "7:k3=w"}));
    }

    void retentionLeavesACompactOnlyTopicAlone()
    {
        auto log = memoryLog();
        QVERIFY(log);
        TopicConfig config = compacted();
        config.retentionMs = 1;
        QCOMPARE(log->createTopic(Topic, 1, config), ErrorCode::None);
        config.cleanupDelete = true;
        QCOMPARE(log->createTopic(QStringLiteral("both"), 1, config), ErrorCode::None);
        for (const QString &name : {Topic, QStringLiteral("both")})
            QCOMPARE(log->append({name, 0}, keyedBatch({"a=1"}, m_clock.nowMs() - 10'000)).error, ErrorCode::None);
        log->enforceRetention();
        QCOMPARE(log->partitionInfo({Topic, 0})->logStartOffset, 0);
        QCOMPARE(log->partitionInfo({QStringLiteral("both"), 0})->logStartOffset, 1);
    }

    void onDiskCleansClosedSegmentsInPlace()
    {
        const StorageOptions options = freshOptions();
        const TopicPartition tp {Topic, 0};
        const QString dir = partitionDir(options);
        QStringList expected;
        {
            auto log = open(options);
            QVERIFY(log);
            fillFiveBatches(*log);
            const QByteArray activeBefore = [&] {
                QFile f(dir + QStringLiteral("/00000000000000000008.log"));
                return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            }();

            const LogManager::CleanReport report = log->cleanPartition(tp);
            QCOMPARE(report.error, ErrorCode::None);
            QVERIFY(report.cleaned);
            QCOMPARE(report.recordsRead, 8); // the active segment is not read
            // Segment 0 keeps only d=1 (a, b and c have newer records in segment 4): its second batch is rewritten in
            // place (offsets 2..3, one record), its first dropped. Segment 4 loses nothing and is not rewritten. The
            // active segment's a=3 and d=2 are not looked at, so a=2 and d=1 stay.
            expected = strings({"3:d=1", "4:a=2", "5:b=2", "6:c=2", "7:e=1", "8:a=3", "9:d=2"});
            QCOMPARE(readAll(*log, tp), expected);
            QCOMPARE(log->segmentBaseOffsets(tp), std::vector<qint64>({0, 4, 8}));
            QFile active(dir + QStringLiteral("/00000000000000000008.log"));
            QVERIFY(active.open(QIODevice::ReadOnly));
            QCOMPARE(active.readAll(), activeBefore);
            QVERIFY(QDir(dir).entryList({QStringLiteral("*.cleaned")}, QDir::Files).isEmpty());

            // Segment 8 fills and closes; then segment 0 has nothing left (d=1 superseded) and is deleted.
            QCOMPARE(log->append(tp, keyedBatch({"d=3", "f=1"})).error, ErrorCode::None); // 10..11, segment 8
            QCOMPARE(log->append(tp, keyedBatch({"g=1", "h=1"})).error, ErrorCode::None); // 12..13, segment 12
            QVERIFY(log->cleanPartition(tp).cleaned);
            QCOMPARE(log->segmentBaseOffsets(tp), std::vector<qint64>({4, 8, 12}));
            QVERIFY(!QFile::exists(dir + QStringLiteral("/00000000000000000000.log")));
            expected = strings({"5:b=2", "6:c=2", "7:e=1", "8:a=3", "10:d=3", "11:f=1", "12:g=1", "13:h=1"});
            QCOMPARE(readAll(*log, tp), expected);
            QCOMPARE(log->partitionInfo(tp)->logStartOffset, 0);
        }
        // What was cleaned is what a restart reads.
        auto log = open(options);
        QVERIFY(log);
        QCOMPARE(readAll(*log, tp), expected);
        QCOMPARE(log->segmentBaseOffsets(tp), std::vector<qint64>({4, 8, 12}));
    }

    // A disk that refuses the cleaned file (read-only, then full: the storage fault seam) fails the cleaning with
    // KAFKA_STORAGE_ERROR and leaves the partition and its files as they were, no ".cleaned" file behind; once the disk
    // takes writes again, the same cleaning succeeds.
    void aDiskThatRefusesTheCleanedFileLeavesThePartitionAsItWas()
    {
        const StorageOptions options = freshOptions();
        const TopicPartition tp {Topic, 0};
        const QString dir = partitionDir(options);
        auto log = open(options);
        QVERIFY(log);
        fillFiveBatches(*log);
        const QStringList before = readAll(*log, tp);
        const std::vector<qint64> segmentsBefore = log->segmentBaseOffsets(tp);
        const auto segmentBytes = [&] {
            QByteArray all;
            for (const QString &name : QDir(dir).entryList({QStringLiteral("*.log")}, QDir::Files, QDir::Name)) {
                QFile f(dir + QLatin1Char('/') + name);
                all += f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("unreadable");
            }
            return all;
        };
        const QByteArray bytesBefore = segmentBytes();

        // The cleaned file is what fails (not the index commit after it), and the warning says why.
        log->setStorageReadOnlyForTesting(true);
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(QStringLiteral("^cleaner: cannot create .*\\.log\\.cleaned: read-only file system")));
        QCOMPARE(log->cleanPartition(tp).error, ErrorCode::KafkaStorageError);
        log->setStorageReadOnlyForTesting(false);
        log->setStorageHeadroomForTesting(0); // full: not one byte more
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("^cleaner: cannot write .*\\.log\\.cleaned: disk full")));
        QCOMPARE(log->cleanPartition(tp).error, ErrorCode::KafkaStorageError);
        log->setStorageHeadroomForTesting(-1);
        QCOMPARE(readAll(*log, tp), before);
        QCOMPARE(log->segmentBaseOffsets(tp), segmentsBefore);
        QCOMPARE(segmentBytes(), bytesBefore);
        QVERIFY(QDir(dir).entryList({QStringLiteral("*.cleaned")}, QDir::Files).isEmpty());

        const LogManager::CleanReport report = log->cleanPartition(tp);
        QCOMPARE(report.error, ErrorCode::None);
        QVERIFY(report.cleaned);
        QCOMPARE(readAll(*log, tp), strings({"3:d=1", "4:a=2", "5:b=2", "6:c=2", "7:e=1", "8:a=3", "9:d=2"}));
    }

    // The live engine's cleaner thread (StorageOptions::cleanerThread) cleans what the caller's thread would: clean()
    // hands the partition over and returns at once, the partition unchanged until a later clean() commits the result.
    void theCleanerThreadCleansWhatTheCallerWould()
    {
        QStringList cleanedHere;
        for (const bool onThread : {false, true}) {
            StorageOptions options = freshOptions();
            options.cleanerThread = onThread;
            auto log = open(options);
            QVERIFY(log);
            fillFiveBatches(*log);
            const QStringList before = readAll(*log, m_tp);
            if (!onThread) {
                QCOMPARE(log->clean(), 1);
                QVERIFY(!log->cleaningInProgress());
                cleanedHere = readAll(*log, m_tp);
                QVERIFY(cleanedHere != before);
                continue;
            }
            QCOMPARE(log->clean(), 0);
            QVERIFY(log->cleaningInProgress());
            QCOMPARE(readAll(*log, m_tp), before); // nothing changes before the commit, here on this thread
            int cleaned = 0;
            QTRY_VERIFY((cleaned += log->clean(), !log->cleaningInProgress()));
            QCOMPARE(cleaned, 1);
            QCOMPARE(readAll(*log, m_tp), cleanedHere);
            QVERIFY(QDir(partitionDir(options)).entryList({QStringLiteral("*.cleaned")}, QDir::Files).isEmpty());
            QCOMPARE(log->clean(), 0); // clean now: nothing handed over
            QVERIFY(!log->cleaningInProgress());
        }
    }

    // A partition that changes while the thread cleans it (here its log start moves past segment 0, which the thread
    // was rewriting) is not committed: the cleaned files go, and a later pass looks at it again as it is then.
    void aPartitionChangedMeanwhileIsCleanedAgainLater()
    {
        StorageOptions options = freshOptions();
        options.cleanerThread = true;
        auto log = open(options);
        QVERIFY(log);
        fillFiveBatches(*log);
        QCOMPARE(log->clean(), 0);
        QVERIFY(log->cleaningInProgress());
        QCOMPARE(log->deleteRecordsBefore(m_tp, 4), ErrorCode::None);
        QCOMPARE(log->segmentBaseOffsets(m_tp), std::vector<qint64>({4, 8}));
        int cleaned = 0;
        QTRY_VERIFY((cleaned += log->clean(), !log->cleaningInProgress()));
        // The stale result dropped; handed over again, segment 4 loses nothing (a=3 and d=2 are in the active one).
        QCOMPARE(cleaned, 0);
        QCOMPARE(readAll(*log, m_tp), strings({"4:a=2", "5:b=2", "6:c=2", "7:e=1", "8:a=3", "9:d=2"}));
        QVERIFY(QDir(partitionDir(options)).entryList({QStringLiteral("*.cleaned")}, QDir::Files).isEmpty());

        // Deleting the topic waits for the thread, which may be writing into its directory.
        fillFiveBatches(*log, QStringLiteral("other"));
        QCOMPARE(log->clean(), 0);
        QVERIFY(log->cleaningInProgress());
        QCOMPARE(log->deleteTopic(QStringLiteral("other")), ErrorCode::None);
        QVERIFY(!log->cleaningInProgress());
        QVERIFY(!QDir(QDir(options.dataDir).filePath(SegmentLog::directoryName(QStringLiteral("other"), 0))).exists());
    }

    // A segment's cleaned file starts at its first change, with a copy of the batches before it: at a batch rewritten
    // (segment 4: c=2, d=2 copied, then e=1 dropped from the next) or at the end (segment 0: a=1, b=1 copied, the
    // batch after them dropped whole). What a restart reads is the same.
    void aSegmentIsRewrittenFromItsFirstChange()
    {
        const StorageOptions options = freshOptions();
        const qint64 batchBytes = keyedBatch({"a=1", "b=1"}).size();
        QStringList batches;
        const QStringList expected = strings({"0:a=1", "1:b=1", "4:c=2", "5:d=2", "7:e=2", "8:g=1", "9:h=1"});
        {
            auto log = open(options);
            QVERIFY(log);
            QCOMPARE(log->createTopic(Topic, 1, compacted(2 * batchBytes)), ErrorCode::None);
            for (const QStringList &records : {strings({"a=1", "b=1"}), strings({"c=1", "d=1"}),
                     strings({"c=2", "d=2"}), strings({"e=1", "e=2"}), strings({"g=1", "h=1"})})
                QCOMPARE(log->append(m_tp, keyedBatch(records)).error, ErrorCode::None);
            QCOMPARE(log->segmentBaseOffsets(m_tp), std::vector<qint64>({0, 4, 8}));
            const LogManager::CleanReport report = log->cleanPartition(m_tp);
            QVERIFY(report.cleaned);
            QCOMPARE(report.recordsKept, 5);
            QCOMPARE(readAll(*log, m_tp, &batches), expected);
            QCOMPARE(batches, strings({"0..1", "4..5", "6..7", "8..9"}));
            QCOMPARE(QFileInfo(partitionDir(options) + QStringLiteral("/00000000000000000000.log")).size(), batchBytes);
        }
        auto log = open(options);
        QVERIFY(log);
        QCOMPARE(readAll(*log, m_tp), expected);
    }

    // A key map with too little room for the dirty range (StorageOptions::cleanerKeyMapBytes): the cleaning covers the
    // segments whose keys fit and stops at the next one's base; the next pass cleans the rest, even below
    // min.cleanable.dirty.ratio; the end result is what one cleaning with room for every key makes.
    void aFullKeyMapCleansAPrefixAndTheNextPassTheRest_data()
    {
        QTest::addColumn<bool>("onThread");
        QTest::addRow("inline") << false;
        QTest::addRow("cleaner thread") << true;
    }
    void aFullKeyMapCleansAPrefixAndTheNextPassTheRest()
    {
        QFETCH(bool, onThread);
        QStringList reference;
        {
            auto log = open(freshOptions());
            QVERIFY(log);
            fillNineBatches(*log);
            const LogManager::CleanReport report = log->cleanPartition(m_tp);
            QVERIFY(report.cleaned);
            QCOMPARE(report.rangeEnd, 16);
            QCOMPARE(report.recordsRead, 16);
            QCOMPARE(report.recordsKept, 8);
            reference = readAll(*log, m_tp);
        }
        QCOMPARE(reference,
            strings({"7:k1=2", "9:k3=2", "10:k4=2", "11:k5=2", "12:k0=3", "13:k6=1", "14:k7=1", "15:k2=3", "16:k1=3",
                "17:k8=1"}));

        StorageOptions options = freshOptions();
        options.cleanerThread = onThread;
        // Room for 8 keys of 2 bytes (each entry is counted as its key and 96 bytes). The map takes segment 0 (k0..k3)
        // and 4 (k4, k5, and k0, k1 again: 8 entries while it is read apart), not segment 8 (k2..k5 again: 10).
        options.cleanerKeyMapBytes = 8 * (2 + 96);
        auto log = open(options);
        QVERIFY(log);
        // So high a ratio that only the cut-short mark gets the second pass going (4 dirty batches of 7).
        fillNineBatches(*log, 0.9);
        QList<LogCleaned> published;
        const int subscription = m_events.subscribe([&](const Event &e) {
            if (const auto *cleaned = std::get_if<LogCleaned>(&e))
                published.append(*cleaned);
        });
        auto unsubscribe = qScopeGuard([&] { m_events.unsubscribe(subscription); }); // also when a check fails
        if (onThread) {
            int cleaned = 0;
            cleanAll(*log, &cleaned);
            QCOMPARE(cleaned, 2); // the thread is handed the rest as soon as the first part is committed
        } else {
            const LogManager::CleanReport first = log->cleanPartition(m_tp);
            QCOMPARE(first.error, ErrorCode::None);
            QVERIFY(first.cleaned);
            QCOMPARE(first.rangeEnd, 8); // segment 8's base, before the active segment's
            QCOMPARE(first.bytesBefore, qint64(4 * keyedBatch({"k0=1", "k1=1"}).size()));
            // Segment 0 keeps k2=1 and k3=1 (k0 and k1 have newer records in segment 4), segment 4 all.
            QCOMPARE(
                readAll(*log, m_tp).mid(0, 6), strings({"2:k2=1", "3:k3=1", "4:k4=1", "5:k5=1", "6:k0=2", "7:k1=2"}));
            QCOMPARE(log->segmentBaseOffsets(m_tp), std::vector<qint64>({0, 4, 8, 12, 16}));
            QCOMPARE(log->clean(), 1);
        }
        unsubscribe.dismiss();
        m_events.unsubscribe(subscription);
        QCOMPARE(published.size(), 2);
        QCOMPARE(published[0].recordsRead, 8);
        QCOMPARE(published[0].recordsKept, 6);
        // The second maps segments 8 and 12 (k2..k5, then k0, k6, k7, k2: 8 entries) and cleans 0..15 against that:
        // segment 0 is left empty, 4 keeps k1=2, 8 all but k2=2, 12 all.
        QCOMPARE(published[1].recordsRead, 14);
        QCOMPARE(published[1].recordsKept, 8);
        QCOMPARE(readAll(*log, m_tp), reference);
        QCOMPARE(log->segmentBaseOffsets(m_tp), std::vector<qint64>({4, 8, 12, 16}));
        int cleanedAfter = -1;
        cleanAll(*log, &cleanedAfter);
        QCOMPARE(cleanedAfter, 0); // nothing dirty is left
        QVERIFY(QDir(partitionDir(options)).entryList({QStringLiteral("*.cleaned")}, QDir::Files).isEmpty());
    }

    // A first dirty segment whose keys alone fill the map is mapped up to the batch that filled it and cleaned against
    // that (each pass makes progress); the rest of it and the segments after it are cleaned by the next passes.
    void aSegmentAloneFillingTheKeyMapStillMakesProgress()
    {
        StorageOptions options = freshOptions();
        options.cleanerKeyMapBytes = 3 * (2 + 96); // less than one segment's 4 keys
        auto log = open(options);
        QVERIFY(log);
        fillNineBatches(*log);
        const LogManager::CleanReport first = log->cleanPartition(m_tp);
        QCOMPARE(first.error, ErrorCode::None);
        // k0..k3 mapped (the batch that passed the budget included): nothing of segment 0 is superseded within it.
        QVERIFY(!first.cleaned);
        QCOMPARE(first.rangeEnd, 4);
        QCOMPARE(first.recordsRead, 4);
        // Then segment 4 is mapped up to offset 8 (k4, k5, k0, k1), 8 up to 12 and 12 whole, each pass dropping
        // what the keys mapped supersede.
        for (int pass = 0; pass < 3; ++pass)
            QCOMPARE(log->clean(), 1);
        QCOMPARE(log->clean(), 0);
        QCOMPARE(readAll(*log, m_tp),
            strings({"7:k1=2", "9:k3=2", "10:k4=2", "11:k5=2", "12:k0=3", "13:k6=1", "14:k7=1", "15:k2=3", "16:k1=3",
                "17:k8=1"}));
    }

    // The cleaner's memory does not grow with the range: 40 MiB of closed segments, values that compress nothing,
    // cleaned while holding (by its own count) less than 16 MiB: one 4 MiB read run, one batch decoded and rewritten,
    // the key map and the batch positions. What it keeps is the newest record of each key, at its offset.
    void theCleanerHoldsABoundedAmountWhateverTheRange()
    {
        constexpr int ValueBytes = 32 << 10;
        constexpr int RecordsPerBatch = 8;
        constexpr int Batches = 160; // 40 MiB
        constexpr int Keys = 100;
        StorageOptions options = freshOptions();
        auto log = open(options);
        QVERIFY(log);
        QCOMPARE(log->createTopic(Topic, 1, compacted(4 << 20)), ErrorCode::None);
        QRandomGenerator random(42);
        std::map<QByteArray, std::pair<qint64, QByteArray>> newest; // key -> offset, digest, up to the active segment
        std::vector<std::pair<QByteArray, QByteArray>> written; // by offset: key, digest
        const auto digest = [](const QByteArray &value) {
            return QCryptographicHash::hash(value, QCryptographicHash::Sha1).toHex().left(12);
        };
        for (int b = 0; b < Batches; ++b) {
            std::vector<Record> records;
            for (int r = 0; r < RecordsPerBatch; ++r) {
                Record record;
                record.timestamp = DefaultTimestamp;
                record.key = QByteArray("key") + QByteArray::number(random.bounded(Keys));
                QByteArray value(ValueBytes, Qt::Uninitialized);
                random.fillRange(reinterpret_cast<quint32 *>(value.data()), ValueBytes / 4);
                written.emplace_back(*record.key, digest(value));
                record.value = std::move(value);
                records.push_back(std::move(record));
            }
            QCOMPARE(log->append(m_tp, RecordBatch::build(0, records)).error, ErrorCode::None);
        }
        const std::vector<qint64> segments = log->segmentBaseOffsets(m_tp);
        QVERIFY2(segments.size() >= 9, qPrintable(QString::number(segments.size())));
        const qint64 activeBase = segments.back();
        QStringList expected;
        for (qint64 offset = 0; offset < static_cast<qint64>(written.size()); ++offset) {
            if (offset < activeBase)
                newest[written[offset].first] = {offset, written[offset].second};
        }
        for (qint64 offset = 0; offset < static_cast<qint64>(written.size()); ++offset) {
            const auto &[key, value] = written[offset];
            if (offset >= activeBase || newest[key].first == offset)
                expected << QStringLiteral("%1:%2=%3").arg(offset).arg(QLatin1String(key), QLatin1String(value));
        }

        const LogManager::CleanReport report = log->cleanPartition(m_tp);
        QCOMPARE(report.error, ErrorCode::None);
        QVERIFY(report.cleaned);
        QCOMPARE(report.rangeEnd, activeBase);
        QVERIFY2(report.bytesBefore > 36LL << 20, qPrintable(QString::number(report.bytesBefore)));
        QCOMPARE(report.recordsRead, activeBase);
        QVERIFY2(report.peakHeldBytes > 0 && report.peakHeldBytes < 16LL << 20,
            qPrintable(QString::number(report.peakHeldBytes)));

        QStringList cleaned;
        qint64 next = 0;
        const qint64 end = log->partitionInfo(m_tp)->logEndOffset;
        while (next < end) {
            const FetchResult fetched = log->read(m_tp, next, 1 << 20);
            QCOMPARE(fetched.error, ErrorCode::None);
            QVERIFY(!fetched.records.isEmpty());
            for (QByteArrayView view : RecordBatch::split(fetched.records)) {
                std::vector<Record> records;
                QCOMPARE(RecordBatch::decode(view, &records), ErrorCode::None);
                for (const Record &r : records) {
                    if (r.offset >= next)
                        cleaned << QStringLiteral("%1:%2=%3")
                                       .arg(r.offset)
                                       .arg(QLatin1String(*r.key), QLatin1String(digest(*r.value)));
                }
                next = RecordBatch::parseHeader(view)->lastOffset() + 1;
            }
        }
        QCOMPARE(cleaned, expected);
    }

    void recoveryFinishesOrDiscardsAnInterruptedSwap()
    {
        QTemporaryDir dir;
        const QString segment = dir.filePath(SegmentLog::fileName(0));
        const QString other = dir.filePath(SegmentLog::fileName(100));
        const auto write = [](const QString &path, const QByteArray &bytes) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
        };
        const QByteArray old = makeBatch(4, 64);
        const QByteArray cleaned = makeBatch(1, 64);
        QVERIFY(write(segment, old));
        QVERIFY(write(segment + QLatin1String(SegmentLog::CleanedSuffix), cleaned));
        QVERIFY(write(other, old));
        QVERIFY(write(other + QLatin1String(SegmentLog::CleanedSuffix), cleaned));
        // The index committed segment 0's cleaning (it holds the cleaned size) but not segment 100's.
        SegmentLog log(dir.path(), false, nullptr);
        QStringList report;
        QString why;
        std::vector<StoredBatchInfo> found;
        QVERIFY2(log.recover({{0, cleaned.size(), -1, -1}, {100, old.size(), -1, -1}}, 104, &found, &report, &why),
            qPrintable(why));
        QCOMPARE(report.size(), 2);
        QVERIFY(found.empty());
        QVERIFY2(report.join(QLatin1Char('\n')).contains(QStringLiteral("finished")),
            qPrintable(report.join(QLatin1Char('\n'))));
        QVERIFY(report.join(QLatin1Char('\n')).contains(QStringLiteral("never committed: removed")));
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*.cleaned")}, QDir::Files).isEmpty());
        QByteArray bytes;
        QVERIFY(log.read(0, 0, cleaned.size(), &bytes, &why));
        QCOMPARE(bytes, cleaned);
        QCOMPARE(QFileInfo(other).size(), old.size());
    }
};

QTEST_GUILESS_MAIN(TestLogCleaner)
#include "tst_logcleaner.moc"
