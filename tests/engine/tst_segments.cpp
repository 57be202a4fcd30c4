// The on-disk log layout: segment files rolled by segment.bytes and segment.ms, retention by whole segments (the disk
// shrinks), recovery of a torn tail, damage detected on read, refusal of damaged or unwritable data directories,
// permissions, and the migration of a schema-2 data directory (record bytes in SQLite) to segment files.

#include "core/clock.h"
#include "core/events.h"
#include "disklogbase.h"
#include "log/logmanager.h"
#include "logtesthelpers.h"
#include "sqlitetesthelpers.h"
#include "storage/segmentlog.h"
#include "storage/sqlitestore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace topicscope::engine;
using namespace topicscope::engine::logtest;
using namespace topicscope::engine::sqlitetest;

namespace {

// The segment files of a partition directory, "<base offset>:<size>" in offset order.
QString segmentFiles(const QString &dir)
{
    QStringList files;
    for (const QFileInfo &f : QDir(dir).entryInfoList({QStringLiteral("*.log")}, QDir::Files, QDir::Name))
        files.append(QStringLiteral("%1:%2").arg(f.completeBaseName().toLongLong()).arg(f.size()));
    return files.join(QLatin1Char(' '));
}

qint64 directoryBytes(const QString &dir)
{
    qint64 total = 0;
    for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files))
        total += f.size();
    return total;
}

int permissionBits(const QString &path)
{
    // QFileInfo::permissions mixes in the user's bits; the mode's low bits are what the test is about.
    return static_cast<int>(QFileInfo(path).permissions()
        & (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::WriteGroup
            | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther));
}

} // namespace

class TestSegments : public QObject, private logtest::DiskLogBase {
    Q_OBJECT

private:
    // A batch of records records whose base offset is base, as an append would have written it there.
    static QByteArray batchAt(qint64 base, int records)
    {
        QByteArray batch = makeBatch(records);
        RecordBatch::setBaseOffset(batch, base);
        return batch;
    }

    // Writes bytes to the file at path, appended or in place of what it held (as a crash would have left them).
    static bool writeTo(const QString &path, const QByteArray &bytes, QIODevice::OpenMode mode)
    {
        QFile file(path);
        return file.open(mode) && file.write(bytes) == bytes.size();
    }

