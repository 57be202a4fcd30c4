#pragma once

#include "core/recordbatch.h"
#include "errorcode.h"
#include "topicpartition.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <deque>
#include <optional>

namespace topicscope::engine {

class LogManager;

// Where one idempotent batch landed: its sequence range and the offsets the log gave it.
struct ProducerBatchMetadata {
    qint32 firstSeq = -1;
    qint32 lastSeq = -1;
    qint64 firstOffset = -1;
    qint64 lastOffset = -1;
};

// What the broker knows of one producer id on one partition: its epoch and its most recent batches (oldest
// first, at most ProducerStateManager::NumBatchesToRetain), as Kafka's ProducerStateEntry.
struct ProducerStateEntry {
    qint16 producerEpoch = -1;
    std::deque<ProducerBatchMetadata> batches;
};

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
// State is in memory. A partition's state is rebuilt lazily, on its first idempotent produce after start-up,
// from the batch headers of the partition's recent batches (see ensureLoaded), so a retry across a broker
// restart is still recognised when its batch is among them. Functional core; lives on the engine thread.
class ProducerStateManager {
public:
    static constexpr int NumBatchesToRetain = 5; // Kafka's ProducerStateEntry.NUM_BATCHES_TO_RETAIN
    // How far back from the log end ensureLoaded() replays batch headers: at most this many offsets, fewer when
    // the partition's average record would make them more than LoadWindowBytes; reading stops at LoadMaxBytes.
    static constexpr qint64 LoadWindowOffsets = 10'000;
    static constexpr qint64 LoadWindowBytes = 8 << 20;
    static constexpr qint64 LoadMaxBytes = 32 << 20;

    // Producer ids for InitProducerId: increasing, and at least nowMs x 1000. Tying them to the wall clock keeps
    // them from repeating across restarts without storing anything: a later run only reuses an id if an earlier
    // one handed out more than 1000 per millisecond. The values stay below 2^53 (exact in kafkajs) until 2255.
    qint64 allocateProducerId(qint64 nowMs);

    // Validates batch (producerId >= 0) against the producer's state on tp. Does not change any state.
    ProducerAppendCheck checkAppend(const TopicPartition &tp, const RecordBatchHeader &batch) const;
    // Records a batch the log has just stored at baseOffset (its header's base offset is ignored).
    void onAppended(const TopicPartition &tp, const RecordBatchHeader &batch, qint64 baseOffset);

    // Rebuilds tp's state once, from the headers of its most recent batches (see LoadWindowOffsets), as Kafka
    // rebuilds producer state from the log. If the window's batches exceed LoadMaxBytes the partition is left
    // without state (every producer unknown, so accepted at any sequence) rather than with a stale one. Cheap for
    // later calls; a partition without records costs one lookup.
    void ensureLoaded(const TopicPartition &tp, const LogManager &log);

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
    qint64 m_nextProducerId = 0;
    QHash<TopicPartition, QHash<qint64, ProducerStateEntry>> m_producers;
    QSet<TopicPartition> m_loaded;
};

} // namespace topicscope::engine
