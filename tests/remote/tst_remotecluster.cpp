// The embedded broker started as a separate headless process and explored as a remote Kafka cluster through
// RemoteCluster (librdkafka): topics, partitions and their offsets, a consumer group made by a librdkafka consumer
// (state, members with client id and host, assignment, committed offsets, lag), create/delete topic, add partitions,
// topic configs, produce with key and headers read back at the right partition and offset, offsets by timestamp,
// offset resets only for an Empty group. Then the errors: a wrong port, a property librdkafka refuses, a malformed
// properties file, and `topicscope --headless --bootstrap-server ... --describe`.
// Built twice (tests/CMakeLists.txt): against Debian's librdkafka 2.0.2, and as tst_remotecluster_rdkafka215 against
// 2.15.1, where the offsets come from the Admin ListOffsets, a config edit from IncrementalAlterConfigs and a
// consumer-protocol group (KIP-848) is described as one. Each asserts what its version does.
#include "client/murmur2.h"
#include "groupconsumer.h"
#include "interopbroker.h"
#include "remote/clusterdescription.h"
#include "remoteclusterfixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <arpa/inet.h>
#include <librdkafka/rdkafka.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace topicscope;
using namespace topicscope::engine;
using namespace topicscope::remotetest;

namespace {

MessageQuery page(const QString &topic, int partition, qint64 offset, int maxRecords)
{
    MessageQuery q;
    q.topic = topic;
    q.partition = partition;
    q.offset = offset;
    q.maxRecords = maxRecords;
    return q;
}

} // namespace

class TestRemoteCluster : public QObject {
    Q_OBJECT
private:
    interoptest::InteropBroker m_broker;

private Q_SLOTS:
    void initTestCase()
    {
        const QString mismatch = librdkafkaMismatch();
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        // The newer Admin APIs this build uses, each from the librdkafka version that added it.
        const QString capabilities = RdKafkaClient::capabilities();
        qInfo().noquote() << capabilities;
        const int v = RdKafkaClient::compiledVersion();
        QCOMPARE(capabilities.contains(QStringLiteral("IncrementalAlterConfigs")), v >= 0x020200ff);
        QCOMPARE(capabilities.contains(QStringLiteral("ListOffsets")), v >= 0x020300ff);
        QCOMPARE(capabilities.contains(QStringLiteral("consumer group types")), v >= 0x020a00ff);
        QString error;
        QVERIFY2(m_broker.start({QStringLiteral("--group-initial-rebalance-delay-ms"), QStringLiteral("0")}, &error),
            qPrintable(error));
    }

    void cleanupTestCase() { m_broker.stop(); }

