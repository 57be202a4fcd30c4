#pragma once

#include "scenarioevent.h"
#include "topicpartition.h"
#include "wireexchange.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace topicscope::engine {

// Value types the flow view draws: the simulated world of a running scenario at one instant of virtual time,
// built by ScenarioRunner::flowSnapshot() on the thread that plays it and handed to the GUI by value. Nothing
// here points into engine state.

// One offset cell of a partition's log strip.
struct FlowRecordCell {
    qint64 offset = -1;
    std::optional<QString> key; // the key as text (hex for bytes that are not UTF-8); nullopt = null key
    QString producer; // "" when not produced by a scenario producer
    qint64 timeMs = 0; // virtual ms since the start when it was appended
    bool operator==(const FlowRecordCell &) const = default;
};

struct FlowPartition {
    int partition = 0;
    qint64 logStartOffset = 0;
    qint64 highWatermark = 0;
    // The newest records, ascending by offset, at most FlowSnapshot::MaxCellsPerPartition; older ones are only
    // counted (logStartOffset .. tail.first().offset).
    QList<FlowRecordCell> tail;
    bool operator==(const FlowPartition &) const = default;
};

struct FlowTopic {
    QString name;
    QList<FlowPartition> partitions;
    bool operator==(const FlowTopic &) const = default;
};

struct FlowProducer {
    QString id;
    QString topic;
    QString partitioner; // "built-in", "round-robin", "uniform-sticky"
    QString keyPattern; // "fixed key \"k\"", "3 keys", "no key"
    double rate = 0; // records per virtual second while running
    bool running = false; // its rate is producing
    qint64 sent = 0;
    bool operator==(const FlowProducer &) const = default;
};

enum class FlowConsumerStatus {
    NotStarted,
    Joining, // in a rebalance, owns nothing yet
    // Kafka 4's consumer protocol: moving to a new assignment one heartbeat at a time (revoking before it is given
    // more) while it goes on processing what it still owns. Classic members have no such state: they stop at the
    // JoinGroup barrier (Joining).
    Reconciling,
    Running,
    Stalled, // the application stopped calling poll()
    Stopped, // closed gracefully
    Crashed,
};

struct FlowConsumer {
    QString id;
    QString group; // "" without a group
    QString assignor;
    QString commitMode; // "auto", "afterProcessing", "beforeProcessing"
    FlowConsumerStatus status = FlowConsumerStatus::NotStarted;
    QString memberId;
    int generation = -1;
    QList<TopicPartition> assignment; // sorted
    QMap<TopicPartition, qint64> positions; // next offset poll() returns
    int inFlight = 0; // polled, not yet processed
    int processed = 0;
    int duplicates = 0;
    int lost = 0;
    int deserializationFailures = 0;
    bool operator==(const FlowConsumer &) const = default;
};

struct FlowGroup {
    QString id;
    // Kafka's: classic groups Empty, PreparingRebalance, CompletingRebalance, Stable, Dead; consumer-protocol groups
    // Empty, Assigning, Reconciling, Stable, Dead
    QString state;
    QString type = QStringLiteral("classic"); // "classic" or "consumer" (Kafka 4's protocol, KIP-848)
    int generation = 0; // classic: the generation; consumer protocol: the group epoch
    QString protocol; // the assignor chosen for the generation (consumer protocol: the server-side assignor)
    QMap<TopicPartition, qint64> committed;
    QMap<TopicPartition, QString> owners; // consumer id per assigned partition, from the group's assignment
    bool operator==(const FlowGroup &) const = default;
};

// Something that moved since the previous snapshot: the view animates a token for each.
struct FlowMovement {
    enum class Kind {
        Produced, // client = producer, into topicPartition at offset
        Consumed, // client = consumer: processed (first time for its group)
        Duplicate, // client = consumer: processed again by the same group
        DeserializationFailed, // client = consumer: skipped
        Lost, // dropped by a crash, already committed: never processed
        Committed, // client = consumer, offset = the committed offset (next to read)
    };
    Kind kind = Kind::Produced;
    qint64 timeMs = 0;
    QString client;
    QString group;
    TopicPartition topicPartition;
    qint64 offset = -1;
    std::optional<QString> key;
    int records = 1; // a live batch or fetch answer: the records from offset on that the one token stands for
    bool operator==(const FlowMovement &) const = default;
};

