#include "sqlitestore.h"

#include "core/setwhy.h"
#include "sqlitestatement.h"
#include "storagelogging.h"
#include "walcheckpointer.h"

#include <QLoggingCategory>
#include <sqlite3.h>
#include <unistd.h>

namespace topicscope::engine {

Q_LOGGING_CATEGORY(lcStorage, "topicscope.engine.storage")

namespace {

// The statements, as named constants: the cache keys them by address.
const char SqlBegin[] = "BEGIN";
const char SqlCommit[] = "COMMIT";
const char SqlAppendSavepoint[] = "SAVEPOINT append";
const char SqlAppendRelease[] = "RELEASE append";
const char SqlAppendRollbackTo[] = "ROLLBACK TO append";
const char SqlSelectTopics[] = "SELECT topic_id, name, uuid FROM topics ORDER BY name";
const char SqlSelectConfigs[] = "SELECT topic_id, name, value FROM topic_configs";
const char SqlSelectPartitions[] = "SELECT partition_id, topic_id, partition, log_start_offset, log_end_offset, "
                                   "size_bytes, last_append_ms FROM partitions ORDER BY topic_id, partition";
// ?3 NULL: SQLite picks the key.
const char SqlInsertTopic[] = "INSERT INTO topics(topic_id, name, uuid) VALUES(?3, ?1, ?2)";
// Partition rows of a topic whose own row was never written: a creation in pieces cut short by a crash.
const char SqlDeleteOrphanPartitions[] = "DELETE FROM partitions WHERE topic_id NOT IN (SELECT topic_id FROM topics)";
const char SqlDeleteConfigs[] = "DELETE FROM topic_configs WHERE topic_id = ?1";
const char SqlInsertConfig[] = "INSERT INTO topic_configs(topic_id, name, value) VALUES(?1, ?2, ?3)";
const char SqlInsertPartition[] = "INSERT INTO partitions(topic_id, partition) VALUES(?1, ?2)";
// Partitions ?2 .. ?3-1 of a topic in one statement: a row per partition from SQLite's own loop, not a step per row
// from ours (10,000 partitions took 9 ms one by one on the engine thread).
const char SqlInsertPartitions[] = "WITH RECURSIVE p(n) AS (SELECT ?2 UNION ALL SELECT n + 1 FROM p WHERE n + 1 < ?3) "
                                   "INSERT INTO partitions(topic_id, partition) SELECT ?1, n FROM p";
const char SqlSelectPartitionIds[]
    = "SELECT partition_id FROM partitions WHERE topic_id = ?1 AND partition >= ?2 ORDER BY partition";
const char SqlDeleteTopicData[] = "DELETE FROM batch_data WHERE data_id IN (SELECT b.data_id FROM partitions p "
                                  "JOIN batches b ON b.partition_id = p.partition_id WHERE p.topic_id = ?1)";
const char SqlDeleteTopicBatches[]
    = "DELETE FROM batches WHERE partition_id IN (SELECT partition_id FROM partitions WHERE topic_id = ?1)";
const char SqlDeleteTopicSegments[]
    = "DELETE FROM segments WHERE partition_id IN (SELECT partition_id FROM partitions WHERE topic_id = ?1)";
const char SqlDeleteTopicProducerBatches[]
    = "DELETE FROM producer_batches WHERE partition_id IN (SELECT partition_id FROM partitions WHERE topic_id = ?1)";
const char SqlDeleteTopicProducerSnapshots[]
    = "DELETE FROM producer_snapshots WHERE partition_id IN (SELECT partition_id FROM partitions WHERE topic_id = ?1)";
const char SqlDeleteTopicPartitions[] = "DELETE FROM partitions WHERE topic_id = ?1";
const char SqlDeleteTopic[] = "DELETE FROM topics WHERE topic_id = ?1";
const char SqlInsertBatchData[] = "INSERT INTO batch_data(bytes) VALUES(?1)";
const char SqlInsertBatch[] = "INSERT INTO batches(partition_id, base_offset, last_offset, max_timestamp, "
                              "record_count, size_bytes, data_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
const char SqlUpdatePartition[] = "UPDATE partitions SET log_start_offset = ?2, log_end_offset = ?3, size_bytes = ?4, "
                                  "last_append_ms = ?5 WHERE partition_id = ?1";
// "base_offset < ?2" bounds the primary-key range; "last_offset < ?2" keeps a batch that straddles ?2.
const char SqlSumBelow[] = "SELECT coalesce(sum(size_bytes), 0) FROM batches "
                           "WHERE partition_id = ?1 AND base_offset < ?2 AND last_offset < ?2";
const char SqlDeleteDataBelow[] = "DELETE FROM batch_data WHERE data_id IN (SELECT data_id FROM batches "
                                  "WHERE partition_id = ?1 AND base_offset < ?2 AND last_offset < ?2)";
const char SqlDeleteBatchesBelow[]
    = "DELETE FROM batches WHERE partition_id = ?1 AND base_offset < ?2 AND last_offset < ?2";
// The batch holding ?2 is the last one whose base offset is <= ?2. CROSS JOIN keeps batches as the outer loop,
// so rows come in primary-key order and batch_data is probed by rowid.
#define TS_FIRST_BATCH_BASE                                                                                            \
    "coalesce((SELECT base_offset FROM batches WHERE partition_id = ?1 AND base_offset <= ?2 "                         \
    "ORDER BY base_offset DESC LIMIT 1), -1)"
const char SqlReadBatches[]
    = "SELECT b.size_bytes, d.bytes FROM batches b CROSS JOIN batch_data d "
      "ON d.data_id = b.data_id WHERE b.partition_id = ?1 AND b.base_offset >= " TS_FIRST_BATCH_BASE
      " AND b.last_offset >= ?2 ORDER BY b.base_offset";
const char SqlScanBatches[]
    = "SELECT base_offset, last_offset, max_timestamp, record_count, size_bytes, segment_base, file_position "
      "FROM batches "
      "WHERE partition_id = ?1 AND base_offset >= " TS_FIRST_BATCH_BASE " AND last_offset >= ?2 ORDER BY base_offset";
const char SqlFindByTimestamp[]
    = "SELECT b.base_offset, b.last_offset, b.max_timestamp, b.record_count, b.size_bytes, b.segment_base, "
      "b.file_position, d.bytes FROM batches b LEFT JOIN batch_data d ON d.data_id = b.data_id WHERE b.partition_id = "
      "?1 AND b.base_offset "
      ">= " TS_FIRST_BATCH_BASE " AND b.last_offset >= ?2 AND b.max_timestamp >= ?3 ORDER BY b.base_offset LIMIT 1";
#undef TS_FIRST_BATCH_BASE
// The batch with the highest max_timestamp (the first of them on a tie), from the index alone: a top-1 sort of the
// partition's small rows, no batch bytes read.
const char SqlMaxTimestampBatch[]
    = "SELECT base_offset, last_offset, max_timestamp, record_count, size_bytes, segment_base, file_position "
      "FROM batches WHERE partition_id = ?1 AND last_offset >= ?2 ORDER BY max_timestamp DESC, base_offset LIMIT 1";

} // namespace

SqliteStore::SqliteStore(const QString &path)
    : m_path(path)
{ }

SqliteStore::~SqliteStore()
{
    m_checkpointer.reset(); // its connection closes first: the last close checkpoints and removes the WAL
    for (const auto &entry : m_statements)
        sqlite3_finalize(entry.second);
    sqlite3_close(m_db);
    if (m_directoryLock >= 0)
        ::close(m_directoryLock);
}

std::unique_ptr<SqliteStore> SqliteStore::open(const QString &path, bool fsyncEachCommit, QString *error)
{
    const bool inMemory = path == inMemoryPath();
    std::unique_ptr<SqliteStore> store(new SqliteStore(path));
    QString why;
    if (!inMemory && !store->lockDirectory(&why)) {
        setWhy(error, QStringLiteral("cannot open database %1: %2").arg(path, why));
        return nullptr;
    }
    sqlite3 *db = nullptr;
    // NOMUTEX: the store lives on one thread, so SQLite's own locking would be pure overhead.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        setWhy(error,
            QStringLiteral("cannot open database %1: %2")
                .arg(path, QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc))));
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_extended_result_codes(db, 1);
    store->m_db = db;
    if (!store->configure(fsyncEachCommit, &why) || !store->migrate(&why) || !store->removeOrphanPartitions(&why)
        || (!inMemory && !(store->m_checkpointer = WalCheckpointer::start(path, fsyncEachCommit, &why)))) {
        setWhy(error, QStringLiteral("cannot open database %1: %2").arg(path, why));
        qCWarning(lcStorage).noquote() << "cannot open database" << path << why;
        return nullptr;
    }
    if (!inMemory)
        sqlite3_wal_hook(db, &SqliteStore::walHook, store.get()); // in place of wal_autocheckpoint's
    qCDebug(lcStorage).noquote() << "opened" << path << "schema version" << SchemaVersion;
    return store;
}

