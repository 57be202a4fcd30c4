#pragma once

#include "errorcode.h"
#include "wire/messagefields.h"
#include "wire/versionedfields.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <limits>
#include <optional>

// Request and response bodies of the log APIs (Produce, Fetch, ListOffsets, Metadata), message descriptions
// (wire/messagefields.h: decodeMessage<T>, encodeMessage) covering every version Kafka 4.1 accepts, field by field as
// in Kafka's message/*.json (DeleteRecords: adminmessages.h, InitProducerId: producermessages.h, CreateTopics and
// DeleteTopics: topicmessages.h).
//
// Tagged fields: the broker reads over every one a client sends and writes none. The ones these schemas define
// either come only from follower replicas (Fetch's ClusterId, ReplicaState, ReplicaDirectoryId, HighWatermark) or
// go only with errors this single broker never gives (NOT_LEADER_OR_FOLLOWER's CurrentLeader and NodeEndpoints,
// DivergingEpoch, SnapshotId), so their defaults, which Kafka leaves out of the wire too, are the true answer.
// Topic ids (KIP-516) are kept as their 16 bytes (QByteArray; TopicId::fromBytes / toByteArray convert).
namespace topicscope::engine::wire {

// ---- Produce (key 0), v3-13 (flexible from 9, topic ids instead of names from 13) ----
struct ProduceRequest {
    static constexpr ApiKey apiKey = ApiKey::Produce;
    struct Partition {
        qint32 index = 0;
        // Not copied out of the request (a 1 MB batch copied per request was 7 % of the engine thread): a view
        // of the frame, valid while the handler runs.
        std::optional<QByteArrayView> records;
    };
    struct Topic {
        QString name; // v0-12; from v13 the handler fills it in from the id
        QByteArray topicId; // v13+
        QList<Partition> partitions;
    };
    std::optional<QString> transactionalId;
    qint16 acks = -1;
    qint32 timeoutMs = 0;
    QList<Topic> topics;
};
struct ProduceResponse {
    static constexpr ApiKey apiKey = ApiKey::Produce;
    struct RecordError {
        qint32 batchIndex = 0;
        std::optional<QString> message;
    };
    struct Partition {
        qint32 index = 0;
        ErrorCode error = ErrorCode::None;
        qint64 baseOffset = -1;
        qint64 logAppendTimeMs = -1;
        qint64 logStartOffset = -1;
        QList<RecordError> recordErrors; // v8+
        std::optional<QString> errorMessage; // v8+
    };
    struct Topic {
        QString name; // v0-12
        QByteArray topicId; // v13+
        QList<Partition> partitions;
    };
    QList<Topic> topics;
    qint32 throttleTimeMs = 0;
};

// The topic of a Produce or Fetch topic entry: its name before the version that replaced names by ids, else its id.
template <class IO, class Topic> void topicNameOrId(IO &io, Topic &topic, qint16 firstIdVersion)
{
    if (io.version() >= firstIdVersion)
        io.uuid(topic.topicId);
    else
        io.string(topic.name);
}

template <class IO, MessageOf<ProduceRequest> M> void describe(IO &io, M &m)
{
    if (io.version() >= 3)
        io.nullableString(m.transactionalId);
    io.int16(m.acks);
    io.int32(m.timeoutMs);
    io.array(m.topics, io.flexible() ? 3 : 6, [&](auto &topic) {
        topicNameOrId(io, topic, 13);
        io.array(topic.partitions, io.flexible() ? 6 : 8, [&](auto &partition) {
            io.int32(partition.index);
            io.nullableBytes(partition.records);
            io.taggedFields();
        });
        io.taggedFields();
    });
    io.taggedFields();
}

template <class IO, MessageOf<ProduceResponse> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    io.array(m.topics, io.flexible() ? 3 : 6, [&](auto &topic) {
        topicNameOrId(io, topic, 13);
        io.array(topic.partitions, 4 + 2 + 8, [&](auto &partition) {
            io.int32(partition.index);
            io.errorCode(partition.error);
            io.int64(partition.baseOffset);
            if (v >= 2)
                io.int64(partition.logAppendTimeMs);
            if (v >= 5)
                io.int64(partition.logStartOffset);
            if (v >= 8) {
                io.array(partition.recordErrors, 6, [&](auto &error) {
                    io.int32(error.batchIndex);
                    io.nullableString(error.message);
                    io.taggedFields();
                });
                io.nullableString(partition.errorMessage);
            }
            io.taggedFields();
        });
        io.taggedFields();
    });
    if (v >= 1)
        io.int32(m.throttleTimeMs);
    io.taggedFields();
}

