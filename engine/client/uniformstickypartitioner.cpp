#include "uniformstickypartitioner.h"

namespace topicscope::engine {

UniformStickyPartitioner::UniformStickyPartitioner(RandomSource random)
    : m_random(std::move(random))
{ }

int UniformStickyPartitioner::pickDifferent(int previous, int partitionCount)
{
    if (partitionCount <= 1)
        return 0;
    // StickyPartitionCache draws until it gets a partition other than the previous one.
    int next = previous;
    while (next == previous || next < 0)
        next = static_cast<int>(m_random() % static_cast<quint32>(partitionCount));
    return next;
}

PartitionDecision UniformStickyPartitioner::partition(
    const QString &topic, const std::optional<QByteArray> &keyBytes, int partitionCount)
{
    Sticky &s = m_sticky[topic];
    if (s.partition < 0 || s.partition >= partitionCount) {
        s.partition = static_cast<int>(m_random() % static_cast<quint32>(partitionCount));
        s.reason = QStringLiteral("picked at random");
    }
    PartitionDecision d;
    d.strategy = PartitionStrategy::UniformSticky;
    d.partition = s.partition;
    d.partitionCount = partitionCount;
    d.explanation = QStringLiteral("uniform sticky: partition %1 until it needs a new batch (%2%3)")
                        .arg(s.partition)
                        .arg(s.reason, keyBytes ? QStringLiteral("; key ignored") : QString());
    return d;
}

void UniformStickyPartitioner::onNewBatch(const QString &topic, int partitionCount, int previousPartition)
{
    Sticky &s = m_sticky[topic];
    // Only the partition that needed the batch moves the sticky choice (another may have been chosen since).
    if (s.partition >= 0 && s.partition != previousPartition)
        return;
    s.partition = pickDifferent(previousPartition, partitionCount);
    s.reason = QStringLiteral("switched from %1, which needed a new batch").arg(previousPartition);
}

} // namespace topicscope::engine
