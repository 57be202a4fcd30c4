#pragma once

#include "core/clock.h"
#include "group/consumergrouprecords.h"
#include "group/offsetstore.h"
#include "topicconfig.h"

#include <QMap>
#include <QSet>
#include <QString>
#include <map>
#include <optional>
#include <vector>

namespace topicscope::engine {

class LogManager;
struct Record;

// What the internal topic holds, replayed from its records: the newest value of every live key.
struct OffsetsTopicState {
    QMap<QString, std::vector<CommittedOffset>> offsets; // by group, in topic-partition order
    QMap<QString, GroupMetadataRecordValue> groups;
    QMap<QString, ConsumerGroupRecordValue> consumerGroups; // consumer-protocol groups (keys 3-8)
    qint64 recordsRead = 0;
    qint64 recordsSkipped = 0; // keys or values that do not decode (a plain topic a client once created)
};

// Committed offsets and group metadata kept as Kafka keeps them: records of the compacted internal topic
// __consumer_offsets, written through the LogManager like any topic (a group's records go to partition
// ConsumerOffsetsRecords::partitionFor(group)), one batch per commit so that a commit is atomic, tombstones
// (null values) where Kafka writes them. The topic is the one source of truth; the coordinator's in-memory
// groups are rebuilt from it at start. Its cleanup.policy is compact: the log cleaner (LogManager::clean) keeps it
// from growing without bound, as Kafka's does.
// Functional core; lives on the engine thread.
class OffsetsTopic : public OffsetStore {
public:
    // Kafka's offsets.topic.segment.bytes: smaller than other topics' segments so that the cleaner, which never
    // touches the active segment, gets to work sooner.
    static constexpr qint64 SegmentBytes = 100LL * 1024 * 1024;
    // Its configuration: cleanup.policy=compact (no time or size retention), segment.bytes as above.
    static TopicConfig internalConfig();

    OffsetsTopic(LogManager &log, Clock &clock, int partitions = ConsumerOffsetsRecords::DefaultPartitions);

    // Creates the topic if it does not exist (with partitions and internalConfig()), or adopts the existing one's
    // partition count and makes it compact-only. Call once at start.
    ErrorCode open(QString *why = nullptr);
    int partitions() const { return m_partitions; }

    // Writes the offsets of an old data directory's SQLite table as records, then empties the table, so that an
    // upgrade keeps every committed offset. Does nothing when the table is empty.
    ErrorCode migrateFrom(OffsetStore &legacy, QString *why = nullptr);

    // Reads the whole topic and replays it (newest value per key wins, a tombstone removes the key).
    OffsetsTopicState replay(QString *why = nullptr) const;
    // How many times the whole topic was read: open() and the three loads at start-up share one reading as long as
    // nothing was written in between (a write or DeleteRecords moves the partitions' offsets; the cleaner leaves them,
    // and what it drops replays the same).
    int replays() const { return m_replays; }

    // OffsetStore
    ErrorCode saveOffsets(
        const QString &groupId, const std::vector<CommittedOffset> &offsets, QString *why = nullptr) override;
    ErrorCode deleteGroupOffsets(const QString &groupId) override;
    ErrorCode deleteOffsets(const QString &groupId, const QList<TopicPartition> &partitions) override;
    ErrorCode deleteTopicOffsets(const QString &topic) override;
    QMap<QString, std::vector<CommittedOffset>> loadOffsets(QString *why = nullptr) const override;
    ErrorCode storeGroup(const QString &groupId, const GroupMetadataRecordValue &group) override;
    ErrorCode deleteGroup(const QString &groupId) override;
    QMap<QString, GroupMetadataRecordValue> loadGroups(QString *why = nullptr) const override;
    // Writes only the records whose value differs from what this group last had in the topic (see
    // ConsumerGroupRecords::changes), in one batch; nothing when nothing differs.
    ErrorCode storeConsumerGroup(const QString &groupId, const ConsumerGroupRecordValue &group) override;
    ErrorCode deleteConsumerGroup(const QString &groupId) override;
    QMap<QString, ConsumerGroupRecordValue> loadConsumerGroups(QString *why = nullptr) const override;

private:
    ErrorCode write(const QString &groupId, const std::vector<Record> &records, QString *why = nullptr);
    std::vector<Record> readPartition(int partition, qint64 *logStartOffset = nullptr) const;
    void index(const QString &groupId, const TopicPartition &tp, bool live);
    ConsumerGroupRecords consumerGroupRecords() const;
    // replay(), or the state of the last one while every partition still has the same log start and end offsets.
    OffsetsTopicState replayed(QString *why) const;
    std::vector<std::pair<qint64, qint64>> offsetMarks() const;

    LogManager &m_log;
    Clock &m_clock;
    int m_partitions;
    // Live keys, kept so that tombstones can name every key of a group or topic.
    QMap<QString, QSet<TopicPartition>> m_offsetKeys;
    QSet<QString> m_groupKeys;
    // What each consumer-protocol group last wrote, so that a store writes only what changed (and a delete knows
    // every key to tombstone).
    std::map<QString, ConsumerGroupRecordValue> m_consumerGroups;
    // The last replay and the offsets it read up to; dropped at the first write (it is for start-up).
    mutable std::optional<std::pair<std::vector<std::pair<qint64, qint64>>, OffsetsTopicState>> m_replayCache;
    mutable int m_replays = 0;
};

} // namespace topicscope::engine
