#include "groupcoordinatorprivate.h"

#include "group/consumerprotocol.h"

#include <QStringList>
#include <QUuid>
#include <algorithm>

namespace topicscope::engine {

namespace {

// Kafka's GroupCoordinator.NewMemberJoinTimeoutMs: a member added by a rebalance may wait this long for its
// JoinGroup response; a client that gave up in the meantime must not stay in the group for ever.
constexpr qint64 NewMemberJoinTimeoutMs = 5 * 60 * 1000;
const QString ConsumerProtocolType = QStringLiteral("consumer");

} // namespace

ErrorCode GroupCoordinator::Private::checkRequestAllowed(State state, Request request)
{
    switch (state) {
    case State::Dead:
        return request == Request::Heartbeat || request == Request::Leave ? ErrorCode::UnknownMemberId
                                                                          : ErrorCode::CoordinatorNotAvailable;
    case State::Empty:
        return request == Request::Sync || request == Request::Heartbeat ? ErrorCode::UnknownMemberId : ErrorCode::None;
    case State::PreparingRebalance:
        return request == Request::Sync || request == Request::Heartbeat ? ErrorCode::RebalanceInProgress
                                                                         : ErrorCode::None;
    case State::CompletingRebalance:
        return request == Request::OffsetCommit ? ErrorCode::RebalanceInProgress : ErrorCode::None;
    case State::Stable:
        return ErrorCode::None;
    }
    return ErrorCode::None;
}

JoinGroupResponse GroupCoordinator::Private::joinError(const QString &memberId, ErrorCode error)
{
    JoinGroupResponse response;
    response.error = error;
    response.memberId = memberId;
    return response;
}

QString GroupCoordinator::Private::clientReason(const QString &reason)
{
    return reason.isEmpty() ? QStringLiteral("not provided") : reason;
}

SyncGroupResponse GroupCoordinator::Private::syncError(ErrorCode error)
{
    SyncGroupResponse response;
    response.error = error;
    return response;
}

void GroupCoordinator::Private::flush()
{
    while (!outbox.empty()) {
        auto ready = std::exchange(outbox, {});
        for (auto &deliver : ready)
            deliver();
    }
}

void GroupCoordinator::Private::respond(const JoinCallback &callback, JoinGroupResponse response)
{
    if (callback)
        outbox.push_back([callback, response = std::move(response)] { callback(response); });
}

void GroupCoordinator::Private::respond(const SyncCallback &callback, SyncGroupResponse response)
{
    if (callback)
        outbox.push_back([callback, response = std::move(response)] { callback(response); });
}

ClassicGroup *GroupCoordinator::Private::find(const QString &groupId) const
{
    auto it = groups.find(groupId);
    return it == groups.end() ? nullptr : it->second.get();
}

ClassicGroup &GroupCoordinator::Private::create(const QString &groupId)
{
    qCDebug(lcGroupCoordinator).noquote() << QStringLiteral("group %1: created").arg(groupId);
    auto &slot = groups[groupId];
    slot = std::make_unique<ClassicGroup>(groupId, clock, events);
    return *slot;
}

void GroupCoordinator::Private::cancelTimers(ClassicGroup &group)
{
    ClassicGroup::Rebalance &rebalance = group.rebalance();
    clock.cancel(std::exchange(rebalance.joinTimer, 0));
    clock.cancel(std::exchange(rebalance.syncTimer, 0));
    for (TimerId timer : std::as_const(group.pendingMembers()))
        clock.cancel(timer);
    for (auto &[memberId, member] : group.members())
        clock.cancel(std::exchange(member.heartbeatTimer, 0));
}

ErrorCode GroupCoordinator::Private::storeGroup(ClassicGroup &group)
{
    if (offsetStore.storeGroup(group.groupId(), group.toRecord()) == ErrorCode::None)
        return ErrorCode::None;
    qCWarning(lcGroupCoordinator).noquote()
        << QStringLiteral("group %1: storing generation %2 failed").arg(group.groupId()).arg(group.generationId());
    // Kafka's storeGroup answers a storage failure with COORDINATOR_NOT_AVAILABLE: the client retries.
    return ErrorCode::CoordinatorNotAvailable;
}

void GroupCoordinator::Private::removeGroup(ClassicGroup &group, const QString &reason)
{
    // Kafka's group tombstone: a restart must not bring the group back.
    if (offsetStore.deleteGroup(group.groupId()) != ErrorCode::None)
        qCWarning(lcGroupCoordinator).noquote()
            << QStringLiteral("group %1: storing its removal failed").arg(group.groupId());
    cancelTimers(group);
    group.transitionTo(State::Dead, reason);
    groups.erase(group.groupId());
}

QString GroupCoordinator::Private::newMemberId(const JoinGroupRequest &request)
{
    const QString prefix = request.groupInstanceId ? *request.groupInstanceId : request.clientId;
    const QString suffix = memberIdGenerator ? memberIdGenerator() : QUuid::createUuid().toString(QUuid::WithoutBraces);
    return prefix + QLatin1Char('-') + suffix;
}

void GroupCoordinator::Private::scheduleExpiration(ClassicGroup &group, ClassicGroupMember &member, qint64 timeoutMs)
{
    clock.cancel(member.heartbeatTimer);
    member.lastHeartbeatMs = clock.nowMs();
    member.heartbeatTimer = clock.schedule(timeoutMs, [this, groupId = group.groupId(), memberId = member.memberId] {
        Batch batch(*this);
        onHeartbeatExpired(groupId, memberId);
    });
}

void GroupCoordinator::Private::touch(ClassicGroup &group, ClassicGroupMember &member)
{
    scheduleExpiration(group, member, member.sessionTimeoutMs);
}

void GroupCoordinator::Private::onHeartbeatExpired(const QString &groupId, const QString &memberId)
{
    ClassicGroup *group = find(groupId);
    ClassicGroupMember *member = group ? group->member(memberId) : nullptr;
    if (!member)
        return;
    member->heartbeatTimer = 0;
    // A member parked on a join or sync is waiting for us, not gone; its timer restarts with the response.
    if (!member->isNew && (member->isAwaitingJoin() || member->isAwaitingSync()))
        return;
    removeMemberAndUpdateGroup(*group, memberId,
        QStringLiteral("member %1 expired: no heartbeat within its session timeout of %2 ms")
            .arg(memberId, QString::number(member->isNew ? NewMemberJoinTimeoutMs : member->sessionTimeoutMs)));
}

void GroupCoordinator::Private::onPendingMemberExpired(const QString &groupId, const QString &memberId)
{
    ClassicGroup *group = find(groupId);
    if (!group || !group->pendingMembers().contains(memberId))
        return;
    group->pendingMembers().remove(memberId);
    qCInfo(lcGroupCoordinator).noquote() << QStringLiteral(
        "group %1: pending member %2 did not rejoin within its session timeout")
                                                .arg(groupId, memberId);
    if (group->is(State::PreparingRebalance))
        tryCompleteJoin(*group);
}

void GroupCoordinator::Private::removeMemberAndUpdateGroup(
    ClassicGroup &group, const QString &memberId, const QString &reason)
{
    std::optional<ClassicGroupMember> removed = group.remove(memberId);
    if (!removed)
        return;
    clock.cancel(removed->heartbeatTimer);
    qCInfo(lcGroupCoordinator).noquote()
        << QStringLiteral("group %1: removing member %2: %3").arg(group.groupId(), memberId, reason);
    // The client may still be waiting: tell it to join again from scratch.
    respond(removed->awaitingJoin, joinError(QString(), ErrorCode::UnknownMemberId));
    respond(removed->awaitingSync, syncError(ErrorCode::UnknownMemberId));
    switch (group.state()) {
    case State::Stable:
    case State::CompletingRebalance:
        maybePrepareRebalance(group, reason);
        break;
    case State::PreparingRebalance:
        tryCompleteJoin(group);
        break;
    case State::Empty:
    case State::Dead:
        break;
    }
}

ErrorCode GroupCoordinator::Private::validateCurrentMember(
    ClassicGroup &group, const QString &memberId, const std::optional<QString> &groupInstanceId) const
{
    if (groupInstanceId) {
        const std::optional<QString> current = group.staticMemberId(*groupInstanceId);
        if (!current)
            return ErrorCode::UnknownMemberId;
        if (*current != memberId)
            return ErrorCode::FencedInstanceId;
    }
    return group.has(memberId) ? ErrorCode::None : ErrorCode::UnknownMemberId;
}

void GroupCoordinator::Private::maybePrepareRebalance(ClassicGroup &group, const QString &reason)
{
    if (group.canRebalance())
        prepareRebalance(group, reason);
}

void GroupCoordinator::Private::prepareRebalance(ClassicGroup &group, const QString &reason)
{
    if (group.is(State::CompletingRebalance))
        resetAndPropagateAssignmentError(group, ErrorCode::RebalanceInProgress);
    ClassicGroup::Rebalance &rebalance = group.rebalance();
    clock.cancel(std::exchange(rebalance.syncTimer, 0));
    clock.cancel(std::exchange(rebalance.joinTimer, 0));
    group.pendingSyncMembers().clear();
    const bool fromEmpty = group.is(State::Empty);
    if (!group.transitionTo(State::PreparingRebalance, reason))
        return;
    rebalance.newMemberAdded = false;
    const qint64 rebalanceTimeoutMs = group.rebalanceTimeoutMs();
    const qint64 initialDelayMs = config.initialRebalanceDelayMs;
    if (fromEmpty && initialDelayMs > 0) {
        // Lets the other consumers of a starting application join the first generation.
        rebalance.initialDelayActive = true;
        rebalance.initialDelayRemainingMs = std::max<qint64>(rebalanceTimeoutMs - initialDelayMs, 0);
        scheduleJoinTimer(group, initialDelayMs);
    } else {
        rebalance.initialDelayActive = false;
        scheduleJoinTimer(group, rebalanceTimeoutMs);
        tryCompleteJoin(group);
    }
}

void GroupCoordinator::Private::scheduleJoinTimer(ClassicGroup &group, qint64 delayMs)
{
    clock.cancel(group.rebalance().joinTimer);
    group.rebalance().joinTimer = clock.schedule(delayMs, [this, groupId = group.groupId()] {
        Batch batch(*this);
        onJoinTimer(groupId);
    });
}

void GroupCoordinator::Private::onJoinTimer(const QString &groupId)
{
    ClassicGroup *group = find(groupId);
    if (!group)
        return;
    ClassicGroup::Rebalance &rebalance = group->rebalance();
    rebalance.joinTimer = 0;
    if (!group->is(State::PreparingRebalance))
        return;
    if (!rebalance.initialDelayActive) {
        onCompleteJoin(*group, QStringLiteral("rebalance timeout of %1 ms expired").arg(group->rebalanceTimeoutMs()));
        return;
    }
    if (rebalance.newMemberAdded && rebalance.initialDelayRemainingMs > 0) {
        rebalance.newMemberAdded = false;
        const qint64 delayMs = std::min(config.initialRebalanceDelayMs, rebalance.initialDelayRemainingMs);
        rebalance.initialDelayRemainingMs = std::max<qint64>(rebalance.initialDelayRemainingMs - delayMs, 0);
        qCInfo(lcGroupCoordinator).noquote()
            << QStringLiteral("group %1: members joined during the initial rebalance delay, waiting %2 ms more")
                   .arg(groupId, QString::number(delayMs));
        scheduleJoinTimer(*group, delayMs);
        return;
    }
    rebalance.initialDelayActive = false;
    onCompleteJoin(
        *group, QStringLiteral("initial rebalance delay elapsed, %1 member(s) joined").arg(group->numAwaitingJoin()));
}

void GroupCoordinator::Private::tryCompleteJoin(ClassicGroup &group)
{
    if (!group.is(State::PreparingRebalance) || group.rebalance().initialDelayActive || !group.hasAllMembersJoined())
        return;
    clock.cancel(std::exchange(group.rebalance().joinTimer, 0));
    onCompleteJoin(group,
        group.size() == 0 ? QStringLiteral("all members left")
                          : QStringLiteral("all %1 member(s) joined").arg(group.size()));
}

void GroupCoordinator::Private::onCompleteJoin(ClassicGroup &group, const QString &cause)
{
    if (!group.is(State::PreparingRebalance))
        return;
    // Static members keep their place: they come back with the same instance id.
    QStringList notRejoined;
    for (const auto &[memberId, member] : group.members()) {
        if (!member.isAwaitingJoin() && !member.isStatic())
            notRejoined.append(memberId);
    }
    for (const QString &memberId : std::as_const(notRejoined)) {
        if (std::optional<ClassicGroupMember> removed = group.remove(memberId)) {
            clock.cancel(removed->heartbeatTimer);
            respond(removed->awaitingSync, syncError(ErrorCode::UnknownMemberId));
        }
    }
    QString reason = cause;
    if (!notRejoined.isEmpty()) {
        reason += QStringLiteral("; removed %1 (did not rejoin)").arg(notRejoined.join(QStringLiteral(", ")));
        qCInfo(lcGroupCoordinator).noquote() << QStringLiteral("group %1: removed members that did not rejoin: %2")
                                                    .arg(group.groupId(), notRejoined.join(QStringLiteral(", ")));
    }
    if (!group.maybeElectNewJoinedLeader() && group.size() > 0) {
        // Only static members remain and none rejoined: wait for them, or for their sessions to expire.
        qCWarning(lcGroupCoordinator).noquote()
            << QStringLiteral("group %1: no member rejoined; waiting another rebalance timeout").arg(group.groupId());
        scheduleJoinTimer(group, group.rebalanceTimeoutMs());
        return;
    }

    group.initNextGeneration(reason);
    if (group.is(State::Empty)) {
        // Nobody owns anything any more: the next generation's assignment is all news.
        group.rebalance().previousOwners.clear();
        // Kafka stores the empty generation too, so that a restart continues from it.
        storeGroup(group);
        return;
    }
    const QList<JoinGroupMember> memberList = group.currentMemberMetadata();
    for (auto &[memberId, member] : group.members()) {
        JoinGroupResponse response;
        response.generationId = group.generationId();
        response.protocolType = group.protocolType();
        response.protocolName = group.protocolName();
        response.leader = group.leaderId();
        response.memberId = memberId;
        if (group.isLeader(memberId))
            response.members = memberList;
        respond(std::exchange(member.awaitingJoin, {}), response);
        touch(group, member);
        member.isNew = false;
        group.pendingSyncMembers().insert(memberId);
    }
    const qint32 generationId = group.generationId();
    group.rebalance().syncTimer
        = clock.schedule(group.rebalanceTimeoutMs(), [this, groupId = group.groupId(), generationId] {
              Batch batch(*this);
              onSyncExpired(groupId, generationId);
          });
}

void GroupCoordinator::Private::removePendingSync(ClassicGroup &group, const QString &memberId)
{
    group.pendingSyncMembers().remove(memberId);
    if (group.pendingSyncMembers().isEmpty())
        clock.cancel(std::exchange(group.rebalance().syncTimer, 0));
}

void GroupCoordinator::Private::onSyncExpired(const QString &groupId, qint32 generationId)
{
    ClassicGroup *group = find(groupId);
    if (!group || group->generationId() != generationId)
        return;
    group->rebalance().syncTimer = 0;
    if (!group->is(State::CompletingRebalance) && !group->is(State::Stable))
        return;
    QStringList missing = group->pendingSyncMembers().values();
    if (missing.isEmpty())
        return;
    missing.sort();
    for (const QString &memberId : std::as_const(missing)) {
        if (std::optional<ClassicGroupMember> removed = group->remove(memberId)) {
            clock.cancel(removed->heartbeatTimer);
            respond(removed->awaitingJoin, joinError(QString(), ErrorCode::UnknownMemberId));
        }
    }
    prepareRebalance(*group,
        QStringLiteral("removed %1: no SyncGroup within the rebalance timeout")
            .arg(missing.join(QStringLiteral(", "))));
}

void GroupCoordinator::Private::resetAndPropagateAssignmentError(ClassicGroup &group, ErrorCode error)
{
    for (auto &[memberId, member] : group.members()) {
        member.assignment.clear();
        if (member.isAwaitingSync()) {
            respond(std::exchange(member.awaitingSync, {}), syncError(error));
            touch(group, member);
        }
    }
}

void GroupCoordinator::Private::completeSync(
    ClassicGroup &group, const QString &leaderId, const QMap<QString, QByteArray> &assignments)
{
    // kafka-python cannot decode zero bytes, so consumers left out get a real empty assignment.
    const QByteArray filler
        = group.protocolType() == ConsumerProtocolType ? ConsumerProtocol::emptyAssignment() : QByteArray();
    QStringList missing;
    for (auto &[memberId, member] : group.members()) {
        auto it = assignments.find(memberId);
        if (it == assignments.end())
            missing.append(memberId);
        member.assignment = it == assignments.end() ? filler : it.value();
    }
    if (!missing.isEmpty())
        qCInfo(lcGroupCoordinator).noquote()
            << QStringLiteral("group %1: leader gave no assignment to %2; sending them an empty one")
                   .arg(group.groupId(), missing.join(QStringLiteral(", ")));
    // Kafka stores the generation before it answers anyone: members must not act on an assignment that a
    // restart would forget.
    if (const ErrorCode error = storeGroup(group); error != ErrorCode::None) {
        resetAndPropagateAssignmentError(group, error);
        return maybePrepareRebalance(group, QStringLiteral("storing generation %1 failed").arg(group.generationId()));
    }
    group.transitionTo(State::Stable,
        QStringLiteral("leader %1 sent the assignment for generation %2")
            .arg(leaderId, QString::number(group.generationId())));
    for (auto &[memberId, member] : group.members()) {
        if (!member.isAwaitingSync())
            continue;
        SyncGroupResponse response;
        response.protocolType = group.protocolType();
        response.protocolName = group.protocolName();
        response.assignment = member.assignment;
        respond(std::exchange(member.awaitingSync, {}), response);
        touch(group, member);
    }
    publishRebalanceCompleted(group);
}

QMap<TopicPartition, QString> GroupCoordinator::Private::currentOwners(
    const ClassicGroup &group, QMap<QString, QList<TopicPartition>> *assignment)
{
    QMap<TopicPartition, QString> owners;
    if (group.protocolType() != ConsumerProtocolType)
        return owners;
    for (const auto &[memberId, member] : group.members()) {
        const std::optional<ConsumerAssignment> decoded = ConsumerProtocol::decodeAssignment(member.assignment);
        if (!decoded)
            continue;
        if (assignment)
            assignment->insert(memberId, decoded->partitions);
        // Keyed by instance id so that a static member's new member id is not reported as a move.
        const QString owner = member.groupInstanceId ? *member.groupInstanceId : memberId;
        for (const TopicPartition &tp : decoded->partitions)
            owners.insert(tp, owner);
    }
    return owners;
}

void GroupCoordinator::Private::publishRebalanceCompleted(ClassicGroup &group)
{
    RebalanceCompleted event;
    event.groupId = group.groupId();
    event.generationId = group.generationId();
    event.protocolType = group.protocolType();
    event.protocolName = group.protocolName();
    event.leaderId = group.leaderId();
    ClassicGroup::Rebalance &rebalance = group.rebalance();
    event.durationMs = rebalance.startedAtMs < 0 ? 0 : clock.nowMs() - rebalance.startedAtMs;
    const QMap<TopicPartition, QString> owners = currentOwners(group, &event.assignment);
    QMap<TopicPartition, bool> moved;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (rebalance.previousOwners.value(it.key()) != it.value())
            moved.insert(it.key(), true);
    }
    for (auto it = rebalance.previousOwners.cbegin(); it != rebalance.previousOwners.cend(); ++it) {
        if (!owners.contains(it.key()))
            moved.insert(it.key(), true);
    }
    event.partitionsMoved = moved.keys();
    rebalance.previousOwners = owners;
    events.publish(event);
}

