#pragma once

#include "errorcode.h"
#include "wire/apikeys.h"
#include "wire/wirereader.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>

// Request and response bodies of ApiVersions, DescribeConfigs and DeleteGroups, as in Kafka's message/*.json
// (CreateTopics and DeleteTopics: wire/topicmessages.h).
// ApiVersions v3 is the one flexible body this broker speaks.
namespace topicscope::engine::wire {

// ---- ApiVersions (key 18), v0-3 ----
struct ApiVersionsRequestData {
    QString clientSoftwareName; // v3+
    QString clientSoftwareVersion; // v3+
};
struct ApiVersionsResponseData {
    ErrorCode error = ErrorCode::None;
    QList<ApiVersionRange> apiKeys;
};
std::optional<ApiVersionsRequestData> decodeApiVersionsRequest(WireReader &r, qint16 version);
// For a version above the supported maximum pass version 0: Kafka answers those in the v0 body format.
QByteArray encodeApiVersionsResponse(const ApiVersionsResponseData &response, qint16 version);

// ---- DescribeConfigs (key 32), v0-2 ----
struct DescribeConfigsRequestData {
    struct Resource {
        qint8 resourceType = 0; // 2 topic, 4 broker
        QString resourceName;
        std::optional<QStringList> configurationKeys; // nullopt = all
    };
    QList<Resource> resources;
    bool includeSynonyms = false; // v1+
};
struct DescribeConfigsResponseData {
    struct Config {
        QString name;
        std::optional<QString> value;
        bool readOnly = false;
        bool isDefault = false; // v0; v1+ derives config_source from it and from configSource
        qint8 configSource = -1; // v1+: 1 dynamic topic config, 4 static broker config, 5 default
        bool isSensitive = false;
    };
    struct Result {
        ErrorCode error = ErrorCode::None;
        std::optional<QString> errorMessage;
        qint8 resourceType = 0;
        QString resourceName;
        QList<Config> configs;
    };
    QList<Result> results;
};
std::optional<DescribeConfigsRequestData> decodeDescribeConfigsRequest(WireReader &r, qint16 version);
QByteArray encodeDescribeConfigsResponse(const DescribeConfigsResponseData &response, qint16 version);

// ---- AlterConfigs (key 33), v0-1: replaces a resource's whole configuration ----
struct AlterConfigsRequestData {
    struct Resource {
        qint8 resourceType = 0;
        QString resourceName;
        QList<QPair<QString, std::optional<QString>>> configs;
    };
    QList<Resource> resources;
    bool validateOnly = false;
};
struct ResourceResult {
    ErrorCode error = ErrorCode::None;
    std::optional<QString> errorMessage;
    qint8 resourceType = 0;
    QString resourceName;
};
std::optional<AlterConfigsRequestData> decodeAlterConfigsRequest(WireReader &r, qint16 version);
QByteArray encodeAlterConfigsResponse(const QList<ResourceResult> &results, qint16 version);

// ---- CreatePartitions (key 37), v0-1 ----
struct CreatePartitionsRequestData {
    struct Topic {
        QString name;
        qint32 count = 0; // the new total
    };
    QList<Topic> topics;
    qint32 timeoutMs = 0;
    bool validateOnly = false;
};
struct TopicResult {
    QString name;
    ErrorCode error = ErrorCode::None;
    std::optional<QString> errorMessage;
};
std::optional<CreatePartitionsRequestData> decodeCreatePartitionsRequest(WireReader &r, qint16 version);
QByteArray encodeCreatePartitionsResponse(const QList<TopicResult> &results, qint16 version);

// ---- DeleteGroups (key 42), v0-1 ----
std::optional<QStringList> decodeDeleteGroupsRequest(WireReader &r, qint16 version);
QByteArray encodeDeleteGroupsResponse(const QList<QPair<QString, ErrorCode>> &results, qint16 version);

} // namespace topicscope::engine::wire
