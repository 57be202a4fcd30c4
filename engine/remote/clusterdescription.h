#pragma once

#include "brokersnapshot.h"

#include <QString>

namespace topicscope::engine {

// A snapshot of a cluster as plain text, like Kafka's own tools print it (kafka-topics --describe,
// kafka-consumer-groups --describe): what `topicscope --headless --bootstrap-server ... --describe` prints, and what
// the tests read. A pure function of the snapshot.
class ClusterDescription {
public:
    static QString text(const BrokerSnapshot &snapshot);
};

} // namespace topicscope::engine
