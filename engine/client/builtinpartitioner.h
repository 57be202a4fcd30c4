#pragma once

#include "partitioner.h"

#include <QHash>

namespace topicscope::engine {

// Kafka's default producer partitioning since 3.3 (KIP-794, BuiltInPartitioner): a keyed record goes to
// toPositive(murmur2(key)) % partitions; keyless records stick to one random partition and switch once at
// least batch.size bytes went to it and its batch is full, or unconditionally at 2 x batch.size.
// Not modelled: adaptive partitioning (partitioner.adaptive.partitioning.enable), which weights the next
// partition by inverse broker queue length and needs per-broker latency data a single local log lacks; the
// next sticky partition is uniformly random, as Java picks it without load statistics. As in Java, the new
// pick may equal the old one. Engine thread only.
class BuiltInPartitioner final : public Partitioner {
public:
    BuiltInPartitioner(int batchSize, RandomSource random);

    PartitionerKind kind() const override { return PartitionerKind::BuiltIn; }
    PartitionDecision partition(
        const QString &topic, const std::optional<QByteArray> &keyBytes, int partitionCount) override;
    void onRecordAppended(
        const QString &topic, const PartitionDecision &decision, int appendedBytes, bool batchFull) override;

    // Kafka's BuiltInPartitioner.partitionForKey.
    static PartitionDecision partitionForKey(const QByteArray &keyBytes, int partitionCount);
    // The sticky partition of topic, -1 before the first keyless record.
    int stickyPartition(const QString &topic) const;

private:
    struct StickyInfo {
        int partition = -1;
        int partitionCount = 0;
        qint64 producedBytes = 0;
        QString switchReason; // why the current partition was picked; shown with the next decision
    };
    void switchPartition(StickyInfo &info, const QString &reason);

    int m_batchSize;
    RandomSource m_random;
    QHash<QString, StickyInfo> m_sticky;
};

} // namespace topicscope::engine
