#include "consumer.h"

#include "client/consumerfetcher.h"
#include "client/consumergroupmembership.h"
#include "group/assignor.h"
#include "group/consumerprotocol.h"
#include "group/groupcoordinator.h"
#include "log/logmanager.h"

#include <QLoggingCategory>
#include <QSet>
#include <algorithm>

namespace topicscope::engine {

namespace {
Q_LOGGING_CATEGORY(lcConsumer, "topicscope.engine.client")

constexpr qint32 NoGeneration = -1;

QList<TopicPartition> sorted(QList<TopicPartition> list)
{
    std::sort(list.begin(), list.end());
    return list;
}

QString listString(const QList<TopicPartition> &list)
{
    return ConsumerGroupMembership::partitionsText(list);
}
} // namespace

struct Consumer::Private {
    enum class Mode { None, Assigned, Subscribed };

    Private(ConsumerConfig config, Clock &clock, LogManager &log, GroupCoordinator *coordinator)
        : config(std::move(config))
        , clock(clock)
        , log(log)
        , coordinator(coordinator)
        , fetcher(this->config, log)
    {
        nextAutoCommitMs = clock.nowMs() + this->config.autoCommitIntervalMs;
        lastPollMs = clock.nowMs();
    }

    ConsumerConfig config;
    Clock &clock;
    LogManager &log;
    GroupCoordinator *coordinator;
    ConsumerFetcher fetcher;
    // group.protocol=consumer: the KIP-848 membership, from subscribe() on; the classic fields below are unused.
    std::unique_ptr<ConsumerGroupMembership> membership;

    // Every closure handed to the clock or the coordinator holds a weak reference to this token; crash(),
    // close() and the destructor drop it, so late replies and timers become no-ops.
    std::shared_ptr<int> token = std::make_shared<int>(0);

    Mode mode = Mode::None;
    MemberState state = MemberState::Unjoined;
    bool stalled = false;
    QStringList subscription;
    ConsumerRebalanceListener listener;
    FetchPositions assigned; // the assignment, with fetch positions (Java's SubscriptionState)

    // Group membership (Java's AbstractCoordinator generation and rejoin flags).
    QString memberId;
    qint32 generationId = NoGeneration;
    QString protocolName;
    QString leaderId;
    bool rejoinNeeded = false;
    bool partitionsLost = false; // the generation was lost: call onPartitionsLost at the next poll
    // Java runs onJoinPrepare (commit, revoke) once per rebalance, not again when a JoinGroup is retried.
    bool needsJoinPrepare = true;
    int joinSeq = 0; // identifies the JoinGroup/SyncGroup round in flight; older replies are ignored
    std::optional<PartitionError> fatalError;
    TimerId heartbeatTimer = 0;
    TimerId pollTimeoutTimer = 0;
    TimerId retryTimer = 0;
    qint64 lastPollMs = 0;
    qint64 nextAutoCommitMs = 0;

    bool inGroup() const { return mode == Mode::Subscribed && coordinator && config.groupId; }
    QString groupId() const { return config.groupId.value_or(QString()); }
    bool isCooperative() const;
    QList<TopicPartition> owned() const { return assigned.keys(); }

    void transitionTo(MemberState next, const QString &reason);
    void defer(std::function<void()> fn);
    void cancelTimers();

    // Consumer protocol (KIP-848).
    void startMembership();
    MemberState membershipState() const;

    // Classic group protocol.
    void invokeRevoked(const QList<TopicPartition> &partitions);
    void invokeAssigned(const QList<TopicPartition> &partitions);
    void invokeLost(const QList<TopicPartition> &partitions);
    void onJoinPrepare();
    void startJoin(const QString &reason);
    void sendJoin(const QString &reason);
    void handleJoin(int seq, const JoinGroupResponse &response);
    QMap<QString, QByteArray> runAssignor(const JoinGroupResponse &response, QString *why);
    void handleSync(int seq, const SyncGroupResponse &response);
    void onJoinComplete(const QList<TopicPartition> &assignment);
    void resetGeneration(bool resetMemberId, const QString &reason);
    void scheduleHeartbeat();
    void heartbeat();
    void armPollTimeout();
    void onPollTimeout();
    void leaveGroup(const QString &reason);

