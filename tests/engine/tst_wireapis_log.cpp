// The log and topic APIs at Kafka 4.1's versions, through KafkaApis with an in-memory broker (tests/common/
// wirebroker.h): topic ids in Metadata (v10+, by id from v12, v13's top-level error), Fetch v12+ (flexible, topic
// ids from v13, sessions declined as Kafka declines them), Produce v10 and v13 (by id), ListOffsets' special
// timestamps (max timestamp, tiered storage), CreateTopics v5-7 (configs, topic id) and DeleteTopics v6 (by id).
// Requests are built by hand, byte by byte, in the flexible encoding (KIP-482), and some answers are compared byte
// for byte, so the message descriptions are checked against the wire and not only against themselves.
#include "log/logmanager.h"
#include "logtesthelpers.h"
#include "wire/logmessages.h"
#include "wire/topicmessages.h"
#include "wirebroker.h"

#include <QLoggingCategory>
#include <QTest>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text).replace(' ', ""));
}

template <class Response> Response decoded(const QByteArray &body, qint16 version)
{
    WireReader r(body);
    const auto response = decodeMessage<Response>(r, version);
    if (!response || !r.atEnd())
        qWarning() << "response does not decode to its end:" << r.error();
    return response.value_or(Response {});
}

// Metadata v12+ for the given topics: by name (a string) or by id (16 bytes).
void metadataV12Body(WireWriter &w, const QList<std::pair<QByteArray, std::optional<QString>>> &topics)
{
    w.arrayLength(topics.size(), true);
    for (const auto &[id, name] : topics) {
        w.uuid(id);
        w.nullableString(name, true);
        w.emptyTaggedFields();
    }
    w.boolean(false); // allow auto creation
    w.boolean(false); // topic authorized operations
    w.emptyTaggedFields();
}

// A Fetch v13+ request for one partition of the topic with the id.
void fetchByIdBody(WireWriter &w, const QByteArray &topicId, qint64 offset, qint32 sessionId = 0,
    qint32 sessionEpoch = -1, qint32 maxWaitMs = 0)
{
    w.int32(maxWaitMs);
    w.int32(1); // min bytes
    w.int32(1 << 20); // max bytes
    w.int8(1); // read_committed
    w.int32(sessionId);
    w.int32(sessionEpoch);
    w.arrayLength(1, true);
    w.uuid(topicId);
    w.arrayLength(1, true);
    w.int32(0); // partition
    w.int32(-1); // current leader epoch
    w.int64(offset);
    w.int32(-1); // last fetched epoch
    w.int64(-1); // log start offset
    w.int32(1 << 20); // partition max bytes
    w.emptyTaggedFields();
    w.emptyTaggedFields();
    w.arrayLength(0, true); // forgotten topics
    w.string(QString(), true); // rack
    w.emptyTaggedFields();
}

// ListOffsets v7+ for partition 0 of the topic.
void listOffsetsBody(WireWriter &w, qint16 version, const QString &topic, qint64 timestamp)
{
    w.int32(-1);
    w.int8(0);
    w.arrayLength(1, true);
    w.string(topic, true);
    w.arrayLength(1, true);
    w.int32(0);
    w.int32(-1);
    w.int64(timestamp);
    w.emptyTaggedFields();
    w.emptyTaggedFields();
    if (version >= 10)
        w.int32(30000);
    w.emptyTaggedFields();
}

} // namespace

