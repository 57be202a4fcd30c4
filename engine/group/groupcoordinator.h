#pragma once

#include "core/clock.h"
#include "core/events.h"
#include "errorcode.h"
#include "group/offsetstore.h"
#include "groupdescription.h"
#include "topicpartition.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace topicscope::engine {

// Broker-side settings of the classic group coordinator, with Kafka's names and defaults.
struct GroupCoordinatorConfig {
    qint64 initialRebalanceDelayMs = 3000; // group.initial.rebalance.delay.ms
    qint64 minSessionTimeoutMs = 6000; // group.min.session.timeout.ms
    qint64 maxSessionTimeoutMs = 1800000; // group.max.session.timeout.ms
    int maxGroupSize = std::numeric_limits<int>::max(); // group.max.size
    int offsetMetadataMaxBytes = 4096; // offset.metadata.max.bytes
    qint64 offsetsRetentionMs = 7LL * 24 * 3600 * 1000; // offsets.retention.minutes (7 days) in ms
    qint64 offsetsRetentionCheckIntervalMs = 600000; // offsets.retention.check.interval.ms

    // Kafka 4's consumer group protocol (KIP-848).
    qint32 consumerSessionTimeoutMs = 45000; // group.consumer.session.timeout.ms
    qint32 consumerHeartbeatIntervalMs = 5000; // group.consumer.heartbeat.interval.ms
    QStringList consumerAssignors = {QStringLiteral("uniform"), QStringLiteral("range")}; // group.consumer.assignors
    int consumerMaxSize = std::numeric_limits<int>::max(); // group.consumer.max.size
};

struct GroupProtocol {
    QString name; // e.g. "range"
    QByteArray metadata; // opaque; ConsumerProtocolSubscription for protocol type "consumer"
};

struct JoinGroupRequest {
    QString groupId;
    QString memberId; // "" for a new member
    std::optional<QString> groupInstanceId; // static membership (KIP-345)
    QString clientId;
    QString clientHost;
    qint32 sessionTimeoutMs = 10000;
    qint32 rebalanceTimeoutMs = -1; // -1: same as the session timeout (JoinGroup v0)
    QString protocolType; // "consumer"
    QList<GroupProtocol> protocols;
    // KIP-394: a new dynamic member joining with v4+ first gets MEMBER_ID_REQUIRED with its id.
    bool requireKnownMemberId = true;
    QString reason; // JoinGroup v8+ reason, or the in-app caller's; shown in events
    // JoinGroup v9+ (KIP-814): a static leader that rejoins a Stable group unchanged is told it leads but must
    // skip the assignment, instead of being shown the previous leader id.
    bool supportsSkipAssignment = false;
};

struct JoinGroupMember {
    QString memberId;
    std::optional<QString> groupInstanceId;
    QByteArray metadata;
};

struct JoinGroupResponse {
    ErrorCode error = ErrorCode::None;
    qint32 generationId = -1;
    QString protocolType;
    QString protocolName;
    QString leader;
    QString memberId;
    QList<JoinGroupMember> members; // only the leader gets them
    bool skipAssignment = false; // see JoinGroupRequest::supportsSkipAssignment
};

struct SyncGroupRequest {
    QString groupId;
    qint32 generationId = -1;
    QString memberId;
    std::optional<QString> groupInstanceId;
    std::optional<QString> protocolType; // v5+
    std::optional<QString> protocolName; // v5+
    QMap<QString, QByteArray> assignments; // from the leader only: memberId -> assignment bytes
};

struct SyncGroupResponse {
    ErrorCode error = ErrorCode::None;
    QString protocolType;
    QString protocolName;
    QByteArray assignment;
};

struct HeartbeatRequest {
    QString groupId;
    qint32 generationId = -1;
    QString memberId;
    std::optional<QString> groupInstanceId;
};

struct LeavingMember {
    QString memberId;
    std::optional<QString> groupInstanceId;
    QString reason;
};

struct MemberLeaveResult {
    QString memberId;
    std::optional<QString> groupInstanceId;
    ErrorCode error = ErrorCode::None;
};

struct LeaveGroupResponse {
    ErrorCode error = ErrorCode::None; // group-level
    QList<MemberLeaveResult> members;
};