    // Fills a fresh data directory: topic "t", one partition, three batches of records records each; then closes it.
    bool writeThreeBatches(const StorageOptions &options, int records, const TopicConfig &config = {})
    {
        auto log = open(options);
        if (!log || log->createTopic(QStringLiteral("t"), 1, config) != ErrorCode::None)
            return false;
        for (int i = 0; i < 3; ++i) {
            if (log->append(TopicPartition {QStringLiteral("t"), 0}, makeBatch(records)).error != ErrorCode::None)
                return false;
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Recovery and damage reports are warnings the tests below expect (QTest::ignoreMessage).
        QLoggingCategory::setFilterRules(
            QStringLiteral("topicscope.engine.*.debug=false\ntopicscope.engine.*.info=false"));
    }

    void configsAreKafkas()
    {
        TopicConfig config;
        QCOMPARE(config.toKafkaConfigs().value(QStringLiteral("segment.bytes")), QStringLiteral("1073741824"));
        QCOMPARE(config.toKafkaConfigs().value(QStringLiteral("segment.ms")), QStringLiteral("604800000"));
        QString why;
        QCOMPARE(config.applyKafkaConfigs({{QStringLiteral("segment.bytes"), QStringLiteral("13")}}, &why),
            ErrorCode::InvalidConfig);
        QVERIFY2(why.contains(QLatin1String("segment.bytes")), qPrintable(why));
        QCOMPARE(config.applyKafkaConfigs({{QStringLiteral("segment.ms"), QStringLiteral("0")}}, &why),
            ErrorCode::InvalidConfig);
        QCOMPARE(config.applyKafkaConfigs({{QStringLiteral("segment.bytes"), QStringLiteral("14")},
                     {QStringLiteral("segment.ms"), QStringLiteral("1")}}),
            ErrorCode::None);
        QCOMPARE(config.segmentBytes, 14);
        QCOMPARE(config.segmentMs, 1);
    }

    void fileNamesAreKafkas()
    {
        QCOMPARE(SegmentLog::fileName(0), QStringLiteral("00000000000000000000.log"));
        QCOMPARE(SegmentLog::fileName(1234), QStringLiteral("00000000000000001234.log"));
        QCOMPARE(SegmentLog::directoryName(QStringLiteral("a-1"), 0), QStringLiteral("a-1-0"));
    }

    // segment.bytes: a non-empty segment rolls when the next batch would take it past the limit.
    void rollsBySize()
    {
        const StorageOptions options = freshOptions();
        const qint64 batchSize = makeBatch(1).size();
        const TopicPartition tp {QStringLiteral("t"), 0};
        {
            auto log = open(options);
            QVERIFY(log);
            QCOMPARE(log->createTopic(tp.topic, 1, segmentsOf(3 * batchSize)), ErrorCode::None);
            for (int i = 0; i < 7; ++i)
                QCOMPARE(log->append(tp, makeBatch(1)).baseOffset, i);
        }
        const QString dir = options.dataDir + QLatin1String("/t-0");
        QCOMPARE(segmentFiles(dir), QStringLiteral("0:%1 3:%1 6:%2").arg(3 * batchSize).arg(batchSize));
        // Reads cross segment boundaries, after a restart too.
        auto log = open(options);
        QVERIFY(log);
        QCOMPARE(baseOffsets(log->read(tp, 0, 1LL << 30).records), QStringLiteral("0 1 2 3 4 5 6"));
        QCOMPARE(baseOffsets(log->read(tp, 4, 1).records), QStringLiteral("4"));
        QCOMPARE(log->append(tp, makeBatch(1)).baseOffset, 7);
        QCOMPARE(segmentFiles(dir), QStringLiteral("0:%1 3:%1 6:%2").arg(3 * batchSize).arg(2 * batchSize));
    }

    // A segment holds each batch as sent but for its base offset: written as a patched header and the request's own
    // record bytes. A header whose maxTimestamp lies is rewritten whole (new maxTimestamp, new CRC).
    void aBatchIsStoredAsSentButForItsBaseOffset()
    {
        const StorageOptions options = freshOptions();
        const TopicPartition tp {QStringLiteral("t"), 0};
        auto log = open(options);
        QVERIFY(log);
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        QCOMPARE(log->append(tp, makeBatch(2)).baseOffset, 0);
        const QByteArray honest
            = makeBatchWithTimestamps({DefaultTimestamp - 5, DefaultTimestamp, DefaultTimestamp - 9});
        QCOMPARE(log->append(tp, honest).baseOffset, 2);
        QByteArray lying = makeBatchWithTimestamps({DefaultTimestamp - 5, DefaultTimestamp});
        RecordBatch::setMaxTimestamp(lying, -1); // as some older clients send it
        QCOMPARE(log->append(tp, lying).baseOffset, 5);

        QByteArray expected = honest;
        RecordBatch::setBaseOffset(expected, 2);
        QCOMPARE(log->read(tp, 2, 1).records, expected);
        const QByteArray rewritten = log->read(tp, 5, 1).records;
        QCOMPARE(RecordBatch::validate(rewritten), ErrorCode::None);
        QCOMPARE(RecordBatch::parseHeader(rewritten)->maxTimestamp, DefaultTimestamp);
        QCOMPARE(RecordBatch::parseHeader(rewritten)->baseOffset, 5);
        QCOMPARE(rewritten.sliced(RecordBatchHeader::Size), lying.sliced(RecordBatchHeader::Size)); // the records
    }

    // segment.ms: a non-empty segment rolls once now is more than segment.ms past its first batch's timestamp.
    void rollsByTime()
    {
        const StorageOptions options = freshOptions();
        auto log = open(options);
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1, segmentsOf(1 << 20, 1000)), ErrorCode::None);
        const auto appendNow = [&] { return log->append(tp, makeBatch(1, 16, m_clock.nowMs())).baseOffset; };
        QCOMPARE(appendNow(), 0);
        m_clock.advance(600);
        QCOMPARE(appendNow(), 1);
        m_clock.advance(400); // 1000 ms after the first batch: not more than segment.ms yet
        QCOMPARE(appendNow(), 2);
        m_clock.advance(1);
        QCOMPARE(appendNow(), 3); // rolls
        m_clock.advance(500);
        QCOMPARE(appendNow(), 4);
        const QString dir = options.dataDir + QLatin1String("/t-0");
        QStringList bases;
        for (const QString &f : QDir(dir).entryList({QStringLiteral("*.log")}, QDir::Files, QDir::Name))
            bases.append(QString::number(f.section(QLatin1Char('.'), 0, 0).toLongLong()));
        QCOMPARE(bases.join(QLatin1Char(' ')), QStringLiteral("0 3"));
        QCOMPARE(baseOffsets(log->read(tp, 0, 1LL << 30).records), QStringLiteral("0 1 2 3 4"));
    }

    // Retention deletes whole segments, oldest first, and unlinks them: the partition's files stay within
    // retention.bytes plus one segment. DeleteRecords moves the log start inside a segment, deleting only what lies
    // wholly below it.
    void retentionDeletesWholeSegmentsAndDiskShrinks()
    {
        const StorageOptions options = freshOptions();
        auto log = open(options);
        QVERIFY(log);
        const qint64 batchSize = makeBatch(10, 100).size();
        const TopicPartition tp {QStringLiteral("t"), 0};
        TopicConfig config = segmentsOf(4 * batchSize);
        config.retentionBytes = 6 * batchSize;
        QCOMPARE(log->createTopic(tp.topic, 1, config), ErrorCode::None);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(log->append(tp, makeBatch(10, 100)).error, ErrorCode::None);
        const QString dir = options.dataDir + QLatin1String("/t-0");
        QCOMPARE(QDir(dir).entryList({QStringLiteral("*.log")}, QDir::Files).size(), 5);
        QCOMPARE(directoryBytes(dir), 20 * batchSize);

        log->enforceRetention();
        // 20 batches over a 6-batch limit: 3 whole segments (12 batches) go, the fourth would undercut it.
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 120);
        QCOMPARE(QDir(dir).entryList({QStringLiteral("*.log")}, QDir::Files).size(), 2);
        log->waitForFileRemovalsForTesting(); // their unlinks run on the remover's thread
        QVERIFY(directoryBytes(dir) <= config.retentionBytes + config.segmentBytes);
        QCOMPARE(directoryBytes(dir), 8 * batchSize);

        // Inside a segment: the log start moves, the file stays.
        QCOMPARE(log->deleteRecordsBefore(tp, 145), ErrorCode::None);
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 145);
        QCOMPARE(QDir(dir).entryList({QStringLiteral("*.log")}, QDir::Files).size(), 2);
        QCOMPARE(baseOffsets(log->read(tp, 145, 1).records), QStringLiteral("140"));
        // Past it: the segment goes.
        QCOMPARE(log->deleteRecordsBefore(tp, 160), ErrorCode::None);
        QCOMPARE(segmentFiles(dir), QStringLiteral("160:%1").arg(4 * batchSize));
        // Everything, the active segment included; the next append starts a new one at the log end.
        QCOMPARE(log->deleteRecordsBefore(tp, -1), ErrorCode::None);
        QCOMPARE(segmentFiles(dir), QString());
        QCOMPARE(log->append(tp, makeBatch(1)).baseOffset, 200);
        QCOMPARE(segmentFiles(dir), QStringLiteral("200:%1").arg(makeBatch(1).size()));
        log.reset();
        log = open(options);
        QVERIFY(log);
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 200);
        QCOMPARE(baseOffsets(log->read(tp, 200, 1 << 20).records), QStringLiteral("200"));
    }

    void retentionMsDeletesExpiredSegments()
    {
        const StorageOptions options = freshOptions();
        auto log = open(options);
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        TopicConfig config = segmentsOf(2 * makeBatch(1).size());
        config.retentionMs = 1000;
        QCOMPARE(log->createTopic(tp.topic, 1, config), ErrorCode::None);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(log->append(tp, makeBatch(1, 16, m_clock.nowMs())).error, ErrorCode::None);
            m_clock.advance(400);
        }
        // Timestamps t, t+400, t+800, t+1200, t+1600 in segments [0,1] [2,3] [4]; now is t+2000.
        log->enforceRetention();
        QCOMPARE(log->partitionInfo(tp)->logStartOffset, 2);
        QCOMPARE(segmentFiles(options.dataDir + QLatin1String("/t-0")).count(QLatin1Char(':')), 2);
    }

    // A crash after an append but before the index commit leaves bytes past the last indexed batch: recovery
    // validates them and keeps the whole valid batches that continue the log (their append may have been
    // acknowledged, as Kafka's recovery keeps them), cuts off a torn batch after them, says what it did, and removes
    // a segment file that can no longer continue the log.
    void tornTailIsTruncatedAtStart()
    {
        const StorageOptions options = freshOptions();
        const TopicPartition tp {QStringLiteral("t"), 0};
        QVERIFY(writeThreeBatches(options, 2));
        const QString segment = options.dataDir + QLatin1String("/t-0/00000000000000000000.log");
        const qint64 committed = QFileInfo(segment).size();
        QString before;
        {
            QFile file(segment);
            QVERIFY(file.open(QIODevice::ReadOnly));
            before = QString::fromLatin1(file.readAll().toHex());
        }
        const QByteArray whole = batchAt(6, 2);
        QVERIFY(writeTo(segment, whole + makeBatch(5).left(40), QIODevice::Append)); // then half a batch
        // And a segment the index never heard of, after the torn batch.
        QVERIFY(writeTo(
            options.dataDir + QLatin1String("/t-0/00000000000000000008.log"), batchAt(8, 1), QIODevice::WriteOnly));
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(QStringLiteral("recovery: .*00000000000000000000\\.log: \\d+ byte\\(s\\): 1 whole valid "
                                              "batch\\(es\\), offsets 6\\.\\.7, appended after the last index commit: "
                                              "indexed again, then 40 byte\\(s\\) of a torn or invalid batch past the "
                                              "last indexed batch at position %1: truncated to %2")
                                   .arg(committed)
                                   .arg(committed + whole.size())));
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(QStringLiteral("recovery: .*00000000000000000008\\.log: not in the index")));
        auto log = open(options);
        QVERIFY(log);
        QCOMPARE(QFileInfo(segment).size(), committed + whole.size());
        QVERIFY(!QFile::exists(options.dataDir + QLatin1String("/t-0/00000000000000000008.log")));
        QCOMPARE(log->partitionInfo(tp)->logEndOffset, 8);
        QCOMPARE(QString::fromLatin1(log->read(tp, 0, 1 << 20).records.toHex()),
            before + QString::fromLatin1(whole.toHex()));
        QCOMPARE(log->append(tp, makeBatch(1)).baseOffset, 8);
        QCOMPARE(baseOffsets(log->read(tp, 0, 1 << 20).records), QStringLiteral("0 2 4 6 8"));
    }

    // A valid batch that does not continue the log (its base offset is not the log end) was never an append of this
    // log: cut off with what follows, as a torn one.
    void aBatchOutOfPlaceIsCutOffAtStart()
    {
        const StorageOptions options = freshOptions();
        const TopicPartition tp {QStringLiteral("t"), 0};
        QVERIFY(writeThreeBatches(options, 2));
        const QString segment = options.dataDir + QLatin1String("/t-0/00000000000000000000.log");
        const qint64 committed = QFileInfo(segment).size();
        const QByteArray stale = batchAt(9, 2);
        QVERIFY(writeTo(segment, stale, QIODevice::Append));
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(
                QStringLiteral("recovery: .*00000000000000000000\\.log: %1 byte\\(s\\): %1 byte\\(s\\) of a "
                               "torn or invalid batch past the last indexed batch at position %2: "
                               "truncated to %2")
                    .arg(stale.size())
                    .arg(committed)));
        auto log = open(options);
        QVERIFY(log);
        QCOMPARE(QFileInfo(segment).size(), committed);
        QCOMPARE(log->partitionInfo(tp)->logEndOffset, 6);
        QCOMPARE(log->append(tp, makeBatch(1)).baseOffset, 6);
    }

    // Segments rolled after the last index commit continue the log: recovery keeps each, in offset order, up to the
    // first batch that is torn or out of place; a file after a gap is removed.
    void segmentsRolledAfterTheLastIndexCommitAreKept()
    {
        const StorageOptions options = freshOptions();
        const TopicPartition tp {QStringLiteral("t"), 0};
        QVERIFY(writeThreeBatches(options, 2, segmentsOf(2 * makeBatch(2).size())));
        const QString dir = options.dataDir + QLatin1String("/t-0");
        QCOMPARE(segmentFiles(dir), QStringLiteral("0:%1 4:%2").arg(2 * makeBatch(2).size()).arg(makeBatch(2).size()));
        const auto writeFile = [&](qint64 base, const QByteArray &bytes) {
            return writeTo(dir + QLatin1Char('/') + SegmentLog::fileName(base), bytes, QIODevice::WriteOnly);
        };
        QVERIFY(writeFile(6, batchAt(6, 2) + batchAt(8, 1)));
        QVERIFY(writeFile(9, batchAt(9, 3) + makeBatch(4).left(30)));
        QVERIFY(writeFile(20, batchAt(20, 1))); // after a gap
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(QStringLiteral("recovery: .*00000000000000000006\\.log: .*2 whole valid batch\\(es\\), "
                                              "offsets 6\\.\\.8, appended after the last index commit: indexed again "
                                              "past the last indexed batch at position 0$")));
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(QStringLiteral("recovery: .*00000000000000000009\\.log: .*1 whole valid batch\\(es\\), "
                                              "offsets 9\\.\\.11, .*then 30 byte\\(s\\) of a torn or invalid batch .*"
                                              "truncated to %1")
                                   .arg(makeBatch(3).size())));
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(QStringLiteral("recovery: .*00000000000000000020\\.log: not in the index")));
        auto log = open(options);
        QVERIFY(log);
        QCOMPARE(segmentFiles(dir),
            QStringLiteral("0:%1 4:%2 6:%3 9:%4")
                .arg(2 * makeBatch(2).size())
                .arg(makeBatch(2).size())
                .arg(makeBatch(2).size() + makeBatch(1).size())
                .arg(makeBatch(3).size()));
        QCOMPARE(log->partitionInfo(tp)->logEndOffset, 12);
        QCOMPARE(baseOffsets(log->read(tp, 0, 1 << 20).records), QStringLiteral("0 2 4 6 8 9"));
        QCOMPARE(log->append(tp, makeBatch(1)).baseOffset, 12);
        // The index has them: a restart finds nothing to do.
        log.reset();
        log = open(options);
        QVERIFY(log);
        QCOMPARE(baseOffsets(log->read(tp, 0, 1 << 20).records), QStringLiteral("0 2 4 6 8 9 12"));
        QCOMPARE(log->segments(tp).back().baseOffset, 9); // the last batch filled segment 9 to segment.bytes
        QCOMPARE(log->segments(tp).back().sizeBytes, makeBatch(3).size() + makeBatch(1).size());
    }

    // Garbage in a stored batch is found by its CRC when it is read: reported with the file and offsets, never
    // served. What lies before it is served; a fetch at it gets KAFKA_STORAGE_ERROR.
    void damagedBatchIsDetectedOnRead()
    {
        const StorageOptions options = freshOptions();
        auto log = open(options);
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        const qint64 batchSize = makeBatch(3, 50).size();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(log->append(tp, makeBatch(3, 50)).error, ErrorCode::None);
        const QString segment = options.dataDir + QLatin1String("/t-0/00000000000000000000.log");
        {
            QFile file(segment);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek(batchSize + 80)); // inside the second batch's records
            file.write("GARBAGE");
        }
        const QRegularExpression report(QStringLiteral(
            "damaged record batch in .*00000000000000000000\\.log at position %1, offsets 3\\.\\.5 of t-0: .*CRC")
                                            .arg(batchSize));
        QTest::ignoreMessage(QtCriticalMsg, report);
        FetchResult r = log->read(tp, 0, 1 << 20);
        QCOMPARE(r.error, ErrorCode::None);
        QCOMPARE(baseOffsets(r.records), QStringLiteral("0"));
        QTest::ignoreMessage(QtCriticalMsg, report);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("reading t-0 failed: damaged")));
        r = log->read(tp, 4, 1 << 20);
        QCOMPARE(r.error, ErrorCode::KafkaStorageError);
        QVERIFY(r.records.isEmpty());
        // The batch after it is intact.
        QCOMPARE(baseOffsets(log->read(tp, 6, 1 << 20).records), QStringLiteral("6"));
    }

    void emptyDatabaseIsRefused()
    {
        const StorageOptions options = freshOptions();
        QVERIFY(QDir().mkpath(options.dataDir));
        {
            QFile db(options.dataDir + QLatin1String("/topicscope.db"));
            QVERIFY(db.open(QIODevice::WriteOnly));
        }
        QString error;
        QVERIFY(!LogManager::open(options, m_clock, m_events, &error));
        QVERIFY2(error.contains(options.dataDir + QLatin1String("/topicscope.db"))
                && error.contains(QLatin1String("empty (0 bytes)")),
            qPrintable(error));
    }

    void missingDatabaseBesideSegmentsIsRefused()
    {
        const StorageOptions options = freshOptions();
        {
            auto log = open(options);
            QVERIFY(log);
            QCOMPARE(log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
            QCOMPARE(log->append({QStringLiteral("t"), 0}, makeBatch(1)).error, ErrorCode::None);
        }
        QVERIFY(QFile::remove(options.dataDir + QLatin1String("/topicscope.db")));
        QString error;
        QVERIFY(!LogManager::open(options, m_clock, m_events, &error));
        QVERIFY2(error.contains(QLatin1String("is missing")) && error.contains(QLatin1String("segment files")),
            qPrintable(error));
    }

    void readOnlyDirectoryGetsAClearMessage()
    {
        StorageOptions options;
        QTemporaryDir dir;
        if (::geteuid() == 0) {
            // Root writes through file modes; sysfs refuses it files all the same.
            if (!QFileInfo(QStringLiteral("/sys")).isDir())
                QSKIP("running as root without /sys: no directory root cannot write");
            options.dataDir = QStringLiteral("/sys");
        } else {
            options.dataDir = dir.path();
            QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        }
        QString error;
        QVERIFY(!LogManager::open(options, m_clock, m_events, &error));
        QVERIFY2(error.startsWith(QStringLiteral("data directory %1 is not writable: ").arg(options.dataDir)),
            qPrintable(error));
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void directoriesAre0700AndFiles0600()
    {
        StorageOptions options = freshOptions();
        options.dataDir += QLatin1String("/nested");
        auto log = open(options);
        QVERIFY(log);
        QCOMPARE(log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        QCOMPARE(log->append({QStringLiteral("t"), 0}, makeBatch(1)).error, ErrorCode::None);
        const int dirMode = int(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const int fileMode = int(QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(permissionBits(options.dataDir), dirMode);
        QCOMPARE(permissionBits(options.dataDir + QLatin1String("/topicscope.db")), fileMode);
        QCOMPARE(permissionBits(options.dataDir + QLatin1String("/topicscope.db-wal")), fileMode);
        QCOMPARE(permissionBits(options.dataDir + QLatin1String("/t-0")), dirMode);
        QCOMPARE(permissionBits(options.dataDir + QLatin1String("/t-0/00000000000000000000.log")), fileMode);
    }

    // A topic deleted and created again under the same name starts with no bytes, even when the old directory was
    // left behind (a crash after the index commit, before the files were removed).
    void recreatedTopicNeverSeesOldBytes()
    {
        const StorageOptions options = freshOptions();
        auto log = open(options);
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        QCOMPARE(log->append(tp, makeBatch(5)).error, ErrorCode::None);
        QCOMPARE(log->deleteTopic(tp.topic), ErrorCode::None);
        QVERIFY(!QFileInfo::exists(options.dataDir + QLatin1String("/t-0")));
        // As if the removal had not happened.
        QVERIFY(QDir().mkpath(options.dataDir + QLatin1String("/t-0")));
        {
            QFile stale(options.dataDir + QLatin1String("/t-0/00000000000000000000.log"));
            QVERIFY(stale.open(QIODevice::WriteOnly));
            stale.write(makeBatch(9));
        }
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("removing .*t-0 left by an earlier topic")));
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        QCOMPARE(log->append(tp, makeBatch(1)).baseOffset, 0);
        QCOMPARE(valuesOfFirst(log->read(tp, 0, 1 << 20).records), 1);
    }

    // A segment shorter than its index says (bytes lost under the index): damage, reported at start with the file,
    // and the batches it lost fail to read; the ones before them are served.
    void indexPastTheEndOfASegmentIsDamage()
    {
        const StorageOptions options = freshOptions();
        const TopicPartition tp {QStringLiteral("t"), 0};
        QVERIFY(writeThreeBatches(options, 1));
        const QString segment = options.dataDir + QLatin1String("/t-0/00000000000000000000.log");
        const qint64 size = QFileInfo(segment).size();
        QVERIFY(QFile::resize(segment, size - 10));
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(
                QStringLiteral("recovery: damage: .*00000000000000000000\\.log has %1 byte\\(s\\) but the "
                               "index holds %2 there")
                    .arg(size - 10)
                    .arg(size)));
        auto log = open(options);
        QVERIFY(log);
        const QRegularExpression unreadable(QStringLiteral("cannot read .* of .*00000000000000000000"));
        QTest::ignoreMessage(QtCriticalMsg, unreadable);
        QCOMPARE(baseOffsets(log->read(tp, 0, 1 << 20).records), QStringLiteral("0 1"));
        QTest::ignoreMessage(QtCriticalMsg, unreadable);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("reading t-0 failed")));
        const FetchResult r = log->read(tp, 2, 1 << 20);
        QCOMPARE(r.error, ErrorCode::KafkaStorageError);
        QVERIFY(r.records.isEmpty());
    }

    // The directory of a topic deleted by a process that died before removing it goes at the next start.
    void orphanPartitionDirectoryIsRemovedAtStart()
    {
        const StorageOptions options = freshOptions();
        {
            auto log = open(options);
            QVERIFY(log);
            QCOMPARE(log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        }
        QVERIFY(QDir().mkpath(options.dataDir + QLatin1String("/gone-0")));
        QVERIFY(QDir().mkpath(options.dataDir + QLatin1String("/not-ours")));
        for (const char *name : {"/gone-0/00000000000000000000.log", "/not-ours/notes.txt"}) {
            QFile file(options.dataDir + QLatin1String(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(makeBatch(1));
        }
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("recovery: removing .*gone-0 with 1 segment")));
        auto log = open(options);
        QVERIFY(log);
        QVERIFY(!QFileInfo::exists(options.dataDir + QLatin1String("/gone-0")));
        QVERIFY(QFileInfo::exists(options.dataDir + QLatin1String("/not-ours/notes.txt")));
    }

    // --fsync: the segment is synced before the index commit; appends and reads work the same.
    void fsyncEachCommitWorks()
    {
        StorageOptions options = freshOptions();
        options.fsyncEachCommit = true;
        auto log = open(options);
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1, segmentsOf(2 * makeBatch(1).size())), ErrorCode::None);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(log->append(tp, makeBatch(1)).baseOffset, i);
        QCOMPARE(baseOffsets(log->read(tp, 0, 1 << 20).records), QStringLiteral("0 1 2 3 4"));
    }

    // A data directory written before schema version 3 keeps record bytes in SQLite: the first start moves them to
    // segment files, once, and the database shrinks. Built here from the schema-1 fixture taken to schema 2 with
    // schema 2's own SQL, as a build of that version left it.
    void schema2DirectoryIsMigratedToSegments()
    {
        QFile fixture(QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/engine/data/topicscope-schema1.db.qz"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        const StorageOptions options = freshOptions();
        QVERIFY(QDir().mkpath(options.dataDir));
        const QString db = options.dataDir + QLatin1String("/topicscope.db");
        {
            QFile copy(db);
            QVERIFY(copy.open(QIODevice::WriteOnly));
            copy.write(qUncompress(fixture.readAll()));
        }
        QVERIFY(execOn(db,
            "BEGIN; ALTER TABLE topics ADD COLUMN uuid BLOB; CREATE UNIQUE INDEX topics_by_uuid ON topics(uuid); "
            "UPDATE topics SET uuid = randomblob(16); PRAGMA user_version = 2; COMMIT;"));
        // Some more batches stored as schema 2 stored them (bytes in batch_data), so the migration rolls segments.
        const qint64 ordersEnd = pragmaOn(db,
            "SELECT log_end_offset FROM partitions p JOIN topics t "
            "ON t.topic_id = p.topic_id WHERE t.name = 'orders'");
        QCOMPARE(ordersEnd, 3);
        QCOMPARE(pragmaOn(db, "PRAGMA user_version"), 2);
        const qint64 blobBatches = pragmaOn(db, "SELECT count(*) FROM batch_data");
        QVERIFY(blobBatches > 0);

        QString expected;
        {
            QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("moving \\d+ record batch")));
            QLoggingCategory::setFilterRules(QStringLiteral("topicscope.engine.*.debug=false"));
            auto log = open(options);
            QLoggingCategory::setFilterRules(
                QStringLiteral("topicscope.engine.*.debug=false\ntopicscope.engine.*.info=false"));
            QVERIFY(log);
            const TopicPartition orders {QStringLiteral("orders"), 0};
            const FetchResult r = log->read(orders, 0, 1 << 20);
            QCOMPARE(r.error, ErrorCode::None);
            QCOMPARE(decodeAll(r.records).size(), size_t(3));
            expected = QString::fromLatin1(r.records.toHex());
            QCOMPARE(log->append(orders, makeBatch(1)).baseOffset, 3);
        }
        QCOMPARE(pragmaOn(db, "PRAGMA user_version"), qint64(SqliteStore::SchemaVersion));
        QCOMPARE(pragmaOn(db, "SELECT count(*) FROM batch_data"), 0);
        QCOMPARE(pragmaOn(db, "SELECT count(*) FROM batches WHERE segment_base IS NULL"), 0);
        QVERIFY(QFile::exists(options.dataDir + QLatin1String("/orders-0/00000000000000000000.log")));
        // The second start has nothing to move and reads the same bytes.
        auto log = open(options);
        QVERIFY(log);
        const FetchResult r = log->read({QStringLiteral("orders"), 0}, 0, 1 << 20);
        QVERIFY(QString::fromLatin1(r.records.toHex()).startsWith(expected));
        QCOMPARE(baseOffsets(r.records).split(QLatin1Char(' ')).last(), QStringLiteral("3"));
    }

private:
    static int valuesOfFirst(const QByteArray &records) { return int(decodeAll(records).size()); }
};

QTEST_GUILESS_MAIN(TestSegments)
#include "tst_segments.moc"
