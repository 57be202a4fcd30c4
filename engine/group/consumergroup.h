#pragma once

#include "core/events.h"
#include "group/consumergroupmember.h"
#include "groupdescription.h"

#include <QMap>
#include <QString>
#include <functional>
#include <map>
#include <optional>

namespace topicscope::engine {

// One consumer-protocol group (Kafka 4, KIP-848; Kafka's ConsumerGroup): its members, the group epoch (bumped by
// every membership, subscription or subscribed-topic change), the target assignment the server-side assignor
// computed for an epoch, and which member currently owns each partition (at which epoch). It keeps the
// invariants; the ConsumerGroupManager decides. Committed offsets are not here: the coordinator keeps them by
// group id whichever protocol the group uses. Private to the group coordinator; engine thread only.
class ConsumerGroup {
public:
    enum class State { Empty, Assigning, Reconciling, Stable, Dead };
    static QString stateName(State state);

    ConsumerGroup(const QString &groupId, EventBus &events);

    const QString &groupId() const { return m_groupId; }
    State state() const { return m_state; }
    qint32 groupEpoch() const { return m_groupEpoch; }
    qint32 assignmentEpoch() const { return m_assignmentEpoch; }
    const QString &assignorName() const { return m_assignorName; }

    const std::map<QString, ConsumerGroupMember> &members() const { return m_members; }
    const ConsumerGroupMember *member(const QString &memberId) const;
    const ConsumerGroupMember *staticMember(const QString &instanceId) const;
    bool isEmpty() const { return m_members.empty(); }

    // Replaces (or adds) the member and the ownership of its partitions. Does not touch epochs.
    void putMember(const ConsumerGroupMember &member);
    // Removes the member, frees its partitions and forgets its target. Returns it (for its timers).
    std::optional<ConsumerGroupMember> removeMember(const QString &memberId);

    // Group epoch + 1 (a member joined, left or changed its subscription, or a subscribed topic changed).
    void bumpGroupEpoch() { ++m_groupEpoch; }
    // Sets the epoch after a restart (loaded from __consumer_offsets).
    void restoreEpochs(qint32 groupEpoch, qint32 assignmentEpoch, const QString &assignorName);

    // Topic -> partition count of every topic a member subscribes to, as last seen (Kafka's subscription
    // metadata): a change, such as partitions added, bumps the group epoch.
    const QMap<QString, int> &subscriptionMetadata() const { return m_subscriptionMetadata; }
    void setSubscriptionMetadata(const QMap<QString, int> &metadata) { m_subscriptionMetadata = metadata; }

    TopicPartitionSets targetOf(const QString &memberId) const { return m_target.value(memberId); }
    const ServerAssignment &targetAssignment() const { return m_target; }
    void setTargetAssignment(qint32 epoch, const QString &assignorName, const ServerAssignment &target);
    // A static member rejoining under a new member id inherits its instance's target.
    void setTargetOf(const QString &memberId, const TopicPartitionSets &target) { m_target.insert(memberId, target); }

    // Kafka's CurrentAssignmentBuilder: moves member towards its target at the target epoch, revoking before
    // assigning. owned: the partitions the member reports it owns (nullopt when the heartbeat left them out).
    ConsumerGroupMember reconcile(
        const ConsumerGroupMember &member, const std::optional<TopicPartitionSets> &owned) const;

    // Empty / Assigning / Reconciling / Stable from the members and epochs, publishing GroupStateChanged on a
    // change; returns true when the state changed.
    bool updateState(const QString &reason);
    void markDead(const QString &reason);

    GroupDescription describe() const;
    GroupListing overview() const;
    // "group g1: Stable epoch=3 target=3 members=[a@3 stable, b@3 stable]"
    QString dump() const;

    static QList<TopicPartition> toList(const TopicPartitionSets &sets);
    // "t-0,t-1,u-0", for log lines and dump().
    static QString setsText(const TopicPartitionSets &sets);

private:
    // The epoch of the member owning (or still revoking) topic/partition; -1 when nobody holds it.
    qint32 ownerEpoch(const QString &topic, int partition) const;
    void claim(const ConsumerGroupMember &member);
    void release(const ConsumerGroupMember &member);

    QString m_groupId;
    EventBus &m_events;
    State m_state = State::Empty;
    qint32 m_groupEpoch = 0;
    qint32 m_assignmentEpoch = 0;
    QString m_assignorName;
    std::map<QString, ConsumerGroupMember> m_members; // ordered by member id
    QMap<QString, int> m_subscriptionMetadata;
    ServerAssignment m_target;
    QMap<QString, QMap<int, qint32>> m_partitionEpochs; // topic -> partition -> owner's epoch
};

} // namespace topicscope::engine
