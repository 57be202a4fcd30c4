// LogManager's log cleaner: compaction of topics whose cleanup.policy includes compact, in place, as Kafka's
// LogCleaner does it (offsets kept, superseded records dropped), on the caller's thread.
#include "logmanagerprivate.h"

#include "core/recordbatch.h"

#include <QElapsedTimer>
#include <map>

namespace topicscope::engine {

namespace {

// One batch of the cleanable range: where it is, what it held and what the cleaner keeps of it.
struct CleanedBatch {
    RecordBatchHeader header;
    QByteArray bytes; // as stored, and after the cleaning as it will be stored (empty: dropped)
    std::vector<Record> records;
    qint64 segmentBase = -1; // on disk: the segment holding it
    bool rewritten = false; // it lost records (and maybe all of them)
};

// Bytes read from the log per step while the cleaner reads its range.
constexpr qint64 ReadChunkBytes = 4 << 20;

} // namespace

int LogManager::clean()
{
    int cleaned = 0;
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

LogManager::CleanReport LogManager::Private::cleanPartition(
    const QString &name, Topic &topic, StoredPartition &p, bool force)
{
    CleanReport report;
    const TopicPartition tp {name, p.partition};
    SegmentLog *log = logOf(topic, p.partition);
    // Never the active segment: it is still being written (Kafka's rule). In memory there are no segments; the last
    // batch stands in for the active segment, so that the log's last offset always holds a record, as on Kafka.
    qint64 cleanEnd
        = log ? (log->segments().empty() ? p.logStartOffset : log->segments().back().baseOffset) : p.logEndOffset;
    if (cleanEnd <= p.logStartOffset)
        return report;
    CleanerMark &mark = cleanerMarks[p.partitionId];
    const qint64 now = clock.nowMs();

    // The range's batches from the index: is it worth cleaning?
    std::vector<StoredBatchInfo> infos;
    QString why;
    if (!store->forEachBatch(
            p.partitionId, p.logStartOffset,
            [&](const StoredBatchInfo &info) {
                if (info.baseOffset >= cleanEnd)
                    return false;
                infos.push_back(info);
                return true;
            },
            &why)) {
        qCWarning(lcLogManager).noquote() << "cleaner: cannot read the index of" << tp.toString() << ":" << why;
        report.error = ErrorCode::KafkaStorageError;
        return report;
    }
    if (!log && !infos.empty()) {
        cleanEnd = infos.back().baseOffset;
        infos.pop_back();
    }
    qint64 dirtyBytes = 0;
    for (const StoredBatchInfo &info : infos) {
        report.bytesBefore += info.sizeBytes;
        if (info.baseOffset >= mark.firstDirtyOffset)
            dirtyBytes += info.sizeBytes;
    }
    report.bytesAfter = report.bytesBefore;
    const bool dirtyEnough
        = dirtyBytes > 0 && static_cast<double>(dirtyBytes) >= topic.config.minCleanableDirtyRatio * report.bytesBefore;
    if (infos.empty() || !(force || dirtyEnough || mark.tombstonesDueMs <= now))
        return report;

    // Read and decode the range; the newest offset of each key in it.
    QElapsedTimer timer;
    timer.start();
    std::vector<CleanedBatch> batches;
    std::map<QByteArray, qint64> newest;
    size_t segmentIndex = 0; // on disk: the segment of the last batch read
    for (qint64 offset = p.logStartOffset; offset < cleanEnd;) {
        QByteArray chunk;
        std::vector<StoredBatchInfo> expected;
        int count = 0;
        const bool read = log ? readSegments(*log, p, offset, ReadChunkBytes, &chunk, &expected, &why)
                              : store->readBatches(p.partitionId, offset, ReadChunkBytes, &chunk, &count, &why);
        if (!read || chunk.isEmpty() || checkBatches(tp, chunk, expected, &why) < chunk.size()) {
            qCWarning(lcLogManager).noquote() << "cleaner: cannot read" << tp.toString() << "at offset" << offset << ":"
                                              << why << "- partition left as it is";
            report.error = ErrorCode::KafkaStorageError;
            return report;
        }
        for (QByteArrayView view : RecordBatch::split(chunk)) {
            CleanedBatch batch;
            batch.header = *RecordBatch::parseHeader(view);
            if (batch.header.baseOffset >= cleanEnd) {
                offset = cleanEnd;
                break;
            }
            offset = batch.header.lastOffset() + 1;
            if (batch.header.lastOffset() < p.logStartOffset)
                continue;
            batch.bytes = view.toByteArray();
            if (!batch.header.isControl()) {
                if (RecordBatch::decode(view, &batch.records, &why) != ErrorCode::None) {
                    qCWarning(lcLogManager).noquote()
                        << "cleaner: cannot decode the batch at offset" << batch.header.baseOffset << "of"
                        << tp.toString() << ":" << why << "- partition left as it is";
                    report.error = ErrorCode::CorruptMessage;
                    return report;
                }
                for (const Record &record : batch.records) {
                    if (record.key)
                        newest[*record.key] = record.offset;
                }
            }
            if (log) {
                // Batches come in offset order: the segment holding this one is at or after the last one's.
                while (segmentIndex + 1 < log->segments().size()
                    && log->segments()[segmentIndex + 1].baseOffset <= batch.header.baseOffset)
                    ++segmentIndex;
                batch.segmentBase = log->segments()[segmentIndex].baseOffset;
            }
            batches.push_back(std::move(batch));
        }
    }

    // What each batch keeps.
    qint64 tombstonesDue = std::numeric_limits<qint64>::max();
    bool changed = false;
    for (CleanedBatch &batch : batches) {
        if (batch.header.isControl())
            continue; // no transactions here; kept as they are
        std::vector<Record> kept;
        for (const Record &record : batch.records) {
            ++report.recordsRead;
            if (!record.key || newest[*record.key] != record.offset)
                continue; // superseded, or a record a compacted log cannot hold (Kafka's cleaner drops it too)
            if (!record.value) {
                const qint64 due = record.timestamp + topic.config.deleteRetentionMs;
                if (due <= now)
                    continue; // a tombstone that has done its work
                tombstonesDue = std::min(tombstonesDue, due);
            }
            kept.push_back(record);
        }
        report.recordsKept += static_cast<qint64>(kept.size());
        if (kept.size() == batch.records.size())
            continue;
        changed = true;
        batch.rewritten = true;
        batch.bytes = kept.empty() ? QByteArray() : RecordBatch::retain(batch.header, kept);
    }
    mark.tombstonesDueMs = tombstonesDue;
    if (!changed) {
        mark.firstDirtyOffset = cleanEnd;
        return report;
    }

    // The new contents: per segment on disk (a cleaned file beside each changed one), or the rows in memory.
    struct SegmentRewrite {
        qint64 base = -1;
        QByteArray bytes;
        std::vector<StoredBatchInfo> infos;
        qint64 maxTimestamp = -1;
        qint64 rollTimestamp = -1;
        bool changed = false;
        qint64 oldSize = 0;
    };
    std::vector<SegmentRewrite> rewrites;
    std::vector<StoredBatchInfo> memoryInfos;
    std::vector<QByteArray> memoryBytes;
    for (const CleanedBatch &batch : batches) {
        if (log && (rewrites.empty() || rewrites.back().base != batch.segmentBase)) {
            SegmentRewrite next;
            next.base = batch.segmentBase;
            for (const SegmentInfo &segment : log->segments()) {
                if (segment.baseOffset == batch.segmentBase) {
                    next.oldSize = segment.sizeBytes;
                    next.rollTimestamp = segment.rollTimestamp;
                }
            }
            rewrites.push_back(next);
        }
        if (log && batch.rewritten)
            rewrites.back().changed = true;
        if (batch.bytes.isEmpty())
            continue; // dropped whole
        const RecordBatchHeader header = *RecordBatch::parseHeader(batch.bytes);
        StoredBatchInfo info;
        info.baseOffset = header.baseOffset;
        info.lastOffset = header.lastOffset();
        info.maxTimestamp = header.maxTimestamp;
        info.recordCount = header.recordsCount;
        info.sizeBytes = batch.bytes.size();
        if (log) {
            SegmentRewrite &rewrite = rewrites.back();
            info.segmentBase = rewrite.base;
            info.filePosition = rewrite.bytes.size();
            rewrite.bytes += batch.bytes;
            rewrite.maxTimestamp = std::max(rewrite.maxTimestamp, info.maxTimestamp);
            rewrite.infos.push_back(info);
        } else {
            memoryInfos.push_back(info);
            memoryBytes.push_back(batch.bytes);
        }
    }
    // A cleaned file the size of the old one would make an interrupted swap ambiguous at recovery (see
    // SegmentLog::writeCleaned): such a segment (rare: it lost records but a compressed batch grew by as much) is left
    // for a later cleaning.
    std::erase_if(rewrites, [](const SegmentRewrite &r) { return !r.changed || r.bytes.size() == r.oldSize; });
    if (log && rewrites.empty()) {
        mark.firstDirtyOffset = cleanEnd;
        return report;
    }
    std::vector<qint64> written;
    bool ok = true;
    for (const SegmentRewrite &rewrite : rewrites) {
        if (rewrite.bytes.isEmpty())
            continue;
        if (!log->writeCleaned(rewrite.base, rewrite.bytes, &why)) {
            ok = false;
            break;
        }
        written.push_back(rewrite.base);
    }
    StoredPartition next = p;
    const ErrorCode error = !ok ? ErrorCode::KafkaStorageError : transact("cleaning", &why, [&](QString *e) {
        if (!log) {
            if (!store->deleteBatchesBetween(p.partitionId, batches.front().header.baseOffset, cleanEnd, e))
                return false;
            for (size_t i = 0; i < memoryInfos.size(); ++i) {
                if (!store->insertBatch(p.partitionId, memoryInfos[i], memoryBytes[i], e))
                    return false;
            }
        }
        for (const SegmentRewrite &rewrite : rewrites) {
            const auto segment = std::find_if(log->segments().cbegin(), log->segments().cend(),
                [&](const SegmentInfo &s) { return s.baseOffset == rewrite.base; });
            const qint64 segmentEnd = segment + 1 != log->segments().cend() ? (segment + 1)->baseOffset : cleanEnd;
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
        for (const StoredBatchInfo &info : memoryInfos)
            after += info.sizeBytes;
        for (const SegmentRewrite &rewrite : rewrites)
            after += rewrite.bytes.size() - rewrite.oldSize;
        next.sizeBytes = log ? p.sizeBytes + after : p.sizeBytes - report.bytesBefore + after;
        return store->updatePartition(next, e);
    });
    if (error != ErrorCode::None) {
        for (qint64 base : written)
            log->discardCleaned(base);
        qCWarning(lcLogManager).noquote() << "cleaner: cleaning" << tp.toString() << "failed:" << why;
        report.error = error;
        return report;
    }
    for (const SegmentRewrite &rewrite : rewrites) {
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
    mark.firstDirtyOffset = cleanEnd;
    report.cleaned = true;
    events.publish(
        LogCleaned {name, p.partition, report.recordsRead, report.recordsKept, report.bytesBefore, report.bytesAfter});
    qCInfo(lcLogManager).noquote() << QStringLiteral("cleaned %1: kept %2 of %3 record(s), %4 -> %5 byte(s) in %6 ms")
                                          .arg(tp.toString())
                                          .arg(report.recordsKept)
                                          .arg(report.recordsRead)
                                          .arg(report.bytesBefore)
                                          .arg(report.bytesAfter)
                                          .arg(timer.elapsed());
    return report;
}

} // namespace topicscope::engine
