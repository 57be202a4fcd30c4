#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace topicscope::engine {

// One value of one series at one moment, e.g. ("lag/orders-service", 1200) at 10:02:13.
struct MetricSample {
    qint64 timeMs = 0; // ms since the epoch
    QString series;
    double value = 0;
    bool operator==(const MetricSample &) const = default;
};

struct MetricPoint {
    qint64 timeMs = 0;
    double value = 0;
    bool operator==(const MetricPoint &) const = default;
};

} // namespace topicscope::engine

Q_DECLARE_TYPEINFO(topicscope::engine::MetricSample, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(topicscope::engine::MetricPoint, Q_PRIMITIVE_TYPE);

namespace topicscope::engine {

// What stored history to read: the series of one cluster whose names start with seriesPrefix ("" = all), between
// fromMs and toMs (both included), at most maxPoints points per series. A longer stretch is averaged per bucket of
// (toMs - fromMs + 1) / maxPoints ms (rounded up): each point is the mean time and the mean value of the samples
// in its bucket.
struct MetricQuery {
    QString clusterKey;
    QString seriesPrefix;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int maxPoints = 900;
};

struct MetricQueryResult {
    MetricQuery query;
    QMap<QString, QList<MetricPoint>> series; // by name, points oldest first
    qint64 firstTimeMs = 0; // the oldest sample kept for the cluster (any series); 0 when none
    QString location; // where the history is kept (a file path), for the user
    QString error; // why the history could not be read, in plain words; empty when it was
    bool ok() const { return error.isEmpty(); }
};

// Where the charts keep their history across runs, per cluster (clusterKey: the cluster's id). The UI appends
// samples and asks for stored history through this interface only; the engine implements it (SqliteMetricArchive,
// one SQLite file per cluster on a thread of its own) and the app injects it. Neither call waits for the disk:
// appends are queued, and each query is answered by queryAnswered on the thread the archive lives on. Lives on the
// GUI thread.
class MetricArchive : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~MetricArchive() override = default;

    // Stores the samples (one batch: one transaction). A failure is reported by archiveFailed.
    virtual void append(const QString &clusterKey, const QList<MetricSample> &samples) = 0;
    // Answered by queryAnswered(requestId, result), also when the history cannot be read (result.error).
    virtual quint64 query(const MetricQuery &query) = 0;
    // How long samples are kept.
    virtual qint64 retentionMs() const = 0;

Q_SIGNALS:
    void queryAnswered(quint64 requestId, const topicscope::engine::MetricQueryResult &result);
    // A cluster's history cannot be written (or read): why, in plain words. Reported once per cluster and cause.
    void archiveFailed(const QString &clusterKey, const QString &message);

protected:
    quint64 nextRequestId() { return m_nextRequestId++; }

private:
    quint64 m_nextRequestId = 1;
};

} // namespace topicscope::engine

Q_DECLARE_METATYPE(topicscope::engine::MetricQueryResult)
