#pragma once

#include "consumeroffsetsrecords.h"
#include "errorcode.h"
#include "topicpartition.h"

#include <QList>
#include <QMap>
#include <QString>
#include <vector>

namespace topicscope::engine {

// A committed consumer-group offset: the next offset the group will read (last processed + 1).
struct CommittedOffset {
    TopicPartition topicPartition;
    qint64 offset = -1;
    qint32 leaderEpoch = -1;
    QString metadata;
    qint64 commitTimestampMs = -1;
    // OffsetCommit v2-4's retention_time_ms as Kafka keeps it (OffsetCommitValue v1's expire_timestamp): when set,
    // the offset expires at this time instead of offsets.retention.minutes after its base; -1 = not set.
    qint64 expireTimestampMs = -1;
    bool operator==(const CommittedOffset &) const = default;
};

// Durable storage of committed offsets and group metadata (classic and consumer-protocol groups), used by the
// GroupCoordinator. The broker keeps them in the internal topic __consumer_offsets (OffsetsTopic); the legacy SQLite
// offsets table implements the offsets part and is read once to migrate an old data directory; tests may use an
// in-memory fake. Engine thread only.
class OffsetStore {
public:
    virtual ~OffsetStore() = default;
    // Stores all offsets of one commit atomically (one transaction). KAFKA_STORAGE_ERROR on failure.
    virtual ErrorCode saveOffsets(
        const QString &groupId, const std::vector<CommittedOffset> &offsets, QString *why = nullptr)
        = 0;
    virtual ErrorCode deleteGroupOffsets(const QString &groupId) = 0;
    // Drops some partitions' offsets of one group atomically (OffsetDelete); absent ones are no error.
    virtual ErrorCode deleteOffsets(const QString &groupId, const QList<TopicPartition> &partitions) = 0;
    // Drops every group's offsets for a topic (Kafka does so when the topic is deleted).
    virtual ErrorCode deleteTopicOffsets(const QString &topic) = 0;
    // Every stored offset by group id, read once at start-up.
    virtual QMap<QString, std::vector<CommittedOffset>> loadOffsets(QString *why = nullptr) const = 0;

    // A group's generation (Kafka's GroupMetadata record), stored on every generation. A store that keeps only
    // offsets (the legacy SQLite table) ignores it and loads no groups.
    virtual ErrorCode storeGroup(const QString &groupId, const GroupMetadataRecordValue &group)
    {
        Q_UNUSED(groupId);
        Q_UNUSED(group);
        return ErrorCode::None;
    }
    // Forgets a group's metadata (Kafka's group tombstone): the group was deleted or expired.
    virtual ErrorCode deleteGroup(const QString &groupId)
    {
        Q_UNUSED(groupId);
        return ErrorCode::None;
    }
    // Every stored group's last generation by group id, read once at start-up.
    virtual QMap<QString, GroupMetadataRecordValue> loadGroups(QString *why = nullptr) const
    {
        Q_UNUSED(why);
        return {};
    }

    // A consumer-protocol group (KIP-848) as a whole; the store writes what differs from what it last stored for the
    // group (Kafka's records 3-8, tombstones for members gone), all in one batch. KAFKA_STORAGE_ERROR on failure.
    // A store without consumer-group records ignores it and loads none.
    virtual ErrorCode storeConsumerGroup(const QString &groupId, const ConsumerGroupRecordValue &group)
    {
        Q_UNUSED(groupId);
        Q_UNUSED(group);
        return ErrorCode::None;
    }
    // Forgets a consumer-protocol group (tombstones for all its records, in Kafka's order).
    virtual ErrorCode deleteConsumerGroup(const QString &groupId)
    {
        Q_UNUSED(groupId);
        return ErrorCode::None;
    }
    // Every stored consumer-protocol group by group id, read once at start-up.
    virtual QMap<QString, ConsumerGroupRecordValue> loadConsumerGroups(QString *why = nullptr) const
    {
        Q_UNUSED(why);
        return {};
    }
};

} // namespace topicscope::engine
