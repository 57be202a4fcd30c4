// The Flow tab on the live broker, as a trainer uses it: the app's window with its embedded broker listening, the
// tutorial's kafka-python snippets run against it (tests/integration/live_clients.py), Scenarios → Live Broker shows
// them; pausing holds the real broker; the session saved from the Scenarios menu replays without a broker. Saves PNGs
// of the live flow and of the replay at 1280x720 (look at them).
#include "flow/elidedlabel.h"
#include "flow/flowview.h"
#include "flow/flowworkspace.h"
#include "flow/protocollanefilter.h"
#include "flow/protocollaneview.h"
#include "flow/rebalancetimeline.h"
#include "flow/recordingmenu.h"
#include "flow/recordjourneypanel.h"
#include "i18n/language.h"
#include "interopbroker.h"
#include "koreanfont.h"
#include "mainwindow.h"
#include "messagemodel.h"
#include "rawclient.h"
#include "runtime/enginefacade.h"
#include "runtime/kafkaserveroptions.h"
#include "runtime/scenariocontrol.h"
#include "views/messagebrowser.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace topicscope;
using namespace topicscope::interoptest;

namespace {

void saveShot(QWidget &w, const QString &name)
{
    const QString path = QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR "/") + name;
    QVERIFY2(w.grab().save(path), qPrintable(path));
}

// Runs a scenario of live_clients.py while this thread's event loop goes on (the facade's answers arrive here).
bool runClients(const QString &bootstrap, const QString &scenario, QByteArray *output)
{
    const ProgramRun run = runProgram(systemPython(),
        {QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/integration/live_clients.py"), bootstrap, scenario}, {}, 90000,
        true);
    *output = run.output;
    return run.exitCode == 0 && run.output.contains("DONE");
}

// The app's window on an in-memory embedded broker listening on a free port, as app/main.cpp wires them.
struct LiveWindow {
    engine::EngineFacade facade {options()};
    ui::MainWindow window {&facade};
    QString address; // the listener's, once started

    static engine::EngineOptions options()
    {
        engine::EngineOptions o;
        o.storage.inMemory = true;
        o.groups.initialRebalanceDelayMs = 100;
        engine::KafkaServerOptions listener;
        listener.listenPort = 0;
        o.listener = listener;
        return o;
    }

    void start()
    {
        window.setScenarioControl(facade.scenarios());
        window.resize(1280, 720);
        QObject::connect(&facade, &engine::ClusterClient::snapshotUpdated, &window,
            [this](const engine::BrokerSnapshot &s) { address = s.listenAddress; });
        window.show();
        facade.start();
        QTRY_VERIFY_WITH_TIMEOUT(!address.isEmpty(), 20000);
    }

    // Scenarios → Live Broker; nullptr when the menu lacks it or the view did not switch.
    QAction *openLive()
    {
        auto *action = window.findChild<QAction *>(QStringLiteral("openLiveFlow"));
        if (!action)
            return nullptr;
        action->trigger();
        if (!QTest::qWaitFor([this] { return window.flowWorkspace()->playerState().live; }, 5000))
            return nullptr;
        return window.flowWorkspace()->isVisible() ? action : nullptr;
    }

    // Scenarios → Save Live Recording (to path, without the dialog), then Open Recording of that file: true once the
    // status says savedText (it was written) and the replay is shown with all its rebalances.
    bool saveAndReplay(const QString &path, const QString &savedText)
    {
        ui::FlowWorkspace *flow = window.flowWorkspace();
        auto *save = window.findChild<QAction *>(QStringLiteral("saveLiveRecording"));
        if (!save || !save->isEnabled())
            return false;
        const qsizetype rebalances = flow->liveSnapshot().rebalances.size();
        QFile::remove(path);
        flow->recordingMenu()->save(path);
        if (!QTest::qWaitFor([&] { return flow->statusText().contains(savedText); }, 20000))
            return false;
        flow->openRecording(path);
        return QTest::qWaitFor(
            [&] {
                return flow->playerState().replay && flow->liveSnapshot().rebalances.size() == rebalances
                    && !save->isEnabled();
            },
            10000);
    }
};

} // namespace