// The world at one instant. Counters are totals since the start.
struct FlowSnapshot {
    static constexpr int MaxCellsPerPartition = 64;
    static constexpr int MaxMovements = 2000; // per snapshot; older ones are dropped (and counted)
    static constexpr int MaxRecentEvents = 200;

    quint64 sequence = 0; // increases with every snapshot of one run
    quint64 loadId = 0; // ScenarioPlayerState::loadId of the run it shows
    // The live broker's wire clients rather than a scenario world: producers and consumers are client connections
    // and group members, "processed" counts records fetched (the broker sees deliveries, not processing) and
    // "duplicates" records redelivered to a group.
    bool live = false;
    QString title;
    qint64 timeMs = 0; // virtual ms since the start
    qint64 endMs = -1; // -1: open-ended (sandbox)
    bool finished = false;

    QString caption; // the latest caption step, "" before the first
    QString question; // the pause step waiting for the audience, "" when none
    QString answer;

    QList<FlowTopic> topics;
    QList<FlowProducer> producers;
    QList<FlowConsumer> consumers;
    QList<FlowGroup> groups;

    QList<FlowMovement> movements; // since the previous snapshot, oldest first
    int movementsDropped = 0;
    QList<ScenarioEvent> recentEvents; // the last MaxRecentEvents events, oldest first
    int eventCount = 0; // all events so far (index of the next one)
    QList<ScenarioRebalance> rebalances; // all so far
    QList<ScenarioOwnership> ownership; // all intervals so far
    // When nobody processed a partition, from ownership until timeMs (TrailingGapRule::always(): what the timeline
    // shows).
    QList<OwnershipGap> gaps;

    // Live: the requests wire clients sent since the previous snapshot (the protocol lane), oldest first, at most
    // MaxExchanges; exchangesDropped counts the older ones left out.
    static constexpr int MaxExchanges = 1000;
    QList<WireExchange> exchanges;
    int exchangesDropped = 0;

    int produced = 0;
    int processed = 0;
    int duplicates = 0;
    int lost = 0;
    int deserializationFailures = 0;
};

// Everything known about one record: the "click a token" panel.
struct RecordJourney {
    bool found = false;
    QString error; // why not found
    TopicPartition topicPartition;
    qint64 offset = -1;
    qint64 timestamp = -1; // record timestamp (ms since the epoch)
    std::optional<QByteArray> keyBytes; // serialized, as stored; nullopt = null
    std::optional<QByteArray> valueBytes;
    QString keyText; // deserialized for display ("null", text, or hex)
    QString valueText;
    QString producer; // "" when unknown
    qint64 producedAtMs = -1; // virtual ms since the start
    QString partitionDecision; // the partitioner's explanation ("murmur2(\"alice\") % 3 = 1", ...)
    struct Step {
        qint64 timeMs = 0;
        QString what; // "polled by c1 (gen 2)", "processed by c1", "processed AGAIN by c2: duplicate",
                      // "committed by group g (offset 8)", "deserialization failed in c1: ..."
    };
    QList<Step> steps; // ascending time
};

// The same membership script played under each assignor (ScenarioRunner::compareAssignors).
struct AssignorRun {
    QString assignor;
    // "classic", or "consumer": Kafka 4's protocol, every grouped consumer with group.protocol=consumer and the
    // broker's assignor named above.
    QString groupProtocol = QStringLiteral("classic");
    QList<ScenarioRebalance> rebalances;
    QList<ScenarioOwnership> ownership;
    QList<OwnershipGap> gaps; // shown: until endMs, TrailingGapRule::always(); processingGapMs counts fewer
    int partitionsMoved = 0; // over all rebalances
    qint64 processingGapMs = 0; // sum over partitions of the time nobody owned them, after first assignment
    int duplicates = 0;
    qint64 endMs = 0;
};

struct AssignorComparison {
    QString title;
    QString error; // the scenario could not be played
    // Why the figures come out as they do, in the requested language: e.g. why cooperative-sticky shows the longest
    // processing gap although it stops fewer partitions. "" when there is nothing to explain.
    QString note;
    QList<AssignorRun> runs; // range, roundrobin, sticky, cooperative-sticky, then the consumer protocol (uniform)
};

} // namespace topicscope::engine

Q_DECLARE_METATYPE(topicscope::engine::FlowSnapshot)
Q_DECLARE_METATYPE(topicscope::engine::RecordJourney)
Q_DECLARE_METATYPE(topicscope::engine::AssignorComparison)
