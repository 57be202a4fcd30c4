#pragma once

#include <QList>
#include <QtGlobal>
#include <functional>

namespace topicscope::engine {

// The listener's budget for request bytes held in memory at once, over all connections (Kafka's
// queued.max.request.bytes): a connection reserves a frame's whole size from its size field before it reads the
// body, and gives it back once the request has been handed to KafkaApis. A connection the pool cannot serve waits,
// reading nothing more (TCP then pushes back on its client), and is called back in arrival order when bytes come
// back. Reserving the whole frame up front means every granted frame can complete, so connections never wait on
// each other's half-read frames. Engine thread.
class RequestMemoryPool {
public:
    explicit RequestMemoryPool(qint64 capacityBytes)
        : m_capacity(capacityBytes)
    { }

    qint64 capacity() const { return m_capacity; }
    qint64 used() const { return m_used; }
    qint64 peak() const { return m_peak; }
    // Connections waiting for bytes.
    int waiting() const { return static_cast<int>(m_waiters.size()); }

    // Reserves bytes (at most the capacity, which the caller checks) when they fit. Otherwise returns false and
    // queues retry(), called once when bytes are released; the waiter then tries again. waiterId identifies the
    // waiter for cancel().
    bool tryReserve(qint64 bytes, quint64 waiterId, std::function<void()> retry);
    void release(qint64 bytes);
    // A closed connection: forgets its waiting retry.
    void cancel(quint64 waiterId);

private:
    struct Waiter {
        quint64 id;
        std::function<void()> retry;
    };

    qint64 m_capacity;
    qint64 m_used = 0;
    qint64 m_peak = 0;
    QList<Waiter> m_waiters; // oldest first
};

} // namespace topicscope::engine
