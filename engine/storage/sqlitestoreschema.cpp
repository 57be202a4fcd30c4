#include "sqlitestore.h"

#include "core/setwhy.h"
#include "storagelogging.h"

#include <QLoggingCategory>
#include <sqlite3.h>

// SqliteStore's schema: the connection's settings and the ordered migrations from an empty file to SchemaVersion.

namespace topicscope::engine {

namespace {

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
    // Producer-state snapshots (ProducerStateManager), Kafka's .snapshot files as rows: per partition, the offset the
    // snapshot was taken at and each idempotent producer's epoch and last batches below it. One snapshot per
    // partition, replaced whole. Partitions stored before this version have none until their first segment roll or
    // clean shutdown; their state is rebuilt from the log until then.
    {4, R"sql(
        CREATE TABLE producer_snapshots(
            partition_id INTEGER PRIMARY KEY,
            snapshot_offset INTEGER NOT NULL);
        CREATE TABLE producer_batches(
            partition_id INTEGER NOT NULL,
            producer_id INTEGER NOT NULL,
            producer_epoch INTEGER NOT NULL,
            first_offset INTEGER NOT NULL,
            last_offset INTEGER NOT NULL,
            first_sequence INTEGER NOT NULL,
            last_sequence INTEGER NOT NULL,
            PRIMARY KEY(partition_id, producer_id, first_offset)) WITHOUT ROWID;
    )sql"},
};

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

bool SqliteStore::configure(bool fsyncEachCommit, QString *why)
{
    // Normal locking, not EXCLUSIVE: the WAL checkpointer's connection (WalCheckpointer) shares the database. A second
    // store on the same directory is refused before SQLite opens anything (SqliteStore::lockDirectory).
    qint64 applicationId = 0;
    qint64 userVersion = 0;
    qint64 objectCount = 0;
    // The first read is where SQLite notices a file that is not a database at all.
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
        // Record bytes live in segment files, so on disk the database holds the index and small rows only, and
        // its cost is what each commit writes to the WAL: every page it touches, whole. A single-record produce
        // touches three (batches, segments, partitions): 52 KiB of WAL with 16 KiB pages, 13 KiB with 4 KiB, and
        // at 1,000 records/s those writes and their writeback were the broker's largest disk load (wire latency
        // benchmark, bench/REPORT-wire.md). In memory the database still holds batch bytes (batch_data), where
        // 4 KiB pages halve bulk throughput (blobs spill into overflow chains, bench/REPORT.md): 16 KiB there.
        // Only takes effect before the first table is created; an older database keeps its 16 KiB pages.
        if (!exec(m_path == inMemoryPath() ? "PRAGMA page_size = 16384" : "PRAGMA page_size = 4096", why))
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
    // wal_autocheckpoint stands for an in-memory store only: on disk SqliteStore::walHook replaces it. No
    // journal_size_limit: with one, the first commit after a checkpoint of a grown WAL truncates the file, on the
    // engine thread, freeing up to 128 MiB of dirty pages (60-300 ms under disk load). The WAL file keeps its
    // largest size instead, which SqliteStore::HardWalBytes bounds.
    if (!exec("PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA journal_size_limit = -1; "
              "PRAGMA wal_autocheckpoint = 250",
            why))
        return false;
    if (!queryRow(
            "PRAGMA page_size", [&](sqlite3_stmt *s) { m_pageSize = sqlite3_column_int(s, 0); }, why))
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

} // namespace topicscope::engine
