#pragma once

#include "clientoptions.h"
#include "localizedtext.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace topicscope::engine {

// The parts of a workshop scenario (sim/scenario.h, docs/scenarios.md) as plain values: its topics, in-app clients,
// timed actions and expected outcomes. The flow view builds steps and clients from them to act on a running world.
struct ScenarioTopic {
    QString name;
    int partitions = 1;
    qint64 retentionMs = -1; // -1: keep forever, so only deleteRecordsBefore removes records
};

// A record key as a scenario spells it: a string, or null.
using ScenarioKey = std::optional<QString>;

struct ScenarioProducer {
    QString id;
    QString topic; // default topic of its produce steps and of its rate
    PartitionerKind partitioner = PartitionerKind::BuiltIn;
    SerdeFormat keySerializer = SerdeFormat::String;
    SerdeFormat valueSerializer = SerdeFormat::String;
    int batchSize = 16384;
    qint64 lingerMs = 0;
    double rate = 0; // records per second produced from time 0 until stopProducer; 0 = only produce steps
    QList<ScenarioKey> keys; // keys cycled by the rate; empty = null keys
    std::optional<QString> value = QStringLiteral("{producer}-{n}"); // template; nullopt = null value
};

// When a consumer commits what it polled.
enum class ScenarioCommitMode {
    Auto, // enable.auto.commit=true: positions are committed during a later poll() every interval
    AfterProcessing, // commitSync() once the polled batch is processed: at-least-once without loss
    AfterEachRecord, // commitSync({tp: offset + 1}) after every record: the smallest window, the most commits
    BeforeProcessing, // commitSync() right after poll(), then process: a crash loses the rest of the batch
};

struct ScenarioConsumer {
    QString id; // client.id
    std::optional<QString> group; // nullopt: assign() to every partition of its topics, no group
    QStringList topics;
    ConsumerGroupProtocol groupProtocol = ConsumerGroupProtocol::Classic;
    // partition.assignment.strategy (classic), or group.remote.assignor (consumer protocol: "uniform", "range").
    QString assignor = QStringLiteral("range");
    ScenarioCommitMode commit = ScenarioCommitMode::Auto;
    qint64 autoCommitIntervalMs = 5000;
    OffsetResetPolicy autoOffsetReset = OffsetResetPolicy::Latest;
    qint64 processingMs = 0; // per record
    int maxPollRecords = 500;
    qint32 sessionTimeoutMs = 10000; // classic only: the consumer protocol uses the broker's
    qint32 maxPollIntervalMs = 300000;
    qint64 heartbeatIntervalMs = 3000; // classic only
    SerdeFormat keyDeserializer = SerdeFormat::String;
    SerdeFormat valueDeserializer = SerdeFormat::String;
    bool keyAcceptsNull = true;
    bool valueAcceptsNull = true;
};

enum class ScenarioAction {
    Produce,
    StartProducer,
    StopProducer,
    StartConsumer,
    StopConsumer,
    CrashConsumer,
    StallConsumer,
    UnstallConsumer,
    AddPartitions,
    DeleteRecordsBefore,
    ResetOffsets,
    Pause,
    Caption,
};

struct ScenarioStep {
    qint64 atMs = 0; // from the start of the scenario ("after" is resolved while parsing)
    ScenarioAction action = ScenarioAction::Caption;
    QString path; // "steps[3]", for messages
    QString client; // producer or consumer id
    QString topic;
    std::optional<int> partition;
    int count = 1; // produce: records; addPartitions: the new partition count
    qint64 intervalMs = 0; // produce: time between records
    QList<ScenarioKey> keys; // produce: cycled; empty = null keys
    std::optional<QString> value; // produce: template; nullopt = null value
    bool hasValue = false;
    qint64 offset = -1; // deleteRecordsBefore: -1 = high watermark
    QString group; // resetOffsets
    QString resetTo; // resetOffsets: "earliest", "latest" or an offset
    LocalizedText text; // caption text, pause question
    LocalizedText answer; // pause: shown after the audience answered
};

// An outcome checked at the end of a run. Counts compare with equals / atLeast / atMost.
struct ScenarioExpectation {
    QString check; // "duplicates", "lost", "deserializationFailures", "processed", "produced",
                   // "assignment", "generation", "startOffset", "committed", "recordsPerPartition", "keyPartition"
    QString path; // "expect[2]"
    QString group;
    QString client;
    QString topic;
    std::optional<int> partition;
    std::optional<QString> key;
    bool hasKey = false;
    int generation = -1;
    std::optional<qint64> equals;
    std::optional<qint64> atLeast;
    std::optional<qint64> atMost;
    QList<qint64> equalsList; // recordsPerPartition
    QMap<QString, QStringList> assignment; // client id -> sorted "topic-partition" strings
};

struct ScenarioSettings {
    qint64 groupInitialRebalanceDelayMs = 0; // group.initial.rebalance.delay.ms (Kafka's default 3000 slows demos)
    // The broker's settings for consumer-protocol groups (Kafka's defaults).
    qint32 groupConsumerSessionTimeoutMs = 45000; // group.consumer.session.timeout.ms
    qint32 groupConsumerHeartbeatIntervalMs = 5000; // group.consumer.heartbeat.interval.ms
    qint64 tickMs = 100; // how often consumers poll, in virtual time
    qint64 settleMs = 20000; // run on after the last step (session timeouts must be able to expire)
    std::optional<qint64> durationMs; // overrides the end: last step + settleMs
    quint64 seed = 1; // producers' random source
};

} // namespace topicscope::engine