QString SqliteStore::lastError(const char *what) const
{
    const QString text = QStringLiteral("%1 (SQLite code %2)")
                             .arg(QString::fromUtf8(sqlite3_errmsg(m_db)))
                             .arg(sqlite3_extended_errcode(m_db));
    return what ? QLatin1String(what) + QLatin1String(": ") + text : text;
}

bool SqliteStore::exec(const char *sql, QString *why) const
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        setWhy(why, QString::fromUtf8(message ? message : sqlite3_errmsg(m_db)));
        sqlite3_free(message);
        return false;
    }
    return true;
}

sqlite3_stmt *SqliteStore::statement(const char *sql, QString *why) const
{
    for (const auto &entry : m_statements) {
        if (entry.first == sql)
            return entry.second;
    }
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
        setWhy(why, lastError("prepare"));
        return nullptr;
    }
    m_statements.emplace_back(sql, s);
    return s;
}

bool SqliteStore::queryRow(const char *sql, const std::function<void(sqlite3_stmt *)> &read, QString *why) const
{
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &raw, nullptr) != SQLITE_OK) {
        setWhy(why, lastError(nullptr));
        return false;
    }
    const bool ok = sqlite3_step(raw) == SQLITE_ROW;
    if (ok)
        read(raw);
    else
        setWhy(why, lastError(nullptr));
    sqlite3_finalize(raw);
    return ok;
}

