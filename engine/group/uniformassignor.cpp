#include "group/uniformassignor.h"

#include <algorithm>
#include <deque>
#include <set>

namespace topicscope::engine {

namespace {

// The state of one assign() run. Members and topics are numbered by sorted memberId and topic name, so every
// loop below runs in an order fixed by the input values alone.
class UniformRun {
public:
    UniformRun(const std::vector<ServerAssignorMember> &members, const QMap<QString, int> &partitionsPerTopic);

    bool isHomogeneous() const;
    void keepCurrentTargets();
    void assignHomogeneous();
    void assignHeterogeneous();
    ServerAssignment result() const;

private:
    void assignUnownedToLeastLoaded();
    bool shiftAlongChainFrom(int source);

    std::vector<const ServerAssignorMember *> m_members; // by memberId
    QStringList m_topics; // subscribed by at least one member and existing, sorted
    std::vector<int> m_partitionCount; // per topic
    std::vector<std::vector<int>> m_subscribers; // per topic: member numbers, ascending
    std::vector<std::vector<char>> m_subscribes; // [member][topic]
    std::vector<std::vector<int>> m_owner; // [topic][partition]: member number, -1 while unowned
    std::vector<int> m_load; // per member: partitions owned
    // Heterogeneous balancing only: [member][topic] the partitions owned, kept up to date as they move.
    std::vector<std::vector<std::set<int>>> m_owned;
};

UniformRun::UniformRun(const std::vector<ServerAssignorMember> &members, const QMap<QString, int> &partitionsPerTopic)
{
    for (const ServerAssignorMember &member : members)
        m_members.push_back(&member);
    std::sort(m_members.begin(), m_members.end(),
        [](const ServerAssignorMember *a, const ServerAssignorMember *b) { return a->memberId < b->memberId; });

    for (const ServerAssignorMember *member : m_members) {
        for (const QString &topic : member->subscribedTopics) {
            if (partitionsPerTopic.contains(topic) && !m_topics.contains(topic))
                m_topics.append(topic);
        }
    }
    m_topics.sort();

    const int memberCount = static_cast<int>(m_members.size());
    m_load.assign(memberCount, 0);
    m_subscribes.assign(memberCount, std::vector<char>(m_topics.size(), 0));
    m_subscribers.resize(m_topics.size());
    for (qsizetype t = 0; t < m_topics.size(); ++t) {
        m_partitionCount.push_back(std::max(0, partitionsPerTopic.value(m_topics.at(t))));
        m_owner.emplace_back(m_partitionCount.back(), -1);
        for (int m = 0; m < memberCount; ++m) {
            if (m_members[m]->subscribedTopics.contains(m_topics.at(t))) {
                m_subscribes[m][t] = 1;
                m_subscribers[t].push_back(m);
            }
        }
    }
}

bool UniformRun::isHomogeneous() const
{
    return std::all_of(m_subscribes.begin(), m_subscribes.end(),
        [this](const std::vector<char> &topics) { return topics == m_subscribes.front(); });
}

void UniformRun::keepCurrentTargets()
{
    for (int m = 0; m < static_cast<int>(m_members.size()); ++m) {
        const TopicPartitionSets &current = m_members[m]->currentTarget;
        for (auto it = current.cbegin(); it != current.cend(); ++it) {
            const qsizetype t = m_topics.indexOf(it.key());
            if (t < 0 || !m_subscribes[m][t])
                continue; // the topic is gone or no longer subscribed: drop it
            for (const int p : it.value()) {
                if (p >= 0 && p < m_partitionCount[t] && m_owner[t][p] == -1) {
                    m_owner[t][p] = m;
                    ++m_load[m];
                }
            }
        }
    }
}

void UniformRun::assignHomogeneous()
{
    const int memberCount = static_cast<int>(m_members.size());
    int total = 0;
    for (const int count : m_partitionCount)
        total += count;
    // The total % N quotas of one more go to the members holding the most: any other choice takes more
    // partitions away from their owners.
    std::vector<int> byLoad(memberCount);
    for (int m = 0; m < memberCount; ++m)
        byLoad[m] = m;
    std::stable_sort(byLoad.begin(), byLoad.end(), [this](int a, int b) { return m_load[a] > m_load[b]; });
    std::vector<int> quota(memberCount, total / memberCount);
    for (int k = 0; k < total % memberCount; ++k)
        ++quota[byLoad[k]];

    std::vector<int> kept(memberCount, 0);
    for (size_t t = 0; t < m_owner.size(); ++t) {
        for (int &owner : m_owner[t]) {
            if (owner >= 0 && ++kept[owner] > quota[owner]) {
                --m_load[owner];
                owner = -1;
            }
        }
    }
    int next = 0; // members below quota are filled in memberId order
    for (size_t t = 0; t < m_owner.size(); ++t) {
        for (int &owner : m_owner[t]) {
            if (owner != -1)
                continue;
            while (m_load[next] >= quota[next])
                ++next; // the quotas add up to total, so a member below quota is left for every unowned partition
            owner = next;
            ++m_load[next];
        }
    }
}

void UniformRun::assignHeterogeneous()
{
    assignUnownedToLeastLoaded();
    const int memberCount = static_cast<int>(m_members.size());
    m_owned.assign(memberCount, std::vector<std::set<int>>(m_topics.size()));
    for (size_t t = 0; t < m_owner.size(); ++t) {
        for (int p = 0; p < m_partitionCount[t]; ++p)
            m_owned[m_owner[t][p]][t].insert(p);
    }
    // Every shift lowers the sum of squared loads by at least 2, so this ends.
    for (bool shifted = true; shifted;) {
        shifted = false;
        std::vector<int> byLoad(memberCount);
        for (int m = 0; m < memberCount; ++m)
            byLoad[m] = m;
        std::stable_sort(byLoad.begin(), byLoad.end(), [this](int a, int b) { return m_load[a] > m_load[b]; });
        const int minLoad = m_load[byLoad.back()];
        for (const int source : byLoad) {
            if (m_load[source] < minLoad + 2)
                break;
            if (shiftAlongChainFrom(source)) {
                shifted = true;
                break;
            }
        }
    }
}

void UniformRun::assignUnownedToLeastLoaded()
{
    // Kafka's order: most partitions per subscriber first (they are the hardest to spread), then fewest
    // subscribers, then name.
    std::vector<int> order(m_topics.size());
    for (size_t t = 0; t < order.size(); ++t)
        order[t] = static_cast<int>(t);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        const qint64 lhs = qint64(m_partitionCount[a]) * qint64(m_subscribers[b].size());
        const qint64 rhs = qint64(m_partitionCount[b]) * qint64(m_subscribers[a].size());
        if (lhs != rhs)
            return lhs > rhs;
        return m_subscribers[a].size() < m_subscribers[b].size();
    });
    for (const int t : order) {
        for (int &owner : m_owner[t]) {
            if (owner != -1)
                continue;
            int best = m_subscribers[t].front();
            for (const int m : m_subscribers[t]) {
                if (m_load[m] < m_load[best])
                    best = m;
            }
            owner = best;
            ++m_load[best];
        }
    }
}

