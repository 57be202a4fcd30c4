#pragma once

#include "errorcode.h"
#include "wire/messagefields.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <limits>
#include <optional>

// Request and response bodies of the group APIs (OffsetCommit, OffsetFetch, FindCoordinator, JoinGroup, Heartbeat,
// LeaveGroup, SyncGroup, DescribeGroups, ListGroups, DeleteGroups, OffsetDelete), each described once for decoding
// and encoding (wire/messagefields.h), with every field of Kafka's message/*.json in the versions this broker
// advertises (Kafka 4.1's highest). The structs end in "Data" where the coordinator has a request of the same name.
namespace topicscope::engine::wire {

// A string field that became nullable in a later version (JoinGroup's protocol name from v7): kept as optional,
// written as "" where the version has no null, as Kafka's JoinGroupResponse does.
void stringOrEmpty(FieldDecoder &io, std::optional<QString> &v);
void stringOrEmpty(FieldEncoder &io, const std::optional<QString> &v);

// An array that may not be null in this version but is nullable in others, kept in the optional those need.
template <class T, class Each>
void requiredArray(FieldDecoder &io, std::optional<QList<T>> &list, int minSize, Each &&each)
{
    list.emplace();
    io.array(*list, minSize, std::forward<Each>(each));
}
template <class T, class Each>
void requiredArray(FieldEncoder &io, const std::optional<QList<T>> &list, int minSize, Each &&each)
{
    io.array(list.value_or(QList<T>()), minSize, std::forward<Each>(each));
}

// ---- OffsetCommit (key 8), v0-9 (flexible from 8) ----
struct OffsetCommitRequestData {
    static constexpr ApiKey apiKey = ApiKey::OffsetCommit;
    struct Partition {
        qint32 index = 0;
        qint64 committedOffset = -1;
        qint32 committedLeaderEpoch = -1; // v6+
        qint64 commitTimestamp = -1; // v1 only: the broker stamps commits itself
        std::optional<QString> metadata;
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    QString groupId;
    qint32 generationId = -1; // v1+ (GenerationIdOrMemberEpoch)
    QString memberId; // v1+
    std::optional<QString> groupInstanceId; // v7+
    qint64 retentionTimeMs = -1; // v2-4: offsets are kept until the group or topic is deleted
    QList<Topic> topics;
};
struct OffsetCommitResponseData {
    static constexpr ApiKey apiKey = ApiKey::OffsetCommit;
    struct Partition {
        qint32 index = 0;
        ErrorCode error = ErrorCode::None;
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    qint32 throttleTimeMs = 0; // v3+
    QList<Topic> topics;
};

template <class IO, MessageOf<OffsetCommitRequestData> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    io.string(m.groupId);
    if (v >= 1) {
        io.int32(m.generationId);
        io.string(m.memberId);
    }
    if (v >= 7)
        io.nullableString(m.groupInstanceId);
    if (v >= 2 && v <= 4)
        io.int64(m.retentionTimeMs);
    io.array(m.topics, 2 + 4, [&](auto &topic) {
        io.string(topic.name);
        io.array(topic.partitions, 4 + 8 + 2, [&](auto &partition) {
            io.int32(partition.index);
            io.int64(partition.committedOffset);
            if (v >= 6)
                io.int32(partition.committedLeaderEpoch);
            if (v == 1)
                io.int64(partition.commitTimestamp);
            io.nullableString(partition.metadata);
            io.taggedFields();
        });
        io.taggedFields();
    });
    io.taggedFields();
}

template <class IO, MessageOf<OffsetCommitResponseData> M> void describe(IO &io, M &m)
{
    if (io.version() >= 3)
        io.int32(m.throttleTimeMs);
    io.array(m.topics, 2 + 4, [&](auto &topic) {
        io.string(topic.name);
        io.array(topic.partitions, 4 + 2, [&](auto &partition) {
            io.int32(partition.index);
            io.errorCode(partition.error);
            io.taggedFields();
        });
        io.taggedFields();
    });
    io.taggedFields();
}

// ---- OffsetFetch (key 9), v0-9 (flexible from 6; several groups from 8) ----
struct OffsetFetchRequestData {
    static constexpr ApiKey apiKey = ApiKey::OffsetFetch;
    struct Topic {
        QString name;
        QList<qint32> partitions;
    };
    struct Group {
        QString groupId;
        std::optional<QString> memberId; // v9+, KIP-848 members only
        qint32 memberEpoch = -1; // v9+
        std::optional<QList<Topic>> topics; // nullopt = every committed partition
    };
    QString groupId; // v0-7
    std::optional<QList<Topic>> topics; // v0-7; nullopt (v2+) = every committed partition
    QList<Group> groups; // v8+
    bool requireStable = false; // v7+
};
struct OffsetFetchResponseData {
    static constexpr ApiKey apiKey = ApiKey::OffsetFetch;
    struct Partition {
        qint32 index = 0;
        qint64 committedOffset = -1;
        qint32 committedLeaderEpoch = -1; // v5+
        std::optional<QString> metadata;
        ErrorCode error = ErrorCode::None;
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    struct Group {
        QString groupId;
        QList<Topic> topics;
        ErrorCode error = ErrorCode::None;
    };
    qint32 throttleTimeMs = 0; // v3+
    QList<Topic> topics; // v0-7
    ErrorCode error = ErrorCode::None; // v2-7
    QList<Group> groups; // v8+
};

// OffsetFetch's topic list: nullable from v2, where null asks for every committed partition. Before v2 a null
// array is malformed, as in Kafka's parser.
template <class IO, class Topics> void describeOffsetFetchTopics(IO &io, Topics &topics, bool nullable)
{
    const auto each = [&](auto &topic) {
        io.string(topic.name);
        io.int32Array(topic.partitions);
        io.taggedFields();
    };
    if (nullable) {
        io.nullableArray(topics, 2 + 4, each);
    } else {
        requiredArray(io, topics, 2 + 4, each);
    }
}

template <class IO, MessageOf<OffsetFetchRequestData> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v <= 7) {
        io.string(m.groupId);
        describeOffsetFetchTopics(io, m.topics, v >= 2);
    } else {
        io.array(m.groups, 2 + 4, [&](auto &group) {
            io.string(group.groupId);
            if (v >= 9) {
                io.nullableString(group.memberId);
                io.int32(group.memberEpoch);
            }
            describeOffsetFetchTopics(io, group.topics, true);
            io.taggedFields();
        });
    }
    if (v >= 7)
        io.boolean(m.requireStable);
    io.taggedFields();
}

template <class IO, MessageOf<OffsetFetchResponseData> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    const auto topics = [&](auto &list) {
        io.array(list, 2 + 4, [&](auto &topic) {
            io.string(topic.name);
            io.array(topic.partitions, 4 + 8 + 2 + 2, [&](auto &partition) {
                io.int32(partition.index);
                io.int64(partition.committedOffset);
                if (v >= 5)
                    io.int32(partition.committedLeaderEpoch);
                io.nullableString(partition.metadata);
                io.errorCode(partition.error);
                io.taggedFields();
            });
            io.taggedFields();
        });
    };
    if (v >= 3)
        io.int32(m.throttleTimeMs);
    if (v <= 7) {
        topics(m.topics);
        if (v >= 2)
            io.errorCode(m.error);
    } else {
        io.array(m.groups, 2 + 4 + 2, [&](auto &group) {
            io.string(group.groupId);
            topics(group.topics);
            io.errorCode(group.error);
            io.taggedFields();
        });
    }
    io.taggedFields();
}

