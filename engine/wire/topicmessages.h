#pragma once

#include "errorcode.h"
#include "wire/messagefields.h"
#include "wire/versionedfields.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// Request and response bodies of the topic administration APIs CreateTopics and DeleteTopics: message descriptions
// (wire/messagefields.h: decodeMessage<T>, encodeMessage) of every version Kafka 4.1 accepts, field by field as in
// Kafka's message/*.json. Topic ids (KIP-516) are kept as their 16 bytes (TopicId::fromBytes / toByteArray). The
// one tagged field, CreateTopics' TopicConfigErrorCode, is only sent when a client may not see a topic's configs;
// with no authorization here its default (none) is the answer. Pure value code, any thread.
namespace topicscope::engine::wire {

// ---- CreateTopics (key 19), v0-7 (flexible from 5) ----
struct CreateTopicsRequest {
    static constexpr ApiKey apiKey = ApiKey::CreateTopics;
    struct Assignment {
        qint32 partitionIndex = 0;
        QList<qint32> brokerIds;
    };
    struct Config {
        QString name;
        std::optional<QString> value;
    };
    struct Topic {
        QString name;
        qint32 numPartitions = -1; // -1: the broker default (KIP-464) or the manual assignment's count
        qint16 replicationFactor = -1; // -1: the broker default
        QList<Assignment> assignments; // manual placement; one entry per partition
        QList<Config> configs;
    };
    QList<Topic> topics;
    qint32 timeoutMs = 60000;
    bool validateOnly = false; // v1+
};
struct CreateTopicsResponse {
    static constexpr ApiKey apiKey = ApiKey::CreateTopics;
    // The created topic's configuration (KIP-525), as DescribeConfigs would list it.
    struct Config {
        QString name;
        std::optional<QString> value;
        bool readOnly = false;
        qint8 configSource = -1; // DescribeConfigs' source ids: 1 dynamic topic config, 5 default
        bool isSensitive = false;
    };
    struct Topic {
        QString name;
        QByteArray topicId; // v7+; zero unless the topic was created
        ErrorCode error = ErrorCode::None;
        std::optional<QString> errorMessage; // v1+
        qint32 numPartitions = -1; // v5+
        qint16 replicationFactor = -1; // v5+
        std::optional<QList<Config>> configs = QList<Config> {}; // v5+
    };
    qint32 throttleTimeMs = 0; // v2+
    QList<Topic> topics;
};

template <class IO, MessageOf<CreateTopicsRequest> M> void describe(IO &io, M &m)
{
    io.array(m.topics, io.flexible() ? 10 : 16, [&](auto &topic) {
        io.string(topic.name);
        io.int32(topic.numPartitions);
        io.int16(topic.replicationFactor);
        io.array(topic.assignments, io.flexible() ? 6 : 8, [&](auto &assignment) {
            io.int32(assignment.partitionIndex);
            io.int32Array(assignment.brokerIds);
            io.taggedFields();
        });
        io.array(topic.configs, io.flexible() ? 3 : 4, [&](auto &config) {
            io.string(config.name);
            io.nullableString(config.value);
            io.taggedFields();
        });
        io.taggedFields();
    });
    io.int32(m.timeoutMs);
    if (io.version() >= 1)
        io.boolean(m.validateOnly);
    io.taggedFields();
}

template <class IO, MessageOf<CreateTopicsResponse> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v >= 2)
        io.int32(m.throttleTimeMs);
    io.array(m.topics, io.flexible() ? 11 : 4, [&](auto &topic) {
        io.string(topic.name);
        if (v >= 7)
            io.uuid(topic.topicId);
        io.errorCode(topic.error);
        if (v >= 1)
            io.nullableString(topic.errorMessage);
        if (v >= 5) {
            io.int32(topic.numPartitions);
            io.int16(topic.replicationFactor);
            io.nullableArray(topic.configs, 6, [&](auto &config) {
                io.string(config.name);
                io.nullableString(config.value);
                io.boolean(config.readOnly);
                io.int8(config.configSource);
                io.boolean(config.isSensitive);
                io.taggedFields();
            });
        }
        io.taggedFields();
    });
    io.taggedFields();
}

// ---- DeleteTopics (key 20), v0-6 (flexible from 4; by name or by id from 6) ----
struct DeleteTopicsRequest {
    static constexpr ApiKey apiKey = ApiKey::DeleteTopics;
    // v6+: exactly one of name and id; a topic named and given an id is refused (INVALID_REQUEST).
    struct Topic {
        std::optional<QString> name;
        QByteArray topicId; // all zero: by name
    };
    QList<Topic> topics; // v6+
    QStringList topicNames; // v0-5
    qint32 timeoutMs = 0;
};
struct DeleteTopicsResponse {
    static constexpr ApiKey apiKey = ApiKey::DeleteTopics;
    struct Topic {
        std::optional<QString> name; // null (v6+) for an id no topic has
        QByteArray topicId; // v6+; zero for a name no topic has
        ErrorCode error = ErrorCode::None;
        std::optional<QString> errorMessage; // v5+
    };
    qint32 throttleTimeMs = 0; // v1+
    QList<Topic> responses;
};

template <class IO, MessageOf<DeleteTopicsRequest> M> void describe(IO &io, M &m)
{
    if (io.version() >= 6) {
        io.array(m.topics, 18, [&](auto &topic) {
            io.nullableString(topic.name);
            io.uuid(topic.topicId);
            io.taggedFields();
        });
    } else {
        io.stringArray(m.topicNames);
    }
    io.int32(m.timeoutMs);
    io.taggedFields();
}

template <class IO, MessageOf<DeleteTopicsResponse> M> void describe(IO &io, M &m)
{
    const qint16 v = io.version();
    if (v >= 1)
        io.int32(m.throttleTimeMs);
    io.array(m.responses, 4, [&](auto &topic) {
        maybeNullString(io, topic.name, v >= 6);
        if (v >= 6)
            io.uuid(topic.topicId);
        io.errorCode(topic.error);
        if (v >= 5)
            io.nullableString(topic.errorMessage);
        io.taggedFields();
    });
    io.taggedFields();
}

} // namespace topicscope::engine::wire
