#include "apitable.h"

#include "wire/kafkaapisprivate.h"

namespace topicscope::engine::wire {

namespace {

using Apis = KafkaApis::Private;
using Responder = KafkaApis::Responder;

// The one answer to a body that does not decode, whatever the API: the connection is closed, since the stream
// can no longer be trusted.
WireResponse malformedRequest(const RequestHeader &h, const WireReader &body)
{
    return closeConnection(QStringLiteral("malformed %1 v%2 request: %3")
                               .arg(ApiKeys::name(h.apiKey))
                               .arg(h.apiVersion)
                               .arg(body.error()));
}

// A handler that answers before it returns. It decodes the body itself and returns an empty answer when that
// fails; the reader's error is what turns the answer into a close.
template <WireResponse (Apis::*handle)(const RequestHeader &, WireReader &)>
void answerNow(Apis &apis, const RequestHeader &h, WireReader &body, const WireConnectionInfo &, Responder respond)
{
    WireResponse response = (apis.*handle)(h, body);
    if (!body.ok())
        response = malformedRequest(h, body);
    respond(response);
}

// A handler that may park the request until something happens (Fetch long poll, a rebalance) or answer it over
// several turns of the event loop (Metadata's auto-creation, CreateTopics). The body is decoded
// in full first so that a malformed request closes the connection at once, not after the wait.
template <auto decode, auto handle>
void answerLater(Apis &apis, const RequestHeader &h, WireReader &body, const WireConnectionInfo &c, Responder respond)
{
    auto request = decode(body, h.apiVersion);
    if (!request) {
        respond(malformedRequest(h, body));
        return;
    }
    (apis.*handle)(h, std::move(*request), c, std::move(respond));
}

// Reference §2.5, with Produce from 3 and Fetch from 4: RecordBatch v2 only (no MessageSet down-conversion). Produce
// must contain 3 and Fetch 4 for librdkafka 2.0.2's MsgVer2 feature check, FindCoordinator must start at 0, and
// Fetch 11 makes kafka-python 2.0.2 infer broker 2.3 (Produce v7, magic 2; with Produce 8+ advertised it infers
// 2.4, which picks the same versions). Every API goes up to the highest version Kafka 4.1 accepts, flexible versions
// included (reference §10; InitProducerId stops at 5 and OffsetCommit/OffsetFetch at 9, whose next versions Kafka 4.1
// marks unstable), and every message is described once for decoding and encoding (wire/messagefields.h).
constexpr ApiRoute routeTable[] = {
    // key, min, max, first flexible (Kafka 3.9), handler
    {ApiKey::Produce, 3, 13, 9, &answerNow<&Apis::handleProduce>},
    {ApiKey::Fetch, 4, 18, 12, &answerLater<decodeMessage<FetchRequest>, &Apis::handleFetch>},
    {ApiKey::ListOffsets, 0, 10, 6, &answerNow<&Apis::handleListOffsets>},
    {ApiKey::Metadata, 0, 13, 9, &answerLater<decodeMessage<MetadataRequest>, &Apis::handleMetadata>},
    {ApiKey::OffsetCommit, 0, 9, 8, &answerNow<&Apis::handleOffsetCommit>},
    {ApiKey::OffsetFetch, 0, 9, 6, &answerNow<&Apis::handleOffsetFetch>},
    {ApiKey::FindCoordinator, 0, 6, 3, &answerNow<&Apis::handleFindCoordinator>},
    {ApiKey::JoinGroup, 0, 9, 6, &answerLater<decodeMessage<JoinGroupRequestData>, &Apis::handleJoinGroup>},
    {ApiKey::Heartbeat, 0, 4, 4, &answerNow<&Apis::handleHeartbeat>},
    {ApiKey::LeaveGroup, 0, 5, 4, &answerNow<&Apis::handleLeaveGroup>},
    {ApiKey::SyncGroup, 0, 5, 4, &answerLater<decodeMessage<SyncGroupRequestData>, &Apis::handleSyncGroup>},
    {ApiKey::DescribeGroups, 0, 6, 5, &answerNow<&Apis::handleDescribeGroups>},
    {ApiKey::ListGroups, 0, 5, 3, &answerNow<&Apis::handleListGroups>},
    {ApiKey::ApiVersions, 0, 4, 3, &answerNow<&Apis::handleApiVersions>},
    {ApiKey::CreateTopics, 0, 7, 5, &answerLater<decodeMessage<CreateTopicsRequest>, &Apis::handleCreateTopics>},
    {ApiKey::DeleteTopics, 0, 6, 4, &answerNow<&Apis::handleDeleteTopics>},
    {ApiKey::DeleteRecords, 0, 2, 2, &answerNow<&Apis::handleDeleteRecords>},
    {ApiKey::InitProducerId, 0, 5, 2, &answerNow<&Apis::handleInitProducerId>},
    {ApiKey::DescribeConfigs, 0, 4, 4, &answerNow<&Apis::handleDescribeConfigs>},
    {ApiKey::AlterConfigs, 0, 2, 2, &answerNow<&Apis::handleAlterConfigs>},
    {ApiKey::DescribeLogDirs, 0, 4, 2, &answerNow<&Apis::handleDescribeLogDirs>},
    {ApiKey::CreatePartitions, 0, 3, 2, &answerNow<&Apis::handleCreatePartitions>},
    {ApiKey::DeleteGroups, 0, 2, 2, &answerNow<&Apis::handleDeleteGroups>},
    {ApiKey::IncrementalAlterConfigs, 0, 1, 1, &answerNow<&Apis::handleIncrementalAlterConfigs>},
    {ApiKey::OffsetDelete, 0, 0, 32767, &answerNow<&Apis::handleOffsetDelete>},
    {ApiKey::DescribeCluster, 0, 2, 0, &answerNow<&Apis::handleDescribeCluster>},
    {ApiKey::ConsumerGroupHeartbeat, 0, 1, 0,
        &answerLater<decodeMessage<ConsumerGroupHeartbeatRequestData>, &Apis::handleConsumerGroupHeartbeat>},
    {ApiKey::ConsumerGroupDescribe, 0, 1, 0, &answerNow<&Apis::handleConsumerGroupDescribe>},
};

constexpr bool sortedWithUniqueKeys()
{
    for (std::size_t i = 1; i < std::size(routeTable); ++i) {
        if (routeTable[i - 1].key >= routeTable[i].key)
            return false;
    }
    return true;
}
static_assert(sortedWithUniqueKeys(), "ApiVersions lists the rows in order, and a key has one handler");

} // namespace

std::span<const ApiRoute> ApiTable::routes()
{
    return routeTable;
}

const ApiRoute *ApiTable::find(qint16 apiKey)
{
    for (const ApiRoute &route : routeTable) {
        if (static_cast<qint16>(route.key) == apiKey)
            return &route;
    }
    return nullptr;
}

} // namespace topicscope::engine::wire
