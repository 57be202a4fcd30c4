#include "sqlitestore.h"

#include <QLoggingCategory>
#include <sqlite3.h>

namespace topicscope::engine {

namespace {

Q_LOGGING_CATEGORY(lcStorage, "topicscope.engine.storage")

// Each schema version is reached by running its migration on the previous one, in order, each in its own
// transaction together with the user_version bump: its SQL, then its step, when it has one, for what SQL cannot do.
// Never edit a released migration: append a new one.
struct Migration {
    int version;
    const char *sql;
    bool (*step)(sqlite3 *db, QString *why) = nullptr;
};

bool assignTopicUuids(sqlite3 *db, QString *why);

const Migration Migrations[] = {
    {1, R"sql(
        CREATE TABLE topics(
            topic_id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE);
        CREATE TABLE topic_configs(
            topic_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY(topic_id, name)) WITHOUT ROWID;
        CREATE TABLE partitions(
            partition_id INTEGER PRIMARY KEY,
            topic_id INTEGER NOT NULL,
            partition INTEGER NOT NULL,
            log_start_offset INTEGER NOT NULL DEFAULT 0,
            log_end_offset INTEGER NOT NULL DEFAULT 0,
            size_bytes INTEGER NOT NULL DEFAULT 0,
            last_append_ms INTEGER NOT NULL DEFAULT -1,
            UNIQUE(topic_id, partition));
        -- One row per stored record batch (never per record). Small rows keyed by (partition, base offset) so
        -- offset and timestamp look-ups scan densely packed pages; the batch bytes live in batch_data, a rowid
        -- table, so the index stays dense however big the batches are.
        CREATE TABLE batches(
            partition_id INTEGER NOT NULL,
            base_offset INTEGER NOT NULL,
            last_offset INTEGER NOT NULL,
            max_timestamp INTEGER NOT NULL,
            record_count INTEGER NOT NULL,
            size_bytes INTEGER NOT NULL,
            data_id INTEGER NOT NULL,
            PRIMARY KEY(partition_id, base_offset)) WITHOUT ROWID;
        CREATE TABLE batch_data(
            data_id INTEGER PRIMARY KEY,
            bytes BLOB NOT NULL);
        CREATE TABLE committed_offsets(
            group_id TEXT NOT NULL,
            topic TEXT NOT NULL,
            partition INTEGER NOT NULL,
            committed_offset INTEGER NOT NULL,
            leader_epoch INTEGER NOT NULL,
            metadata TEXT NOT NULL,
            commit_timestamp_ms INTEGER NOT NULL,
            PRIMARY KEY(group_id, topic, partition)) WITHOUT ROWID;
        CREATE INDEX committed_offsets_by_topic ON committed_offsets(topic);
    )sql"},
    // Kafka's topic id (KIP-516), 16 bytes given to a topic when it is created (TopicId::generate). Topics stored
    // before this version get theirs here, once; they keep it from then on. NULLs are distinct in a UNIQUE index,
    // but no row is left NULL: createTopic always stores an id.
    {2, R"sql(
        ALTER TABLE topics ADD COLUMN uuid BLOB;
        CREATE UNIQUE INDEX topics_by_uuid ON topics(uuid);
    )sql",
        &assignTopicUuids},
    // Record bytes move to segment files (SegmentLog): a batch row says which file (by its base offset) and where in
    // it; NULL for bytes still in batch_data (in-memory stores, and rows written before this version until LogManager
    // moves them out at start-up). segments lists each partition's files with the size that is committed.
    {3, R"sql(
        ALTER TABLE batches ADD COLUMN segment_base INTEGER;
        ALTER TABLE batches ADD COLUMN file_position INTEGER;
        CREATE TABLE segments(
            partition_id INTEGER NOT NULL,
            base_offset INTEGER NOT NULL,
            size_bytes INTEGER NOT NULL,
            roll_timestamp INTEGER NOT NULL,
            max_timestamp INTEGER NOT NULL,
            PRIMARY KEY(partition_id, base_offset)) WITHOUT ROWID;
    )sql"},
};

// The statements, as named constants: the cache keys them by address.
const char SqlBegin[] = "BEGIN";
const char SqlCommit[] = "COMMIT";
const char SqlSavepoint[] = "SAVEPOINT offset_store";
const char SqlRelease[] = "RELEASE offset_store";
const char SqlRollbackTo[] = "ROLLBACK TO offset_store";
const char SqlSelectTopics[] = "SELECT topic_id, name, uuid FROM topics ORDER BY name";
const char SqlSelectConfigs[] = "SELECT topic_id, name, value FROM topic_configs";
const char SqlSelectPartitions[] = "SELECT partition_id, topic_id, partition, log_start_offset, log_end_offset, "
                                   "size_bytes, last_append_ms FROM partitions ORDER BY topic_id, partition";
const char SqlInsertTopic[] = "INSERT INTO topics(name, uuid) VALUES(?1, ?2)";
const char SqlDeleteConfigs[] = "DELETE FROM topic_configs WHERE topic_id = ?1";
const char SqlInsertConfig[] = "INSERT INTO topic_configs(topic_id, name, value) VALUES(?1, ?2, ?3)";
const char SqlInsertPartition[] = "INSERT INTO partitions(topic_id, partition) VALUES(?1, ?2)";
const char SqlDeleteTopicData[] = "DELETE FROM batch_data WHERE data_id IN (SELECT b.data_id FROM partitions p "
                                  "JOIN batches b ON b.partition_id = p.partition_id WHERE p.topic_id = ?1)";
const char SqlDeleteTopicBatches[]
    = "DELETE FROM batches WHERE partition_id IN (SELECT partition_id FROM partitions WHERE topic_id = ?1)";
const char SqlDeleteTopicSegments[]
    = "DELETE FROM segments WHERE partition_id IN (SELECT partition_id FROM partitions WHERE topic_id = ?1)";
const char SqlDeleteTopicPartitions[] = "DELETE FROM partitions WHERE topic_id = ?1";
const char SqlDeleteTopic[] = "DELETE FROM topics WHERE topic_id = ?1";
const char SqlInsertBatchData[] = "INSERT INTO batch_data(bytes) VALUES(?1)";
const char SqlInsertBatch[] = "INSERT INTO batches(partition_id, base_offset, last_offset, max_timestamp, "
                              "record_count, size_bytes, data_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
const char SqlInsertBatchLocation[]
    = "INSERT INTO batches(partition_id, base_offset, last_offset, max_timestamp, record_count, size_bytes, data_id, "
      "segment_base, file_position) VALUES(?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8)";
const char SqlUpsertSegment[]
    = "INSERT OR REPLACE INTO segments(partition_id, base_offset, size_bytes, roll_timestamp, max_timestamp) "
      "VALUES(?1, ?2, ?3, ?4, ?5)";
const char SqlSelectSegments[] = "SELECT base_offset, size_bytes, roll_timestamp, max_timestamp FROM segments "
                                 "WHERE partition_id = ?1 ORDER BY base_offset";
const char SqlDeleteSegmentsBelow[] = "DELETE FROM segments WHERE partition_id = ?1 AND base_offset < ?2";
const char SqlCountDatabaseBatches[] = "SELECT count(*) FROM batches WHERE segment_base IS NULL";
const char SqlDatabaseBatches[]
    = "SELECT b.base_offset, b.last_offset, b.max_timestamp, b.record_count, b.size_bytes, b.segment_base, "
      "b.file_position, d.bytes FROM batches b CROSS JOIN batch_data d ON d.data_id = b.data_id "
      "WHERE b.partition_id = ?1 AND b.segment_base IS NULL ORDER BY b.base_offset";
const char SqlMoveBatchToSegment[] = "UPDATE batches SET segment_base = ?3, file_position = ?4, data_id = 0 WHERE "
                                     "partition_id = ?1 AND base_offset = ?2";
const char SqlDeleteBatchData[] = "DELETE FROM batch_data WHERE data_id = (SELECT data_id FROM batches "
                                  "WHERE partition_id = ?1 AND base_offset = ?2)";
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
const char SqlUpsertOffset[]
    = "INSERT OR REPLACE INTO committed_offsets(group_id, topic, partition, committed_offset, leader_epoch, metadata, "
      "commit_timestamp_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
const char SqlDeleteGroupOffsets[] = "DELETE FROM committed_offsets WHERE group_id = ?1";
const char SqlDeletePartitionOffset[]
    = "DELETE FROM committed_offsets WHERE group_id = ?1 AND topic = ?2 AND partition = ?3";
const char SqlDeleteTopicOffsets[] = "DELETE FROM committed_offsets WHERE topic = ?1";
const char SqlSelectOffsets[] = "SELECT group_id, topic, partition, committed_offset, leader_epoch, metadata, "
                                "commit_timestamp_ms FROM committed_offsets ORDER BY group_id, topic, partition";

// Resets a cached statement when the call using it returns, whatever path it takes, so no statement stays
// active (an active statement would keep a read transaction open and block a later COMMIT's checkpoint).
class Use {
public:
    explicit Use(sqlite3_stmt *s)
        : m_s(s)
    { }
    ~Use()
    {
        if (m_s) {
            sqlite3_reset(m_s);
            sqlite3_clear_bindings(m_s);
        }
    }
    Use(const Use &) = delete;
    Use &operator=(const Use &) = delete;
    explicit operator bool() const { return m_s != nullptr; }
    sqlite3_stmt *get() const { return m_s; }

