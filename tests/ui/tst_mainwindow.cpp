// The explorer window's own behaviour a trainer runs into: a Kafka listener that cannot start says why and offers
// another port; the Flow tab and every built-in scenario are one key away; the shortcut sheet lists the real
// shortcuts; the theme and text size apply at once and persist; the first-run hint names the address to point
// clients at; debug log lines are off unless asked for.

#include "appearance.h"
#include "flowworkspace.h"
#include "listenerproblemdialog.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "runtime/enginefacade.h"
#include "runtime/scenariocontrol.h"
#include "shortcutsdialog.h"
#include "workshopwindow.h"

#include <QApplication>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace topicscope;

namespace {

// A loopback port held by another program (as a Kafka in Docker holds 9092).
class TakenPort {
public:
    TakenPort()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) == 0 && ::listen(m_fd, 1) == 0
            && ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            m_port = ntohs(address.sin_port);
    }
    ~TakenPort() { ::close(m_fd); }
    quint16 port() const { return m_port; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
};

engine::EngineOptions optionsListeningOn(quint16 port)
{
    engine::EngineOptions options = uitest::inMemoryOptions();
    engine::KafkaServerOptions listener;
    listener.listenPort = port;
    options.listener = listener;
    return options;
}

// The window on a broker whose listener port another program holds.
struct BrokerOnTakenPort {
    TakenPort taken;
    engine::EngineFacade facade {optionsListeningOn(taken.port())};
    ui::MainWindow window {&facade};
    QSignalSpy requested {&window, &ui::MainWindow::listenerPortRequested};

    BrokerOnTakenPort()
    {
        window.setListenerPort(taken.port());
        window.show();
        facade.start();
    }

    // The dialog once it is up, nullptr when it does not come.
    ui::ListenerProblemDialog *waitForDialog()
    {
        const auto shown = [this] {
            auto *d = window.findChild<ui::ListenerProblemDialog *>();
            return d && d->isVisible() ? d : nullptr;
        };
        return QTest::qWaitFor([&] { return shown() != nullptr; }) ? shown() : nullptr;
    }
};

QMenu *menuNamed(ui::MainWindow &window, const QString &objectName)
{
    return window.findChild<QMenu *>(objectName);
}

QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) == QLatin1Char('&')) {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
    }
    return {};
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("topicscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void init() { QSettings().clear(); }

    void takenPortIsExplainedAndAnotherOneOffered()
    {
        BrokerOnTakenPort broker;
        ui::ListenerProblemDialog *dialog = broker.waitForDialog();
        QVERIFY(dialog);
        // The reason from the engine, the port, and what still works.
        const quint16 taken = broker.taken.port();
        QVERIFY2(dialog->message().contains(QString::number(taken)), qPrintable(dialog->message()));
        QVERIFY2(
            dialog->message().contains(QLatin1String("in use"), Qt::CaseInsensitive), qPrintable(dialog->message()));
        QCOMPARE(dialog->port(), quint16(taken + 1));
        QCOMPARE(broker.window.findChild<QLabel *>(QStringLiteral("statusListener"))->text(),
            QStringLiteral("Kafka listener down"));

        dialog->setPort(19092);
        dialog->findChild<QPushButton *>(QStringLiteral("useListenerPort"))->click();
        QCOMPARE(broker.requested.count(), 1);
        QCOMPARE(broker.requested.at(0).at(0).value<quint16>(), quint16(19092));
        QTRY_VERIFY(!broker.window.findChild<ui::ListenerProblemDialog *>()); // deleted on close
    }

    void retryOffersTheSamePortAndTheDialogComesOnce()
    {
        BrokerOnTakenPort broker;
        ui::ListenerProblemDialog *dialog = broker.waitForDialog();
        QVERIFY(dialog);
        dialog->findChild<QPushButton *>(QStringLiteral("retryListenerPort"))->click();
        QCOMPARE(broker.requested.count(), 1);
        QCOMPARE(broker.requested.at(0).at(0).value<quint16>(), broker.taken.port());
        QTRY_VERIFY(!broker.window.findChild<ui::ListenerProblemDialog *>());
        // More snapshots, all still saying the listener is down: no second dialog.
        QSignalSpy snapshots(&broker.facade, &engine::EngineFacade::snapshotUpdated);
        broker.facade.createTopic(QStringLiteral("more-snapshots-1"), 1);
        QTRY_VERIFY(snapshots.count() >= 1);
        broker.facade.createTopic(QStringLiteral("more-snapshots-2"), 1);
        QTRY_VERIFY(snapshots.count() >= 2);
        QCoreApplication::processEvents(); // the queued dialog would open here
        QVERIFY(!broker.window.findChild<ui::ListenerProblemDialog *>());
        QCOMPARE(broker.requested.count(), 1);
    }

    void flowTabAndEveryScenarioAreOneKeyAway()
    {
        uitest::WorkshopWindow workshop;
        ui::MainWindow &window = workshop.window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showTab(ui::MainWindow::TopicsTab);
        QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(window.findChild<QTabWidget *>()->currentIndex(), int(ui::MainWindow::FlowTab));

        QMenu *scenarios = menuNamed(window, QStringLiteral("scenariosMenu"));
        QVERIFY(scenarios);
        QSet<QChar> used;
        int builtIns = 0;
        for (const QAction *a : scenarios->actions()) {
            if (a->isSeparator())
                continue;
            const QChar m = mnemonic(a->text());
            QVERIFY2(!m.isNull(), qPrintable(a->text()));
            QVERIFY2(!used.contains(m), qPrintable(QStringLiteral("%1 reuses %2").arg(a->text(), m)));
            used.insert(m);
            if (a->data().toString().startsWith(QLatin1String(":/scenarios/")))
                ++builtIns;
        }
        QCOMPARE(builtIns, int(engine::ScenarioControl::builtIns().size()));
    }

    void shortcutSheetListsTheRealShortcuts()
    {
        uitest::WorkshopWindow workshop;
        const ui::MainWindow &window = workshop.window;
        const ui::ShortcutsDialog::Keys rows = ui::ShortcutsDialog::menuShortcuts(window.menuBar());
        const auto has = [&](const QString &command, const QKeySequence &key) {
            const QString keyText = key.toString(QKeySequence::NativeText);
            return std::any_of(rows.cbegin(), rows.cend(),
                [&](const auto &row) { return row.first.endsWith(command) && row.second == keyText; });
        };
        QVERIFY(has(QStringLiteral("Presentation Mode"), QKeySequence(Qt::Key_F5)));
        QVERIFY(has(QStringLiteral("Flow"), QKeySequence(Qt::CTRL | Qt::Key_6)));
        QVERIFY(has(QStringLiteral("New Topic…"), QKeySequence::New));
        QVERIFY(has(QStringLiteral("Keyboard Shortcuts"), QKeySequence::HelpContents));
        for (const auto &row : rows)
            QVERIFY2(!row.first.contains(QLatin1Char('&')), qPrintable(row.first));
    }

    void themeAndTextSizeApplyAtOnceAndPersist()
    {
        const QFont desktopFont = QApplication::font();
        ui::Appearance dark;
        dark.theme = ui::Appearance::Theme::Dark;
        dark.fontPercent = 150;
        dark.save();
        const ui::Appearance loaded = ui::Appearance::load();
        QVERIFY(loaded == dark);
        loaded.apply();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
        QCOMPARE(QApplication::font().pointSizeF(), desktopFont.pointSizeF() * 1.5);

        ui::PreferencesDialog dialog(loaded, QStringLiteral("ko"));
        QCOMPARE(dialog.appearance(), loaded); // shows what is in force
        QCOMPARE(dialog.languageSetting(), QStringLiteral("ko"));
        QCOMPARE(ui::PreferencesDialog(loaded, QString()).languageSetting(), QString()); // the system's

        ui::Appearance light;
        light.theme = ui::Appearance::Theme::Light;
        light.apply();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        QCOMPARE(QApplication::font().pointSizeF(), desktopFont.pointSizeF());
        ui::Appearance().apply(); // back to the desktop's look for the other tests

        QSettings().setValue(QStringLiteral("ui/fontPercent"), 5000); // hand-edited settings stay in range
        QCOMPARE(ui::Appearance::load().fontPercent, ui::Appearance::MaxFontPercent);
    }

    void debugLogIsOffUnlessAskedFor()
    {
        QLoggingCategory category("topicscope.ui.test");
        ui::setDebugLogging(false);
        QVERIFY(!category.isDebugEnabled());
        QVERIFY(category.isInfoEnabled());
        ui::setDebugLogging(true);
        QVERIFY(category.isDebugEnabled());
        ui::setDebugLogging(false);
    }

    void firstRunHintNamesTheAddressAndStaysDismissed()
    {
        engine::EngineFacade facade(optionsListeningOn(0)); // a free port
        {
            ui::MainWindow window(&facade);
            window.setScenarioControl(facade.scenarios());
            window.show();
            facade.start();
            facade.createTopic(QStringLiteral("t"), 1);
            auto *hint = window.findChild<QWidget *>(QStringLiteral("firstRunHint"));
            auto *text = window.findChild<QLabel *>(QStringLiteral("firstRunText"));
            QVERIFY(hint && text);
            QVERIFY(hint->isVisible());
            QTRY_VERIFY2(text->text().contains(QLatin1String("127.0.0.1:")), qPrintable(text->text()));
            QVERIFY(window.findChild<QPushButton *>(QStringLiteral("firstRunOpenScenario"))->isVisible());
            window.findChild<QPushButton *>(QStringLiteral("firstRunDismiss"))->click();
            QVERIFY(!hint->isVisible());
        }
        ui::MainWindow again(&facade);
        again.show();
        QVERIFY(!again.findChild<QWidget *>(QStringLiteral("firstRunHint"))->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
