#include "sqlitestore.h"

#include "core/setwhy.h"
#include "sqlitestatement.h"

// SqliteStore's part for segment files: batch locations, the segments table and the one-time move of record bytes
// from the database into segment files.

namespace topicscope::engine {

namespace {

const char SqlInsertBatchLocation[]
    = "INSERT INTO batches(partition_id, base_offset, last_offset, max_timestamp, record_count, size_bytes, data_id, "
      "segment_base, file_position) VALUES(?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8)";
const char SqlUpsertSegment[]
    = "INSERT OR REPLACE INTO segments(partition_id, base_offset, size_bytes, roll_timestamp, max_timestamp) "
      "VALUES(?1, ?2, ?3, ?4, ?5)";
const char SqlSelectSegments[] = "SELECT base_offset, size_bytes, roll_timestamp, max_timestamp FROM segments "
                                 "WHERE partition_id = ?1 ORDER BY base_offset";
const char SqlDeleteSegmentsBelow[] = "DELETE FROM segments WHERE partition_id = ?1 AND base_offset < ?2";
const char SqlDeleteSegment[] = "DELETE FROM segments WHERE partition_id = ?1 AND base_offset = ?2";
const char SqlDeleteDataBetween[] = "DELETE FROM batch_data WHERE data_id IN (SELECT data_id FROM batches "
                                    "WHERE partition_id = ?1 AND base_offset >= ?2 AND base_offset < ?3)";
const char SqlDeleteBatchesBetween[]
    = "DELETE FROM batches WHERE partition_id = ?1 AND base_offset >= ?2 AND base_offset < ?3";
const char SqlCountDatabaseBatches[] = "SELECT count(*) FROM batches WHERE segment_base IS NULL";
const char SqlDatabaseBatches[]
    = "SELECT b.base_offset, b.last_offset, b.max_timestamp, b.record_count, b.size_bytes, b.segment_base, "
      "b.file_position, d.bytes FROM batches b CROSS JOIN batch_data d ON d.data_id = b.data_id "
      "WHERE b.partition_id = ?1 AND b.segment_base IS NULL ORDER BY b.base_offset";
const char SqlMoveBatchToSegment[] = "UPDATE batches SET segment_base = ?3, file_position = ?4, data_id = 0 WHERE "
                                     "partition_id = ?1 AND base_offset = ?2";
const char SqlDeleteBatchData[] = "DELETE FROM batch_data WHERE data_id = (SELECT data_id FROM batches "
                                  "WHERE partition_id = ?1 AND base_offset = ?2)";

} // namespace

bool SqliteStore::insertBatchLocation(qint64 partitionId, const StoredBatchInfo &info, QString *why)
{
    return run(SqlInsertBatchLocation,
        {partitionId, info.baseOffset, info.lastOffset, info.maxTimestamp, info.recordCount, info.sizeBytes,
            info.segmentBase, info.filePosition},
        "storing a record batch index entry", why);
}

bool SqliteStore::upsertSegment(qint64 partitionId, const StoredSegment &segment, QString *why)
{
    return run(SqlUpsertSegment,
        {partitionId, segment.baseOffset, segment.sizeBytes, segment.rollTimestamp, segment.maxTimestamp},
        "storing a segment", why);
}

bool SqliteStore::loadSegments(qint64 partitionId, std::vector<StoredSegment> *segments, QString *why) const
{
    segments->clear();
    SqliteStatement s(statement(SqlSelectSegments, why));
    if (!s)
        return false;
    s.bind(1, partitionId);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        segments->push_back(StoredSegment {s.int64(0), s.int64(1), s.int64(2), s.int64(3)});
    if (rc != SQLITE_DONE) {
        setWhy(why, lastError("reading segments"));
        return false;
    }
    return true;
}

bool SqliteStore::deleteSegmentsBelow(qint64 partitionId, qint64 baseOffset, QString *why)
{
    return run(SqlDeleteSegmentsBelow, {partitionId, baseOffset}, "deleting segments", why);
}

bool SqliteStore::deleteSegment(qint64 partitionId, qint64 baseOffset, QString *why)
{
    return run(SqlDeleteSegment, {partitionId, baseOffset}, "deleting a segment", why);
}

bool SqliteStore::deleteBatchesBetween(qint64 partitionId, qint64 from, qint64 to, QString *why)
{
    // The bytes first (in-memory stores; data_id 0 of a segment's batch matches none), then the rows.
    return run(SqlDeleteDataBetween, {partitionId, from, to}, "deleting record batches", why)
        && run(SqlDeleteBatchesBetween, {partitionId, from, to}, "deleting record batches", why);
}

bool SqliteStore::countDatabaseBatches(qint64 *count, QString *why) const
{
    SqliteStatement s(statement(SqlCountDatabaseBatches, why));
    if (!s)
        return false;
    if (s.step() != SQLITE_ROW) {
        setWhy(why, lastError("counting batches stored in the database"));
        return false;
    }
    *count = s.int64(0);
    return true;
}

bool SqliteStore::forEachDatabaseBatch(
    qint64 partitionId, const std::function<bool(const StoredBatchInfo &, QByteArrayView)> &visit, QString *why) const
{
    SqliteStatement s(statement(SqlDatabaseBatches, why));
    if (!s)
        return false;
    s.bind(1, partitionId);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        if (!visit(batchInfoFrom(s), s.blob(7)))
            return true;
    }
    if (rc != SQLITE_DONE) {
        setWhy(why, lastError("reading batches stored in the database"));
        return false;
    }
    return true;
}

bool SqliteStore::moveBatchToSegment(qint64 partitionId, const StoredBatchInfo &info, QString *why)
{
    const char *what = "moving a batch to its segment file";
    return run(SqlDeleteBatchData, {partitionId, info.baseOffset}, what, why)
        && run(SqlMoveBatchToSegment, {partitionId, info.baseOffset, info.segmentBase, info.filePosition}, what, why);
}

bool SqliteStore::vacuum(QString *why)
{
    return exec("VACUUM", why);
}

} // namespace topicscope::engine
