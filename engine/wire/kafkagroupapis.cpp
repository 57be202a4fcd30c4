#include "wire/kafkaapisprivate.h"

#include "group/groupcoordinator.h"
#include "log/logmanager.h"

#include <QHash>

// The group APIs of KafkaApis: coordinator lookup, membership (JoinGroup, SyncGroup, Heartbeat, LeaveGroup),
// committed offsets (OffsetCommit, OffsetFetch, OffsetDelete) and the group listings (DescribeGroups, ListGroups).
// DeleteGroups is with the administration APIs (kafkaadminapis.cpp).
namespace topicscope::engine {

namespace {

// A present string, or null for an answer that carries an error (JoinGroup and SyncGroup v5+/v7+ leave the protocol
// type and name null then).
std::optional<QString> unlessError(ErrorCode error, const QString &value)
{
    return error == ErrorCode::None ? std::optional<QString>(value) : std::nullopt;
}

// The exchange's error when the answer has none of its own: the first one of its parts.
template <class Results> void takeFirstError(WireResponse &answer, const Results &results)
{
    for (const auto &result : results) {
        if (answer.exchange.error != ErrorCode::None)
            return;
        answer.exchange.error = result.error;
    }
}

} // namespace

WireResponse KafkaApis::Private::handleFindCoordinator(const RequestHeader &h, WireReader &r)
{
    const auto request = decodeMessage<FindCoordinatorRequest>(r, h.apiVersion);
    if (!request)
        return {};
    const auto find = [&](const QString &key) {
        FindCoordinatorResponse::Coordinator c;
        c.key = key;
        if (request->keyType == 0) {
            c.nodeId = config.nodeId;
            c.host = config.advertisedHost;
            c.port = config.advertisedPort;
        } else if (request->keyType == 1) {
            // Transactions are not supported: there is no transaction coordinator.
            c.error = ErrorCode::CoordinatorNotAvailable;
            c.errorMessage = QStringLiteral("transactions are not supported by this broker");
        } else {
            // Kafka: share groups (2, v6+) without a share coordinator, and unknown key types, are INVALID_REQUEST.
            c.error = ErrorCode::InvalidRequest;
            c.errorMessage = request->keyType == 2
                ? QStringLiteral("share groups are not supported by this broker")
                : QStringLiteral("unknown coordinator key type %1").arg(request->keyType);
        }
        return c;
    };
    FindCoordinatorResponse response;
    if (h.apiVersion >= 4) {
        // KIP-699: one answer per key, each with its own error.
        for (const QString &key : request->coordinatorKeys)
            response.coordinators.append(find(key));
    } else {
        const FindCoordinatorResponse::Coordinator c = find(request->key);
        response.error = c.error;
        response.errorMessage = c.errorMessage;
        response.nodeId = c.nodeId;
        response.host = c.host;
        response.port = c.port;
    }
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

void KafkaApis::Private::handleJoinGroup(
    const RequestHeader &h, const JoinGroupRequestData &data, const WireConnectionInfo &c, Responder respond)
{
    JoinGroupRequest request;
    request.groupId = data.groupId;
    request.memberId = data.memberId;
    request.groupInstanceId = data.groupInstanceId;
    request.clientId = h.clientId.value_or(QString());
    request.clientHost = c.clientHost;
    request.sessionTimeoutMs = data.sessionTimeoutMs;
    request.rebalanceTimeoutMs = h.apiVersion >= 1 ? data.rebalanceTimeoutMs : -1;
    request.protocolType = data.protocolType;
    for (const auto &p : data.protocols)
        request.protocols.append({p.name, p.metadata});
    // KIP-394: only v4+ clients know to rejoin with the id given in MEMBER_ID_REQUIRED.
    request.requireKnownMemberId = h.apiVersion >= 4 && !data.groupInstanceId;
    // KIP-800: the client's own words go into the rebalance's cause ("client reason: ...").
    request.reason = data.reason.value_or(QString());
    request.supportsSkipAssignment = h.apiVersion >= 9;
    groups.joinGroup(request,
        [header = h, groupId = data.groupId,
            rebalanceTimeoutMs = qMax(data.sessionTimeoutMs, request.rebalanceTimeoutMs),
            respond = std::move(respond)](const JoinGroupResponse &result) {
            JoinGroupResponseData response;
            response.error = result.error;
            response.generationId = result.generationId;
            response.protocolType = unlessError(result.error, result.protocolType);
            response.protocolName = result.protocolName;
            response.leader = result.leader;
            response.skipAssignment = result.skipAssignment;
            response.memberId = result.memberId;
            for (const JoinGroupMember &m : result.members)
                response.members.append({m.memberId, m.groupInstanceId, m.metadata});
            WireResponse answer = sendResponse(header, encodeMessage(response, header.apiVersion));
            setGroupExchange(answer, groupId, result.memberId, result.generationId, result.error);
            answer.exchange.protocol = result.protocolName;
            answer.exchange.timeoutMs = rebalanceTimeoutMs;
            respond(answer);
        });
}

void KafkaApis::Private::handleSyncGroup(
    const RequestHeader &h, const SyncGroupRequestData &data, const WireConnectionInfo &, Responder respond)
{
    SyncGroupRequest request;
    request.groupId = data.groupId;
    request.generationId = data.generationId;
    request.memberId = data.memberId;
    request.groupInstanceId = data.groupInstanceId;
    // KIP-559 (v5+): a type or name that is not the group's is INCONSISTENT_GROUP_PROTOCOL; null checks nothing.
    request.protocolType = data.protocolType;
    request.protocolName = data.protocolName;
    for (const auto &a : data.assignments)
        request.assignments.insert(a.memberId, a.assignment);
    groups.syncGroup(request,
        [header = h, groupId = data.groupId, memberId = data.memberId, generation = data.generationId,
            respond = std::move(respond)](const SyncGroupResponse &result) {
            SyncGroupResponseData response;
            response.error = result.error;
            response.protocolType = unlessError(result.error, result.protocolType);
            response.protocolName = unlessError(result.error, result.protocolName);
            response.assignment = result.assignment;
            WireResponse answer = sendResponse(header, encodeMessage(response, header.apiVersion));
            setGroupExchange(answer, groupId, memberId, generation, result.error);
            respond(answer);
        });
}

WireResponse KafkaApis::Private::handleHeartbeat(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeMessage<HeartbeatRequestData>(r, h.apiVersion);
    if (!data)
        return {};
    HeartbeatResponseData response;
    response.error = groups.heartbeat({data->groupId, data->generationId, data->memberId, data->groupInstanceId});
    WireResponse answer = sendResponse(h, encodeMessage(response, h.apiVersion));
    setGroupExchange(answer, data->groupId, data->memberId, data->generationId, response.error);
    return answer;
}

WireResponse KafkaApis::Private::handleLeaveGroup(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeMessage<LeaveGroupRequestData>(r, h.apiVersion);
    if (!data)
        return {};
    // Before v3 one member leaves, named by member_id.
    QList<LeaveGroupRequestData::Member> members = data->members;
    if (h.apiVersion <= 2)
        members = {{data->memberId, std::nullopt, std::nullopt}};
    QList<LeavingMember> leaving;
    for (const auto &m : members) {
        // KIP-800 (v5+): the client's reason when it gives one, else who sent the request.
        const QString reason = m.reason && !m.reason->isEmpty()
            ? *m.reason
            : QStringLiteral("LeaveGroup from client '%1'").arg(h.clientId.value_or(QString()));
        leaving.append({m.memberId, m.groupInstanceId, reason});
    }
    const LeaveGroupResponse result = groups.leaveGroup(data->groupId, leaving);
    LeaveGroupResponseData response;
    response.error = result.error;
    for (const MemberLeaveResult &m : result.members)
        response.members.append({m.memberId, m.groupInstanceId, m.error});
    // Before v3 a single member left and its own error was the answer.
    if (h.apiVersion < 3 && response.error == ErrorCode::None && !result.members.isEmpty())
        response.error = result.members.constFirst().error;
    WireResponse answer = sendResponse(h, encodeMessage(response, h.apiVersion));
    answer.exchange.group = data->groupId;
    answer.exchange.memberId = members.isEmpty() ? QString() : members.constFirst().memberId;
    answer.exchange.error = response.error;
    takeFirstError(answer, result.members);
    return answer;
}

WireResponse KafkaApis::Private::handleOffsetCommit(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeMessage<OffsetCommitRequestData>(r, h.apiVersion);
    if (!data)
        return {};
    OffsetCommitRequest request;
    request.groupId = data->groupId;
    request.generationId = data->generationId;
    request.memberId = data->memberId;
    request.groupInstanceId = data->groupInstanceId;
    request.unknownGroupIsNotFound = h.apiVersion >= 9;
    if (h.apiVersion >= 2 && h.apiVersion <= 4)
        request.retentionTimeMs = data->retentionTimeMs;
    for (const auto &topic : data->topics) {
        for (const auto &p : topic.partitions) {
            CommittedOffset offset;
            offset.topicPartition = {topic.name, p.index};
            offset.offset = p.committedOffset;
            offset.leaderEpoch = p.committedLeaderEpoch;
            offset.metadata = p.metadata.value_or(QString());
            request.offsets.push_back(offset);
        }
    }
    const std::vector<PartitionResult> results = groups.commitOffsets(request);
    QHash<TopicPartition, ErrorCode> byPartition;
    for (const PartitionResult &result : results)
        byPartition.insert(result.topicPartition, result.error);
    OffsetCommitResponseData response;
    for (const auto &topic : data->topics) {
        response.topics.append({topic.name, {}});
        for (const auto &p : topic.partitions)
            response.topics.last().partitions.append(
                {p.index, byPartition.value({topic.name, p.index}, ErrorCode::UnknownServerError)});
    }
    WireResponse answer = sendResponse(h, encodeMessage(response, h.apiVersion));
    setGroupExchange(answer, data->groupId, data->memberId, data->generationId, ErrorCode::None);
    takeFirstError(answer, results);
    return answer;
}

WireResponse KafkaApis::Private::handleOffsetFetch(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeMessage<OffsetFetchRequestData>(r, h.apiVersion);
    if (!data)
        return {};
    // require_stable (v7+) asks to hold back offsets of open transactions; without transactions every committed
    // offset is stable, so it changes nothing here.
    const auto fetchGroup
        = [&](const QString &groupId, const std::optional<QList<OffsetFetchRequestData::Topic>> &topics,
              ErrorCode *groupError) {
              std::optional<QList<TopicPartition>> partitions;
              if (topics) {
                  partitions.emplace();
                  for (const auto &topic : *topics) {
                      for (const qint32 p : topic.partitions)
                          partitions->append({topic.name, p});
                  }
              }
              const OffsetFetchResult result = groups.fetchOffsets(groupId, partitions);
              *groupError = result.error;
              // Before v2 there is no group-level error field: each partition carries it.
              const ErrorCode partitionError = h.apiVersion < 2 ? result.error : ErrorCode::None;
              QHash<TopicPartition, CommittedOffset> byPartition;
              for (const CommittedOffset &c : result.offsets)
                  byPartition.insert(c.topicPartition, c);
              const auto toPartition = [&](const TopicPartition &tp) {
                  OffsetFetchResponseData::Partition p;
                  p.index = tp.partition;
                  p.error = partitionError;
                  const auto it = byPartition.constFind(tp);
                  if (it != byPartition.constEnd()) {
                      p.committedOffset = it->offset;
                      p.committedLeaderEpoch = it->leaderEpoch;
                      p.metadata = it->metadata;
                  } else {
                      p.metadata = QString();
                  }
                  return p;
              };
              QList<OffsetFetchResponseData::Topic> answered;
              if (partitions) {
                  for (const TopicPartition &tp : *partitions)
                      appendPartition(answered, tp.topic, toPartition(tp));
              } else {
                  for (const CommittedOffset &c : result.offsets)
                      appendPartition(answered, c.topicPartition.topic, toPartition(c.topicPartition));
              }
              return answered;
          };
    OffsetFetchResponseData response;
    if (h.apiVersion <= 7) {
        response.topics = fetchGroup(data->groupId, data->topics, &response.error);
    } else {
        // v8+: several groups, each with its own error. Member id and epoch (v9+) belong to KIP-848 groups; a
        // classic group does not check them, as in Kafka. A group that refuses them answers its error alone.
        for (const auto &group : data->groups) {
            OffsetFetchResponseData::Group answered;
            answered.groupId = group.groupId;
            answered.error = h.apiVersion >= 9
                ? groups.validateOffsetFetch(group.groupId, group.memberId, group.memberEpoch)
                : ErrorCode::None;
            if (answered.error == ErrorCode::None)
                answered.topics = fetchGroup(group.groupId, group.topics, &answered.error);
            response.groups.append(std::move(answered));
        }
    }
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

WireResponse KafkaApis::Private::handleOffsetDelete(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeMessage<OffsetDeleteRequestData>(r, h.apiVersion);
    if (!data)
        return {};
    QList<TopicPartition> partitions;
    for (const auto &topic : data->topics) {
        for (const qint32 p : topic.partitions)
            partitions.append({topic.name, p});
    }
    const OffsetDeleteResult result = groups.deleteOffsets(data->groupId, partitions);
    OffsetDeleteResponseData response;
    response.error = result.error;
    // A group-level error answers alone, without topics (Kafka's OffsetDeleteResponse.Builder.merge).
    if (result.error == ErrorCode::None) {
        for (const PartitionResult &p : result.partitions)
            appendPartition(response.topics, p.topicPartition.topic,
                OffsetDeleteResponseData::Partition {p.topicPartition.partition, p.error});
    }
    WireResponse answer = sendResponse(h, encodeMessage(response, h.apiVersion));
    answer.exchange.group = data->groupId;
    answer.exchange.error = result.error;
    takeFirstError(answer, result.partitions);
    return answer;
}

WireResponse KafkaApis::Private::handleDescribeGroups(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeMessage<DescribeGroupsRequestData>(r, h.apiVersion);
    if (!data)
        return {};
    DescribeGroupsResponseData response;
    for (const QString &groupId : data->groups) {
        GroupDescription g = groups.describeGroup(groupId);
        // Kafka's DescribeGroups knows only classic groups: a consumer-protocol group is answered as Dead (not found
        // from v6), which is why classic-only tools show such groups as Dead.
        const bool consumerProtocol = g.type == ConsumerGroupType;
        if (consumerProtocol) {
            g = GroupDescription {};
            g.groupId = groupId;
            g.state = QStringLiteral("Dead");
        }
        DescribeGroupsResponseData::Group group;
        group.error = g.error;
        group.groupId = groupId;
        group.state = g.state.isEmpty() ? QStringLiteral("Dead") : g.state;
        group.protocolType = g.protocolType;
        group.protocolData = g.state == QLatin1String("Stable") ? g.protocolName : QString();
        for (const GroupMemberDescription &m : g.members)
            group.members.append({m.memberId, m.groupInstanceId, m.clientId, m.clientHost, m.metadata, m.assignment});
        // KIP-1043 (v6+): a group the coordinator does not have is GROUP_ID_NOT_FOUND (still state Dead); before,
        // it is answered as an empty Dead group with no error. Dead groups are forgotten at once here.
        if (h.apiVersion >= 6 && group.error == ErrorCode::None && group.state == QLatin1String("Dead")) {
            group.error = ErrorCode::GroupIdNotFound;
            group.errorMessage = consumerProtocol ? QStringLiteral("Group %1 is not a classic group.").arg(groupId)
                                                  : QStringLiteral("Group %1 not found.").arg(groupId);
        }
        if (data->includeAuthorizedOperations && group.error == ErrorCode::None)
            group.authorizedOperations = GroupAuthorizedOperations;
        response.groups.append(std::move(group));
    }
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

WireResponse KafkaApis::Private::handleListGroups(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeMessage<ListGroupsRequestData>(r, h.apiVersion);
    if (!data)
        return {};
    // Kafka compares both filters case-insensitively (states trimmed too); an unknown type matches no group.
    QSet<QString> states;
    for (const QString &state : data->statesFilter)
        states.insert(state.trimmed().toLower());
    QSet<QString> types;
    for (const QString &type : data->typesFilter)
        types.insert(type.toLower());
    ListGroupsResponseData response;
    for (const GroupListing &g : groups.listGroups()) {
        if (!states.isEmpty() && !states.contains(g.state.toLower()))
            continue;
        if (!types.isEmpty() && !types.contains(g.type))
            continue;
        response.groups.append({g.groupId, g.protocolType, g.state, g.type});
    }
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

} // namespace topicscope::engine
