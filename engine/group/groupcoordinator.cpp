#include "groupcoordinator.h"

#include "group/groupcoordinatorprivate.h"

#include <QLoggingCategory>
#include <QStringList>

namespace topicscope::engine {

Q_LOGGING_CATEGORY(lcGroupCoordinator, "topicscope.engine.group")

namespace {
using State = ClassicGroup::State;
} // namespace

GroupCoordinator::GroupCoordinator(Clock &clock, EventBus &events, OffsetStore &offsetStore,
    std::function<int(const QString &topic)> partitionCount, GroupCoordinatorConfig config)
    : d(std::make_unique<Private>(clock, events, offsetStore, std::move(partitionCount), config))
{ }

GroupCoordinator::~GroupCoordinator()
{
    for (auto &[groupId, group] : d->groups)
        d->cancelTimers(*group);
}

ErrorCode GroupCoordinator::load(QString *why)
{
    QString error;
    const QMap<QString, std::vector<CommittedOffset>> stored = d->offsetStore.loadOffsets(&error);
    if (!error.isEmpty()) {
        qCWarning(lcGroupCoordinator).noquote() << QStringLiteral("loading committed offsets failed: %1").arg(error);
        if (why)
            *why = error;
        return ErrorCode::KafkaStorageError;
    }
    const QMap<QString, GroupMetadataRecordValue> storedGroups = d->offsetStore.loadGroups(&error);
    if (!error.isEmpty()) {
        qCWarning(lcGroupCoordinator).noquote() << QStringLiteral("loading group metadata failed: %1").arg(error);
        if (why)
            *why = error;
        return ErrorCode::KafkaStorageError;
    }
    for (auto it = storedGroups.cbegin(); it != storedGroups.cend(); ++it) {
        ClassicGroup &group = d->create(it.key());
        group.restore(it.value());
        // The next rebalance reports what moved from the stored generation's assignment, not every partition.
        group.rebalance().previousOwners = Private::currentOwners(group);
        for (auto &[memberId, member] : group.members())
            d->touch(group, member);
        qCInfo(lcGroupCoordinator).noquote() << QStringLiteral("loaded group %1 (%2)").arg(it.key(), group.dump());
    }
    if (const ErrorCode error = loadConsumerGroups(why); error != ErrorCode::None)
        return error;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        ClassicGroup *group = d->find(it.key());
        if (!group)
            group = &d->create(it.key());
        for (const CommittedOffset &offset : it.value())
            group->offsets().insert(offset.topicPartition, offset);
    }
    qCInfo(lcGroupCoordinator).noquote()
        << QStringLiteral("loaded committed offsets of %1 group(s)").arg(stored.size());
    return ErrorCode::None;
}

ErrorCode GroupCoordinator::loadConsumerGroups(QString *why)
{
    QString error;
    const QMap<QString, ConsumerGroupRecordValue> stored = d->offsetStore.loadConsumerGroups(&error);
    if (!error.isEmpty()) {
        qCWarning(lcGroupCoordinator).noquote() << QStringLiteral("loading consumer groups failed: %1").arg(error);
        if (why)
            *why = error;
        return ErrorCode::KafkaStorageError;
    }
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        d->consumerGroups.restore(it.key(), it.value());
    return ErrorCode::None;
}

void GroupCoordinator::joinGroup(
    const JoinGroupRequest &request, std::function<void(const JoinGroupResponse &)> respond)
{
    Private::Batch batch(*d);
    if (ConsumerGroup *consumerGroup = d->consumerGroups.find(request.groupId)) {
        // Kafka 4 lets classic members join a consumer-protocol group (migration); Topicscope refuses them while
        // the group has members, and turns an Empty one back into a classic group, keeping its offsets.
        if (!consumerGroup->isEmpty())
            return d->respond(respond, Private::joinError(request.memberId, ErrorCode::InconsistentGroupProtocol));
        d->consumerGroups.remove(request.groupId, QStringLiteral("a classic member joined the Empty group"));
    }
    d->joinGroup(request, respond);
}

