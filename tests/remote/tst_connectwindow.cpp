// File > Connect to Kafka against real clusters, with the app's own connector (RemoteConnector, librdkafka): the
// embedded broker started as a separate headless process. Test Connection names the cluster and its brokers without
// opening a window; a port where nothing listens and a property librdkafka does not know are said plainly, within a
// bounded time, the GUI thread never blocked meanwhile; Connect opens a second window on the cluster, titled after the
// profile, whose Topics view lists a topic created on that broker; closing it disconnects.
#include "clusterconnector.h"
#include "connectdialog.h"
#include "connectionlauncher.h"
#include "inmemorysecretstore.h"
#include "interopbroker.h"
#include "language.h"
#include "mainwindow.h"
#include "remote/remoteconnector.h"
#include "remoteclusterfixture.h"
#include "topicsmodel.h"
#include "topicsview.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace topicscope;
using namespace topicscope::ui;

namespace {

// The app's connector, remembering the clients it made.
class TrackingConnector : public engine::RemoteConnector {
public:
    std::unique_ptr<engine::ClusterClient> open(const engine::RemoteClusterOptions &options) override
    {
        std::unique_ptr<engine::ClusterClient> client = RemoteConnector::open(options);
        opened.append(client.get());
        return client;
    }
    QList<QPointer<engine::ClusterClient>> opened;
};

void type(ConnectDialog &dialog, const char *field, const QString &text)
{
    auto *edit = dialog.findChild<QLineEdit *>(QString::fromLatin1(field));
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

// Runs the event loop until the dialog's test is answered, measuring the longest stretch the GUI thread went
// without serving a 20 ms timer (a blocked GUI would show as one long gap).
qint64 waitForCheck(ConnectDialog &dialog, int timeoutMs, qint64 *longestGapMs)
{
    QElapsedTimer total;
    total.start();
    QElapsedTimer sinceTick;
    sinceTick.start();
    qint64 longest = 0;
    QTimer ticker;
    ticker.setInterval(20);
    QObject::connect(&ticker, &QTimer::timeout, [&] { longest = std::max(longest, sinceTick.restart()); });
    ticker.start();
    while (dialog.isTesting() && total.elapsed() < timeoutMs)
        QTest::qWait(10);
    *longestGapMs = longest;
    return total.elapsed();
}

// A loopback listener that never accepts: the kernel completes connections into its backlog and nobody reads
// them, so a client's first request waits out its timeout.
class SilentListener {
public:
    SilentListener()
        : m_fd(::socket(AF_INET, SOCK_STREAM, 0))
    {
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        m_listening = ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
            && ::listen(m_fd, 16) == 0 && ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) == 0;
        m_port = ntohs(address.sin_port);
    }
    ~SilentListener() { ::close(m_fd); }
    bool isListening() const { return m_listening; }
    ConnectionProfile profile() const
    {
        ConnectionProfile p;
        p.id = ConnectionProfile::newId();
        p.name = QStringLiteral("silent broker");
        p.bootstrapServers = QStringLiteral("127.0.0.1:%1").arg(m_port);
        return p;
    }

private:
    int m_fd;
    quint16 m_port = 0;
    bool m_listening = false;
};

} // namespace

class TestConnectWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TopicscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_connectwindow"));
        QVERIFY(Language::install(qApp, QStringLiteral("en")));
        QString error;
        QVERIFY2(m_broker.start({}, &error), qPrintable(error));
    }

    void init() { QSettings().clear(); }

    void testConnectionNamesTheCluster()
    {
        ConnectDialog dialog(&m_connector, &m_store);
        type(dialog, "bootstrapServers", m_broker.bootstrap());
        dialog.testConnection();
        qint64 gap = 0;
        waitForCheck(dialog, 20000, &gap);
        QVERIFY(!dialog.isTesting());
        QVERIFY2(
            dialog.testResult().startsWith(QLatin1String("Connected to cluster ")), qPrintable(dialog.testResult()));
        QVERIFY2(dialog.testResult().contains(QStringLiteral(": 1 broker, controller broker ")),
            qPrintable(dialog.testResult()));
        QVERIFY2(dialog.testResult().contains(m_broker.bootstrap()), qPrintable(dialog.testResult()));
        QVERIFY2(gap < 1000, qPrintable(QString::number(gap)));
    }

    void nothingListeningIsSaidPlainly()
    {
        ConnectDialog dialog(&m_connector, &m_store);
        const QString servers = QStringLiteral("127.0.0.1:%1").arg(remotetest::closedPort());
        type(dialog, "bootstrapServers", servers);
        dialog.testConnection();
        qint64 gap = 0;
        const qint64 took = waitForCheck(dialog, 20000, &gap);
        QVERIFY2(!dialog.isTesting(), "no answer within 20 s");
        qInfo().noquote() << "answered in" << took << "ms:" << dialog.testResult();
        // The request timeout (5 s) bounds it.
        QVERIFY2(took < 12000, qPrintable(QString::number(took)));
        QVERIFY2(dialog.testResult().startsWith(QStringLiteral("Cannot reach %1: ").arg(servers)),
            qPrintable(dialog.testResult()));
        QVERIFY2(gap < 1000, qPrintable(QString::number(gap)));
    }

    void anUnknownPropertyIsSaidPlainly()
    {
        ConnectDialog dialog(&m_connector, &m_store);
        type(dialog, "name", QStringLiteral("typo"));
        type(dialog, "bootstrapServers", m_broker.bootstrap());
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("properties"));
        table->insertRow(0);
        table->setItem(0, 0, new QTableWidgetItem(QStringLiteral("sasl.mechanizm")));
        table->setItem(0, 1, new QTableWidgetItem(QStringLiteral("PLAIN")));
        dialog.testConnection();
        qint64 gap = 0;
        waitForCheck(dialog, 20000, &gap);
        QVERIFY2(dialog.testResult().startsWith(QLatin1String("librdkafka refused a setting: connection 'typo': ")),
            qPrintable(dialog.testResult()));
        QVERIFY2(dialog.testResult().contains(QLatin1String("sasl.mechanizm")), qPrintable(dialog.testResult()));
    }

    // The embedded broker has no SASL: a SASL_PLAINTEXT connection to it fails in the handshake, which the check
    // reports as the credentials refused (librdkafka's own words follow).
    void saslAgainstABrokerWithoutItFails()
    {
        ConnectDialog dialog(&m_connector, &m_store);
        type(dialog, "bootstrapServers", m_broker.bootstrap());
        dialog.findChild<QComboBox *>(QStringLiteral("securityProtocol"))
            ->setCurrentText(QStringLiteral("SASL_PLAINTEXT"));
        type(dialog, "username", QStringLiteral("alice"));
        type(dialog, "password", QStringLiteral("wrong"));
        dialog.testConnection();
        qint64 gap = 0;
        waitForCheck(dialog, 20000, &gap);
        QVERIFY(!dialog.isTesting());
        qInfo().noquote() << dialog.testResult();
        QVERIFY2(dialog.testResult().startsWith(QLatin1String("The cluster refused the credentials: ")),
            qPrintable(dialog.testResult()));
        QVERIFY2(dialog.testResult().contains(QLatin1String("SASL")), qPrintable(dialog.testResult()));
    }

    void connectOpensASecondWindowOnTheCluster()
    {
        // A topic made on the broker by someone else.
        engine::RemoteClusterOptions options;
        options.bootstrapServers = m_broker.bootstrap();
        engine::RemoteCluster other(options);
        QVERIFY(remotetest::waitForStart(other).first);
        QCOMPARE(
            remotetest::waitForCommand(other, other.createTopic(QStringLiteral("orders-from-elsewhere"), 2)).first, 0);

        ConnectionLauncher launcher(&m_connector, &m_store);
        QList<QPointer<MainWindow>> opened;
        connect(&launcher, &ConnectionLauncher::windowOpened, this, [&](MainWindow *w) { opened.append(w); });
        // A window already open (the embedded broker's in the app; here one on the same cluster): its File menu
        // opens the dialog.
        MainWindow first(&other);
        QAction *menuItem = first.findChild<QAction *>(QStringLiteral("connectToKafka"));
        QVERIFY(menuItem && !menuItem->isVisible());
        first.setConnectionLauncher(&launcher);
        QVERIFY(menuItem->isVisible());
        first.show();
        menuItem->trigger();
        ConnectDialog *dialog = first.findChild<ConnectDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        type(*dialog, "name", QStringLiteral("local broker"));
        type(*dialog, "bootstrapServers", m_broker.bootstrap());
        QPointer<ConnectDialog> guard(dialog);
        dialog->connectToCluster();
        QCOMPARE(opened.size(), 1);
        QTRY_VERIFY(!guard); // the dialog closes and goes
        QPointer<MainWindow> window = opened.constFirst();
        QVERIFY(window);
        QCOMPARE(window->windowTitle(), QStringLiteral("local broker — Topicscope"));
        QVERIFY(window->isWindow() && !window->parentWidget()); // a top-level window of its own
        QVERIFY(window->isVisible());
        QCOMPARE(launcher.windows().size(), 1);
        const auto listsTopic = [&] {
            const TopicsModel *model = window->topicsView()->model();
            for (int r = 0; r < model->rowCount(); ++r) {
                if (model->index(r, TopicsModel::Name).data().toString() == QLatin1String("orders-from-elsewhere"))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(listsTopic(), 15000);
        QCOMPARE(QSettings().value(QStringLiteral("connections/lastUsed")).toString(),
            QSettings().value(QStringLiteral("connections/profiles/1/id")).toString());

        // Closing it disconnects: the window and its cluster go.
        QCOMPARE(m_connector.opened.size(), 1);
        QVERIFY(m_connector.opened.constFirst());
        QCOMPARE(window->layoutGroup(), QString(MainWindow::RemoteLayoutGroup));
        window->showTab(MainWindow::BrokersTab); // an index the embedded broker's window would read as another tab
        window->close();
        QTRY_VERIFY(!window);
        QTRY_VERIFY(!m_connector.opened.constFirst());
        QVERIFY(launcher.windows().isEmpty());
        QVERIFY(first.isVisible()); // the other window stays
        // Its layout is kept apart from the embedded broker's window's.
        QVERIFY(QSettings().contains(QStringLiteral("remoteWindow/geometry")));
        QVERIFY(!QSettings().contains(QStringLiteral("mainWindow/geometry")));
        QVERIFY(!QSettings().contains(QStringLiteral("mainWindow/tab")));
    }

    // The app quitting with a connection window open: the launcher goes first and takes the window and its cluster
    // with it.
    void theLauncherClosesItsWindowsWhenItGoes()
    {
        m_connector.opened.clear();
        QPointer<MainWindow> window;
        {
            ConnectionLauncher launcher(&m_connector, &m_store);
            ConnectionProfile profile;
            profile.id = ConnectionProfile::newId();
            profile.name = QStringLiteral("left open");
            profile.bootstrapServers = m_broker.bootstrap();
            window = launcher.openWindow(profile);
            QVERIFY(window && window->isVisible());
            QTRY_VERIFY_WITH_TIMEOUT(window->topicsView()->model()->rowCount() > 0, 15000);
        }
        QVERIFY(!window);
        QCOMPARE(m_connector.opened.size(), 1);
        QVERIFY(!m_connector.opened.constFirst());
    }

    // Closing a window whose cluster's worker is inside a librdkafka call (a broker that accepts connections and
    // never answers) does not wait for that call: the window goes at once, its cluster once the call returns.
    void closingAWindowDoesNotWaitForItsCluster()
    {
        SilentListener silent;
        QVERIFY(silent.isListening());

        m_connector.opened.clear();
        ConnectionLauncher launcher(&m_connector, &m_store);
        QPointer<MainWindow> window = launcher.openWindow(silent.profile());
        QVERIFY(window);
        QTest::qWait(300); // the worker is now waiting for the first Metadata answer (5 s request timeout)
        window->close();
        QTRY_VERIFY(!window);
        QTest::qWait(50);
        QCOMPARE(m_connector.opened.size(), 1);
        QVERIFY2(
            m_connector.opened.constFirst(), "the cluster was deleted while its worker was in a call: the GUI waited");
        QTRY_VERIFY_WITH_TIMEOUT(!m_connector.opened.constFirst(), 15000); // gone once the call timed out
    }

    // The app quits while a closed window's cluster is still stopping: the launcher waits for it.
    void theLauncherWaitsForClustersStillStopping()
    {
        SilentListener silent;
        QVERIFY(silent.isListening());

        m_connector.opened.clear();
        {
            ConnectionLauncher launcher(&m_connector, &m_store);
            QPointer<MainWindow> window = launcher.openWindow(silent.profile());
            QTest::qWait(300);
            window->close();
            QTRY_VERIFY(!window);
            QVERIFY(m_connector.opened.constFirst());
        }
        QVERIFY(!m_connector.opened.constFirst()); // deleted (after waiting) with the launcher
    }

private:
    interoptest::InteropBroker m_broker;
    TrackingConnector m_connector;
    InMemorySecretStore m_store;
};

QTEST_MAIN(TestConnectWindow)
#include "tst_connectwindow.moc"
