#pragma once

#include "cleanjob.h"
#include "logmanager.h"
#include "storage/fileremover.h"
#include "storage/segmentlog.h"
#include "storage/sqlitestore.h"
#include "storage/writebackstarter.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <functional>
#include <limits>
#include <map>
#include <memory>

namespace topicscope::engine {

Q_DECLARE_LOGGING_CATEGORY(lcLogManager)

// LogManager's state and the work shared by its calls: the topics with their partitions' index state and segment
// files, storage transactions, reads from segments, recovery and migration at start, retention by segments. Lives on
// the engine thread with its LogManager.
// LogManager::Private::checkBatches on any thread: where names the file (and position) a batch the index expects was
// read from.
qint64 checkStoredBatches(const TopicPartition &tp, const QByteArray &bytes,
    const std::vector<StoredBatchInfo> &expected, const std::function<QString(const StoredBatchInfo *)> &where,
    QString *why);

struct LogManager::Private {
    struct Topic {
        qint64 topicId = -1; // the store's key
        TopicId id; // Kafka's
        TopicConfig config;
        std::vector<StoredPartition> partitions; // index = partition number
        // Each partition's segment files, parallel to partitions; empty for an in-memory store (bytes in SQLite).
        std::vector<std::unique_ptr<SegmentLog>> logs;
    };

    Private(std::unique_ptr<SqliteStore> s, Clock &c, EventBus &e)
        : store(std::move(s))
        , clock(c)
        , events(e)
    { }

    std::unique_ptr<SqliteStore> store;
    Clock &clock;
    EventBus &events;
    QString dataDir; // empty for an in-memory store, which keeps record bytes in SQLite and has no segments
    QString partitionDirPrefix; // QDir(dataDir).path() and a '/', once a partition directory is named (newLog)
    bool fsync = false;
    qint64 cleanerKeyMapBytes = StorageOptions {}.cleanerKeyMapBytes;
    SegmentWriteLimits writeLimits;
    // Unlinks the segments retention drops, off the engine thread (on disk only); outlives the topics' logs.
    std::unique_ptr<FileRemover> remover;
    // Starts the writeback of appended segment bytes as they come (on disk only); outlives the topics' logs.
    std::unique_ptr<WritebackStarter> writeback;
    std::map<QString, Topic> topics;
    QHash<TopicId, QString> namesById;
    // Each topic by its metric name ('.' as '_'), so that a new name's collision check is one lookup, not a pass
    // over every topic: creating 10,000 topics was quadratic.
    QHash<QString, QString> namesByMetric;
    // Topics deleted since the store was opened: only these can have left partition directories behind (a failed
    // removal), since opening removes every directory no topic owns. A new topic looks for leftovers only under these
    // names: a look per partition cost 10 s for a million partitions.
    QSet<QString> deletedNames;
    // Names taken by an unfinished LogManager::Creation: no other call may create them (their metric names are in
    // namesByMetric already), though no look-up finds them yet.
    QSet<QString> creating;
    // The store key the next new topic gets (a Creation writes a big topic's partition rows before its topic row, so
    // it picks the key itself); above every key in the store.
    qint64 nextTopicKey = 1;

    // Kafka has no hard limit, but a partition count this large is a typo, and every partition costs a row.
    static constexpr int MaxPartitions = 10000;
    static ErrorCode validateConfig(const TopicConfig &config, QString *why)
    {
        // Round-trip through the Kafka config map so one set of rules decides what a valid value is.
        TopicConfig check;
        return check.applyKafkaConfigs(config.toKafkaConfigs(), why);
    }

    bool onDisk() const { return !dataDir.isEmpty(); }
    static SegmentRollPolicy rollPolicy(const TopicConfig &config)
    {
        return SegmentRollPolicy {config.segmentBytes, config.segmentMs};
    }

