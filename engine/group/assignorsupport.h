#pragma once

#include "group/assignor.h"

#include <QHash>
#include <algorithm>
#include <cstdint>
#include <vector>

namespace topicscope::engine::assignorsupport {

// Helpers shared by the built-in assignors. Kafka's Java assignors are the reference for every result, so
// a few Java behaviours (String.hashCode, HashMap iteration order, MemberInfo ordering) are reproduced here.

// Java's String.hashCode(): 31-polynomial over UTF-16 code units, wrapping like int32.
inline int32_t javaStringHash(const QString &s)
{
    uint32_t h = 0;
    for (const QChar c : s)
        h = 31 * h + c.unicode();
    return static_cast<int32_t>(h);
}

// The bucket java.util.HashMap puts a hash in, for a table of `capacity` (a power of two).
inline uint32_t javaBucket(int32_t hash, uint32_t capacity)
{
    const auto h = static_cast<uint32_t>(hash);
    return (h ^ (h >> 16)) & (capacity - 1);
}

// The iteration order of a `new HashMap<>()` (or HashSet) filled with these hashes in this order: ascending
// bucket of the final table, insertion order within a bucket. The table starts at 16 and doubles when the
// size passes 3/4 of it, or when a bucket of a table below 64 would get its ninth entry (treeifyBin).
// Not modelled: the order inside a treeified bucket (9+ colliding keys in a table of 64 or more).
inline std::vector<int> javaHashOrder(const std::vector<int32_t> &hashes)
{
    uint32_t capacity = 16;
    std::vector<int> bucketSize(capacity, 0);
    auto rebuild = [&](size_t upTo) {
        bucketSize.assign(capacity, 0);
        for (size_t i = 0; i < upTo; ++i)
            ++bucketSize[javaBucket(hashes[i], capacity)];
    };
    for (size_t i = 0; i < hashes.size(); ++i) {
        if (bucketSize[javaBucket(hashes[i], capacity)] >= 8 && capacity < 64) {
            capacity *= 2;
            rebuild(i);
        }
        ++bucketSize[javaBucket(hashes[i], capacity)];
        if (i + 1 > capacity / 4 * 3) {
            capacity *= 2;
            rebuild(i + 1);
        }
    }
    std::vector<int> order(hashes.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(),
        [&](int a, int b) { return javaBucket(hashes[a], capacity) < javaBucket(hashes[b], capacity); });
    return order;
}

// Members in the order Java iterates its subscriptions map, taking the input vector as insertion order.
inline std::vector<const MemberSubscription *> javaMemberOrder(const std::vector<MemberSubscription> &members)
{
    std::vector<int32_t> hashes;
    for (const MemberSubscription &m : members)
        hashes.push_back(javaStringHash(m.memberId));
    std::vector<const MemberSubscription *> out;
    for (const int i : javaHashOrder(hashes))
        out.push_back(&members[i]);
    return out;
}

// AbstractPartitionAssignor.MemberInfo's order: members with a group.instance.id first, by instance id,
// then the others by member id. Equal instance ids (invalid in a real group) keep Java's map order, so sort
// javaMemberOrder() with a stable sort.
inline bool memberInfoLess(const MemberSubscription &a, const MemberSubscription &b)
{
    if (a.groupInstanceId && b.groupInstanceId)
        return *a.groupInstanceId < *b.groupInstanceId;
    if (a.groupInstanceId || b.groupInstanceId)
        return a.groupInstanceId.has_value();
    return a.memberId < b.memberId;
}

// Java hands assignors only the subscribed topics that have partitions; the rest are assigned to nobody.
inline QMap<QString, int> subscribedTopics(
    const std::vector<MemberSubscription> &members, const QMap<QString, int> &partitionsPerTopic)
{
    QMap<QString, int> out;
    for (const MemberSubscription &m : members) {
        for (const QString &topic : m.topics) {
            const auto it = partitionsPerTopic.constFind(topic);
            if (it != partitionsPerTopic.constEnd() && it.value() > 0)
                out.insert(topic, it.value());
        }
    }
    return out;
}

// Every member gets an entry, even with nothing assigned.
inline GroupAssignment emptyAssignment(const std::vector<MemberSubscription> &members)
{
    GroupAssignment out;
    for (const MemberSubscription &m : members)
        out.insert(m.memberId, {});
    return out;
}

inline void sortLists(GroupAssignment &assignment)
{
    for (auto &list : assignment)
        std::sort(list.begin(), list.end());
}

} // namespace topicscope::engine::assignorsupport