bool GroupCoordinator::Private::acceptJoiningMember(const ClassicGroup &group, const QString &memberId) const
{
    switch (group.state()) {
    case State::Empty:
    case State::Dead:
        return true;
    case State::PreparingRebalance: {
        // Counting the members that already rejoined lets the late ones be the ones turned away.
        auto it = group.members().find(memberId);
        return (it != group.members().end() && it->second.isAwaitingJoin())
            || group.numAwaitingJoin() < config.maxGroupSize;
    }
    case State::CompletingRebalance:
    case State::Stable:
        return group.has(memberId) || group.size() < config.maxGroupSize;
    }
    return false;
}

void GroupCoordinator::Private::joinGroup(const JoinGroupRequest &request, const JoinCallback &callback)
{
    if (request.groupId.isEmpty())
        return respond(callback, joinError(request.memberId, ErrorCode::InvalidGroupId));
    if (request.sessionTimeoutMs < config.minSessionTimeoutMs || request.sessionTimeoutMs > config.maxSessionTimeoutMs)
        return respond(callback, joinError(request.memberId, ErrorCode::InvalidSessionTimeout));

    const bool isNewMember = request.memberId.isEmpty();
    ClassicGroup *group = find(request.groupId);
    bool created = false;
    if (!group) {
        // Only a new member creates a group; a known member id cannot belong to a group we do not have.
        if (!isNewMember)
            return respond(callback, joinError(request.memberId, ErrorCode::UnknownMemberId));
        group = &create(request.groupId);
        created = true;
    }

    if (const ErrorCode error = checkRequestAllowed(group->state(), Request::Join); error != ErrorCode::None) {
        respond(callback, joinError(request.memberId, error));
    } else if (!acceptJoiningMember(*group, request.memberId)) {
        if (group->pendingMembers().contains(request.memberId))
            clock.cancel(group->pendingMembers().take(request.memberId));
        else if (group->has(request.memberId))
            removeMemberAndUpdateGroup(*group, request.memberId,
                QStringLiteral("group reached its maximum size of %1").arg(config.maxGroupSize));
        respond(callback, joinError(QString(), ErrorCode::GroupMaxSizeReached));
    } else if (isNewMember) {
        doNewMemberJoin(*group, request, callback);
    } else {
        doCurrentMemberJoin(*group, request, callback);
    }

    if (group->is(State::PreparingRebalance))
        tryCompleteJoin(*group);
    // A join that failed must not leave an empty shell behind.
    if (created && group->is(State::Empty) && group->generationId() == 0 && group->size() == 0
        && group->pendingMembers().isEmpty() && group->offsets().isEmpty())
        groups.erase(request.groupId);
}

