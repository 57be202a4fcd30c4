#pragma once

#include "topicid.h"
#include "topicpartition.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>

namespace topicscope::engine {

// OffsetCommitKey (key versions 0 and 1): one committed partition of a group.
// GroupMetadataKey (key version 2): a classic group's generation and members.
// Key versions 3-8: a consumer-protocol group (KIP-848), one record type per key version; the key version is the
// record type, and the per-member ones (5, 7, 8) also carry the member id.
struct ConsumerOffsetsKey {
    enum class Kind {
        OffsetCommit,
        GroupMetadata,
        ConsumerGroupMetadata, // 3: the group epoch
        ConsumerGroupPartitionMetadata, // 4: the subscribed topics
        ConsumerGroupMemberMetadata, // 5: a member's subscription and client
        ConsumerGroupTargetAssignmentMetadata, // 6: the epoch of the target assignment
        ConsumerGroupTargetAssignmentMember, // 7: a member's target
        ConsumerGroupCurrentMemberAssignment, // 8: a member's epoch, state and partitions
    };
    Kind kind = Kind::OffsetCommit;
    qint16 version = 1;
    QString group;
    TopicPartition topicPartition; // OffsetCommit only
    QString memberId; // key versions 5, 7 and 8
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

// ---- consumer-protocol groups (KIP-848), as the records carry them: topics by id ----

// A topic's partitions in ConsumerGroupTargetAssignmentMember and ConsumerGroupCurrentMemberAssignment values.
struct ConsumerGroupTopicPartitions {
    TopicId topicId;
    QList<qint32> partitions;
    bool operator==(const ConsumerGroupTopicPartitions &) const = default;
};

// One topic of ConsumerGroupPartitionMetadataValue (its per-partition racks, unused since Kafka 4.0, are written
// empty and skipped when read).
struct ConsumerGroupTopicMetadata {
    TopicId topicId;
    QString topicName;
    qint32 numPartitions = 0;
    bool operator==(const ConsumerGroupTopicMetadata &) const = default;
};

// ConsumerGroupMemberMetadataValue v0 (the classic-member tag is not written: members here use the consumer
// protocol).
struct ConsumerGroupMemberMetadataRecordValue {
    std::optional<QString> instanceId;
    std::optional<QString> rackId;
    QString clientId;
    QString clientHost;
    QStringList subscribedTopicNames;
    std::optional<QString> subscribedTopicRegex;
    qint32 rebalanceTimeoutMs = -1;
    std::optional<QString> serverAssignor;
    bool operator==(const ConsumerGroupMemberMetadataRecordValue &) const = default;
};

// ConsumerGroupCurrentMemberAssignmentValue v0. state is Kafka's MemberState byte: 0 stable, 1 unrevoked
// partitions, 2 unreleased partitions.
struct ConsumerGroupCurrentAssignmentRecordValue {
    qint32 memberEpoch = 0;
    qint32 previousMemberEpoch = 0;
    qint8 state = 0;
    QList<ConsumerGroupTopicPartitions> assignedPartitions;
    QList<ConsumerGroupTopicPartitions> partitionsPendingRevocation;
    bool operator==(const ConsumerGroupCurrentAssignmentRecordValue &) const = default;
};

// ---- a whole consumer-protocol group, as the coordinator hands it to the store: topics by name ----

using ConsumerGroupPartitionSets = QMap<QString, QList<int>>; // topic name -> sorted partitions

struct ConsumerGroupRecordMember {
    ConsumerGroupMemberMetadataRecordValue metadata; // record 5
    // Record 8 (topic ids there).
    qint32 memberEpoch = 0;
    qint32 previousMemberEpoch = 0;
    qint8 state = 0;
    ConsumerGroupPartitionSets assignedPartitions;
    ConsumerGroupPartitionSets partitionsPendingRevocation;
    bool operator==(const ConsumerGroupRecordMember &) const = default;
};

// What the records 3-8 of one group say together: the OffsetStore's unit of a consumer-protocol group.
struct ConsumerGroupRecordValue {
    qint32 groupEpoch = 0; // record 3
    QMap<QString, int> subscriptionMetadata; // record 4: subscribed topic -> partition count
    qint32 assignmentEpoch = 0; // record 6
    std::map<QString, ConsumerGroupRecordMember> members; // records 5 and 8, by member id
    QMap<QString, ConsumerGroupPartitionSets> targetAssignment; // records 7, by member id
    bool operator==(const ConsumerGroupRecordValue &) const = default;
};

// The record formats of Kafka's internal topic __consumer_offsets (apache/kafka group-coordinator
// OffsetCommitKey/Value, GroupMetadataKey/Value, and the consumer-protocol group records ConsumerGroup*Key/Value of
// key versions 3-8), as pure functions: the broker writes and replays them, and the
// explorer decodes them for display. Written from the schema facts; decoders accept every value version Kafka
// defines (0-4, 4 flexible), encoders write what Kafka 3.x/4.x writes (key 1 / value 3 for offsets, key 2 /
// value 3 for groups, v0 for consumer-protocol group values). Any thread.
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