// ---- Fetch (key 1), v4-18 (flexible from 12, topic ids instead of names from 13) ----
struct FetchRequest {
    static constexpr ApiKey apiKey = ApiKey::Fetch;
    struct Partition {
        qint32 index = 0;
        qint32 currentLeaderEpoch = -1; // v9+
        qint64 fetchOffset = 0;
        qint32 lastFetchedEpoch = -1; // v12+ (followers)
        qint64 logStartOffset = -1; // v5+ (followers)
        qint32 maxBytes = 0;
    };
    struct Topic {
        QString name; // v0-12; from v13 the handler fills it in from the id
        QByteArray topicId; // v13+
        QList<Partition> partitions;
    };
    // In an incremental fetch session: partitions to drop from it. Read and ignored: sessions are declined.
    struct ForgottenTopic {
        QString name; // v7-12
        QByteArray topicId; // v13+
        QList<qint32> partitions;
    };
    // -1 = a consumer. v0-14; from v15 a follower sends it in the tagged ReplicaState instead, which consumers
    // leave out (and this broker, having no followers, reads over).
    qint32 replicaId = -1;
    qint32 maxWaitMs = 0;
    qint32 minBytes = 0;
    qint32 maxBytes = 0x7fffffff; // v3+
    qint8 isolationLevel = 0; // v4+
    qint32 sessionId = 0; // v7+
    qint32 sessionEpoch = -1; // v7+; -1 = no session, 0 = asks for a new one
    QList<Topic> topics;
    QList<ForgottenTopic> forgottenTopics; // v7+
    QString rackId; // v11+
};
struct FetchResponse {
    static constexpr ApiKey apiKey = ApiKey::Fetch;
    struct AbortedTransaction {
        qint64 producerId = -1;
        qint64 firstOffset = -1;
    };
    struct Partition {
        qint32 index = 0;
        ErrorCode error = ErrorCode::None;
        qint64 highWatermark = -1;
        qint64 lastStableOffset = -1; // v4+
        qint64 logStartOffset = -1; // v5+
        // v4+; null: no transaction was aborted in the returned range (there are no transactions here).
        std::optional<QList<AbortedTransaction>> abortedTransactions;
        qint32 preferredReadReplica = -1; // v11+; librdkafka switches replicas on any other value
        // Whole stored batches as the log returned them (nullable in the schema; this broker always sends bytes,
        // empty when there are none, which reads the same in every client).
        QByteArray records;
    };
    struct Topic {
        QString name; // v0-12
        QByteArray topicId; // v13+
        QList<Partition> partitions;
    };
    qint32 throttleTimeMs = 0; // v1+
    ErrorCode error = ErrorCode::None; // v7+: a fetch session error
    qint32 sessionId = 0; // v7+; 0 = no session
    QList<Topic> topics;
};

template <class IO, MessageOf<FetchRequest> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v <= 14)
        io.int32(m.replicaId);
    io.int32(m.maxWaitMs);
    io.int32(m.minBytes);
    if (v >= 3)
        io.int32(m.maxBytes);
    if (v >= 4)
        io.int8(m.isolationLevel);
    if (v >= 7) {
        io.int32(m.sessionId);
        io.int32(m.sessionEpoch);
    }
    io.array(m.topics, io.flexible() ? 3 : 6, [&](auto &topic) {
        topicNameOrId(io, topic, 13);
        io.array(topic.partitions, io.flexible() ? 33 : 16, [&](auto &partition) {
            io.int32(partition.index);
            if (v >= 9)
                io.int32(partition.currentLeaderEpoch);
            io.int64(partition.fetchOffset);
            if (v >= 12)
                io.int32(partition.lastFetchedEpoch);
            if (v >= 5)
                io.int64(partition.logStartOffset);
            io.int32(partition.maxBytes);
            io.taggedFields();
        });
        io.taggedFields();
    });
    if (v >= 7) {
        io.array(m.forgottenTopics, io.flexible() ? 3 : 6, [&](auto &topic) {
            topicNameOrId(io, topic, 13);
            io.int32Array(topic.partitions);
            io.taggedFields();
        });
    }
    if (v >= 11)
        io.string(m.rackId);
    io.taggedFields();
}

