#pragma once

#include "errorcode.h"
#include "wire/wirereader.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// Request and response bodies of the group APIs (FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup,
// OffsetCommit, OffsetFetch, DescribeGroups, ListGroups) in the non-flexible versions this broker advertises,
// field by field as in Kafka's message/*.json. Decoders return nullopt for a malformed body.
namespace topicscope::engine::wire {

// ---- FindCoordinator (key 10), v0-2 ----
struct FindCoordinatorRequest {
    QString key;
    qint8 keyType = 0; // 0 group, 1 transaction
};
struct FindCoordinatorResponse {
    ErrorCode error = ErrorCode::None;
    std::optional<QString> errorMessage;
    qint32 nodeId = 0;
    QString host;
    qint32 port = 0;
};
std::optional<FindCoordinatorRequest> decodeFindCoordinatorRequest(WireReader &r, qint16 version);
QByteArray encodeFindCoordinatorResponse(const FindCoordinatorResponse &response, qint16 version);

// ---- JoinGroup (key 11), v0-5 ----
struct JoinGroupRequestData {
    struct Protocol {
        QString name;
        QByteArray metadata;
    };
    QString groupId;
    qint32 sessionTimeoutMs = 0;
    qint32 rebalanceTimeoutMs = -1; // v1+
    QString memberId;
    std::optional<QString> groupInstanceId; // v5+
    QString protocolType;
    QList<Protocol> protocols;
};
struct JoinGroupResponseData {
    struct Member {
        QString memberId;
        std::optional<QString> groupInstanceId;
        QByteArray metadata;
    };
    ErrorCode error = ErrorCode::None;
    qint32 generationId = -1;
    QString protocolName;
    QString leader;
    QString memberId;
    QList<Member> members;
};
std::optional<JoinGroupRequestData> decodeJoinGroupRequest(WireReader &r, qint16 version);
QByteArray encodeJoinGroupResponse(const JoinGroupResponseData &response, qint16 version);

// ---- SyncGroup (key 14), v0-3 ----
struct SyncGroupRequestData {
    struct Assignment {
        QString memberId;
        QByteArray assignment;
    };
    QString groupId;
    qint32 generationId = -1;
    QString memberId;
    std::optional<QString> groupInstanceId; // v3+
    QList<Assignment> assignments;
};
struct SyncGroupResponseData {
    ErrorCode error = ErrorCode::None;
    QByteArray assignment;
};
std::optional<SyncGroupRequestData> decodeSyncGroupRequest(WireReader &r, qint16 version);
QByteArray encodeSyncGroupResponse(const SyncGroupResponseData &response, qint16 version);

// ---- Heartbeat (key 12), v0-3 ----
struct HeartbeatRequestData {
    QString groupId;
    qint32 generationId = -1;
    QString memberId;
    std::optional<QString> groupInstanceId; // v3+
};
std::optional<HeartbeatRequestData> decodeHeartbeatRequest(WireReader &r, qint16 version);
QByteArray encodeHeartbeatResponse(ErrorCode error, qint16 version);

// ---- LeaveGroup (key 13), v0-3 ----
struct LeaveGroupRequestData {
    struct Member {
        QString memberId;
        std::optional<QString> groupInstanceId;
    };
    QString groupId;
    QList<Member> members; // v0-2: exactly one, from member_id
};
struct LeaveGroupResponseData {
    struct Member {
        QString memberId;
        std::optional<QString> groupInstanceId;
        ErrorCode error = ErrorCode::None;
    };
    ErrorCode error = ErrorCode::None;
    QList<Member> members; // v3+
};
std::optional<LeaveGroupRequestData> decodeLeaveGroupRequest(WireReader &r, qint16 version);
QByteArray encodeLeaveGroupResponse(const LeaveGroupResponseData &response, qint16 version);

// ---- OffsetCommit (key 8), v0-7 ----
struct OffsetCommitRequestData {
    struct Partition {
        qint32 index = 0;
        qint64 committedOffset = -1;
        qint32 committedLeaderEpoch = -1; // v6+
        std::optional<QString> metadata;
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    QString groupId;
    qint32 generationId = -1; // v1+
    QString memberId; // v1+
    std::optional<QString> groupInstanceId; // v7+
    QList<Topic> topics;
};
struct OffsetCommitResponseData {
    struct Partition {
        qint32 index = 0;
        ErrorCode error = ErrorCode::None;
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    QList<Topic> topics;
};
std::optional<OffsetCommitRequestData> decodeOffsetCommitRequest(WireReader &r, qint16 version);
QByteArray encodeOffsetCommitResponse(const OffsetCommitResponseData &response, qint16 version);

// ---- OffsetFetch (key 9), v0-5 ----
struct OffsetFetchRequestData {
    struct Topic {
        QString name;
        QList<qint32> partitions;
    };
    QString groupId;
    std::optional<QList<Topic>> topics; // nullopt (v2+) = every committed partition
};
struct OffsetFetchResponseData {
    struct Partition {
        qint32 index = 0;
        qint64 committedOffset = -1;
        qint32 committedLeaderEpoch = -1;
        std::optional<QString> metadata;
        ErrorCode error = ErrorCode::None;
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    QList<Topic> topics;
    ErrorCode error = ErrorCode::None; // v2+
};
std::optional<OffsetFetchRequestData> decodeOffsetFetchRequest(WireReader &r, qint16 version);
QByteArray encodeOffsetFetchResponse(const OffsetFetchResponseData &response, qint16 version);

// ---- DescribeGroups (key 15), v0-4 ----
struct DescribeGroupsRequestData {
    QStringList groups;
    bool includeAuthorizedOperations = false; // v3+
};
struct DescribeGroupsResponseData {
    struct Member {
        QString memberId;
        std::optional<QString> groupInstanceId; // v4+
        QString clientId;
        QString clientHost;
        QByteArray metadata;
        QByteArray assignment;
    };
    struct Group {
        ErrorCode error = ErrorCode::None;
        QString groupId;
        QString state;
        QString protocolType;
        QString protocolData;
        QList<Member> members;
    };
    QList<Group> groups;
};
std::optional<DescribeGroupsRequestData> decodeDescribeGroupsRequest(WireReader &r, qint16 version);
QByteArray encodeDescribeGroupsResponse(const DescribeGroupsResponseData &response, qint16 version);

// ---- ListGroups (key 16), v0-2 (empty request body) ----
struct ListGroupsResponseData {
    struct Group {
        QString groupId;
        QString protocolType;
    };
    ErrorCode error = ErrorCode::None;
    QList<Group> groups;
};
QByteArray encodeListGroupsResponse(const ListGroupsResponseData &response, qint16 version);

} // namespace topicscope::engine::wire
