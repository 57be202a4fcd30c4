#include "wire/kafkaapisprivate.h"

#include "group/groupcoordinator.h"
#include "log/logmanager.h"
#include "topicnames.h"
#include "wire/configcatalog.h"

#include <QHash>
#include <QSet>
#include <algorithm>

// The administration APIs of KafkaApis: topics, partitions, records, configs and groups.
namespace topicscope::engine {

namespace {

inline constexpr auto InvalidReplicaAssignment = static_cast<ErrorCode>(39);

using Source = DescribeConfigsResponseData::Source;

// The resources of an alter request that appear more than once (same type and name): Kafka refuses each of them.
template <class Resource> QSet<QPair<qint8, QString>> repeatedResources(const QList<Resource> &resources)
{
    QHash<QPair<qint8, QString>, int> seen;
    for (const Resource &resource : resources)
        ++seen[{resource.resourceType, resource.resourceName}];
    QSet<QPair<qint8, QString>> repeated;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        if (it.value() > 1)
            repeated.insert(it.key());
    }
    return repeated;
}

// Kafka's checks on one resource of AlterConfigs or IncrementalAlterConfigs before its changes are looked at
// (ConfigAdminManager.preprocess), in Kafka's order. nullValueNames: the settings given a null value by an operation
// that needs one.
ErrorCode precheckAlter(bool repeated, const QStringList &names, const QStringList &nullValueNames, QString *why)
{
    if (repeated) {
        *why = QStringLiteral("Each resource must appear at most once.");
        return ErrorCode::InvalidRequest;
    }
    if (QSet<QString>(names.cbegin(), names.cend()).size() != names.size()) {
        *why = QStringLiteral("Error due to duplicate config keys");
        return ErrorCode::InvalidRequest;
    }
    if (!nullValueNames.isEmpty()) {
        *why = QStringLiteral("Null value not supported for : ") + nullValueNames.join(QStringLiteral(", "));
        return ErrorCode::InvalidRequest;
    }
    return ErrorCode::None;
}

// The answer for a resource type that is neither a topic nor a broker.
ErrorCode unservedResourceType(qint8 type, QString *why)
{
    if (type == ConfigResourceType::BrokerLogger || type == ConfigResourceType::ClientMetrics
        || type == ConfigResourceType::Group)
        *why = QStringLiteral("resource type %1 has no configs here").arg(type);
    else
        *why = QStringLiteral("Unknown resource type %1").arg(type);
    return ErrorCode::InvalidRequest;
}

// A broker resource of an alter request: "" (the cluster-wide defaults) or this node's id. None of the broker's
// settings can change while it runs, so any setting given a value is refused, as Kafka refuses its static ones.
ErrorCode checkBrokerAlter(const QString &name, qint32 nodeId, const QStringList &setNames, QString *why)
{
    if (!name.isEmpty()) {
        bool ok = false;
        const int id = name.toInt(&ok);
        if (!ok) {
            *why = QStringLiteral("Node id must be an integer, but it is: %1").arg(name);
            return ErrorCode::InvalidRequest;
        }
        if (id != nodeId) {
            *why = QStringLiteral("Unexpected broker id, expected %1, but received %2").arg(nodeId).arg(name);
            return ErrorCode::InvalidRequest;
        }
    }
    if (!setNames.isEmpty()) {
        *why = QStringLiteral("Cannot update these configs dynamically: Set(%1)")
                   .arg(setNames.join(QStringLiteral(", ")));
        return ErrorCode::InvalidRequest;
    }
    return ErrorCode::None;
}

// An alter request's resources in Kafka's order: the checks before any change (a resource named twice, a key twice, a
// null value where the operation needs one), then the change itself by resource type. needsValue(config) says
// whether a config's operation needs a value; alterTopic(resource, why) and alterBroker(resource, why) make the
// change (or check it, for validate_only).
template <class Resource, class NeedsValue, class AlterTopic, class AlterBroker>
QList<ConfigResourceResult> alterResources(
    const QList<Resource> &resources, NeedsValue needsValue, AlterTopic alterTopic, AlterBroker alterBroker)
{
    const QSet<QPair<qint8, QString>> repeated = repeatedResources(resources);
    QList<ConfigResourceResult> results;
    for (const Resource &resource : resources) {
        ConfigResourceResult result {ErrorCode::None, std::nullopt, resource.resourceType, resource.resourceName};
        QStringList names;
        QStringList nullValues;
        for (const auto &config : resource.configs) {
            names.append(config.name);
            if (needsValue(config) && !config.value)
                nullValues.append(config.name);
        }
        QString why;
        result.error
            = precheckAlter(repeated.contains({resource.resourceType, resource.resourceName}), names, nullValues, &why);
        if (result.error != ErrorCode::None) {
            // refused before its changes are looked at
        } else if (resource.resourceType == ConfigResourceType::Topic) {
            result.error = alterTopic(resource, &why);
        } else if (resource.resourceType == ConfigResourceType::Broker) {
            result.error = alterBroker(resource, &why);
        } else {
            result.error = unservedResourceType(resource.resourceType, &why);
        }
        if (result.error != ErrorCode::None)
            result.errorMessage = why;
        results.append(result);
    }
    return results;
}

// IncrementalAlterConfigs on broker "" or this node: Kafka's prepareIncrementalConfigs (APPEND and SUBTRACT need a
// list-type setting; none of the broker's is one), then checkBrokerAlter on the settings given a value. DELETE of a
// setting nobody set dynamically changes nothing.
ErrorCode checkIncrementalBrokerAlter(
    const IncrementalAlterConfigsRequestData::Resource &resource, qint32 nodeId, QString *why)
{
    using Operation = IncrementalAlterConfigsRequestData::Operation;
    QStringList setNames;
    for (const auto &config : resource.configs) {
        switch (config.configOperation) {
        case Operation::Set:
            setNames.append(config.name);
            break;
        case Operation::Delete:
            break;
        case Operation::Append:
        case Operation::Subtract:
            *why = ConfigCatalog::brokerSetting(config.name)
                ? QStringLiteral("Config value %1 is not allowed for config key: %2")
                      .arg(config.configOperation == Operation::Append ? QStringLiteral("append")
                                                                       : QStringLiteral("subtract"),
                          config.name)
                : QStringLiteral("Unknown config name: %1").arg(config.name);
            return ErrorCode::InvalidConfig;
        default:
            *why = QStringLiteral("Unknown operations type %1").arg(config.configOperation);
            return ErrorCode::InvalidRequest;
        }
    }
    return checkBrokerAlter(resource.resourceName, nodeId, setNames, why);
}

// A DescribeConfigs entry with Kafka's type and, when asked for, synonyms (the value in effect first) and
// documentation.
DescribeConfigsResponseData::Config describedConfig(const QString &name, const QString &value,
    const QList<DescribeConfigsResponseData::Synonym> &synonyms, const std::optional<ConfigFacts> &facts,
    const DescribeConfigsRequestData &request)
{
    DescribeConfigsResponseData::Config config;
    config.name = name;
    config.value = value;
    config.configSource = synonyms.isEmpty() ? Source::DefaultConfig : synonyms.constFirst().source;
    config.isDefault = config.configSource == Source::DefaultConfig;
    if (request.includeSynonyms)
        config.synonyms = synonyms;
    if (facts) {
        config.configType = facts->type;
        if (request.includeDocumentation)
            config.documentation = facts->documentation;
    }
    return config;
}

// Sets a topic's whole configuration from Kafka config strings, unless validateOnly, after Kafka's checks in Kafka's
// order (ControllerConfigurationValidator, then the existence check): the name, the settings, the topic.
ErrorCode alterTopicConfig(
    LogManager &log, const QString &topic, const QMap<QString, QString> &settings, bool validateOnly, QString *why)
{
    if (topic.isEmpty()) {
        *why = QStringLiteral("Default topic resources are not allowed.");
        return ErrorCode::InvalidRequest;
    }
    if (const ErrorCode e = LogManager::validateTopicName(topic, why); e != ErrorCode::None)
        return e;
    TopicConfig next;
    if (const ErrorCode e = next.applyKafkaConfigs(settings, why); e != ErrorCode::None)
        return e;
    if (log.partitionCount(topic) < 0) {
        *why = QStringLiteral("topic '%1' does not exist").arg(topic);
        return ErrorCode::UnknownTopicOrPartition;
    }
    return validateOnly ? ErrorCode::None : log.alterConfig(topic, next, why);
}

// Kafka's validateManualPartitionAssignment for CreatePartitions, on a cluster of one broker whose partitions have one
// replica each.
ErrorCode checkAssignments(
    const std::optional<QList<CreatePartitionsRequestData::Assignment>> &assignments, qint32 nodeId, QString *why)
{
    for (const auto &assignment : assignments.value_or(QList<CreatePartitionsRequestData::Assignment> {})) {
        if (assignment.brokerIds.isEmpty()) {
            *why = QStringLiteral("The manual partition assignment includes an empty replica list.");
            return InvalidReplicaAssignment;
        }
        QList<qint32> sorted = assignment.brokerIds;
        std::sort(sorted.begin(), sorted.end());
        for (qsizetype i = 0; i < sorted.size(); ++i) {
            if (sorted.at(i) != nodeId) {
                *why = QStringLiteral("The manual partition assignment includes broker %1, but no such broker is "
                                      "registered.")
                           .arg(sorted.at(i));
                return InvalidReplicaAssignment;
            }
            if (i > 0 && sorted.at(i) == sorted.at(i - 1)) {
                *why = QStringLiteral("The manual partition assignment includes the broker %1 more than once.")
                           .arg(sorted.at(i));
                return InvalidReplicaAssignment;
            }
        }
        if (sorted.size() != 1) {
            *why = QStringLiteral("The manual partition assignment includes a partition with %1 replica(s), but this "
                                  "is not consistent with previous partitions, which have 1 replica(s).")
                       .arg(sorted.size());
            return InvalidReplicaAssignment;
        }
    }
    return ErrorCode::None;
}

} // namespace

