#pragma once

#include "group/abstractstickyassignor.h"

namespace topicscope::engine {

// Kafka's "cooperative-sticky" assignor (KIP-429): the sticky target minus every partition that changes
// owner; the current owner is told to revoke it and rejoins, and the follow-up rebalance hands it over.
class CooperativeStickyAssignor : public AbstractStickyAssignor {
public:
    QString name() const override;
    RebalanceProtocol rebalanceProtocol() const override { return RebalanceProtocol::Cooperative; }
    GroupAssignment assign(
        const std::vector<MemberSubscription> &members, const QMap<QString, int> &partitionsPerTopic) const override;
};

} // namespace topicscope::engine
