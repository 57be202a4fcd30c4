#pragma once

#include "metrichistory.h"

#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QValueAxis;

namespace topicscope::ui {

// A live line chart of a MetricHistory: one line per series, replaced in one batch per update, animations
// off. Exports the picture as PNG and the data as CSV. The only place (with the other charts/ widgets) that
// knows Qt Charts. GUI thread.
class TimeSeriesChart : public QWidget {
    Q_OBJECT
public:
    TimeSeriesChart(const QString &title, const QString &unit, QWidget *parent = nullptr);

    void setHistory(const MetricHistory &history);
    void setTitle(const QString &title);
    QString title() const;
    const MetricHistory &history() const { return m_history; }
    bool exportPng(const QString &path) const;
    bool exportCsv(const QString &path) const;
    int seriesCount() const;
    // The points the chart's line of that series holds (empty when there is no such line): what is drawn.
    QList<QPointF> plottedPoints(const QString &series) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    MetricHistory m_history;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QDateTimeAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
};

} // namespace topicscope::ui
