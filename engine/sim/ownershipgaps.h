#pragma once

#include "scenarioevent.h"
#include "topicpartition.h"

#include <QList>
#include <QString>
#include <functional>

namespace topicscope::engine {

// Which partitions that nobody owns at the end count as a trailing gap until then.
struct TrailingGapRule {
    // Shown to the audience: every partition nobody owns at the end, whatever its group.
    static TrailingGapRule always() { return {}; }
    // A partition is only waiting while its group could still process it (a group everyone left waits for
    // nothing); consumers without a group are not counted at all (ScenarioRunner::compareAssignors).
    static TrailingGapRule whileGroupHasMembers(std::function<bool(const QString &group)> hasMembers);

    bool withoutGroup = true; // intervals of consumers without a group count at all
    std::function<bool(const QString &group)> waiting; // empty: every group is waiting
};

// The gaps of every (group, partition) among `ownership` (intervals with toMs -1 are still open), ordered by
// group, then partition, then time. Pure: the same intervals give the same gaps on any thread.
QList<OwnershipGap> ownershipGaps(
    const QList<ScenarioOwnership> &ownership, qint64 endMs, const TrailingGapRule &rule = TrailingGapRule::always());

} // namespace topicscope::engine
