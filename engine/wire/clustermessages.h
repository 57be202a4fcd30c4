#pragma once

#include "errorcode.h"
#include "wire/messagefields.h"

#include <QList>
#include <QString>
#include <limits>
#include <optional>

// Request and response bodies of the APIs that describe the broker itself rather than a topic or a group:
// DescribeCluster and DescribeLogDirs, as in Kafka's message/*.json, described once for decoding and encoding
// (wire/messagefields.h).
namespace topicscope::engine::wire {

// ---- DescribeCluster (key 60), v0-2 (flexible from 0) ----
struct DescribeClusterRequestData {
    static constexpr ApiKey apiKey = ApiKey::DescribeCluster;
    // KIP-919 endpoint types.
    static constexpr qint8 BrokerEndpoints = 1;
    static constexpr qint8 ControllerEndpoints = 2;

    bool includeClusterAuthorizedOperations = false;
    qint8 endpointType = BrokerEndpoints; // v1+
    bool includeFencedBrokers = false; // v2+ (KIP-1073)
};
struct DescribeClusterResponseData {
    static constexpr ApiKey apiKey = ApiKey::DescribeCluster;
    struct Broker {
        qint32 brokerId = 0;
        QString host;
        qint32 port = 0;
        std::optional<QString> rack;
        bool isFenced = false; // v2+
    };
    qint32 throttleTimeMs = 0;
    ErrorCode error = ErrorCode::None;
    std::optional<QString> errorMessage;
    qint8 endpointType = DescribeClusterRequestData::BrokerEndpoints; // v1+
    QString clusterId;
    qint32 controllerId = -1;
    QList<Broker> brokers;
    qint32 clusterAuthorizedOperations = std::numeric_limits<qint32>::min(); // not asked for
};

template <class IO, MessageOf<DescribeClusterRequestData> M> void describe(IO &io, M &m)
{
    io.boolean(m.includeClusterAuthorizedOperations);
    if (io.version() >= 1)
        io.int8(m.endpointType);
    if (io.version() >= 2)
        io.boolean(m.includeFencedBrokers);
    io.taggedFields();
}

template <class IO, MessageOf<DescribeClusterResponseData> M> void describe(IO &io, M &m)
{
    io.int32(m.throttleTimeMs);
    io.errorCode(m.error);
    io.nullableString(m.errorMessage);
    if (io.version() >= 1)
        io.int8(m.endpointType);
    io.string(m.clusterId);
    io.int32(m.controllerId);
    io.array(m.brokers, 4 + 1 + 4 + 1 + 1, [&](auto &broker) {
        io.int32(broker.brokerId);
        io.string(broker.host);
        io.int32(broker.port);
        io.nullableString(broker.rack);
        if (io.version() >= 2)
            io.boolean(broker.isFenced);
        io.taggedFields();
    });
    io.int32(m.clusterAuthorizedOperations);
    io.taggedFields();
}

// ---- DescribeLogDirs (key 35), v0-4 (flexible from 2) ----
struct DescribeLogDirsRequestData {
    static constexpr ApiKey apiKey = ApiKey::DescribeLogDirs;
    struct Topic {
        QString topic;
        QList<qint32> partitions;
    };
    std::optional<QList<Topic>> topics; // nullopt: every partition
};
struct DescribeLogDirsResponseData {
    static constexpr ApiKey apiKey = ApiKey::DescribeLogDirs;
    struct Partition {
        qint32 partitionIndex = 0;
        qint64 partitionSize = 0;
        qint64 offsetLag = 0;
        bool isFutureKey = false;
    };
    struct Topic {
        QString name;
        QList<Partition> partitions;
    };
    struct Result {
        ErrorCode error = ErrorCode::None;
        QString logDir;
        QList<Topic> topics;
        qint64 totalBytes = -1; // v4+
        qint64 usableBytes = -1; // v4+
    };
    qint32 throttleTimeMs = 0;
    ErrorCode error = ErrorCode::None; // v3+
    QList<Result> results;
};

template <class IO, MessageOf<DescribeLogDirsRequestData> M> void describe(IO &io, M &m)
{
    io.nullableArray(m.topics, 1 + 1 + 1, [&](auto &topic) {
        io.string(topic.topic);
        io.int32Array(topic.partitions);
        io.taggedFields();
    });
    io.taggedFields();
}

template <class IO, MessageOf<DescribeLogDirsResponseData> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    io.int32(m.throttleTimeMs);
    if (v >= 3)
        io.errorCode(m.error);
    io.array(m.results, 2 + 1 + 1 + 1, [&](auto &result) {
        io.errorCode(result.error);
        io.string(result.logDir);
        io.array(result.topics, 1 + 1 + 1, [&](auto &topic) {
            io.string(topic.name);
            io.array(topic.partitions, 4 + 8 + 8 + 1, [&](auto &partition) {
                io.int32(partition.partitionIndex);
                io.int64(partition.partitionSize);
                io.int64(partition.offsetLag);
                io.boolean(partition.isFutureKey);
                io.taggedFields();
            });
            io.taggedFields();
        });
        if (v >= 4) {
            io.int64(result.totalBytes);
            io.int64(result.usableBytes);
        }
        io.taggedFields();
    });
    io.taggedFields();
}

} // namespace topicscope::engine::wire
