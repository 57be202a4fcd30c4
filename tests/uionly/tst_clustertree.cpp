// Several clusters side by side in the cluster tree: the embedded broker's window and each connection's window
// show every open cluster, and choosing a node of another cluster brings that cluster's window forward showing it.
// Against fake clusters (uifakecluster.h): a remote cluster's snapshot lists brokers, the embedded broker's does not.
#include "clusterconnector.h"
#include "clustertreemodel.h"
#include "connectionlauncher.h"
#include "inmemorysecretstore.h"
#include "mainwindow.h"
#include "messagebrowser.h"
#include "partitionsview.h"
#include "topicsview.h"
#include "uifakecluster.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace topicscope;
using namespace topicscope::ui;

namespace {

class NamedCluster : public uitest::FakeCluster {
public:
    explicit NamedCluster(QString name)
        : m_name(std::move(name))
    { }
    QString displayName() const override { return m_name; }

private:
    QString m_name;
};

// Opens a NamedCluster called after the bootstrap servers, and keeps a pointer to each (the windows own them).
class FakeConnector : public engine::ClusterConnector {
public:
    std::unique_ptr<engine::ClusterClient> open(const engine::RemoteClusterOptions &options) override
    {
        auto cluster = std::make_unique<NamedCluster>(options.bootstrapServers);
        opened.append(cluster.get());
        return cluster;
    }
    void check(
        const engine::RemoteClusterOptions &, QObject *, std::function<void(const engine::ConnectionCheck &)>) override
    { }
    QList<QPointer<engine::ClusterClient>> opened;
};

engine::BrokerSnapshot embeddedSnapshot()
{
    engine::BrokerSnapshot s = uitest::FakeCluster::snapshotWith(QStringLiteral("local-orders"), {5, 7});
    s.takenAtMs = 1'700'000'000'000;
    s.listenAddress = QStringLiteral("127.0.0.1:9092");
    return s;
}

engine::BrokerSnapshot remoteSnapshot(const QStringList &topics)
{
    engine::BrokerSnapshot s;
    s.takenAtMs = 1'700'000'000'000;
    for (const QString &name : topics)
        s.topics.append(uitest::FakeCluster::snapshotWith(name, {10, 20, 30}).topics.constFirst());
    for (int id : {1, 2}) {
        engine::BrokerNode b;
        b.id = id;
        b.host = QStringLiteral("kafka-%1").arg(id);
        b.port = 9092;
        b.isController = id == 1;
        s.brokers.append(b);
    }
    s.controllerId = 1;
    engine::GroupDescription g;
    g.groupId = QStringLiteral("billing");
    g.state = QStringLiteral("Stable");
    s.groups.append(g);
    return s;
}

engine::RemoteClusterOptions bootstrap(const QString &servers)
{
    engine::RemoteClusterOptions options;
    options.bootstrapServers = servers;
    return options;
}

// The embedded broker's window (home) with a launcher that opens connections to fake clusters. Members go in reverse:
// the home window first, then the launcher, which closes the windows it opened.
struct Home {
    Home()
    {
        window.setConnectionLauncher(&launcher);
        window.show();
        Q_EMIT embedded.snapshotUpdated(embeddedSnapshot());
    }
    FakeConnector connector;
    InMemorySecretStore secrets;
    ConnectionLauncher launcher {&connector, &secrets};
    NamedCluster embedded {QStringLiteral("Topicscope broker")};
    MainWindow window {&embedded};
};

QTreeView *treeOf(const MainWindow &window)
{
    return window.findChild<QTreeView *>(QStringLiteral("clusterTree"));
}

} // namespace