    void topicsMessagesAndOffsets()
    {
        RemoteCluster cluster(optionsFor(m_broker.bootstrap()));
        const auto [ok, error] = waitForStart(cluster);
        QVERIFY2(ok, qPrintable(error));
        BrokerSnapshot last;
        QVERIFY2(waitForSnapshot(
                     cluster, [](const BrokerSnapshot &s) { return s.brokers.size() == 1; }, 15000, &last),
            qPrintable(last.connectionError));
        QCOMPARE(last.brokers.constFirst().port, m_broker.port());

        QCOMPARE(waitForCommand(cluster, cluster.createTopic(QStringLiteral("orders"), 3)), (std::pair {0, QString()}));
        const auto created = waitForSnapshot(cluster, [](const BrokerSnapshot &s) {
            const TopicInfo *t = findTopic(s, QStringLiteral("orders"));
            return t && t->partitions.size() == 3;
        });
        QVERIFY(created);
        for (const PartitionInfo &p : findTopic(*created, QStringLiteral("orders"))->partitions) {
            QCOMPARE(p.leader, created->brokers.constFirst().id);
            QCOMPARE(p.logEndOffset, 0);
        }
        // Creating it again is Kafka's TOPIC_ALREADY_EXISTS, in plain words.
        const auto again = waitForCommand(cluster, cluster.createTopic(QStringLiteral("orders"), 3));
        QCOMPARE(again.first, static_cast<int>(ErrorCode::TopicAlreadyExists));
        QVERIFY(!again.second.isEmpty());

        // Five keyed records with a header: all to murmur2("user-1") % 3, as the preview says.
        const qint64 before = QDateTime::currentMSecsSinceEpoch() - 1000;
        ProduceRequest keyed;
        keyed.topic = QStringLiteral("orders");
        keyed.key = QStringLiteral("user-1");
        keyed.value = QStringLiteral("hello {i}");
        keyed.headers = {{"trace", QByteArray("abc")}};
        keyed.count = 5;
        const int expected = Murmur2::partitionFor("user-1", 3);
        const auto preview = waitForAnswer<decltype(&ClusterClient::partitionPreviewed), PartitionPreview>(
            cluster, &ClusterClient::partitionPreviewed, cluster.previewPartition(keyed));
        QVERIFY(preview);
        QCOMPARE(preview->partition, expected);
        QCOMPARE(preview->partitionCount, 3);
        ProduceReport report;
        const quint64 produceId = cluster.produce(keyed);
        const auto done = [&] {
            std::optional<ProduceReport> finished;
            const auto c
                = connect(&cluster, &ClusterClient::produceProgress, this, [&](quint64 id, const ProduceReport &r) {
                      if (id == produceId && r.finished)
                          finished = r;
                  });
            QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 20000);
            disconnect(c);
            report = *finished;
        };
        done();
        QCOMPARE(report.sent, 5);
        QCOMPARE(report.failed, 0);
        QCOMPARE(report.lastPartition, expected);
        QCOMPARE(report.lastOffset, 4);

        const auto first = waitForAnswer<decltype(&ClusterClient::messagesFetched), MessagePage>(cluster,
            &ClusterClient::messagesFetched, cluster.fetchMessages(page(QStringLiteral("orders"), expected, 0, 10)));
        QVERIFY(first);
        QCOMPARE(first->error, 0);
        QCOMPARE(first->rows.size(), 5);
        QCOMPARE(first->logEndOffset, 5);
        QCOMPARE(first->nextOffset, 5);
        for (int i = 0; i < 5; ++i) {
            const MessageRow &row = first->rows.at(i);
            QCOMPARE(row.partition, expected);
            QCOMPARE(row.offset, i);
            QCOMPARE(row.key, std::optional<QByteArray>("user-1"));
            QCOMPARE(row.value, std::optional<QByteArray>(QStringLiteral("hello %1").arg(i).toUtf8()));
            QCOMPARE(row.headers, (QList<RecordHeader> {{"trace", QByteArray("abc")}}));
            QVERIFY(row.timestamp >= before);
        }
        // A page from the middle, and a filtered scan.
        const auto middle = waitForAnswer<decltype(&ClusterClient::messagesFetched), MessagePage>(cluster,
            &ClusterClient::messagesFetched, cluster.fetchMessages(page(QStringLiteral("orders"), expected, 3, 1)));
        QVERIFY(middle);
        QCOMPARE(middle->rows.size(), 1);
        QCOMPARE(middle->rows.constFirst().offset, 3);
        QCOMPARE(middle->nextOffset, 4);
        MessageQuery filtered = page(QStringLiteral("orders"), expected, 0, 10);
        filtered.filter = QStringLiteral("hello 2");
        const auto found = waitForAnswer<decltype(&ClusterClient::messagesFetched), MessagePage>(
            cluster, &ClusterClient::messagesFetched, cluster.fetchMessages(filtered));
        QVERIFY(found);
        QCOMPARE(found->rows.size(), 1);
        QCOMPARE(found->rows.constFirst().offset, 2);

