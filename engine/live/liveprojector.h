#pragma once

#include "flowsnapshot.h"
#include "sim/flowprojector.h"

namespace topicscope::engine {

class Broker;
class LiveRecorder;

// Builds the flow view's picture of the live broker from the engine's Broker and a LiveRecorder: the broker's side
// as a scenario shows it (FlowProjector: log strips, groups with committed offsets and owners, events, rebalances,
// ownership and gaps, tokens), with the wire clients as producers and consumers, and record journeys that say which
// client produced a record, whether its partition is the one Kafka's default partitioner (murmur2) picks for its
// key, who fetched it under which generation, when its group committed past it and whether it was redelivered.
// Reads only; engine thread.
class LiveProjector {
public:
    // How long a member that left, or a client that went quiet, stays on the picture.
    static constexpr qint64 LingerMs = 30'000;

    LiveProjector(const LiveRecorder &recorder, qint64 originMs);

    FlowSnapshot snapshot(const Broker &broker);
    // The recording's rebalances as snapshots show them: the cause's kind first, members by name.
    QList<ScenarioRebalance> rebalances() const;
    RecordJourney journey(const Broker &broker, const TopicPartition &tp, qint64 offset) const;

    // The partitioner's side of a journey: what murmur2 says of key for tp's topic with partitions partitions, and
    // whether tp is that partition.
    static QString partitionCheck(const std::optional<QByteArray> &key, const TopicPartition &tp, int partitions);

private:
    const LiveRecorder &m_recorder;
    FlowProjector m_flow;
};

} // namespace topicscope::engine
