#pragma once

#include "group/abstractstickyassignor.h"

namespace topicscope::engine {

// Kafka's "sticky" assignor (eager). Java reads each member's previous assignment and generation from the
// sticky user data; here the caller supplies them as MemberSubscription::ownedPartitions/generationId.
class StickyAssignor : public AbstractStickyAssignor {
public:
    QString name() const override;
    GroupAssignment assign(
        const std::vector<MemberSubscription> &members, const QMap<QString, int> &partitionsPerTopic) const override;
};

} // namespace topicscope::engine