class TestClusterTree : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void otherWindowsClustersAreSideBySide()
    {
        Home fixture;
        MainWindow &home = fixture.window;
        FakeConnector &connector = fixture.connector;
        ConnectionLauncher &launcher = fixture.launcher;
        QAbstractItemModelTester homeTester(home.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(home.treeModel()->rowCount(), 1);

        MainWindow *remote = launcher.openWindow(QStringLiteral("prod"), bootstrap(QStringLiteral("kafka-1:9092")));
        QVERIFY(remote);
        QAbstractItemModelTester remoteTester(
            remote->treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Before its first snapshot, the other cluster is its name only.
        QCOMPARE(home.treeModel()->rowCount(), 2);
        QCOMPARE(home.treeModel()->index(1, 0).data().toString(), QStringLiteral("kafka-1:9092 · connecting…"));
        QCOMPARE(home.treeModel()->rowCount(home.treeModel()->index(1, 0)), 0);

        QCOMPARE(connector.opened.size(), 1);
        Q_EMIT connector.opened.constFirst()->snapshotUpdated(remoteSnapshot({QStringLiteral("payments")}));
        // The window's own cluster first, the other one below it, each with its own subtree.
        QCOMPARE(home.treeModel()->dump(),
            QStringLiteral("Topicscope broker · broker 0\n"
                           "  Topics (1)\n"
                           "    local-orders · 12\n"
                           "      partition 0 · 5\n"
                           "      partition 1 · 7\n"
                           "  Consumer groups (0)\n"
                           "  Wire clients (0) on 127.0.0.1:9092\n"
                           "kafka-1:9092\n"
                           "  Topics (1)\n"
                           "    payments · 60\n"
                           "      partition 0 · 10\n"
                           "      partition 1 · 20\n"
                           "      partition 2 · 30\n"
                           "  Consumer groups (1)\n"
                           "    billing · Stable\n"
                           "  Brokers (2)\n"
                           "    broker 1 · kafka-1:9092 · controller\n"
                           "    broker 2 · kafka-2:9092\n"));
        // And the connection's window shows the embedded broker below its own cluster.
        QCOMPARE(remote->treeModel()->rowCount(), 2);
        QCOMPARE(remote->treeModel()->index(0, 0).data().toString(), QStringLiteral("kafka-1:9092"));
        QCOMPARE(remote->treeModel()->index(1, 0).data().toString(), QStringLiteral("Topicscope broker · broker 0"));
        // Each node says whose it is; the window's own lookups stay in its own cluster.
        const QModelIndex payments
            = home.treeModel()->index(0, 0, home.treeModel()->index(0, 0, home.treeModel()->index(1, 0)));
        QCOMPARE(payments.data(ClusterTreeModel::TopicRole).toString(), QStringLiteral("payments"));
        QCOMPARE(payments.data(ClusterTreeModel::ClusterRole).toString(), remote->clusterKey());
        QCOMPARE(home.treeModel()->index(0, 0).data(ClusterTreeModel::ClusterRole).toString(),
            QString(ClusterTreeModel::OwnCluster));
        QVERIFY(!home.treeModel()->topicIndex(QStringLiteral("payments")).isValid());
        QVERIFY(remote->treeModel()->topicIndex(QStringLiteral("payments")).isValid());
        QVERIFY(!home.treeModel()->index(1, 0).data(Qt::ToolTipRole).toString().isEmpty());

        // The other cluster's later snapshots update its subtree in place: what the person expanded stays so.
        QTreeView *tree = treeOf(home);
        QVERIFY(tree);
        tree->expand(home.treeModel()->index(1, 0));
        QSignalSpy resets(home.treeModel(), &QAbstractItemModel::modelReset);
        Q_EMIT connector.opened.constFirst()->snapshotUpdated(
            remoteSnapshot({QStringLiteral("audit"), QStringLiteral("payments")}));
        QCOMPARE(home.treeModel()->rowCount(home.treeModel()->index(0, 0, home.treeModel()->index(1, 0))), 2);
        QVERIFY(tree->isExpanded(home.treeModel()->index(1, 0)));
        QCOMPARE(resets.size(), 0);

        // For a person to look at: a 720p projector's window with both clusters expanded.
        home.resize(1280, 720);
        tree->expandAll();
        QCoreApplication::processEvents();
        const QString png = QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR "/cluster-tree-two-clusters.png");
        QVERIFY(home.grab().save(png));
        qInfo("saved %s", qPrintable(png));

        // A second connection comes after the first, in every window.
        MainWindow *staging
            = launcher.openWindow(QStringLiteral("staging"), bootstrap(QStringLiteral("staging-1:9092")));
        QCOMPARE(home.treeModel()->rowCount(), 3);
        QCOMPARE(home.treeModel()->index(2, 0).data(ClusterTreeModel::ClusterRole).toString(), staging->clusterKey());
        QCOMPARE(remote->treeModel()->rowCount(), 3);
        QCOMPARE(staging->treeModel()->rowCount(), 2); // its own row comes with its first snapshot
        QCOMPARE(staging->treeModel()->index(0, 0).data().toString(), QStringLiteral("Topicscope broker · broker 0"));

        // A closed window leaves the others' trees.
        remote->close(); // deleted on close, its cluster with it
        QTRY_COMPARE(home.treeModel()->rowCount(), 2);
        QCOMPARE(home.treeModel()->index(1, 0).data(ClusterTreeModel::ClusterRole).toString(), staging->clusterKey());
        QCOMPARE(staging->treeModel()->rowCount(), 1);
        QCOMPARE(launcher.allWindows(), (QList<MainWindow *> {&home, staging}));
    }

    void choosingAnotherClustersNodeShowsItInItsWindow()
    {
        Home fixture;
        MainWindow &home = fixture.window;
        FakeConnector &connector = fixture.connector;
        ConnectionLauncher &launcher = fixture.launcher;
        MainWindow *remote = launcher.openWindow(QStringLiteral("prod"), bootstrap(QStringLiteral("kafka-1:9092")));
        Q_EMIT connector.opened.constFirst()->snapshotUpdated(remoteSnapshot({QStringLiteral("payments")}));
        home.activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), &home);
        auto *homeTabs = home.findChild<QTabWidget *>();
        QVERIFY(homeTabs);
        homeTabs->setCurrentWidget(home.topicsView());
        const QString homeTopic = home.currentTopic();

        // Partition 2 of payments, in the home window's tree, under the other cluster.
        ClusterTreeModel *model = home.treeModel();
        const QModelIndex partition = model->indexAt(
            remote->clusterKey(), {QStringLiteral("topics"), QStringLiteral("payments"), QStringLiteral("2")});
        QVERIFY(partition.isValid());
        QCOMPARE(model->keyPath(partition),
            (QStringList {QStringLiteral("topics"), QStringLiteral("payments"), QStringLiteral("2")}));
        QTreeView *tree = treeOf(home);
        tree->expand(partition.parent().parent().parent());
        tree->expand(partition.parent().parent());
        tree->expand(partition.parent());
        tree->setCurrentIndex(partition);
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Return);

        // The cluster's own window comes forward with that partition's messages; the home window is left as it was.
        QTRY_COMPARE(QApplication::activeWindow(), remote);
        QCOMPARE(remote->currentTopic(), QStringLiteral("payments"));
        auto *tabs = remote->findChild<QTabWidget *>();
        QVERIFY(tabs);
        QCOMPARE(tabs->currentWidget(), remote->messageBrowser());
        const QModelIndex own = treeOf(*remote)->currentIndex();
        QCOMPARE(own.data(ClusterTreeModel::ClusterRole).toString(), QString(ClusterTreeModel::OwnCluster));
        QCOMPARE(own.data(ClusterTreeModel::PartitionRole).toInt(), 2);
        QCOMPARE(home.currentTopic(), homeTopic);
        QCOMPARE(homeTabs->currentWidget(), home.topicsView());

        // Back: the embedded broker's topic, chosen in the connection's window, shows in the home window.
        const QModelIndex local = remote->treeModel()->indexAt(
            home.clusterKey(), {QStringLiteral("topics"), QStringLiteral("local-orders")});
        QVERIFY(local.isValid());
        treeOf(*remote)->expand(local.parent().parent());
        treeOf(*remote)->expand(local.parent());
        Q_EMIT treeOf(*remote)->activated(local);
        QTRY_COMPARE(QApplication::activeWindow(), &home);
        QCOMPARE(home.currentTopic(), QStringLiteral("local-orders"));
        QCOMPARE(homeTabs->currentWidget(), home.partitionsView());
        QCOMPARE(remote->currentTopic(), QStringLiteral("payments"));

        // A node the other window no longer has (its topic deleted meanwhile) only brings that window forward.
        remote->showTreeItem({QStringLiteral("topics"), QStringLiteral("deleted-meanwhile")});
        QTRY_COMPARE(QApplication::activeWindow(), remote);
        QCOMPARE(remote->currentTopic(), QStringLiteral("payments"));
    }
};

QTEST_MAIN(TestClusterTree)
#include "tst_clustertree.moc"