ConsumerGroupHeartbeatResponse GroupCoordinator::consumerGroupHeartbeat(const ConsumerGroupHeartbeatRequest &request)
{
    Private::Batch batch(*d);
    if (const ClassicGroup *classic = d->find(request.groupId); classic && !d->consumerGroups.find(request.groupId)
        && (!classic->is(State::Empty) || !classic->pendingMembers().isEmpty())) {
        ConsumerGroupHeartbeatResponse response;
        response.error = ErrorCode::GroupIdNotFound;
        response.errorMessage = QStringLiteral("Group %1 is a classic group with members: Kafka converts it to the "
                                               "consumer protocol online, Topicscope does not.")
                                    .arg(request.groupId);
        return response;
    }
    return d->consumerGroups.heartbeat(request);
}

void GroupCoordinator::syncGroup(
    const SyncGroupRequest &request, std::function<void(const SyncGroupResponse &)> respond)
{
    Private::Batch batch(*d);
    auto fail = [&](ErrorCode error) { d->respond(respond, Private::syncError(error)); };
    if (request.groupId.isEmpty())
        return fail(ErrorCode::InvalidGroupId);
    ClassicGroup *group = d->find(request.groupId);
    if (!group)
        return fail(ErrorCode::UnknownMemberId);
    if (group->is(State::Dead))
        return fail(Private::checkRequestAllowed(State::Dead, Private::Request::Sync));
    if (const ErrorCode error = d->validateCurrentMember(*group, request.memberId, request.groupInstanceId);
        error != ErrorCode::None)
        return fail(error);
    if (request.generationId != group->generationId())
        return fail(ErrorCode::IllegalGeneration);
    if ((request.protocolType && *request.protocolType != group->protocolType())
        || (request.protocolName && *request.protocolName != group->protocolName()))
        return fail(ErrorCode::InconsistentGroupProtocol);
    if (const ErrorCode error = Private::checkRequestAllowed(group->state(), Private::Request::Sync);
        error != ErrorCode::None)
        return fail(error);

    ClassicGroupMember &member = *group->member(request.memberId);
    if (group->is(State::Stable)) {
        d->removePendingSync(*group, request.memberId);
        SyncGroupResponse response;
        response.protocolType = group->protocolType();
        response.protocolName = group->protocolName();
        response.assignment = member.assignment;
        d->respond(respond, response);
        d->touch(*group, member);
        return;
    }
    // CompletingRebalance: park until the leader's assignment arrives.
    const SyncCallback superseded = std::exchange(member.awaitingSync, respond);
    d->respond(superseded, Private::syncError(ErrorCode::RebalanceInProgress));
    d->removePendingSync(*group, request.memberId);
    if (group->isLeader(request.memberId))
        d->completeSync(*group, request.memberId, request.assignments);
}

ErrorCode GroupCoordinator::heartbeat(const HeartbeatRequest &request)
{
    Private::Batch batch(*d);
    if (request.groupId.isEmpty())
        return ErrorCode::InvalidGroupId;
    ClassicGroup *group = d->find(request.groupId);
    if (!group)
        return ErrorCode::UnknownMemberId;
    if (group->is(State::Dead))
        return Private::checkRequestAllowed(State::Dead, Private::Request::Heartbeat);
    if (const ErrorCode error = d->validateCurrentMember(*group, request.memberId, request.groupInstanceId);
        error != ErrorCode::None)
        return error;
    if (request.generationId != group->generationId())
        return ErrorCode::IllegalGeneration;
    const ErrorCode verdict = Private::checkRequestAllowed(group->state(), Private::Request::Heartbeat);
    // REBALANCE_IN_PROGRESS is news for a live member, not a refusal: the heartbeat still counts.
    if (verdict == ErrorCode::None || verdict == ErrorCode::RebalanceInProgress)
        d->touch(*group, *group->member(request.memberId));
    return verdict;
}

