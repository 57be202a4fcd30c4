#include "apikeys.h"

#include <QHash>

namespace topicscope::engine::wire {

namespace {

constexpr qint16 key(ApiKey k)
{
    return static_cast<qint16>(k);
}

struct KnownApi {
    qint16 apiKey;
    const char *name;
    qint16 firstFlexibleVersion; // from Kafka 3.9's flexibleVersions; 32767 = never
};

// Kafka 3.9 message schemas (clients/src/main/resources/common/message/*.json, "flexibleVersions").
constexpr KnownApi knownApis[] = {
    {0, "Produce", 9},
    {1, "Fetch", 12},
    {2, "ListOffsets", 6},
    {3, "Metadata", 9},
    {4, "LeaderAndIsr", 4},
    {5, "StopReplica", 2},
    {6, "UpdateMetadata", 6},
    {7, "ControlledShutdown", 3},
    {8, "OffsetCommit", 8},
    {9, "OffsetFetch", 6},
    {10, "FindCoordinator", 3},
    {11, "JoinGroup", 6},
    {12, "Heartbeat", 4},
    {13, "LeaveGroup", 4},
    {14, "SyncGroup", 4},
    {15, "DescribeGroups", 5},
    {16, "ListGroups", 3},
    {17, "SaslHandshake", 32767},
    {18, "ApiVersions", 3},
    {19, "CreateTopics", 5},
    {20, "DeleteTopics", 4},
    {21, "DeleteRecords", 2},
    {22, "InitProducerId", 2},
    {23, "OffsetForLeaderEpoch", 4},
    {24, "AddPartitionsToTxn", 3},
    {25, "AddOffsetsToTxn", 3},
    {26, "EndTxn", 3},
    {27, "WriteTxnMarkers", 1},
    {28, "TxnOffsetCommit", 3},
    {29, "DescribeAcls", 2},
    {30, "CreateAcls", 2},
    {31, "DeleteAcls", 2},
    {32, "DescribeConfigs", 4},
    {33, "AlterConfigs", 2},
    {34, "AlterReplicaLogDirs", 2},
    {35, "DescribeLogDirs", 2},
    {36, "SaslAuthenticate", 2},
    {37, "CreatePartitions", 2},
    {38, "CreateDelegationToken", 2},
    {39, "RenewDelegationToken", 2},
    {40, "ExpireDelegationToken", 2},
    {41, "DescribeDelegationToken", 2},
    {42, "DeleteGroups", 2},
    {43, "ElectLeaders", 2},
    {44, "IncrementalAlterConfigs", 1},
    {45, "AlterPartitionReassignments", 0},
    {46, "ListPartitionReassignments", 0},
    {47, "OffsetDelete", 32767},
    {48, "DescribeClientQuotas", 1},
    {49, "AlterClientQuotas", 1},
    {50, "DescribeUserScramCredentials", 0},
    {51, "AlterUserScramCredentials", 0},
};

const KnownApi *findKnown(qint16 apiKey)
{
    for (const KnownApi &api : knownApis) {
        if (api.apiKey == apiKey)
            return &api;
    }
    return nullptr;
}

} // namespace

const QList<ApiVersionRange> &ApiKeys::supported()
{
    // Reference §2.5, with Produce 3-7 and Fetch 4-11: RecordBatch v2 only (no MessageSet down-conversion).
    // Produce must contain 3 and Fetch 4 for librdkafka 2.0.2's MsgVer2 feature check, FindCoordinator must
    // start at 0, and Fetch 11 makes kafka-python 2.0.2 infer broker 2.3 (Produce v7, magic 2).
    static const QList<ApiVersionRange> ranges = {
        {key(ApiKey::Produce), 3, 7},
        {key(ApiKey::Fetch), 4, 11},
        {key(ApiKey::ListOffsets), 0, 3},
        {key(ApiKey::Metadata), 0, 6},
        {key(ApiKey::OffsetCommit), 0, 7},
        {key(ApiKey::OffsetFetch), 0, 5},
        {key(ApiKey::FindCoordinator), 0, 2},
        {key(ApiKey::JoinGroup), 0, 5},
        {key(ApiKey::Heartbeat), 0, 3},
        {key(ApiKey::LeaveGroup), 0, 3},
        {key(ApiKey::SyncGroup), 0, 3},
        {key(ApiKey::DescribeGroups), 0, 4},
        {key(ApiKey::ListGroups), 0, 2},
        {key(ApiKey::ApiVersions), 0, 3},
        {key(ApiKey::CreateTopics), 0, 4},
        {key(ApiKey::DeleteTopics), 0, 3},
        {key(ApiKey::DeleteRecords), 0, 1},
        {key(ApiKey::InitProducerId), 0, 2},
        {key(ApiKey::DescribeConfigs), 0, 2},
        {key(ApiKey::AlterConfigs), 0, 1},
        {key(ApiKey::CreatePartitions), 0, 1},
        {key(ApiKey::DeleteGroups), 0, 1},
    };
    return ranges;
}

std::optional<ApiVersionRange> ApiKeys::supportedRange(qint16 apiKey)
{
    for (const ApiVersionRange &range : supported()) {
        if (range.apiKey == apiKey)
            return range;
    }
    return std::nullopt;
}

bool ApiKeys::isSupported(qint16 apiKey, qint16 version)
{
    const auto range = supportedRange(apiKey);
    return range && version >= range->minVersion && version <= range->maxVersion;
}

bool ApiKeys::isFlexible(qint16 apiKey, qint16 version)
{
    const KnownApi *api = findKnown(apiKey);
    // Keys newer than the table are all flexible from v0 (every API added since 2.4 is).
    return api ? version >= api->firstFlexibleVersion : true;
}

int ApiKeys::requestHeaderVersion(qint16 apiKey, qint16 version)
{
    // ControlledShutdown v0 is the only user of header v0; no client of ours sends it.
    if (apiKey == 7 && version == 0)
        return 0;
    // An unknown key is read as far as the client id only, to name the client in the log before closing.
    if (!findKnown(apiKey))
        return 1;
    return isFlexible(apiKey, version) ? 2 : 1;
}

int ApiKeys::responseHeaderVersion(qint16 apiKey, qint16 version)
{
    if (apiKey == key(ApiKey::ApiVersions))
        return 0;
    return isFlexible(apiKey, version) ? 1 : 0;
}

QString ApiKeys::name(qint16 apiKey)
{
    if (const KnownApi *api = findKnown(apiKey))
        return QLatin1String(api->name);
    return QStringLiteral("ApiKey(%1)").arg(apiKey);
}

} // namespace topicscope::engine::wire
