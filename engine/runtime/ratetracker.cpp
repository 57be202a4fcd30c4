#include "ratetracker.h"

#include <algorithm>

namespace topicscope::engine {

RateTracker::RateTracker(qint64 bucketMs, int buckets)
    : m_bucketMs(std::max<qint64>(1, bucketMs))
    , m_bucketCount(std::max(1, buckets))
{ }

void RateTracker::record(const TopicPartition &tp, qint64 records, qint64 bytes, qint64 nowMs)
{
    const qint64 index = nowMs / m_bucketMs;
    std::vector<Bucket> &buckets = m_buckets[tp];
    if (buckets.empty())
        buckets.resize(static_cast<size_t>(m_bucketCount));
    Bucket &b = buckets[static_cast<size_t>(index % m_bucketCount)];
    if (b.index != index)
        b = Bucket {index, 0, 0};
    b.records += records;
    b.bytes += bytes;
}

void RateTracker::forgetTopic(const QString &topic)
{
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (it.key().topic == topic)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

QHash<TopicPartition, PartitionRate> RateTracker::rates(qint64 nowMs) const
{
    const qint64 current = nowMs / m_bucketMs;
    const double windowSeconds = double(windowMs()) / 1000.0;
    QHash<TopicPartition, PartitionRate> result;
    for (auto it = m_buckets.cbegin(); it != m_buckets.cend(); ++it) {
        qint64 records = 0;
        qint64 bytes = 0;
        for (const Bucket &b : it.value()) {
            if (b.index > current - m_bucketCount && b.index <= current) {
                records += b.records;
                bytes += b.bytes;
            }
        }
        if (records > 0)
            result.insert(it.key(), PartitionRate {records / windowSeconds, bytes / windowSeconds});
    }
    return result;
}

} // namespace topicscope::engine
