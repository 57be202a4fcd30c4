#include "scenarioscheduler.h"

#include <algorithm>

namespace topicscope::engine {

ScenarioScheduler::ScenarioScheduler(ManualClock &clock, qint64 originMs)
    : m_clock(clock)
    , m_originMs(originMs)
{ }

void ScenarioScheduler::schedule(qint64 atMs, std::function<void()> action)
{
    m_actions.emplace(std::pair {atMs, m_actionSequence++}, std::move(action));
}

qint64 ScenarioScheduler::nextDueMs(bool *isEnd) const
{
    if (isEnd)
        *isEnd = false;
    qint64 next = m_nextTickMs;
    if (!m_actions.empty())
        next = std::min(next, m_actions.begin()->first.first);
    if (m_hooks.nextCompletionMs) {
        if (const qint64 completion = m_hooks.nextCompletionMs(); completion >= 0)
            next = std::min(next, completion);
    }
    if (m_clock.nextDeadlineMs() >= 0)
        next = std::min(next, m_clock.nextDeadlineMs() - m_originMs);
    next = std::max(next, now());
    if (!m_openEnded && next > m_endMs) {
        if (isEnd)
            *isEnd = true;
        return std::max(m_endMs, now());
    }
    return next;
}

void ScenarioScheduler::advanceClockTo(qint64 ms)
{
    m_clock.advance(std::max<qint64>(0, ms - now()));
    if (m_hooks.afterTimers)
        m_hooks.afterTimers();
}

bool ScenarioScheduler::runInstant(const std::function<bool()> &interrupt)
{
    while (!m_actions.empty() && m_actions.begin()->first.first <= now()) {
        auto node = m_actions.extract(m_actions.begin());
        node.mapped()();
        settleTimers(); // producers append from 0 ms timers: let them run before the next action
        if (interrupt && interrupt())
            return false;
    }
    if (m_hooks.runCompletions)
        m_hooks.runCompletions();
    if (now() >= m_nextTickMs) {
        if (m_hooks.runTick)
            m_hooks.runTick();
        m_nextTickMs += m_tickMs;
    }
    settleTimers();
    return true;
}

} // namespace topicscope::engine
