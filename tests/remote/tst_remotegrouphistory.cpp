// Rebalance history on a remote cluster: the embedded broker started as a separate process and explored through
// RemoteCluster. Two librdkafka consumers join a group, one leaves: the snapshots' GroupHistory shows the generations
// in order, with their members and assignments, read from __consumer_offsets (the embedded broker writes Kafka's
// GroupMetadata records) and merged with what polling saw. A connection that cannot read __consumer_offsets (a topic
// name the cluster lacks stands for it) still gets the polled rows and a plain reason. Then the Groups view shows the
// history (its model under QAbstractItemModelTester) and offscreen PNGs at 1280x720 land in the build directory:
// remote-rebalance-history.png, remote-rebalance-history-ko.png and remote-rebalance-history-unread.png.
#include "group/generationhistory.h"
#include "groupconsumer.h"
#include "groupsmodel.h"
#include "groupsview.h"
#include "interopbroker.h"
#include "koreanfont.h"
#include "language.h"
#include "mainwindow.h"
#include "rebalancehistorymodel.h"
#include "remoteclusterfixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <memory>

using namespace topicscope;
using namespace topicscope::engine;
using namespace topicscope::remotetest;

namespace {

const QString Topic = QStringLiteral("history");
const QString Group = QStringLiteral("rebalancers");

// Quick rebalances: a member hears of one within 100 ms.
const QList<std::pair<QByteArray, QByteArray>> QuickGroup {
    {"heartbeat.interval.ms", "100"}, {"session.timeout.ms", "6000"}};

QList<GroupGeneration> rowsOf(const BrokerSnapshot &s, const QString &group)
{
    QList<GroupGeneration> out;
    for (const GroupGeneration &r : s.groupHistory.rows) {
        if (r.groupId == group)
            out.append(r);
    }
    return out;
}

// "tst-a,tst-b": the members by client id.
QString clientsOf(const GroupGeneration &row)
{
    QStringList clients;
    for (const GenerationMember &m : row.members)
        clients.append(m.clientId);
    clients.sort();
    return clients.join(QLatin1Char(','));
}

QString dump(const QList<GroupGeneration> &rows)
{
    QStringList out;
    for (const GroupGeneration &r : rows)
        out.append(GenerationHistory::describe(r));
    return out.join(QLatin1Char('\n'));
}

// The first snapshot whose newest row of the group has tst-b alone (a consumer already a member when the cluster
// is opened); nullopt after 15 s, with the rows seen last printed.
std::optional<BrokerSnapshot> waitForLastRowOfB(RemoteCluster &cluster)
{
    BrokerSnapshot last;
    const auto seen = waitForSnapshot(
        cluster,
        [](const BrokerSnapshot &s) {
            const QList<GroupGeneration> rows = rowsOf(s, Group);
            return !rows.isEmpty() && clientsOf(rows.constLast()) == QLatin1String("tst-b");
        },
        15000, &last);
    if (!seen)
        qWarning().noquote() << "rows seen last:" << dump(rowsOf(last, Group));
    return seen;
}

// The rows whose members are exactly these clients, in order, each after the previous: the index of each, or -1.
QList<qsizetype> find(const QList<GroupGeneration> &rows, const QStringList &sequence)
{
    QList<qsizetype> at;
    qsizetype from = 0;
    for (const QString &clients : sequence) {
        qsizetype found = -1;
        for (qsizetype i = from; i < rows.size() && found < 0; ++i) {
            if (clientsOf(rows.at(i)) == clients)
                found = i;
        }
        at.append(found);
        if (found < 0)
            break;
        from = found + 1;
    }
    return at;
}

QString outputPath(const QString &name)
{
    return QDir(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR)).filePath(name);
}

} // namespace

