#pragma once

#include "brokersnapshot.h"
#include "metrichistory.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;

namespace topicscope::engine {
class MetricArchive;
struct MetricQueryResult;
struct MetricSample;
} // namespace topicscope::engine

namespace topicscope::ui {

class TimeSeriesChart;

// Produce and consume rates and lag per group over time, sampled from snapshots (history kept while the app
// runs), each exportable as PNG and CSV. The scope picks what the rate charts show: one line per topic, or one
// line per partition of one topic ("orders-0", Kafka's notation). Produce rate = records appended; consume
// rate = how fast the groups' committed offsets advance (summed over groups), see
// BrokerSnapshot::partitionConsumeRates.
//
// With an archive (setArchive), the per-topic rates and the lag per group outlive the window: on the first snapshot
// naming its cluster (BrokerSnapshot::clusterId) the view asks for the last hour kept for it and shows it before the
// live samples, and it writes what it samples to the archive as 10-second averages, one batch per 10 s (and what is
// left when it closes). Per-partition series stay live only. An in-memory broker has a new cluster id each run, so
// its history is not kept. The note above the charts says where the history came from, or why there is none. GUI
// thread.
class ChartsView : public QWidget {
    Q_OBJECT
public:
    static constexpr qint64 HistoryLoadMs = 3600 * 1000; // read back on the first snapshot: the last hour
    static constexpr int HistoryLoadPoints = 900; // at most, per series: 4 s buckets over that hour
    static constexpr qint64 ArchiveWriteIntervalMs = 10 * 1000; // one batch of averages per 10 s
    static constexpr int RangePoints = 720; // per series, for a longer range read from the archive
    static constexpr qint64 RangeRefreshMs = 60 * 1000; // a longer range is read again once a minute
    // Archive series names: "produce/<topic>", "consume/<topic>", "lag/<group>".
    static QString produceSeries(const QString &topic);
    static QString consumeSeries(const QString &topic);
    static QString lagSeries(const QString &group);

    explicit ChartsView(QWidget *parent = nullptr);
    ~ChartsView() override; // writes what is pending
    // Where history is kept and read from; the archive outlives the view. Set before the first snapshot.
    void setArchive(engine::MetricArchive *archive);
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    // Where the charts' history came from ("since 10:02, from the history file"), or why there is none.
    QString historyNote() const;
    // 0: the last hour read back and the live samples (the default). Else the charts show the last rangeMs (24 h,
    // 7 days) per topic and group as read from the archive, averaged to RangePoints points and read again every
    // RangeRefreshMs; the scope box waits meanwhile (per-partition series are live only). Offered once the view
    // keeps history for its cluster.
    void setHistoryRange(qint64 rangeMs);
    qint64 historyRange() const { return m_rangeMs; }
    // Empty: per topic; a topic name: per partition of that topic.
    void setScope(const QString &topic);
    QString scope() const { return m_scope; }
    TimeSeriesChart *rateChart() const { return m_rate; }
    TimeSeriesChart *consumeChart() const { return m_consume; }
    TimeSeriesChart *lagChart() const { return m_lag; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void elideHistoryNote();
    void followCluster(const engine::BrokerSnapshot &snapshot);
    void onQueryAnswered(quint64 requestId, const engine::MetricQueryResult &result);
    void showStoredHistory(const engine::MetricQueryResult &result);
    void requestRange(qint64 nowMs);
    void showRange(const engine::MetricQueryResult &result);
    void showLive();
    void recordForArchive(qint64 timeMs, const QMap<QString, double> &values);
    void writePending();
    void setHistoryNote(const QString &text, const QString &details = {});
    void showHistories();
    void updateScopes(const engine::BrokerSnapshot &snapshot);
    void exportChart(TimeSeriesChart *chart, bool csv);

    QString m_scope;
    QComboBox *m_scopeBox = nullptr;
    // Every topic's and every partition's series are kept, whatever the scope, so switching shows history.
    // The series kept in the archive hold the hour read back as well as 15 minutes of live samples.
    static constexpr int ArchivedCapacity = 900 + HistoryLoadPoints;
    MetricHistory m_produceTopics {ArchivedCapacity};
    MetricHistory m_producePartitions;
    MetricHistory m_consumeTopics {ArchivedCapacity};
    MetricHistory m_consumePartitions;
    MetricHistory m_lags {ArchivedCapacity};
    QPointer<engine::MetricArchive> m_archive;
    QString m_clusterKey; // the cluster whose history is shown and written; empty until a snapshot names one
    quint64 m_historyRequest = 0; // the query whose answer is awaited; 0 = none
    // Samples since the last write, per archive series: sum and count, and the newest time.
    QMap<QString, std::pair<double, int>> m_pending;
    qint64 m_pendingFirstMs = 0;
    qint64 m_pendingLastMs = 0;
    QComboBox *m_rangeBox = nullptr;
    qint64 m_rangeMs = 0;
    quint64 m_rangeRequest = 0; // the range query whose answer is awaited; 0 = none
    qint64 m_rangeRequestedAtMs = 0;
    QLabel *m_historyNote = nullptr;
    QString m_historyNoteText; // in full; the label shows it elided
    std::pair<QString, QString> m_liveNote; // the note (and details) of the live hour, while a longer range is shown
    QMap<QString, QStringList> m_partitionSeries; // topic -> its partitions' series names, in partition order
    TimeSeriesChart *m_rate = nullptr;
    TimeSeriesChart *m_consume = nullptr;
    TimeSeriesChart *m_lag = nullptr;
};

} // namespace topicscope::ui
