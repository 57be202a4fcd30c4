#include "producerstatemanager.h"

#include "log/logmanager.h"

#include <QLoggingCategory>
#include <limits>

Q_LOGGING_CATEGORY(lcProducerState, "topicscope.engine.log.producers")

namespace topicscope::engine {

namespace {

bool inSequence(qint32 lastSeq, qint32 nextSeq)
{
    return static_cast<qint64>(nextSeq) == static_cast<qint64>(lastSeq) + 1
        || (nextSeq == 0 && lastSeq == std::numeric_limits<qint32>::max());
}

} // namespace

qint64 ProducerStateManager::allocateProducerId(qint64 nowMs)
{
    m_nextProducerId = qMax(m_nextProducerId, qMax<qint64>(0, nowMs) * 1000);
    return m_nextProducerId++;
}

qint32 ProducerStateManager::lastSequence(const RecordBatchHeader &batch)
{
    const qint64 last = static_cast<qint64>(batch.baseSequence) + batch.lastOffsetDelta;
    constexpr qint64 max = std::numeric_limits<qint32>::max();
    return static_cast<qint32>(last > max ? last - max - 1 : last);
}

ProducerAppendCheck ProducerStateManager::checkAppend(const TopicPartition &tp, const RecordBatchHeader &batch) const
{
    ProducerAppendCheck check;
    const auto partition = m_producers.constFind(tp);
    if (partition == m_producers.constEnd())
        return check;
    const auto found = partition->constFind(batch.producerId);
    // Unknown here (new producer, or its state is gone with the records or a restart): any sequence is accepted,
    // as since Kafka 2.5 (KIP-360), rather than 2.4's UNKNOWN_PRODUCER_ID.
    if (found == partition->constEnd())
        return check;
    const ProducerStateEntry &entry = *found;
    const qint32 firstSeq = batch.baseSequence;
    const qint32 lastSeq = lastSequence(batch);

    if (batch.producerEpoch < entry.producerEpoch) {
        check.error = ErrorCode::InvalidProducerEpoch;
        check.message = QStringLiteral("epoch %1 of producer %2 is older than its current epoch %3")
                            .arg(batch.producerEpoch)
                            .arg(batch.producerId)
                            .arg(entry.producerEpoch);
        return check;
    }
    if (batch.producerEpoch > entry.producerEpoch) {
        // A new epoch restarts the sequence at 0.
        if (firstSeq != 0) {
            check.error = ErrorCode::OutOfOrderSequenceNumber;
            check.message = QStringLiteral("producer %1 starts epoch %2 at sequence %3, not 0")
                                .arg(batch.producerId)
                                .arg(batch.producerEpoch)
                                .arg(firstSeq);
        }
        return check;
    }
    for (const ProducerBatchMetadata &cached : entry.batches) {
        if (cached.firstSeq == firstSeq && cached.lastSeq == lastSeq) {
            check.duplicate = cached;
            return check;
        }
    }
    const qint32 currentLastSeq = entry.batches.empty() ? -1 : entry.batches.back().lastSeq;
    if (!entry.batches.empty() && !inSequence(currentLastSeq, firstSeq)) {
        check.error = ErrorCode::OutOfOrderSequenceNumber;
        check.message = QStringLiteral("producer %1 epoch %2 sent sequence %3, expected %4")
                            .arg(batch.producerId)
                            .arg(batch.producerEpoch)
                            .arg(firstSeq)
                            .arg(static_cast<qint64>(currentLastSeq) + 1);
    }
    return check;
}

void ProducerStateManager::onAppended(const TopicPartition &tp, const RecordBatchHeader &batch, qint64 baseOffset)
{
    ProducerStateEntry &entry = m_producers[tp][batch.producerId];
    if (entry.producerEpoch != batch.producerEpoch) {
        entry.producerEpoch = batch.producerEpoch;
        entry.batches.clear();
    }
    entry.batches.push_back({batch.baseSequence, lastSequence(batch), baseOffset, baseOffset + batch.lastOffsetDelta});
    while (entry.batches.size() > static_cast<size_t>(NumBatchesToRetain))
        entry.batches.pop_front();
    m_dirty.insert(tp);
}

void ProducerStateManager::ensureLoaded(const TopicPartition &tp, LogManager &log)
{
    if (m_loaded.contains(tp))
        return;
    const std::optional<PartitionInfo> info = log.partitionInfo(tp);
    if (!info)
        return; // the append will fail with UNKNOWN_TOPIC_OR_PARTITION; load once the partition exists
    m_loaded.insert(tp);
    m_unloadedSince.remove(tp);
    // In memory nothing outlives the run, and every idempotent batch of this run came through onAppended.
    if (!log.isPersistent() || info->logEndOffset <= info->logStartOffset)
        return;
    std::optional<ProducerStateSnapshot> snapshot = log.producerSnapshot(tp);
    if (snapshot && snapshot->offset > info->logEndOffset) {
        qCWarning(lcProducerState).noquote()
            << QStringLiteral("%1: producer-state snapshot at offset %2 lies past the log end %3; not used")
                   .arg(tp.toString())
                   .arg(snapshot->offset)
                   .arg(info->logEndOffset);
        snapshot.reset();
    }
    qint64 from = info->logStartOffset;
    if (snapshot) {
        from = qMax(from, snapshot->offset);
        m_producers[tp] = std::move(snapshot->producers);
        onLogStartOffsetMoved(tp, info->logStartOffset);
    } else {
        // No snapshot yet: a partition stored before schema version 4 (each one gets a snapshot at its first roll
        // or clean shutdown). Its two newest segments are replayed, as much as a snapshot's replay at most can be;
        // a producer whose last batch is older is unknown, so accepted at any sequence (KIP-360).
        const std::vector<qint64> segments = log.segmentBaseOffsets(tp);
        if (segments.size() >= 2)
            from = qMax(from, segments[segments.size() - 2]);
    }
    int batches = 0;
    QString why;
    const bool replayed = log.forEachBatchHeader(
        tp, from,
        [&](const RecordBatchHeader &header) {
            if (header.producerId >= 0 && !header.isControl() && header.lastOffset() >= from) {
                onAppended(tp, header, header.baseOffset);
                ++batches;
            }
            return true;
        },
        &why);
    if (!replayed) {
        // A state missing its newest batches would refuse a producer's next batch as out of order; none at all
        // accepts it at any sequence.
        qCWarning(lcProducerState).noquote()
            << QStringLiteral("%1: producer state not rebuilt (%2); any sequence is accepted from its producers "
                              "until they are seen again")
                   .arg(tp.toString(), why);
        m_producers.remove(tp);
        m_dirty.insert(tp);
        return;
    }
    qCInfo(lcProducerState).noquote()
        << QStringLiteral("%1: state of %2 producer(s) rebuilt from %3 and %4 batch(es) from offset %5")
               .arg(tp.toString())
               .arg(producerCount(tp))
               .arg(snapshot ? QStringLiteral("the snapshot at offset %1").arg(snapshot->offset)
                             : QStringLiteral("no snapshot"))
               .arg(batches)
               .arg(from);
    // Without a snapshot the replay above is paid once, not at every start.
    if (!snapshot)
        takeSnapshot(tp, log, false);
}

void ProducerStateManager::onLogAppended(const TopicPartition &tp, const AppendResult &result, LogManager &log)
{
    if (!log.isPersistent() || result.error != ErrorCode::None || result.baseOffset < 0)
        return;
    if (!m_loaded.contains(tp) && !m_unloadedSince.contains(tp))
        m_unloadedSince.insert(tp, result.baseOffset);
    if (result.segmentRolled)
        takeSnapshot(tp, log, false);
}

void ProducerStateManager::saveSnapshots(LogManager &log)
{
    if (!log.isPersistent())
        return;
    QList<TopicPartition> partitions(m_dirty.cbegin(), m_dirty.cend());
    for (auto it = m_unloadedSince.cbegin(); it != m_unloadedSince.cend(); ++it)
        partitions.append(it.key());
    for (const TopicPartition &tp : partitions)
        takeSnapshot(tp, log, true);
}

void ProducerStateManager::takeSnapshot(const TopicPartition &tp, LogManager &log, bool withoutReplay)
{
    const std::optional<PartitionInfo> info = log.partitionInfo(tp);
    if (!info)
        return;
    if (!m_loaded.contains(tp)) {
        // No idempotent producer wrote to tp in this run (its first batch loads the state), so its state is the
        // stored snapshot's when that one covers the log as it was before this run's first append: the snapshot
        // moves to the log end without reading the log.
        std::optional<ProducerStateSnapshot> stored = log.producerSnapshot(tp);
        if (stored && stored->offset >= m_unloadedSince.value(tp, info->logEndOffset)
            && stored->offset <= info->logEndOffset) {
            stored->offset = info->logEndOffset;
            if (log.saveProducerSnapshot(tp, *stored) == ErrorCode::None)
                m_unloadedSince.insert(tp, info->logEndOffset);
            return;
        }
        if (withoutReplay)
            return; // the next start replays from the stored snapshot, as after a crash
        ensureLoaded(tp, log); // replays the log after the stored snapshot: about one segment, as rolls snapshot
    }
    ProducerStateSnapshot snapshot;
    snapshot.offset = info->logEndOffset;
    snapshot.producers = m_producers.value(tp);
    if (log.saveProducerSnapshot(tp, snapshot) == ErrorCode::None)
        m_dirty.remove(tp);
}

void ProducerStateManager::removeTopic(const QString &topic)
{
    m_producers.removeIf(
        [&](QHash<TopicPartition, QHash<qint64, ProducerStateEntry>>::iterator it) { return it.key().topic == topic; });
    m_loaded.removeIf([&](const TopicPartition &tp) { return tp.topic == topic; });
    m_dirty.removeIf([&](const TopicPartition &tp) { return tp.topic == topic; });
    m_unloadedSince.removeIf(
        [&](QHash<TopicPartition, qint64>::iterator it) { return it.key().topic == topic; });
}

void ProducerStateManager::onLogStartOffsetMoved(const TopicPartition &tp, qint64 logStartOffset)
{
    const auto partition = m_producers.find(tp);
    if (partition == m_producers.end())
        return;
    const qsizetype forgotten = partition->removeIf([&](QHash<qint64, ProducerStateEntry>::iterator it) {
        const ProducerStateEntry &entry = it.value();
        return entry.batches.empty() || entry.batches.back().lastOffset < logStartOffset;
    });
    if (forgotten > 0 && m_loaded.contains(tp))
        m_dirty.insert(tp);
}

std::optional<ProducerStateEntry> ProducerStateManager::entry(const TopicPartition &tp, qint64 producerId) const
{
    const auto partition = m_producers.constFind(tp);
    if (partition == m_producers.constEnd())
        return std::nullopt;
    const auto found = partition->constFind(producerId);
    if (found == partition->constEnd())
        return std::nullopt;
    return *found;
}

int ProducerStateManager::producerCount(const TopicPartition &tp) const
{
    return static_cast<int>(m_producers.value(tp).size());
}

} // namespace topicscope::engine
