#pragma once

#include "errorcode.h"
#include "wire/messagefields.h"

#include <QString>
#include <optional>

// Request and response bodies of InitProducerId, the one producer-state API this broker serves (no transaction
// coordinator), as in Kafka's message/*.json: described once for decoding and encoding (wire/messagefields.h).
namespace topicscope::engine::wire {

// ---- InitProducerId (key 22), v0-5 (flexible from 2) ----
// v6 (KIP-939: Enable2Pc, KeepPreparedTxn; OngoingTxnProducerId/Epoch in the answer) is marked unstable in Kafka 4.1
// ("latestVersionUnstable"), so a 4.1 broker does not accept it, and neither does this one.
struct InitProducerIdRequest {
    static constexpr ApiKey apiKey = ApiKey::InitProducerId;
    std::optional<QString> transactionalId; // null: an idempotent, non-transactional producer
    qint32 transactionTimeoutMs = 0;
    // v3+ (KIP-360): the producer's current id and epoch when it asks for a new epoch; -1/-1 for a first request.
    qint64 producerId = -1;
    qint16 producerEpoch = -1;
};
struct InitProducerIdResponse {
    static constexpr ApiKey apiKey = ApiKey::InitProducerId;
    qint32 throttleTimeMs = 0;
    ErrorCode error = ErrorCode::None;
    qint64 producerId = -1;
    qint16 producerEpoch = -1;
};

template <class IO, MessageOf<InitProducerIdRequest> M> void describe(IO &io, M &m)
{
    io.nullableString(m.transactionalId);
    io.int32(m.transactionTimeoutMs);
    if (io.version() >= 3) {
        io.int64(m.producerId);
        io.int16(m.producerEpoch);
    }
    io.taggedFields();
}

template <class IO, MessageOf<InitProducerIdResponse> M> void describe(IO &io, M &m)
{
    io.int32(m.throttleTimeMs);
    io.errorCode(m.error);
    io.int64(m.producerId);
    io.int16(m.producerEpoch);
    io.taggedFields();
}

} // namespace topicscope::engine::wire
