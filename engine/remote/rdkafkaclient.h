#pragma once

#include "brokernode.h"
#include "groupdescription.h"
#include "remoteclusteroptions.h"
#include "topicinfo.h"
#include "topicpartition.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <librdkafka/rdkafka.h>

namespace topicscope::engine {

// An error a librdkafka call gave: Kafka's error code (positive) or one of librdkafka's own (negative, e.g.
// -185 for a timeout), and its text.
struct RemoteError {
    int code = 0;
    QString message;
    bool ok() const { return code == 0 && message.isEmpty(); }
};

// What Metadata says of the cluster.
struct RemoteMetadata {
    QString clusterId;
    int controllerId = -1;
    QList<BrokerNode> brokers;
    QList<TopicInfo> topics; // partitions with leader, replicas and ISR; offsets not filled in
};

// One consumer group as DescribeConsumerGroups gives it, with its members' assignments decoded by librdkafka.
struct RemoteGroup {
    GroupDescription description;
    QMap<QString, QList<TopicPartition>> assignment; // memberId -> partitions
};

// The two librdkafka handles a remote cluster is explored through, and every call made on them, each bounded by the
// request timeout so that a broker going away never hangs a caller. Admin requests and produce go through a producer
// handle; message pages and offset lookups through a consumer handle that never joins a group and never commits
// (it has no group.id). librdkafka reconnects by itself. Built against librdkafka 2.0 (Debian's librdkafka-dev),
// every view is served by APIs 2.0 has (Metadata, ListOffsets through offsets_for_times, the KIP-222 group Admin
// APIs); built against a newer one, the Admin APIs it added are used where they serve better, each under a
// compile-time check of the version it appeared in (capabilities() names them). Not thread-safe: lives on (and is
// only called from) the remote cluster's worker thread.
class RdKafkaClient {
public:
    using DeliveryCallback = void (*)(rd_kafka_t *, const rd_kafka_message_t *, void *opaque);

    // Which librdkafka runs and which of the newer Admin APIs this build uses, e.g. "librdkafka 2.15.1 (built
    // against 2.15.1): IncrementalAlterConfigs, DescribeCluster, ListOffsets, consumer group types". Logged by
    // open().
    static QString capabilities();
    // RD_KAFKA_VERSION of the headers this library was compiled with (0x020002ff for 2.0.2).
    static int compiledVersion();

    RdKafkaClient() = default;
    ~RdKafkaClient();
    RdKafkaClient(const RdKafkaClient &) = delete;
    RdKafkaClient &operator=(const RdKafkaClient &) = delete;

    // Creates both handles. A property librdkafka refuses fails with its origin ("client.properties line 3: ...").
    // onDelivery(…, deliveryOpaque) receives the producer's delivery reports, from poll().
    bool open(const RemoteClusterOptions &options, DeliveryCallback onDelivery, void *deliveryOpaque, QString *error);
    bool isOpen() const { return m_producer != nullptr; }
    rd_kafka_t *producer() const { return m_producer; }
    rd_kafka_t *consumer() const { return m_consumer; }
    // A further consumer handle with the same connection properties (and extra ones of ours, which the person's
    // override): for a reader that must not share the browser's handle. No group.id either. nullptr with *error.
    // The caller destroys it.
    rd_kafka_t *newConsumer(const QList<RemoteProperty> &extra, QString *error) const;
    int timeoutMs() const { return m_timeoutMs; }

    // Serves delivery reports and statistics; call often.
    void poll();
    // Each broker's connection state as librdkafka's last statistics said (node id -> "UP", "DOWN", ...).
    QHash<int, QString> brokerStates() const { return m_brokerStates; }
    // The last error librdkafka reported on its own (connection refused, SASL authentication failed, ...), which a
    // call that times out does not say; code 0 when none since open().
    RemoteError lastClientError() const { return m_lastClientError; }

    RemoteError metadata(RemoteMetadata *out);
    // ListOffsets for each partition at timestamp (-2 earliest, -1 latest, else the first offset at or after it;
    // -1 when none). Partitions it could not look up are missing from *out.
    RemoteError offsetsAt(
        const QList<TopicPartition> &partitions, qint64 timestamp, QHash<TopicPartition, qint64> *out);
    RemoteError listGroups(QStringList *groupIds);
    RemoteError describeGroups(const QStringList &groupIds, QList<RemoteGroup> *out);
    RemoteError committedOffsets(const QString &groupId, QHash<TopicPartition, qint64> *out);
    // The topic settings TopicConfig knows (retention.ms, ...), per topic.
    RemoteError topicConfigs(const QStringList &topics, QHash<QString, TopicConfig> *out);

    RemoteError createTopic(const QString &name, int partitions, const QMap<QString, QString> &configs);
    RemoteError deleteTopic(const QString &name);
    RemoteError createPartitions(const QString &name, int newPartitionCount);
    // DeleteRecords (beforeOffset -1: the high watermark) and DeleteGroups, with each one's own error.
    RemoteError deleteRecords(const TopicPartition &partition, qint64 beforeOffset);
    RemoteError deleteGroup(const QString &groupId);
    // Sets the topic's configs to `configs` (every setting TopicConfig carries); `shown` are the values the edit
    // started from (ClusterClient::alterTopicConfig's `from`), empty when unknown. Only the settings that differ from
    // `shown` change, and every other override of the topic stays as it is: with IncrementalAlterConfigs (librdkafka
    // >= 2.2) they alone are sent; with 2.0's AlterConfigs, which replaces the whole set, the topic's current overrides
    // are read first (DescribeConfigs) and sent back with the changes on top (replacedOverrides).
    RemoteError alterTopicConfigs(
        const QString &name, const QMap<QString, QString> &configs, const QMap<QString, QString> &shown);
    // What AlterConfigs must send so that only the edit's changes take effect: the topic's current overrides with
    // TopicConfig::changedConfigs(configs, shown) on top.
    static QMap<QString, QString> replacedOverrides(const QMap<QString, QString> &overrides,
        const QMap<QString, QString> &configs, const QMap<QString, QString> &shown);
    RemoteError alterGroupOffsets(const QString &groupId, const QHash<TopicPartition, qint64> &offsets);

private:
    // The topic's dynamic overrides (DescribeConfigs entries whose source is DYNAMIC_TOPIC_CONFIG), by name.
    RemoteError topicOverrides(const QString &name, QMap<QString, QString> *out);
    void close();
    rd_kafka_t *build(rd_kafka_type_t type, const QList<RemoteProperty> &own, QString *error) const;
    static int onStatistics(rd_kafka_t *rk, char *json, size_t length, void *opaque);
    static void onError(rd_kafka_t *rk, int err, const char *reason, void *opaque);

    rd_kafka_t *m_producer = nullptr;
    rd_kafka_t *m_consumer = nullptr;
    RemoteClusterOptions m_options;
    int m_timeoutMs = 5000;
    QHash<int, QString> m_brokerStates;
    RemoteError m_lastClientError;
    // The producer's opaque (handed to statistics and delivery callbacks alike): forwards deliveries to their owner.
    DeliveryCallback m_onDelivery = nullptr;
    void *m_deliveryOpaque = nullptr;
    static void forwardDelivery(rd_kafka_t *rk, const rd_kafka_message_t *message, void *opaque);
};

} // namespace topicscope::engine