// ---- FindCoordinator (key 10), v0-6 (flexible from 3; batched keys from 4) ----
struct FindCoordinatorRequest {
    static constexpr ApiKey apiKey = ApiKey::FindCoordinator;
    QString key; // v0-3
    qint8 keyType = 0; // v1+: 0 group, 1 transaction, 2 share (v6+)
    QStringList coordinatorKeys; // v4+
};
struct FindCoordinatorResponse {
    static constexpr ApiKey apiKey = ApiKey::FindCoordinator;
    struct Coordinator {
        QString key;
        qint32 nodeId = -1;
        QString host;
        qint32 port = -1;
        ErrorCode error = ErrorCode::None;
        std::optional<QString> errorMessage;
    };
    qint32 throttleTimeMs = 0; // v1+
    ErrorCode error = ErrorCode::None; // v0-3
    std::optional<QString> errorMessage; // v1-3
    qint32 nodeId = 0; // v0-3
    QString host; // v0-3
    qint32 port = 0; // v0-3
    QList<Coordinator> coordinators; // v4+
};

template <class IO, MessageOf<FindCoordinatorRequest> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v <= 3)
        io.string(m.key);
    if (v >= 1)
        io.int8(m.keyType);
    if (v >= 4)
        io.stringArray(m.coordinatorKeys);
    io.taggedFields();
}

