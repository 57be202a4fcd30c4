#pragma once

#include "topicconfig.h"
#include "topicid.h"

#include <QList>
#include <QString>

namespace topicscope::engine {

// What the log knows of one partition, as a value for views and snapshots.
struct PartitionInfo {
    int partition = 0;
    qint64 logStartOffset = 0;
    qint64 logEndOffset = 0; // = high watermark: a single replica acknowledges at once
    qint64 sizeBytes = 0; // bytes of stored batches
    qint64 lastAppendTimeMs = -1;
    // A remote cluster's replication (Metadata): broker ids. The embedded broker leaves them at their defaults
    // (no leader known, no replica lists): it is the single replica of everything.
    int leader = -1;
    QList<int> replicas;
    QList<int> isr;
    int error = 0; // Kafka error of the partition in Metadata (e.g. LEADER_NOT_AVAILABLE); 0 = none
};

// A topic with its configuration and partitions (LogManager::describeTopic).
struct TopicInfo {
    QString name;
    // Given when the topic was created and kept until it is deleted (KIP-516); never null for an existing topic.
    TopicId id;
    TopicConfig config;
    QList<PartitionInfo> partitions;
};

} // namespace topicscope::engine
