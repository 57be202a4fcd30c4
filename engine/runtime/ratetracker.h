#pragma once

#include "brokersnapshot.h"
#include "topicpartition.h"

#include <QHash>
#include <vector>

namespace topicscope::engine {

// Rates per partition over a sliding window of buckets (appends from BatchAppended events, consumption from
// committed-offset advances). Rates are per second of window, so a burst shows for the window's length and then
// decays to zero. Engine thread.
class RateTracker {
public:
    // The default window of 8 x 250 ms (2 s) follows appends closely; commits arrive every few seconds
    // (auto.commit.interval.ms = 5000), so consumption needs a window longer than that.
    explicit RateTracker(qint64 bucketMs = 250, int buckets = 8);

    qint64 windowMs() const { return m_bucketMs * m_bucketCount; }
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
    qint64 m_bucketMs;
    int m_bucketCount;
    QHash<TopicPartition, std::vector<Bucket>> m_buckets;
};

} // namespace topicscope::engine
