// LogManager's log cleaner: compaction of topics whose cleanup.policy includes compact, in place, as Kafka's
// LogCleaner does it (offsets kept, superseded records dropped). The work of one partition is a CleanJob
// (cleanjob.h): prepared and committed on the engine thread, computed there too or, in the live engine, on the
// cleaner's own thread.
#include "cleanjob.h"
#include "logmanagerprivate.h"

#include "core/recordbatch.h"

#include <QElapsedTimer>
#include <QFile>
#include <map>

namespace topicscope::engine {

namespace {

// One batch of the cleanable range: what it held and what the cleaner keeps of it.
struct CleanedBatch {
    RecordBatchHeader header;
    QByteArray bytes; // as stored, and after the cleaning as it will be stored (empty: dropped)
    std::vector<Record> records;
    qint64 segmentBase = -1; // on disk: the segment holding it
    bool rewritten = false; // it lost records (and maybe all of them)
};

// Bytes read from the log per step while the cleaner reads its range.
constexpr qint64 ReadChunkBytes = 4 << 20;

// Said by commitCleaning(), unless the partition changed meanwhile (a segment retention renamed away mid-read).
void fail(CleanJob &job, ErrorCode error, const QString &why)
{
    job.failed = true;
    job.why = why;
    job.report.error = error;
}

// Reads job's range from its segment files (own file handles: the engine thread's are not shared), in runs of at
// most ReadChunkBytes of adjacent batches, each run checked against the index.
bool readSegmentRuns(CleanJob &job, const std::function<bool(const QByteArray &)> &onRun)
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
    for (const StoredBatchInfo &info : job.infos) {
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

// Each batch of the range, decoded, and the newest offset of each key in it.
bool decodeRange(CleanJob &job, std::vector<CleanedBatch> *batches, std::map<QByteArray, qint64> *newest)
{
    size_t segmentIndex = 0; // on disk: the segment of the last batch read
    const auto onRun = [&](const QByteArray &chunk) {
        for (QByteArrayView view : RecordBatch::split(chunk)) {
            CleanedBatch batch;
            batch.header = *RecordBatch::parseHeader(view);
            if (batch.header.baseOffset >= job.cleanEnd || batch.header.lastOffset() < job.logStartOffset)
                continue;
            batch.bytes = view.toByteArray();
            if (!batch.header.isControl()) {
                QString why;
                if (RecordBatch::decode(view, &batch.records, &why) != ErrorCode::None) {
                    fail(job, ErrorCode::CorruptMessage,
                        QStringLiteral("cannot decode the batch at offset %1: %2")
                            .arg(batch.header.baseOffset)
                            .arg(why));
                    return false;
                }
                for (const Record &record : batch.records) {
                    if (record.key)
                        (*newest)[*record.key] = record.offset;
                }
            }
            if (!job.directory.isEmpty()) {
                // Batches come in offset order: the segment holding this one is at or after the last one's.
                while (segmentIndex + 1 < job.segments.size()
                    && job.segments[segmentIndex + 1].baseOffset <= batch.header.baseOffset)
                    ++segmentIndex;
                batch.segmentBase = job.segments[segmentIndex].baseOffset;
            }
            batches->push_back(std::move(batch));
        }
        return true;
    };
    return job.directory.isEmpty() ? onRun(job.memoryBytes) : readSegmentRuns(job, onRun);
}

} // namespace

void computeCleaning(CleanJob &job)
{
    QElapsedTimer timer;
    timer.start();
    std::vector<CleanedBatch> batches;
    std::map<QByteArray, qint64> newest;
    if (!decodeRange(job, &batches, &newest))
        return;
    job.memoryBytes.clear();
    job.firstBatchBase = batches.empty() ? job.cleanEnd : batches.front().header.baseOffset;

    // What each batch keeps.
    for (CleanedBatch &batch : batches) {
        if (batch.header.isControl())
            continue; // no transactions here; kept as they are
        std::vector<Record> kept;
        for (const Record &record : batch.records) {
            ++job.report.recordsRead;
            if (!record.key || newest[*record.key] != record.offset)
                continue; // superseded, or a record a compacted log cannot hold (Kafka's cleaner drops it too)
            if (!record.value) {
                const qint64 due = record.timestamp + job.deleteRetentionMs;
                if (due <= job.nowMs)
                    continue; // a tombstone that has done its work
                job.tombstonesDueMs = std::min(job.tombstonesDueMs, due);
            }
            kept.push_back(record);
        }
        job.report.recordsKept += static_cast<qint64>(kept.size());
        if (kept.size() == batch.records.size())
            continue;
        job.changed = true;
        batch.rewritten = true;
        batch.bytes = kept.empty() ? QByteArray() : RecordBatch::retain(batch.header, kept);
    }
    if (!job.changed)
        return;

    // The new contents: per segment on disk (a cleaned file beside each changed one), or the batches in memory.
    for (const CleanedBatch &batch : batches) {
        if (!job.directory.isEmpty() && (job.rewrites.empty() || job.rewrites.back().base != batch.segmentBase)) {
            CleanJob::SegmentRewrite next;
            next.base = batch.segmentBase;
            for (const SegmentInfo &segment : job.segments) {
                if (segment.baseOffset == batch.segmentBase) {
                    next.oldSize = segment.sizeBytes;
                    next.rollTimestamp = segment.rollTimestamp;
                }
            }
            job.rewrites.push_back(next);
        }
        if (!job.directory.isEmpty() && batch.rewritten)
            job.rewrites.back().changed = true;
        if (batch.bytes.isEmpty())
            continue; // dropped whole
        const RecordBatchHeader header = *RecordBatch::parseHeader(batch.bytes);
        StoredBatchInfo info;
        info.baseOffset = header.baseOffset;
        info.lastOffset = header.lastOffset();
        info.maxTimestamp = header.maxTimestamp;
        info.recordCount = header.recordsCount;
        info.sizeBytes = batch.bytes.size();
        if (!job.directory.isEmpty()) {
            CleanJob::SegmentRewrite &rewrite = job.rewrites.back();
            info.segmentBase = rewrite.base;
            info.filePosition = rewrite.bytes.size();
            rewrite.bytes += batch.bytes;
            rewrite.maxTimestamp = std::max(rewrite.maxTimestamp, info.maxTimestamp);
            rewrite.infos.push_back(info);
        } else {
            job.memoryInfos.push_back(info);
            job.memoryKept.push_back(batch.bytes);
        }
    }
    // A cleaned file the size of the old one would make an interrupted swap ambiguous at recovery (see
    // SegmentLog::writeCleaned): such a segment (rare: it lost records but a compressed batch grew by as much) is left
    // for a later cleaning.
    std::erase_if(
        job.rewrites, [](const CleanJob::SegmentRewrite &r) { return !r.changed || r.bytes.size() == r.oldSize; });
    for (CleanJob::SegmentRewrite &rewrite : job.rewrites) {
        QString why;
        if (!rewrite.bytes.isEmpty() && !SegmentLog::writeCleaned(job.segmentPath(rewrite.base), rewrite.bytes, &why)) {
            job.discardCleanedFiles();
            fail(job, ErrorCode::KafkaStorageError, why);
            return;
        }
    }
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
    const bool dirtyEnough = dirtyBytes > 0
        && static_cast<double>(dirtyBytes) >= topic.config.minCleanableDirtyRatio * job->report.bytesBefore;
    if (job->infos.empty() || !(force || dirtyEnough || mark.tombstonesDueMs <= job->nowMs))
        return nullptr;
    if (log) {
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
        mark.firstDirtyOffset = job.cleanEnd;
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
            if (rewrite.bytes.isEmpty()) {
                if (!store->deleteSegment(p.partitionId, rewrite.base, e))
                    return false;
                continue;
            }
            for (const StoredBatchInfo &info : rewrite.infos) {
                if (!store->insertBatchLocation(p.partitionId, info, e))
                    return false;
            }
            if (!store->upsertSegment(p.partitionId,
                    StoredSegment {rewrite.base, rewrite.bytes.size(), rewrite.rollTimestamp, rewrite.maxTimestamp}, e))
                return false;
        }
        qint64 after = 0;
        for (const StoredBatchInfo &info : job.memoryInfos)
            after += info.sizeBytes;
        for (const CleanJob::SegmentRewrite &rewrite : job.rewrites)
            after += rewrite.bytes.size() - rewrite.oldSize;
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
        if (rewrite.bytes.isEmpty()) {
            log->removeSegment(rewrite.base);
        } else if (!log->swapCleaned(
                       SegmentInfo {rewrite.base, rewrite.bytes.size(), rewrite.rollTimestamp, rewrite.maxTimestamp},
                       &why)) {
            // The index already points at the cleaned bytes; reads of this segment fail (checked batches) until the
            // next start finishes the swap (SegmentLog::recover).
            qCCritical(lcLogManager).noquote() << "cleaner:" << why;
        }
    }
    report.bytesAfter = report.bytesBefore + (next.sizeBytes - p.sizeBytes);
    p = next;
    mark.firstDirtyOffset = job.cleanEnd;
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
