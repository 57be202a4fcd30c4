// The admin APIs of KafkaApis at the versions of Kafka 4.1, flexible ones included, driven with hand-built request
// frames (compact strings and arrays, tagged-field sections written here, not by the message descriptions) and
// answers read back: ApiVersions v4, DeleteRecords v2, InitProducerId v3-v5 (KIP-360 fields), CreatePartitions v2-v3
// with manual assignments, DescribeCluster v0-v2 and DescribeLogDirs v0-v4 (in memory and on
// disk). Truncated and garbage bodies of the new versions close the connection naming the API and version.
#include "broker/broker.h"
#include "log/logmanager.h"
#include "logtesthelpers.h"
#include "wire/adminmessages.h"
#include "wire/apitable.h"
#include "wire/clustermessages.h"
#include "wire/messagefields.h"
#include "wire/producermessages.h"
#include "wirebroker.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <limits>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;

namespace {

using Body = std::function<void(WireWriter &)>;
constexpr bool Compact = true;

} // namespace

class TestWireApisAdmin : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // ---- ApiVersions ----

    // v4 is v3's body (KAFKA-17011 only changed what a feature entry may hold, and this broker lists none): header
    // v2 request, compact strings; the answer keeps response header v0 (KIP-511) and lists every row.
    void apiVersionsV4()
    {
        WireBroker broker;
        const auto response = broker.send(headerAwareFrame(18, 4, [](WireWriter &w) {
            w.string(QStringLiteral("librdkafka"), Compact);
            w.string(QStringLiteral("2.15.1"), Compact);
            w.emptyTaggedFields();
        }));
        QVERIFY(response->has_value() && (*response)->action == WireResponse::Action::Send);
        const QByteArray frame = (*response)->wholeFrame();
        QCOMPARE(frame.left(6).toHex(), QByteArray("000000050000")); // correlation id, no tag byte, error 0
        const QByteArray rBytes = frame.mid(4);
        WireReader r(rBytes);
        const auto body = decodeMessage<ApiVersionsResponseData>(r, 4);
        QVERIFY(body && r.atEnd());
        QCOMPARE(body->apiKeys.size(), qsizetype(ApiTable::routes().size()));
        QCOMPARE(frame.mid(4), encodeMessage(*body, 3)); // same bytes as v3
        QCOMPARE(frame.at(6), char(ApiTable::routes().size() + 1)); // compact array count
        const auto self = std::find_if(body->apiKeys.cbegin(), body->apiKeys.cend(),
            [](const ApiVersionRange &range) { return range.apiKey == 18; });
        QCOMPARE(self->maxVersion, qint16(4));
    }

    // ---- DeleteRecords ----

    void deleteRecordsV2Flexible()
    {
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        broker.log->append({QStringLiteral("t"), 0}, logtest::makeBatch(3));
        const QByteArray body = answerBody(broker, ApiKey::DeleteRecords, 2, [](WireWriter &w) {
            w.arrayLength(2, Compact);
            w.string(QStringLiteral("t"), Compact);
            w.arrayLength(1, Compact);
            w.int32(0);
            w.int64(2);
            w.emptyTaggedFields();
            w.emptyTaggedFields();
            w.string(QStringLiteral("gone"), Compact);
            w.arrayLength(1, Compact);
            w.int32(0);
            w.int64(-1);
            w.emptyTaggedFields();
            w.emptyTaggedFields();
            w.int32(1000);
            w.emptyTaggedFields();
        });
        // throttle, [t [0 low=2 NONE], gone [0 low=-1 UNKNOWN_TOPIC_OR_PARTITION]], each struct with its tag byte.
        QCOMPARE(body.toHex(),
            QByteArray("00000000"
                       "03"
                       "0274"
                       "02"
                       "00000000"
                       "0000000000000002"
                       "0000"
                       "00"
                       "00"
                       "05676f6e65"
                       "02"
                       "00000000"
                       "ffffffffffffffff"
                       "0003"
                       "00"
                       "00"
                       "00"));
        QCOMPARE(broker.log->partitionInfo({QStringLiteral("t"), 0})->logStartOffset, 2);
    }

    // ---- InitProducerId ----

    // v3+ carries the producer's current id and epoch (KIP-360). Without a transactional id Kafka's coordinator
    // hands out a new id at epoch 0 whatever they say (librdkafka 2.15.1's idempotent producer sends -1/-1 at v4);
    // an id without an epoch, or the other way round, is INVALID_REQUEST.
    void initProducerIdV3ToV5_data()
    {
        QTest::addColumn<int>("version");
        QTest::addRow("v3") << 3;
        QTest::addRow("v4") << 4;
        QTest::addRow("v5") << 5;
    }
    void initProducerIdV3ToV5()
    {
        QFETCH(int, version);
        WireBroker broker;
        const auto init = [&](const std::optional<QString> &transactionalId, qint64 producerId, qint16 epoch) {
            return answer<InitProducerIdResponse>(broker, qint16(version), [=](WireWriter &w) {
                w.nullableString(transactionalId, Compact);
                w.int32(-1);
                w.int64(producerId);
                w.int16(epoch);
                w.emptyTaggedFields();
            });
        };
        const auto first = init(std::nullopt, -1, -1);
        QVERIFY(first);
        QCOMPARE(first->error, ErrorCode::None);
        QCOMPARE(first->producerEpoch, qint16(0));
        QVERIFY(first->producerId >= 0);
        // An epoch bump asked for by an idempotent producer: a fresh id, epoch 0.
        const auto bumped = init(std::nullopt, first->producerId, 3);
        QVERIFY(bumped);
        QCOMPARE(bumped->error, ErrorCode::None);
        QVERIFY(bumped->producerId > first->producerId);
        QCOMPARE(bumped->producerEpoch, qint16(0));
        for (const auto &[pid, epoch] : {std::pair<qint64, qint16> {-1, 0}, std::pair<qint64, qint16> {5, -1}}) {
            const auto refused = init(std::nullopt, pid, epoch);
            QVERIFY(refused);
            QCOMPARE(refused->error, ErrorCode::InvalidRequest);
            QCOMPARE(refused->producerId, qint64(-1));
            QCOMPARE(refused->producerEpoch, qint16(-1));
        }
        const auto transactional = init(QStringLiteral("txn"), -1, -1);
        QVERIFY(transactional);
        QCOMPARE(transactional->error, ErrorCode::CoordinatorNotAvailable);
        QCOMPARE(transactional->producerId, qint64(-1));
    }

    // Kafka 4.1 marks v6 (two-phase commit, KIP-939) unstable and does not accept it; neither does this broker.
    void initProducerIdV6IsNotOffered()
    {
        WireBroker broker;
        QCOMPARE(ApiKeys::supportedRange(22)->maxVersion, qint16(5));
        const QString reason = closeReason(broker, ApiKey::InitProducerId, 6, QByteArray::fromHex("00ffffffff00"));
        QVERIFY2(reason.contains(QStringLiteral("unsupported version InitProducerId v6")), qPrintable(reason));
    }

    // ---- CreatePartitions ----

    void createPartitionsV2V3WithAssignments_data()
    {
        QTest::addColumn<int>("version");
        QTest::addRow("v2") << 2;
        QTest::addRow("v3") << 3;
    }
    void createPartitionsV2V3WithAssignments()
    {
        QFETCH(int, version);
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 2), ErrorCode::None);
        const auto grow = [&](const QStringList &names, qint32 count,
                              const std::optional<QList<QList<qint32>>> &assignments, bool validateOnly = false) {
            const auto response = answer<CreatePartitionsResponseData>(broker, qint16(version), [=](WireWriter &w) {
                w.arrayLength(names.size(), Compact);
                for (const QString &name : names) {
                    w.string(name, Compact);
                    w.int32(count);
                    w.arrayLength(assignments ? assignments->size() : -1, Compact);
                    for (const QList<qint32> &brokers : assignments.value_or(QList<QList<qint32>> {})) {
                        w.arrayLength(brokers.size(), Compact);
                        for (const qint32 id : brokers)
                            w.int32(id);
                        w.emptyTaggedFields();
                    }
                    w.emptyTaggedFields();
                }
                w.int32(1000);
                w.boolean(validateOnly);
                w.emptyTaggedFields();
            });
            QStringList out;
            for (const auto &r : response.value_or(CreatePartitionsResponseData {}).results)
                out.append(QStringLiteral("%1: %2 %3")
                               .arg(r.name)
                               .arg(int(r.error))
                               .arg(r.errorMessage.value_or(QStringLiteral("null"))));
            return out.join(QLatin1Char('\n'));
        };
        const QStringList t {QStringLiteral("t")};
        QCOMPARE(grow(t, 4, QList<QList<qint32>> {{0}, {0}}, true), QStringLiteral("t: 0 null"));
        QCOMPARE(broker.log->partitionCount(QStringLiteral("t")), 2);
        QCOMPARE(grow(t, 2, std::nullopt), QStringLiteral("t: 37 Topic already has 2 partition(s)."));
        QCOMPARE(grow(t, 1, std::nullopt),
            QStringLiteral("t: 37 The topic t currently has 2 partition(s); 1 would not be an increase."));
        QCOMPARE(grow(t, 4, QList<QList<qint32>> {{0}}),
            QStringLiteral(
                "t: 39 Attempted to add 2 additional partition(s), but only 1 assignment(s) were specified."));
        QCOMPARE(grow(t, 3, QList<QList<qint32>> {{1}}),
            QStringLiteral(
                "t: 39 The manual partition assignment includes broker 1, but no such broker is registered."));
        QCOMPARE(grow(t, 3, QList<QList<qint32>> {{0, 0}}),
            QStringLiteral("t: 39 The manual partition assignment includes the broker 0 more than once."));
        QCOMPARE(grow(t, 3, QList<QList<qint32>> {{}}),
            QStringLiteral("t: 39 The manual partition assignment includes an empty replica list."));
        QCOMPARE(grow({QStringLiteral("t"), QStringLiteral("t")}, 3, std::nullopt),
            QStringLiteral("t: 42 Duplicate topic name.\nt: 42 Duplicate topic name."));
        QCOMPARE(grow({QStringLiteral("missing")}, 3, std::nullopt),
            QStringLiteral("missing: 3 topic 'missing' does not exist"));
        QCOMPARE(broker.log->partitionCount(QStringLiteral("t")), 2);
        QCOMPARE(grow(t, 4, QList<QList<qint32>> {{0}, {0}}), QStringLiteral("t: 0 null"));
        QCOMPARE(broker.log->partitionCount(QStringLiteral("t")), 4);
    }

    // ---- DescribeCluster ----

    // v0 byte for byte: flexible from v0, so compact strings, tag sections and response header v1.
    void describeClusterV0Bytes()
    {
        KafkaApisConfig config;
        config.advertisedHost = QStringLiteral("h");
        config.advertisedPort = 9092;
        config.clusterId = QStringLiteral("c1");
        WireBroker broker(config);
        const auto response = broker.send(headerAwareFrame(60, 0, [](WireWriter &w) {
            w.boolean(false);
            w.emptyTaggedFields();
        }));
        QVERIFY(response->has_value() && (*response)->action == WireResponse::Action::Send);
        QCOMPARE((*response)->wholeFrame().toHex(),
            QByteArray("00000005"
                       "00" // response header v1: tags
                       "00000000" // throttle
                       "0000" // error
                       "00" // error message: null
                       "036331" // cluster id "c1"
                       "00000000" // controller 0
                       "02" // one broker
                       "00000000"
                       "0268"
                       "00002384"
                       "00" // rack: null
                       "00"
                       "80000000" // authorized operations: not asked for
                       "00"));
    }

    void describeClusterV1V2_data()
    {
        QTest::addColumn<int>("version");
        QTest::addRow("v1") << 1;
        QTest::addRow("v2") << 2;
    }
    void describeClusterV1V2()
    {
        QFETCH(int, version);
        WireBroker broker;
        const auto describe = [&](bool operations, qint8 endpointType, bool fenced) {
            return answer<DescribeClusterResponseData>(broker, qint16(version), [=](WireWriter &w) {
                w.boolean(operations);
                w.int8(endpointType);
                if (version >= 2)
                    w.boolean(fenced);
                w.emptyTaggedFields();
            });
        };
        const auto cluster = describe(true, 1, true);
        QVERIFY(cluster);
        QCOMPARE(cluster->error, ErrorCode::None);
        QCOMPARE(cluster->endpointType, qint8(1));
        QCOMPARE(cluster->clusterId, QStringLiteral("topicscope"));
        QCOMPARE(cluster->controllerId, 0);
        QCOMPARE(cluster->brokers.size(), qsizetype(1));
        QCOMPARE(cluster->brokers.at(0).host, QStringLiteral("127.0.0.1"));
        QCOMPARE(cluster->brokers.at(0).port, 9092);
        QVERIFY(!cluster->brokers.at(0).rack);
        QVERIFY(!cluster->brokers.at(0).isFenced);
        // No authorizer: every cluster operation (CREATE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS,
        // ALTER_CONFIGS, IDEMPOTENT_WRITE) is allowed.
        QCOMPARE(cluster->clusterAuthorizedOperations, 0x1fa0);
        QCOMPARE(describe(false, 1, false)->clusterAuthorizedOperations, std::numeric_limits<qint32>::min());

        const auto controllers = describe(false, 2, false);
        QVERIFY(controllers);
        QCOMPARE(int(controllers->error), 114); // MISMATCHED_ENDPOINT_TYPE
        QCOMPARE(controllers->errorMessage.value_or(QString()),
            QStringLiteral(
                "The request was sent to an endpoint of type BROKER, but we wanted an endpoint of type CONTROLLER"));
        QVERIFY(controllers->brokers.isEmpty());
        const auto unknown = describe(false, 3, false);
        QVERIFY(unknown);
        QCOMPARE(int(unknown->error), 115); // UNSUPPORTED_ENDPOINT_TYPE
        QCOMPARE(unknown->errorMessage.value_or(QString()), QStringLiteral("Unsupported endpoint type 3"));
    }

    // ---- DescribeLogDirs ----

    void describeLogDirsInMemory_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 0; v <= 4; ++v)
            QTest::addRow("v%d", v) << v;
    }
    void describeLogDirsInMemory()
    {
        QFETCH(int, version);
        const bool c = version >= 2;
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("a"), 2), ErrorCode::None);
        QCOMPARE(broker.log->createTopic(QStringLiteral("b"), 1), ErrorCode::None);
        broker.log->append({QStringLiteral("a"), 1}, logtest::makeBatch(3));
        broker.log->append({QStringLiteral("b"), 0}, logtest::makeBatch(1));
        const auto describe = [&](const std::optional<QList<std::pair<QString, QList<qint32>>>> &topics) {
            const auto response = answer<DescribeLogDirsResponseData>(broker, qint16(version), [=](WireWriter &w) {
                w.arrayLength(topics ? topics->size() : -1, c);
                for (const auto &[name, partitions] : topics.value_or(QList<std::pair<QString, QList<qint32>>> {})) {
                    w.string(name, c);
                    w.arrayLength(partitions.size(), c);
                    for (const qint32 p : partitions)
                        w.int32(p);
                    if (c)
                        w.emptyTaggedFields();
                }
                if (c)
                    w.emptyTaggedFields();
            });
            QStringList out;
            for (const auto &dir : response.value_or(DescribeLogDirsResponseData {}).results) {
                QStringList partitions;
                for (const auto &topic : dir.topics) {
                    for (const auto &p : topic.partitions)
                        partitions.append(QStringLiteral("%1-%2 %3 lag=%4 future=%5")
                                              .arg(topic.name)
                                              .arg(p.partitionIndex)
                                              .arg(p.partitionSize)
                                              .arg(p.offsetLag)
                                              .arg(int(p.isFutureKey)));
                }
                out.append(QStringLiteral("%1 %2 total=%3 usable=%4: %5")
                               .arg(dir.logDir)
                               .arg(int(dir.error))
                               .arg(dir.totalBytes)
                               .arg(dir.usableBytes)
                               .arg(partitions.join(QStringLiteral(", "))));
            }
            return out;
        };
        const qint64 a1 = broker.log->partitionInfo({QStringLiteral("a"), 1})->sizeBytes;
        const qint64 b0 = broker.log->partitionInfo({QStringLiteral("b"), 0})->sizeBytes;
        QVERIFY(a1 > b0 && b0 > 0);
        // Every partition, the broker's own __consumer_offsets (50, empty, made at start) first.
        QString internal;
        for (int p = 0; p < 50; ++p)
            internal += QStringLiteral("__consumer_offsets-%1 0 lag=0 future=0, ").arg(p);
        QCOMPARE(describe(std::nullopt),
            QStringList {QStringLiteral("in-memory 0 total=-1 usable=-1: %3a-0 0 lag=0 future=0, a-1 %1 lag=0 "
                                        "future=0, b-0 %2 lag=0 future=0")
                             .arg(a1)
                             .arg(b0)
                             .arg(internal)});
        // Named partitions only; those that do not exist are left out.
        QCOMPARE(describe(QList<std::pair<QString, QList<qint32>>> {
                     {QStringLiteral("a"), {1, 7}}, {QStringLiteral("missing"), {0}}}),
            QStringList {QStringLiteral("in-memory 0 total=-1 usable=-1: a-1 %1 lag=0 future=0").arg(a1)});
        QCOMPARE(describe(QList<std::pair<QString, QList<qint32>>> {}),
            QStringList {QStringLiteral("in-memory 0 total=-1 usable=-1: ")});
    }

    // On disk the log directory is the data directory's absolute path, and v4 gives its volume's size and the
    // space still usable (statvfs).
    void describeLogDirsOnDisk()
    {
        QTemporaryDir dataDir;
        QVERIFY(dataDir.isValid());
        ManualClock clock;
        BrokerOptions options;
        options.storage.dataDir = dataDir.path();
        options.retentionCheckIntervalMs = 0;
        QString error;
        std::unique_ptr<Broker> core = Broker::open(std::move(options), clock, &error);
        QVERIFY2(core, qPrintable(error));
        QCOMPARE(core->log().createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        core->log().append({QStringLiteral("t"), 0}, logtest::makeBatch(2));
        auto apis = std::make_unique<KafkaApis>(*core);
        std::optional<WireResponse> out;
        apis->handle(headerAwareFrame(35, 4,
                         [](WireWriter &w) {
                             w.arrayLength(-1, Compact);
                             w.emptyTaggedFields();
                         }),
            {1, QStringLiteral("/127.0.0.1"), QStringLiteral("127.0.0.1:50000")},
            [&out](const WireResponse &r) { out = r; });
        apis.reset();
        QVERIFY(out && out->action == WireResponse::Action::Send);
        const QByteArray answerFrame = out->wholeFrame();
        WireReader r(answerFrame);
        r.int32();
        r.skipTaggedFields();
        const auto response = decodeMessage<DescribeLogDirsResponseData>(r, 4);
        QVERIFY(response && r.atEnd());
        QCOMPARE(response->error, ErrorCode::None);
        QCOMPARE(response->results.size(), qsizetype(1));
        const auto &dir = response->results.at(0);
        QCOMPARE(dir.logDir, QDir(dataDir.path()).absolutePath());
        QVERIFY2(dir.totalBytes > 0, qPrintable(QString::number(dir.totalBytes)));
        QVERIFY(dir.usableBytes >= 0 && dir.usableBytes <= dir.totalBytes);
        // __consumer_offsets (made at start) and t.
        QCOMPARE(dir.topics.size(), qsizetype(2));
        QCOMPARE(dir.topics.at(0).name, QStringLiteral("__consumer_offsets"));
        QCOMPARE(dir.topics.at(1).partitions.at(0).partitionSize,
            core->log().partitionInfo({QStringLiteral("t"), 0})->sizeBytes);
    }

    // ---- Malformed bodies ----

    // Every proper prefix of a valid body of the new versions, and a body whose array count lies, close the
    // connection with the API, the version and the reader's error.
    void truncatedAndGarbageBodiesClose_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("version");
        QTest::addColumn<QByteArray>("body");
        const auto add = [](ApiKey key, qint16 version, const QByteArray &body) {
            QTest::addRow("%s v%d", qPrintable(ApiKeys::name(qint16(key))), int(version))
                << int(key) << int(version) << body;
        };
        add(ApiKey::ApiVersions, 4,
            encodeMessage(ApiVersionsRequestData {QStringLiteral("n"), QStringLiteral("1")}, 4));
        add(ApiKey::DeleteRecords, 2, encodeMessage(DeleteRecordsRequest {{{QStringLiteral("t"), {{0, 1}}}}, 1000}, 2));
        add(ApiKey::InitProducerId, 5, encodeMessage(InitProducerIdRequest {std::nullopt, 1000, -1, -1}, 5));
        add(ApiKey::DescribeConfigs, 4,
            encodeMessage(
                DescribeConfigsRequestData {{{2, QStringLiteral("t"), QStringList {QStringLiteral("x")}}}, true, true},
                4));
        add(ApiKey::AlterConfigs, 2,
            encodeMessage(
                AlterConfigsRequestData {
                    {{2, QStringLiteral("t"), {{QStringLiteral("x"), QStringLiteral("1")}}}}, false},
                2));
        add(ApiKey::IncrementalAlterConfigs, 1,
            encodeMessage(
                IncrementalAlterConfigsRequestData {
                    {{2, QStringLiteral("t"), {{QStringLiteral("x"), 0, QStringLiteral("1")}}}}, false},
                1));
        add(ApiKey::CreatePartitions, 3,
            encodeMessage(
                CreatePartitionsRequestData {
                    {{QStringLiteral("t"), 3, QList<CreatePartitionsRequestData::Assignment> {{{0}}}}}, 1000, false},
                3));
        add(ApiKey::DescribeCluster, 2, encodeMessage(DescribeClusterRequestData {true, 1, false}, 2));
        add(ApiKey::DescribeLogDirs, 4,
            encodeMessage(
                DescribeLogDirsRequestData {QList<DescribeLogDirsRequestData::Topic> {{QStringLiteral("t"), {0}}}}, 4));
    }
    void truncatedAndGarbageBodiesClose()
    {
        QFETCH(int, key);
        QFETCH(int, version);
        QFETCH(QByteArray, body);
        const auto api = static_cast<ApiKey>(key);
        const QString prefix
            = QStringLiteral("malformed %1 v%2 request: ").arg(ApiKeys::name(qint16(key))).arg(version);
        WireBroker broker;
        QVERIFY(closeReason(broker, api, qint16(version), body).isEmpty()); // the whole body is answered
        for (qsizetype n = 0; n < body.size(); ++n) {
            const QString reason = closeReason(broker, api, qint16(version), body.left(n));
            QVERIFY2(reason.startsWith(prefix) && reason.size() > prefix.size(),
                qPrintable(QStringLiteral("%1 of %2 bytes: %3").arg(n).arg(body.size()).arg(reason)));
        }
        // A compact array count of 2^31 at the start of the body (ApiVersions: a string length).
        const QString reason = closeReason(broker, api, qint16(version), QByteArray::fromHex("ffffffff0f00"));
        QVERIFY2(reason.startsWith(prefix), qPrintable(reason));
    }
};

QTEST_GUILESS_MAIN(TestWireApisAdmin)
#include "tst_wireapis_admin.moc"