void KafkaApis::Private::handleCreateTopics(
    const RequestHeader &h, const CreateTopicsRequest &request, const WireConnectionInfo &, Responder respond)
{
    auto job = std::make_shared<CreateTopicsJob>();
    job->header = h;
    job->request = request;
    for (const auto &t : request.topics)
        ++job->occurrences[t.name];
    // A step at a time, as Metadata's auto-creation: 100 topics of 10,000 partitions are a million store rows.
    runInSteps([this, job, respond = std::move(respond)] {
        if (!answerCreateTopicsStep(*job))
            return false;
        respond(sendResponse(job->header, encodeMessage(job->response, job->header.apiVersion)));
        return true;
    });
}

bool KafkaApis::Private::answerCreateTopicsStep(CreateTopicsJob &job)
{
    const qint64 startMs = clock.nowMs();
    const auto outOfTime = [this, startMs] { return clock.nowMs() - startMs >= StepBudgetMs; };
    const auto &topics = job.request.topics;
    while (job.next < topics.size()) {
        if (!job.creation) {
            // The next range: checked now, the valid ones created over as many steps as their partitions take.
            std::vector<LogManager::NewTopic> toCreate;
            while (job.next + static_cast<qsizetype>(job.checked.size()) < topics.size()
                && job.checked.size() < StepTopics) {
                const auto &t = topics.at(job.next + static_cast<qsizetype>(job.checked.size()));
                job.checked.push_back(checkNewTopic(job, t));
                CreateTopicsJob::Checked &c = job.checked.back();
                if (c.result.error == ErrorCode::None && !job.request.validateOnly) {
                    c.creation = toCreate.size();
                    toCreate.push_back({t.name, c.partitions, c.config});
                }
            }
            job.creation = log.beginCreatingTopics(std::move(toCreate));
        }
        if (!log.continueCreatingTopics(*job.creation, outOfTime))
            return false;
        answerCreateTopicsRange(job);
        if (job.next < topics.size() && outOfTime())
            return false;
    }
    return true;
}

