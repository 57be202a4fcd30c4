#pragma once

#include "topicpartition.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace topicscope::engine {

// One thing that happened during a run, in virtual time from the start of the scenario.
struct ScenarioEvent {
    enum class Kind {
        Caption,
        Pause, // a question for the audience
        Action, // a step ran (start/stop/crash consumer, add partitions, ...)
        ActionFailed,
        Produced, // with the partitioner's decision
        ProduceFailed, // a serializer refused, unknown topic, ...
        Polled, // a poll that returned records
        Processed,
        Duplicate, // processed a second time by the group
        Lost, // committed before processing, never processed
        DeserializationFailed,
        Committed,
        GroupState,
        Rebalance,
        RecordsDeleted,
        PartitionsAdded,
        // The live broker's wire clients (the broker sees deliveries, not processing):
        Fetched, // a fetch answer handed records to a consumer
        Redelivered, // a group fetched again records an earlier member or generation had fetched
    };
    qint64 timeMs = 0;
    Kind kind = Kind::Caption;
    QString client; // producer or consumer id
    QString group;
    TopicPartition topicPartition;
    qint64 offset = -1;
    int generation = -1;
    QString text; // one readable line
    int records = 1; // the records it stands for: 1 in scenarios; a live batch or fetch answer may carry many

    static QString kindName(Kind kind);
};

// A completed rebalance of a group, with consumer ids instead of member ids.
struct ScenarioRebalance {
    qint64 timeMs = 0;
    QString group;
    int generation = 0;
    QString cause; // the reason the group entered PreparingRebalance (join, leave, session timeout, ...)
    QString assignor;
    qint64 durationMs = 0;
    QMap<QString, QList<TopicPartition>> assignment; // consumer id -> sorted partitions
    QList<TopicPartition> partitionsMoved; // sorted
    // "classic", or "consumer" (Kafka 4's protocol: generation is the group epoch, one row per epoch).
    QString groupType = QStringLiteral("classic");
    // Consumer protocol: a newer epoch began before every member reached this one; assignment is its target.
    bool superseded = false;

    // "orders-0", "orders-1", ...: partitions as Kafka prints them, for report lines.
    static QStringList names(const QList<TopicPartition> &partitions)
    {
        QStringList out;
        out.reserve(partitions.size());
        for (const TopicPartition &tp : partitions)
            out << tp.toString();
        return out;
    }
};

// One consumer owning one partition from fromMs until toMs (-1: still owns it), as the consumer saw it: from
// onPartitionsAssigned until onPartitionsRevoked/Lost, a crash, a stall timeout or close(). The gaps between
// intervals of a partition are the time nobody processed it: eager's stop-the-world against cooperative's
// incremental hand-off.
struct ScenarioOwnership {
    QString group;
    TopicPartition topicPartition;
    QString consumer;
    int generation = -1; // the generation that assigned it
    qint64 fromMs = 0;
    qint64 toMs = -1;
    QString endReason; // "revoked", "lost", "crashed", "stopped", "poll timeout", "" while open
};

// A stretch of time when nobody in a group owned a partition, after it was first assigned: the cost of a
// rebalance (eager's stop-the-world, cooperative's hand-off) or of a crash. A value computed once from the
// ownership intervals, shipped to the UI in FlowSnapshot and AssignorRun.
struct OwnershipGap {
    QString group; // "" for consumers without a group
    TopicPartition topicPartition;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    bool trailing = false; // nobody owns it at the end: toMs is the end of the observed time, not a new owner
    bool operator==(const OwnershipGap &) const = default;
};

} // namespace topicscope::engine
