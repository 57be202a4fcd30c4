#pragma once

#include "brokerpause.h"
#include "core/clock.h"

#include <QList>
#include <QObject>
#include <functional>
#include <optional>

namespace topicscope::engine {

// Holds back the answers of the paused live broker, so that a trainer can release them one at a time. Every
// connection offers its ready answers here before writing them: while paused, an answer that carries progress
// (WireExchange::carriesProgress: a produce acknowledgement, a fetch answer with records, a JoinGroup or SyncGroup
// answer) is held in one FIFO across connections, in the order answers became ready; every other answer passes so
// that clients stay alive. The connection stays muted while its answer is held (it reads its next request only after
// the answer went out), so a connection has at most one held answer and its answers keep their order.
//
// step() releases the oldest, resume() all of them in order. Each held answer also has a deadline, on wall time
// (clock), after which it is released by itself: from the request's arrival, the request's own timeout minus a safety
// margin where the protocol carries one (Produce, JoinGroup's rebalance timeout), and at most maxHoldMs, so that a
// real client only ever sees latency, never a timeout and a retry.
//
// Knows nothing of sockets or of the broker's clock (the Engine freezes that). Lives on the engine thread.
class AnswerGate : public QObject {
    Q_OBJECT
public:
    // Writes a held answer to its connection; safe to call after the connection went away.
    using Deliver = std::function<void()>;

    AnswerGate(Clock &wallClock, qint64 maxHoldMs, QObject *parent = nullptr);
    ~AnswerGate() override; // held answers are dropped, not delivered

    bool isPaused() const { return m_state.paused; }
    void pause();
    // Releases the oldest held answer and returns what it carried; nullopt when none is held.
    std::optional<WireExchange> step();
    // Releases every held answer, oldest first, and lets answers pass again.
    void resume();

    // An answer of exchange.connectionId is ready. Returns false when it may go out now; true when it is held:
    // deliver then runs later (step, resume or its deadline), exactly once, unless dropConnection() drops it.
    bool offer(const WireExchange &exchange, Deliver deliver);
    // The connection closed: its held answer is dropped (nothing to write it to).
    void dropConnection(quint64 connectionId);

    // brokerLagMs is left 0: the gate does not know the broker's clock.
    BrokerPauseState state() const;

    // When an answer to this request is released at the latest (wall ms since the epoch).
    static qint64 releaseDeadlineMs(const WireExchange &exchange, qint64 maxHoldMs);

Q_SIGNALS:
    // Paused, resumed, an answer held, released (step, resume or deadline) or dropped.
    void changed();

private:
    struct Entry {
        quint64 key = 0;
        HeldAnswer answer;
        Deliver deliver;
        TimerId timer = 0;
    };
    Entry take(qsizetype index);
    void releaseByDeadline(quint64 key);

    Clock &m_clock;
    qint64 m_maxHoldMs;
    BrokerPauseState m_state; // without held: the entries are the held answers
    QList<Entry> m_entries; // oldest first
    quint64 m_nextKey = 1;
};

} // namespace topicscope::engine
