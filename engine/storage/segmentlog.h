#pragma once

#include "storedbatchinfo.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace topicscope::engine {

// One segment file of a partition as the index describes it: its first offset, the bytes that belong to the log
// (a file may be longer after a crash: that tail is not part of the log until recovery has dealt with it), the
// timestamp Kafka rolls it by (the first batch's maxTimestamp) and its largest timestamp (retention.ms).
struct SegmentInfo {
    qint64 baseOffset = 0;
    qint64 sizeBytes = 0;
    qint64 rollTimestamp = -1;
    qint64 maxTimestamp = -1;
};

// When a new segment starts: segment.bytes and segment.ms, as Kafka's LogSegment.shouldRoll has them.
struct SegmentRollPolicy {
    qint64 segmentBytes = 1LL << 30;
    qint64 segmentMs = 7LL * 24 * 3600 * 1000;
};

// Limits the storage fault seams put on segment writes (LogManager::setStorage*ForTesting): shared by every
// partition's SegmentLog, owned by the LogManager.
struct SegmentWriteLimits {
    qint64 budgetBytes = -1; // bytes that may still be written; -1 = no limit (a nearly full disk otherwise)
    bool readOnly = false;
};

// The record bytes of one partition on disk: append-only segment files named by their 20-digit base offset
// (`00000000000000000000.log`) in the partition's directory, as Kafka lays them out. The index (which batch is
// where) lives in SQLite; this class only writes, reads, truncates and deletes the files, and remembers which
// writes are not yet committed so a failed append can be undone (memory equal to disk). Part of the functional
// core; lives on the engine thread; not thread-safe. POSIX file calls (pwrite, pread, fdatasync).
class FileRemover;
class WritebackStarter;

class SegmentLog {
public:
    // "<topic>-<partition>", Kafka's directory name: unique because the partition is the text after the last '-'.
    static QString directoryName(const QString &topic, int partition);
    static QString fileName(qint64 baseOffset);
    // Appended to a segment's file name once retention has dropped it, until its unlink (FileRemover).
    static constexpr char DeletedSuffix[] = ".deleted";

    // remover, when given, unlinks the segments retention and the cleaner drop on its own thread. writeback, when
    // given (and without fsyncEachCommit, which syncs anyway), is handed each WritebackStarter::DefaultChunkBytes
    // appended, and a segment's remainder when it rolls, so the kernel writes them back as they come.
    SegmentLog(const QString &directory, bool fsyncEachCommit, SegmentWriteLimits *limits,
        FileRemover *remover = nullptr, WritebackStarter *writeback = nullptr);
    ~SegmentLog();
    SegmentLog(const SegmentLog &) = delete;
    SegmentLog &operator=(const SegmentLog &) = delete;

    QString directory() const { return m_directory; }
    QString filePath(qint64 baseOffset) const;
    const std::vector<SegmentInfo> &segments() const { return m_segments; }
    qint64 totalBytes() const;

    // Brings the files in line with the index at start-up (indexed: the index's segments, in offset order, their
    // sizes as committed; nextOffset: the log end offset the index has). Bytes past the last segment's indexed size,
    // and files after it the index does not know, were appended after the last index commit (appends are
    // acknowledged before it; LogManager::append): they are validated batch by batch (length, CRC-32C, and each
    // batch's base offset the next one), and the whole valid batches that continue the log are kept and given to
    // *found (the segments grow: dirtySegments() has them for the index, commit() once it has them); the first that
    // is torn, invalid or out of place, and everything after it, is cut off. Bytes past the indexed size of an earlier
    // segment, and files before the last indexed one that the index does not know, are cut off or removed. A file
    // shorter than the index says is damage: reported, left for reads to fail on. Each thing done or found is one
    // line of *report. False only when a file operation fails.
    bool recover(const std::vector<SegmentInfo> &indexed, qint64 nextOffset, std::vector<StoredBatchInfo> *found,
        QStringList *report, QString *why);