    // Offsets and fetching.
    void maybeAutoCommit(bool force);
    ErrorCode commit(const QMap<TopicPartition, qint64> &offsets, QString *why);
    QMap<TopicPartition, qint64> consumedPositions() const;
    void updateFetchPositions(std::vector<PartitionError> &errors);
};

QString Consumer::stateName(MemberState state)
{
    switch (state) {
    case MemberState::Unjoined:
        return QStringLiteral("Unjoined");
    case MemberState::Joining:
        return QStringLiteral("Joining");
    case MemberState::Syncing:
        return QStringLiteral("Syncing");
    case MemberState::Reconciling:
        return QStringLiteral("Reconciling");
    case MemberState::Stable:
        return QStringLiteral("Stable");
    case MemberState::Closed:
        return QStringLiteral("Closed");
    case MemberState::Crashed:
        return QStringLiteral("Crashed");
    }
    return {};
}

bool Consumer::Private::isCooperative() const
{
    // Java's ConsumerCoordinator uses the highest protocol that *every* configured assignor supports.
    if (config.assignmentStrategies.isEmpty())
        return false;
    for (const QString &name : config.assignmentStrategies) {
        const auto assignor = Assignor::create(name);
        if (!assignor || assignor->rebalanceProtocol() != RebalanceProtocol::Cooperative)
            return false;
    }
    return true;
}

void Consumer::Private::transitionTo(MemberState next, const QString &reason)
{
    if (state == next)
        return;
    qCInfo(lcConsumer).noquote() << QStringLiteral("consumer %1 group %2: %3 -> %4: %5")
                                        .arg(config.clientId, groupId(), stateName(state), stateName(next), reason);
    state = next;
}

void Consumer::Private::defer(std::function<void()> fn)
{
    std::weak_ptr<int> alive = token;
    clock.schedule(0, [alive, fn = std::move(fn)] {
        if (alive.lock())
            fn();
    });
}

void Consumer::Private::cancelTimers()
{
    for (TimerId *t : {&heartbeatTimer, &pollTimeoutTimer, &retryTimer}) {
        if (*t)
            clock.cancel(*t);
        *t = 0;
    }
}

// ---- rebalance listener -------------------------------------------------------------------------------------

void Consumer::Private::invokeRevoked(const QList<TopicPartition> &partitions)
{
    qCInfo(lcConsumer).noquote() << config.clientId << "revoking" << listString(partitions);
    if (listener.onPartitionsRevoked)
        listener.onPartitionsRevoked(partitions);
}

void Consumer::Private::invokeAssigned(const QList<TopicPartition> &partitions)
{
    qCInfo(lcConsumer).noquote() << config.clientId << "assigned" << listString(partitions);
    if (listener.onPartitionsAssigned)
        listener.onPartitionsAssigned(partitions);
}

void Consumer::Private::invokeLost(const QList<TopicPartition> &partitions)
{
    qCInfo(lcConsumer).noquote() << config.clientId << "lost" << listString(partitions);
    if (listener.onPartitionsLost)
        listener.onPartitionsLost(partitions);
    else if (listener.onPartitionsRevoked)
        listener.onPartitionsRevoked(partitions);
}

// ---- consumer protocol (KIP-848) ----------------------------------------------------------------------------

void Consumer::Private::startMembership()
{
    ConsumerGroupMembershipSettings settings;
    settings.groupId = groupId();
    settings.clientId = config.clientId;
    settings.serverAssignor = config.groupRemoteAssignor;
    settings.rebalanceTimeoutMs = config.maxPollIntervalMs;
    settings.retryBackoffMs = config.retryBackoffMs;
    ConsumerGroupMembershipHooks hooks;
    hooks.revoke = [this](const QList<TopicPartition> &partitions) {
        // Java's new consumer commits what was consumed before it gives partitions up (auto-commit only).
        maybeAutoCommit(true);
        invokeRevoked(partitions);
        for (const TopicPartition &tp : partitions)
            assigned.remove(tp);
    };
    hooks.assign = [this](const QList<TopicPartition> &partitions) {
        for (const TopicPartition &tp : partitions)
            assigned.insert(tp, FetchPosition {});
        invokeAssigned(partitions);
    };
    hooks.lose = [this](const QList<TopicPartition> &partitions) {
        invokeLost(partitions);
        for (const TopicPartition &tp : partitions)
            assigned.remove(tp);
    };
    membership = std::make_unique<ConsumerGroupMembership>(settings, clock, *coordinator, std::move(hooks));
}

Consumer::MemberState Consumer::Private::membershipState() const
{
    switch (membership->state()) {
    case ConsumerGroupMembership::State::Joining:
        return MemberState::Joining;
    case ConsumerGroupMembership::State::Reconciling:
    case ConsumerGroupMembership::State::Acknowledging:
        return MemberState::Reconciling;
    case ConsumerGroupMembership::State::Stable:
        return MemberState::Stable;
    default:
        return MemberState::Unjoined;
    }
}

// ---- joining ------------------------------------------------------------------------------------------------

void Consumer::Private::onJoinPrepare()
{
    // Java commits synchronously before rejoining, while the generation is still valid.
    if (generationId != NoGeneration && config.enableAutoCommit)
        maybeAutoCommit(true);

    const QList<TopicPartition> current = owned();
    if (generationId == NoGeneration || partitionsLost) {
        // The member was fenced or left: its partitions may already belong to someone else.
        if (!current.isEmpty())
            invokeLost(current);
        assigned.clear();
    } else if (!isCooperative()) {
        invokeRevoked(current); // eager: always, even with nothing assigned
        assigned.clear();
    } else {
        // Cooperative: give up only partitions of topics no longer subscribed.
        QList<TopicPartition> revoked;
        for (const TopicPartition &tp : current)
            if (!subscription.contains(tp.topic))
                revoked << tp;
        if (!revoked.isEmpty()) {
            invokeRevoked(revoked);
            for (const TopicPartition &tp : revoked)
                assigned.remove(tp);
        }
    }
    partitionsLost = false;
}

void Consumer::Private::startJoin(const QString &reason)
{
    if (!inGroup() || state == MemberState::Joining || state == MemberState::Syncing)
        return;
    if (needsJoinPrepare || partitionsLost) {
        onJoinPrepare();
        needsJoinPrepare = false;
    }
    rejoinNeeded = false;
    if (heartbeatTimer) {
        clock.cancel(heartbeatTimer);
        heartbeatTimer = 0;
    }
    transitionTo(MemberState::Joining, reason);
    sendJoin(reason);
}

void Consumer::Private::sendJoin(const QString &reason)
{
    JoinGroupRequest request;
    request.groupId = groupId();
    request.memberId = memberId;
    request.clientId = config.clientId;
    request.clientHost = QStringLiteral("in-app");
    request.sessionTimeoutMs = config.sessionTimeoutMs;
    request.rebalanceTimeoutMs = config.maxPollIntervalMs;
    request.protocolType = QStringLiteral("consumer");
    request.requireKnownMemberId = true;
    request.reason = reason;

    ConsumerSubscription subscriptionData;
    subscriptionData.version = 1;
    subscriptionData.topics = subscription;
    subscriptionData.topics.sort();
    subscriptionData.ownedPartitions = sorted(owned());
    const QByteArray metadata = ConsumerProtocol::encodeSubscription(subscriptionData);
    for (const QString &name : config.assignmentStrategies)
        request.protocols.append(GroupProtocol {name, metadata});

    const int seq = ++joinSeq;
    std::weak_ptr<int> alive = token;
    coordinator->joinGroup(request, [this, alive, seq](const JoinGroupResponse &response) {
        if (!alive.lock())
            return;
        defer([this, seq, response] { handleJoin(seq, response); });
    });
}

void Consumer::Private::handleJoin(int seq, const JoinGroupResponse &response)
{
    if (seq != joinSeq || state != MemberState::Joining)
        return;
    switch (response.error) {
    case ErrorCode::None:
        break;
    case ErrorCode::MemberIdRequired:
        // KIP-394: the broker handed out our member id; join again with it.
        memberId = response.memberId;
        sendJoin(QStringLiteral("rejoining with the member id the coordinator assigned"));
        return;
    case ErrorCode::UnknownMemberId:
        resetGeneration(true, QStringLiteral("JoinGroup: UNKNOWN_MEMBER_ID"));
        sendJoin(QStringLiteral("rejoining as a new member"));
        return;
    case ErrorCode::IllegalGeneration:
    case ErrorCode::RebalanceInProgress:
        resetGeneration(false, QStringLiteral("JoinGroup: ") + errorName(response.error));
        sendJoin(QStringLiteral("rejoining after ") + errorName(response.error));
        return;
    case ErrorCode::CoordinatorNotAvailable:
    case ErrorCode::NotCoordinator:
    case ErrorCode::CoordinatorLoadInProgress: {
        std::weak_ptr<int> alive = token;
        retryTimer = clock.schedule(config.retryBackoffMs, [this, alive, seq] {
            if (!alive.lock() || seq != joinSeq)
                return;
            retryTimer = 0;
            sendJoin(QStringLiteral("retrying JoinGroup"));
        });
        return;
    }
    default:
        fatalError = PartitionError {
            {}, response.error, QStringLiteral("JoinGroup failed: %1").arg(errorName(response.error))};
        transitionTo(MemberState::Unjoined, fatalError->message);
        return;
    }

    memberId = response.memberId;
    generationId = response.generationId;
    protocolName = response.protocolName;
    leaderId = response.leader;
    transitionTo(MemberState::Syncing,
        QStringLiteral("joined generation %1 as %2, protocol %3")
            .arg(generationId)
            .arg(leaderId == memberId ? QStringLiteral("leader") : QStringLiteral("follower"), protocolName));

    SyncGroupRequest sync;
    sync.groupId = groupId();
    sync.generationId = generationId;
    sync.memberId = memberId;
    sync.protocolType = QStringLiteral("consumer");
    sync.protocolName = protocolName;
    if (leaderId == memberId) {
        QString why;
        sync.assignments = runAssignor(response, &why);
        if (!why.isEmpty()) {
            fatalError = PartitionError {{}, ErrorCode::InconsistentGroupProtocol, why};
            transitionTo(MemberState::Unjoined, why);
            return;
        }
    }
    const int syncSeq = joinSeq;
    std::weak_ptr<int> alive = token;
    coordinator->syncGroup(sync, [this, alive, syncSeq](const SyncGroupResponse &r) {
        if (!alive.lock())
            return;
        defer([this, syncSeq, r] { handleSync(syncSeq, r); });
    });
}

QMap<QString, QByteArray> Consumer::Private::runAssignor(const JoinGroupResponse &response, QString *why)
{
    const auto assignor = Assignor::create(response.protocolName);
    if (!assignor) {
        *why = QStringLiteral("the group chose assignor \"%1\", which this consumer does not know")
                   .arg(response.protocolName);
        return {};
    }
    std::vector<MemberSubscription> members;
    QMap<QString, int> partitionsPerTopic;
    for (const JoinGroupMember &m : response.members) {
        const auto decoded = ConsumerProtocol::decodeSubscription(m.metadata);
        MemberSubscription s;
        s.memberId = m.memberId;
        s.groupInstanceId = m.groupInstanceId;
        if (decoded) {
            s.topics = decoded->topics;
            s.ownedPartitions = decoded->ownedPartitions;
            s.generationId = decoded->generationId;
        } else {
            qCWarning(lcConsumer) << config.clientId << "cannot decode the subscription of" << m.memberId;
        }
        for (const QString &topic : std::as_const(s.topics)) {
            const int count = log.partitionCount(topic);
            if (count > 0)
                partitionsPerTopic.insert(topic, count);
        }
        members.push_back(std::move(s));
    }
    const GroupAssignment assignment = assignor->assign(members, partitionsPerTopic);
    QMap<QString, QByteArray> out;
    for (const MemberSubscription &m : members) {
        ConsumerAssignment a;
        a.version = 1;
        a.partitions = assignment.value(m.memberId);
        out.insert(m.memberId, ConsumerProtocol::encodeAssignment(a));
    }
    qCInfo(lcConsumer).noquote() << config.clientId << "as leader ran" << response.protocolName << "over"
                                 << members.size() << "members";
    return out;
}

void Consumer::Private::handleSync(int seq, const SyncGroupResponse &response)
{
    if (seq != joinSeq || state != MemberState::Syncing)
        return;
    switch (response.error) {
    case ErrorCode::None:
        break;
    case ErrorCode::RebalanceInProgress:
        // Java's join loop retries at once, within the same poll().
        transitionTo(MemberState::Unjoined, QStringLiteral("SyncGroup: REBALANCE_IN_PROGRESS"));
        startJoin(QStringLiteral("the group is rebalancing again"));
        return;
    case ErrorCode::UnknownMemberId:
    case ErrorCode::IllegalGeneration:
        resetGeneration(
            response.error == ErrorCode::UnknownMemberId, QStringLiteral("SyncGroup: ") + errorName(response.error));
        transitionTo(MemberState::Unjoined, QStringLiteral("SyncGroup: ") + errorName(response.error));
        startJoin(QStringLiteral("rejoining after ") + errorName(response.error));
        return;
    default:
        fatalError = PartitionError {
            {}, response.error, QStringLiteral("SyncGroup failed: %1").arg(errorName(response.error))};
        transitionTo(MemberState::Unjoined, fatalError->message);
        return;
    }
    const auto decoded = ConsumerProtocol::decodeAssignment(response.assignment);
    onJoinComplete(decoded ? decoded->partitions : QList<TopicPartition> {});
}

void Consumer::Private::onJoinComplete(const QList<TopicPartition> &assignment)
{
    const QSet<TopicPartition> next(assignment.cbegin(), assignment.cend());
    const QList<TopicPartition> before = owned();
    QList<TopicPartition> added;
    QList<TopicPartition> revoked;
    for (const TopicPartition &tp : sorted(assignment))
        if (!assigned.contains(tp))
            added << tp;
    for (const TopicPartition &tp : before)
        if (!next.contains(tp))
            revoked << tp;

    needsJoinPrepare = true;
    transitionTo(MemberState::Stable,
        QStringLiteral("generation %1 assignment %2").arg(generationId).arg(listString(sorted(assignment))));
    if (!revoked.isEmpty()) {
        // Only cooperative members still own partitions here. The listener runs before the assignment changes,
        // so it can still commit them; then the member rejoins at once to let the new owner have them.
        invokeRevoked(revoked);
        for (const TopicPartition &tp : revoked)
            assigned.remove(tp);
        rejoinNeeded = true;
    }
    for (const TopicPartition &tp : added)
        assigned.insert(tp, FetchPosition {});
    invokeAssigned(added);
    scheduleHeartbeat();
    if (rejoinNeeded && !revoked.isEmpty())
        defer([this] {
            if (state == MemberState::Stable && rejoinNeeded)
                startJoin(QStringLiteral("revoked partitions; rejoining so they can be reassigned"));
        });
}

void Consumer::Private::resetGeneration(bool resetMemberId, const QString &reason)
{
    qCInfo(lcConsumer).noquote() << config.clientId << "resetting generation" << generationId
                                 << (resetMemberId ? "and member id:" : ":") << reason;
    generationId = NoGeneration;
    if (resetMemberId)
        memberId.clear();
    if (!assigned.isEmpty())
        partitionsLost = true;
}

void Consumer::Private::scheduleHeartbeat()
{
    if (heartbeatTimer)
        clock.cancel(heartbeatTimer);
    std::weak_ptr<int> alive = token;
    heartbeatTimer = clock.schedule(config.heartbeatIntervalMs, [this, alive] {
        if (!alive.lock())
            return;
        heartbeatTimer = 0;
        heartbeat();
    });
}

void Consumer::Private::heartbeat()
{
    if (state != MemberState::Stable || !inGroup())
        return;
    const ErrorCode error = coordinator->heartbeat(HeartbeatRequest {groupId(), generationId, memberId, {}});
    switch (error) {
    case ErrorCode::None:
        break;
    case ErrorCode::RebalanceInProgress:
        // Joined at the next poll(); heartbeats go on meanwhile and keep the session alive.
        if (!rejoinNeeded)
            qCInfo(lcConsumer).noquote() << config.clientId << "heartbeat: the group is rebalancing";
        rejoinNeeded = true;
        break;
    case ErrorCode::UnknownMemberId:
    case ErrorCode::IllegalGeneration:
        resetGeneration(error == ErrorCode::UnknownMemberId, QStringLiteral("heartbeat: ") + errorName(error));
        rejoinNeeded = true;
        transitionTo(MemberState::Unjoined, QStringLiteral("heartbeat: ") + errorName(error));
        return; // no more heartbeats until rejoined
    default:
        qCInfo(lcConsumer).noquote() << config.clientId << "heartbeat failed:" << errorName(error);
        break;
    }
    scheduleHeartbeat();
}

void Consumer::Private::armPollTimeout()
{
    if (pollTimeoutTimer)
        clock.cancel(pollTimeoutTimer);
    pollTimeoutTimer = 0;
    if (!inGroup())
        return;
    std::weak_ptr<int> alive = token;
    pollTimeoutTimer = clock.schedule(config.maxPollIntervalMs, [this, alive] {
        if (!alive.lock())
            return;
        pollTimeoutTimer = 0;
        onPollTimeout();
    });
}

void Consumer::Private::onPollTimeout()
{
    if (!inGroup() || (!membership && memberId.isEmpty()))
        return;
    qCWarning(lcConsumer).noquote() << QStringLiteral(
        "consumer %1: consumer poll timeout has expired: the time between poll() calls exceeded "
        "max.poll.interval.ms (%2 ms); leaving the group")
                                           .arg(config.clientId)
                                           .arg(config.maxPollIntervalMs);
    if (membership) {
        membership->onPollTimeout();
        return;
    }
    leaveGroup(QStringLiteral("consumer poll timeout has expired."));
    rejoinNeeded = true;
}

void Consumer::Private::leaveGroup(const QString &reason)
{
    if (heartbeatTimer) {
        clock.cancel(heartbeatTimer);
        heartbeatTimer = 0;
    }
    if (coordinator && !memberId.isEmpty())
        coordinator->leaveGroup(groupId(), {LeavingMember {memberId, {}, reason}});
    ++joinSeq; // replies to a join in flight no longer concern us
    resetGeneration(true, reason);
    transitionTo(MemberState::Unjoined, reason);
}

// ---- offsets ------------------------------------------------------------------------------------------------

QMap<TopicPartition, qint64> Consumer::Private::consumedPositions() const
{
    QMap<TopicPartition, qint64> out;
    for (auto it = assigned.cbegin(); it != assigned.cend(); ++it)
        if (it->position)
            out.insert(it.key(), *it->position);
    return out;
}

void Consumer::Private::maybeAutoCommit(bool force)
{
    if (!config.enableAutoCommit || !config.groupId || !coordinator)
        return;
    const qint64 now = clock.nowMs();
    if (!force && now < nextAutoCommitMs)
        return;
    nextAutoCommitMs = now + config.autoCommitIntervalMs;
    const auto positions = consumedPositions();
    if (positions.isEmpty())
        return;
    QString why;
    const ErrorCode error = commit(positions, &why);
    if (error != ErrorCode::None)
        qCInfo(lcConsumer).noquote() << config.clientId << "auto-commit failed:" << why;
}

ErrorCode Consumer::Private::commit(const QMap<TopicPartition, qint64> &offsets, QString *why)
{
    if (!config.groupId || !coordinator) {
        if (why)
            *why = QStringLiteral("committing offsets needs a group.id and a coordinator");
        return ErrorCode::InvalidGroupId;
    }
    OffsetCommitRequest request;
    request.groupId = groupId();
    // A subscribed member commits with its generation (the coordinator checks it); assign() users commit as
    // a standalone consumer (generation -1, no member id), as Java does.
    if (mode == Mode::Subscribed && membership) {
        // OffsetCommit v9's fields: the member epoch, and GROUP_ID_NOT_FOUND for a group the broker lost.
        request.generationId = membership->memberEpoch();
        request.memberId = membership->memberId();
        request.unknownGroupIsNotFound = true;
    } else if (mode == Mode::Subscribed) {
        request.generationId = generationId;
        request.memberId = memberId;
    }
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it)
        request.offsets.push_back(CommittedOffset {it.key(), it.value(), -1, QString(), -1});
    const auto results = coordinator->commitOffsets(request);
    for (const PartitionResult &r : results) {
        if (r.error != ErrorCode::None) {
            if (why) {
                *why = QStringLiteral("commit of %1 failed: %2").arg(r.topicPartition.toString(), errorName(r.error));
                if (r.error == ErrorCode::IllegalGeneration || r.error == ErrorCode::UnknownMemberId)
                    *why += QStringLiteral(" (the group has already rebalanced and assigned the partitions to "
                                           "another member: CommitFailedException)");
            }
            return r.error;
        }
    }
    qCDebug(lcConsumer).noquote() << config.clientId << "committed" << offsets.size() << "offsets";
    return ErrorCode::None;
}

