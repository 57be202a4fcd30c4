#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace topicscope::engine {

// Kafka's Java murmur2 (org.apache.kafka.common.utils.Utils.murmur2), byte-compatible: the hash every Java,
// kafka-python, kafkajs and librdkafka murmur2 partitioner computes over the serialized key. Pure functions.
class Murmur2 {
public:
    // The signed 32-bit hash, as Java returns it.
    static qint32 hash(QByteArrayView data);
    // Kafka's Utils.toPositive: clears the sign bit (deliberately not abs(), which overflows for INT_MIN).
    static constexpr qint32 toPositive(qint32 value) { return value & 0x7fffffff; }
    // toPositive(hash(key)) % numPartitions: the partition of a keyed record. numPartitions must be > 0.
    static int partitionFor(QByteArrayView key, int numPartitions) { return toPositive(hash(key)) % numPartitions; }
};

} // namespace topicscope::engine
