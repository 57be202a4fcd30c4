#include "requestmemorypool.h"

namespace topicscope::engine {

bool RequestMemoryPool::tryReserve(qint64 bytes, quint64 waiterId, std::function<void()> retry)
{
    // Waiters are served in order: a newcomer does not overtake a connection that is already waiting.
    const bool queueEmpty = m_waiters.isEmpty() || m_waiters.constFirst().id == waiterId;
    if (queueEmpty && m_used + bytes <= m_capacity) {
        if (!m_waiters.isEmpty())
            m_waiters.removeFirst();
        m_used += bytes;
        m_peak = std::max(m_peak, m_used);
        return true;
    }
    for (Waiter &w : m_waiters) {
        if (w.id == waiterId) {
            w.retry = std::move(retry);
            return false;
        }
    }
    m_waiters.append({waiterId, std::move(retry)});
    return false;
}

void RequestMemoryPool::release(qint64 bytes)
{
    m_used = std::max<qint64>(0, m_used - bytes);
    // Only the oldest waiter may take the freed bytes; it is called back (asynchronously, by the caller's retry)
    // and stays first in the queue until it gets them.
    if (!m_waiters.isEmpty() && m_waiters.constFirst().retry)
        m_waiters.constFirst().retry();
}

void RequestMemoryPool::cancel(quint64 waiterId)
{
    const bool wasFirst = !m_waiters.isEmpty() && m_waiters.constFirst().id == waiterId;
    m_waiters.removeIf([waiterId](const Waiter &w) { return w.id == waiterId; });
    if (wasFirst && !m_waiters.isEmpty() && m_waiters.constFirst().retry)
        m_waiters.constFirst().retry();
}

} // namespace topicscope::engine
