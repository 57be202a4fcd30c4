#include "logmanager.h"

#include "logmanagerprivate.h"

#include "core/recordbatch.h"
#include "core/setwhy.h"

// LogManager's part for producer state (ProducerStateManager): its snapshots in the store and the batch headers it
// replays after them, read without the records.

namespace topicscope::engine {

namespace {

// Index rows taken per scan: the store may not be called back while it scans, so headers are read a chunk at a time.
constexpr size_t HeaderChunk = 1024;

} // namespace

bool LogManager::isPersistent() const
{
    return d->onDisk();
}

std::optional<ProducerStateSnapshot> LogManager::producerSnapshot(const TopicPartition &tp) const
{
    const StoredPartition *p = d->find(tp);
    if (!p)
        return std::nullopt;
    std::optional<ProducerStateSnapshot> snapshot;
    QString why;
    if (!d->store->loadProducerSnapshot(p->partitionId, &snapshot, &why))
        qCWarning(lcLogManager).noquote() << "cannot read the producer-state snapshot of" << tp.toString() << why;
    return snapshot;
}

ErrorCode LogManager::saveProducerSnapshot(const TopicPartition &tp, const ProducerStateSnapshot &snapshot)
{
    const StoredPartition *p = d->find(tp);
    if (!p)
        return ErrorCode::UnknownTopicOrPartition;
    if (!d->onDisk())
        return ErrorCode::None; // nothing in memory outlives the run
    return d->transact("storing a producer-state snapshot", nullptr,
        [&](QString *e) { return d->store->saveProducerSnapshot(p->partitionId, snapshot, e); });
}

std::vector<qint64> LogManager::segmentBaseOffsets(const TopicPartition &tp) const
{
    std::vector<qint64> bases;
    if (const SegmentLog *log = d->logOf(tp)) {
        for (const SegmentInfo &segment : log->segments())
            bases.push_back(segment.baseOffset);
    }
    return bases;
}

std::vector<SegmentInfo> LogManager::segments(const TopicPartition &tp) const
{
    if (const SegmentLog *log = d->logOf(tp))
        return log->segments();
    return {};
}

bool LogManager::forEachBatchHeader(const TopicPartition &tp, qint64 fromOffset,
    const std::function<bool(const RecordBatchHeader &)> &visit, QString *why) const
{
    const StoredPartition *p = d->find(tp);
    if (!p) {
        setWhy(why, QStringLiteral("unknown topic or partition %1").arg(tp.toString()));
        return false;
    }
    const SegmentLog *log = d->logOf(tp);
    qint64 offset = qMax(fromOffset, p->logStartOffset);
    std::vector<StoredBatchInfo> chunk;
    QByteArray bytes;
    while (offset < p->logEndOffset) {
        chunk.clear();
        const bool scanned = d->store->forEachBatch(
            p->partitionId, offset,
            [&](const StoredBatchInfo &info) {
                chunk.push_back(info);
                return chunk.size() < HeaderChunk;
            },
            why);
        if (!scanned)
            return false;
        if (chunk.empty())
            break;
        for (const StoredBatchInfo &info : chunk) {
            bytes.clear();
            int count = 0;
            // From its segment file, the header alone; in memory the store holds whole batches.
            const bool read = log && info.segmentBase >= 0
                ? log->read(info.segmentBase, info.filePosition, RecordBatchHeader::Size, &bytes, why)
                : d->store->readBatches(p->partitionId, info.baseOffset, 1, &bytes, &count, why);
            if (!read)
                return false;
            const std::optional<RecordBatchHeader> header = RecordBatch::parseHeaderPrefix(bytes);
            if (!header || header->baseOffset != info.baseOffset || header->lastOffset() != info.lastOffset) {
                setWhy(why,
                    QStringLiteral("the batch header at offset %1 of %2 does not match its index entry")
                        .arg(info.baseOffset)
                        .arg(tp.toString()));
                return false;
            }
            if (!visit(*header))
                return true;
            offset = info.lastOffset + 1;
        }
    }
    return true;
}

} // namespace topicscope::engine
