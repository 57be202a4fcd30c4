#include "fileremover.h"

#include "storagelogging.h"

#include <QFile>
#include <QLoggingCategory>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace topicscope::engine {

FileRemover::FileRemover(qint64 maxPendingBytes, std::function<int(const char *)> unlinkFn)
    : m_maxPendingBytes(maxPendingBytes)
    , m_unlink(unlinkFn ? std::move(unlinkFn) : [](const char *path) { return ::unlink(path); })
    , m_thread([this] { run(); })
{ }

FileRemover::~FileRemover()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
        m_paused = false;
    }
    m_wake.notify_one();
    m_thread.join();
}

void FileRemover::remove(QString path, qint64 sizeBytes)
{
    sizeBytes = qMax<qint64>(0, sizeBytes);
    {
        std::unique_lock lock(m_mutex);
        const auto hasRoom
            = [&] { return m_paused || m_pendingBytes == 0 || m_pendingBytes + sizeBytes <= m_maxPendingBytes; };
        if (!hasRoom()) {
            ++m_waits;
            m_idle.wait(lock, hasRoom);
        }
        m_queue.push_back({std::move(path), sizeBytes});
        m_pendingBytes += sizeBytes;
    }
    m_wake.notify_one();
}

qint64 FileRemover::pendingBytes() const
{
    const std::lock_guard lock(m_mutex);
    return m_pendingBytes;
}

quint64 FileRemover::waits() const
{
    const std::lock_guard lock(m_mutex);
    return m_waits;
}

void FileRemover::drain()
{
    std::unique_lock lock(m_mutex);
    if (m_paused)
        return;
    m_idle.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

void FileRemover::setPausedForTesting(bool paused)
{
    {
        const std::lock_guard lock(m_mutex);
        m_paused = paused;
    }
    m_wake.notify_one();
}

void FileRemover::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || (!m_paused && !m_queue.empty()); });
        if (m_queue.empty() && m_stop)
            break;
        const Doomed doomed = std::move(m_queue.front());
        m_queue.pop_front();
        m_busy = true;
        lock.unlock();
        if (m_unlink(QFile::encodeName(doomed.path).constData()) != 0 && errno != ENOENT)
            qCWarning(lcStorage).noquote() << "cannot remove" << doomed.path << std::strerror(errno);
        lock.lock();
        m_busy = false;
        m_pendingBytes -= doomed.sizeBytes;
        m_idle.notify_all();
    }
}

} // namespace topicscope::engine
