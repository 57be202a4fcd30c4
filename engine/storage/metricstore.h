#pragma once

#include "metricarchive.h"

#include <QHash>
#include <QString>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace topicscope::engine {

// One cluster's chart history in one SQLite file: samples (time, series, value) keyed by time then series, so that
// a time range and the oldest samples are found by the key alone. Synchronous and single-threaded, like the rest of
// the storage core: SqliteMetricArchive (runtime) owns these on its own thread. The file is created 0600; a file
// that is not a history file of ours (or not a database at all) is refused with the reason, and left as it is.
class MetricStore {
public:
    static std::unique_ptr<MetricStore> open(const QString &path, QString *error);
    ~MetricStore();
    MetricStore(const MetricStore &) = delete;
    MetricStore &operator=(const MetricStore &) = delete;

    // One transaction. A sample at the time of one already stored for its series replaces it.
    bool append(const QList<MetricSample> &samples, QString *error);
    // Fills result.series and result.firstTimeMs for query (see MetricQuery for the downsampling).
    bool read(const MetricQuery &query, MetricQueryResult &result, QString *error);
    // Deletes the samples older than cutoffMs, then the oldest ones beyond maxRows; how many went.
    qint64 prune(qint64 cutoffMs, qint64 maxRows, QString *error);
    qint64 rowCount(QString *error);
    QString path() const { return m_path; }

    static constexpr int SchemaVersion = 1;
    static constexpr int ApplicationId = 0x54534D48; // "TSMH": a Topicscope metric history file

private:
    MetricStore(const QString &path, sqlite3 *db);
    bool exec(const char *sql, QString *error);
    bool migrate(QString *error);
    sqlite3_stmt *prepare(const char *sql, QString *error);
    qint64 seriesId(const QString &name, QString *error);
    QString lastError() const;

    QString m_path;
    sqlite3 *m_db = nullptr;
    QHash<QString, qint64> m_seriesIds;
};

} // namespace topicscope::engine
