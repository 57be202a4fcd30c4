#include "group/rangeassignor.h"

#include "group/assignorsupport.h"

namespace topicscope::engine {

QString RangeAssignor::name() const
{
    return QStringLiteral("range");
}

GroupAssignment RangeAssignor::assign(
    const std::vector<MemberSubscription> &members, const QMap<QString, int> &partitionsPerTopic) const
{
    GroupAssignment assignment = assignorsupport::emptyAssignment(members);
    const QMap<QString, int> topics = assignorsupport::subscribedTopics(members, partitionsPerTopic);
    const std::vector<const MemberSubscription *> ordered = assignorsupport::javaMemberOrder(members);
    for (auto topic = topics.cbegin(); topic != topics.cend(); ++topic) {
        std::vector<const MemberSubscription *> subscribers;
        for (const MemberSubscription *m : ordered) {
            if (m->topics.contains(topic.key()))
                subscribers.push_back(m);
        }
        std::stable_sort(
            subscribers.begin(), subscribers.end(), [](const MemberSubscription *a, const MemberSubscription *b) {
                return assignorsupport::memberInfoLess(*a, *b);
            });
        const int count = static_cast<int>(subscribers.size());
        const int perMember = topic.value() / count;
        const int extra = topic.value() % count;
        for (int i = 0; i < count; ++i) {
            const int start = i * perMember + std::min(i, extra);
            const int length = perMember + (i < extra ? 1 : 0);
            auto &list = assignment[subscribers[i]->memberId];
            for (int p = start; p < start + length; ++p)
                list.append({topic.key(), p});
        }
    }
    assignorsupport::sortLists(assignment);
    return assignment;
}

} // namespace topicscope::engine