class TestWireApisLog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLoggingCategory::setFilterRules(QStringLiteral("topicscope.*=false")); }

    // Metadata v12, flexible, hand-built: every existing topic comes with its id, a name no topic has with the zero
    // id, and the answer is compared byte for byte.
    void metadataV12CarriesTopicIds()
    {
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        const TopicId id = broker.log->topicId(QStringLiteral("t"));
        QVERIFY(!id.isNull());
        const QByteArray body = answerBody(broker, 3, 12, [](WireWriter &w) {
            metadataV12Body(w, {{QByteArray(16, 0), QStringLiteral("t")}, {QByteArray(16, 0), QStringLiteral("u")}});
        });
        QCOMPARE(body.toHex(),
            QByteArray(hex("00000000" // throttle
                           "02 00000000 0a 3132372e302e302e31 00002384 00 00" // brokers: 0 127.0.0.1:9092 rack null
                           "0b 746f70696373636f7065 00000000" // cluster id, controller 0
                           "03" // two topics
                           "0000 02 74")
                + id.toByteArray()
                + hex("00" // not internal
                      "02 0000 00000000 00000000 00000000 02 00000000 02 00000000 01 00" // partition 0
                      "80000000 00" // authorized operations omitted
                      "0003 02 75 00000000000000000000000000000000 00 01 80000000 00" // u: unknown
                      "00"))
                .toHex());
        QVERIFY(broker.log->topicNames()
            == QStringList({QStringLiteral("__consumer_offsets"), QStringLiteral("t")})); // not auto-created
    }

    // v12 asks by id: the id decides, an unknown id answers UNKNOWN_TOPIC_ID with a null name; v13 ends with the
    // top-level error code.
    void metadataByTopicId()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("a"), 2);
        broker.log->createTopic(QStringLiteral("b"), 1);
        const QByteArray idB = broker.log->topicId(QStringLiteral("b")).toByteArray();
        const QByteArray unknown = TopicId::generate().toByteArray();
        for (const qint16 version : {qint16(12), qint16(13)}) {
            const auto response
                = decoded<MetadataResponse>(answerBody(broker, 3, version,
                                                [&](WireWriter &w) {
                                                    metadataV12Body(w, {{idB, std::nullopt}, {unknown, std::nullopt}});
                                                }),
                    version);
            QCOMPARE(response.topics.size(), 2);
            QCOMPARE(response.topics[0].error, ErrorCode::UnknownTopicId); // unknown ids first, as Kafka lists them
            QCOMPARE(response.topics[0].name, std::nullopt);
            QCOMPARE(response.topics[0].topicId, unknown);
            QCOMPARE(response.topics[1].error, ErrorCode::None);
            QCOMPARE(response.topics[1].name, QStringLiteral("b"));
            QCOMPARE(response.topics[1].topicId, idB);
            QCOMPARE(response.topics[1].partitions.size(), 1);
            QCOMPARE(response.error, ErrorCode::None);
        }
        const QByteArray v13 = answerBody(broker, 3, 13, [](WireWriter &w) { metadataV12Body(w, {}); });
        QVERIFY(v13.endsWith(hex("01 0000 00"))); // no topics, error 0, tags
    }

    // Before v12 Kafka refuses ids and null names (INVALID_REQUEST for every topic asked, a null name as "").
    void metadataV11RefusesTopicIds()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("a"), 1);
        const QByteArray idA = broker.log->topicId(QStringLiteral("a")).toByteArray();
        const auto response = decoded<MetadataResponse>(answerBody(broker, 3, 11,
                                                            [&](WireWriter &w) {
                                                                w.arrayLength(2, true);
                                                                w.uuid(idA);
                                                                w.nullableString(std::nullopt, true);
                                                                w.emptyTaggedFields();
                                                                w.uuid(QByteArray(16, 0));
                                                                w.string(QStringLiteral("a"), true);
                                                                w.emptyTaggedFields();
                                                                w.boolean(true);
                                                                w.boolean(false);
                                                                w.emptyTaggedFields();
                                                            }),
            11);
        QCOMPARE(response.topics.size(), 2);
        QCOMPARE(response.topics[0].error, ErrorCode::InvalidRequest);
        QCOMPARE(response.topics[0].name, QString());
        QCOMPARE(response.topics[0].topicId, idA);
        QCOMPARE(response.topics[1].error, ErrorCode::InvalidRequest);
        QCOMPARE(response.topics[1].name, QStringLiteral("a"));
        QVERIFY(response.brokers.isEmpty());
    }

    // A topic deleted and created again under its name gets a new id; asking by the old one finds nothing.
    void recreatedTopicHasANewId()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        const TopicId old = broker.log->topicId(QStringLiteral("t"));
        QCOMPARE(broker.log->topicName(old), QStringLiteral("t"));
        QCOMPARE(broker.log->deleteTopic(QStringLiteral("t")), ErrorCode::None);
        QVERIFY(broker.log->topicId(QStringLiteral("t")).isNull());
        QVERIFY(broker.log->topicName(old).isEmpty());
        broker.log->createTopic(QStringLiteral("t"), 1);
        const TopicId fresh = broker.log->topicId(QStringLiteral("t"));
        QVERIFY(!fresh.isNull() && fresh != old);
        QCOMPARE(broker.log->describeTopic(QStringLiteral("t"))->id, fresh);

        const auto response = decoded<FetchResponse>(
            answerBody(broker, 1, 16, [&](WireWriter &w) { fetchByIdBody(w, old.toByteArray(), 0); }), 16);
        QCOMPARE(response.topics.size(), 1);
        QCOMPARE(response.topics[0].topicId, old.toByteArray());
        QCOMPARE(response.topics[0].partitions[0].error, ErrorCode::UnknownTopicId);
    }

    // Fetch v16 (what librdkafka 2.15.1 sends): topics by id, the answer byte for byte, records as stored.
    void fetchV16ByTopicId()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        const QByteArray batch = logtest::makeBatch(2);
        QCOMPARE(broker.log->append({QStringLiteral("t"), 0}, batch).error, ErrorCode::None);
        const QByteArray id = broker.log->topicId(QStringLiteral("t")).toByteArray();
        const QByteArray body = answerBody(broker, 1, 16, [&](WireWriter &w) { fetchByIdBody(w, id, 0); });
        WireWriter records;
        records.bytes(batch, true);
        QCOMPARE(body.toHex(),
            QByteArray(hex("00000000 0000 00000000" // throttle, error, session id 0
                           "02")
                + id
                + hex("02 00000000 0000" // partition 0, no error
                      "0000000000000002 0000000000000002 0000000000000000" // high watermark, LSO, log start
                      "00 ffffffff") // aborted transactions null, preferred read replica -1
                + records.data() + hex("00 00 00"))
                .toHex());
    }

    // Every Fetch version from 12 (flexible) to 18 reads the same partition, by name up to 12 and by id after.
    void fetchFlexibleVersionsReadRecords()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        broker.log->append({QStringLiteral("t"), 0}, logtest::makeBatch(3));
        const TopicId id = broker.log->topicId(QStringLiteral("t"));
        for (qint16 version = 12; version <= 18; ++version) {
            FetchRequest request;
            request.maxWaitMs = 500;
            request.minBytes = 1;
            FetchRequest::Topic topic;
            topic.name = QStringLiteral("t");
            topic.topicId = id.toByteArray();
            topic.partitions = {{0, -1, 1, -1, -1, 1 << 20}};
            request.topics = {topic};
            const QByteArray encoded = encodeMessage(request, version);
            const auto response = decoded<FetchResponse>(
                answerBody(broker, 1, version, [&](WireWriter &w) { w.raw(encoded); }), version);
            QVERIFY2(response.topics.size() == 1, qPrintable(QString::number(version)));
            QCOMPARE(response.topics[0].partitions[0].error, ErrorCode::None);
            QCOMPARE(response.topics[0].partitions[0].highWatermark, 3);
            QCOMPARE(logtest::countRecords(response.topics[0].partitions[0].records), 3);
            QCOMPARE(response.topics[0].partitions[0].preferredReadReplica, -1);
            QCOMPARE(response.topics[0].topicId, version >= 13 ? id.toByteArray() : QByteArray());
        }
    }

    // A partition's records of FetchRecordsPieceBytes or more are a piece of the answer of their own, the buffer the
    // log read them into, written without a copy into a frame; smaller ones are copied into the encoded fields. Both
    // kinds, classic and flexible versions: the pieces in order are the whole answer.
    void bigFetchedRecordsAreAPieceOfTheirOwn()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 2);
        broker.log->append({QStringLiteral("t"), 0}, logtest::makeBatch(100, 1000)); // ~100 KB
        broker.log->append({QStringLiteral("t"), 1}, logtest::makeBatch(3)); // below 4 KiB
        const QByteArray big = broker.log->read({QStringLiteral("t"), 0}, 0, 1 << 20).records;
        const QByteArray small = broker.log->read({QStringLiteral("t"), 1}, 0, 1 << 20).records;
        QVERIFY(big.size() >= FetchRecordsPieceBytes && small.size() < FetchRecordsPieceBytes);
        for (const qint16 version : {4, 12}) {
            FetchRequest request;
            request.minBytes = 1;
            FetchRequest::Topic topic;
            topic.name = QStringLiteral("t");
            topic.partitions = {{0, -1, 0, -1, -1, 1 << 20}, {1, -1, 0, -1, -1, 1 << 20}};
            request.topics = {topic};
            const QByteArray encoded = encodeMessage(request, version);
            const auto answer = broker.send(headerAwareFrame(1, version, [&](WireWriter &w) { w.raw(encoded); }));
            QVERIFY(answer->has_value());
            const WireResponse &response = **answer;
            // The big records are the second piece: after the fields before them, before those after them.
            QCOMPARE(response.more.size(), size_t(2));
            QCOMPARE(response.more[0], big);
            QVERIFY(!response.frame.contains(big.left(64)));
            QVERIFY(response.more[1].contains(small));
            QCOMPARE(response.frameSize(), response.wholeFrame().size());

            const QByteArray answerFrame = response.wholeFrame();
            WireReader r(answerFrame);
            QCOMPARE(r.int32(), 5);
            if (ApiKeys::responseHeaderVersion(1, version) >= 1)
                r.skipTaggedFields();
            const auto decodedResponse = decodeMessage<FetchResponse>(r, version);
            QVERIFY(decodedResponse && r.atEnd());
            QCOMPARE(decodedResponse->topics[0].partitions[0].records, big);
            QCOMPARE(decodedResponse->topics[0].partitions[1].records, small);
        }
    }

    // Fetch sessions (KIP-227) declined as Kafka declines them: asking for one (id 0, epoch 0) or for none (epoch
    // -1, closing any given session) gets a full answer with session id 0; an incremental request names a session
    // that does not exist: FETCH_SESSION_ID_NOT_FOUND, no partitions, answered at once.
    void fetchSessionsAreDeclined_data()
    {
        QTest::addColumn<qint32>("sessionId");
        QTest::addColumn<qint32>("epoch");
        QTest::addColumn<int>("error");
        QTest::addRow("new session asked for") << 0 << 0 << 0;
        QTest::addRow("no session") << 0 << -1 << 0;
        QTest::addRow("closing session 7") << 7 << -1 << 0;
        QTest::addRow("full request in session 7") << 7 << 0 << 0;
        QTest::addRow("incremental in session 7") << 7 << 1 << 70; // FETCH_SESSION_ID_NOT_FOUND
        QTest::addRow("incremental without a session") << 0 << 3 << 70;
    }
    void fetchSessionsAreDeclined()
    {
        QFETCH(qint32, sessionId);
        QFETCH(qint32, epoch);
        QFETCH(int, error);
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        broker.log->append({QStringLiteral("t"), 0}, logtest::makeBatch(1));
        const QByteArray id = broker.log->topicId(QStringLiteral("t")).toByteArray();
        // A long poll the full requests do not need (there is data); the incremental one must not wait either.
        const QByteArray body
            = answerBody(broker, 1, 16, [&](WireWriter &w) { fetchByIdBody(w, id, 0, sessionId, epoch, 500); });
        QCOMPARE(broker.apis->parkedFetchCount(), 0);
        const auto response = decoded<FetchResponse>(body, 16);
        QCOMPARE(int(response.error), error);
        QCOMPARE(response.sessionId, 0);
        if (error == 0) {
            QCOMPARE(response.topics.size(), 1);
            QCOMPARE(logtest::countRecords(response.topics[0].partitions[0].records), 1);
        } else {
            QCOMPARE(body.toHex(),
                QByteArray("00000000"
                           "0046"
                           "00000000"
                           "01"
                           "00"));
        }
    }

    // A parked v13+ fetch re-reads by id when it completes: the topic deleted meanwhile is UNKNOWN_TOPIC_ID.
    void parkedFetchByIdOfADeletedTopic()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        const QByteArray id = broker.log->topicId(QStringLiteral("t")).toByteArray();
        const auto parked
            = broker.send(headerAwareFrame(1, 16, [&](WireWriter &w) { fetchByIdBody(w, id, 0, 0, -1, 500); }));
        QVERIFY(!parked->has_value());
        broker.log->deleteTopic(QStringLiteral("t"));
        broker.log->createTopic(QStringLiteral("t"), 1);
        broker.clock.advance(0);
        QVERIFY(parked->has_value());
        const QByteArray answerFrame = (*parked)->wholeFrame();
        WireReader r(answerFrame);
        r.int32();
        r.skipTaggedFields();
        const auto response = decodeMessage<FetchResponse>(r, 16);
        QVERIFY(response);
        QCOMPARE(response->topics[0].partitions[0].error, ErrorCode::UnknownTopicId);
    }

    // Produce v10 (librdkafka 2.15.1's pick), hand-built, and its answer byte for byte.
    void produceV10Flexible()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        const QByteArray batch = logtest::makeBatch(2);
        const QByteArray body = answerBody(broker, 0, 10, [&](WireWriter &w) {
            w.nullableString(std::nullopt, true);
            w.int16(-1);
            w.int32(30000);
            w.arrayLength(1, true);
            w.string(QStringLiteral("t"), true);
            w.arrayLength(1, true);
            w.int32(0);
            w.bytes(batch, true);
            w.emptyTaggedFields();
            w.emptyTaggedFields();
            w.emptyTaggedFields();
        });
        QCOMPARE(body.toHex(),
            QByteArray("02"
                       "0274"
                       "02"
                       "00000000"
                       "0000"
                       "0000000000000000"
                       "ffffffffffffffff"
                       "0000000000000000"
                       "01"
                       "00"
                       "00"
                       "00"
                       "00000000"
                       "00"));
        QCOMPARE(broker.log->partitionInfo({QStringLiteral("t"), 0})->logEndOffset, 2);
    }

    // Produce v13 names topics by id: appended to the topic that has it; an unknown id is UNKNOWN_TOPIC_ID.
    void produceV13ByTopicId()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        const QByteArray id = broker.log->topicId(QStringLiteral("t")).toByteArray();
        const QByteArray unknown = TopicId::generate().toByteArray();
        const auto produce = [&](const QByteArray &topicId) {
            return answerBody(broker, 0, 13, [&](WireWriter &w) {
                w.nullableString(std::nullopt, true);
                w.int16(1);
                w.int32(30000);
                w.arrayLength(1, true);
                w.uuid(topicId);
                w.arrayLength(1, true);
                w.int32(0);
                w.bytes(logtest::makeBatch(3), true);
                w.emptyTaggedFields();
                w.emptyTaggedFields();
                w.emptyTaggedFields();
            });
        };
        const QByteArray ok = produce(id);
        QCOMPARE(ok.toHex(),
            QByteArray(hex("02") + id
                + hex("02 00000000 0000 0000000000000000 ffffffffffffffff 0000000000000000 01 00 00 00 00000000 00"))
                .toHex());
        QCOMPARE(broker.log->partitionInfo({QStringLiteral("t"), 0})->logEndOffset, 3);
        const auto refused = decoded<ProduceResponse>(produce(unknown), 13);
        QCOMPARE(refused.topics[0].topicId, unknown);
        QCOMPARE(refused.topics[0].partitions[0].error, ErrorCode::UnknownTopicId);
        QCOMPARE(refused.topics[0].partitions[0].baseOffset, -1);
        QCOMPARE(broker.log->partitionInfo({QStringLiteral("t"), 0})->logEndOffset, 3);
    }

    // ListOffsets' special timestamps: MAX_TIMESTAMP (-3, KIP-734) is the first record with the highest timestamp,
    // with that timestamp; EARLIEST_LOCAL (-4) is the log start (everything is local); LATEST_TIERED (-5) is -1 / -1
    // (nothing is tiered), as Kafka answers without tiered storage. v7 hand-built, v10 with its timeout. An offset
    // found comes with leader epoch 0, the single broker's only one; none found, -1.
    void listOffsetsSpecialTimestamps()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        broker.log->createTopic(QStringLiteral("empty"), 1);
        const TopicPartition tp {QStringLiteral("t"), 0};
        broker.log->append(tp, logtest::makeBatchWithTimestamps({100, 500, 200})); // offsets 0-2
        broker.log->append(tp, logtest::makeBatchWithTimestamps({300, 900, 900, 50})); // offsets 3-6
        broker.log->append(tp, logtest::makeBatchWithTimestamps({400})); // offset 7
        qint64 low = 0;
        QCOMPARE(broker.log->deleteRecordsBefore(tp, 2, &low), ErrorCode::None);

        const auto ask = [&](qint16 version, const QString &topic, qint64 timestamp) {
            const auto response = decoded<ListOffsetsResponse>(
                answerBody(broker, 2, version, [&](WireWriter &w) { listOffsetsBody(w, version, topic, timestamp); }),
                version);
            const auto &p = response.topics.value(0).partitions.value(0);
            return QStringLiteral("%1 @%2 ts=%3 epoch=%4")
                .arg(errorName(p.error))
                .arg(p.offset)
                .arg(p.timestamp)
                .arg(p.leaderEpoch);
        };
        for (const qint16 version : {qint16(7), qint16(10)}) {
            QCOMPARE(ask(version, QStringLiteral("t"), -3), QStringLiteral("NONE @4 ts=900 epoch=0"));
            QCOMPARE(ask(version, QStringLiteral("t"), -2), QStringLiteral("NONE @2 ts=-1 epoch=0"));
            QCOMPARE(ask(version, QStringLiteral("t"), -4), QStringLiteral("NONE @2 ts=-1 epoch=0"));
            QCOMPARE(ask(version, QStringLiteral("t"), -5), QStringLiteral("NONE @-1 ts=-1 epoch=-1"));
            QCOMPARE(ask(version, QStringLiteral("t"), -1), QStringLiteral("NONE @8 ts=-1 epoch=0"));
            QCOMPARE(ask(version, QStringLiteral("t"), 450), QStringLiteral("NONE @4 ts=900 epoch=0"));
            QCOMPARE(ask(version, QStringLiteral("empty"), -3), QStringLiteral("NONE @-1 ts=-1 epoch=-1"));
            QCOMPARE(ask(version, QStringLiteral("nope"), -3),
                QStringLiteral("UNKNOWN_TOPIC_OR_PARTITION @-1 ts=-1 epoch=-1"));
        }
        // The v7 answer byte for byte.
        const QByteArray body
            = answerBody(broker, 2, 7, [&](WireWriter &w) { listOffsetsBody(w, 7, QStringLiteral("t"), -3); });
        QCOMPARE(body.toHex(),
            QByteArray("00000000"
                       "02"
                       "0274"
                       "02"
                       "00000000"
                       "0000"
                       "0000000000000384"
                       "0000000000000004"
                       "00000000"
                       "00"
                       "00"
                       "00"));
        // Behind the log start the highest timestamp does not count: with offsets 0-4 gone, 900 at 5 is it; with
        // 0-5 gone, the straddling batch keeps only 50 at 6, and the later batch's 400 at 7 is the highest.
        QCOMPARE(broker.log->deleteRecordsBefore(tp, 5, &low), ErrorCode::None);
        QCOMPARE(ask(7, QStringLiteral("t"), -3), QStringLiteral("NONE @5 ts=900 epoch=0"));
        QCOMPARE(broker.log->deleteRecordsBefore(tp, 6, &low), ErrorCode::None);
        QCOMPARE(ask(7, QStringLiteral("t"), -3), QStringLiteral("NONE @7 ts=400 epoch=0"));
        QCOMPARE(broker.log->deleteRecordsBefore(tp, 7, &low), ErrorCode::None);
        QCOMPARE(ask(7, QStringLiteral("t"), -3), QStringLiteral("NONE @7 ts=400 epoch=0"));
    }

    // CreateTopics v7, hand-built: the answer carries the new topic's id and (v5+) its partitions, replication
    // factor and configuration; a refused topic has the zero id, -1 counts and no configs; validateOnly creates
    // nothing and gives an id that names no topic.
    void createTopicsV7()
    {
        WireBroker broker;
        const auto create = [&](qint16 version, const QString &name, qint32 partitions, bool validateOnly) {
            return answerBody(broker, 19, version, [&](WireWriter &w) {
                w.arrayLength(1, true);
                w.string(name, true);
                w.int32(partitions);
                w.int16(-1);
                w.arrayLength(0, true);
                w.arrayLength(1, true);
                w.string(QStringLiteral("retention.ms"), true);
                w.nullableString(QStringLiteral("1000"), true);
                w.emptyTaggedFields();
                w.emptyTaggedFields();
                w.int32(30000);
                w.boolean(validateOnly);
                w.emptyTaggedFields();
            });
        };
        const QByteArray body = create(7, QStringLiteral("a"), 2, false);
        const QByteArray id = broker.log->topicId(QStringLiteral("a")).toByteArray();
        QVERIFY(!TopicId::fromBytes(id).isNull());
        const auto config = [](const char *name, const char *value, int source) {
            WireWriter w;
            w.string(QLatin1String(name), true);
            w.nullableString(QString::fromLatin1(value), true);
            w.boolean(false);
            w.int8(qint8(source));
            w.boolean(false);
            w.emptyTaggedFields();
            return w.take();
        };
        QCOMPARE(body.toHex(),
            QByteArray(hex("00000000 02 0261") + id
                + hex("0000 00" // no error, null message
                      "00000002 0001 0a") // 2 partitions, replication factor 1, nine configs
                + config("cleanup.policy", "delete", 5) + config("delete.retention.ms", "86400000", 5)
                + config("max.message.bytes", "1048588", 5) + config("message.timestamp.type", "CreateTime", 5)
                + config("min.cleanable.dirty.ratio", "0.5", 5) + config("retention.bytes", "-1", 5)
                + config("retention.ms", "1000", 1) + config("segment.bytes", "1073741824", 5)
                + config("segment.ms", "604800000", 5) + hex("00 00"))
                .toHex());

        const auto again = decoded<CreateTopicsResponse>(create(7, QStringLiteral("a"), 2, false), 7);
        QCOMPARE(again.topics[0].error, ErrorCode::TopicAlreadyExists);
        QCOMPARE(again.topics[0].topicId, QByteArray(16, 0));
        QCOMPARE(again.topics[0].numPartitions, -1);
        QCOMPARE(again.topics[0].replicationFactor, qint16(-1));
        QVERIFY(again.topics[0].configs && again.topics[0].configs->isEmpty());

        const auto checked = decoded<CreateTopicsResponse>(create(6, QStringLiteral("b"), 3, true), 6);
        QCOMPARE(checked.topics[0].error, ErrorCode::None);
        QCOMPARE(checked.topics[0].numPartitions, 3);
        // segment.bytes and segment.ms since issue 13; cleanup.policy, delete.retention.ms and
        // min.cleanable.dirty.ratio since the log cleaner.
        QCOMPARE(checked.topics[0].configs->size(), 9);
        QCOMPARE(broker.log->partitionCount(QStringLiteral("b")), -1);
        // Kafka's controller draws the id before it looks at validate_only: a fresh one, naming no topic.
        const auto validated = decoded<CreateTopicsResponse>(create(7, QStringLiteral("b"), 3, true), 7);
        QVERIFY(!TopicId::fromBytes(validated.topics[0].topicId).isNull());
        QVERIFY(validated.topics[0].topicId != id);
        QCOMPARE(broker.log->topicName(TopicId::fromBytes(validated.topics[0].topicId)), QString());
        QCOMPARE(broker.log->partitionCount(QStringLiteral("b")), -1);
    }

    // DeleteTopics v6 by name or by id, with Kafka's refusals.
    void deleteTopicsV6ByIdOrName()
    {
        WireBroker broker;
        for (const char *name : {"a", "b", "c"})
            broker.log->createTopic(QLatin1String(name), 1);
        const QByteArray idA = broker.log->topicId(QStringLiteral("a")).toByteArray();
        const QByteArray idC = broker.log->topicId(QStringLiteral("c")).toByteArray();
        const QByteArray unknown = TopicId::generate().toByteArray();
        const QByteArray zero(16, 0);
        const QList<std::pair<std::optional<QString>, QByteArray>> asked {
            {std::nullopt, idA}, // by id
            {QStringLiteral("b"), zero}, // by name
            {std::nullopt, unknown}, // an id no topic has
            {QStringLiteral("missing"), zero}, // a name no topic has
            {QStringLiteral("c"), idC}, // both: refused
            {std::nullopt, zero}, // neither: refused
        };
        const QByteArray body = answerBody(broker, 20, 6, [&](WireWriter &w) {
            w.arrayLength(asked.size(), true);
            for (const auto &[name, id] : asked) {
                w.nullableString(name, true);
                w.uuid(id);
                w.emptyTaggedFields();
            }
            w.int32(30000);
            w.emptyTaggedFields();
        });
        const auto response = decoded<DeleteTopicsResponse>(body, 6);
        QStringList lines;
        for (const auto &t : response.responses) {
            const QString id = t.topicId == idA ? QStringLiteral("idA")
                : t.topicId == idC              ? QStringLiteral("idC")
                : t.topicId == unknown          ? QStringLiteral("unknown")
                : t.topicId == zero             ? QStringLiteral("zero")
                                                : QStringLiteral("id of %1").arg(t.name.value_or(QString()));
            lines << QStringLiteral("%1 %2 %3").arg(t.name.value_or(QStringLiteral("(null)")), id, errorName(t.error));
        }
        QCOMPARE(lines.join(QLatin1Char('\n')),
            QStringLiteral("a idA NONE\n"
                           "b id of b NONE\n"
                           "(null) unknown UNKNOWN_TOPIC_ID\n"
                           "missing zero UNKNOWN_TOPIC_OR_PARTITION\n"
                           "c idC INVALID_REQUEST\n"
                           "(null) zero INVALID_REQUEST"));
        QCOMPARE(broker.log->topicNames(), QStringList({QStringLiteral("__consumer_offsets"), QStringLiteral("c")}));
        QVERIFY(!response.responses[0].errorMessage);
        QVERIFY(response.responses[2].errorMessage);
    }

    // A name given twice is refused for both entries (Kafka: "Duplicate topic name."), in every version.
    void deleteTopicsDuplicateNames()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("a"), 1);
        const auto response = decoded<DeleteTopicsResponse>(answerBody(broker, 20, 5,
                                                                [](WireWriter &w) {
                                                                    w.arrayLength(2, true);
                                                                    w.string(QStringLiteral("a"), true);
                                                                    w.string(QStringLiteral("a"), true);
                                                                    w.int32(1000);
                                                                    w.emptyTaggedFields();
                                                                }),
            5);
        QCOMPARE(response.responses.size(), 2);
        QCOMPARE(response.responses[0].error, ErrorCode::InvalidRequest);
        QCOMPARE(response.responses[1].error, ErrorCode::InvalidRequest);
        QCOMPARE(response.responses[0].errorMessage, QStringLiteral("Duplicate topic name."));
        QCOMPARE(broker.log->partitionCount(QStringLiteral("a")), 1);
    }

    // A flexible request cut anywhere, or with a compact length that lies, closes the connection naming the API.
    void truncatedOrGarbledFlexibleRequestsClose_data()
    {
        QTest::addColumn<qint16>("key");
        QTest::addColumn<qint16>("version");
        QTest::addColumn<QByteArray>("body");
        const QByteArray id(16, 7);
        WireWriter fetch;
        fetchByIdBody(fetch, id, 0);
        QTest::addRow("Fetch v16") << qint16(1) << qint16(16) << fetch.data();
        WireWriter metadata;
        metadataV12Body(metadata, {{id, std::nullopt}, {QByteArray(16, 0), QStringLiteral("t")}});
        QTest::addRow("Metadata v12") << qint16(3) << qint16(12) << metadata.data();
        WireWriter offsets;
        listOffsetsBody(offsets, 10, QStringLiteral("t"), -3);
        QTest::addRow("ListOffsets v10") << qint16(2) << qint16(10) << offsets.data();
        WireWriter deletion;
        deletion.arrayLength(1, true);
        deletion.nullableString(std::nullopt, true);
        deletion.uuid(id);
        deletion.emptyTaggedFields();
        deletion.int32(1000);
        deletion.emptyTaggedFields();
        QTest::addRow("DeleteTopics v6") << qint16(20) << qint16(6) << deletion.data();
        CreateTopicsRequest create;
        create.topics
            = {{QStringLiteral("t"), 1, 1, {{0, {0}}}, {{QStringLiteral("retention.ms"), QStringLiteral("1")}}}};
        QTest::addRow("CreateTopics v7") << qint16(19) << qint16(7) << encodeMessage(create, 7);
    }
    void truncatedOrGarbledFlexibleRequestsClose()
    {
        QFETCH(qint16, key);
        QFETCH(qint16, version);
        QFETCH(QByteArray, body);
        const QString prefix = QStringLiteral("malformed %1 v%2 request: ").arg(ApiKeys::name(key)).arg(version);
        WireBroker broker;
        // Every prefix short of the whole body (all fields are needed, down to the last tag section).
        for (qsizetype n = 0; n < body.size(); ++n) {
            const auto answer
                = broker.send(headerAwareFrame(key, version, [&](WireWriter &w) { w.raw(body.left(n)); }));
            QVERIFY(answer->has_value());
            QVERIFY2((*answer)->action == WireResponse::Action::Close && (*answer)->reason.startsWith(prefix),
                qPrintable(QStringLiteral("%1 bytes: %2").arg(n).arg((*answer)->reason)));
        }
        // The first compact length (an array's) made to claim far more than is there.
        QByteArray garbled = body;
        const int at = key == 1 ? 21 : key == 2 ? 5 : 0;
        garbled[at] = char(0x7f);
        const auto answer = broker.send(headerAwareFrame(key, version, [&](WireWriter &w) { w.raw(garbled); }));
        QVERIFY(answer->has_value());
        QCOMPARE((*answer)->action, WireResponse::Action::Close);
        QVERIFY2((*answer)->reason.startsWith(prefix), qPrintable((*answer)->reason));
        // Only the broker's own __consumer_offsets, made at start.
        QCOMPARE(broker.log->topicNames(), QStringList {QStringLiteral("__consumer_offsets")});
    }
};

QTEST_GUILESS_MAIN(TestWireApisLog)
#include "tst_wireapis_log.moc"