    // Writes one batch (its final bytes: base offset assigned) at the end of the active segment, first starting a new
    // segment at baseOffset when the policy says so or there is none; head then tail (empty, or the rest of the batch
    // when only its header was copied and patched). *segmentBase and *position say where it went. Nothing is durable
    // before sync() and nothing is committed before commit().
    bool append(QByteArrayView head, QByteArrayView tail, qint64 baseOffset, qint64 maxTimestamp, qint64 nowMs,
        const SegmentRollPolicy &policy, qint64 *segmentBase, qint64 *position, QString *why);
    // The segments append() touched since the last commit()/rollback(), as they are now (for the index).
    std::vector<SegmentInfo> dirtySegments() const;
    // fdatasync of the files (and of the directory when a file was created) written since the last commit().
    bool sync(QString *why);
    void commit();
    // Undoes every append since the last commit(): truncates files to their committed size, removes new ones.
    void rollback();

    // Reads size bytes at position of the segment starting at segmentBase, appending them to *out. A short file
    // is an error naming the file and the range.
    bool read(qint64 segmentBase, qint64 position, qint64 size, QByteArray *out, QString *why) const;

    // Forgets and unlinks the segments whose offsets all lie below offset (the next segment starts at or before it);
    // the active segment too when dropActive (the log start reached the log end). Call once the index no longer names
    // them.
    void removeSegmentsBelow(qint64 offset, bool dropActive);
    // The log cleaner's swap (LogManager::clean). The new contents of a closed segment are written beside it as
    // "<base>.log.cleaned" and synced (writeCleaned); once the index commit points at them, swapCleaned renames them
    // over the segment (atomic) and reopens it; discardCleaned removes them when the commit failed (or found the
    // partition changed). writeCleaned and discardCleaned run on any thread (the live engine's cleaner has its own);
    // segmentPath is the segment's filePath(). A segment the
    // cleaner emptied goes with removeSegment once the index no longer names it. recover() finishes or discards a swap
    // a crash interrupted by the sizes: the index holds either the old size or the cleaned one, and the cleaner never
    // writes a cleaned file of the old size.
    static constexpr char CleanedSuffix[] = ".cleaned";
    static bool writeCleaned(const QString &segmentPath, QByteArrayView bytes, QString *why);
    // A cleaned file written as the cleaner goes, a batch at a time, so a segment's new contents are never whole in
    // memory: open() creates "<segmentPath>.cleaned", append() writes at its end, finish() syncs and closes it. One
    // not finished is removed when discarded or destroyed. Any thread; one owner. limits, when given, is the storage
    // fault seam's (LogManager::setStorage*ForTesting), as the cleaning's own copy: it runs on the cleaner's thread.
    class CleanedFile {
    public:
        explicit CleanedFile(const QString &segmentPath, SegmentWriteLimits *limits = nullptr);
        ~CleanedFile();
        CleanedFile(const CleanedFile &) = delete;
        CleanedFile &operator=(const CleanedFile &) = delete;

        bool open(QString *why);
        bool append(QByteArrayView bytes, QString *why);
        bool finish(QString *why);
        void discard();
        qint64 size() const { return m_size; }

    private:
        QString m_path;
        SegmentWriteLimits *m_limits = nullptr;
        int m_fd = -1;
        qint64 m_size = 0;
    };
    bool swapCleaned(const SegmentInfo &cleaned, QString *why);
    static void discardCleaned(const QString &segmentPath);
    void removeSegment(qint64 baseOffset);

    // Closes and removes every file and the directory (topic deleted).
    void removeAll();

private:
    struct Segment;
    bool openSegment(qint64 baseOffset, bool create, QString *why);
    // recover(): keeps the whole valid batches past segment index's size that continue the log at *nextOffset (moved
    // past them), given to *found, and cuts off the rest of the file (fileSize bytes); one line of *report says so.
    // A segment of size 0 (a file the index does not know) is left untouched when none does.
    bool keepTail(size_t index, qint64 fileSize, qint64 *nextOffset, std::vector<StoredBatchInfo> *found,
        QStringList *report, QString *why);
    Segment *find(qint64 baseOffset) const;
    // Closes the segment at index, renames it "<name>.deleted" and hands it to the remover (or unlinks it).
    void dropSegmentAt(size_t index);
    // Hands the bytes of the segment at index appended since its last hand-over to m_writeback.
    void startWriteback(size_t index);

    QString m_directory;
    bool m_fsync = false;
    SegmentWriteLimits *m_limits = nullptr;
    FileRemover *m_remover = nullptr;
    WritebackStarter *m_writeback = nullptr;
    bool m_directoryDirty = false;
    std::vector<SegmentInfo> m_segments; // ordered by base offset; the last is the active one
    std::vector<std::unique_ptr<Segment>> m_files; // parallel to m_segments
};

} // namespace topicscope::engine