    void bind(int i, qint64 v) { sqlite3_bind_int64(m_s, i, v); }
    void bind(int i, const QString &v)
    {
        const QByteArray utf8 = v.toUtf8();
        sqlite3_bind_text(m_s, i, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    }
    // The bytes must outlive the step: callers bind data they hold for the whole call.
    void bindStaticBlob(int i, QByteArrayView v)
    {
        sqlite3_bind_blob64(m_s, i, v.data(), static_cast<sqlite3_uint64>(v.size()), SQLITE_STATIC);
    }
    int step() { return sqlite3_step(m_s); }
    qint64 int64(int col) const { return sqlite3_column_int64(m_s, col); }
    QString text(int col) const
    {
        return QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_column_text(m_s, col)), sqlite3_column_bytes(m_s, col));
    }
    QByteArrayView blob(int col) const
    {
        // column_blob before column_bytes, as SQLite documents for a stable pointer.
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_s, col));
        return QByteArrayView(data, sqlite3_column_bytes(m_s, col));
    }

private:
    sqlite3_stmt *m_s;
};

StoredBatchInfo batchInfoFrom(const Use &s)
{
    StoredBatchInfo info;
    info.baseOffset = s.int64(0);
    info.lastOffset = s.int64(1);
    info.maxTimestamp = s.int64(2);
    info.recordCount = static_cast<int>(s.int64(3));
    info.sizeBytes = s.int64(4);
    // NULL reads as 0: a batch in the database says so by a NULL segment.
    const bool inDatabase = sqlite3_column_type(s.get(), 5) == SQLITE_NULL;
    info.segmentBase = inDatabase ? -1 : s.int64(5);
    info.filePosition = inDatabase ? -1 : s.int64(6);
    return info;
}

