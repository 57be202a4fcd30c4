#include "rdkafkaclient.h"

#include "admincall.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStringList>
#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

Q_LOGGING_CATEGORY(lcRdKafka, "topicscope.engine.remote.rdkafka")

namespace topicscope::engine {

using namespace rdkafka;

namespace {

PartitionList partitionList(const QList<TopicPartition> &partitions, qint64 offset)
{
    PartitionList list(rd_kafka_topic_partition_list_new(static_cast<int>(partitions.size())));
    for (const TopicPartition &tp : partitions)
        rd_kafka_topic_partition_list_add(list.get(), tp.topic.toUtf8().constData(), tp.partition)->offset = offset;
    return list;
}

#if RD_KAFKA_VERSION >= 0x020300ff
// librdkafka >= 2.3: DescribeCluster names each broker's rack and the controller as the cluster itself says. A
// failure leaves what Metadata said.
void describeCluster(rd_kafka_t *rk, int timeoutMs, RemoteMetadata *out)
{
    runAdmin(
        rk, timeoutMs, [rk](auto *options, auto *queue) { rd_kafka_DescribeCluster(rk, options, queue); },
        [out](rd_kafka_event_t *event) {
            const rd_kafka_DescribeCluster_result_t *result = rd_kafka_event_DescribeCluster_result(event);
            if (const rd_kafka_Node_t *controller = rd_kafka_DescribeCluster_result_controller(result))
                out->controllerId = rd_kafka_Node_id(controller);
            if (const char *id = rd_kafka_DescribeCluster_result_cluster_id(result))
                out->clusterId = text(id);
            size_t count = 0;
            const rd_kafka_Node_t **nodes = rd_kafka_DescribeCluster_result_nodes(result, &count);
            for (BrokerNode &b : out->brokers) {
                b.isController = b.id == out->controllerId;
                for (size_t i = 0; i < count; ++i) {
                    if (rd_kafka_Node_id(nodes[i]) == b.id)
                        b.rack = text(rd_kafka_Node_rack(nodes[i]));
                }
            }
            return RemoteError {};
        });
}
#endif

RemoteError topicResultsError(const rd_kafka_topic_result_t **results, size_t count)
{
    for (size_t i = 0; i < count; ++i) {
        if (const rd_kafka_resp_err_t err = rd_kafka_topic_result_error(results[i]))
            return errorOf(err, rd_kafka_topic_result_error_string(results[i]));
    }
    return {};
}

RemoteError resourcesError(const rd_kafka_ConfigResource_t **resources, size_t count)
{
    for (size_t i = 0; i < count; ++i) {
        if (const rd_kafka_resp_err_t err = rd_kafka_ConfigResource_error(resources[i]))
            return errorOf(err, rd_kafka_ConfigResource_error_string(resources[i]));
    }
    return {};
}

void logToQt(const rd_kafka_t *, int level, const char *facility, const char *message)
{
    // syslog levels: 0-3 errors, 4 warning, 5-6 notice/info, 7 debug. A refused connection is logged at 3 on every
    // retry; the snapshot says so plainly, so the log keeps it out of the way unless asked for.
    if (level <= 4)
        qCInfo(lcRdKafka, "%s: %s", facility, message);
    else
        qCDebug(lcRdKafka, "%s: %s", facility, message);
}

// A member's assignment as librdkafka decoded it, sorted; empty for none.
QList<TopicPartition> partitionsOf(const rd_kafka_MemberAssignment_t *a)
{
    QList<TopicPartition> out;
    const rd_kafka_topic_partition_list_t *list = a ? rd_kafka_MemberAssignment_partitions(a) : nullptr;
    for (int p = 0; list && p < list->cnt; ++p)
        out.append({text(list->elems[p].topic), list->elems[p].partition});
    std::sort(out.begin(), out.end());
    return out;
}

RemoteGroup describedGroup(const rd_kafka_ConsumerGroupDescription_t *g)
{
    RemoteGroup group;
    GroupDescription &d = group.description;
    d.groupId = text(rd_kafka_ConsumerGroupDescription_group_id(g));
    if (const rd_kafka_error_t *e = rd_kafka_ConsumerGroupDescription_error(g))
        d.error = static_cast<ErrorCode>(rd_kafka_error_code(e));
    d.state = text(rd_kafka_consumer_group_state_name(rd_kafka_ConsumerGroupDescription_state(g)));
    // A "simple" group only commits offsets (protocol type ""); the others are consumer groups.
    d.protocolType
        = rd_kafka_ConsumerGroupDescription_is_simple_consumer_group(g) ? QString() : QStringLiteral("consumer");
    d.protocolName = text(rd_kafka_ConsumerGroupDescription_partition_assignor(g));
    d.generationId = -1; // librdkafka describes no generation: unknown until __consumer_offsets tells it
#if RD_KAFKA_VERSION >= 0x020a00ff
    // librdkafka >= 2.10 describes consumer-protocol groups (KIP-848, ConsumerGroupDescribe) and says which kind a
    // group is. It gives neither the group epoch nor the member epochs.
    const bool consumerProtocol = rd_kafka_ConsumerGroupDescription_type(g) == RD_KAFKA_CONSUMER_GROUP_TYPE_CONSUMER;
    if (consumerProtocol)
        d.type = ConsumerGroupType;
#endif
    const size_t members = rd_kafka_ConsumerGroupDescription_member_count(g);
    for (size_t m = 0; m < members; ++m) {
        const rd_kafka_MemberDescription_t *member = rd_kafka_ConsumerGroupDescription_member(g, static_cast<int>(m));
        GroupMemberDescription md;
        md.memberId = text(rd_kafka_MemberDescription_consumer_id(member));
        md.clientId = text(rd_kafka_MemberDescription_client_id(member));
        md.clientHost = text(rd_kafka_MemberDescription_host(member));
        if (const char *instance = rd_kafka_MemberDescription_group_instance_id(member))
            md.groupInstanceId = text(instance);
        const QList<TopicPartition> assigned = partitionsOf(rd_kafka_MemberDescription_assignment(member));
        group.assignment.insert(md.memberId, assigned);
#if RD_KAFKA_VERSION >= 0x020a00ff
        if (consumerProtocol) {
            md.assignedPartitions = assigned;
            md.targetPartitions = partitionsOf(rd_kafka_MemberDescription_target_assignment(member));
        }
#endif
        d.members.append(md);
    }
    return group;
}

} // namespace

QString RdKafkaClient::capabilities()
{
    // Each API under the version it appeared in (librdkafka's CHANGELOG).
    QStringList newer;
#if RD_KAFKA_VERSION >= 0x020200ff
    newer.append(QStringLiteral("IncrementalAlterConfigs"));
#endif
#if RD_KAFKA_VERSION >= 0x020300ff
    newer.append(QStringLiteral("DescribeCluster"));
    newer.append(QStringLiteral("ListOffsets"));
#endif
#if RD_KAFKA_VERSION >= 0x020a00ff
    newer.append(QStringLiteral("consumer group types"));
#endif
    const auto version = [](int v) {
        return QStringLiteral("%1.%2.%3").arg((v >> 24) & 0xff).arg((v >> 16) & 0xff).arg((v >> 8) & 0xff);
    };
    return QStringLiteral("librdkafka %1 (built against %2): %3")
        .arg(version(rd_kafka_version()), version(compiledVersion()),
            newer.isEmpty() ? QStringLiteral("the 2.0 APIs only") : newer.join(QStringLiteral(", ")));
}

int RdKafkaClient::compiledVersion()
{
    return RD_KAFKA_VERSION;
}

RdKafkaClient::~RdKafkaClient()
{
    close();
}

void RdKafkaClient::close()
{
    if (m_producer) {
        rd_kafka_flush(m_producer, m_timeoutMs);
        rd_kafka_destroy(m_producer);
        m_producer = nullptr;
    }
    if (m_consumer) {
        rd_kafka_destroy(m_consumer);
        m_consumer = nullptr;
    }
}

bool RdKafkaClient::open(
    const RemoteClusterOptions &options, DeliveryCallback onDelivery, void *deliveryOpaque, QString *error)
{
    close();
    m_options = options;
    m_timeoutMs = options.requestTimeoutMs;
    m_lastClientError = {};
    m_onDelivery = onDelivery;
    m_deliveryOpaque = deliveryOpaque;
    const QString byUs = QStringLiteral("topicscope's default");
    const QList<RemoteProperty> producerOnly {
        // Java's partitioner for keyed records, so that what other Kafka clients and the preview compute agree
        // (each produced record gets an explicit partition anyway).
        {QStringLiteral("partitioner"), QStringLiteral("murmur2_random"), byUs},
        {QStringLiteral("linger.ms"), QStringLiteral("5"), byUs},
        // The producer refreshes the metadata of every topic it has sent to; allowed to create topics (librdkafka's
        // producer default), it would bring back a topic the person just deleted on a cluster with
        // auto.create.topics.enable (Apache Kafka's default). Producing to a missing topic is an error instead.
        {QStringLiteral("allow.auto.create.topics"), QStringLiteral("false"), byUs},
        {QStringLiteral("message.timeout.ms"), QString::number(options.requestTimeoutMs * 2), byUs},
        // The brokers' connection states for the views, read from the statistics.
        {QStringLiteral("statistics.interval.ms"), QString::number(std::max(100, options.pollIntervalMs / 2)), byUs},
    };
    m_producer = build(RD_KAFKA_PRODUCER, producerOnly, error);
    if (m_producer)
        m_consumer = newConsumer({}, error);
    if (!m_consumer) {
        close();
        return false;
    }
    qCInfo(lcRdKafka).noquote() << capabilities();
    return true;
}

rd_kafka_t *RdKafkaClient::newConsumer(const QList<RemoteProperty> &extra, QString *error) const
{
    const QString byUs = QStringLiteral("topicscope's default");
    QList<RemoteProperty> consumerOnly {
        // Reading must never change a group: no group.id of ours, no commits, no offset store.
        {QStringLiteral("enable.auto.commit"), QStringLiteral("false"), byUs},
        {QStringLiteral("enable.auto.offset.store"), QStringLiteral("false"), byUs},
        {QStringLiteral("enable.partition.eof"), QStringLiteral("true"), byUs},
    };
    consumerOnly += extra;
    return build(RD_KAFKA_CONSUMER, consumerOnly, error);
}

rd_kafka_t *RdKafkaClient::build(rd_kafka_type_t type, const QList<RemoteProperty> &own, QString *error) const
{
    const QString byUs = QStringLiteral("topicscope's default");
    const QList<RemoteProperty> common {
        {QStringLiteral("bootstrap.servers"), m_options.bootstrapServers, QStringLiteral("--bootstrap-server")},
        {QStringLiteral("client.id"), QStringLiteral("topicscope"), byUs},
        {QStringLiteral("socket.timeout.ms"), QString::number(m_options.requestTimeoutMs), byUs},
        // A broker that comes back is noticed within a poll or two.
        {QStringLiteral("reconnect.backoff.max.ms"), QStringLiteral("2000"), byUs},
    };
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char errstr[512];
    // The person's properties come last: they override ours.
    for (const QList<RemoteProperty> *list : {&common, &own, &m_options.properties}) {
        for (const RemoteProperty &p : *list) {
            if (rd_kafka_conf_set(
                    conf, p.name.toUtf8().constData(), p.value.toUtf8().constData(), errstr, sizeof errstr)
                != RD_KAFKA_CONF_OK) {
                *error = QStringLiteral("%1: %2").arg(p.origin, text(errstr));
                rd_kafka_conf_destroy(conf);
                return nullptr;
            }
        }
    }
    rd_kafka_conf_set_log_cb(conf, logToQt);
    if (type == RD_KAFKA_PRODUCER) {
        rd_kafka_conf_set_opaque(conf, const_cast<RdKafkaClient *>(this));
        rd_kafka_conf_set_dr_msg_cb(conf, forwardDelivery);
        rd_kafka_conf_set_stats_cb(conf, onStatistics);
        rd_kafka_conf_set_error_cb(conf, onError);
    }
    rd_kafka_t *rk = rd_kafka_new(type, conf, errstr, sizeof errstr);
    if (!rk) {
        *error = QStringLiteral("cannot create the librdkafka client: %1").arg(text(errstr));
        rd_kafka_conf_destroy(conf);
    }
    return rk;
}

void RdKafkaClient::forwardDelivery(rd_kafka_t *rk, const rd_kafka_message_t *message, void *opaque)
{
    auto *self = static_cast<RdKafkaClient *>(opaque);
    if (self->m_onDelivery)
        self->m_onDelivery(rk, message, self->m_deliveryOpaque);
}

int RdKafkaClient::onStatistics(rd_kafka_t *, char *json, size_t length, void *opaque)
{
    auto *self = static_cast<RdKafkaClient *>(opaque);
    const QJsonObject brokers = QJsonDocument::fromJson(QByteArray(json, static_cast<qsizetype>(length)))
                                    .object()
                                    .value(QLatin1String("brokers"))
                                    .toObject();
    QHash<int, QString> states;
    for (auto it = brokers.constBegin(); it != brokers.constEnd(); ++it) {
        const QJsonObject b = it.value().toObject();
        const int id = b.value(QLatin1String("nodeid")).toInt(-1);
        if (id >= 0) // the bootstrap connections have no id yet
            states.insert(id, b.value(QLatin1String("state")).toString());
    }
    self->m_brokerStates = states;
    return 0; // the JSON buffer stays librdkafka's
}

void RdKafkaClient::onError(rd_kafka_t *, int err, const char *reason, void *opaque)
{
    // With an error callback set librdkafka no longer logs these itself. Served by poll(), on this client's thread;
    // a refused connection comes on every retry, so at the level logToQt gives it.
    qCInfo(lcRdKafka).noquote() << rd_kafka_err2name(static_cast<rd_kafka_resp_err_t>(err)) << text(reason);
    // "1/1 brokers are down" follows the reason they are (connection refused, authentication failed): keep that.
    auto *self = static_cast<RdKafkaClient *>(opaque);
    if (err != RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN || self->m_lastClientError.ok())
        self->m_lastClientError = errorOf(static_cast<rd_kafka_resp_err_t>(err), reason);
}

void RdKafkaClient::poll()
{
    if (m_producer)
        rd_kafka_poll(m_producer, 0);
}

RemoteError RdKafkaClient::metadata(RemoteMetadata *out)
{
    const rd_kafka_metadata_t *md = nullptr;
    if (const rd_kafka_resp_err_t err = rd_kafka_metadata(m_producer, 1, nullptr, &md, m_timeoutMs))
        return errorOf(err);
    if (char *id = rd_kafka_clusterid(m_producer, 0)) {
        out->clusterId = text(id);
        rd_kafka_mem_free(m_producer, id);
    }
    out->controllerId = rd_kafka_controllerid(m_producer, 0);
    for (int i = 0; i < md->broker_cnt; ++i) {
        const rd_kafka_metadata_broker_t &b = md->brokers[i];
        BrokerNode node;
        node.id = b.id;
        node.host = text(b.host);
        node.port = b.port;
        node.isController = b.id == out->controllerId;
        out->brokers.append(node);
    }
    std::sort(out->brokers.begin(), out->brokers.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
#if RD_KAFKA_VERSION >= 0x020300ff
    // DescribeCluster waits for the controller: when Metadata names none of the brokers (librdkafka's mock cluster
    // unless told), it would only time out, every poll.
    if (std::any_of(out->brokers.cbegin(), out->brokers.cend(), [](const BrokerNode &b) { return b.isController; }))
        describeCluster(m_producer, m_timeoutMs, out);
#endif
    for (int i = 0; i < md->topic_cnt; ++i) {
        const rd_kafka_metadata_topic_t &t = md->topics[i];
        if (t.err == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
            continue; // deleted meanwhile
        TopicInfo topic;
        topic.name = text(t.topic);
        for (int p = 0; p < t.partition_cnt; ++p) {
            const rd_kafka_metadata_partition_t &mp = t.partitions[p];
            PartitionInfo info;
            info.partition = mp.id;
            info.leader = mp.leader;
            info.error = static_cast<int>(mp.err);
            for (int r = 0; r < mp.replica_cnt; ++r)
                info.replicas.append(mp.replicas[r]);
            for (int r = 0; r < mp.isr_cnt; ++r)
                info.isr.append(mp.isrs[r]);
            topic.partitions.append(info);
        }
        std::sort(topic.partitions.begin(), topic.partitions.end(),
            [](const PartitionInfo &a, const PartitionInfo &b) { return a.partition < b.partition; });
        out->topics.append(topic);
    }
    std::sort(
        out->topics.begin(), out->topics.end(), [](const TopicInfo &a, const TopicInfo &b) { return a.name < b.name; });
    rd_kafka_metadata_destroy(md);
    return {};
}

RemoteError RdKafkaClient::offsetsAt(
    const QList<TopicPartition> &partitions, qint64 timestamp, QHash<TopicPartition, qint64> *out)
{
    if (partitions.isEmpty())
        return {};
    PartitionList list = partitionList(partitions, timestamp);
#if RD_KAFKA_VERSION >= 0x020300ff
    // librdkafka >= 2.3: the Admin ListOffsets (KIP-396) takes every partition in one call and asks each leader once;
    // read_committed, as the 2.0 path's consumer handle asks (librdkafka's consumer default). A partition whose
    // leader did not answer comes back with its error and is left out.
    return runAdmin(
        m_producer, m_timeoutMs,
        [&](auto *options, auto *queue) {
            if (rd_kafka_error_t *e
                = rd_kafka_AdminOptions_set_isolation_level(options, RD_KAFKA_ISOLATION_LEVEL_READ_COMMITTED))
                rd_kafka_error_destroy(e);
            rd_kafka_ListOffsets(m_producer, list.get(), options, queue);
        },
        [out](rd_kafka_event_t *event) {
            size_t count = 0;
            const rd_kafka_ListOffsetsResultInfo_t **infos
                = rd_kafka_ListOffsets_result_infos(rd_kafka_event_ListOffsets_result(event), &count);
            RemoteError first;
            for (size_t i = 0; i < count; ++i) {
                const rd_kafka_topic_partition_t *e = rd_kafka_ListOffsetsResultInfo_topic_partition(infos[i]);
                if (e->err == RD_KAFKA_RESP_ERR_NO_ERROR)
                    out->insert({text(e->topic), e->partition}, e->offset);
                else if (first.ok())
                    first = errorOf(e->err);
            }
            return first;
        });
#else
    const rd_kafka_resp_err_t err = rd_kafka_offsets_for_times(m_consumer, list.get(), m_timeoutMs);
    for (int i = 0; i < list->cnt; ++i) {
        const rd_kafka_topic_partition_t &e = list->elems[i];
        // After a timeout, a partition whose leader never answered is left as it was sent: no error, and the
        // timestamp still where the offset goes (an answer for -2 or -1 is an offset >= 0, for a time >= 0 an offset
        // or -1).
        const bool unanswered = err != RD_KAFKA_RESP_ERR_NO_ERROR && e.offset == timestamp;
        if (e.err == RD_KAFKA_RESP_ERR_NO_ERROR && !unanswered)
            out->insert({text(e.topic), e.partition}, e.offset);
    }
    return errorOf(err);
#endif
}

RemoteError RdKafkaClient::listGroups(QStringList *groupIds)
{
    return runAdmin(
        m_producer, m_timeoutMs,
        [this](auto *options, auto *queue) { rd_kafka_ListConsumerGroups(m_producer, options, queue); },
        [groupIds](rd_kafka_event_t *event) {
            const auto *result = rd_kafka_event_ListConsumerGroups_result(event);
            size_t count = 0;
            const rd_kafka_ConsumerGroupListing_t **groups = rd_kafka_ListConsumerGroups_result_valid(result, &count);
            for (size_t i = 0; i < count; ++i)
                groupIds->append(text(rd_kafka_ConsumerGroupListing_group_id(groups[i])));
            groupIds->sort();
            size_t errorCount = 0;
            const rd_kafka_error_t **errors = rd_kafka_ListConsumerGroups_result_errors(result, &errorCount);
            return errorCount > 0 ? errorOf(errors[0]) : RemoteError {};
        });
}

RemoteError RdKafkaClient::describeGroups(const QStringList &groupIds, QList<RemoteGroup> *out)
{
    if (groupIds.isEmpty())
        return {};
    QList<QByteArray> names;
    std::vector<const char *> pointers;
    for (const QString &id : groupIds)
        names.append(id.toUtf8());
    for (const QByteArray &name : names)
        pointers.push_back(name.constData());
    return runAdmin(
        m_producer, m_timeoutMs,
        [&](auto *options, auto *queue) {
            rd_kafka_DescribeConsumerGroups(m_producer, pointers.data(), pointers.size(), options, queue);
        },
        [out](rd_kafka_event_t *event) {
            size_t count = 0;
            const rd_kafka_ConsumerGroupDescription_t **groups = rd_kafka_DescribeConsumerGroups_result_groups(
                rd_kafka_event_DescribeConsumerGroups_result(event), &count);
            for (size_t i = 0; i < count; ++i)
                out->append(describedGroup(groups[i]));
            return RemoteError {};
        });
}

namespace {

// The first error of an offsets-per-group answer (ListConsumerGroupOffsets, AlterConsumerGroupOffsets): the group's
// own, else a partition's. Each partition's offset goes to *offsets when given.
RemoteError groupResultsError(
    const rd_kafka_group_result_t **groups, size_t count, QHash<TopicPartition, qint64> *offsets = nullptr)
{
    for (size_t i = 0; i < count; ++i) {
        if (const rd_kafka_error_t *e = rd_kafka_group_result_error(groups[i]))
            return errorOf(e);
        const rd_kafka_topic_partition_list_t *list = rd_kafka_group_result_partitions(groups[i]);
        for (int p = 0; list && p < list->cnt; ++p) {
            const rd_kafka_topic_partition_t &e = list->elems[p];
            if (e.err != RD_KAFKA_RESP_ERR_NO_ERROR && !offsets)
                return errorOf(e.err);
            if (e.err == RD_KAFKA_RESP_ERR_NO_ERROR && e.offset >= 0 && offsets)
                offsets->insert({text(e.topic), e.partition}, e.offset);
        }
    }
    return {};
}

} // namespace

RemoteError RdKafkaClient::committedOffsets(const QString &groupId, QHash<TopicPartition, qint64> *out)
{
    rd_kafka_ListConsumerGroupOffsets_t *request
        = rd_kafka_ListConsumerGroupOffsets_new(groupId.toUtf8().constData(), nullptr); // every partition
    const RemoteError e = runAdmin(
        m_producer, m_timeoutMs,
        [&](auto *options, auto *queue) { rd_kafka_ListConsumerGroupOffsets(m_producer, &request, 1, options, queue); },
        [out](rd_kafka_event_t *event) {
            size_t count = 0;
            const rd_kafka_group_result_t **groups = rd_kafka_ListConsumerGroupOffsets_result_groups(
                rd_kafka_event_ListConsumerGroupOffsets_result(event), &count);
            return groupResultsError(groups, count, out);
        });
    rd_kafka_ListConsumerGroupOffsets_destroy(request);
    return e;
}

RemoteError RdKafkaClient::topicConfigs(const QStringList &topics, QHash<QString, TopicConfig> *out)
{
    if (topics.isEmpty())
        return {};
    std::vector<rd_kafka_ConfigResource_t *> resources;
    for (const QString &topic : topics)
        resources.push_back(rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, topic.toUtf8().constData()));
    const RemoteError e = runAdmin(
        m_producer, m_timeoutMs,
        [&](auto *options, auto *queue) {
            rd_kafka_DescribeConfigs(m_producer, resources.data(), resources.size(), options, queue);
        },
        [out](rd_kafka_event_t *event) {
            size_t count = 0;
            const rd_kafka_ConfigResource_t **results
                = rd_kafka_DescribeConfigs_result_resources(rd_kafka_event_DescribeConfigs_result(event), &count);
            const QMap<QString, QString> known = TopicConfig {}.toKafkaConfigs();
            for (size_t i = 0; i < count; ++i) {
                if (rd_kafka_ConfigResource_error(results[i]))
                    continue;
                size_t entryCount = 0;
                const rd_kafka_ConfigEntry_t **entries = rd_kafka_ConfigResource_configs(results[i], &entryCount);
                TopicConfig config;
                for (size_t n = 0; n < entryCount; ++n) {
                    const QString name = text(rd_kafka_ConfigEntry_name(entries[n]));
                    const char *value = rd_kafka_ConfigEntry_value(entries[n]);
                    // One at a time: an odd value (a cluster's own extension) must not hide the others.
                    if (known.contains(name) && value)
                        config.applyKafkaConfigs({{name, text(value)}});
                }
                out->insert(text(rd_kafka_ConfigResource_name(results[i])), config);
            }
            return RemoteError {};
        });
    rd_kafka_ConfigResource_destroy_array(resources.data(), resources.size());
    return e;
}

namespace {

RemoteError createTopicsError(rd_kafka_event_t *event)
{
    size_t count = 0;
    const auto **results = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &count);
    return topicResultsError(results, count);
}

RemoteError deleteTopicsError(rd_kafka_event_t *event)
{
    size_t count = 0;
    const auto **results = rd_kafka_DeleteTopics_result_topics(rd_kafka_event_DeleteTopics_result(event), &count);
    return topicResultsError(results, count);
}

RemoteError createPartitionsError(rd_kafka_event_t *event)
{
    size_t count = 0;
    const auto **results
        = rd_kafka_CreatePartitions_result_topics(rd_kafka_event_CreatePartitions_result(event), &count);
    return topicResultsError(results, count);
}

// The answer of alterTopicConfigs' request: IncrementalAlterConfigs (librdkafka >= 2.2) or AlterConfigs.
RemoteError alterConfigsError(rd_kafka_event_t *event)
{
    size_t count = 0;
#if RD_KAFKA_VERSION >= 0x020200ff
    const rd_kafka_ConfigResource_t **results = rd_kafka_IncrementalAlterConfigs_result_resources(
        rd_kafka_event_IncrementalAlterConfigs_result(event), &count);
#else
    const rd_kafka_ConfigResource_t **results
        = rd_kafka_AlterConfigs_result_resources(rd_kafka_event_AlterConfigs_result(event), &count);
#endif
    return resourcesError(results, count);
}

RemoteError alterGroupOffsetsError(rd_kafka_event_t *event)
{
    size_t count = 0;
    const rd_kafka_group_result_t **groups = rd_kafka_AlterConsumerGroupOffsets_result_groups(
        rd_kafka_event_AlterConsumerGroupOffsets_result(event), &count);
    return groupResultsError(groups, count);
}

} // namespace

RemoteError RdKafkaClient::createTopic(const QString &name, int partitions, const QMap<QString, QString> &configs)
{
    char errstr[512];
    // Replication factor -1: the cluster's default.replication.factor (KIP-464).
    rd_kafka_NewTopic_t *topic
        = rd_kafka_NewTopic_new(name.toUtf8().constData(), partitions, -1, errstr, sizeof errstr);
    if (!topic)
        return {RD_KAFKA_RESP_ERR__INVALID_ARG, text(errstr)};
    for (auto it = configs.cbegin(); it != configs.cend(); ++it)
        rd_kafka_NewTopic_set_config(topic, it.key().toUtf8().constData(), it.value().toUtf8().constData());
    const RemoteError e = runAdmin(
        m_producer, m_timeoutMs,
        [&](auto *options, auto *queue) { rd_kafka_CreateTopics(m_producer, &topic, 1, options, queue); },
        createTopicsError);
    rd_kafka_NewTopic_destroy(topic);
    return e;
}

RemoteError RdKafkaClient::deleteTopic(const QString &name)
{
    rd_kafka_DeleteTopic_t *topic = rd_kafka_DeleteTopic_new(name.toUtf8().constData());
    const RemoteError e = runAdmin(
        m_producer, m_timeoutMs,
        [&](auto *options, auto *queue) { rd_kafka_DeleteTopics(m_producer, &topic, 1, options, queue); },
        deleteTopicsError);
    rd_kafka_DeleteTopic_destroy(topic);
    return e;
}

RemoteError RdKafkaClient::createPartitions(const QString &name, int newPartitionCount)
{
    char errstr[512];
    rd_kafka_NewPartitions_t *partitions = rd_kafka_NewPartitions_new(
        name.toUtf8().constData(), static_cast<size_t>(std::max(0, newPartitionCount)), errstr, sizeof errstr);
    if (!partitions)
        return {RD_KAFKA_RESP_ERR__INVALID_ARG, text(errstr)};
    const RemoteError e = runAdmin(
        m_producer, m_timeoutMs,
        [&](auto *options, auto *queue) { rd_kafka_CreatePartitions(m_producer, &partitions, 1, options, queue); },
        createPartitionsError);
    rd_kafka_NewPartitions_destroy(partitions);
    return e;
}

RemoteError RdKafkaClient::deleteRecords(const TopicPartition &partition, qint64 beforeOffset)
{
    PartitionList list(rd_kafka_topic_partition_list_new(1));
    rd_kafka_topic_partition_list_add(list.get(), partition.topic.toUtf8().constData(), partition.partition)->offset
        = beforeOffset < 0 ? RD_KAFKA_OFFSET_END : beforeOffset;
    rd_kafka_DeleteRecords_t *request = rd_kafka_DeleteRecords_new(list.get());
    const RemoteError e = runAdmin(
        m_producer, m_timeoutMs,
        [&](auto *options, auto *queue) { rd_kafka_DeleteRecords(m_producer, &request, 1, options, queue); },
        [](rd_kafka_event_t *event) {
            const rd_kafka_topic_partition_list_t *offsets
                = rd_kafka_DeleteRecords_result_offsets(rd_kafka_event_DeleteRecords_result(event));
            for (int i = 0; offsets && i < offsets->cnt; ++i) {
                if (offsets->elems[i].err != RD_KAFKA_RESP_ERR_NO_ERROR)
                    return errorOf(offsets->elems[i].err);
            }
            return RemoteError {};
        });
    rd_kafka_DeleteRecords_destroy(request);
    return e;
}

RemoteError RdKafkaClient::deleteGroup(const QString &groupId)
{
    rd_kafka_DeleteGroup_t *request = rd_kafka_DeleteGroup_new(groupId.toUtf8().constData());
    const RemoteError e = runAdmin(
        m_producer, m_timeoutMs,
        [&](auto *options, auto *queue) { rd_kafka_DeleteGroups(m_producer, &request, 1, options, queue); },
        [](rd_kafka_event_t *event) {
            size_t count = 0;
            const rd_kafka_group_result_t **groups
                = rd_kafka_DeleteGroups_result_groups(rd_kafka_event_DeleteGroups_result(event), &count);
            for (size_t i = 0; i < count; ++i) {
                if (const rd_kafka_error_t *error = rd_kafka_group_result_error(groups[i]))
                    return errorOf(error);
            }
            return RemoteError {};
        });
    rd_kafka_DeleteGroup_destroy(request);
    return e;
}

QMap<QString, QString> RdKafkaClient::replacedOverrides(
    const QMap<QString, QString> &overrides, const QMap<QString, QString> &configs, const QMap<QString, QString> &shown)
{
    QMap<QString, QString> all = overrides;
    const QMap<QString, QString> changed = TopicConfig::changedConfigs(configs, shown);
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        all.insert(it.key(), it.value());
    return all;
}

RemoteError RdKafkaClient::topicOverrides(const QString &name, QMap<QString, QString> *out)
{
    rd_kafka_ConfigResource_t *resource
        = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, name.toUtf8().constData());
    const RemoteError e = runAdmin(
        m_producer, m_timeoutMs,
        [&](auto *options, auto *queue) { rd_kafka_DescribeConfigs(m_producer, &resource, 1, options, queue); },
        [&](rd_kafka_event_t *event) {
            size_t count = 0;
            const rd_kafka_ConfigResource_t **results
                = rd_kafka_DescribeConfigs_result_resources(rd_kafka_event_DescribeConfigs_result(event), &count);
            if (count != 1)
                return RemoteError {RD_KAFKA_RESP_ERR__BAD_MSG, QStringLiteral("DescribeConfigs answered no topic")};
            if (const rd_kafka_resp_err_t err = rd_kafka_ConfigResource_error(results[0]))
                return errorOf(err, rd_kafka_ConfigResource_error_string(results[0]));
            size_t entryCount = 0;
            const rd_kafka_ConfigEntry_t **entries = rd_kafka_ConfigResource_configs(results[0], &entryCount);
            for (size_t n = 0; n < entryCount; ++n) {
                if (rd_kafka_ConfigEntry_source(entries[n]) != RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG)
                    continue;
                const QString setting = text(rd_kafka_ConfigEntry_name(entries[n]));
                const char *value = rd_kafka_ConfigEntry_value(entries[n]);
                // A secret the cluster does not show cannot be sent back: replacing the overrides would drop it.
                if (rd_kafka_ConfigEntry_is_sensitive(entries[n]) || !value)
                    return RemoteError {RD_KAFKA_RESP_ERR_INVALID_CONFIG,
                        QStringLiteral("topic %1 has a setting the cluster does not show (%2); changing its settings "
                                       "through this librdkafka would drop it")
                            .arg(name, setting)};
                out->insert(setting, text(value));
            }
            return RemoteError {};
        });
    rd_kafka_ConfigResource_destroy(resource);
    return e;
}

