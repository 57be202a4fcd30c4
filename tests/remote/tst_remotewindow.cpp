// The explorer window on a remote cluster: the embedded broker started as a separate process, reached only through
// RemoteCluster (librdkafka), shown by the same MainWindow the embedded broker uses. The views must not notice: the
// cluster tree is named after the cluster, the status bar shows its brokers and its connection, topics and messages
// fill in. Offscreen PNGs of the tabs land in the build directory (remote-*.png) for a person to look at.
#include "interopbroker.h"
#include "mainwindow.h"
#include "remoteclusterfixture.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QStandardPaths>
#include <QTest>

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
};

QTEST_MAIN(TestRemoteWindow)
#include "tst_remotewindow.moc"