    // Consumer-protocol groups: keys 3-8, values v0 (flexible). Tombstones are a key with a null value.
    static QByteArray encodeConsumerGroupKey(
        ConsumerOffsetsKey::Kind kind, const QString &group, const QString &memberId = {});
    static QByteArray encodeConsumerGroupMetadataValue(qint32 groupEpoch);
    static QByteArray encodeConsumerGroupPartitionMetadataValue(const QList<ConsumerGroupTopicMetadata> &topics);
    static QByteArray encodeConsumerGroupMemberMetadataValue(const ConsumerGroupMemberMetadataRecordValue &value);
    static QByteArray encodeConsumerGroupTargetAssignmentMetadataValue(qint32 assignmentEpoch);
    static QByteArray encodeConsumerGroupTargetAssignmentMemberValue(
        const QList<ConsumerGroupTopicPartitions> &partitions);
    static QByteArray encodeConsumerGroupCurrentAssignmentValue(const ConsumerGroupCurrentAssignmentRecordValue &value);

    // nullopt for bytes that are not a well-formed key/value of a version Kafka defines.
    static std::optional<ConsumerOffsetsKey> decodeKey(QByteArrayView bytes);
    static std::optional<OffsetCommitRecordValue> decodeOffsetCommitValue(QByteArrayView bytes);
    static std::optional<GroupMetadataRecordValue> decodeGroupMetadataValue(QByteArrayView bytes);
    // The group epoch (value of key 3) or the assignment epoch (value of key 6): both are one int32.
    static std::optional<qint32> decodeConsumerGroupEpochValue(QByteArrayView bytes);
    static std::optional<QList<ConsumerGroupTopicMetadata>> decodeConsumerGroupPartitionMetadataValue(
        QByteArrayView bytes);
    static std::optional<ConsumerGroupMemberMetadataRecordValue> decodeConsumerGroupMemberMetadataValue(
        QByteArrayView bytes);
    static std::optional<QList<ConsumerGroupTopicPartitions>> decodeConsumerGroupTargetAssignmentMemberValue(
        QByteArrayView bytes);
    static std::optional<ConsumerGroupCurrentAssignmentRecordValue> decodeConsumerGroupCurrentAssignmentValue(
        QByteArrayView bytes);

    // One readable line per record for the message browser, e.g. "offset commit group=g topic=t partition=0 ->
    // offset 42" or "group metadata g generation 3 protocol range leader c-1 members [c-1 (client c, host /h)]";
    // a null value reads as a tombstone; consumer-protocol group records name topics by id (e.g. "consumer group
    // assignment g member=m epoch 3 (previous 2) stable assigned [<id>:0,1]"). Empty when the key does not
    // decode.
    static QString describe(const std::optional<QByteArray> &key, const std::optional<QByteArray> &value);
    // The key alone: "offset commit group=g topic=t partition=0" or "group metadata g"; empty when it does not
    // decode.
    static QString describeKey(const std::optional<QByteArray> &key);
};

} // namespace topicscope::engine