KafkaApis::Private::CreateTopicsJob::Checked KafkaApis::Private::checkNewTopic(
    const CreateTopicsJob &job, const CreateTopicsRequest::Topic &t) const
{
    CreateTopicsJob::Checked c;
    c.result.name = t.name;
    c.partitions = !t.assignments.isEmpty() ? static_cast<int>(t.assignments.size())
                                            : (t.numPartitions == -1 ? config.numPartitions : t.numPartitions);
    QMap<QString, QString> configs;
    for (const auto &entry : t.configs) {
        if (entry.value)
            configs.insert(entry.name, *entry.value);
    }
    if (job.occurrences.value(t.name) > 1) {
        c.result.error = ErrorCode::InvalidRequest;
        c.why = QStringLiteral("topic %1 appears more than once in the request").arg(t.name);
    } else if (c.partitions <= 0) {
        c.result.error = ErrorCode::InvalidPartitions;
        c.why = QStringLiteral("number of partitions must be larger than 0");
    } else if (t.replicationFactor != -1 && t.replicationFactor != 1) {
        c.result.error = ErrorCode::InvalidReplicationFactor;
        c.why = QStringLiteral("replication factor %1 is impossible on a single broker").arg(t.replicationFactor);
    } else if (const ErrorCode e = c.config.applyKafkaConfigs(configs, &c.why); e != ErrorCode::None) {
        c.result.error = e;
    } else if (const ErrorCode e = LogManager::validateTopicName(t.name, &c.why); e != ErrorCode::None) {
        c.result.error = e;
    } else if (log.partitionCount(t.name) >= 0) {
        c.result.error = ErrorCode::TopicAlreadyExists;
        c.why = QStringLiteral("topic '%1' already exists").arg(t.name);
    }
    return c;
}

