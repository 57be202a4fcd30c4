#pragma once

#include "core/clock.h"

#include <functional>
#include <map>
#include <utility>

namespace topicscope::engine {

// The one place that knows a scenario's virtual time: what falls due next, and in which order the things due at
// one instant run. Four sources fall due:
//   1. timers on the world's ManualClock: the broker's and the clients' own (heartbeats, session and poll
//      timeouts, linger, retention);
//   2. actions: the file's steps, a producer's rate sends and a spaced produce step's sends, in the order they were
//      scheduled among actions of the same instant (file order for steps);
//   3. work completions: consumers finishing the records they polled (processingMs per record);
//   4. the poll tick, every tickMs, when every idle consumer polls.
// Within one instant they run in that order: first every clock timer due, then each action followed by the 0 ms
// timers it started (a producer appends from one), then the completions, then the tick, then the 0 ms timers those
// started. Only source 1 is made of clock timers, because the golden reports (tests/engine/golden) pin that order
// and a ManualClock, which fires the timers of an instant in the order they were scheduled, cannot express it:
// - actions as clock timers: an action's 0 ms append would wait behind every action already scheduled for the
//   instant (8 of the 14 reports change: a rate producer's first record is recorded after the steps at +0 s);
// - completions before actions: scenario 14 records a processed record before the rate send of the same instant;
// - the tick before actions: a consumer started by a step no longer polls in the tick of that instant (11 reports).
// afterTimers runs after every move of the clock that may have fired timers (the world's check for consumers whose
// poll timeout fired), so that nothing else has to remember to call it.
// Lives on the thread that plays the scenario.
class ScenarioScheduler {
public:
    struct Hooks {
        std::function<qint64()> nextCompletionMs; // the earliest work completion due, or -1
        std::function<void()> runCompletions; // completes what is due now
        std::function<void()> runTick;
        std::function<void()> afterTimers;
    };

    // originMs: the clock's time at virtual 0 ms.
    ScenarioScheduler(ManualClock &clock, qint64 originMs);

    void setHooks(Hooks hooks) { m_hooks = std::move(hooks); }
    void setTickMs(qint64 tickMs) { m_tickMs = tickMs; }

    // Virtual ms since the start.
    qint64 now() const { return m_clock.nowMs() - m_originMs; }

    // Runs action at virtual atMs (now, if atMs has passed), after the actions already scheduled for that instant.
    void schedule(qint64 atMs, std::function<void()> action);

    // The planned end: the run ends at endMs unless open-ended (the sandbox, a run continued after its end).
    void setEndMs(qint64 endMs) { m_endMs = endMs; }
    qint64 endMs() const { return m_endMs; }
    void setOpenEnded(bool openEnded) { m_openEnded = openEnded; }
    bool isOpenEnded() const { return m_openEnded; }
    // Ticks go on from now (a run that ended and continues open-ended).
    void resumeTicks() { m_nextTickMs = std::max(m_nextTickMs, now()); }

    // The instant something falls due next (never before now). With *isEnd: true when the end comes first, and
    // then the end is returned.
    qint64 nextDueMs(bool *isEnd = nullptr) const;
    // Moves the clock to virtual ms (never back), firing the timers on the way, each at its own instant.
    void advanceClockTo(qint64 ms);
    // Fires the 0 ms timers started meanwhile (an action run from outside the schedule: the flow view's).
    void settleTimers() { advanceClockTo(now()); }
    // Runs what is due at the current instant after its clock timers (sources 2 to 4, see the class comment).
    // interrupt is asked after each action: true stops there (a pause step was shown), and the rest of the instant
    // runs in the next call, exactly as it would have here. Returns false when interrupted.
    bool runInstant(const std::function<bool()> &interrupt = {});

private:
    ManualClock &m_clock;
    qint64 m_originMs = 0;
    Hooks m_hooks;
    qint64 m_tickMs = 100;
    qint64 m_nextTickMs = 0;
    qint64 m_endMs = 0;
    bool m_openEnded = false;
    // Actions by (virtual time, sequence): the sequence keeps scheduling order among actions of one instant.
    std::map<std::pair<qint64, quint64>, std::function<void()>> m_actions;
    quint64 m_actionSequence = 0;
};

} // namespace topicscope::engine
