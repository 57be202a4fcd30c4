#pragma once

#include <QHash>
#include <QtGlobal>
#include <deque>

namespace topicscope::engine {

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

// The state of a partition's idempotent producers as of offset, as Kafka's producer-state .snapshot files hold it:
// every batch below offset is accounted for, the log from offset on is replayed on top of it. A plain value, kept in
// the SQLite store (SqliteStore::saveProducerSnapshot) by ProducerStateManager on the engine thread.
struct ProducerStateSnapshot {
    qint64 offset = 0;
    QHash<qint64, ProducerStateEntry> producers; // by producer id
};

} // namespace topicscope::engine
