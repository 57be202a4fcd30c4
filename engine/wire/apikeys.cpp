#include "apikeys.h"

#include "wire/apitable.h"

namespace topicscope::engine::wire {

namespace {

constexpr qint16 key(ApiKey k)
{
    return static_cast<qint16>(k);
}

struct KnownApi {
    qint16 apiKey;
    const char *name;
};

// Kafka 3.9's API keys (clients/src/main/resources/common/message/*.json).
constexpr KnownApi knownApis[] = {
    {0, "Produce"},
    {1, "Fetch"},
    {2, "ListOffsets"},
    {3, "Metadata"},
    {4, "LeaderAndIsr"},
    {5, "StopReplica"},
    {6, "UpdateMetadata"},
    {7, "ControlledShutdown"},
    {8, "OffsetCommit"},
    {9, "OffsetFetch"},
    {10, "FindCoordinator"},
    {11, "JoinGroup"},
    {12, "Heartbeat"},
    {13, "LeaveGroup"},
    {14, "SyncGroup"},
    {15, "DescribeGroups"},
    {16, "ListGroups"},
    {17, "SaslHandshake"},
    {18, "ApiVersions"},
    {19, "CreateTopics"},
    {20, "DeleteTopics"},
    {21, "DeleteRecords"},
    {22, "InitProducerId"},
    {23, "OffsetForLeaderEpoch"},
    {24, "AddPartitionsToTxn"},
    {25, "AddOffsetsToTxn"},
    {26, "EndTxn"},
    {27, "WriteTxnMarkers"},
    {28, "TxnOffsetCommit"},
    {29, "DescribeAcls"},
    {30, "CreateAcls"},
    {31, "DeleteAcls"},
    {32, "DescribeConfigs"},
    {33, "AlterConfigs"},
    {34, "AlterReplicaLogDirs"},
    {35, "DescribeLogDirs"},
    {36, "SaslAuthenticate"},
    {37, "CreatePartitions"},
    {38, "CreateDelegationToken"},
    {39, "RenewDelegationToken"},
    {40, "ExpireDelegationToken"},
    {41, "DescribeDelegationToken"},
    {42, "DeleteGroups"},
    {43, "ElectLeaders"},
    {44, "IncrementalAlterConfigs"},
    {45, "AlterPartitionReassignments"},
    {46, "ListPartitionReassignments"},
    {47, "OffsetDelete"},
    {48, "DescribeClientQuotas"},
    {49, "AlterClientQuotas"},
    {50, "DescribeUserScramCredentials"},
    {51, "AlterUserScramCredentials"},
    {60, "DescribeCluster"},
    {68, "ConsumerGroupHeartbeat"},
    {69, "ConsumerGroupDescribe"},
};

struct UnservedApi {
    qint16 apiKey;
    qint16 firstFlexibleVersion; // from Kafka 3.9's flexibleVersions; 32767 = never
};

// The first flexible versions of the APIs without an ApiTable row, so their request headers still parse. A served
// API's threshold is in its row.
constexpr UnservedApi unservedApis[] = {
    {4, 4}, // LeaderAndIsr
    {5, 2}, // StopReplica
    {6, 6}, // UpdateMetadata
    {7, 3}, // ControlledShutdown
    {17, 32767}, // SaslHandshake
    {23, 4}, // OffsetForLeaderEpoch
    {24, 3}, // AddPartitionsToTxn
    {25, 3}, // AddOffsetsToTxn
    {26, 3}, // EndTxn
    {27, 1}, // WriteTxnMarkers
    {28, 3}, // TxnOffsetCommit
    {29, 2}, // DescribeAcls
    {30, 2}, // CreateAcls
    {31, 2}, // DeleteAcls
    {34, 2}, // AlterReplicaLogDirs
    {36, 2}, // SaslAuthenticate
    {38, 2}, // CreateDelegationToken
    {39, 2}, // RenewDelegationToken
    {40, 2}, // ExpireDelegationToken
    {41, 2}, // DescribeDelegationToken
    {43, 2}, // ElectLeaders
    {45, 0}, // AlterPartitionReassignments
    {46, 0}, // ListPartitionReassignments
    {48, 1}, // DescribeClientQuotas
    {49, 1}, // AlterClientQuotas
    {50, 0}, // DescribeUserScramCredentials
    {51, 0}, // AlterUserScramCredentials
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
    static const QList<ApiVersionRange> ranges = [] {
        QList<ApiVersionRange> list;
        for (const ApiRoute &route : ApiTable::routes())
            list.append(route.range());
        return list;
    }();
    return ranges;
}

std::optional<ApiVersionRange> ApiKeys::supportedRange(qint16 apiKey)
{
    if (const ApiRoute *route = ApiTable::find(apiKey))
        return route->range();
    return std::nullopt;
}

bool ApiKeys::isSupported(qint16 apiKey, qint16 version)
{
    const ApiRoute *route = ApiTable::find(apiKey);
    return route && route->supports(version);
}

bool ApiKeys::isFlexible(qint16 apiKey, qint16 version)
{
    if (const ApiRoute *route = ApiTable::find(apiKey))
        return version >= route->firstFlexibleVersion;
    for (const UnservedApi &api : unservedApis) {
        if (api.apiKey == apiKey)
            return version >= api.firstFlexibleVersion;
    }
    // Keys newer than the table are all flexible from v0 (every API added since 2.4 is).
    return true;
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
