#include "group/abstractstickyassignor.h"

#include "group/assignorsupport.h"

#include <QLoggingCategory>
#include <QSet>
#include <deque>
#include <list>
#include <map>
#include <set>
#include <tuple>

Q_LOGGING_CATEGORY(lcSticky, "topicscope.engine.group.assignor")

// Results equal Java's (checked against kafka-clients on thousands of random groups, see
// tst_assignors_java.cpp) except where Java's answer is invalid, which is deliberately not reproduced:
// - Java's general path hands a partition back to a member of an older generation that owned it even when
//   that member no longer subscribes to its topic, and throws a NullPointerException when that member's
//   assignment is fixed; here only a subscriber gets it back.
// - Java takes the constrained path when the members before the first non-empty subscription (in HashMap
//   order) subscribe to nothing, giving them partitions of topics they did not ask for; here the constrained
//   path needs every member's topic set to be equal.
// - Java counts owned partitions whose number does not exist (a topic re-created smaller), which breaks its
//   quota arithmetic; here they are ignored.

namespace topicscope::engine {

namespace {

constexpr int kDefaultGeneration = -1;

// The assignor's input in index form: members by position, partitions by a dense id ("pid") that follows
// topic-name then partition order, so sorting pids sorts TopicPartitions.
struct Problem {
    std::vector<const MemberSubscription *> members; // deduplicated by memberId, first position kept
    std::vector<int> hashOrder; // member indices in Java HashMap iteration order
    std::vector<int> rank; // member index -> position in memberId order
    std::vector<int> byRank; // position in memberId order -> member index

    QStringList topicNames; // sorted
    std::vector<int> topicCount, topicOffset;
    std::vector<int32_t> topicHash;
    QHash<QString, int> topicIndex;
    std::vector<int> topicOf, partitionOf; // by pid
    int total = 0;

    std::vector<std::vector<int>> memberTopics; // existing subscribed topics, no duplicates
    std::vector<char> subscribes; // [member * topics + topic]
    std::vector<std::vector<int>> ownedRaw; // claimed pids that exist, in claim order
    std::vector<int> generation;
    bool allSubscriptionsEqual = true;

