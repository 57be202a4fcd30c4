#pragma once

#include "groupgeneration.h"
#include "topicinfo.h"

#include <QList>
#include <QString>
#include <librdkafka/rdkafka.h>

namespace topicscope::engine {

class GenerationHistory;
class RdKafkaClient;

// Reads a remote cluster's __consumer_offsets for the rebalance history: GroupMetadata and consumer-protocol group
// records go to a GenerationHistory (offset commits are skipped). Assign-only and group-less: a consumer handle of
// its own, through librdkafka's simple consumer (rd_kafka_consume_start_queue on every partition), without a
// group.id, so it never joins, never commits and is listed in no group. Bounded: each partition is read from at most
// MaxRecordsPerPartition records before its end at the first read, librdkafka's fetch queue per partition is capped
// (queued.max.messages.kbytes), and each read() drains for at most its budget. When the topic cannot be read
// (absent from the metadata, a missing ACL), access() says so and error() gives librdkafka's words. Lives on the remote
// cluster's worker thread.
class OffsetsTopicReader {
public:
    static constexpr int MaxRecordsPerPartition = 2000;
    static constexpr int QueuedKBytesPerPartition = 1024;

    // topic: __consumer_offsets; another name only in tests, to stand for a cluster that does not show it.
    explicit OffsetsTopicReader(QString topic);
    ~OffsetsTopicReader();
    OffsetsTopicReader(const OffsetsTopicReader &) = delete;
    OffsetsTopicReader &operator=(const OffsetsTopicReader &) = delete;

    // Reads what arrived since the last call, for at most budgetMs. topics: the cluster's metadata just read.
    void read(RdKafkaClient &client, const QList<TopicInfo> &topics, GenerationHistory *history, int budgetMs);
    using Access = GroupHistory::OffsetsTopicAccess;
    Access access() const { return m_access; }
    QString error() const { return m_error; }
    QString topic() const { return m_topic; }

private:
    bool start(RdKafkaClient &client, int partitions);
    void stop();
    void fail(int code, const QString &error);

    QString m_topic;
    rd_kafka_t *m_rk = nullptr;
    rd_kafka_topic_t *m_rkt = nullptr;
    rd_kafka_queue_t *m_queue = nullptr;
    int m_partitions = 0;
    Access m_access = Access::NotTried;
    QString m_error;
};

} // namespace topicscope::engine
