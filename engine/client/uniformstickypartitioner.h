#pragma once

#include "partitioner.h"

#include <QHash>

namespace topicscope::engine {

// Kafka's UniformStickyPartitioner (KIP-480, deprecated since 3.3): every record, keyed or not, goes to the
// topic's sticky partition, which changes to a different random partition when a new batch is needed for it
// (the previous one is full or was sent) — Java's StickyPartitionCache driven by onNewBatch(). Engine thread
// only.
class UniformStickyPartitioner final : public Partitioner {
public:
    explicit UniformStickyPartitioner(RandomSource random);

    PartitionerKind kind() const override { return PartitionerKind::UniformSticky; }
    PartitionDecision partition(
        const QString &topic, const std::optional<QByteArray> &keyBytes, int partitionCount) override;
    bool abortsOnNewBatch() const override { return true; }
    void onNewBatch(const QString &topic, int partitionCount, int previousPartition) override;

private:
    struct Sticky {
        int partition = -1;
        QString reason;
    };
    int pickDifferent(int previous, int partitionCount);

    RandomSource m_random;
    QHash<QString, Sticky> m_sticky;
};

} // namespace topicscope::engine
