#include "realclock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace topicscope::engine {

RealClock::RealClock(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, [this] {
        m_armedForMs = -1;
        runDue();
        arm();
    });
}

RealClock::~RealClock() = default; // the QTimer is a child and dies with us

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
    const qint64 due = nowMs() + qMax<qint64>(0, delayMs);
    m_timers.emplace(Key {due, id}, std::move(fn));
    m_dueById.emplace(id, due);
    arm();
    return id;
}

void RealClock::cancel(TimerId id)
{
    const auto it = m_dueById.find(id);
    if (it == m_dueById.end())
        return;
    m_timers.erase(Key {it->second, id});
    m_dueById.erase(it);
    // m_timer may stay armed for the cancelled one: it then wakes, finds nothing due and re-arms.
}

// Sets m_timer for the earliest timer that may run: any while running, only those already due while frozen (see
// the class comment). Restarts it only when that time changed, so scheduling a later timer costs no syscall.
void RealClock::arm()
{
    if (m_running)
        return; // runDue()'s caller arms once it is done
    qint64 next = -1;
    if (!m_timers.empty()) {
        const qint64 due = m_timers.begin()->first.dueMs;
        if (!isFrozen() || due <= m_frozenAtMs)
            next = due;
    }
    if (next == m_armedForMs)
        return;
    m_armedForMs = next;
    if (next < 0) {
        m_timer->stop();
        return;
    }
    const qint64 delay = qMax<qint64>(0, next - nowMs());
    m_timer->start(static_cast<int>(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}

void RealClock::runDue()
{
    // Only timers scheduled before this turn: one scheduled now (at this instant or later) sorts after them all.
    const TimerId firstNew = m_nextId;
    const qint64 now = nowMs();
    QElapsedTimer spent;
    spent.start();
    m_running = true;
    const auto done = qScopeGuard([this] { m_running = false; });
    while (!m_timers.empty()) {
        const auto it = m_timers.begin();
        if (it->first.dueMs > now || it->first.id >= firstNew)
            break;
        std::function<void()> fn = std::move(it->second);
        m_dueById.erase(it->first.id);
        m_timers.erase(it);
        fn();
        if (spent.elapsed() >= MaxRunPerTurnMs)
            break;
    }
}

void RealClock::freeze()
{
    if (isFrozen())
        return;
    m_frozenAtMs = nowMs();
    arm();
}

void RealClock::thaw()
{
    if (!isFrozen())
        return;
    // Time resumes from where it stopped: due times are on this clock, so each waiting timer keeps the delay it had
    // left, and they fire in due order as they would have.
    m_lagMs = wallMs() - m_frozenAtMs;
    m_frozenAtMs = -1;
    arm();
}

} // namespace topicscope::engine
