// The Flow tab as a trainer uses it, on the real embedded engine (in memory, no listener): a built-in scenario
// opened from the Scenarios menu plays, stops at its question, steps with →, toggles with space; a rebalance row
// shows the world as it was then; presentation mode hides the explorer chrome. Screenshots of the window are
// saved for a person to look at.

#include "assignorcomparisonview.h"
#include "flowview.h"
#include "flowworkspace.h"
#include "format.h"
#include "mainwindow.h"
#include "rebalancemodel.h"
#include "rebalancetimeline.h"
#include "runtime/enginefacade.h"
#include "runtime/scenariocontrol.h"
#include "sim/scenariorunner.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace topicscope;

namespace {

engine::EngineOptions inMemoryOptions()
{
    engine::EngineOptions options;
    options.storage.inMemory = true;
    return options;
}

QAction *scenarioAction(ui::MainWindow &window, const QString &path)
{
    auto *menu = window.findChild<QMenu *>(QStringLiteral("scenariosMenu"));
    if (!menu)
        return nullptr;
    for (QAction *a : menu->actions()) {
        if (a->data().toString() == path)
            return a;
    }
    return nullptr;
}

void saveShot(QWidget &w, const QString &name)
{
    const QString path = QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR "/") + name;
    QVERIFY2(w.grab().save(path), qPrintable(path));
}

} // namespace

class TestFlowWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("topicscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_flowworkspace"));
    }

    void playsABuiltInScenarioFromTheMenu()
    {
        engine::EngineFacade facade(inMemoryOptions());
        ui::MainWindow window(&facade);
        window.setScenarioControl(facade.scenarios());
        window.resize(1400, 900);
        window.show();
        facade.start();
        ui::FlowWorkspace *flow = window.flowWorkspace();
        QVERIFY(flow);

        // Every built-in is in the menu; choosing one opens the Flow tab with it.
        const auto builtIns = engine::ScenarioControl::builtInScenarios();
        QVERIFY(builtIns.size() >= 8);
        QAction *open = scenarioAction(window, QStringLiteral(":/scenarios/06-autocommit-duplicates.json"));
        QVERIFY(open);
        open->trigger();
        QTRY_VERIFY(flow->playerState().loaded);
        QCOMPARE(flow->playerState().title, QStringLiteral("Auto-commit duplicates after a crash"));
        QVERIFY(flow->isVisible());

        // Space plays; the scenario stops at its question.
        flow->setSpeed(engine::ScenarioPlayer::MaxSpeed);
        flow->flowView()->setFocus();
        QTest::keyClick(flow->flowView(), Qt::Key_Space);
        QTRY_VERIFY(flow->playerState().playing);
        QTRY_VERIFY_WITH_TIMEOUT(!flow->liveSnapshot().question.isEmpty(), 20000);
        QTRY_VERIFY(!flow->playerState().playing);
        saveShot(window, QStringLiteral("flowworkspace-question.png"));

        // → runs to the next event.
        const int events = flow->liveSnapshot().eventCount;
        QTest::keyClick(flow->flowView(), Qt::Key_Right);
        QTRY_VERIFY(flow->liveSnapshot().eventCount > events);

        // Play to the end: the duplicates are counted on screen.
        QSignalSpy states(facade.scenarios(), &engine::ScenarioControl::stateChanged);
        for (int round = 0; round < 10 && !flow->playerState().finished; ++round) {
            const qsizetype before = states.size();
            flow->togglePlay(); // one state when it starts playing, one when it stops
            QTRY_VERIFY_WITH_TIMEOUT(states.size() >= before + 2 && !flow->playerState().playing, 20000);
        }
        QVERIFY(flow->playerState().finished);
        QTRY_VERIFY(flow->liveSnapshot().finished); // the snapshot of that instant follows the state
        QVERIFY(flow->liveSnapshot().duplicates >= 1);
        saveShot(window, QStringLiteral("flowworkspace-finished.png"));

        // Selecting a rebalance shows the world of that generation; back to live restores it.
        auto *table = flow->rebalanceTimeline()->findChild<QTableView *>();
        QVERIFY(table);
        QVERIFY(table->model()->rowCount() >= 2);
        table->selectRow(0);
        QTRY_VERIFY(flow->isTimeTravelling());
        const engine::ScenarioRebalance first = flow->liveSnapshot().rebalances.first();
        QTRY_COMPARE(flow->flowView()->snapshot().timeMs, first.timeMs);
        saveShot(window, QStringLiteral("flowworkspace-timetravel.png"));
        flow->togglePlay(); // finished: nothing to play, but leaving time travel is not required for that
    }

    void presentationModeHidesTheChrome()
    {
        engine::EngineFacade facade(inMemoryOptions());
        ui::MainWindow window(&facade);
        window.setScenarioControl(facade.scenarios());
        window.resize(1280, 800);
        window.show();
        facade.start();
        window.openScenario(QStringLiteral(":/scenarios/05-rebalance-join-leave.json"));
        ui::FlowWorkspace *flow = window.flowWorkspace();
        QTRY_VERIFY(flow->playerState().loaded);
        flow->setSpeed(engine::ScenarioPlayer::MaxSpeed);
        flow->togglePlay();
        QTRY_VERIFY_WITH_TIMEOUT(!flow->liveSnapshot().question.isEmpty(), 20000);

        window.setPresentationMode(true);
        QVERIFY(window.isPresentationMode());
        QVERIFY(flow->isPresentationMode());
        QVERIFY(!window.menuBar()->isVisible());
        QVERIFY(window.windowState().testFlag(Qt::WindowFullScreen));
        // The flow view takes the whole width: no docks, no side panel (the offscreen screen is 800 wide; the
        // window stays at its minimum width).
        QTRY_VERIFY2(flow->flowView()->width() >= window.width() - 8,
            qPrintable(QStringLiteral("%1 of %2").arg(flow->flowView()->width()).arg(window.width())));
        QVERIFY(flow->flowView()->isVisible());
        QVERIFY(flow->flowView()->isPresentationMode());
        QVERIFY(!flow->isTimeTravelling());
        QVERIFY(!flow->rebalanceTimeline()->isVisible());
        saveShot(window, QStringLiteral("flowworkspace-presentation.png"));
        // T brings the rebalance timeline up (and takes it away) while presenting.
        QTest::keyClick(flow->flowView(), Qt::Key_T);
        QVERIFY(flow->rebalanceTimeline()->isVisible());
        QTest::keyClick(flow->flowView(), Qt::Key_T);
        QVERIFY(!flow->rebalanceTimeline()->isVisible());

        QTest::keyClick(&window, Qt::Key_Escape);
        QVERIFY(!window.isPresentationMode());
        QVERIFY(window.menuBar()->isVisible());
        QVERIFY(!flow->isPresentationMode());
        QVERIFY(!flow->flowView()->isPresentationMode());
    }

    void explorerDocksMakeRoomOnTheFlowTab()
    {
        engine::EngineFacade facade(inMemoryOptions());
        ui::MainWindow window(&facade);
        window.setScenarioControl(facade.scenarios());
        window.showTab(ui::MainWindow::TopicsTab);
        window.show();
        facade.start();
        const QList<QDockWidget *> docks = window.findChildren<QDockWidget *>();
        QVERIFY(!docks.isEmpty());
        for (QDockWidget *dock : docks)
            QVERIFY(dock->isVisible());
        window.showTab(ui::MainWindow::FlowTab);
        for (QDockWidget *dock : docks)
            QVERIFY2(!dock->isVisible(), qPrintable(dock->objectName()));
        window.showTab(ui::MainWindow::GroupsTab);
        for (QDockWidget *dock : docks)
            QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
    }

    void addClientDialogsReachTheSandbox()
    {
        engine::EngineFacade facade(inMemoryOptions());
        ui::MainWindow window(&facade);
        window.setScenarioControl(facade.scenarios());
        window.show();
        facade.start();
        ui::FlowWorkspace *flow = window.flowWorkspace();
        flow->openSandbox();
        QTRY_VERIFY(flow->playerState().loaded && !flow->liveSnapshot().consumers.isEmpty());
        const auto acceptDialog = [] {
            QTimer::singleShot(0, [] {
                if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
                    dialog->accept();
            });
        };
        // The dialogs' defaults: a consumer in the existing group, a producer with four keys at 2 records/s.
        acceptDialog();
        flow->addConsumer();
        acceptDialog();
        flow->addProducer();
        flow->setSpeed(engine::ScenarioPlayer::MaxSpeed);
        flow->togglePlay();
        QTRY_VERIFY_WITH_TIMEOUT(flow->liveSnapshot().timeMs > 20000, 20000);
        flow->togglePlay();
        const engine::FlowSnapshot s = flow->liveSnapshot();
        const auto consumer = std::find_if(s.consumers.cbegin(), s.consumers.cend(),
            [](const engine::FlowConsumer &c) { return c.id == QStringLiteral("consumer-1"); });
        QVERIFY(consumer != s.consumers.cend());
        QCOMPARE(consumer->group, QStringLiteral("billing"));
        QCOMPARE(consumer->status, engine::FlowConsumerStatus::Running);
        QVERIFY(!consumer->assignment.isEmpty());
        const auto producer = std::find_if(s.producers.cbegin(), s.producers.cend(),
            [](const engine::FlowProducer &p) { return p.id == QStringLiteral("producer-1"); });
        QVERIFY(producer != s.producers.cend());
        QVERIFY(producer->sent > 0);
    }

    void comparesAssignorsOnTheEngine()
    {
        engine::EngineFacade facade(inMemoryOptions());
        ui::MainWindow window(&facade);
        window.setScenarioControl(facade.scenarios());
        window.resize(1600, 1000);
        window.show();
        facade.start();
        window.openScenario(QStringLiteral(":/scenarios/14-eager-stop-the-world.json"));
        ui::FlowWorkspace *flow = window.flowWorkspace();
        QTRY_VERIFY(flow->playerState().loaded);
        flow->compareAssignors();
        ui::AssignorComparisonView *view = flow->assignorComparison();
        QTRY_VERIFY_WITH_TIMEOUT(view->state() == ui::AssignorComparisonView::State::Comparison, 20000);
        QCOMPARE(window.findChild<QTabWidget *>(QStringLiteral("flowBottomTabs"))->currentIndex(), 1);
        saveShot(window, QStringLiteral("flowworkspace-assignors.png"));
        // The engine's answer, one run per assignor, shown side by side: the same numbers as a comparison computed
        // here directly.
        QString error;
        const std::optional<engine::Scenario> scenario
            = engine::Scenario::load(QStringLiteral(":/scenarios/14-eager-stop-the-world.json"), &error);
        QVERIFY2(scenario, qPrintable(error));
        const engine::AssignorComparison expected = engine::ScenarioRunner::compareAssignors(*scenario);
        QCOMPARE(expected.runs.size(), 4);
        for (int i = 0; i < 4; ++i) {
            const engine::AssignorRun &run = expected.runs.at(i);
            const QString summary = view->summaryText(i);
            QVERIFY2(
                summary.startsWith(QStringLiteral("rebalances %1").arg(run.rebalances.size())), qPrintable(summary));
            QVERIFY2(summary.contains(QStringLiteral("moved %1").arg(run.partitionsMoved)), qPrintable(summary));
            QVERIFY2(summary.contains(QStringLiteral("duplicates %1").arg(run.duplicates)), qPrintable(summary));
        }
        QCOMPARE(expected.runs.first().assignor, QStringLiteral("range"));
        QCOMPARE(expected.runs.last().assignor, QStringLiteral("cooperative-sticky"));
        // Per rebalance, the Paused column: range (eager) stops more partition-time than cooperative-sticky.
        const QList<QTableView *> tables = view->findChildren<QTableView *>(QStringLiteral("comparisonRebalances"));
        QCOMPARE(tables.size(), 4);
        const auto pausedTotal = [](QTableView *table) {
            qint64 total = 0;
            for (int row = 0; row < table->model()->rowCount(); ++row)
                total += table->model()->index(row, ui::RebalanceModel::Paused).data(ui::SortRole).toLongLong();
            return total;
        };
        QVERIFY2(pausedTotal(tables.first()) > pausedTotal(tables.last()),
            qPrintable(QStringLiteral("%1 vs %2").arg(pausedTotal(tables.first())).arg(pausedTotal(tables.last()))));
    }

    void commandLineScenarioIsRefusedClearlyWhenInvalid()
    {
        engine::EngineFacade facade(inMemoryOptions());
        ui::MainWindow window(&facade);
        window.setScenarioControl(facade.scenarios());
        facade.start();
        window.openScenario(QStringLiteral("/nonexistent/scenario.json"));
        ui::FlowWorkspace *flow = window.flowWorkspace();
        QTRY_VERIFY(flow->playerState().error.contains(QStringLiteral("/nonexistent/scenario.json")));
        QVERIFY(!flow->playerState().loaded);
    }
};

QTEST_MAIN(TestFlowWorkspace)
#include "tst_flowworkspace.moc"
