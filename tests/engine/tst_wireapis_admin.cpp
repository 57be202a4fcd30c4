// The admin APIs of KafkaApis at the versions of Kafka 4.1, flexible ones included, driven with hand-built request
// frames (compact strings and arrays, tagged-field sections written here, not by the message descriptions) and
// answers read back: ApiVersions v4, DeleteRecords v2, InitProducerId v3-v5 (KIP-360 fields), DescribeConfigs v3-v4
// (synonyms, documentation, config types), AlterConfigs v2 and IncrementalAlterConfigs v0-v1 with Kafka's checks,
// CreatePartitions v2-v3 with manual assignments, DescribeCluster v0-v2 and DescribeLogDirs v0-v4 (in memory and on
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

// The response body to one request, after the response header of the version Kafka uses for it; empty when the
// broker did not answer at once with a frame.
QByteArray answerBody(WireBroker &broker, ApiKey key, qint16 version, const Body &body)
{
    const auto k = static_cast<qint16>(key);
    const auto response = broker.send(headerAwareFrame(k, version, body));
    if (!response->has_value() || (*response)->action != WireResponse::Action::Send) {
        qWarning() << "no answer" << (response->has_value() ? (*response)->reason : QString());
        return {};
    }
    const QByteArray answerFrame = (*response)->wholeFrame();
    WireReader r(answerFrame);
    r.int32(); // correlation id
    if (ApiKeys::responseHeaderVersion(k, version) >= 1)
        r.skipTaggedFields();
    return answerFrame.mid(r.position());
}

// The same, decoded; nullopt unless the body decodes to exactly its length.
template <class Response> std::optional<Response> answer(WireBroker &broker, qint16 version, const Body &body)
{
    const QByteArray bytes = answerBody(broker, Response::apiKey, version, body);
    WireReader r(bytes);
    auto decoded = decodeMessage<Response>(r, version);
    if (!decoded || !r.atEnd())
        return std::nullopt;
    return decoded;
}

// The reason the broker closed the connection for this request; empty when it did not close it.
QString closeReason(WireBroker &broker, ApiKey key, qint16 version, const QByteArray &body)
{
    const auto response
        = broker.send(headerAwareFrame(static_cast<qint16>(key), version, [&](WireWriter &w) { w.raw(body); }));
    if (!response->has_value() || (*response)->action != WireResponse::Action::Close)
        return {};
    return (*response)->reason;
}

QString configsOf(WireBroker &broker, const QString &topic)
{
    QStringList out;
    const QMap<QString, QString> configs = broker.log->describeTopic(topic)->config.toKafkaConfigs();
    for (auto it = configs.cbegin(); it != configs.cend(); ++it)
        out.append(it.key() + QLatin1Char('=') + it.value());
    return out.join(QLatin1Char(' '));
}

QString dump(const DescribeConfigsResponseData::Config &c)
{
    QStringList synonyms;
    for (const auto &s : c.synonyms)
        synonyms.append(QStringLiteral("%1:%2=%3").arg(s.source).arg(s.name, s.value.value_or(QStringLiteral("null"))));
    return QStringLiteral("%1=%2 source=%3 type=%4 readOnly=%5 synonyms=[%6] doc=%7")
        .arg(c.name, c.value.value_or(QStringLiteral("null")))
        .arg(c.configSource)
        .arg(c.configType)
        .arg(int(c.readOnly))
        .arg(synonyms.join(QStringLiteral(", ")))
        .arg(c.documentation ? QStringLiteral("yes") : QStringLiteral("null"));
}

// One IncrementalAlterConfigs operation per "OP name=value" item ("OP name" for a null value), ';'-separated.
QList<IncrementalAlterConfigsRequestData::Config> operations(const QString &spec)
{
    const QMap<QString, qint8> ids {{QStringLiteral("SET"), 0}, {QStringLiteral("DELETE"), 1},
        {QStringLiteral("APPEND"), 2}, {QStringLiteral("SUBTRACT"), 3}, {QStringLiteral("OP7"), 7}};
    QList<IncrementalAlterConfigsRequestData::Config> out;
    for (const QString &item : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList words = item.trimmed().split(QLatin1Char(' '));
        const QString setting = words.value(1);
        IncrementalAlterConfigsRequestData::Config op;
        op.configOperation = ids.value(words.constFirst());
        op.name = setting.section(QLatin1Char('='), 0, 0);
        if (setting.contains(QLatin1Char('=')))
            op.value = setting.section(QLatin1Char('='), 1);
        out.append(op);
    }
    return out;
}

