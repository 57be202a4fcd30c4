// The explorer shows the broker's Kafka listener: its address and connections in the status bar, and each
// connected client in the cluster tree, fed by the real snapshot path of an in-memory broker listening on a free
// loopback port. Clients are plain TCP connections here (POSIX sockets: the test links no Qt Network).
#include "clustertreemodel.h"
#include "mainwindow.h"
#include "rawclient.h"
#include "runtime/enginefacade.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace topicscope;
using testsupport::RawClient;

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
        engine::EngineOptions options;
        options.storage.inMemory = true;
        engine::KafkaServerOptions listener;
        listener.listenPort = 0; // a free port
        options.listener = listener;
        engine::EngineFacade facade(options);
        ui::MainWindow window(&facade);
        QAbstractItemModelTester tester(window.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        engine::BrokerSnapshot last;
        connect(
            &facade, &engine::EngineFacade::snapshotUpdated, this, [&](const engine::BrokerSnapshot &s) { last = s; });
        QSignalSpy started(&facade, &engine::EngineFacade::started);
        facade.start();
        QTRY_COMPARE(started.count(), 1);
        QVERIFY(started.at(0).at(0).toBool());
        facade.createTopic(QStringLiteral("t"), 1); // an event, so that a snapshot comes
        QTRY_VERIFY(!last.listenAddress.isEmpty());
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
