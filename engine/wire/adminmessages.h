#pragma once

#include "errorcode.h"
#include "wire/apikeys.h"
#include "wire/messagefields.h"
#include "wire/wirereader.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>

// Request and response bodies of ApiVersions, DeleteRecords, DescribeConfigs, AlterConfigs, IncrementalAlterConfigs
// and CreatePartitions, as in Kafka's message/*.json (DeleteGroups is with the group APIs, wire/groupmessages.h;
// CreateTopics and DeleteTopics in wire/topicmessages.h). Each has a describe() (wire/messagefields.h) listing every
// field of every version the broker advertises.
namespace topicscope::engine::wire {

// ---- ApiVersions (key 18), v0-4 (flexible from 3) ----
struct ApiVersionsRequestData {
    static constexpr ApiKey apiKey = ApiKey::ApiVersions;
    QString clientSoftwareName; // v3+
    QString clientSoftwareVersion; // v3+
};
// The tagged fields of v3+ (SupportedFeatures, FinalizedFeaturesEpoch, FinalizedFeatures, ZkMigrationReady) are left
// out: this broker has no feature flags, and an absent tagged field is how Kafka writes an empty or default one. v4
// differs from v3 only in what a SupportedFeatures entry may hold (KAFKA-17011), so the two bodies are the same here.
// An ApiVersions above the maximum is answered in the v0 body (KIP-511): encode with version 0.
struct ApiVersionsResponseData {
    static constexpr ApiKey apiKey = ApiKey::ApiVersions;
    ErrorCode error = ErrorCode::None;
    QList<ApiVersionRange> apiKeys;
    qint32 throttleTimeMs = 0; // v1+
};

template <class IO, MessageOf<ApiVersionsRequestData> M> void describe(IO &io, M &m)
{
    if (io.version() >= 3) {
        io.string(m.clientSoftwareName);
        io.string(m.clientSoftwareVersion);
    }
    io.taggedFields();
}

template <class IO, MessageOf<ApiVersionsResponseData> M> void describe(IO &io, M &m)
{
    io.errorCode(m.error);
    io.array(m.apiKeys, 2 + 2 + 2, [&](auto &range) {
        io.int16(range.apiKey);
        io.int16(range.minVersion);
        io.int16(range.maxVersion);
        io.taggedFields();
    });
    if (io.version() >= 1)
        io.int32(m.throttleTimeMs);
    io.taggedFields();
}

// ---- DeleteRecords (key 21), v0-2 (flexible from 2) ----
struct DeleteRecordsRequest {
    static constexpr ApiKey apiKey = ApiKey::DeleteRecords;
    struct Partition {
        qint32 index = 0;
        qint64 offset = 0; // -1: the high watermark
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    QList<Topic> topics;
    qint32 timeoutMs = 0;
};
struct DeleteRecordsResponse {
    static constexpr ApiKey apiKey = ApiKey::DeleteRecords;
    struct Partition {
        qint32 index = 0;
        qint64 lowWatermark = -1;
        ErrorCode error = ErrorCode::None;
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    qint32 throttleTimeMs = 0;
    QList<Topic> topics;
};

template <class IO, MessageOf<DeleteRecordsRequest> M> void describe(IO &io, M &m)
{
    io.array(m.topics, 1 + 1 + 1, [&](auto &topic) {
        io.string(topic.name);
        io.array(topic.partitions, 4 + 8, [&](auto &partition) {
            io.int32(partition.index);
            io.int64(partition.offset);
            io.taggedFields();
        });
        io.taggedFields();
    });
    io.int32(m.timeoutMs);
    io.taggedFields();
}

template <class IO, MessageOf<DeleteRecordsResponse> M> void describe(IO &io, M &m)
{
    io.int32(m.throttleTimeMs);
    io.array(m.topics, 1 + 1 + 1, [&](auto &topic) {
        io.string(topic.name);
        io.array(topic.partitions, 4 + 8 + 2, [&](auto &partition) {
            io.int32(partition.index);
            io.int64(partition.lowWatermark);
            io.errorCode(partition.error);
            io.taggedFields();
        });
        io.taggedFields();
    });
    io.taggedFields();
}

// ---- Config resources (DescribeConfigs, AlterConfigs, IncrementalAlterConfigs) ----
// Kafka's ConfigResource.Type ids, the resource_type of the config APIs.
struct ConfigResourceType {
    static constexpr qint8 Unknown = 0;
    static constexpr qint8 Topic = 2;
    static constexpr qint8 Broker = 4;
    static constexpr qint8 BrokerLogger = 8;
    static constexpr qint8 ClientMetrics = 16;
    static constexpr qint8 Group = 32;
};

// A resource of AlterConfigs or IncrementalAlterConfigs with its settings; the two differ in what a setting holds.
template <class Config> struct ConfigResourceChanges {
    qint8 resourceType = 0;
    QString resourceName;
    QList<Config> configs;
};

// The outcome for one resource of AlterConfigs and IncrementalAlterConfigs (AlterConfigsResourceResponse).
struct ConfigResourceResult {
    ErrorCode error = ErrorCode::None;
    std::optional<QString> errorMessage;
    qint8 resourceType = 0;
    QString resourceName;
};

// The response body of both alter APIs.
template <ApiKey key> struct ConfigResourceResponse {
    static constexpr ApiKey apiKey = key;
    qint32 throttleTimeMs = 0;
    QList<ConfigResourceResult> responses;
};

// The request body the two alter APIs share: resources (type, name, settings), then validate_only. They differ in
// what a setting holds: eachConfig describes one, minConfigSize is its smallest encoding.
template <class IO, class Resources, class ValidateOnly, class EachConfig>
void describeConfigResources(
    IO &io, Resources &resources, ValidateOnly &validateOnly, int minConfigSize, EachConfig &&eachConfig)
{
    io.array(resources, 1 + 1 + 1 + 1, [&](auto &resource) {
        io.int8(resource.resourceType);
        io.string(resource.resourceName);
        io.array(resource.configs, minConfigSize, [&](auto &config) {
            eachConfig(config);
            io.taggedFields();
        });
        io.taggedFields();
    });
    io.boolean(validateOnly);
    io.taggedFields();
}

// The response body of both alter APIs: throttle time, then one result per resource. M is a ConfigResourceResponse,
// const or not; the two overloads below take either.
template <class IO, class M> void describeConfigResourceResponse(IO &io, M &m)
{
    io.int32(m.throttleTimeMs);
    io.array(m.responses, 2 + 1 + 1 + 1 + 1, [&](auto &result) {
        io.errorCode(result.error);
        io.nullableString(result.errorMessage);
        io.int8(result.resourceType);
        io.string(result.resourceName);
        io.taggedFields();
    });
    io.taggedFields();
}
template <class IO, ApiKey key> void describe(IO &io, ConfigResourceResponse<key> &m)
{
    describeConfigResourceResponse(io, m);
}
template <class IO, ApiKey key> void describe(IO &io, const ConfigResourceResponse<key> &m)
{
    describeConfigResourceResponse(io, m);
}

// ---- DescribeConfigs (key 32), v0-4 (flexible from 4) ----
struct DescribeConfigsRequestData {
    static constexpr ApiKey apiKey = ApiKey::DescribeConfigs;
    struct Resource {
        qint8 resourceType = 0;
        QString resourceName;
        std::optional<QStringList> configurationKeys; // nullopt or empty = all
    };
    QList<Resource> resources;
    bool includeSynonyms = false; // v1+
    bool includeDocumentation = false; // v3+
};
struct DescribeConfigsResponseData {
    static constexpr ApiKey apiKey = ApiKey::DescribeConfigs;
    // DescribeConfigsResponse.ConfigSource ids.
    struct Source {
        static constexpr qint8 Unknown = 0;
        static constexpr qint8 TopicConfig = 1; // DYNAMIC_TOPIC_CONFIG: set on the topic
        static constexpr qint8 DynamicBrokerConfig = 2;
        static constexpr qint8 DynamicDefaultBrokerConfig = 3;
        static constexpr qint8 StaticBrokerConfig = 4; // the broker's start-up settings
        static constexpr qint8 DefaultConfig = 5; // Kafka's default
    };
    // DescribeConfigsResponse.ConfigType ids (v3+).
    struct Type {
        static constexpr qint8 Unknown = 0;
        static constexpr qint8 Boolean = 1;
        static constexpr qint8 String = 2;
        static constexpr qint8 Int = 3;
        static constexpr qint8 Short = 4;
        static constexpr qint8 Long = 5;
        static constexpr qint8 Double = 6;
        static constexpr qint8 List = 7;
        static constexpr qint8 Class = 8;
        static constexpr qint8 Password = 9;
    };
    struct Synonym {
        QString name;
        std::optional<QString> value;
        qint8 source = 0;
    };
    struct Config {
        QString name;
        std::optional<QString> value;
        bool readOnly = false;
        bool isDefault = false; // v0 only
        qint8 configSource = -1; // v1+
        bool isSensitive = false;
        QList<Synonym> synonyms; // v1+: the value in effect first, then what it would fall back to
        qint8 configType = 0; // v3+
        std::optional<QString> documentation; // v3+
    };
    struct Result {
        ErrorCode error = ErrorCode::None;
        std::optional<QString> errorMessage;
        qint8 resourceType = 0;
        QString resourceName;
        QList<Config> configs;
    };
    qint32 throttleTimeMs = 0;
    QList<Result> results;
};

template <class IO, MessageOf<DescribeConfigsRequestData> M> void describe(IO &io, M &m)
{
    io.array(m.resources, 1 + 1 + 1 + 1, [&](auto &resource) {
        io.int8(resource.resourceType);
        io.string(resource.resourceName);
        io.nullableArray(resource.configurationKeys, 1, [&](auto &key) { io.string(key); });
        io.taggedFields();
    });
    if (io.version() >= 1)
        io.boolean(m.includeSynonyms);
    if (io.version() >= 3)
        io.boolean(m.includeDocumentation);
    io.taggedFields();
}

template <class IO, MessageOf<DescribeConfigsResponseData> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    io.int32(m.throttleTimeMs);
    io.array(m.results, 2 + 1 + 1 + 1 + 1 + 1, [&](auto &result) {
        io.errorCode(result.error);
        io.nullableString(result.errorMessage);
        io.int8(result.resourceType);
        io.string(result.resourceName);
        io.array(result.configs, 2 + 2 + 1 + 1 + 1, [&](auto &config) {
            io.string(config.name);
            io.nullableString(config.value);
            io.boolean(config.readOnly);
            if (v == 0)
                io.boolean(config.isDefault);
            else
                io.int8(config.configSource);
            io.boolean(config.isSensitive);
            if (v >= 1) {
                io.array(config.synonyms, 1 + 1 + 1 + 1, [&](auto &synonym) {
                    io.string(synonym.name);
                    io.nullableString(synonym.value);
                    io.int8(synonym.source);
                    io.taggedFields();
                });
            }
            if (v >= 3) {
                io.int8(config.configType);
                io.nullableString(config.documentation);
            }
            io.taggedFields();
        });
        io.taggedFields();
    });
    io.taggedFields();
}

// ---- AlterConfigs (key 33), v0-2 (flexible from 2): replaces a resource's whole configuration ----
struct AlterConfigsRequestData {
    static constexpr ApiKey apiKey = ApiKey::AlterConfigs;
    struct Config {
        QString name;
        std::optional<QString> value;
    };
    using Resource = ConfigResourceChanges<Config>;
    QList<Resource> resources;
    bool validateOnly = false;
};
using AlterConfigsResponseData = ConfigResourceResponse<ApiKey::AlterConfigs>;

template <class IO, MessageOf<AlterConfigsRequestData> M> void describe(IO &io, M &m)
{
    describeConfigResources(io, m.resources, m.validateOnly, 1 + 1 + 1, [&](auto &config) {
        io.string(config.name);
        io.nullableString(config.value);
    });
}

// ---- IncrementalAlterConfigs (key 44), v0-1 (flexible from 1): changes named settings only ----
struct IncrementalAlterConfigsRequestData {
    static constexpr ApiKey apiKey = ApiKey::IncrementalAlterConfigs;
    // AlterConfigOp.OpType ids.
    struct Operation {
        static constexpr qint8 Set = 0;
        static constexpr qint8 Delete = 1;
        static constexpr qint8 Append = 2; // list-type settings only
        static constexpr qint8 Subtract = 3; // list-type settings only
    };
    struct Config {
        QString name;
        qint8 configOperation = Operation::Set;
        std::optional<QString> value;
    };
    using Resource = ConfigResourceChanges<Config>;
    QList<Resource> resources;
    bool validateOnly = false;
};
using IncrementalAlterConfigsResponseData = ConfigResourceResponse<ApiKey::IncrementalAlterConfigs>;

template <class IO, MessageOf<IncrementalAlterConfigsRequestData> M> void describe(IO &io, M &m)
{
    describeConfigResources(io, m.resources, m.validateOnly, 1 + 1 + 1 + 1, [&](auto &config) {
        io.string(config.name);
        io.int8(config.configOperation);
        io.nullableString(config.value);
    });
}

// ---- CreatePartitions (key 37), v0-3 (flexible from 2) ----
struct CreatePartitionsRequestData {
    static constexpr ApiKey apiKey = ApiKey::CreatePartitions;
    struct Assignment {
        QList<qint32> brokerIds;
    };
    struct Topic {
        QString name;
        qint32 count = 0; // the new total
        std::optional<QList<Assignment>> assignments; // one per new partition; every partition is on node 0 anyway
    };
    QList<Topic> topics;
    qint32 timeoutMs = 0;
    bool validateOnly = false;
};
struct CreatePartitionsResponseData {
    static constexpr ApiKey apiKey = ApiKey::CreatePartitions;
    struct Result {
        QString name;
        ErrorCode error = ErrorCode::None;
        std::optional<QString> errorMessage;
    };
    qint32 throttleTimeMs = 0;
    QList<Result> results;
};

template <class IO, MessageOf<CreatePartitionsRequestData> M> void describe(IO &io, M &m)
{
    io.array(m.topics, 1 + 4 + 1 + 1, [&](auto &topic) {
        io.string(topic.name);
        io.int32(topic.count);
        io.nullableArray(topic.assignments, 1 + 1, [&](auto &assignment) {
            io.int32Array(assignment.brokerIds);
            io.taggedFields();
        });
        io.taggedFields();
    });
    io.int32(m.timeoutMs);
    io.boolean(m.validateOnly);
    io.taggedFields();
}

template <class IO, MessageOf<CreatePartitionsResponseData> M> void describe(IO &io, M &m)
{
    io.int32(m.throttleTimeMs);
    io.array(m.results, 1 + 2 + 1 + 1, [&](auto &result) {
        io.string(result.name);
        io.errorCode(result.error);
        io.nullableString(result.errorMessage);
        io.taggedFields();
    });
    io.taggedFields();
}

} // namespace topicscope::engine::wire