struct OffsetCommitRequest {
    QString groupId;
    // The classic group's generation, or the member epoch in a consumer-protocol group; -1 with memberId "" =
    // standalone / admin commit.
    qint32 generationId = -1;
    QString memberId;
    std::optional<QString> groupInstanceId;
    std::vector<CommittedOffset> offsets; // commitTimestampMs is filled in by the coordinator
    // OffsetCommit v2-4's retention_time_ms: -1 (the default) = offsets.retention.minutes; else each offset's
    // expireTimestampMs becomes its commit time plus this, as Kafka's OffsetMetadataManager does.
    qint64 retentionTimeMs = -1;
    // OffsetCommit v9+: a member's commit to a group we do not have gets GROUP_ID_NOT_FOUND rather than the
    // ILLEGAL_GENERATION older versions get; a consumer-protocol member's commit with a stale epoch gets
    // STALE_MEMBER_EPOCH (older versions UNSUPPORTED_VERSION: such members must use v9+).
    bool unknownGroupIsNotFound = false;
};

// ConsumerGroupHeartbeat (API 68), Kafka 4's consumer group protocol (KIP-848). A null field means "unchanged
// since the last heartbeat". Topics by name: the wire layer maps topic ids.
struct ConsumerGroupHeartbeatRequest {
    QString groupId;
    QString memberId; // v1+: chosen by the client; v0: "" when joining
    qint32 memberEpoch = 0; // 0 join, -1 leave, -2 static member leaving for a while
    std::optional<QString> instanceId;
    std::optional<QString> rackId;
    qint32 rebalanceTimeoutMs = -1;
    std::optional<QStringList> subscribedTopicNames;
    std::optional<QString> subscribedTopicRegex; // v1+
    std::optional<QString> serverAssignor;
    std::optional<QMap<QString, QList<int>>> ownedPartitions;
    QString clientId;
    QString clientHost;
};

struct ConsumerGroupHeartbeatResponse {
    ErrorCode error = ErrorCode::None;
    std::optional<QString> errorMessage;
    QString memberId;
    qint32 memberEpoch = 0;
    qint32 heartbeatIntervalMs = 0;
    // Sent when the member (re)joins or its assignment changed: the partitions it may consume now.
    std::optional<QMap<QString, QList<int>>> assignment;
};

struct PartitionResult {
    TopicPartition topicPartition;
    ErrorCode error = ErrorCode::None;
};

struct OffsetDeleteResult {
    ErrorCode error = ErrorCode::None; // group-level; the partitions are then not answered one by one
    std::vector<PartitionResult> partitions;
};

struct OffsetFetchResult {
    ErrorCode error = ErrorCode::None; // group-level
    // For requested partitions without a commit: offset -1, metadata "", no error (Kafka's behaviour).
    std::vector<CommittedOffset> offsets;
};

// Kafka's classic group coordinator for every group of the broker: the state machine Empty ->
// PreparingRebalance -> CompletingRebalance -> Stable (and Dead), join/sync/heartbeat/leave, generations,
// leader election, session and rebalance timeouts, the initial rebalance delay, static membership, and the
// committed offsets. Wire clients and in-app consumers go through the same calls. Replies to JoinGroup and
// SyncGroup may be parked: the callback runs when the phase completes (possibly before the call returns).
// Functional core: timers via Clock, no threads. Lives on the engine thread.
class GroupCoordinator {
public:
    // partitionCount(topic) gives -1 for an unknown topic; used to validate offset commits.
    GroupCoordinator(Clock &clock, EventBus &events, OffsetStore &offsetStore,
        std::function<int(const QString &topic)> partitionCount, GroupCoordinatorConfig config = {});
    ~GroupCoordinator();

    // Loads committed offsets and each group's last generation from the store (call once at start-up), as
    // Kafka's loader does: a group that had members comes back Stable with its generation, protocol, leader,
    // members and assignments, and each member's session timer starts again, so members that do not heartbeat
    // expire and the next rebalance continues the generation count. A group without members comes back Empty.
    // Consumer-protocol groups come back with their epochs, members, assignments and targets (loadConsumerGroups).
    ErrorCode load(QString *why = nullptr);