LeaveGroupResponse GroupCoordinator::leaveGroup(const QString &groupId, const QList<LeavingMember> &members)
{
    Private::Batch batch(*d);
    LeaveGroupResponse response;
    if (groupId.isEmpty()) {
        response.error = ErrorCode::InvalidGroupId;
        return response;
    }
    ClassicGroup *group = d->find(groupId);
    const ErrorCode gate
        = group ? Private::checkRequestAllowed(group->state(), Private::Request::Leave) : ErrorCode::UnknownMemberId;
    for (const LeavingMember &leaving : members) {
        MemberLeaveResult result {leaving.memberId, leaving.groupInstanceId, ErrorCode::None};
        const QString reason = QStringLiteral("member %1 left the group (client reason: %2)")
                                   .arg(leaving.memberId.isEmpty() && leaving.groupInstanceId ? *leaving.groupInstanceId
                                                                                              : leaving.memberId,
                                       Private::clientReason(leaving.reason));
        if (gate != ErrorCode::None) {
            result.error = gate;
        } else if (leaving.memberId.isEmpty()) {
            // Admin removal of a static member by its instance id.
            const std::optional<QString> current
                = leaving.groupInstanceId ? group->staticMemberId(*leaving.groupInstanceId) : std::nullopt;
            if (current)
                d->removeMemberAndUpdateGroup(*group, *current, reason);
            else
                result.error = ErrorCode::UnknownMemberId;
        } else if (group->pendingMembers().contains(leaving.memberId)) {
            d->clock.cancel(group->pendingMembers().take(leaving.memberId));
            if (group->is(State::PreparingRebalance))
                d->tryCompleteJoin(*group);
        } else {
            result.error = d->validateCurrentMember(*group, leaving.memberId, leaving.groupInstanceId);
            if (result.error == ErrorCode::None)
                d->removeMemberAndUpdateGroup(*group, leaving.memberId, reason);
        }
        response.members.append(result);
    }
    return response;
}

std::vector<PartitionResult> GroupCoordinator::commitOffsets(const OffsetCommitRequest &request)
{
    Private::Batch batch(*d);
    std::vector<PartitionResult> results;
    results.reserve(request.offsets.size());
    auto failAll = [&](ErrorCode error) {
        for (const CommittedOffset &offset : request.offsets)
            results.push_back({offset.topicPartition, error});
        return results;
    };

    ClassicGroup *group = d->find(request.groupId);
    const ConsumerGroup *consumerGroup = d->consumerGroups.find(request.groupId);
    if (consumerGroup) {
        if (const ErrorCode error = d->consumerGroups.validateOffsetCommit(*consumerGroup, request);
            error != ErrorCode::None)
            return failAll(error);
        group = nullptr; // the classic entry only holds the offsets
    }
    if (!group && !consumerGroup && request.generationId >= 0) // a member of a generation we never had
        return failAll(request.unknownGroupIsNotFound ? ErrorCode::GroupIdNotFound : ErrorCode::IllegalGeneration);
    if (group) {
        if (const ErrorCode error = d->validateOffsetCommit(*group, request); error != ErrorCode::None)
            return failAll(error);
        ClassicGroupMember *member = group->member(request.memberId);
        if (member && (group->is(State::Stable) || group->is(State::PreparingRebalance)))
            d->touch(*group, *member);
    }

    const qint64 now = d->clock.nowMs();
    std::vector<CommittedOffset> accepted;
    std::vector<size_t> acceptedResults;
    for (const CommittedOffset &offset : request.offsets) {
        const ErrorCode error = d->validateOffset(offset);
        results.push_back({offset.topicPartition, error});
        if (error == ErrorCode::None) {
            CommittedOffset stamped = offset;
            stamped.commitTimestampMs = now;
            stamped.expireTimestampMs = request.retentionTimeMs >= 0 ? now + request.retentionTimeMs : -1;
            accepted.push_back(stamped);
            acceptedResults.push_back(results.size() - 1);
        }
    }
    if (accepted.empty())
        return results;

    QString why;
    if (d->offsetStore.saveOffsets(request.groupId, accepted, &why) != ErrorCode::None) {
        qCWarning(lcGroupCoordinator).noquote() << QStringLiteral("group %1: storing %2 offset(s) failed: %3")
                                                       .arg(request.groupId, QString::number(accepted.size()), why);
        for (size_t index : acceptedResults)
            results[index].error = ErrorCode::KafkaStorageError;
        return results;
    }
    d->applyOffsets(request.groupId, accepted, request.memberId, request.generationId);
    return results;
}