// An IncrementalAlterConfigs body written by hand: v0 classic, v1 compact with tagged-field sections.
Body incrementalBody(qint16 version, qint8 type, const QString &name,
    const QList<IncrementalAlterConfigsRequestData::Config> &ops, bool validateOnly = false)
{
    const bool c = version >= 1;
    return [=](WireWriter &w) {
        w.arrayLength(1, c);
        w.int8(type);
        w.string(name, c);
        w.arrayLength(ops.size(), c);
        for (const auto &op : ops) {
            w.string(op.name, c);
            w.int8(op.configOperation);
            w.nullableString(op.value, c);
            if (c)
                w.emptyTaggedFields();
        }
        if (c)
            w.emptyTaggedFields();
        w.boolean(validateOnly);
        if (c)
            w.emptyTaggedFields();
    };
}

Body describeConfigsV4Body(
    qint8 type, const QString &name, const std::optional<QStringList> &keys, bool synonyms, bool documentation)
{
    return [=](WireWriter &w) {
        w.arrayLength(1, Compact);
        w.int8(type);
        w.string(name, Compact);
        w.arrayLength(keys ? keys->size() : -1, Compact);
        for (const QString &key : keys.value_or(QStringList {}))
            w.string(key, Compact);
        w.emptyTaggedFields();
        w.boolean(synonyms);
        w.boolean(documentation);
        w.emptyTaggedFields();
    };
}

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
        WireReader r(frame.mid(4));
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

    // ---- DescribeConfigs ----

    void describeConfigsV4SynonymsDocumentationAndTypes()
    {
        WireBroker broker;
        TopicConfig config;
        config.retentionMs = 60000;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1, config), ErrorCode::None);
        const auto topic = answer<DescribeConfigsResponseData>(
            broker, 4, describeConfigsV4Body(2, QStringLiteral("t"), QStringList {}, true, true)); // empty list: all
        QVERIFY(topic);
        QCOMPARE(topic->results.size(), qsizetype(1));
        QCOMPARE(topic->results.at(0).error, ErrorCode::None);
        QStringList lines;
        for (const auto &c : topic->results.at(0).configs)
            lines.append(dump(c));
        QCOMPARE(lines,
            (QStringList {
                QStringLiteral("cleanup.policy=delete source=5 type=7 readOnly=0 "
                               "synonyms=[5:log.cleanup.policy=delete] doc=yes"),
                QStringLiteral("delete.retention.ms=86400000 source=5 type=5 readOnly=0 "
                               "synonyms=[5:log.cleaner.delete.retention.ms=86400000] doc=yes"),
                QStringLiteral("max.message.bytes=1048588 source=5 type=3 readOnly=0 "
                               "synonyms=[5:message.max.bytes=1048588] doc=yes"),
                QStringLiteral("message.timestamp.type=CreateTime source=5 type=2 readOnly=0 "
                               "synonyms=[5:log.message.timestamp.type=CreateTime] doc=yes"),
                QStringLiteral("min.cleanable.dirty.ratio=0.5 source=5 type=6 readOnly=0 "
                               "synonyms=[5:log.cleaner.min.cleanable.ratio=0.5] doc=yes"),
                QStringLiteral("retention.bytes=-1 source=5 type=5 readOnly=0 "
                               "synonyms=[5:log.retention.bytes=-1] doc=yes"),
                QStringLiteral("retention.ms=60000 source=1 type=5 readOnly=0 "
                               "synonyms=[1:retention.ms=60000, 5:log.retention.hours=168] doc=yes"),
                QStringLiteral("segment.bytes=1073741824 source=5 type=3 readOnly=0 "
                               "synonyms=[5:log.segment.bytes=1073741824] doc=yes"),
                QStringLiteral("segment.ms=604800000 source=5 type=5 readOnly=0 "
                               "synonyms=[5:log.roll.hours=168] doc=yes"),
            }));

        // Broker 0: the start-up settings, read-only, STATIC_BROKER_CONFIG before Kafka's default. No synonyms and
        // no documentation unless asked for; the type is there from v3 on.
        const auto brokerConfigs = answer<DescribeConfigsResponseData>(
            broker, 4, describeConfigsV4Body(4, QStringLiteral("0"), std::nullopt, true, false));
        QVERIFY(brokerConfigs);
        lines.clear();
        for (const auto &c : brokerConfigs->results.at(0).configs)
            lines.append(dump(c));
        QCOMPARE(lines,
            (QStringList {
                QStringLiteral("auto.create.topics.enable=true source=4 type=1 readOnly=1 "
                               "synonyms=[4:auto.create.topics.enable=true, 5:auto.create.topics.enable=true] "
                               "doc=null"),
                QStringLiteral("num.partitions=1 source=4 type=3 readOnly=1 "
                               "synonyms=[4:num.partitions=1, 5:num.partitions=1] doc=null"),
                QStringLiteral("default.replication.factor=1 source=4 type=3 readOnly=1 "
                               "synonyms=[4:default.replication.factor=1, 5:default.replication.factor=1] doc=null"),
            }));
        const auto bare = answer<DescribeConfigsResponseData>(broker, 4,
            describeConfigsV4Body(2, QStringLiteral("t"), QStringList {QStringLiteral("retention.ms")}, false, false));
        QVERIFY(bare);
        QCOMPARE(dump(bare->results.at(0).configs.at(0)),
            QStringLiteral("retention.ms=60000 source=1 type=5 readOnly=0 synonyms=[] doc=null"));
    }

    // v3 is the last classic version: the same fields, classic encodings.
    void describeConfigsV3Classic()
    {
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        const auto response = answer<DescribeConfigsResponseData>(broker, 3, [](WireWriter &w) {
            w.arrayLength(1);
            w.int8(2);
            w.string(QStringLiteral("t"));
            w.arrayLength(1);
            w.string(QStringLiteral("message.timestamp.type"));
            w.boolean(false);
            w.boolean(true);
        });
        QVERIFY(response);
        QCOMPARE(response->results.at(0).configs.size(), qsizetype(1));
        QCOMPARE(dump(response->results.at(0).configs.at(0)),
            QStringLiteral("message.timestamp.type=CreateTime source=5 type=2 readOnly=0 synonyms=[] doc=yes"));
    }

    void describeConfigsErrors_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        QTest::addRow("unknown topic") << 2 << "missing" << 3 << "topic 'missing' does not exist";
        QTest::addRow("invalid topic name") << 2 << "a/b" << 17 << "";
        QTest::addRow("cluster-wide broker defaults: none") << 4 << "" << 0 << "";
        QTest::addRow("another broker") << 4 << "1" << 42
                                        << "Unexpected broker id, expected 0 or empty string, but received 1";
        QTest::addRow("broker id not a number") << 4 << "zero" << 42 << "Broker id must be an integer, but it is: zero";
        QTest::addRow("group configs") << 32 << "g" << 42 << "resource type 32 has no configs here";
        QTest::addRow("unknown resource type") << 9 << "x" << 42 << "Unknown resource type 9";
    }
    void describeConfigsErrors()
    {
        QFETCH(int, type);
        QFETCH(QString, name);
        QFETCH(int, error);
        QFETCH(QString, message);
        WireBroker broker;
        const auto response = answer<DescribeConfigsResponseData>(
            broker, 4, describeConfigsV4Body(qint8(type), name, std::nullopt, true, true));
        QVERIFY(response);
        const auto &result = response->results.at(0);
        QCOMPARE(int(result.error), error);
        QVERIFY(result.configs.isEmpty());
        QCOMPARE(result.resourceName, name);
        if (!message.isEmpty())
            QCOMPARE(result.errorMessage.value_or(QString()), message);
        QCOMPARE(result.errorMessage.has_value(), error != 0);
    }

    // ---- AlterConfigs ----

    void alterConfigsV2FlexibleWithKafkasChecks()
    {
        WireBroker broker;
        TopicConfig config;
        config.retentionBytes = 1000;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1, config), ErrorCode::None);
        struct Resource {
            qint8 type;
            QString name;
            QList<std::pair<QString, std::optional<QString>>> configs;
        };
        const auto alter = [&](const QList<Resource> &resources, bool validateOnly) {
            return answer<AlterConfigsResponseData>(broker, 2, [=](WireWriter &w) {
                w.arrayLength(resources.size(), Compact);
                for (const Resource &resource : resources) {
                    w.int8(resource.type);
                    w.string(resource.name, Compact);
                    w.arrayLength(resource.configs.size(), Compact);
                    for (const auto &[name, value] : resource.configs) {
                        w.string(name, Compact);
                        w.nullableString(value, Compact);
                        w.emptyTaggedFields();
                    }
                    w.emptyTaggedFields();
                }
                w.boolean(validateOnly);
                w.emptyTaggedFields();
            });
        };
        const auto results = [](const std::optional<AlterConfigsResponseData> &response) {
            QStringList out;
            for (const auto &r : response.value_or(AlterConfigsResponseData {}).responses)
                out.append(QStringLiteral("%1 %2: %3 %4")
                               .arg(r.resourceType)
                               .arg(r.resourceName)
                               .arg(int(r.error))
                               .arg(r.errorMessage.value_or(QStringLiteral("null"))));
            return out;
        };
        const QString retention = QStringLiteral("retention.ms");
        // validate_only checks and changes nothing; then the same for real (unlisted settings back to default).
        QCOMPARE(results(alter({{2, QStringLiteral("t"), {{retention, QStringLiteral("5000")}}}}, true)),
            QStringList {QStringLiteral("2 t: 0 null")});
        QCOMPARE(configsOf(broker, QStringLiteral("t")),
            QStringLiteral("cleanup.policy=delete delete.retention.ms=86400000 max.message.bytes=1048588 "
                           "message.timestamp.type=CreateTime min.cleanable.dirty.ratio=0.5 retention.bytes=1000 "
                           "retention.ms=604800000 segment.bytes=1073741824 segment.ms=604800000"));
        QCOMPARE(results(alter({{2, QStringLiteral("t"), {{retention, QStringLiteral("5000")}}}}, false)),
            QStringList {QStringLiteral("2 t: 0 null")});
        QCOMPARE(configsOf(broker, QStringLiteral("t")),
            QStringLiteral("cleanup.policy=delete delete.retention.ms=86400000 max.message.bytes=1048588 "
                           "message.timestamp.type=CreateTime min.cleanable.dirty.ratio=0.5 retention.bytes=-1 "
                           "retention.ms=5000 segment.bytes=1073741824 segment.ms=604800000"));

        QCOMPARE(results(alter({{2, QStringLiteral("t"), {{retention, QStringLiteral("1")}}},
                                   {2, QStringLiteral("t"), {}}, {2, QStringLiteral("u"), {}}},
                     false)),
            (QStringList {QStringLiteral("2 t: 42 Each resource must appear at most once."),
                QStringLiteral("2 t: 42 Each resource must appear at most once."),
                QStringLiteral("2 u: 3 topic 'u' does not exist")}));
        QCOMPARE(results(alter(
                     {{2, QStringLiteral("t"), {{retention, QStringLiteral("1")}, {retention, QStringLiteral("2")}}}},
                     false)),
            QStringList {QStringLiteral("2 t: 42 Error due to duplicate config keys")});
        QCOMPARE(results(alter({{2, QStringLiteral("t"), {{retention, std::nullopt}}}}, false)),
            QStringList {QStringLiteral("2 t: 42 Null value not supported for : retention.ms")});
        // The settings are checked before the topic's existence, as Kafka's controller does.
        QCOMPARE(results(alter({{2, QStringLiteral("u"), {{retention, QStringLiteral("x")}}}}, false)),
            QStringList {QStringLiteral("2 u: 40 invalid value 'x' for retention.ms: expected a number >= -1")});
        QCOMPARE(results(alter({{2, QString(), {}}}, false)),
            QStringList {QStringLiteral("2 : 42 Default topic resources are not allowed.")});
        QCOMPARE(results(alter(
                     {{4, QStringLiteral("0"), {{QStringLiteral("num.partitions"), QStringLiteral("3")}}}}, false)),
            QStringList {QStringLiteral("4 0: 42 Cannot update these configs dynamically: Set(num.partitions)")});
        QCOMPARE(results(alter({{4, QStringLiteral("2"), {}}}, false)),
            QStringList {QStringLiteral("4 2: 42 Unexpected broker id, expected 0, but received 2")});
        QCOMPARE(results(alter({{8, QStringLiteral("0"), {}}}, false)),
            QStringList {QStringLiteral("8 0: 42 resource type 8 has no configs here")});
        QCOMPARE(configsOf(broker, QStringLiteral("t")),
            QStringLiteral("cleanup.policy=delete delete.retention.ms=86400000 max.message.bytes=1048588 "
                           "message.timestamp.type=CreateTime min.cleanable.dirty.ratio=0.5 retention.bytes=-1 "
                           "retention.ms=5000 segment.bytes=1073741824 segment.ms=604800000"));
    }

    // ---- IncrementalAlterConfigs ----

    // The operations apply to the topic's settings as they are (unlike AlterConfigs, unnamed settings stay), in
    // Kafka's rules; a failing resource changes nothing.
    void incrementalAlterConfigsOnATopic_data()
    {
        QTest::addColumn<QString>("ops");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("after");
        const QString unchanged = QStringLiteral(
            "cleanup.policy=delete delete.retention.ms=86400000 max.message.bytes=1048588 "
            "message.timestamp.type=CreateTime min.cleanable.dirty.ratio=0.5 "
            "retention.bytes=1000 retention.ms=604800000 segment.bytes=1073741824 segment.ms=604800000");
        QTest::addRow("SET keeps the other settings")
            << "SET retention.ms=5000" << 0 << ""
            << "cleanup.policy=delete delete.retention.ms=86400000 max.message.bytes=1048588 "
               "message.timestamp.type=CreateTime min.cleanable.dirty.ratio=0.5 retention.bytes=1000 retention.ms=5000 "
               "segment.bytes=1073741824 segment.ms=604800000";
        QTest::addRow("several, in order")
            << "SET retention.ms=1; SET message.timestamp.type=LogAppendTime" << 0 << ""
            << "cleanup.policy=delete delete.retention.ms=86400000 max.message.bytes=1048588 "
               "message.timestamp.type=LogAppendTime min.cleanable.dirty.ratio=0.5 "
               "retention.bytes=1000 retention.ms=1 segment.bytes=1073741824 segment.ms=604800000";
        QTest::addRow("DELETE returns to the default")
            << "DELETE retention.bytes" << 0 << ""
            << "cleanup.policy=delete delete.retention.ms=86400000 max.message.bytes=1048588 "
               "message.timestamp.type=CreateTime min.cleanable.dirty.ratio=0.5 retention.bytes=-1 "
               "retention.ms=604800000 "
               "segment.bytes=1073741824 segment.ms=604800000";
        QTest::addRow("DELETE with a value")
            << "DELETE retention.bytes=7" << 0 << ""
            << "cleanup.policy=delete delete.retention.ms=86400000 max.message.bytes=1048588 "
               "message.timestamp.type=CreateTime min.cleanable.dirty.ratio=0.5 "
               "retention.bytes=-1 retention.ms=604800000 segment.bytes=1073741824 segment.ms=604800000";
        QTest::addRow("DELETE of an unknown name is a no-op") << "DELETE no.such.config" << 0 << "" << unchanged;
        QTest::addRow("SET of an unknown name")
            << "SET no.such.config=1" << 40 << "unknown topic config 'no.such.config'" << unchanged;
        QTest::addRow("SET of a bad value")
            << "SET max.message.bytes=-5" << 40 << "invalid value '-5' for max.message.bytes: expected 0..2147483647"
            << unchanged;
        // cleanup.policy is a topic's one LIST setting: APPEND adds an item once, SUBTRACT removes it.
        QTest::addRow("APPEND to cleanup.policy") << "APPEND cleanup.policy=compact" << 0 << ""
                                                  << QString(unchanged).replace(QStringLiteral("cleanup.policy=delete"),
                                                         QStringLiteral("cleanup.policy=compact,delete"));
        QTest::addRow("SUBTRACT from cleanup.policy")
            << "SUBTRACT cleanup.policy=delete" << 40
            << "invalid value '' for cleanup.policy: expected compact, delete or compact,delete" << unchanged;
        QTest::addRow("APPEND to a non-list")
            << "APPEND retention.ms=1" << 40 << "Can't APPEND to key retention.ms because its type is not LIST."
            << unchanged;
        QTest::addRow("SUBTRACT from a non-list")
            << "SUBTRACT message.timestamp.type=CreateTime" << 40
            << "Can't SUBTRACT to key message.timestamp.type because its type is not LIST." << unchanged;
        QTest::addRow("APPEND to an unknown name")
            << "APPEND no.such.config=a" << 40 << "Can't APPEND to key no.such.config because its type is not LIST."
            << unchanged;
        QTest::addRow("a later failure undoes nothing") << "SET retention.ms=5; APPEND retention.bytes=1" << 40
                                                        << "Can't APPEND to key retention.bytes because its type is "
                                                           "not LIST."
                                                        << unchanged;
        QTest::addRow("unknown operation") << "OP7 retention.ms=1" << 42 << "Unknown operations type 7" << unchanged;
        QTest::addRow("SET without a value")
            << "SET retention.ms" << 42 << "Null value not supported for : retention.ms" << unchanged;
        QTest::addRow("a name twice") << "SET retention.ms=1; DELETE retention.ms" << 42
                                      << "Error due to duplicate config keys" << unchanged;
    }
    void incrementalAlterConfigsOnATopic()
    {
        QFETCH(QString, ops);
        QFETCH(int, error);
        QFETCH(QString, message);
        QFETCH(QString, after);
        for (const qint16 version : {qint16(0), qint16(1)}) {
            WireBroker broker;
            TopicConfig config;
            config.retentionBytes = 1000;
            QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1, config), ErrorCode::None);
            const auto response = answer<IncrementalAlterConfigsResponseData>(
                broker, version, incrementalBody(version, 2, QStringLiteral("t"), operations(ops)));
            QVERIFY(response);
            QCOMPARE(response->responses.size(), qsizetype(1));
            const ConfigResourceResult &result = response->responses.at(0);
            QCOMPARE(result.resourceType, qint8(2));
            QCOMPARE(result.resourceName, QStringLiteral("t"));
            QCOMPARE(int(result.error), error);
            QCOMPARE(result.errorMessage.value_or(QString()), message);
            QCOMPARE(configsOf(broker, QStringLiteral("t")), after);
        }
    }

    void incrementalAlterConfigsResourcesAndValidateOnly()
    {
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        const auto alter = [&](qint8 type, const QString &name, const QString &ops, bool validateOnly = false) {
            const auto response = answer<IncrementalAlterConfigsResponseData>(
                broker, 1, incrementalBody(1, type, name, operations(ops), validateOnly));
            if (!response || response->responses.size() != 1)
                return QStringLiteral("no answer");
            const ConfigResourceResult &r = response->responses.at(0);
            return QStringLiteral("%1 %2").arg(int(r.error)).arg(r.errorMessage.value_or(QStringLiteral("null")));
        };
        QCOMPARE(alter(2, QStringLiteral("t"), QStringLiteral("SET retention.ms=5"), true), QStringLiteral("0 null"));
        QCOMPARE(broker.log->describeTopic(QStringLiteral("t"))->config.retentionMs, 7LL * 24 * 3600 * 1000);
        QCOMPARE(alter(2, QStringLiteral("missing"), QStringLiteral("SET retention.ms=5")),
            QStringLiteral("3 topic 'missing' does not exist"));
        QCOMPARE(alter(2, QStringLiteral("missing"), QStringLiteral("SET retention.ms=x")),
            QStringLiteral("40 invalid value 'x' for retention.ms: expected a number >= -1"));
        QCOMPARE(alter(2, QStringLiteral("a b"), QStringLiteral("SET retention.ms=5")).left(3), QStringLiteral("17 "));
        // Broker 0's settings are fixed while it runs: Kafka's answer for its static settings.
        QCOMPARE(alter(4, QStringLiteral("0"), QStringLiteral("SET num.partitions=3")),
            QStringLiteral("42 Cannot update these configs dynamically: Set(num.partitions)"));
        QCOMPARE(alter(4, QString(), QStringLiteral("SET auto.create.topics.enable=false; SET num.partitions=3")),
            QStringLiteral(
                "42 Cannot update these configs dynamically: Set(auto.create.topics.enable, num.partitions)"));
        QCOMPARE(alter(4, QStringLiteral("0"), QStringLiteral("DELETE num.partitions")), QStringLiteral("0 null"));
        QCOMPARE(alter(4, QStringLiteral("0"), QStringLiteral("APPEND num.partitions=3")),
            QStringLiteral("40 Config value append is not allowed for config key: num.partitions"));
        QCOMPARE(alter(4, QStringLiteral("0"), QStringLiteral("SUBTRACT log.dirs=/x")),
            QStringLiteral("40 Unknown config name: log.dirs"));
        QCOMPARE(alter(4, QStringLiteral("1"), QStringLiteral("DELETE num.partitions")),
            QStringLiteral("42 Unexpected broker id, expected 0, but received 1"));
        QCOMPARE(alter(4, QStringLiteral("one"), QString()),
            QStringLiteral("42 Node id must be an integer, but it is: one"));
        QCOMPARE(alter(16, QStringLiteral("m"), QString()), QStringLiteral("42 resource type 16 has no configs here"));
        QCOMPARE(alter(0, QStringLiteral("x"), QString()), QStringLiteral("42 Unknown resource type 0"));
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
