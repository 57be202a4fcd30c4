#pragma once

#include "group/assignor.h"

#include <QHash>
#include <optional>

namespace topicscope::engine {

// The sticky computation shared by "sticky" and "cooperative-sticky" (Kafka's AbstractStickyAssignor, without
// rack awareness): (1) balance, partition counts differing by at most one where subscriptions allow;
// (2) keep as many of the members' previous partitions (ownedPartitions, resolved by generationId when two
// members claim one) as balance permits. Identical subscriptions take Java's "constrained" path, others its
// "general" path; where Java's result depends on HashMap iteration order it is reproduced, taking the input
// vector as the JoinGroup response order. Pure; callable from any thread.
class AbstractStickyAssignor : public Assignor {
protected:
    struct Target {
        GroupAssignment assignment; // lists sorted
        // Constrained path only: partitions given to a member other than the one that currently owns them
        // (Java's partitionsTransferringOwnership); nullopt after the general path, where it must be derived.
        std::optional<QHash<TopicPartition, QString>> partitionsTransferringOwnership;
    };
    Target computeTarget(
        const std::vector<MemberSubscription> &members, const QMap<QString, int> &partitionsPerTopic) const;
};

} // namespace topicscope::engine
