// The wire clients view on hand-built snapshots (tests/common/wireexchangefixture.h): the clients model under
// QAbstractItemModelTester (text dump, a closed connection's row goes), the lane of the selected client or of all,
// the group members' session timeout and last heartbeat, and screenshots (PNG) of the view, also at 1280x720, and
// of the whole window on its Wire clients tab, reached from the cluster tree.
#include "clustertreemodel.h"
#include "format.h"
#include "groupmembersmodel.h"
#include "language.h"
#include "mainwindow.h"
#include "protocollanefilter.h"
#include "protocollaneview.h"
#include "tableview.h"
#include "uifakecluster.h"
#include "wireclientsmodel.h"
#include "wireclientsview.h"
#include "wireexchangefixture.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace topicscope;

namespace {

QString outputPath(const QString &name)
{
    return QDir(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR)).filePath(name);
}

QString dump(const QAbstractItemModel &model, int fromColumn = 0)
{
    QStringList lines;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = fromColumn; c < model.columnCount(); ++c)
            cells << model.index(r, c).data().toString();
        lines << cells.join(QStringLiteral(" | "));
    }
    return lines.join(QLatin1Char('\n'));
}

engine::BrokerSnapshot storySnapshot()
{
    engine::BrokerSnapshot s;
    s.inMemory = true;
    s.takenAtMs = uitest::ExchangeEpochMs + 9000;
    s.listenAddress = QStringLiteral("127.0.0.1:9092");
    s.wireClients = uitest::storyClients();
    uitest::ExchangeBuilder b;
    s.exchanges = b.rebalanceStory();
    engine::GroupDescription g;
    g.groupId = QStringLiteral("billing");
    g.state = QStringLiteral("Stable");
    g.protocolType = QStringLiteral("consumer");
    g.generationId = 2;
    g.leader = QStringLiteral("billing-1-7f3a");
    for (const auto &[member, client, heartbeat] :
        {std::tuple {QStringLiteral("billing-1-7f3a"), QStringLiteral("billing-1"), qint64(8120)},
            std::tuple {QStringLiteral("billing-2-9c01"), QStringLiteral("billing-2"), qint64(5831)}}) {
        engine::GroupMemberDescription m;
        m.memberId = member;
        m.clientId = client;
        m.clientHost = QStringLiteral("/127.0.0.1");
        m.sessionTimeoutMs = 10000;
        m.lastHeartbeatMs = uitest::ExchangeEpochMs + heartbeat;
        g.members << m;
    }
    s.groups << g;
    s.groupOffsets << engine::GroupOffsets {};
    s.groupOffsets.first().groupId = g.groupId;
    return s;
}

} // namespace

