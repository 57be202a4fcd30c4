#include "requestheader.h"

#include "wire/apikeys.h"
#include "wire/wirewriter.h"

namespace topicscope::engine::wire {

std::optional<RequestHeader> RequestHeader::read(WireReader &reader)
{
    RequestHeader header;
    header.apiKey = reader.int16();
    header.apiVersion = reader.int16();
    header.correlationId = reader.int32();
    if (!reader.ok())
        return std::nullopt;
    header.headerVersion = ApiKeys::requestHeaderVersion(header.apiKey, header.apiVersion);
    if (header.headerVersion >= 1)
        header.clientId = reader.nullableString();
    if (header.headerVersion >= 2)
        reader.skipTaggedFields();
    if (!reader.ok())
        return std::nullopt;
    return header;
}

QByteArray encodeResponseHeader(qint32 correlationId, int headerVersion)
{
    WireWriter w;
    w.int32(correlationId);
    if (headerVersion >= 1)
        w.emptyTaggedFields();
    return w.take();
}

} // namespace topicscope::engine::wire
