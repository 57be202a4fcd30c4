#include "logmessages.h"

#include "wire/wirewriter.h"

namespace topicscope::engine::wire {

namespace {
// Minimum encoded sizes of array elements, so a lying count fails before any loop (see arrayLength).
constexpr int MinTopic = 2 + 4; // name length + partition count
} // namespace

std::vector<QByteArray> encodeFetchFrame(qint32 correlationId, const FetchResponse &response, qint16 version)
{
    WireWriter w;
    const auto key = static_cast<qint16>(ApiKey::Fetch);
    w.int32(correlationId);
    if (ApiKeys::responseHeaderVersion(key, version) >= 1)
        w.emptyTaggedFields();
    std::vector<QByteArray> pieces;
    FieldEncoder out(w, version, ApiKeys::isFlexible(key, version));
    out.splitBytesInto(&pieces, FetchRecordsPieceBytes);
    describe(out, response);
    pieces.push_back(w.take());
    return pieces;
}

} // namespace topicscope::engine::wire
