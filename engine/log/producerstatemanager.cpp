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
}

void ProducerStateManager::ensureLoaded(const TopicPartition &tp, const LogManager &log)
{
    if (m_loaded.contains(tp))
        return;
    const std::optional<PartitionInfo> info = log.partitionInfo(tp);
    if (!info)
        return; // the append will fail with UNKNOWN_TOPIC_OR_PARTITION; load once the partition exists
    m_loaded.insert(tp);
    const qint64 stored = info->logEndOffset - info->logStartOffset;
    if (stored <= 0)
        return;
    const qint64 averageRecordBytes = qMax<qint64>(1, info->sizeBytes / stored);
    const qint64 window = qBound<qint64>(1, LoadWindowBytes / averageRecordBytes, LoadWindowOffsets);
    constexpr qint64 readBytes = 1 << 20;
    qint64 offset = qMax(info->logStartOffset, info->logEndOffset - window);
    qint64 bytesRead = 0;
    int batches = 0;
    while (offset < info->logEndOffset) {
        const FetchResult read = log.read(tp, offset, readBytes);
        if (read.error != ErrorCode::None || read.records.isEmpty())
            break;
        bytesRead += read.records.size();
        if (bytesRead > LoadMaxBytes) {
            qCWarning(lcProducerState).noquote()
                << QStringLiteral("%1: recent batches exceed %2 bytes; producer state not rebuilt (any sequence "
                                  "is accepted from its producers until they are seen again)")
                       .arg(tp.toString())
                       .arg(LoadMaxBytes);
            m_producers.remove(tp);
            return;
        }
        const qint64 before = offset;
        for (const QByteArrayView bytes : RecordBatch::split(read.records)) {
            const std::optional<RecordBatchHeader> header = RecordBatch::parseHeader(bytes);
            if (!header)
                break;
            if (header->producerId >= 0 && !header->isControl() && header->lastOffset() >= offset) {
                onAppended(tp, *header, header->baseOffset);
                ++batches;
            }
            offset = qMax(offset, header->lastOffset() + 1);
        }
        if (offset <= before)
            break;
    }
    if (batches > 0)
        qCInfo(lcProducerState).noquote() << QStringLiteral("%1: rebuilt state of %2 producer(s) from %3 batch(es)")
                                                 .arg(tp.toString())
                                                 .arg(producerCount(tp))
                                                 .arg(batches);
}

void ProducerStateManager::removeTopic(const QString &topic)
{
    m_producers.removeIf(
        [&](QHash<TopicPartition, QHash<qint64, ProducerStateEntry>>::iterator it) { return it.key().topic == topic; });
    m_loaded.removeIf([&](const TopicPartition &tp) { return tp.topic == topic; });
}

void ProducerStateManager::onLogStartOffsetMoved(const TopicPartition &tp, qint64 logStartOffset)
{
    const auto partition = m_producers.find(tp);
    if (partition == m_producers.end())
        return;
    partition->removeIf([&](QHash<qint64, ProducerStateEntry>::iterator it) {
        const ProducerStateEntry &entry = it.value();
        return entry.batches.empty() || entry.batches.back().lastOffset < logStartOffset;
    });
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