// Breadth-first over "x owns a partition of a topic y subscribes to", from source to the nearest member with at
// least two partitions fewer; then every member on the chain hands one partition to the next.
bool UniformRun::shiftAlongChainFrom(int source)
{
    const int memberCount = static_cast<int>(m_members.size());
    const int topicCount = static_cast<int>(m_topics.size());
    struct Hop {
        int from = -1;
        int topic = -1;
        int partition = -1;
    };
    std::vector<Hop> reachedBy(memberCount);
    std::vector<char> visited(memberCount, 0);
    std::vector<char> expanded(topicCount, 0); // a topic's subscribers are all visited once it is expanded
    std::deque<int> queue {source};
    visited[source] = 1;
    int target = -1;
    while (!queue.empty() && target < 0) {
        const int from = queue.front();
        queue.pop_front();
        for (int t = 0; t < topicCount && target < 0; ++t) {
            if (m_owned[from][t].empty() || expanded[t])
                continue;
            expanded[t] = 1;
            for (const int to : m_subscribers[t]) {
                if (visited[to])
                    continue;
                visited[to] = 1;
                reachedBy[to] = {from, t, *m_owned[from][t].begin()};
                if (m_load[to] <= m_load[source] - 2) {
                    target = to;
                    break;
                }
                queue.push_back(to);
            }
        }
    }
    if (target < 0)
        return false;
    // From the target back, so each member hands over a partition it held before this shift.
    for (int m = target; m != source; m = reachedBy[m].from) {
        const Hop &hop = reachedBy[m];
        m_owner[hop.topic][hop.partition] = m;
        m_owned[hop.from][hop.topic].erase(hop.partition);
        m_owned[m][hop.topic].insert(hop.partition);
    }
    ++m_load[target];
    --m_load[source];
    return true;
}

ServerAssignment UniformRun::result() const
{
    ServerAssignment assignment;
    for (const ServerAssignorMember *member : m_members)
        assignment.insert(member->memberId, {});
    for (size_t t = 0; t < m_owner.size(); ++t) {
        for (int p = 0; p < m_partitionCount[t]; ++p) {
            if (m_owner[t][p] >= 0)
                assignment[m_members[m_owner[t][p]]->memberId][m_topics.at(t)].append(p);
        }
    }
    return assignment;
}

} // namespace

QString UniformAssignor::name() const
{
    return QStringLiteral("uniform");
}

ServerAssignment UniformAssignor::assign(
    const std::vector<ServerAssignorMember> &members, const QMap<QString, int> &partitionsPerTopic) const
{
    UniformRun run(members, partitionsPerTopic);
    if (members.empty())
        return run.result();
    run.keepCurrentTargets();
    if (run.isHomogeneous())
        run.assignHomogeneous();
    else
        run.assignHeterogeneous();
    return run.result();
}

} // namespace topicscope::engine
