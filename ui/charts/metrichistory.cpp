#include "metrichistory.h"

#include <QDateTime>
#include <algorithm>
#include <limits>
#include <set>
#include <vector>

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
    dropOldest();
    return true;
}

void MetricHistory::addEarlier(const QMap<QString, QList<QPointF>> &points)
{
    const qint64 before = m_times.empty() ? std::numeric_limits<qint64>::max() : m_times.front();
    std::set<qint64> times;
    for (const QList<QPointF> &series : points) {
        for (const QPointF &p : series) {
            if (qint64(p.x()) < before)
                times.insert(qint64(p.x()));
        }
    }
    if (times.empty())
        return;
    for (auto it = points.cbegin(); it != points.cend(); ++it) {
        if (!m_series.contains(it.key()))
            m_series.insert(it.key(), std::deque<double>(m_times.size(), 0.0));
    }
    const std::vector<qint64> earlier(times.cbegin(), times.cend());
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        std::vector<double> values(earlier.size(), 0.0);
        for (const QPointF &p : points.value(it.key())) {
            const auto at = std::lower_bound(earlier.cbegin(), earlier.cend(), qint64(p.x()));
            if (at != earlier.cend() && *at == qint64(p.x()))
                values[size_t(at - earlier.cbegin())] = p.y();
        }
        it->insert(it->begin(), values.cbegin(), values.cend());
    }
    m_times.insert(m_times.begin(), earlier.cbegin(), earlier.cend());
    dropOldest();
}

void MetricHistory::dropOldest()
{
    while (int(m_times.size()) > m_maxSamples) {
        m_times.pop_front();
        for (auto &s : m_series)
            s.pop_front();
    }
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
