#include "adminmessages.h"

#include "wire/wirewriter.h"

namespace topicscope::engine::wire {

std::optional<CreateTopicsRequestData> decodeCreateTopicsRequest(WireReader &r, qint16 version)
{
    CreateTopicsRequestData req;
    const qint32 topicCount = r.arrayLength(false, 14);
    for (qint32 t = 0; t < topicCount && r.ok(); ++t) {
        CreateTopicsRequestData::Topic topic;
        topic.name = r.string();
        topic.numPartitions = r.int32();
        topic.replicationFactor = r.int16();
        topic.assignmentCount = r.arrayLength(false, 8);
        for (qint32 a = 0; a < topic.assignmentCount && r.ok(); ++a) {
            r.int32(); // partition index
            const qint32 brokers = r.arrayLength(false, 4);
            for (qint32 b = 0; b < brokers && r.ok(); ++b)
                r.int32();
        }
        const qint32 configCount = r.arrayLength(false, 4);
        for (qint32 c = 0; c < configCount && r.ok(); ++c) {
            CreateTopicsRequestData::Config config;
            config.name = r.string();
            config.value = r.nullableString();
            topic.configs.append(std::move(config));
        }
        req.topics.append(std::move(topic));
    }
    req.timeoutMs = r.int32();
    if (version >= 1)
        req.validateOnly = r.boolean();
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeCreateTopicsResponse(const CreateTopicsResponseData &response, qint16 version)
{
    WireWriter w;
    if (version >= 2)
        w.int32(0);
    w.arrayLength(response.topics.size());
    for (const auto &t : response.topics) {
        w.string(t.name);
        w.int16(toWire(t.error));
        if (version >= 1)
            w.nullableString(t.errorMessage);
    }
    return w.take();
}

std::optional<DeleteTopicsRequestData> decodeDeleteTopicsRequest(WireReader &r, qint16 version)
{
    Q_UNUSED(version); // v0-3 share the layout
    DeleteTopicsRequestData req;
    const qint32 count = r.arrayLength(false, 2);
    for (qint32 i = 0; i < count && r.ok(); ++i)
        req.topicNames.append(r.string());
    req.timeoutMs = r.int32();
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeDeleteTopicsResponse(const DeleteTopicsResponseData &response, qint16 version)
{
    WireWriter w;
    if (version >= 1)
        w.int32(0);
    w.arrayLength(response.topics.size());
    for (const auto &t : response.topics) {
        w.string(t.name);
        w.int16(toWire(t.error));
    }
    return w.take();
}

} // namespace topicscope::engine::wire
