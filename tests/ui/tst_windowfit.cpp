// The window fits the screen a trainer has: a 1280x720 projector or a 1366x768 laptop (TOPICSCOPE_SCREEN, default
// 1280x720; ctest runs both, offscreen and, where xvfb-run exists, under Xvfb). From the first launch and after
// every action of a workshop — each built-in scenario opened and played, the rebalance timeline toggled, the
// assignors compared, presentation mode on and off — no widget's minimum size forces the window past the screen,
// and a geometry saved on a bigger screen is clamped. Screenshots at that size are saved for a person to look at.

#include "flowworkspace.h"
#include "mainwindow.h"
#include "runtime/enginefacade.h"
#include "runtime/scenariocontrol.h"
#include "screenfit.h"
#include "workshopwindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace topicscope;

namespace {

QString screenName()
{
    const QString s = qEnvironmentVariable("TOPICSCOPE_SCREEN");
    return s.isEmpty() ? QStringLiteral("1280x720") : s;
}

void saveShot(QWidget &w, const QString &name)
{
    // The scaled run (QT_SCALE_FACTOR) names its shots apart, or it would overwrite the unscaled run's.
    const QString scale = qEnvironmentVariableIsSet("QT_SCALE_FACTOR")
        ? QStringLiteral("-scale") + qEnvironmentVariable("QT_SCALE_FACTOR")
        : QString();
    const QString path
        = QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR "/windowfit-%1%2-%3.png").arg(screenName(), scale, name);
    QVERIFY2(w.grab().save(path), qPrintable(path));
}

// The minimum sizes of the window's main parts, to say which one forces the window when it does not fit.
QString parts(const QWidget &window)
{
    QStringList out;
    const auto *main = qobject_cast<const QMainWindow *>(&window);
    if (main) {
        if (const auto *tabs = main->findChild<QTabWidget *>()) {
            for (int i = 0; i < tabs->count(); ++i) {
                const QSize m = tabs->widget(i)->minimumSizeHint().expandedTo(tabs->widget(i)->minimumSize());
                out << QStringLiteral("%1 %2x%3").arg(tabs->tabText(i)).arg(m.width()).arg(m.height());
            }
        }
        for (const QDockWidget *dock : main->findChildren<QDockWidget *>()) {
            if (dock->isVisible())
                out << QStringLiteral("%1 %2x%3")
                           .arg(dock->objectName())
                           .arg(dock->minimumSizeHint().width())
                           .arg(dock->minimumSizeHint().height());
        }
    }
    return out.join(QStringLiteral(", "));
}

QString describe(const QWidget &window)
{
    return QStringLiteral("frame %1,%2 %3x%4, minimum %5x%6, screen %7x%8; %9")
        .arg(window.frameGeometry().x())
        .arg(window.frameGeometry().y())
        .arg(window.frameGeometry().width())
        .arg(window.frameGeometry().height())
        .arg(window.minimumSizeHint().width())
        .arg(window.minimumSizeHint().height())
        .arg(window.screen()->availableGeometry().width())
        .arg(window.screen()->availableGeometry().height())
        .arg(parts(window));
}

// The window lies within the screen and its layout's minimum fits the screen too (so nothing forces it larger).
void verifyFits(ui::MainWindow &window, const char *when)
{
    QCoreApplication::processEvents();
    const QRect available = window.screen()->availableGeometry();
    const QSize margins = window.frameGeometry().size() - window.geometry().size();
    QVERIFY2(ui::screenfit::fits(window.minimumSizeHint(), margins, available),
        qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(when), describe(window))));
    QVERIFY2(ui::screenfit::fits(window.minimumSize(), margins, available),
        qPrintable(QStringLiteral("%1: explicit minimum, %2").arg(QLatin1String(when), describe(window))));
    if (!window.isFullScreen()) {
        QTRY_VERIFY2(available.contains(window.frameGeometry()),
            qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(when), describe(window))));
    } else if (QGuiApplication::platformName() == QLatin1String("offscreen")) {
        QTRY_COMPARE(window.geometry(), window.screen()->geometry());
    } // else a bare Xvfb: no window manager makes a window full screen; its minimum fitting is what is checked
    // What was off-screen before: the status bar (and with it the window's bottom edge).
    if (window.statusBar()->isVisible()) {
        const QRect status(window.statusBar()->mapToGlobal(QPoint(0, 0)), window.statusBar()->size());
        QVERIFY2(available.contains(status), when);
    }
}

} // namespace

