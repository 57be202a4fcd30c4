// LogManager's log cleaner: compaction of topics whose cleanup.policy includes compact, in place, as Kafka's
// LogCleaner does it (offsets kept, superseded records dropped). The work of one partition is a CleanJob
// (cleanjob.h): prepared and committed on the engine thread, computed there too or, in the live engine, on the
// cleaner's own thread.
#include "cleanjob.h"
#include "logmanagerprivate.h"

#include "core/recordbatch.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <span>

namespace topicscope::engine {

namespace {

// Bytes read from the log per step while the cleaner reads its range.
constexpr qint64 ReadChunkBytes = 4 << 20;

// What one entry of the key map costs beyond its key's bytes, by our estimate: the QHash node (a QByteArray and a
// qint64, 32 bytes), its share of the spans, and the key's own heap block (header and allocator overhead).
constexpr qint64 KeyMapEntryOverhead = 96;

// Said by commitCleaning(), unless the partition changed meanwhile (a segment retention renamed away mid-read).
void fail(CleanJob &job, ErrorCode error, const QString &why)
{
    job.failed = true;
    job.why = why;
    job.report.error = error;
}

// The newest offset of each key seen, and an estimate of the memory that takes. Whole keys, not hashes of them: a
// hash collision would make one key's newest record look superseded by another key's, and drop it.
class KeyMap {
public:
    void record(const QByteArray &key, qint64 offset)
    {
        const auto found = m_newest.find(key);
        if (found == m_newest.end()) {
            m_newest.insert(key, offset);
            m_bytes += key.size() + KeyMapEntryOverhead;
        } else if (*found < offset) {
            *found = offset;
        }
    }
    void merge(const KeyMap &other)
    {
        for (auto it = other.m_newest.cbegin(); it != other.m_newest.cend(); ++it)
            record(it.key(), it.value());
    }
    // A record of key at a later offset was seen. A key the map lacks has none in the part mapped: its records are the
    // newest ones the cleaner knows of.
    bool supersedes(const QByteArray &key, qint64 offset) const { return m_newest.value(key, -1) > offset; }
    qint64 bytes() const { return m_bytes; }

private:
    QHash<QByteArray, qint64> m_newest;
    qint64 m_bytes = 0;
};

// The bytes one batch's decoded records take, by estimate.
qint64 recordBytes(const std::vector<Record> &records)
{
    qint64 bytes = 0;
    for (const Record &record : records) {
        bytes += static_cast<qint64>(sizeof(Record)) + record.key.value_or(QByteArray()).size()
            + record.value.value_or(QByteArray()).size();
        for (const RecordHeader &header : record.headers)
            bytes += static_cast<qint64>(sizeof(RecordHeader)) + header.key.size()
                + header.value.value_or(QByteArray()).size();
    }
    return bytes;
}

// The cleaner's own count of what it holds at a moment (CleanReport::peakHeldBytes keeps the most).
void noteHeld(CleanJob &job, qint64 bytes)
{
    job.report.peakHeldBytes = std::max(job.report.peakHeldBytes, bytes);
}

// Reads infos (batches of job's range, in offset order) from their segment files (own file handles: the engine
// thread's are not shared), in runs of at most ReadChunkBytes of adjacent batches, each run checked against the
// index. False when onRun returns false (it stops) or a read fails (job.failed).
bool readSegmentRuns(
    CleanJob &job, std::span<const StoredBatchInfo> infos, const std::function<bool(const QByteArray &)> &onRun)
{
    QFile file;
    qint64 openBase = -1;
    QByteArray run;
    std::vector<StoredBatchInfo> expected;
    QString why;
    const auto flush = [&] {
        if (expected.empty())
            return true;
        const StoredBatchInfo &first = expected.front();
        if (openBase != first.segmentBase) {
            file.close();
            file.setFileName(job.segmentPath(first.segmentBase));
            if (!file.open(QIODevice::ReadOnly)) {
                fail(job, ErrorCode::KafkaStorageError,
                    QStringLiteral("cannot open %1: %2").arg(file.fileName(), file.errorString()));
                return false;
            }
            openBase = first.segmentBase;
        }
        const qint64 size = expected.back().filePosition + expected.back().sizeBytes - first.filePosition;
        run.resize(size);
        if (!file.seek(first.filePosition) || file.read(run.data(), size) != size) {
            fail(job, ErrorCode::KafkaStorageError,
                QStringLiteral("cannot read %1 byte(s) at position %2 of %3")
                    .arg(size)
                    .arg(first.filePosition)
                    .arg(file.fileName()));
            return false;
        }
        const auto where = [&](const StoredBatchInfo *want) {
            return want ? QStringLiteral("%1 at position %2").arg(file.fileName()).arg(want->filePosition)
                        : file.fileName();
        };
        if (checkStoredBatches(job.tp, run, expected, where, &why) < run.size()) {
            fail(job, ErrorCode::KafkaStorageError, why);
            return false;
        }
        expected.clear();
        return onRun(run);
    };
    qint64 runBytes = 0;
    for (const StoredBatchInfo &info : infos) {
        const bool adjacent = !expected.empty() && info.segmentBase == expected.back().segmentBase
            && info.filePosition == expected.back().filePosition + expected.back().sizeBytes;
        if (!adjacent || runBytes + info.sizeBytes > ReadChunkBytes) {
            if (!flush())
                return false;
            runBytes = 0;
        }
        if (info.segmentBase < 0) {
            fail(job, ErrorCode::KafkaStorageError,
                QStringLiteral("the batch at offset %1 has no segment file").arg(info.baseOffset));
            return false;
        }
        expected.push_back(info);
        runBytes += info.sizeBytes;
    }
    return flush();
}

// One batch of the range as the cleaner reads it: its bytes, header and records (none for a control batch), and the
// size of the read run holding it.
struct ReadBatch {
    QByteArrayView bytes;
    RecordBatchHeader header;
    const std::vector<Record> &records;
    qint64 runBytes = 0;
};

// Decodes the batches of infos (in memory: of job.memoryBytes) one at a time and hands each to visit, until it returns
// false. False when it stopped or failed (job.failed).
bool forEachBatch(
    CleanJob &job, std::span<const StoredBatchInfo> infos, const std::function<bool(const ReadBatch &)> &visit)
{
    std::vector<Record> records;
    const auto onRun = [&](const QByteArray &run) {
        for (QByteArrayView view : RecordBatch::split(run)) {
            const RecordBatchHeader header = *RecordBatch::parseHeader(view);
            if (header.baseOffset >= job.cleanEnd || header.lastOffset() < job.logStartOffset)
                continue;
            records.clear();
            QString why;
            if (!header.isControl() && RecordBatch::decode(view, &records, &why) != ErrorCode::None) {
                fail(job, ErrorCode::CorruptMessage,
                    QStringLiteral("cannot decode the batch at offset %1: %2").arg(header.baseOffset).arg(why));
                return false;
            }
            if (!visit(ReadBatch {view, header, records, run.size()}))
                return false;
        }
        return true;
    };
    return job.directory.isEmpty() ? onRun(job.memoryBytes) : readSegmentRuns(job, infos, onRun);
}

// The end of the batches of infos from first on that lie in first's segment.
std::vector<StoredBatchInfo>::const_iterator segmentEnd(
    const std::vector<StoredBatchInfo> &infos, std::vector<StoredBatchInfo>::const_iterator first)
{
    return std::find_if(
        first, infos.cend(), [&](const StoredBatchInfo &info) { return info.segmentBase != first->segmentBase; });
}

// Pass 1: the newest offset of each key of the dirty range [firstDirtyOffset, cleanEnd), into *newest. In memory the
// whole range, without a budget: in-memory stores are demo-sized and their bytes are all in memory already. On disk a
// segment at a time, within keyMapBudgetBytes: when a segment's keys would take the map past it, the segment is left
// out and the cleaning ends at its base (cleanEnd moves back), the rest left for the next pass. When the first
// segment alone does, it is mapped up to the batch that filled the map and cleaned against that, the rest of it
// staying dirty: each pass makes progress, as Kafka's cleaner does, and the map stays bounded (budget + one batch).
bool mapDirtyRange(CleanJob &job, KeyMap *newest)
{
    job.dirtyEnd = job.cleanEnd;
    if (job.directory.isEmpty()) {
        return forEachBatch(job, {}, [&](const ReadBatch &batch) {
            for (const Record &record : batch.records) {
                if (record.key)
                    newest->record(*record.key, record.offset);
            }
            return true;
        });
    }
    const qint64 infosBytes = static_cast<qint64>(job.infos.size() * sizeof(StoredBatchInfo));
    auto from = std::find_if(job.infos.cbegin(), job.infos.cend(),
        [&](const StoredBatchInfo &info) { return info.lastOffset >= job.firstDirtyOffset; });
    for (bool first = true; from != job.infos.cend(); first = false) {
        const auto to = segmentEnd(job.infos, from);
        KeyMap segmentKeys; // apart until the segment is read whole: a segment that does not fit is left out
        qint64 filledAt = -1;
        forEachBatch(job, {from, to}, [&](const ReadBatch &batch) {
            for (const Record &record : batch.records) {
                if (record.key)
                    segmentKeys.record(*record.key, record.offset);
            }
            const qint64 mapBytes = newest->bytes() + segmentKeys.bytes();
            noteHeld(job, mapBytes + batch.runBytes + recordBytes(batch.records) + infosBytes);
            if (mapBytes <= job.keyMapBudgetBytes)
                return true;
            filledAt = batch.header.lastOffset() + 1;
            return false;
        });
        if (job.failed)
            return false;
        if (filledAt >= 0 && !first) {
            job.cleanEnd = job.dirtyEnd = from->segmentBase;
            return true;
        }
        newest->merge(segmentKeys);
        if (filledAt >= 0) {
            job.dirtyEnd = filledAt;
            if (to != job.infos.cend())
                job.cleanEnd = to->segmentBase;
            return true;
        }
        from = to;
    }
    return true;
}

// The records of one batch the cleaner keeps: not superseded by a newer record of their key, with a key (a compacted
// log cannot hold a record without one: Kafka's cleaner drops it too), and not a tombstone older than
// delete.retention.ms. Counted in job.report.
std::vector<Record> keptRecords(CleanJob &job, const KeyMap &newest, const std::vector<Record> &records)
{
    std::vector<Record> kept;
    for (const Record &record : records) {
        if (!record.key || newest.supersedes(*record.key, record.offset))
            continue;
        if (!record.value) {
            const qint64 due = record.timestamp + job.deleteRetentionMs;
            if (due <= job.nowMs)
                continue; // a tombstone that has done its work
            job.tombstonesDueMs = std::min(job.tombstonesDueMs, due);
        }
        kept.push_back(record);
    }
    job.report.recordsRead += static_cast<qint64>(records.size());
    job.report.recordsKept += static_cast<qint64>(kept.size());
    if (kept.size() != records.size())
        job.changed = true;
    return kept;
}

// Pass 2 over the batches of infos: hands out what each keeps (the batch as stored, or rewritten with the records it
// keeps and its offsets; nothing when it keeps none), whether it is the batch as stored, and the bytes held meanwhile.
// Control batches are kept as they are (no transactions here). False when out failed, or the read (job.failed).
bool cleanBatches(CleanJob &job, std::span<const StoredBatchInfo> infos, const KeyMap &newest,
    const std::function<bool(QByteArrayView, bool asStored, qint64 held)> &out)
{
    return forEachBatch(job, infos, [&](const ReadBatch &batch) {
        const qint64 held = batch.runBytes + recordBytes(batch.records);
        if (batch.header.isControl())
            return out(batch.bytes, true, held);
        const std::vector<Record> kept = keptRecords(job, newest, batch.records);
        if (kept.size() == batch.records.size())
            return out(batch.bytes, true, held);
        if (kept.empty())
            return true; // dropped whole
        const QByteArray rewritten = RecordBatch::retain(batch.header, kept);
        return out(rewritten, false, held + recordBytes(kept) + rewritten.size());
    });
}

StoredBatchInfo keptBatchInfo(QByteArrayView bytes)
{
    const RecordBatchHeader header = *RecordBatch::parseHeader(bytes);
    StoredBatchInfo info;
    info.baseOffset = header.baseOffset;
    info.lastOffset = header.lastOffset();
    info.maxTimestamp = header.maxTimestamp;
    info.recordCount = header.recordsCount;
    info.sizeBytes = bytes.size();
    return info;
}

// Pass 2 in memory: the batches kept, for commitCleaning() to put in the store in place of the range's.
void cleanInMemory(CleanJob &job, const KeyMap &newest)
{
    job.firstBatchBase = job.infos.empty() ? job.cleanEnd : job.infos.front().baseOffset;
    cleanBatches(job, {}, newest, [&](QByteArrayView bytes, bool, qint64) {
        job.memoryInfos.push_back(keptBatchInfo(bytes));
        job.memoryKept.push_back(bytes.toByteArray());
        return true;
    });
    job.memoryBytes.clear();
}

// Pass 2 on disk: each segment of the range read again and written, as it is read, to "<base>.log.cleaned". The file
// is started at the segment's first change, with a copy of the batches before it (read again from the segment, in
// checked runs), so a segment that loses nothing is never written. One whose cleaned file would have its old size
// (see SegmentLog::writeCleaned: rare, when it lost records but a compressed batch grew by as much; left for a later
// cleaning) keeps no file; one left empty neither.
void rewriteSegments(CleanJob &job, const KeyMap &newest)
{
    qint64 infosBytes = static_cast<qint64>(job.infos.size() * sizeof(StoredBatchInfo));
    QString why;
    for (auto from = job.infos.cbegin(); from != job.infos.cend();) {
        const auto to = segmentEnd(job.infos, from);
        CleanJob::SegmentRewrite rewrite;
        rewrite.base = from->segmentBase;
        for (const SegmentInfo &segment : job.segments) {
            if (segment.baseOffset == rewrite.base) {
                rewrite.oldSize = segment.sizeBytes;
                rewrite.rollTimestamp = segment.rollTimestamp;
            }
        }
        const qint64 droppedBefore = job.report.recordsRead - job.report.recordsKept;
        const auto changedYet = [&] { return job.report.recordsRead - job.report.recordsKept > droppedBefore; };
        SegmentLog::CleanedFile file(job.segmentPath(rewrite.base), &job.writeLimits); // removed unless finished
        bool started = false;
        qint64 size = 0; // of the cleaned segment so far, started or not
        // Starts the file with the batches kept as stored so far (on disk every batch of infos is handed out or
        // dropped, in order: before the first change, the ones kept are the first of the segment's infos).
        const auto start = [&](qint64 held) {
            started = true;
            return file.open(&why)
                && (rewrite.infos.empty()
                    || readSegmentRuns(job, {from, from + static_cast<std::ptrdiff_t>(rewrite.infos.size())},
                        [&](const QByteArray &run) {
                            noteHeld(job, newest.bytes() + held + run.size() + infosBytes);
                            return file.append(run, &why);
                        }));
        };
        bool written = cleanBatches(job, {from, to}, newest, [&](QByteArrayView bytes, bool asStored, qint64 held) {
            if (!started && (!asStored || changedYet()) && !start(held))
                return false;
            StoredBatchInfo info = keptBatchInfo(bytes);
            info.segmentBase = rewrite.base;
            info.filePosition = size;
            size += bytes.size();
            rewrite.maxTimestamp = std::max(rewrite.maxTimestamp, info.maxTimestamp);
            rewrite.infos.push_back(info);
            infosBytes += static_cast<qint64>(sizeof(StoredBatchInfo));
            noteHeld(job, newest.bytes() + held + infosBytes);
            return !started || file.append(bytes, &why);
        });
        rewrite.changed = changedYet();
        rewrite.sizeBytes = size;
        const bool keep = written && rewrite.changed && rewrite.sizeBytes != rewrite.oldSize;
        if (keep && rewrite.sizeBytes > 0)
            written = (started || start(0)) && file.finish(&why);
        if (!written) {
            job.discardCleanedFiles();
            if (!job.failed)
                fail(job, ErrorCode::KafkaStorageError, why);
            return;
        }
        if (keep)
            job.rewrites.push_back(std::move(rewrite));
        else if (rewrite.changed) // left with records it should lose: the next pass maps its keys again
            job.dirtyEnd = std::min(job.dirtyEnd, rewrite.base);
        from = to;
    }
}

} // namespace

void computeCleaning(CleanJob &job)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 preparedEnd = job.cleanEnd;
    KeyMap newest;
    if (!mapDirtyRange(job, &newest))
        return;
    job.cutShort = job.dirtyEnd < preparedEnd;
    if (job.cleanEnd < preparedEnd) {
        std::erase_if(job.infos, [&](const StoredBatchInfo &info) { return info.baseOffset >= job.cleanEnd; });
        job.report.bytesBefore = 0;
        for (const StoredBatchInfo &info : job.infos)
            job.report.bytesBefore += info.sizeBytes;
        job.report.bytesAfter = job.report.bytesBefore;
    }
    job.report.rangeEnd = job.cleanEnd;
    if (job.directory.isEmpty())
        cleanInMemory(job, newest);
    else
        rewriteSegments(job, newest);
    job.computeMs = timer.elapsed();
}