ErrorCode GroupCoordinator::validateOffsetFetch(
    const QString &groupId, const std::optional<QString> &memberId, qint32 memberEpoch) const
{
    const ConsumerGroup *group = d->consumerGroups.find(groupId);
    return group ? ConsumerGroupManager::validateOffsetFetch(*group, memberId, memberEpoch) : ErrorCode::None;
}

OffsetFetchResult GroupCoordinator::fetchOffsets(
    const QString &groupId, const std::optional<QList<TopicPartition>> &partitions) const
{
    OffsetFetchResult result;
    const ClassicGroup *group = d->find(groupId);
    if (!partitions) {
        if (group) {
            for (const CommittedOffset &offset : group->offsets())
                result.offsets.push_back(offset);
        }
        return result;
    }
    for (const TopicPartition &tp : *partitions) {
        if (group && group->offsets().contains(tp)) {
            result.offsets.push_back(group->offsets().value(tp));
        } else {
            CommittedOffset none;
            none.topicPartition = tp;
            result.offsets.push_back(none);
        }
    }
    return result;
}

ErrorCode GroupCoordinator::resetOffsets(const QString &groupId, const std::vector<CommittedOffset> &offsets)
{
    Private::Batch batch(*d);
    if (const ClassicGroup *group = d->find(groupId); group && !group->is(State::Empty))
        return ErrorCode::NonEmptyGroup;
    if (const ConsumerGroup *consumerGroup = d->consumerGroups.find(groupId);
        consumerGroup && !consumerGroup->isEmpty())
        return ErrorCode::NonEmptyGroup;
    const qint64 now = d->clock.nowMs();
    std::vector<CommittedOffset> stamped;
    for (const CommittedOffset &offset : offsets) {
        if (const ErrorCode error = d->validateOffset(offset); error != ErrorCode::None)
            return error;
        stamped.push_back(offset);
        stamped.back().commitTimestampMs = now;
    }
    if (stamped.empty())
        return ErrorCode::None;
    QString why;
    if (d->offsetStore.saveOffsets(groupId, stamped, &why) != ErrorCode::None) {
        qCWarning(lcGroupCoordinator).noquote()
            << QStringLiteral("group %1: storing reset offsets failed: %2").arg(groupId, why);
        return ErrorCode::KafkaStorageError;
    }
    d->applyOffsets(groupId, stamped, QString(), -1);
    return ErrorCode::None;
}

OffsetDeleteResult GroupCoordinator::deleteOffsets(const QString &groupId, const QList<TopicPartition> &partitions)
{
    Private::Batch batch(*d);
    OffsetDeleteResult result;
    ClassicGroup *group = groupId.isEmpty() ? nullptr : d->find(groupId);
    const ConsumerGroup *consumerGroup = groupId.isEmpty() ? nullptr : d->consumerGroups.find(groupId);
    if (groupId.isEmpty())
        result.error = ErrorCode::InvalidGroupId;
    else if (!consumerGroup && (!group || group->is(State::Dead)))
        result.error = ErrorCode::GroupIdNotFound;
    else if (!consumerGroup && !group->is(State::Empty) && !group->usesConsumerProtocol())
        result.error = ErrorCode::NonEmptyGroup;
    if (result.error != ErrorCode::None)
        return result;
    const bool active = consumerGroup ? !consumerGroup->isEmpty() : !group->is(State::Empty);
    auto subscribed = [&](const QString &topic) {
        return consumerGroup ? d->consumerGroups.isSubscribedToTopic(*consumerGroup, topic)
                             : group->isSubscribedToTopic(topic);
    };

    QList<TopicPartition> deleted;
    for (const TopicPartition &tp : partitions) {
        const int count = d->partitionCount ? d->partitionCount(tp.topic) : -1;
        ErrorCode error = ErrorCode::None;
        if (tp.partition < 0 || tp.partition >= count)
            error = ErrorCode::UnknownTopicOrPartition;
        else if (active && subscribed(tp.topic))
            error = ErrorCode::GroupSubscribedToTopic;
        else if (group && group->offsets().contains(tp))
            deleted.append(tp);
        result.partitions.push_back({tp, error});
    }
    if (deleted.isEmpty())
        return result;
    if (d->offsetStore.deleteOffsets(groupId, deleted) != ErrorCode::None) {
        qCWarning(lcGroupCoordinator).noquote() << QStringLiteral("group %1: deleting %2 committed offset(s) failed")
                                                       .arg(groupId, QString::number(deleted.size()));
        for (PartitionResult &partition : result.partitions) {
            if (deleted.contains(partition.topicPartition))
                partition.error = ErrorCode::KafkaStorageError;
        }
        return result;
    }
    QStringList names;
    for (const TopicPartition &tp : std::as_const(deleted)) {
        group->offsets().remove(tp);
        names.append(tp.toString());
    }
    qCInfo(lcGroupCoordinator).noquote() << QStringLiteral("group %1: deleted the committed offsets of %2")
                                                .arg(groupId, names.join(QStringLiteral(", ")));
    if (!consumerGroup && group->is(State::Empty) && group->offsets().isEmpty() && group->pendingMembers().isEmpty())
        d->removeGroup(*group, QStringLiteral("its last committed offsets were deleted"));
    return result;
}

