#pragma once

#include "record.h"
#include "topicconfig.h"
#include "topicpartition.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace topicscope::engine {

// Values exchanged between the views and a ClusterClient (embedded engine or remote cluster) besides the
// snapshot: message pages, produce requests and reports, offset resets. Plain copyable values, safe to queue
// across threads. Serializer and partitioner choices travel by their Kafka-ish names ("string", "json",
// "built-in", ...) so that a remote client needs none of the engine's client classes.

// One record as the message browser shows it.
struct MessageRow {
    int partition = 0;
    qint64 offset = -1;
    qint64 timestamp = -1;
    std::optional<QByteArray> key;
    std::optional<QByteArray> value;
    QList<RecordHeader> headers;
    int sizeBytes = 0; // key + value + headers, the payload a person thinks of as the record's size
};

// A window of one partition: up to maxRecords records from offset on. With a filter, the engine scans forward
// from offset (at most maxScanRecords records) and returns only records whose key or value contains it.
struct MessageQuery {
    QString topic;
    int partition = 0;
    qint64 offset = 0;
    int maxRecords = 200;
    QString filter; // substring of the UTF-8 key or value; empty = every record
    int maxScanRecords = 20000;
};

struct MessagePage {
    MessageQuery query;
    int error = 0; // Kafka error code
    QString errorMessage;
    QList<MessageRow> rows;
    qint64 nextOffset = -1; // where the next page (or the rest of a filtered scan) starts
    qint64 logStartOffset = 0;
    qint64 logEndOffset = 0;
};

// ListOffsets for every partition of a topic: timestamp -2 = earliest, -1 = latest, else the first offset
// with a record timestamp >= timestamp (-1 when none).
struct OffsetLookup {
    QString topic;
    qint64 timestamp = -2;
    QList<qint64> offsets; // by partition
};

struct ProduceRequest {
    QString topic;
    std::optional<QString> key; // nullopt = null key
    std::optional<QString> value; // nullopt = null value (a tombstone)
    QList<RecordHeader> headers;
    QString keySerializer = QStringLiteral("string"); // "string", "bytes" (hex text), "json", "int32", "int64"
    QString valueSerializer = QStringLiteral("string");
    QString partitioner = QStringLiteral("built-in"); // "built-in", "round-robin", "uniform-sticky"
    std::optional<int> partition; // explicit partition: no partitioner runs
    int count = 1; // records to send
    double ratePerSecond = 0; // 0 = as fast as possible
};

// Which partition a record would go to, and why ("murmur2("user-1") ... = 2").
struct PartitionPreview {
    int partition = -1;
    int partitionCount = 0;
    QString strategy; // "explicit", "key hash", "sticky", ...
    QString explanation;
    int error = 0;
    QString errorMessage;
};

struct ProduceReport {
    int sent = 0; // acknowledged so far
    int failed = 0;
    int total = 0;
    bool finished = false;
    PartitionPreview lastDecision;
    qint64 lastOffset = -1;
    int lastPartition = -1;
    QString lastError;
};

enum class OffsetResetStrategy { Earliest, Latest, Offset, Timestamp };

// kafka-consumer-groups --reset-offsets for one topic of a group (every partition of it).
struct OffsetResetRequest {
    QString groupId;
    QString topic;
    OffsetResetStrategy strategy = OffsetResetStrategy::Earliest;
    qint64 value = 0; // the offset, or the timestamp in ms
};

struct OffsetResetPartition {
    int partition = 0;
    qint64 currentOffset = -1; // -1 = no committed offset
    qint64 newOffset = -1;
    qint64 logEndOffset = 0;
};

struct OffsetResetPreview {
    OffsetResetRequest request;
    int error = 0; // NON_EMPTY_GROUP when the group has members
    QString errorMessage;
    QList<OffsetResetPartition> partitions;
    qint64 recordsReread = 0; // moved back over already-consumed records
    qint64 recordsSkipped = 0; // moved forward past unconsumed records
};

// One segment file of a partition, as the embedded broker lays its log out (Kafka's layout): for the partition view,
// which explains by them when retention deletes records and what the cleaner may compact.
struct SegmentSummary {
    qint64 baseOffset = 0;
    qint64 nextOffset = 0; // the next segment's base offset, or the log end offset for the active segment
    qint64 sizeBytes = 0;
    qint64 largestTimestampMs = -1; // retention.ms counts from it
    qint64 rollTimestampMs = -1; // its first batch's timestamp: segment.ms counts from it
    bool active = false; // the last one, being written: never deleted by time or cleaned before it rolls
};

struct PartitionSegments {
    TopicPartition topicPartition;
    QList<SegmentSummary> segments; // oldest first
    TopicConfig config; // the topic's: the rules the segments are explained by
    qint64 logStartOffset = 0;
    qint64 logEndOffset = 0;
    qint64 nowMs = 0; // the broker's clock when they were read
    // Why no segments are listed: an in-memory broker keeps no segment files, Kafka's protocol has no request that
    // lists a remote broker's, or the partition is gone.
    enum class Availability { Listed, InMemory, NotExposed, NoSuchPartition };
    Availability availability = Availability::Listed;
};

} // namespace topicscope::engine

Q_DECLARE_METATYPE(topicscope::engine::PartitionSegments)
Q_DECLARE_METATYPE(topicscope::engine::MessagePage)
Q_DECLARE_METATYPE(topicscope::engine::OffsetLookup)
Q_DECLARE_METATYPE(topicscope::engine::PartitionPreview)
Q_DECLARE_METATYPE(topicscope::engine::ProduceReport)
Q_DECLARE_METATYPE(topicscope::engine::OffsetResetPreview)