void Consumer::Private::updateFetchPositions(std::vector<PartitionError> &errors)
{
    QList<TopicPartition> missing;
    for (auto it = assigned.cbegin(); it != assigned.cend(); ++it)
        if (!it->position)
            missing << it.key();
    if (missing.isEmpty())
        return;
    QMap<TopicPartition, qint64> committedOffsets;
    if (config.groupId && coordinator) {
        const OffsetFetchResult fetched = coordinator->fetchOffsets(groupId(), missing);
        for (const CommittedOffset &c : fetched.offsets)
            if (c.offset >= 0)
                committedOffsets.insert(c.topicPartition, c.offset);
    }
    fetcher.resolvePositions(assigned, committedOffsets, errors);
}

// ---- public API ---------------------------------------------------------------------------------------------

Consumer::Consumer(ConsumerConfig config, Clock &clock, LogManager &log, GroupCoordinator *coordinator)
    : d(std::make_unique<Private>(std::move(config), clock, log, coordinator))
{ }

Consumer::~Consumer()
{
    d->token.reset();
    d->cancelTimers();
}

ErrorCode Consumer::assign(const QList<TopicPartition> &partitions)
{
    if (d->state == MemberState::Closed || d->state == MemberState::Crashed)
        return ErrorCode::InvalidRequest;
    if (d->mode == Private::Mode::Subscribed)
        unsubscribe();
    d->mode = Private::Mode::Assigned;
    FetchPositions next;
    for (const TopicPartition &tp : partitions)
        next.insert(tp, d->assigned.value(tp));
    d->assigned = next;
    return ErrorCode::None;
}

