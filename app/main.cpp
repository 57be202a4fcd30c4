#include "appearance.h"
#include "commandline.h"
#include "connectionlauncher.h"
#include "keychainsecretstore.h"
#include "language.h"
#include "live/liverecordingfile.h"
#include "mainwindow.h"
#include "remote/clusterdescription.h"
#include "remote/remotecluster.h"
#include "remote/remoteconnector.h"
#include "runtime/enginefacade.h"
#include "runtime/scenariocontrol.h"
#include "runtime/sqlitemetricarchive.h"
#include "sim/scenariorunner.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QSettings>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <functional>
#include <malloc.h>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

using namespace topicscope;

Q_LOGGING_CATEGORY(lcApp, "topicscope.app")

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] auto written = ::write(signalPipe[1], &byte, 1);
}

// SIGINT and SIGTERM quit the event loop (or run stop, which must end it), so the engine closes its store before the
// process exits.
void quitOnTerminationSignals(std::function<void()> stop = [] { QCoreApplication::quit(); })
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [notifier, stop] {
        char byte;
        [[maybe_unused]] auto got = ::read(signalPipe[0], &byte, 1);
        notifier->setEnabled(false);
        qCInfo(lcApp) << "termination signal received, stopping the broker";
        stop();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Topicscope"));
    QCoreApplication::setApplicationName(QStringLiteral("topicscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOPICSCOPE_VERSION));
}

// --headless --bootstrap-server ... --describe: the remote cluster's first snapshot as text, then exit.
int describeRemoteCluster(const engine::RemoteClusterOptions &options)
{
    engine::RemoteCluster cluster(options);
    QObject::connect(&cluster, &engine::RemoteCluster::started, &cluster, [](bool ok, const QString &error) {
        if (!ok) {
            std::fprintf(stderr, "topicscope: %s\n", qPrintable(error));
            QCoreApplication::exit(1);
        }
    });
    QObject::connect(
        &cluster, &engine::RemoteCluster::snapshotUpdated, &cluster, [](const engine::BrokerSnapshot &snapshot) {
            std::fputs(qPrintable(engine::ClusterDescription::text(snapshot)), stdout);
            QCoreApplication::exit(snapshot.brokers.isEmpty() ? 1 : 0);
        });
    quitOnTerminationSignals();
    cluster.start();
    return QCoreApplication::exec();
}

int runHeadless(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    const app::CommandLineOptions options = app::parseCommandLine(QCoreApplication::arguments());
    if (options.describe)
        return describeRemoteCluster(options.remote);
    if (!options.scenarioFile.isEmpty()) {
        // A scenario brings its own in-memory broker on virtual time: no store, no listener. Its report is the
        // output; the engine's own log lines would only bury it (QT_LOGGING_RULES still overrides).
        if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
            QLoggingCategory::setFilterRules(QStringLiteral("topicscope.*.debug=false\ntopicscope.*.info=false"));
        QString report;
        const bool passed = engine::ScenarioRunner::runFile(options.scenarioFile, &report);
        std::fputs(qPrintable(report + QLatin1Char('\n')), passed ? stdout : stderr);
        return passed ? 0 : 1;
    }
    if (!options.reportFile.isEmpty()) {
        QString error;
        const std::optional<engine::LiveRecordingFile> recording
            = engine::LiveRecordingFile::load(options.reportFile, &error);
        if (!recording) {
            std::fprintf(stderr, "topicscope: %s\n", qPrintable(error));
            return 1;
        }
        std::fputs(qPrintable(recording->report()), stdout);
        return 0;
    }
    engine::EngineFacade facade(options.engine);
    QObject::connect(&facade, &engine::EngineFacade::started, &app, [](bool ok, const QString &error) {
        if (!ok) {
            std::fprintf(stderr, "topicscope: cannot start the broker: %s\n", qPrintable(error));
            QCoreApplication::exit(1);
            return;
        }
        qCInfo(lcApp) << "running headless; stop with Ctrl+C or SIGTERM";
    });
    if (options.recordFile.isEmpty()) {
        quitOnTerminationSignals();
    } else {
        // Stopping saves the recording first (on the worker thread), then quits: 1 when it could not be written.
        engine::ScenarioClient *scenarios = facade.scenarios();
        QObject::connect(
            scenarios, &engine::ScenarioClient::recordingSaved, &app, [](const QString &path, const QString &error) {
                if (!error.isEmpty()) {
                    std::fprintf(stderr, "topicscope: the live recording was not saved: %s\n", qPrintable(error));
                    QCoreApplication::exit(1);
                    return;
                }
                qCInfo(lcApp).noquote() << "live recording saved to" << path;
                QCoreApplication::quit();
            });
        qCInfo(lcApp).noquote() << "recording the wire clients; saved to" << options.recordFile << "when stopped";
        quitOnTerminationSignals([scenarios, path = options.recordFile] {
            qCInfo(lcApp).noquote() << "saving the live recording to" << path;
            scenarios->saveRecording(path);
        });
    }
    facade.start();
    return app.exec();
}

bool wantsTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView a(argv[i]);
        if (a == "--help" || a == "-h" || a == "-?" || a == "--help-all" || a == "--version" || a == "-v")
            return true;
    }
    return false;
}

