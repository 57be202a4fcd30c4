#pragma once

#include <QHash>
#include <QString>
#include <compare>

namespace topicscope::engine {

// A partition of a topic: Kafka's TopicPartition. Ordered by topic, then partition (the order the range and
// roundrobin assignors sort by).
struct TopicPartition {
    QString topic;
    int partition = 0;

    bool operator==(const TopicPartition &) const = default;
    std::strong_ordering operator<=>(const TopicPartition &o) const
    {
        if (const int c = QString::compare(topic, o.topic); c != 0)
            return c < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
        return partition <=> o.partition;
    }
    // "orders-2", as Kafka prints it.
    QString toString() const { return topic + QLatin1Char('-') + QString::number(partition); }
};

inline size_t qHash(const TopicPartition &tp, size_t seed = 0) noexcept
{
    return qHashMulti(seed, tp.topic, tp.partition);
}

} // namespace topicscope::engine
