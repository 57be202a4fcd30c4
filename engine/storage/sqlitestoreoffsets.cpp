#include "sqlitestore.h"

#include "core/setwhy.h"
#include "sqlitestatement.h"
#include "storagelogging.h"

#include <QLoggingCategory>
#include <algorithm>

// SqliteStore's part as the OffsetStore: the groups' committed offsets, one row per group and partition in
// committed_offsets. Each change is atomic on its own; inside the caller's open transaction it joins it.

namespace topicscope::engine {

namespace {

const char SqlSavepoint[] = "SAVEPOINT offset_store";
const char SqlRelease[] = "RELEASE offset_store";
const char SqlRollbackTo[] = "ROLLBACK TO offset_store";
const char SqlUpsertOffset[]
    = "INSERT OR REPLACE INTO committed_offsets(group_id, topic, partition, committed_offset, leader_epoch, metadata, "
      "commit_timestamp_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
const char SqlDeleteGroupOffsets[] = "DELETE FROM committed_offsets WHERE group_id = ?1";
const char SqlDeletePartitionOffset[]
    = "DELETE FROM committed_offsets WHERE group_id = ?1 AND topic = ?2 AND partition = ?3";
const char SqlDeleteTopicOffsets[] = "DELETE FROM committed_offsets WHERE topic = ?1";
const char SqlSelectOffsets[] = "SELECT group_id, topic, partition, committed_offset, leader_epoch, metadata, "
                                "commit_timestamp_ms FROM committed_offsets ORDER BY group_id, topic, partition";

} // namespace

bool SqliteStore::inOffsetSavepoint(const std::function<bool()> &change, const char *what, QString *why)
{
    if (!run(SqlSavepoint, {}, "SAVEPOINT", why))
        return false;
    if (change() && run(SqlRelease, {}, what, why))
        return true;
    undoSavepoint(SqlRollbackTo, SqlRelease);
    return false;
}

ErrorCode SqliteStore::saveOffsets(const QString &groupId, const std::vector<CommittedOffset> &offsets, QString *why)
{
    const bool saved = inOffsetSavepoint(
        [&] {
            return std::all_of(offsets.cbegin(), offsets.cend(), [&](const CommittedOffset &o) {
                return run(SqlUpsertOffset,
                    {groupId, o.topicPartition.topic, o.topicPartition.partition, o.offset, o.leaderEpoch, o.metadata,
                        o.commitTimestampMs},
                    "storing committed offsets", why);
            });
        },
        "committing offsets", why);
    return saved ? ErrorCode::None : ErrorCode::KafkaStorageError;
}

ErrorCode SqliteStore::deleteGroupOffsets(const QString &groupId)
{
    // A single statement is atomic on its own (autocommit) or inside the caller's transaction.
    QString why;
    if (run(SqlDeleteGroupOffsets, {groupId}, "deleting group offsets", &why))
        return ErrorCode::None;
    qCWarning(lcStorage).noquote() << why;
    return ErrorCode::KafkaStorageError;
}

ErrorCode SqliteStore::deleteOffsets(const QString &groupId, const QList<TopicPartition> &partitions)
{
    QString why;
    const bool deleted = inOffsetSavepoint(
        [&] {
            return std::all_of(partitions.cbegin(), partitions.cend(), [&](const TopicPartition &tp) {
                return run(
                    SqlDeletePartitionOffset, {groupId, tp.topic, tp.partition}, "deleting committed offsets", &why);
            });
        },
        "committing the deletion of offsets", &why);
    if (deleted)
        return ErrorCode::None;
    qCWarning(lcStorage).noquote() << why;
    return ErrorCode::KafkaStorageError;
}

bool SqliteStore::deleteTopicOffsetRows(const QString &topic, QString *why)
{
    return run(SqlDeleteTopicOffsets, {topic}, "deleting the topic's committed offsets", why);
}

ErrorCode SqliteStore::deleteTopicOffsets(const QString &topic)
{
    QString why;
    if (deleteTopicOffsetRows(topic, &why))
        return ErrorCode::None;
    qCWarning(lcStorage).noquote() << why;
    return ErrorCode::KafkaStorageError;
}

QMap<QString, std::vector<CommittedOffset>> SqliteStore::loadOffsets(QString *why) const
{
    QMap<QString, std::vector<CommittedOffset>> result;
    SqliteStatement s(statement(SqlSelectOffsets, why));
    if (!s)
        return result;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        CommittedOffset o;
        o.topicPartition.topic = s.text(1);
        o.topicPartition.partition = static_cast<int>(s.int64(2));
        o.offset = s.int64(3);
        o.leaderEpoch = static_cast<qint32>(s.int64(4));
        o.metadata = s.text(5);
        o.commitTimestampMs = s.int64(6);
        result[s.text(0)].push_back(std::move(o));
    }
    if (rc != SQLITE_DONE)
        setWhy(why, lastError("reading committed offsets"));
    return result;
}

} // namespace topicscope::engine
