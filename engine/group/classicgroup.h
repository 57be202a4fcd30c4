#pragma once

#include "consumeroffsetsrecords.h"
#include "core/clock.h"
#include "core/events.h"
#include "group/classicgroupmember.h"
#include "group/groupcoordinator.h"

#include <QMap>
#include <QSet>
#include <QString>
#include <map>
#include <optional>

namespace topicscope::engine {

// One classic consumer group (Kafka's GroupMetadata): its state machine, generation, members, static member
// ids, leader, selected protocol and committed offsets. It holds no request logic: the GroupCoordinator
// decides, the group keeps the invariants (one state, valid transitions, leader among the members).
// Private to the GroupCoordinator; engine thread only.
class ClassicGroup {
public:
    enum class State { Empty, PreparingRebalance, CompletingRebalance, Stable, Dead };
    static QString stateName(State state);

    // Bookkeeping of the running rebalance, driven by the coordinator's timers.
    struct Rebalance {
        TimerId joinTimer = 0;
        bool initialDelayActive = false; // Kafka's InitialDelayedJoin: never completes early
        qint64 initialDelayRemainingMs = 0;
        bool newMemberAdded = false; // a member joined during the initial delay: extend it
        TimerId syncTimer = 0;
        qint64 startedAtMs = -1; // entering PreparingRebalance from Empty or Stable
        // Owner (instance id, else member id) of each partition in the last Stable generation, to report moves.
        QMap<TopicPartition, QString> previousOwners;
    };

    ClassicGroup(const QString &groupId, Clock &clock, EventBus &events);

    const QString &groupId() const { return m_groupId; }
    State state() const { return m_state; }
    bool is(State state) const { return m_state == state; }
    // Checks next against its valid previous states, logs "group g: from -> to: reason" and publishes
    // GroupStateChanged. An invalid transition is logged and changes nothing.
    bool transitionTo(State next, const QString &reason);
    bool canRebalance() const;

    qint32 generationId() const { return m_generationId; }
    const QString &protocolType() const { return m_protocolType; }
    const QString &protocolName() const { return m_protocolName; }
    const QString &leaderId() const { return m_leaderId; }
    bool isLeader(const QString &memberId) const { return !m_leaderId.isEmpty() && m_leaderId == memberId; }

    // Membership.
    bool has(const QString &memberId) const { return m_members.contains(memberId); }
    ClassicGroupMember *member(const QString &memberId);
    const std::map<QString, ClassicGroupMember> &members() const { return m_members; }
    std::map<QString, ClassicGroupMember> &members() { return m_members; }
    int size() const { return static_cast<int>(m_members.size()); }
    void add(ClassicGroupMember member);
    // Removes and returns the member (so the caller can answer its parked requests and cancel its timer).
    std::optional<ClassicGroupMember> remove(const QString &memberId);
    // Replaces protocols, timeouts and the parked join response; returns the response it superseded.
    JoinCallback updateMember(ClassicGroupMember &member, const QList<GroupProtocol> &protocols,
        qint32 rebalanceTimeoutMs, qint32 sessionTimeoutMs, JoinCallback awaitingJoin);
    // A static member's new id takes over its state; the old member's parked calls are returned for fencing.
    ClassicGroupMember &replaceStaticMember(const QString &groupInstanceId, const QString &oldMemberId,
        const QString &newMemberId, JoinCallback *fencedJoin, SyncCallback *fencedSync);
    std::optional<QString> staticMemberId(const QString &groupInstanceId) const;

    // Dynamic members that got MEMBER_ID_REQUIRED and have not rejoined yet, with their expiry timers.
    QMap<QString, TimerId> &pendingMembers() { return m_pendingMembers; }
    const QMap<QString, TimerId> &pendingMembers() const { return m_pendingMembers; }
    // Members of the current generation that have not sent SyncGroup yet.
    QSet<QString> &pendingSyncMembers() { return m_pendingSyncMembers; }

    int numAwaitingJoin() const;
    bool hasAllMembersJoined() const;
    // Keeps the leader if it rejoined, else elects a member that did; false if nobody rejoined.
    bool maybeElectNewJoinedLeader();
    // Max of the members' rebalance timeouts: how long a join phase may wait.
    qint32 rebalanceTimeoutMs() const;
    bool supportsProtocols(const QString &protocolType, const QList<GroupProtocol> &protocols) const;
    // Each member votes for its most preferred protocol that every member supports; most votes wins, a tie
    // goes to the protocol first voted for in member-id order (Kafka leaves ties to hash order).
    QString selectProtocol() const;
    // Generation += 1, protocol selected (or cleared when empty), subscribed topics taken from the members'
    // metadata, -> CompletingRebalance or Empty.
    void initNextGeneration(const QString &reason);
    // Whether a member of the current generation subscribes to the topic (Kafka's subscribedTopics, read from the
    // "consumer" metadata of the selected protocol when a generation starts). A "consumer" group whose
    // subscriptions are not known (no generation yet, metadata that does not decode) counts as subscribed to
    // every topic; a group of another protocol type to none.
    bool isSubscribedToTopic(const QString &topic) const;
    bool usesConsumerProtocol() const;
    // The leader's JoinGroup member list: id, instance id and metadata for the selected protocol.
    QList<JoinGroupMember> currentMemberMetadata() const;

    // When the group entered its current state (Kafka's currentStateTimestamp): offsets of an Empty group expire
    // offsets.retention.minutes after it became Empty.
    qint64 currentStateTimestampMs() const { return m_currentStateTimestampMs; }
    // The group's generation as Kafka's GroupMetadata record stores it.
    GroupMetadataRecordValue toRecord() const;
    // Rebuilds the group from its last GroupMetadata record at start-up, as Kafka's loader does: generation,
    // protocol, leader and members come back, the state is Stable with members and Empty without. No event is
    // published; the coordinator restarts the members' session timers.
    void restore(const GroupMetadataRecordValue &record);

    Rebalance &rebalance() { return m_rebalance; }
    QMap<TopicPartition, CommittedOffset> &offsets() { return m_offsets; }
    const QMap<TopicPartition, CommittedOffset> &offsets() const { return m_offsets; }

    GroupDescription describe() const;
    GroupListing overview() const;
    // "group g1: Stable gen=1 leader=c-1 members=[c-1,c-2]"
    QString dump() const;

private:
    std::optional<QSet<QString>> subscribedTopics() const;

    QString m_groupId;
    Clock &m_clock;
    EventBus &m_events;
    State m_state = State::Empty;
    qint64 m_currentStateTimestampMs = -1;
    qint32 m_generationId = 0;
    QString m_protocolType;
    QString m_protocolName;
    QString m_leaderId;
    std::optional<QSet<QString>> m_subscribedTopics;
    std::map<QString, ClassicGroupMember> m_members; // ordered by member id: deterministic lists and leaders
    QMap<QString, QString> m_staticMembers; // group.instance.id -> member id
    QMap<QString, TimerId> m_pendingMembers;
    QSet<QString> m_pendingSyncMembers;
    Rebalance m_rebalance;
    QMap<TopicPartition, CommittedOffset> m_offsets;
};

} // namespace topicscope::engine
