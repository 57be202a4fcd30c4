#pragma once

#include "group/serverassignor.h"

namespace topicscope::engine {

// KIP-848's server-side "uniform" assignor, the default of Kafka 4.x's group coordinator
// (UniformAssignor with its homogeneous and heterogeneous assignment builders). Balance first, then stickiness.
//
// Both cases start the same way: every member keeps the partitions of its currentTarget that still exist and that
// it still subscribes to (a partition claimed by two members stays with the first in memberId order, since the
// coordinator's target assignments never overlap this only guards against bad input). Then:
// - Homogeneous (every member subscribes to the same topics): the P partitions of all topics together are split
//   so that every member has P / N or P / N + 1. Unlike Kafka, which hands the P % N larger quotas to the first
//   members in hash order, the larger quotas go to the members currently holding the most partitions (ties by
//   memberId), so the number of partitions taken from their current owner is the minimum any balanced assignment
//   needs. A member over its quota keeps its lowest (topic, partition)s; the released and the unowned partitions,
//   in (topic, partition) order, fill the members below quota in memberId order, so a new member gets
//   partitions taken from the most loaded ones.
// - Heterogeneous: a partition only goes to members subscribed to its topic. Unowned partitions go one by one to
//   the least loaded subscriber, topics with the most partitions per subscriber first (Kafka's order). Then
//   partitions are shifted along shortest chains of owners (A gives one to B, B gives one of another topic to C)
//   while some member has at least two more than a member it can reach that way. Kafka runs a bounded number of
//   balancing rounds instead; when our loop stops, no such chain exists, which means the assignment is as
//   balanced as the subscriptions allow (the largest load is minimal), and each shift moves as few partitions
//   as the chain needs.
// Ties are broken by memberId and topic name, never by hash order, so equal inputs give equal outputs whatever
// the order of `members`. rackId is ignored: rack-aware assignment is not implemented (Kafka's UniformAssignor
// calls itself "potentially rack aware", but the builders of the October 2024 trunk we read never look at rackId
// either). A subscribed topic missing from partitionsPerTopic is skipped (Kafka throws).
//
// Pure and value-like; any thread.
class UniformAssignor final : public ServerAssignor {
public:
    QString name() const override;
    ServerAssignment assign(
        const std::vector<ServerAssignorMember> &members, const QMap<QString, int> &partitionsPerTopic) const override;
};

} // namespace topicscope::engine