template <class IO, MessageOf<FetchResponse> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v >= 1)
        io.int32(m.throttleTimeMs);
    if (v >= 7) {
        io.errorCode(m.error);
        io.int32(m.sessionId);
    }
    io.array(m.topics, io.flexible() ? 3 : 6, [&](auto &topic) {
        topicNameOrId(io, topic, 13);
        io.array(topic.partitions, io.flexible() ? 37 : 30, [&](auto &partition) {
            io.int32(partition.index);
            io.errorCode(partition.error);
            io.int64(partition.highWatermark);
            if (v >= 4)
                io.int64(partition.lastStableOffset);
            if (v >= 5)
                io.int64(partition.logStartOffset);
            if (v >= 4) {
                io.nullableArray(partition.abortedTransactions, 16, [&](auto &aborted) {
                    io.int64(aborted.producerId);
                    io.int64(aborted.firstOffset);
                    io.taggedFields();
                });
            }
            if (v >= 11)
                io.int32(partition.preferredReadReplica);
            io.bytes(partition.records);
            io.taggedFields();
        });
        io.taggedFields();
    });
    io.taggedFields();
}

// The whole answer to a Fetch, response header and body, as pieces to be written one after the other: the records of
// a partition (the bulk of a fetch) from FetchRecordsPieceBytes on are pieces of their own, shared with the log's
// read and never copied into a frame; the encoded fields around them are the other pieces.
constexpr qsizetype FetchRecordsPieceBytes = 4096;
std::vector<QByteArray> encodeFetchFrame(qint32 correlationId, const FetchResponse &response, qint16 version);

// ---- ListOffsets (key 2), v0-10 (flexible from 6) ----
struct ListOffsetsRequest {
    static constexpr ApiKey apiKey = ApiKey::ListOffsets;
    struct Partition {
        qint32 index = 0;
        qint32 currentLeaderEpoch = -1; // v4+
        // A time, or one of the special values (LogManager::LatestTimestamp, EarliestTimestamp, MaxTimestamp, ...).
        qint64 timestamp = -1;
        qint32 maxNumOffsets = 1; // v0 only
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    qint32 replicaId = -1;
    qint8 isolationLevel = 0; // v2+
    QList<Topic> topics;
    qint32 timeoutMs = 0; // v10+: for remote (tiered) storage reads, which this broker has none of
};
struct ListOffsetsResponse {
    static constexpr ApiKey apiKey = ApiKey::ListOffsets;
    struct Partition {
        qint32 index = 0;
        ErrorCode error = ErrorCode::None;
        QList<qint64> oldStyleOffsets; // v0 only
        qint64 timestamp = -1; // v1+
        qint64 offset = -1; // v1+
        qint32 leaderEpoch = -1; // v4+; -1 = unknown
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    qint32 throttleTimeMs = 0; // v2+
    QList<Topic> topics;
};

template <class IO, MessageOf<ListOffsetsRequest> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    io.int32(m.replicaId);
    if (v >= 2)
        io.int8(m.isolationLevel);
    io.array(m.topics, io.flexible() ? 3 : 6, [&](auto &topic) {
        io.string(topic.name);
        io.array(topic.partitions, 12, [&](auto &partition) {
            io.int32(partition.index);
            if (v >= 4)
                io.int32(partition.currentLeaderEpoch);
            io.int64(partition.timestamp);
            if (v == 0)
                io.int32(partition.maxNumOffsets);
            io.taggedFields();
        });
        io.taggedFields();
    });
    if (v >= 10)
        io.int32(m.timeoutMs);
    io.taggedFields();
}

template <class IO, MessageOf<ListOffsetsResponse> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v >= 2)
        io.int32(m.throttleTimeMs);
    io.array(m.topics, io.flexible() ? 3 : 6, [&](auto &topic) {
        io.string(topic.name);
        io.array(topic.partitions, 10, [&](auto &partition) {
            io.int32(partition.index);
            io.errorCode(partition.error);
            if (v == 0) {
                io.array(partition.oldStyleOffsets, 8, [&](auto &offset) { io.int64(offset); });
            } else {
                io.int64(partition.timestamp);
                io.int64(partition.offset);
            }
            if (v >= 4)
                io.int32(partition.leaderEpoch);
            io.taggedFields();
        });
        io.taggedFields();
    });
    io.taggedFields();
}

