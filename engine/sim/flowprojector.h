#pragma once

#include "client/serializer.h"
#include "flowsnapshot.h"
#include "topicpartition.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <utility>

namespace topicscope::engine {

class Broker;
class ScenarioRecorder;

// What only the clients know about a record's bytes, for its journey. Either may be empty.
struct FlowClientFormats {
    // An in-app producer's key and value serializers; nullopt for a producer nobody knows.
    std::function<std::optional<std::pair<SerdeFormat, SerdeFormat>>(const QString &producer)> serializers;
    // Why a consumer could not deserialize these bytes ("key: ...; value: ..."); "" when unknown.
    std::function<QString(
        const QString &consumer, const std::optional<QByteArray> &key, const std::optional<QByteArray> &value)>
        deserializationError;
};

// Builds what the flow view draws from a broker and a ScenarioRecorder attached to it: the broker's side of a
// FlowSnapshot (topics with their newest records, groups with committed offsets and owners, the movements since the
// previous snapshot, recent events, rebalances, ownership and its gaps, counters) and record journeys. It only reads
// the broker and the recording, and never asks a client anything that could change its course, so projecting never
// alters a run; it knows no client object, so it serves any Broker. The scenario's clients are described by
// ScenarioWorld::describe(). Lives on the broker's thread.
class FlowProjector {
public:
    // originMs: the broker clock's time at virtual 0 ms (record timestamps are shown relative to it).
    FlowProjector(const ScenarioRecorder &recorder, qint64 originMs);

    // Fills snapshot's broker side (snapshot.timeMs must be set). broker may be nullptr (not started): then only the
    // recording's part. knownGroups: groups to show even before the broker knows them.
    void project(const Broker *broker, const QStringList &knownGroups, FlowSnapshot &snapshot);
    RecordJourney journey(
        const Broker *broker, const TopicPartition &tp, qint64 offset, const FlowClientFormats &formats) const;

private:
    void projectTopics(const Broker &broker, FlowSnapshot &s) const;
    void projectGroups(const Broker *broker, const QStringList &knownGroups, FlowSnapshot &s) const;
    void projectMovements(FlowSnapshot &s);
    void addRecordSteps(
        const TopicPartition &tp, qint64 offset, const FlowClientFormats &formats, RecordJourney &j) const;

    const ScenarioRecorder &m_recorder;
    qint64 m_originMs = 0;
    quint64 m_sequence = 0;
    qint64 m_movementCursor = 0; // events (counting trimmed ones) up to which movements were reported
};

} // namespace topicscope::engine