RemoteError RdKafkaClient::alterTopicConfigs(
    const QString &name, const QMap<QString, QString> &configs, const QMap<QString, QString> &shown)
{
#if RD_KAFKA_VERSION >= 0x020200ff
    // librdkafka >= 2.2: IncrementalAlterConfigs (KIP-339) sets only what the edit changed; an override it does not
    // name (one TopicConfig does not carry, or one changed meanwhile by someone else) stays.
    const QMap<QString, QString> changed = TopicConfig::changedConfigs(configs, shown);
    rd_kafka_ConfigResource_t *resource
        = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, name.toUtf8().constData());
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        if (rd_kafka_error_t *e = rd_kafka_ConfigResource_add_incremental_config(resource,
                it.key().toUtf8().constData(), RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET, it.value().toUtf8().constData())) {
            const RemoteError error = errorOf(e);
            rd_kafka_error_destroy(e);
            rd_kafka_ConfigResource_destroy(resource);
            return error;
        }
    }
#else
    // librdkafka 2.0 has only AlterConfigs, which replaces the topic's whole set of overrides: what the cluster
    // overrides now (DescribeConfigs, the DYNAMIC_TOPIC_CONFIG entries, settings TopicConfig does not carry
    // included) is sent back with what the edit changed on top, as Kafka's tools did before KIP-339. Only a change
    // someone else makes between the two requests (milliseconds) can be lost.
    QMap<QString, QString> overrides;
    if (const RemoteError described = topicOverrides(name, &overrides); !described.ok())
        return described;
    const QMap<QString, QString> all = replacedOverrides(overrides, configs, shown);
    rd_kafka_ConfigResource_t *resource
        = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, name.toUtf8().constData());
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        rd_kafka_ConfigResource_set_config(resource, it.key().toUtf8().constData(), it.value().toUtf8().constData());
#endif
    const RemoteError e = runAdmin(
        m_producer, m_timeoutMs,
        [&](auto *options, auto *queue) {
#if RD_KAFKA_VERSION >= 0x020200ff
            rd_kafka_IncrementalAlterConfigs(m_producer, &resource, 1, options, queue);
#else
            rd_kafka_AlterConfigs(m_producer, &resource, 1, options, queue);
#endif
        },
        alterConfigsError);
    rd_kafka_ConfigResource_destroy(resource);
    return e;
}

RemoteError RdKafkaClient::alterGroupOffsets(const QString &groupId, const QHash<TopicPartition, qint64> &offsets)
{
    PartitionList list(rd_kafka_topic_partition_list_new(static_cast<int>(offsets.size())));
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it)
        rd_kafka_topic_partition_list_add(list.get(), it.key().topic.toUtf8().constData(), it.key().partition)->offset
            = it.value();
    rd_kafka_AlterConsumerGroupOffsets_t *request
        = rd_kafka_AlterConsumerGroupOffsets_new(groupId.toUtf8().constData(), list.get());
    const RemoteError e = runAdmin(
        m_producer, m_timeoutMs,
        [&](auto *options, auto *queue) {
            rd_kafka_AlterConsumerGroupOffsets(m_producer, &request, 1, options, queue);
        },
        alterGroupOffsetsError);
    rd_kafka_AlterConsumerGroupOffsets_destroy(request);
    return e;
}

} // namespace topicscope::engine