void setWhy(QString *why, const QString &text)
{
    if (why)
        *why = text;
}

// Migration 2's step: a new id for every topic that has none (all of them, at the upgrade).
bool assignTopicUuids(sqlite3 *db, QString *why)
{
    std::vector<qint64> topics;
    sqlite3_stmt *select = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT topic_id FROM topics WHERE uuid IS NULL", -1, &select, nullptr) != SQLITE_OK) {
        setWhy(why, QString::fromUtf8(sqlite3_errmsg(db)));
        return false;
    }
    int rc;
    while ((rc = sqlite3_step(select)) == SQLITE_ROW)
        topics.push_back(sqlite3_column_int64(select, 0));
    sqlite3_finalize(select);
    if (rc != SQLITE_DONE) {
        setWhy(why, QString::fromUtf8(sqlite3_errmsg(db)));
        return false;
    }
    sqlite3_stmt *update = nullptr;
    if (sqlite3_prepare_v2(db, "UPDATE topics SET uuid = ?2 WHERE topic_id = ?1", -1, &update, nullptr) != SQLITE_OK) {
        setWhy(why, QString::fromUtf8(sqlite3_errmsg(db)));
        return false;
    }
    bool ok = true;
    for (const qint64 topic : topics) {
        const TopicId id = TopicId::generate();
        sqlite3_bind_int64(update, 1, topic);
        sqlite3_bind_blob(update, 2, id.bytes().data(), TopicId::Size, SQLITE_TRANSIENT);
        ok = sqlite3_step(update) == SQLITE_DONE;
        sqlite3_reset(update);
        if (!ok) {
            setWhy(why, QString::fromUtf8(sqlite3_errmsg(db)));
            break;
        }
    }
    sqlite3_finalize(update);
    if (ok && !topics.empty())
        qCInfo(lcStorage).noquote() << "gave" << topics.size() << "existing topic(s) a topic id";
    return ok;
}

} // namespace

