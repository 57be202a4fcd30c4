// The pure wire codec: Kafka primitives (fixed ints, varints, classic and compact strings, bytes, arrays, tagged
// fields) with bounds checks against truncated and lying input, request headers v1/v2, and the ApiVersions
// bodies byte for byte as the reference (kafka-protocol.md §1.3, §1.5) shows the real clients sending them.
#include "wire/adminmessages.h"
#include "wire/apikeys.h"
#include "wire/apitable.h"
#include "wire/groupmessages.h"
#include "wire/logmessages.h"
#include "wire/requestheader.h"
#include "wire/wirereader.h"
#include "wire/wirewriter.h"

#include <QSet>
#include <QTest>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;

namespace {
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text).replace(' ', ""));
}
} // namespace

class TestWireCodec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixedWidthIntegersAreBigEndian()
    {
        WireWriter w;
        w.int8(-2);
        w.int16(0x1234);
        w.int32(-1);
        w.int64(0x0102030405060708LL);
        w.boolean(true);
        QCOMPARE(w.data().toHex(), QByteArray("fe1234ffffffff010203040506070801"));
        WireReader r(w.data());
        QCOMPARE(r.int8(), qint8(-2));
        QCOMPARE(r.int16(), qint16(0x1234));
        QCOMPARE(r.int32(), -1);
        QCOMPARE(r.int64(), 0x0102030405060708LL);
        QCOMPARE(r.boolean(), true);
        QVERIFY(r.ok());
        QVERIFY(r.atEnd());
    }

    void signedVarints_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QByteArray>("encoded");
        // The zig-zag examples of the reference (§1.2).
        QTest::addRow("0") << qint64(0) << hex("00");
        QTest::addRow("-1") << qint64(-1) << hex("01");
        QTest::addRow("1") << qint64(1) << hex("02");
        QTest::addRow("2") << qint64(2) << hex("04");
        QTest::addRow("5") << qint64(5) << hex("0a");
        QTest::addRow("17") << qint64(17) << hex("22");
        QTest::addRow("11") << qint64(11) << hex("16");
        QTest::addRow("64 needs two bytes") << qint64(64) << hex("8001");
        QTest::addRow("int32 min") << qint64(std::numeric_limits<qint32>::min()) << hex("ffffffff0f");
    }
    void signedVarints()
    {
        QFETCH(qint64, value);
        QFETCH(QByteArray, encoded);
        WireWriter w;
        w.varint(value);
        QCOMPARE(w.data().toHex(), encoded.toHex());
        WireReader r(encoded);
        QCOMPARE(qint64(r.varint()), value);
        QVERIFY(r.ok());
        WireReader r64(encoded);
        QCOMPARE(r64.varlong(), value);
    }

    void malformedVarintsFail_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addRow("truncated") << hex("80");
        QTest::addRow("six bytes for 32 bits") << hex("808080808000");
        QTest::addRow("above 32 bits") << hex("8080808010");
    }
    void malformedVarintsFail()
    {
        QFETCH(QByteArray, bytes);
        WireReader r(bytes);
        r.uvarint();
        QVERIFY(!r.ok());
        QVERIFY(!r.error().isEmpty());
    }

    void truncationIsStickyAndReadsGiveZero()
    {
        const QByteArray rBytes = hex("0001 02");
        WireReader r(rBytes);
        QCOMPARE(r.int16(), qint16(1));
        QCOMPARE(r.int32(), 0); // only one byte left
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("int32")), qPrintable(r.error()));
        QCOMPARE(r.int8(), qint8(0)); // sticky: the remaining byte is not read any more
        QCOMPARE(r.remaining(), 0);
    }

    void classicAndCompactStrings()
    {
        WireWriter w;
        w.string(QStringLiteral("kp"));
        w.nullableString(std::nullopt);
        w.string(QStringLiteral("rdk"), true);
        w.nullableString(std::nullopt, true);
        w.bytes(QByteArray("ab"));
        w.nullableBytes(std::nullopt);
        w.bytes(QByteArray("c"), true);
        QCOMPARE(w.data().toHex(), QByteArray("00026b70ffff0472646b00000000026162ffffffff0263"));
        WireReader r(w.data());
        QCOMPARE(r.string(), QStringLiteral("kp"));
        QCOMPARE(r.nullableString(), std::nullopt);
        QCOMPARE(r.string(true), QStringLiteral("rdk"));
        QCOMPARE(r.nullableString(true), std::nullopt);
        QCOMPARE(r.bytes(), QByteArray("ab"));
        QCOMPARE(r.nullableBytes(), std::nullopt);
        QCOMPARE(r.bytes(true), QByteArray("c"));
        QVERIFY(r.ok());
        QVERIFY(r.atEnd());
    }

    void lyingLengthsFailWithoutAllocating_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("kind");
        QTest::addRow("string of 32767 bytes in 2") << hex("7fff 6162") << 0;
        QTest::addRow("bytes of 2 GiB in 2") << hex("7fffffff 6162") << 1;
        QTest::addRow("array of 2^31-1 elements in 4 bytes") << hex("7fffffff 00000000") << 2;
        QTest::addRow("compact array of 2^32-2 elements") << hex("ffffffff0f 00") << 3;
        QTest::addRow("negative string length") << hex("fffe") << 0;
        QTest::addRow("negative array length") << hex("fffffffe") << 2;
        QTest::addRow("null in a non-nullable string") << hex("ffff") << 0;
    }
    void lyingLengthsFailWithoutAllocating()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, kind);
        WireReader r(bytes);
        switch (kind) {
        case 0:
            QCOMPARE(r.string(), QString());
            break;
        case 1:
            QCOMPARE(r.bytes(), QByteArray());
            break;
        case 2:
            QCOMPARE(r.arrayLength(), 0);
            break;
        case 3:
            QCOMPARE(r.arrayLength(true), 0);
            break;
        }
        QVERIFY(!r.ok());
    }

    void taggedFieldsAreSkipped()
    {
        // Two tagged fields (tag 0 with 2 bytes, tag 5 with 1 byte), then an int16.
        const QByteArray rBytes = hex("02 00 02 abcd 05 01 ef 0007");
        WireReader r(rBytes);
        r.skipTaggedFields();
        QCOMPARE(r.int16(), qint16(7));
        QVERIFY(r.ok());
        const QByteArray truncatedBytes = hex("01 00 05 ab");
        WireReader truncated(truncatedBytes);
        truncated.skipTaggedFields();
        QVERIFY(!truncated.ok());
    }

    void kafkaPythonApiVersionsV0Header()
    {
        // Reference §1.3: key 18, version 0, correlation 1, client id "kp", empty body.
        const QByteArray rBytes = hex("0012 0000 00000001 0002 6b70");
        WireReader r(rBytes);
        const auto header = RequestHeader::read(r);
        QVERIFY(header);
        QCOMPARE(header->apiKey, qint16(18));
        QCOMPARE(header->apiVersion, qint16(0));
        QCOMPARE(header->correlationId, 1);
        QCOMPARE(header->clientId, QStringLiteral("kp"));
        QCOMPARE(header->headerVersion, 1);
        QVERIFY(r.atEnd());
    }

    void librdkafkaApiVersionsV3Request()
    {
        // Reference §1.3: header v2 (int16 client id "rdk" + tag byte), compact strings in the body.
        QByteArray frame = hex("0012 0003 00000001 0003 72646b 00");
        frame += char(0x17) + QByteArray("confluent-kafka-python") + char(0x14) + QByteArray("1.7.0-rdkafka-2.0.2")
            + char(0);
        WireReader r(frame);
        const auto header = RequestHeader::read(r);
        QVERIFY(header);
        QCOMPARE(header->headerVersion, 2);
        QCOMPARE(header->clientId, QStringLiteral("rdk"));
        const auto body = decodeMessage<ApiVersionsRequestData>(r, 3);
        QVERIFY(body);
        QCOMPARE(body->clientSoftwareName, QStringLiteral("confluent-kafka-python"));
        QCOMPARE(body->clientSoftwareVersion, QStringLiteral("1.7.0-rdkafka-2.0.2"));
        QVERIFY(r.atEnd());
    }

    void apiVersionsResponses()
    {
        ApiVersionsResponseData response;
        response.apiKeys = {{0, 3, 7}, {18, 0, 3}};
        // v3: compact array (N+1), a tag byte per entry, throttle, final tag byte (reference §1.5).
        QCOMPARE(encodeMessage(response, 3).toHex(),
            QByteArray("0000"
                       "03"
                       "0000000300070"
                       "0"
                       "0012000000030"
                       "0"
                       "00000000"
                       "00")
                .replace(" ", ""));
        // v0: int32 count, no throttle.
        QCOMPARE(encodeMessage(response, 0).toHex(),
            QByteArray("00000000000200000003000700120000"
                       "0003"));
        // The unsupported-version reply of the reference: "0023 00000001 0012 0000 0002" with our own range.
        ApiVersionsResponseData error;
        error.error = ErrorCode::UnsupportedVersion;
        error.apiKeys = {*ApiKeys::supportedRange(18)};
        QCOMPARE(encodeMessage(error, 0).toHex(),
            QByteArray("00230000000100120000"
                       "0004"));
        // ApiVersions answers always carry response header v0, even for the flexible v3.
        QCOMPARE(ApiKeys::responseHeaderVersion(18, 3), 0);
        QCOMPARE(encodeResponseHeader(7, 0).toHex(), QByteArray("00000007"));
        QCOMPARE(encodeResponseHeader(7, 1).toHex(), QByteArray("0000000700"));
    }

    void advertisedVersionsStayNonFlexible()
    {
        // Reference §2.5 / §9.4: every API is now on message descriptions up to Kafka 4.1's versions, flexible ones
        // included (issue 12; KIP-848's 68 and 69 are flexible only); only OffsetDelete has no flexible version. The
        // minima librdkafka 2.0.2 checks one version at a time are still included, and flexible versions are picked
        // only by clients that speak them: the highest versions the reference clients implement (reference §2.1-2.3)
        // are still classic ones (below).
        const QSet<qint16> flexibleAdvertised
            = {0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22, 32, 33, 35, 37, 42, 44, 60, 68, 69};
        for (const ApiVersionRange &range : ApiKeys::supported()) {
            for (qint16 v = range.minVersion; v <= range.maxVersion; ++v) {
                if (!flexibleAdvertised.contains(range.apiKey))
                    QVERIFY2(!ApiKeys::isFlexible(range.apiKey, v), qPrintable(ApiKeys::name(range.apiKey)));
            }
        }
        for (const auto &[key, referenceMax] : {std::pair {0, 7}, {1, 11}, {2, 3}, {3, 6}, {19, 4}, {20, 3}}) {
            QVERIFY(ApiKeys::isSupported(qint16(key), qint16(referenceMax)));
            QVERIFY2(!ApiKeys::isFlexible(qint16(key), qint16(referenceMax)), qPrintable(ApiKeys::name(qint16(key))));
        }
        QVERIFY(ApiKeys::isSupported(0, 3)); // Produce v3: MsgVer2
        QVERIFY(ApiKeys::isSupported(1, 4)); // Fetch v4: MsgVer2
        QVERIFY(ApiKeys::isSupported(2, 1)); // ListOffsets v1: offsetsForTimes
        QVERIFY(ApiKeys::isSupported(10, 0)); // FindCoordinator v0: consumer groups at all
        QVERIFY(ApiKeys::isSupported(1, 11)); // Fetch v11: kafka-python infers 2.3 and uses Produce v7
        QVERIFY(!ApiKeys::isSupported(0, 2)); // no MessageSet produce
        QVERIFY(ApiKeys::isFlexible(18, 3));
        QCOMPARE(ApiKeys::requestHeaderVersion(3, 9), 2);
        QCOMPARE(ApiKeys::requestHeaderVersion(3, 8), 1);
    }

    // Supported APIs take their ranges and flexible thresholds from their dispatch row; the others (and so the request
    // headers of every key) keep Kafka 3.9's thresholds. Pinned here for every key Kafka 3.9 knows, so a row edit
    // that changes what the header parser does shows up.
    void flexibleThresholdsOfEveryKnownKey()
    {
        const QList<int> firstFlexible = {9, 12, 6, 9, 4, 2, 6, 3, 8, 6, 3, 6, 4, 4, 4, 5, 3, 32767, 3, 5, 4, 2, 2, 4,
            3, 3, 3, 1, 3, 2, 2, 2, 4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 0, 0, 32767, 1, 1, 0, 0};
        for (qint16 key = 0; key < qint16(firstFlexible.size()); ++key) {
            const QString name = ApiKeys::name(key);
            QVERIFY2(!name.startsWith(QLatin1String("ApiKey(")), qPrintable(name));
            const int first = firstFlexible.at(key);
            QVERIFY2(first == 0 || !ApiKeys::isFlexible(key, qint16(first - 1)), qPrintable(name));
            QVERIFY2(first == 32767 || ApiKeys::isFlexible(key, qint16(first)), qPrintable(name));
            if (const ApiRoute *route = ApiTable::find(key)) {
                QCOMPARE(route->firstFlexibleVersion, first);
                QCOMPARE(ApiKeys::supportedRange(key)->maxVersion, route->maxVersion);
                QVERIFY(
                    ApiKeys::isSupported(key, route->minVersion) && !ApiKeys::isSupported(key, route->maxVersion + 1));
            } else {
                QVERIFY(!ApiKeys::supportedRange(key));
            }
        }
        QCOMPARE(ApiKeys::name(52), QStringLiteral("ApiKey(52)"));
        QVERIFY(ApiKeys::isFlexible(1000, 0)); // newer keys are flexible from v0
        QCOMPARE(ApiKeys::requestHeaderVersion(1000, 0), 1); // unknown: read up to the client id, then refused
        QCOMPARE(ApiKeys::requestHeaderVersion(60, 0), 2); // DescribeCluster, served and flexible from v0
        QCOMPARE(ApiKeys::requestHeaderVersion(7, 0), 0); // ControlledShutdown v0
        QCOMPARE(ApiKeys::requestHeaderVersion(17, 1), 1); // SaslHandshake is never flexible
        QCOMPARE(ApiKeys::requestHeaderVersion(22, 2), 2); // InitProducerId v2, served and flexible
        QCOMPARE(ApiKeys::responseHeaderVersion(22, 2), 1);
        QCOMPARE(ApiKeys::supported().size(), qsizetype(ApiTable::routes().size()));
    }

    void metadataTopicsNullEmptyAndV0()
    {
        const auto names = [](const MetadataRequest &request) {
            QStringList list;
            for (const auto &topic : *request.topics)
                list.append(*topic.name);
            return list;
        };
        const QByteArray v0Bytes = hex("00000000");
        WireReader v0(v0Bytes);
        QVERIFY(decodeMessage<MetadataRequest>(v0, 0)->isAllTopics(0)); // v0 empty list = all topics
        const QByteArray v1nullBytes = hex("ffffffff");
        WireReader v1null(v1nullBytes);
        const auto null = decodeMessage<MetadataRequest>(v1null, 1);
        QCOMPARE(null->topics.has_value(), false);
        QVERIFY(null->isAllTopics(1));
        const QByteArray v1emptyBytes = hex("00000000");
        WireReader v1empty(v1emptyBytes);
        const auto empty = decodeMessage<MetadataRequest>(v1empty, 1);
        QCOMPARE(names(*empty), QStringList {}); // brokers only
        QVERIFY(!empty->isAllTopics(1));
        const QByteArray v4Bytes = hex("00000001 0001 74 00");
        WireReader v4(v4Bytes);
        const auto request = decodeMessage<MetadataRequest>(v4, 4);
        QCOMPARE(names(*request), QStringList {QStringLiteral("t")});
        QCOMPARE(request->allowAutoTopicCreation, false);
    }

    void produceRequestV7()
    {
        WireWriter w;
        w.nullableString(std::nullopt); // transactional id
        w.int16(-1);
        w.int32(30000);
        w.arrayLength(1);
        w.string(QStringLiteral("orders"));
        w.arrayLength(1);
        w.int32(2);
        w.bytes(QByteArray("batch"));
        WireReader r(w.data());
        const auto request = decodeMessage<ProduceRequest>(r, 7);
        QVERIFY(request);
        QCOMPARE(request->acks, qint16(-1));
        QCOMPARE(request->timeoutMs, 30000);
        QCOMPARE(request->topics.size(), 1);
        QCOMPARE(request->topics[0].name, QStringLiteral("orders"));
        QCOMPARE(request->topics[0].partitions[0].index, 2);
        QCOMPARE(request->topics[0].partitions[0].records, QByteArray("batch"));
        // The records are not copied: they are the request's own bytes (its last five).
        const QByteArray &body = w.data();
        QCOMPARE(request->topics[0].partitions[0].records->data(), body.constData() + body.size() - 5);

        // Every truncation of the same request fails cleanly.
        for (qsizetype n = 0; n < w.data().size(); ++n) {
            WireReader cut(QByteArrayView(w.data()).first(n));
            QVERIFY2(!decodeMessage<ProduceRequest>(cut, 7), qPrintable(QString::number(n)));
        }
    }

    void produceResponseLayoutByVersion()
    {
        ProduceResponse response;
        response.topics = {{QStringLiteral("t"), {}, {{0, ErrorCode::None, 5, -1, 0, {}, std::nullopt}}}};
        // v3: base offset, log append time, throttle at the end.
        QCOMPARE(encodeMessage(response, 3).toHex(),
            QByteArray("00000001000174000000010000000000000000000000000005ffffffffffffffff00000000"));
        // v5+ adds the log start offset.
        QCOMPARE(encodeMessage(response, 7).size(), encodeMessage(response, 3).size() + 8);
    }

    // Flexible versions (KIP-482): compact strings, arrays and bytes (length + 1 as an unsigned varint) and a
    // tagged-field section after every struct, whose unknown fields are skipped by their size.
    void produceRequestFlexibleV9()
    {
        WireWriter w;
        w.nullableString(QStringLiteral("tx"), true);
        w.int16(1);
        w.int32(1500);
        w.arrayLength(1, true);
        w.string(QStringLiteral("orders"), true);
        w.arrayLength(1, true);
        w.int32(3);
        w.nullableBytes(QByteArray("batch"), true);
        w.uvarint(1); // one tagged field the broker does not know: tag 7, three bytes
        w.uvarint(7);
        w.uvarint(3);
        w.raw("xyz");
        w.emptyTaggedFields(); // topic
        w.emptyTaggedFields(); // request
        WireReader r(w.data());
        const auto request = decodeMessage<ProduceRequest>(r, 9);
        QVERIFY2(request, qPrintable(r.error()));
        QVERIFY(r.atEnd());
        QCOMPARE(request->transactionalId, QStringLiteral("tx"));
        QCOMPARE(request->acks, qint16(1));
        QCOMPARE(request->topics[0].name, QStringLiteral("orders"));
        QCOMPARE(request->topics[0].partitions[0].index, 3);
        QCOMPARE(request->topics[0].partitions[0].records, QByteArray("batch"));

        // The same bytes read as the classic v8 encoding do not make sense, and every truncation fails.
        WireReader classic(w.data());
        QVERIFY(!decodeMessage<ProduceRequest>(classic, 8));
        for (qsizetype n = 0; n < w.data().size(); ++n) {
            WireReader cut(QByteArrayView(w.data()).first(n));
            QVERIFY2(!decodeMessage<ProduceRequest>(cut, 9), qPrintable(QString::number(n)));
        }
    }

    // A flexible element can be smaller than its classic form: an empty name and no partitions are three bytes, and
    // the array's lying-count guard must not refuse them.
    void flexibleArraysAcceptTheirSmallestElements()
    {
        const QByteArray rBytes = QByteArray::fromHex("00"
                                                      "0001"
                                                      "000003e8"
                                                      "02"
                                                      "01"
                                                      "01"
                                                      "00"
                                                      "00");
        WireReader r(rBytes);
        const auto request = decodeMessage<ProduceRequest>(r, 9);
        QVERIFY2(request, qPrintable(r.error()));
        QVERIFY(r.atEnd());
        QCOMPARE(request->topics.size(), 1);
        QCOMPARE(request->topics[0].name, QString());
        QVERIFY(request->topics[0].partitions.isEmpty());
        // A count larger than the bytes left still fails before any element is read.
        const QByteArray lyingBytes = QByteArray::fromHex("00"
                                                          "0001"
                                                          "000003e8"
                                                          "ff01"
                                                          "01"
                                                          "01"
                                                          "00"
                                                          "00");
        WireReader lying(lyingBytes);
        QVERIFY(!decodeMessage<ProduceRequest>(lying, 9));
    }

    void produceResponseFlexibleV9()
    {
        ProduceResponse response;
        response.topics = {{QStringLiteral("t"), {},
            {{0, ErrorCode::InvalidRecord, -1, -1, 0, {{1, QStringLiteral("bad")}}, QStringLiteral("one bad")}}}};
        const QByteArray v9 = encodeMessage(response, 9);
        QCOMPARE(v9.toHex(),
            QByteArray("02"
                       "0274"
                       "02"
                       "00000000"
                       "0057"
                       "ffffffffffffffff"
                       "ffffffffffffffff"
                       "0000000000000000"
                       "02"
                       "00000001"
                       "04626164"
                       "00"
                       "086f6e6520626164"
                       "00"
                       "00"
                       "00000000"
                       "00"));
        // Decoding it back gives the same message (the description is read in both directions).
        WireReader r(v9);
        const auto back = decodeMessage<ProduceResponse>(r, 9);
        QVERIFY(back);
        QVERIFY(r.atEnd());
        QCOMPARE(back->topics[0].partitions[0].recordErrors[0].message, QStringLiteral("bad"));
        QCOMPARE(back->topics[0].partitions[0].errorMessage, QStringLiteral("one bad"));
        // v7 has neither record errors nor the message.
        QCOMPARE(encodeMessage(response, 7).size(), 4 + 3 + 4 + 4 + 2 + 8 + 8 + 8 + 4);
    }

    void fetchRequestV11AndResponse()
    {
        WireWriter w;
        w.int32(-1); // replica
        w.int32(500);
        w.int32(1);
        w.int32(52428800);
        w.int8(1); // read_committed
        w.int32(0); // session id
        w.int32(-1); // epoch
        w.arrayLength(1);
        w.string(QStringLiteral("t"));
        w.arrayLength(1);
        w.int32(0);
        w.int32(-1); // current leader epoch (v9+)
        w.int64(42);
        w.int64(-1); // log start (v5+)
        w.int32(1048576);
        w.arrayLength(0); // forgotten
        w.string(QString()); // rack
        WireReader r(w.data());
        const auto request = decodeMessage<FetchRequest>(r, 11);
        QVERIFY(request);
        QVERIFY(r.atEnd());
        QCOMPARE(request->maxWaitMs, 500);
        QCOMPARE(request->isolationLevel, qint8(1));
        QCOMPARE(request->topics[0].partitions[0].fetchOffset, 42);
        QCOMPARE(request->topics[0].partitions[0].maxBytes, 1048576);

        FetchResponse response;
        FetchResponse::Partition partition;
        partition.index = 0;
        partition.error = ErrorCode::None;
        partition.highWatermark = 10;
        partition.lastStableOffset = 10;
        partition.logStartOffset = 0;
        partition.records = QByteArray();
        response.topics = {{QStringLiteral("t"), {}, {partition}}};
        // throttle, error, session, [t: [p0 err hw lso logstart aborted=null preferred=-1 records=empty]]
        QCOMPARE(encodeMessage(response, 11).toHex(),
            QByteArray("00000000"
                       "0000"
                       "00000000"
                       "00000001"
                       "0001"
                       "74"
                       "00000001"
                       "00000000"
                       "0000"
                       "000000000000000a"
                       "000000000000000a"
                       "0000000000000000"
                       "ffffffff"
                       "ffffffff"
                       "00000000"));
    }

    void joinGroupV5RoundTrip()
    {
        WireWriter w;
        w.string(QStringLiteral("g"));
        w.int32(10000);
        w.int32(300000);
        w.string(QString());
        w.nullableString(std::nullopt);
        w.string(QStringLiteral("consumer"));
        w.arrayLength(1);
        w.string(QStringLiteral("range"));
        w.bytes(hex("0001 00000001 0001 74 00000000 00000000"));
        WireReader r(w.data());
        const auto request = decodeMessage<JoinGroupRequestData>(r, 5);
        QVERIFY(request);
        QCOMPARE(request->rebalanceTimeoutMs, 300000);
        QCOMPARE(request->protocols.size(), 1);
        QCOMPARE(request->protocols[0].name, QStringLiteral("range"));

        JoinGroupResponseData response;
        response.error = ErrorCode::MemberIdRequired;
        response.memberId = QStringLiteral("m");
        QCOMPARE(encodeMessage(response, 5).toHex(), QByteArray("00000000004fffffffff0000000000016d00000000"));
        // v0/v1 have no throttle time.
        QCOMPARE(encodeMessage(response, 1).size(), encodeMessage(response, 5).size() - 4);
    }

    void offsetFetchNullTopicsOnlyFromV2()
    {
        const QByteArray v1Bytes = hex("0001 67 ffffffff");
        WireReader v1(v1Bytes);
        QVERIFY(!decodeMessage<OffsetFetchRequestData>(v1, 1));
        const QByteArray v2Bytes = hex("0001 67 ffffffff");
        WireReader v2(v2Bytes);
        const auto request = decodeMessage<OffsetFetchRequestData>(v2, 2);
        QVERIFY(request);
        QCOMPARE(request->topics, std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestWireCodec)
#include "tst_wirecodec.moc"
