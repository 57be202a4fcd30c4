#pragma once

#include "group/assignor.h"
#include "topicpartition.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <optional>

namespace topicscope::engine {

// The "consumer" embedded protocol carried opaquely in JoinGroup metadata and SyncGroup assignments
// (ConsumerProtocolSubscription v0-v3, ConsumerProtocolAssignment v0-v3; non-flexible, int16 version first).
// The broker decodes it only to show and explain groups; in-app consumers also encode it.
struct ConsumerSubscription {
    qint16 version = 1;
    QStringList topics;
    std::optional<QByteArray> userData;
    QList<TopicPartition> ownedPartitions; // v1+
    qint32 generationId = -1; // v2+
    std::optional<QString> rackId; // v3+
};

struct ConsumerAssignment {
    qint16 version = 0;
    QList<TopicPartition> partitions;
    std::optional<QByteArray> userData;
};

class ConsumerProtocol {
public:
    static QByteArray encodeSubscription(const ConsumerSubscription &subscription);
    // Parses the known prefix of any version >= 0 (newer versions only append fields); nullopt if malformed.
    static std::optional<ConsumerSubscription> decodeSubscription(const QByteArray &bytes);
    static QByteArray encodeAssignment(const ConsumerAssignment &assignment);
    // An empty byte array decodes to an empty assignment (what Kafka gives members the leader left out).
    static std::optional<ConsumerAssignment> decodeAssignment(const QByteArray &bytes);
    // The serialized empty assignment (version 0, no partitions, empty user data) that the broker sends
    // instead of zero bytes, because kafka-python 2.0.2 cannot decode zero bytes.
    static QByteArray emptyAssignment();
};

} // namespace topicscope::engine
