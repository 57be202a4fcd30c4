#include "offsetstopic.h"

#include "core/recordbatch.h"
#include "log/logmanager.h"

#include <QLoggingCategory>
#include <algorithm>
#include <map>

namespace topicscope::engine {

Q_LOGGING_CATEGORY(lcOffsetsTopic, "topicscope.engine.offsetstopic")

namespace {

constexpr qint64 ReadChunkBytes = 4 * 1024 * 1024;

ErrorCode fail(QString *why, const QString &text)
{
    if (why)
        *why = text;
    return ErrorCode::KafkaStorageError;
}

} // namespace

OffsetsTopic::OffsetsTopic(LogManager &log, Clock &clock, int partitions)
    : m_log(log)
    , m_clock(clock)
    , m_partitions(std::max(partitions, 1))
{ }

ErrorCode OffsetsTopic::open(QString *why)
{
    const QString name = ConsumerOffsetsRecords::topicName();
    const TopicConfig config = internalConfig();
    const int existing = m_log.partitionCount(name);
    if (existing < 0) {
        const ErrorCode error = m_log.createTopic(name, m_partitions, config, why);
        if (error != ErrorCode::None)
            return error;
        qCInfo(lcOffsetsTopic).noquote()
            << QStringLiteral("created internal topic %1 with %2 partition(s)").arg(name).arg(m_partitions);
    } else {
        // An older version auto-created it as a plain topic when a client asked, or kept it compact-only by
        // turning retention off; Kafka too keeps the partition count the topic already has. It becomes compact-only.
        m_partitions = existing;
        const std::optional<TopicInfo> info = m_log.describeTopic(name);
        if (info && (info->config.cleanupDelete || !info->config.cleanupCompact)) {
            TopicConfig adopted = info->config;
            adopted.cleanupDelete = false;
            adopted.cleanupCompact = true;
            adopted.segmentBytes = config.segmentBytes;
            if (const ErrorCode error = m_log.alterConfig(name, adopted, why); error != ErrorCode::None)
                return error;
        }
    }
    QString error;
    const OffsetsTopicState state = replayed(&error);
    if (!error.isEmpty())
        return fail(why, error);
    m_offsetKeys.clear();
    m_groupKeys.clear();
    for (auto it = state.offsets.cbegin(); it != state.offsets.cend(); ++it) {
        for (const CommittedOffset &offset : it.value())
            m_offsetKeys[it.key()].insert(offset.topicPartition);
    }
    for (auto it = state.groups.cbegin(); it != state.groups.cend(); ++it)
        m_groupKeys.insert(it.key());
    m_consumerGroups.clear();
    for (auto it = state.consumerGroups.cbegin(); it != state.consumerGroups.cend(); ++it)
        m_consumerGroups.emplace(it.key(), it.value());
    return ErrorCode::None;
}

ErrorCode OffsetsTopic::migrateFrom(OffsetStore &legacy, QString *why)
{
    QString error;
    const QMap<QString, std::vector<CommittedOffset>> old = legacy.loadOffsets(&error);
    if (!error.isEmpty())
        return fail(why, error);
    int count = 0;
    for (auto it = old.cbegin(); it != old.cend(); ++it) {
        // Written before the table is emptied: a crash in between only repeats the migration, which is harmless
        // because the newest record of a key wins and the values are the same.
        if (const ErrorCode e = saveOffsets(it.key(), it.value(), why); e != ErrorCode::None)
            return e;
        if (const ErrorCode e = legacy.deleteGroupOffsets(it.key()); e != ErrorCode::None)
            return fail(why, QStringLiteral("emptying the old offsets table failed"));
        count += static_cast<int>(it.value().size());
    }
    if (count > 0)
        qCInfo(lcOffsetsTopic).noquote() << QStringLiteral(
            "migrated %1 committed offset(s) of %2 group(s) from the offsets table into %3")
                                                .arg(count)
                                                .arg(old.size())
                                                .arg(ConsumerOffsetsRecords::topicName());
    return ErrorCode::None;
}

std::vector<Record> OffsetsTopic::readPartition(int partition, qint64 *logStartOffset) const
{
    std::vector<Record> records;
    const TopicPartition tp {ConsumerOffsetsRecords::topicName(), partition};
    const std::optional<PartitionInfo> info = m_log.partitionInfo(tp);
    if (!info)
        return records;
    if (logStartOffset)
        *logStartOffset = info->logStartOffset;
    qint64 next = info->logStartOffset;
    while (next < info->logEndOffset) {
        const FetchResult fetched = m_log.read(tp, next, ReadChunkBytes);
        if (fetched.error != ErrorCode::None || fetched.records.isEmpty())
            break;
        const qint64 before = next;
        for (QByteArrayView batch : RecordBatch::split(fetched.records)) {
            const std::optional<RecordBatchHeader> header = RecordBatch::parseHeader(batch);
            if (!header)
                break;
            std::vector<Record> decoded;
            if (!header->isControl() && RecordBatch::decode(batch, &decoded) == ErrorCode::None) {
                for (Record &record : decoded) {
                    if (record.offset >= next)
                        records.push_back(std::move(record));
                }
            }
            next = std::max(next, header->lastOffset() + 1);
        }
        if (next == before)
            break;
    }
    return records;
}

std::vector<std::pair<qint64, qint64>> OffsetsTopic::offsetMarks() const
{
    std::vector<std::pair<qint64, qint64>> marks;
    for (int p = 0; p < m_partitions; ++p) {
        const std::optional<PartitionInfo> info = m_log.partitionInfo({ConsumerOffsetsRecords::topicName(), p});
        marks.emplace_back(info ? info->logStartOffset : -1, info ? info->logEndOffset : -1);
    }
    return marks;
}

OffsetsTopicState OffsetsTopic::replayed(QString *why) const
{
    std::vector<std::pair<qint64, qint64>> marks = offsetMarks();
    if (m_replayCache && m_replayCache->first == marks)
        return m_replayCache->second;
    QString error;
    OffsetsTopicState state = replay(&error);
    if (!error.isEmpty()) {
        if (why)
            *why = error;
        m_replayCache.reset();
        return state;
    }
    m_replayCache.emplace(std::move(marks), state);
    return state;
}

OffsetsTopicState OffsetsTopic::replay(QString *why) const
{
    Q_UNUSED(why);
    ++m_replays;
    OffsetsTopicState state;
    std::map<QString, std::map<TopicPartition, CommittedOffset>> offsets;
    ConsumerGroupRecords consumerGroups = consumerGroupRecords();
    for (int p = 0; p < m_partitions; ++p) {
        for (const Record &record : readPartition(p)) {
            ++state.recordsRead;
            const std::optional<ConsumerOffsetsKey> key
                = record.key ? ConsumerOffsetsRecords::decodeKey(*record.key) : std::nullopt;
            if (!key) {
                ++state.recordsSkipped;
                continue;
            }
            if (ConsumerGroupRecords::isConsumerGroupKey(key->kind)) {
                if (!consumerGroups.apply(*key, record.value))
                    ++state.recordsSkipped;
                continue;
            }
            if (key->kind == ConsumerOffsetsKey::Kind::GroupMetadata) {
                if (!record.value) {
                    state.groups.remove(key->group);
                } else if (const auto value = ConsumerOffsetsRecords::decodeGroupMetadataValue(*record.value)) {
                    state.groups.insert(key->group, *value);
                } else {
                    ++state.recordsSkipped;
                }
                continue;
            }
            if (!record.value) {
                offsets[key->group].erase(key->topicPartition);
                continue;
            }
            const std::optional<OffsetCommitRecordValue> value
                = ConsumerOffsetsRecords::decodeOffsetCommitValue(*record.value);
            if (!value) {
                ++state.recordsSkipped;
                continue;
            }
            CommittedOffset offset;
            offset.topicPartition = key->topicPartition;
            offset.offset = value->offset;
            offset.leaderEpoch = value->leaderEpoch;
            offset.metadata = value->metadata;
            offset.commitTimestampMs = value->commitTimestamp;
            offset.expireTimestampMs = value->expireTimestamp;
            offsets[key->group][key->topicPartition] = offset;
        }
    }
    state.consumerGroups = consumerGroups.groups();
    for (const auto &[group, byPartition] : offsets) {
        if (byPartition.empty())
            continue;
        std::vector<CommittedOffset> &list = state.offsets[group];
        for (const auto &[tp, offset] : byPartition)
            list.push_back(offset);
    }
    return state;
}

ErrorCode OffsetsTopic::write(const QString &groupId, const std::vector<Record> &records, QString *why)
{
    if (records.empty())
        return ErrorCode::None;
    m_replayCache.reset(); // start-up is over
    const TopicPartition tp {
        ConsumerOffsetsRecords::topicName(), ConsumerOffsetsRecords::partitionFor(groupId, m_partitions)};
    const AppendResult result = m_log.append(tp, RecordBatch::build(0, records));
    if (result.error != ErrorCode::None) {
        qCWarning(lcOffsetsTopic).noquote() << QStringLiteral("writing %1 record(s) of group %2 to %3 failed: %4")
                                                   .arg(records.size())
                                                   .arg(groupId, tp.toString(), result.message);
        return fail(why, result.message.isEmpty() ? QStringLiteral("append failed") : result.message);
    }
    return ErrorCode::None;
}

void OffsetsTopic::index(const QString &groupId, const TopicPartition &tp, bool live)
{
    if (live) {
        m_offsetKeys[groupId].insert(tp);
        return;
    }
    auto it = m_offsetKeys.find(groupId);
    if (it == m_offsetKeys.end())
        return;
    it->remove(tp);
    if (it->isEmpty())
        m_offsetKeys.erase(it);
}

ErrorCode OffsetsTopic::saveOffsets(const QString &groupId, const std::vector<CommittedOffset> &offsets, QString *why)
{
    const qint64 now = m_clock.nowMs();
    std::vector<Record> records;
    records.reserve(offsets.size());
    for (const CommittedOffset &offset : offsets) {
        OffsetCommitRecordValue value;
        value.offset = offset.offset;
        value.leaderEpoch = offset.leaderEpoch;
        value.metadata = offset.metadata;
        value.commitTimestamp = offset.commitTimestampMs >= 0 ? offset.commitTimestampMs : now;
        value.expireTimestamp = offset.expireTimestampMs; // >= 0: written as OffsetCommitValue v1, as Kafka does
        Record record;
        record.timestamp = now;
        record.key = ConsumerOffsetsRecords::encodeOffsetCommitKey(groupId, offset.topicPartition);
        record.value = ConsumerOffsetsRecords::encodeOffsetCommitValue(value);
        records.push_back(std::move(record));
    }
    if (const ErrorCode error = write(groupId, records, why); error != ErrorCode::None)
        return error;
    for (const CommittedOffset &offset : offsets)
        index(groupId, offset.topicPartition, true);
    return ErrorCode::None;
}

ErrorCode OffsetsTopic::deleteOffsets(const QString &groupId, const QList<TopicPartition> &partitions)
{
    std::vector<Record> tombstones;
    const QSet<TopicPartition> live = m_offsetKeys.value(groupId);
    for (const TopicPartition &tp : partitions) {
        if (!live.contains(tp))
            continue;
        Record record;
        record.timestamp = m_clock.nowMs();
        record.key = ConsumerOffsetsRecords::encodeOffsetCommitKey(groupId, tp);
        tombstones.push_back(std::move(record));
    }
    if (const ErrorCode error = write(groupId, tombstones); error != ErrorCode::None)
        return error;
    for (const TopicPartition &tp : partitions)
        index(groupId, tp, false);
    return ErrorCode::None;
}

ErrorCode OffsetsTopic::deleteGroupOffsets(const QString &groupId)
{
    // DeleteGroups: Kafka writes a tombstone for every offset of the group and one for its metadata, together.
    std::vector<Record> tombstones;
    const QSet<TopicPartition> live = m_offsetKeys.value(groupId);
    QList<TopicPartition> sorted(live.cbegin(), live.cend());
    std::sort(sorted.begin(), sorted.end());
    for (const TopicPartition &tp : std::as_const(sorted)) {
        Record record;
        record.timestamp = m_clock.nowMs();
        record.key = ConsumerOffsetsRecords::encodeOffsetCommitKey(groupId, tp);
        tombstones.push_back(std::move(record));
    }
    if (m_groupKeys.contains(groupId)) {
        Record record;
        record.timestamp = m_clock.nowMs();
        record.key = ConsumerOffsetsRecords::encodeGroupMetadataKey(groupId);
        tombstones.push_back(std::move(record));
    }
    if (const ErrorCode error = write(groupId, tombstones); error != ErrorCode::None)
        return error;
    m_offsetKeys.remove(groupId);
    m_groupKeys.remove(groupId);
    return ErrorCode::None;
}

ErrorCode OffsetsTopic::deleteTopicOffsets(const QString &topic)
{
    const QStringList groups = m_offsetKeys.keys();
    for (const QString &groupId : groups) {
        QList<TopicPartition> ofTopic;
        for (const TopicPartition &tp : m_offsetKeys.value(groupId)) {
            if (tp.topic == topic)
                ofTopic.append(tp);
        }
        std::sort(ofTopic.begin(), ofTopic.end());
        if (!ofTopic.isEmpty()) {
            if (const ErrorCode error = deleteOffsets(groupId, ofTopic); error != ErrorCode::None)
                return error;
        }
    }
    return ErrorCode::None;
}

QMap<QString, std::vector<CommittedOffset>> OffsetsTopic::loadOffsets(QString *why) const
{
    return replayed(why).offsets;
}

ErrorCode OffsetsTopic::storeGroup(const QString &groupId, const GroupMetadataRecordValue &group)
{
    Record record;
    record.timestamp = m_clock.nowMs();
    record.key = ConsumerOffsetsRecords::encodeGroupMetadataKey(groupId);
    record.value = ConsumerOffsetsRecords::encodeGroupMetadataValue(group);
    if (const ErrorCode error = write(groupId, {record}); error != ErrorCode::None)
        return error;
    m_groupKeys.insert(groupId);
    return ErrorCode::None;
}

ErrorCode OffsetsTopic::deleteGroup(const QString &groupId)
{
    if (!m_groupKeys.contains(groupId))
        return ErrorCode::None;
    Record record;
    record.timestamp = m_clock.nowMs();
    record.key = ConsumerOffsetsRecords::encodeGroupMetadataKey(groupId);
    if (const ErrorCode error = write(groupId, {record}); error != ErrorCode::None)
        return error;
    m_groupKeys.remove(groupId);
    return ErrorCode::None;
}

QMap<QString, GroupMetadataRecordValue> OffsetsTopic::loadGroups(QString *why) const
{
    return replayed(why).groups;
}

ConsumerGroupRecords OffsetsTopic::consumerGroupRecords() const
{
    return ConsumerGroupRecords([this](const QString &topic) { return m_log.topicId(topic); },
        [this](const TopicId &id) { return m_log.topicName(id); });
}

ErrorCode OffsetsTopic::storeConsumerGroup(const QString &groupId, const ConsumerGroupRecordValue &group)
{
    auto stored = m_consumerGroups.find(groupId);
    const std::optional<ConsumerGroupRecordValue> before
        = stored == m_consumerGroups.end() ? std::nullopt : std::optional(stored->second);
    if (before && *before == group)
        return ErrorCode::None;
    std::vector<Record> records = consumerGroupRecords().changes(groupId, before, group);
    const qint64 now = m_clock.nowMs();
    for (Record &record : records)
        record.timestamp = now;
    if (const ErrorCode error = write(groupId, records); error != ErrorCode::None)
        return error;
    m_consumerGroups[groupId] = group;
    return ErrorCode::None;
}

ErrorCode OffsetsTopic::deleteConsumerGroup(const QString &groupId)
{
    auto stored = m_consumerGroups.find(groupId);
    if (stored == m_consumerGroups.end())
        return ErrorCode::None;
    std::vector<Record> records = consumerGroupRecords().tombstones(groupId, stored->second);
    const qint64 now = m_clock.nowMs();
    for (Record &record : records)
        record.timestamp = now;
    if (const ErrorCode error = write(groupId, records); error != ErrorCode::None)
        return error;
    m_consumerGroups.erase(groupId);
    return ErrorCode::None;
}

QMap<QString, ConsumerGroupRecordValue> OffsetsTopic::loadConsumerGroups(QString *why) const
{
    return replayed(why).consumerGroups;
}

TopicConfig OffsetsTopic::internalConfig()
{
    TopicConfig config;
    config.cleanupDelete = false;
    config.cleanupCompact = true;
    config.segmentBytes = SegmentBytes;
    // Not Kafka's (it keeps its 7-day default, unused under compact alone): nothing can apply them by mistake.
    config.retentionMs = -1;
    config.retentionBytes = -1;
    return config;
}

} // namespace topicscope::engine
