#include "logmanager.h"

#include "logmanagerprivate.h"

#include "core/recordbatch.h"
#include "core/setwhy.h"
#include "logdirectory.h"
#include "storage/segmentlog.h"
#include "storage/sqlitestore.h"
#include "topicnames.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <unordered_map>

namespace topicscope::engine {

namespace {

// Whether a (valid) batch holds a record without a key, which a compacted topic refuses. Control batches have keys
// of their own; records that cannot be read are left for the timestamp check to report.
bool hasKeylessRecord(QByteArrayView batch)
{
    const std::optional<RecordBatchHeader> header = RecordBatch::parseHeader(batch);
    std::vector<Record> records;
    if (!header || header->isControl() || RecordBatch::decode(batch, &records) != ErrorCode::None)
        return false;
    return std::any_of(records.cbegin(), records.cend(), [](const Record &r) { return !r.key; });
}

ErrorCode fail(QString *why, ErrorCode code, const QString &text)
{
    setWhy(why, text);
    return code;
}

PartitionInfo toInfo(const StoredPartition &p)
{
    PartitionInfo info;
    info.partition = p.partition;
    info.logStartOffset = p.logStartOffset;
    info.logEndOffset = p.logEndOffset;
    info.sizeBytes = p.sizeBytes;
    info.lastAppendTimeMs = p.lastAppendTimeMs;
    return info;
}

} // namespace

LogManager::LogManager(std::unique_ptr<SqliteStore> store, Clock &clock, EventBus &events)
    : d(std::make_unique<Private>(std::move(store), clock, events))
{ }

LogManager::~LogManager()
{
    // The appends' index rows are committed with the rest (closing the connection would roll them back). If that
    // fails, recovery at the next start indexes their batches again from the segment files.
    d->closing = true;
    d->commitIndex(nullptr);
    d->clock.cancel(d->indexRetryTimer);
}

bool LogManager::commitIndex(QString *why)
{
    return d->commitIndex(why);
}

bool LogManager::indexCommitPending() const
{
    return d->indexOpenSince >= 0 || d->deferredLost;
}

std::unique_ptr<LogManager> LogManager::open(
    const StorageOptions &options, Clock &clock, EventBus &events, QString *error)
{
    QString path = SqliteStore::inMemoryPath();
    if (!options.inMemory) {
        if (options.dataDir.isEmpty()) {
            setWhy(error, QStringLiteral("no data directory given"));
            return nullptr;
        }
        if (!LogDirectory::prepare(options.dataDir, error))
            return nullptr;
        path = QDir(options.dataDir).filePath(SqliteStore::databaseFileName());
    }
    auto store = SqliteStore::open(path, options.fsyncEachCommit, error);
    if (!store)
        return nullptr;
    if (!options.inMemory)
        LogDirectory::restrictDatabaseFiles(path);
    QString why;
    const auto stored = store->loadTopics(&why);
    if (!stored) {
        setWhy(error, QStringLiteral("cannot read topics from %1: %2").arg(path, why));
        return nullptr;
    }
    std::unique_ptr<LogManager> manager(new LogManager(std::move(store), clock, events));
    if (!options.inMemory) {
        manager->d->dataDir = options.dataDir;
        manager->d->remover = std::make_unique<FileRemover>();
        manager->d->writeback = std::make_unique<WritebackStarter>();
        if (options.cleanerThread)
            manager->d->cleaner = std::make_unique<CleanerThread>();
    }
    manager->d->fsync = options.fsyncEachCommit;
    manager->d->deferIndex = !options.inMemory && !options.fsyncEachCommit;
    manager->d->cleanerKeyMapBytes = options.cleanerKeyMapBytes;
    for (const StoredTopic &t : *stored) {
        Private::Topic topic;
        topic.topicId = t.topicId;
        manager->d->nextTopicKey = std::max(manager->d->nextTopicKey, t.topicId + 1);
        topic.id = t.uuid;
        if (topic.config.applyKafkaConfigs(t.configs, &why) != ErrorCode::None) {
            setWhy(error, QStringLiteral("bad stored config of topic %1 in %2: %3").arg(t.name, path, why));
            return nullptr;
        }
        for (const StoredPartition &p : t.partitions) {
            // Partitions are created 0..n-1 and never removed, so the stored list must be exactly that.
            if (p.partition != static_cast<int>(topic.partitions.size())) {
                setWhy(error,
                    QStringLiteral("topic %1 in %2 lacks partition %3").arg(t.name, path).arg(topic.partitions.size()));
                return nullptr;
            }
            topic.partitions.push_back(p);
        }
        manager->d->attachLogs(t.name, topic, false);
        manager->d->namesById.insert(topic.id, t.name);
        manager->d->namesByMetric.insert(metricName(t.name), t.name);
        manager->d->topics.emplace(t.name, std::move(topic));
    }
    if (manager->d->onDisk() && !manager->d->openSegments(error))
        return nullptr;
    qCDebug(lcLogManager).noquote() << "opened" << path << "with" << stored->size() << "topics";
    return manager;
}

ErrorCode LogManager::validateTopicName(const QString &name, QString *why)
{
    return TopicNames::validate(name, why);
}

QString LogManager::metricName(const QString &topic)
{
    return TopicNames::metricName(topic);
}

ErrorCode LogManager::createTopic(const QString &name, int partitions, const TopicConfig &config, QString *why)
{
    const std::vector<TopicCreation> created = createTopics({{name, partitions, config}});
    setWhy(why, created.front().why);
    return created.front().error;
}

ErrorCode LogManager::deleteTopic(const QString &name, QString *why)
{
    if (d->cleaner && d->cleaner->busy())
        d->finishBackgroundCleaning(true); // it may be writing into this topic's directories
    auto it = d->topics.find(name);
    if (it == d->topics.end())
        return fail(why, ErrorCode::UnknownTopicOrPartition, QStringLiteral("topic \"%1\" does not exist").arg(name));
    const qint64 topicId = it->second.topicId;
    const ErrorCode error
        = d->transact("deleting a topic", why, [&](QString *e) { return d->store->deleteTopic(topicId, name, e); });
    if (error != ErrorCode::None)
        return error;
    // The index no longer names them: the files go (a crash before this leaves directories that a new topic of the
    // same name removes before it writes, and that recovery of nothing indexed would empty).
    for (const auto &log : it->second.logs)
        log->removeAll();
    d->namesById.remove(it->second.id);
    d->namesByMetric.remove(metricName(name));
    d->deletedNames.insert(name);
    d->topics.erase(it);
    qCDebug(lcLogManager).noquote() << "deleted topic" << name;
    d->events.publish(TopicDeleted {name});
    return ErrorCode::None;
}

ErrorCode LogManager::createPartitions(const QString &name, int newPartitionCount, QString *why)
{
    auto it = d->topics.find(name);
    if (it == d->topics.end())
        return fail(why, ErrorCode::UnknownTopicOrPartition, QStringLiteral("topic \"%1\" does not exist").arg(name));
    Private::Topic &topic = it->second;
    const int oldCount = static_cast<int>(topic.partitions.size());
    // Kafka refuses an unchanged count too ("Topic already has N partitions").
    if (newPartitionCount <= oldCount)
        return fail(why, ErrorCode::InvalidPartitions,
            newPartitionCount == oldCount
                ? QStringLiteral("topic \"%1\" already has %2 partitions").arg(name).arg(oldCount)
                : QStringLiteral("topic \"%1\" has %2 partitions; the count can only grow, not shrink to %3")
                      .arg(name)
                      .arg(oldCount)
                      .arg(newPartitionCount));
    if (newPartitionCount > Private::MaxPartitions)
        return fail(why, ErrorCode::InvalidPartitions,
            QStringLiteral("number of partitions must be at most %1, not %2")
                .arg(Private::MaxPartitions)
                .arg(newPartitionCount));
    std::vector<StoredPartition> added;
    const ErrorCode error = d->transact("adding partitions", why, [&](QString *e) {
        for (int i = oldCount; i < newPartitionCount; ++i) {
            StoredPartition p;
            p.partition = i;
            if (!d->store->insertPartition(topic.topicId, i, &p.partitionId, e))
                return false;
            added.push_back(p);
        }
        return true;
    });
    if (error != ErrorCode::None)
        return error;
    topic.partitions.insert(topic.partitions.end(), added.begin(), added.end());
    d->attachLogs(name, topic, true);
    qCDebug(lcLogManager).noquote() << "topic" << name << "partitions" << oldCount << "->" << newPartitionCount;
    d->events.publish(PartitionsAdded {name, oldCount, newPartitionCount});
    return ErrorCode::None;
}

ErrorCode LogManager::alterConfig(const QString &name, const TopicConfig &config, QString *why)
{
    auto it = d->topics.find(name);
    if (it == d->topics.end())
        return fail(why, ErrorCode::UnknownTopicOrPartition, QStringLiteral("topic \"%1\" does not exist").arg(name));
    if (const ErrorCode e = Private::validateConfig(config, why); e != ErrorCode::None)
        return e;
    const qint64 topicId = it->second.topicId;
    const ErrorCode error = d->transact("altering a topic config", why,
        [&](QString *e) { return d->store->replaceTopicConfigs(topicId, config.toKafkaConfigs(), e); });
    if (error != ErrorCode::None)
        return error;
    it->second.config = config;
    d->events.publish(TopicConfigChanged {name});
    return ErrorCode::None;
}

QStringList LogManager::topicNames() const
{
    QStringList names;
    names.reserve(static_cast<qsizetype>(d->topics.size()));
    for (const auto &entry : d->topics)
        names.append(entry.first);
    return names;
}

std::optional<TopicInfo> LogManager::describeTopic(const QString &name) const
{
    auto it = d->topics.find(name);
    if (it == d->topics.end())
        return std::nullopt;
    TopicInfo info;
    info.name = name;
    info.id = it->second.id;
    info.config = it->second.config;
    for (const StoredPartition &p : it->second.partitions)
        info.partitions.append(toInfo(p));
    return info;
}

TopicId LogManager::topicId(const QString &name) const
{
    auto it = d->topics.find(name);
    return it == d->topics.end() ? TopicId() : it->second.id;
}

QString LogManager::topicName(const TopicId &id) const
{
    return d->namesById.value(id);
}

int LogManager::partitionCount(const QString &name) const
{
    auto it = d->topics.find(name);
    return it == d->topics.end() ? -1 : static_cast<int>(it->second.partitions.size());
}

std::optional<PartitionInfo> LogManager::partitionInfo(const TopicPartition &tp) const
{
    const StoredPartition *p = d->find(tp);
    if (!p)
        return std::nullopt;
    return toInfo(*p);
}

std::vector<AppendResult> LogManager::append(const std::vector<AppendRequest> &requests)
{
    const qint64 now = d->clock.nowMs();
    std::vector<AppendResult> results(requests.size());
    // Partition state as it will be once the transaction commits; memory changes only after the commit.
    std::unordered_map<StoredPartition *, StoredPartition> staged;
    std::vector<BatchAppended> appended;
    QByteArray scratch; // reused for every batch: a copy whose base offset (and time) the broker rewrites
    std::vector<qint64> recordsMaxTimestamps; // per batch of the current request, for CreateTime topics
    // Segment files written in this call (with their partition's store key): synced and indexed before the commit,
    // truncated back when it fails.
    std::unordered_map<SegmentLog *, qint64> touchedLogs;
    QString storageError;
    std::vector<std::pair<qint64, StoredBatchInfo>> indexed; // the index rows written, for a deferred commit
    bool inTransaction = false;
    bool storageFailed = false;

    for (size_t i = 0; i < requests.size(); ++i) {
        const AppendRequest &request = requests[i];
        AppendResult &result = results[i];
        Private::Topic *topic = nullptr;
        StoredPartition *partition = d->find(request.topicPartition, &topic);
        if (!partition) {
            result.error = ErrorCode::UnknownTopicOrPartition;
            result.message = QStringLiteral("unknown topic or partition %1").arg(request.topicPartition.toString());
            continue;
        }
        auto stagedIt = staged.find(partition);
        const StoredPartition &current = stagedIt != staged.end() ? stagedIt->second : *partition;
        result.logStartOffset = current.logStartOffset;

        // Validate the whole record set before storing any of it: a failing request leaves nothing behind.
        bool truncated = false;
        const std::vector<QByteArrayView> batches = RecordBatch::split(request.records, &truncated);
        if (truncated) {
            result.error = ErrorCode::CorruptMessage;
            result.message = QStringLiteral("record set ends with a partial batch");
            continue;
        }
        if (batches.empty())
            continue; // Kafka appends nothing and reports no error for an empty record set
        const bool logAppendTime = topic->config.timestampType == TimestampType::LogAppendTime;
        recordsMaxTimestamps.clear();
        for (size_t b = 0; b < batches.size() && result.error == ErrorCode::None; ++b) {
            QString why;
            qint64 maxTimestamp = -1;
            if (const ErrorCode e = RecordBatch::validate(batches[b], &why); e != ErrorCode::None) {
                result.error = e;
                result.message = why;
            } else if (batches[b].size() > topic->config.maxMessageBytes) {
                result.error = ErrorCode::MessageTooLarge;
                result.message = QStringLiteral("record batch of %1 bytes exceeds max.message.bytes %2")
                                     .arg(batches[b].size())
                                     .arg(topic->config.maxMessageBytes);
            } else if (topic->config.cleanupCompact && hasKeylessRecord(batches[b])) {
                // Kafka's LogValidator.validateKey: the cleaner could never keep such a record.
                result.error = ErrorCode::InvalidRecord;
                result.message
                    = QStringLiteral("Compacted topic cannot accept message without key in topic partition %1")
                          .arg(request.topicPartition.toString());
            } else if (logAppendTime) {
                // The broker's time replaces the header's below; the records need not be read.
            } else if (const ErrorCode e = RecordBatch::maxRecordTimestamp(batches[b], &maxTimestamp, &why);
                       e != ErrorCode::None) {
                // As Kafka's LogValidator: the header's maxTimestamp is recomputed from the records (some
                // clients send -1), so records that cannot be read refuse the whole request.
                result.error = e;
                result.message = why;
            } else {
                recordsMaxTimestamps.push_back(maxTimestamp);
            }
        }
        // After a storage failure the rest are still validated, so each gets its own error if it has one.
        if (result.error != ErrorCode::None || storageFailed)
            continue;

        if (!inTransaction) {
            if (!(d->deferIndex ? d->openIndexTransaction(&storageError) && d->store->openAppendSavepoint(&storageError)
                                : d->store->begin(&storageError))) {
                if (d->deferIndex)
                    d->undoDeferredAppend();
                storageFailed = true;
                continue;
            }
            inTransaction = true;
        }
        StoredPartition next = current;
        for (size_t b = 0; b < batches.size(); ++b) {
            const QByteArrayView batch = batches[b];
            SegmentLog *log = d->logOf(*topic, request.topicPartition.partition);
            const qint64 sentMaxTimestamp = RecordBatch::parseHeaderPrefix(batch)->maxTimestamp;
            // Usually only the base offset changes, and the CRC does not cover it: on disk only the header is copied
            // and patched, and the records go to the segment straight from the request (a 1 MB batch copied per
            // append was a sixth of the produce path's time). A new timestamp (LogAppendTime, or a header that lies)
            // changes CRC-covered bytes: then the whole batch is copied and rewritten.
            const bool headerOnly = log && !logAppendTime && sentMaxTimestamp == recordsMaxTimestamps[b];
            const qint64 copied = headerOnly ? RecordBatchHeader::Size : batch.size();
            scratch.resize(copied);
            std::memcpy(scratch.data(), batch.data(), static_cast<size_t>(copied));
            const QByteArrayView rest = headerOnly ? batch.sliced(copied) : QByteArrayView();
            RecordBatch::setBaseOffset(scratch, next.logEndOffset);
            if (logAppendTime) {
                RecordBatch::setLogAppendTime(scratch, now);
            } else if (!headerOnly && sentMaxTimestamp != recordsMaxTimestamps[b]) {
                // Retention and ListOffsets go by the stored maxTimestamp: a header that lies (-1 from older
                // Go clients) would have the batch deleted at once. A correct header keeps the bytes as sent.
                qCDebug(lcLogManager).noquote()
                    << "batch for" << request.topicPartition.toString() << "says maxTimestamp" << sentMaxTimestamp
                    << "but its records" << recordsMaxTimestamps[b] << ": rewritten";
                RecordBatch::setMaxTimestamp(scratch, recordsMaxTimestamps[b]);
            }
            const auto header = RecordBatch::parseHeaderPrefix(scratch);
            StoredBatchInfo info;
            info.baseOffset = next.logEndOffset;
            info.lastOffset = header->lastOffset();
            info.maxTimestamp = header->maxTimestamp;
            info.recordCount = header->recordsCount;
            info.sizeBytes = batch.size();
            bool stored = false;
            if (log) {
                touchedLogs.emplace(log, partition->partitionId);
                stored = log->append(scratch, rest, info.baseOffset, info.maxTimestamp, now,
                             Private::rollPolicy(topic->config), &info.segmentBase, &info.filePosition, &storageError)
                    && d->store->insertBatchLocation(partition->partitionId, info, &storageError);
                if (stored && d->deferIndex)
                    indexed.emplace_back(partition->partitionId, info);
                // A segment starts at the offset of its first batch.
                result.segmentRolled = result.segmentRolled || (stored && info.segmentBase == info.baseOffset);
            } else {
                stored = d->store->insertBatch(partition->partitionId, info, scratch, &storageError);
            }
            if (!stored) {
                storageFailed = true;
                break;
            }
            appended.push_back(BatchAppended {request.topicPartition.topic, request.topicPartition.partition,
                info.baseOffset, info.lastOffset, info.recordCount, info.sizeBytes, info.maxTimestamp, now});
            next.logEndOffset = info.lastOffset + 1; // Kafka advances by lastOffsetDelta + 1
            next.sizeBytes += info.sizeBytes;
        }
        if (storageFailed)
            continue;
        next.lastAppendTimeMs = now;
        result.baseOffset = current.logEndOffset;
        result.lastOffset = next.logEndOffset - 1;
        result.logAppendTimeMs = logAppendTime ? now : -1;
        staged[partition] = next;
    }

    if (inTransaction && !storageFailed) {
        // Acknowledged = the segment bytes written (and synced with --fsync) before the index commit that names them.
        for (const auto &[log, partitionId] : touchedLogs) {
            if (d->fsync && !log->sync(&storageError)) {
                storageFailed = true;
                break;
            }
            if (!LogDirectory::indexSegments(*d->store, partitionId, log->dirtySegments(), &storageError)) {
                storageFailed = true;
                break;
            }
        }
    }
    if (inTransaction && !storageFailed) {
        for (const auto &entry : staged) {
            if (!d->store->updatePartition(entry.second, &storageError)) {
                storageFailed = true;
                break;
            }
        }
        if (!storageFailed
            && !(d->deferIndex ? d->store->keepAppendSavepoint(&storageError) : d->store->commit(&storageError)))
            storageFailed = true;
    }
    if (storageFailed) {
        // Nothing of this call is stored: every request not already refused fails with the transaction (with
        // deferred index commits, with its savepoint: the earlier appends' rows stay).
        if (!d->deferIndex)
            d->store->rollback();
        else if (inTransaction)
            d->undoDeferredAppend(); // (a savepoint that failed to open was undone there)
        for (const auto &entry : touchedLogs)
            entry.first->rollback();
        qCWarning(lcLogManager).noquote() << "append failed:" << storageError;
        for (size_t i = 0; i < requests.size(); ++i) {
            AppendResult &result = results[i];
            if (result.error != ErrorCode::None)
                continue;
            result = AppendResult {};
            result.error = ErrorCode::KafkaStorageError;
            result.message = QStringLiteral("storage failed: %1").arg(storageError);
            if (const StoredPartition *p = d->find(requests[i].topicPartition))
                result.logStartOffset = p->logStartOffset;
        }
        return results;
    }
    for (const auto &entry : touchedLogs)
        entry.first->commit();
    for (auto &entry : staged)
        *entry.first = entry.second;
    if (d->deferIndex && inTransaction) {
        d->deferredBatches.insert(d->deferredBatches.end(), indexed.cbegin(), indexed.cend());
        if (d->deferredBatches.size() >= Private::MaxDeferredBatches)
            d->commitIndex(nullptr);
    }
    for (const BatchAppended &event : appended)
        d->events.publish(event);
    return results;
}

AppendResult LogManager::append(const TopicPartition &tp, const QByteArray &records)
{
    return append(std::vector<AppendRequest> {AppendRequest {tp, records}}).front();
}

FetchResult LogManager::read(const TopicPartition &tp, qint64 fetchOffset, qint64 maxBytes) const
{
    FetchResult result;
    const StoredPartition *p = d->find(tp);
    if (!p) {
        result.error = ErrorCode::UnknownTopicOrPartition;
        return result;
    }
    result.highWatermark = p->logEndOffset;
    result.logStartOffset = p->logStartOffset;
    if (fetchOffset < p->logStartOffset || fetchOffset > p->logEndOffset) {
        result.error = ErrorCode::OffsetOutOfRange;
        return result;
    }
    if (fetchOffset == p->logEndOffset)
        return result;
    QString why;
    std::vector<StoredBatchInfo> expected;
    bool ok = true;
    if (const SegmentLog *log = d->logOf(tp)) {
        ok = d->readSegments(*log, *p, fetchOffset, maxBytes, &result.records, &expected, &why);
    } else {
        int batches = 0;
        ok = d->store->readBatches(p->partitionId, fetchOffset, maxBytes, &result.records, &batches, &why);
    }
    // Every batch served is checked (CRC-32C, and against the index): damage is reported with the file and offsets,
    // never served. What comes before a damaged batch is served; the fetch that reaches it gets the error.
    if (ok) {
        const qint64 valid = d->checkBatches(tp, result.records, expected, &why);
        if (valid < result.records.size()) {
            result.records.truncate(valid);
            ok = valid > 0;
            qCCritical(lcLogManager).noquote() << why;
        }
    }
    if (!ok) {
        qCWarning(lcLogManager).noquote() << "reading" << tp.toString() << "failed:" << why;
        result.records.clear();
        result.error = ErrorCode::KafkaStorageError;
    }
    return result;
}

OffsetAndTimestamp LogManager::offsetForTimestamp(const TopicPartition &tp, qint64 timestamp) const
{
    OffsetAndTimestamp result;
    const StoredPartition *p = d->find(tp);
    if (!p) {
        result.error = ErrorCode::UnknownTopicOrPartition;
        return result;
    }
    switch (timestamp) {
    case EarliestTimestamp:
    case EarliestLocalTimestamp: // all of the log is local: no tiered storage
        result.offset = p->logStartOffset;
        return result;
    case LatestTimestamp:
        result.offset = p->logEndOffset;
        return result;
    case LatestTieredTimestamp: // nothing is tiered; Kafka answers -1 / -1 then, without an error
        return result;
    case MaxTimestamp:
        return d->maxTimestampRecord(tp, *p);
    default:
        break;
    }
    // Any other value is a time to search for, as Kafka 4.1 reads it (it knows no special value below -5).
    qint64 from = p->logStartOffset;
    while (from < p->logEndOffset) {
        std::optional<StoredBatchInfo> info;
        QByteArray bytes;
        QString why;
        if (!d->store->findBatchByTimestamp(p->partitionId, from, timestamp, &info, &bytes, &why)
            || (info && !d->batchBytes(tp, *info, &bytes, &why))) {
            qCWarning(lcLogManager).noquote() << "offset lookup in" << tp.toString() << "failed:" << why;
            result.error = ErrorCode::KafkaStorageError;
            return result;
        }
        if (!info)
            break;
        std::vector<Record> records;
        if (RecordBatch::decode(bytes, &records) != ErrorCode::None) {
            // An undecodable batch (LogAppendTime topics store records unread): the best answer is where it starts.
            result.offset = std::max(info->baseOffset, from);
            result.timestamp = info->maxTimestamp;
            return result;
        }
        for (const Record &r : records) {
            if (r.offset >= from && r.timestamp >= timestamp) {
                result.offset = r.offset;
                result.timestamp = r.timestamp;
                return result;
            }
        }
        // Only records below the log start matched; look further on.
        from = info->lastOffset + 1;
    }
    return result;
}

ErrorCode LogManager::deleteRecordsBefore(const TopicPartition &tp, qint64 offset, qint64 *lowWatermark)
{
    Private::Topic *topic = nullptr;
    StoredPartition *p = d->find(tp, &topic);
    if (!p)
        return ErrorCode::UnknownTopicOrPartition;
    const qint64 target = offset == -1 ? p->logEndOffset : offset;
    if (lowWatermark)
        *lowWatermark = p->logStartOffset;
    if (target < 0 || target > p->logEndOffset)
        return ErrorCode::OffsetOutOfRange;
    // Never moves backwards: a lower offset is accepted and changes nothing, as in Kafka.
    const ErrorCode error = d->moveLogStart(tp.topic, *p, target, DeletionCause::DeleteRecords, nullptr);
    if (lowWatermark)
        *lowWatermark = p->logStartOffset;
    return error;
}

void LogManager::enforceRetention()
{
    const qint64 now = d->clock.nowMs();
    for (auto &entry : d->topics) {
        // Not a structured binding: the lambdas below capture these, which clang < 16 cannot do (P1091R3).
        const QString &name = entry.first;
        auto &topic = entry.second;
        if (!topic.config.cleanupDelete)
            continue; // compact only: the cleaner alone removes records
        for (StoredPartition &p : topic.partitions) {
            if (p.logStartOffset == p.logEndOffset)
                continue;
            if (SegmentLog *log = d->logOf(topic, p.partition)) {
                d->enforceSegmentRetention(name, topic.config, p, *log, now);
                continue;
            }
            // Deletes the oldest whole batches while expired(batch) holds; like Kafka's segment deletion it
            // stops at the first batch that must stay.
            const auto trimFront = [&](DeletionCause cause,
                                       const std::function<bool(const StoredBatchInfo &)> &expired) {
                QString why;
                qint64 newStart = p.logStartOffset;
                const bool ok = d->store->forEachBatch(
                    p.partitionId, p.logStartOffset,
                    [&](const StoredBatchInfo &batch) {
                        if (!expired(batch))
                            return false;
                        newStart = batch.lastOffset + 1;
                        return true;
                    },
                    &why);
                if (!ok)
                    qCWarning(lcLogManager).noquote() << "retention scan of" << name << p.partition << "failed:" << why;
                else
                    d->moveLogStart(name, p, newStart, cause, nullptr);
            };
            if (topic.config.retentionMs >= 0) {
                const qint64 cutoff = now - topic.config.retentionMs;
                trimFront(DeletionCause::RetentionMs,
                    [&](const StoredBatchInfo &batch) { return batch.maxTimestamp < cutoff; });
            }
            if (topic.config.retentionBytes >= 0 && p.sizeBytes > topic.config.retentionBytes) {
                // As Kafka: the oldest batch goes only if the partition stays at or above retention.bytes
                // without it, so the limit is a floor that is never undercut.
                qint64 remaining = p.sizeBytes;
                trimFront(DeletionCause::RetentionBytes, [&](const StoredBatchInfo &batch) {
                    if (remaining - batch.sizeBytes < topic.config.retentionBytes)
                        return false;
                    remaining -= batch.sizeBytes;
                    return true;
                });
            }
        }
    }
}

QString LogManager::dataDirectory() const
{
    return d->dataDir;
}

OffsetStore &LogManager::offsetStore()
{
    return *d->store;
}

void LogManager::setStorageHeadroomForTesting(qint64 extraPages)
{
    d->writeLimits.budgetBytes = extraPages < 0 ? -1 : extraPages * d->store->pageSize();
    d->store->setMaxPageCountForTesting(extraPages < 0 ? 0 : d->store->pageCount() + extraPages);
}

void LogManager::waitForFileRemovalsForTesting()
{
    if (d->remover)
        d->remover->drain();
}

void LogManager::setFileRemovalPausedForTesting(bool paused)
{
    if (d->remover)
        d->remover->setPausedForTesting(paused);
}

void LogManager::loseIndexTransactionForTesting()
{
    d->store->rollback();
}

void LogManager::setStorageReadOnlyForTesting(bool readOnly)
{
    d->writeLimits.readOnly = readOnly;
    d->store->setReadOnlyForTesting(readOnly);
}

} // namespace topicscope::engine
