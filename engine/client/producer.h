#pragma once

#include "client/partitioner.h"
#include "client/serializer.h"
#include "core/clock.h"
#include "errorcode.h"
#include "log/logmanager.h"
#include "record.h"
#include "topicpartition.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace topicscope::engine {

// Producer settings, with Kafka's names and defaults (ProducerConfig). acks is implicit: the log is local and
// acknowledges an append at once, which is acks=all for a single replica.
struct ProducerConfig {
    QString clientId = QStringLiteral("producer-1"); // client.id
    int batchSize = 16384; // batch.size, bytes per partition batch
    qint64 lingerMs = 0; // linger.ms (Kafka 3.x default; 4.0 raised it to 5)
    int maxRequestSize = 1048576; // max.request.size: a record whose one-record batch is larger is refused
    PartitionerKind partitioner = PartitionerKind::BuiltIn; // partitioner.class (BuiltIn = unset)
    SerdeFormat keySerializer = SerdeFormat::String; // key.serializer
    SerdeFormat valueSerializer = SerdeFormat::String; // value.serializer
};

// What a send() completes with (Kafka's RecordMetadata, plus the error and why the partition was chosen).
struct RecordMetadata {
    QString topic;
    int partition = -1;
    qint64 offset = -1; // -1 on error
    qint64 timestamp = -1; // CreateTime given/defaulted at send, or the broker's LogAppendTime
    int serializedKeySize = -1; // -1 for a null key
    int serializedValueSize = -1;
    ErrorCode error = ErrorCode::None;
    QString errorMessage;
    PartitionDecision decision;
};

// A record to send. key/value go through the configured serializers: nullopt (or an invalid QVariant) is
// Kafka's null and is never serialized.
struct ProducerRecord {
    QString topic;
    std::optional<QVariant> key;
    std::optional<QVariant> value;
    QList<RecordHeader> headers;
    std::optional<int> partition; // explicit partition: no partitioner runs
    std::optional<qint64> timestamp; // CreateTime; default: the clock's now at send()
};

using SendCallback = std::function<void(const RecordMetadata &)>;
// Where closed batches go: LogManager::append has this shape. Results come back in request order.
using AppendSink = std::function<std::vector<AppendResult>(const std::vector<AppendRequest> &)>;
// Partition count of a topic, -1 when it does not exist (LogManager::partitionCount).
using PartitionCountLookup = std::function<int(const QString &topic)>;

// The in-app producer, modelled on Kafka's Java KafkaProducer: serialize, partition, accumulate per partition
// into RecordBatch v2 batches of up to batch.size bytes, and append a batch when it is full, when linger.ms
// has passed since it was opened, or on flush(). Appends happen from a clock timer (never inside send(), as
// Java's sender thread), so callbacks always run after send() returned, except for errors found in send().
// Several ready batches go to the sink in one call (one transaction in the log). Functional core: time and
// timers come from Clock. Lives on the engine thread.
//
// Wiring to the log:
//   Producer p(config, clock, [&](const QString &t) { return log.partitionCount(t); },
//              [&](const std::vector<AppendRequest> &r) { return log.append(r); });
class Producer {
public:
    Producer(ProducerConfig config, Clock &clock, PartitionCountLookup partitionCount, AppendSink sink,
        RandomSource random = {});
    ~Producer(); // cancels the timer; records not yet appended are dropped silently (call close() first)

    // Queues a record. Returns None when it was accepted, else the error, which the callback also gets:
    // UNKNOWN_TOPIC_OR_PARTITION (unknown topic, or an explicit partition out of range; no auto-create in-app),
    // INVALID_RECORD (a serializer refused the key or value), MESSAGE_TOO_LARGE (above max.request.size),
    // INVALID_TIMESTAMP (negative timestamp), INVALID_REQUEST (after close()).
    ErrorCode send(const ProducerRecord &record, SendCallback callback = {});
    ErrorCode send(const QString &topic, const std::optional<QVariant> &key, const std::optional<QVariant> &value,
        const QList<RecordHeader> &headers = {}, std::optional<int> partition = std::nullopt,
        std::optional<qint64> timestamp = std::nullopt, SendCallback callback = {});

    // Closes every open batch and appends all of them now; their callbacks have run when this returns.
    void flush();
    // flush(), then refuses further sends with INVALID_REQUEST (Java throws IllegalStateException).
    void close();
    bool isClosed() const { return m_closed; }

    const ProducerConfig &config() const { return m_config; }
    Partitioner &partitioner() { return *m_partitioner; }
    int pendingRecords() const; // accepted, not yet appended
    int openBatchCount() const { return static_cast<int>(m_open.size()); }

private:
    struct Pending {
        SendCallback callback;
        RecordMetadata metadata; // filled but for offset (and timestamp under LogAppendTime)
    };
    struct Batch {
        TopicPartition topicPartition;
        std::vector<Record> records;
        std::vector<Pending> pending;
        int sizeBytes = 0; // header + records, as RecordBatch::build will encode them
        qint64 createdMs = 0;
    };

    ErrorCode fail(const ProducerRecord &record, const SendCallback &callback, ErrorCode error, const QString &why,
        const PartitionDecision &decision = {});
    bool fits(const Batch &batch, const Record &record) const;
    int appendToBatch(Batch &batch, Record record, Pending pending);
    void closeBatch(const TopicPartition &tp);
    void sendReady();
    void onTimer();
    void armTimer();

    ProducerConfig m_config;
    Clock &m_clock;
    PartitionCountLookup m_partitionCount;
    AppendSink m_sink;
    std::unique_ptr<Partitioner> m_partitioner;
    Serializer m_keySerializer;
    Serializer m_valueSerializer;
    QHash<TopicPartition, Batch> m_open;
    std::vector<Batch> m_ready; // closed, in the order they closed
    TimerId m_timer = 0;
    qint64 m_timerDueMs = -1;
    bool m_closed = false;
};

} // namespace topicscope::engine