    int topics() const { return static_cast<int>(topicNames.size()); }
    bool isSubscribed(int member, int topic) const { return subscribes[size_t(member) * topicNames.size() + topic]; }
    TopicPartition partition(int pid) const { return {topicNames[topicOf[pid]], partitionOf[pid]}; }
};

Problem makeProblem(const std::vector<MemberSubscription> &input, const QMap<QString, int> &partitionsPerTopic)
{
    Problem pb;
    // Java keys subscriptions by member id: a repeated id keeps its first position and its last value.
    QHash<QString, int> seen;
    for (const MemberSubscription &m : input) {
        if (const auto it = seen.constFind(m.memberId); it != seen.constEnd()) {
            pb.members[it.value()] = &m;
            continue;
        }
        seen.insert(m.memberId, static_cast<int>(pb.members.size()));
        pb.members.push_back(&m);
    }
    const int memberCount = static_cast<int>(pb.members.size());

    std::vector<int32_t> hashes;
    for (const MemberSubscription *m : pb.members)
        hashes.push_back(assignorsupport::javaStringHash(m->memberId));
    pb.hashOrder = assignorsupport::javaHashOrder(hashes);

    for (int i = 0; i < memberCount; ++i)
        pb.byRank.push_back(i);
    std::sort(pb.byRank.begin(), pb.byRank.end(),
        [&](int a, int b) { return pb.members[a]->memberId < pb.members[b]->memberId; });
    pb.rank.resize(memberCount);
    for (int r = 0; r < memberCount; ++r)
        pb.rank[pb.byRank[r]] = r;

    QMap<QString, int> topics;
    for (const MemberSubscription *m : pb.members) {
        for (const QString &topic : m->topics) {
            if (const int count = partitionsPerTopic.value(topic, 0); count > 0)
                topics.insert(topic, count);
        }
    }
    for (auto it = topics.cbegin(); it != topics.cend(); ++it) {
        pb.topicIndex.insert(it.key(), static_cast<int>(pb.topicNames.size()));
        pb.topicNames.append(it.key());
        pb.topicCount.push_back(it.value());
        pb.topicOffset.push_back(pb.total);
        pb.topicHash.push_back(assignorsupport::javaStringHash(it.key()));
        for (int p = 0; p < it.value(); ++p) {
            pb.topicOf.push_back(static_cast<int>(pb.topicNames.size()) - 1);
            pb.partitionOf.push_back(p);
        }
        pb.total += it.value();
    }

    pb.subscribes.assign(size_t(memberCount) * topics.size(), 0);
    pb.memberTopics.resize(memberCount);
    pb.ownedRaw.resize(memberCount);
    std::optional<QSet<QString>> firstSubscription;
    for (int m = 0; m < memberCount; ++m) {
        const MemberSubscription &sub = *pb.members[m];
        const QSet<QString> topicSet(sub.topics.cbegin(), sub.topics.cend());
        if (!firstSubscription)
            firstSubscription = topicSet;
        else if (*firstSubscription != topicSet)
            pb.allSubscriptionsEqual = false;
        for (const QString &topic : sub.topics) {
            const int t = pb.topicIndex.value(topic, -1);
            if (t >= 0 && !pb.isSubscribed(m, t)) {
                pb.subscribes[size_t(m) * topics.size() + t] = 1;
                pb.memberTopics[m].push_back(t);
            }
        }
        for (const TopicPartition &tp : sub.ownedPartitions) {
            const int t = pb.topicIndex.value(tp.topic, -1);
            if (t >= 0 && tp.partition >= 0 && tp.partition < pb.topicCount[t])
                pb.ownedRaw[m].push_back(pb.topicOffset[t] + tp.partition);
        }
        pb.generation.push_back(sub.generationId);
    }
    return pb;
}

// Java's allSubscriptionsEqual() side effects: each member's still-valid owned partitions, where a partition
// claimed by two members goes to the higher generation, and is dropped (and remembered) on a tie.
struct OwnedState {
    std::vector<std::vector<int>> owned;
    std::vector<char> multipleOwners; // by pid
    int maxGeneration = kDefaultGeneration;
};

OwnedState resolveOwnership(const Problem &pb)
{
    OwnedState st;
    st.owned.resize(pb.members.size());
    st.multipleOwners.assign(pb.total, 0);
    std::vector<int> previousOwner(pb.total, -1);
    auto removeFirst = [](std::vector<int> &list, int pid) {
        const auto it = std::find(list.begin(), list.end(), pid);
        if (it != list.end())
            list.erase(it);
    };
    for (const int m : pb.hashOrder) {
        const int gen = pb.generation[m];
        st.maxGeneration = std::max(st.maxGeneration, gen);
        for (const int pid : pb.ownedRaw[m]) {
            const int other = previousOwner[pid];
            if (other < 0) {
                st.owned[m].push_back(pid);
                previousOwner[pid] = m;
            } else if (gen == pb.generation[other]) {
                qCWarning(lcSticky) << "partition" << pb.partition(pid).toString() << "claimed by"
                                    << pb.members[m]->memberId << "and" << pb.members[other]->memberId
                                    << "in the same generation" << gen << "- taken from both";
                st.multipleOwners[pid] = 1;
                removeFirst(st.owned[other], pid);
                previousOwner[pid] = m;
            } else if (gen > pb.generation[other]) {
                st.owned[m].push_back(pid);
                removeFirst(st.owned[other], pid);
                previousOwner[pid] = m;
            }
        }
    }
    return st;
}

using Owners = std::vector<int>; // pid -> member, -1 for none

// Java's ConstrainedAssignmentBuilder: every member has the same subscription, so quotas are exact.
class ConstrainedBuilder {
public:
    ConstrainedBuilder(const Problem &pb, const OwnedState &st)
        : m_pb(pb)
        , m_st(st)
    {
        const int members = static_cast<int>(pb.members.size());
        m_minQuota = pb.total / members;
        m_maxQuota = (pb.total + members - 1) / members;
        m_expectedOverMin = pb.total % members;
        m_assignment.resize(members);
        m_maybeRevoked.assign(pb.total, -1);
        m_owner.assign(pb.total, -1);
    }

