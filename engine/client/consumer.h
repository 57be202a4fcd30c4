#pragma once

#include "client/serializer.h"
#include "clientoptions.h"
#include "core/clock.h"
#include "errorcode.h"
#include "record.h"
#include "topicpartition.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace topicscope::engine {

class GroupCoordinator;
class LogManager;

// Consumer settings, with Kafka's names and defaults (ConsumerConfig, Kafka 3.x).
struct ConsumerConfig {
    QString clientId = QStringLiteral("consumer-1"); // client.id
    std::optional<QString> groupId; // group.id; needed by subscribe() and commits
    OffsetResetPolicy autoOffsetReset = OffsetResetPolicy::Latest; // auto.offset.reset
    bool enableAutoCommit = true; // enable.auto.commit
    qint64 autoCommitIntervalMs = 5000; // auto.commit.interval.ms
    qint32 sessionTimeoutMs = 45000; // session.timeout.ms
    qint64 heartbeatIntervalMs = 3000; // heartbeat.interval.ms
    qint32 maxPollIntervalMs = 300000; // max.poll.interval.ms (also the JoinGroup rebalance timeout)
    int maxPollRecords = 500; // max.poll.records
    qint64 fetchMaxBytes = 52428800; // fetch.max.bytes, per poll here
    qint64 maxPartitionFetchBytes = 1048576; // max.partition.fetch.bytes
    qint64 retryBackoffMs = 100; // retry.backoff.ms, between retries of a failed JoinGroup or heartbeat
    ConsumerGroupProtocol groupProtocol = ConsumerGroupProtocol::Classic; // group.protocol
    // group.remote.assignor: the server-side assignor asked for under the consumer protocol ("uniform", "range");
    // nullopt lets the broker choose. Under that protocol the session timeout and heartbeat interval are the
    // broker's (group.consumer.*), and partition.assignment.strategy is not used.
    std::optional<QString> groupRemoteAssignor;
    // partition.assignment.strategy, in preference order. Kafka 3.x default: range first, cooperative-sticky
    // second; the rebalance protocol is cooperative only if every listed assignor supports it.
    QStringList assignmentStrategies = {QStringLiteral("range"), QStringLiteral("cooperative-sticky")};
    SerdeFormat keyDeserializer = SerdeFormat::String; // key.deserializer
    SerdeFormat valueDeserializer = SerdeFormat::String; // value.deserializer
    bool keyAcceptsNull = true; // false: a null key is a per-record error
    bool valueAcceptsNull = true;
};

struct ConsumerRecord {
    QString topic;
    int partition = 0;
    qint64 offset = -1;
    qint64 timestamp = -1;
    TimestampType timestampType = TimestampType::CreateTime;
    std::optional<QByteArray> rawKey; // as stored
    std::optional<QByteArray> rawValue;
    std::optional<QVariant> key; // deserialized; nullopt for null (or when deserialization failed)
    std::optional<QVariant> value;
    QList<RecordHeader> headers;
    QString error; // why the key or value could not be deserialized; empty when both were
    TopicPartition topicPartition() const { return {topic, partition}; }
};

struct PartitionError {
    TopicPartition topicPartition; // empty topic for a group-level error
    ErrorCode error = ErrorCode::None;
    QString message;
};

struct PollResult {
    std::vector<ConsumerRecord> records;
    // e.g. OFFSET_OUT_OF_RANGE under auto.offset.reset=none, or a fatal JoinGroup error (group-level).
    std::vector<PartitionError> errors;
};

// Kafka's ConsumerRebalanceListener. onPartitionsLost unset: onPartitionsRevoked is called instead, as in
// Java's default method.
struct ConsumerRebalanceListener {
    std::function<void(const QList<TopicPartition> &)> onPartitionsRevoked;
    std::function<void(const QList<TopicPartition> &)> onPartitionsAssigned;
    std::function<void(const QList<TopicPartition> &)> onPartitionsLost;
};

