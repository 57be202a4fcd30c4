#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace topicscope::engine::wire {

// Kafka API keys this broker knows by name (message/*.json "apiKey").
enum class ApiKey : qint16 {
    Produce = 0,
    Fetch = 1,
    ListOffsets = 2,
    Metadata = 3,
    OffsetCommit = 8,
    OffsetFetch = 9,
    FindCoordinator = 10,
    JoinGroup = 11,
    Heartbeat = 12,
    LeaveGroup = 13,
    SyncGroup = 14,
    DescribeGroups = 15,
    ListGroups = 16,
    SaslHandshake = 17,
    ApiVersions = 18,
    CreateTopics = 19,
    DeleteTopics = 20,
    DeleteRecords = 21,
    InitProducerId = 22,
    DescribeConfigs = 32,
    AlterConfigs = 33,
    DescribeLogDirs = 35,
    CreatePartitions = 37,
    DeleteGroups = 42,
    IncrementalAlterConfigs = 44,
    OffsetDelete = 47,
    DescribeCluster = 60,
    ConsumerGroupHeartbeat = 68, // KIP-848
    ConsumerGroupDescribe = 69,
};

struct ApiVersionRange {
    qint16 apiKey = 0;
    qint16 minVersion = 0;
    qint16 maxVersion = 0;
};

// The versions this broker advertises in ApiVersions and accepts, and the protocol facts that depend only on
// (api key, version): flexible encoding and header versions. For a supported API all of it reads the API's row in
// the dispatch table (wire/apitable.h), which also names its handler; for the others, Kafka's schemas. Pure
// functions.
class ApiKeys {
public:
    // Every supported API, sorted by key: the ApiVersions answer.
    static const QList<ApiVersionRange> &supported();
    static std::optional<ApiVersionRange> supportedRange(qint16 apiKey);
    static bool isSupported(qint16 apiKey, qint16 version);
    // True when the version uses KIP-482 flexible encoding (compact types, tagged fields). Known for every key
    // in Kafka 3.9's schemas, supported or not, so a request header can always be parsed.
    static bool isFlexible(qint16 apiKey, qint16 version);
    // Request header v2 for flexible versions, else v1.
    static int requestHeaderVersion(qint16 apiKey, qint16 version);
    // Response header v1 for flexible versions, except ApiVersions which always answers with v0 (KIP-511).
    static int responseHeaderVersion(qint16 apiKey, qint16 version);
    // "Produce", "Fetch", ... or "ApiKey(57)".
    static QString name(qint16 apiKey);
};

} // namespace topicscope::engine::wire