    Owners build(QHash<TopicPartition, QString> &transferring)
    {
        assignOwnedPartitions();
        auto byMemberId = [&](int a, int b) { return m_pb.rank[a] < m_pb.rank[b]; };
        m_unfilledUnderMin.sort(byMemberId);
        std::sort(m_unfilledExactlyMin.begin(), m_unfilledExactlyMin.end(), byMemberId);
        assignRoundRobin(transferring);
        return m_owner;
    }

private:
    void assignOwnedPartitions()
    {
        for (const int m : m_pb.hashOrder) {
            std::vector<int> owned;
            for (const int pid : m_st.owned[m]) {
                if (!m_st.multipleOwners[pid])
                    owned.push_back(pid);
            }
            // Java keeps the lowest partition numbers first, across topics.
            std::stable_sort(owned.begin(), owned.end(), [&](int a, int b) {
                return std::tie(m_pb.partitionOf[a], m_pb.topicOf[a]) < std::tie(m_pb.partitionOf[b], m_pb.topicOf[b]);
            });
            const int size = static_cast<int>(owned.size());
            int keep = size;
            if (size < m_minQuota) {
                m_unfilledUnderMin.push_back(m);
            } else if (size >= m_maxQuota && m_currentOverMin < m_expectedOverMin) {
                if (++m_currentOverMin == m_expectedOverMin)
                    m_unfilledExactlyMin.clear();
                keep = m_maxQuota;
            } else {
                keep = m_minQuota;
                if (m_currentOverMin < m_expectedOverMin)
                    m_unfilledExactlyMin.push_back(m);
            }
            for (int i = 0; i < size; ++i) {
                if (i < keep) {
                    m_assignment[m].push_back(owned[i]);
                    m_owner[owned[i]] = m;
                } else {
                    m_maybeRevoked[owned[i]] = m;
                }
            }
        }
    }

    void assignRoundRobin(QHash<TopicPartition, QString> &transferring)
    {
        auto next = m_unfilledUnderMin.begin();
        auto current = m_unfilledUnderMin.end();
        for (int pid = 0; pid < m_pb.total; ++pid) {
            if (m_owner[pid] >= 0)
                continue;
            int member;
            bool fromUnderMin = true;
            if (next != m_unfilledUnderMin.end()) {
                current = next++;
            } else if (m_unfilledUnderMin.empty() && m_unfilledExactlyMin.empty()) {
                qCCritical(lcSticky) << "no member left to take" << m_pb.partition(pid).toString();
                return;
            } else if (m_unfilledUnderMin.empty()) {
                fromUnderMin = false;
            } else {
                current = m_unfilledUnderMin.begin();
                next = std::next(current);
            }
            if (fromUnderMin) {
                member = *current;
            } else {
                member = m_unfilledExactlyMin.front();
                m_unfilledExactlyMin.pop_front();
            }

            m_assignment[member].push_back(pid);
            m_owner[pid] = member;
            if ((m_maybeRevoked[pid] >= 0 && m_maybeRevoked[pid] != member) || m_st.multipleOwners[pid])
                transferring.insert(m_pb.partition(pid), m_pb.members[member]->memberId);

            const int count = static_cast<int>(m_assignment[member].size());
            if (count == m_minQuota) {
                if (fromUnderMin) {
                    next = m_unfilledUnderMin.erase(current);
                    current = m_unfilledUnderMin.end();
                }
                m_unfilledExactlyMin.push_back(member);
            } else if (count == m_maxQuota) {
                ++m_currentOverMin;
            }
        }
    }

