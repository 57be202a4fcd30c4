#pragma once

#include "brokernode.h"
#include "errorcode.h"
#include "groupdescription.h"
#include "groupgeneration.h"
#include "topicinfo.h"
#include "topicpartition.h"
#include "wireexchange.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace topicscope::engine {

// Append rate of one partition over the last few seconds, computed on the engine thread from BatchAppended.
struct PartitionRate {
    double recordsPerSecond = 0;
    double bytesPerSecond = 0;
    bool operator==(const PartitionRate &) const = default;
};

// Where a group stands on one partition: Kafka's kafka-consumer-groups --describe line.
struct GroupPartitionOffset {
    TopicPartition topicPartition;
    qint64 committedOffset = -1; // -1 = nothing committed
    qint64 logEndOffset = 0;
    qint64 lag = -1; // logEndOffset - committedOffset; -1 when nothing is committed
    QString memberId; // the member it is assigned to, "" when none
    bool operator==(const GroupPartitionOffset &) const = default;
};

// Offsets, lag and decoded assignment of one group.
struct GroupOffsets {
    QString groupId;
    QMap<QString, QList<TopicPartition>> assignment; // memberId -> partitions (protocol type "consumer")
    QList<GroupPartitionOffset> partitions; // committed or assigned, sorted by topic and partition
    qint64 totalLag = 0; // sum of the known lags
};

// The version of one API a wire client used last.
struct WireApiVersion {
    qint16 apiKey = -1;
    QString api; // "Produce"
    qint16 version = -1;
    bool operator==(const WireApiVersion &) const = default;
};

// One connection of a Kafka client to the broker's listener, and what the broker saw it do (ClientActivity,
// from the requests it answered). Rates are per second over the last few seconds; totals since the connection's
// first request.
struct WireClient {
    quint64 connectionId = 0; // the listener's running number, unique while the broker runs
    QString peer; // "127.0.0.1:53122"
    QString clientId; // the client.id of its last request; "" before any or when the client sends none
    qint64 connectedSinceMs = 0; // its first request (or when the broker first listed it), broker clock
    qint64 lastRequestMs = 0; // 0 = none yet
    // Roles seen: what the client did on this connection.
    bool produces = false; // Produce
    bool fetches = false; // Fetch
    bool admin = false; // topic, config, group or record administration (CreateTopics, DescribeGroups, ...)
    QString groupId; // a consumer group it is a member of ("" when none): JoinGroup, SyncGroup, Heartbeat
    QString memberId;
    int generation = -1;
    qint64 requests = 0;
    qint64 bytesIn = 0; // request bytes, as the broker read them
    qint64 bytesOut = 0; // response bytes, with their size field
    double requestsPerSecond = 0;
    double bytesInPerSecond = 0;
    double bytesOutPerSecond = 0;
    QList<WireApiVersion> apiVersions; // by API key: the version last used of each API
    // The last answer that carried an error: which API, Kafka's error and when (lastErrorMs 0 = none).
    QString lastErrorApi;
    ErrorCode lastError = ErrorCode::None;
    qint64 lastErrorMs = 0;
    bool operator==(const WireClient &) const = default;
};

// An immutable picture of the broker, built on the engine thread and handed to the GUI thread by value.
// Published at most a few times per second, only when something changed (and about once a second while rates
// decay to zero).
struct BrokerSnapshot {
    qint64 takenAtMs = 0;
    QString dataDirectory; // empty when in memory
    bool inMemory = false;
    QList<TopicInfo> topics;
    // False when topics changed faster than the engine describes them in one snapshot (a start on, or the creation
    // of, hundreds of thousands of partitions): some are then as in a previous snapshot, or not listed yet, and a
    // following snapshot, published soon after, brings them.
    bool topicsComplete = true;
    QList<GroupDescription> groups;
    qint64 recordsAppended = 0; // since start
    qint64 batchesAppended = 0;
    // Filled in by the facade on the engine thread.
    QHash<TopicPartition, PartitionRate> partitionRates; // partitions with recent appends only
    QList<GroupOffsets> groupOffsets; // same order as groups
    // Every group's rebalance history, as far as it was seen (GenerationHistory): the embedded broker's from its
    // coordinator, a remote cluster's from polling and __consumer_offsets. Bounded (GroupHistory's limits).
    GroupHistory groupHistory;
    double recordsInPerSecond = 0;
    // Consumption per partition, summed over the groups: how fast committed offsets advance (records/s over
    // the last 10 s). Commits are what the broker sees of every consumer, in-app or wire, and lag is measured
    // against them, so produce rate - consume rate is the lag's slope. Partitions with recent commits only.
    QHash<TopicPartition, double> partitionConsumeRates;
    double recordsConsumedPerSecond = 0; // sum of partitionConsumeRates
    // The Kafka listener: its address ("127.0.0.1:9092"), empty when none runs; then listenerError says why
    // when one was configured.
    QString listenAddress;
    QString listenerError;
    QList<WireClient> wireClients; // by connection id
    // The protocol lane: the requests the listener answered since the previous snapshot, oldest first. Bounded:
    // at most MaxExchanges (the newest ones) per snapshot, so that a flood of requests (100k records/s in small
    // batches) costs the GUI thread a bounded amount per update; exchangesDropped says how many older ones were
    // left out since the previous snapshot. Each exchange is in exactly one snapshot.
    static constexpr int MaxExchanges = 1000;
    QList<WireExchange> exchanges;
    qint64 exchangesDropped = 0;
    // Kafka's cluster id: the one the embedded broker keeps in its data directory (fresh for each in-memory broker),
    // or the one a remote cluster reports (empty until it answered). It keys the charts' history file.
    QString clusterId;
    // A remote cluster's own picture (RemoteCluster); empty for the embedded broker. connectionError says, in
    // plain words, why the last poll could not reach the cluster (the rest of the snapshot is then the last one
    // that could be read, or empty).
    int controllerId = -1;
    QList<BrokerNode> brokers; // by id
    QString connectionError;
};

} // namespace topicscope::engine

Q_DECLARE_METATYPE(topicscope::engine::BrokerSnapshot)