// ---- Metadata (key 3), v0-13 (flexible from 9, topic ids from 10, asked for by id from 12) ----
struct MetadataRequest {
    static constexpr ApiKey apiKey = ApiKey::Metadata;
    struct Topic {
        QByteArray topicId; // v10+; all zero = by name
        std::optional<QString> name; // null (v10+) = by id
    };
    // Null (v1+) = every topic; empty = none (brokers only), except in v0, where empty means every topic too.
    std::optional<QList<Topic>> topics;
    bool allowAutoTopicCreation = true; // v4+; implied true before
    bool includeClusterAuthorizedOperations = false; // v8-10
    bool includeTopicAuthorizedOperations = false; // v8+

    bool isAllTopics(qint16 version) const { return !topics || (version == 0 && topics->isEmpty()); }
};
struct MetadataResponse {
    static constexpr ApiKey apiKey = ApiKey::Metadata;
    // Kafka's "not requested" value of the authorized-operations bit fields (the schema's default).
    static constexpr qint32 AuthorizedOperationsOmitted = std::numeric_limits<qint32>::min();
    struct Broker {
        qint32 nodeId = 0;
        QString host;
        qint32 port = 0;
        std::optional<QString> rack; // v1+
    };
    struct Partition {
        ErrorCode error = ErrorCode::None;
        qint32 index = 0;
        qint32 leaderId = 0;
        qint32 leaderEpoch = -1; // v7+
        QList<qint32> replicaNodes;
        QList<qint32> isrNodes;
        QList<qint32> offlineReplicas; // v5+
    };
    struct Topic {
        ErrorCode error = ErrorCode::None;
        std::optional<QString> name; // null (v12+) for a topic asked for by an id no topic has
        QByteArray topicId; // v10+; zero for a topic asked for by a name no topic has
        bool isInternal = false; // v1+
        QList<Partition> partitions;
        qint32 topicAuthorizedOperations = AuthorizedOperationsOmitted; // v8+
    };
    qint32 throttleTimeMs = 0; // v3+
    QList<Broker> brokers;
    std::optional<QString> clusterId; // v2+
    qint32 controllerId = -1; // v1+
    QList<Topic> topics;
    qint32 clusterAuthorizedOperations = AuthorizedOperationsOmitted; // v8-10
    ErrorCode error = ErrorCode::None; // v13+
};

template <class IO, MessageOf<MetadataRequest> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    maybeNullArray(io, m.topics, v >= 1, v >= 10 ? 18 : 2, [&](auto &topic) {
        if (v >= 10)
            io.uuid(topic.topicId);
        maybeNullString(io, topic.name, v >= 10);
        io.taggedFields();
    });
    if (v >= 4)
        io.boolean(m.allowAutoTopicCreation);
    if (v >= 8 && v <= 10)
        io.boolean(m.includeClusterAuthorizedOperations);
    if (v >= 8)
        io.boolean(m.includeTopicAuthorizedOperations);
    io.taggedFields();
}

template <class IO, MessageOf<MetadataResponse> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v >= 3)
        io.int32(m.throttleTimeMs);
    io.array(m.brokers, io.flexible() ? 11 : 10, [&](auto &broker) {
        io.int32(broker.nodeId);
        io.string(broker.host);
        io.int32(broker.port);
        if (v >= 1)
            io.nullableString(broker.rack);
        io.taggedFields();
    });
    if (v >= 2)
        io.nullableString(m.clusterId);
    if (v >= 1)
        io.int32(m.controllerId);
    io.array(m.topics, io.flexible() ? 5 : 8, [&](auto &topic) {
        io.errorCode(topic.error);
        maybeNullString(io, topic.name, v >= 12);
        if (v >= 10)
            io.uuid(topic.topicId);
        if (v >= 1)
            io.boolean(topic.isInternal);
        io.array(topic.partitions, io.flexible() ? 13 : 18, [&](auto &partition) {
            io.errorCode(partition.error);
            io.int32(partition.index);
            io.int32(partition.leaderId);
            if (v >= 7)
                io.int32(partition.leaderEpoch);
            io.int32Array(partition.replicaNodes);
            io.int32Array(partition.isrNodes);
            if (v >= 5)
                io.int32Array(partition.offlineReplicas);
            io.taggedFields();
        });
        if (v >= 8)
            io.int32(topic.topicAuthorizedOperations);
        io.taggedFields();
    });
    if (v >= 8 && v <= 10)
        io.int32(m.clusterAuthorizedOperations);
    if (v >= 13)
        io.errorCode(m.error);
    io.taggedFields();
}

} // namespace topicscope::engine::wire
