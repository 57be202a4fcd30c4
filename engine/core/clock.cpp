#include "clock.h"

#include <algorithm>

namespace topicscope::engine {

TimerId ManualClock::schedule(qint64 delayMs, std::function<void()> fn)
{
    const TimerId id = m_nextId++;
    const qint64 due = m_now + std::max<qint64>(0, delayMs);
    m_timers.emplace(Key {due, id}, std::move(fn));
    m_dueById.emplace(id, due);
    return id;
}

void ManualClock::cancel(TimerId id)
{
    auto it = m_dueById.find(id);
    if (it == m_dueById.end())
        return;
    m_timers.erase(Key {it->second, id});
    m_dueById.erase(it);
}

void ManualClock::advance(qint64 ms)
{
    const qint64 target = m_now + std::max<qint64>(0, ms);
    // A fired timer may schedule new timers that also fall due before target; they fire in this call too.
    while (!m_timers.empty() && m_timers.begin()->first.due <= target) {
        auto node = m_timers.extract(m_timers.begin());
        m_dueById.erase(node.key().id);
        m_now = node.key().due;
        node.mapped()();
    }
    m_now = target;
}

qint64 ManualClock::nextDeadlineMs() const
{
    return m_timers.empty() ? -1 : m_timers.begin()->first.due;
}

} // namespace topicscope::engine
