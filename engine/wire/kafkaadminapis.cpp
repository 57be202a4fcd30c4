#include "wire/kafkaapisprivate.h"

#include "group/groupcoordinator.h"
#include "log/logmanager.h"

#include <QHash>

// The administration APIs of KafkaApis: topics, partitions, records, configs and groups.
namespace topicscope::engine {

WireResponse KafkaApis::Private::handleCreateTopics(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeMessage<CreateTopicsRequest>(r, h.apiVersion);
    if (!data)
        return {};
    QHash<QString, int> occurrences;
    for (const auto &t : data->topics)
        ++occurrences[t.name];
    CreateTopicsResponse response;
    for (const auto &t : data->topics) {
        CreateTopicsResponse::Topic result;
        result.name = t.name;
        QString why;
        const int partitions = !t.assignments.isEmpty()
            ? static_cast<int>(t.assignments.size())
            : (t.numPartitions == -1 ? config.numPartitions : t.numPartitions);
        TopicConfig topicConfig;
        QMap<QString, QString> configs;
        for (const auto &c : t.configs) {
            if (c.value)
                configs.insert(c.name, *c.value);
        }
        if (occurrences.value(t.name) > 1) {
            result.error = ErrorCode::InvalidRequest;
            why = QStringLiteral("topic %1 appears more than once in the request").arg(t.name);
        } else if (partitions <= 0) {
            result.error = ErrorCode::InvalidPartitions;
            why = QStringLiteral("number of partitions must be larger than 0");
        } else if (t.replicationFactor != -1 && t.replicationFactor != 1) {
            result.error = ErrorCode::InvalidReplicationFactor;
            why = QStringLiteral("replication factor %1 is impossible on a single broker").arg(t.replicationFactor);
        } else if (const ErrorCode e = topicConfig.applyKafkaConfigs(configs, &why); e != ErrorCode::None) {
            result.error = e;
        } else if (const ErrorCode e = LogManager::validateTopicName(t.name, &why); e != ErrorCode::None) {
            result.error = e;
        } else if (log.partitionCount(t.name) >= 0) {
            result.error = ErrorCode::TopicAlreadyExists;
            why = QStringLiteral("topic '%1' already exists").arg(t.name);
        } else if (!data->validateOnly) {
            result.error = log.createTopic(t.name, partitions, topicConfig, &why);
            if (result.error == ErrorCode::None)
                result.topicId = log.topicId(t.name).toByteArray();
        }
        if (result.error != ErrorCode::None) {
            result.errorMessage = why;
        } else {
            // KIP-525 (v5+): what the topic was created with, as DescribeConfigs would show it. A validateOnly
            // request gets the same answer without an id: no topic came into being.
            constexpr qint8 DynamicTopicConfig = 1;
            constexpr qint8 DefaultConfig = 5;
            result.numPartitions = partitions;
            result.replicationFactor = 1;
            const QMap<QString, QString> defaults = TopicConfig {}.toKafkaConfigs();
            const QMap<QString, QString> effective = topicConfig.toKafkaConfigs();
            for (auto it = effective.cbegin(); it != effective.cend(); ++it) {
                const bool isDefault = defaults.value(it.key()) == it.value();
                result.configs->append(
                    {it.key(), it.value(), false, isDefault ? DefaultConfig : DynamicTopicConfig, false});
            }
        }
        response.topics.append(std::move(result));
    }
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

// Kafka's DeleteTopics (the KRaft controller's rules): a topic named twice (or its id given twice) is refused with
// INVALID_REQUEST, as is an entry with both a name and an id or with neither (v6+); an unknown name gets
// UNKNOWN_TOPIC_OR_PARTITION, an unknown id UNKNOWN_TOPIC_ID; a deleted topic is answered with its name and id.
// Answers follow the request's order (Kafka shuffles them).
WireResponse KafkaApis::Private::handleDeleteTopics(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeMessage<DeleteTopicsRequest>(r, h.apiVersion);
    if (!data)
        return {};
    QList<DeleteTopicsRequest::Topic> asked = data->topics;
    for (const QString &name : data->topicNames)
        asked.append({name, {}});
    QHash<QString, int> names;
    QHash<TopicId, int> ids;
    for (const auto &topic : asked) {
        if (topic.name)
            ++names[*topic.name];
        else
            ++ids[TopicId::fromBytes(topic.topicId)];
    }
    DeleteTopicsResponse response;
    for (const auto &topic : asked) {
        DeleteTopicsResponse::Topic result {topic.name, topic.topicId, ErrorCode::None, std::nullopt};
        const TopicId id = TopicId::fromBytes(topic.topicId);
        QString why;
        if (topic.name && !id.isNull()) {
            result.error = ErrorCode::InvalidRequest;
            why = QStringLiteral("You may not specify both topic name and topic id.");
        } else if (!topic.name && id.isNull()) {
            result.error = ErrorCode::InvalidRequest;
            why = QStringLiteral("Neither topic name nor id were specified.");
        } else if (topic.name ? names.value(*topic.name) > 1 : ids.value(id) > 1) {
            result.error = ErrorCode::InvalidRequest;
            why = topic.name ? QStringLiteral("Duplicate topic name.") : QStringLiteral("Duplicate topic id.");
            if (topic.name)
                result.topicId.clear();
        } else {
            const QString name = topic.name ? *topic.name : log.topicName(id);
            if (name.isEmpty()) {
                result.error = ErrorCode::UnknownTopicId;
                why = QStringLiteral("topic id %1 does not exist").arg(id.toString());
            } else {
                const TopicId deletedId = log.topicId(name);
                result.error = log.deleteTopic(name, &why);
                if (result.error == ErrorCode::None) {
                    groups.onTopicDeleted(name);
                    result.name = name;
                    result.topicId = deletedId.toByteArray();
                }
            }
        }
        if (result.error != ErrorCode::None)
            result.errorMessage = why;
        response.responses.append(std::move(result));
    }
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

WireResponse KafkaApis::Private::handleDeleteRecords(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeDeleteRecordsRequest(r, h.apiVersion);
    if (!data)
        return {};
    DeleteRecordsResponse response;
    for (const auto &topic : data->topics) {
        response.topics.append({topic.name, {}});
        for (const auto &p : topic.partitions) {
            qint64 low = -1;
            const ErrorCode e = log.deleteRecordsBefore({topic.name, p.index}, p.offset, &low);
            response.topics.last().partitions.append({p.index, e == ErrorCode::None ? low : -1, e});
        }
    }
    return sendResponse(h, encodeDeleteRecordsResponse(response, h.apiVersion));
}

WireResponse KafkaApis::Private::handleDescribeConfigs(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeDescribeConfigsRequest(r, h.apiVersion);
    if (!data)
        return {};
    constexpr qint8 TopicResource = 2;
    constexpr qint8 BrokerResource = 4;
    constexpr qint8 DynamicTopicConfig = 1;
    constexpr qint8 StaticBrokerConfig = 4;
    constexpr qint8 DefaultConfig = 5;
    DescribeConfigsResponseData response;
    for (const auto &resource : data->resources) {
        DescribeConfigsResponseData::Result result;
        result.resourceType = resource.resourceType;
        result.resourceName = resource.resourceName;
        const auto wanted = [&](const QString &name) {
            return !resource.configurationKeys || resource.configurationKeys->contains(name);
        };
        if (resource.resourceType == TopicResource) {
            const std::optional<TopicInfo> topic = log.describeTopic(resource.resourceName);
            if (!topic) {
                result.error = ErrorCode::UnknownTopicOrPartition;
                result.errorMessage = QStringLiteral("topic '%1' does not exist").arg(resource.resourceName);
            } else {
                const QMap<QString, QString> defaults = TopicConfig {}.toKafkaConfigs();
                const QMap<QString, QString> configs = topic->config.toKafkaConfigs();
                for (auto it = configs.cbegin(); it != configs.cend(); ++it) {
                    if (!wanted(it.key()))
                        continue;
                    DescribeConfigsResponseData::Config config;
                    config.name = it.key();
                    config.value = it.value();
                    config.isDefault = defaults.value(it.key()) == it.value();
                    config.configSource = config.isDefault ? DefaultConfig : DynamicTopicConfig;
                    result.configs.append(config);
                }
            }
        } else if (resource.resourceType == BrokerResource) {
            // The broker settings a client can observe; all fixed for the broker's lifetime.
            const QList<QPair<QString, QString>> settings {
                {QStringLiteral("auto.create.topics.enable"),
                    config.autoCreateTopics ? QStringLiteral("true") : QStringLiteral("false")},
                {QStringLiteral("num.partitions"), QString::number(config.numPartitions)},
                {QStringLiteral("default.replication.factor"), QStringLiteral("1")},
            };
            for (const auto &[name, value] : settings) {
                if (wanted(name))
                    result.configs.append({name, value, true, false, StaticBrokerConfig, false});
            }
        } else {
            result.error = ErrorCode::InvalidRequest;
            result.errorMessage = QStringLiteral("resource type %1 has no configs here").arg(resource.resourceType);
        }
        response.results.append(std::move(result));
    }
    return sendResponse(h, encodeDescribeConfigsResponse(response, h.apiVersion));
}

WireResponse KafkaApis::Private::handleDeleteGroups(const RequestHeader &h, WireReader &r)
{
    const auto groupIds = decodeDeleteGroupsRequest(r, h.apiVersion);
    if (!groupIds)
        return {};
    QList<QPair<QString, ErrorCode>> results;
    for (const QString &groupId : *groupIds)
        results.append({groupId, groups.deleteGroup(groupId)});
    return sendResponse(h, encodeDeleteGroupsResponse(results, h.apiVersion));
}

WireResponse KafkaApis::Private::handleAlterConfigs(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeAlterConfigsRequest(r, h.apiVersion);
    if (!data)
        return {};
    QList<ResourceResult> results;
    for (const auto &resource : data->resources) {
        ResourceResult result {ErrorCode::None, std::nullopt, resource.resourceType, resource.resourceName};
        QString why;
        if (resource.resourceType != 2) {
            result.error = ErrorCode::InvalidRequest;
            why = QStringLiteral("only topic configs can be altered here");
        } else if (log.partitionCount(resource.resourceName) < 0) {
            result.error = ErrorCode::UnknownTopicOrPartition;
            why = QStringLiteral("topic '%1' does not exist").arg(resource.resourceName);
        } else {
            // AlterConfigs replaces the whole configuration: what is not listed returns to its default.
            TopicConfig config;
            QMap<QString, QString> values;
            for (const auto &[name, value] : resource.configs) {
                if (value)
                    values.insert(name, *value);
            }
            result.error = config.applyKafkaConfigs(values, &why);
            if (result.error == ErrorCode::None && !data->validateOnly)
                result.error = log.alterConfig(resource.resourceName, config, &why);
        }
        if (result.error != ErrorCode::None)
            result.errorMessage = why;
        results.append(result);
    }
    return sendResponse(h, encodeAlterConfigsResponse(results, h.apiVersion));
}

WireResponse KafkaApis::Private::handleCreatePartitions(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeCreatePartitionsRequest(r, h.apiVersion);
    if (!data)
        return {};
    QList<TopicResult> results;
    for (const auto &topic : data->topics) {
        TopicResult result {topic.name, ErrorCode::None, std::nullopt};
        QString why;
        const int current = log.partitionCount(topic.name);
        if (current < 0) {
            result.error = ErrorCode::UnknownTopicOrPartition;
            why = QStringLiteral("topic '%1' does not exist").arg(topic.name);
        } else if (topic.count <= current) {
            result.error = ErrorCode::InvalidPartitions;
            why = QStringLiteral("topic has %1 partitions; the new count must be larger, got %2")
                      .arg(current)
                      .arg(topic.count);
        } else if (!data->validateOnly) {
            result.error = log.createPartitions(topic.name, topic.count, &why);
        }
        if (result.error != ErrorCode::None)
            result.errorMessage = why;
        results.append(result);
    }
    return sendResponse(h, encodeCreatePartitionsResponse(results, h.apiVersion));
}

} // namespace topicscope::engine
