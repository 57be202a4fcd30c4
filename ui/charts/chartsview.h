#pragma once

#include "metrichistory.h"
#include "runtime/brokersnapshot.h"

#include <QWidget>

namespace topicscope::ui {

class TimeSeriesChart;

// Produce rate per topic and lag per group over time, sampled from snapshots (history kept while the app
// runs), each exportable as PNG and CSV. GUI thread.
class ChartsView : public QWidget {
    Q_OBJECT
public:
    explicit ChartsView(QWidget *parent = nullptr);
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    TimeSeriesChart *rateChart() const { return m_rate; }
    TimeSeriesChart *lagChart() const { return m_lag; }

private:
    void exportChart(TimeSeriesChart *chart, bool csv);

    MetricHistory m_rates;
    MetricHistory m_lags;
    TimeSeriesChart *m_rate = nullptr;
    TimeSeriesChart *m_lag = nullptr;
};

} // namespace topicscope::ui