void GroupCoordinator::Private::doNewMemberJoin(
    ClassicGroup &group, const JoinGroupRequest &request, const JoinCallback &callback)
{
    if (!group.supportsProtocols(request.protocolType, request.protocols))
        return respond(callback, joinError(QString(), ErrorCode::InconsistentGroupProtocol));
    const QString memberId = newMemberId(request);
    if (request.groupInstanceId) {
        if (const std::optional<QString> oldMemberId = group.staticMemberId(*request.groupInstanceId))
            return updateStaticMemberAndRebalance(group, *oldMemberId, memberId, request, callback);
        return addMemberAndRebalance(group, memberId, request, callback);
    }
    if (request.requireKnownMemberId) {
        // KIP-394: the member id goes back first, so that a client that times out and retries is not
        // counted twice.
        group.pendingMembers().insert(
            memberId, clock.schedule(request.sessionTimeoutMs, [this, groupId = group.groupId(), memberId] {
                Batch batch(*this);
                onPendingMemberExpired(groupId, memberId);
            }));
        qCInfo(lcGroupCoordinator).noquote()
            << QStringLiteral("group %1: new member gets id %2 and must rejoin with it").arg(group.groupId(), memberId);
        return respond(callback, joinError(memberId, ErrorCode::MemberIdRequired));
    }
    addMemberAndRebalance(group, memberId, request, callback);
}

