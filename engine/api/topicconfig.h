#pragma once

#include "errorcode.h"
#include "record.h"

#include <QMap>
#include <QString>

namespace topicscope::engine {

// Per-topic configuration, with Kafka's names and defaults (kafka.log.LogConfig / TopicConfig).
struct TopicConfig {
    qint64 retentionMs = 7LL * 24 * 3600 * 1000; // retention.ms; -1 = keep forever
    qint64 retentionBytes = -1; // retention.bytes, per partition; -1 = unlimited
    TimestampType timestampType = TimestampType::CreateTime; // message.timestamp.type
    int maxMessageBytes = 1048588; // max.message.bytes: largest record batch accepted
    // segment.bytes and segment.ms: when a partition's active segment file is closed and a new one started (Kafka's
    // roll). Retention deletes whole segments, so these bound how much it keeps beyond its limits. In-memory stores
    // (scenarios) have no segments and ignore them.
    qint64 segmentBytes = 1LL << 30; // Kafka: an int, at least 14
    qint64 segmentMs = 7LL * 24 * 3600 * 1000; // at least 1
    // cleanup.policy: "delete" (retention.ms and retention.bytes remove old segments), "compact" (the log cleaner
    // keeps the newest record of each key, LogManager::clean) or both ("compact,delete").
    bool cleanupDelete = true;
    bool cleanupCompact = false;
    // delete.retention.ms: how long the cleaner keeps a tombstone (a null value), so that a reader that was behind
    // still sees the deletion.
    qint64 deleteRetentionMs = 24LL * 3600 * 1000;
    // min.cleanable.dirty.ratio: the cleaner takes a partition when at least this share of its cleanable bytes was
    // written since it last cleaned it.
    double minCleanableDirtyRatio = 0.5;

    bool operator==(const TopicConfig &) const = default;

    // Kafka config map ("retention.ms" -> "604800000", ...) of every setting above.
    QMap<QString, QString> toKafkaConfigs() const;
    // What an edit changed: the configs of `edited` whose value is not the one in `from` (all of them for a name
    // `from` lacks). Both backends apply only these (ClusterClient::alterTopicConfig).
    static QMap<QString, QString> changedConfigs(
        const QMap<QString, QString> &edited, const QMap<QString, QString> &from);
    // Applies a Kafka config map on top of this config. Unknown names or bad values give INVALID_CONFIG
    // with *why naming the entry; nothing is applied then.
    ErrorCode applyKafkaConfigs(const QMap<QString, QString> &configs, QString *why = nullptr);
};

} // namespace topicscope::engine
