#pragma once

#include "consumeroffsetsrecords.h"
#include "record.h"

#include <QMap>
#include <QString>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace topicscope::engine {

// A consumer-protocol group (KIP-848) as records of __consumer_offsets, both ways: the records that turn what was
// last stored of a group into its new state (only the keys whose value changed, in the order Kafka's coordinator
// writes them), the tombstones that delete it, and the replay that rebuilds groups from the records (newest value
// per key). The records name topics by id, the coordinator by name: the two resolvers given translate (a topic
// without an id, i.e. deleted, is left out). Used by the OffsetsTopic; functional core, engine thread.
class ConsumerGroupRecords {
public:
    using TopicIdOf = std::function<TopicId(const QString &topic)>;
    using TopicNameOf = std::function<QString(const TopicId &id)>;

    ConsumerGroupRecords(TopicIdOf topicIdOf, TopicNameOf topicNameOf);

    // The records that move the stored group from before (nullopt: nothing stored yet) to after: tombstones of the
    // members gone (current assignment, target, metadata), then member metadata (5), subscribed topics (4), group
    // epoch (3), targets (7), target epoch (6) and current assignments (8), each only where it changed. Values
    // only, without timestamps.
    std::vector<Record> changes(const QString &groupId, const std::optional<ConsumerGroupRecordValue> &before,
        const ConsumerGroupRecordValue &after) const;
    // Kafka's group tombstones: every member's current assignment, every target, the target epoch, every member's
    // metadata, the subscribed topics, the group epoch last.
    std::vector<Record> tombstones(const QString &groupId, const ConsumerGroupRecordValue &group) const;

    // Replay: feed every record of the topic in log order (consumer-group keys only); groups() then holds every
    // group whose epoch record is live. Returns false for a value that does not decode (the record is ignored).
    bool apply(const ConsumerOffsetsKey &key, const std::optional<QByteArray> &value);
    QMap<QString, ConsumerGroupRecordValue> groups() const;

    static bool isConsumerGroupKey(ConsumerOffsetsKey::Kind kind);

private:
    QList<ConsumerGroupTopicPartitions> toIds(const ConsumerGroupPartitionSets &sets) const;
    ConsumerGroupPartitionSets toNames(const QList<ConsumerGroupTopicPartitions> &topics) const;

    // The newest live value of each key of one group.
    struct Replayed {
        std::optional<qint32> groupEpoch;
        std::optional<QList<ConsumerGroupTopicMetadata>> topics;
        std::optional<qint32> assignmentEpoch;
        std::map<QString, ConsumerGroupMemberMetadataRecordValue> metadata;
        std::map<QString, QList<ConsumerGroupTopicPartitions>> targets;
        std::map<QString, ConsumerGroupCurrentAssignmentRecordValue> current;
    };

    TopicIdOf m_topicIdOf;
    TopicNameOf m_topicNameOf;
    std::map<QString, Replayed> m_replayed;
};

} // namespace topicscope::engine
