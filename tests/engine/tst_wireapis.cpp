// KafkaApis, the request handler behind the listener, driven with request frames and a ManualClock (no
// sockets): version gating and connection closes, Metadata auto-creation, Produce validation and acks=0,
// Fetch long poll woken by appends or by max_wait_ms, ListOffsets, a whole JoinGroup/SyncGroup/Heartbeat/
// OffsetCommit/OffsetFetch/LeaveGroup cycle, and the admin APIs (CreateTopics, DeleteTopics, DeleteRecords,
// CreatePartitions, DeleteGroups), OffsetCommit v2's retention time. The config APIs are tst_wireapis_configs'.
#include "core/events.h"
#include "group/groupcoordinator.h"
#include "log/logmanager.h"
#include "logtesthelpers.h"
#include "wire/apikeys.h"
#include "wire/apitable.h"
#include "wire/kafkaapis.h"
#include "wire/wirereader.h"
#include "wire/wirewriter.h"
#include "wirebroker.h"

#include <QTest>
#include <memory>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;

namespace {

// Produce v7 response, one partition: (error, base offset).
std::pair<int, qint64> readProduceResult(WireReader &r)
{
    r.arrayLength();
    r.string();
    r.arrayLength();
    r.int32();
    const int error = r.int16();
    const qint64 base = r.int64();
    return {error, base};
}

struct FetchPartitionResult {
    int error = -1;
    qint64 highWatermark = -1;
    QByteArray records;
};

// Fetch v4 response, one partition.
FetchPartitionResult readFetchResult(WireReader &r)
{
    FetchPartitionResult out;
    r.int32(); // throttle
    r.arrayLength();
    r.string();
    r.arrayLength();
    r.int32();
    out.error = r.int16();
    out.highWatermark = r.int64();
    r.int64(); // last stable offset
    r.arrayLength(); // aborted (null)
    out.records = r.bytes();
    return out;
}

} // namespace

