#include "metrichistory.h"

#include <QDateTime>

namespace topicscope::ui {

MetricHistory::MetricHistory(int maxSamples, qint64 minIntervalMs)
    : m_maxSamples(maxSamples)
    , m_minIntervalMs(minIntervalMs)
{ }

bool MetricHistory::add(qint64 timeMs, const QMap<QString, double> &values)
{
    if (!m_times.empty() && timeMs - m_times.back() < m_minIntervalMs)
        return false;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!m_series.contains(it.key()))
            m_series.insert(it.key(), std::deque<double>(m_times.size(), 0.0));
    }
    m_times.push_back(timeMs);
    for (auto it = m_series.begin(); it != m_series.end(); ++it)
        it->push_back(values.value(it.key(), 0.0));
    while (int(m_times.size()) > m_maxSamples) {
        m_times.pop_front();
        for (auto &s : m_series)
            s.pop_front();
    }
    return true;
}

QList<QPointF> MetricHistory::points(const QString &series) const
{
    QList<QPointF> out;
    const auto it = m_series.constFind(series);
    if (it == m_series.cend())
        return out;
    out.reserve(qsizetype(m_times.size()));
    for (size_t i = 0; i < m_times.size(); ++i)
        out.append(QPointF(double(m_times[i]), (*it)[i]));
    return out;
}

double MetricHistory::maxValue() const
{
    double m = 0;
    for (const auto &s : m_series) {
        for (double v : s)
            m = std::max(m, v);
    }
    return m;
}

MetricHistory MetricHistory::select(const QStringList &names) const
{
    MetricHistory out(m_maxSamples, m_minIntervalMs);
    out.m_times = m_times;
    for (const QString &name : names) {
        const auto it = m_series.constFind(name);
        if (it != m_series.cend())
            out.m_series.insert(name, *it);
    }
    return out;
}

QString MetricHistory::toCsv() const
{
    QString csv = QStringLiteral("time");
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it)
        csv += QLatin1Char(',') + it.key();
    csv += QLatin1Char('\n');
    for (size_t i = 0; i < m_times.size(); ++i) {
        csv += QDateTime::fromMSecsSinceEpoch(m_times[i]).toString(Qt::ISODateWithMs);
        for (const auto &s : m_series)
            csv += QLatin1Char(',') + QString::number(s[i], 'g', 10);
        csv += QLatin1Char('\n');
    }
    return csv;
}

} // namespace topicscope::ui
