#pragma once

#include "core/clock.h"

#include <QHash>
#include <QObject>

class QTimer;

namespace topicscope::engine {

// Wall-clock time and QTimer-based timers for the engine's worker thread. Must be created, used and
// destroyed on that thread (its timers fire in that thread's event loop).
class RealClock final : public QObject, public Clock {
    Q_OBJECT
public:
    explicit RealClock(QObject *parent = nullptr);
    ~RealClock() override;

    qint64 nowMs() const override;
    TimerId schedule(qint64 delayMs, std::function<void()> fn) override;
    void cancel(TimerId id) override;

private:
    TimerId m_nextId = 1;
    QHash<TimerId, QTimer *> m_timers;
};

} // namespace topicscope::engine
