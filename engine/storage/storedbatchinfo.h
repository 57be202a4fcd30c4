#pragma once

#include <QtGlobal>

namespace topicscope::engine {

// One stored record batch, as described by its row in the batches table (the bytes live beside it).
struct StoredBatchInfo {
    qint64 baseOffset = 0;
    qint64 lastOffset = 0;
    qint64 maxTimestamp = -1;
    int recordCount = 0;
    qint64 sizeBytes = 0;
    // Where the bytes are: the segment file (its base offset) and the position in it; -1 / -1 when they are in the
    // database (in-memory stores, and data directories written before schema version 3 until they are migrated).
    qint64 segmentBase = -1;
    qint64 filePosition = -1;
};

} // namespace topicscope::engine