    // Gives each partition of topic that has none a SegmentLog (on disk only). A directory left by a topic of the
    // same name that was deleted goes first: a new topic never sees old bytes. (A crash before the deleted topic's
    // files were removed leaves directories that opening the store removes; see deletedNames.)
    void attachLogs(const QString &name, Topic &topic, bool fresh);
    // The SegmentLog of one partition of a new topic, after removing what a deleted topic of the same name left there
    // when mayHaveLeftovers.
    std::unique_ptr<SegmentLog> newLog(const QString &name, int partition, bool mayHaveLeftovers);

    SegmentLog *logOf(Topic &topic, int partition) const
    {
        return topic.logs.empty() ? nullptr : topic.logs[static_cast<size_t>(partition)].get();
    }
    const SegmentLog *logOf(const TopicPartition &tp) const
    {
        auto it = topics.find(tp.topic);
        return it == topics.end() ? nullptr : logOf(const_cast<Topic &>(it->second), tp.partition);
    }

    // The bytes of one batch found through the index: from its segment file, or as the store gave them.
    bool batchBytes(const TopicPartition &tp, const StoredBatchInfo &info, QByteArray *bytes, QString *why) const;

    // The length of the prefix of bytes made of whole batches that pass validation (CRC-32C) and are the ones the
    // index expects (base offsets, sizes, when expected is given); *why describes the first that does not.
    qint64 checkBatches(const TopicPartition &tp, const QByteArray &bytes, const std::vector<StoredBatchInfo> &expected,
        QString *why) const;

    Topic *topicOf(const QString &name)
    {
        auto it = topics.find(name);
        return it == topics.end() ? nullptr : &it->second;
    }

    StoredPartition *find(const TopicPartition &tp, Topic **topic = nullptr)
    {
        auto it = topics.find(tp.topic);
        if (it == topics.end() || tp.partition < 0 || tp.partition >= static_cast<int>(it->second.partitions.size()))
            return nullptr;
        if (topic)
            *topic = &it->second;
        return &it->second.partitions[static_cast<size_t>(tp.partition)];
    }
    const StoredPartition *find(const TopicPartition &tp) const { return const_cast<Private *>(this)->find(tp); }

    // Deferred index commits (on disk without --fsync; LogManager::append()). While indexOpenSince >= 0 the
    // connection is inside a transaction that holds the index rows of the appends since then, each kept from its own
    // savepoint; a clock timer (indexTimer) commits it. deferredBatches are the batch rows it wrote, so that rows
    // SQLite rolled back with the whole transaction (a full disk or an I/O error ends it, not only the statement)
    // are written again (deferredLost) before anything else is stored, with the state of their partitions.
    bool deferIndex = false;
    qint64 indexOpenSince = -1;
    TimerId indexTimer = 0;
    std::vector<std::pair<qint64, StoredBatchInfo>> deferredBatches; // partition store key, index row
    bool deferredLost = false;
    // After a failed index commit (or rows SQLite rolled back) a timer tries again, IndexCommitIntervalMs after the
    // first failure and twice as long after each further one, up to MaxIndexRetryMs: without it the rows would wait for
    // the next append or change to the store, or for the log to close.
    TimerId indexRetryTimer = 0;
    qint64 indexRetryDelayMs = 0;
    static constexpr qint64 MaxIndexRetryMs = 30000;
    bool closing = false; // the LogManager's destructor runs: no retry is scheduled
    void retryIndexCommitLater();
    // What a failure's warning says comes next: retry (its %1 the delay), or recovery when the log closes.
    QString nextIndexTry(const QString &retry) const;
    // Past this many rows the transaction is committed at once, so that the rows kept for a rewrite stay small.
    static constexpr size_t MaxDeferredBatches = 20000;
    // Opens the transaction appends add their savepoints to (writing lost rows again first); false: storage failed.
    bool openIndexTransaction(QString *why);
    // Commits it, when open; false (the rows then marked lost) when SQLite refuses.
    bool commitIndex(QString *why);
    // After an append's failed savepoint: ends the savepoint, or notes that SQLite ended the whole transaction.
    void undoDeferredAppend();
    // When SQLite ended the open transaction by itself: its rows are marked lost (written again before the next write).
    void noteLostIndexTransaction();

