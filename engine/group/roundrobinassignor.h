#pragma once

#include "group/assignor.h"

namespace topicscope::engine {

// Kafka's "roundrobin" assignor (RoundRobinAssignor.java): all subscribed partitions sorted by topic then
// partition are dealt to the members in MemberInfo order, circularly, skipping members not subscribed to
// the partition's topic. Pure; callable from any thread.
class RoundRobinAssignor : public Assignor {
public:
    QString name() const override;
    GroupAssignment assign(
        const std::vector<MemberSubscription> &members, const QMap<QString, int> &partitionsPerTopic) const override;
};

} // namespace topicscope::engine
