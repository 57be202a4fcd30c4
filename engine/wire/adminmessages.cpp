#include "adminmessages.h"

#include "wire/wirewriter.h"

namespace topicscope::engine::wire {

std::optional<ApiVersionsRequestData> decodeApiVersionsRequest(WireReader &r, qint16 version)
{
    ApiVersionsRequestData req;
    if (version >= 3) {
        req.clientSoftwareName = r.string(true);
        req.clientSoftwareVersion = r.string(true);
        r.skipTaggedFields();
    }
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeApiVersionsResponse(const ApiVersionsResponseData &response, qint16 version)
{
    const bool flexible = version >= 3;
    WireWriter w;
    w.int16(toWire(response.error));
    w.arrayLength(response.apiKeys.size(), flexible);
    for (const ApiVersionRange &range : response.apiKeys) {
        w.int16(range.apiKey);
        w.int16(range.minVersion);
        w.int16(range.maxVersion);
        if (flexible)
            w.emptyTaggedFields();
    }
    if (version >= 1)
        w.int32(0);
    if (flexible)
        w.emptyTaggedFields(); // no SupportedFeatures / FinalizedFeatures: this broker has no feature flags
    return w.take();
}

std::optional<DescribeConfigsRequestData> decodeDescribeConfigsRequest(WireReader &r, qint16 version)
{
    DescribeConfigsRequestData req;
    const qint32 count = r.arrayLength(false, 7);
    for (qint32 i = 0; i < count && r.ok(); ++i) {
        DescribeConfigsRequestData::Resource resource;
        resource.resourceType = r.int8();
        resource.resourceName = r.string();
        const qint32 keys = r.arrayLength(false, 2);
        if (keys >= 0) {
            QStringList names;
            for (qint32 k = 0; k < keys && r.ok(); ++k)
                names.append(r.string());
            resource.configurationKeys = names;
        }
        req.resources.append(std::move(resource));
    }
    if (version >= 1)
        req.includeSynonyms = r.boolean();
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeDescribeConfigsResponse(const DescribeConfigsResponseData &response, qint16 version)
{
    WireWriter w;
    w.int32(0);
    w.arrayLength(response.results.size());
    for (const auto &result : response.results) {
        w.int16(toWire(result.error));
        w.nullableString(result.errorMessage);
        w.int8(result.resourceType);
        w.string(result.resourceName);
        w.arrayLength(result.configs.size());
        for (const auto &c : result.configs) {
            w.string(c.name);
            w.nullableString(c.value);
            w.boolean(c.readOnly);
            if (version == 0)
                w.boolean(c.isDefault);
            else
                w.int8(c.configSource);
            w.boolean(c.isSensitive);
            if (version >= 1)
                w.arrayLength(0); // synonyms: every setting has a single source here
        }
    }
    return w.take();
}

std::optional<AlterConfigsRequestData> decodeAlterConfigsRequest(WireReader &r, qint16 version)
{
    Q_UNUSED(version); // v1 is the same as v0
    AlterConfigsRequestData req;
    const qint32 count = r.arrayLength(false, 7);
    for (qint32 i = 0; i < count && r.ok(); ++i) {
        AlterConfigsRequestData::Resource resource;
        resource.resourceType = r.int8();
        resource.resourceName = r.string();
        const qint32 configs = r.arrayLength(false, 4);
        for (qint32 c = 0; c < configs && r.ok(); ++c) {
            const QString name = r.string();
            resource.configs.append({name, r.nullableString()});
        }
        req.resources.append(std::move(resource));
    }
    req.validateOnly = r.boolean();
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeAlterConfigsResponse(const QList<ResourceResult> &results, qint16 version)
{
    Q_UNUSED(version);
    WireWriter w;
    w.int32(0);
    w.arrayLength(results.size());
    for (const ResourceResult &result : results) {
        w.int16(toWire(result.error));
        w.nullableString(result.errorMessage);
        w.int8(result.resourceType);
        w.string(result.resourceName);
    }
    return w.take();
}

std::optional<CreatePartitionsRequestData> decodeCreatePartitionsRequest(WireReader &r, qint16 version)
{
    Q_UNUSED(version); // v1 is the same as v0
    CreatePartitionsRequestData req;
    const qint32 count = r.arrayLength(false, 10);
    for (qint32 i = 0; i < count && r.ok(); ++i) {
        CreatePartitionsRequestData::Topic topic;
        topic.name = r.string();
        topic.count = r.int32();
        // Manual assignments: every new partition lands on node 0 anyway.
        const qint32 assignments = r.arrayLength(false, 4);
        for (qint32 a = 0; a < assignments && r.ok(); ++a) {
            const qint32 brokers = r.arrayLength(false, 4);
            for (qint32 b = 0; b < brokers && r.ok(); ++b)
                r.int32();
        }
        req.topics.append(std::move(topic));
    }
    req.timeoutMs = r.int32();
    req.validateOnly = r.boolean();
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeCreatePartitionsResponse(const QList<TopicResult> &results, qint16 version)
{
    Q_UNUSED(version);
    WireWriter w;
    w.int32(0);
    w.arrayLength(results.size());
    for (const TopicResult &result : results) {
        w.string(result.name);
        w.int16(toWire(result.error));
        w.nullableString(result.errorMessage);
    }
    return w.take();
}

std::optional<QStringList> decodeDeleteGroupsRequest(WireReader &r, qint16 version)
{
    Q_UNUSED(version); // v1 is the same as v0
    QStringList groups;
    const qint32 count = r.arrayLength(false, 2);
    for (qint32 i = 0; i < count && r.ok(); ++i)
        groups.append(r.string());
    if (!r.ok())
        return std::nullopt;
    return groups;
}

QByteArray encodeDeleteGroupsResponse(const QList<QPair<QString, ErrorCode>> &results, qint16 version)
{
    Q_UNUSED(version);
    WireWriter w;
    w.int32(0);
    w.arrayLength(results.size());
    for (const auto &[groupId, error] : results) {
        w.string(groupId);
        w.int16(toWire(error));
    }
    return w.take();
}

} // namespace topicscope::engine::wire
