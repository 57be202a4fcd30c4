// The explorer window on a remote cluster: the embedded broker started as a separate process, reached only through
// RemoteCluster (librdkafka), shown by the same MainWindow the embedded broker uses. The views must not notice: the
// cluster tree is named after the cluster, the status bar shows its brokers and its connection, topics and messages
// fill in. On librdkafka's mock cluster of three brokers the Brokers tab lists them (and the Wire clients tab and
// tree node are gone), a broker taken down shows as down, and the partitions show their replication. Offscreen PNGs
// of the tabs land in the build directory (remote-*.png, at 1280x720, some in Korean) for a person to look at.
#include "brokersmodel.h"
#include "brokersview.h"
#include "clustertreemodel.h"
#include "format.h"
#include "interopbroker.h"
#include "koreanfont.h"
#include "language.h"
#include "mainwindow.h"
#include "partitionsmodel.h"
#include "partitionsview.h"
#include "remoteclusterfixture.h"
#include "topicsmodel.h"
#include "topicsview.h"
#include "wireclientsview.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

using namespace topicscope;
using namespace topicscope::engine;
using namespace topicscope::remotetest;

namespace {

QString outputPath(const QString &name)
{
    return QDir(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR)).filePath(name);
}

bool showsLabel(const QWidget &window, const QString &text)
{
    const QList<QLabel *> labels = window.findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(), [&](const QLabel *l) { return l->text() == text; });
}

QTabWidget *tabsOf(const ui::MainWindow &window)
{
    return qobject_cast<QTabWidget *>(window.wireClientsView()->parentWidget()->parentWidget());
}

// The brokers tab's rows, "id state" each: "1 up, 2 down, 3 up".
QString brokerStates(const ui::MainWindow &window)
{
    if (!window.brokersView())
        return QStringLiteral("(no brokers tab)");
    const ui::BrokersModel *model = window.brokersView()->model();
    QStringList rows;
    for (int r = 0; r < model->rowCount(); ++r)
        rows << model->index(r, ui::BrokersModel::Id).data().toString() + QLatin1Char(' ')
                + model->index(r, ui::BrokersModel::Connection).data().toString();
    return rows.join(QStringLiteral(", "));
}

void grabTab(ui::MainWindow &window, ui::MainWindow::Tab tab, const QString &file)
{
    window.showTab(tab);
    QTest::qWait(500); // laid out and painted with the current snapshot
    QVERIFY(window.grab().save(outputPath(file)));
}

} // namespace

class TestRemoteWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TopicscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_remotewindow"));
    }

    void windowExploresARemoteCluster()
    {
        interoptest::InteropBroker broker;
        QString error;
        QVERIFY2(broker.start({}, &error), qPrintable(error));
        RemoteClusterOptions options;
        options.bootstrapServers = broker.bootstrap();
        options.pollIntervalMs = 300;
        RemoteCluster cluster(options);
        ui::MainWindow window(&cluster);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(waitForStart(cluster).first);
        QCOMPARE(waitForCommand(cluster, cluster.createTopic(QStringLiteral("payments"), 3)).first, 0);
        ProduceRequest request;
        request.topic = QStringLiteral("payments");
        request.key = QStringLiteral("customer-{i}");
        request.value = QStringLiteral("{\"amount\": {i}}");
        request.valueSerializer = QStringLiteral("json");
        request.headers = {{"source", QByteArray("tst_remotewindow")}};
        request.count = 30;
        bool finished = false;
        connect(&cluster, &ClusterClient::produceProgress, this,
            [&](quint64, const ProduceReport &r) { finished = finished || r.finished; });
        cluster.produce(request);
        QTRY_VERIFY_WITH_TIMEOUT(finished, 20000);
        QVERIFY(waitForSnapshot(cluster, [](const BrokerSnapshot &s) {
            const TopicInfo *t = findTopic(s, QStringLiteral("payments"));
            qint64 records = 0;
            for (const PartitionInfo &p : t ? t->partitions : QList<PartitionInfo> {})
                records += p.logEndOffset;
            return records == 30;
        }));
        QTRY_VERIFY_WITH_TIMEOUT(showsLabel(window, QStringLiteral("1 broker")), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(showsLabel(window, QStringLiteral("Connected")), 5000);
        // librdkafka cannot ask a broker for its log sizes (no DescribeLogDirs): no size column, not "0 bytes".
        auto *topicsTable = window.topicsView()->findChild<QTableView *>(QStringLiteral("topicsTable"));
        QVERIFY(topicsTable);
        QVERIFY(topicsTable->isColumnHidden(ui::TopicsModel::Size));
        QVERIFY(!topicsTable->isColumnHidden(ui::TopicsModel::Replication));
        window.selectTopic(QStringLiteral("payments"));
        QTRY_COMPARE(window.partitionsView()->model()->rowCount(), 3);
        auto *partitionsTable = window.partitionsView()->findChild<QTableView *>(QStringLiteral("partitionsTable"));
        QVERIFY(partitionsTable);
        QVERIFY(partitionsTable->isColumnHidden(ui::PartitionsModel::Size));
        QVERIFY(!partitionsTable->isColumnHidden(ui::PartitionsModel::Replicas));

        const QList<QPair<ui::MainWindow::Tab, QString>> shots {
            {ui::MainWindow::TopicsTab, QStringLiteral("remote-topics.png")},
            {ui::MainWindow::PartitionsTab, QStringLiteral("remote-partitions.png")},
            {ui::MainWindow::MessagesTab, QStringLiteral("remote-messages.png")},
            {ui::MainWindow::GroupsTab, QStringLiteral("remote-groups.png")}};
        for (const auto &[tab, file] : shots) {
            window.showTab(tab);
            QTest::qWait(800); // pages the newly shown view asked for arrive before the grab
            QVERIFY(window.grab().save(outputPath(file)));
        }
    }

    // Last: it installs the Korean catalogue for the rest of the process.
    void brokersTabOnAMockClusterOfThree()
    {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        QCOMPARE(rd_kafka_conf_set(conf, "log_level", "0", errstr, sizeof errstr), RD_KAFKA_CONF_OK);
        std::unique_ptr<rd_kafka_t, decltype(&rd_kafka_destroy)> handle(
            rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr), &rd_kafka_destroy);
        QVERIFY2(handle, errstr);
        std::unique_ptr<rd_kafka_mock_cluster_t, decltype(&rd_kafka_mock_cluster_destroy)> mock(
            rd_kafka_mock_cluster_new(handle.get(), 3), &rd_kafka_mock_cluster_destroy);
        QVERIFY(mock);
        QCOMPARE(rd_kafka_mock_topic_create(mock.get(), "spread", 6, 3), RD_KAFKA_RESP_ERR_NO_ERROR);

        RemoteClusterOptions options;
        options.bootstrapServers = QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(mock.get()));
        options.pollIntervalMs = 300;
        options.requestTimeoutMs = 1500;
        RemoteCluster cluster(options);
        auto window = std::make_unique<ui::MainWindow>(&cluster);
        window->resize(1280, 720);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QVERIFY(waitForStart(cluster).first);

        // Three brokers, one of them the controller, leading the six partitions between them.
        QTRY_COMPARE_WITH_TIMEOUT(brokerStates(*window), QStringLiteral("1 up, 2 up, 3 up"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window->partitionsView()->model()->rowCount(), 6, 15000);
        const ui::BrokersModel *brokers = window->brokersView()->model();
        const auto sum = [brokers](int column, const std::function<int(const QModelIndex &)> &value) {
            int total = 0;
            for (int r = 0; r < brokers->rowCount(); ++r)
                total += value(brokers->index(r, column));
            return total;
        };
        // The row that the cluster's Metadata names as controller says so, and no other (librdkafka 2.0's mock
        // cluster may name an id that is none of its brokers).
        const auto seen = waitForSnapshot(cluster, [](const BrokerSnapshot &s) { return s.brokers.size() == 3; });
        QVERIFY(seen);
        const bool named = std::any_of(seen->brokers.cbegin(), seen->brokers.cend(),
            [&](const BrokerNode &b) { return b.id == seen->controllerId; });
        QTRY_COMPARE_WITH_TIMEOUT(sum(ui::BrokersModel::Controller,
                                      [](const QModelIndex &i) { return i.data().toString() == QLatin1String("yes"); }),
            named ? 1 : 0, 10000);
        QCOMPARE(sum(ui::BrokersModel::LeaderOf, [](const QModelIndex &i) { return i.data(ui::SortRole).toInt(); }), 6);
        // No listener of ours: no Wire clients tab or tree node, and the tree lists the brokers.
        QTabWidget *tabs = tabsOf(*window);
        QVERIFY(!tabs->isTabVisible(tabs->indexOf(window->wireClientsView())));
        QVERIFY(tabs->isTabVisible(tabs->indexOf(window->brokersView())));
        const QString tree = window->treeModel()->dump();
        QVERIFY2(tree.contains(QStringLiteral("  Brokers (3)\n")), qPrintable(tree));
        QVERIFY2(!tree.contains(QStringLiteral("Wire clients")), qPrintable(tree));
        QVERIFY2(!tree.contains(QStringLiteral("broker 0")), qPrintable(tree));
        // The partitions show their replication: three replicas, all in sync.
        const ui::PartitionsModel *partitions = window->partitionsView()->model();
        QVERIFY(partitions->isRemote());
        QCOMPARE(partitions->index(0, ui::PartitionsModel::Replicas).data().toString().count(QLatin1Char(',')), 2);
        QTRY_COMPARE_WITH_TIMEOUT(
            partitions->index(0, ui::PartitionsModel::Status).data().toString(), QStringLiteral("ok"), 10000);
        grabTab(*window, ui::MainWindow::BrokersTab, QStringLiteral("remote-brokers.png"));

        // Partition 5 loses its leader (offline), and the leader of partition 0 goes down.
        QCOMPARE(rd_kafka_mock_partition_set_leader(mock.get(), "spread", 5, -1), RD_KAFKA_RESP_ERR_NO_ERROR);
        const int down = partitions->rowAt(partitions->rowOf(0)).leader;
        QCOMPARE(rd_kafka_mock_broker_set_down(mock.get(), down), RD_KAFKA_RESP_ERR_NO_ERROR);
        // Shown as not up (librdkafka cycles a lost broker through DOWN, INIT and CONNECT while it retries), or left
        // out when the mock cluster no longer lists it (as tst_remotecluster_mock allows).
        const QString upRow = QStringLiteral("%1 up").arg(down);
        QTRY_VERIFY2_WITH_TIMEOUT(!brokerStates(*window).contains(upRow), qPrintable(brokerStates(*window)), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(partitions->index(partitions->rowOf(0), ui::PartitionsModel::Status).data().toString()
                != QLatin1String("ok"),
            20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            partitions->index(partitions->rowOf(5), ui::PartitionsModel::Status).data().toString(),
            QStringLiteral("offline"), 20000);
        grabTab(*window, ui::MainWindow::BrokersTab, QStringLiteral("remote-brokers-down.png"));
        grabTab(*window, ui::MainWindow::PartitionsTab, QStringLiteral("remote-partitions-replication.png"));

        // The same in Korean (texts are read when the window is built: a new one).
        window.reset();
        uitest::ensureKoreanFont();
        QVERIFY(ui::Language::install(qApp, QStringLiteral("ko")));
        window = std::make_unique<ui::MainWindow>(&cluster);
        window->resize(1280, 720);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(window->brokersView() && window->brokersView()->model()->rowCount() >= 2, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window->partitionsView()->model()->rowCount(), 6, 15000);
        QTabWidget *koTabs = tabsOf(*window);
        QCOMPARE(koTabs->tabText(koTabs->indexOf(window->brokersView())), QStringLiteral("브로커"));
        grabTab(*window, ui::MainWindow::BrokersTab, QStringLiteral("remote-brokers-ko.png"));
        grabTab(*window, ui::MainWindow::PartitionsTab, QStringLiteral("remote-partitions-ko.png"));
        window.reset();
        QCOMPARE(rd_kafka_mock_broker_set_up(mock.get(), down), RD_KAFKA_RESP_ERR_NO_ERROR);
    }
};

QTEST_MAIN(TestRemoteWindow)
#include "tst_remotewindow.moc"
