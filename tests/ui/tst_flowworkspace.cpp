// The Flow tab as a trainer uses it, on the real embedded engine (in memory, no listener): a built-in scenario
// opened from the Scenarios menu plays, stops at its question, steps with →, toggles with space; a rebalance row
// shows the world as it was then; presentation mode hides the explorer chrome. Screenshots of the window are
// saved for a person to look at.

#include "assignorcomparisonview.h"
#include "flowlayout.h"
#include "flowscenepainter.h"
#include "flowview.h"
#include "flowworkspace.h"
#include "format.h"
#include "mainwindow.h"
#include "ownershipbars.h"
#include "rebalancemodel.h"
#include "rebalancetimeline.h"
#include "runtime/enginefacade.h"
#include "runtime/scenariocontrol.h"
#include "sim/scenariorunner.h"
#include "workshopwindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLayout>
#include <QMenuBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <cmath>

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

// What fits a 1280x720 screen once the window's title bar, menu, tab bar and status bar have taken their share.
constexpr QSize MaxFlowMinimum(1200, 560);

QString sizeText(const QSize &s)
{
    return QStringLiteral("%1x%2").arg(s.width()).arg(s.height());
}

// The flow tab and every widget in it that the window's layout must make room for: none may ask for more than a
// 720p screen has. Widgets inside a scroll area do not count: the scroll area is what the layout sees.
void verifyFitsA720pScreen(ui::FlowWorkspace *flow, const char *when)
{
    const auto fits
        = [](const QSize &s) { return s.width() <= MaxFlowMinimum.width() && s.height() <= MaxFlowMinimum.height(); };
    const QSize own = flow->minimumSizeHint().expandedTo(flow->layout()->totalMinimumSize());
    QVERIFY2(fits(own),
        qPrintable(QStringLiteral("%1: the flow tab's minimum is %2").arg(QLatin1String(when), sizeText(own))));
    for (QWidget *w : flow->findChildren<QWidget *>()) {
        bool scrolled = false;
        for (QWidget *p = w->parentWidget(); p && p != flow; p = p->parentWidget())
            scrolled = scrolled || qobject_cast<QScrollArea *>(p);
        if (scrolled || w->isWindow() || w->isHidden())
            continue;
        const QSize minimum = w->minimumSizeHint().expandedTo(w->minimumSize());
        QVERIFY2(fits(minimum),
            qPrintable(QStringLiteral("%1: %2 (%3) asks for at least %4")
                           .arg(QLatin1String(when), w->objectName(), QLatin1String(w->metaObject()->className()),
                               sizeText(minimum))));
    }
}

void playUntil(ui::FlowWorkspace *flow, const std::function<bool()> &done)
{
    flow->setSpeed(engine::ScenarioPlayer::MaxSpeed);
    for (int round = 0; round < 20 && !done() && !flow->playerState().finished; ++round) {
        const qint64 before = flow->playerState().timeMs;
        if (!flow->playerState().playing)
            flow->togglePlay();
        // Started, or already through a short stretch and stopped again.
        QTRY_VERIFY(done() || flow->playerState().playing || flow->playerState().finished
            || flow->playerState().timeMs != before);
        QTRY_VERIFY_WITH_TIMEOUT(done() || !flow->playerState().playing, 20000);
    }
    if (flow->playerState().playing)
        flow->togglePlay();
    QTRY_VERIFY(!flow->playerState().playing);
}

void playToTheEnd(ui::FlowWorkspace *flow)
{
    playUntil(flow, [flow] { return flow->playerState().finished; });
    QVERIFY(flow->playerState().finished);
    QTRY_VERIFY(flow->liveSnapshot().finished);
}

void openAndWait(ui::FlowWorkspace *flow, const QString &path, const QString &title = {})
{
    flow->openScenario(path);
    QTRY_VERIFY2_WITH_TIMEOUT(flow->playerState().loaded && flow->playerState().source == path,
        qPrintable(flow->playerState().source + QLatin1Char(' ') + flow->playerState().error), 20000);
    if (!title.isEmpty())
        QCOMPARE(flow->playerState().title, title);
    QTRY_COMPARE(flow->liveSnapshot().title, flow->playerState().title);
}

