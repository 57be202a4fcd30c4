#include "realclock.h"

#include <QDateTime>
#include <QTimer>

namespace topicscope::engine {

RealClock::RealClock(QObject *parent)
    : QObject(parent)
{ }

RealClock::~RealClock() = default; // timers are children and die with us

qint64 RealClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

TimerId RealClock::schedule(qint64 delayMs, std::function<void()> fn)
{
    const TimerId id = m_nextId++;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    connect(timer, &QTimer::timeout, this, [this, id, fn = std::move(fn)] {
        if (QTimer *t = m_timers.take(id))
            t->deleteLater();
        fn();
    });
    m_timers.insert(id, timer);
    timer->start(static_cast<int>(std::clamp<qint64>(delayMs, 0, std::numeric_limits<int>::max())));
    return id;
}

void RealClock::cancel(TimerId id)
{
    if (QTimer *t = m_timers.take(id)) {
        t->stop();
        t->deleteLater();
    }
}

} // namespace topicscope::engine
