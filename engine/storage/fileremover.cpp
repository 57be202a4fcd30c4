#include "fileremover.h"

#include <QFile>
#include <QLoggingCategory>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace topicscope::engine {

namespace {

Q_LOGGING_CATEGORY(lcRemover, "topicscope.engine.storage")

} // namespace

FileRemover::FileRemover()
    : m_thread([this] { run(); })
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

void FileRemover::remove(QString path)
{
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(path));
    }
    m_wake.notify_one();
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
        const QString path = std::move(m_queue.front());
        m_queue.pop_front();
        m_busy = true;
        lock.unlock();
        if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT)
            qCWarning(lcRemover).noquote() << "cannot remove" << path << std::strerror(errno);
        lock.lock();
        m_busy = false;
        if (m_queue.empty())
            m_idle.notify_all();
    }
}

} // namespace topicscope::engine