void GroupCoordinator::Private::doCurrentMemberJoin(
    ClassicGroup &group, const JoinGroupRequest &request, const JoinCallback &callback)
{
    const QString &memberId = request.memberId;
    if (!group.supportsProtocols(request.protocolType, request.protocols))
        return respond(callback, joinError(memberId, ErrorCode::InconsistentGroupProtocol));
    if (group.pendingMembers().contains(memberId)) {
        // Pending ids are only handed to dynamic members; an instance id here is a client bug.
        if (request.groupInstanceId)
            return respond(callback, joinError(memberId, ErrorCode::UnknownServerError));
        clock.cancel(group.pendingMembers().take(memberId));
        return addMemberAndRebalance(group, memberId, request, callback);
    }
    if (const ErrorCode error = validateCurrentMember(group, memberId, request.groupInstanceId);
        error != ErrorCode::None)
        return respond(callback, joinError(memberId, error));

    ClassicGroupMember &member = *group.member(memberId);
    const QString reason = clientReason(request.reason);
    switch (group.state()) {
    case State::PreparingRebalance:
        return updateMemberAndRebalance(group, member, request, callback,
            QStringLiteral("member %1 rejoined (client reason: %2)").arg(memberId, reason));
    case State::CompletingRebalance:
        if (member.matches(request.protocols)) {
            // It probably lost the first response: send the same one again.
            touch(group, member);
            return respond(callback, currentGenerationResponse(group, memberId, true));
        }
        return updateMemberAndRebalance(group, member, request, callback,
            QStringLiteral("member %1 rejoined with changed metadata (client reason: %2)").arg(memberId, reason));
    case State::Stable:
        // The leader rejoins when it sees a change the metadata does not show (e.g. new partitions).
        if (group.isLeader(memberId))
            return updateMemberAndRebalance(group, member, request, callback,
                QStringLiteral("leader %1 rejoined (client reason: %2)").arg(memberId, reason));
        if (!member.matches(request.protocols))
            return updateMemberAndRebalance(group, member, request, callback,
                QStringLiteral("member %1 rejoined with changed metadata (client reason: %2)").arg(memberId, reason));
        touch(group, member);
        return respond(callback, currentGenerationResponse(group, memberId, false));
    case State::Empty:
    case State::Dead:
        return respond(callback, joinError(memberId, ErrorCode::UnknownMemberId));
    }
}

