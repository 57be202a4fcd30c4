#pragma once

#include "errorcode.h"
#include "topicpartition.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace topicscope::engine {

// Kafka's DescribeGroups answer for one member and one group (GroupCoordinator::describeGroup), as values.
struct GroupMemberDescription {
    QString memberId;
    std::optional<QString> groupInstanceId;
    QString clientId;
    QString clientHost;
    qint32 sessionTimeoutMs = 0;
    qint32 rebalanceTimeoutMs = 0;
    // When the coordinator last heard from the member (a heartbeat, or a join or sync answered), broker clock ms:
    // its session expires sessionTimeoutMs after that. Not part of Kafka's DescribeGroups answer.
    qint64 lastHeartbeatMs = 0;
    QByteArray metadata; // for the selected protocol
    QByteArray assignment; // current generation's

    // Members of a consumer-protocol group (Kafka 4, KIP-848; ConsumerGroupDescribe). A classic member leaves
    // them at their defaults.
    qint32 memberEpoch = -1;
    // "stable", "unrevoked_partitions" (waiting for the member to give up partitionsPendingRevocation) or
    // "unreleased_partitions" (waiting for other members to give up partitions of its target), Kafka's MemberState.
    QString memberState;
    std::optional<QString> rackId;
    QStringList subscribedTopicNames;
    std::optional<QString> subscribedTopicRegex;
    QList<TopicPartition> assignedPartitions; // what the member may consume now
    QList<TopicPartition> partitionsPendingRevocation;
    QList<TopicPartition> targetPartitions; // where the coordinator's assignor wants it to end up
};

// Kafka's two kinds of consumer group (ListGroups v5 GroupType).
inline constexpr QLatin1StringView ClassicGroupType("classic");
inline constexpr QLatin1StringView ConsumerGroupType("consumer"); // Kafka 4's protocol, KIP-848

struct GroupDescription {
    ErrorCode error = ErrorCode::None;
    QString groupId;
    QString type = ClassicGroupType;
    // classic: "Empty", "PreparingRebalance", "CompletingRebalance", "Stable", "Dead"
    // consumer: "Empty", "Assigning", "Reconciling", "Stable", "Dead"
    QString state;
    QString protocolType;
    QString protocolName;
    qint32 generationId = 0; // -1 when the description does not say (librdkafka's DescribeConsumerGroups)
    QString leader;
    QList<GroupMemberDescription> members;
    // Consumer-protocol groups only: the epoch bumped by every membership or subscription change, the epoch of the
    // target assignment, and the server-side assignor that computed it (protocolName carries it too).
    qint32 groupEpoch = -1;
    qint32 assignmentEpoch = -1;
};

// One line of ListGroups.
struct GroupListing {
    QString groupId;
    QString protocolType;
    QString state;
    QString type = ClassicGroupType;
};

} // namespace topicscope::engine
