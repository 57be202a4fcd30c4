#include "realclock.h"

#include <QDateTime>
#include <QList>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace topicscope::engine {

RealClock::RealClock(QObject *parent)
    : QObject(parent)
{ }

RealClock::~RealClock() = default; // timers are children and die with us

qint64 RealClock::wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 RealClock::nowMs() const
{
    return isFrozen() ? m_frozenAtMs : wallMs() - m_lagMs;
}

qint64 RealClock::lagMs() const
{
    return wallMs() - nowMs();
}

TimerId RealClock::schedule(qint64 delayMs, std::function<void()> fn)
{
    const TimerId id = m_nextId++;
    Timer &t = m_timers[id];
    t.dueMs = nowMs() + qMax<qint64>(0, delayMs);
    t.fn = std::move(fn);
    // While frozen, only what is already due runs (see the class comment).
    if (!isFrozen() || t.dueMs <= m_frozenAtMs)
        start(id, t);
    return id;
}

void RealClock::start(TimerId id, Timer &t)
{
    t.timer = new QTimer(this);
    t.timer->setSingleShot(true);
    t.timer->setTimerType(Qt::PreciseTimer);
    connect(t.timer, &QTimer::timeout, this, [this, id] { fire(id); });
    const qint64 delay = qMax<qint64>(0, t.dueMs - nowMs());
    t.timer->start(static_cast<int>(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}

void RealClock::fire(TimerId id)
{
    auto it = m_timers.find(id);
    if (it == m_timers.end())
        return;
    if (isFrozen() && it->dueMs > m_frozenAtMs) {
        // Frozen between the QTimer's expiry and its event: wait for the thaw like the others.
        it->timer->deleteLater();
        it->timer = nullptr;
        return;
    }
    it->timer->deleteLater();
    const std::function<void()> fn = std::move(it->fn);
    m_timers.erase(it);
    fn();
}

void RealClock::cancel(TimerId id)
{
    const auto it = m_timers.find(id);
    if (it == m_timers.end())
        return;
    if (it->timer) {
        it->timer->stop();
        it->timer->deleteLater();
    }
    m_timers.erase(it);
}

void RealClock::freeze()
{
    if (isFrozen())
        return;
    m_frozenAtMs = nowMs();
    for (Timer &t : m_timers) {
        if (t.timer && t.dueMs > m_frozenAtMs) {
            t.timer->stop();
            t.timer->deleteLater();
            t.timer = nullptr;
        }
    }
}

void RealClock::thaw()
{
    if (!isFrozen())
        return;
    m_lagMs = wallMs() - m_frozenAtMs;
    m_frozenAtMs = -1;
    // In due order, and in scheduling order within one instant, as they would have fired.
    QList<std::pair<qint64, TimerId>> waiting;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (!it->timer)
            waiting.append({it->dueMs, it.key()});
    }
    std::sort(waiting.begin(), waiting.end());
    for (const auto &[due, id] : std::as_const(waiting))
        start(id, m_timers[id]);
}

} // namespace topicscope::engine