JoinGroupResponse GroupCoordinator::Private::currentGenerationResponse(
    const ClassicGroup &group, const QString &memberId, bool withMembers)
{
    JoinGroupResponse response;
    response.generationId = group.generationId();
    response.protocolType = group.protocolType();
    response.protocolName = group.protocolName();
    response.leader = group.leaderId();
    response.memberId = memberId;
    if (withMembers && group.isLeader(memberId))
        response.members = group.currentMemberMetadata();
    return response;
}

qint32 GroupCoordinator::Private::rebalanceTimeoutOf(const JoinGroupRequest &request)
{
    return request.rebalanceTimeoutMs < 0 ? request.sessionTimeoutMs : request.rebalanceTimeoutMs;
}

void GroupCoordinator::Private::addMemberAndRebalance(
    ClassicGroup &group, const QString &memberId, const JoinGroupRequest &request, const JoinCallback &callback)
{
    ClassicGroupMember member;
    member.memberId = memberId;
    member.groupInstanceId = request.groupInstanceId;
    member.clientId = request.clientId;
    member.clientHost = request.clientHost;
    member.rebalanceTimeoutMs = rebalanceTimeoutOf(request);
    member.sessionTimeoutMs = request.sessionTimeoutMs;
    member.protocolType = request.protocolType;
    member.protocols = request.protocols;
    member.awaitingJoin = callback;
    member.isNew = true;
    // Kafka extends only a group's very first rebalance delay for newcomers.
    if (group.is(State::PreparingRebalance) && group.generationId() == 0)
        group.rebalance().newMemberAdded = true;
    group.add(std::move(member));
    scheduleExpiration(group, *group.member(memberId), NewMemberJoinTimeoutMs);
    maybePrepareRebalance(
        group, QStringLiteral("new member %1 joined (client reason: %2)").arg(memberId, clientReason(request.reason)));
}

