#pragma once

#include "core/events.h"
#include "scenarioevent.h"
#include "sim/scenario.h"
#include "topicpartition.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <utility>

namespace topicscope::engine {

// A record a producer got acknowledged, with the partitioner's explanation (the log does not keep it).
struct ScenarioProducedRecord {
    QString producer;
    TopicPartition topicPartition;
    qint64 offset = -1;
    ScenarioKey key;
    qint64 timeMs = 0; // when the log acknowledged it
    QString decision; // the partitioner's explanation
};

// A poll that returned records: which offsets of which partition a consumer received, under which generation.
struct ScenarioPoll {
    qint64 timeMs = 0;
    QString consumer;
    int generation = -1;
    QMap<TopicPartition, std::pair<qint64, qint64>> ranges; // first .. last offset
};

// A move of a partition's logStartOffset, with its cause (the timeline's text does not name it).
struct ScenarioDeletion {
    qint64 timeMs = 0;
    TopicPartition topicPartition;
    qint64 newLogStartOffset = 0;
    DeletionCause cause = DeletionCause::DeleteRecords;
};

// Running totals of the timeline's record events, so that live snapshots need not count the whole timeline.
struct ScenarioCounts {
    int produced = 0;
    int processed = 0;
    int duplicates = 0;
    int lost = 0;
    int deserializationFailures = 0;
};

// A record as seen by one consumer group (group "" for the record itself).
struct ScenarioRecordId {
    QString group;
    TopicPartition topicPartition;
    qint64 offset = -1;
    bool operator==(const ScenarioRecordId &) const = default;
};

inline size_t qHash(const ScenarioRecordId &r, size_t seed = 0) noexcept
{
    return qHashMulti(seed, r.group, r.topicPartition, r.offset);
}

// What ScenarioRecorder has recorded so far: a plain value the projector and the evaluator read. Times are virtual
// ms since the start. Lives with its recorder.
struct ScenarioRecording {
    // An open-ended run (the sandbox) keeps the newest MaxOpenEndedEvents events of its timeline; the counters
    // stay exact. trimmedEvents events were dropped from the front.
    static constexpr qsizetype MaxOpenEndedEvents = 200'000;

    QList<ScenarioEvent> timeline;
    qsizetype trimmedEvents = 0;
    QList<ScenarioRebalance> rebalances;
    QList<ScenarioOwnership> ownership;
    // Dropped by ScenarioRecorder::dropOldRebalances (the live recording's bound): older rows and the ownership
    // intervals that had ended before the oldest kept one began.
    qsizetype droppedRebalances = 0;
    qsizetype droppedOwnership = 0;
    QList<ScenarioPoll> polls;
    QList<ScenarioDeletion> deletions;
    QList<ScenarioProducedRecord> producedRecords;
    QHash<ScenarioRecordId, int> producedIndex; // (group "", tp, offset) -> index into producedRecords
    ScenarioCounts totals;
    QHash<QString, ScenarioCounts> countsByGroup; // by ScenarioEvent::group
    QHash<QString, ScenarioCounts> countsByClient; // by ScenarioEvent::client
    // From the broker's BatchAppended events: records appended by anyone (in-app or wire clients), per partition.
    QHash<TopicPartition, qint64> appendedRecords;

    // The producer's account of the record at (tp, offset); nullptr when no in-app producer reported it.
    const ScenarioProducedRecord *producedRecord(const TopicPartition &tp, qint64 offset) const;
    // A repeat is recorded as Processed followed by a Duplicate of the same record: true for such a Processed
    // event at timeline index i, which the Duplicate then stands for.
    bool isFollowedByItsDuplicate(qsizetype i) const;
    // The number of events of a kind, of a group and/or a client ("" = any).
    int countEvents(ScenarioEvent::Kind kind, const QString &group, const QString &client) const;
};

} // namespace topicscope::engine
