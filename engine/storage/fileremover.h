#pragma once

#include <QString>
#include <QtGlobal>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace topicscope::engine {

// Unlinks files on a thread of its own, for SegmentLog: unlinking a segment of many megabytes frees its blocks inside
// the call, milliseconds the engine thread spent in retention while other clients waited (issue 13). The files given
// are already out of the index and renamed to their ".deleted" name (SegmentLog::removeSegmentsBelow), so nothing
// serves them and a new segment of the same name cannot be mistaken for one; a crash before the unlink leaves the
// ".deleted" file, which the next start removes (SegmentLog::recover). Created and destroyed with the LogManager on
// the engine thread; remove() is called there. Destruction unlinks what is still queued, then joins.
//
// Bounded: the files waiting still hold their blocks, so when a flood rolls and drops segments faster than the disk
// frees them, remove() waits until the bytes queued fall to maxPendingBytes (or the queue is empty). The engine
// thread then slows to the disk's pace instead of the disk filling past retention.bytes with ".deleted" files.
class FileRemover {
public:
    static constexpr qint64 DefaultMaxPendingBytes = 256ll << 20;
    // unlinkFn is a test seam (a slow disk); it returns 0 or sets errno, as ::unlink does.
    explicit FileRemover(
        qint64 maxPendingBytes = DefaultMaxPendingBytes, std::function<int(const char *)> unlinkFn = {});
    ~FileRemover();
    FileRemover(const FileRemover &) = delete;
    FileRemover &operator=(const FileRemover &) = delete;

    // sizeBytes: what the file holds on disk (counted against maxPendingBytes until it is unlinked).
    void remove(QString path, qint64 sizeBytes);
    qint64 pendingBytes() const;
    // How many times remove() had to wait for the queue to shrink (a flood outran the disk).
    quint64 waits() const;
    // Blocks until every file given so far is unlinked (tests; and a topic's directory removal waits for its files).
    void drain();
    // Test seam: while paused, given files stay until resumed (a crash in between is a crash before the unlink).
    void setPausedForTesting(bool paused);

private:
    void run();

    struct Doomed {
        QString path;
        qint64 sizeBytes;
    };
    const qint64 m_maxPendingBytes;
    const std::function<int(const char *)> m_unlink;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle; // notified after each unlink
    std::deque<Doomed> m_queue;
    qint64 m_pendingBytes = 0; // queued or being unlinked
    quint64 m_waits = 0;
    bool m_busy = false;
    bool m_paused = false;
    bool m_stop = false;
    std::thread m_thread; // last: started once the members it reads exist
};

} // namespace topicscope::engine
