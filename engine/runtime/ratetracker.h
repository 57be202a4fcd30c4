#pragma once

#include "core/topicpartition.h"
#include "runtime/brokersnapshot.h"

#include <QHash>
#include <array>

namespace topicscope::engine {

// Append rates per partition over a sliding window of a few seconds, fed from BatchAppended events. Rates are
// per second of window, so a burst shows for the window's length and then decays to zero. Engine thread.
class RateTracker {
public:
    static constexpr qint64 BucketMs = 250;
    static constexpr int Buckets = 8; // a 2-second window

    void record(const TopicPartition &tp, qint64 records, qint64 bytes, qint64 nowMs);
    void forgetTopic(const QString &topic);
    // Partitions with a non-zero rate at nowMs.
    QHash<TopicPartition, PartitionRate> rates(qint64 nowMs) const;

private:
    struct Bucket {
        qint64 index = -1; // nowMs / BucketMs of the bucket's period
        qint64 records = 0;
        qint64 bytes = 0;
    };
    QHash<TopicPartition, std::array<Bucket, Buckets>> m_buckets;
};

} // namespace topicscope::engine
