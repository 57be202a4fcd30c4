#include "explicitpartitioner.h"

namespace topicscope::engine {

PartitionDecision ExplicitPartitioner::decide(int partition, int partitionCount)
{
    PartitionDecision d;
    d.strategy = PartitionStrategy::Explicit;
    d.partition = partition;
    d.partitionCount = partitionCount;
    if (partition < 0 || partition >= partitionCount) {
        d.error = ErrorCode::UnknownTopicOrPartition;
        d.explanation = QStringLiteral("invalid partition given with record: %1 is not in the range [0...%2]")
                            .arg(partition)
                            .arg(partitionCount - 1);
        return d;
    }
    d.explanation
        = QStringLiteral("explicit partition %1 (of %2), set by the caller").arg(partition).arg(partitionCount);
    return d;
}

} // namespace topicscope::engine
