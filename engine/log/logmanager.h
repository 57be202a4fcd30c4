#pragma once

#include "core/clock.h"
#include "core/events.h"
#include "errorcode.h"
#include "storage/producerstatesnapshot.h"
#include "storage/segmentlog.h"
#include "topicconfig.h"
#include "topicid.h"
#include "topicinfo.h"
#include "topicpartition.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace topicscope::engine {

class SqliteStore;
class OffsetStore;
struct RecordBatchHeader;

struct AppendResult {
    ErrorCode error = ErrorCode::None;
    qint64 baseOffset = -1; // offset given to the first record
    qint64 lastOffset = -1;
    qint64 logAppendTimeMs = -1; // set when the topic uses LogAppendTime, else -1 (as in ProduceResponse)
    qint64 logStartOffset = 0;
    QString message; // why, when error != None; what happened, for a duplicate
    // A retry of a batch an idempotent producer already stored (Broker::append): answered with the offsets the
    // batch got the first time, not stored again.
    bool duplicate = false;
    // The request's batches started a new segment file (a roll, or the partition's first segment): Kafka snapshots
    // producer state then (ProducerStateManager::onLogAppended).
    bool segmentRolled = false;
};

struct AppendRequest {
    TopicPartition topicPartition;
    // One or more whole RecordBatch v2, as a producer sent them. It may borrow its bytes (QByteArray::fromRawData
    // over a Produce request's frame, which lives only as long as the request's handler): append() and all it
    // calls read it and keep none of it (a copy of such a QByteArray would borrow the same bytes).
    QByteArray records;
};

struct FetchResult {
    ErrorCode error = ErrorCode::None;
    QByteArray records; // whole stored batches, base offsets absolute; may start before fetchOffset
    qint64 highWatermark = 0;
    qint64 logStartOffset = 0;
};

struct OffsetAndTimestamp {
    ErrorCode error = ErrorCode::None;
    qint64 offset = -1;
    qint64 timestamp = -1;
};

struct StorageOptions {
    QString dataDir; // ignored when inMemory
    bool inMemory = false;
    // synchronous=FULL fsyncs each commit (survives power loss); NORMAL (default) survives a killed process.
    bool fsyncEachCommit = false;
    // On disk, the log cleaner reads and rewrites segments on a thread of its own, as Kafka's does, so compacting a
    // large segment never holds the engine thread: clean() hands it one partition at a time and commits what it
    // finished (the live engine). False: each cleaning runs inside clean() (tests, scenarios on a manual clock).
    bool cleanerThread = false;
    // The log cleaner's key map (each key's newest offset) may hold this many bytes, by its own estimate; a dirty range
    // with more keys is cleaned a prefix at a time. Kafka's log.cleaner.dedupe.buffer.size (128 MiB for all its
    // cleaner threads; ours is one thread). In-memory stores clean their (demo-sized) log whole, without a budget.
    qint64 cleanerKeyMapBytes = 64LL << 20;
};

// Topics and their partition logs: the single source of truth for records, persisted in SQLite.
// Part of the functional core: no threads, no clock reads (time comes from Clock), no sockets. Lives on the
// engine thread; not thread-safe.
class LogManager {
public:
    // Opens (creating if needed) the store. On failure returns nullptr and *error names the file and cause.
    static std::unique_ptr<LogManager> open(
        const StorageOptions &options, Clock &clock, EventBus &events, QString *error);
    ~LogManager();