std::unique_ptr<CleanJob> LogManager::Private::prepareCleaning(
    const QString &name, Topic &topic, StoredPartition &p, bool force)
{
    auto job = std::make_unique<CleanJob>();
    job->tp = TopicPartition {name, p.partition};
    job->partitionId = p.partitionId;
    job->logStartOffset = p.logStartOffset;
    job->nowMs = clock.nowMs();
    job->deleteRetentionMs = topic.config.deleteRetentionMs;
    SegmentLog *log = logOf(topic, p.partition);
    // Never the active segment: it is still being written (Kafka's rule). In memory there are no segments; the last
    // batch stands in for the active segment, so that the log's last offset always holds a record, as on Kafka.
    job->cleanEnd
        = log ? (log->segments().empty() ? p.logStartOffset : log->segments().back().baseOffset) : p.logEndOffset;
    if (job->cleanEnd <= p.logStartOffset)
        return nullptr;
    const CleanerMark &mark = cleanerMarks[p.partitionId];

    // The range's batches from the index: is it worth cleaning?
    QString why;
    if (!store->forEachBatch(
            p.partitionId, p.logStartOffset,
            [&](const StoredBatchInfo &info) {
                if (info.baseOffset >= job->cleanEnd)
                    return false;
                job->infos.push_back(info);
                return true;
            },
            &why)) {
        fail(*job, ErrorCode::KafkaStorageError, QStringLiteral("cannot read the index: ") + why);
        return job;
    }
    if (!log && !job->infos.empty()) {
        job->cleanEnd = job->infos.back().baseOffset;
        job->infos.pop_back();
    }
    qint64 dirtyBytes = 0;
    for (const StoredBatchInfo &info : job->infos) {
        job->report.bytesBefore += info.sizeBytes;
        if (info.baseOffset >= mark.firstDirtyOffset)
            dirtyBytes += info.sizeBytes;
    }
    job->report.bytesAfter = job->report.bytesBefore;
    job->report.rangeEnd = job->cleanEnd;
    const bool dirtyEnough = dirtyBytes > 0
        && static_cast<double>(dirtyBytes) >= topic.config.minCleanableDirtyRatio * job->report.bytesBefore;
    if (job->infos.empty() || !(force || dirtyEnough || mark.cutShort || mark.tombstonesDueMs <= job->nowMs))
        return nullptr;
    job->firstDirtyOffset = std::max(mark.firstDirtyOffset, p.logStartOffset);
    if (log) {
        job->keyMapBudgetBytes = cleanerKeyMapBytes;
        job->writeLimits = writeLimits;
        job->directory = log->directory();
        job->segments = log->segments();
        return job;
    }
    // In memory the bytes are in the store, which only this thread may read.
    for (qint64 offset = job->infos.front().baseOffset; offset < job->cleanEnd;) {
        int count = 0;
        const qint64 before = job->memoryBytes.size();
        QByteArray chunk;
        if (!store->readBatches(p.partitionId, offset, ReadChunkBytes, &chunk, &count, &why) || chunk.isEmpty()
            || checkBatches(job->tp, chunk, {}, &why) < chunk.size()) {
            fail(*job, ErrorCode::KafkaStorageError,
                QStringLiteral("cannot read at offset %1: %2").arg(offset).arg(why));
            return job;
        }
        job->memoryBytes += chunk;
        for (QByteArrayView view : RecordBatch::split(QByteArrayView(job->memoryBytes).sliced(before)))
            offset = RecordBatch::parseHeader(view)->lastOffset() + 1;
    }
    return job;
}

