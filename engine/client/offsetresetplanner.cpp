#include "offsetresetplanner.h"

#include <algorithm>

namespace topicscope::engine {

OffsetResetPartition OffsetResetPlanner::plan(const OffsetResetRequest &request, int partition, qint64 currentOffset,
    qint64 logStartOffset, qint64 logEndOffset, qint64 offsetAtTimestamp)
{
    OffsetResetPartition r;
    r.partition = partition;
    r.currentOffset = currentOffset;
    r.logEndOffset = logEndOffset;
    switch (request.strategy) {
    case OffsetResetStrategy::Earliest:
        r.newOffset = logStartOffset;
        break;
    case OffsetResetStrategy::Latest:
        r.newOffset = logEndOffset;
        break;
    case OffsetResetStrategy::Offset:
        r.newOffset = std::clamp(request.value, logStartOffset, logEndOffset);
        break;
    case OffsetResetStrategy::Timestamp:
        r.newOffset = offsetAtTimestamp >= 0 ? offsetAtTimestamp : logEndOffset;
        break;
    }
    return r;
}

void OffsetResetPlanner::add(OffsetResetPreview *preview, const OffsetResetPartition &r)
{
    if (r.currentOffset >= 0 && r.newOffset < r.currentOffset)
        preview->recordsReread += r.currentOffset - r.newOffset;
    else if (r.currentOffset >= 0 && r.newOffset > r.currentOffset)
        preview->recordsSkipped += r.newOffset - r.currentOffset;
    preview->partitions.append(r);
}

} // namespace topicscope::engine
