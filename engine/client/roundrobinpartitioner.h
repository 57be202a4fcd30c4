#pragma once

#include "partitioner.h"

#include <QHash>
#include <QList>

namespace topicscope::engine {

// Kafka's RoundRobinPartitioner: a per-topic counter, toPositive(counter++) % partitions; keys are ignored.
// Includes the KAFKA-9965 fix: when the producer aborts an append because the partition needs a new batch, the
// partition is queued by onNewBatch() and handed out again by the next call, so no partition is skipped.
// Engine thread only.
class RoundRobinPartitioner final : public Partitioner {
public:
    PartitionerKind kind() const override { return PartitionerKind::RoundRobin; }
    PartitionDecision partition(
        const QString &topic, const std::optional<QByteArray> &keyBytes, int partitionCount) override;
    bool abortsOnNewBatch() const override { return true; }
    void onNewBatch(const QString &topic, int partitionCount, int previousPartition) override;

private:
    QHash<QString, qint32> m_counters;
    QHash<QString, QList<int>> m_queued;
};

} // namespace topicscope::engine
