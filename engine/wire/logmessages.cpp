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

} // namespace topicscope::engine::wire