    // Runs work in one transaction (after the appends' deferred index commit); on any failure rolls back and reports
    // KAFKA_STORAGE_ERROR.
    template <typename Work> ErrorCode transact(const char *what, QString *why, Work &&work)
    {
        QString error;
        if (commitIndex(&error) && store->begin(&error) && work(&error) && store->commit(&error))
            return ErrorCode::None;
        store->rollback();
        qCWarning(lcLogManager).noquote() << what << "failed:" << error;
        if (why)
            *why = QStringLiteral("%1 failed: %2").arg(QLatin1String(what), error);
        return ErrorCode::KafkaStorageError;
    }

    // Whole batches from the one holding fetchOffset on, as SqliteStore::readBatches picks them, read from the segment
    // files with one pread per run of adjacent batches. *expected gets the index rows of the batches read.
    bool readSegments(const SegmentLog &log, const StoredPartition &p, qint64 fetchOffset, qint64 maxBytes,
        QByteArray *out, std::vector<StoredBatchInfo> *expected, QString *why) const;

    // Retention on disk, as Kafka's: whole segments from the oldest on, while each is past retention.ms (its largest
    // timestamp) or the partition stays at or above retention.bytes without it. The active segment too when it
    // qualifies (Kafka rolls then deletes it): the next append starts a new one.
    void enforceSegmentRetention(
        const QString &name, const TopicConfig &config, StoredPartition &p, const SegmentLog &log, qint64 now);

    // At start-up: every partition's segment files brought in line with the index (recovery), then the record bytes
    // a data directory written before schema version 3 keeps in the database moved out to segment files, once.
    bool openSegments(QString *error);

    // ListOffsets' MAX_TIMESTAMP (KIP-734): the first record carrying the highest timestamp of the partition, as
    // Kafka's RecordBatch.offsetOfMaxTimestamp finds it in the batch with the highest maxTimestamp, among the records
    // at or after the log start. -1 / -1 for an empty partition.
    OffsetAndTimestamp maxTimestampRecord(const TopicPartition &tp, const StoredPartition &p) const;

    // The log cleaner's memory of each partition (by store key), as Kafka's cleaner-offset-checkpoint but not kept
    // across restarts (a start then finds every partition dirty once, as Kafka does without its checkpoint file):
    // where the part written since the last cleaning starts, and when the oldest tombstone it kept may go.
    struct CleanerMark {
        qint64 firstDirtyOffset = -1; // -1: never cleaned, all dirty
        qint64 tombstonesDueMs = std::numeric_limits<qint64>::max();
        // The last cleaning stopped before the active segment (its key map was full): the next pass cleans the rest
        // whatever the dirty ratio, as the part already cleaned may outweigh it.
        bool cutShort = false;
    };
    QHash<qint64, CleanerMark> cleanerMarks;
    // The live engine's cleaner thread (StorageOptions::cleanerThread, on disk only); null: cleaning runs here.
    std::unique_ptr<CleanerThread> cleaner;
    TopicPartition lastCleaned; // the partition last handed to it: the next pass starts after it
    // One cleaning here, from start to end (a job of the thread's first finished and committed).
    LogManager::CleanReport cleanPartition(const QString &name, Topic &topic, StoredPartition &p, bool force);
    // The job for p, or null when it is not worth cleaning (unless force); a failed job says why.
    std::unique_ptr<CleanJob> prepareCleaning(const QString &name, Topic &topic, StoredPartition &p, bool force);
    LogManager::CleanReport commitCleaning(CleanJob &job);
    // Commits the thread's finished job (waiting for it when wait); returns 1 when it cleaned a partition.
    int finishBackgroundCleaning(bool wait);

    // Moves the log start forward to newStart, deleting the batches wholly below it, and publishes the change.
    ErrorCode moveLogStart(
        const QString &topicName, StoredPartition &partition, qint64 newStart, DeletionCause cause, QString *why);
};

} // namespace topicscope::engine
