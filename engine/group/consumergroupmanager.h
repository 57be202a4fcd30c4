#pragma once

#include "core/clock.h"
#include "core/events.h"
#include "group/consumergroup.h"
#include "group/groupcoordinator.h"
#include "group/offsetstore.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <variant>

namespace topicscope::engine {

// Kafka 4's consumer group protocol (KIP-848) for every consumer-protocol group of the broker, as Kafka's
// GroupMetadataManager runs it: ConsumerGroupHeartbeat joins, updates, reconciles and leaves; each membership or
// subscription change bumps the group epoch; the server-side assignor computes the target assignment for that
// epoch; each member moves to it at its own pace, revoking before anything it gives up is assigned elsewhere;
// session and rebalance timeouts fence members. There is no group-wide barrier: a member that does not take part
// in a change keeps consuming. The GroupCoordinator owns it and keeps committed offsets for both protocols.
// Functional core: timers via Clock, no threads. Lives on the engine thread.
class ConsumerGroupManager {
public:
    ConsumerGroupManager(Clock &clock, EventBus &events, OffsetStore &offsetStore, const GroupCoordinatorConfig &config,
        std::function<int(const QString &topic)> partitionCount);
    ~ConsumerGroupManager();

    ConsumerGroupHeartbeatResponse heartbeat(const ConsumerGroupHeartbeatRequest &request);

    ConsumerGroup *find(const QString &groupId) const;
    const std::map<QString, std::unique_ptr<ConsumerGroup>> &groups() const { return m_groups; }
    // Forgets an Empty group (DeleteGroups, expiry, or a classic member taking the id over).
    void remove(const QString &groupId, const QString &reason);

    // OffsetCommit of a consumer-protocol group (Kafka's ConsumerGroup.validateOffsetCommit).
    ErrorCode validateOffsetCommit(const ConsumerGroup &group, const OffsetCommitRequest &request) const;
    // OffsetFetch v9+ of a consumer-protocol group (Kafka's ConsumerGroup.validateOffsetFetch): without a member id
    // and with epoch -1 (admin tools, assign() consumers) anyone reads; else the member must exist (UNKNOWN_MEMBER_ID)
    // at that epoch (STALE_MEMBER_EPOCH).
    static ErrorCode validateOffsetFetch(
        const ConsumerGroup &group, const std::optional<QString> &memberId, qint32 memberEpoch);
    // Whether a member subscribes to the topic (offsets of other topics expire, OffsetDelete may drop them).
    static bool isSubscribedToTopic(const ConsumerGroup &group, const QString &topic);

    // Brings back a group stored in __consumer_offsets (GroupCoordinator::load): members with their epochs, states,
    // assignments and targets; session timers restarted (and rebalance timers of members still revoking), as
    // Kafka's loader does.
    void restore(const QString &groupId, const ConsumerGroupRecordValue &stored);

    void setTopicLister(std::function<QStringList()> lister) { m_topicLister = std::move(lister); }
    void setMemberIdGenerator(std::function<QString()> generator) { m_memberIdGenerator = std::move(generator); }

private:
    struct Failure {
        ErrorCode error;
        QString message;
    };
    static ConsumerGroupHeartbeatResponse failed(const Failure &failure);
    std::optional<Failure> validate(const ConsumerGroupHeartbeatRequest &request) const;
    ConsumerGroupHeartbeatResponse leave(ConsumerGroup &group, const ConsumerGroupHeartbeatRequest &request);
    ConsumerGroup &create(const QString &groupId);

    // The member as the request identifies it: a new one (epoch 0), a static member taking over its instance's
    // place (*replaced = the member id it replaces), or the existing one after the epoch checks.
    std::variant<ConsumerGroupMember, Failure> memberFor(
        const ConsumerGroup &group, const ConsumerGroupHeartbeatRequest &request, bool *isNew, QString *replaced) const;
    static std::optional<Failure> checkEpoch(
        const ConsumerGroupMember &member, const ConsumerGroupHeartbeatRequest &request);

    // Topics the members subscribe to (names and regular expressions resolved), with their partition counts.
    QMap<QString, int> subscriptionMetadata(const ConsumerGroup &group, const ConsumerGroupMember *updated) const;
    QStringList resolvedTopics(const ConsumerGroupMember &member) const;
    void computeTargetAssignment(ConsumerGroup &group);
    QString preferredAssignor(const ConsumerGroup &group) const;

    // Replaces the member in the group and (re)arms its rebalance timeout; publishes the group's state.
    void store(ConsumerGroup &group, const ConsumerGroupMember &member);
    void scheduleSession(ConsumerGroup &group, const QString &memberId);
    void fence(ConsumerGroup &group, const QString &memberId, const QString &reason);
    void onSessionExpired(const QString &groupId, const QString &memberId);
    void onRebalanceTimeout(const QString &groupId, const QString &memberId, qint32 memberEpoch);
    // Per group: the group epoch in progress (a rebalance row each: completed when every member reached its
    // assignment, superseded when a newer epoch began first), and who owned what at the last completed one.
    struct Rebalance {
        qint32 epoch = 0;
        bool inProgress = false;
        qint64 startedAtMs = 0;
        QString cause;
        qint32 targetEpoch = -1; // the epoch whose target is below
        QString assignor;
        QMap<QString, QList<TopicPartition>> target;
        QMap<TopicPartition, QString> stableOwners;
    };
    // Publishes state changes and, when the group settles at its epoch, that epoch's rebalance row.
    void settle(ConsumerGroup &group, const QString &reason);
    void bumpEpoch(ConsumerGroup &group, const QString &reason);
    void publishRebalance(const ConsumerGroup &group, Rebalance &rebalance, bool superseded);
    // MemberAssignmentChanged; epoch -1: the member is gone (its partitions are free).
    void publishMember(
        const ConsumerGroup &group, const ConsumerGroupMember &member, qint32 epoch, const QString &reason);

    // --- persistence in __consumer_offsets ---
    // Stores the group's durable state (the store writes what changed); COORDINATOR_NOT_AVAILABLE when that fails,
    // as Kafka answers a failed write. The in-memory change stays: the next store writes it again.
    ErrorCode persist(const ConsumerGroup &group);
    static ConsumerGroupRecordValue toRecord(const ConsumerGroup &group);
    // Whether the heartbeat changed something a restart must keep (not just the liveness of the member).
    static bool durablyDiffers(const ConsumerGroupMember &a, const ConsumerGroupMember &b);

    Clock &m_clock;
    EventBus &m_events;
    OffsetStore &m_offsetStore;
    const GroupCoordinatorConfig &m_config;
    std::function<int(const QString &)> m_partitionCount;
    std::function<QStringList()> m_topicLister;
    std::function<QString()> m_memberIdGenerator;
    std::map<QString, std::unique_ptr<ConsumerGroup>> m_groups;
    std::map<QString, Rebalance> m_rebalances;
    QSet<QString> m_unsaved; // groups whose last store failed
};

} // namespace topicscope::engine