LogManager::CleanReport LogManager::Private::commitCleaning(CleanJob &job)
{
    Topic *topic = nullptr;
    StoredPartition *found = find(job.tp, &topic);
    SegmentLog *log = found ? logOf(*topic, job.tp.partition) : nullptr;
    // Changed meanwhile (deleted, recreated, its log start moved, a segment dropped or cleaned): the result is stale.
    bool stale = !found || found->partitionId != job.partitionId || found->logStartOffset != job.logStartOffset
        || (job.directory.isEmpty() != !log);
    for (const CleanJob::SegmentRewrite &rewrite : job.rewrites) {
        if (stale)
            break;
        const std::vector<SegmentInfo> &segments = log->segments();
        const auto segment = std::find_if(
            segments.cbegin(), segments.cend(), [&](const SegmentInfo &s) { return s.baseOffset == rewrite.base; });
        stale = segment == segments.cend() || segment + 1 == segments.cend() || segment->sizeBytes != rewrite.oldSize;
    }
    if (stale) {
        job.discardCleanedFiles();
        qCDebug(lcLogManager).noquote() << "cleaner:" << job.tp.toString() << "changed while it was cleaned; later";
        return {};
    }
    StoredPartition &p = *found;
    CleanerMark &mark = cleanerMarks[p.partitionId];
    CleanReport report = job.report;
    if (job.failed) {
        qCWarning(lcLogManager).noquote()
            << "cleaner:" << job.why << "- partition" << job.tp.toString() << "left as it is";
        return report;
    }
    mark.tombstonesDueMs = job.tombstonesDueMs;
    if (!job.changed || (log && job.rewrites.empty())) {
        mark.firstDirtyOffset = job.dirtyEnd;
        mark.cutShort = job.cutShort;
        return report;
    }

    QString why;
    StoredPartition next = p;
    const ErrorCode error = transact("cleaning", &why, [&](QString *e) {
        if (!log) {
            if (!store->deleteBatchesBetween(p.partitionId, job.firstBatchBase, job.cleanEnd, e))
                return false;
            for (size_t i = 0; i < job.memoryInfos.size(); ++i) {
                if (!store->insertBatch(p.partitionId, job.memoryInfos[i], job.memoryKept[i], e))
                    return false;
            }
        }
        for (const CleanJob::SegmentRewrite &rewrite : job.rewrites) {
            const auto segment = std::find_if(log->segments().cbegin(), log->segments().cend(),
                [&](const SegmentInfo &s) { return s.baseOffset == rewrite.base; });
            const qint64 segmentEnd = (segment + 1)->baseOffset;
            if (!store->deleteBatchesBetween(p.partitionId, rewrite.base, segmentEnd, e))
                return false;
            if (rewrite.sizeBytes == 0) {
                if (!store->deleteSegment(p.partitionId, rewrite.base, e))
                    return false;
                continue;
            }
            for (const StoredBatchInfo &info : rewrite.infos) {
                if (!store->insertBatchLocation(p.partitionId, info, e))
                    return false;
            }
            if (!store->upsertSegment(p.partitionId,
                    StoredSegment {rewrite.base, rewrite.sizeBytes, rewrite.rollTimestamp, rewrite.maxTimestamp}, e))
                return false;
        }
        qint64 after = 0;
        for (const StoredBatchInfo &info : job.memoryInfos)
            after += info.sizeBytes;
        for (const CleanJob::SegmentRewrite &rewrite : job.rewrites)
            after += rewrite.sizeBytes - rewrite.oldSize;
        next.sizeBytes = log ? p.sizeBytes + after : p.sizeBytes - report.bytesBefore + after;
        return store->updatePartition(next, e);
    });
    if (error != ErrorCode::None) {
        job.discardCleanedFiles();
        qCWarning(lcLogManager).noquote() << "cleaner: cleaning" << job.tp.toString() << "failed:" << why;
        report.error = error;
        return report;
    }
    for (const CleanJob::SegmentRewrite &rewrite : job.rewrites) {
        if (rewrite.sizeBytes == 0) {
            log->removeSegment(rewrite.base);
        } else if (!log->swapCleaned(
                       SegmentInfo {rewrite.base, rewrite.sizeBytes, rewrite.rollTimestamp, rewrite.maxTimestamp},
                       &why)) {
            // The index already points at the cleaned bytes; reads of this segment fail (checked batches) until the
            // next start finishes the swap (SegmentLog::recover).
            qCCritical(lcLogManager).noquote() << "cleaner:" << why;
        }
    }
    report.bytesAfter = report.bytesBefore + (next.sizeBytes - p.sizeBytes);
    p = next;
    mark.firstDirtyOffset = job.dirtyEnd;
    mark.cutShort = job.cutShort;
    report.cleaned = true;
    events.publish(LogCleaned {
        job.tp.topic, p.partition, report.recordsRead, report.recordsKept, report.bytesBefore, report.bytesAfter});
    qCInfo(lcLogManager).noquote() << QStringLiteral("cleaned %1: kept %2 of %3 record(s), %4 -> %5 byte(s) in %6 ms")
                                          .arg(job.tp.toString())
                                          .arg(report.recordsKept)
                                          .arg(report.recordsRead)
                                          .arg(report.bytesBefore)
                                          .arg(report.bytesAfter)
                                          .arg(job.computeMs);
    return report;
}

