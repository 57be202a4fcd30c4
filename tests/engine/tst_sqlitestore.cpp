#include "sqlitetesthelpers.h"
#include "storage/sqlitestore.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace topicscope::engine;
using namespace topicscope::engine::sqlitetest;

namespace {

QString pragmaTextOn(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *s = nullptr;
    QString value;
    if (sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK
        && sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return value;
}

QString dumpOffsets(const QMap<QString, std::vector<CommittedOffset>> &offsets)
{
    QStringList lines;
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it) {
        for (const CommittedOffset &o : it.value())
            lines.append(QStringLiteral("%1 %2=%3 epoch=%4 meta=%5 at=%6")
                             .arg(it.key(), o.topicPartition.toString())
                             .arg(o.offset)
                             .arg(o.leaderEpoch)
                             .arg(o.metadata)
                             .arg(o.commitTimestampMs));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestSqliteStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLoggingCategory::setFilterRules(QStringLiteral("topicscope.engine.*=false")); }

    void newDatabaseIsOursAndVersioned()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(SqliteStore::databaseFileName());
        {
            QString error;
            auto store = SqliteStore::open(path, false, &error);
            QVERIFY2(store, qPrintable(error));
            QCOMPARE(store->path(), path);
        }
        QCOMPARE(pragmaOn(path, "PRAGMA application_id"), qint64(SqliteStore::ApplicationId));
        QCOMPARE(pragmaOn(path, "PRAGMA user_version"), qint64(SqliteStore::SchemaVersion));
        // 4 KiB pages on disk (record bytes are in segment files; a commit writes whole pages to the WAL).
        QCOMPARE(pragmaOn(path, "PRAGMA page_size"), 4096);
        QCOMPARE(pragmaTextOn(path, "PRAGMA journal_mode"), QStringLiteral("wal")); // WAL is persistent
        // A reopen of a current database runs no migration and keeps the data.
        QString error;
        QVERIFY2(SqliteStore::open(path, true, &error), qPrintable(error));
    }