const QString LastDataDirectoryKey = QStringLiteral("lastDataDirectory");
const QString ListenerPortKey = QStringLiteral("listener/port");

bool dataDirectoryGiven(const QStringList &arguments)
{
    return std::any_of(arguments.cbegin(), arguments.cend(), [](const QString &a) {
        return a == QLatin1String("--data-dir") || a.startsWith(QLatin1String("--data-dir="));
    });
}

// The window and the broker it shows. File > Open Data Directory replaces both: the old broker closes its store
// before the new one opens another (or the same) directory.
class GuiSession {
public:
    explicit GuiSession(engine::EngineOptions options)
        : m_options(std::move(options))
    { }

    void open(const QString &dataDir)
    {
        if (m_window) {
            // close() saves the layout, which the new window restores; the app must not quit meanwhile.
            QApplication::setQuitOnLastWindowClosed(false);
            m_window->close();
            m_window.reset();
            m_facade.reset();
            QApplication::setQuitOnLastWindowClosed(true);
        }
        if (!dataDir.isEmpty())
            m_options.storage.dataDir = dataDir;
        m_facade = std::make_unique<engine::EngineFacade>(m_options);
        m_window = std::make_unique<ui::MainWindow>(m_facade.get());
        m_window->setScenarioControl(m_facade->scenarios());
        QObject::connect(m_facade.get(), &engine::EngineFacade::started, m_window.get(),
            [inMemory = m_options.storage.inMemory, dir = m_options.storage.dataDir](bool ok, const QString &) {
                if (ok && !inMemory)
                    QSettings().setValue(LastDataDirectoryKey, QDir(dir).absolutePath());
            });
        if (!m_options.storage.inMemory) {
            QObject::connect(
                m_window.get(), &ui::MainWindow::dataDirectoryRequested, m_window.get(), [this](const QString &dir) {
                    // Not from inside the window's own signal: the window goes away.
                    QMetaObject::invokeMethod(
                        QCoreApplication::instance(), [this, dir] { open(dir); }, Qt::QueuedConnection);
                });
        }
        m_window->setConnectionLauncher(m_launcher);
        m_window->setMetricArchive(m_archive);
        m_window->setListenerPort(m_options.listener ? m_options.listener->listenPort : 0);
        QObject::connect(m_window.get(), &ui::MainWindow::listenerPortRequested, m_window.get(), [this](quint16 port) {
            if (!m_options.listener)
                return;
            // Remembered for the next launch (unless --listen names one); the broker restarts with it now.
            m_options.listener->listenPort = port;
            QSettings().setValue(ListenerPortKey, port);
            QMetaObject::invokeMethod(
                QCoreApplication::instance(), [this] { open({}); }, Qt::QueuedConnection);
        });
        m_window->show();
        m_facade->start();
        // --scenario FILE opens it in the flow view, once (not again when another data directory is opened).
        if (!m_scenarioFile.isEmpty())
            m_window->openScenario(std::exchange(m_scenarioFile, QString()));
    }

