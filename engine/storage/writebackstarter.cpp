#include "writebackstarter.h"

#include <fcntl.h>
#include <unistd.h>

namespace topicscope::engine {

namespace {

int startWriteback(int fd, qint64 offset, qint64 size)
{
#if defined(__linux__)
    return ::sync_file_range(fd, offset, size, SYNC_FILE_RANGE_WRITE);
#else
    Q_UNUSED(fd);
    Q_UNUSED(offset);
    Q_UNUSED(size);
    return 0;
#endif
}

} // namespace

WritebackStarter::WritebackStarter(std::function<int(int, qint64, qint64)> startFn)
    : m_start(startFn ? std::move(startFn) : startWriteback)
    , m_thread([this] { run(); })
{ }

WritebackStarter::~WritebackStarter()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
    for (const Range &range : m_queue)
        ::close(range.fd);
}

void WritebackStarter::start(int fd, qint64 offset, qint64 size)
{
    if (size <= 0)
        return;
    {
        const std::lock_guard lock(m_mutex);
        if (m_queue.size() >= MaxQueued) {
            ++m_dropped;
            return;
        }
    }
    const int own = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (own < 0)
        return; // out of descriptors: the kernel writes the range back later, as without this class
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back({own, offset, size});
    }
    m_wake.notify_one();
}

qint64 WritebackStarter::startedBytes() const
{
    const std::lock_guard lock(m_mutex);
    return m_startedBytes;
}

quint64 WritebackStarter::dropped() const
{
    const std::lock_guard lock(m_mutex);
    return m_dropped;
}

void WritebackStarter::drain()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [&] { return m_queue.empty() && !m_busy; });
}

void WritebackStarter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stop || !m_queue.empty(); });
        if (m_stop)
            return;
        const Range range = m_queue.front();
        m_queue.pop_front();
        m_busy = true;
        lock.unlock();
        const bool ok = m_start(range.fd, range.offset, range.size) == 0;
        ::close(range.fd);
        lock.lock();
        m_busy = false;
        if (ok)
            m_startedBytes += range.size;
        m_idle.notify_all();
    }
}

} // namespace topicscope::engine
