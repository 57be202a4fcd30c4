#include "cleanjob.h"

namespace topicscope::engine {

void CleanJob::discardCleanedFiles() const
{
    for (const SegmentRewrite &rewrite : rewrites) {
        if (rewrite.sizeBytes > 0)
            SegmentLog::discardCleaned(segmentPath(rewrite.base));
    }
}

CleanerThread::CleanerThread()
    : m_thread([this] { run(); })
{ }

CleanerThread::~CleanerThread()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

bool CleanerThread::submit(std::unique_ptr<CleanJob> job)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_job)
            return false;
        m_job = std::move(job);
        m_finished = false;
    }
    m_wake.notify_one();
    return true;
}

bool CleanerThread::busy() const
{
    const std::lock_guard lock(m_mutex);
    return m_job != nullptr;
}

std::unique_ptr<CleanJob> CleanerThread::takeFinished()
{
    const std::lock_guard lock(m_mutex);
    if (!m_finished)
        return nullptr;
    m_finished = false;
    return std::move(m_job);
}

std::unique_ptr<CleanJob> CleanerThread::wait()
{
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return !m_job || m_finished; });
    m_finished = false;
    return std::move(m_job);
}

void CleanerThread::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || (m_job && !m_finished); });
        if (m_stop)
            break;
        CleanJob *job = m_job.get();
        lock.unlock();
        computeCleaning(*job); // the job stays ours until m_finished: nobody else touches it
        lock.lock();
        m_finished = true;
        m_done.notify_all();
    }
}

} // namespace topicscope::engine
