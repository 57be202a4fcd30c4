#pragma once

#include "metricarchive.h"

#include <functional>
#include <memory>

class QThread;

namespace topicscope::engine {

class MetricStores;
template <typename Target> class WorkerChannel;

// The charts' history on disk (MetricArchive): one SQLite file per cluster (MetricStore) in one directory, every
// file opened, written, pruned and read on a thread of this archive's own, so the GUI thread never waits for the
// disk: append() and query() only queue work. The directory is created 0700, each file 0600. Bounded per cluster:
// samples older than retentionMs go, and beyond maxRowsPerCluster the oldest go first (checked when a file is
// opened and every pruneEveryAppends batches). A file that cannot be opened or read (damaged, foreign, not
// writable) is reported once by archiveFailed and in every query's answer, is left as it is, and that cluster goes
// without history while the others keep theirs. Lives on the thread that created it (the GUI thread).
class SqliteMetricArchive : public MetricArchive {
    Q_OBJECT
public:
    struct Options {
        QString directory;
        qint64 retentionMs = qint64(7) * 24 * 3600 * 1000;
        // About 25 bytes per sample on disk (key and value in a WITHOUT ROWID table): 2,000,000 is ~50 MB a file.
        qint64 maxRowsPerCluster = 2'000'000;
        int pruneEveryAppends = 360; // an hour of the charts' 10 s batches
        std::function<qint64()> nowMs; // the wall clock when empty; tests set their own
        // Test seam, run on the worker thread before each batch is written (a slow disk).
        std::function<void()> beforeWrite;
    };

    explicit SqliteMetricArchive(Options options, QObject *parent = nullptr);
    // The one place that waits: the work already queued is done (the last batches written), then the thread stops.
    ~SqliteMetricArchive() override;

    void append(const QString &clusterKey, const QList<MetricSample> &samples) override;
    quint64 query(const MetricQuery &query) override;
    qint64 retentionMs() const override { return m_retentionMs; }

    // The file a cluster's history lives in: its id with anything but [A-Za-z0-9_-] replaced, and a hash of the
    // id added when something was replaced or cut, so two ids never share a file. Kafka's ids (22 characters of
    // URL-safe base64) stay as they are: "<id>.sqlite".
    static QString fileNameFor(const QString &clusterKey);
    QString directory() const { return m_directory; }

private:
    QString m_directory;
    qint64 m_retentionMs;
    QThread *m_thread = nullptr;
    QObject *m_mailbox = nullptr; // on the worker thread; deleted once it has stopped
    MetricStores *m_stores = nullptr; // worker thread only; deleted once it has stopped
    std::unique_ptr<WorkerChannel<MetricStores>> m_worker;
};

} // namespace topicscope::engine