    // A database created before 4 KiB pages keeps its 16 KiB ones (SQLite fixes a file's page size): it opens, its
    // data stays, and the WAL thresholds follow its page size.
    void databaseWithSixteenKibPagesKeepsThem()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(SqliteStore::databaseFileName());
        const CommittedOffset o {{QStringLiteral("t"), 0}, 42, -1, QStringLiteral("m"), 7};
        {
            QString error;
            auto store = SqliteStore::open(path, false, &error);
            QVERIFY2(store, qPrintable(error));
            QCOMPARE(store->pageSize(), 4096);
            QCOMPARE(store->saveOffsets(QStringLiteral("g"), {o}), ErrorCode::None);
        }
        // What an earlier version wrote: the same schema in 16 KiB pages (VACUUM rewrites pages outside WAL mode).
        QVERIFY(
            execOn(path, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 16384; VACUUM; PRAGMA journal_mode = WAL"));
        QCOMPARE(pragmaOn(path, "PRAGMA page_size"), 16384);
        QString error;
        auto store = SqliteStore::open(path, false, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->pageSize(), 16384);
        const auto offsets = store->loadOffsets();
        QCOMPARE(offsets.size(), 1);
        QCOMPARE(offsets.value(QStringLiteral("g")).size(), size_t(1));
        QCOMPARE(offsets.value(QStringLiteral("g")).front().offset, qint64(42));
        QCOMPARE(SqliteStore::open(SqliteStore::inMemoryPath(), false, &error)->pageSize(), 16384);
    }

    void refusesForeignAndNewerDatabases_data()
    {
        QTest::addColumn<QByteArray>("setup");
        QTest::addColumn<QString>("cause");
        QTest::addRow("another application's database")
            << QByteArray("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)")
            << QStringLiteral("not a Topicscope database (application_id 0x00000000");
        QTest::addRow("another application id") << QByteArray(
            "PRAGMA application_id = 1234") << QStringLiteral("not a Topicscope database (application_id 0x000004d2");
        QTest::addRow("newer schema") << QByteArray("PRAGMA application_id = 1414751088; PRAGMA user_version = 99")
                                      << QStringLiteral("schema version 99 is newer than this build");
    }

    void refusesForeignAndNewerDatabases()
    {
        QFETCH(QByteArray, setup);
        QFETCH(QString, cause);
        QTemporaryDir dir;
        const QString path = dir.filePath(SqliteStore::databaseFileName());
        QVERIFY(execOn(path, setup.constData()));
        QString error;
        QVERIFY(!SqliteStore::open(path, false, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(cause), qPrintable(error));
    }

    void missingDirectoryIsAnError()
    {
        QString error;
        QVERIFY(!SqliteStore::open(QStringLiteral("/nonexistent-dir-for-test/x/topicscope.db"), false, &error));
        QVERIFY2(error.contains(QLatin1String("/nonexistent-dir-for-test/x/topicscope.db")), qPrintable(error));
    }

    // The WAL is copied back into the database by the checkpointer's thread, not inside a COMMIT on the engine
    // thread, and stays bounded while small commits keep coming (single-record produces at a steady rate).
    void walCheckpointsRunOffTheCallersThread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(SqliteStore::databaseFileName());
        QString error;
        auto store = SqliteStore::open(path, false, &error);
        QVERIFY2(store, qPrintable(error));
        qint64 largestWal = 0;
        for (int i = 0; i < 3000; ++i) {
            const CommittedOffset o {{QStringLiteral("t"), i % 50}, i, -1, QString(1000, QLatin1Char('m')), i};
            QCOMPARE(store->saveOffsets(QStringLiteral("g%1").arg(i % 200), {o}), ErrorCode::None);
            largestWal = qMax(largestWal, QFileInfo(path + QLatin1String("-wal")).size());
        }
        QTRY_VERIFY(store->backgroundCheckpoints() > 0);
        QCOMPARE(store->inlineCheckpoints(), quint64(0));
        QVERIFY2(largestWal < SqliteStore::HardWalBytes, qPrintable(QString::number(largestWal)));
        // A second store on the same directory is refused, the first one keeps working.
        QVERIFY(!SqliteStore::open(path, false, &error));
        QVERIFY2(error.contains(QLatin1String("locked")), qPrintable(error));
        QCOMPARE(store->loadOffsets().size(), 200);
    }

    void committedOffsetsPersist()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(SqliteStore::databaseFileName());
        const CommittedOffset a0 {{QStringLiteral("a"), 0}, 10, 3, QStringLiteral("meta"), 111};
        const CommittedOffset a1 {{QStringLiteral("a"), 1}, 20, -1, QString(), 112};
        const CommittedOffset b0 {{QStringLiteral("b"), 0}, 30, -1, QStringLiteral("x"), 113};
        {
            QString error;
            auto store = SqliteStore::open(path, false, &error);
            QVERIFY2(store, qPrintable(error));
            QCOMPARE(store->saveOffsets(QStringLiteral("g1"), {a0, a1}), ErrorCode::None);
            QCOMPARE(store->saveOffsets(QStringLiteral("g2"), {b0, a0}), ErrorCode::None);
            CommittedOffset moved = a1;
            moved.offset = 25;
            QCOMPARE(store->saveOffsets(QStringLiteral("g1"), {moved}), ErrorCode::None); // replaces
            QCOMPARE(store->deleteTopicOffsets(QStringLiteral("b")), ErrorCode::None);
        }
        QString error;
        auto store = SqliteStore::open(path, false, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(dumpOffsets(store->loadOffsets()),
            QStringLiteral("g1 a-0=10 epoch=3 meta=meta at=111\n"
                           "g1 a-1=25 epoch=-1 meta= at=112\n"
                           "g2 a-0=10 epoch=3 meta=meta at=111"));
        QCOMPARE(store->deleteGroupOffsets(QStringLiteral("g1")), ErrorCode::None);
        QCOMPARE(dumpOffsets(store->loadOffsets()), QStringLiteral("g2 a-0=10 epoch=3 meta=meta at=111"));
    }

    void offsetCommitIsAtomicOnStorageFailure()
    {
        QString error;
        auto store = SqliteStore::open(SqliteStore::inMemoryPath(), false, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->saveOffsets(QStringLiteral("g"), {{{QStringLiteral("a"), 0}, 1, -1, QString(), 1}}),
            ErrorCode::None);
        store->setReadOnlyForTesting(true);
        QString why;
        QCOMPARE(store->saveOffsets(QStringLiteral("g"), {{{QStringLiteral("a"), 0}, 2, -1, QString(), 2}}, &why),
            ErrorCode::KafkaStorageError);
        QVERIFY(!why.isEmpty());
        QCOMPARE(store->deleteGroupOffsets(QStringLiteral("g")), ErrorCode::KafkaStorageError);
        store->setReadOnlyForTesting(false);
        QVERIFY(!store->inTransaction());
        QCOMPARE(dumpOffsets(store->loadOffsets()), QStringLiteral("g a-0=1 epoch=-1 meta= at=1"));

        // Inside a caller's transaction the commit joins it and is undone with it.
        QVERIFY(store->begin(nullptr));
        QCOMPARE(store->saveOffsets(QStringLiteral("g"), {{{QStringLiteral("a"), 0}, 3, -1, QString(), 3}}),
            ErrorCode::None);
        QVERIFY(store->inTransaction());
        store->rollback();
        QCOMPARE(dumpOffsets(store->loadOffsets()), QStringLiteral("g a-0=1 epoch=-1 meta= at=1"));
    }

    void batchesRoundTripAndRangeQueries()
    {
        QString error;
        auto store = SqliteStore::open(SqliteStore::inMemoryPath(), false, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->begin(&error));
        qint64 topicId = -1;
        qint64 p0 = -1;
        qint64 p1 = -1;
        QVERIFY(store->insertTopic(QStringLiteral("t"), TopicId::generate(),
            {{QStringLiteral("retention.ms"), QStringLiteral("5")}}, &topicId, &error));
        QVERIFY(store->insertPartition(topicId, 0, &p0, &error));
        QVERIFY(store->insertPartition(topicId, 1, &p1, &error));
        // Batches of 10 offsets each in p0; one in p1 that must never show up in p0's queries.
        for (int i = 0; i < 5; ++i) {
            const QByteArray bytes(100 + i, static_cast<char>('a' + i));
            QVERIFY(store->insertBatch(p0, {i * 10, i * 10 + 9, 1000 + i, 10, bytes.size()}, bytes, &error));
        }
        QVERIFY(store->insertBatch(p1, {0, 99, 5000, 100, 3}, QByteArray("zzz"), &error));
        QVERIFY(store->commit(&error));

        QByteArray out;
        int count = 0;
        QVERIFY(store->readBatches(p0, 25, 205, &out, &count, &error));
        QCOMPARE(count, 2);
        QCOMPARE(out, QByteArray(102, 'c') + QByteArray(103, 'd'));

        QStringList seen;
        QVERIFY(store->forEachBatch(
            p0, 0,
            [&](const StoredBatchInfo &b) {
                seen.append(QStringLiteral("%1-%2@%3").arg(b.baseOffset).arg(b.lastOffset).arg(b.maxTimestamp));
                return b.baseOffset < 20;
            },
            &error));
        QCOMPARE(seen.join(QLatin1Char(' ')), QStringLiteral("0-9@1000 10-19@1001 20-29@1002"));

        std::optional<StoredBatchInfo> found;
        QByteArray bytes;
        QVERIFY(store->findBatchByTimestamp(p0, 0, 1003, &found, &bytes, &error));
        QVERIFY(found);
        QCOMPARE(found->baseOffset, 30);
        QCOMPARE(bytes, QByteArray(103, 'd'));
        QVERIFY(store->findBatchByTimestamp(p0, 0, 4000, &found, &bytes, &error));
        QVERIFY(!found);

        QVERIFY(store->begin(&error));
        qint64 deleted = 0;
        QVERIFY(store->deleteBatchesBelow(p0, 25, &deleted, &error)); // keeps [20..29]
        QCOMPARE(deleted, 100 + 101);
        QVERIFY(store->commit(&error));
        out.clear();
        QVERIFY(store->readBatches(p0, 0, 1 << 20, &out, &count, &error));
        QCOMPARE(count, 3);

        QVERIFY(store->begin(&error));
        QVERIFY(store->deleteTopic(topicId, QStringLiteral("t"), &error));
        QVERIFY(store->commit(&error));
        const auto topics = store->loadTopics(&error);
        QVERIFY(topics && topics->empty());
        out.clear();
        QVERIFY(store->readBatches(p1, 0, 1 << 20, &out, &count, &error));
        QCOMPARE(count, 0);
    }

    // A database written by Topicscope before topic ids (schema 1: tests/engine/data/topicscope-schema1.db.qz, made
    // by the build of main at 036cd94 with kcat producing to "orders" (3 records) and "audit.log" (1), stored
    // qCompress'ed) is migrated on open: every topic gets an id, which then stays the same on every later open.
    // Producer-state snapshots: one per partition, replaced whole; producers the log start passes are forgotten (all
    // of them, and the offset moved up, when it passes the snapshot); deleted with their topic.
    void producerSnapshotsRoundTrip()
    {
        QString error;
        auto store = SqliteStore::open(SqliteStore::inMemoryPath(), false, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->begin(&error));
        qint64 topicId = -1;
        qint64 p0 = -1;
        qint64 p1 = -1;
        QVERIFY(store->insertTopic(QStringLiteral("t"), TopicId::generate(), {}, &topicId, &error));
        QVERIFY(store->insertPartition(topicId, 0, &p0, &error));
        QVERIFY(store->insertPartition(topicId, 1, &p1, &error));
        std::optional<ProducerStateSnapshot> loaded;
        QVERIFY(store->loadProducerSnapshot(p0, &loaded, &error));
        QVERIFY(!loaded);

        ProducerStateSnapshot snapshot;
        snapshot.offset = 50;
        snapshot.producers[7].producerEpoch = 2;
        snapshot.producers[7].batches = {{0, 9, 0, 9}, {10, 19, 20, 29}};
        snapshot.producers[8].producerEpoch = 0;
        snapshot.producers[8].batches = {{5, 5, 40, 40}};
        QVERIFY(store->saveProducerSnapshot(p0, snapshot, &error));
        QVERIFY(store->loadProducerSnapshot(p0, &loaded, &error));
        QVERIFY(loaded);
        QCOMPARE(loaded->offset, qint64(50));
        QCOMPARE(loaded->producers.size(), 2);
        QCOMPARE(loaded->producers[7].producerEpoch, qint16(2));
        QCOMPARE(loaded->producers[7].batches.size(), size_t(2));
        QCOMPARE(loaded->producers[7].batches[1].firstSeq, 10);
        QCOMPARE(loaded->producers[7].batches[1].lastSeq, 19);
        QCOMPARE(loaded->producers[7].batches[1].firstOffset, qint64(20));
        QCOMPARE(loaded->producers[7].batches[1].lastOffset, qint64(29));
        QCOMPARE(loaded->producers[8].batches.front().lastOffset, qint64(40));
        QVERIFY(store->loadProducerSnapshot(p1, &loaded, &error));
        QVERIFY(!loaded);

        // The log start passes producer 7's last batch, not producer 8's: 7 is forgotten, the offset stays.
        QVERIFY(store->advanceProducerSnapshot(p0, 35, &error));
        QVERIFY(store->loadProducerSnapshot(p0, &loaded, &error));
        QCOMPARE(loaded->offset, qint64(50));
        QCOMPARE(loaded->producers.keys(), QList<qint64> {8});
        // Past the snapshot: empty, at the log start.
        QVERIFY(store->advanceProducerSnapshot(p0, 60, &error));
        QVERIFY(store->loadProducerSnapshot(p0, &loaded, &error));
        QCOMPARE(loaded->offset, qint64(60));
        QVERIFY(loaded->producers.isEmpty());

        // Saving replaces the whole snapshot.
        snapshot.offset = 70;
        snapshot.producers.remove(8);
        QVERIFY(store->saveProducerSnapshot(p0, snapshot, &error));
        QVERIFY(store->loadProducerSnapshot(p0, &loaded, &error));
        QCOMPARE(loaded->offset, qint64(70));
        QCOMPARE(loaded->producers.keys(), QList<qint64> {7});

        QVERIFY(store->deleteTopic(topicId, QStringLiteral("t"), &error));
        QVERIFY(store->loadProducerSnapshot(p0, &loaded, &error));
        QVERIFY(!loaded);
        QVERIFY(store->commit(&error));
    }

    void schema1DatabaseGetsTopicIds()
    {
        QFile fixture(QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/engine/data/topicscope-schema1.db.qz"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        QTemporaryDir dir;
        const QString path = dir.filePath(SqliteStore::databaseFileName());
        {
            QFile copy(path);
            QVERIFY(copy.open(QIODevice::WriteOnly));
            copy.write(qUncompress(fixture.readAll()));
        }
        QCOMPARE(pragmaOn(path, "PRAGMA user_version"), qint64(1));
        QCOMPARE(pragmaOn(path, "SELECT count(*) FROM topics"), qint64(2));

        const auto load = [&path]() -> std::optional<std::vector<StoredTopic>> {
            QString error;
            auto store = SqliteStore::open(path, false, &error);
            if (!store) {
                qWarning() << error;
                return std::nullopt;
            }
            return store->loadTopics(&error);
        };
        const auto first = load();
        QVERIFY(first);
        QCOMPARE(pragmaOn(path, "PRAGMA user_version"), qint64(SqliteStore::SchemaVersion));
        QCOMPARE(first->size(), size_t(2));
        QCOMPARE(first->at(0).name, QStringLiteral("audit.log"));
        QCOMPARE(first->at(1).name, QStringLiteral("orders"));
        for (const StoredTopic &topic : *first) {
            QVERIFY(!topic.uuid.isNull() && !topic.uuid.isReserved());
            QCOMPARE(topic.partitions.size(), size_t(1));
        }
        QVERIFY(first->at(0).uuid != first->at(1).uuid);
        QCOMPARE(first->at(1).partitions[0].logEndOffset, 3);
        const auto second = load();
        QVERIFY(second);
        QCOMPARE(second->at(0).uuid, first->at(0).uuid);
        QCOMPARE(second->at(1).uuid, first->at(1).uuid);

        // The records are still there to read.
        QString error;
        auto store = SqliteStore::open(path, false, &error);
        QByteArray out;
        int batches = 0;
        QVERIFY(store->readBatches(second->at(1).partitions[0].partitionId, 0, 1 << 20, &out, &batches, &error));
        QVERIFY(batches >= 1 && !out.isEmpty());
    }

    // Ids are unique in the store, as the index says.
    void topicIdsAreUnique()
    {
        QString error;
        auto store = SqliteStore::open(SqliteStore::inMemoryPath(), false, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->begin(&error));
        const TopicId id = TopicId::generate();
        qint64 topicId = -1;
        QVERIFY(store->insertTopic(QStringLiteral("a"), id, {}, &topicId, &error));
        QVERIFY(!store->insertTopic(QStringLiteral("b"), id, {}, &topicId, &error));
        QVERIFY2(error.contains(QLatin1String("UNIQUE")), qPrintable(error));
        store->rollback();
    }
};

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
