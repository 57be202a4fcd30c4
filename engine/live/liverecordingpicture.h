#pragma once

#include "flowsnapshot.h"

#include <QList>

namespace topicscope::engine {

// One picture of the live world as a recording keeps it (LiveRecordingFile) and as LiveFlow keeps it for time travel:
// the FlowSnapshot without the recording-wide rows every picture would repeat — the rebalances, ownership intervals
// and gaps, which it shares with its recording — and without what only a running view needs (movements to animate,
// the protocol lane's exchanges). expand() puts the rows back from the recording's: the rebalances completed when the
// picture was taken, and the ownership intervals cut at its time. So 500 pictures of a session with 1,000 rebalances
// hold 500 pictures, not 500 copies of up to 1,000 rows. A plain value; any thread.
struct LiveRecordingPicture {
    FlowSnapshot snapshot; // rebalances, ownership, gaps, movements and exchanges left empty
    qint64 rebalancesUpTo = 0; // rebalances completed when it was taken, counting those the recording dropped since

    // snapshot as taken, from a recording that had dropped droppedRebalances rebalances (its rows start there).
    static LiveRecordingPicture compact(FlowSnapshot snapshot, qint64 droppedRebalances);

    // The picture whole again. rebalances: the recording's rows, the first being rebalance number droppedRebalances;
    // the picture gets those up to rebalancesUpTo. ownership: the recording's intervals; the picture gets those that
    // started by its time, open where they ended later, and their gaps at its time. An interval that began or ended in
    // the very millisecond of the picture, after it was taken, counts as it is now (the recording keeps no finer time).
    FlowSnapshot expand(const QList<ScenarioRebalance> &rebalances, qint64 droppedRebalances,
        const QList<ScenarioOwnership> &ownership) const;
};

} // namespace topicscope::engine
