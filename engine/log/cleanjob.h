#pragma once

#include "log/logmanager.h"
#include "storage/segmentlog.h"
#include "storage/sqlitestore.h"

#include <QByteArray>
#include <condition_variable>
#include <deque>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace topicscope::engine {

// One cleaning of one partition by the log cleaner (logcleaner.cpp), in three steps: prepare() takes what it needs
// from the index on the engine thread; computeCleaning() reads the range, decides what each batch keeps and writes
// the cleaned segment files, touching nothing the engine thread owns (so it may run on CleanerThread); commit() then
// checks on the engine thread that the partition did not change meanwhile, points the index at the cleaned files and
// swaps them in. On disk computeCleaning() holds a bounded amount: a key map within keyMapBudgetBytes, one read run
// and one batch at a time; the infos (one per batch) are the only part that grows with the range.
struct CleanJob {
    // What one closed segment becomes.
    struct SegmentRewrite {
        qint64 base = -1;
        qint64 sizeBytes = 0; // of "<base>.log.cleaned", written and synced; 0: the segment goes
        std::vector<StoredBatchInfo> infos;
        qint64 maxTimestamp = -1;
        qint64 rollTimestamp = -1;
        bool changed = false;
        qint64 oldSize = 0;
    };

    // Taken on the engine thread.
    TopicPartition tp;
    qint64 partitionId = -1; // the store's key: a topic deleted and created again has another
    qint64 logStartOffset = 0;
    qint64 cleanEnd = 0; // the first offset not cleaned (the active segment's base on disk; earlier if cut short)
    qint64 firstDirtyOffset = 0; // where the part written since the last cleaning starts (the log start if never)
    qint64 keyMapBudgetBytes = 0; // on disk: StorageOptions::cleanerKeyMapBytes
    SegmentWriteLimits writeLimits; // on disk: the storage fault seam's, copied (the cleaned files are the job's)
    qint64 nowMs = 0;
    qint64 deleteRetentionMs = 0;
    std::vector<StoredBatchInfo> infos; // the range's batches, from the index
    // On disk: the partition's directory and its segments when prepared (the range lies in the closed ones).
    QString directory;
    std::vector<SegmentInfo> segments;
    // In memory: the range's bytes, read from the store on the engine thread.
    QByteArray memoryBytes;

    // Worked out by computeCleaning().
    LogManager::CleanReport report; // bytesBefore is the range's (once computed: the range cleaned)
    // The first offset the key map did not cover: the next cleaning's firstDirtyOffset. cleanEnd when the map held the
    // whole dirty range or stopped at a segment; inside the last segment cleaned when that one alone filled it; a
    // segment's base when it lost records but is left as it was (its cleaned file would have had its old size).
    qint64 dirtyEnd = 0;
    bool cutShort = false; // the map filled before the prepared cleanEnd: the rest is left for the next pass
    bool failed = false; // report.error and why say why; the partition is left as it is
    QString why;
    bool changed = false; // some record goes
    qint64 tombstonesDueMs = std::numeric_limits<qint64>::max();
    qint64 firstBatchBase = -1;
    std::vector<SegmentRewrite> rewrites; // on disk: changed segments only, cleaned files written
    std::vector<StoredBatchInfo> memoryInfos; // in memory: the batches kept, and their bytes
    std::vector<QByteArray> memoryKept;
    qint64 computeMs = 0;

    QString segmentPath(qint64 base) const { return directory + QLatin1Char('/') + SegmentLog::fileName(base); }
    // Unlinks the cleaned files written (the commit found the partition changed, or failed).
    void discardCleanedFiles() const;
};

// Any thread: reads and validates the range (CRC per batch), decodes it, keeps each key's newest record (and
// tombstones younger than delete.retention.ms) and, on disk, writes "<base>.log.cleaned" beside each changed segment,
// synced. On disk in two passes over bounded reads: the first maps each key of the dirty range to its newest offset
// (stopping at a segment when the map would pass its budget: job.cleanEnd then moves back to it), the second rewrites
// the range a segment at a time against the map. A segment renamed away by retention meanwhile fails the read;
// commit() would refuse the result anyway.
void computeCleaning(CleanJob &job);

// The live engine's log cleaner thread: one job at a time, as Kafka's single cleaner thread. Created, fed and polled
// on the engine thread; destruction waits for the job in hand (its cleaned files are then left for the next start's
// recovery to remove, as after a crash).
class CleanerThread {
public:
    CleanerThread();
    ~CleanerThread();
    CleanerThread(const CleanerThread &) = delete;
    CleanerThread &operator=(const CleanerThread &) = delete;

    // Starts job; false while another is in hand (finished or not).
    bool submit(std::unique_ptr<CleanJob> job);
    bool busy() const; // a job is in hand, finished or not
    std::unique_ptr<CleanJob> takeFinished();
    // Blocks until the job in hand (if any) is computed; returns it.
    std::unique_ptr<CleanJob> wait();

private:
    void run();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    std::unique_ptr<CleanJob> m_job;
    bool m_finished = false;
    bool m_stop = false;
    std::thread m_thread; // last: started once the members it reads exist
};

} // namespace topicscope::engine
