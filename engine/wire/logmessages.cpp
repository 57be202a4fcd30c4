#include "logmessages.h"

#include "wire/wirewriter.h"

#include <limits>

namespace topicscope::engine::wire {

namespace {
// Minimum encoded sizes of array elements, so a lying count fails before any loop (see arrayLength).
constexpr int MinTopic = 2 + 4; // name length + partition count
} // namespace

std::optional<FetchRequest> decodeFetchRequest(WireReader &r, qint16 version)
{
    FetchRequest req;
    req.replicaId = r.int32();
    req.maxWaitMs = r.int32();
    req.minBytes = r.int32();
    if (version >= 3)
        req.maxBytes = r.int32();
    if (version >= 4)
        req.isolationLevel = r.int8();
    if (version >= 7) {
        req.sessionId = r.int32();
        req.sessionEpoch = r.int32();
    }
    const qint32 topicCount = r.arrayLength(false, MinTopic);
    for (qint32 t = 0; t < topicCount && r.ok(); ++t) {
        FetchRequest::Topic topic;
        topic.name = r.string();
        const qint32 partitionCount = r.arrayLength(false, 16);
        for (qint32 p = 0; p < partitionCount && r.ok(); ++p) {
            FetchRequest::Partition partition;
            partition.index = r.int32();
            if (version >= 9)
                partition.currentLeaderEpoch = r.int32();
            partition.fetchOffset = r.int64();
            if (version >= 5)
                partition.logStartOffset = r.int64();
            partition.maxBytes = r.int32();
            topic.partitions.append(partition);
        }
        req.topics.append(std::move(topic));
    }
    if (version >= 7) {
        // Forgotten topics only matter to incremental fetch sessions, which this broker never grants.
        const qint32 forgottenCount = r.arrayLength(false, MinTopic);
        for (qint32 t = 0; t < forgottenCount && r.ok(); ++t) {
            r.string();
            const qint32 n = r.arrayLength(false, 4);
            for (qint32 i = 0; i < n && r.ok(); ++i)
                r.int32();
        }
    }
    if (version >= 11)
        req.rackId = r.string();
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeFetchResponse(const FetchResponse &response, qint16 version)
{
    WireWriter w;
    if (version >= 1)
        w.int32(0); // throttle_time_ms
    if (version >= 7) {
        w.int16(toWire(response.error));
        w.int32(response.sessionId);
    }
    w.arrayLength(response.topics.size());
    for (const auto &topic : response.topics) {
        w.string(topic.name);
        w.arrayLength(topic.partitions.size());
        for (const auto &p : topic.partitions) {
            w.int32(p.index);
            w.int16(toWire(p.error));
            w.int64(p.highWatermark);
            if (version >= 4)
                w.int64(p.lastStableOffset);
            if (version >= 5)
                w.int64(p.logStartOffset);
            if (version >= 4)
                w.arrayLength(-1); // aborted_transactions: none without transactions
            if (version >= 11)
                w.int32(-1); // preferred_read_replica: librdkafka follows any other value
            w.bytes(p.records);
        }
    }
    return w.take();
}

std::optional<ListOffsetsRequest> decodeListOffsetsRequest(WireReader &r, qint16 version)
{
    ListOffsetsRequest req;
    req.replicaId = r.int32();
    if (version >= 2)
        req.isolationLevel = r.int8();
    const qint32 topicCount = r.arrayLength(false, MinTopic);
    for (qint32 t = 0; t < topicCount && r.ok(); ++t) {
        ListOffsetsRequest::Topic topic;
        topic.name = r.string();
        const qint32 partitionCount = r.arrayLength(false, 12);
        for (qint32 p = 0; p < partitionCount && r.ok(); ++p) {
            ListOffsetsRequest::Partition partition;
            partition.index = r.int32();
            if (version >= 4)
                r.int32(); // current_leader_epoch
            partition.timestamp = r.int64();
            if (version == 0)
                partition.maxNumOffsets = r.int32();
            topic.partitions.append(partition);
        }
        req.topics.append(std::move(topic));
    }
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeListOffsetsResponse(const ListOffsetsResponse &response, qint16 version)
{
    WireWriter w;
    if (version >= 2)
        w.int32(0);
    w.arrayLength(response.topics.size());
    for (const auto &topic : response.topics) {
        w.string(topic.name);
        w.arrayLength(topic.partitions.size());
        for (const auto &p : topic.partitions) {
            w.int32(p.index);
            w.int16(toWire(p.error));
            if (version == 0) {
                if (p.error == ErrorCode::None && p.offset >= 0) {
                    w.arrayLength(1);
                    w.int64(p.offset);
                } else {
                    w.arrayLength(0);
                }
            } else {
                w.int64(p.timestamp);
                w.int64(p.offset);
            }
        }
    }
    return w.take();
}

std::optional<MetadataRequest> decodeMetadataRequest(WireReader &r, qint16 version)
{
    MetadataRequest req;
    const qint32 count = r.arrayLength(false, 2);
    if (count >= 0) {
        QStringList topics;
        for (qint32 i = 0; i < count && r.ok(); ++i)
            topics.append(r.string());
        // v0 has no null: an empty list asks for every topic.
        if (!(version == 0 && topics.isEmpty()))
            req.topics = topics;
    }
    if (version >= 4)
        req.allowAutoTopicCreation = r.boolean();
    if (!r.ok())
        return std::nullopt;
    return req;
}

QByteArray encodeMetadataResponse(const MetadataResponse &response, qint16 version)
{
    WireWriter w;
    if (version >= 3)
        w.int32(0);
    w.arrayLength(response.brokers.size());
    for (const auto &b : response.brokers) {
        w.int32(b.nodeId);
        w.string(b.host);
        w.int32(b.port);
        if (version >= 1)
            w.nullableString(std::nullopt); // rack
    }
    if (version >= 2)
        w.nullableString(response.clusterId);
    if (version >= 1)
        w.int32(response.controllerId);
    w.arrayLength(response.topics.size());
    for (const auto &t : response.topics) {
        w.int16(toWire(t.error));
        w.string(t.name);
        if (version >= 1)
            w.boolean(t.isInternal);
        w.arrayLength(t.partitions.size());
        for (const auto &p : t.partitions) {
            w.int16(toWire(p.error));
            w.int32(p.index);
            w.int32(p.leaderId);
            if (version >= 7)
                w.int32(0); // leader_epoch
            // One broker: it is the only replica and always in sync.
            w.arrayLength(1);
            w.int32(p.leaderId);
            w.arrayLength(1);
            w.int32(p.leaderId);
            if (version >= 5)
                w.arrayLength(0); // offline_replicas
        }
        if (version >= 8)
            w.int32(std::numeric_limits<qint32>::min());
    }
    if (version >= 8 && version <= 10)
        w.int32(std::numeric_limits<qint32>::min());
    return w.take();
}

} // namespace topicscope::engine::wire
