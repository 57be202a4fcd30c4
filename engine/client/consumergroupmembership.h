#pragma once

#include "core/clock.h"
#include "errorcode.h"
#include "topicpartition.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace topicscope::engine {

class GroupCoordinator;
struct ConsumerGroupHeartbeatResponse;

// What a membership asks of the consumer it belongs to. Each call changes the consumer's assignment.
struct ConsumerGroupMembershipHooks {
    std::function<void(const QList<TopicPartition> &)> revoke; // commit if auto-commit, onPartitionsRevoked, drop
    std::function<void(const QList<TopicPartition> &)> assign; // add, onPartitionsAssigned
    std::function<void(const QList<TopicPartition> &)> lose; // onPartitionsLost, drop
};

struct ConsumerGroupMembershipSettings {
    QString groupId;
    QString clientId;
    std::optional<QString> serverAssignor; // group.remote.assignor
    qint32 rebalanceTimeoutMs = 300000; // max.poll.interval.ms, as Java sends it
    qint64 retryBackoffMs = 100;
};

// An in-app consumer's membership in a group under Kafka 4's consumer protocol (KIP-848), after Java's
// ConsumerMembershipManager and its heartbeat request manager:
// - the member joins at its first poll() after subscribe(), with epoch 0 and its whole subscription; the coordinator
//   names it (as for a v0 client) and answers with its epoch and the partitions it may own;
// - heartbeats go on every heartbeat interval the coordinator asked for, whether the application polls or not
//   (Java's background thread), carrying only what changed;
// - an assignment that differs from what the member owns is reconciled at the next poll(), on the application's
//   side as in Java: revoke first (the hooks commit and call onPartitionsRevoked), then take on the new
//   partitions, and confirm at once with a heartbeat listing what it owns now. A member that does not poll keeps
//   its partitions, and only the partitions it must give up wait for it (the coordinator fences it after the
//   rebalance timeout);
// - FENCED_MEMBER_EPOCH or UNKNOWN_MEMBER_ID: every partition is lost (onPartitionsLost at the next poll) and the
//   member rejoins with epoch 0 under the same member id;
// - leaving sends epoch -1; max.poll.interval.ms without a poll leaves too, and the next poll() rejoins.
// Functional core: time and timers from Clock. Lives on the engine thread with its consumer.
class ConsumerGroupMembership {
public:
    enum class State { Unjoined, Joining, Reconciling, Acknowledging, Stable, Fenced, Stale, Left, Fatal };
    static QString stateName(State state);
    static QString partitionsText(const QList<TopicPartition> &partitions); // "[t-0,t-1]", for log lines

    ConsumerGroupMembership(ConsumerGroupMembershipSettings settings, Clock &clock, GroupCoordinator &coordinator,
        ConsumerGroupMembershipHooks hooks);
    ~ConsumerGroupMembership(); // stops: no more heartbeats, nothing sent

    void setSubscription(const QStringList &topics); // sorted; sent with the next heartbeat if it changed
    // From the consumer's poll(): loses partitions of a fenced or stale member, joins, reconciles.
    void poll();
    // close() or unsubscribe(): revokes what it owns (hooks) and leaves with epoch -1.
    void leave(const QString &reason);
    // max.poll.interval.ms passed without a poll: leaves with epoch -1; the next poll() loses and rejoins.
    void onPollTimeout();
    void stop(); // crash(): no more heartbeats, nothing sent

    State state() const { return m_state; }
    QString memberId() const { return m_memberId; }
    qint32 memberEpoch() const { return m_memberEpoch; }
    QList<TopicPartition> owned() const; // sorted
    // A fatal heartbeat error (UNSUPPORTED_ASSIGNOR, GROUP_MAX_SIZE_REACHED, ...): the member stays out.
    std::optional<std::pair<ErrorCode, QString>> fatalError() const { return m_fatal; }

private:
    void transitionTo(State next, const QString &reason);
    void sendHeartbeat(bool joining);
    void handle(const ConsumerGroupHeartbeatResponse &response);
    void reconcile();
    void scheduleHeartbeat(qint64 delayMs);
    void cancelHeartbeat();
    void loseAll();
    void sendLeave(); // epoch -1

    ConsumerGroupMembershipSettings m_settings;
    Clock &m_clock;
    GroupCoordinator &m_coordinator;
    ConsumerGroupMembershipHooks m_hooks;
    std::shared_ptr<int> m_token = std::make_shared<int>(0); // timers hold a weak reference

    State m_state = State::Unjoined;
    QString m_memberId; // empty until the coordinator named the member
    qint32 m_memberEpoch = 0;
    qint64 m_heartbeatIntervalMs = 5000;
    QStringList m_subscription;
    QSet<TopicPartition> m_owned;
    std::optional<QSet<TopicPartition>> m_target; // the latest assignment not yet reconciled
    // What the last heartbeat carried: only changes are sent again.
    std::optional<QStringList> m_sentSubscription;
    std::optional<QSet<TopicPartition>> m_sentOwned;
    TimerId m_heartbeatTimer = 0;
    std::optional<std::pair<ErrorCode, QString>> m_fatal;
};

} // namespace topicscope::engine
