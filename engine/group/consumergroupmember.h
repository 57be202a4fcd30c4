#pragma once

#include "core/clock.h"
#include "group/serverassignor.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace topicscope::engine {

// One member of a consumer-protocol group (Kafka 4, KIP-848; Kafka's ConsumerGroupMember): what it subscribes
// to, its epoch, and where it stands in reconciling towards the group's target assignment. A value the
// ConsumerGroupManager replaces as a whole on each heartbeat. Private to the group coordinator; engine thread only.
struct ConsumerGroupMember {
    // Kafka's MemberState. Stable: the member owns its whole target at the target epoch. UnrevokedPartitions:
    // it must first give up partitionsPendingRevocation (its epoch stays). UnreleasedPartitions: it is at the
    // target epoch but part of its target is still owned by members that have not revoked it yet.
    enum class State { Stable, UnrevokedPartitions, UnreleasedPartitions };
    static QString stateName(State state)
    {
        switch (state) {
        case State::Stable:
            return QStringLiteral("stable");
        case State::UnrevokedPartitions:
            return QStringLiteral("unrevoked_partitions");
        case State::UnreleasedPartitions:
            return QStringLiteral("unreleased_partitions");
        }
        return QStringLiteral("unknown");
    }

    // Epoch -2: a static member that left for a while (ConsumerGroupHeartbeat with epoch -2). It keeps its
    // partitions until its session times out or the same instance id joins again.
    static constexpr qint32 StaticLeftEpoch = -2;

    QString memberId;
    std::optional<QString> instanceId;
    std::optional<QString> rackId;
    QString clientId;
    QString clientHost;
    qint32 rebalanceTimeoutMs = -1;
    QStringList subscribedTopicNames; // as the client sent them
    std::optional<QString> subscribedTopicRegex;
    std::optional<QString> serverAssignor;

    qint32 memberEpoch = 0;
    qint32 previousMemberEpoch = -1;
    State state = State::Stable;
    TopicPartitionSets assignedPartitions;
    TopicPartitionSets partitionsPendingRevocation;

    TimerId sessionTimer = 0;
    TimerId rebalanceTimer = 0;
    qint64 lastHeartbeatMs = 0;

    bool isReconciledTo(qint32 targetEpoch) const { return state == State::Stable && memberEpoch == targetEpoch; }
    bool sameSubscription(const ConsumerGroupMember &other) const
    {
        return subscribedTopicNames == other.subscribedTopicNames && subscribedTopicRegex == other.subscribedTopicRegex
            && serverAssignor == other.serverAssignor;
    }
};

} // namespace topicscope::engine
