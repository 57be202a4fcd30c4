#pragma once

// KafkaApis without sockets, for tests: the core's Broker in memory on a ManualClock behind the request handler,
// as the listener has it, and request frames built by hand (header v1 or v2, then the body the test writes).

#include "broker/broker.h"
#include "core/clock.h"
#include "wire/apikeys.h"
#include "wire/kafkaapis.h"
#include "wire/messagefields.h"
#include "wire/wirereader.h"
#include "wire/wirewriter.h"

#include <QTest>
#include <functional>
#include <memory>
#include <optional>

namespace topicscope::engine::wire {

// A request frame: header v1 (client id "test") followed by the body the caller writes.
inline QByteArray frame(
    qint16 apiKey, qint16 version, qint32 correlationId, const std::function<void(WireWriter &)> &body)
{
    WireWriter w;
    w.int16(apiKey);
    w.int16(version);
    w.int32(correlationId);
    w.string(QStringLiteral("test"));
    if (body)
        body(w);
    return w.take();
}

// The same with the header version the broker reads for (key, version): flexible versions add a tag section.
inline QByteArray headerAwareFrame(qint16 apiKey, qint16 version, const std::function<void(WireWriter &)> &body)
{
    return frame(apiKey, version, 5, [&](WireWriter &w) {
        if (ApiKeys::requestHeaderVersion(apiKey, version) >= 2)
            w.emptyTaggedFields();
        if (body)
            body(w);
    });
}

// OffsetCommit v2 (kafka-python's) committing offset 7 of t-0 for group, with its retention_time_ms.
inline QByteArray offsetCommitV2Frame(
    const QString &group, qint32 generation, const QString &memberId, qint64 retentionMs, qint32 correlationId = 33)
{
    return frame(8, 2, correlationId, [&](WireWriter &w) {
        w.string(group);
        w.int32(generation);
        w.string(memberId);
        w.int64(retentionMs);
        w.arrayLength(1);
        w.string(QStringLiteral("t"));
        w.arrayLength(1);
        w.int32(0);
        w.int64(7);
        w.nullableString(QString());
    });
}

// The core's Broker (in memory, on a ManualClock) behind KafkaApis, as the listener has it.
struct WireBroker {
    ManualClock clock;
    std::unique_ptr<Broker> broker;
    LogManager *log = nullptr;
    GroupCoordinator *groups = nullptr;
    std::unique_ptr<KafkaApis> apis;
    int nextMemberId = 0;

    explicit WireBroker(KafkaApisConfig config = {})
    {
        BrokerOptions options;
        options.storage.inMemory = true;
        options.groups.initialRebalanceDelayMs = 100;
        options.retentionCheckIntervalMs = 0; // the tests enforce retention themselves
        options.memberIdGenerator = [this] { return QString::number(++nextMemberId); };
        QString error;
        broker = Broker::open(std::move(options), clock, &error);
        log = &broker->log();
        groups = &broker->groups();
        apis = std::make_unique<KafkaApis>(*broker, config);
    }
    ~WireBroker() { apis.reset(); }

    // Sends one request; the returned pointer fills in when the response comes (maybe at once).
    std::shared_ptr<std::optional<WireResponse>> send(const QByteArray &request)
    {
        auto slot = std::make_shared<std::optional<WireResponse>>();
        apis->handle(request, {1, QStringLiteral("/127.0.0.1"), QStringLiteral("127.0.0.1:50000")},
            [slot](const WireResponse &r) {
                QVERIFY2(!slot->has_value(), "responded twice");
                *slot = r;
            });
        return slot;
    }

    // Sends and expects an immediate Send; returns a reader positioned after the response header v0.
    WireReader call(const QByteArray &request, QByteArray *keep)
    {
        const auto response = send(request);
        if (!response->has_value() || (*response)->action != WireResponse::Action::Send) {
            qWarning() << "no immediate response" << (response->has_value() ? (*response)->reason : QString());
            *keep = QByteArray();
            return WireReader(*keep);
        }
        *keep = (*response)->wholeFrame();
        WireReader r(*keep);
        r.int32(); // correlation id
        return r;
    }

    QByteArray produceFrame(
        const QString &topic, int partition, const QByteArray &records, qint16 acks = 1, qint16 version = 7)
    {
        return frame(0, version, 10, [&](WireWriter &w) {
            w.nullableString(std::nullopt);
            w.int16(acks);
            w.int32(1000);
            w.arrayLength(1);
            w.string(topic);
            w.arrayLength(1);
            w.int32(partition);
            w.bytes(records);
        });
    }

    QByteArray fetchFrame(const QString &topic, qint64 offset, qint32 maxWaitMs, qint32 minBytes)
    {
        return frame(1, 4, 20, [&](WireWriter &w) {
            w.int32(-1);
            w.int32(maxWaitMs);
            w.int32(minBytes);
            w.int32(1 << 20);
            w.int8(0);
            w.arrayLength(1);
            w.string(topic);
            w.arrayLength(1);
            w.int32(0);
            w.int64(offset);
            w.int32(1 << 20);
        });
    }
};

// The body of the answer to one request that must be answered at once, after the response header of the version
// Kafka uses for it; empty, with a warning, when the broker did not answer at once with a frame.
inline QByteArray answerBody(
    WireBroker &broker, qint16 apiKey, qint16 version, const std::function<void(WireWriter &)> &body)
{
    const auto answer = broker.send(headerAwareFrame(apiKey, version, body));
    if (!answer->has_value() || (*answer)->action != WireResponse::Action::Send) {
        qWarning() << "no answer" << (answer->has_value() ? (*answer)->reason : QString());
        return {};
    }
    const QByteArray answerFrame = (*answer)->wholeFrame();
    WireReader r(answerFrame);
    if (r.int32() != 5) // headerAwareFrame's correlation id
        qWarning() << "wrong correlation id";
    if (ApiKeys::responseHeaderVersion(apiKey, version) >= 1)
        r.skipTaggedFields();
    return answerFrame.mid(r.position());
}

inline QByteArray answerBody(
    WireBroker &broker, ApiKey apiKey, qint16 version, const std::function<void(WireWriter &)> &body)
{
    return answerBody(broker, static_cast<qint16>(apiKey), version, body);
}

// The same, decoded; nullopt unless the body decodes to exactly its length.
template <class Response>
std::optional<Response> answer(WireBroker &broker, qint16 version, const std::function<void(WireWriter &)> &body)
{
    const QByteArray bytes = answerBody(broker, Response::apiKey, version, body);
    WireReader r(bytes);
    auto decoded = decodeMessage<Response>(r, version);
    if (!decoded || !r.atEnd())
        return std::nullopt;
    return decoded;
}

// The reason the broker closed the connection for this request; empty when it did not close it.
inline QString closeReason(WireBroker &broker, ApiKey apiKey, qint16 version, const QByteArray &body)
{
    const auto response
        = broker.send(headerAwareFrame(static_cast<qint16>(apiKey), version, [&](WireWriter &w) { w.raw(body); }));
    if (!response->has_value() || (*response)->action != WireResponse::Action::Close)
        return {};
    return (*response)->reason;
}

} // namespace topicscope::engine::wire
