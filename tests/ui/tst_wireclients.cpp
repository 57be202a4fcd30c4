// The explorer shows the broker's Kafka listener: its address and connections in the status bar, and each
// connected client in the cluster tree, fed by the real snapshot path of an in-memory broker listening on a free
// loopback port. Clients are plain TCP connections here (POSIX sockets: the test links no Qt Network).
#include "clustertreemodel.h"
#include "mainwindow.h"
#include "protocollanemodel.h"
#include "protocollaneview.h"
#include "rawclient.h"
#include "runtime/enginefacade.h"
#include "wireclientsmodel.h"
#include "wireclientsview.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace topicscope;
using testsupport::apiVersionsRequest;
using testsupport::RawClient;

namespace {

// An in-memory broker whose listener takes a free loopback port.
engine::EngineOptions listeningOptions()
{
    engine::EngineOptions options;
    options.storage.inMemory = true;
    engine::KafkaServerOptions listener;
    listener.listenPort = 0; // a free port
    options.listener = listener;
    return options;
}

// Starts the broker and waits until it started and a snapshot names its listener (a topic is created: an event,
// so that a snapshot comes); last follows every snapshot from then on.
bool startListening(engine::EngineFacade &facade, QObject *context, engine::BrokerSnapshot &last)
{
    QObject::connect(&facade, &engine::EngineFacade::snapshotUpdated, context,
        [&last](const engine::BrokerSnapshot &s) { last = s; });
    QSignalSpy started(&facade, &engine::EngineFacade::started);
    facade.start();
    if (!QTest::qWaitFor([&] { return started.count() == 1; }) || !started.at(0).at(0).toBool())
        return false;
    facade.createTopic(QStringLiteral("t"), 1);
    return QTest::qWaitFor([&] { return !last.listenAddress.isEmpty(); });
}

} // namespace

class TestWireClients : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TopicscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_wireclients"));
    }

    void listenerAndClientsAreShown()
    {
        engine::EngineFacade facade(listeningOptions());
        ui::MainWindow window(&facade);
        QAbstractItemModelTester tester(window.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        engine::BrokerSnapshot last;
        QVERIFY(startListening(facade, this, last));
        QVERIFY(last.listenAddress.startsWith(QStringLiteral("127.0.0.1:")));
        const quint16 port = quint16(last.listenAddress.section(QLatin1Char(':'), -1).toUInt());
        QVERIFY(port > 0);
        auto *status = window.findChild<QLabel *>(QStringLiteral("statusListener"));
        QVERIFY(status);
        QTRY_COMPARE(status->text(), QStringLiteral("Kafka on %1 · 0 connections").arg(last.listenAddress));

        // Two clients connect: the listener's tick notices them without any other event.
        RawClient a(port);
        RawClient b(port);
        QVERIFY(a.isConnected() && b.isConnected());
        QTRY_COMPARE_WITH_TIMEOUT(last.wireClients.size(), 2, 5000);
        QVERIFY(last.wireClients.at(0).peer.startsWith(QStringLiteral("127.0.0.1:")));
        QVERIFY(last.wireClients.at(0).connectionId < last.wireClients.at(1).connectionId);
        QTRY_COMPARE(status->text(), QStringLiteral("Kafka on %1 · 2 connections").arg(last.listenAddress));
        const QString tree = window.treeModel()->dump();
        QVERIFY2(tree.contains(QStringLiteral("Wire clients (2) on %1").arg(last.listenAddress)), qPrintable(tree));
        QVERIFY2(tree.contains(QStringLiteral("%1 · connection %2")
                                   .arg(last.wireClients.at(1).peer)
                                   .arg(last.wireClients.at(1).connectionId)),
            qPrintable(tree));

        // One leaves.
        a.close();
        QTRY_COMPARE_WITH_TIMEOUT(last.wireClients.size(), 1, 5000);
        QTRY_VERIFY(window.treeModel()->dump().contains(QStringLiteral("Wire clients (1) on ")));
        QTRY_COMPARE(status->text(), QStringLiteral("Kafka on %1 · 1 connection").arg(last.listenAddress));
    }

    void clientIdAndLaneReachTheClientsTab()
    {
        engine::EngineFacade facade(listeningOptions());
        ui::MainWindow window(&facade);
        QAbstractItemModelTester tester(
            window.wireClientsView()->clientsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        engine::BrokerSnapshot last;
        QVERIFY(startListening(facade, this, last));
        const quint16 port = quint16(last.listenAddress.section(QLatin1Char(':'), -1).toUInt());

        // A client that names itself: requests that change nothing in the broker still reach the window.
        RawClient client(port);
        QVERIFY(client.isConnected());
        client.write(apiVersionsRequest(1, "probe-client") + apiVersionsRequest(2, "probe-client"));
        QTRY_VERIFY_WITH_TIMEOUT(
            window.treeModel()->dump().contains(QStringLiteral("probe-client · 127.0.0.1:")), 5000);
        ui::WireClientsView *view = window.wireClientsView();
        QTRY_COMPARE(view->clientsModel()->rowCount(), 1);
        QCOMPARE(view->clientsModel()->rowAt(0).clientId, QStringLiteral("probe-client"));
        QTRY_COMPARE(view->lane()->model()->rowCount(), 2);
        QCOMPARE(view->lane()->model()->index(1, ui::ProtocolLaneModel::Api).data().toString(),
            QStringLiteral("ApiVersions v0"));

        // The tree's client node opens the Wire clients tab on that client.
        const QModelIndex folder = window.treeModel()->index(2, 0, window.treeModel()->index(0, 0));
        const QModelIndex node = window.treeModel()->index(0, 0, folder);
        Q_EMIT window.findChild<QTreeView *>(QStringLiteral("clusterTree"))->activated(node);
        QCOMPARE(window.findChild<QTabWidget *>()->currentWidget(), view);
        QCOMPARE(view->currentConnection(), last.wireClients.constFirst().connectionId);
        QCOMPARE(view->clientsModel()->index(0, ui::WireClientsModel::ApiVersions).data().toString(),
            QStringLiteral("ApiVersions v0"));

        client.close();
        QTRY_COMPARE_WITH_TIMEOUT(view->clientsModel()->rowCount(), 0, 5000);
        QCOMPARE(view->currentConnection(), quint64(0));
    }

    void noListenerIsSaidSo()
    {
        engine::EngineOptions options;
        options.storage.inMemory = true;
        engine::EngineFacade facade(options);
        ui::MainWindow window(&facade);
        QSignalSpy snapshots(&facade, &engine::EngineFacade::snapshotUpdated);
        facade.start();
        facade.createTopic(QStringLiteral("t"), 1);
        QTRY_VERIFY(!snapshots.isEmpty());
        QTRY_COMPARE(
            window.findChild<QLabel *>(QStringLiteral("statusListener"))->text(), QStringLiteral("No Kafka listener"));
        QVERIFY(window.treeModel()->dump().contains(QStringLiteral("Wire clients (no listener)")));
    }
};

QTEST_MAIN(TestWireClients)
#include "tst_wireclients.moc"
