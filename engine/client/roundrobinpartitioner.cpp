#include "roundrobinpartitioner.h"

#include "murmur2.h"

namespace topicscope::engine {

PartitionDecision RoundRobinPartitioner::partition(
    const QString &topic, const std::optional<QByteArray> &keyBytes, int partitionCount)
{
    PartitionDecision d;
    d.strategy = PartitionStrategy::RoundRobin;
    d.partitionCount = partitionCount;
    const QString keyNote = keyBytes ? QStringLiteral(" (key ignored)") : QString();

    QList<int> &queue = m_queued[topic];
    if (!queue.isEmpty()) {
        d.partition = queue.takeFirst();
        if (d.partition < partitionCount) {
            d.explanation = QStringLiteral("round-robin: partition %1 again, its new batch was just opened%2")
                                .arg(d.partition)
                                .arg(keyNote);
            return d;
        }
    }

    qint32 &counter = m_counters[topic];
    const qint32 value = counter;
    // Java's AtomicInteger wraps around; unsigned arithmetic does the same without UB.
    counter = static_cast<qint32>(static_cast<quint32>(counter) + 1U);
    d.partition = Murmur2::toPositive(value) % partitionCount;
    d.explanation = QStringLiteral("round-robin: counter %1 → toPositive %2 % %3 = %4%5")
                        .arg(value)
                        .arg(Murmur2::toPositive(value))
                        .arg(partitionCount)
                        .arg(d.partition)
                        .arg(keyNote);
    return d;
}

void RoundRobinPartitioner::onNewBatch(const QString &topic, int partitionCount, int previousPartition)
{
    Q_UNUSED(partitionCount);
    m_queued[topic].append(previousPartition);
}

} // namespace topicscope::engine
