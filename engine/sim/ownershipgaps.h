#pragma once

#include "core/topicpartition.h"
#include "sim/scenarioevent.h"

#include <QList>
#include <QString>
#include <functional>

namespace topicscope::engine {

// A stretch of time when nobody in a group owned a partition, after it was first assigned: the cost of a
// rebalance (eager's stop-the-world, cooperative's hand-off) or of a crash. A value computed once from the
// ownership intervals, shipped to the UI in FlowSnapshot and AssignorRun.
struct OwnershipGap {
    QString group; // "" for consumers without a group
    TopicPartition topicPartition;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    bool trailing = false; // nobody owns it at the end: toMs is the end of the observed time, not a new owner
    bool operator==(const OwnershipGap &) const = default;
};

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