LogManager::CleanReport LogManager::Private::cleanPartition(
    const QString &name, Topic &topic, StoredPartition &p, bool force)
{
    if (cleaner)
        finishBackgroundCleaning(true); // the thread's job may be this partition's
    std::unique_ptr<CleanJob> job = prepareCleaning(name, topic, p, force);
    if (!job)
        return {};
    if (!job->failed)
        computeCleaning(*job);
    return commitCleaning(*job);
}

int LogManager::Private::finishBackgroundCleaning(bool wait)
{
    std::unique_ptr<CleanJob> job = wait ? cleaner->wait() : cleaner->takeFinished();
    return job && commitCleaning(*job).cleaned ? 1 : 0;
}

int LogManager::clean()
{
    int cleaned = 0;
    if (!d->cleaner) {
        for (auto &[name, topic] : d->topics) {
            if (!topic.config.cleanupCompact)
                continue;
            for (StoredPartition &p : topic.partitions) {
                if (d->cleanPartition(name, topic, p, false).cleaned)
                    ++cleaned;
            }
        }
        return cleaned;
    }
    // On the cleaner's thread (on disk only): commit what it finished, then hand it the next partition worth cleaning,
    // the ones after the last one handed first (so none waits behind a busy one).
    cleaned += d->finishBackgroundCleaning(false);
    if (d->cleaner->busy())
        return cleaned;
    struct Candidate {
        const QString *name;
        Private::Topic *topic;
        StoredPartition *partition;
    };
    std::vector<Candidate> candidates;
    size_t start = 0;
    for (auto &[name, topic] : d->topics) {
        if (!topic.config.cleanupCompact)
            continue;
        for (StoredPartition &p : topic.partitions) {
            if (TopicPartition {name, p.partition} == d->lastCleaned)
                start = candidates.size() + 1;
            candidates.push_back({&name, &topic, &p});
        }
    }
    for (size_t i = 0; i < candidates.size(); ++i) {
        const Candidate &c = candidates[(start + i) % candidates.size()];
        std::unique_ptr<CleanJob> job = d->prepareCleaning(*c.name, *c.topic, *c.partition, false);
        if (!job)
            continue;
        d->lastCleaned = job->tp;
        if (job->failed) {
            d->commitCleaning(*job); // says why
            continue;
        }
        d->cleaner->submit(std::move(job));
        break;
    }
    return cleaned;
}

bool LogManager::cleaningInProgress() const
{
    return d->cleaner && d->cleaner->busy();
}

LogManager::CleanReport LogManager::cleanPartition(const TopicPartition &tp)
{
    Private::Topic *topic = nullptr;
    StoredPartition *p = d->find(tp, &topic);
    if (!p) {
        CleanReport report;
        report.error = ErrorCode::UnknownTopicOrPartition;
        return report;
    }
    return d->cleanPartition(tp.topic, *topic, *p, true);
}

} // namespace topicscope::engine