class TestLiveFlowView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("topicscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_liveflowview"));
    }

    void showsRealClientsAndPausesTheBroker()
    {
        if (!pythonHasModule(QStringLiteral("kafka")))
            QSKIP("kafka-python is not installed for /usr/bin/python3 (Debian package python3-kafka)");
        LiveWindow live;
        live.start();
        ui::MainWindow &window = live.window;
        QVERIFY(live.address.size() > 0);
        ui::FlowWorkspace *flow = window.flowWorkspace();
        QAction *open = live.openLive();
        QVERIFY(open);
        QByteArray output;
        QVERIFY2(runClients(live.address, QStringLiteral("tutorial"), &output), output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(flow->liveSnapshot().produced == 10, 10000);
        QTRY_VERIFY(flow->liveSnapshot().rebalances.size() >= 3);
        const engine::FlowSnapshot s = flow->liveSnapshot();
        QVERIFY(s.live);
        QStringList consumers;
        for (const engine::FlowConsumer &c : s.consumers)
            consumers << c.id;
        QVERIFY2(consumers.filter(QStringLiteral("consumer-1·")).size() == 1, qPrintable(consumers.join(u'|')));
        QVERIFY(!s.producers.isEmpty());
        saveShot(window, QStringLiteral("liveflow-1280x720.png"));

        // The protocol lane under the flow: the group's JoinGroup/SyncGroup exchange is there, by client.id.
        ui::ProtocolLaneView *lane = flow->protocolLane();
        QVERIFY(lane);
        QTRY_VERIFY(lane->model()->rowCount() > 0);
        lane->filterEdit()->setText(QStringLiteral("JoinGroup"));
        QTRY_VERIFY(lane->filter()->rowCount() >= 2);
        lane->filterEdit()->setText(QStringLiteral("consumer-2"));
        QTRY_VERIFY(lane->filter()->rowCount() > 0);
        lane->filterEdit()->clear();
        auto *tabs = qobject_cast<QTabWidget *>(lane->parentWidget()->parentWidget());
        QVERIFY(tabs);
        tabs->setCurrentWidget(lane);
        saveShot(window, QStringLiteral("liveflow-lane-1280x720.png"));
        tabs->setCurrentIndex(0);

        // The message browser's "Show Journey in Flow": the record's journey in the live view, murmur2 and all.
        auto *browser = window.findChild<ui::MessageBrowser *>();
        QVERIFY(browser);
        window.showTab(ui::MainWindow::MessagesTab);
        browser->browse(QStringLiteral("tutorial"), 1);
        QTRY_VERIFY(browser->model()->rowCount() > 0);
        browser->table()->selectRow(0);
        QTRY_VERIFY(browser->requestJourneyOfCurrent()); // once the row's record is loaded
        QTRY_VERIFY(flow->isVisible());
        QTRY_VERIFY2(flow->journeyPanel()->toPlainText().contains(QStringLiteral("murmur2")),
            qPrintable(flow->journeyPanel()->toPlainText()));
        QVERIFY(flow->journeyPanel()->toPlainText().contains(QStringLiteral("produced by keyed-producer")));
        saveShot(window, QStringLiteral("liveflow-journey-1280x720.png"));

        // Pause holds the real broker: the state says so, a step with nothing held says that too; resume lets go.
        flow->togglePlay();
        QTRY_VERIFY(flow->playerState().brokerPause.paused);
        QVERIFY(!flow->playerState().playing);
        saveShot(window, QStringLiteral("liveflow-paused-1280x720.png"));
        flow->step();
        QTRY_VERIFY(!flow->playerState().error.isEmpty());
        flow->togglePlay();
        QTRY_VERIFY(!flow->playerState().brokerPause.paused);
        // Leaving the live view for a scenario resumes a paused broker.
        flow->togglePlay();
        QTRY_VERIFY(flow->playerState().brokerPause.paused);
        flow->openSandbox();
        QTRY_VERIFY(!flow->playerState().live);
        open->trigger();
        QTRY_VERIFY(flow->playerState().live);
        QVERIFY(!flow->playerState().brokerPause.paused);
    }

    // With no scenario loaded, opening the Flow tab while a wire client is connected shows the live broker.
    void flowTabShowsLiveClientsWhenNothingIsLoaded()
    {
        LiveWindow live;
        live.start();
        QVERIFY(live.address.size() > 0);
        live.window.showTab(ui::MainWindow::TopicsTab);
        int clients = 0;
        QObject::connect(&live.facade, &engine::ClusterClient::snapshotUpdated, &live.window,
            [&clients](const engine::BrokerSnapshot &s) { clients = int(s.wireClients.size()); });
        const testsupport::RawClient client(quint16(live.address.section(QLatin1Char(':'), -1).toUInt()));
        QVERIFY(client.isConnected());
        QTRY_VERIFY_WITH_TIMEOUT(clients > 0, 10000);
        QTest::qWait(100); // the window handles the same snapshot
        QVERIFY(!live.window.flowWorkspace()->playerState().loaded);
        live.window.showTab(ui::MainWindow::FlowTab);
        QTRY_VERIFY(live.window.flowWorkspace()->playerState().live);
    }

    // Save Live Recording, then Open Recording: the replay shows the session without a broker, steps through its
    // rebalances and travels back to each generation.
    void savesAndReplaysALiveSession()
    {
        if (!pythonHasModule(QStringLiteral("kafka")))
            QSKIP("kafka-python is not installed for /usr/bin/python3 (Debian package python3-kafka)");
        LiveWindow live;
        live.start();
        ui::MainWindow &window = live.window;
        ui::FlowWorkspace *flow = window.flowWorkspace();
        QVERIFY(live.openLive());
        auto *menu = window.findChild<QMenu *>(QStringLiteral("scenariosMenu"));
        auto *save = window.findChild<QAction *>(QStringLiteral("saveLiveRecording"));
        auto *open = window.findChild<QAction *>(QStringLiteral("openRecording"));
        QVERIFY(menu && save && open);
        QVERIFY(menu->actions().contains(save) && menu->actions().contains(open));
        QVERIFY(save->isEnabled());
        QByteArray output;
        QVERIFY2(runClients(live.address, QStringLiteral("tutorial"), &output), output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(flow->liveSnapshot().rebalances.size() >= 3, 10000);
        const engine::FlowSnapshot recorded = flow->liveSnapshot();

        const QString path = QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR "/liveflow-recording.json");
        QVERIFY(live.saveAndReplay(path, QStringLiteral("Recording saved to")));
        auto *title = flow->findChild<ui::ElidedLabel *>(QStringLiteral("flowTitle"));
        QVERIFY(title);
        QCOMPARE(title->text(), QStringLiteral("Replay: liveflow-recording.json"));
        QCOMPARE(flow->liveSnapshot().produced, recorded.produced);
        QVERIFY(!flow->findChild<QToolButton *>(QStringLiteral("flowActions"))->isEnabled());
        QTest::qWait(300); // tokens and layout settle
        saveShot(window, QStringLiteral("liveflow-replay-1280x720.png"));

        // Step: the world right after the first rebalance, then the second.
        flow->step();
        QTRY_COMPARE(flow->liveSnapshot().rebalances.size(), 1);
        flow->step();
        QTRY_COMPARE(flow->liveSnapshot().rebalances.size(), 2);
        QCOMPARE(flow->liveSnapshot().rebalances.constLast().generation, recorded.rebalances.at(1).generation);
        // Time travel to the first generation from the timeline.
        auto *table = flow->rebalanceTimeline()->findChild<QTableView *>();
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 2);
        table->selectRow(0);
        QTRY_VERIFY(flow->isTimeTravelling());
        QTRY_COMPARE(flow->flowView()->snapshot().rebalances.size(), 1);
        saveShot(window, QStringLiteral("liveflow-replay-timetravel-1280x720.png"));
        // A click on a keyed record: its journey comes from the file, murmur2 and all.
        std::optional<std::pair<engine::TopicPartition, qint64>> keyed;
        for (const engine::FlowTopic &t : recorded.topics) {
            for (const engine::FlowPartition &p : t.partitions) {
                for (const engine::FlowRecordCell &cell : p.tail) {
                    if (!keyed && cell.key)
                        keyed = std::pair {engine::TopicPartition {t.name, p.partition}, cell.offset};
                }
            }
        }
        QVERIFY(keyed);
        Q_EMIT flow->flowView()->recordClicked(keyed->first, keyed->second);
        QTRY_VERIFY2(flow->journeyPanel()->toPlainText().contains(QStringLiteral("produced by keyed-producer")),
            qPrintable(flow->journeyPanel()->toPlainText()));
        QVERIFY(flow->journeyPanel()->toPlainText().contains(QStringLiteral("murmur2")));
        saveShot(window, QStringLiteral("liveflow-replay-journey-1280x720.png"));
        // Back on the live broker, saving is offered again.
        QVERIFY(live.openLive());
        QVERIFY(save->isEnabled());
    }

    // A session of real clients recorded by scripts/record-consumer-protocol-session.sh: confluent-kafka members on
    // librdkafka 2.15.1, a group under Kafka 4's consumer protocol and one under the classic protocol, each two
    // members, a third, a clean leave and a SIGKILL. Replayed, the timeline has a row per group epoch for the first
    // and per generation for the second, and time travel names epochs. PNGs at 1280x720 and presenting.
    void replaysRealConsumerProtocolClients()
    {
        LiveWindow live;
        live.start();
        ui::FlowWorkspace *flow = live.window.flowWorkspace();
        QVERIFY(live.openLive()); // the Flow tab
        const QString path = QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/ui/data/consumer-protocol-session.json");
        flow->openRecording(path);
        QTRY_VERIFY2(flow->playerState().replay && !flow->liveSnapshot().rebalances.isEmpty(),
            qPrintable(flow->playerState().error));
        const engine::FlowSnapshot s = flow->liveSnapshot();
        QList<engine::ScenarioRebalance> epochs;
        QList<engine::ScenarioRebalance> generations;
        for (const engine::ScenarioRebalance &r : s.rebalances) {
            if (r.group == QLatin1String("group-consumer"))
                epochs << r;
            else if (r.group == QLatin1String("group-classic"))
                generations << r;
        }
        // Two members, three, a leave, a kill: a row per change at least, epochs rising.
        QVERIFY2(epochs.size() >= 5, qPrintable(QString::number(epochs.size())));
        QVERIFY(generations.size() >= 4);
        for (qsizetype i = 0; i < epochs.size(); ++i) {
            QCOMPARE(epochs.at(i).groupType, QStringLiteral("consumer"));
            if (i > 0)
                QVERIFY(epochs.at(i).generation > epochs.at(i - 1).generation);
        }
        for (const engine::ScenarioRebalance &r : generations)
            QCOMPARE(r.groupType, QStringLiteral("classic"));
        const auto group = std::find_if(s.groups.cbegin(), s.groups.cend(),
            [](const engine::FlowGroup &g) { return g.id == QLatin1String("group-consumer"); });
        QVERIFY(group != s.groups.cend());
        QCOMPARE(group->type, QStringLiteral("consumer"));
        QTest::qWait(300);
        saveShot(live.window, QStringLiteral("liveflow-consumer-protocol-1280x720.png"));

        // Time travel to the epoch where the third member got its partitions.
        auto *table = flow->rebalanceTimeline()->findChild<QTableView *>();
        QVERIFY(table);
        int row = -1;
        for (int i = 0; i < s.rebalances.size() && row < 0; ++i) {
            if (s.rebalances.at(i).group == epochs.at(2).group
                && s.rebalances.at(i).generation == epochs.at(2).generation)
                row = i;
        }
        QVERIFY(row >= 0);
        table->selectRow(row);
        QTRY_VERIFY(flow->isTimeTravelling());
        auto *travel = flow->findChild<QLabel *>(QStringLiteral("travelText"));
        QVERIFY(travel);
        QTRY_VERIFY2(travel->text().contains(QStringLiteral(", epoch ")), qPrintable(travel->text()));
        saveShot(live.window, QStringLiteral("liveflow-consumer-protocol-timetravel-1280x720.png"));

        // Presenting, with the timeline up.
        live.window.setPresentationMode(true);
        QTRY_VERIFY(flow->isPresentationMode());
        if (!flow->isTimelineShown())
            flow->toggleTimeline();
        QTest::qWait(300);
        saveShot(live.window, QStringLiteral("liveflow-consumer-protocol-presenting.png"));
        live.window.setPresentationMode(false);
    }

    // Last (it installs the Korean catalogue for the rest of the process): the live flow in presentation mode (full
    // screen), in Korean, from a 1280x720 window, as a trainer projects it.
    void koreanPresentation()
    {
        if (!pythonHasModule(QStringLiteral("kafka")))
            QSKIP("kafka-python is not installed for /usr/bin/python3 (Debian package python3-kafka)");
        QVERIFY(ui::Language::install(qApp, QStringLiteral("ko")));
        uitest::ensureKoreanFont();
        LiveWindow live;
        live.start();
        QVERIFY(live.address.size() > 0);
        ui::FlowWorkspace *flow = live.window.flowWorkspace();
        QVERIFY(live.openLive());
        QByteArray output;
        QVERIFY2(runClients(live.address, QStringLiteral("tutorial"), &output), output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(flow->liveSnapshot().rebalances.size() >= 3, 10000);
        live.window.setPresentationMode(true);
        QTRY_VERIFY(flow->isPresentationMode());
        flow->togglePlay();
        QTRY_VERIFY(flow->playerState().brokerPause.paused);
        QTRY_VERIFY(flow->statusText().startsWith(QStringLiteral("브로커 일시정지")));
        QTest::qWait(200);
        saveShot(live.window, QStringLiteral("liveflow-ko-presentation.png"));
        flow->togglePlay();
        QTRY_VERIFY(!flow->playerState().brokerPause.paused);
        live.window.setPresentationMode(false);

        // The session saved and replayed, in Korean.
        QVERIFY(live.saveAndReplay(
            QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR "/liveflow-recording-ko.json"), QStringLiteral("저장했습니다")));
        QCOMPARE(flow->findChild<ui::ElidedLabel *>(QStringLiteral("flowTitle"))->text(),
            QStringLiteral("다시 보기: liveflow-recording-ko.json"));
        flow->step();
        QTRY_COMPARE(flow->liveSnapshot().rebalances.size(), 1);
        QTest::qWait(300);
        saveShot(live.window, QStringLiteral("liveflow-replay-ko.png"));
    }
};

QTEST_MAIN(TestLiveFlowView)
#include "tst_liveflowview.moc"