        // By timestamp: earliest, a time before the records (their first offset), and the future (none).
        const auto lookup = [&](qint64 timestamp) {
            return waitForAnswer<decltype(&ClusterClient::offsetsLookedUp), OffsetLookup>(
                cluster, &ClusterClient::offsetsLookedUp, cluster.lookupOffsets(QStringLiteral("orders"), timestamp));
        };
        QCOMPARE(lookup(-2)->offsets, (QList<qint64> {0, 0, 0}));
        QList<qint64> latest {0, 0, 0};
        latest[expected] = 5;
        QCOMPARE(lookup(-1)->offsets, latest);
        QList<qint64> fromBefore {-1, -1, -1};
        fromBefore[expected] = 0;
        QCOMPARE(lookup(before)->offsets, fromBefore);
        QCOMPARE(lookup(QDateTime::currentMSecsSinceEpoch() + 3600000)->offsets, (QList<qint64> {-1, -1, -1}));

        // The snapshot's offsets follow.
        QVERIFY(waitForSnapshot(cluster, [expected](const BrokerSnapshot &s) {
            const TopicInfo *t = findTopic(s, QStringLiteral("orders"));
            return t && t->partitions.at(expected).logEndOffset == 5;
        }));

        // More partitions, a config change, then the topic goes.
        QCOMPARE(waitForCommand(cluster, cluster.createPartitions(QStringLiteral("orders"), 4)).first, 0);
        QVERIFY(waitForSnapshot(cluster, [](const BrokerSnapshot &s) {
            const TopicInfo *t = findTopic(s, QStringLiteral("orders"));
            return t && t->partitions.size() == 4;
        }));
        const TopicConfig defaults; // the topic was created with them
        TopicConfig config = defaults;
        config.retentionMs = 3600000;
        QCOMPARE(
            waitForCommand(cluster, cluster.alterTopicConfig(QStringLiteral("orders"), config, defaults)).first, 0);
        QVERIFY(waitForSnapshot(cluster, [](const BrokerSnapshot &s) {
            const TopicInfo *t = findTopic(s, QStringLiteral("orders"));
            return t && t->config.retentionMs == 3600000;
        }));
        QCOMPARE(waitForCommand(cluster, cluster.deleteTopic(QStringLiteral("orders"))).first, 0);
        QVERIFY(waitForSnapshot(cluster,
            [](const BrokerSnapshot &s) { return !s.brokers.isEmpty() && !findTopic(s, QStringLiteral("orders")); }));
        const auto gone = waitForCommand(cluster, cluster.deleteTopic(QStringLiteral("orders")));
        QCOMPARE(gone.first, static_cast<int>(ErrorCode::UnknownTopicOrPartition));
    }

    void consumerGroupMembersOffsetsLagAndReset()
    {
        RemoteCluster cluster(optionsFor(m_broker.bootstrap()));
        QVERIFY(waitForStart(cluster).first);
        QCOMPARE(waitForCommand(cluster, cluster.createTopic(QStringLiteral("events"), 2)).first, 0);
        ProduceRequest toZero;
        toZero.topic = QStringLiteral("events");
        toZero.value = QStringLiteral("e{i}");
        toZero.partition = 0;
        toZero.count = 4;
        const auto produceAll = [&](const ProduceRequest &r) {
            const quint64 id = cluster.produce(r);
            std::optional<ProduceReport> finished;
            const auto c
                = connect(&cluster, &ClusterClient::produceProgress, this, [&](quint64 rid, const ProduceReport &p) {
                      if (rid == id && p.finished)
                          finished = p;
                  });
            QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 20000);
            disconnect(c);
            QCOMPARE(finished->sent, r.count);
        };
        produceAll(toZero);

        GroupConsumer consumer;
        QString error;
        QVERIFY2(consumer.start(m_broker.bootstrap(), QStringLiteral("events"), &error), qPrintable(error));
        QCOMPARE(consumer.consumeAndCommit(4, 20000), 4);
        // Two more records after the commit: lag 2 on partition 0.
        toZero.count = 2;
        produceAll(toZero);

        const auto stable = [](const BrokerSnapshot &s) {
            const int i = groupIndex(s, QStringLiteral("explorers"));
            if (i < 0 || s.groups.at(i).state != QLatin1String("Stable") || s.groups.at(i).members.size() != 1)
                return false;
            const GroupOffsets &o = s.groupOffsets.at(i);
            return o.totalLag == 2 && !o.partitions.isEmpty() && o.partitions.constFirst().committedOffset == 4;
        };
        std::optional<BrokerSnapshot> seen;
        QElapsedTimer timer;
        timer.start();
        while (!seen && timer.elapsed() < 20000) {
            consumer.keepAlive(200);
            seen = waitForSnapshot(cluster, stable, 400);
        }
        QVERIFY(seen);
        const int i = groupIndex(*seen, QStringLiteral("explorers"));
        const GroupDescription &group = seen->groups.at(i);
        QCOMPARE(group.protocolType, QStringLiteral("consumer"));
        QVERIFY(!group.protocolName.isEmpty());
        const GroupMemberDescription &member = group.members.constFirst();
        QCOMPARE(member.clientId, QStringLiteral("tst-consumer"));
        QVERIFY(member.clientHost.contains(QStringLiteral("127.0.0.1")));
        const GroupOffsets &offsets = seen->groupOffsets.at(i);
        QCOMPARE(offsets.assignment.value(member.memberId),
            (QList<TopicPartition> {{QStringLiteral("events"), 0}, {QStringLiteral("events"), 1}}));
        const GroupPartitionOffset &p0 = offsets.partitions.constFirst();
        QCOMPARE(p0.topicPartition, (TopicPartition {QStringLiteral("events"), 0}));
        QCOMPARE(p0.logEndOffset, 6);
        QCOMPARE(p0.lag, 2);
        QCOMPARE(p0.memberId, member.memberId);

        // A reset while the group has a member is refused, as Kafka refuses it.
        OffsetResetRequest reset {QStringLiteral("explorers"), QStringLiteral("events"), OffsetResetStrategy::Earliest};
        const auto refused = waitForCommand(cluster, cluster.resetOffsets(reset));
        QCOMPARE(refused.first, static_cast<int>(ErrorCode::NonEmptyGroup));
        QVERIFY2(refused.second.contains(QStringLiteral("Stable")), qPrintable(refused.second));
        // So is deleting it (DeleteGroups).
        QCOMPARE(waitForCommand(cluster, cluster.deleteGroup(QStringLiteral("explorers"))).first,
            static_cast<int>(ErrorCode::NonEmptyGroup));

        // Once it is Empty: the preview, then the reset, then the snapshot's lag is the whole partition.
        consumer.close();
        QVERIFY(waitForSnapshot(cluster, [](const BrokerSnapshot &s) {
            const int g = groupIndex(s, QStringLiteral("explorers"));
            return g >= 0 && s.groups.at(g).state == QLatin1String("Empty");
        }));
        const auto preview = waitForAnswer<decltype(&ClusterClient::offsetResetPreviewed), OffsetResetPreview>(
            cluster, &ClusterClient::offsetResetPreviewed, cluster.previewOffsetReset(reset));
        QVERIFY(preview);
        QCOMPARE(preview->error, 0);
        QCOMPARE(preview->partitions.size(), 2);
        QCOMPARE(preview->partitions.constFirst().currentOffset, 4);
        QCOMPARE(preview->partitions.constFirst().newOffset, 0);
        QCOMPARE(preview->recordsReread, 4);
        QCOMPARE(waitForCommand(cluster, cluster.resetOffsets(reset)), (std::pair {0, QString()}));
        QVERIFY(waitForSnapshot(cluster, [](const BrokerSnapshot &s) {
            const int g = groupIndex(s, QStringLiteral("explorers"));
            return g >= 0 && s.groupOffsets.at(g).totalLag == 6;
        }));

        // DeleteGroups on a group of its own ("explorers" stays for the tests below): once it is Empty, it and its
        // offsets go.
        GroupConsumer doomed;
        QVERIFY2(doomed.start(m_broker.bootstrap(), QStringLiteral("events"), &error, QStringLiteral("doomed"),
                     QStringLiteral("tst-doomed")),
            qPrintable(error));
        QCOMPARE(doomed.consumeAndCommit(6, 20000), 6);
        doomed.close();
        QVERIFY(waitForSnapshot(cluster, [](const BrokerSnapshot &s) {
            const int g = groupIndex(s, QStringLiteral("doomed"));
            return g >= 0 && s.groups.at(g).state == QLatin1String("Empty");
        }));
        QCOMPARE(waitForCommand(cluster, cluster.deleteGroup(QStringLiteral("doomed"))), (std::pair {0, QString()}));
        QVERIFY(waitForSnapshot(
            cluster, [](const BrokerSnapshot &s) { return groupIndex(s, QStringLiteral("doomed")) < 0; }));
        QCOMPARE(waitForCommand(cluster, cluster.deleteGroup(QStringLiteral("doomed"))).first,
            static_cast<int>(ErrorCode::GroupIdNotFound));

        // DeleteRecords: partition 0's log start moves to 4 (and the group's lag there shrinks to what is left);
        // past the high watermark is refused, as Kafka refuses it.
        QCOMPARE(waitForCommand(cluster, cluster.deleteRecords({QStringLiteral("events"), 0}, 4)).first, 0);
        QVERIFY(waitForSnapshot(cluster, [](const BrokerSnapshot &s) {
            const TopicInfo *t = findTopic(s, QStringLiteral("events"));
            return t && t->partitions.constFirst().logStartOffset == 4 && t->partitions.constFirst().logEndOffset == 6;
        }));
        QCOMPARE(waitForCommand(cluster, cluster.deleteRecords({QStringLiteral("events"), 0}, 7)).first,
            static_cast<int>(ErrorCode::OffsetOutOfRange));
        // -1: up to the high watermark.
        QCOMPARE(waitForCommand(cluster, cluster.deleteRecords({QStringLiteral("events"), 0}, -1)).first, 0);
        QVERIFY(waitForSnapshot(cluster, [](const BrokerSnapshot &s) {
            const TopicInfo *t = findTopic(s, QStringLiteral("events"));
            return t && t->partitions.constFirst().logStartOffset == 6;
        }));
    }

    void configEditSetsOnlyWhatItChanged()
    {
        // The editor opens an edit on its snapshot; someone else then sets retention.bytes, and the editor's own
        // snapshots show it; the edit, still holding the old retention.bytes, changes retention.ms. Only
        // retention.ms changes: the edit sends what differs from what it started from (ClusterClient::
        // alterTopicConfig's `from`), not from the latest snapshot. IncrementalAlterConfigs (librdkafka >= 2.2)
        // sends retention.ms alone; with 2.0's AlterConfigs the topic's overrides are read first and sent back with
        // retention.ms on top (before either, the edit's stale retention.bytes replaced the other's).
        RemoteCluster other(optionsFor(m_broker.bootstrap()));
        QVERIFY(waitForStart(other).first);
        QCOMPARE(waitForCommand(other, other.createTopic(QStringLiteral("tuned"), 1)).first, 0);
        RemoteCluster editor(optionsFor(m_broker.bootstrap()));
        QVERIFY(waitForStart(editor).first);
        const auto opened = waitForSnapshot(
            editor, [](const BrokerSnapshot &s) { return findTopic(s, QStringLiteral("tuned")) != nullptr; });
        QVERIFY(opened);
        const TopicConfig start = findTopic(*opened, QStringLiteral("tuned"))->config;
        QCOMPARE(start.retentionBytes, -1);

        TopicConfig bytes = start;
        bytes.retentionBytes = 5000000;
        QCOMPARE(waitForCommand(other, other.alterTopicConfig(QStringLiteral("tuned"), bytes, start)).first, 0);
        QVERIFY(waitForSnapshot(editor, [](const BrokerSnapshot &s) {
            const TopicInfo *t = findTopic(s, QStringLiteral("tuned"));
            return t && t->config.retentionBytes == 5000000;
        }));

        TopicConfig edit = start;
        edit.retentionMs = 3600000;
        QCOMPARE(waitForCommand(editor, editor.alterTopicConfig(QStringLiteral("tuned"), edit, start)).first, 0);
        BrokerSnapshot last;
        QVERIFY(waitForSnapshot(
            other,
            [](const BrokerSnapshot &s) {
                const TopicInfo *t = findTopic(s, QStringLiteral("tuned"));
                return t && t->config.retentionMs == 3600000;
            },
            15000, &last));
        QCOMPARE(findTopic(last, QStringLiteral("tuned"))->config.retentionBytes, 5000000);
        QCOMPARE(waitForCommand(other, other.deleteTopic(QStringLiteral("tuned"))).first, 0);
    }

    void consumerProtocolGroupIsDescribedAsOne()
    {
#if RD_KAFKA_VERSION < 0x020a00ff
        QSKIP("librdkafka before 2.10 does not describe consumer-protocol groups, and 2.0 cannot join one (the "
              "_rdkafka215 build runs this)");
#else
        RemoteCluster cluster(optionsFor(m_broker.bootstrap()));
        QVERIFY(waitForStart(cluster).first);
        QCOMPARE(waitForCommand(cluster, cluster.createTopic(QStringLiteral("kip848"), 2)).first, 0);
        GroupConsumer consumer;
        QString error;
        QVERIFY2(consumer.start(m_broker.bootstrap(), QStringLiteral("kip848"), &error, QStringLiteral("next-gen"),
                     QStringLiteral("tst-848"), {{"group.protocol", "consumer"}}),
            qPrintable(error));
        const QList<TopicPartition> both {{QStringLiteral("kip848"), 0}, {QStringLiteral("kip848"), 1}};
        const auto settled = [&](const BrokerSnapshot &s) {
            const int i = groupIndex(s, QStringLiteral("next-gen"));
            return i >= 0 && s.groups.at(i).state == QLatin1String("Stable") && s.groups.at(i).members.size() == 1
                && s.groups.at(i).members.constFirst().assignedPartitions == both;
        };
        std::optional<BrokerSnapshot> seen;
        BrokerSnapshot last;
        QElapsedTimer timer;
        timer.start();
        while (!seen && timer.elapsed() < 20000) {
            consumer.keepAlive(200);
            seen = waitForSnapshot(cluster, settled, 400, &last);
        }
        QVERIFY2(seen, qPrintable(ClusterDescription::text(last)));
        const GroupDescription &group = seen->groups.at(groupIndex(*seen, QStringLiteral("next-gen")));
        QCOMPARE(group.type, ConsumerGroupType);
        const GroupMemberDescription &member = group.members.constFirst();
        QCOMPARE(member.clientId, QStringLiteral("tst-848"));
        QCOMPARE(member.targetPartitions, both);
        QCOMPARE(seen->groupOffsets.at(groupIndex(*seen, QStringLiteral("next-gen"))).assignment.value(member.memberId),
            both);
        // The polled rebalance history knows it as a consumer-protocol group.
        bool polledRow = false;
        for (const GroupGeneration &r : seen->groupHistory.rows) {
            if (r.groupId == QLatin1String("next-gen") && r.hasSource(GroupGeneration::Polled)) {
                QCOMPARE(r.groupType, ConsumerGroupType);
                polledRow = true;
            }
        }
        QVERIFY(polledRow);
        // Its epoch, which librdkafka's description lacks, comes from the group's records in __consumer_offsets.
        const auto epochKnown = [](const BrokerSnapshot &s) {
            const int i = groupIndex(s, QStringLiteral("next-gen"));
            return i >= 0 && s.groups.at(i).groupEpoch > 0 && s.groups.at(i).generationId == s.groups.at(i).groupEpoch;
        };
        seen.reset();
        timer.restart();
        while (!seen && timer.elapsed() < 20000) {
            consumer.keepAlive(200);
            seen = waitForSnapshot(cluster, epochKnown, 400, &last);
        }
        QVERIFY2(seen, qPrintable(ClusterDescription::text(last)));
        consumer.close();
#endif
    }

    void wrongPortFailsPlainlyWithinTheBound()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        RemoteClusterOptions options = optionsFor(QStringLiteral("127.0.0.1:%1").arg(port));
        options.requestTimeoutMs = 2000;
        RemoteCluster cluster(options);
        QElapsedTimer timer;
        timer.start();
        const auto [ok, error] = waitForStart(cluster, 15000);
        QVERIFY(!ok);
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(
            error.contains(QStringLiteral("cannot reach the cluster at 127.0.0.1:%1").arg(port)), qPrintable(error));
        // The views still get snapshots saying so, and a command answers instead of hanging.
        BrokerSnapshot last;
        QVERIFY(waitForSnapshot(
            cluster, [](const BrokerSnapshot &s) { return !s.connectionError.isEmpty(); }, 10000, &last));
        QVERIFY(last.brokers.isEmpty());
        const auto answer = waitForCommand(cluster, cluster.createTopic(QStringLiteral("never"), 1), 15000);
        QVERIFY(answer.first != 0 && answer.first != -1);
    }

    void refusedPropertyIsNamedWithItsLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("client.properties"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# a comment\nsecurity.protocol=PLAINTEXT\nsasl.mechanisms: PLAIN\nno.such.property=1\n");
        file.close();
        RemoteClusterOptions options = optionsFor(m_broker.bootstrap());
        QString error;
        QVERIFY2(RemoteClusterOptions::readPropertiesFile(path, &options.properties, &error), qPrintable(error));
        QCOMPARE(options.properties.size(), 3);
        QCOMPARE(options.properties.at(1).name, QStringLiteral("sasl.mechanisms"));
        QCOMPARE(options.properties.at(1).value, QStringLiteral("PLAIN"));
        RemoteCluster cluster(options);
        const auto [ok, why] = waitForStart(cluster);
        QVERIFY(!ok);
        QVERIFY2(why.startsWith(QStringLiteral("client.properties line 4: ")), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("no.such.property")), qPrintable(why));
        // A bad value names its line too.
        options.properties = {{QStringLiteral("security.protocol"), QStringLiteral("CARRIER_PIGEON"),
            QStringLiteral("client.properties line 7")}};
        RemoteCluster other(options);
        const auto [ok2, why2] = waitForStart(other);
        QVERIFY(!ok2);
        QVERIFY2(why2.startsWith(QStringLiteral("client.properties line 7: ")), qPrintable(why2));
        // A line that is no property at all is refused when the file is read.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("bootstrap.servers=x:1\n\njust some words\n");
        file.close();
        QList<RemoteProperty> properties;
        QVERIFY(!RemoteClusterOptions::readPropertiesFile(path, &properties, &error));
        QVERIFY2(error.contains(QStringLiteral("client.properties line 3")), qPrintable(error));
    }

    void headlessDescribePrintsTheCluster()
    {
        QProcess p;
        p.start(qEnvironmentVariable("TOPICSCOPE_BIN"),
            {QStringLiteral("--headless"), QStringLiteral("--bootstrap-server"), m_broker.bootstrap(),
                QStringLiteral("--describe")});
        QVERIFY(p.waitForFinished(30000));
        const QByteArray out = p.readAllStandardOutput();
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(out.contains("brokers: 1"), out.constData());
        QVERIFY2(out.contains(QStringLiteral(":%1").arg(m_broker.port()).toUtf8()), out.constData());
        QVERIFY2(out.contains("topic events partitions 2"), out.constData());
        QVERIFY2(out.contains("group explorers state Empty"), out.constData());

        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("bad.properties")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("sasl.mechanism=PLAIN\nsecurty.protocol=SSL\n");
        file.close();
        p.start(qEnvironmentVariable("TOPICSCOPE_BIN"),
            {QStringLiteral("--headless"), QStringLiteral("--bootstrap-server"), m_broker.bootstrap(),
                QStringLiteral("--command-config"), file.fileName(), QStringLiteral("--describe")});
        QVERIFY(p.waitForFinished(30000));
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains("bad.properties line 2: ") && err.contains("securty.protocol"), err.constData());
    }

    // With --bootstrap-server the embedded broker is not started unless --embedded asks for it; then its listener
    // serves beside the cluster's window.
    void embeddedBrokerStartsBesideAClusterOnlyWhenAsked()
    {
        // Plain sockets: this test links no Qt Network.
        const auto listening = [](quint16 port, int withinMs) {
            QElapsedTimer timer;
            timer.start();
            do {
                const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
                sockaddr_in addr {};
                addr.sin_family = AF_INET;
                addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                addr.sin_port = htons(port);
                const bool connected = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
                ::close(fd);
                if (connected)
                    return true;
                QTest::qWait(100);
            } while (timer.elapsed() < withinMs);
            return false;
        };
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const auto launch = [&](QProcess &p, quint16 port, bool embedded) {
            p.setProcessEnvironment(env);
            QStringList args {QStringLiteral("--bootstrap-server"), m_broker.bootstrap(), QStringLiteral("--in-memory"),
                QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)};
            if (embedded)
                args << QStringLiteral("--embedded");
            p.start(qEnvironmentVariable("TOPICSCOPE_BIN"), args);
            return p.waitForStarted(10000);
        };

        QProcess with;
        const quint16 withPort = closedPort(); // free for the broker to listen on
        QVERIFY(launch(with, withPort, true));
        QElapsedTimer upIn;
        upIn.start();
        QVERIFY2(listening(withPort, 20000), with.readAllStandardError().constData());
        const qint64 upMs = upIn.elapsed();
        with.terminate();
        QVERIFY(with.waitForFinished(20000));

        QProcess without;
        const quint16 withoutPort = closedPort();
        QVERIFY(launch(without, withoutPort, false));
        // Given several times what the broker needed to listen above, and at least three seconds.
        QVERIFY(!listening(withoutPort, int(std::max<qint64>(3000, 3 * upMs))));
        QCOMPARE(without.state(), QProcess::Running); // exploring the cluster, not failed
        without.terminate();
        QVERIFY(without.waitForFinished(20000));

        // --embedded means nothing alone, and a headless broker has no window to stand beside.
        QProcess bad;
        bad.start(qEnvironmentVariable("TOPICSCOPE_BIN"), {QStringLiteral("--embedded")});
        QVERIFY(bad.waitForFinished(20000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY2(bad.readAllStandardError().contains("--embedded works with --bootstrap-server"), "");
        bad.start(qEnvironmentVariable("TOPICSCOPE_BIN"),
            {QStringLiteral("--headless"), QStringLiteral("--bootstrap-server"), m_broker.bootstrap(),
                QStringLiteral("--describe"), QStringLiteral("--embedded")});
        QVERIFY(bad.waitForFinished(20000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(bad.readAllStandardError().contains("excludes --headless"));
        // --no-offsets-topic only means something for a cluster explored.
        bad.start(qEnvironmentVariable("TOPICSCOPE_BIN"), {QStringLiteral("--no-offsets-topic")});
        QVERIFY(bad.waitForFinished(20000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(bad.readAllStandardError().contains("--no-offsets-topic works with --bootstrap-server"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteCluster)
#include "tst_remotecluster.moc"
