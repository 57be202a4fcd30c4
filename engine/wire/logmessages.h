#pragma once

#include "errorcode.h"
#include "wire/messagefields.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// Request and response bodies of the log APIs (Produce, Fetch, ListOffsets, Metadata) in the versions this broker
// advertises, field by field as in Kafka's message/*.json (DeleteRecords: adminmessages.h, InitProducerId:
// producermessages.h). Decoders return nullopt for a malformed body (the reader says why); encoders write
// the body only (no header).
namespace topicscope::engine::wire {

// ---- Produce (key 0), v3-11 (flexible from 9) ----
struct ProduceRequest {
    static constexpr ApiKey apiKey = ApiKey::Produce;
    struct Partition {
        qint32 index = 0;
        std::optional<QByteArray> records;
    };
    struct Topic {
        QString name;
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
        QString name;
        QList<Partition> partitions;
    };
    QList<Topic> topics;
    qint32 throttleTimeMs = 0;
};

template <class IO, MessageOf<ProduceRequest> M> void describe(IO &io, M &m)
{
    if (io.version() >= 3)
        io.nullableString(m.transactionalId);
    io.int16(m.acks);
    io.int32(m.timeoutMs);
    io.array(m.topics, 2 + 4, [&](auto &topic) {
        io.string(topic.name);
        io.array(topic.partitions, 4 + 2, [&](auto &partition) {
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
    io.array(m.topics, 2 + 4, [&](auto &topic) {
        io.string(topic.name);
        io.array(topic.partitions, 4 + 2 + 8, [&](auto &partition) {
            io.int32(partition.index);
            io.errorCode(partition.error);
            io.int64(partition.baseOffset);
            if (v >= 2)
                io.int64(partition.logAppendTimeMs);
            if (v >= 5)
                io.int64(partition.logStartOffset);
            if (v >= 8) {
                io.array(partition.recordErrors, 4 + 2, [&](auto &error) {
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

// ---- Fetch (key 1), v4-11 ----
struct FetchRequest {
    struct Partition {
        qint32 index = 0;
        qint32 currentLeaderEpoch = -1;
        qint64 fetchOffset = 0;
        qint64 logStartOffset = -1;
        qint32 maxBytes = 0;
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    qint32 replicaId = -1;
    qint32 maxWaitMs = 0;
    qint32 minBytes = 0;
    qint32 maxBytes = 0x7fffffff;
    qint8 isolationLevel = 0;
    qint32 sessionId = 0;
    qint32 sessionEpoch = -1;
    QList<Topic> topics;
    QString rackId;
};
struct FetchResponse {
    struct Partition {
        qint32 index = 0;
        ErrorCode error = ErrorCode::None;
        qint64 highWatermark = -1;
        qint64 lastStableOffset = -1;
        qint64 logStartOffset = -1;
        QByteArray records;
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    ErrorCode error = ErrorCode::None;
    qint32 sessionId = 0;
    QList<Topic> topics;
};
std::optional<FetchRequest> decodeFetchRequest(WireReader &r, qint16 version);
QByteArray encodeFetchResponse(const FetchResponse &response, qint16 version);

// ---- ListOffsets (key 2), v0-3 ----
struct ListOffsetsRequest {
    struct Partition {
        qint32 index = 0;
        qint64 timestamp = -1;
        qint32 maxNumOffsets = 1; // v0 only
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    qint32 replicaId = -1;
    qint8 isolationLevel = 0;
    QList<Topic> topics;
};
struct ListOffsetsResponse {
    struct Partition {
        qint32 index = 0;
        ErrorCode error = ErrorCode::None;
        qint64 timestamp = -1;
        qint64 offset = -1;
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    QList<Topic> topics;
};
std::optional<ListOffsetsRequest> decodeListOffsetsRequest(WireReader &r, qint16 version);
QByteArray encodeListOffsetsResponse(const ListOffsetsResponse &response, qint16 version);

// ---- Metadata (key 3), v0-6 ----
struct MetadataRequest {
    std::optional<QStringList> topics; // nullopt = all topics (v0: an empty list means all too)
    bool allowAutoTopicCreation = true; // v4+; implied true before
};
struct MetadataResponse {
    struct Broker {
        qint32 nodeId = 0;
        QString host;
        qint32 port = 0;
    };
    struct Partition {
        ErrorCode error = ErrorCode::None;
        qint32 index = 0;
        qint32 leaderId = 0;
    };
    struct Topic {
        ErrorCode error = ErrorCode::None;
        QString name;
        bool isInternal = false;
        QList<Partition> partitions;
    };
    QList<Broker> brokers;
    std::optional<QString> clusterId;
    qint32 controllerId = 0;
    QList<Topic> topics;
};
std::optional<MetadataRequest> decodeMetadataRequest(WireReader &r, qint16 version);
QByteArray encodeMetadataResponse(const MetadataResponse &response, qint16 version);

} // namespace topicscope::engine::wire
