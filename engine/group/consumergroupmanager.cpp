#include "consumergroupmanager.h"

#include "topicnames.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace topicscope::engine {

Q_DECLARE_LOGGING_CATEGORY(lcGroupCoordinator)

namespace {

using Sets = TopicPartitionSets;

// "[t-0,t-1]" for log lines.
QString setsText(const Sets &sets)
{
    return QLatin1Char('[') + ConsumerGroup::setsText(sets) + QLatin1Char(']');
}

// Kafka's isSubset: a heartbeat that leaves its owned partitions out proves nothing.
bool isSubset(const std::optional<Sets> &owned, const Sets &assigned)
{
    if (!owned)
        return false;
    for (auto it = owned->cbegin(); it != owned->cend(); ++it) {
        const QList<int> mine = assigned.value(it.key());
        for (int p : it.value()) {
            if (!mine.contains(p))
                return false;
        }
    }
    return true;
}

QRegularExpression topicPattern(const QString &regex)
{
    // Kafka matches the whole topic name (RE2/J matches()).
    return QRegularExpression(QRegularExpression::anchoredPattern(regex));
}

} // namespace

ConsumerGroupManager::ConsumerGroupManager(Clock &clock, EventBus &events, OffsetStore &offsetStore,
    const GroupCoordinatorConfig &config, std::function<int(const QString &topic)> partitionCount)
    : m_clock(clock)
    , m_events(events)
    , m_offsetStore(offsetStore)
    , m_config(config)
    , m_partitionCount(std::move(partitionCount))
{ }

ConsumerGroupManager::~ConsumerGroupManager()
{
    for (auto &[groupId, group] : m_groups) {
        for (const auto &[memberId, member] : group->members()) {
            m_clock.cancel(member.sessionTimer);
            m_clock.cancel(member.rebalanceTimer);
        }
    }
}

ConsumerGroup *ConsumerGroupManager::find(const QString &groupId) const
{
    auto it = m_groups.find(groupId);
    return it == m_groups.end() ? nullptr : it->second.get();
}

ConsumerGroup &ConsumerGroupManager::create(const QString &groupId)
{
    auto &slot = m_groups[groupId];
    slot = std::make_unique<ConsumerGroup>(groupId, m_events);
    qCInfo(lcGroupCoordinator).noquote() << QStringLiteral("group %1: created (consumer protocol)").arg(groupId);
    return *slot;
}

void ConsumerGroupManager::remove(const QString &groupId, const QString &reason)
{
    ConsumerGroup *group = find(groupId);
    if (!group)
        return;
    for (const auto &[memberId, member] : group->members()) {
        m_clock.cancel(member.sessionTimer);
        m_clock.cancel(member.rebalanceTimer);
    }
    group->markDead(reason);
    // Kafka's group tombstones: a restart must not bring the group back.
    if (m_offsetStore.deleteConsumerGroup(groupId) != ErrorCode::None)
        qCWarning(lcGroupCoordinator).noquote() << QStringLiteral("group %1: storing its removal failed").arg(groupId);
    m_rebalances.erase(groupId);
    m_unsaved.remove(groupId);
    m_groups.erase(groupId);
}

ConsumerGroupHeartbeatResponse ConsumerGroupManager::failed(const Failure &failure)
{
    ConsumerGroupHeartbeatResponse response;
    response.error = failure.error;
    response.errorMessage = failure.message;
    return response;
}

