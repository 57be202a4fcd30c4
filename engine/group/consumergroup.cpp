#include "consumergroup.h"

#include "group/consumerprotocol.h"

#include <QLoggingCategory>
#include <QSet>
#include <QStringList>

namespace topicscope::engine {

Q_DECLARE_LOGGING_CATEGORY(lcGroupCoordinator)

namespace {

using Sets = TopicPartitionSets;

QList<int> sortedList(const QSet<int> &set)
{
    QList<int> list(set.cbegin(), set.cend());
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

QString ConsumerGroup::setsText(const TopicPartitionSets &sets)
{
    QStringList parts;
    for (auto it = sets.cbegin(); it != sets.cend(); ++it) {
        for (int p : it.value())
            parts.append(QStringLiteral("%1-%2").arg(it.key()).arg(p));
    }
    return parts.join(QLatin1Char(','));
}

QString ConsumerGroup::stateName(State state)
{
    switch (state) {
    case State::Empty:
        return QStringLiteral("Empty");
    case State::Assigning:
        return QStringLiteral("Assigning");
    case State::Reconciling:
        return QStringLiteral("Reconciling");
    case State::Stable:
        return QStringLiteral("Stable");
    case State::Dead:
        return QStringLiteral("Dead");
    }
    return QStringLiteral("Unknown");
}

ConsumerGroup::ConsumerGroup(const QString &groupId, EventBus &events)
    : m_groupId(groupId)
    , m_events(events)
{ }

const ConsumerGroupMember *ConsumerGroup::member(const QString &memberId) const
{
    auto it = m_members.find(memberId);
    return it == m_members.end() ? nullptr : &it->second;
}

const ConsumerGroupMember *ConsumerGroup::staticMember(const QString &instanceId) const
{
    for (const auto &[id, member] : m_members) {
        if (member.instanceId == instanceId)
            return &member;
    }
    return nullptr;
}

void ConsumerGroup::putMember(const ConsumerGroupMember &member)
{
    if (const ConsumerGroupMember *old = this->member(member.memberId))
        release(*old);
    m_members[member.memberId] = member;
    claim(member);
}

std::optional<ConsumerGroupMember> ConsumerGroup::removeMember(const QString &memberId)
{
    auto it = m_members.find(memberId);
    if (it == m_members.end())
        return std::nullopt;
    // memberId may be the removed member's own id (callers pass member.memberId): it is not read after the move.
    ConsumerGroupMember removed = std::move(it->second);
    m_members.erase(it);
    release(removed);
    m_target.remove(removed.memberId);
    return removed;
}

void ConsumerGroup::restoreEpochs(qint32 groupEpoch, qint32 assignmentEpoch, const QString &assignorName)
{
    m_groupEpoch = groupEpoch;
    m_assignmentEpoch = assignmentEpoch;
    m_assignorName = assignorName;
}

void ConsumerGroup::setTargetAssignment(qint32 epoch, const QString &assignorName, const ServerAssignment &target)
{
    m_assignmentEpoch = epoch;
    m_assignorName = assignorName;
    m_target = target;
}

qint32 ConsumerGroup::ownerEpoch(const QString &topic, int partition) const
{
    auto topicIt = m_partitionEpochs.constFind(topic);
    if (topicIt == m_partitionEpochs.cend())
        return -1;
    return topicIt->value(partition, -1);
}

void ConsumerGroup::claim(const ConsumerGroupMember &member)
{
    for (const Sets *sets : {&member.assignedPartitions, &member.partitionsPendingRevocation}) {
        for (auto it = sets->cbegin(); it != sets->cend(); ++it) {
            for (int p : it.value())
                m_partitionEpochs[it.key()].insert(p, member.memberEpoch);
        }
    }
}

void ConsumerGroup::release(const ConsumerGroupMember &member)
{
    for (const Sets *sets : {&member.assignedPartitions, &member.partitionsPendingRevocation}) {
        for (auto it = sets->cbegin(); it != sets->cend(); ++it) {
            auto topicIt = m_partitionEpochs.find(it.key());
            if (topicIt == m_partitionEpochs.end())
                continue;
            for (int p : it.value()) {
                if (topicIt->value(p, -2) == member.memberEpoch)
                    topicIt->remove(p);
            }
            if (topicIt->isEmpty())
                m_partitionEpochs.erase(topicIt);
        }
    }
}

ConsumerGroupMember ConsumerGroup::reconcile(
    const ConsumerGroupMember &member, const std::optional<TopicPartitionSets> &owned) const
{
    const qint32 targetEpoch = m_assignmentEpoch;
    if (member.isReconciledTo(targetEpoch) || member.memberEpoch == ConsumerGroupMember::StaticLeftEpoch)
        return member;

    // Whether the client still reports owning any of these; a heartbeat without its owned partitions says nothing,
    // so it counts as still owning them.
    auto ownsAnyOf = [&owned](const Sets &revoking) {
        if (!owned)
            return true;
        for (auto it = owned->cbegin(); it != owned->cend(); ++it) {
            const QList<int> pending = revoking.value(it.key());
            for (int p : it.value()) {
                if (pending.contains(p))
                    return true;
            }
        }
        return false;
    };

    auto next = [&](qint32 epochWhileRevoking, const Sets &current) {
        const Sets target = m_target.value(member.memberId);
        QSet<QString> topics(target.keyBegin(), target.keyEnd());
        for (auto it = current.cbegin(); it != current.cend(); ++it)
            topics.insert(it.key());
        Sets kept;
        Sets revoking;
        Sets adding;
        bool unreleased = false;
        for (const QString &topic : std::as_const(topics)) {
            const QList<int> targetList = target.value(topic);
            const QList<int> currentList = current.value(topic);
            const QSet<int> targetSet(targetList.cbegin(), targetList.cend());
            const QSet<int> currentSet(currentList.cbegin(), currentList.cend());
            const QSet<int> keep = QSet<int>(currentSet).intersect(targetSet);
            const QSet<int> revoke = QSet<int>(currentSet).subtract(keep);
            QSet<int> add = QSet<int>(targetSet).subtract(keep);
            for (auto it = add.begin(); it != add.end();) {
                if (ownerEpoch(topic, *it) != -1) {
                    unreleased = true;
                    it = add.erase(it);
                } else {
                    ++it;
                }
            }
            if (!keep.isEmpty())
                kept.insert(topic, sortedList(keep));
            if (!revoke.isEmpty())
                revoking.insert(topic, sortedList(revoke));
            if (!add.isEmpty())
                adding.insert(topic, sortedList(add));
        }
        ConsumerGroupMember result = member;
        result.previousMemberEpoch = member.memberEpoch;
        if (!revoking.isEmpty() && ownsAnyOf(revoking)) {
            // Revoke first: the member stays at its epoch until it reports the partitions gone.
            result.state = ConsumerGroupMember::State::UnrevokedPartitions;
            result.memberEpoch = epochWhileRevoking;
            result.assignedPartitions = kept;
            result.partitionsPendingRevocation = revoking;
            return result;
        }
        Sets assigned = kept;
        for (auto it = adding.cbegin(); it != adding.cend(); ++it) {
            QList<int> merged = assigned.value(it.key()) + it.value();
            std::sort(merged.begin(), merged.end());
            assigned.insert(it.key(), merged);
        }
        result.state
            = unreleased ? ConsumerGroupMember::State::UnreleasedPartitions : ConsumerGroupMember::State::Stable;
        result.memberEpoch = targetEpoch;
        result.assignedPartitions = assigned;
        result.partitionsPendingRevocation.clear();
        return result;
    };

    switch (member.state) {
    case ConsumerGroupMember::State::Stable:
        return next(member.memberEpoch, member.assignedPartitions);
    case ConsumerGroupMember::State::UnrevokedPartitions:
        if (ownsAnyOf(member.partitionsPendingRevocation))
            return member;
        return next(member.memberEpoch, member.assignedPartitions);
    case ConsumerGroupMember::State::UnreleasedPartitions:
        return next(member.memberEpoch, member.assignedPartitions);
    }
    return member;
}

bool ConsumerGroup::updateState(const QString &reason)
{
    State next = State::Stable;
    if (m_members.empty()) {
        next = State::Empty;
    } else if (m_groupEpoch > m_assignmentEpoch) {
        next = State::Assigning;
    } else {
        for (const auto &[id, member] : m_members) {
            if (!member.isReconciledTo(m_assignmentEpoch)
                && member.memberEpoch != ConsumerGroupMember::StaticLeftEpoch) {
                next = State::Reconciling;
                break;
            }
        }
    }
    if (next == m_state)
        return false;
    const State previous = std::exchange(m_state, next);
    qCInfo(lcGroupCoordinator).noquote()
        << QStringLiteral("group %1: %2 -> %3: %4").arg(m_groupId, stateName(previous), stateName(next), reason);
    m_events.publish(GroupStateChanged {m_groupId, stateName(previous), stateName(next), reason, m_groupEpoch});
    return true;
}

void ConsumerGroup::markDead(const QString &reason)
{
    const State previous = std::exchange(m_state, State::Dead);
    if (previous != State::Dead)
        m_events.publish(
            GroupStateChanged {m_groupId, stateName(previous), stateName(State::Dead), reason, m_groupEpoch});
}

QList<TopicPartition> ConsumerGroup::toList(const TopicPartitionSets &sets)
{
    QList<TopicPartition> list;
    for (auto it = sets.cbegin(); it != sets.cend(); ++it) {
        for (int p : it.value())
            list.append(TopicPartition {it.key(), p});
    }
    return list;
}

GroupDescription ConsumerGroup::describe() const
{
    GroupDescription description;
    description.groupId = m_groupId;
    description.type = ConsumerGroupType;
    description.state = stateName(m_state);
    description.protocolType = QStringLiteral("consumer");
    description.protocolName = m_assignorName;
    description.generationId = m_groupEpoch;
    description.groupEpoch = m_groupEpoch;
    description.assignmentEpoch = m_assignmentEpoch;
    for (const auto &[memberId, member] : m_members) {
        GroupMemberDescription m;
        m.memberId = memberId;
        m.groupInstanceId = member.instanceId;
        m.clientId = member.clientId;
        m.clientHost = member.clientHost;
        m.rebalanceTimeoutMs = member.rebalanceTimeoutMs;
        m.lastHeartbeatMs = member.lastHeartbeatMs;
        m.memberEpoch = member.memberEpoch;
        m.memberState = ConsumerGroupMember::stateName(member.state);
        m.rackId = member.rackId;
        m.subscribedTopicNames = member.subscribedTopicNames;
        m.subscribedTopicRegex = member.subscribedTopicRegex;
        m.assignedPartitions = toList(member.assignedPartitions);
        m.partitionsPendingRevocation = toList(member.partitionsPendingRevocation);
        m.targetPartitions = toList(m_target.value(memberId));
        // The same bytes a classic member's assignment has, so views that decode classic assignments show these.
        ConsumerAssignment assignment;
        assignment.partitions = m.assignedPartitions;
        m.assignment = ConsumerProtocol::encodeAssignment(assignment);
        ConsumerSubscription subscription;
        subscription.topics = member.subscribedTopicNames;
        subscription.ownedPartitions = m.assignedPartitions;
        subscription.rackId = member.rackId;
        m.metadata = ConsumerProtocol::encodeSubscription(subscription);
        description.members.append(m);
    }
    return description;
}

GroupListing ConsumerGroup::overview() const
{
    return GroupListing {m_groupId, QStringLiteral("consumer"), stateName(m_state), ConsumerGroupType};
}

QString ConsumerGroup::dump() const
{
    QStringList members;
    for (const auto &[id, member] : m_members) {
        QString text = QStringLiteral("%1@%2 %3 [%4]")
                           .arg(id)
                           .arg(member.memberEpoch)
                           .arg(ConsumerGroupMember::stateName(member.state), setsText(member.assignedPartitions));
        if (!member.partitionsPendingRevocation.isEmpty())
            text += QStringLiteral(" revoking [%1]").arg(setsText(member.partitionsPendingRevocation));
        members.append(text);
    }
    return QStringLiteral("group %1: %2 epoch=%3 target=%4 members=[%5]")
        .arg(m_groupId, stateName(m_state))
        .arg(m_groupEpoch)
        .arg(m_assignmentEpoch)
        .arg(members.join(QStringLiteral(", ")));
}

} // namespace topicscope::engine