class TestWireApis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unknownOrUnsupportedRequestsCloseTheConnection_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("reasonPart");
        QTest::addRow("unknown api key") << frame(99, 0, 1, {}) << QStringLiteral("unsupported API");
        QTest::addRow("SaslHandshake not offered") << frame(17, 1, 1, {}) << QStringLiteral("SaslHandshake");
        QTest::addRow("Produce v2 (MessageSet era)")
            << frame(0, 2, 1, {}) << QStringLiteral("unsupported version Produce v2");
        QTest::addRow("Metadata v14 above the max")
            << frame(3, 14, 1, [](WireWriter &w) { w.emptyTaggedFields(); }) << QStringLiteral("supported v0-v13");
        QTest::addRow("truncated header")
            << QByteArray::fromHex("00030001") << QStringLiteral("malformed request header");
        QTest::addRow("truncated Metadata body")
            << frame(3, 1, 1, [](WireWriter &w) { w.int32(5); }) << QStringLiteral("malformed Metadata v1");
        QTest::addRow("JoinGroup with a lying protocol count") << frame(11, 2, 1, [](WireWriter &w) {
            w.string(QStringLiteral("g"));
            w.int32(10000);
            w.int32(10000);
            w.string(QString());
            w.string(QStringLiteral("consumer"));
            w.int32(0x7fffffff);
        }) << QStringLiteral("malformed JoinGroup v2");
        // What a garbage header claims is a client id is cut short in the reason (and so in the log line).
        WireWriter longId;
        longId.int16(99);
        longId.int16(0);
        longId.int32(1);
        longId.string(QString(5000, QLatin1Char('x')));
        QTest::addRow("unknown api key, long client id")
            << longId.take()
            << QStringLiteral("from client '%1… (5000 characters)'").arg(QString(100, QLatin1Char('x')));
    }
    void unknownOrUnsupportedRequestsCloseTheConnection()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, reasonPart);
        WireBroker broker;
        const auto response = broker.send(request);
        QVERIFY(response->has_value());
        QCOMPARE((*response)->action, WireResponse::Action::Close);
        QVERIFY2((*response)->reason.contains(reasonPart), qPrintable((*response)->reason));
    }

    void apiVersionsAboveMaxGetsV0ErrorFormat()
    {
        WireBroker broker;
        QByteArray keep;
        WireReader r
            = broker.call(frame(18, 5, 7, [](WireWriter &w) { w.raw(QByteArray::fromHex("00000000")); }), &keep);
        QCOMPARE(keep.toHex(),
            QByteArray("00000007"
                       "0023"
                       "00000001"
                       "0012"
                       "0000"
                       "0004"));
        Q_UNUSED(r);
    }

    void apiVersionsListsEverySupportedApi()
    {
        WireBroker broker;
        QByteArray keep;
        WireReader r = broker.call(frame(18, 2, 1, {}), &keep);
        QCOMPARE(r.int16(), qint16(0));
        const int count = r.arrayLength();
        QMap<int, QPair<int, int>> ranges;
        for (int i = 0; i < count; ++i) {
            const int key = r.int16();
            const int min = r.int16();
            ranges[key] = {min, r.int16()};
        }
        QCOMPARE(r.int32(), 0); // throttle (v1+)
        QVERIFY(r.ok() && r.atEnd());
        QCOMPARE(ranges.value(0), qMakePair(3, 13));
        QCOMPARE(ranges.value(1), qMakePair(4, 18));
        QCOMPARE(ranges.value(10), qMakePair(0, 6));
        QCOMPARE(ranges.value(18), qMakePair(0, 4));
        QCOMPARE(ranges.value(32), qMakePair(0, 4));
        QCOMPARE(ranges.value(42), qMakePair(0, 2));
        QCOMPARE(ranges.value(47), qMakePair(0, 0));
        QCOMPARE(ranges.value(33), qMakePair(0, 2));
        QCOMPARE(ranges.value(37), qMakePair(0, 3));
        QCOMPARE(ranges.value(21), qMakePair(0, 2));
        QCOMPARE(ranges.value(22), qMakePair(0, 5));
        QCOMPARE(ranges.value(35), qMakePair(0, 4));
        QCOMPARE(ranges.value(44), qMakePair(0, 1));
        QCOMPARE(ranges.value(60), qMakePair(0, 2));
        QCOMPARE(ranges.value(68), qMakePair(0, 1)); // ConsumerGroupHeartbeat (KIP-848)
        QCOMPARE(ranges.value(69), qMakePair(0, 1)); // ConsumerGroupDescribe
        QCOMPARE(ranges.size(), 28);
    }

    // The dispatch table is the only list of APIs: ApiVersions advertises exactly its rows, in order, each key once,
    // and every key without a row is refused as an unknown API.
    void apiVersionsAdvertisesExactlyTheDispatchTable()
    {
        WireBroker broker;
        QByteArray keep;
        WireReader r = broker.call(frame(18, 2, 1, {}), &keep);
        QCOMPARE(r.int16(), qint16(0));
        QStringList advertised;
        const int count = r.arrayLength();
        for (int i = 0; i < count; ++i) {
            const int key = r.int16();
            const int min = r.int16();
            advertised.append(QStringLiteral("%1 v%2-v%3").arg(key).arg(min).arg(r.int16()));
        }
        QStringList rows;
        QSet<int> keys;
        for (const ApiRoute &route : ApiTable::routes()) {
            rows.append(QStringLiteral("%1 v%2-v%3").arg(int(route.key)).arg(route.minVersion).arg(route.maxVersion));
            QVERIFY2(!keys.contains(int(route.key)), qPrintable(ApiKeys::name(qint16(route.key))));
            keys.insert(int(route.key));
            QCOMPARE(ApiTable::find(qint16(route.key)), &route);
            QVERIFY(route.handler);
        }
        QCOMPARE(advertised, rows);
        QCOMPARE(keys.size(), 28);
        for (int key = -1; key <= 80; ++key) {
            if (keys.contains(key))
                continue;
            QCOMPARE(ApiTable::find(qint16(key)), nullptr);
            const auto response = broker.send(headerAwareFrame(qint16(key), 1, {}));
            QVERIFY(response->has_value());
            QCOMPARE((*response)->action, WireResponse::Action::Close);
            QCOMPARE((*response)->reason,
                QStringLiteral("unsupported API %1 (key %2) v1 from client 'test'")
                    .arg(ApiKeys::name(qint16(key)))
                    .arg(key));
        }
    }

    // Below the minimum and above the maximum of every row the connection is closed naming the range, except for
    // ApiVersions, which answers any version it does not speak with the v0 error answer (KIP-511).
    void unsupportedVersionsOfEveryApiAreRefused()
    {
        for (const ApiRoute &route : ApiTable::routes()) {
            const QString name = ApiKeys::name(qint16(route.key));
            for (const qint16 version : {qint16(-1), qint16(route.minVersion - 1), qint16(route.maxVersion + 1)}) {
                if (version >= route.minVersion)
                    continue; // min 0: -1 is the case below the minimum
                WireBroker broker;
                const auto response = broker.send(headerAwareFrame(qint16(route.key), version, {}));
                QVERIFY(response->has_value());
                if (route.key == ApiKey::ApiVersions) {
                    QCOMPARE((*response)->action, WireResponse::Action::Send);
                    QCOMPARE((*response)->wholeFrame().toHex(), QByteArray("00000005002300000001001200000004"));
                    continue;
                }
                QCOMPARE((*response)->action, WireResponse::Action::Close);
                QCOMPARE((*response)->reason,
                    QStringLiteral("unsupported version %1 v%2 (supported v%3-v%4) from client 'test'")
                        .arg(name)
                        .arg(version)
                        .arg(route.minVersion)
                        .arg(route.maxVersion));
            }
        }
    }

    // Every supported version of every API reaches its handler, and a body that does not decode closes the
    // connection at once with the API, the version and the reader's error, also for the handlers that park (no
    // Fetch is parked, no member joins). ListGroups before v3 and ApiVersions before v3 have no body to get wrong.
    void malformedBodyOfEveryApiClosesTheConnection()
    {
        for (const ApiRoute &route : ApiTable::routes()) {
            const QString name = ApiKeys::name(qint16(route.key));
            for (qint16 version = route.minVersion; version <= route.maxVersion; ++version) {
                WireBroker broker;
                const auto response
                    = broker.send(headerAwareFrame(qint16(route.key), version, [](WireWriter &w) { w.int8(1); }));
                QVERIFY2(response->has_value(), qPrintable(name));
                const bool emptyBody
                    = (route.key == ApiKey::ListGroups || route.key == ApiKey::ApiVersions) && version < 3;
                if (emptyBody) {
                    QCOMPARE((*response)->action, WireResponse::Action::Send);
                    continue;
                }
                const QString prefix = QStringLiteral("malformed %1 v%2 request: ").arg(name).arg(version);
                QCOMPARE((*response)->action, WireResponse::Action::Close);
                QVERIFY2((*response)->reason.startsWith(prefix) && (*response)->reason.size() > prefix.size(),
                    qPrintable((*response)->reason));
                QCOMPARE(broker.apis->parkedFetchCount(), 0);
                QVERIFY(broker.groups->listGroups().isEmpty());
            }
        }
    }

    void metadataAutoCreatesNamedTopicsOnly()
    {
        KafkaApisConfig config;
        config.advertisedHost = QStringLiteral("broker.local");
        config.advertisedPort = 19092;
        config.numPartitions = 3;
        WireBroker broker(config);
        QByteArray keep;
        // All topics (v1 null): nothing is created.
        WireReader all = broker.call(frame(3, 1, 1, [](WireWriter &w) { w.arrayLength(-1); }), &keep);
        QCOMPARE(all.arrayLength(), 1);
        QCOMPARE(all.int32(), 0);
        QCOMPARE(all.string(), QStringLiteral("broker.local"));
        QCOMPARE(all.int32(), 19092);
        // Only the broker's own __consumer_offsets, made at start.
        QCOMPARE(broker.log->topicNames(), QStringList {QStringLiteral("__consumer_offsets")});

        // A named topic with allow_auto_topic_creation=false (librdkafka consumer): UNKNOWN_TOPIC_OR_PARTITION.
        const auto named = [](bool allow) {
            return frame(3, 4, 2, [allow](WireWriter &w) {
                w.arrayLength(1);
                w.string(QStringLiteral("orders"));
                w.boolean(allow);
            });
        };
        WireReader refused = broker.call(named(false), &keep);
        refused.int32(); // throttle
        refused.arrayLength();
        refused.int32();
        refused.string();
        refused.int32();
        refused.nullableString();
        refused.nullableString(); // cluster id
        refused.int32(); // controller
        QCOMPARE(refused.arrayLength(), 1);
        QCOMPARE(refused.int16(), qint16(3));
        // Only the broker's own __consumer_offsets, made at start.
        QCOMPARE(broker.log->topicNames(), QStringList {QStringLiteral("__consumer_offsets")});

        WireReader created = broker.call(named(true), &keep);
        QVERIFY(created.ok());
        QCOMPARE(broker.log->partitionCount(QStringLiteral("orders")), 3);
    }

    void metadataRespectsDisabledAutoCreation()
    {
        KafkaApisConfig config;
        config.autoCreateTopics = false;
        WireBroker broker(config);
        QByteArray keep;
        broker.call(frame(3, 1, 1,
                        [](WireWriter &w) {
                            w.arrayLength(1);
                            w.string(QStringLiteral("orders"));
                        }),
            &keep);
        // Only the broker's own __consumer_offsets, made at start.
        QCOMPARE(broker.log->topicNames(), QStringList {QStringLiteral("__consumer_offsets")});
    }

    void produceValidatesAndAppends()
    {
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        QByteArray keep;
        WireReader ok = broker.call(
            broker.produceFrame(QStringLiteral("t"), 0, topicscope::engine::logtest::makeBatch(3)), &keep);
        QCOMPARE(readProduceResult(ok), qMakePair(0, qint64(0)));
        WireReader next = broker.call(
            broker.produceFrame(QStringLiteral("t"), 0, topicscope::engine::logtest::makeBatch(2)), &keep);
        QCOMPARE(readProduceResult(next), qMakePair(0, qint64(3)));

        // Magic 1 (a legacy MessageSet, from the reference §4.2) is INVALID_RECORD on Produce v3+.
        const QByteArray legacy = QByteArray::fromHex(
            "0000000000000000 0000001d 9e349596 01 00 0000018bcfe56800 00000002 6b31 00000005 68656c6c6f");
        WireReader magic1 = broker.call(broker.produceFrame(QStringLiteral("t"), 0, legacy), &keep);
        QCOMPARE(readProduceResult(magic1).first, 87);
        // Two batches in one partition's records: INVALID_RECORD too.
        const QByteArray two = topicscope::engine::logtest::makeBatch(1) + topicscope::engine::logtest::makeBatch(1);
        WireReader twoBatches = broker.call(broker.produceFrame(QStringLiteral("t"), 0, two), &keep);
        QCOMPARE(readProduceResult(twoBatches).first, 87);
        // acks outside {-1, 0, 1}.
        WireReader acks = broker.call(
            broker.produceFrame(QStringLiteral("t"), 0, topicscope::engine::logtest::makeBatch(1), 2), &keep);
        QCOMPARE(readProduceResult(acks).first, 21);
        // Unknown partition.
        WireReader unknown = broker.call(
            broker.produceFrame(QStringLiteral("t"), 5, topicscope::engine::logtest::makeBatch(1)), &keep);
        QCOMPARE(readProduceResult(unknown).first, 3);
        // A corrupted CRC.
        QByteArray corrupt = topicscope::engine::logtest::makeBatch(1);
        corrupt[corrupt.size() - 1] = char(corrupt.at(corrupt.size() - 1) ^ 0x01);
        WireReader crc = broker.call(broker.produceFrame(QStringLiteral("t"), 0, corrupt), &keep);
        QCOMPARE(readProduceResult(crc).first, 2);

        QCOMPARE(broker.log->partitionInfo({QStringLiteral("t"), 0})->logEndOffset, 5);
    }

    void acksZeroAppendsWithoutResponse()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        const auto response
            = broker.send(broker.produceFrame(QStringLiteral("t"), 0, topicscope::engine::logtest::makeBatch(4), 0));
        QVERIFY(response->has_value());
        QCOMPARE((*response)->action, WireResponse::Action::NoResponse);
        QCOMPARE(broker.log->partitionInfo({QStringLiteral("t"), 0})->logEndOffset, 4);
    }

    void fetchLongPollWakesOnAppend()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        const auto parked = broker.send(broker.fetchFrame(QStringLiteral("t"), 0, 500, 1));
        QVERIFY(!parked->has_value());
        QCOMPARE(broker.apis->parkedFetchCount(), 1);
        broker.clock.advance(100);
        QVERIFY(!parked->has_value());

        broker.send(broker.produceFrame(QStringLiteral("t"), 0, topicscope::engine::logtest::makeBatch(2)));
        // Woken from a zero-delay timer, not from inside the append's event.
        QVERIFY(!parked->has_value());
        broker.clock.advance(0);
        QVERIFY(parked->has_value());
        QCOMPARE(broker.apis->parkedFetchCount(), 0);
        const QByteArray answerFrame = (*parked)->wholeFrame();
        WireReader r(answerFrame);
        QCOMPARE(r.int32(), 20); // correlation id
        const FetchPartitionResult result = readFetchResult(r);
        QCOMPARE(result.error, 0);
        QCOMPARE(result.highWatermark, 2);
        QCOMPARE(topicscope::engine::logtest::countRecords(result.records), 2);
    }

    void fetchLongPollTimesOutEmpty()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        broker.log->append({QStringLiteral("t"), 0}, topicscope::engine::logtest::makeBatch(1));
        const auto parked = broker.send(broker.fetchFrame(QStringLiteral("t"), 1, 500, 1));
        broker.clock.advance(499);
        QVERIFY(!parked->has_value());
        broker.clock.advance(1);
        QVERIFY(parked->has_value());
        const QByteArray answerFrame = (*parked)->wholeFrame();
        WireReader r(answerFrame);
        r.int32();
        const FetchPartitionResult result = readFetchResult(r);
        QCOMPARE(result.error, 0);
        QCOMPARE(result.highWatermark, 1);
        QVERIFY(result.records.isEmpty());
    }

    void fetchAnswersAtOnceWithDataOrErrors()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        broker.log->append({QStringLiteral("t"), 0}, topicscope::engine::logtest::makeBatch(3));
        QByteArray keep;
        WireReader data = broker.call(broker.fetchFrame(QStringLiteral("t"), 1, 500, 1), &keep);
        const FetchPartitionResult withData = readFetchResult(data);
        // The whole batch holding offset 1 comes back; the client skips what it did not ask for.
        QCOMPARE(topicscope::engine::logtest::countRecords(withData.records), 3);
        WireReader outOfRange = broker.call(broker.fetchFrame(QStringLiteral("t"), 9, 500, 1), &keep);
        QCOMPARE(readFetchResult(outOfRange).error, 1);
        WireReader unknown = broker.call(broker.fetchFrame(QStringLiteral("nope"), 0, 500, 1), &keep);
        QCOMPARE(readFetchResult(unknown).error, 3);
    }

    void listOffsetsEarliestLatestAndV0()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        broker.log->append({QStringLiteral("t"), 0}, topicscope::engine::logtest::makeBatch(4));
        const auto request = [](qint16 version, qint64 timestamp) {
            return frame(2, version, 3, [=](WireWriter &w) {
                w.int32(-1);
                if (version >= 2)
                    w.int8(0);
                w.arrayLength(1);
                w.string(QStringLiteral("t"));
                w.arrayLength(1);
                w.int32(0);
                w.int64(timestamp);
                if (version == 0)
                    w.int32(1);
            });
        };
        QByteArray keep;
        WireReader latest = broker.call(request(1, -1), &keep);
        latest.arrayLength();
        latest.string();
        latest.arrayLength();
        latest.int32();
        QCOMPARE(latest.int16(), qint16(0));
        QCOMPARE(latest.int64(), -1); // timestamp
        QCOMPARE(latest.int64(), 4); // offset
        WireReader v0 = broker.call(request(0, -2), &keep);
        v0.arrayLength();
        v0.string();
        v0.arrayLength();
        v0.int32();
        QCOMPARE(v0.int16(), qint16(0));
        QCOMPARE(v0.arrayLength(), 1);
        QCOMPARE(v0.int64(), 0);
    }

    void groupCycleFromJoinToLeave()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        const QByteArray subscription = QByteArray::fromHex("0000 00000001 0001 74 00000000");
        const auto join = [&](const QString &memberId) {
            return frame(11, 5, 30, [&](WireWriter &w) {
                w.string(QStringLiteral("g"));
                w.int32(10000);
                w.int32(30000);
                w.string(memberId);
                w.nullableString(std::nullopt);
                w.string(QStringLiteral("consumer"));
                w.arrayLength(1);
                w.string(QStringLiteral("range"));
                w.bytes(subscription);
            });
        };
        // KIP-394: the first v5 join gets MEMBER_ID_REQUIRED with its id, at once.
        QByteArray keep;
        WireReader first = broker.call(join(QString()), &keep);
        first.int32();
        QCOMPARE(first.int16(), qint16(79));
        first.int32();
        first.string();
        first.string();
        const QString memberId = first.string();
        QCOMPARE(memberId, QStringLiteral("test-1"));

        // The rejoin waits for the initial rebalance delay.
        const auto parkedJoin = broker.send(join(memberId));
        QVERIFY(!parkedJoin->has_value());
        broker.clock.advance(100);
        QVERIFY(parkedJoin->has_value());
        const QByteArray joinedFrame = (*parkedJoin)->wholeFrame();
        WireReader joined(joinedFrame);
        QCOMPARE(joined.int32(), 30);
        joined.int32();
        QCOMPARE(joined.int16(), qint16(0));
        QCOMPARE(joined.int32(), 1); // generation
        QCOMPARE(joined.string(), QStringLiteral("range"));
        QCOMPARE(joined.string(), memberId); // leader
        QCOMPARE(joined.string(), memberId);
        QCOMPARE(joined.arrayLength(), 1);

        const QByteArray assignment = QByteArray::fromHex("0000 00000001 0001 74 00000001 00000000 00000000");
        WireReader synced = broker.call(frame(14, 3, 31,
                                            [&](WireWriter &w) {
                                                w.string(QStringLiteral("g"));
                                                w.int32(1);
                                                w.string(memberId);
                                                w.nullableString(std::nullopt);
                                                w.arrayLength(1);
                                                w.string(memberId);
                                                w.bytes(assignment);
                                            }),
            &keep);
        synced.int32();
        QCOMPARE(synced.int16(), qint16(0));
        QCOMPARE(synced.bytes(), assignment);

        WireReader heartbeat = broker.call(frame(12, 3, 32,
                                               [&](WireWriter &w) {
                                                   w.string(QStringLiteral("g"));
                                                   w.int32(1);
                                                   w.string(memberId);
                                                   w.nullableString(std::nullopt);
                                               }),
            &keep);
        heartbeat.int32();
        QCOMPARE(heartbeat.int16(), qint16(0));

        // kafka-python's OffsetCommit v2 (with retention) and OffsetFetch v1.
        WireReader committed = broker.call(offsetCommitV2Frame(QStringLiteral("g"), 1, memberId, -1), &keep);
        committed.arrayLength();
        committed.string();
        committed.arrayLength();
        committed.int32();
        QCOMPARE(committed.int16(), qint16(0));

        WireReader fetched = broker.call(frame(9, 1, 34,
                                             [&](WireWriter &w) {
                                                 w.string(QStringLiteral("g"));
                                                 w.arrayLength(1);
                                                 w.string(QStringLiteral("t"));
                                                 w.arrayLength(2);
                                                 w.int32(0);
                                                 w.int32(1);
                                             }),
            &keep);
        QCOMPARE(fetched.arrayLength(), 1);
        QCOMPARE(fetched.string(), QStringLiteral("t"));
        QCOMPARE(fetched.arrayLength(), 2);
        QCOMPARE(fetched.int32(), 0);
        QCOMPARE(fetched.int64(), 7);
        fetched.nullableString();
        QCOMPARE(fetched.int16(), qint16(0));
        QCOMPARE(fetched.int32(), 1);
        QCOMPARE(fetched.int64(), -1); // never committed: -1, no error
        fetched.nullableString();
        QCOMPARE(fetched.int16(), qint16(0));

        WireReader left = broker.call(frame(13, 1, 35,
                                          [&](WireWriter &w) {
                                              w.string(QStringLiteral("g"));
                                              w.string(memberId);
                                          }),
            &keep);
        left.int32();
        QCOMPARE(left.int16(), qint16(0));
        QCOMPARE(broker.groups->describeGroup(QStringLiteral("g")).state, QStringLiteral("Empty"));
    }

    // OffsetCommit v2-4 carry retention_time_ms: the broker keeps it as the offset's expiry (commit time + it);
    // -1 and later versions (which have no such field) leave the expiry unset.
    void offsetCommitRetentionTime()
    {
        WireBroker b;
        QCOMPARE(b.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        const auto commitV2 = [&](const QString &group, qint64 retentionMs) {
            QByteArray keep;
            WireReader r = b.call(offsetCommitV2Frame(group, -1, QString(), retentionMs), &keep);
            r.arrayLength();
            r.string();
            r.arrayLength();
            r.int32();
            return r.int16();
        };
        QCOMPARE(commitV2(QStringLiteral("brief"), 5000), 0);
        QCOMPARE(commitV2(QStringLiteral("default"), -1), 0);
        const QMap<QString, std::vector<CommittedOffset>> stored = b.broker->offsetsTopic().loadOffsets();
        QCOMPARE(stored.value(QStringLiteral("brief")).front().expireTimestampMs, b.clock.nowMs() + 5000);
        QCOMPARE(stored.value(QStringLiteral("default")).front().expireTimestampMs, -1);
        b.clock.advance(5000);
        QCOMPARE(b.groups->expireOffsets(), 1);
        QVERIFY(b.groups->fetchOffsets(QStringLiteral("brief"), std::nullopt).offsets.empty());
    }

    void findCoordinatorIsThisBroker()
    {
        KafkaApisConfig config;
        config.advertisedPort = 29092;
        WireBroker broker(config);
        QByteArray keep;
        WireReader r = broker.call(frame(10, 0, 1, [](WireWriter &w) { w.string(QStringLiteral("g")); }), &keep);
        QCOMPARE(r.int16(), qint16(0));
        QCOMPARE(r.int32(), 0);
        QCOMPARE(r.string(), QStringLiteral("127.0.0.1"));
        QCOMPARE(r.int32(), 29092);
        QVERIFY(r.atEnd());
    }

    void createAndDeleteTopics()
    {
        WireBroker broker;
        const auto create = [](const QString &name, qint32 partitions, qint16 rf) {
            return frame(19, 1, 1, [=](WireWriter &w) {
                w.arrayLength(1);
                w.string(name);
                w.int32(partitions);
                w.int16(rf);
                w.arrayLength(0);
                w.arrayLength(1);
                w.string(QStringLiteral("retention.ms"));
                w.nullableString(QStringLiteral("1000"));
                w.int32(1000);
                w.boolean(false);
            });
        };
        const auto errorOf = [&](const QByteArray &request) {
            QByteArray keep;
            WireReader r = broker.call(request, &keep);
            r.arrayLength();
            r.string();
            return int(r.int16());
        };
        QCOMPARE(errorOf(create(QStringLiteral("a"), 2, 1)), 0);
        QCOMPARE(broker.log->describeTopic(QStringLiteral("a"))->config.retentionMs, 1000);
        QCOMPARE(errorOf(create(QStringLiteral("a"), 2, 1)), 36); // TOPIC_ALREADY_EXISTS
        QCOMPARE(errorOf(create(QStringLiteral("b"), -1, -1)), 0); // broker defaults (KIP-464)
        QCOMPARE(broker.log->partitionCount(QStringLiteral("b")), 1);
        QCOMPARE(errorOf(create(QStringLiteral("c"), 0, 1)), 37); // INVALID_PARTITIONS
        QCOMPARE(errorOf(create(QStringLiteral("c"), 1, 3)), 38); // INVALID_REPLICATION_FACTOR
        QCOMPARE(errorOf(create(QStringLiteral("bad/name"), 1, 1)), 17); // INVALID_TOPIC_EXCEPTION

        QByteArray keep;
        WireReader deleted = broker.call(frame(20, 1, 2,
                                             [](WireWriter &w) {
                                                 w.arrayLength(2);
                                                 w.string(QStringLiteral("a"));
                                                 w.string(QStringLiteral("missing"));
                                                 w.int32(1000);
                                             }),
            &keep);
        deleted.int32();
        QCOMPARE(deleted.arrayLength(), 2);
        QCOMPARE(deleted.string(), QStringLiteral("a"));
        QCOMPARE(deleted.int16(), qint16(0));
        QCOMPARE(deleted.string(), QStringLiteral("missing"));
        QCOMPARE(deleted.int16(), qint16(3));
        QCOMPARE(broker.log->partitionCount(QStringLiteral("a")), -1);
    }

    void deleteRecordsMovesLogStart()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        broker.log->append({QStringLiteral("t"), 0}, topicscope::engine::logtest::makeBatch(2));
        broker.log->append({QStringLiteral("t"), 0}, topicscope::engine::logtest::makeBatch(2));
        QByteArray keep;
        WireReader r = broker.call(frame(21, 1, 1,
                                       [](WireWriter &w) {
                                           w.arrayLength(1);
                                           w.string(QStringLiteral("t"));
                                           w.arrayLength(1);
                                           w.int32(0);
                                           w.int64(2);
                                           w.int32(1000);
                                       }),
            &keep);
        r.int32();
        r.arrayLength();
        r.string();
        r.arrayLength();
        QCOMPARE(r.int32(), 0);
        QCOMPARE(r.int64(), 2); // low watermark
        QCOMPARE(r.int16(), qint16(0));
        QCOMPARE(broker.log->partitionInfo({QStringLiteral("t"), 0})->logStartOffset, 2);
    }

    void deleteGroupsOnlyWhenEmpty()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        OffsetCommitRequest commit;
        commit.groupId = QStringLiteral("standalone");
        commit.offsets.push_back({{QStringLiteral("t"), 0}, 3, -1, QString(), -1});
        QCOMPARE(broker.groups->commitOffsets(commit).at(0).error, ErrorCode::None);
        QByteArray keep;
        WireReader r = broker.call(frame(42, 1, 1,
                                       [](WireWriter &w) {
                                           w.arrayLength(2);
                                           w.string(QStringLiteral("standalone"));
                                           w.string(QStringLiteral("never-seen"));
                                       }),
            &keep);
        r.int32();
        QCOMPARE(r.arrayLength(), 2);
        QCOMPARE(r.string(), QStringLiteral("standalone"));
        QCOMPARE(r.int16(), qint16(0));
        QCOMPARE(r.string(), QStringLiteral("never-seen"));
        QCOMPARE(r.int16(), qint16(69)); // GROUP_ID_NOT_FOUND
        QVERIFY(broker.groups->fetchOffsets(QStringLiteral("standalone"), std::nullopt).offsets.empty());
    }

    void createPartitionsGrowsOnly()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 2);
        const auto grow = [](qint32 count) {
            return frame(37, 1, 1, [=](WireWriter &w) {
                w.arrayLength(1);
                w.string(QStringLiteral("t"));
                w.int32(count);
                w.arrayLength(-1);
                w.int32(1000);
                w.boolean(false);
            });
        };
        const auto errorOf = [&](const QByteArray &request) {
            QByteArray keep;
            WireReader r = broker.call(request, &keep);
            r.int32();
            r.arrayLength();
            r.string();
            return int(r.int16());
        };
        QCOMPARE(errorOf(grow(5)), 0);
        QCOMPARE(broker.log->partitionCount(QStringLiteral("t")), 5);
        QCOMPARE(errorOf(grow(3)), 37); // INVALID_PARTITIONS: shrinking is impossible
        QCOMPARE(broker.log->partitionCount(QStringLiteral("t")), 5);
    }
};

QTEST_GUILESS_MAIN(TestWireApis)
#include "tst_wireapis.moc"