SqliteStore::SqliteStore(sqlite3 *db, const QString &path)
    : m_db(db)
    , m_path(path)
{ }

SqliteStore::~SqliteStore()
{
    for (const auto &entry : m_statements)
        sqlite3_finalize(entry.second);
    sqlite3_close(m_db);
}

std::unique_ptr<SqliteStore> SqliteStore::open(const QString &path, bool fsyncEachCommit, QString *error)
{
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
    std::unique_ptr<SqliteStore> store(new SqliteStore(db, path));
    QString why;
    if (!store->configure(fsyncEachCommit, &why) || !store->migrate(&why)) {
        setWhy(error, QStringLiteral("cannot open database %1: %2").arg(path, why));
        qCWarning(lcStorage).noquote() << "cannot open database" << path << why;
        return nullptr;
    }
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

bool SqliteStore::configure(bool fsyncEachCommit, QString *why)
{
    // Held for the connection's life: a second process (or a second store in this one) gets "database is
    // locked" instead of writing beside us, and WAL needs no shared-memory file.
    if (!exec("PRAGMA locking_mode = EXCLUSIVE", why))
        return false;

    qint64 applicationId = 0;
    qint64 userVersion = 0;
    qint64 objectCount = 0;
    // The first read is where SQLite notices a file that is not a database at all, or one locked by another.
    if (!queryRow(
            "SELECT (SELECT application_id FROM pragma_application_id), "
            "(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)",
            [&](sqlite3_stmt *s) {
                applicationId = sqlite3_column_int64(s, 0);
                userVersion = sqlite3_column_int64(s, 1);
                objectCount = sqlite3_column_int64(s, 2);
            },
            why))
        return false;

    const bool fresh = applicationId == 0 && userVersion == 0 && objectCount == 0;
    if (!fresh && static_cast<quint32>(applicationId) != ApplicationId) {
        setWhy(why,
            QStringLiteral("not a Topicscope database (application_id 0x%1, expected 0x%2)")
                .arg(static_cast<quint32>(applicationId), 8, 16, QLatin1Char('0'))
                .arg(ApplicationId, 8, 16, QLatin1Char('0')));
        return false;
    }
    if (userVersion > SchemaVersion) {
        setWhy(why,
            QStringLiteral("database schema version %1 is newer than this build of Topicscope supports (%2); "
                           "open it with a newer Topicscope")
                .arg(userVersion)
                .arg(SchemaVersion));
        return false;
    }
    if (fresh) {
        // 16 KiB pages: a commit writes every page it touches to the WAL, so small commits (one record per
        // produce at low rates) pay per page: 64 KiB pages put ~196 KB in the WAL per record and a 48 ms p99
        // on the wire latency benchmark, 16 KiB pages 19 ms, while bulk appends and reads measured the same
        // (bench/REPORT.md). 4 KiB pages halve bulk throughput (batches spill into overflow chains).
        // Only takes effect before the first table is created.
        if (!exec("PRAGMA page_size = 16384", why))
            return false;
    }
    QString mode;
    if (!queryRow(
            "PRAGMA journal_mode = WAL",
            [&](sqlite3_stmt *s) {
                mode = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)));
            },
            why))
        return false;
    // An in-memory database answers "memory"; anything else means WAL could not be enabled.
    if (mode != QLatin1String("wal") && mode != QLatin1String("memory")) {
        setWhy(why, QStringLiteral("cannot enable WAL journal mode (got %1)").arg(mode));
        return false;
    }

    // NORMAL in WAL mode: a commit is durable against a killed process (the WAL is written before COMMIT
    // returns) but not against power loss; FULL adds an fsync per commit.
    if (!exec(fsyncEachCommit ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL", why))
        return false;
    if (!exec("PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA journal_size_limit = 67108864", why))
        return false;
    return queryRow(
        "PRAGMA max_page_count", [&](sqlite3_stmt *s) { m_defaultMaxPageCount = sqlite3_column_int64(s, 0); }, why);
}

bool SqliteStore::migrate(QString *why)
{
    qint64 current = 0;
    if (!queryRow(
            "PRAGMA user_version", [&](sqlite3_stmt *s) { current = sqlite3_column_int64(s, 0); }, why))
        return false;
    for (const Migration &migration : Migrations) {
        if (migration.version <= current)
            continue;
        QString error;
        const QByteArray bump = QByteArrayLiteral("PRAGMA user_version = ") + QByteArray::number(migration.version)
            + QByteArrayLiteral("; PRAGMA application_id = ") + QByteArray::number(ApplicationId);
        if (!exec("BEGIN", &error) || !exec(migration.sql, &error) || (migration.step && !migration.step(m_db, &error))
            || !exec(bump.constData(), &error) || !exec("COMMIT", &error)) {
            exec("ROLLBACK", nullptr);
            setWhy(why, QStringLiteral("schema migration to version %1 failed: %2").arg(migration.version).arg(error));
            return false;
        }
        qCDebug(lcStorage).noquote() << "migrated" << m_path << "to schema version" << migration.version;
        current = migration.version;
    }
    return true;
}

bool SqliteStore::begin(QString *why)
{
    Use s(statement(SqlBegin, why));
    if (!s)
        return false;
    if (s.step() != SQLITE_DONE) {
        setWhy(why, lastError("BEGIN"));
        return false;
    }
    return true;
}

bool SqliteStore::commit(QString *why)
{
    Use s(statement(SqlCommit, why));
    if (!s)
        return false;
    if (s.step() != SQLITE_DONE) {
        setWhy(why, lastError("COMMIT"));
        return false;
    }
    return true;
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
        Use s(statement(SqlSelectTopics, why));
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
        Use s(statement(SqlSelectConfigs, why));
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
        Use s(statement(SqlSelectPartitions, why));
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
    {
        Use s(statement(SqlInsertTopic, why));
        if (!s)
            return false;
        s.bind(1, name);
        s.bindStaticBlob(2, uuid.bytes());
        if (s.step() != SQLITE_DONE) {
            setWhy(why, lastError("storing the topic"));
            return false;
        }
    }
    *topicId = sqlite3_last_insert_rowid(m_db);
    return replaceTopicConfigs(*topicId, configs, why);
}

bool SqliteStore::replaceTopicConfigs(qint64 topicId, const QMap<QString, QString> &configs, QString *why)
{
    {
        Use s(statement(SqlDeleteConfigs, why));
        if (!s)
            return false;
        s.bind(1, topicId);
        if (s.step() != SQLITE_DONE) {
            setWhy(why, lastError("replacing topic configs"));
            return false;
        }
    }
    for (auto it = configs.cbegin(); it != configs.cend(); ++it) {
        Use s(statement(SqlInsertConfig, why));
        if (!s)
            return false;
        s.bind(1, topicId);
        s.bind(2, it.key());
        s.bind(3, it.value());
        if (s.step() != SQLITE_DONE) {
            setWhy(why, lastError("storing a topic config"));
            return false;
        }
    }
    return true;
}

bool SqliteStore::insertPartition(qint64 topicId, int partition, qint64 *partitionId, QString *why)
{
    Use s(statement(SqlInsertPartition, why));
    if (!s)
        return false;
    s.bind(1, topicId);
    s.bind(2, partition);
    if (s.step() != SQLITE_DONE) {
        setWhy(why, lastError("storing a partition"));
        return false;
    }
    *partitionId = sqlite3_last_insert_rowid(m_db);
    return true;
}

bool SqliteStore::deleteTopic(qint64 topicId, const QString &name, QString *why)
{
    for (const char *sql : {SqlDeleteTopicData, SqlDeleteTopicBatches, SqlDeleteTopicSegments, SqlDeleteTopicPartitions,
             SqlDeleteConfigs, SqlDeleteTopic}) {
        Use s(statement(sql, why));
        if (!s)
            return false;
        s.bind(1, topicId);
        if (s.step() != SQLITE_DONE) {
            setWhy(why, lastError("deleting the topic"));
            return false;
        }
    }
    Use s(statement(SqlDeleteTopicOffsets, why));
    if (!s)
        return false;
    s.bind(1, name);
    if (s.step() != SQLITE_DONE) {
        setWhy(why, lastError("deleting the topic's committed offsets"));
        return false;
    }
    return true;
}

bool SqliteStore::insertBatch(qint64 partitionId, const StoredBatchInfo &info, QByteArrayView bytes, QString *why)
{
    {
        Use s(statement(SqlInsertBatchData, why));
        if (!s)
            return false;
        s.bindStaticBlob(1, bytes);
        if (s.step() != SQLITE_DONE) {
            setWhy(why, lastError("storing a record batch"));
            return false;
        }
    }
    const qint64 dataId = sqlite3_last_insert_rowid(m_db);
    Use s(statement(SqlInsertBatch, why));
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

bool SqliteStore::run(const char *sql, std::initializer_list<qint64> parameters, const char *what, QString *why)
{
    Use s(statement(sql, why));
    if (!s)
        return false;
    int index = 0;
    for (const qint64 parameter : parameters)
        s.bind(++index, parameter);
    if (s.step() != SQLITE_DONE) {
        setWhy(why, lastError(what));
        return false;
    }
    return true;
}

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
    Use s(statement(SqlSelectSegments, why));
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

bool SqliteStore::countDatabaseBatches(qint64 *count, QString *why) const
{
    Use s(statement(SqlCountDatabaseBatches, why));
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
    Use s(statement(SqlDatabaseBatches, why));
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

bool SqliteStore::updatePartition(const StoredPartition &state, QString *why)
{
    Use s(statement(SqlUpdatePartition, why));
    if (!s)
        return false;
    s.bind(1, state.partitionId);
    s.bind(2, state.logStartOffset);
    s.bind(3, state.logEndOffset);
    s.bind(4, state.sizeBytes);
    s.bind(5, state.lastAppendTimeMs);
    if (s.step() != SQLITE_DONE) {
        setWhy(why, lastError("updating the partition state"));
        return false;
    }
    return true;
}

bool SqliteStore::deleteBatchesBelow(qint64 partitionId, qint64 offset, qint64 *deletedBytes, QString *why)
{
    {
        Use s(statement(SqlSumBelow, why));
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
        Use s(statement(sql, why));
        if (!s)
            return false;
        s.bind(1, partitionId);
        s.bind(2, offset);
        if (s.step() != SQLITE_DONE) {
            setWhy(why, lastError("deleting record batches"));
            return false;
        }
    }
    return true;
}

bool SqliteStore::readBatches(
    qint64 partitionId, qint64 fetchOffset, qint64 maxBytes, QByteArray *out, int *batchCount, QString *why) const
{
    *batchCount = 0;
    Use s(statement(SqlReadBatches, why));
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
    Use s(statement(SqlScanBatches, why));
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
    Use s(statement(sql, why));
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

bool SqliteStore::savepoint(QString *why)
{
    Use s(statement(SqlSavepoint, why));
    if (!s)
        return false;
    if (s.step() != SQLITE_DONE) {
        setWhy(why, lastError("SAVEPOINT"));
        return false;
    }
    return true;
}

void SqliteStore::releaseSavepoint(bool success)
{
    if (success) {
        Use s(statement(SqlRelease, nullptr));
        if (s && s.step() == SQLITE_DONE)
            return;
    }
    // Undo and end the savepoint; either may fail if SQLite already rolled everything back after an error.
    for (const char *sql : {SqlRollbackTo, SqlRelease}) {
        Use s(statement(sql, nullptr));
        if (s)
            s.step();
    }
}

ErrorCode SqliteStore::saveOffsets(const QString &groupId, const std::vector<CommittedOffset> &offsets, QString *why)
{
    if (!savepoint(why))
        return ErrorCode::KafkaStorageError;
    for (const CommittedOffset &o : offsets) {
        Use s(statement(SqlUpsertOffset, why));
        if (!s) {
            releaseSavepoint(false);
            return ErrorCode::KafkaStorageError;
        }
        s.bind(1, groupId);
        s.bind(2, o.topicPartition.topic);
        s.bind(3, o.topicPartition.partition);
        s.bind(4, o.offset);
        s.bind(5, o.leaderEpoch);
        s.bind(6, o.metadata);
        s.bind(7, o.commitTimestampMs);
        if (s.step() != SQLITE_DONE) {
            setWhy(why, lastError("storing committed offsets"));
            releaseSavepoint(false);
            return ErrorCode::KafkaStorageError;
        }
    }
    Use release(statement(SqlRelease, why));
    if (!release || release.step() != SQLITE_DONE) {
        setWhy(why, lastError("committing offsets"));
        releaseSavepoint(false);
        return ErrorCode::KafkaStorageError;
    }
    return ErrorCode::None;
}

ErrorCode SqliteStore::deleteGroupOffsets(const QString &groupId)
{
    Use s(statement(SqlDeleteGroupOffsets, nullptr));
    if (!s)
        return ErrorCode::KafkaStorageError;
    s.bind(1, groupId);
    // A single statement is atomic on its own (autocommit) or inside the caller's transaction.
    if (s.step() != SQLITE_DONE) {
        qCWarning(lcStorage).noquote() << lastError("deleting group offsets");
        return ErrorCode::KafkaStorageError;
    }
    return ErrorCode::None;
}

ErrorCode SqliteStore::deleteOffsets(const QString &groupId, const QList<TopicPartition> &partitions)
{
    if (!savepoint(nullptr))
        return ErrorCode::KafkaStorageError;
    for (const TopicPartition &tp : partitions) {
        Use s(statement(SqlDeletePartitionOffset, nullptr));
        if (!s) {
            releaseSavepoint(false);
            return ErrorCode::KafkaStorageError;
        }
        s.bind(1, groupId);
        s.bind(2, tp.topic);
        s.bind(3, tp.partition);
        if (s.step() != SQLITE_DONE) {
            qCWarning(lcStorage).noquote() << lastError("deleting committed offsets");
            releaseSavepoint(false);
            return ErrorCode::KafkaStorageError;
        }
    }
    Use release(statement(SqlRelease, nullptr));
    if (!release || release.step() != SQLITE_DONE) {
        qCWarning(lcStorage).noquote() << lastError("committing the deletion of offsets");
        releaseSavepoint(false);
        return ErrorCode::KafkaStorageError;
    }
    return ErrorCode::None;
}

ErrorCode SqliteStore::deleteTopicOffsets(const QString &topic)
{
    Use s(statement(SqlDeleteTopicOffsets, nullptr));
    if (!s)
        return ErrorCode::KafkaStorageError;
    s.bind(1, topic);
    if (s.step() != SQLITE_DONE) {
        qCWarning(lcStorage).noquote() << lastError("deleting topic offsets");
        return ErrorCode::KafkaStorageError;
    }
    return ErrorCode::None;
}

QMap<QString, std::vector<CommittedOffset>> SqliteStore::loadOffsets(QString *why) const
{
    QMap<QString, std::vector<CommittedOffset>> result;
    Use s(statement(SqlSelectOffsets, why));
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
