#include "consumergroupmembership.h"

#include "group/groupcoordinator.h"

#include <QLoggingCategory>
#include <algorithm>

namespace topicscope::engine {

namespace {
Q_LOGGING_CATEGORY(lcMembership, "topicscope.engine.client")

QList<TopicPartition> sortedList(const QSet<TopicPartition> &set)
{
    QList<TopicPartition> list(set.cbegin(), set.cend());
    std::sort(list.begin(), list.end());
    return list;
}

QMap<QString, QList<int>> toWire(const QSet<TopicPartition> &set)
{
    QMap<QString, QList<int>> out;
    for (const TopicPartition &tp : sortedList(set))
        out[tp.topic].append(tp.partition);
    return out;
}

QSet<TopicPartition> fromWire(const QMap<QString, QList<int>> &assignment)
{
    QSet<TopicPartition> out;
    for (auto it = assignment.cbegin(); it != assignment.cend(); ++it) {
        for (int partition : it.value())
            out.insert(TopicPartition {it.key(), partition});
    }
    return out;
}
} // namespace

QString ConsumerGroupMembership::partitionsText(const QList<TopicPartition> &partitions)
{
    QStringList parts;
    for (const TopicPartition &tp : partitions)
        parts << tp.toString();
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

QString ConsumerGroupMembership::stateName(State state)
{
    switch (state) {
    case State::Unjoined:
        return QStringLiteral("Unjoined");
    case State::Joining:
        return QStringLiteral("Joining");
    case State::Reconciling:
        return QStringLiteral("Reconciling");
    case State::Acknowledging:
        return QStringLiteral("Acknowledging");
    case State::Stable:
        return QStringLiteral("Stable");
    case State::Fenced:
        return QStringLiteral("Fenced");
    case State::Stale:
        return QStringLiteral("Stale");
    case State::Left:
        return QStringLiteral("Left");
    case State::Fatal:
        return QStringLiteral("Fatal");
    }
    return {};
}

ConsumerGroupMembership::ConsumerGroupMembership(ConsumerGroupMembershipSettings settings, Clock &clock,
    GroupCoordinator &coordinator, ConsumerGroupMembershipHooks hooks)
    : m_settings(std::move(settings))
    , m_clock(clock)
    , m_coordinator(coordinator)
    , m_hooks(std::move(hooks))
{ }

ConsumerGroupMembership::~ConsumerGroupMembership()
{
    stop();
}

QList<TopicPartition> ConsumerGroupMembership::owned() const
{
    return sortedList(m_owned);
}

void ConsumerGroupMembership::setSubscription(const QStringList &topics)
{
    m_subscription = topics;
    m_subscription.sort();
    m_subscription.removeDuplicates();
}

void ConsumerGroupMembership::transitionTo(State next, const QString &reason)
{
    if (m_state == next)
        return;
    qCInfo(lcMembership).noquote() << QStringLiteral("consumer %1 group %2 (consumer protocol): %3 -> %4: %5")
                                          .arg(m_settings.clientId, m_settings.groupId, stateName(m_state),
                                              stateName(next), reason);
    m_state = next;
}

void ConsumerGroupMembership::poll()
{
    if (m_state == State::Fatal || m_state == State::Left)
        return;
    if (m_state == State::Fenced || m_state == State::Stale) {
        loseAll();
        transitionTo(State::Unjoined, QStringLiteral("rejoining with epoch 0"));
    }
    if (m_state == State::Unjoined && !m_subscription.isEmpty()) {
        m_memberEpoch = 0;
        transitionTo(State::Joining, QStringLiteral("joining the group"));
        sendHeartbeat(true);
    }
    if (m_state == State::Reconciling)
        reconcile();
}

void ConsumerGroupMembership::reconcile()
{
    if (!m_target)
        return;
    const QSet<TopicPartition> target = *std::exchange(m_target, std::nullopt);
    const QList<TopicPartition> revoked = sortedList(m_owned - target);
    const QList<TopicPartition> added = sortedList(target - m_owned);
    // Revoke first: the partitions go back before the new ones are taken on, and the coordinator hands them to
    // their next owner only after this member's heartbeat says they are gone.
    if (!revoked.isEmpty() && m_hooks.revoke)
        m_hooks.revoke(revoked);
    m_owned = target;
    if (!added.isEmpty() && m_hooks.assign)
        m_hooks.assign(added);
    transitionTo(State::Acknowledging,
        QStringLiteral("epoch %1: owns %2 (revoked %3, added %4)")
            .arg(m_memberEpoch)
            .arg(partitionsText(sortedList(m_owned)), partitionsText(revoked), partitionsText(added)));
    sendHeartbeat(false);
}

void ConsumerGroupMembership::sendHeartbeat(bool joining)
{
    cancelHeartbeat();
    ConsumerGroupHeartbeatRequest request;
    request.groupId = m_settings.groupId;
    request.memberId = m_memberId;
    request.memberEpoch = joining ? 0 : m_memberEpoch;
    request.clientId = m_settings.clientId;
    request.clientHost = QStringLiteral("in-app");
    if (joining) {
        request.rebalanceTimeoutMs = m_settings.rebalanceTimeoutMs;
        request.serverAssignor = m_settings.serverAssignor;
        m_sentSubscription.reset();
        m_sentOwned = QSet<TopicPartition> {};
        request.ownedPartitions = QMap<QString, QList<int>> {};
    } else if (m_sentOwned != m_owned) {
        request.ownedPartitions = toWire(m_owned);
        m_sentOwned = m_owned;
    }
    if (m_sentSubscription != m_subscription) {
        request.subscribedTopicNames = m_subscription;
        m_sentSubscription = m_subscription;
    }
    handle(m_coordinator.consumerGroupHeartbeat(request));
}

void ConsumerGroupMembership::handle(const ConsumerGroupHeartbeatResponse &response)
{
    switch (response.error) {
    case ErrorCode::None:
        break;
    case ErrorCode::FencedMemberEpoch:
    case ErrorCode::UnknownMemberId:
        // Every partition may already belong to someone else: lost at the next poll, which rejoins with epoch 0.
        m_target.reset();
        m_sentOwned.reset();
        transitionTo(State::Fenced,
            errorName(response.error) + QStringLiteral(": ") + response.errorMessage.value_or(QString()));
        return;
    case ErrorCode::CoordinatorNotAvailable:
    case ErrorCode::NotCoordinator:
    case ErrorCode::CoordinatorLoadInProgress:
        m_sentSubscription.reset(); // send it all again with the retry
        m_sentOwned.reset();
        scheduleHeartbeat(m_settings.retryBackoffMs);
        return;
    default:
        m_fatal = std::pair {response.error,
            QStringLiteral("ConsumerGroupHeartbeat failed: %1: %2")
                .arg(errorName(response.error), response.errorMessage.value_or(QString()))};
        transitionTo(State::Fatal, m_fatal->second);
        return;
    }
    m_memberId = response.memberId;
    m_memberEpoch = response.memberEpoch;
    if (response.heartbeatIntervalMs > 0)
        m_heartbeatIntervalMs = response.heartbeatIntervalMs;
    if (response.assignment) {
        const QSet<TopicPartition> target = fromWire(*response.assignment);
        if (target != m_owned) {
            m_target = target;
            transitionTo(State::Reconciling,
                QStringLiteral("epoch %1: assigned %2").arg(m_memberEpoch).arg(partitionsText(sortedList(target))));
        } else {
            m_target.reset();
        }
    }
    if (!m_target && (m_state == State::Joining || m_state == State::Acknowledging || m_state == State::Reconciling))
        transitionTo(
            State::Stable, QStringLiteral("epoch %1: owns %2").arg(m_memberEpoch).arg(partitionsText(owned())));
    scheduleHeartbeat(m_heartbeatIntervalMs);
}

void ConsumerGroupMembership::scheduleHeartbeat(qint64 delayMs)
{
    cancelHeartbeat();
    std::weak_ptr<int> alive = m_token;
    m_heartbeatTimer = m_clock.schedule(delayMs, [this, alive] {
        if (!alive.lock())
            return;
        m_heartbeatTimer = 0;
        if (m_state == State::Joining || m_state == State::Reconciling || m_state == State::Acknowledging
            || m_state == State::Stable)
            sendHeartbeat(m_state == State::Joining);
    });
}

void ConsumerGroupMembership::cancelHeartbeat()
{
    if (m_heartbeatTimer)
        m_clock.cancel(m_heartbeatTimer);
    m_heartbeatTimer = 0;
}

void ConsumerGroupMembership::loseAll()
{
    const QList<TopicPartition> lost = owned();
    m_owned.clear();
    m_target.reset();
    if (!lost.isEmpty() && m_hooks.lose)
        m_hooks.lose(lost);
}

void ConsumerGroupMembership::leave(const QString &reason)
{
    if (m_state == State::Left)
        return;
    cancelHeartbeat();
    const bool inGroup = m_state == State::Joining || m_state == State::Reconciling || m_state == State::Acknowledging
        || m_state == State::Stable;
    if (m_state == State::Fenced || m_state == State::Stale) {
        loseAll();
    } else {
        const QList<TopicPartition> current = owned();
        m_owned.clear();
        m_target.reset();
        if (!current.isEmpty() && m_hooks.revoke)
            m_hooks.revoke(current);
    }
    if (inGroup)
        sendLeave();
    m_memberEpoch = -1;
    transitionTo(State::Left, reason);
}

void ConsumerGroupMembership::onPollTimeout()
{
    if (m_state != State::Joining && m_state != State::Reconciling && m_state != State::Acknowledging
        && m_state != State::Stable)
        return;
    cancelHeartbeat();
    sendLeave();
    m_memberEpoch = 0;
    m_target.reset();
    transitionTo(State::Stale,
        QStringLiteral("consumer poll timeout has expired: left the group; its partitions are lost at the next poll"));
}

void ConsumerGroupMembership::sendLeave()
{
    if (m_memberId.isEmpty())
        return;
    ConsumerGroupHeartbeatRequest request;
    request.groupId = m_settings.groupId;
    request.memberId = m_memberId;
    request.memberEpoch = -1;
    request.clientId = m_settings.clientId;
    request.clientHost = QStringLiteral("in-app");
    // The answer carries nothing the member needs: it is out of the group either way.
    m_coordinator.consumerGroupHeartbeat(request);
}

void ConsumerGroupMembership::stop()
{
    cancelHeartbeat();
    m_token = std::make_shared<int>(0);
}

} // namespace topicscope::engine
