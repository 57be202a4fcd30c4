#pragma once

#include "errorcode.h"
#include "group/offsetstore.h"
#include "producerstatesnapshot.h"
#include "storedbatchinfo.h"
#include "topicid.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QMap>
#include <QString>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace topicscope::engine {

// Persistent state of one partition, kept in the partitions table and updated in the same transaction as the
// batches it describes, so opening a store never has to scan batches.
struct StoredPartition {
    qint64 partitionId = -1; // the store's key for the partition
    int partition = 0;
    qint64 logStartOffset = 0;
    qint64 logEndOffset = 0;
    qint64 sizeBytes = 0;
    qint64 lastAppendTimeMs = -1;
};

struct StoredTopic {
    qint64 topicId = -1; // the store's key for the topic
    QString name;
    TopicId uuid; // Kafka's topic id; never null in a loaded topic
    QMap<QString, QString> configs; // Kafka config names and values
    std::vector<StoredPartition> partitions; // ordered by partition
};

// One segment file of a partition as the segments table has it (see SegmentLog).
struct StoredSegment {
    qint64 baseOffset = 0;
    qint64 sizeBytes = 0; // bytes that belong to the log: a longer file has an uncommitted tail
    qint64 rollTimestamp = -1; // the first batch's maxTimestamp (segment.ms)
    qint64 maxTimestamp = -1; // the largest of its batches' (retention.ms)
};

// SQLite persistence of topics, the index of partition logs (one row per record batch, never per record; the bytes
// in segment files on disk, or in the database for in-memory stores) and committed consumer-group offsets, through
// the sqlite3 C API. One connection, used only from the engine thread; not
// thread-safe. Mutating calls other than the OffsetStore ones must run between begin() and commit();
// a failed call leaves the transaction for the caller to roll back.
class WalCheckpointer;

class SqliteStore final : public OffsetStore {
public:
    static constexpr int SchemaVersion = 4; // the newest schema this build knows (PRAGMA user_version)
    static constexpr quint32 ApplicationId = 0x54536370; // "TScp" in PRAGMA application_id
    static QString databaseFileName() { return QStringLiteral("topicscope.db"); }
    static QString inMemoryPath() { return QStringLiteral(":memory:"); }

    // Opens or creates the database at path (inMemoryPath() for a private in-memory one), migrating its schema.
    // A file that is not a Topicscope database, is corrupt, is in use or is newer than this build fails with
    // *error naming the path and the cause.
    static std::unique_ptr<SqliteStore> open(const QString &path, bool fsyncEachCommit, QString *error);
    ~SqliteStore() override;
    SqliteStore(const SqliteStore &) = delete;
    SqliteStore &operator=(const SqliteStore &) = delete;

    QString path() const { return m_path; }
    // WAL checkpoints done by the checkpointer's thread, and by this thread because the WAL passed HardWalBytes.
    quint64 backgroundCheckpoints() const;
    quint64 inlineCheckpoints() const { return m_inlineCheckpoints; }
    static constexpr qint64 CheckpointWalBytes = 4 << 20; // wakes the checkpointer
    static constexpr qint64 HardWalBytes = 128 << 20; // this thread checkpoints (see walHook)
    // The database's page size: 4 KiB for a database created on disk by this version, 16 KiB in memory and for
    // databases created before (SQLite keeps a file's page size; see configure()).
    int pageSize() const { return m_pageSize; }

    bool begin(QString *why);
    bool commit(QString *why);
    void rollback(); // safe to call when SQLite already rolled the transaction back itself
    bool inTransaction() const;
    // A savepoint for one append inside the open transaction (LogManager's deferred index commits): kept, its rows
    // join the transaction; undone, only what was written since it goes. After an I/O error or a full disk SQLite
    // may have rolled the whole transaction back instead: inTransaction() then says false.
    bool openAppendSavepoint(QString *why);
    bool keepAppendSavepoint(QString *why);
    void undoAppendSavepoint();

    std::optional<std::vector<StoredTopic>> loadTopics(QString *why) const;

