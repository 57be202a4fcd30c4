#include "group/serverrangeassignor.h"

#include <algorithm>

namespace topicscope::engine {

namespace {

// Kafka's order: static members by instanceId, then dynamic members by memberId. The memberId tie-break only
// matters for duplicate instanceIds, which the coordinator never lets through; it keeps the sort total.
bool rangeOrderLess(const ServerAssignorMember *a, const ServerAssignorMember *b)
{
    if (a->instanceId.has_value() != b->instanceId.has_value())
        return a->instanceId.has_value();
    if (a->instanceId && *a->instanceId != *b->instanceId)
        return *a->instanceId < *b->instanceId;
    return a->memberId < b->memberId;
}

} // namespace

QString ServerRangeAssignor::name() const
{
    return QStringLiteral("range");
}

ServerAssignment ServerRangeAssignor::assign(
    const std::vector<ServerAssignorMember> &members, const QMap<QString, int> &partitionsPerTopic) const
{
    ServerAssignment assignment;
    std::vector<const ServerAssignorMember *> ordered;
    ordered.reserve(members.size());
    for (const ServerAssignorMember &member : members) {
        assignment.insert(member.memberId, {});
        ordered.push_back(&member);
    }
    std::sort(ordered.begin(), ordered.end(), rangeOrderLess);

    for (auto topic = partitionsPerTopic.cbegin(); topic != partitionsPerTopic.cend(); ++topic) {
        std::vector<const ServerAssignorMember *> subscribers;
        for (const ServerAssignorMember *member : ordered) {
            if (member->subscribedTopics.contains(topic.key()))
                subscribers.push_back(member);
        }
        if (subscribers.empty())
            continue;
        const int count = static_cast<int>(subscribers.size());
        const int partitions = std::max(0, topic.value());
        const int perMember = partitions / count;
        const int extra = partitions % count;
        int next = 0;
        for (int i = 0; i < count; ++i) {
            const int end = next + perMember + (i < extra ? 1 : 0);
            if (end == next)
                continue; // more subscribers than partitions: the last ones get nothing of this topic
            QList<int> &partitions = assignment[subscribers[i]->memberId][topic.key()];
            for (int p = next; p < end; ++p)
                partitions.append(p);
            next = end;
        }
    }
    return assignment;
}

} // namespace topicscope::engine