    // Topics. Names follow Kafka's rules: 1-249 chars of [a-zA-Z0-9._-], not "." or "..".
    static ErrorCode validateTopicName(const QString &name, QString *why = nullptr);
    // Kafka maps '.' to '_' in metric names, so it refuses a topic whose name differs from an existing one only
    // there (createTopic: INVALID_TOPIC_EXCEPTION). Two names collide when their metric names are equal.
    static QString metricName(const QString &topic);
    ErrorCode createTopic(const QString &name, int partitions, const TopicConfig &config = {}, QString *why = nullptr);
    // Creates many topics as createTopic would one after the other (the same checks, a name that collides with an
    // earlier one of the same call included), but in one store transaction: a failing commit fails all that passed
    // the checks. Each created topic's TopicCreated is published, in the order given, once all of them exist.
    struct NewTopic {
        QString name;
        int partitions = 1;
        TopicConfig config;
    };
    struct TopicCreation {
        ErrorCode error = ErrorCode::None;
        QString why; // when error != None
    };
    std::vector<TopicCreation> createTopics(const std::vector<NewTopic> &topics);
    // createTopics in pieces, for a request too big for one turn of the engine thread (10,000 new topics, or 100 of
    // 10,000 partitions): beginCreatingTopics makes createTopics' checks and takes the names that pass them, then each
    // continueCreatingTopics does a piece of the work until outOfTime() (asked between topics and every few hundred
    // partitions) and returns, other work running in between. A topic of 10,000 partitions is prepared over several
    // pieces. Results, topic ids, partitions and events are those of createTopics; the difference is that topics
    // are stored and published a piece at a time (each piece's in one transaction: a failing commit fails that
    // piece's topics). A topic being created is invisible: every look-up (partitionCount, Metadata, Produce, Fetch)
    // finds no such topic until it is whole, stored and published, and creating, deleting or altering it meanwhile is
    // answered as for a topic that already exists or does not exist (Kafka's controller is as atomic). A crash never
    // leaves a half topic: each topic's rows are written by one transaction. Dropping an unfinished creation gives
    // back the names of the topics not yet created; it must not outlive this LogManager.
    class Creation {
    public:
        ~Creation();
        Creation(const Creation &) = delete;
        Creation &operator=(const Creation &) = delete;
        bool done() const;
        const std::vector<TopicCreation> &results() const; // parallel to the topics given, final once done()

    private:
        friend class LogManager;
        Creation();
        struct State;
        std::unique_ptr<State> s;
    };
    std::unique_ptr<Creation> beginCreatingTopics(std::vector<NewTopic> topics);
    // True when creation is done.
    bool continueCreatingTopics(Creation &creation, const std::function<bool()> &outOfTime);
    ErrorCode deleteTopic(const QString &name, QString *why = nullptr);
    // Grows the topic to newPartitionCount partitions (Kafka's CreatePartitions); shrinking is INVALID_PARTITIONS.
    ErrorCode createPartitions(const QString &name, int newPartitionCount, QString *why = nullptr);
    ErrorCode alterConfig(const QString &name, const TopicConfig &config, QString *why = nullptr);
    QStringList topicNames() const; // sorted
    std::optional<TopicInfo> describeTopic(const QString &name) const;
    // A topic's id (KIP-516), given when it is created; null when there is no such topic.
    TopicId topicId(const QString &name) const;
    // The topic that has the id; empty when none has (a deleted topic's id stays unknown, even when a topic of the
    // same name is created again: that one has a new id).
    QString topicName(const TopicId &id) const;
    int partitionCount(const QString &name) const; // -1 when the topic does not exist
    std::optional<PartitionInfo> partitionInfo(const TopicPartition &tp) const;