void KafkaApis::Private::answerCreateTopicsRange(CreateTopicsJob &job)
{
    const std::vector<LogManager::TopicCreation> &created = job.creation->results();
    for (CreateTopicsJob::Checked &c : job.checked) {
        CreateTopicsResponse::Topic &result = c.result;
        if (c.creation) {
            result.error = created[*c.creation].error;
            c.why = created[*c.creation].why;
            if (result.error == ErrorCode::None)
                result.topicId = log.topicId(result.name).toByteArray();
        }
        if (result.error != ErrorCode::None) {
            result.errorMessage = c.why;
        } else {
            // KIP-525 (v5+): what the topic was created with, as DescribeConfigs would show it. A validateOnly
            // request gets the same answer with a fresh random id that names no topic, as Kafka's controller answers
            // (ReplicationControlManager draws the id before it looks at validate_only).
            if (job.request.validateOnly)
                result.topicId = TopicId::generate().toByteArray();
            constexpr qint8 DynamicTopicConfig = 1;
            constexpr qint8 DefaultConfig = 5;
            result.numPartitions = c.partitions;
            result.replicationFactor = 1;
            const QMap<QString, QString> defaults = TopicConfig {}.toKafkaConfigs();
            const QMap<QString, QString> effective = c.config.toKafkaConfigs();
            for (auto it = effective.cbegin(); it != effective.cend(); ++it) {
                const bool isDefault = defaults.value(it.key()) == it.value();
                result.configs->append(
                    {it.key(), it.value(), false, isDefault ? DefaultConfig : DynamicTopicConfig, false});
            }
        }
        job.response.topics.append(std::move(result));
    }
    job.next += static_cast<qsizetype>(job.checked.size());
    job.checked.clear();
    job.creation.reset();
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
            } else if (TopicNames::isInternal(name) && log.partitionCount(name) >= 0) {
                // Deleting __consumer_offsets would lose every group's offsets; kafka-topics.sh refuses it ("is a
                // kafka internal topic and is not allowed to be marked for deletion"), the broker refuses too.
                result.error = ErrorCode::InvalidTopicException;
                why = QStringLiteral("Topic %1 is an internal topic and cannot be deleted").arg(name);
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
    const auto request = decodeMessage<DeleteRecordsRequest>(r, h.apiVersion);
    if (!request)
        return {};
    DeleteRecordsResponse response;
    for (const auto &topic : request->topics) {
        response.topics.append({topic.name, {}});
        for (const auto &p : topic.partitions) {
            qint64 low = -1;
            const ErrorCode e = log.deleteRecordsBefore({topic.name, p.index}, p.offset, &low);
            response.topics.last().partitions.append({p.index, e == ErrorCode::None ? low : -1, e});
        }
    }
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

WireResponse KafkaApis::Private::handleDescribeConfigs(const RequestHeader &h, WireReader &r)
{
    const auto request = decodeMessage<DescribeConfigsRequestData>(r, h.apiVersion);
    if (!request)
        return {};
    DescribeConfigsResponseData response;
    for (const auto &resource : request->resources) {
        DescribeConfigsResponseData::Result result;
        result.resourceType = resource.resourceType;
        result.resourceName = resource.resourceName;
        // Kafka lists everything for a null or an empty key list.
        const auto wanted = [&](const QString &name) {
            return !resource.configurationKeys || resource.configurationKeys->isEmpty()
                || resource.configurationKeys->contains(name);
        };
        QString why;
        if (resource.resourceType == ConfigResourceType::Topic) {
            const std::optional<TopicInfo> topic = log.describeTopic(resource.resourceName);
            if (const ErrorCode e = LogManager::validateTopicName(resource.resourceName, &why); e != ErrorCode::None) {
                result.error = e;
            } else if (!topic) {
                result.error = ErrorCode::UnknownTopicOrPartition;
                why = QStringLiteral("topic '%1' does not exist").arg(resource.resourceName);
            } else {
                // TopicConfig keeps values, not which ones were set: a value other than Kafka's default was set on
                // the topic (DYNAMIC_TOPIC_CONFIG), the others fall back to the broker's default (DEFAULT_CONFIG).
                const QMap<QString, QString> defaults = TopicConfig {}.toKafkaConfigs();
                const QMap<QString, QString> configs = topic->config.toKafkaConfigs();
                for (auto it = configs.cbegin(); it != configs.cend(); ++it) {
                    if (!wanted(it.key()))
                        continue;
                    const std::optional<ConfigFacts> facts = ConfigCatalog::topicSetting(it.key());
                    QList<DescribeConfigsResponseData::Synonym> synonyms;
                    if (defaults.value(it.key()) != it.value())
                        synonyms.append({it.key(), it.value(), Source::TopicConfig});
                    if (facts && !facts->brokerSynonym.isEmpty())
                        synonyms.append({facts->brokerSynonym, facts->brokerDefault, Source::DefaultConfig});
                    result.configs.append(describedConfig(it.key(), it.value(), synonyms, facts, *request));
                }
            }
        } else if (resource.resourceType == ConfigResourceType::Broker) {
            bool isId = false;
            const int id = resource.resourceName.toInt(&isId);
            if (resource.resourceName.isEmpty()) {
                // The cluster-wide dynamic defaults: this broker has none.
            } else if (!isId) {
                result.error = ErrorCode::InvalidRequest;
                why = QStringLiteral("Broker id must be an integer, but it is: %1").arg(resource.resourceName);
            } else if (id != config.nodeId) {
                result.error = ErrorCode::InvalidRequest;
                why = QStringLiteral("Unexpected broker id, expected %1 or empty string, but received %2")
                          .arg(config.nodeId)
                          .arg(resource.resourceName);
            } else {
                // Set from the command line (STATIC_BROKER_CONFIG, read-only: never changed while running).
                const QList<QPair<QString, QString>> settings {
                    {QStringLiteral("auto.create.topics.enable"),
                        config.autoCreateTopics ? QStringLiteral("true") : QStringLiteral("false")},
                    {QStringLiteral("num.partitions"), QString::number(config.numPartitions)},
                    {QStringLiteral("default.replication.factor"), QStringLiteral("1")},
                };
                for (const auto &[name, value] : settings) {
                    if (!wanted(name))
                        continue;
                    const std::optional<ConfigFacts> facts = ConfigCatalog::brokerSetting(name);
                    QList<DescribeConfigsResponseData::Synonym> synonyms {{name, value, Source::StaticBrokerConfig}};
                    if (facts)
                        synonyms.append({name, facts->brokerDefault, Source::DefaultConfig});
                    result.configs.append(describedConfig(name, value, synonyms, facts, *request));
                    result.configs.last().readOnly = true;
                }
            }
        } else {
            result.error = unservedResourceType(resource.resourceType, &why);
        }
        if (result.error != ErrorCode::None)
            result.errorMessage = why;
        response.results.append(std::move(result));
    }
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

WireResponse KafkaApis::Private::handleDeleteGroups(const RequestHeader &h, WireReader &r)
{
    const auto request = decodeMessage<DeleteGroupsRequestData>(r, h.apiVersion);
    if (!request)
        return {};
    DeleteGroupsResponseData response;
    for (const QString &groupId : request->groupNames)
        response.results.append({groupId, groups.deleteGroup(groupId)});
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

WireResponse KafkaApis::Private::handleAlterConfigs(const RequestHeader &h, WireReader &r)
{
    const auto request = decodeMessage<AlterConfigsRequestData>(r, h.apiVersion);
    if (!request)
        return {};
    AlterConfigsResponseData response;
    response.responses = alterResources(
        request->resources, [](const auto &) { return true; },
        [&](const AlterConfigsRequestData::Resource &resource, QString *why) {
            // AlterConfigs replaces the whole configuration: what is not listed returns to its default.
            QMap<QString, QString> settings;
            for (const auto &c : resource.configs)
                settings.insert(c.name, c.value.value_or(QString()));
            return alterTopicConfig(log, resource.resourceName, settings, request->validateOnly, why);
        },
        [&](const AlterConfigsRequestData::Resource &resource, QString *why) {
            QStringList names;
            for (const auto &c : resource.configs)
                names.append(c.name);
            return checkBrokerAlter(resource.resourceName, config.nodeId, names, why);
        });
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

WireResponse KafkaApis::Private::handleIncrementalAlterConfigs(const RequestHeader &h, WireReader &r)
{
    using Operation = IncrementalAlterConfigsRequestData::Operation;
    const auto request = decodeMessage<IncrementalAlterConfigsRequestData>(r, h.apiVersion);
    if (!request)
        return {};
    IncrementalAlterConfigsResponseData response;
    response.responses = alterResources(
        request->resources, [](const auto &c) { return c.configOperation != Operation::Delete; },
        [&](const IncrementalAlterConfigsRequestData::Resource &resource, QString *why) {
            // The operations apply to the topic's settings as they are (Kafka's defaults for a topic that does not
            // exist, which alterTopicConfig then refuses after the settings were checked, as Kafka does).
            const std::optional<TopicInfo> topic = log.describeTopic(resource.resourceName);
            QMap<QString, QString> settings = (topic ? topic->config : TopicConfig {}).toKafkaConfigs();
            const ErrorCode e = ConfigCatalog::applyIncremental(settings, resource.configs, why);
            return e != ErrorCode::None
                ? e
                : alterTopicConfig(log, resource.resourceName, settings, request->validateOnly, why);
        },
        [&](const IncrementalAlterConfigsRequestData::Resource &resource, QString *why) {
            return checkIncrementalBrokerAlter(resource, config.nodeId, why);
        });
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

WireResponse KafkaApis::Private::handleCreatePartitions(const RequestHeader &h, WireReader &r)
{
    const auto request = decodeMessage<CreatePartitionsRequestData>(r, h.apiVersion);
    if (!request)
        return {};
    QHash<QString, int> occurrences;
    for (const auto &topic : request->topics)
        ++occurrences[topic.name];
    CreatePartitionsResponseData response;
    for (const auto &topic : request->topics) {
        CreatePartitionsResponseData::Result result {topic.name, ErrorCode::None, std::nullopt};
        QString why;
        const int current = log.partitionCount(topic.name);
        const int added = topic.count - current;
        if (occurrences.value(topic.name) > 1) {
            result.error = ErrorCode::InvalidRequest;
            why = QStringLiteral("Duplicate topic name.");
        } else if (current < 0) {
            result.error = ErrorCode::UnknownTopicOrPartition;
            why = QStringLiteral("topic '%1' does not exist").arg(topic.name);
        } else if (added == 0) {
            result.error = ErrorCode::InvalidPartitions;
            why = QStringLiteral("Topic already has %1 partition(s).").arg(current);
        } else if (added < 0) {
            result.error = ErrorCode::InvalidPartitions;
            why = QStringLiteral("The topic %1 currently has %2 partition(s); %3 would not be an increase.")
                      .arg(topic.name)
                      .arg(current)
                      .arg(topic.count);
        } else if (topic.assignments && topic.assignments->size() != added) {
            result.error = InvalidReplicaAssignment;
            why = QStringLiteral("Attempted to add %1 additional partition(s), but only %2 assignment(s) were "
                                 "specified.")
                      .arg(added)
                      .arg(topic.assignments->size());
        } else if (const ErrorCode e = checkAssignments(topic.assignments, config.nodeId, &why); e != ErrorCode::None) {
            result.error = e;
        } else if (!request->validateOnly) {
            result.error = log.createPartitions(topic.name, topic.count, &why);
        }
        if (result.error != ErrorCode::None)
            result.errorMessage = why;
        response.results.append(result);
    }
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

} // namespace topicscope::engine
