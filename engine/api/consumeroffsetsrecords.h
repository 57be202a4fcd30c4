#pragma once

#include "topicpartition.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace topicscope::engine {

// OffsetCommitKey (key versions 0 and 1): one committed partition of a group.
// GroupMetadataKey (key version 2): a group's generation and members.
struct ConsumerOffsetsKey {
    enum class Kind { OffsetCommit, GroupMetadata };
    Kind kind = Kind::OffsetCommit;
    qint16 version = 1;
    QString group;
    TopicPartition topicPartition; // OffsetCommit only
    bool operator==(const ConsumerOffsetsKey &) const = default;
};

struct OffsetCommitRecordValue {
    qint64 offset = -1;
    qint32 leaderEpoch = -1; // v3+
    QString metadata;
    qint64 commitTimestamp = -1;
    qint64 expireTimestamp = -1; // v1 only
    bool operator==(const OffsetCommitRecordValue &) const = default;
};

struct GroupMetadataRecordMember {
    QString memberId;
    std::optional<QString> groupInstanceId; // v3+
    QString clientId;
    QString clientHost;
    qint32 rebalanceTimeoutMs = -1; // v1+
    qint32 sessionTimeoutMs = 0;
    QByteArray subscription;
    QByteArray assignment;
    bool operator==(const GroupMetadataRecordMember &) const = default;
};

struct GroupMetadataRecordValue {
    QString protocolType;
    qint32 generation = 0;
    std::optional<QString> protocol;
    std::optional<QString> leader;
    qint64 currentStateTimestamp = -1; // v2+
    QList<GroupMetadataRecordMember> members;
    bool operator==(const GroupMetadataRecordValue &) const = default;
};

// The record formats of Kafka's internal topic __consumer_offsets (apache/kafka group-coordinator
// OffsetCommitKey/Value, GroupMetadataKey/Value), as pure functions: the broker writes and replays them, and the
// explorer decodes them for display. Written from the schema facts; decoders accept every value version Kafka
// defines (0-4, 4 flexible), encoders write what Kafka 3.x/4.x writes (key 1 / value 3 for offsets, key 2 /
// value 3 for groups). Any thread.
class ConsumerOffsetsRecords {
public:
    static QString topicName() { return QStringLiteral("__consumer_offsets"); }
    static constexpr int DefaultPartitions = 50; // offsets.topic.num.partitions

    // Kafka's partitionFor: Utils.abs(groupId.hashCode()) % partitions, with Java's String.hashCode over UTF-16
    // code units and Utils.abs mapping Integer.MIN_VALUE to 0.
    static int partitionFor(const QString &groupId, int partitions);

    static QByteArray encodeOffsetCommitKey(const QString &group, const TopicPartition &tp);
    static QByteArray encodeOffsetCommitValue(const OffsetCommitRecordValue &value);
    static QByteArray encodeGroupMetadataKey(const QString &group);
    static QByteArray encodeGroupMetadataValue(const GroupMetadataRecordValue &value);

    // nullopt for bytes that are not a well-formed key/value of a version Kafka defines.
    static std::optional<ConsumerOffsetsKey> decodeKey(QByteArrayView bytes);
    static std::optional<OffsetCommitRecordValue> decodeOffsetCommitValue(QByteArrayView bytes);
    static std::optional<GroupMetadataRecordValue> decodeGroupMetadataValue(QByteArrayView bytes);

    // One readable line per record for the message browser, e.g. "offset commit group=g topic=t partition=0 ->
    // offset 42" or "group metadata g generation 3 protocol range leader c-1 members [c-1 (client c, host /h)]";
    // a null value reads as a tombstone. Empty when the key does not decode.
    static QString describe(const std::optional<QByteArray> &key, const std::optional<QByteArray> &value);
    // The key alone: "offset commit group=g topic=t partition=0" or "group metadata g"; empty when it does not
    // decode.
    static QString describeKey(const std::optional<QByteArray> &key);
};

} // namespace topicscope::engine