template <class IO, MessageOf<FindCoordinatorResponse> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v >= 1)
        io.int32(m.throttleTimeMs);
    if (v <= 3) {
        io.errorCode(m.error);
        if (v >= 1)
            io.nullableString(m.errorMessage);
        io.int32(m.nodeId);
        io.string(m.host);
        io.int32(m.port);
    } else {
        io.array(m.coordinators, 1 + 4 + 1 + 4 + 2 + 1 + 1, [&](auto &c) {
            io.string(c.key);
            io.int32(c.nodeId);
            io.string(c.host);
            io.int32(c.port);
            io.errorCode(c.error);
            io.nullableString(c.errorMessage);
            io.taggedFields();
        });
    }
    io.taggedFields();
}

// ---- JoinGroup (key 11), v0-9 (flexible from 6) ----
struct JoinGroupRequestData {
    static constexpr ApiKey apiKey = ApiKey::JoinGroup;
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
    std::optional<QString> reason; // v8+ (KIP-800)
};
struct JoinGroupResponseData {
    static constexpr ApiKey apiKey = ApiKey::JoinGroup;
    struct Member {
        QString memberId;
        std::optional<QString> groupInstanceId; // v5+
        QByteArray metadata;
    };
    qint32 throttleTimeMs = 0; // v2+
    ErrorCode error = ErrorCode::None;
    qint32 generationId = -1;
    std::optional<QString> protocolType; // v7+ (KIP-559)
    std::optional<QString> protocolName = QString(); // nullable from v7
    QString leader;
    bool skipAssignment = false; // v9+
    QString memberId;
    QList<Member> members;
};

template <class IO, MessageOf<JoinGroupRequestData> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    io.string(m.groupId);
    io.int32(m.sessionTimeoutMs);
    if (v >= 1)
        io.int32(m.rebalanceTimeoutMs);
    io.string(m.memberId);
    if (v >= 5)
        io.nullableString(m.groupInstanceId);
    io.string(m.protocolType);
    io.array(m.protocols, 2 + 4, [&](auto &protocol) {
        io.string(protocol.name);
        io.bytes(protocol.metadata);
        io.taggedFields();
    });
    if (v >= 8)
        io.nullableString(m.reason);
    io.taggedFields();
}

template <class IO, MessageOf<JoinGroupResponseData> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v >= 2)
        io.int32(m.throttleTimeMs);
    io.errorCode(m.error);
    io.int32(m.generationId);
    if (v >= 7) {
        io.nullableString(m.protocolType);
        io.nullableString(m.protocolName);
    } else {
        stringOrEmpty(io, m.protocolName);
    }
    io.string(m.leader);
    if (v >= 9)
        io.boolean(m.skipAssignment);
    io.string(m.memberId);
    io.array(m.members, 2 + 4, [&](auto &member) {
        io.string(member.memberId);
        if (v >= 5)
            io.nullableString(member.groupInstanceId);
        io.bytes(member.metadata);
        io.taggedFields();
    });
    io.taggedFields();
}

// ---- Heartbeat (key 12), v0-4 (flexible from 4) ----
struct HeartbeatRequestData {
    static constexpr ApiKey apiKey = ApiKey::Heartbeat;
    QString groupId;
    qint32 generationId = -1;
    QString memberId;
    std::optional<QString> groupInstanceId; // v3+
};
struct HeartbeatResponseData {
    static constexpr ApiKey apiKey = ApiKey::Heartbeat;
    qint32 throttleTimeMs = 0; // v1+
    ErrorCode error = ErrorCode::None;
};

template <class IO, MessageOf<HeartbeatRequestData> M> void describe(IO &io, M &m)
{
    io.string(m.groupId);
    io.int32(m.generationId);
    io.string(m.memberId);
    if (io.version() >= 3)
        io.nullableString(m.groupInstanceId);
    io.taggedFields();
}

template <class IO, MessageOf<HeartbeatResponseData> M> void describe(IO &io, M &m)
{
    if (io.version() >= 1)
        io.int32(m.throttleTimeMs);
    io.errorCode(m.error);
    io.taggedFields();
}

// ---- LeaveGroup (key 13), v0-5 (flexible from 4) ----
struct LeaveGroupRequestData {
    static constexpr ApiKey apiKey = ApiKey::LeaveGroup;
    struct Member {
        QString memberId;
        std::optional<QString> groupInstanceId;
        std::optional<QString> reason; // v5+ (KIP-800)
    };
    QString groupId;
    QString memberId; // v0-2: the one member that leaves
    QList<Member> members; // v3+
};
struct LeaveGroupResponseData {
    static constexpr ApiKey apiKey = ApiKey::LeaveGroup;
    struct Member {
        QString memberId;
        std::optional<QString> groupInstanceId;
        ErrorCode error = ErrorCode::None;
    };
    qint32 throttleTimeMs = 0; // v1+
    ErrorCode error = ErrorCode::None;
    QList<Member> members; // v3+
};