    // uuid: the Kafka topic id, unique among the stored topics.
    bool insertTopic(
        const QString &name, const TopicId &uuid, const QMap<QString, QString> &configs, qint64 *topicId, QString *why);
    // insertTopic with the key *topicId when > 0 (its partitions may be stored before it: insertPartitions), else one
    // SQLite picks, stored in *topicId.
    bool insertTopicAs(
        qint64 *topicId, const QString &name, const TopicId &uuid, const QMap<QString, QString> &configs, QString *why);
    // The partition rows of a topic key whose topic row was never written (an abandoned creation).
    bool deletePartitionsOf(qint64 topicId, QString *why);
    bool replaceTopicConfigs(qint64 topicId, const QMap<QString, QString> &configs, QString *why);
    bool insertPartition(qint64 topicId, int partition, qint64 *partitionId, QString *why);
    // Partitions from .. to-1 of the topic, appended to *partitions with their keys, in partition order.
    bool insertPartitions(qint64 topicId, int from, int to, std::vector<StoredPartition> *partitions, QString *why);
    // Removes the topic with its partitions, batches and every group's committed offsets for it.
    bool deleteTopic(qint64 topicId, const QString &name, QString *why);
    // A batch whose bytes are stored in the database (in-memory stores).
    bool insertBatch(qint64 partitionId, const StoredBatchInfo &info, QByteArrayView bytes, QString *why);
    // A batch whose bytes are in a segment file (info.segmentBase, info.filePosition).
    bool insertBatchLocation(qint64 partitionId, const StoredBatchInfo &info, QString *why);
    // Segments: inserted or updated (size, timestamps) with the batches written to them; deleted below an offset.
    bool upsertSegment(qint64 partitionId, const StoredSegment &segment, QString *why);
    bool loadSegments(qint64 partitionId, std::vector<StoredSegment> *segments, QString *why) const;
    // Deletes the segment rows whose base offset is below baseOffset.
    bool deleteSegmentsBelow(qint64 partitionId, qint64 baseOffset, QString *why);
    // The log cleaner's rewrite: one segment row, and the batches whose base offset is in [from, to) with their bytes.
    bool deleteSegment(qint64 partitionId, qint64 baseOffset, QString *why);
    bool deleteBatchesBetween(qint64 partitionId, qint64 from, qint64 to, QString *why);
    // Migration of batches stored in the database to segment files: how many there are, each with its bytes (in
    // offset order), and moving one's bytes out (its row points at the file, its bytes are deleted).
    bool countDatabaseBatches(qint64 *count, QString *why) const;
    bool forEachDatabaseBatch(qint64 partitionId,
        const std::function<bool(const StoredBatchInfo &, QByteArrayView)> &visit, QString *why) const;
    bool moveBatchToSegment(qint64 partitionId, const StoredBatchInfo &info, QString *why);
    // Gives the free pages back to the file system (after a migration emptied the batch_data table).
    bool vacuum(QString *why);
    bool updatePartition(const StoredPartition &state, QString *why);
    // Deletes the batches that lie wholly below offset (lastOffset < offset); *deletedBytes gets their size.
    bool deleteBatchesBelow(qint64 partitionId, qint64 offset, qint64 *deletedBytes, QString *why);

    // Producer-state snapshots (one per partition, see ProducerStateSnapshot). load: nullopt when the partition has
    // none. save replaces the partition's snapshot. advance: the producers whose batches all lie below logStartOffset
    // are forgotten, as Kafka forgets them, and a snapshot below it (holding only such producers) becomes an empty one
    // at logStartOffset.
    bool loadProducerSnapshot(qint64 partitionId, std::optional<ProducerStateSnapshot> *snapshot, QString *why) const;
    bool saveProducerSnapshot(qint64 partitionId, const ProducerStateSnapshot &snapshot, QString *why);
    bool advanceProducerSnapshot(qint64 partitionId, qint64 logStartOffset, QString *why);

    // Appends to *out whole batches from the one holding fetchOffset on, while they fit in maxBytes, but at
    // least one. *batchCount gets the number appended.
    bool readBatches(
        qint64 partitionId, qint64 fetchOffset, qint64 maxBytes, QByteArray *out, int *batchCount, QString *why) const;
    // Calls visit for each batch from the one holding fromOffset on, in offset order, until it returns false.
    // visit must not call back into the store.
    bool forEachBatch(qint64 partitionId, qint64 fromOffset, const std::function<bool(const StoredBatchInfo &)> &visit,
        QString *why) const;
    // The first batch at or after the one holding fromOffset whose maxTimestamp >= timestamp, with its bytes.
    bool findBatchByTimestamp(qint64 partitionId, qint64 fromOffset, qint64 timestamp,
        std::optional<StoredBatchInfo> *info, QByteArray *bytes, QString *why) const;