    const Problem &m_pb;
    const OwnedState &m_st;
    int m_minQuota = 0;
    int m_maxQuota = 0;
    int m_expectedOverMin = 0;
    int m_currentOverMin = 0;
    std::vector<std::vector<int>> m_assignment;
    std::vector<int> m_maybeRevoked; // pid -> member that had to give it up over quota
    Owners m_owner;
    std::list<int> m_unfilledUnderMin;
    std::deque<int> m_unfilledExactlyMin;
};

// The iteration order of one java.util.HashSet<TopicPartition>, which decides which partition the general
// path moves back when it undoes an earlier move (getTheActualPartitionToBeMoved).
class JavaPartitionSet {
public:
    void add(int pid, int32_t hash, uint64_t seq)
    {
        const uint32_t bucket = assignorsupport::javaBucket(hash, m_capacity);
        int inBucket = 0;
        for (const Entry &e : m_entries)
            inBucket += assignorsupport::javaBucket(e.hash, m_capacity) == bucket;
        if (inBucket >= 8 && m_capacity < 64)
            m_capacity *= 2;
        m_entries.push_back({pid, hash, seq});
        if (m_entries.size() > m_capacity / 4 * 3)
            m_capacity *= 2;
    }
    void remove(int pid)
    {
        m_entries.erase(std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.pid == pid; }));
    }
    bool isEmpty() const { return m_entries.empty(); }
    int first() const
    {
        const Entry *best = &m_entries.front();
        for (const Entry &e : m_entries) {
            const auto key
                = [&](const Entry &x) { return std::pair(assignorsupport::javaBucket(x.hash, m_capacity), x.seq); };
            if (key(e) < key(*best))
                best = &e;
        }
        return best->pid;
    }

private:
    struct Entry {
        int pid;
        int32_t hash;
        uint64_t seq;
    };
    uint32_t m_capacity = 16;
    std::vector<Entry> m_entries;
};

// Java's GeneralAssignmentBuilder: members subscribe to different topics, so balance is reached by
// repeatedly moving partitions to the least loaded eligible member.
class GeneralBuilder {
public:
    GeneralBuilder(const Problem &pb, const OwnedState &st)
        : m_pb(pb)
        , m_st(st)
    {
        const int members = static_cast<int>(pb.members.size());
        m_potential.resize(pb.topics());
        for (const int m : pb.hashOrder) {
            for (const int t : pb.memberTopics[m])
                m_potential[t].push_back(m);
        }
        m_maxSize.assign(members, 0);
        for (int m = 0; m < members; ++m) {
            for (const int t : pb.memberTopics[m])
                m_maxSize[m] += pb.topicCount[t];
        }
        std::vector<int> topicsByPotential(pb.topics());
        for (int t = 0; t < pb.topics(); ++t)
            topicsByPotential[t] = t;
        std::stable_sort(topicsByPotential.begin(), topicsByPotential.end(),
            [&](int a, int b) { return m_potential[a].size() < m_potential[b].size(); });
        for (const int t : topicsByPotential) {
            for (int p = 0; p < pb.topicCount[t]; ++p)
                m_sortedAllPartitions.push_back(pb.topicOffset[t] + p);
        }
        m_owner.assign(pb.total, -1);
        m_count.assign(members, 0);
        m_fixed.assign(members, 0);
        m_movement.assign(pb.total, {-1, -1});
        m_prev.assign(pb.total, {-1, 0});
    }

    Owners build()
    {
        // Partitions of members from older generations, so a partition can go back to where it was.
        for (const int m : m_pb.hashOrder) {
            if (m_pb.generation[m] >= m_st.maxGeneration)
                continue;
            for (const int pid : m_pb.ownedRaw[m]) {
                if (m_prev[pid].first < 0 || m_pb.generation[m] > m_prev[pid].second)
                    m_prev[pid] = {m, m_pb.generation[m]};
            }
        }

        for (int m = 0; m < static_cast<int>(m_pb.members.size()); ++m) {
            for (const int pid : m_st.owned[m]) {
                if (m_pb.isSubscribed(m, m_pb.topicOf[pid])) {
                    m_owner[pid] = m;
                    ++m_count[m];
                } else {
                    m_revocationRequired = true;
                }
            }
        }
        std::vector<int> unassigned;
        for (const int pid : m_sortedAllPartitions) {
            if (m_owner[pid] < 0)
                unassigned.push_back(pid);
        }
        for (int m = 0; m < static_cast<int>(m_pb.members.size()); ++m)
            m_sorted.insert({m_count[m], m_pb.rank[m]});
        balance(unassigned);
        return m_owner;
    }

private:
    int memberAt(std::set<std::pair<int, int>>::const_iterator it) const { return m_pb.byRank[it->second]; }
    std::pair<int, int> key(int m) const { return {m_count[m], m_pb.rank[m]}; }

