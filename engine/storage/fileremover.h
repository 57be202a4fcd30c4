#pragma once

#include <QString>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace topicscope::engine {

// Unlinks files on a thread of its own, for SegmentLog: unlinking a segment of many megabytes frees its blocks inside
// the call, milliseconds the engine thread spent in retention while other clients waited (issue 13). The files given
// are already out of the index and renamed to their ".deleted" name (SegmentLog::removeSegmentsBelow), so nothing
// serves them and a new segment of the same name cannot be mistaken for one; a crash before the unlink leaves the
// ".deleted" file, which the next start removes (SegmentLog::recover). Created and destroyed with the LogManager on
// the engine thread; remove() is called there. Destruction unlinks what is still queued, then joins.
class FileRemover {
public:
    FileRemover();
    ~FileRemover();
    FileRemover(const FileRemover &) = delete;
    FileRemover &operator=(const FileRemover &) = delete;

    void remove(QString path);
    // Blocks until every file given so far is unlinked (tests; and a topic's directory removal waits for its files).
    void drain();
    // Test seam: while paused, given files stay until resumed (a crash in between is a crash before the unlink).
    void setPausedForTesting(bool paused);

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<QString> m_queue;
    bool m_busy = false;
    bool m_paused = false;
    bool m_stop = false;
    std::thread m_thread; // last: started once the members it reads exist
};

} // namespace topicscope::engine
