#pragma once

#include "group/serverassignor.h"

namespace topicscope::engine {

// KIP-848's server-side "range" assignor as Kafka 4.x's group coordinator runs it (RangeAssignor in
// group-coordinator/.../assignor, not the classic client-side one, which is our RangeAssignor).
//
// Per topic, the members subscribed to it are ordered and each gets a consecutive run of partitions: with P
// partitions and C subscribers, every subscriber gets P / C and the first P % C one more. Members subscribed to the
// same topics with the same partition counts therefore get the same partition numbers in every topic
// (co-partitioning, what joins need).
//
// What Kafka 4.x does and we follow:
// - Order: static members (with an instanceId) first, sorted by instanceId, then dynamic members sorted by memberId.
//   A static member that rejoins under a new memberId thus keeps its ranges.
// - Not sticky: the assignment is recomputed from scratch on every run and currentTarget is ignored. Kafka's first
//   server-side range assignor tried to keep current owners, and KAFKA-16944 (Kafka 3.9/4.0) dropped that because
//   stickiness and co-partitioning cannot both be had efficiently. Stable membership still gives a stable result,
//   since the output depends only on the ordered members, their subscriptions and the partition counts.
// - Racks are ignored (Kafka's server-side range assignor ignores rackId as well).
// We differ only where Kafka would throw: a subscribed topic missing from partitionsPerTopic is skipped.
//
// Pure and value-like; any thread.
class ServerRangeAssignor final : public ServerAssignor {
public:
    QString name() const override;
    ServerAssignment assign(
        const std::vector<ServerAssignorMember> &members, const QMap<QString, int> &partitionsPerTopic) const override;
};

} // namespace topicscope::engine