// CIELAB distance (CIE76) of two sRGB colours: about 2.3 is a just noticeable difference, 25 and more tells
// apart at a glance.
double deltaE(const QColor &a, const QColor &b)
{
    const auto lab = [](const QColor &c) {
        const auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        const double r = linear(c.redF()), g = linear(c.greenF()), bl = linear(c.blueF());
        const double x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047;
        const double y = 0.2126 * r + 0.7152 * g + 0.0722 * bl;
        const double z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883;
        const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
        return std::array<double, 3> {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    };
    const auto la = lab(a);
    const auto lb = lab(b);
    return std::hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

bool intersects(const QRectF &a, const QRectF &b)
{
    return a.intersected(b).width() > 0.5 && a.intersected(b).height() > 0.5;
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
        const auto builtIns = engine::ScenarioControl::builtIns();
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

        // Play to the end: the duplicates are counted on screen. The results take their place in the control bar
        // without moving the view; Actions stay available on the finished world.
        const QRect viewGeometry = flow->flowView()->geometry();
        QSignalSpy states(facade.scenarios(), &engine::ScenarioControl::stateChanged);
        for (int round = 0; round < 10 && !flow->playerState().finished; ++round) {
            const qsizetype before = states.size();
            flow->togglePlay(); // one state when it starts playing, one when it stops
            QTRY_VERIFY_WITH_TIMEOUT(states.size() >= before + 2 && !flow->playerState().playing, 20000);
        }
        QVERIFY(flow->playerState().finished);
        QTRY_VERIFY(flow->liveSnapshot().finished); // the snapshot of that instant follows the state
        QVERIFY(flow->liveSnapshot().duplicates >= 1);
        QVERIFY2(flow->statusText().startsWith(QStringLiteral("Finished:")), qPrintable(flow->statusText()));
        QCOMPARE(flow->flowView()->geometry(), viewGeometry);
        auto *actions = flow->findChild<QToolButton *>(QStringLiteral("flowActions"));
        QVERIFY(actions);
        QVERIFY(actions->isEnabled());
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
        // A consumer of Kafka 4's protocol in a group of its own: the dialog offers the broker's assignors then. The
        // dialog suggests an id not yet in the live snapshot: wait until consumer-1 is there, or it suggests that
        // again.
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(flow->liveSnapshot().consumers.cbegin(), flow->liveSnapshot().consumers.cend(),
                [](const engine::FlowConsumer &c) { return c.id == QStringLiteral("consumer-1"); }),
            10000);
        QStringList serverAssignors;
        QTimer::singleShot(0, [&serverAssignors] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *group = dialog->findChild<QComboBox *>(QStringLiteral("group"));
            auto *protocol = dialog->findChild<QComboBox *>(QStringLiteral("groupProtocol"));
            auto *assignor = dialog->findChild<QComboBox *>(QStringLiteral("assignor"));
            if (group && protocol && assignor) {
                group->setEditText(QStringLiteral("tickets"));
                protocol->setCurrentIndex(1);
                for (int i = 0; i < assignor->count(); ++i)
                    serverAssignors << assignor->itemText(i);
            }
            dialog->accept(); // always: a dialog left open would hang the test
        });
        flow->addConsumer();
        QCOMPARE(serverAssignors, QStringList({QStringLiteral("uniform"), QStringLiteral("range")}));
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
        const auto tickets = std::find_if(s.consumers.cbegin(), s.consumers.cend(),
            [](const engine::FlowConsumer &c) { return c.group == QStringLiteral("tickets"); });
        QVERIFY(tickets != s.consumers.cend());
        QCOMPARE(tickets->status, engine::FlowConsumerStatus::Running);
        // Alone in its group, it owns every partition of the dialog's topic (the first one offered).
        QVERIFY(!s.topics.isEmpty());
        QCOMPARE(tickets->assignment.size(), s.topics.constFirst().partitions.size());
        const auto ticketsGroup = std::find_if(s.groups.cbegin(), s.groups.cend(),
            [](const engine::FlowGroup &g) { return g.id == QStringLiteral("tickets"); });
        QVERIFY(ticketsGroup != s.groups.cend());
        QCOMPARE(ticketsGroup->type, QStringLiteral("consumer"));
        QCOMPARE(ticketsGroup->protocol, QStringLiteral("uniform"));
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
        QCOMPARE(expected.runs.size(), 5);
        for (int i = 0; i < 5; ++i) {
            const engine::AssignorRun &run = expected.runs.at(i);
            const QString summary = view->summaryText(i);
            QVERIFY2(
                summary.startsWith(QStringLiteral("rebalances %1").arg(run.rebalances.size())), qPrintable(summary));
            QVERIFY2(summary.contains(QStringLiteral("moved %1").arg(run.partitionsMoved)), qPrintable(summary));
            QVERIFY2(summary.contains(QStringLiteral("duplicates %1").arg(run.duplicates)), qPrintable(summary));
        }
        QCOMPARE(expected.runs.first().assignor, QStringLiteral("range"));
        QCOMPARE(expected.runs.at(3).assignor, QStringLiteral("cooperative-sticky"));
        QCOMPARE(expected.runs.last().groupProtocol, QStringLiteral("consumer"));
        // Per rebalance, the Paused column: range (eager) stops more partition-time than cooperative-sticky.
        const QList<QTableView *> tables = view->findChildren<QTableView *>(QStringLiteral("comparisonRebalances"));
        QCOMPARE(tables.size(), 5);
        const auto pausedTotal = [](QTableView *table) {
            qint64 total = 0;
            for (int row = 0; row < table->model()->rowCount(); ++row)
                total += table->model()->index(row, ui::RebalanceModel::Paused).data(ui::SortRole).toLongLong();
            return total;
        };
        QVERIFY2(pausedTotal(tables.first()) > pausedTotal(tables.at(3)),
            qPrintable(QStringLiteral("%1 vs %2").arg(pausedTotal(tables.first())).arg(pausedTotal(tables.at(3)))));
        // The consumer protocol's column lists group epochs.
        QVERIFY(tables.last()->model()->rowCount() > 0);
        QVERIFY2(tables.last()
                     ->model()
                     ->index(0, ui::RebalanceModel::Generation)
                     .data()
                     .toString()
                     .startsWith(QStringLiteral("epoch ")),
            qPrintable(tables.last()->model()->index(0, ui::RebalanceModel::Generation).data().toString()));
    }

    void playsOnAfterTheEnd()
    {
        uitest::WorkshopWindow workshop;
        workshop.showAndStart();
        ui::FlowWorkspace *flow = workshop.window.flowWorkspace();
        openAndWait(flow, QStringLiteral(":/scenarios/07-manual-commit.json"));
        playToTheEnd(flow);
        const engine::ScenarioPlayerState end = flow->playerState();
        QVERIFY(end.endMs > 0);
        QVERIFY(!end.results.isEmpty());
        // Play and Step stay available: the finished world runs on, open-ended, and its checks stay shown.
        auto *step = flow->findChild<QToolButton *>(QStringLiteral("stepButton"));
        QVERIFY(step && step->isEnabled());
        flow->togglePlay();
        QTRY_VERIFY(flow->playerState().continued);
        QTRY_VERIFY_WITH_TIMEOUT(flow->liveSnapshot().timeMs > end.timeMs + 500, 20000);
        QVERIFY(flow->playerState().finished);
        QCOMPARE(flow->playerState().results.size(), end.results.size());
        QVERIFY2(flow->statusText().startsWith(QStringLiteral("Finished:")), qPrintable(flow->statusText()));
        flow->togglePlay();
        QTRY_VERIFY(!flow->playerState().playing);
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

    void flowTabNeverForcesTheWindowToGrow()
    {
        engine::EngineFacade facade(inMemoryOptions());
        ui::FlowWorkspace flow(facade.scenarios());
        flow.resize(1280, 610);
        flow.show();
        facade.start();
        verifyFitsA720pScreen(&flow, "empty");
        for (const auto &[path, title] : engine::ScenarioControl::builtIns()) {
            openAndWait(&flow, path, title);
            verifyFitsA720pScreen(&flow, qPrintable(path));
            playToTheEnd(&flow);
            verifyFitsA720pScreen(&flow, qPrintable(path + QStringLiteral(" at the end")));
        }
        flow.openSandbox();
        QTRY_VERIFY(flow.playerState().loaded && flow.playerState().source.isEmpty());
        verifyFitsA720pScreen(&flow, "sandbox");
        openAndWait(&flow, QStringLiteral(":/scenarios/14-eager-stop-the-world.json"));
        playUntil(&flow, [&] { return !flow.liveSnapshot().question.isEmpty(); });
        verifyFitsA720pScreen(&flow, "at the question");
        flow.setPresentationMode(true);
        verifyFitsA720pScreen(&flow, "presenting");
        flow.toggleTimeline();
        QVERIFY(flow.isTimelineShown());
        verifyFitsA720pScreen(&flow, "presenting with the timeline");
        flow.setPresentationMode(false);
        flow.compareAssignors();
        QTRY_VERIFY_WITH_TIMEOUT(
            flow.assignorComparison()->state() == ui::AssignorComparisonView::State::Comparison, 20000);
        verifyFitsA720pScreen(&flow, "comparing");
        saveShot(flow, QStringLiteral("flowworkspace-comparison-1280x610.png"));
        flow.setPresentationMode(true);
        flow.toggleTimeline();
        verifyFitsA720pScreen(&flow, "presenting the comparison");
        flow.setPresentationMode(false);
        playToTheEnd(&flow);
        verifyFitsA720pScreen(&flow, "finished");
    }

    void presentationTimelineShowsTheEagerBars_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::addColumn<bool>("withoutScrolling");
        QTest::addRow("1920x1080") << QSize(1920, 1080) << true;
        QTest::addRow("1280x720") << QSize(1280, 720) << false;
    }
    void presentationTimelineShowsTheEagerBars()
    {
        QFETCH(QSize, screen);
        QFETCH(bool, withoutScrolling);
        engine::EngineFacade facade(inMemoryOptions());
        ui::FlowWorkspace flow(facade.scenarios());
        flow.resize(screen); // presenting, the flow tab is the whole screen
        flow.show();
        QVERIFY(QTest::qWaitForWindowExposed(&flow));
        facade.start();
        openAndWait(&flow, QStringLiteral(":/scenarios/14-eager-stop-the-world.json"));
        playToTheEnd(&flow);

        auto *present = flow.findChild<QToolButton *>(QStringLiteral("presentButton"));
        auto *hint = flow.findChild<QWidget *>(QStringLiteral("presentationHint"));
        QVERIFY(present && hint);
        QCOMPARE(present->text(), QStringLiteral("Present"));
        QVERIFY(!hint->isVisible());
        flow.setPresentationMode(true);
        QCOMPARE(present->text(), QStringLiteral("Leave presentation"));
        QVERIFY(hint->isVisible());
        QVERIFY(QRect(QPoint(), flow.size()).contains(QRect(hint->mapTo(&flow, QPoint()), hint->size())));

        ui::RebalanceTimeline *timeline = flow.rebalanceTimeline();
        QVERIFY(!timeline->isVisible());
        QTest::keyClick(flow.flowView(), Qt::Key_T);
        QTRY_VERIFY(timeline->isVisible());
        QCoreApplication::processEvents();
        // It fits the screen, and the flow view keeps a good part of it.
        QVERIFY(QRect(QPoint(), flow.size()).contains(QRect(timeline->mapTo(&flow, QPoint()), timeline->size())));
        QVERIFY2(
            flow.flowView()->height() >= screen.height() / 3, qPrintable(QString::number(flow.flowView()->height())));
        // Black, like the rest of the presentation.
        QCOMPARE(timeline->palette().color(QPalette::Base), QColor(Qt::black));
        ui::OwnershipBars *bars = timeline->bars();
        const QImage image = flow.grab().toImage();
        QCOMPARE(image.pixelColor(bars->mapTo(&flow, QPoint(2, 2))), QColor(Qt::black));
        saveShot(flow,
            QStringLiteral("flowworkspace-presentation-timeline-%1x%2.png").arg(screen.width()).arg(screen.height()));

        // The bars stand beside the table, with the timeline's height: at 720p as at 1080p, four rows of them or more
        // show at once (under the table, a 720p screen showed less than one).
        auto *table = timeline->findChild<QTableView *>(QStringLiteral("rebalanceTable"));
        QVERIFY(table);
        QVERIFY(timeline->mapFromGlobal(bars->mapToGlobal(QPoint())).x()
            >= timeline->mapFromGlobal(table->mapToGlobal(QPoint(table->width(), 0))).x());
        int wholeRows = 0;
        for (int row = 0; row < bars->rowCount(); ++row) {
            if (bars->visibleRegion().boundingRect().contains(
                    bars->rowRect(row).toAlignedRect().adjusted(0, 0, -1, -1)))
                ++wholeRows;
        }
        QVERIFY2(wholeRows >= 4, qPrintable(QString::number(wholeRows)));
        // Why each group rebalanced comes right after the group (its generation is on the bars too).
        QCOMPARE(table->horizontalHeader()->visualIndex(ui::RebalanceModel::Cause), ui::RebalanceModel::Generation);

        // The eager group's bars: on screen as they are at 1080p, one scroll away at 720p.
        QRectF eager;
        for (int row = 0; row < bars->rowCount(); ++row) {
            if (bars->rowLabel(row).startsWith(QStringLiteral("eager:")))
                eager |= bars->rowRect(row);
        }
        QVERIFY(!eager.isEmpty());
        const QRect eagerRows = eager.toAlignedRect().adjusted(0, 0, -1, -1);
        if (withoutScrolling) {
            QVERIFY2(bars->visibleRegion().boundingRect().contains(eagerRows),
                qPrintable(QStringLiteral("visible %1, eager rows %2")
                               .arg(sizeText(bars->visibleRegion().boundingRect().size()))
                               .arg(eagerRows.bottom())));
        } else {
            auto *scroll = timeline->findChild<QScrollArea *>();
            QVERIFY(scroll);
            const QPoint lastEagerRow(eagerRows.center().x(), eagerRows.bottom() - 2);
            scroll->ensureVisible(lastEagerRow.x(), lastEagerRow.y(), 0, 10);
            QCoreApplication::processEvents();
            const QRect visible = bars->visibleRegion().boundingRect();
            QVERIFY2(visible.contains(lastEagerRow),
                qPrintable(QStringLiteral("visible %1..%2, eager rows end %3")
                               .arg(visible.top())
                               .arg(visible.bottom())
                               .arg(eagerRows.bottom())));
            // At least a whole row of it shows at once.
            QVERIFY(visible.height() >= int(bars->rowRect(0).height()) * 2);
        }
        // With the timeline up at 1080p every consumer card is still at least one line of its text tall: nothing of
        // the text is cut off. (At 720p the cards shrink their text; without the timeline they have room, see
        // questionCardsCoverNothingTheyAskAbout.)
        const ui::FlowLayout &layout = flow.flowView()->flowLayout();
        const double lineHeight = QFontMetricsF(layout.font()).height();
        for (const ui::FlowLayout::ConsumerBox &box : layout.consumers()) {
            if (!withoutScrolling)
                break;
            QVERIFY2(box.rect.height() - 6 * layout.scale() >= lineHeight * box.lines,
                qPrintable(
                    QStringLiteral("%1: %2 px for %3 line(s)").arg(box.id).arg(box.rect.height()).arg(box.lines)));
        }

        flow.setPresentationMode(false);
        QCOMPARE(present->text(), QStringLiteral("Present"));
        QVERIFY(!hint->isVisible());
        QVERIFY(timeline->palette().color(QPalette::Base) != QColor(Qt::black));
        QCOMPARE(table->horizontalHeader()->visualIndex(ui::RebalanceModel::Cause), ui::RebalanceModel::Cause);
    }

    void presentationTimelineLeavesNineConsumersReadable_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::addColumn<bool>("readable");
        QTest::addRow("1920x1080") << QSize(1920, 1080) << true;
        QTest::addRow("1280x720") << QSize(1280, 720) << false;
    }
    // Built-in 15 has three groups of three: with the timeline up, the consumer cards take from it the height their
    // names need, and no group leaves the view. At 720p the timeline keeps its 35 % and the cards show only their
    // colour and state (their names are in the timeline's rows).
    void presentationTimelineLeavesNineConsumersReadable()
    {
        QFETCH(QSize, screen);
        QFETCH(bool, readable);
        engine::EngineFacade facade(inMemoryOptions());
        ui::FlowWorkspace flow(facade.scenarios());
        flow.resize(screen);
        flow.show();
        QVERIFY(QTest::qWaitForWindowExposed(&flow));
        facade.start();
        openAndWait(&flow, QStringLiteral(":/scenarios/15-kafka4-consumer-protocol.json"));
        playToTheEnd(&flow);
        flow.setPresentationMode(true);
        QTest::keyClick(flow.flowView(), Qt::Key_T);
        QTRY_VERIFY(flow.rebalanceTimeline()->isVisible());
        QCoreApplication::processEvents();
        saveShot(flow,
            QStringLiteral("flowworkspace-presentation-nine-consumers-%1x%2.png")
                .arg(screen.width())
                .arg(screen.height()));
        // The timeline keeps at least a third of the screen.
        QVERIFY2(flow.rebalanceTimeline()->height() >= screen.height() / 3 - 40,
            qPrintable(QString::number(flow.rebalanceTimeline()->height())));
        const ui::FlowLayout &layout = flow.flowView()->flowLayout();
        QCOMPARE(layout.consumers().size(), 9);
        const double lineHeight = QFontMetricsF(layout.font()).height();
        for (const ui::FlowLayout::ConsumerBox &box : layout.consumers()) {
            QVERIFY2(box.rect.bottom() <= flow.flowView()->height(),
                qPrintable(QStringLiteral("%1 ends at %2 of %3")
                               .arg(box.id)
                               .arg(box.rect.bottom())
                               .arg(flow.flowView()->height())));
            if (readable)
                QVERIFY2(box.rect.height() - 6 * layout.scale() >= lineHeight * box.lines,
                    qPrintable(
                        QStringLiteral("%1: %2 px for %3 line(s)").arg(box.id).arg(box.rect.height()).arg(box.lines)));
        }
    }

    void questionCardsCoverNothingTheyAskAbout_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QSize>("screen");
        QTest::addColumn<bool>("presenting");
        for (const char *scenario : {"14-eager-stop-the-world", "05-rebalance-join-leave", "07-manual-commit"}) {
            for (const QSize screen : {QSize(1280, 720), QSize(1920, 1080)}) {
                for (const bool presenting : {false, true}) {
                    QTest::addRow(
                        "%s %dx%d%s", scenario, screen.width(), screen.height(), presenting ? " presenting" : "")
                        << QStringLiteral(":/scenarios/%1.json").arg(QLatin1String(scenario)) << screen << presenting;
                }
            }
        }
    }
    void questionCardsCoverNothingTheyAskAbout()
    {
        QFETCH(QString, path);
        QFETCH(QSize, screen);
        QFETCH(bool, presenting);
        engine::EngineFacade facade(inMemoryOptions());
        ui::FlowWorkspace flow(facade.scenarios());
        // In a window the tab loses about 110 px to the title bar, menu, tab bar and status bar.
        flow.resize(presenting ? screen : screen - QSize(0, 110));
        flow.show();
        QVERIFY(QTest::qWaitForWindowExposed(&flow));
        facade.start();
        flow.setPresentationMode(presenting);
        openAndWait(&flow, path);
        playUntil(&flow, [&] { return !flow.liveSnapshot().question.isEmpty(); });
        // The player stands at the pause, so the question stays; the view may take a while to show it when both
        // cores are busy (CI runs two test processes at once): it failed once at 5 s in a full local run.
        QTRY_VERIFY_WITH_TIMEOUT(!flow.flowView()->snapshot().question.isEmpty(), 20000);

        const ui::FlowLayout &l = flow.flowView()->flowLayout();
        const QRectF card = l.questionRect();
        QVERIFY(!card.isEmpty());
        QVERIFY(QRectF(QPointF(0, 0), l.size()).contains(card));
        QList<std::pair<QString, QRectF>> scene {
            {QStringLiteral("caption"), l.captionRect()}, {QStringLiteral("counters"), l.countersRect()}};
        for (const auto &st : l.strips()) {
            scene.append({QStringLiteral("strip ") + st.topicPartition.toString(), st.rect});
            scene.append({QStringLiteral("label ") + st.topicPartition.toString(), st.labelRect});
            scene.append({QStringLiteral("end label ") + st.topicPartition.toString(), st.endLabelRect});
        }
        for (const auto &h : l.topicHeaders())
            scene.append({QStringLiteral("topic label ") + h.topic, h.rect});
        for (const auto &c : l.consumers())
            scene.append({QStringLiteral("consumer ") + c.id, c.rect});
        for (const auto &g : l.groupFrames())
            scene.append({QStringLiteral("group ") + g.id, g.rect});
        for (const auto &p : l.producers())
            scene.append({QStringLiteral("producer ") + p.id, p.rect});
        for (const auto &n : l.partitioners())
            scene.append({QStringLiteral("partitioner ") + n.topic, n.rect});
        for (const auto &[name, rect] : scene)
            QVERIFY2(!intersects(card, rect), qPrintable(name));
        // Consumer cards keep whole lines of text.
        for (const ui::FlowLayout::ConsumerBox &box : l.consumers()) {
            QVERIFY2(box.rect.height() - 6 * l.scale() >= QFontMetricsF(l.font()).height() * box.lines,
                qPrintable(
                    QStringLiteral("%1: %2 px for %3 line(s)").arg(box.id).arg(box.rect.height()).arg(box.lines)));
        }
        // The card has room for its title, the question and the answer.
        const QFontMetricsF fm(ui::FlowLayout::questionFonts(l.font()).text);
        QVERIFY(card.height() >= 4 * fm.height());
        QVERIFY(card.width() >= 25 * fm.averageCharWidth());
        saveShot(flow,
            QStringLiteral("question-%1-%2x%3%4.png")
                .arg(QFileInfo(path).baseName().left(2))
                .arg(screen.width())
                .arg(screen.height())
                .arg(presenting ? QStringLiteral("-presenting") : QString()));
    }

    void coloursAndComparisonsStartOverWithEachScenario()
    {
        engine::EngineFacade facade(inMemoryOptions());
        ui::FlowWorkspace flow(facade.scenarios());
        flow.resize(1600, 1000);
        flow.show();
        facade.start();
        const ui::FlowView *view = flow.flowView();
        ui::OwnershipBars *bars = flow.rebalanceTimeline()->bars();
        openAndWait(&flow, QStringLiteral(":/scenarios/14-eager-stop-the-world.json"));
        const auto owns = [&](const QString &consumer) {
            const auto &o = flow.liveSnapshot().ownership;
            return std::any_of(o.cbegin(), o.cend(), [&](const auto &i) { return i.consumer == consumer; });
        };
        playUntil(&flow, [&] { return owns(QStringLiteral("coop-1")) && owns(QStringLiteral("eager-slow")); });
        QTRY_VERIFY(bars->consumers().contains(QStringLiteral("coop-1")));
        // One colour per consumer: its card, links and carets, its bars and the legend.
        const QStringList scenario14 = view->colours().consumers();
        QVERIFY(scenario14.contains(QStringLiteral("coop-1")));
        for (const QString &c : bars->consumers())
            QCOMPARE(bars->consumerColor(c), view->consumerColor(c));
        QSet<QRgb> distinct;
        for (const QString &c : scenario14)
            distinct.insert(view->consumerColor(c).rgb());
        QCOMPARE(distinct.size(), scenario14.size());
        // The comparison's columns agree with them.
        flow.compareAssignors();
        QTRY_VERIFY_WITH_TIMEOUT(
            flow.assignorComparison()->state() == ui::AssignorComparisonView::State::Comparison, 20000);
        ui::OwnershipBars *compared = flow.assignorComparison()->barsOf(0);
        QVERIFY(compared);
        for (const QString &c : compared->consumers()) {
            if (scenario14.contains(c))
                QCOMPARE(compared->consumerColor(c), view->consumerColor(c));
        }

        // Another scenario: nothing of the previous one stays.
        openAndWait(&flow, QStringLiteral(":/scenarios/05-rebalance-join-leave.json"));
        QCOMPARE(flow.assignorComparison()->state(), ui::AssignorComparisonView::State::Empty);
        const QString first = flow.liveSnapshot().consumers.constFirst().id;
        playUntil(&flow, [&] { return owns(first); });
        QTRY_VERIFY(bars->consumers().contains(first));
        QCOMPARE(view->colours().consumerIndex(first), 0);
        QCOMPARE(view->consumerColor(first), bars->consumerColor(first));
        for (const QString &c : scenario14) {
            QVERIFY2(!bars->consumers().contains(c), qPrintable(c));
            QVERIFY2(!view->colours().consumers().contains(c), qPrintable(c));
        }
        const QStringList scenario5 = view->colours().consumers();
        flow.openSandbox();
        QTRY_VERIFY(flow.playerState().loaded && flow.playerState().source.isEmpty());
        QTRY_COMPARE(flow.liveSnapshot().title, flow.playerState().title);
        QTRY_VERIFY(!view->colours().consumers().isEmpty());
        QStringList sandbox;
        for (const engine::FlowConsumer &c : flow.liveSnapshot().consumers)
            sandbox << c.id;
        QTRY_COMPARE(bars->consumers(), view->colours().consumers());
        for (const QString &c : scenario5) {
            if (sandbox.contains(c))
                continue; // the sandbox may name a consumer as a scenario did
            QVERIFY2(!bars->consumers().contains(c), qPrintable(c));
            QVERIFY2(!view->colours().consumers().contains(c), qPrintable(c));
        }
    }

    void keysHaveDistinctColoursALegendAndATrueProducerCard()
    {
        engine::EngineFacade facade(inMemoryOptions());
        ui::FlowWorkspace flow(facade.scenarios());
        flow.resize(1280, 610);
        flow.show();
        QVERIFY(QTest::qWaitForWindowExposed(&flow));
        facade.start();
        openAndWait(&flow, QStringLiteral(":/scenarios/01-key-partitioning.json"));
        playUntil(&flow, [&] { return !flow.liveSnapshot().question.isEmpty(); });
        const ui::FlowView *view = flow.flowView();
        QTRY_VERIFY(!view->snapshot().question.isEmpty());
        // Colours in order of first appearance, far apart from each other and from the null key's grey.
        const QStringList keys {
            QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"), QStringLiteral("dave")};
        QCOMPARE(view->colours().keys(), keys);
        for (const bool presenting : {false, true}) {
            flow.setPresentationMode(presenting);
            for (int i = 0; i < keys.size(); ++i) {
                QVERIFY(deltaE(view->keyColor(keys.at(i)), view->keyColor(std::nullopt)) >= 25);
                for (int j = i + 1; j < keys.size(); ++j) {
                    const double d = deltaE(view->keyColor(keys.at(i)), view->keyColor(keys.at(j)));
                    QVERIFY2(d >= 25, qPrintable(QStringLiteral("%1 and %2: %3").arg(keys.at(i), keys.at(j)).arg(d)));
                }
            }
        }
        flow.setPresentationMode(false);
        // A key legend in the topic's header: a swatch of every key.
        const QImage image = flow.flowView()->grab().toImage();
        image.save(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR "/flowview-keylegend.png"));
        const QRect header = view->flowLayout().topicHeaders().constFirst().rect.toAlignedRect();
        for (const QString &key : keys) {
            int pixels = 0;
            const QRgb colour = view->keyColor(key).rgb();
            for (int y = header.top(); y <= header.bottom(); ++y) {
                for (int x = header.left(); x <= header.right(); ++x)
                    pixels += image.pixel(x, y) == colour ? 1 : 0;
            }
            QVERIFY2(pixels >= 9, qPrintable(key));
        }
        // The producer card tells what the producer does: keyed records, sent by script steps.
        const engine::FlowProducer &producer = view->snapshot().producers.constFirst();
        const ui::FlowScenePainter scene(view->snapshot(), view->flowLayout(), view->flowPalette(), view->colours());
        const QString keysText = scene.producerKeysText(producer);
        QVERIFY2(keysText.contains(QStringLiteral("alice")) && !keysText.contains(QStringLiteral("no key")),
            qPrintable(keysText));
        QVERIFY(!scene.producerStatusText(producer).contains(QStringLiteral("stopped")));
        QCOMPARE(scene.producerRateText(producer), QStringLiteral("scripted"));
        // Scenario 14's twelve keys stay apart too.
        openAndWait(&flow, QStringLiteral(":/scenarios/14-eager-stop-the-world.json"));
        playUntil(&flow, [&] { return flow.liveSnapshot().produced >= 60; });
        QTRY_COMPARE(view->colours().keys().size(), 12);
        for (int i = 0; i < 12; ++i) {
            for (int j = i + 1; j < 12; ++j) {
                const QString a = view->colours().keys().at(i);
                const QString b = view->colours().keys().at(j);
                QVERIFY2(deltaE(view->keyColor(a), view->keyColor(b)) >= 20, qPrintable(a + QLatin1Char(' ') + b));
            }
        }
    }

    void stepTooltipDescribesTheSteps()
    {
        ui::FlowWorkspace flow(nullptr);
        auto *step = flow.findChild<QToolButton *>(QStringLiteral("stepButton"));
        QVERIFY(step);
        QCOMPARE(step->toolTip(),
            QStringLiteral("Step to the next visible event: one record produced, fetched or committed, or one "
                           "rebalance phase (→)"));
    }
};

QTEST_MAIN(TestFlowWorkspace)
#include "tst_flowworkspace.moc"