void GroupCoordinator::Private::updateMemberAndRebalance(ClassicGroup &group, ClassicGroupMember &member,
    const JoinGroupRequest &request, const JoinCallback &callback, const QString &reason)
{
    // A repeated JoinGroup replaces the parked one; answer the old one rather than leave it hanging.
    const JoinCallback superseded = group.updateMember(
        member, request.protocols, rebalanceTimeoutOf(request), request.sessionTimeoutMs, callback);
    respond(superseded, joinError(member.memberId, ErrorCode::RebalanceInProgress));
    maybePrepareRebalance(group, reason);
}

void GroupCoordinator::Private::updateStaticMemberAndRebalance(ClassicGroup &group, const QString &oldMemberId,
    const QString &newMemberId, const JoinGroupRequest &request, const JoinCallback &callback)
{
    const QString &instanceId = *request.groupInstanceId;
    const QString previousLeader = group.leaderId();
    JoinCallback fencedJoin;
    SyncCallback fencedSync;
    ClassicGroupMember &member
        = group.replaceStaticMember(instanceId, oldMemberId, newMemberId, &fencedJoin, &fencedSync);
    respond(fencedJoin, joinError(oldMemberId, ErrorCode::FencedInstanceId));
    respond(fencedSync, syncError(ErrorCode::FencedInstanceId));
    const bool unchanged = member.matches(request.protocols);
    group.updateMember(member, request.protocols, rebalanceTimeoutOf(request), request.sessionTimeoutMs, callback);
    touch(group, member);
    const QString reason = QStringLiteral("static member %1 (instance %2) replaced %3 (client reason: %4)")
                               .arg(newMemberId, instanceId, oldMemberId, clientReason(request.reason));
    switch (group.state()) {
    case State::Stable:
        if (unchanged && group.selectProtocol() == group.protocolName()) {
            qCInfo(lcGroupCoordinator).noquote()
                << QStringLiteral("group %1: %2; metadata unchanged, no rebalance").arg(group.groupId(), reason);
            JoinGroupResponse response;
            if (request.supportsSkipAssignment) {
                // KIP-814: a returning static leader learns that it leads (and keeps watching metadata), with
                // the members, but runs no assignment that a Stable group would ignore.
                response = currentGenerationResponse(group, newMemberId, true);
                response.skipAssignment = group.isLeader(newMemberId);
            } else {
                // The previous leader id, so that a returning static leader does not run an assignment that
                // a Stable group would ignore.
                response = currentGenerationResponse(group, newMemberId, false);
                response.leader = previousLeader;
            }
            respond(std::exchange(member.awaitingJoin, {}), response);
            // The new member id replaces the old one in the stored generation.
            storeGroup(group);
            return;
        }
        return maybePrepareRebalance(group, reason);
    case State::CompletingRebalance:
        // The leader may be assigning to the old member id: start over.
        return prepareRebalance(group, reason);
    case State::PreparingRebalance:
    case State::Empty:
    case State::Dead:
        return;
    }
}

