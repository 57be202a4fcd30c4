#include "logmanagerprivate.h"

#include "core/recordbatch.h"
#include "core/setwhy.h"
#include "logdirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <algorithm>
#include <limits>

namespace topicscope::engine {

Q_LOGGING_CATEGORY(lcLogManager, "topicscope.engine.log")

void LogManager::Private::noteLostIndexTransaction()
{
    if (indexOpenSince < 0 || store->inTransaction())
        return;
    // SQLite ended it after an error in some statement (an I/O error or a full disk can end a whole transaction):
    // a savepoint opened now would start a transaction of its own and commit, leaving a gap in the index.
    clock.cancel(indexTimer);
    indexTimer = 0;
    indexOpenSince = -1;
    deferredLost = true;
    retryIndexCommitLater();
}

void LogManager::Private::retryIndexCommitLater()
{
    if (indexRetryTimer != 0 || closing)
        return;
    indexRetryDelayMs
        = indexRetryDelayMs == 0 ? LogManager::IndexCommitIntervalMs : std::min(2 * indexRetryDelayMs, MaxIndexRetryMs);
    indexRetryTimer = clock.schedule(indexRetryDelayMs, [this] {
        indexRetryTimer = 0;
        commitIndex(nullptr);
    });
}

QString LogManager::Private::nextIndexTry(const QString &retry) const
{
    return QLatin1Char('(')
        + (closing ? QStringLiteral("the log closes: indexed again from the segment files at the next start")
                   : retry.arg(indexRetryDelayMs))
        + QLatin1Char(')');
}

bool LogManager::Private::openIndexTransaction(QString *why)
{
    noteLostIndexTransaction();
    if (indexOpenSince >= 0)
        return true;
    if (!store->begin(why))
        return false;
    if (deferredLost) {
        // SQLite rolled back rows of appends already acknowledged: written again, from what memory holds.
        bool ok = true;
        for (const auto &[partitionId, info] : deferredBatches) {
            if (!(ok = store->insertBatchLocation(partitionId, info, why)))
                break;
        }
        // The partitions they belong to, as memory has them now (a rare path: one pass over every partition).
        QSet<qint64> touched;
        for (const auto &entry : deferredBatches)
            touched.insert(entry.first);
        for (auto topic = topics.begin(); ok && topic != topics.end(); ++topic) {
            for (size_t i = 0; ok && i < topic->second.partitions.size(); ++i) {
                const StoredPartition &p = topic->second.partitions[i];
                if (!touched.contains(p.partitionId))
                    continue;
                const SegmentLog *log = logOf(topic->second, p.partition);
                ok = store->updatePartition(p, why)
                    && (!log || LogDirectory::indexSegments(*store, p.partitionId, log->segments(), why));
            }
        }
        if (!ok) {
            store->rollback();
            return false;
        }
        deferredLost = false;
        qCInfo(lcLogManager).noquote() << "index rows of" << deferredBatches.size()
                                       << "acknowledged batch(es) written again after the store had rolled them back";
    }
    indexOpenSince = clock.nowMs();
    indexTimer = clock.schedule(LogManager::IndexCommitIntervalMs, [this] {
        indexTimer = 0;
        commitIndex(nullptr);
    });
    return true;
}

bool LogManager::Private::commitIndex(QString *why)
{
    noteLostIndexTransaction();
    if (indexOpenSince < 0 && deferredLost) {
        QString error;
        if (!openIndexTransaction(&error)) {
            retryIndexCommitLater();
            qCWarning(lcLogManager).noquote() << "writing the index rows of appended batches again failed:" << error
                                              << nextIndexTry(QStringLiteral("tried again within %1 ms"));
            setWhy(why, QStringLiteral("writing the index rows of appended batches again failed: %1").arg(error));
            return false;
        }
    }
    if (indexOpenSince < 0)
        return true;
    clock.cancel(indexTimer);
    indexTimer = 0;
    indexOpenSince = -1;
    QString error;
    if (store->commit(&error)) {
        deferredBatches.clear();
        clock.cancel(indexRetryTimer);
        indexRetryTimer = 0;
        indexRetryDelayMs = 0;
        return true;
    }
    // SQLite may have ended the transaction itself (a full disk, an I/O error); either way its rows are written
    // again before the next change to the store. The segment bytes stay: they were acknowledged.
    store->rollback();
    deferredLost = true;
    retryIndexCommitLater();
    qCWarning(lcLogManager).noquote() << "committing the index rows of" << deferredBatches.size()
                                      << "appended batch(es) failed:" << error
                                      << nextIndexTry(QStringLiteral(
                                             "written again within %1 ms, or before the next change to the store"));
    setWhy(why, QStringLiteral("committing the index of appended batches failed: %1").arg(error));
    return false;
}

void LogManager::Private::undoDeferredAppend()
{
    if (store->inTransaction())
        store->undoAppendSavepoint();
    else
        noteLostIndexTransaction(); // the earlier appends' rows are written again by the next one
}

void LogManager::Private::attachLogs(const QString &name, Topic &topic, bool fresh)
{
    if (!onDisk())
        return;
    const bool mayHaveLeftovers = fresh && deletedNames.contains(name);
    topic.logs.reserve(topic.partitions.size());
    while (topic.logs.size() < topic.partitions.size())
        topic.logs.push_back(newLog(name, static_cast<int>(topic.logs.size()), mayHaveLeftovers));
}

std::unique_ptr<SegmentLog> LogManager::Private::newLog(const QString &name, int partition, bool mayHaveLeftovers)
{
    // Joined by hand to the directory as QDir gives it (the same path QDir::filePath makes): QDir::filePath cleans
    // the path each time, a third of the time creating 10,000 partitions took.
    if (partitionDirPrefix.isEmpty())
        partitionDirPrefix = QDir(dataDir).path() + QLatin1Char('/');
    const QString dir = partitionDirPrefix + SegmentLog::directoryName(name, partition);
    if (mayHaveLeftovers && QFileInfo::exists(dir)) {
        qCWarning(lcLogManager).noquote() << "removing" << dir << "left by an earlier topic" << name;
        QDir(dir).removeRecursively();
    }
    return std::make_unique<SegmentLog>(dir, fsync, &writeLimits, remover.get(), writeback.get());
}

bool LogManager::Private::batchBytes(
    const TopicPartition &tp, const StoredBatchInfo &info, QByteArray *bytes, QString *why) const
{
    if (info.segmentBase < 0)
        return true;
    bytes->clear();
    const SegmentLog *log = logOf(tp);
    if (!log) {
        setWhy(why, QStringLiteral("no segment files for %1").arg(tp.toString()));
        return false;
    }
    return log->read(info.segmentBase, info.filePosition, info.sizeBytes, bytes, why)
        && checkBatches(tp, *bytes, {info}, why) == bytes->size();
}

qint64 LogManager::Private::checkBatches(
    const TopicPartition &tp, const QByteArray &bytes, const std::vector<StoredBatchInfo> &expected, QString *why) const
{
    return checkStoredBatches(
        tp, bytes, expected,
        [&](const StoredBatchInfo *want) {
            return want && want->segmentBase >= 0 ? QStringLiteral("%1 at position %2")
                                                        .arg(logOf(tp)->filePath(want->segmentBase))
                                                        .arg(want->filePosition)
                                                  : store->path();
        },
        why);
}

qint64 checkStoredBatches(const TopicPartition &tp, const QByteArray &bytes,
    const std::vector<StoredBatchInfo> &expected, const std::function<QString(const StoredBatchInfo *)> &where,
    QString *why)
{
    qint64 position = 0;
    size_t index = 0;
    while (position < bytes.size()) {
        const QByteArrayView rest = QByteArrayView(bytes).sliced(position);
        const auto header = RecordBatch::parseHeader(rest);
        const StoredBatchInfo *want = index < expected.size() ? &expected[index] : nullptr;
        QString problem;
        if (!header || header->totalSize() > rest.size())
            problem = QStringLiteral("not a whole record batch");
        else if (want && (header->baseOffset != want->baseOffset || header->totalSize() != want->sizeBytes))
            problem = QStringLiteral("holds a batch at offset %1 of %2 bytes where the index has one at %3 of %4")
                          .arg(header->baseOffset)
                          .arg(header->totalSize())
                          .arg(want->baseOffset)
                          .arg(want->sizeBytes);
        else
            RecordBatch::validate(rest.first(header->totalSize()), &problem);
        if (!problem.isEmpty()) {
            const QString range = want ? QStringLiteral("offsets %1..%2").arg(want->baseOffset).arg(want->lastOffset)
                                       : QStringLiteral("after offset %1").arg(header ? header->baseOffset : -1);
            setWhy(why,
                QStringLiteral("damaged record batch in %1, %2 of %3: %4")
                    .arg(where(want), range, tp.toString(), problem));
            return position;
        }
        position += header->totalSize();
        ++index;
    }
    return position;
}

bool LogManager::Private::readSegments(const SegmentLog &log, const StoredPartition &p, qint64 fetchOffset,
    qint64 maxBytes, QByteArray *out, std::vector<StoredBatchInfo> *expected, QString *why) const
{
    qint64 total = 0;
    const bool ok = store->forEachBatch(
        p.partitionId, fetchOffset,
        [&](const StoredBatchInfo &batch) {
            if (!expected->empty() && total + batch.sizeBytes > maxBytes)
                return false;
            expected->push_back(batch);
            total += batch.sizeBytes;
            return total < maxBytes;
        },
        why);
    if (!ok)
        return false;
    out->reserve(total);
    size_t run = 0;
    while (run < expected->size()) {
        const StoredBatchInfo &first = (*expected)[run];
        size_t end = run + 1;
        qint64 runBytes = first.sizeBytes;
        while (end < expected->size() && (*expected)[end].segmentBase == first.segmentBase
            && (*expected)[end].filePosition == first.filePosition + runBytes) {
            runBytes += (*expected)[end].sizeBytes;
            ++end;
        }
        if (first.segmentBase < 0) {
            setWhy(why, QStringLiteral("batch at offset %1 has no segment file").arg(first.baseOffset));
            return false;
        }
        if (!log.read(first.segmentBase, first.filePosition, runBytes, out, why)) {
            // Batch by batch then: what can be read is served; the fetch that starts at the unreadable batch gets
            // the error.
            for (; run < end; ++run) {
                const StoredBatchInfo &batch = (*expected)[run];
                if (!log.read(batch.segmentBase, batch.filePosition, batch.sizeBytes, out, why)) {
                    qCCritical(lcLogManager).noquote() << "damaged segment of partition" << p.partition << ":" << *why;
                    expected->resize(run);
                    return run > 0;
                }
            }
        }
        run = end;
    }
    return true;
}

void LogManager::Private::enforceSegmentRetention(
    const QString &name, const TopicConfig &config, StoredPartition &p, const SegmentLog &log, qint64 now)
{
    const auto deleteFirst = [&](size_t count, DeletionCause cause) {
        const auto &segments = log.segments();
        if (count == 0)
            return;
        const qint64 newStart = count < segments.size() ? segments[count].baseOffset : p.logEndOffset;
        moveLogStart(name, p, newStart, cause, nullptr);
    };
    if (config.retentionMs >= 0) {
        const qint64 cutoff = now - config.retentionMs;
        size_t count = 0;
        while (count < log.segments().size() && log.segments()[count].maxTimestamp < cutoff)
            ++count;
        deleteFirst(count, DeletionCause::RetentionMs);
    }
    if (config.retentionBytes >= 0) {
        qint64 excess = log.totalBytes() - config.retentionBytes;
        size_t count = 0;
        while (count < log.segments().size() && excess - log.segments()[count].sizeBytes >= 0) {
            excess -= log.segments()[count].sizeBytes;
            ++count;
        }
        deleteFirst(count, DeletionCause::RetentionBytes);
    }
}

bool LogManager::Private::openSegments(QString *error)
{
    QString why;
    QSet<QString> known;
    for (const auto &entry : topics) {
        for (const auto &log : entry.second.logs)
            known.insert(QFileInfo(log->directory()).fileName());
    }
    // A directory it leaves ("<topic>-<partition>") may hold old bytes that a new topic of that name must not see.
    for (const QString &kept : LogDirectory::removeOrphanDirectories(dataDir, known))
        deletedNames.insert(kept.left(kept.lastIndexOf(QLatin1Char('-'))));
    for (auto &entry : topics) {
        for (size_t i = 0; i < entry.second.partitions.size(); ++i) {
            if (!LogDirectory::recoverPartition(*store, &entry.second.partitions[i], *entry.second.logs[i], &why)) {
                setWhy(error, QStringLiteral("cannot recover %1-%2: %3").arg(entry.first).arg(i).arg(why));
                return false;
            }
        }
    }
    qint64 inDatabase = 0;
    if (!store->countDatabaseBatches(&inDatabase, &why)) {
        setWhy(error, QStringLiteral("cannot read %1: %2").arg(store->path(), why));
        return false;
    }
    if (inDatabase == 0)
        return true;
    qCInfo(lcLogManager).noquote() << "moving" << inDatabase << "record batch(es) from" << store->path()
                                   << "into segment files (one-time migration to schema version 3)";
    qint64 totalBatches = 0;
    qint64 totalBytes = 0;
    for (auto &entry : topics) {
        for (size_t i = 0; i < entry.second.partitions.size(); ++i) {
            qint64 batches = 0;
            qint64 bytes = 0;
            if (!LogDirectory::migratePartition(*store, entry.second.partitions[i].partitionId, *entry.second.logs[i],
                    rollPolicy(entry.second.config), &batches, &bytes, &why)) {
                setWhy(error,
                    QStringLiteral("cannot move the records of %1-%2 from %3 into segment files: %4 (nothing is "
                                   "lost: the records stay in the database until a start succeeds)")
                        .arg(entry.first)
                        .arg(i)
                        .arg(store->path(), why));
                return false;
            }
            totalBatches += batches;
            totalBytes += bytes;
        }
    }
    // The batch bytes leave free pages behind; VACUUM gives them back so the database file shrinks.
    if (!store->vacuum(&why))
        qCWarning(lcLogManager).noquote() << "could not compact" << store->path() << "after the migration:" << why;
    qCInfo(lcLogManager).noquote() << "moved" << totalBatches << "record batch(es)," << totalBytes << "bytes, from"
                                   << store->path() << "into segment files in" << dataDir << "; database now"
                                   << QFileInfo(store->path()).size() << "bytes";
    return true;
}

OffsetAndTimestamp LogManager::Private::maxTimestampRecord(const TopicPartition &tp, const StoredPartition &p) const
{
    OffsetAndTimestamp result;
    std::optional<StoredBatchInfo> best;
    QByteArray bytes;
    QString why;
    bool ok = store->findMaxTimestampBatch(p.partitionId, p.logStartOffset, &best, &why);
    if (ok && best)
        ok = store->findBatchByTimestamp(p.partitionId, best->baseOffset, best->maxTimestamp, &best, &bytes, &why);
    if (ok && best)
        ok = batchBytes(tp, *best, &bytes, &why);
    if (!ok) {
        qCWarning(lcLogManager).noquote() << "max timestamp lookup in" << tp.toString() << "failed:" << why;
        result.error = ErrorCode::KafkaStorageError;
        return result;
    }
    if (!best)
        return result;
    // A LogAppendTime batch gives every record the batch's time (so its first record is the one), and a batch
    // that cannot be decoded can only be answered by where it starts.
    result.timestamp = best->maxTimestamp;
    result.offset = std::max(best->baseOffset, p.logStartOffset);
    const auto header = RecordBatch::parseHeader(bytes);
    std::vector<Record> records;
    if (!header || header->timestampType() == TimestampType::LogAppendTime
        || RecordBatch::decode(bytes, &records) != ErrorCode::None)
        return result;
    // The first visible record with the batch's highest timestamp; when that timestamp only lies below the log
    // start (the batch straddles it), the highest visible one here, unless a later batch goes higher.
    std::optional<Record> visibleMax;
    for (const Record &r : records) {
        if (r.offset >= p.logStartOffset && (!visibleMax || r.timestamp > visibleMax->timestamp))
            visibleMax = r;
    }
    if (!visibleMax)
        return result;
    result.offset = visibleMax->offset;
    result.timestamp = visibleMax->timestamp;
    if (visibleMax->timestamp == best->maxTimestamp)
        return result;
    StoredPartition rest = p;
    rest.logStartOffset = best->lastOffset + 1;
    const OffsetAndTimestamp later = rest.logStartOffset < p.logEndOffset ? maxTimestampRecord(tp, rest) : result;
    return later.error == ErrorCode::None && later.timestamp > result.timestamp ? later : result;
}

ErrorCode LogManager::Private::moveLogStart(
    const QString &topicName, StoredPartition &partition, qint64 newStart, DeletionCause cause, QString *why)
{
    if (newStart <= partition.logStartOffset)
        return ErrorCode::None;
    StoredPartition next = partition;
    // Segments whose every offset falls below the new start go with their batches (Kafka deletes a segment
    // once the log start passes its end); the active one too when nothing is left. The files are unlinked once
    // the index no longer names them, so the disk shrinks.
    SegmentLog *log = topicOf(topicName) ? logOf(*topicOf(topicName), partition.partition) : nullptr;
    const bool dropActive = newStart >= partition.logEndOffset;
    qint64 firstKept = std::numeric_limits<qint64>::max();
    if (log) {
        const auto &segments = log->segments();
        for (size_t i = 0; i < segments.size(); ++i) {
            const bool below = i + 1 < segments.size() ? segments[i + 1].baseOffset <= newStart : dropActive;
            if (!below) {
                firstKept = segments[i].baseOffset;
                break;
            }
        }
    }
    const ErrorCode error = transact("deleting records", why, [&](QString *e) {
        qint64 deleted = 0;
        if (!store->deleteBatchesBelow(partition.partitionId, newStart, &deleted, e))
            return false;
        if (log && !store->deleteSegmentsBelow(partition.partitionId, firstKept, e))
            return false;
        next.logStartOffset = newStart;
        next.sizeBytes -= deleted;
        return store->advanceProducerSnapshot(partition.partitionId, newStart, e) && store->updatePartition(next, e);
    });
    if (error != ErrorCode::None)
        return error;
    if (log)
        log->removeSegmentsBelow(newStart, dropActive);
    const qint64 oldStart = partition.logStartOffset;
    partition = next;
    qCDebug(lcLogManager) << "log start of" << topicName << partition.partition << "moved" << oldStart << "->"
                          << newStart;
    events.publish(RecordsDeleted {topicName, partition.partition, oldStart, newStart, cause});
    return ErrorCode::None;
}

} // namespace topicscope::engine