std::optional<ConsumerGroupManager::Failure> ConsumerGroupManager::validate(
    const ConsumerGroupHeartbeatRequest &request) const
{
    // Kafka's throwIfConsumerGroupHeartbeatRequestIsInvalid, with its messages.
    auto invalid = [](const QString &message) { return Failure {ErrorCode::InvalidRequest, message}; };
    if (request.groupId.isEmpty())
        return invalid(QStringLiteral("GroupId can't be empty."));
    if (request.instanceId && request.instanceId->isEmpty())
        return invalid(QStringLiteral("InstanceId can't be empty."));
    if (request.rackId && request.rackId->isEmpty())
        return invalid(QStringLiteral("RackId can't be empty."));
    if (request.memberEpoch < ConsumerGroupMember::StaticLeftEpoch)
        return invalid(QStringLiteral("MemberEpoch is invalid."));
    if (request.memberEpoch != 0 && request.memberId.isEmpty())
        return invalid(QStringLiteral("MemberId can't be empty."));
    if (request.memberEpoch == ConsumerGroupMember::StaticLeftEpoch && !request.instanceId)
        return invalid(QStringLiteral("InstanceId can't be null."));
    if (request.memberEpoch == 0) {
        if (request.rebalanceTimeoutMs == -1)
            return invalid(QStringLiteral("RebalanceTimeoutMs must be provided in first request."));
        if (!request.ownedPartitions || !request.ownedPartitions->isEmpty())
            return invalid(QStringLiteral("TopicPartitions must be empty when (re-)joining."));
        const bool names = request.subscribedTopicNames && !request.subscribedTopicNames->isEmpty();
        const bool regex = request.subscribedTopicRegex && !request.subscribedTopicRegex->isEmpty();
        if (!names && !regex)
            return invalid(
                QStringLiteral("SubscribedTopicNames or SubscribedTopicRegex must be set in first request."));
    }
    if (request.serverAssignor && !m_config.consumerAssignors.contains(*request.serverAssignor))
        return Failure {ErrorCode::UnsupportedAssignor,
            QStringLiteral("ServerAssignor %1 is not supported. Supported assignors: %2.")
                .arg(*request.serverAssignor, m_config.consumerAssignors.join(QStringLiteral(", ")))};
    if (request.subscribedTopicRegex && !request.subscribedTopicRegex->isEmpty()
        && !topicPattern(*request.subscribedTopicRegex).isValid())
        return Failure {ErrorCode::InvalidRegularExpression,
            QStringLiteral("SubscribedTopicRegex %1 is not a valid regular expression: %2")
                .arg(*request.subscribedTopicRegex, topicPattern(*request.subscribedTopicRegex).errorString())};
    return std::nullopt;
}

std::optional<ConsumerGroupManager::Failure> ConsumerGroupManager::checkEpoch(
    const ConsumerGroupMember &member, const ConsumerGroupHeartbeatRequest &request)
{
    const qint32 received = request.memberEpoch;
    const bool behind = received < member.memberEpoch
        && (received != member.previousMemberEpoch || !isSubset(request.ownedPartitions, member.assignedPartitions));
    if (received > member.memberEpoch || behind) {
        return Failure {ErrorCode::FencedMemberEpoch,
            QStringLiteral("The consumer group member has a %1 member epoch (%2) than the one known by the group "
                           "coordinator (%3). The member must abandon all its partitions and rejoin.")
                .arg(received > member.memberEpoch ? QStringLiteral("greater") : QStringLiteral("smaller"))
                .arg(received)
                .arg(member.memberEpoch)};
    }
    // A response with the new epoch was lost: the member may go on from its previous epoch.
    return std::nullopt;
}

