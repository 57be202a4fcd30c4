#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <cstdio>
#include <cstring>

namespace topicscope::app {

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0)
            return true;
    }
    return false;
}

CommandLineOptions parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Topicscope: a desktop Kafka-compatible broker that shows how Kafka works.\n"
                       "Without options it opens the explorer on the embedded broker."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"),
        QStringLiteral("Run the broker without a window; logs to stderr; stops cleanly on SIGINT/SIGTERM."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QStringLiteral("Directory holding the broker's SQLite store (created if missing). Default: %1.")
            .arg(QDir::toNativeSeparators(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))),
        QStringLiteral("DIR"));
    const QCommandLineOption inMemory(
        QStringLiteral("in-memory"), QStringLiteral("Keep everything in memory (demos); nothing is written to disk."));
    const QCommandLineOption fsync(QStringLiteral("fsync"),
        QStringLiteral("fsync every commit (survives power loss; slower). By default an acknowledged append "
                       "survives a killed process."));
    parser.addOptions({headless, dataDir, inMemory, fsync});
    parser.process(arguments); // exits for --help, --version and unknown options

    const auto fail = [&](const QString &message) {
        std::fprintf(stderr, "topicscope: %s\n\n%s", qPrintable(message), qPrintable(parser.helpText()));
        std::exit(2);
    };
    if (!parser.positionalArguments().isEmpty())
        fail(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(dataDir) && parser.isSet(inMemory))
        fail(QStringLiteral("--data-dir and --in-memory exclude each other"));

    CommandLineOptions options;
    options.headless = parser.isSet(headless);
    options.engine.storage.inMemory = parser.isSet(inMemory);
    options.engine.storage.fsyncEachCommit = parser.isSet(fsync);
    options.engine.storage.dataDir = parser.isSet(dataDir)
        ? parser.value(dataDir)
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return options;
}

} // namespace topicscope::app