bool SqliteStore::begin(QString *why)
{
    return run(SqlBegin, {}, "BEGIN", why);
}

bool SqliteStore::commit(QString *why)
{
    return run(SqlCommit, {}, "COMMIT", why);
}

bool SqliteStore::openAppendSavepoint(QString *why)
{
    return run(SqlAppendSavepoint, {}, "SAVEPOINT", why);
}

bool SqliteStore::keepAppendSavepoint(QString *why)
{
    return run(SqlAppendRelease, {}, "RELEASE", why);
}

void SqliteStore::undoAppendSavepoint()
{
    undoSavepoint(SqlAppendRollbackTo, SqlAppendRelease); // the caller looks whether the transaction is still open
}

void SqliteStore::undoSavepoint(const char *rollbackTo, const char *release)
{
    // Either may fail when SQLite already rolled the whole transaction back after an error.
    for (const char *sql : {rollbackTo, release}) {
        SqliteStatement s(statement(sql, nullptr));
        if (s)
            s.step();
    }
}

void SqliteStore::rollback()
{
    // After SQLITE_FULL or an I/O error SQLite may already have rolled back; ROLLBACK would then only fail.
    if (inTransaction())
        exec("ROLLBACK", nullptr);
}

bool SqliteStore::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

std::optional<std::vector<StoredTopic>> SqliteStore::loadTopics(QString *why) const
{
    std::vector<StoredTopic> topics;
    {
        SqliteStatement s(statement(SqlSelectTopics, why));
        if (!s)
            return std::nullopt;
        int rc;
        while ((rc = s.step()) == SQLITE_ROW) {
            StoredTopic topic;
            topic.topicId = s.int64(0);
            topic.name = s.text(1);
            topic.uuid = TopicId::fromBytes(s.blob(2));
            if (topic.uuid.isNull()) {
                setWhy(why, QStringLiteral("topic %1 has no valid topic id").arg(topic.name));
                return std::nullopt;
            }
            topics.push_back(std::move(topic));
        }
        if (rc != SQLITE_DONE) {
            setWhy(why, lastError("reading topics"));
            return std::nullopt;
        }
    }
    const auto find = [&topics](qint64 id) -> StoredTopic * {
        for (auto &topic : topics) {
            if (topic.topicId == id)
                return &topic;
        }
        return nullptr;
    };
    {
        SqliteStatement s(statement(SqlSelectConfigs, why));
        if (!s)
            return std::nullopt;
        int rc;
        while ((rc = s.step()) == SQLITE_ROW) {
            if (StoredTopic *topic = find(s.int64(0)))
                topic->configs.insert(s.text(1), s.text(2));
        }
        if (rc != SQLITE_DONE) {
            setWhy(why, lastError("reading topic configs"));
            return std::nullopt;
        }
    }
    {
        SqliteStatement s(statement(SqlSelectPartitions, why));
        if (!s)
            return std::nullopt;
        int rc;
        while ((rc = s.step()) == SQLITE_ROW) {
            StoredPartition p;
            p.partitionId = s.int64(0);
            p.partition = static_cast<int>(s.int64(2));
            p.logStartOffset = s.int64(3);
            p.logEndOffset = s.int64(4);
            p.sizeBytes = s.int64(5);
            p.lastAppendTimeMs = s.int64(6);
            if (StoredTopic *topic = find(s.int64(1)))
                topic->partitions.push_back(p);
        }
        if (rc != SQLITE_DONE) {
            setWhy(why, lastError("reading partitions"));
            return std::nullopt;
        }
    }
    return topics;
}