ErrorCode Consumer::subscribe(const QStringList &topics, ConsumerRebalanceListener listener)
{
    if (d->state == MemberState::Closed || d->state == MemberState::Crashed)
        return ErrorCode::InvalidRequest;
    if (!d->config.groupId || d->config.groupId->isEmpty() || !d->coordinator)
        return ErrorCode::InvalidGroupId;
    if (d->mode == Private::Mode::Assigned)
        d->assigned.clear();
    QStringList sortedTopics = topics;
    sortedTopics.sort();
    sortedTopics.removeDuplicates();
    const bool changed = d->mode != Private::Mode::Subscribed || sortedTopics != d->subscription;
    d->mode = Private::Mode::Subscribed;
    d->subscription = sortedTopics;
    d->listener = std::move(listener);
    d->fatalError.reset();
    if (d->config.groupProtocol == ConsumerGroupProtocol::Consumer) {
        if (!d->membership || d->membership->fatalError())
            d->startMembership();
        d->membership->setSubscription(sortedTopics); // sent with the next heartbeat
        return ErrorCode::None;
    }
    if (changed)
        d->rejoinNeeded = true;
    return ErrorCode::None;
}

void Consumer::unsubscribe()
{
    if (d->mode != Private::Mode::Subscribed)
        return;
    const QString reason = QStringLiteral("the consumer unsubscribed from all topics");
    if (d->membership) {
        d->membership->leave(reason); // revokes through the hooks
        d->membership.reset();
    } else {
        const QList<TopicPartition> current = d->owned();
        if (!current.isEmpty()) {
            if (d->generationId != NoGeneration)
                d->invokeRevoked(current);
            else
                d->invokeLost(current);
        }
        d->leaveGroup(reason);
    }
    d->assigned.clear();
    d->partitionsLost = false;
    d->subscription.clear();
    d->mode = Private::Mode::None;
    d->rejoinNeeded = false;
    if (d->pollTimeoutTimer) {
        d->clock.cancel(d->pollTimeoutTimer);
        d->pollTimeoutTimer = 0;
    }
}

