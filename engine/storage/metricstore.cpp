#include "metricstore.h"

#include <QFile>
#include <QLoggingCategory>
#include <cmath>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcMetricStore, "topicscope.engine.storage.metrics")

namespace topicscope::engine {

namespace {

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// A prepared statement finalized when the call using it returns: these run a few times a minute, so caching them
// would buy nothing.
struct Statement {
    sqlite3_stmt *s = nullptr;
    ~Statement() { sqlite3_finalize(s); }
    void bind(int i, qint64 v) { sqlite3_bind_int64(s, i, v); }
    void bind(int i, double v) { sqlite3_bind_double(s, i, v); }
    void bind(int i, const QString &v)
    {
        const QByteArray utf8 = v.toUtf8();
        sqlite3_bind_text(s, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    QString text(int col) const
    {
        return QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_column_text(s, col)), sqlite3_column_bytes(s, col));
    }
};

} // namespace

MetricStore::MetricStore(const QString &path, sqlite3 *db)
    : m_path(path)
    , m_db(db)
{ }

MetricStore::~MetricStore()
{
    sqlite3_close(m_db);
}

std::unique_ptr<MetricStore> MetricStore::open(const QString &path, QString *error)
{
    // Created 0600 before SQLite opens it (SQLite would follow the umask); its -wal and -shm files take its mode.
    const QByteArray encoded = QFile::encodeName(path);
    const int fd = ::open(encoded.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        setError(error, QStringLiteral("cannot open the history file %1: %2").arg(path, qt_error_string(errno)));
        return nullptr;
    }
    ::close(fd);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(
        encoded.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<MetricStore> store(new MetricStore(path, db));
    if (rc != SQLITE_OK) {
        setError(error, QStringLiteral("cannot open the history file %1: %2").arg(path, store->lastError()));
        return nullptr;
    }
    sqlite3_extended_result_codes(db, 1);
    QString why;
    // A damaged or foreign file fails here, on its first read: SQLite opens any file lazily.
    // busy_timeout: another Topicscope (or window) writing the same cluster's file holds it for milliseconds; this
    // thread may wait that long, the GUI never does.
    if (!store->exec("PRAGMA busy_timeout = 2000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", &why)
        || !store->migrate(&why)) {
        setError(error, QStringLiteral("cannot read the history file %1: %2").arg(path, why));
        return nullptr;
    }
    qCDebug(lcMetricStore).noquote() << "opened" << path;
    return store;
}

QString MetricStore::lastError() const
{
    return QStringLiteral("%1 (SQLite code %2)")
        .arg(QString::fromUtf8(sqlite3_errmsg(m_db)))
        .arg(sqlite3_extended_errcode(m_db));
}

bool MetricStore::exec(const char *sql, QString *error)
{
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    setError(error, lastError());
    return false;
}

sqlite3_stmt *MetricStore::prepare(const char *sql, QString *error)
{
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &s, nullptr) != SQLITE_OK) {
        setError(error, lastError());
        sqlite3_finalize(s);
        return nullptr;
    }
    return s;
}

bool MetricStore::migrate(QString *error)
{
    Statement version {prepare("PRAGMA user_version", error)};
    Statement application {prepare("PRAGMA application_id", error)};
    if (!version.s || !application.s || sqlite3_step(version.s) != SQLITE_ROW
        || sqlite3_step(application.s) != SQLITE_ROW) {
        setError(error, lastError());
        return false;
    }
    const qint64 current = sqlite3_column_int64(version.s, 0);
    const qint64 app = sqlite3_column_int64(application.s, 0);
    if (current == SchemaVersion && app == ApplicationId)
        return true;
    if (current > SchemaVersion) {
        setError(error,
            QStringLiteral("written by a newer Topicscope (history schema %1, this one reads %2)")
                .arg(current)
                .arg(SchemaVersion));
        return false;
    }
    if (current != 0 || app != 0) {
        setError(error, QStringLiteral("not a Topicscope history file"));
        return false;
    }
    // Version 1. The key (time, series) finds a time range and the oldest samples without a second index.
    if (exec("BEGIN;"
             "CREATE TABLE series (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
             "CREATE TABLE samples (time_ms INTEGER NOT NULL, series_id INTEGER NOT NULL, value REAL NOT NULL,"
             " PRIMARY KEY (time_ms, series_id)) WITHOUT ROWID;"
             "PRAGMA user_version = 1; PRAGMA application_id = 1414745416;"
             "COMMIT",
            error))
        return true;
    exec("ROLLBACK", nullptr);
    return false;
}

qint64 MetricStore::seriesId(const QString &name, QString *error)
{
    if (const auto it = m_seriesIds.constFind(name); it != m_seriesIds.cend())
        return *it;
    Statement insert {prepare("INSERT OR IGNORE INTO series (name) VALUES (?1)", error)};
    Statement select {prepare("SELECT id FROM series WHERE name = ?1", error)};
    if (!insert.s || !select.s)
        return -1;
    insert.bind(1, name);
    select.bind(1, name);
    if (sqlite3_step(insert.s) != SQLITE_DONE || sqlite3_step(select.s) != SQLITE_ROW) {
        setError(error, lastError());
        return -1;
    }
    const qint64 id = sqlite3_column_int64(select.s, 0);
    m_seriesIds.insert(name, id);
    return id;
}

