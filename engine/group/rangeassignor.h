#pragma once

#include "group/assignor.h"

namespace topicscope::engine {

// Kafka's "range" assignor (RangeAssignor.java, without rack awareness): per topic, the subscribers in
// MemberInfo order each get a consecutive run of partitions, the first P % C members one extra.
// Pure; callable from any thread.
class RangeAssignor : public Assignor {
public:
    QString name() const override;
    GroupAssignment assign(
        const std::vector<MemberSubscription> &members, const QMap<QString, int> &partitionsPerTopic) const override;
};

} // namespace topicscope::engine
