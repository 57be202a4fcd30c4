// Idempotent producers across a broker that dies without a clean shutdown (issue 13, defect 4): the retry of an
// acknowledged batch whose response was lost is recognised after the restart however large the batches, because the
// producer state comes back from its last snapshot (taken at every segment roll) and the batch headers after it, not
// from a window of recent bytes. The crash is a child process that ends with _exit(): no destructor runs, so the
// broker takes no shutdown snapshot, and what it committed stays on disk as after SIGKILL (tst_storagecrash kills a
// child for real; tst_interop_idempotentrestart kills the topicscope executable).
#include "broker/broker.h"
#include "core/clock.h"
#include "log/logmanager.h"
#include "logtesthelpers.h"
#include "sqlitetesthelpers.h"
#include "storage/sqlitestore.h"

#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <sys/wait.h>
#include <unistd.h>

using namespace topicscope::engine;
using logtest::idempotentBatch;

namespace {

const QString Topic = QStringLiteral("t");
const TopicPartition Tp {Topic, 0};
constexpr qint64 ProducerId = 7;
constexpr int RecordsPerBigBatch = 100;
constexpr int BigRecordBytes = 10'000; // 100 records of 10 kB: batches of about 1 MB
constexpr int BigBatches = 40;
constexpr int TinyBatches = 10;
constexpr int TinyRecordsPerBatch = 10'000;

// A batch of about 1 MB of an idempotent producer: 100 records, sequences from baseSequence.
QByteArray bigBatch(qint32 baseSequence)
{
    return idempotentBatch(
        ProducerId, 0, baseSequence, RecordsPerBigBatch, "s" + QByteArray::number(baseSequence), BigRecordBytes);
}

std::unique_ptr<Broker> openBroker(const QString &dataDir, Clock &clock)
{
    BrokerOptions options;
    options.storage.dataDir = dataDir;
    options.retentionCheckIntervalMs = 0;
    QString error;
    auto broker = Broker::open(std::move(options), clock, &error);
    if (!broker)
        qWarning().noquote() << error;
    return broker;
}

AppendResult produce(Broker &broker, const QByteArray &records)
{
    return broker.append({AppendRequest {Tp, records}}).front();
}

// Runs work in a child process that then ends with _exit(): the broker it opened is never destroyed, so never shut
// down cleanly. True when work returned 0.
bool inChildThatDies(const std::function<int()> &work)
{
    const pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(work());
    int status = 0;
    return pid > 0 && ::waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// The child of the tests below: a topic with 4 MiB segments, first 100,000 small records of a plain producer (they
// make the partition's average record small, so the old rebuild looked at its last 10,000 offsets: 40 MB of big
// batches, past its 32 MiB read limit), then 40 batches of about 1 MB of producer 7, sequences 0-3999, each
// acknowledged. Dies without a clean shutdown.
int writeThenDie(const QString &dataDir)
{
    ManualClock clock;
    auto broker = openBroker(dataDir, clock);
    if (!broker)
        return 2;
    TopicConfig config;
    config.segmentBytes = 4 << 20;
    config.maxMessageBytes = 2 << 20;
    if (broker->log().createTopic(Topic, 1, config) != ErrorCode::None)
        return 3;
    for (int i = 0; i < TinyBatches; ++i) {
        if (produce(*broker, logtest::makeBatch(TinyRecordsPerBatch, 1)).error != ErrorCode::None)
            return 4;
    }
    for (int i = 0; i < BigBatches; ++i) {
        const AppendResult r = produce(*broker, bigBatch(i * RecordsPerBigBatch));
        if (r.error != ErrorCode::None || r.duplicate)
            return 5;
    }
    return 0;
}

constexpr qint64 FirstBigOffset = qint64(TinyBatches) * TinyRecordsPerBatch;
constexpr qint64 LastBigBase = FirstBigOffset + qint64(BigBatches - 1) * RecordsPerBigBatch;
constexpr qint64 LogEnd = FirstBigOffset + qint64(BigBatches) * RecordsPerBigBatch;

} // namespace

class TestProducerStateSnapshot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLoggingCategory::setFilterRules(QStringLiteral("topicscope.engine.*.debug=false")); }

    // The case: the response to the last batch was lost, the broker was killed and restarted, the producer
    // sends the batch again with the same producer id, epoch and sequence.
    void retryOfLastBigBatchAfterCrashIsADuplicate()
    {
        QTemporaryDir dir;
        QVERIFY(inChildThatDies([&] { return writeThenDie(dir.path()); }));
        ManualClock clock;
        auto broker = openBroker(dir.path(), clock);
        QVERIFY(broker);
        // The big batches span several segments.
        QVERIFY(QDir(dir.filePath(QStringLiteral("t-0"))).entryList({QStringLiteral("*.log")}).size() >= 8);
        QCOMPARE(broker->log().partitionInfo(Tp)->logEndOffset, LogEnd);

        const AppendResult retry = produce(*broker, bigBatch((BigBatches - 1) * RecordsPerBigBatch));
        QCOMPARE(retry.error, ErrorCode::None);
        QVERIFY(retry.duplicate);
        QCOMPARE(retry.baseOffset, LastBigBase);
        QCOMPARE(retry.lastOffset, LogEnd - 1);
        QCOMPARE(broker->log().partitionInfo(Tp)->logEndOffset, LogEnd); // stored once
        // An older one of the last five too.
        const AppendResult older = produce(*broker, bigBatch((BigBatches - 3) * RecordsPerBigBatch));
        QVERIFY(older.duplicate);
        QCOMPARE(older.baseOffset, LastBigBase - 2 * RecordsPerBigBatch);
    }

    void sequenceRulesHoldAfterCrash()
    {
        QTemporaryDir dir;
        QVERIFY(inChildThatDies([&] { return writeThenDie(dir.path()); }));
        ManualClock clock;
        auto broker = openBroker(dir.path(), clock);
        QVERIFY(broker);
        // A gap is refused: the producer is known again, with its last sequence.
        QCOMPARE(produce(*broker, idempotentBatch(ProducerId, 0, BigBatches * RecordsPerBigBatch + 1, 1)).error,
            ErrorCode::OutOfOrderSequenceNumber);
        // The next sequence continues.
        const AppendResult next = produce(*broker, idempotentBatch(ProducerId, 0, BigBatches * RecordsPerBigBatch, 2));
        QCOMPARE(next.error, ErrorCode::None);
        QVERIFY(!next.duplicate);
        QCOMPARE(next.baseOffset, LogEnd);
    }

    // Kafka's points: a snapshot at every segment roll (so after the crash the last one is at most a segment old) and
    // one at the log end at a clean shutdown (nothing to replay at the next start).
    void snapshotsAtRollsAndAtCleanShutdown()
    {
        QTemporaryDir dir;
        QVERIFY(inChildThatDies([&] { return writeThenDie(dir.path()); }));
        const QString db = dir.filePath(SqliteStore::databaseFileName());
        const qint64 atRoll = sqlitetest::pragmaOn(db, "SELECT snapshot_offset FROM producer_snapshots");
        QVERIFY2(atRoll > LogEnd - 5 * RecordsPerBigBatch && atRoll <= LogEnd, qPrintable(QString::number(atRoll)));
        QCOMPARE(sqlitetest::pragmaOn(db, "SELECT count(*) FROM producer_batches WHERE producer_id = 7"), qint64(5));
        {
            ManualClock clock;
            auto broker = openBroker(dir.path(), clock);
            QVERIFY(broker);
            QVERIFY(produce(*broker, idempotentBatch(ProducerId, 0, BigBatches * RecordsPerBigBatch, 1)).error
                == ErrorCode::None);
        }
        QCOMPARE(sqlitetest::pragmaOn(db, "SELECT snapshot_offset FROM producer_snapshots"), LogEnd + 1);
        QCOMPARE(sqlitetest::pragmaOn(db, "SELECT max(last_offset) FROM producer_batches"), LogEnd);
        QCOMPARE(sqlitetest::pragmaOn(db, "SELECT count(*) FROM producer_batches"), qint64(5));
    }

    // Records deleted past the snapshot (DeleteRecords here; retention moves the log start the same way): the
    // snapshot's producers are gone with their batches, so the snapshot is not used and the producer is unknown,
    // accepted at any sequence, after the next crash too.
    void snapshotBelowTheLogStartIsNotUsed()
    {
        QTemporaryDir dir;
        QVERIFY(inChildThatDies([&] { return writeThenDie(dir.path()); }));
        QVERIFY(inChildThatDies([&] {
            ManualClock clock;
            auto broker = openBroker(dir.path(), clock);
            return broker && broker->log().deleteRecordsBefore(Tp, LogEnd) == ErrorCode::None ? 0 : 1;
        }));
        const QString db = dir.filePath(SqliteStore::databaseFileName());
        QCOMPARE(sqlitetest::pragmaOn(db, "SELECT snapshot_offset FROM producer_snapshots"), LogEnd);
        QCOMPARE(sqlitetest::pragmaOn(db, "SELECT count(*) FROM producer_batches"), qint64(0));
        ManualClock clock;
        auto broker = openBroker(dir.path(), clock);
        QVERIFY(broker);
        const AppendResult again = produce(*broker, bigBatch((BigBatches - 1) * RecordsPerBigBatch));
        QCOMPARE(again.error, ErrorCode::None);
        QVERIFY(!again.duplicate);
        QCOMPARE(again.baseOffset, LogEnd);
    }

    // A data directory of schema version 3 has no snapshots: it gets the tables, its partitions are rebuilt from
    // their two newest segments (bounded as a snapshot's replay is) and get a snapshot then.
    void schema3DirectoryIsRebuiltFromItsNewestSegments()
    {
        QTemporaryDir dir;
        QVERIFY(inChildThatDies([&] { return writeThenDie(dir.path()); }));
        const QString db = dir.filePath(SqliteStore::databaseFileName());
        // As a build of schema 3 left it.
        QVERIFY(sqlitetest::execOn(
            db, "BEGIN; DROP TABLE producer_snapshots; DROP TABLE producer_batches; PRAGMA user_version = 3; COMMIT;"));
        {
            ManualClock clock;
            auto broker = openBroker(dir.path(), clock);
            QVERIFY(broker);
            const AppendResult retry = produce(*broker, bigBatch((BigBatches - 1) * RecordsPerBigBatch));
            QVERIFY(retry.duplicate);
            QCOMPARE(retry.baseOffset, LastBigBase);
            QCOMPARE(broker->log().partitionInfo(Tp)->logEndOffset, LogEnd);
        }
        QCOMPARE(sqlitetest::pragmaOn(db, "PRAGMA user_version"), qint64(SqliteStore::SchemaVersion));
        QCOMPARE(sqlitetest::pragmaOn(db, "SELECT snapshot_offset FROM producer_snapshots"), LogEnd);
        QCOMPARE(sqlitetest::pragmaOn(db, "SELECT count(*) FROM producer_batches WHERE producer_id = 7"), qint64(5));
    }
};

QTEST_GUILESS_MAIN(TestProducerStateSnapshot)
#include "tst_producerstatesnapshot.moc"
