#include "liverecordingpicture.h"

#include "sim/ownershipgaps.h"

#include <algorithm>

namespace topicscope::engine {

LiveRecordingPicture LiveRecordingPicture::compact(FlowSnapshot snapshot, qint64 droppedRebalances)
{
    LiveRecordingPicture p;
    p.rebalancesUpTo = droppedRebalances + snapshot.rebalances.size();
    snapshot.rebalances.clear();
    snapshot.ownership.clear();
    snapshot.gaps.clear();
    snapshot.movements.clear();
    snapshot.movementsDropped = 0;
    snapshot.exchanges.clear();
    snapshot.exchangesDropped = 0;
    p.snapshot = std::move(snapshot);
    return p;
}

FlowSnapshot LiveRecordingPicture::expand(const QList<ScenarioRebalance> &rebalances, qint64 droppedRebalances,
    const QList<ScenarioOwnership> &ownership) const
{
    FlowSnapshot s = snapshot;
    const qsizetype rows = std::clamp<qint64>(rebalancesUpTo - droppedRebalances, 0, rebalances.size());
    s.rebalances = rebalances.first(rows);
    const qint64 at = s.timeMs;
    for (const ScenarioOwnership &o : ownership) {
        if (o.fromMs > at)
            continue;
        ScenarioOwnership then = o;
        if (then.toMs > at) {
            then.toMs = -1;
            then.endReason.clear();
        }
        s.ownership << then;
    }
    s.gaps = ownershipGaps(s.ownership, at);
    return s;
}

} // namespace topicscope::engine
