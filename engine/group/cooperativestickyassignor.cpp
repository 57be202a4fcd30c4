#include "group/cooperativestickyassignor.h"

#include <QSet>

namespace topicscope::engine {

QString CooperativeStickyAssignor::name() const
{
    return QStringLiteral("cooperative-sticky");
}

GroupAssignment CooperativeStickyAssignor::assign(
    const std::vector<MemberSubscription> &members, const QMap<QString, int> &partitionsPerTopic) const
{
    Target target = computeTarget(members, partitionsPerTopic);
    QHash<TopicPartition, QString> transferring;
    if (target.partitionsTransferringOwnership) {
        transferring = std::move(*target.partitionsTransferringOwnership);
    } else {
        // As Java's computePartitionsTransferringOwnership: a partition added to one member and revoked from
        // another (by the members' own ownedPartitions claims).
        QSet<TopicPartition> revoked;
        QHash<TopicPartition, QString> added;
        for (const MemberSubscription &m : members) {
            const QList<TopicPartition> &assigned = target.assignment.value(m.memberId);
            const QSet<TopicPartition> owned(m.ownedPartitions.cbegin(), m.ownedPartitions.cend());
            const QSet<TopicPartition> assignedSet(assigned.cbegin(), assigned.cend());
            for (const TopicPartition &tp : assigned) {
                if (!owned.contains(tp))
                    added.insert(tp, m.memberId);
            }
            for (const TopicPartition &tp : m.ownedPartitions) {
                if (!assignedSet.contains(tp))
                    revoked.insert(tp);
            }
        }
        for (auto it = added.cbegin(); it != added.cend(); ++it) {
            if (revoked.contains(it.key()))
                transferring.insert(it.key(), it.value());
        }
    }
    for (auto it = transferring.cbegin(); it != transferring.cend(); ++it)
        target.assignment[it.value()].removeOne(it.key());
    return target.assignment;
}

} // namespace topicscope::engine