bool SqliteStore::insertTopic(
    const QString &name, const TopicId &uuid, const QMap<QString, QString> &configs, qint64 *topicId, QString *why)
{
    *topicId = 0;
    return insertTopicAs(topicId, name, uuid, configs, why);
}

bool SqliteStore::insertTopicAs(
    qint64 *topicId, const QString &name, const TopicId &uuid, const QMap<QString, QString> &configs, QString *why)
{
    {
        SqliteStatement s(statement(SqlInsertTopic, why));
        if (!s)
            return false;
        s.bind(1, name);
        s.bindStaticBlob(2, uuid.bytes());
        if (*topicId > 0)
            s.bind(3, *topicId);
        if (s.step() != SQLITE_DONE) {
            setWhy(why, lastError("storing the topic"));
            return false;
        }
    }
    *topicId = sqlite3_last_insert_rowid(m_db);
    return replaceTopicConfigs(*topicId, configs, why);
}

bool SqliteStore::deletePartitionsOf(qint64 topicId, QString *why)
{
    return run(SqlDeleteTopicPartitions, {topicId}, "deleting partitions", why);
}

bool SqliteStore::removeOrphanPartitions(QString *why)
{
    if (!run(SqlDeleteOrphanPartitions, {}, "removing partitions of unfinished topics", why))
        return false;
    if (const int removed = sqlite3_changes(m_db); removed > 0)
        qCInfo(lcStorage).noquote() << "removed" << removed << "partition rows of topics whose creation was cut short";
    return true;
}

bool SqliteStore::replaceTopicConfigs(qint64 topicId, const QMap<QString, QString> &configs, QString *why)
{
    if (!run(SqlDeleteConfigs, {topicId}, "replacing topic configs", why))
        return false;
    for (auto it = configs.cbegin(); it != configs.cend(); ++it) {
        if (!run(SqlInsertConfig, {topicId, it.key(), it.value()}, "storing a topic config", why))
            return false;
    }
    return true;
}

