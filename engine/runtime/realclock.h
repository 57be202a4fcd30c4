#pragma once

#include "core/clock.h"

#include <QHash>
#include <QObject>

class QTimer;

namespace topicscope::engine {

// Wall-clock time and QTimer-based timers for the engine's worker thread. Must be created, used and
// destroyed on that thread (its timers fire in that thread's event loop).
//
// A RealClock can be frozen (the live broker's pause, Engine::pauseBroker): nowMs() stops where it was, and
// timers due after that instant wait. Timers already due, including zero-delay ones scheduled while frozen, still
// run: the core uses them to continue work outside a publishing call (a parked fetch's recheck, a JoinGroup that
// completes a phase), and holding those would deadlock the broker instead of pausing it. On thaw, time resumes from
// where it stopped, so the clock then lags wall time by the total time it was frozen (lagMs()); waiting timers
// restart with the delay they had left.
class RealClock final : public QObject, public Clock {
    Q_OBJECT
public:
    explicit RealClock(QObject *parent = nullptr);
    ~RealClock() override;

    qint64 nowMs() const override;
    TimerId schedule(qint64 delayMs, std::function<void()> fn) override;
    void cancel(TimerId id) override;

    void freeze();
    void thaw();
    bool isFrozen() const { return m_frozenAtMs >= 0; }
    // How far nowMs() is behind wall time: the total time this clock spent frozen (so far, while frozen).
    qint64 lagMs() const;

private:
    struct Timer {
        qint64 dueMs = 0; // on this clock
        std::function<void()> fn;
        QTimer *timer = nullptr; // null while waiting for a thaw
    };
    static qint64 wallMs();
    void start(TimerId id, Timer &t);
    void fire(TimerId id);

    TimerId m_nextId = 1;
    QHash<TimerId, Timer> m_timers;
    qint64 m_lagMs = 0; // accumulated frozen time of earlier freezes
    qint64 m_frozenAtMs = -1; // nowMs() when frozen, -1 while running
};

} // namespace topicscope::engine
