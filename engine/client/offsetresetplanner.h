#pragma once

#include "clustertypes.h"

namespace topicscope::engine {

// kafka-consumer-groups --reset-offsets' arithmetic for one partition, shared by the embedded broker's explorer and
// the remote cluster backend so that both preview a reset alike. Pure functions.
class OffsetResetPlanner {
public:
    // Where request's strategy moves a partition: Earliest to logStartOffset, Latest to logEndOffset, Offset clamped
    // into the log, Timestamp to offsetAtTimestamp (the first offset at or after it; -1 when none: the log end).
    static OffsetResetPartition plan(const OffsetResetRequest &request, int partition, qint64 currentOffset,
        qint64 logStartOffset, qint64 logEndOffset, qint64 offsetAtTimestamp);
    // Appends a planned partition to preview and counts the records it re-reads or skips.
    static void add(OffsetResetPreview *preview, const OffsetResetPartition &partition);
};

} // namespace topicscope::engine
