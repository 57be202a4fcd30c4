#pragma once

#include "wire/apikeys.h"
#include "wire/kafkaapis.h"
#include "wire/requestheader.h"

#include <span>

namespace topicscope::engine::wire {

// One API this broker serves: the versions it accepts and advertises, the API's first flexible version in
// Kafka's schemas (KIP-482), and the handler that answers it.
struct ApiRoute {
    // One shape for every handler, so handlers that answer at once and handlers that park the request (Fetch long
    // poll, JoinGroup, SyncGroup) sit in the same table: respond is called exactly once, before or after the
    // handler returns. The header has already been checked against the row.
    using Handler = void (*)(KafkaApis::Private &apis, const RequestHeader &header, WireReader &body,
        const WireConnectionInfo &connection, KafkaApis::Responder respond);

    ApiKey key;
    qint16 minVersion;
    qint16 maxVersion;
    qint16 firstFlexibleVersion; // Kafka 3.9's "flexibleVersions"; 32767 = never
    Handler handler;

    bool supports(qint16 version) const { return version >= minVersion && version <= maxVersion; }
    ApiVersionRange range() const { return {static_cast<qint16>(key), minVersion, maxVersion}; }
};

// The broker's dispatch table: one row per supported API, as librdkafka's mock cluster keeps
// {ApiKey, MinVersion, MaxVersion, FlexVersion, handler}. ApiVersions' answer, the version check, the flexible
// and header versions of supported APIs (ApiKeys) and KafkaApis' dispatch all read these rows, so what is
// advertised and what is served cannot drift apart. Constant data; the handlers run on the engine thread.
class ApiTable {
public:
    // Sorted by key, one row per key.
    static std::span<const ApiRoute> routes();
    // nullptr for an API this broker does not serve.
    static const ApiRoute *find(qint16 apiKey);
};

} // namespace topicscope::engine::wire
