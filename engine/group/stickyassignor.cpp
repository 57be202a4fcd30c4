#include "group/stickyassignor.h"

namespace topicscope::engine {

QString StickyAssignor::name() const
{
    return QStringLiteral("sticky");
}

GroupAssignment StickyAssignor::assign(
    const std::vector<MemberSubscription> &members, const QMap<QString, int> &partitionsPerTopic) const
{
    return computeTarget(members, partitionsPerTopic).assignment;
}

} // namespace topicscope::engine