    // Validates and appends each request's batches, assigning offsets; all requests are stored in one
    // transaction and acknowledged together (group commit). A failing request does not stop the others.
    // On disk without fsyncEachCommit, an append is acknowledged once its batches are written to their segment
    // files (the page cache), as Kafka acknowledges: its index rows join an open SQLite transaction that is committed
    // IndexCommitIntervalMs after it began (a clock timer), before any other change to the store, and when the
    // LogManager closes. Appends then write no WAL page each (a single-record produce wrote three), so the WAL's
    // checkpoints, whose sync could hold the engine's next WAL write for as long as the disk took, come a hundred
    // times less often. A crash loses no acknowledged batch: recovery at start indexes again the valid batches it
    // finds past the last index commit. With fsyncEachCommit, and in memory, every append commits its own rows.
    static constexpr qint64 IndexCommitIntervalMs = 500;
    std::vector<AppendResult> append(const std::vector<AppendRequest> &requests);
    AppendResult append(const TopicPartition &tp, const QByteArray &records);
    // Commits the index rows of the appends since the last index commit now (see append()). False when the store
    // refuses; the rows are then written again by a timer (IndexCommitIntervalMs after the first failure, twice as long
    // after each further one, up to 30 s), or sooner at the next append or change to the store, or when the log closes.
    bool commitIndex(QString *why = nullptr);
    // Appends whose index rows wait for commitIndex().
    bool indexCommitPending() const;

    // Whole batches from the one holding fetchOffset on, up to maxBytes, but always at least one batch when
    // any exists (KIP-74). fetchOffset == logEndOffset gives no records; outside
    // [logStartOffset, logEndOffset] gives OFFSET_OUT_OF_RANGE.
    FetchResult read(const TopicPartition &tp, qint64 fetchOffset, qint64 maxBytes) const;

    // ListOffsets' special timestamps (Kafka's ListOffsetsRequest constants).
    static constexpr qint64 LatestTimestamp = -1;
    static constexpr qint64 EarliestTimestamp = -2;
    static constexpr qint64 MaxTimestamp = -3; // KIP-734
    static constexpr qint64 EarliestLocalTimestamp = -4; // KIP-405 tiered storage
    static constexpr qint64 LatestTieredTimestamp = -5; // KIP-1005
    // ListOffsets: EarliestTimestamp and EarliestLocalTimestamp give logStartOffset (no tiered storage: the whole
    // log is local), LatestTimestamp the logEndOffset, all with timestamp -1; LatestTieredTimestamp gives offset and
    // timestamp -1 (nothing is tiered), as Kafka does without tiered storage; MaxTimestamp the offset and timestamp
    // of the first record with the partition's highest timestamp (-1 / -1 when empty). Any other timestamp finds the
    // first offset whose record timestamp is >= it (offset -1 when there is none).
    OffsetAndTimestamp offsetForTimestamp(const TopicPartition &tp, qint64 timestamp) const;

    // Kafka's DeleteRecords: moves logStartOffset to offset (-1 = high watermark). Batches wholly below it
    // are deleted. Returns the new low watermark through *lowWatermark.
    ErrorCode deleteRecordsBefore(const TopicPartition &tp, qint64 offset, qint64 *lowWatermark = nullptr);

    // Applies retention.ms and retention.bytes to every partition of a topic whose cleanup.policy includes delete,
    // at clock time; publishes RecordsDeleted.
    void enforceRetention();