    void move(int pid, int to)
    {
        const int from = m_owner[pid];
        if (from >= 0) {
            m_sorted.erase(key(from));
            --m_count[from];
            m_sorted.insert(key(from));
        }
        m_sorted.erase(key(to));
        ++m_count[to];
        m_sorted.insert(key(to));
        m_owner[pid] = to;
    }

    void balance(std::vector<int> &unassigned)
    {
        const bool initializing = m_count[memberAt(std::prev(m_sorted.end()))] == 0;
        for (const int pid : unassigned) {
            const int t = m_pb.topicOf[pid];
            for (auto it = m_sorted.cbegin(); it != m_sorted.cend(); ++it) {
                if (m_pb.isSubscribed(memberAt(it), t)) {
                    move(pid, memberAt(it));
                    break;
                }
            }
        }

        auto isFixedPartition = [&](int pid) { return m_potential[m_pb.topicOf[pid]].size() < 2; };
        std::erase_if(m_sortedAllPartitions, isFixedPartition);
        std::erase_if(unassigned, isFixedPartition);

        std::vector<char> holdsSharedTopic(m_pb.members.size(), 0);
        for (int pid = 0; pid < m_pb.total; ++pid) {
            if (m_owner[pid] >= 0 && !isFixedPartition(pid))
                holdsSharedTopic[m_owner[pid]] = 1;
        }
        for (int m = 0; m < static_cast<int>(m_pb.members.size()); ++m) {
            if (m_count[m] >= m_maxSize[m] && !holdsSharedTopic[m]) {
                m_fixed[m] = 1;
                m_sorted.erase(key(m));
            }
        }

        const Owners ownerBefore = m_owner;
        const std::vector<int> countBefore = m_count;
        if (!m_revocationRequired)
            performReassignments(unassigned);
        const bool reassigned = performReassignments(m_sortedAllPartitions);
        if (!initializing && reassigned && balanceScore(m_count) >= balanceScore(countBefore)) {
            m_owner = ownerBefore;
            m_count = countBefore;
        }
    }

    // Sum of count differences over all pairs of non-fixed members.
    int64_t balanceScore(const std::vector<int> &count) const
    {
        std::vector<int64_t> sizes;
        for (size_t m = 0; m < count.size(); ++m) {
            if (!m_fixed[m])
                sizes.push_back(count[m]);
        }
        std::sort(sizes.begin(), sizes.end());
        int64_t score = 0;
        const auto n = static_cast<int64_t>(sizes.size());
        for (int64_t i = 0; i < n; ++i)
            score += sizes[i] * (2 * i - n + 1);
        return score;
    }

    bool isBalanced() const
    {
        if (m_count[memberAt(m_sorted.cbegin())] >= m_count[memberAt(std::prev(m_sorted.cend()))] - 1)
            return true;
        for (auto it = m_sorted.cbegin(); it != m_sorted.cend(); ++it) {
            const int m = memberAt(it);
            if (m_count[m] == m_maxSize[m])
                continue;
            for (const int t : m_pb.memberTopics[m]) {
                for (int pid = m_pb.topicOffset[t]; pid < m_pb.topicOffset[t] + m_pb.topicCount[t]; ++pid) {
                    const int other = m_owner[pid];
                    if (other != m && other >= 0 && m_count[m] + 1 < m_count[other])
                        return false;
                }
            }
        }
        return true;
    }

