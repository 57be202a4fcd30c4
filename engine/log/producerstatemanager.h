#pragma once

#include "core/recordbatch.h"
#include "errorcode.h"
#include "storage/producerstatesnapshot.h"
#include "topicpartition.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <optional>

namespace topicscope::engine {

class LogManager;
struct AppendResult;

// The verdict on one batch of an idempotent producer before it is appended.
struct ProducerAppendCheck {
    ErrorCode error = ErrorCode::None;
    // Set when the batch equals one of the producer's cached batches: a retry of a batch already stored. It
    // must not be stored again; the producer is answered with the original offsets and NONE.
    std::optional<ProducerBatchMetadata> duplicate;
    QString message; // why, when error != None
};

// Sequence and epoch bookkeeping of idempotent (non-transactional) producers, per (producer id, partition), with
// Kafka's rules (ProducerStateManager / ProducerAppendInfo): a retried batch equal to one of the last five is a
// duplicate, a gap in sequence numbers is OUT_OF_ORDER_SEQUENCE_NUMBER, an older epoch INVALID_PRODUCER_EPOCH,
// and a producer the partition has no state for may start at any sequence (Kafka >= 2.5, KIP-360). Also hands
// out producer ids for InitProducerId.
//
// State is in memory, with snapshots in the store as Kafka keeps .snapshot files: one per partition at every segment
// roll and at a clean shutdown (saveSnapshots). A partition's state is rebuilt lazily, on its first idempotent
// produce after start-up, from its last snapshot and the headers of the batches after it (see ensureLoaded), so a
// retry across a restart, after a crash too, is recognised whatever the size of the batches. Functional core; lives
// on the engine thread.
class ProducerStateManager {
public:
    static constexpr int NumBatchesToRetain = 5; // Kafka's ProducerStateEntry.NUM_BATCHES_TO_RETAIN

    // Producer ids for InitProducerId: increasing, and at least nowMs x 1000. Tying them to the wall clock keeps
    // them from repeating across restarts without storing anything: a later run only reuses an id if an earlier
    // one handed out more than 1000 per millisecond. The values stay below 2^53 (exact in kafkajs) until 2255.
    qint64 allocateProducerId(qint64 nowMs);

    // Validates batch (producerId >= 0) against the producer's state on tp. Does not change any state.
    ProducerAppendCheck checkAppend(const TopicPartition &tp, const RecordBatchHeader &batch) const;
    // Records a batch the log has just stored at baseOffset (its header's base offset is ignored).
    void onAppended(const TopicPartition &tp, const RecordBatchHeader &batch, qint64 baseOffset);

    // Rebuilds tp's state once, as Kafka loads producer state: its last snapshot, less the producers whose batches
    // all lie below the log start, then the headers (never the records) of the batches from the snapshot's offset to
    // the log end. That replay covers about one segment at most, a snapshot being taken at every roll, however large
    // the batches. A partition without a snapshot (stored before schema version 4) replays its two newest segments
    // and gets a snapshot at once. If a header cannot be read the partition is left without state (every producer
    // unknown, so accepted at any sequence) rather than with a stale one. In memory there is nothing to rebuild.
    // Cheap for later calls.
    void ensureLoaded(const TopicPartition &tp, LogManager &log);
    // After every append the log stored on tp, idempotent or not, with its result: a new segment (a roll) takes a
    // snapshot. A partition no idempotent producer wrote to in this run moves its stored snapshot forward when that
    // one is up to date, and is rebuilt (ensureLoaded) otherwise.
    void onLogAppended(const TopicPartition &tp, const AppendResult &result, LogManager &log);
    // At a clean shutdown: snapshots every partition whose state changed since its last snapshot (without replaying
    // any log: a partition that would need it is left to the next start).
    void saveSnapshots(LogManager &log);

    // Forgets every partition of topic (deleted: a topic re-created with its name starts without producers).
    void removeTopic(const QString &topic);
    // Forgets the producers whose last batch on tp lies wholly below logStartOffset (DeleteRecords, retention),
    // as Kafka does: such a producer is unknown again and may continue at any sequence.
    void onLogStartOffsetMoved(const TopicPartition &tp, qint64 logStartOffset);

    std::optional<ProducerStateEntry> entry(const TopicPartition &tp, qint64 producerId) const;
    int producerCount(const TopicPartition &tp) const;

    // The sequence number of the last record of batch, wrapping after INT32_MAX as producers do.
    static qint32 lastSequence(const RecordBatchHeader &batch);

private:
    // Stores tp's state at its log end. A partition not loaded: see onLogAppended; withoutReplay leaves one whose
    // stored snapshot is not up to date as it is.
    void takeSnapshot(const TopicPartition &tp, LogManager &log, bool withoutReplay);

    qint64 m_nextProducerId = 0;
    QHash<TopicPartition, QHash<qint64, ProducerStateEntry>> m_producers;
    QSet<TopicPartition> m_loaded;
    QSet<TopicPartition> m_dirty; // loaded, and changed since their last snapshot
    // Partitions appended to in this run without being loaded (no idempotent producer wrote to them): the log end
    // before the first of those appends, which their stored snapshot must have reached to be still up to date.
    QHash<TopicPartition, qint64> m_unloadedSince;
};

} // namespace topicscope::engine