QList<GroupListing> GroupCoordinator::listGroups() const
{
    QList<GroupListing> listings;
    for (const auto &[groupId, group] : d->groups) {
        if (!group->is(State::Dead) && !d->consumerGroups.find(groupId))
            listings.append(group->overview());
    }
    for (const auto &[groupId, group] : d->consumerGroups.groups())
        listings.append(group->overview());
    std::sort(listings.begin(), listings.end(),
        [](const GroupListing &a, const GroupListing &b) { return a.groupId < b.groupId; });
    return listings;
}

GroupDescription GroupCoordinator::describeGroup(const QString &groupId) const
{
    if (const ConsumerGroup *group = d->consumerGroups.find(groupId))
        return group->describe();
    if (const ClassicGroup *group = d->find(groupId))
        return group->describe();
    // Kafka (DescribeGroups < v6) answers an unknown group with NONE and state Dead.
    GroupDescription description;
    description.groupId = groupId;
    description.state = ClassicGroup::stateName(State::Dead);
    return description;
}

ErrorCode GroupCoordinator::deleteGroup(const QString &groupId)
{
    Private::Batch batch(*d);
    ClassicGroup *group = d->find(groupId);
    if (const ConsumerGroup *consumerGroup = d->consumerGroups.find(groupId)) {
        if (!consumerGroup->isEmpty())
            return ErrorCode::NonEmptyGroup;
        if (d->offsetStore.deleteGroupOffsets(groupId) != ErrorCode::None)
            return ErrorCode::KafkaStorageError;
        d->consumerGroups.remove(groupId, QStringLiteral("group deleted"));
        if (group)
            d->groups.erase(groupId); // the entry that held its offsets
        return ErrorCode::None;
    }
    if (!group || group->is(State::Dead))
        return ErrorCode::GroupIdNotFound;
    if (!group->is(State::Empty))
        return ErrorCode::NonEmptyGroup;
    if (d->offsetStore.deleteGroupOffsets(groupId) != ErrorCode::None) {
        qCWarning(lcGroupCoordinator).noquote()
            << QStringLiteral("group %1: deleting its stored offsets failed").arg(groupId);
        return ErrorCode::KafkaStorageError;
    }
    d->removeGroup(*group, QStringLiteral("group deleted"));
    return ErrorCode::None;
}

void GroupCoordinator::onTopicDeleted(const QString &topic)
{
    Private::Batch batch(*d);
    if (d->offsetStore.deleteTopicOffsets(topic) != ErrorCode::None)
        qCWarning(lcGroupCoordinator).noquote()
            << QStringLiteral("deleting the committed offsets of topic %1 from storage failed").arg(topic);
    QStringList emptied;
    for (auto &[groupId, group] : d->groups) {
        QMap<TopicPartition, CommittedOffset> &offsets = group->offsets();
        bool removed = false;
        for (auto it = offsets.begin(); it != offsets.end();) {
            if (it.key().topic == topic) {
                it = offsets.erase(it);
                removed = true;
            } else {
                ++it;
            }
        }
        // Kafka forgets an Empty group once its last offset is gone.
        if (removed && offsets.isEmpty() && group->is(State::Empty) && group->pendingMembers().isEmpty()
            && !d->consumerGroups.find(groupId))
            emptied.append(groupId);
    }
    for (const QString &groupId : std::as_const(emptied))
        d->removeGroup(*d->find(groupId), QStringLiteral("its last committed offsets went with topic %1").arg(topic));
}