bool MetricStore::append(const QList<MetricSample> &samples, QString *error)
{
    if (!exec("BEGIN", error))
        return false;
    bool ok = true;
    {
        Statement insert {
            prepare("INSERT OR REPLACE INTO samples (time_ms, series_id, value) VALUES (?1, ?2, ?3)", error)};
        ok = insert.s != nullptr;
        for (const MetricSample &sample : samples) {
            if (!ok)
                break;
            const qint64 id = seriesId(sample.series, error);
            if (id < 0) {
                ok = false;
                break;
            }
            insert.bind(1, sample.timeMs);
            insert.bind(2, id);
            insert.bind(3, sample.value);
            ok = sqlite3_step(insert.s) == SQLITE_DONE;
            if (!ok)
                setError(error, lastError());
            sqlite3_reset(insert.s);
        }
    }
    if (ok && exec("COMMIT", error))
        return true;
    exec("ROLLBACK", nullptr);
    m_seriesIds.clear(); // ids inserted by the rolled back transaction are gone
    return false;
}

bool MetricStore::read(const MetricQuery &query, MetricQueryResult &result, QString *error)
{
    result.series.clear();
    result.firstTimeMs = 0;
    {
        Statement first {prepare("SELECT MIN(time_ms) FROM samples", error)};
        if (!first.s || sqlite3_step(first.s) != SQLITE_ROW) {
            setError(error, lastError());
            return false;
        }
        result.firstTimeMs = sqlite3_column_int64(first.s, 0);
    }
    if (query.toMs < query.fromMs)
        return true;
    const qint64 span = query.toMs - query.fromMs + 1;
    const qint64 points = std::max(1, query.maxPoints);
    const qint64 bucketMs = std::max<qint64>(1, (span + points - 1) / points);
    Statement select {prepare("SELECT s.name, AVG(t.time_ms), AVG(t.value), (t.time_ms - ?1) / ?3 AS bucket"
                              " FROM samples t JOIN series s ON s.id = t.series_id"
                              " WHERE t.time_ms BETWEEN ?1 AND ?2 AND (?4 = '' OR instr(s.name, ?4) = 1)"
                              " GROUP BY t.series_id, bucket ORDER BY t.series_id, bucket",
        error)};
    if (!select.s)
        return false;
    select.bind(1, query.fromMs);
    select.bind(2, query.toMs);
    select.bind(3, bucketMs);
    select.bind(4, query.seriesPrefix);
    int rc;
    while ((rc = sqlite3_step(select.s)) == SQLITE_ROW) {
        MetricPoint point;
        point.timeMs = qint64(std::llround(sqlite3_column_double(select.s, 1)));
        point.value = sqlite3_column_double(select.s, 2);
        result.series[select.text(0)].append(point);
    }
    if (rc != SQLITE_DONE) {
        setError(error, lastError());
        result.series.clear();
        return false;
    }
    return true;
}

qint64 MetricStore::prune(qint64 cutoffMs, qint64 maxRows, QString *error)
{
    Statement old {prepare("DELETE FROM samples WHERE time_ms < ?1", error)};
    if (!old.s)
        return -1;
    old.bind(1, cutoffMs);
    if (sqlite3_step(old.s) != SQLITE_DONE) {
        setError(error, lastError());
        return -1;
    }
    qint64 deleted = sqlite3_changes64(m_db);
    // Beyond the row bound, the oldest go first, whole moments at a time (every series of a moment together).
    Statement newestKept {prepare("SELECT time_ms FROM samples ORDER BY time_ms DESC LIMIT 1 OFFSET ?1", error)};
    if (!newestKept.s)
        return -1;
    newestKept.bind(1, maxRows);
    const int rc = sqlite3_step(newestKept.s);
    if (rc == SQLITE_ROW) {
        Statement excess {prepare("DELETE FROM samples WHERE time_ms <= ?1", error)};
        if (!excess.s)
            return -1;
        excess.bind(1, sqlite3_column_int64(newestKept.s, 0));
        if (sqlite3_step(excess.s) != SQLITE_DONE) {
            setError(error, lastError());
            return -1;
        }
        deleted += sqlite3_changes64(m_db);
    } else if (rc != SQLITE_DONE) {
        setError(error, lastError());
        return -1;
    }
    if (deleted > 0)
        qCDebug(lcMetricStore).noquote() << "pruned" << deleted << "samples from" << m_path;
    return deleted;
}

qint64 MetricStore::rowCount(QString *error)
{
    Statement count {prepare("SELECT COUNT(*) FROM samples", error)};
    if (!count.s || sqlite3_step(count.s) != SQLITE_ROW) {
        setError(error, lastError());
        return -1;
    }
    return sqlite3_column_int64(count.s, 0);
}

} // namespace topicscope::engine