QList<TopicPartition> Consumer::assignment() const
{
    return d->owned();
}
QStringList Consumer::subscription() const
{
    return d->subscription;
}

PollResult Consumer::poll()
{
    PollResult result;
    if (d->state == MemberState::Closed || d->state == MemberState::Crashed || d->stalled)
        return result;
    d->lastPollMs = d->clock.nowMs();
    if (d->inGroup()) {
        d->armPollTimeout();
        if (d->membership) {
            d->membership->poll();
            if (const auto fatal = d->membership->fatalError())
                result.errors.push_back(PartitionError {{}, fatal->first, fatal->second});
            else if (d->membership->memberEpoch() > 0)
                d->maybeAutoCommit(false);
        } else if (d->fatalError) {
            result.errors.push_back(*d->fatalError);
        } else {
            const bool idle = d->state == MemberState::Unjoined || d->state == MemberState::Stable;
            if (idle && (d->rejoinNeeded || d->partitionsLost || d->memberId.isEmpty()))
                d->startJoin(d->memberId.isEmpty() ? QStringLiteral("joining the group")
                                                   : QStringLiteral("rejoining: the group is rebalancing"));
            if (d->state == MemberState::Stable)
                d->maybeAutoCommit(false);
        }
    } else if (d->mode == Private::Mode::Assigned) {
        d->maybeAutoCommit(false);
    }
    d->updateFetchPositions(result.errors);
    d->fetcher.fetch(d->assigned, result);
    return result;
}