template <class IO, MessageOf<LeaveGroupRequestData> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    io.string(m.groupId);
    if (v <= 2) {
        io.string(m.memberId);
    } else {
        io.array(m.members, 2 + 2, [&](auto &member) {
            io.string(member.memberId);
            io.nullableString(member.groupInstanceId);
            if (v >= 5)
                io.nullableString(member.reason);
            io.taggedFields();
        });
    }
    io.taggedFields();
}

template <class IO, MessageOf<LeaveGroupResponseData> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v >= 1)
        io.int32(m.throttleTimeMs);
    io.errorCode(m.error);
    if (v >= 3) {
        io.array(m.members, 2 + 2 + 2, [&](auto &member) {
            io.string(member.memberId);
            io.nullableString(member.groupInstanceId);
            io.errorCode(member.error);
            io.taggedFields();
        });
    }
    io.taggedFields();
}

// ---- SyncGroup (key 14), v0-5 (flexible from 4) ----
struct SyncGroupRequestData {
    static constexpr ApiKey apiKey = ApiKey::SyncGroup;
    struct Assignment {
        QString memberId;
        QByteArray assignment;
    };
    QString groupId;
    qint32 generationId = -1;
    QString memberId;
    std::optional<QString> groupInstanceId; // v3+
    std::optional<QString> protocolType; // v5+ (KIP-559)
    std::optional<QString> protocolName; // v5+
    QList<Assignment> assignments;
};
struct SyncGroupResponseData {
    static constexpr ApiKey apiKey = ApiKey::SyncGroup;
    qint32 throttleTimeMs = 0; // v1+
    ErrorCode error = ErrorCode::None;
    std::optional<QString> protocolType; // v5+
    std::optional<QString> protocolName; // v5+
    QByteArray assignment;
};

template <class IO, MessageOf<SyncGroupRequestData> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    io.string(m.groupId);
    io.int32(m.generationId);
    io.string(m.memberId);
    if (v >= 3)
        io.nullableString(m.groupInstanceId);
    if (v >= 5) {
        io.nullableString(m.protocolType);
        io.nullableString(m.protocolName);
    }
    io.array(m.assignments, 2 + 4, [&](auto &assignment) {
        io.string(assignment.memberId);
        io.bytes(assignment.assignment);
        io.taggedFields();
    });
    io.taggedFields();
}

template <class IO, MessageOf<SyncGroupResponseData> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v >= 1)
        io.int32(m.throttleTimeMs);
    io.errorCode(m.error);
    if (v >= 5) {
        io.nullableString(m.protocolType);
        io.nullableString(m.protocolName);
    }
    io.bytes(m.assignment);
    io.taggedFields();
}

// ---- DescribeGroups (key 15), v0-6 (flexible from 5) ----
struct DescribeGroupsRequestData {
    static constexpr ApiKey apiKey = ApiKey::DescribeGroups;
    QStringList groups;
    bool includeAuthorizedOperations = false; // v3+
};
struct DescribeGroupsResponseData {
    static constexpr ApiKey apiKey = ApiKey::DescribeGroups;
    // Kafka's "not requested" value of authorized_operations.
    static constexpr qint32 AuthorizedOperationsOmitted = std::numeric_limits<qint32>::min();
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
        std::optional<QString> errorMessage; // v6+ (KIP-1043)
        QString groupId;
        QString state;
        QString protocolType;
        QString protocolData;
        QList<Member> members;
        qint32 authorizedOperations = AuthorizedOperationsOmitted; // v3+
    };
    qint32 throttleTimeMs = 0; // v1+
    QList<Group> groups;
};

template <class IO, MessageOf<DescribeGroupsRequestData> M> void describe(IO &io, M &m)
{
    io.stringArray(m.groups);
    if (io.version() >= 3)
        io.boolean(m.includeAuthorizedOperations);
    io.taggedFields();
}

