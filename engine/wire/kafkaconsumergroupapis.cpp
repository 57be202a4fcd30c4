#include "wire/kafkaapisprivate.h"

#include "group/groupcoordinator.h"
#include "log/logmanager.h"

// Kafka 4's consumer group protocol (KIP-848) on the wire: ConsumerGroupHeartbeat (68) and ConsumerGroupDescribe
// (69). The coordinator speaks in topic names; the wire speaks in topic ids, mapped here.
namespace topicscope::engine {

void KafkaApis::Private::handleConsumerGroupHeartbeat(const RequestHeader &h,
    wire::ConsumerGroupHeartbeatRequestData data, const WireConnectionInfo &c, Responder respond)
{
    ConsumerGroupHeartbeatRequest request;
    request.groupId = data.groupId;
    request.memberId = data.memberId;
    request.memberEpoch = data.memberEpoch;
    request.instanceId = data.instanceId;
    request.rackId = data.rackId;
    request.rebalanceTimeoutMs = data.rebalanceTimeoutMs;
    request.subscribedTopicNames = data.subscribedTopicNames;
    request.subscribedTopicRegex = data.subscribedTopicRegex;
    request.serverAssignor = data.serverAssignor;
    request.clientId = h.clientId.value_or(QString());
    request.clientHost = c.clientHost;
    if (data.topicPartitions) {
        // Owned partitions of a topic id no topic has any more (deleted meanwhile) are simply not owned.
        QMap<QString, QList<int>> owned;
        for (const auto &tp : std::as_const(*data.topicPartitions)) {
            const QString name = log.topicName(TopicId::fromBytes(tp.topicId));
            if (!name.isEmpty() && !tp.partitions.isEmpty()) {
                QList<int> partitions(tp.partitions.cbegin(), tp.partitions.cend());
                std::sort(partitions.begin(), partitions.end());
                owned.insert(name, partitions);
            }
        }
        request.ownedPartitions = owned;
    }

    const ConsumerGroupHeartbeatResponse result = groups.consumerGroupHeartbeat(request);
    wire::ConsumerGroupHeartbeatResponseData response;
    response.error = result.error;
    response.errorMessage = result.errorMessage;
    if (result.error == ErrorCode::None) {
        response.memberId = result.memberId;
        response.memberEpoch = result.memberEpoch;
        response.heartbeatIntervalMs = result.heartbeatIntervalMs;
        if (result.assignment) {
            QList<wire::ConsumerGroupTopicPartitions> assignment;
            for (auto it = result.assignment->cbegin(); it != result.assignment->cend(); ++it)
                assignment.append({log.topicId(it.key()).toByteArray(), QList<qint32>(it->cbegin(), it->cend())});
            response.assignment = assignment;
        }
    }
    WireResponse answer = sendResponse(h, encodeMessage(response, h.apiVersion));
    setGroupExchange(answer, data.groupId, result.error == ErrorCode::None ? result.memberId : data.memberId,
        result.error == ErrorCode::None ? result.memberEpoch : data.memberEpoch, result.error);
    respond(answer);
}

WireResponse KafkaApis::Private::handleConsumerGroupDescribe(const RequestHeader &h, WireReader &r)
{
    const auto data = decodeMessage<wire::ConsumerGroupDescribeRequestData>(r, h.apiVersion);
    if (!data)
        return {};
    auto describedAssignment = [this](const QList<TopicPartition> &partitions) {
        QList<wire::ConsumerGroupDescribeResponseData::TopicPartitions> topics;
        for (const TopicPartition &tp : partitions) {
            if (topics.isEmpty() || topics.constLast().topicName != tp.topic)
                topics.append({log.topicId(tp.topic).toByteArray(), tp.topic, {}});
            topics.last().partitions.append(tp.partition);
        }
        return topics;
    };
    wire::ConsumerGroupDescribeResponseData response;
    for (const QString &groupId : data->groupIds) {
        wire::ConsumerGroupDescribeResponseData::Group group;
        group.groupId = groupId;
        const GroupDescription g = groups.describeGroup(groupId);
        if (groupId.isEmpty()) {
            group.error = ErrorCode::InvalidGroupId;
        } else if (g.type != ConsumerGroupType || g.state == QLatin1String("Dead")) {
            // Kafka answers a classic or unknown group as not found, naming why.
            group.error = ErrorCode::GroupIdNotFound;
            group.errorMessage = g.state.isEmpty() || g.state == QLatin1String("Dead")
                ? QStringLiteral("Group %1 not found.").arg(groupId)
                : QStringLiteral("Group %1 is not a consumer group.").arg(groupId);
        } else {
            group.groupState = g.state;
            group.groupEpoch = g.groupEpoch;
            group.assignmentEpoch = g.assignmentEpoch;
            group.assignorName = g.protocolName;
            for (const GroupMemberDescription &m : g.members) {
                wire::ConsumerGroupDescribeResponseData::Member member;
                member.memberId = m.memberId;
                member.instanceId = m.groupInstanceId;
                member.rackId = m.rackId;
                member.memberEpoch = m.memberEpoch;
                member.clientId = m.clientId;
                member.clientHost = m.clientHost;
                member.subscribedTopicNames = m.subscribedTopicNames;
                member.subscribedTopicRegex = m.subscribedTopicRegex;
                member.assignment = describedAssignment(m.assignedPartitions);
                member.targetAssignment = describedAssignment(m.targetPartitions);
                member.memberType = 1; // every member here speaks the consumer protocol
                group.members.append(member);
            }
            if (data->includeAuthorizedOperations)
                group.authorizedOperations = GroupAuthorizedOperations;
        }
        response.groups.append(group);
    }
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

} // namespace topicscope::engine
