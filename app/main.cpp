#include "commandline.h"
#include "mainwindow.h"
#include "runtime/enginefacade.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

using namespace topicscope;

Q_LOGGING_CATEGORY(lcApp, "topicscope.app")

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] auto written = ::write(signalPipe[1], &byte, 1);
}

// SIGINT and SIGTERM quit the event loop, so the engine closes its store before the process exits.
void quitOnTerminationSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [notifier] {
        char byte;
        [[maybe_unused]] auto got = ::read(signalPipe[0], &byte, 1);
        notifier->setEnabled(false);
        qCInfo(lcApp) << "termination signal received, stopping the broker";
        QCoreApplication::quit();
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

int runHeadless(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    const app::CommandLineOptions options = app::parseCommandLine(QCoreApplication::arguments());
    engine::EngineFacade facade(options.engine);
    QObject::connect(&facade, &engine::EngineFacade::started, &app, [](bool ok, const QString &error) {
        if (!ok) {
            std::fprintf(stderr, "topicscope: cannot start the broker: %s\n", qPrintable(error));
            QCoreApplication::exit(1);
            return;
        }
        qCInfo(lcApp) << "running headless; stop with Ctrl+C or SIGTERM";
    });
    quitOnTerminationSignals();
    facade.start();
    return app.exec();
}

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Topicscope"));
    const app::CommandLineOptions options = app::parseCommandLine(QCoreApplication::arguments());
    engine::EngineFacade facade(options.engine);
    ui::MainWindow window(&facade);
    window.show();
    quitOnTerminationSignals();
    facade.start();
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(
            QStringLiteral("%{time yyyy-MM-dd hh:mm:ss.zzz} %{if-category}%{category} %{endif}%{type}: %{message}"));
    return app::wantsHeadless(argc, argv) ? runHeadless(argc, argv) : runGui(argc, argv);
}
