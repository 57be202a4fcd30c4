#include "logmessages.h"

#include "wire/wirewriter.h"

namespace topicscope::engine::wire {

namespace {
// Minimum encoded sizes of array elements, so a lying count fails before any loop (see arrayLength).
constexpr int MinTopic = 2 + 4; // name length + partition count
} // namespace

QByteArray encodeFetchFrame(qint32 correlationId, const FetchResponse &response, qint16 version)
{
    // Room for everything but the records is bounded by the counts: a topic's id or name, a partition's fixed fields
    // (at most 60 bytes with their lengths and tags), a few bytes of header and top-level fields.
    qsizetype size = 64;
    for (const auto &topic : response.topics) {
        size += 32 + topic.name.size() * 3;
        for (const auto &partition : topic.partitions)
            size += 64 + partition.records.size();
    }
    WireWriter w;
    w.reserve(size);
    const auto key = static_cast<qint16>(ApiKey::Fetch);
    w.int32(correlationId);
    if (ApiKeys::responseHeaderVersion(key, version) >= 1)
        w.emptyTaggedFields();
    FieldEncoder out(w, version, ApiKeys::isFlexible(key, version));
    describe(out, response);
    return w.take();
}

std::optional<DeleteRecordsRequest> decodeDeleteRecordsRequest(WireReader &r, qint16 version)
{
    Q_UNUSED(version); // v1 is the same as v0
    DeleteRecordsRequest req;
    const qint32 topicCount = r.arrayLength(false, MinTopic);
    for (qint32 t = 0; t < topicCount && r.ok(); ++t) {
        DeleteRecordsRequest::Topic topic;
        topic.name = r.string();
        const qint32 partitionCount = r.arrayLength(false, 12);
        for (qint32 p = 0; p < partitionCount && r.ok(); ++p) {
            DeleteRecordsRequest::Partition partition;
            partition.index = r.int32();
            partition.offset = r.int64();
            topic.partitions.append(partition);
        }
        req.topics.append(std::move(topic));
    }
    req.timeoutMs = r.int32();
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeDeleteRecordsResponse(const DeleteRecordsResponse &response, qint16 version)
{
    Q_UNUSED(version);
    WireWriter w;
    w.int32(0);
    w.arrayLength(response.topics.size());
    for (const auto &topic : response.topics) {
        w.string(topic.name);
        w.arrayLength(topic.partitions.size());
        for (const auto &p : topic.partitions) {
            w.int32(p.index);
            w.int64(p.lowWatermark);
            w.int16(toWire(p.error));
        }
    }
    return w.take();
}

std::optional<InitProducerIdRequest> decodeInitProducerIdRequest(WireReader &r, qint16 version)
{
    const bool flexible = version >= 2;
    InitProducerIdRequest req;
    req.transactionalId = r.nullableString(flexible);
    req.transactionTimeoutMs = r.int32();
    // v3+ (producerId, producerEpoch for KIP-360's epoch bump) is not advertised.
    if (flexible)
        r.skipTaggedFields();
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeInitProducerIdResponse(const InitProducerIdResponse &response, qint16 version)
{
    WireWriter w;
    w.int32(0); // throttle_time_ms
    w.int16(toWire(response.error));
    w.int64(response.producerId);
    w.int16(response.producerEpoch);
    if (version >= 2)
        w.emptyTaggedFields();
    return w.take();
}

} // namespace topicscope::engine::wire
