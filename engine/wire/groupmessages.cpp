#include "groupmessages.h"

#include "wire/wirewriter.h"

#include <limits>

namespace topicscope::engine::wire {

std::optional<FindCoordinatorRequest> decodeFindCoordinatorRequest(WireReader &r, qint16 version)
{
    FindCoordinatorRequest req;
    req.key = r.string();
    if (version >= 1)
        req.keyType = r.int8();
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeFindCoordinatorResponse(const FindCoordinatorResponse &response, qint16 version)
{
    WireWriter w;
    if (version >= 1)
        w.int32(0);
    w.int16(toWire(response.error));
    if (version >= 1)
        w.nullableString(response.errorMessage);
    w.int32(response.nodeId);
    w.string(response.host);
    w.int32(response.port);
    return w.take();
}

std::optional<JoinGroupRequestData> decodeJoinGroupRequest(WireReader &r, qint16 version)
{
    JoinGroupRequestData req;
    req.groupId = r.string();
    req.sessionTimeoutMs = r.int32();
    if (version >= 1)
        req.rebalanceTimeoutMs = r.int32();
    req.memberId = r.string();
    if (version >= 5)
        req.groupInstanceId = r.nullableString();
    req.protocolType = r.string();
    const qint32 count = r.arrayLength(false, 6);
    for (qint32 i = 0; i < count && r.ok(); ++i) {
        JoinGroupRequestData::Protocol protocol;
        protocol.name = r.string();
        protocol.metadata = r.bytes();
        req.protocols.append(std::move(protocol));
    }
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeJoinGroupResponse(const JoinGroupResponseData &response, qint16 version)
{
    WireWriter w;
    if (version >= 2)
        w.int32(0);
    w.int16(toWire(response.error));
    w.int32(response.generationId);
    w.string(response.protocolName);
    w.string(response.leader);
    w.string(response.memberId);
    w.arrayLength(response.members.size());
    for (const auto &m : response.members) {
        w.string(m.memberId);
        if (version >= 5)
            w.nullableString(m.groupInstanceId);
        w.bytes(m.metadata);
    }
    return w.take();
}

std::optional<SyncGroupRequestData> decodeSyncGroupRequest(WireReader &r, qint16 version)
{
    SyncGroupRequestData req;
    req.groupId = r.string();
    req.generationId = r.int32();
    req.memberId = r.string();
    if (version >= 3)
        req.groupInstanceId = r.nullableString();
    const qint32 count = r.arrayLength(false, 6);
    for (qint32 i = 0; i < count && r.ok(); ++i) {
        SyncGroupRequestData::Assignment a;
        a.memberId = r.string();
        a.assignment = r.bytes();
        req.assignments.append(std::move(a));
    }
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeSyncGroupResponse(const SyncGroupResponseData &response, qint16 version)
{
    WireWriter w;
    if (version >= 1)
        w.int32(0);
    w.int16(toWire(response.error));
    w.bytes(response.assignment);
    return w.take();
}

std::optional<HeartbeatRequestData> decodeHeartbeatRequest(WireReader &r, qint16 version)
{
    HeartbeatRequestData req;
    req.groupId = r.string();
    req.generationId = r.int32();
    req.memberId = r.string();
    if (version >= 3)
        req.groupInstanceId = r.nullableString();
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeHeartbeatResponse(ErrorCode error, qint16 version)
{
    WireWriter w;
    if (version >= 1)
        w.int32(0);
    w.int16(toWire(error));
    return w.take();
}

std::optional<LeaveGroupRequestData> decodeLeaveGroupRequest(WireReader &r, qint16 version)
{
    LeaveGroupRequestData req;
    req.groupId = r.string();
    if (version <= 2) {
        req.members.append({r.string(), std::nullopt});
    } else {
        const qint32 count = r.arrayLength(false, 4);
        for (qint32 i = 0; i < count && r.ok(); ++i) {
            LeaveGroupRequestData::Member m;
            m.memberId = r.string();
            m.groupInstanceId = r.nullableString();
            req.members.append(std::move(m));
        }
    }
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeLeaveGroupResponse(const LeaveGroupResponseData &response, qint16 version)
{
    WireWriter w;
    if (version >= 1)
        w.int32(0);
    w.int16(toWire(response.error));
    if (version >= 3) {
        w.arrayLength(response.members.size());
        for (const auto &m : response.members) {
            w.string(m.memberId);
            w.nullableString(m.groupInstanceId);
            w.int16(toWire(m.error));
        }
    }
    return w.take();
}

std::optional<OffsetCommitRequestData> decodeOffsetCommitRequest(WireReader &r, qint16 version)
{
    OffsetCommitRequestData req;
    req.groupId = r.string();
    if (version >= 1) {
        req.generationId = r.int32();
        req.memberId = r.string();
    }
    if (version >= 7)
        req.groupInstanceId = r.nullableString();
    if (version >= 2 && version <= 4)
        r.int64(); // retention_time_ms: offsets are kept until the group or topic is deleted
    const qint32 topicCount = r.arrayLength(false, 6);
    for (qint32 t = 0; t < topicCount && r.ok(); ++t) {
        OffsetCommitRequestData::Topic topic;
        topic.name = r.string();
        const qint32 partitionCount = r.arrayLength(false, 14);
        for (qint32 p = 0; p < partitionCount && r.ok(); ++p) {
            OffsetCommitRequestData::Partition partition;
            partition.index = r.int32();
            partition.committedOffset = r.int64();
            if (version >= 6)
                partition.committedLeaderEpoch = r.int32();
            if (version == 1)
                r.int64(); // commit_timestamp: the broker stamps commits itself
            partition.metadata = r.nullableString();
            topic.partitions.append(std::move(partition));
        }
        req.topics.append(std::move(topic));
    }
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeOffsetCommitResponse(const OffsetCommitResponseData &response, qint16 version)
{
    WireWriter w;
    if (version >= 3)
        w.int32(0);
    w.arrayLength(response.topics.size());
    for (const auto &topic : response.topics) {
        w.string(topic.name);
        w.arrayLength(topic.partitions.size());
        for (const auto &p : topic.partitions) {
            w.int32(p.index);
            w.int16(toWire(p.error));
        }
    }
    return w.take();
}

std::optional<OffsetFetchRequestData> decodeOffsetFetchRequest(WireReader &r, qint16 version)
{
    OffsetFetchRequestData req;
    req.groupId = r.string();
    const qint32 topicCount = r.arrayLength(false, 6);
    if (topicCount < 0 && version < 2)
        r.fail(QStringLiteral("null topics before OffsetFetch v2"));
    if (topicCount >= 0) {
        QList<OffsetFetchRequestData::Topic> topics;
        for (qint32 t = 0; t < topicCount && r.ok(); ++t) {
            OffsetFetchRequestData::Topic topic;
            topic.name = r.string();
            const qint32 n = r.arrayLength(false, 4);
            for (qint32 i = 0; i < n && r.ok(); ++i)
                topic.partitions.append(r.int32());
            topics.append(std::move(topic));
        }
        req.topics = std::move(topics);
    }
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeOffsetFetchResponse(const OffsetFetchResponseData &response, qint16 version)
{
    WireWriter w;
    if (version >= 3)
        w.int32(0);
    w.arrayLength(response.topics.size());
    for (const auto &topic : response.topics) {
        w.string(topic.name);
        w.arrayLength(topic.partitions.size());
        for (const auto &p : topic.partitions) {
            w.int32(p.index);
            w.int64(p.committedOffset);
            if (version >= 5)
                w.int32(p.committedLeaderEpoch);
            w.nullableString(p.metadata);
            w.int16(toWire(p.error));
        }
    }
    if (version >= 2)
        w.int16(toWire(response.error));
    return w.take();
}

std::optional<DescribeGroupsRequestData> decodeDescribeGroupsRequest(WireReader &r, qint16 version)
{
    DescribeGroupsRequestData req;
    const qint32 count = r.arrayLength(false, 2);
    for (qint32 i = 0; i < count && r.ok(); ++i)
        req.groups.append(r.string());
    if (version >= 3)
        req.includeAuthorizedOperations = r.boolean();
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeDescribeGroupsResponse(const DescribeGroupsResponseData &response, qint16 version)
{
    WireWriter w;
    if (version >= 1)
        w.int32(0);
    w.arrayLength(response.groups.size());
    for (const auto &g : response.groups) {
        w.int16(toWire(g.error));
        w.string(g.groupId);
        w.string(g.state);
        w.string(g.protocolType);
        w.string(g.protocolData);
        w.arrayLength(g.members.size());
        for (const auto &m : g.members) {
            w.string(m.memberId);
            if (version >= 4)
                w.nullableString(m.groupInstanceId);
            w.string(m.clientId);
            w.string(m.clientHost);
            w.bytes(m.metadata);
            w.bytes(m.assignment);
        }
        if (version >= 3)
            w.int32(std::numeric_limits<qint32>::min()); // authorized operations: not computed
    }
    return w.take();
}

QByteArray encodeListGroupsResponse(const ListGroupsResponseData &response, qint16 version)
{
    WireWriter w;
    if (version >= 1)
        w.int32(0);
    w.int16(toWire(response.error));
    w.arrayLength(response.groups.size());
    for (const auto &g : response.groups) {
        w.string(g.groupId);
        w.string(g.protocolType);
    }
    return w.take();
}

} // namespace topicscope::engine::wire