    bool performReassignments(const std::vector<int> &partitions)
    {
        bool reassigned = false;
        bool modified;
        do {
            modified = false;
            for (const int pid : partitions) {
                if (isBalanced())
                    break;
                const int t = m_pb.topicOf[pid];
                const int owner = m_owner[pid];
                const int previous = m_prev[pid].first;
                // Java would also hand the partition back to a previous owner that no longer subscribes to
                // its topic (or crash on one whose assignment is fixed); only a subscriber may take it here.
                if (previous >= 0 && !m_fixed[previous] && m_pb.isSubscribed(previous, t)
                    && m_count[owner] > m_count[previous] + 1) {
                    reassign(pid, previous);
                    reassigned = modified = true;
                    continue;
                }
                for (const int other : m_potential[t]) {
                    if (m_count[owner] > m_count[other] + 1) {
                        for (auto it = m_sorted.cbegin(); it != m_sorted.cend(); ++it) {
                            if (m_pb.isSubscribed(memberAt(it), t)) {
                                reassign(pid, memberAt(it));
                                break;
                            }
                        }
                        reassigned = modified = true;
                        break;
                    }
                }
            }
        } while (modified);
        return reassigned;
    }

    // Moving a partition straight back along an earlier move of the same topic keeps more partitions where
    // they were, so Java moves the earlier one back instead (PartitionMovements).
    void reassign(int pid, int to)
    {
        const int t = m_pb.topicOf[pid];
        int from = m_owner[pid];
        if (m_movement[pid].first >= 0)
            from = m_movement[pid].first;
        int toMove = pid;
        if (const auto it = m_movements.find({t, to, from}); it != m_movements.end())
            toMove = it->second.first();
        recordMovement(toMove, m_owner[toMove], to);
        move(toMove, to);
    }

    void recordMovement(int pid, int from, int to)
    {
        const int t = m_pb.topicOf[pid];
        if (m_movement[pid].first >= 0) {
            const auto [src, dst] = m_movement[pid];
            auto it = m_movements.find({t, src, dst});
            it->second.remove(pid);
            if (it->second.isEmpty())
                m_movements.erase(it);
            m_movement[pid] = {-1, -1};
            if (src != to)
                addMovement(pid, src, to);
        } else {
            addMovement(pid, from, to);
        }
    }

    void addMovement(int pid, int from, int to)
    {
        m_movement[pid] = {from, to};
        const int32_t hash = int32_t(
            uint32_t(31) * uint32_t(31 + m_pb.partitionOf[pid]) + uint32_t(m_pb.topicHash[m_pb.topicOf[pid]]));
        m_movements[{m_pb.topicOf[pid], from, to}].add(pid, hash, m_seq++);
    }

    const Problem &m_pb;
    const OwnedState &m_st;
    std::vector<std::vector<int>> m_potential; // topic -> subscribed members, in Java HashMap order
    std::vector<int> m_maxSize;
    std::vector<int> m_sortedAllPartitions;
    Owners m_owner;
    std::vector<int> m_count;
    std::vector<char> m_fixed;
    std::set<std::pair<int, int>> m_sorted; // (count, rank): Java's sortedCurrentSubscriptions
    std::vector<std::pair<int, int>> m_prev; // pid -> (member, generation) of an older generation
    std::vector<std::pair<int, int>> m_movement; // pid -> (original owner, current owner) after moves
    std::map<std::tuple<int, int, int>, JavaPartitionSet> m_movements; // (topic, from, to) -> pids
    uint64_t m_seq = 0;
    bool m_revocationRequired = false;
};

} // namespace

AbstractStickyAssignor::Target AbstractStickyAssignor::computeTarget(
    const std::vector<MemberSubscription> &members, const QMap<QString, int> &partitionsPerTopic) const
{
    Target target;
    target.assignment = assignorsupport::emptyAssignment(members);
    const Problem pb = makeProblem(members, partitionsPerTopic);
    if (pb.members.empty())
        return target;
    const OwnedState st = resolveOwnership(pb);

    Owners owner;
    if (pb.allSubscriptionsEqual) {
        QHash<TopicPartition, QString> transferring;
        owner = ConstrainedBuilder(pb, st).build(transferring);
        target.partitionsTransferringOwnership = std::move(transferring);
    } else {
        owner = GeneralBuilder(pb, st).build();
    }
    for (int pid = 0; pid < pb.total; ++pid) {
        if (owner[pid] >= 0)
            target.assignment[pb.members[owner[pid]]->memberId].append(pb.partition(pid));
    }
    return target;
}

} // namespace topicscope::engine