// The in-app consumer. It reads from the LogManager and, for subscribe(), drives the GroupCoordinator exactly as
// a Java KafkaConsumer drives a broker's coordinator: JoinGroup ("consumer" protocol type, one protocol per
// assignor with a ConsumerProtocolSubscription v1 carrying owned partitions), MEMBER_ID_REQUIRED rejoin, the
// leader runs the chosen Assignor on the decoded subscriptions and sends the assignments in SyncGroup,
// heartbeats every heartbeat.interval.ms, eager or cooperative (KIP-429) revocation, auto-commit during poll(),
// and the proactive LeaveGroup when max.poll.interval.ms passes without a poll().
//
// With group.protocol=consumer it speaks Kafka 4's protocol instead (ConsumerGroupMembership).
//
// Event-driven and non-blocking: poll() returns the records available now. Group joining proceeds through the
// coordinator's replies (handled on the next clock tick, never re-entrantly) and clock timers; as in Java, a
// rebalance that the coordinator announces through a heartbeat is joined at the next poll().
// Functional core: time and timers from Clock. Lives on the engine thread.
class Consumer {
public:
    // Reconciling: consumer protocol only, a new assignment is being taken on (revoke, then assign, then confirm).
    enum class MemberState { Unjoined, Joining, Syncing, Reconciling, Stable, Closed, Crashed };
    static QString stateName(MemberState state);

    // coordinator may be null when the consumer only uses assign() without a group.
    Consumer(ConsumerConfig config, Clock &clock, LogManager &log, GroupCoordinator *coordinator = nullptr);
    ~Consumer(); // like crash(): no commit, no LeaveGroup (call close() for a clean exit)

    // Manual assignment: no group membership (commits, if any, use generation -1). Replaces a subscription.
    ErrorCode assign(const QList<TopicPartition> &partitions);
    // Group membership. INVALID_GROUP_ID without a group.id or coordinator.
    ErrorCode subscribe(const QStringList &topics, ConsumerRebalanceListener listener = {});
    // Revokes the owned partitions (listener) and leaves the group.
    void unsubscribe();
    QList<TopicPartition> assignment() const;
    QStringList subscription() const;

    PollResult poll();

    // The next offset to read; resolves it (committed offset or auto.offset.reset) if needed. nullopt when the
    // partition is not assigned or has no valid position (auto.offset.reset=none).
    std::optional<qint64> position(const TopicPartition &tp);
    // The group's committed offset, nullopt when there is none.
    std::optional<qint64> committed(const TopicPartition &tp) const;
    // Commits the current positions of all assigned partitions / the given offsets (next offset to read).
    ErrorCode commitSync(QString *why = nullptr);
    ErrorCode commitSync(const QMap<TopicPartition, qint64> &offsets, QString *why = nullptr);

    void seek(const TopicPartition &tp, qint64 offset);
    void seekToBeginning(const QList<TopicPartition> &partitions);
    void seekToEnd(const QList<TopicPartition> &partitions);
    void pause(const QList<TopicPartition> &partitions);
    void resume(const QList<TopicPartition> &partitions);
    QList<TopicPartition> paused() const;

    // Final auto-commit (if enabled), revocation callback, LeaveGroup.
    void close();
    // Stops dead: no commit, no LeaveGroup, no more heartbeats. The session timeout must remove the member.
    void crash();
    // The application stops calling poll() (stuck processing). Heartbeats go on; after max.poll.interval.ms the
    // consumer leaves the group, as Java's heartbeat thread does. poll() does nothing until unstall().
    void stall();
    void unstall();
    bool isStalled() const;

    MemberState state() const;
    QString memberId() const;
    qint32 generationId() const; // the member epoch under the consumer protocol
    QString protocolName() const; // the assignor the group chose (classic) / asked for (consumer protocol)
    const ConsumerConfig &config() const;
    // One line for logs and tests: "consumer c-1 group g: Stable gen=2 member=c-1-1 assigned=[t-0,t-1]".
    QString dump() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace topicscope::engine
