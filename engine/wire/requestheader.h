#pragma once

#include "wire/wirereader.h"

#include <QString>
#include <optional>

namespace topicscope::engine::wire {

// Kafka's request header (RequestHeader.json), v0 to v2.
struct RequestHeader {
    qint16 apiKey = 0;
    qint16 apiVersion = 0;
    qint32 correlationId = 0;
    std::optional<QString> clientId; // v1+; always an int16-length string, even in the flexible v2
    int headerVersion = 1;

    // Reads the header at the start of a request frame (size prefix already removed), leaving the reader at
    // the body. The header version follows from the api key and version. nullopt when truncated; the reader
    // says why.
    static std::optional<RequestHeader> read(WireReader &reader);
};

// Response header v0 (correlation id) or v1 (plus an empty tagged-field section).
QByteArray encodeResponseHeader(qint32 correlationId, int headerVersion);

} // namespace topicscope::engine::wire