bool SqliteStore::insertPartition(qint64 topicId, int partition, qint64 *partitionId, QString *why)
{
    if (!run(SqlInsertPartition, {topicId, partition}, "storing a partition", why))
        return false;
    *partitionId = sqlite3_last_insert_rowid(m_db);
    return true;
}

bool SqliteStore::insertPartitions(
    qint64 topicId, int from, int to, std::vector<StoredPartition> *partitions, QString *why)
{
    if (from >= to)
        return true;
    if (!run(SqlInsertPartitions, {topicId, from, to}, "storing partitions", why))
        return false;
    SqliteStatement s(statement(SqlSelectPartitionIds, why));
    if (!s)
        return false;
    s.bind(1, topicId);
    s.bind(2, from);
    int partition = from;
    int rc = SQLITE_ROW;
    while ((rc = s.step()) == SQLITE_ROW) {
        StoredPartition stored;
        stored.partitionId = s.int64(0);
        stored.partition = partition++;
        partitions->push_back(stored);
    }
    if (rc != SQLITE_DONE || partition != to) {
        setWhy(why,
            rc != SQLITE_DONE
                ? lastError("reading stored partitions")
                : QStringLiteral("stored %1 partitions, read back %2").arg(to - from).arg(partition - from));
        return false;
    }
    return true;
}

bool SqliteStore::deleteTopic(qint64 topicId, const QString &name, QString *why)
{
    for (const char *sql :
        {SqlDeleteTopicData, SqlDeleteTopicBatches, SqlDeleteTopicSegments, SqlDeleteTopicProducerBatches,
            SqlDeleteTopicProducerSnapshots, SqlDeleteTopicPartitions, SqlDeleteConfigs, SqlDeleteTopic}) {
        if (!run(sql, {topicId}, "deleting the topic", why))
            return false;
    }
    return deleteTopicOffsetRows(name, why);
}

bool SqliteStore::insertBatch(qint64 partitionId, const StoredBatchInfo &info, QByteArrayView bytes, QString *why)
{
    {
        SqliteStatement s(statement(SqlInsertBatchData, why));
        if (!s)
            return false;
        s.bindStaticBlob(1, bytes);
        if (s.step() != SQLITE_DONE) {
            setWhy(why, lastError("storing a record batch"));
            return false;
        }
    }
    const qint64 dataId = sqlite3_last_insert_rowid(m_db);
    SqliteStatement s(statement(SqlInsertBatch, why));
    if (!s)
        return false;
    s.bind(1, partitionId);
    s.bind(2, info.baseOffset);
    s.bind(3, info.lastOffset);
    s.bind(4, info.maxTimestamp);
    s.bind(5, info.recordCount);
    s.bind(6, info.sizeBytes);
    s.bind(7, dataId);
    if (s.step() != SQLITE_DONE) {
        setWhy(why, lastError("storing a record batch index entry"));
        return false;
    }
    return true;
}

bool SqliteStore::run(const char *sql, std::initializer_list<SqlParameter> parameters, const char *what, QString *why)
{
    SqliteStatement s(statement(sql, why));
    if (!s)
        return false;
    int index = 0;
    for (const SqlParameter &parameter : parameters)
        std::visit([&](const auto &value) { s.bind(++index, value); }, parameter);
    if (s.step() != SQLITE_DONE) {
        setWhy(why, lastError(what));
        return false;
    }
    return true;
}

bool SqliteStore::updatePartition(const StoredPartition &state, QString *why)
{
    return run(SqlUpdatePartition,
        {state.partitionId, state.logStartOffset, state.logEndOffset, state.sizeBytes, state.lastAppendTimeMs},
        "updating the partition state", why);
}

