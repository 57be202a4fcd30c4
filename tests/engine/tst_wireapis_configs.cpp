// The config APIs of KafkaApis at the versions of Kafka 4.1, driven with hand-built request frames (compact strings
// and arrays, tagged-field sections written here, not by the message descriptions) and answers read back:
// DescribeConfigs v3-v4 (synonyms, documentation, config types), AlterConfigs v2 and IncrementalAlterConfigs v0-v1
// with Kafka's checks; and DescribeConfigs v1 and AlterConfigs v1, non-flexible.
#include "broker/broker.h"
#include "log/logmanager.h"
#include "wire/adminmessages.h"
#include "wire/messagefields.h"
#include "wirebroker.h"

#include <QTest>
#include <functional>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;

namespace {

using Body = std::function<void(WireWriter &)>;
constexpr bool Compact = true;

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

class TestWireApisConfigs : public QObject {
    Q_OBJECT
private Q_SLOTS:
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

    // DescribeConfigs v1 and AlterConfigs v1 (non-flexible), as older clients send them.
    void describeConfigsOfTopicAndBroker()
    {
        WireBroker broker;
        TopicConfig config;
        config.retentionMs = 60000;
        QCOMPARE(broker.log->createTopic(QStringLiteral("t"), 1, config), ErrorCode::None);
        const auto request = [](qint8 type, const QString &name, const std::optional<QStringList> &keys) {
            return frame(32, 1, 1, [=](WireWriter &w) {
                w.arrayLength(1);
                w.int8(type);
                w.string(name);
                if (keys) {
                    w.arrayLength(keys->size());
                    for (const QString &k : *keys)
                        w.string(k);
                } else {
                    w.arrayLength(-1);
                }
                w.boolean(false);
            });
        };
        // "name=value source" lines of the single result.
        const auto linesOf = [&](const QByteArray &req, int *error) {
            QByteArray keep;
            WireReader r = broker.call(req, &keep);
            r.int32();
            r.arrayLength();
            *error = r.int16();
            r.nullableString();
            r.int8();
            r.string();
            QStringList lines;
            const int n = r.arrayLength();
            for (int i = 0; i < n; ++i) {
                const QString name = r.string();
                const QString value = r.nullableString().value_or(QStringLiteral("null"));
                r.boolean(); // read only
                const int source = r.int8();
                r.boolean(); // sensitive
                r.arrayLength(); // synonyms
                lines.append(QStringLiteral("%1=%2 %3").arg(name, value).arg(source));
            }
            return lines;
        };
        int error = -1;
        const QStringList topic
            = linesOf(request(2, QStringLiteral("t"),
                          QStringList {QStringLiteral("retention.ms"), QStringLiteral("retention.bytes")}),
                &error);
        QCOMPARE(error, 0);
        QCOMPARE(topic, (QStringList {QStringLiteral("retention.bytes=-1 5"), QStringLiteral("retention.ms=60000 1")}));
        QVERIFY(linesOf(request(2, QStringLiteral("t"), std::nullopt), &error).size() >= 4);
        linesOf(request(2, QStringLiteral("missing"), std::nullopt), &error);
        QCOMPARE(error, 3);
        QCOMPARE(linesOf(request(4, QStringLiteral("0"), QStringList {QStringLiteral("num.partitions")}), &error),
            QStringList {QStringLiteral("num.partitions=1 4")});
    }

    void alterConfigsReplacesTheTopicConfig()
    {
        WireBroker broker;
        TopicConfig config;
        config.retentionBytes = 1000;
        broker.log->createTopic(QStringLiteral("t"), 1, config);
        const auto alter = [](const QString &topic, const QString &name, const QString &value) {
            return frame(33, 1, 1, [=](WireWriter &w) {
                w.arrayLength(1);
                w.int8(2);
                w.string(topic);
                w.arrayLength(1);
                w.string(name);
                w.nullableString(value);
                w.boolean(false);
            });
        };
        const auto errorOf = [&](const QByteArray &request) {
            QByteArray keep;
            WireReader r = broker.call(request, &keep);
            r.int32();
            r.arrayLength();
            return int(r.int16());
        };
        QCOMPARE(errorOf(alter(QStringLiteral("t"), QStringLiteral("retention.ms"), QStringLiteral("5000"))), 0);
        const TopicConfig altered = broker.log->describeTopic(QStringLiteral("t"))->config;
        QCOMPARE(altered.retentionMs, 5000);
        QCOMPARE(altered.retentionBytes, -1); // not listed: back to the default, as Kafka's AlterConfigs does
        QCOMPARE(errorOf(alter(QStringLiteral("t"), QStringLiteral("no.such.config"), QStringLiteral("1"))), 40);
        QCOMPARE(errorOf(alter(QStringLiteral("missing"), QStringLiteral("retention.ms"), QStringLiteral("1"))), 3);
    }
};

QTEST_GUILESS_MAIN(TestWireApisConfigs)
#include "tst_wireapis_configs.moc"