    void setScenarioFile(const QString &path) { m_scenarioFile = path; }
    void setConnectionLauncher(ui::ConnectionLauncher *launcher) { m_launcher = launcher; }
    void setMetricArchive(engine::MetricArchive *archive) { m_archive = archive; }

private:
    engine::EngineOptions m_options;
    ui::ConnectionLauncher *m_launcher = nullptr; // outlives the session
    engine::MetricArchive *m_archive = nullptr; // outlives the session
    QString m_scenarioFile;
    // Declared before the window: destroyed after it, as the window holds a pointer to it.
    std::unique_ptr<engine::EngineFacade> m_facade;
    std::unique_ptr<ui::MainWindow> m_window;
};

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Topicscope"));
    // Matches the installed .desktop entry, so shells find the icon and name (the Wayland app id).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.topicscope.Topicscope"));
    app::CommandLineOptions options = app::parseCommandLine(QCoreApplication::arguments());
    // --lang, else the saved choice, else the system's language; before any widget reads a tr() text.
    ui::Language::install(&app,
        ui::Language::resolve(
            options.language, QSettings().value(ui::Language::settingsKey()).toString(), QLocale::system()));
    // --data-dir, else the directory used last (if it is still there), else the default.
    if (!options.engine.storage.inMemory && !dataDirectoryGiven(QCoreApplication::arguments())) {
        const QString last = QSettings().value(LastDataDirectoryKey).toString();
        if (!last.isEmpty() && QDir(last).exists())
            options.engine.storage.dataDir = last;
    }
    // The port chosen after a failed start (see ListenerProblemDialog), unless the command line names one.
    if (options.engine.listener && !options.listenAddressGiven) {
        bool ok = false;
        const int port = QSettings().value(ListenerPortKey).toInt(&ok);
        if (ok && port > 0 && port <= 65535)
            options.engine.listener->listenPort = static_cast<quint16>(port);
    }
    ui::Appearance::load().apply();
    // The charts' history, one file per cluster (docs/engine.md, "Chart history"); every window is gone before it.
    // ~/.local/share/Topicscope/history: beside the app's data location, not in it, as that is also the default
    // data directory, whose sub-directories are the broker's partitions.
    engine::SqliteMetricArchive::Options historyOptions;
    historyOptions.directory = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                                   .filePath(QCoreApplication::organizationName() + QStringLiteral("/history"));
    engine::SqliteMetricArchive history(historyOptions);
    // File > Connect to Kafka: each connection in a window of its own, closed (and disconnected) before these go.
    engine::RemoteConnector connector;
    ui::KeychainSecretStore secrets;
    ui::ConnectionLauncher launcher(&connector, &secrets);
    launcher.setMetricArchive(&history);
    if (!options.remote.bootstrapServers.isEmpty() && !options.alsoEmbedded) {
        // A remote cluster instead of the embedded broker: no data directory, listener or scenarios of ours.
        engine::RemoteCluster cluster(options.remote);
        ui::MainWindow window(&cluster); // destroyed before the cluster it points to
        window.setLayoutGroup(ui::MainWindow::RemoteLayoutGroup);
        window.setConnectionLauncher(&launcher);
        window.setMetricArchive(&history);
        window.show();
        quitOnTerminationSignals();
        cluster.start();
        return app.exec();
    }
    GuiSession session(options.engine);
    session.setScenarioFile(options.scenarioFile);
    session.setConnectionLauncher(&launcher);
    session.setMetricArchive(&history);
    quitOnTerminationSignals();
    session.open({});
    if (options.alsoEmbedded) // --bootstrap-server with --embedded: the cluster in a window beside the broker's
        launcher.openWindow(options.remote.bootstrapServers, options.remote);
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    // glibc's malloc serves blocks above its mmap threshold (128 KiB at first, moving with what was freed) with
    // fresh mappings: the broker's 1 MB produce and fetch buffers then page-fault and zero every page of every
    // request, and the kernel's share of the broker's CPU rose to half (bench/REPORT-live.md, "The allocator
    // finding"). Fixed thresholds keep such buffers in the heap and reused; freed memory above 256 MiB at the top
    // of the heap still goes back to the system.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(
            QStringLiteral("%{time yyyy-MM-dd hh:mm:ss.zzz} %{if-category}%{category} %{endif}%{type}: %{message}"));
    ui::setDebugLogging(false);
    if (wantsTextOnly(argc, argv)) {
        // --help and --version print and exit inside the parser; no display needed for them.
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        app::parseCommandLine(QCoreApplication::arguments());
        return 0;
    }
    return app::wantsHeadless(argc, argv) ? runHeadless(argc, argv) : runGui(argc, argv);
}
