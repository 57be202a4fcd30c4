#pragma once

#include <QtGlobal>
#include <cstdint>
#include <functional>
#include <map>

namespace topicscope::engine {

using TimerId = quint64;

// Time and timers for the functional core. The core never reads a system clock or starts a QTimer: it asks
// its Clock. The runtime shell gives it a real-time clock on the worker thread; tests and step mode give it
// a ManualClock whose advance() fires due timers deterministically.
class Clock {
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch (Kafka timestamps use the same unit and origin).
    virtual qint64 nowMs() const = 0;
    // Runs fn once, delayMs from now, on the engine's thread. Returns an id for cancel().
    virtual TimerId schedule(qint64 delayMs, std::function<void()> fn) = 0;
    // Cancelling an unknown or already fired timer is a no-op.
    virtual void cancel(TimerId id) = 0;
};

// A clock that moves only when told to. Timers due at the same instant fire in the order they were scheduled.
// Lives on whichever thread drives it (tests, or the engine thread in step mode).
class ManualClock final : public Clock {
public:
    explicit ManualClock(qint64 startMs = 1'700'000'000'000)
        : m_now(startMs)
    { }

    qint64 nowMs() const override { return m_now; }
    TimerId schedule(qint64 delayMs, std::function<void()> fn) override;
    void cancel(TimerId id) override;

    // Moves time forward by ms, firing every timer that falls due on the way, each at its own instant.
    void advance(qint64 ms);
    // Time of the next pending timer, or -1 when none is pending.
    qint64 nextDeadlineMs() const;
    int pendingTimers() const { return static_cast<int>(m_timers.size()); }

private:
    struct Key {
        qint64 due;
        TimerId id;
        bool operator<(const Key &o) const { return due != o.due ? due < o.due : id < o.id; }
    };
    qint64 m_now;
    TimerId m_nextId = 1;
    std::map<Key, std::function<void()>> m_timers;
    std::map<TimerId, qint64> m_dueById;
};

} // namespace topicscope::engine