class TestWindowFit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("topicscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_windowfit"));
        const QSize expected = [] {
            const QStringList wh = screenName().split(QLatin1Char('x'));
            return QSize(wh.value(0).toInt(), wh.value(1).toInt());
        }();
        // In device pixels: under QT_SCALE_FACTOR=2 a 1920x1080 screen is 960x540 to the window.
        const QScreen *screen = QGuiApplication::primaryScreen();
        QCOMPARE(screen->geometry().size() * screen->devicePixelRatio(), expected);
    }

    void init() { QSettings().clear(); }

    void firstLaunchFitsWithReadableDocks()
    {
        uitest::WorkshopWindow workshop;
        auto &[facade, window] = workshop;
        workshop.showAndStart();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        verifyFits(window, "first launch");
        // The cluster dock shows its title ("Clu…" at 55 px before) and the tree.
        auto *tree = window.findChild<QDockWidget *>(QStringLiteral("clusterDock"));
        QVERIFY(tree);
        QTRY_VERIFY2(tree->width() >= 150, qPrintable(QString::number(tree->width())));
        QVERIFY(tree->width() <= window.width() / 3 + 1);
        // The tabs keep most of the width.
        QVERIFY(window.centralWidget()->width() >= window.width() / 2);
        saveShot(window, QStringLiteral("first-launch"));
    }

    void everyWorkshopActionKeepsTheWindowOnScreen()
    {
        uitest::WorkshopWindow workshop;
        auto &[facade, window] = workshop;
        workshop.showAndStart();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::FlowWorkspace *flow = window.flowWorkspace();
        QVERIFY(flow);
        const auto builtIns = engine::ScenarioControl::builtIns();
        QVERIFY(builtIns.size() >= 14);
        for (const auto &[path, title] : builtIns) {
            window.openScenario(path);
            QTRY_VERIFY(flow->playerState().loaded && flow->playerState().source == path);
            verifyFits(window, "scenario opened");
            // Well into the scenario: cards, captions and questions shown (an advance stops at each question).
            for (int i = 0; i < 4; ++i)
                facade.scenarios()->advanceBy(8000);
            QTRY_VERIFY2(flow->liveSnapshot().timeMs >= 8000 || flow->playerState().finished, qPrintable(path));
            verifyFits(window, "scenario played");
            QTest::keyClick(flow, Qt::Key_T);
            verifyFits(window, "timeline toggled");
            QTest::keyClick(flow, Qt::Key_T);
        }
        // The assignor comparison on the stop-the-world scenario grew the window to 1360x1238 before.
        window.openScenario(QStringLiteral(":/scenarios/14-eager-stop-the-world.json"));
        QTRY_VERIFY(flow->playerState().source.endsWith(QLatin1String("14-eager-stop-the-world.json")));
        QSignalSpy compared(facade.scenarios(), &engine::ScenarioControl::comparisonReady);
        flow->compareAssignors();
        QTRY_VERIFY_WITH_TIMEOUT(compared.count() == 1, 60000);
        verifyFits(window, "assignors compared");
        saveShot(window, QStringLiteral("compared"));

        window.setPresentationMode(true);
        QTRY_VERIFY(window.isFullScreen());
        verifyFits(window, "presentation");
        QTest::keyClick(flow, Qt::Key_T);
        verifyFits(window, "presentation with timeline");
        saveShot(window, QStringLiteral("presentation-timeline"));
        window.setPresentationMode(false);
        QTRY_VERIFY(!window.isFullScreen());
        verifyFits(window, "after presentation");
    }

    void geometryFromABiggerScreenIsClamped()
    {
        engine::EngineFacade facade(uitest::inMemoryOptions());
        {
            // As saved on a 1920x1080 desktop: larger than this screen and partly beyond its right edge.
            ui::MainWindow big(&facade);
            big.setGeometry(400, 200, 1880, 1000);
            QSettings().setValue(QStringLiteral("mainWindow/geometry"), big.saveGeometry());
        }
        ui::MainWindow window(&facade);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        verifyFits(window, "restored from a bigger screen");
    }

    void clampingKeepsAFittingWindowAndShrinksABigOne()
    {
        const QRect screen(0, 0, 1280, 720);
        const QSize noFrame(0, 0);
        QCOMPARE(
            ui::screenfit::clampedClientGeometry(QRect(10, 20, 800, 600), noFrame, screen), QRect(10, 20, 800, 600));
        QCOMPARE(ui::screenfit::clampedClientGeometry(QRect(400, 200, 1880, 1000), noFrame, screen), screen);
        // With decorations (a 30 px title bar, 2 px borders) the frame, not the client area, fits.
        const QRect client = ui::screenfit::clampedClientGeometry(QRect(900, 500, 1000, 400), QSize(4, 32), screen);
        QCOMPARE(client, QRect(282, 320 + 30, 996, 368));
        QCOMPARE(ui::screenfit::firstLaunchSize(QRect(0, 0, 1280, 720)), QSize(1177, 662));
        QCOMPARE(ui::screenfit::firstLaunchSize(QRect(0, 0, 1920, 1050)), QSize(1280, 800));
    }
};

// The offscreen platform takes its screen from a JSON file; the size is the test's parameter.
int main(int argc, char **argv)
{
    QTemporaryDir dir;
    if (qEnvironmentVariable("QT_QPA_PLATFORM").startsWith(QLatin1String("offscreen"))) {
        const QStringList wh = screenName().split(QLatin1Char('x'));
        const QString config = dir.filePath(QStringLiteral("screen.json"));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return 2;
        file.write(QStringLiteral(R"({"screens": [{"name": "projector", "x": 0, "y": 0, "width": %1, "height": %2,
                                   "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                       .arg(wh.value(0), wh.value(1))
                       .toUtf8());
        file.close();
        qputenv("QT_QPA_PLATFORM", QStringLiteral("offscreen:configfile=%1").arg(config).toLocal8Bit());
    }
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    TestWindowFit test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_windowfit.moc"
