// Deferred index commits on disk (LogManager::append without --fsync): appends are acknowledged once their batches
// are in the segment files, and their index rows are committed by a clock timer, by any other change to the store or
// when the log closes; rows SQLite rolled back are written again, a failed commit is retried on a timer, and a failed
// append undoes only itself. Split from tst_segments.

#include "disklogbase.h"
#include "log/logmanager.h"
#include "logtesthelpers.h"
#include "sqlitetesthelpers.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTest>

using namespace topicscope::engine;
using namespace topicscope::engine::logtest;
using namespace topicscope::engine::sqlitetest;

class TestIndexCommit : public QObject, private logtest::DiskLogBase {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Failure and recovery reports are warnings the tests below expect (QTest::ignoreMessage).
        QLoggingCategory::setFilterRules(
            QStringLiteral("topicscope.engine.*.debug=false\ntopicscope.engine.*.info=false"));
    }

    // Appends are acknowledged before their index rows are committed (LogManager::IndexCommitIntervalMs): their rows
    // join an open transaction, which the clock's timer commits, as does any other change to the store.
    void appendsAreIndexedAtTheNextIndexCommit()
    {
        const StorageOptions options = freshOptions();
        const QString database = options.dataDir + QLatin1String("/topicscope.db");
        auto log = open(options);
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        QVERIFY(!log->indexCommitPending());
        QCOMPARE(log->append(tp, makeBatch(2)).error, ErrorCode::None);
        QCOMPARE(log->append(tp, makeBatch(3)).error, ErrorCode::None);
        // Another connection sees the last commit; this one serves the appends already.
        QVERIFY(log->indexCommitPending());
        QCOMPARE(pragmaOn(database, "SELECT count(*) FROM batches"), 0);
        QCOMPARE(pragmaOn(database, "SELECT log_end_offset FROM partitions"), 0);
        QCOMPARE(baseOffsets(log->read(tp, 0, 1 << 20).records), QStringLiteral("0 2"));
        m_clock.advance(LogManager::IndexCommitIntervalMs - 1);
        QCOMPARE(pragmaOn(database, "SELECT count(*) FROM batches"), 0);
        m_clock.advance(1);
        QVERIFY(!log->indexCommitPending());
        QCOMPARE(pragmaOn(database, "SELECT count(*) FROM batches"), 2);
        QCOMPARE(pragmaOn(database, "SELECT log_end_offset FROM partitions"), 5);
        QCOMPARE(pragmaOn(database, "SELECT size_bytes FROM segments"), makeBatch(2).size() + makeBatch(3).size());
        // Any other change to the store commits the waiting rows first.
        QCOMPARE(log->append(tp, makeBatch(1)).error, ErrorCode::None);
        QCOMPARE(pragmaOn(database, "SELECT count(*) FROM batches"), 2);
        QCOMPARE(log->createTopic(QStringLiteral("u"), 1), ErrorCode::None);
        QCOMPARE(pragmaOn(database, "SELECT count(*) FROM batches"), 3);
        QCOMPARE(pragmaOn(database, "SELECT max(log_end_offset) FROM partitions"), 6);
        // And closing the log.
        QCOMPARE(log->append(tp, makeBatch(1)).error, ErrorCode::None);
        log.reset();
        QCOMPARE(pragmaOn(database, "SELECT count(*) FROM batches"), 4);
        // --fsync commits each append.
        StorageOptions synced = freshOptions();
        synced.fsyncEachCommit = true;
        log = open(synced);
        QVERIFY(log);
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        QCOMPARE(log->append(tp, makeBatch(2)).error, ErrorCode::None);
        QVERIFY(!log->indexCommitPending());
        QCOMPARE(pragmaOn(synced.dataDir + QLatin1String("/topicscope.db"), "SELECT count(*) FROM batches"), 1);
    }

    // SQLite may end the open transaction by itself (an I/O error or a full disk in any statement): the rows of the
    // acknowledged appends it held are written again before the next write, from what memory keeps.
    void indexRowsRolledBackBySqliteAreWrittenAgain()
    {
        const StorageOptions options = freshOptions();
        const QString database = options.dataDir + QLatin1String("/topicscope.db");
        auto log = open(options);
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1, segmentsOf(2 * makeBatch(2).size())), ErrorCode::None);
        for (int i = 0; i < 3; ++i) // the third rolls a segment
            QCOMPARE(log->append(tp, makeBatch(2)).error, ErrorCode::None);
        log->loseIndexTransactionForTesting();
        QCOMPARE(log->append(tp, makeBatch(1)).baseOffset, 6);
        m_clock.advance(LogManager::IndexCommitIntervalMs);
        QVERIFY(!log->indexCommitPending());
        QCOMPARE(pragmaOn(database, "SELECT count(*) FROM batches"), 4);
        QCOMPARE(pragmaOn(database, "SELECT count(*) FROM segments"), 2);
        QCOMPARE(pragmaOn(database, "SELECT log_end_offset FROM partitions"), 7);
        // The same before another change to the store, and with nothing appended after the loss.
        QCOMPARE(log->append(tp, makeBatch(1)).error, ErrorCode::None);
        log->loseIndexTransactionForTesting();
        QCOMPARE(log->createTopic(QStringLiteral("u"), 1), ErrorCode::None);
        QCOMPARE(pragmaOn(database, "SELECT count(*) FROM batches"), 5);
        // Nothing is left for recovery to do at the next start (it would warn).
        log.reset();
        log = open(options);
        QVERIFY(log);
        QCOMPARE(baseOffsets(log->read(tp, 0, 1 << 20).records), QStringLiteral("0 2 4 6 7"));
    }

    // When writing the rows again fails, a timer tries again, backing off, with nothing else appended or changed.
    void aFailedIndexCommitIsRetriedOnATimer()
    {
        const StorageOptions options = freshOptions();
        const QString database = options.dataDir + QLatin1String("/topicscope.db");
        auto log = open(options);
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        QCOMPARE(log->append(tp, makeBatch(2)).error, ErrorCode::None);
        QCOMPARE(log->append(tp, makeBatch(3)).error, ErrorCode::None);
        log->loseIndexTransactionForTesting();
        log->setStorageReadOnlyForTesting(true);
        const auto failed = [](int retryMs) {
            QTest::ignoreMessage(QtWarningMsg,
                QRegularExpression(
                    QStringLiteral("appended batches again failed: .* \\(tried again within %1 ms\\)").arg(retryMs)));
        };
        // The commit timer finds the rows lost and cannot write them: tried again 500 ms later, then 1 s later.
        failed(500);
        m_clock.advance(LogManager::IndexCommitIntervalMs);
        QVERIFY(log->indexCommitPending());
        failed(1000);
        m_clock.advance(500);
        QVERIFY(log->indexCommitPending());
        m_clock.advance(999);
        QCOMPARE(pragmaOn(database, "SELECT count(*) FROM batches"), 0);
        log->setStorageReadOnlyForTesting(false);
        m_clock.advance(1);
        QVERIFY(!log->indexCommitPending());
        QCOMPARE(pragmaOn(database, "SELECT count(*) FROM batches"), 2);
        QCOMPARE(pragmaOn(database, "SELECT log_end_offset FROM partitions"), 5);
        // A later failure starts from 500 ms again.
        QCOMPARE(log->append(tp, makeBatch(1)).error, ErrorCode::None);
        log->loseIndexTransactionForTesting();
        log->setStorageReadOnlyForTesting(true);
        failed(500);
        m_clock.advance(LogManager::IndexCommitIntervalMs);
        log->setStorageReadOnlyForTesting(false);
        m_clock.advance(500);
        QVERIFY(!log->indexCommitPending());
        QCOMPARE(pragmaOn(database, "SELECT count(*) FROM batches"), 3);
        // Closed while it cannot write them: no timer of the closed log is left on the clock, and the next start
        // indexes those batches again from the segment file.
        QCOMPARE(log->append(tp, makeBatch(1)).error, ErrorCode::None);
        log->loseIndexTransactionForTesting();
        log->setStorageReadOnlyForTesting(true);
        failed(500);
        m_clock.advance(LogManager::IndexCommitIntervalMs); // a retry is now due in 500 ms
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(
                QStringLiteral("again failed: .* \\(the log closes: indexed again from the segment files "
                               "at the next start\\)")));
        log.reset();
        m_clock.advance(60000); // longer than any retry delay (at most 30 s)
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(QStringLiteral("recovery: .* offsets 6\\.\\.6, appended after the last index commit")));
        log = open(options);
        QVERIFY(log);
        QCOMPARE(baseOffsets(log->read(tp, 0, 1 << 20).records), QStringLiteral("0 2 5 6"));
    }

    // A failed append rolls back its own savepoint only: the waiting rows of the appends before it are committed.
    void aFailedAppendLeavesTheWaitingRowsOfEarlierOnes()
    {
        const StorageOptions options = freshOptions();
        auto log = open(options);
        QVERIFY(log);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(log->createTopic(tp.topic, 1), ErrorCode::None);
        QCOMPARE(log->append(tp, makeBatch(2)).error, ErrorCode::None);
        log->setStorageReadOnlyForTesting(true);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("append failed")));
        QCOMPARE(log->append(tp, makeBatch(3)).error, ErrorCode::KafkaStorageError);
        log->setStorageReadOnlyForTesting(false);
        QCOMPARE(log->append(tp, makeBatch(1)).baseOffset, 2);
        m_clock.advance(LogManager::IndexCommitIntervalMs);
        QCOMPARE(pragmaOn(options.dataDir + QLatin1String("/topicscope.db"), "SELECT count(*) FROM batches"), 2);
        log.reset();
        log = open(options);
        QVERIFY(log);
        QCOMPARE(baseOffsets(log->read(tp, 0, 1 << 20).records), QStringLiteral("0 2"));
    }
};

QTEST_GUILESS_MAIN(TestIndexCommit)
#include "tst_indexcommit.moc"