class TestWireClientsView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TopicscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_wireclientsview"));
        QSettings().clear();
    }

    void clientsModelRows()
    {
        ui::WireClientsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        engine::BrokerSnapshot s = storySnapshot();
        model.setSnapshot(s);
        QCOMPARE(dump(model, ui::WireClientsModel::ClientId).section(QLatin1Char('\n'), 0, 3),
            QStringLiteral(
                "orders-producer | 127.0.0.1:54001 | produces | 0.4/s | 2.0 KiB/s | 512 bytes/s | Produce v9, Metadata "
                "v12, ApiVersions v3 | —\n"
                "billing-1 | 127.0.0.1:54002 | member of billing | 0.6/s | 96 bytes/s | 144 bytes/s | OffsetCommit v8, "
                "FindCoordinator v4, JoinGroup v5, Heartbeat v4, SyncGroup v5 | Heartbeat: REBALANCE_IN_PROGRESS at "
                "%1\n"
                "billing-1 | 127.0.0.1:54003 | fetches | 2.0/s | 160 bytes/s | 3.0 MiB/s | Fetch v12 | —\n"
                "(no client.id) | 127.0.0.1:54006 | admin | — | — | — | CreateTopics v4, DescribeConfigs v4 | —")
                .arg(ui::format::timeOfDay(uitest::ExchangeEpochMs + 5121).left(8)));
        QVERIFY(model.index(1, ui::WireClientsModel::LastError).data(Qt::ForegroundRole).canConvert<QColor>());
        QVERIFY(model.index(1, 0).data(ui::WireClientsModel::HasErrorRole).toBool());
        QCOMPARE(model.index(2, 0).data(ui::WireClientsModel::ConnectionRole).toULongLong(), quint64(3));
        QVERIFY(model.index(1, ui::WireClientsModel::Roles)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("billing-1-7f3a")));
        // Rates change in place; a closed connection's row goes.
        s.wireClients[0].requestsPerSecond = 12;
        s.wireClients.removeAt(2);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot(s);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, ui::WireClientsModel::RequestRate).data().toString(), QStringLiteral("12/s"));
    }

    void laneOfTheSelectedClientOrOfAll()
    {
        ui::WireClientsView view;
        QAbstractItemModelTester tester(view.clientsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester laneTester(
            view.lane()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setSnapshot(storySnapshot());
        QCOMPARE(view.clientsModel()->rowCount(), 4);
        QCOMPARE(view.lane()->model()->rowCount(), 24);
        QCOMPARE(view.currentConnection(), quint64(0));
        QCOMPARE(view.lane()->filter()->rowCount(), 24);
        auto *all = view.findChild<QPushButton *>(QStringLiteral("laneAllClients"));
        QVERIFY(all && !all->isEnabled());

        view.selectConnection(4 + 0); // billing-2 is not a row of storyClients: nothing selected
        QCOMPARE(view.currentConnection(), quint64(0));
        view.selectConnection(2);
        QCOMPARE(view.currentConnection(), quint64(2));
        QCOMPARE(view.lane()->filter()->connectionId(), quint64(2));
        QCOMPARE(view.lane()->filter()->rowCount(), 10);
        QVERIFY(all->isEnabled());
        // Clicking another row in the table shows that client's lane.
        view.clientsTable()->selectSourceRow(view.clientsModel()->rowOf(3));
        QCOMPARE(view.lane()->filter()->rowCount(), 3);
        all->click();
        QCOMPARE(view.currentConnection(), quint64(0));
        QCOMPARE(view.lane()->filter()->rowCount(), 24);
        // Exchanges of later snapshots are appended, and the dropped ones counted.
        engine::BrokerSnapshot next = storySnapshot();
        uitest::ExchangeBuilder b;
        next.exchanges = {b.make(1, QStringLiteral("orders-producer"), 0, QStringLiteral("Produce"), 9, 9500)};
        next.exchangesDropped = 7;
        view.setSnapshot(next);
        QCOMPARE(view.lane()->model()->rowCount(), 25);
        QVERIFY2(view.lane()->statusText().contains(QStringLiteral("7 older")), qPrintable(view.lane()->statusText()));
    }

    void membersShowSessionTimeoutAndLastHeartbeat()
    {
        ui::GroupMembersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGroup(QStringLiteral("billing"));
        engine::BrokerSnapshot s = storySnapshot();
        model.setSnapshot(s);
        QStringList rows;
        for (int r = 0; r < model.rowCount(); ++r)
            rows << QStringLiteral("%1 %2 %3")
                        .arg(model.index(r, ui::GroupMembersModel::MemberId).data().toString(),
                            model.index(r, ui::GroupMembersModel::SessionTimeout).data().toString(),
                            model.index(r, ui::GroupMembersModel::LastHeartbeat).data().toString());
        QCOMPARE(rows.join(QLatin1Char('\n')),
            QStringLiteral("billing-1-7f3a 10 s 0.9 s ago\nbilling-2-9c01 10 s 3.2 s ago"));
        QCOMPARE(model.index(1, ui::GroupMembersModel::LastHeartbeat).data(ui::SortRole).toLongLong(), qint64(3169));
        // A later snapshot moves the age; a minute and more reads in minutes.
        s.takenAtMs += 70'000;
        model.setSnapshot(s);
        QCOMPARE(
            model.index(1, ui::GroupMembersModel::LastHeartbeat).data().toString(), QStringLiteral("1 min 13 s ago"));
        QCOMPARE(ui::GroupMembersModel::heartbeatAge(-1), QStringLiteral("—"));
    }

    void screenshots()
    {
        for (const QSize size : {QSize(1100, 620), QSize(1280, 720)}) {
            ui::WireClientsView view;
            view.resize(size);
            view.setSnapshot(storySnapshot());
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QVERIFY(view.minimumSizeHint().width() <= size.width());
            QVERIFY(view.grab().save(
                outputPath(QStringLiteral("wireclients-%1x%2.png").arg(size.width()).arg(size.height()))));
            view.selectConnection(2);
            QVERIFY(view.grab().save(
                outputPath(QStringLiteral("wireclients-selected-%1x%2.png").arg(size.width()).arg(size.height()))));
        }
    }

    void treeNodeOpensTheViewInTheWindow()
    {
        uitest::FakeCluster cluster;
        ui::MainWindow window(&cluster);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        cluster.start();
        Q_EMIT cluster.snapshotUpdated(storySnapshot());
        ui::ClusterTreeModel *tree = window.treeModel();
        const QString text = tree->dump();
        QVERIFY2(text.contains(QStringLiteral("orders-producer · 127.0.0.1:54001 · connection 1")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("127.0.0.1:54006 · connection 6")), qPrintable(text));
        const QModelIndex clients = tree->index(2, 0, tree->index(0, 0));
        QCOMPARE(clients.data(ui::ClusterTreeModel::KindRole).toInt(), int(ui::ClusterTreeModel::Kind::ClientsFolder));
        auto *treeView = window.findChild<QTreeView *>(QStringLiteral("clusterTree"));
        auto *tabs = window.findChild<QTabWidget *>();
        Q_EMIT treeView->activated(clients);
        QCOMPARE(tabs->currentWidget(), window.wireClientsView());
        QCOMPARE(window.wireClientsView()->currentConnection(), quint64(0));
        window.showTab(ui::MainWindow::TopicsTab);
        const QModelIndex fetcher = tree->index(2, 0, clients);
        QCOMPARE(fetcher.data(ui::ClusterTreeModel::ConnectionRole).toULongLong(), quint64(3));
        Q_EMIT treeView->activated(fetcher);
        QCOMPARE(tabs->currentWidget(), window.wireClientsView());
        QCOMPARE(window.wireClientsView()->currentConnection(), quint64(3));
        QCOMPARE(window.wireClientsView()->lane()->filter()->rowCount(), 3);
        QTest::qWait(50);
        QVERIFY(window.grab().save(outputPath(QStringLiteral("wireclients-window-1280x720.png"))));
    }

    // Last: the Korean catalogue stays installed for the rest of the process.
    void koreanTexts()
    {
        if (QFontDatabase::families(QFontDatabase::Korean).isEmpty()) {
            for (const char *path : {"/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
                     "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"}) {
                if (QFile::exists(QString::fromLatin1(path)))
                    QFontDatabase::addApplicationFont(QString::fromLatin1(path));
            }
        }
        QVERIFY(ui::Language::install(qApp, QStringLiteral("ko")));
        ui::WireClientsView view;
        view.resize(1280, 720);
        view.setSnapshot(storySnapshot());
        view.selectConnection(2);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(
            view.clientsModel()->headerData(ui::WireClientsModel::ClientId, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("클라이언트 ID"));
        QCOMPARE(
            view.lane()->model()->headerData(ui::ProtocolLaneModel::Error, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("오류"));
        QCOMPARE(view.clientsModel()->index(1, ui::WireClientsModel::Roles).data().toString(),
            QStringLiteral("billing 그룹 멤버"));
        QVERIFY(view.grab().save(outputPath(QStringLiteral("wireclients-ko-1280x720.png"))));
    }
};

QTEST_MAIN(TestWireClientsView)
#include "tst_wireclientsview.moc"
