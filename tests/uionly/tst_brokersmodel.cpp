// The remote cluster's views from hand-built snapshots: the Brokers tab's model (controller, connection state,
// partitions led), the partitions' replication columns and status (under-replicated, offline, no answer), the
// cluster tree's Brokers folder in the place of the wire clients, and the embedded broker's views left as they were.
// Every model runs under QAbstractItemModelTester, attached before the first snapshot.
#include "brokersmodel.h"
#include "clustertreemodel.h"
#include "format.h"
#include "language.h"
#include "partitionhealth.h"
#include "partitionsmodel.h"
#include "topicsmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QTest>

using namespace topicscope;
using namespace topicscope::engine;
using namespace topicscope::ui;

Q_DECLARE_METATYPE(topicscope::engine::PartitionInfo)

namespace {

PartitionInfo partition(int id, int leader, QList<int> replicas, QList<int> isr, int error = 0)
{
    PartitionInfo p;
    p.partition = id;
    p.logEndOffset = 10 * id;
    p.leader = leader;
    p.replicas = std::move(replicas);
    p.isr = std::move(isr);
    p.error = error;
    return p;
}

BrokerNode node(int id, const QString &state)
{
    return {id, QStringLiteral("kafka-%1.example").arg(id), 9092, {}, false, state};
}

// Three brokers; broker 2 is the controller by the cluster's controllerId alone (its node does not say so), broker 3
// is down. orders: 0 healthy, 1 under-replicated (3 out of the ISR), 2 without a leader, 3 led by the broker that is
// down (its offsets could not be read: librdkafka's -185), 4 led by a broker the cluster no longer lists.
BrokerSnapshot remoteSnapshot()
{
    BrokerSnapshot s;
    s.clusterId = QStringLiteral("mock-cluster");
    s.controllerId = 2;
    s.brokers = {node(1, QStringLiteral("UP")), node(2, QStringLiteral("UP")), node(3, QStringLiteral("DOWN"))};
    TopicInfo orders;
    orders.name = QStringLiteral("orders");
    orders.partitions = {partition(0, 1, {1, 2, 3}, {1, 2, 3}), partition(1, 2, {2, 3, 1}, {2, 1}),
        partition(2, -1, {3, 1, 2}, {1, 2}, int(ErrorCode::LeaderNotAvailable)),
        partition(3, 3, {3, 1, 2}, {3, 1, 2}, -185), partition(4, 7, {7, 1, 2}, {7, 1, 2})};
    TopicInfo offsets;
    offsets.name = QStringLiteral("__consumer_offsets");
    offsets.partitions = {partition(0, 1, {1, 2, 3}, {1, 2, 3})};
    s.topics = {orders, offsets};
    return s;
}

// Each row's cells as displayed, " | " between them.
QString dump(const QAbstractItemModel &model, const QList<int> &columns = {})
{
    QStringList lines;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c) {
            if (columns.isEmpty() || columns.contains(c))
                cells << model.index(r, c).data().toString();
        }
        lines << cells.join(QStringLiteral(" | "));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestBrokersModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        ui::Language::ensureInstalled(qApp); // English plural forms: "1 partition"
    }

    void brokersShowControllerConnectionAndPartitionsLed()
    {
        BrokersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(remoteSnapshot());
        // Broker 1 leads orders-0 and __consumer_offsets-0; 2 leads orders-1; 3 leads orders-3; nobody orders-2; the
        // unlisted broker 7 orders-4.
        QCOMPARE(dump(model),
            QStringLiteral("1 | kafka-1.example:9092 | — | — | up | 2 partitions\n"
                           "2 | kafka-2.example:9092 | — | yes | up | 1 partition\n"
                           "3 | kafka-3.example:9092 | — | — | down | 1 partition"));
        QVERIFY(model.index(2, BrokersModel::Connection).data(BrokersModel::ConnectionDownRole).toBool());
        QVERIFY(!model.index(0, BrokersModel::Connection).data(BrokersModel::ConnectionDownRole).toBool());
        QVERIFY(model.index(2, BrokersModel::Connection).data(Qt::ForegroundRole).isValid()); // marked
        QVERIFY(!model.index(0, BrokersModel::Connection).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(0, BrokersModel::LeaderOf).data(SortRole).toInt(), 2);

        // Broker 3 comes back and takes over orders-1; broker 1 says itself that it is the controller now.
        BrokerSnapshot next = remoteSnapshot();
        next.controllerId = 1;
        next.brokers[0].isController = true;
        next.brokers[0].rack = QStringLiteral("eu-1a");
        next.brokers[2].connectionState = QStringLiteral("CONNECT");
        next.topics[0].partitions[1].leader = 3;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot(next);
        QCOMPARE(dump(model),
            QStringLiteral("1 | kafka-1.example:9092 | eu-1a | yes | up | 2 partitions\n"
                           "2 | kafka-2.example:9092 | — | — | up | 0 partitions\n"
                           "3 | kafka-3.example:9092 | — | — | connecting | 2 partitions"));
        QCOMPARE(changed.size(), 3); // one per row, nothing reset

        // A broker leaves the cluster's list: its row goes.
        next.brokers.removeLast();
        model.setSnapshot(next);
        QCOMPARE(model.rowCount(), 2);
    }

    void connectionStatesInPlainWords_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("text");
        QTest::addRow("up") << QStringLiteral("UP") << QStringLiteral("up");
        QTest::addRow("down") << QStringLiteral("DOWN") << QStringLiteral("down");
        QTest::addRow("never connected") << QStringLiteral("INIT") << QStringLiteral("not connected");
        QTest::addRow("handshake") << QStringLiteral("APIVERSION_QUERY") << QStringLiteral("connecting");
        QTest::addRow("unknown") << QString() << QStringLiteral("—");
    }

    void connectionStatesInPlainWords()
    {
        QFETCH(QString, state);
        QFETCH(QString, text);
        QCOMPARE(BrokersModel::connectionText(state), text);
    }

    void partitionStatus_data()
    {
        QTest::addColumn<PartitionInfo>("partition");
        QTest::addColumn<int>("expected");
        QTest::addRow("every replica in sync") << partition(0, 1, {1, 2, 3}, {3, 1, 2}) << int(PartitionHealth::Ok);
        QTest::addRow("one replica out of the ISR")
            << partition(0, 1, {1, 2, 3}, {1, 2}) << int(PartitionHealth::UnderReplicated);
        QTest::addRow("no leader") << partition(0, -1, {1, 2, 3}, {}) << int(PartitionHealth::Offline);
        QTest::addRow("LEADER_NOT_AVAILABLE")
            << partition(0, 2, {1, 2, 3}, {1, 2, 3}, int(ErrorCode::LeaderNotAvailable))
            << int(PartitionHealth::Offline);
        QTest::addRow("leader no longer listed") << partition(0, 9, {9, 1}, {9, 1}) << int(PartitionHealth::Offline);
        QTest::addRow("leader did not answer")
            << partition(0, 3, {1, 2, 3}, {1, 2}, -185) << int(PartitionHealth::Error);
        QTest::addRow("other Kafka error")
            << partition(0, 3, {1, 2, 3}, {1, 2, 3}, int(ErrorCode::UnknownTopicOrPartition))
            << int(PartitionHealth::Error);
    }

    void partitionStatus()
    {
        QFETCH(PartitionInfo, partition);
        QFETCH(int, expected);
        QCOMPARE(int(PartitionHealth::of(partition, remoteSnapshot().brokers)), expected);
    }

    void partitionsOfARemoteClusterShowReplication()
    {
        PartitionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(QStringLiteral("orders"));
        model.setSnapshot(remoteSnapshot());
        QVERIFY(model.isRemote());
        const QList<int> columns {PartitionsModel::Partition, PartitionsModel::Leader, PartitionsModel::Replicas,
            PartitionsModel::Isr, PartitionsModel::Status};
        QCOMPARE(dump(model, columns),
            QStringLiteral("0 | 1 | 1, 2, 3 | 1, 2, 3 | ok\n"
                           "1 | 2 | 2, 3, 1 | 2, 1 | under-replicated\n"
                           "2 | — | 3, 1, 2 | 1, 2 | offline\n"
                           "3 | 3 | 3, 1, 2 | 3, 1, 2 | no answer\n"
                           "4 | 7 | 7, 1, 2 | 7, 1, 2 | offline"));
        // Marked: the status cell of every partition with a problem, and not of a healthy one.
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, PartitionsModel::Status).data(Qt::ForegroundRole).isValid(), r != 0);
        QCOMPARE(model.index(1, PartitionsModel::Status).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Not in sync: broker(s) 3. A broker failure now may lose acknowledged records."));
        QCOMPARE(model.index(2, PartitionsModel::Status).data(PartitionsModel::HealthRole).toInt(),
            int(PartitionHealth::Offline));

        // The ISR catches up: only that row's ISR and status change.
        BrokerSnapshot next = remoteSnapshot();
        next.topics[0].partitions[1].isr = {2, 1, 3};
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot(next);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(model.index(1, PartitionsModel::Status).data().toString(), QStringLiteral("ok"));
    }

    // The Topics tab counts each topic's unhealthy partitions, as kafka-topics --describe
    // --under-replicated-partitions / --unavailable-partitions would list them.
    void topicsOfARemoteClusterCountTheirUnhealthyPartitions()
    {
        TopicsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setShowInternal(true);
        model.setSnapshot(remoteSnapshot());
        QVERIFY(model.isRemote());
        QCOMPARE(dump(model, {TopicsModel::Name, TopicsModel::Replication}),
            QStringLiteral("orders | 2 offline, 1 under-replicated, 1 not answering\n"
                           "__consumer_offsets | ok"));
        QCOMPARE(model.index(0, TopicsModel::Replication).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Offline (no leader): orders-2, orders-4\n"
                           "Under-replicated (a replica is out of the ISR): orders-1\n"
                           "1 partition answered an error: its offsets may be old"));
        QVERIFY(model.index(0, TopicsModel::Replication).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(1, TopicsModel::Replication).data(Qt::ForegroundRole).isValid());
        // Sorted descending, offline outweighs any number of under-replicated partitions.
        QVERIFY(model.index(0, TopicsModel::Replication).data(SortRole).toLongLong()
            > model.index(1, TopicsModel::Replication).data(SortRole).toLongLong());

        // The leader comes back and the ISR catches up: the topic is ok again.
        BrokerSnapshot next = remoteSnapshot();
        for (PartitionInfo &p : next.topics[0].partitions) {
            p.leader = 1;
            p.replicas = {1, 2};
            p.isr = {1, 2};
            p.error = 0;
        }
        model.setSnapshot(next);
        QCOMPARE(model.index(0, TopicsModel::Replication).data().toString(), QStringLiteral("ok"));
        QVERIFY(!model.index(0, TopicsModel::Replication).data(Qt::ForegroundRole).isValid());

        // The embedded broker is the single replica of everything: not remote, nothing counted.
        BrokerSnapshot embedded = next;
        embedded.brokers.clear();
        model.setSnapshot(embedded);
        QVERIFY(!model.isRemote());
        QCOMPARE(model.rowAt(0).underReplicated + model.rowAt(0).offline, 0);
    }

    void embeddedBrokerKeepsItsPartitionsAndTree()
    {
        BrokerSnapshot embedded;
        TopicInfo t;
        t.name = QStringLiteral("orders");
        PartitionInfo p; // the embedded broker leaves leader, replicas and ISR at their defaults
        t.partitions = {p};
        embedded.topics = {t};

        PartitionsModel partitions;
        QAbstractItemModelTester partitionsTester(&partitions, QAbstractItemModelTester::FailureReportingMode::QtTest);
        partitions.setTopic(QStringLiteral("orders"));
        partitions.setSnapshot(embedded);
        QVERIFY(!partitions.isRemote());
        QCOMPARE(partitions.index(0, PartitionsModel::Leader).data().toInt(), 0); // the single broker, id 0
        QCOMPARE(partitions.index(0, PartitionsModel::Status).data().toString(), QStringLiteral("ok"));

        ClusterTreeModel tree;
        QAbstractItemModelTester treeTester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tree.setBrokerName(QStringLiteral("Topicscope"));
        tree.setSnapshot(embedded);
        QCOMPARE(tree.dump(),
            QStringLiteral("Topicscope · broker 0\n"
                           "  Topics (1)\n"
                           "    orders · 0\n"
                           "      partition 0 · 0\n"
                           "  Consumer groups (0)\n"
                           "  Wire clients (no listener)\n"));
    }

    void remoteTreeListsBrokersInsteadOfWireClients()
    {
        ClusterTreeModel tree;
        QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tree.setBrokerName(QStringLiteral("kafka: kafka-1.example:9092"));
        BrokerSnapshot s = remoteSnapshot();
        s.topics.removeLast();
        s.topics[0].partitions = {partition(0, 1, {1, 2, 3}, {1, 2, 3})};
        tree.setSnapshot(s);
        QCOMPARE(tree.dump(),
            QStringLiteral("kafka: kafka-1.example:9092\n"
                           "  Topics (1)\n"
                           "    orders · 0\n"
                           "      partition 0 · 0\n"
                           "  Consumer groups (0)\n"
                           "  Brokers (3)\n"
                           "    broker 1 · kafka-1.example:9092\n"
                           "    broker 2 · kafka-2.example:9092 · controller\n"
                           "    broker 3 · kafka-3.example:9092 · down\n"));
        const QModelIndex brokers = tree.index(2, 0, tree.index(0, 0));
        QCOMPARE(brokers.data(ClusterTreeModel::KindRole).toInt(), int(ClusterTreeModel::Kind::BrokersFolder));
        QCOMPARE(tree.index(2, 0, brokers).data(ClusterTreeModel::BrokerIdRole).toInt(), 3);

        // Broker 3 is back: relabelled in place.
        s.brokers[2].connectionState = QStringLiteral("UP");
        QSignalSpy changed(&tree, &QAbstractItemModel::dataChanged);
        tree.setSnapshot(s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(tree.index(2, 0, brokers).data().toString(), QStringLiteral("broker 3 · kafka-3.example:9092"));

        // A cluster that cannot be reached yet lists no brokers but says why: still no listener talk.
        ClusterTreeModel unreachable;
        BrokerSnapshot failed;
        failed.connectionError = QStringLiteral("not connected");
        unreachable.setSnapshot(failed);
        QVERIFY2(!unreachable.dump().contains(QStringLiteral("Wire clients")), qPrintable(unreachable.dump()));
    }
};

QTEST_MAIN(TestBrokersModel)
#include "tst_brokersmodel.moc"
