#include "builtinpartitioner.h"

#include "murmur2.h"

namespace topicscope::engine {

BuiltInPartitioner::BuiltInPartitioner(int batchSize, RandomSource random)
    : m_batchSize(std::max(1, batchSize))
    , m_random(std::move(random))
{ }

PartitionDecision BuiltInPartitioner::partitionForKey(const QByteArray &keyBytes, int partitionCount)
{
    PartitionDecision d;
    d.strategy = PartitionStrategy::KeyHash;
    d.partitionCount = partitionCount;
    const qint32 hash = Murmur2::hash(keyBytes);
    d.keyHash = hash;
    d.partition = Murmur2::toPositive(hash) % partitionCount;
    d.explanation = QStringLiteral("murmur2(%1) = 0x%2 → toPositive %3 % %4 = %5")
                        .arg(Partitioner::displayKey(keyBytes))
                        .arg(static_cast<quint32>(hash), 8, 16, QLatin1Char('0'))
                        .arg(Murmur2::toPositive(hash))
                        .arg(partitionCount)
                        .arg(d.partition);
    return d;
}

PartitionDecision BuiltInPartitioner::partition(
    const QString &topic, const std::optional<QByteArray> &keyBytes, int partitionCount)
{
    if (keyBytes)
        return partitionForKey(*keyBytes, partitionCount);

    StickyInfo &info = m_sticky[topic];
    // Java re-reads the partition list from metadata each time; a grown topic keeps its sticky partition.
    info.partitionCount = partitionCount;
    if (info.partition < 0)
        switchPartition(info, QStringLiteral("picked at random for the first keyless record"));
    else if (info.partition >= partitionCount)
        switchPartition(info, QStringLiteral("partition count changed"));

    PartitionDecision d;
    d.strategy = PartitionStrategy::Sticky;
    d.partition = info.partition;
    d.partitionCount = partitionCount;
    d.explanation = QStringLiteral("no key → sticky partition %1 (%2 of batch.size %3 bytes sent to it; %4)")
                        .arg(info.partition)
                        .arg(info.producedBytes)
                        .arg(m_batchSize)
                        .arg(info.switchReason);
    return d;
}

void BuiltInPartitioner::onRecordAppended(
    const QString &topic, const PartitionDecision &decision, int appendedBytes, bool batchFull)
{
    // Only keyless records chosen by the sticky logic count, as in Java (keyed records pass no partition info).
    if (decision.strategy != PartitionStrategy::Sticky)
        return;
    auto it = m_sticky.find(topic);
    if (it == m_sticky.end() || it->partition != decision.partition)
        return;
    StickyInfo &info = *it;
    info.producedBytes += appendedBytes;
    // Switching while the batch still has room would leave a fractional batch behind, so Java waits for the
    // batch to fill, but caps the wait at twice batch.size.
    if (info.producedBytes >= m_batchSize && batchFull) {
        switchPartition(info,
            QStringLiteral("switched from %1 after %2 bytes ≥ batch.size, batch full")
                .arg(info.partition)
                .arg(info.producedBytes));
    } else if (info.producedBytes >= 2LL * m_batchSize) {
        switchPartition(info,
            QStringLiteral("switched from %1 after %2 bytes ≥ 2 × batch.size")
                .arg(info.partition)
                .arg(info.producedBytes));
    }
}

int BuiltInPartitioner::stickyPartition(const QString &topic) const
{
    const auto it = m_sticky.constFind(topic);
    return it == m_sticky.constEnd() ? -1 : it->partition;
}

void BuiltInPartitioner::switchPartition(StickyInfo &info, const QString &reason)
{
    const int count = std::max(1, info.partitionCount);
    info.partition = static_cast<int>(m_random() % static_cast<quint32>(count));
    info.producedBytes = 0;
    info.switchReason = reason;
}

} // namespace topicscope::engine