std::optional<qint64> Consumer::position(const TopicPartition &tp)
{
    if (!d->assigned.contains(tp))
        return std::nullopt;
    std::vector<PartitionError> errors;
    d->updateFetchPositions(errors);
    return d->assigned.value(tp).position;
}

std::optional<qint64> Consumer::committed(const TopicPartition &tp) const
{
    if (!d->config.groupId || !d->coordinator)
        return std::nullopt;
    const OffsetFetchResult r = d->coordinator->fetchOffsets(d->groupId(), QList<TopicPartition> {tp});
    for (const CommittedOffset &c : r.offsets)
        if (c.topicPartition == tp && c.offset >= 0)
            return c.offset;
    return std::nullopt;
}

ErrorCode Consumer::commitSync(QString *why)
{
    const auto positions = d->consumedPositions();
    if (positions.isEmpty())
        return ErrorCode::None;
    return d->commit(positions, why);
}

ErrorCode Consumer::commitSync(const QMap<TopicPartition, qint64> &offsets, QString *why)
{
    return d->commit(offsets, why);
}

void Consumer::seek(const TopicPartition &tp, qint64 offset)
{
    auto it = d->assigned.find(tp);
    if (it != d->assigned.end())
        it->position = offset;
}

void Consumer::seekToBeginning(const QList<TopicPartition> &partitions)
{
    for (const TopicPartition &tp : partitions) {
        auto it = d->assigned.find(tp);
        if (it == d->assigned.end())
            continue;
        const OffsetAndTimestamp o = d->log.offsetForTimestamp(tp, -2);
        if (o.error == ErrorCode::None)
            it->position = o.offset;
    }
}

