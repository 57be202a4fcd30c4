#include "group/roundrobinassignor.h"

#include "group/assignorsupport.h"

#include <QSet>

namespace topicscope::engine {

QString RoundRobinAssignor::name() const
{
    return QStringLiteral("roundrobin");
}

GroupAssignment RoundRobinAssignor::assign(
    const std::vector<MemberSubscription> &members, const QMap<QString, int> &partitionsPerTopic) const
{
    GroupAssignment assignment = assignorsupport::emptyAssignment(members);
    std::vector<const MemberSubscription *> ring = assignorsupport::javaMemberOrder(members);
    std::vector<QSet<QString>> subscribed;
    std::stable_sort(ring.begin(), ring.end(), [](const MemberSubscription *a, const MemberSubscription *b) {
        return assignorsupport::memberInfoLess(*a, *b);
    });
    for (const MemberSubscription *m : ring)
        subscribed.emplace_back(m->topics.cbegin(), m->topics.cend());

    size_t next = 0;
    const QMap<QString, int> topics = assignorsupport::subscribedTopics(members, partitionsPerTopic);
    for (auto topic = topics.cbegin(); topic != topics.cend(); ++topic) {
        for (int p = 0; p < topic.value(); ++p) {
            // Terminates: the topic is in the map only because some member subscribes to it.
            while (!subscribed[next].contains(topic.key()))
                next = (next + 1) % ring.size();
            assignment[ring[next]->memberId].append({topic.key(), p});
            next = (next + 1) % ring.size();
        }
    }
    return assignment;
}

} // namespace topicscope::engine
