#pragma once

#include "brokersnapshot.h"
#include "metrichistory.h"

#include <QWidget>

class QComboBox;

namespace topicscope::ui {

class TimeSeriesChart;

// Produce and consume rates and lag per group over time, sampled from snapshots (history kept while the app
// runs), each exportable as PNG and CSV. The scope picks what the rate charts show: one line per topic, or one
// line per partition of one topic ("orders-0", Kafka's notation). Produce rate = records appended; consume
// rate = how fast the groups' committed offsets advance (summed over groups), see
// BrokerSnapshot::partitionConsumeRates. GUI thread.
class ChartsView : public QWidget {
    Q_OBJECT
public:
    explicit ChartsView(QWidget *parent = nullptr);
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    // Empty: per topic; a topic name: per partition of that topic.
    void setScope(const QString &topic);
    QString scope() const { return m_scope; }
    TimeSeriesChart *rateChart() const { return m_rate; }
    TimeSeriesChart *consumeChart() const { return m_consume; }
    TimeSeriesChart *lagChart() const { return m_lag; }

private:
    void showHistories();
    void updateScopes(const engine::BrokerSnapshot &snapshot);
    void exportChart(TimeSeriesChart *chart, bool csv);

    QString m_scope;
    QComboBox *m_scopeBox = nullptr;
    // Every topic's and every partition's series are kept, whatever the scope, so switching shows history.
    MetricHistory m_produceTopics;
    MetricHistory m_producePartitions;
    MetricHistory m_consumeTopics;
    MetricHistory m_consumePartitions;
    MetricHistory m_lags;
    QMap<QString, QStringList> m_partitionSeries; // topic -> its partitions' series names, in partition order
    TimeSeriesChart *m_rate = nullptr;
    TimeSeriesChart *m_consume = nullptr;
    TimeSeriesChart *m_lag = nullptr;
};

} // namespace topicscope::ui