bool SqliteStore::deleteBatchesBelow(qint64 partitionId, qint64 offset, qint64 *deletedBytes, QString *why)
{
    {
        SqliteStatement s(statement(SqlSumBelow, why));
        if (!s)
            return false;
        s.bind(1, partitionId);
        s.bind(2, offset);
        if (s.step() != SQLITE_ROW) {
            setWhy(why, lastError("measuring batches to delete"));
            return false;
        }
        *deletedBytes = s.int64(0);
    }
    for (const char *sql : {SqlDeleteDataBelow, SqlDeleteBatchesBelow}) {
        if (!run(sql, {partitionId, offset}, "deleting record batches", why))
            return false;
    }
    return true;
}

bool SqliteStore::readBatches(
    qint64 partitionId, qint64 fetchOffset, qint64 maxBytes, QByteArray *out, int *batchCount, QString *why) const
{
    *batchCount = 0;
    SqliteStatement s(statement(SqlReadBatches, why));
    if (!s)
        return false;
    s.bind(1, partitionId);
    s.bind(2, fetchOffset);
    qint64 total = 0;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        const qint64 size = s.int64(0);
        if (*batchCount > 0 && total + size > maxBytes)
            return true;
        const QByteArrayView bytes = s.blob(1);
        out->append(bytes.data(), bytes.size());
        total += size;
        ++*batchCount;
        if (total >= maxBytes)
            return true;
    }
    if (rc != SQLITE_DONE) {
        setWhy(why, lastError("reading record batches"));
        return false;
    }
    return true;
}

bool SqliteStore::forEachBatch(qint64 partitionId, qint64 fromOffset,
    const std::function<bool(const StoredBatchInfo &)> &visit, QString *why) const
{
    SqliteStatement s(statement(SqlScanBatches, why));
    if (!s)
        return false;
    s.bind(1, partitionId);
    s.bind(2, fromOffset);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        if (!visit(batchInfoFrom(s)))
            return true;
    }
    if (rc != SQLITE_DONE) {
        setWhy(why, lastError("scanning record batches"));
        return false;
    }
    return true;
}

bool SqliteStore::findBatchByTimestamp(qint64 partitionId, qint64 fromOffset, qint64 timestamp,
    std::optional<StoredBatchInfo> *info, QByteArray *bytes, QString *why) const
{
    return findOneBatch(
        SqlFindByTimestamp, {partitionId, fromOffset, timestamp}, info, bytes, "searching batches by timestamp", why);
}

bool SqliteStore::findMaxTimestampBatch(
    qint64 partitionId, qint64 fromOffset, std::optional<StoredBatchInfo> *info, QString *why) const
{
    return findOneBatch(SqlMaxTimestampBatch, {partitionId, fromOffset}, info, nullptr,
        "searching the batch with the highest timestamp", why);
}

bool SqliteStore::findOneBatch(const char *sql, std::initializer_list<qint64> parameters,
    std::optional<StoredBatchInfo> *info, QByteArray *bytes, const char *what, QString *why) const
{
    info->reset();
    SqliteStatement s(statement(sql, why));
    if (!s)
        return false;
    int index = 0;
    for (const qint64 parameter : parameters)
        s.bind(++index, parameter);
    const int rc = s.step();
    if (rc == SQLITE_ROW) {
        *info = batchInfoFrom(s);
        if (bytes)
            *bytes = s.blob(7).toByteArray();
        return true;
    }
    if (rc != SQLITE_DONE) {
        setWhy(why, lastError(what));
        return false;
    }
    return true;
}

void SqliteStore::setMaxPageCountForTesting(qint64 maxPages)
{
    // SQLite never lowers the limit below the current size, so a small value means "no room to grow".
    const QByteArray sql = QByteArrayLiteral("PRAGMA max_page_count = ")
        + QByteArray::number(maxPages > 0 ? maxPages : m_defaultMaxPageCount);
    exec(sql.constData(), nullptr);
}

void SqliteStore::setReadOnlyForTesting(bool readOnly)
{
    exec(readOnly ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF", nullptr);
}

qint64 SqliteStore::pageCount() const
{
    qint64 count = -1;
    queryRow(
        "PRAGMA page_count", [&](sqlite3_stmt *s) { count = sqlite3_column_int64(s, 0); }, nullptr);
    return count;
}

} // namespace topicscope::engine
