#include "sqlitestore.h"

#include "core/setwhy.h"
#include "sqlitestatement.h"

// SqliteStore's part for producer-state snapshots (ProducerStateManager): one per partition, its offset in
// producer_snapshots and one row per retained batch of each producer in producer_batches.

namespace topicscope::engine {

namespace {

const char SqlSelectProducerSnapshot[] = "SELECT snapshot_offset FROM producer_snapshots WHERE partition_id = ?1";
const char SqlSelectProducerBatches[]
    = "SELECT producer_id, producer_epoch, first_offset, last_offset, first_sequence, last_sequence "
      "FROM producer_batches WHERE partition_id = ?1 ORDER BY producer_id, first_offset";
const char SqlDeleteProducerBatches[] = "DELETE FROM producer_batches WHERE partition_id = ?1";
const char SqlUpsertProducerSnapshot[]
    = "INSERT OR REPLACE INTO producer_snapshots(partition_id, snapshot_offset) VALUES(?1, ?2)";
const char SqlInsertProducerBatch[]
    = "INSERT INTO producer_batches(partition_id, producer_id, producer_epoch, first_offset, last_offset, "
      "first_sequence, last_sequence) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
// The producers whose last batch lies below the log start (all of them when the snapshot does).
const char SqlForgetProducersBelow[]
    = "DELETE FROM producer_batches WHERE partition_id = ?1 AND producer_id IN (SELECT producer_id FROM "
      "producer_batches WHERE partition_id = ?1 GROUP BY producer_id HAVING max(last_offset) < ?2)";
const char SqlAdvanceProducerSnapshot[]
    = "UPDATE producer_snapshots SET snapshot_offset = ?2 WHERE partition_id = ?1 AND snapshot_offset < ?2";

} // namespace

bool SqliteStore::loadProducerSnapshot(
    qint64 partitionId, std::optional<ProducerStateSnapshot> *snapshot, QString *why) const
{
    snapshot->reset();
    {
        SqliteStatement s(statement(SqlSelectProducerSnapshot, why));
        if (!s)
            return false;
        s.bind(1, partitionId);
        const int rc = s.step();
        if (rc == SQLITE_DONE)
            return true;
        if (rc != SQLITE_ROW) {
            setWhy(why, lastError("reading a producer-state snapshot"));
            return false;
        }
        snapshot->emplace().offset = s.int64(0);
    }
    SqliteStatement s(statement(SqlSelectProducerBatches, why));
    if (!s)
        return false;
    s.bind(1, partitionId);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        ProducerStateEntry &entry = (*snapshot)->producers[s.int64(0)];
        entry.producerEpoch = static_cast<qint16>(s.int64(1));
        entry.batches.push_back(ProducerBatchMetadata {
            static_cast<qint32>(s.int64(4)), static_cast<qint32>(s.int64(5)), s.int64(2), s.int64(3)});
    }
    if (rc != SQLITE_DONE) {
        setWhy(why, lastError("reading a producer-state snapshot"));
        snapshot->reset();
        return false;
    }
    return true;
}

bool SqliteStore::saveProducerSnapshot(qint64 partitionId, const ProducerStateSnapshot &snapshot, QString *why)
{
    const char *what = "storing a producer-state snapshot";
    if (!run(SqlDeleteProducerBatches, {partitionId}, what, why)
        || !run(SqlUpsertProducerSnapshot, {partitionId, snapshot.offset}, what, why))
        return false;
    for (auto it = snapshot.producers.cbegin(); it != snapshot.producers.cend(); ++it) {
        for (const ProducerBatchMetadata &batch : it->batches) {
            if (!run(SqlInsertProducerBatch,
                    {partitionId, it.key(), it->producerEpoch, batch.firstOffset, batch.lastOffset, batch.firstSeq,
                        batch.lastSeq},
                    what, why))
                return false;
        }
    }
    return true;
}

bool SqliteStore::advanceProducerSnapshot(qint64 partitionId, qint64 logStartOffset, QString *why)
{
    const char *what = "moving a producer-state snapshot to the log start";
    return run(SqlForgetProducersBelow, {partitionId, logStartOffset}, what, why)
        && run(SqlAdvanceProducerSnapshot, {partitionId, logStartOffset}, what, why);
}

} // namespace topicscope::engine
