#include "grouplag.h"

#include <algorithm>
#include <set>

namespace topicscope::engine {

GroupOffsets GroupLag::compute(const QString &groupId, const QMap<QString, QList<TopicPartition>> &assignment,
    const QHash<TopicPartition, qint64> &committed, const QHash<TopicPartition, qint64> &logEnd)
{
    GroupOffsets o;
    o.groupId = groupId;
    o.assignment = assignment;
    QHash<TopicPartition, QString> owner;
    std::set<TopicPartition> all; // sorted by topic and partition
    for (auto it = assignment.cbegin(); it != assignment.cend(); ++it) {
        for (const TopicPartition &tp : it.value()) {
            owner.insert(tp, it.key());
            all.insert(tp);
        }
    }
    for (auto it = committed.cbegin(); it != committed.cend(); ++it)
        all.insert(it.key());
    for (const TopicPartition &tp : all) {
        GroupPartitionOffset p;
        p.topicPartition = tp;
        p.committedOffset = committed.value(tp, -1);
        p.logEndOffset = logEnd.value(tp, 0);
        p.lag = p.committedOffset >= 0 ? std::max<qint64>(0, p.logEndOffset - p.committedOffset) : -1;
        p.memberId = owner.value(tp);
        if (p.lag > 0)
            o.totalLag += p.lag;
        o.partitions.append(p);
    }
    return o;
}

} // namespace topicscope::engine