void Consumer::seekToEnd(const QList<TopicPartition> &partitions)
{
    for (const TopicPartition &tp : partitions) {
        auto it = d->assigned.find(tp);
        if (it == d->assigned.end())
            continue;
        const OffsetAndTimestamp o = d->log.offsetForTimestamp(tp, -1);
        if (o.error == ErrorCode::None)
            it->position = o.offset;
    }
}

void Consumer::pause(const QList<TopicPartition> &partitions)
{
    for (const TopicPartition &tp : partitions)
        if (auto it = d->assigned.find(tp); it != d->assigned.end())
            it->paused = true;
}

void Consumer::resume(const QList<TopicPartition> &partitions)
{
    for (const TopicPartition &tp : partitions)
        if (auto it = d->assigned.find(tp); it != d->assigned.end())
            it->paused = false;
}

QList<TopicPartition> Consumer::paused() const
{
    QList<TopicPartition> out;
    for (auto it = d->assigned.cbegin(); it != d->assigned.cend(); ++it)
        if (it->paused)
            out << it.key();
    return out;
}

void Consumer::close()
{
    if (d->state == MemberState::Closed || d->state == MemberState::Crashed)
        return;
    if (d->inGroup() && d->membership) {
        d->membership->leave(QStringLiteral("the consumer is being closed")); // commits and revokes (hooks)
        d->assigned.clear();
    } else if (d->inGroup()) {
        if (d->generationId != NoGeneration && d->state == MemberState::Stable)
            d->maybeAutoCommit(true);
        const QList<TopicPartition> current = d->owned();
        if (!current.isEmpty()) {
            if (d->generationId != NoGeneration && !d->partitionsLost)
                d->invokeRevoked(current);
            else
                d->invokeLost(current);
        }
        d->assigned.clear();
        d->leaveGroup(QStringLiteral("the consumer is being closed"));
    } else if (d->mode == Private::Mode::Assigned) {
        d->maybeAutoCommit(true);
    }
    d->transitionTo(MemberState::Closed, QStringLiteral("close()"));
    d->token.reset();
    d->cancelTimers();
}

