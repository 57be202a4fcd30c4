#include "consumergrouprecords.h"

#include <algorithm>

namespace topicscope::engine {

namespace {

using Kind = ConsumerOffsetsKey::Kind;
using R = ConsumerOffsetsRecords;

Record record(const QString &groupId, Kind kind, const QString &memberId, std::optional<QByteArray> value)
{
    Record r;
    r.key = R::encodeConsumerGroupKey(kind, groupId, memberId);
    r.value = std::move(value);
    return r;
}

ConsumerGroupCurrentAssignmentRecordValue currentOf(const ConsumerGroupRecordMember &m)
{
    ConsumerGroupCurrentAssignmentRecordValue value;
    value.memberEpoch = m.memberEpoch;
    value.previousMemberEpoch = m.previousMemberEpoch;
    value.state = m.state;
    return value;
}

bool sameCurrent(const ConsumerGroupRecordMember &a, const ConsumerGroupRecordMember &b)
{
    return a.memberEpoch == b.memberEpoch && a.previousMemberEpoch == b.previousMemberEpoch && a.state == b.state
        && a.assignedPartitions == b.assignedPartitions
        && a.partitionsPendingRevocation == b.partitionsPendingRevocation;
}

} // namespace

ConsumerGroupRecords::ConsumerGroupRecords(TopicIdOf topicIdOf, TopicNameOf topicNameOf)
    : m_topicIdOf(std::move(topicIdOf))
    , m_topicNameOf(std::move(topicNameOf))
{ }

bool ConsumerGroupRecords::isConsumerGroupKey(ConsumerOffsetsKey::Kind kind)
{
    return kind != Kind::OffsetCommit && kind != Kind::GroupMetadata;
}

QList<ConsumerGroupTopicPartitions> ConsumerGroupRecords::toIds(const ConsumerGroupPartitionSets &sets) const
{
    QList<ConsumerGroupTopicPartitions> topics;
    for (auto it = sets.cbegin(); it != sets.cend(); ++it) {
        const TopicId id = m_topicIdOf(it.key());
        if (!id.isNull() && !it.value().isEmpty())
            topics.append({id, it.value()});
    }
    return topics;
}

ConsumerGroupPartitionSets ConsumerGroupRecords::toNames(const QList<ConsumerGroupTopicPartitions> &topics) const
{
    ConsumerGroupPartitionSets sets;
    for (const ConsumerGroupTopicPartitions &t : topics) {
        const QString name = m_topicNameOf(t.topicId);
        if (name.isEmpty() || t.partitions.isEmpty())
            continue; // the topic was deleted: its partitions are nobody's any more
        QList<int> partitions = sets.value(name) + t.partitions;
        std::sort(partitions.begin(), partitions.end());
        partitions.erase(std::unique(partitions.begin(), partitions.end()), partitions.end());
        sets.insert(name, partitions);
    }
    return sets;
}

std::vector<Record> ConsumerGroupRecords::changes(const QString &groupId,
    const std::optional<ConsumerGroupRecordValue> &before, const ConsumerGroupRecordValue &after) const
{
    std::vector<Record> records;
    const ConsumerGroupRecordValue old = before.value_or(ConsumerGroupRecordValue {});
    // Members gone: Kafka's removeMember order.
    for (const auto &[memberId, member] : old.members) {
        if (after.members.count(memberId))
            continue;
        records.push_back(record(groupId, Kind::ConsumerGroupCurrentMemberAssignment, memberId, std::nullopt));
        records.push_back(record(groupId, Kind::ConsumerGroupTargetAssignmentMember, memberId, std::nullopt));
        records.push_back(record(groupId, Kind::ConsumerGroupMemberMetadata, memberId, std::nullopt));
    }
    for (const auto &[memberId, member] : after.members) {
        auto was = old.members.find(memberId);
        if (was == old.members.end() || was->second.metadata != member.metadata)
            records.push_back(record(groupId, Kind::ConsumerGroupMemberMetadata, memberId,
                R::encodeConsumerGroupMemberMetadataValue(member.metadata)));
    }
    if (!before || old.subscriptionMetadata != after.subscriptionMetadata) {
        QList<ConsumerGroupTopicMetadata> topics;
        for (auto it = after.subscriptionMetadata.cbegin(); it != after.subscriptionMetadata.cend(); ++it) {
            const TopicId id = m_topicIdOf(it.key());
            if (!id.isNull())
                topics.append({id, it.key(), it.value()});
        }
        records.push_back(record(
            groupId, Kind::ConsumerGroupPartitionMetadata, {}, R::encodeConsumerGroupPartitionMetadataValue(topics)));
    }
    if (!before || old.groupEpoch != after.groupEpoch)
        records.push_back(
            record(groupId, Kind::ConsumerGroupMetadata, {}, R::encodeConsumerGroupMetadataValue(after.groupEpoch)));
    for (auto it = after.targetAssignment.cbegin(); it != after.targetAssignment.cend(); ++it) {
        auto was = old.targetAssignment.constFind(it.key());
        if (was == old.targetAssignment.cend() || *was != it.value())
            records.push_back(record(groupId, Kind::ConsumerGroupTargetAssignmentMember, it.key(),
                R::encodeConsumerGroupTargetAssignmentMemberValue(toIds(it.value()))));
    }
    // A target dropped while its member stays (members gone had theirs deleted above).
    for (auto it = old.targetAssignment.cbegin(); it != old.targetAssignment.cend(); ++it) {
        if (!after.targetAssignment.contains(it.key()) && after.members.count(it.key()))
            records.push_back(record(groupId, Kind::ConsumerGroupTargetAssignmentMember, it.key(), std::nullopt));
    }
    if (!before || old.assignmentEpoch != after.assignmentEpoch)
        records.push_back(record(groupId, Kind::ConsumerGroupTargetAssignmentMetadata, {},
            R::encodeConsumerGroupTargetAssignmentMetadataValue(after.assignmentEpoch)));
    for (const auto &[memberId, member] : after.members) {
        auto was = old.members.find(memberId);
        if (was != old.members.end() && sameCurrent(was->second, member))
            continue;
        ConsumerGroupCurrentAssignmentRecordValue value = currentOf(member);
        value.assignedPartitions = toIds(member.assignedPartitions);
        value.partitionsPendingRevocation = toIds(member.partitionsPendingRevocation);
        records.push_back(record(groupId, Kind::ConsumerGroupCurrentMemberAssignment, memberId,
            R::encodeConsumerGroupCurrentAssignmentValue(value)));
    }
    return records;
}

std::vector<Record> ConsumerGroupRecords::tombstones(
    const QString &groupId, const ConsumerGroupRecordValue &group) const
{
    std::vector<Record> records;
    for (const auto &[memberId, member] : group.members)
        records.push_back(record(groupId, Kind::ConsumerGroupCurrentMemberAssignment, memberId, std::nullopt));
    for (const auto &[memberId, member] : group.members)
        records.push_back(record(groupId, Kind::ConsumerGroupTargetAssignmentMember, memberId, std::nullopt));
    // Targets of ids that are not members (none, normally) go too, so that nothing of the group survives.
    for (auto it = group.targetAssignment.cbegin(); it != group.targetAssignment.cend(); ++it) {
        if (!group.members.count(it.key()))
            records.push_back(record(groupId, Kind::ConsumerGroupTargetAssignmentMember, it.key(), std::nullopt));
    }
    records.push_back(record(groupId, Kind::ConsumerGroupTargetAssignmentMetadata, {}, std::nullopt));
    for (const auto &[memberId, member] : group.members)
        records.push_back(record(groupId, Kind::ConsumerGroupMemberMetadata, memberId, std::nullopt));
    records.push_back(record(groupId, Kind::ConsumerGroupPartitionMetadata, {}, std::nullopt));
    records.push_back(record(groupId, Kind::ConsumerGroupMetadata, {}, std::nullopt));
    return records;
}

bool ConsumerGroupRecords::apply(const ConsumerOffsetsKey &key, const std::optional<QByteArray> &value)
{
    Replayed &group = m_replayed[key.group];
    // A tombstone removes the key; a value that does not decode is skipped and leaves the key as it was.
    auto keep = [&value](auto &slot, const auto &decoded) {
        if (!value) {
            slot.reset();
            return true;
        }
        if (!decoded)
            return false;
        slot = *decoded;
        return true;
    };
    auto keepMember = [&value, &key](auto &map, const auto &decoded) {
        if (!value) {
            map.erase(key.memberId);
            return true;
        }
        if (!decoded)
            return false;
        map[key.memberId] = *decoded;
        return true;
    };
    const QByteArray bytes = value.value_or(QByteArray());
    switch (key.kind) {
    case Kind::ConsumerGroupMetadata:
        return keep(group.groupEpoch, R::decodeConsumerGroupEpochValue(bytes));
    case Kind::ConsumerGroupPartitionMetadata:
        return keep(group.topics, R::decodeConsumerGroupPartitionMetadataValue(bytes));
    case Kind::ConsumerGroupTargetAssignmentMetadata:
        return keep(group.assignmentEpoch, R::decodeConsumerGroupEpochValue(bytes));
    case Kind::ConsumerGroupMemberMetadata:
        return keepMember(group.metadata, R::decodeConsumerGroupMemberMetadataValue(bytes));
    case Kind::ConsumerGroupTargetAssignmentMember:
        return keepMember(group.targets, R::decodeConsumerGroupTargetAssignmentMemberValue(bytes));
    case Kind::ConsumerGroupCurrentMemberAssignment:
        return keepMember(group.current, R::decodeConsumerGroupCurrentAssignmentValue(bytes));
    case Kind::OffsetCommit:
    case Kind::GroupMetadata:
        break;
    }
    return false;
}

QMap<QString, ConsumerGroupRecordValue> ConsumerGroupRecords::groups() const
{
    QMap<QString, ConsumerGroupRecordValue> groups;
    for (const auto &[groupId, replayed] : m_replayed) {
        if (!replayed.groupEpoch)
            continue; // deleted (or never fully written)
        ConsumerGroupRecordValue group;
        group.groupEpoch = *replayed.groupEpoch;
        group.assignmentEpoch = replayed.assignmentEpoch.value_or(0);
        for (const ConsumerGroupTopicMetadata &t : replayed.topics.value_or(QList<ConsumerGroupTopicMetadata> {}))
            group.subscriptionMetadata.insert(t.topicName, t.numPartitions);
        // A member is one whose metadata record is live; its assignment and target belong to it.
        for (const auto &[memberId, metadata] : replayed.metadata) {
            ConsumerGroupRecordMember member;
            member.metadata = metadata;
            if (auto it = replayed.current.find(memberId); it != replayed.current.end()) {
                member.memberEpoch = it->second.memberEpoch;
                member.previousMemberEpoch = it->second.previousMemberEpoch;
                member.state = it->second.state;
                member.assignedPartitions = toNames(it->second.assignedPartitions);
                member.partitionsPendingRevocation = toNames(it->second.partitionsPendingRevocation);
            }
            group.members.emplace(memberId, member);
        }
        for (const auto &[memberId, target] : replayed.targets)
            group.targetAssignment.insert(memberId, toNames(target));
        groups.insert(groupId, group);
    }
    return groups;
}

} // namespace topicscope::engine
