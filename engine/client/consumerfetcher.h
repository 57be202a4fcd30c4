#pragma once

#include "client/consumer.h"
#include "client/serializer.h"

#include <QMap>
#include <optional>
#include <vector>

namespace topicscope::engine {

class LogManager;

struct FetchPosition {
    std::optional<qint64> position; // next offset to read; nullopt until resolved
    bool paused = false;
};
using FetchPositions = QMap<TopicPartition, FetchPosition>;

// The reading half of the in-app Consumer (Java's Fetcher and OffsetFetcher): resolves starting positions
// (committed offset, else auto.offset.reset), reads whole batches from the log, skips what lies before the
// position, deserializes, and resets a position the log reports OFFSET_OUT_OF_RANGE for. Holds no group
// state. Engine thread only.
class ConsumerFetcher {
public:
    ConsumerFetcher(const ConsumerConfig &config, LogManager &log);

    // Gives each partition without a position its committed offset, else the auto.offset.reset one.
    void resolvePositions(FetchPositions &positions, const QMap<TopicPartition, qint64> &committed,
        std::vector<PartitionError> &errors) const;
    // Applies auto.offset.reset; under "none" clears the position and reports OFFSET_OUT_OF_RANGE with cause.
    bool resetPosition(const TopicPartition &tp, FetchPosition &position, const QString &cause,
        std::vector<PartitionError> *errors) const;
    // Up to max.poll.records records and fetch.max.bytes bytes from the unpaused partitions, advancing positions.
    void fetch(FetchPositions &positions, PollResult &result);

private:
    ConsumerConfig m_config;
    LogManager &m_log;
    Serializer m_keySerde;
    Serializer m_valueSerde;
    int m_rotation = 0; // first partition of the next fetch, so max.poll.records starves none
};

} // namespace topicscope::engine