int GroupCoordinator::expireOffsets()
{
    Private::Batch batch(*d);
    const qint64 now = d->clock.nowMs();
    const qint64 retention = d->config.offsetsRetentionMs;
    int expiredCount = 0;
    QStringList emptied;
    for (auto &[groupId, group] : d->groups) {
        // A consumer-protocol group's offsets are in its classic entry; they expire by their commit time.
        const ConsumerGroup *consumerGroup = d->consumerGroups.find(groupId);
        const bool empty = consumerGroup ? consumerGroup->isEmpty() : group->is(State::Empty);
        const bool stableConsumer = consumerGroup || (group->is(State::Stable) && group->usesConsumerProtocol());
        if (!empty && !stableConsumer)
            continue;
        auto subscribed = [&](const QString &topic) {
            return consumerGroup ? d->consumerGroups.isSubscribedToTopic(*consumerGroup, topic)
                                 : group->isSubscribedToTopic(topic);
        };
        QList<TopicPartition> expired;
        for (const CommittedOffset &offset : std::as_const(group->offsets())) {
            if (!empty && subscribed(offset.topicPartition.topic))
                continue;
            const qint64 base = !consumerGroup && empty && group->currentStateTimestampMs() >= 0
                ? group->currentStateTimestampMs()
                : offset.commitTimestampMs;
            // An explicit expiry (OffsetCommit v2-4's retention time) replaces the retention, as in Kafka's
            // OffsetExpirationConditionImpl.
            if (offset.expireTimestampMs >= 0 ? now >= offset.expireTimestampMs : base + retention <= now)
                expired.append(offset.topicPartition);
        }
        if (!expired.isEmpty()) {
            if (d->offsetStore.deleteOffsets(groupId, expired) != ErrorCode::None) {
                qCWarning(lcGroupCoordinator).noquote()
                    << QStringLiteral("group %1: storing the expiry of %2 offset(s) failed")
                           .arg(groupId)
                           .arg(expired.size());
                continue;
            }
            for (const TopicPartition &tp : std::as_const(expired))
                group->offsets().remove(tp);
            expiredCount += static_cast<int>(expired.size());
            qCInfo(lcGroupCoordinator).noquote()
                << QStringLiteral("group %1: %2 committed offset(s) expired after %3 ms")
                       .arg(groupId)
                       .arg(expired.size())
                       .arg(retention);
        }
        if (empty && group->offsets().isEmpty() && group->pendingMembers().isEmpty())
            emptied.append(groupId);
    }
    for (const QString &groupId : std::as_const(emptied)) {
        d->consumerGroups.remove(groupId, QStringLiteral("group is empty and has no committed offsets left"));
        d->removeGroup(*d->find(groupId), QStringLiteral("group is empty and has no committed offsets left"));
    }
    return expiredCount;
}

const GroupCoordinatorConfig &GroupCoordinator::config() const
{
    return d->config;
}

void GroupCoordinator::setConfig(const GroupCoordinatorConfig &config)
{
    d->config = config;
}

void GroupCoordinator::setMemberIdGenerator(std::function<QString()> generator)
{
    d->memberIdGenerator = generator;
    d->consumerGroups.setMemberIdGenerator(std::move(generator));
}

void GroupCoordinator::setTopicLister(std::function<QStringList()> lister)
{
    d->consumerGroups.setTopicLister(std::move(lister));
}

QString GroupCoordinator::dumpGroup(const QString &groupId) const
{
    if (const ConsumerGroup *group = d->consumerGroups.find(groupId))
        return group->dump();
    const ClassicGroup *group = d->find(groupId);
    return group ? group->dump() : QString();
}

} // namespace topicscope::engine