    // What one cleaning of a partition did.
    struct CleanReport {
        ErrorCode error = ErrorCode::None;
        bool cleaned = false; // something was dropped and the log rewritten
        qint64 recordsRead = 0;
        qint64 recordsKept = 0;
        qint64 bytesBefore = 0; // of the cleanable range
        qint64 bytesAfter = 0;
        // The first offset after the range looked at: the active segment's base on disk, or an earlier segment's when
        // the key map (StorageOptions::cleanerKeyMapBytes) filled first (the rest is cleaned by the next pass).
        qint64 rangeEnd = -1;
        // On disk: the most bytes the cleaning held at once by its own count (key map, one read run, one batch decoded
        // and rewritten, the batch positions); the memory bound tests check it.
        qint64 peakHeldBytes = 0;
    };
    // The log cleaner (Kafka's LogCleaner), for each partition of a topic whose cleanup.policy includes compact: when
    // at least min.cleanable.dirty.ratio of its cleanable bytes were written since its last cleaning, or a tombstone it
    // kept has outlived delete.retention.ms, cleans it as cleanPartition() does. Returns the partitions cleaned. On the
    // caller's thread; with StorageOptions::cleanerThread (on disk), clean() instead commits what the cleaner's thread
    // finished (counted) and hands it the next partition worth cleaning: call it again while cleaningInProgress().
    int clean();
    bool cleaningInProgress() const;
    // Cleans tp now, on the caller's thread, whatever its dirty ratio (after committing the cleaner thread's job). The
    // cleanable range is every closed segment (never the active one, as Kafka; an in-memory store has no segments and
    // cleans its whole log). In it each record whose key has a newer record in the range goes, as do records without a
    // key and tombstones older than delete.retention.ms (by their own timestamp). What stays keeps its offset: a batch
    // losing some records is rewritten in place with the same base and last offset (uncompressed), one losing all goes,
    // and a segment left empty is deleted. Log start and end offsets do not move. On disk each rewritten segment is
    // written beside the old one, synced, committed to the index and renamed over it (see SegmentLog::writeCleaned).
    // When the dirty part has more keys than StorageOptions::cleanerKeyMapBytes holds, the range ends earlier
    // (CleanReport::rangeEnd) and the next pass cleans the rest. Publishes LogCleaned when it dropped anything.
    CleanReport cleanPartition(const TopicPartition &tp);

    QString dataDirectory() const; // empty for in-memory
    // False for an in-memory store: nothing of it outlives the process.
    bool isPersistent() const;

    // Producer-state snapshots (ProducerStateManager keeps them here as Kafka keeps .snapshot files), one per
    // partition: tp's, nullopt when it has none (or the store cannot be read: logged). save replaces it, in its own
    // transaction; it does nothing in memory. Snapshots go with their topic, and one the log start passes becomes an
    // empty one at the log start (deleteRecordsBefore, retention).
    std::optional<ProducerStateSnapshot> producerSnapshot(const TopicPartition &tp) const;
    ErrorCode saveProducerSnapshot(const TopicPartition &tp, const ProducerStateSnapshot &snapshot);
    // Calls visit with the header of each of tp's batches from the one holding fromOffset on, in offset order, until
    // it returns false: the first 61 bytes of each, read from its segment file, never the records. False and *why
    // when one cannot be read or does not match its index entry.
    bool forEachBatchHeader(const TopicPartition &tp, qint64 fromOffset,
        const std::function<bool(const RecordBatchHeader &)> &visit, QString *why = nullptr) const;
    // The base offsets of tp's segment files, oldest first (none in memory).
    std::vector<qint64> segmentBaseOffsets(const TopicPartition &tp) const;
    // tp's segment files as the index has them, oldest first (none in memory).
    std::vector<SegmentInfo> segments(const TopicPartition &tp) const;

    // Committed consumer-group offsets live in the same database (used by the GroupCoordinator).
    OffsetStore &offsetStore();

    // Test seams for storage faults, so tests can check KAFKA_STORAGE_ERROR handling without a really full or
    // read-only disk (tests run as root, where chmod does not stop writes). Headroom: at most extraPages more
    // database pages may be written, as on a nearly full disk; -1 lifts the limit.
    void setStorageHeadroomForTesting(qint64 extraPages);
    void setStorageReadOnlyForTesting(bool readOnly);
    // Segment files retention drops are unlinked on a worker thread, after the index no longer names them (renamed
    // "*.log.deleted" until then). Tests: wait until every one dropped so far is gone; hold them (a crash before the
    // unlink) until resumed.
    void waitForFileRemovalsForTesting();
    void setFileRemovalPausedForTesting(bool paused);
    // Rolls back the open transaction of the appends' index rows behind this LogManager's back, as SQLite does after
    // an I/O error or a full disk in any statement.
    void loseIndexTransactionForTesting();

private:
    LogManager(std::unique_ptr<SqliteStore> store, Clock &clock, EventBus &events);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace topicscope::engine
