#pragma once

#include "core/clock.h"

#include <QObject>

#include <map>
#include <unordered_map>

class QTimer;

namespace topicscope::engine {

// Wall-clock time and timers for the engine's worker thread. Must be created, used and destroyed on that thread
// (its timers fire in that thread's event loop).
//
// The timers are one ordered queue (due time, then scheduling order) behind a single QTimer armed for the earliest,
// not a QTimer each: the broker schedules thousands (parked fetches, session timeouts, delayed joins) and a QTimer
// costs an object, a dispatcher registration and an event. One expiry runs the timers already due, in order, for at
// most a few milliseconds, and never those scheduled while it runs (a zero-delay timer is how the core yields to the
// event loop between chunks of work): the rest wait for the next turn of the loop, after the sockets.
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

    int pendingTimers() const { return static_cast<int>(m_timers.size()); }

    // How long one expiry may run due timers before it lets the event loop serve sockets.
    static constexpr qint64 MaxRunPerTurnMs = 5;

private:
    struct Key {
        qint64 dueMs; // on this clock
        TimerId id;
        bool operator<(const Key &o) const { return dueMs != o.dueMs ? dueMs < o.dueMs : id < o.id; }
    };
    static qint64 wallMs();
    void arm();
    void runDue();

    QTimer *m_timer = nullptr;
    qint64 m_armedForMs = -1; // the due time m_timer is set for, -1 when stopped
    bool m_running = false; // inside runDue()
    TimerId m_nextId = 1;
    std::map<Key, std::function<void()>> m_timers;
    std::unordered_map<TimerId, qint64> m_dueById;
    qint64 m_lagMs = 0; // accumulated frozen time of earlier freezes
    qint64 m_frozenAtMs = -1; // nowMs() when frozen, -1 while running
};

} // namespace topicscope::engine
