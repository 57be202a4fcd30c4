#pragma once

#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <deque>

namespace topicscope::ui {

// A ring-buffered history of named series (e.g. produce rate per topic), sampled from snapshots while the
// app runs. Plain data, no chart types, so it can be tested and exported without Qt Charts. GUI thread.
class MetricHistory {
public:
    explicit MetricHistory(int maxSamples = 900, qint64 minIntervalMs = 1000);

    // Records one sample per series at timeMs (ms since epoch); series absent here get 0 from now on. Samples
    // closer than minIntervalMs to the previous one are dropped, so a 10 Hz snapshot stream is stored at 1 Hz.
    bool add(qint64 timeMs, const QMap<QString, double> &values);
    QStringList seriesNames() const { return m_series.keys(); }
    QList<QPointF> points(const QString &series) const; // x = ms since epoch
    double maxValue() const;
    qint64 firstTimeMs() const { return m_times.empty() ? 0 : m_times.front(); }
    qint64 lastTimeMs() const { return m_times.empty() ? 0 : m_times.back(); }
    int sampleCount() const { return int(m_times.size()); }
    // Adds stored samples from before the first one held (later ones are ignored), e.g. history read from a file:
    // their moments go in order before the live ones, a series missing at a moment reads 0 there, and the oldest
    // go when the ring is full.
    void addEarlier(const QMap<QString, QList<QPointF>> &points);
    // The same samples restricted to the named series (those it has), e.g. the partitions of one topic.
    MetricHistory select(const QStringList &names) const;
    // "time,seriesA,seriesB" then one line per sample, ISO times.
    QString toCsv() const;

private:
    void dropOldest(); // beyond maxSamples

    int m_maxSamples;
    qint64 m_minIntervalMs;
    std::deque<qint64> m_times;
    QMap<QString, std::deque<double>> m_series; // aligned with m_times
};

} // namespace topicscope::ui