class TestRemoteGroupHistory : public QObject {
    Q_OBJECT
private:
    interoptest::InteropBroker m_broker;
    // The consumers are polled from the event loop while a test waits for snapshots.
    std::unique_ptr<GroupConsumer> m_a;
    std::unique_ptr<GroupConsumer> m_b;
    QTimer m_pump;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TopicscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_remotegrouphistory"));
        QString error;
        QVERIFY2(m_broker.start({QStringLiteral("--group-initial-rebalance-delay-ms"), QStringLiteral("0")}, &error),
            qPrintable(error));
        m_pump.setInterval(20);
        connect(&m_pump, &QTimer::timeout, this, [this] {
            for (GroupConsumer *c : {m_a.get(), m_b.get()}) {
                if (c)
                    c->pollOnce();
            }
        });
        m_pump.start();
    }

    void cleanupTestCase()
    {
        m_pump.stop();
        m_a.reset();
        m_b.reset();
        m_broker.stop();
    }

    // Joins, a second member, a leave: the generations in order, from __consumer_offsets and polling.
    void generationsFromOffsetsTopicAndPolling()
    {
        RemoteCluster cluster(optionsFor(m_broker.bootstrap()));
        const auto [ok, error] = waitForStart(cluster);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(waitForCommand(cluster, cluster.createTopic(Topic, 3)).first, 0);

        QString why;
        m_a = std::make_unique<GroupConsumer>();
        QVERIFY2(
            m_a->start(m_broker.bootstrap(), Topic, &why, Group, QStringLiteral("tst-a"), QuickGroup), qPrintable(why));
        QVERIFY(waitForSnapshot(cluster, [](const BrokerSnapshot &s) {
            const QList<GroupGeneration> rows = rowsOf(s, Group);
            return !rows.isEmpty() && clientsOf(rows.constLast()) == QLatin1String("tst-a");
        }));
        m_b = std::make_unique<GroupConsumer>();
        QVERIFY2(
            m_b->start(m_broker.bootstrap(), Topic, &why, Group, QStringLiteral("tst-b"), QuickGroup), qPrintable(why));
        QVERIFY(waitForSnapshot(cluster, [](const BrokerSnapshot &s) {
            const QList<GroupGeneration> rows = rowsOf(s, Group);
            return !rows.isEmpty() && clientsOf(rows.constLast()) == QLatin1String("tst-a,tst-b");
        }));
        m_a->close(); // LeaveGroup
        BrokerSnapshot last;
        const auto settled = waitForSnapshot(
            cluster,
            [](const BrokerSnapshot &s) {
                const QList<GroupGeneration> rows = rowsOf(s, Group);
                // The last generation seen by both sources: the record was read and polling saw the same.
                return !rows.isEmpty() && clientsOf(rows.constLast()) == QLatin1String("tst-b")
                    && rows.constLast().hasSource(GroupGeneration::Polled)
                    && rows.constLast().hasSource(GroupGeneration::OffsetsTopic);
            },
            15000, &last);
        QVERIFY2(
            settled, qPrintable(dump(rowsOf(last, Group)) + QLatin1Char('\n') + last.groupHistory.offsetsTopicError));
        QCOMPARE(settled->groupHistory.offsetsTopicAccess, GroupHistory::OffsetsTopicAccess::Reading);
        QCOMPARE(settled->groupHistory.offsetsTopic, QStringLiteral("__consumer_offsets"));
        QCOMPARE(settled->groupHistory.offsetsTopicError, QString());

        const QList<GroupGeneration> rows = rowsOf(*settled, Group);
        const QList<qsizetype> at
            = find(rows, {QStringLiteral("tst-a"), QStringLiteral("tst-a,tst-b"), QStringLiteral("tst-b")});
        QVERIFY2(!at.contains(-1) && at.size() == 3, qPrintable(dump(rows)));
        const QList<TopicPartition> all {{Topic, 0}, {Topic, 1}, {Topic, 2}};
        qint32 previous = 0;
        for (const qsizetype i : at) {
            const GroupGeneration &r = rows.at(i);
            // From the GroupMetadata records: the generation, the protocol, the leader, the members' hosts.
            QVERIFY2(r.hasSource(GroupGeneration::OffsetsTopic), qPrintable(dump(rows)));
            QVERIFY2(r.generation > previous, qPrintable(dump(rows)));
            previous = r.generation;
            QCOMPARE(r.protocolType, QStringLiteral("consumer"));
            QVERIFY(!r.assignor.isEmpty());
            QVERIFY(!r.leader.isEmpty());
            QList<TopicPartition> assigned;
            for (const GenerationMember &m : r.members) {
                QVERIFY(!m.clientHost.isEmpty());
                QVERIFY2(!m.assignment.isEmpty(), qPrintable(dump(rows)));
                assigned += m.assignment;
            }
            std::sort(assigned.begin(), assigned.end());
            QCOMPARE(assigned, all);
        }
        // Two members share the three partitions; the one left holds them all again.
        const GroupGeneration &shared = rows.at(at.at(1));
        QCOMPARE(shared.members.size(), 2);
        QVERIFY(!shared.partitionsMoved.isEmpty());
        QVERIFY(!rows.at(at.at(2)).partitionsMoved.isEmpty());
        // The reader (client id topicscope-history) only fetched: no group request of any kind.
        const QStringList apis = interoptest::apiVersionsInUse(m_broker.log());
        const auto reader = std::find_if(apis.cbegin(), apis.cend(),
            [](const QString &line) { return line.startsWith(QLatin1String("topicscope-history:")); });
        QVERIFY2(reader != apis.cend(), qPrintable(apis.join(QLatin1Char('\n'))));
        for (const char *api : {"FindCoordinator", "JoinGroup", "SyncGroup", "Heartbeat", "OffsetCommit", "LeaveGroup"})
            QVERIFY2(!reader->contains(QLatin1String(api)), qPrintable(*reader));
        // librdkafka 2.0 describes the group without its generation and leader; the newest record's, whose members
        // are the ones described, fill them in.
        const auto group = std::find_if(settled->groups.cbegin(), settled->groups.cend(),
            [](const GroupDescription &g) { return g.groupId == Group; });
        QVERIFY(group != settled->groups.cend());
        QCOMPARE(group->generationId, rows.at(at.at(2)).generation);
        QCOMPARE(group->leader, rows.at(at.at(2)).leader);
        // Every row is one generation: no generation twice.
        QSet<qint32> generations;
        for (const GroupGeneration &r : rows) {
            if (r.generation >= 0) {
                QVERIFY2(!generations.contains(r.generation), qPrintable(dump(rows)));
                generations.insert(r.generation);
            }
        }
    }

    // A connection that may not read __consumer_offsets (here: told to read a topic the cluster lacks) still shows
    // what polling saw, and says why the rest is missing.
    void withoutOffsetsTopicPollingRowsAndAReason()
    {
        QVERIFY(m_b); // still a member of the group
        RemoteClusterOptions options = optionsFor(m_broker.bootstrap());
        options.offsetsTopic = QStringLiteral("__consumer_offsets_hidden");
        RemoteCluster cluster(options);
        QVERIFY(waitForStart(cluster).first);
        const auto seen = waitForLastRowOfB(cluster);
        QVERIFY(seen);
        QCOMPARE(seen->groupHistory.offsetsTopicAccess, GroupHistory::OffsetsTopicAccess::NotListed);
        QCOMPARE(seen->groupHistory.offsetsTopic, QStringLiteral("__consumer_offsets_hidden"));
        for (const GroupGeneration &r : rowsOf(*seen, Group)) {
            QCOMPARE(r.sources, int(GroupGeneration::Polled));
            QCOMPARE(r.generation, -1); // librdkafka 2.0's descriptions carry none
            QCOMPARE(r.state, QStringLiteral("Stable"));
        }
        // Nothing tells the group's generation: it is unknown (-1), not 0, and the Groups table says "—".
        const auto described = std::find_if(
            seen->groups.cbegin(), seen->groups.cend(), [](const GroupDescription &g) { return g.groupId == Group; });
        QVERIFY(described != seen->groups.cend());
        QCOMPARE(described->generationId, -1);
        // The Groups view says so in plain words, and still lists the polled row.
        ui::MainWindow window(&cluster);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showTab(ui::MainWindow::GroupsTab);
        ui::GroupsView *groups = window.groupsView();
        QTRY_VERIFY_WITH_TIMEOUT(groups->groupsModel()->rowOf(Group) >= 0, 10000);
        const QModelIndex generation
            = groups->groupsModel()->index(groups->groupsModel()->rowOf(Group), ui::GroupsModel::Generation);
        QCOMPARE(generation.data().toString(), QStringLiteral("—"));
        QVERIFY(generation.data(Qt::ToolTipRole).toString().contains(QLatin1String("__consumer_offsets")));
        groups->selectGroup(Group);
        QTRY_VERIFY_WITH_TIMEOUT(groups->historyModel()->rowCount() >= 1, 10000);
        QVERIFY2(groups->historyNote().contains(QLatin1String("Only what polling saw: the cluster does not list")),
            qPrintable(groups->historyNote()));
        QVERIFY(groups->historyNote().contains(QLatin1String("__consumer_offsets_hidden")));
        const QModelIndex source
            = groups->historyModel()->index(groups->historyModel()->rowCount() - 1, ui::RebalanceHistoryModel::Source);
        QCOMPARE(source.data().toString(), QStringLiteral("polled"));
        QTest::qWait(300);
        QVERIFY(window.grab().save(outputPath(QStringLiteral("remote-rebalance-history-unread.png"))));
    }

    // A connection set not to read __consumer_offsets (a cluster that commits a lot): the topic is there, but the
    // history is what polling saw, and the view says it was turned off.
    void readingTheOffsetsTopicCanBeTurnedOff()
    {
        QVERIFY(m_b);
        RemoteClusterOptions options = optionsFor(m_broker.bootstrap());
        options.readOffsetsTopic = false;
        RemoteCluster cluster(options);
        QVERIFY(waitForStart(cluster).first);
        const auto seen = waitForLastRowOfB(cluster);
        QVERIFY(seen);
        QCOMPARE(seen->groupHistory.offsetsTopicAccess, GroupHistory::OffsetsTopicAccess::TurnedOff);
        QVERIFY(std::any_of(seen->topics.cbegin(), seen->topics.cend(),
            [](const TopicInfo &t) { return t.name == QLatin1String("__consumer_offsets"); }));
        for (const GroupGeneration &r : rowsOf(*seen, Group))
            QCOMPARE(r.sources, int(GroupGeneration::Polled)); // the topic read, rows would say so
        ui::MainWindow window(&cluster);
        window.show();
        ui::GroupsView *groups = window.groupsView();
        QTRY_VERIFY_WITH_TIMEOUT(groups->groupsModel()->rowOf(Group) >= 0, 10000);
        groups->selectGroup(Group);
        QTRY_VERIFY_WITH_TIMEOUT(groups->historyNote().contains(QLatin1String("turned off")), 10000);
        QVERIFY2(
            groups->historyNote().contains(QLatin1String("__consumer_offsets")), qPrintable(groups->historyNote()));
    }

    // The Groups view on the remote cluster: the history table, its model under the tester, PNGs in English and
    // Korean. Last: it installs the Korean catalogue for the rest of the process.
    void groupsViewShowsTheHistory()
    {
        QVERIFY(m_b);
        RemoteCluster cluster(optionsFor(m_broker.bootstrap()));
        auto window = std::make_unique<ui::MainWindow>(&cluster);
        auto tester = std::make_unique<QAbstractItemModelTester>(
            window->groupsView()->historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        window->resize(1280, 720);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QVERIFY(waitForStart(cluster).first);
        window->showTab(ui::MainWindow::GroupsTab);
        ui::GroupsView *groups = window->groupsView();
        QTRY_VERIFY_WITH_TIMEOUT(groups->groupsModel()->rowOf(Group) >= 0, 10000);
        groups->selectGroup(Group);
        const ui::RebalanceHistoryModel *model = groups->historyModel();
        // Read back from __consumer_offsets by this connection's reader: every generation, the first two by records
        // only (this connection's polling began after them), the last one by both.
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 3
                && model->index(model->rowCount() - 1, ui::RebalanceHistoryModel::Source).data().toString()
                    == QLatin1String("polled + __consumer_offsets"),
            15000);
        QCOMPARE(model->headerData(ui::RebalanceHistoryModel::Moved, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("Moved"));
        QVERIFY(groups->historyNote().contains(QLatin1String("read from __consumer_offsets")));
        QTest::qWait(400);
        QVERIFY(window->grab().save(outputPath(QStringLiteral("remote-rebalance-history.png"))));

        tester.reset();
        window.reset();
        uitest::ensureKoreanFont();
        QVERIFY(ui::Language::install(qApp, QStringLiteral("ko")));
        window = std::make_unique<ui::MainWindow>(&cluster);
        window->resize(1280, 720);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->showTab(ui::MainWindow::GroupsTab);
        groups = window->groupsView();
        QTRY_VERIFY_WITH_TIMEOUT(groups->groupsModel()->rowOf(Group) >= 0, 10000);
        groups->selectGroup(Group);
        QTRY_VERIFY_WITH_TIMEOUT(groups->historyModel()->rowCount() >= 3, 10000);
        QVERIFY(groups->historyModel()
                    ->headerData(ui::RebalanceHistoryModel::Moved, Qt::Horizontal, Qt::DisplayRole)
                    .toString()
            != QLatin1String("Moved"));
        QTest::qWait(400);
        QVERIFY(window->grab().save(outputPath(QStringLiteral("remote-rebalance-history-ko.png"))));
    }
};

QTEST_MAIN(TestRemoteGroupHistory)
#include "tst_remotegrouphistory.moc"