void Consumer::crash()
{
    if (d->state == MemberState::Closed || d->state == MemberState::Crashed)
        return;
    d->transitionTo(MemberState::Crashed, QStringLiteral("crash(): no commit, no LeaveGroup"));
    if (d->membership)
        d->membership->stop();
    d->token.reset();
    d->cancelTimers();
}

void Consumer::stall()
{
    d->stalled = true;
}

void Consumer::unstall()
{
    d->stalled = false;
}

bool Consumer::isStalled() const
{
    return d->stalled;
}
Consumer::MemberState Consumer::state() const
{
    if (d->membership && d->state != MemberState::Closed && d->state != MemberState::Crashed)
        return d->membershipState();
    return d->state;
}
QString Consumer::memberId() const
{
    return d->membership ? d->membership->memberId() : d->memberId;
}
qint32 Consumer::generationId() const
{
    return d->membership ? d->membership->memberEpoch() : d->generationId;
}
QString Consumer::protocolName() const
{
    return d->membership ? d->config.groupRemoteAssignor.value_or(QString()) : d->protocolName;
}
const ConsumerConfig &Consumer::config() const
{
    return d->config;
}

QString Consumer::dump() const
{
    return QStringLiteral("consumer %1 group %2: %3 %4=%5 member=%6 assigned=%7")
        .arg(d->config.clientId, d->groupId(), stateName(state()),
            d->membership ? QStringLiteral("epoch") : QStringLiteral("gen"))
        .arg(generationId())
        .arg(memberId(), listString(sorted(d->owned())));
}

} // namespace topicscope::engine
