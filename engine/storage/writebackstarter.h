#pragma once

#include <QtGlobal>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace topicscope::engine {

// Starts the kernel's writeback of appended segment bytes soon after they are written, on a thread of its own, for
// SegmentLog (RocksDB calls this bytes_per_sync). Without it, the page cache holds every appended byte dirty until the
// kernel's flusher finds it 30 s old (vm.dirty_expire_centisecs) and writes back hundreds of megabytes at once: in the
// wire latency benchmark those bursts, 30 s after a throughput round, were the p99 tail of later rounds (100-280 ms;
// with writeback forced every second, 1-2 ms: bench/REPORT-wire.md). Starting writeback per chunk spreads the same
// disk writes over the time they are appended.
//
// Linux sync_file_range(SYNC_FILE_RANGE_WRITE): asynchronous, waits for no completion and syncs no metadata, so it
// makes nothing durable and changes no guarantee (--fsync still fdatasyncs each commit, and then SegmentLog does not
// use this). It can block while the device's queue is full, hence the thread. Elsewhere, nothing is started.
//
// Created and destroyed with the LogManager on the engine thread; start() is called there. The file descriptor given
// is duplicated, so the segment may be closed, renamed or dropped meanwhile. Bounded: at most MaxQueued ranges wait;
// beyond, a range is not queued (the kernel writes it back later, as without this class).
class WritebackStarter {
public:
    static constexpr qint64 DefaultChunkBytes = 1 << 20; // SegmentLog hands a range once this much was appended
    static constexpr size_t MaxQueued = 64;

    // startFn is a test seam; it returns 0 or -1 with errno set, as sync_file_range does.
    explicit WritebackStarter(std::function<int(int fd, qint64 offset, qint64 size)> startFn = {});
    ~WritebackStarter(); // drops what is still queued, joins
    WritebackStarter(const WritebackStarter &) = delete;
    WritebackStarter &operator=(const WritebackStarter &) = delete;

    // Engine thread: start writing back size bytes at offset of the file open as fd.
    void start(int fd, qint64 offset, qint64 size);
    // Bytes whose writeback was started, and ranges not queued because MaxQueued were waiting (any thread).
    qint64 startedBytes() const;
    quint64 dropped() const;
    // Blocks until every range queued so far was handed to the kernel (tests).
    void drain();

private:
    void run();

    struct Range {
        int fd;
        qint64 offset;
        qint64 size;
    };
    const std::function<int(int, qint64, qint64)> m_start;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Range> m_queue;
    qint64 m_startedBytes = 0;
    quint64 m_dropped = 0;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread; // last: started once the members it reads exist
};

} // namespace topicscope::engine