template <class IO, MessageOf<DescribeGroupsResponseData> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v >= 1)
        io.int32(m.throttleTimeMs);
    io.array(m.groups, 2 + 2 * 5 + 4, [&](auto &group) {
        io.errorCode(group.error);
        if (v >= 6)
            io.nullableString(group.errorMessage);
        io.string(group.groupId);
        io.string(group.state);
        io.string(group.protocolType);
        io.string(group.protocolData);
        io.array(group.members, 2 * 3 + 4 * 2, [&](auto &member) {
            io.string(member.memberId);
            if (v >= 4)
                io.nullableString(member.groupInstanceId);
            io.string(member.clientId);
            io.string(member.clientHost);
            io.bytes(member.metadata);
            io.bytes(member.assignment);
            io.taggedFields();
        });
        if (v >= 3)
            io.int32(group.authorizedOperations);
        io.taggedFields();
    });
    io.taggedFields();
}

// ---- ListGroups (key 16), v0-5 (flexible from 3) ----
struct ListGroupsRequestData {
    static constexpr ApiKey apiKey = ApiKey::ListGroups;
    QStringList statesFilter; // v4+ (KIP-518), empty = every state
    QStringList typesFilter; // v5+ (KIP-848), empty = every type
};
struct ListGroupsResponseData {
    static constexpr ApiKey apiKey = ApiKey::ListGroups;
    struct Group {
        QString groupId;
        QString protocolType;
        QString groupState; // v4+
        QString groupType; // v5+
    };
    qint32 throttleTimeMs = 0; // v1+
    ErrorCode error = ErrorCode::None;
    QList<Group> groups;
};

template <class IO, MessageOf<ListGroupsRequestData> M> void describe(IO &io, M &m)
{
    if (io.version() >= 4)
        io.stringArray(m.statesFilter);
    if (io.version() >= 5)
        io.stringArray(m.typesFilter);
    io.taggedFields();
}

template <class IO, MessageOf<ListGroupsResponseData> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v >= 1)
        io.int32(m.throttleTimeMs);
    io.errorCode(m.error);
    io.array(m.groups, 2 + 2, [&](auto &group) {
        io.string(group.groupId);
        io.string(group.protocolType);
        if (v >= 4)
            io.string(group.groupState);
        if (v >= 5)
            io.string(group.groupType);
        io.taggedFields();
    });
    io.taggedFields();
}

// ---- DeleteGroups (key 42), v0-2 (flexible from 2) ----
struct DeleteGroupsRequestData {
    static constexpr ApiKey apiKey = ApiKey::DeleteGroups;
    QStringList groupNames;
};
struct DeleteGroupsResponseData {
    static constexpr ApiKey apiKey = ApiKey::DeleteGroups;
    struct Result {
        QString groupId;
        ErrorCode error = ErrorCode::None;
    };
    qint32 throttleTimeMs = 0;
    QList<Result> results;
};

template <class IO, MessageOf<DeleteGroupsRequestData> M> void describe(IO &io, M &m)
{
    io.stringArray(m.groupNames);
    io.taggedFields();
}

template <class IO, MessageOf<DeleteGroupsResponseData> M> void describe(IO &io, M &m)
{
    io.int32(m.throttleTimeMs);
    io.array(m.results, 2 + 2, [&](auto &result) {
        io.string(result.groupId);
        io.errorCode(result.error);
        io.taggedFields();
    });
    io.taggedFields();
}

// ---- OffsetDelete (key 47), v0 (never flexible) ----
struct OffsetDeleteRequestData {
    static constexpr ApiKey apiKey = ApiKey::OffsetDelete;
    struct Topic {
        QString name;
        QList<qint32> partitions;
    };
    QString groupId;
    QList<Topic> topics;
};
struct OffsetDeleteResponseData {
    static constexpr ApiKey apiKey = ApiKey::OffsetDelete;
    struct Partition {
        qint32 index = 0;
        ErrorCode error = ErrorCode::None;
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    ErrorCode error = ErrorCode::None;
    qint32 throttleTimeMs = 0;
    QList<Topic> topics;
};

template <class IO, MessageOf<OffsetDeleteRequestData> M> void describe(IO &io, M &m)
{
    io.string(m.groupId);
    io.array(m.topics, 2 + 4, [&](auto &topic) {
        io.string(topic.name);
        io.int32Array(topic.partitions);
        io.taggedFields();
    });
    io.taggedFields();
}

template <class IO, MessageOf<OffsetDeleteResponseData> M> void describe(IO &io, M &m)
{
    io.errorCode(m.error);
    io.int32(m.throttleTimeMs);
    io.array(m.topics, 2 + 4, [&](auto &topic) {
        io.string(topic.name);
        io.array(topic.partitions, 4 + 2, [&](auto &partition) {
            io.int32(partition.index);
            io.errorCode(partition.error);
            io.taggedFields();
        });
        io.taggedFields();
    });
    io.taggedFields();
}

} // namespace topicscope::engine::wire