std::variant<ConsumerGroupMember, ConsumerGroupManager::Failure> ConsumerGroupManager::memberFor(
    const ConsumerGroup &group, const ConsumerGroupHeartbeatRequest &request, bool *isNew, QString *replaced) const
{
    QString memberId = request.memberId;
    // ConsumerGroupHeartbeat v0 (and the in-app consumer): the coordinator names a joining member, with a UUID as
    // Kafka does; with an injected generator (scenarios), "<client id>-<n>" as for classic members, so that the same
    // run names the same members and a report can tell whose they are.
    if (memberId.isEmpty()) {
        memberId = m_memberIdGenerator ? request.clientId + QLatin1Char('-') + m_memberIdGenerator()
                                       : QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    auto unknown = [&] {
        return Failure {ErrorCode::UnknownMemberId,
            QStringLiteral("Member %1 is not a member of group %2.").arg(memberId, group.groupId())};
    };
    auto fresh = [&] {
        ConsumerGroupMember member;
        member.memberId = memberId;
        *isNew = true;
        return member;
    };

    if (!request.instanceId) {
        const ConsumerGroupMember *existing = group.member(memberId);
        if (request.memberEpoch == 0)
            return existing ? *existing : fresh();
        if (!existing)
            return unknown();
        if (auto failure = checkEpoch(*existing, request))
            return *failure;
        return *existing;
    }

    const ConsumerGroupMember *existing = group.staticMember(*request.instanceId);
    if (request.memberEpoch == 0) {
        if (!existing)
            return fresh();
        if (existing->memberId == memberId)
            return *existing;
        if (existing->memberEpoch != ConsumerGroupMember::StaticLeftEpoch) {
            return Failure {ErrorCode::UnreleasedInstanceId,
                QStringLiteral("Static member %1 with instance id %2 cannot join the group because the instance id "
                               "is owned by %3 member.")
                    .arg(memberId, *request.instanceId, existing->memberId)};
        }
        // The instance comes back under a new member id: it takes over the old member's place and partitions.
        ConsumerGroupMember member = *existing;
        member.memberId = memberId;
        member.memberEpoch = 0;
        member.previousMemberEpoch = 0;
        member.sessionTimer = 0;
        member.rebalanceTimer = 0;
        *replaced = existing->memberId;
        return member;
    }
    if (!existing) {
        return Failure {ErrorCode::UnknownMemberId,
            QStringLiteral("Instance id %1 is unknown in group %2.").arg(*request.instanceId, group.groupId())};
    }
    if (existing->memberId != memberId) {
        return Failure {ErrorCode::FencedInstanceId,
            QStringLiteral("Static member %1 with instance id %2 was fenced by member %3.")
                .arg(memberId, *request.instanceId, existing->memberId)};
    }
    if (auto failure = checkEpoch(*existing, request))
        return *failure;
    return *existing;
}

ConsumerGroupHeartbeatResponse ConsumerGroupManager::heartbeat(const ConsumerGroupHeartbeatRequest &request)
{
    if (auto failure = validate(request))
        return failed(*failure);
    ConsumerGroup *group = find(request.groupId);
    if (!group && request.memberEpoch != 0) {
        return failed(
            {ErrorCode::GroupIdNotFound, QStringLiteral("Consumer group %1 not found.").arg(request.groupId)});
    }
    if (request.memberEpoch < 0)
        return leave(*group, request);
    const bool created = !group;
    if (created)
        group = &create(request.groupId);
    const qint32 groupEpochBefore = group->groupEpoch();
    const qint32 assignmentEpochBefore = group->assignmentEpoch();

    bool isNew = false;
    QString replaced;
    auto found = memberFor(*group, request, &isNew, &replaced);
    if (auto *failure = std::get_if<Failure>(&found)) {
        if (created)
            m_groups.erase(request.groupId);
        return failed(*failure);
    }
    if (isNew && static_cast<int>(group->members().size()) >= m_config.consumerMaxSize) {
        if (created)
            m_groups.erase(request.groupId);
        return failed({ErrorCode::GroupMaxSizeReached,
            QStringLiteral("The consumer group has reached its maximum capacity of %1 members.")
                .arg(m_config.consumerMaxSize)});
    }
    const ConsumerGroupMember previous = std::get<ConsumerGroupMember>(found);
    ConsumerGroupMember updated = previous;
    if (request.instanceId)
        updated.instanceId = request.instanceId;
    if (request.rackId)
        updated.rackId = request.rackId;
    if (request.rebalanceTimeoutMs != -1)
        updated.rebalanceTimeoutMs = request.rebalanceTimeoutMs;
    if (request.serverAssignor)
        updated.serverAssignor = request.serverAssignor;
    if (request.subscribedTopicNames) {
        updated.subscribedTopicNames = *request.subscribedTopicNames;
        updated.subscribedTopicNames.sort();
    }
    if (request.subscribedTopicRegex)
        updated.subscribedTopicRegex = request.subscribedTopicRegex->isEmpty()
            ? std::nullopt
            : std::optional<QString>(*request.subscribedTopicRegex);
    updated.clientId = request.clientId;
    updated.clientHost = request.clientHost;
    updated.lastHeartbeatMs = m_clock.nowMs();

    QString reason;
    if (!replaced.isEmpty()) {
        const TopicPartitionSets inherited = group->targetOf(replaced);
        if (std::optional<ConsumerGroupMember> old = group->removeMember(replaced)) {
            m_clock.cancel(old->sessionTimer);
            m_clock.cancel(old->rebalanceTimer);
        }
        group->setTargetOf(updated.memberId, inherited);
        qCInfo(lcGroupCoordinator).noquote()
            << QStringLiteral("group %1: static member %2 (instance %3) replaces %4")
                   .arg(group->groupId(), updated.memberId, *updated.instanceId, replaced);
    }
    bool bump = false;
    if (isNew) {
        bump = true;
        reason = QStringLiteral("member %1 joined the group").arg(updated.memberId);
    } else if (!previous.sameSubscription(updated)) {
        bump = true;
        reason = QStringLiteral("member %1 changed its subscription").arg(updated.memberId);
    }
    group->putMember(updated);
    const QMap<QString, int> metadata = subscriptionMetadata(*group, nullptr);
    if (metadata != group->subscriptionMetadata()) {
        if (!bump)
            reason = QStringLiteral("the partitions of the subscribed topics changed");
        bump = true;
        group->setSubscriptionMetadata(metadata);
    }
    if (bump)
        bumpEpoch(*group, reason);
    if (group->groupEpoch() > group->assignmentEpoch())
        computeTargetAssignment(*group);

    const ConsumerGroupMember reconciled = group->reconcile(*group->member(updated.memberId), request.ownedPartitions);
    store(*group, reconciled);
    scheduleSession(*group, reconciled.memberId);
    settle(*group,
        reason.isEmpty()
            ? QStringLiteral("member %1 reconciled to epoch %2").arg(reconciled.memberId).arg(reconciled.memberEpoch)
            : reason);

    if (m_unsaved.contains(group->groupId()) || !replaced.isEmpty() || group->groupEpoch() != groupEpochBefore
        || group->assignmentEpoch() != assignmentEpochBefore || durablyDiffers(previous, reconciled)) {
        if (const ErrorCode error = persist(*group); error != ErrorCode::None)
            return failed({error, QStringLiteral("The coordinator is not available.")});
    }

    ConsumerGroupHeartbeatResponse response;
    response.memberId = reconciled.memberId;
    response.memberEpoch = reconciled.memberEpoch;
    response.heartbeatIntervalMs = m_config.consumerHeartbeatIntervalMs;
    const bool fullRequest = request.memberEpoch == 0
        || (request.rebalanceTimeoutMs != -1 && request.subscribedTopicNames && request.ownedPartitions);
    if (fullRequest || reconciled.assignedPartitions != previous.assignedPartitions)
        response.assignment = reconciled.assignedPartitions;
    return response;
}

ConsumerGroupHeartbeatResponse ConsumerGroupManager::leave(
    ConsumerGroup &group, const ConsumerGroupHeartbeatRequest &request)
{
    const ConsumerGroupMember *member
        = request.instanceId ? group.staticMember(*request.instanceId) : group.member(request.memberId);
    if (!member) {
        return failed({ErrorCode::UnknownMemberId,
            QStringLiteral("Member %1 is not a member of group %2.").arg(request.memberId, group.groupId())});
    }
    if (request.instanceId && member->memberId != request.memberId) {
        return failed({ErrorCode::FencedInstanceId,
            QStringLiteral("Static member %1 with instance id %2 was fenced by member %3.")
                .arg(request.memberId, *request.instanceId, member->memberId)});
    }
    ConsumerGroupHeartbeatResponse response;
    response.memberId = member->memberId;
    response.memberEpoch = request.memberEpoch;
    if (request.memberEpoch == ConsumerGroupMember::StaticLeftEpoch) {
        // A static member leaving for a while keeps its place (and partitions) until its session times out.
        ConsumerGroupMember away = *member;
        away.memberEpoch = ConsumerGroupMember::StaticLeftEpoch;
        away.partitionsPendingRevocation.clear();
        qCInfo(lcGroupCoordinator).noquote()
            << QStringLiteral("group %1: static member %2 (instance %3) left for now; it keeps its partitions")
                   .arg(group.groupId(), away.memberId, *away.instanceId);
        store(group, away);
        settle(group, QStringLiteral("static member %1 left for now").arg(away.memberId));
    } else {
        fence(group, member->memberId, QStringLiteral("member %1 left the group").arg(request.memberId));
    }
    if (const ErrorCode error = persist(group); error != ErrorCode::None)
        return failed({error, QStringLiteral("The coordinator is not available.")});
    return response;
}

QStringList ConsumerGroupManager::resolvedTopics(const ConsumerGroupMember &member) const
{
    QSet<QString> topics;
    for (const QString &topic : member.subscribedTopicNames) {
        if (m_partitionCount && m_partitionCount(topic) > 0)
            topics.insert(topic);
    }
    if (member.subscribedTopicRegex && m_topicLister) {
        const QRegularExpression pattern = topicPattern(*member.subscribedTopicRegex);
        for (const QString &topic : m_topicLister()) {
            // Kafka leaves internal topics out of regular-expression subscriptions.
            if (!TopicNames::isInternal(topic) && pattern.match(topic).hasMatch())
                topics.insert(topic);
        }
    }
    QStringList list(topics.cbegin(), topics.cend());
    list.sort();
    return list;
}

QMap<QString, int> ConsumerGroupManager::subscriptionMetadata(
    const ConsumerGroup &group, const ConsumerGroupMember *updated) const
{
    QMap<QString, int> metadata;
    auto add = [&](const ConsumerGroupMember &member) {
        for (const QString &topic : resolvedTopics(member))
            metadata.insert(topic, m_partitionCount(topic));
    };
    for (const auto &[id, member] : group.members()) {
        if (!updated || id != updated->memberId)
            add(member);
    }
    if (updated)
        add(*updated);
    return metadata;
}

QString ConsumerGroupManager::preferredAssignor(const ConsumerGroup &group) const
{
    // Kafka: the assignor most members ask for, else the first configured one (group.consumer.assignors).
    QMap<QString, int> votes;
    for (const auto &[id, member] : group.members()) {
        if (member.serverAssignor)
            ++votes[*member.serverAssignor];
    }
    QString best = m_config.consumerAssignors.value(0, QStringLiteral("uniform"));
    int bestVotes = 0;
    for (const QString &name : m_config.consumerAssignors) {
        if (votes.value(name) > bestVotes) {
            best = name;
            bestVotes = votes.value(name);
        }
    }
    return best;
}

void ConsumerGroupManager::computeTargetAssignment(ConsumerGroup &group)
{
    const QString name = preferredAssignor(group);
    const std::unique_ptr<ServerAssignor> assignor = ServerAssignor::create(name);
    std::vector<ServerAssignorMember> members;
    for (const auto &[id, member] : group.members())
        members.push_back({id, member.instanceId, member.rackId, resolvedTopics(member), group.targetOf(id)});
    const ServerAssignment target
        = assignor ? assignor->assign(members, group.subscriptionMetadata()) : ServerAssignment {};
    group.setTargetAssignment(group.groupEpoch(), name, target);
    Rebalance &rebalance = m_rebalances[group.groupId()];
    rebalance.targetEpoch = group.groupEpoch();
    rebalance.assignor = name;
    rebalance.target.clear();
    for (auto it = target.cbegin(); it != target.cend(); ++it)
        rebalance.target.insert(it.key(), ConsumerGroup::toList(it.value()));
    QStringList parts;
    for (auto it = target.cbegin(); it != target.cend(); ++it)
        parts.append(it.key() + QLatin1Char('=') + setsText(it.value()));
    qCInfo(lcGroupCoordinator).noquote() << QStringLiteral("group %1: target assignment of epoch %2 by %3: %4")
                                                .arg(group.groupId())
                                                .arg(group.groupEpoch())
                                                .arg(name, parts.join(QLatin1Char(' ')));
}

void ConsumerGroupManager::store(ConsumerGroup &group, const ConsumerGroupMember &member)
{
    ConsumerGroupMember next = member;
    const ConsumerGroupMember *before = group.member(member.memberId);
    const bool wasRevoking = before && before->state == ConsumerGroupMember::State::UnrevokedPartitions
        && before->memberEpoch == member.memberEpoch;
    if (member.state == ConsumerGroupMember::State::UnrevokedPartitions) {
        if (!wasRevoking) {
            // The member has rebalanceTimeoutMs to give its partitions up, or it is fenced.
            m_clock.cancel(next.rebalanceTimer);
            const QString groupId = group.groupId();
            const QString memberId = member.memberId;
            const qint32 epoch = member.memberEpoch;
            next.rebalanceTimer = m_clock.schedule(qMax(0, member.rebalanceTimeoutMs),
                [this, groupId, memberId, epoch] { onRebalanceTimeout(groupId, memberId, epoch); });
        }
    } else {
        m_clock.cancel(std::exchange(next.rebalanceTimer, 0));
    }
    if (!before || before->assignedPartitions != next.assignedPartitions || before->memberEpoch != next.memberEpoch
        || before->partitionsPendingRevocation != next.partitionsPendingRevocation)
        publishMember(group, next, next.memberEpoch,
            QStringLiteral("member %1 %2 at epoch %3")
                .arg(next.memberId, ConsumerGroupMember::stateName(next.state))
                .arg(next.memberEpoch));
    if (before && before->assignedPartitions != next.assignedPartitions) {
        qCInfo(lcGroupCoordinator).noquote()
            << QStringLiteral("group %1: member %2 epoch %3 %4: assigned %5%6")
                   .arg(group.groupId(), next.memberId)
                   .arg(next.memberEpoch)
                   .arg(ConsumerGroupMember::stateName(next.state), setsText(next.assignedPartitions),
                       next.partitionsPendingRevocation.isEmpty()
                           ? QString()
                           : QStringLiteral(", revoking %1").arg(setsText(next.partitionsPendingRevocation)));
    }
    group.putMember(next);
}

void ConsumerGroupManager::scheduleSession(ConsumerGroup &group, const QString &memberId)
{
    const ConsumerGroupMember *member = group.member(memberId);
    if (!member)
        return;
    ConsumerGroupMember next = *member;
    m_clock.cancel(next.sessionTimer);
    const QString groupId = group.groupId();
    next.sessionTimer = m_clock.schedule(
        m_config.consumerSessionTimeoutMs, [this, groupId, memberId] { onSessionExpired(groupId, memberId); });
    group.putMember(next);
}

void ConsumerGroupManager::fence(ConsumerGroup &group, const QString &memberId, const QString &reason)
{
    std::optional<ConsumerGroupMember> removed = group.removeMember(memberId);
    if (!removed)
        return;
    m_clock.cancel(removed->sessionTimer);
    m_clock.cancel(removed->rebalanceTimer);
    publishMember(group, *removed, -1, reason);
    // Its partitions are free at once; the others learn the new target at their next heartbeat.
    group.setSubscriptionMetadata(subscriptionMetadata(group, nullptr));
    bumpEpoch(group, reason);
    if (group.isEmpty())
        group.setTargetAssignment(group.groupEpoch(), group.assignorName(), {});
    settle(group, reason);
}

void ConsumerGroupManager::onSessionExpired(const QString &groupId, const QString &memberId)
{
    ConsumerGroup *group = find(groupId);
    if (!group || !group->member(memberId))
        return;
    ConsumerGroupMember member = *group->member(memberId);
    member.sessionTimer = 0; // fired
    group->putMember(member);
    fence(*group, memberId,
        QStringLiteral("member %1's session timed out after %2 ms")
            .arg(memberId)
            .arg(m_config.consumerSessionTimeoutMs));
    persist(*group);
}

void ConsumerGroupManager::onRebalanceTimeout(const QString &groupId, const QString &memberId, qint32 memberEpoch)
{
    ConsumerGroup *group = find(groupId);
    const ConsumerGroupMember *member = group ? group->member(memberId) : nullptr;
    if (!member || member->memberEpoch != memberEpoch
        || member->state != ConsumerGroupMember::State::UnrevokedPartitions)
        return;
    ConsumerGroupMember fired = *member;
    fired.rebalanceTimer = 0;
    group->putMember(fired);
    fence(*group, memberId,
        QStringLiteral("member %1 did not revoke its partitions within %2 ms")
            .arg(memberId)
            .arg(member->rebalanceTimeoutMs));
    persist(*group);
}

void ConsumerGroupManager::publishMember(
    const ConsumerGroup &group, const ConsumerGroupMember &member, qint32 epoch, const QString &reason)
{
    MemberAssignmentChanged changed;
    changed.groupId = group.groupId();
    changed.memberId = member.memberId;
    changed.clientId = member.clientId;
    changed.memberEpoch = epoch;
    changed.groupEpoch = group.groupEpoch();
    if (epoch >= 0 || epoch == ConsumerGroupMember::StaticLeftEpoch) {
        changed.assigned = ConsumerGroup::toList(member.assignedPartitions);
        changed.revoking = ConsumerGroup::toList(member.partitionsPendingRevocation);
        std::sort(changed.assigned.begin(), changed.assigned.end());
        std::sort(changed.revoking.begin(), changed.revoking.end());
    }
    changed.reason = reason;
    m_events.publish(changed);
}

void ConsumerGroupManager::bumpEpoch(ConsumerGroup &group, const QString &reason)
{
    group.bumpGroupEpoch();
    qCInfo(lcGroupCoordinator).noquote()
        << QStringLiteral("group %1: epoch %2: %3").arg(group.groupId()).arg(group.groupEpoch()).arg(reason);
    Rebalance &rebalance = m_rebalances[group.groupId()];
    // The epoch in progress, if its target was computed, is replaced before every member reached it: its row.
    if (rebalance.inProgress && rebalance.targetEpoch == rebalance.epoch)
        publishRebalance(group, rebalance, true);
    rebalance.epoch = group.groupEpoch();
    rebalance.cause = reason;
    rebalance.startedAtMs = m_clock.nowMs();
    rebalance.inProgress = !group.isEmpty(); // nothing to reconcile in an empty group
}

void ConsumerGroupManager::publishRebalance(const ConsumerGroup &group, Rebalance &rebalance, bool superseded)
{
    RebalanceCompleted completed;
    completed.groupId = group.groupId();
    completed.generationId = rebalance.epoch;
    completed.protocolType = QStringLiteral("consumer");
    completed.groupType = QStringLiteral("consumer");
    completed.superseded = superseded;
    completed.cause = rebalance.cause;
    completed.protocolName = superseded ? rebalance.assignor : group.assignorName();
    if (superseded) {
        completed.assignment = rebalance.target;
    } else {
        for (const auto &[id, member] : group.members())
            completed.assignment.insert(id, ConsumerGroup::toList(member.assignedPartitions));
    }
    QMap<TopicPartition, QString> owners;
    for (auto it = completed.assignment.begin(); it != completed.assignment.end(); ++it) {
        std::sort(it->begin(), it->end());
        const ConsumerGroupMember *member = group.member(it.key());
        const QString owner = member && member->instanceId ? *member->instanceId : it.key();
        for (const TopicPartition &tp : std::as_const(*it)) {
            owners.insert(tp, owner);
            if (rebalance.stableOwners.contains(tp) && rebalance.stableOwners.value(tp) != owner)
                completed.partitionsMoved.append(tp);
        }
    }
    std::sort(completed.partitionsMoved.begin(), completed.partitionsMoved.end());
    completed.durationMs = m_clock.nowMs() - rebalance.startedAtMs;
    if (!superseded)
        rebalance.stableOwners = owners;
    rebalance.inProgress = false;
    m_events.publish(completed);
}

void ConsumerGroupManager::settle(ConsumerGroup &group, const QString &reason)
{
    if (!group.updateState(reason) || group.state() != ConsumerGroup::State::Stable)
        return;
    Rebalance &rebalance = m_rebalances[group.groupId()];
    if (rebalance.inProgress && rebalance.epoch == group.groupEpoch())
        publishRebalance(group, rebalance, false);
}

ErrorCode ConsumerGroupManager::validateOffsetCommit(
    const ConsumerGroup &group, const OffsetCommitRequest &request) const
{
    // Admin tools and consumers outside the group commit with epoch -1 and no member id, only to an Empty group.
    if (request.generationId < 0 && request.memberId.isEmpty() && !request.groupInstanceId)
        return group.isEmpty() ? ErrorCode::None : ErrorCode::UnknownMemberId;
    const ConsumerGroupMember *member = group.member(request.memberId);
    if (!member)
        return ErrorCode::UnknownMemberId;
    if (!request.unknownGroupIsNotFound) // OffsetCommit < v9 cannot carry a member epoch
        return ErrorCode::UnsupportedVersion;
    if (request.generationId != member->memberEpoch)
        return ErrorCode::StaleMemberEpoch;
    return ErrorCode::None;
}

ErrorCode ConsumerGroupManager::validateOffsetFetch(
    const ConsumerGroup &group, const std::optional<QString> &memberId, qint32 memberEpoch)
{
    if (memberEpoch < 0 && !memberId)
        return ErrorCode::None;
    const ConsumerGroupMember *member = group.member(memberId.value_or(QString()));
    if (!member)
        return ErrorCode::UnknownMemberId;
    return memberEpoch == member->memberEpoch ? ErrorCode::None : ErrorCode::StaleMemberEpoch;
}

bool ConsumerGroupManager::isSubscribedToTopic(const ConsumerGroup &group, const QString &topic)
{
    // The subscription metadata is the members' resolved subscriptions, kept up to date at every heartbeat and fence:
    // no regular expression is matched again here (offset expiry asks once per committed offset).
    return group.subscriptionMetadata().contains(topic);
}

// ---- persistence in __consumer_offsets (Kafka's records 3-8 of a consumer-protocol group) ----

namespace {

qint8 memberStateValue(ConsumerGroupMember::State state)
{
    switch (state) {
    case ConsumerGroupMember::State::Stable:
        return 0;
    case ConsumerGroupMember::State::UnrevokedPartitions:
        return 1;
    case ConsumerGroupMember::State::UnreleasedPartitions:
        return 2;
    }
    return 0;
}

ConsumerGroupMember::State memberStateOf(qint8 value)
{
    switch (value) {
    case 1:
        return ConsumerGroupMember::State::UnrevokedPartitions;
    case 2:
        return ConsumerGroupMember::State::UnreleasedPartitions;
    default:
        return ConsumerGroupMember::State::Stable;
    }
}

} // namespace

bool ConsumerGroupManager::durablyDiffers(const ConsumerGroupMember &a, const ConsumerGroupMember &b)
{
    return a.instanceId != b.instanceId || a.rackId != b.rackId || a.clientId != b.clientId
        || a.clientHost != b.clientHost || a.rebalanceTimeoutMs != b.rebalanceTimeoutMs || !a.sameSubscription(b)
        || a.memberEpoch != b.memberEpoch || a.previousMemberEpoch != b.previousMemberEpoch || a.state != b.state
        || a.assignedPartitions != b.assignedPartitions
        || a.partitionsPendingRevocation != b.partitionsPendingRevocation;
}

ConsumerGroupRecordValue ConsumerGroupManager::toRecord(const ConsumerGroup &group)
{
    ConsumerGroupRecordValue record;
    record.groupEpoch = group.groupEpoch();
    record.assignmentEpoch = group.assignmentEpoch();
    record.subscriptionMetadata = group.subscriptionMetadata();
    record.targetAssignment = group.targetAssignment();
    for (const auto &[memberId, member] : group.members()) {
        ConsumerGroupRecordMember stored;
        stored.metadata.instanceId = member.instanceId;
        stored.metadata.rackId = member.rackId;
        stored.metadata.clientId = member.clientId;
        stored.metadata.clientHost = member.clientHost;
        stored.metadata.subscribedTopicNames = member.subscribedTopicNames;
        stored.metadata.subscribedTopicRegex = member.subscribedTopicRegex;
        stored.metadata.rebalanceTimeoutMs = member.rebalanceTimeoutMs;
        stored.metadata.serverAssignor = member.serverAssignor;
        stored.memberEpoch = member.memberEpoch;
        stored.previousMemberEpoch = member.previousMemberEpoch;
        stored.state = memberStateValue(member.state);
        stored.assignedPartitions = member.assignedPartitions;
        stored.partitionsPendingRevocation = member.partitionsPendingRevocation;
        record.members.emplace(memberId, stored);
    }
    return record;
}

ErrorCode ConsumerGroupManager::persist(const ConsumerGroup &group)
{
    if (m_offsetStore.storeConsumerGroup(group.groupId(), toRecord(group)) == ErrorCode::None) {
        m_unsaved.remove(group.groupId());
        return ErrorCode::None;
    }
    // Until a store succeeds, every heartbeat tries again, even one that changes nothing.
    m_unsaved.insert(group.groupId());
    qCWarning(lcGroupCoordinator).noquote()
        << QStringLiteral("group %1: storing epoch %2 failed").arg(group.groupId()).arg(group.groupEpoch());
    return ErrorCode::CoordinatorNotAvailable;
}

void ConsumerGroupManager::restore(const QString &groupId, const ConsumerGroupRecordValue &stored)
{
    ConsumerGroup &group = create(groupId);
    group.setTargetAssignment(stored.assignmentEpoch, QString(), stored.targetAssignment);
    group.setSubscriptionMetadata(stored.subscriptionMetadata);
    for (const auto &[memberId, record] : stored.members) {
        ConsumerGroupMember member;
        member.memberId = memberId;
        member.instanceId = record.metadata.instanceId;
        member.rackId = record.metadata.rackId;
        member.clientId = record.metadata.clientId;
        member.clientHost = record.metadata.clientHost;
        member.rebalanceTimeoutMs = record.metadata.rebalanceTimeoutMs;
        member.subscribedTopicNames = record.metadata.subscribedTopicNames;
        member.subscribedTopicRegex = record.metadata.subscribedTopicRegex;
        member.serverAssignor = record.metadata.serverAssignor;
        member.memberEpoch = record.memberEpoch;
        member.previousMemberEpoch = record.previousMemberEpoch;
        member.state = memberStateOf(record.state);
        member.assignedPartitions = record.assignedPartitions;
        member.partitionsPendingRevocation = record.partitionsPendingRevocation;
        member.lastHeartbeatMs = m_clock.nowMs();
        // store() arms the rebalance timeout of a member still revoking (it is not in the group yet), as Kafka's
        // loader does; every member gets a new session.
        store(group, member);
        scheduleSession(group, memberId);
    }
    group.restoreEpochs(stored.groupEpoch, stored.assignmentEpoch, preferredAssignor(group));
    group.updateState(QStringLiteral("loaded from %1").arg(ConsumerOffsetsRecords::topicName()));
    qCInfo(lcGroupCoordinator).noquote() << QStringLiteral("loaded group %1 (%2)").arg(groupId, group.dump());
}

} // namespace topicscope::engine