ErrorCode GroupCoordinator::Private::validateOffsetCommit(ClassicGroup &group, const OffsetCommitRequest &request) const
{
    if (group.is(State::Dead))
        return checkRequestAllowed(State::Dead, Request::OffsetCommit);
    // Standalone consumers and admin tools commit with generation -1 and no member id.
    if (request.generationId < 0 && group.is(State::Empty))
        return ErrorCode::None;
    if (request.generationId >= 0 || !request.memberId.isEmpty() || request.groupInstanceId) {
        if (const ErrorCode error = validateCurrentMember(group, request.memberId, request.groupInstanceId);
            error != ErrorCode::None)
            return error;
        if (request.generationId != group.generationId())
            return ErrorCode::IllegalGeneration;
        return checkRequestAllowed(group.state(), Request::OffsetCommit);
    }
    return group.is(State::Empty) ? ErrorCode::None : ErrorCode::UnknownMemberId;
}

ErrorCode GroupCoordinator::Private::validateOffset(const CommittedOffset &offset) const
{
    const int partitions = partitionCount ? partitionCount(offset.topicPartition.topic) : -1;
    if (partitions < 0 || offset.topicPartition.partition < 0 || offset.topicPartition.partition >= partitions)
        return ErrorCode::UnknownTopicOrPartition;
    // Kafka compares the string's length (UTF-16 units), not its encoded size.
    if (offset.metadata.size() > config.offsetMetadataMaxBytes)
        return ErrorCode::OffsetMetadataTooLarge;
    return ErrorCode::None;
}

void GroupCoordinator::Private::applyOffsets(
    const QString &groupId, const std::vector<CommittedOffset> &offsets, const QString &memberId, qint32 generationId)
{
    ClassicGroup *group = find(groupId);
    if (!group)
        group = &create(groupId);
    for (const CommittedOffset &offset : offsets) {
        group->offsets().insert(offset.topicPartition, offset);
        events.publish(
            OffsetCommitted {groupId, offset.topicPartition, offset.offset, offset.metadata, memberId, generationId});
    }
}

} // namespace topicscope::engine