    // Of the batches with records at or after fromOffset, the one whose maxTimestamp is the highest (the first
    // such batch on a tie), without its bytes; nullopt when there is none. Reads every index row of the partition.
    bool findMaxTimestampBatch(
        qint64 partitionId, qint64 fromOffset, std::optional<StoredBatchInfo> *info, QString *why) const;

    // OffsetStore. Each call is atomic; inside an open transaction it joins it (a savepoint).
    ErrorCode saveOffsets(
        const QString &groupId, const std::vector<CommittedOffset> &offsets, QString *why = nullptr) override;
    ErrorCode deleteGroupOffsets(const QString &groupId) override;
    ErrorCode deleteOffsets(const QString &groupId, const QList<TopicPartition> &partitions) override;
    ErrorCode deleteTopicOffsets(const QString &topic) override;
    QMap<QString, std::vector<CommittedOffset>> loadOffsets(QString *why = nullptr) const override;

    // Test seams for storage faults. PRAGMA max_page_count makes writes past maxPages fail with SQLITE_FULL
    // (as a full disk does); <= 0 lifts the limit. PRAGMA query_only makes every write fail as on a read-only
    // file (tests run as root, so chmod cannot make a file read-only for them).
    void setMaxPageCountForTesting(qint64 maxPages);
    void setReadOnlyForTesting(bool readOnly);
    qint64 pageCount() const;

private:
    explicit SqliteStore(const QString &path);
    bool configure(bool fsyncEachCommit, QString *why);
    bool migrate(QString *why);
    // At open: partition rows without a topic row (LogManager::Creation writes a big topic's partitions over several
    // transactions and its topic row last; a crash between them leaves these).
    bool removeOrphanPartitions(QString *why);
    bool exec(const char *sql, QString *why) const;
    // Runs a one-off statement (not cached) and hands its first row to read.
    bool queryRow(const char *sql, const std::function<void(sqlite3_stmt *)> &read, QString *why) const;
    sqlite3_stmt *statement(const char *sql, QString *why) const;
    QString lastError(const char *what) const;
    // Runs a batch query binding parameters as ?1, ?2, ...: its first row's batch info (columns 0-4) and, when bytes
    // is given, the batch bytes (column 5); nullopt when it has no row.
    bool findOneBatch(const char *sql, std::initializer_list<qint64> parameters, std::optional<StoredBatchInfo> *info,
        QByteArray *bytes, const char *what, QString *why) const;
    // A parameter of run(): an integer or a text.
    using SqlParameter = std::variant<qint64, QString>;
    // Runs a statement that returns no rows, binding parameters as ?1, ?2, ...; *why gets what failed, prefixed
    // with what.
    bool run(const char *sql, std::initializer_list<SqlParameter> parameters, const char *what, QString *why);
    // Runs change inside the offset store's savepoint: kept (RELEASE; what names a failure of it) when change returns
    // true, undone otherwise. engine/storage/sqlitestoreoffsets.cpp.
    bool inOffsetSavepoint(const std::function<bool()> &change, const char *what, QString *why);
    bool deleteTopicOffsetRows(const QString &topic, QString *why);
    // ROLLBACK TO and RELEASE of a savepoint (the two statements given), ignoring failures.
    void undoSavepoint(const char *rollbackTo, const char *release);

    // On disk: the data directory's lock (flock, held for the store's life: one store per directory, in any process)
    // and the WAL's checkpoints, off this thread (WalCheckpointer). Its pages beyond CheckpointWalBytes wake the
    // checkpointer; beyond HardWalBytes (it fell far behind) this thread checkpoints itself, so the WAL stays bounded.
    static int walHook(void *store, sqlite3 *db, const char *name, int pages);
    bool lockDirectory(QString *why);
    int m_directoryLock = -1;
    quint64 m_inlineCheckpoints = 0;
    int m_pageSize = 0;
    std::unique_ptr<WalCheckpointer> m_checkpointer;

    sqlite3 *m_db = nullptr;
    QString m_path;
    qint64 m_defaultMaxPageCount = 0;
    // Prepared statements, keyed by the address of their SQL text (each is a named constant in the .cpp).
    mutable std::vector<std::pair<const char *, sqlite3_stmt *>> m_statements;
};

} // namespace topicscope::engine