    void joinGroup(const JoinGroupRequest &request, std::function<void(const JoinGroupResponse &)> respond);
    void syncGroup(const SyncGroupRequest &request, std::function<void(const SyncGroupResponse &)> respond);
    ErrorCode heartbeat(const HeartbeatRequest &request);
    // Kafka 4's consumer group protocol (KIP-848): join, heartbeat, reconcile and leave in one call, answered at
    // once (no phase to wait for). A group id is either a classic group or a consumer-protocol group: an Empty
    // classic group becomes a consumer-protocol group when such a member joins (its offsets kept), a classic group
    // with members answers GROUP_ID_NOT_FOUND (Kafka converts it online; Topicscope does not), and a JoinGroup to a
    // consumer-protocol group with members answers INCONSISTENT_GROUP_PROTOCOL.
    ConsumerGroupHeartbeatResponse consumerGroupHeartbeat(const ConsumerGroupHeartbeatRequest &request);
    LeaveGroupResponse leaveGroup(const QString &groupId, const QList<LeavingMember> &members);

    std::vector<PartitionResult> commitOffsets(const OffsetCommitRequest &request);
    // partitions == nullopt: every committed partition of the group (OffsetFetch v2+ with null topics).
    OffsetFetchResult fetchOffsets(
        const QString &groupId, const std::optional<QList<TopicPartition>> &partitions) const;
    // OffsetFetch v9+ carries the member id and epoch of a consumer-protocol member: checked as Kafka checks them
    // (ConsumerGroupManager::validateOffsetFetch); classic and unknown groups check nothing.
    ErrorCode validateOffsetFetch(
        const QString &groupId, const std::optional<QString> &memberId, qint32 memberEpoch) const;
    // Admin reset (kafka-consumer-groups --reset-offsets): allowed only when the group is Empty or unknown,
    // else NON_EMPTY_GROUP.
    ErrorCode resetOffsets(const QString &groupId, const std::vector<CommittedOffset> &offsets);
    // OffsetDelete (KIP-496), Kafka's rules: an unknown group is GROUP_ID_NOT_FOUND; an Empty group loses the
    // offsets of every partition given; an active "consumer" group keeps those of the topics its members
    // subscribe to (GROUP_SUBSCRIBED_TO_TOPIC) and loses the others; any other active group is NON_EMPTY_GROUP.
    // Unknown topics and partitions get UNKNOWN_TOPIC_OR_PARTITION. An Empty group left without offsets is
    // forgotten, as when its last topic is deleted.
    OffsetDeleteResult deleteOffsets(const QString &groupId, const QList<TopicPartition> &partitions);

    // Every group of either protocol (GroupListing::type says which).
    QList<GroupListing> listGroups() const;
    GroupDescription describeGroup(const QString &groupId) const;
    // Topic names for consumer-protocol members subscribing by regular expression (the broker's topics).
    void setTopicLister(std::function<QStringList()> lister);

    // DeleteGroups: only Empty groups (NON_EMPTY_GROUP otherwise, GROUP_ID_NOT_FOUND if unknown).
    ErrorCode deleteGroup(const QString &groupId);
    // Drops offsets of a deleted topic from every group and from the store (tombstones).
    void onTopicDeleted(const QString &topic);
    // Kafka 2.1+ offsets retention, at clock time: the offsets of an Empty group expire offsetsRetentionMs after
    // the group became Empty (after their commit when that time is unknown); a Stable "consumer" group's offsets
    // of topics no member subscribes to any more expire offsetsRetentionMs after their commit. An Empty group left
    // without offsets is then removed (Dead, group tombstone). Returns the number of offsets expired. The broker
    // calls it every offsetsRetentionCheckIntervalMs.
    int expireOffsets();

    const GroupCoordinatorConfig &config() const;
    void setConfig(const GroupCoordinatorConfig &config);

    // The random part of new member ids (client id + "-" + this); QUuid::createUuid() by default. Tests inject
    // a counter so that member ids are predictable.
    void setMemberIdGenerator(std::function<QString()> generator);
    // One line for logs and tests, "group g1: Stable gen=1 leader=c-1 members=[c-1,c-2]"; "" if unknown.
    QString dumpGroup(const QString &groupId) const;

private:
    ErrorCode loadConsumerGroups(QString *why);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace topicscope::engine
