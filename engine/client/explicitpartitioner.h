#pragma once

#include "partitioner.h"

namespace topicscope::engine {

// A record sent with an explicit partition: no partitioner runs (as in Kafka), but the choice is validated
// against the topic's partition count. Kafka's producer throws IllegalArgumentException("Invalid partition
// given with record: …"); here it is UNKNOWN_TOPIC_OR_PARTITION, which is what the broker would answer.
class ExplicitPartitioner {
public:
    static PartitionDecision decide(int partition, int partitionCount);
};

} // namespace topicscope::engine
