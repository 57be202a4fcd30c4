#include "commandline.h"

#include "hostport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <cstdio>
#include <cstring>
#include <limits>
#include <type_traits>

namespace topicscope::app {

bool parseHostPort(const QString &text, QString *host, int *port)
{
    return engine::parseHostPort(text, host, port);
}

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
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Address of the Kafka listener (default 127.0.0.1:9092; port 0 picks a free one). A "
                       "non-loopback address is reachable from other hosts: there is no authentication."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption advertise(QStringLiteral("advertise"),
        QStringLiteral("Address given to clients in Metadata and FindCoordinator (default: the listen address)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption noListen(QStringLiteral("no-listen"), QStringLiteral("Do not open the Kafka listener."));
    const QCommandLineOption maxRequestBytes(QStringLiteral("max-request-bytes"),
        QStringLiteral("Largest request accepted, in bytes (socket.request.max.bytes; default 104857600)."),
        QStringLiteral("BYTES"));
    const QCommandLineOption queuedMaxRequestBytes(QStringLiteral("queued-max-request-bytes"),
        QStringLiteral("Request bytes held in memory at once over all connections (queued.max.request.bytes; default "
                       "268435456, never below --max-request-bytes)."),
        QStringLiteral("BYTES"));
    const QCommandLineOption connectionsMaxIdle(QStringLiteral("connections-max-idle-ms"),
        QStringLiteral("Close a client connection that has no request in progress and sent or received nothing for "
                       "MS (connections.max.idle.ms; default 600000, 0 = never)."),
        QStringLiteral("MS"));
    const QCommandLineOption numPartitions(QStringLiteral("num-partitions"),
        QStringLiteral("Partitions of auto-created topics (num.partitions; default 1)."), QStringLiteral("N"));
    const QCommandLineOption noAutoCreate(QStringLiteral("no-auto-create-topics"),
        QStringLiteral("Do not create topics named in Metadata requests (auto.create.topics.enable=false)."));
    const QCommandLineOption rebalanceDelay(QStringLiteral("group-initial-rebalance-delay-ms"),
        QStringLiteral("Wait before the first rebalance of an empty group (group.initial.rebalance.delay.ms; "
                       "default 3000). Tests use a small value."),
        QStringLiteral("MS"));
    const QCommandLineOption consumerSession(QStringLiteral("group-consumer-session-timeout-ms"),
        QStringLiteral("Session timeout of consumer-protocol (KIP-848) group members "
                       "(group.consumer.session.timeout.ms; default 45000)."),
        QStringLiteral("MS"));
    const QCommandLineOption consumerHeartbeat(QStringLiteral("group-consumer-heartbeat-interval-ms"),
        QStringLiteral("Heartbeat interval the broker gives consumer-protocol (KIP-848) group members "
                       "(group.consumer.heartbeat.interval.ms; default 5000)."),
        QStringLiteral("MS"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
        QStringLiteral("Open the workshop scenario FILE (or a built-in, e.g. "
                       ":/scenarios/06-autocommit-duplicates.json) in the flow view. With --headless: run it to "
                       "its end on virtual time, print its timeline, final state and checks, and exit 0 when "
                       "every expectation holds."),
        QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"),
        QStringLiteral("Language of the window and the scenarios: ko (Korean) or en (English). Default: the one chosen "
                       "in the settings, else the system's (Korean for a Korean locale, else English). A headless "
                       "scenario report stays in English."),
        QStringLiteral("LANG"));
    const QCommandLineOption noLiveRecording(QStringLiteral("no-live-recording"),
        QStringLiteral("Do not record the wire clients' produced batches and fetches for the Flow tab's live view "
                       "(recorded from start-up by default; bench/REPORT-live.md measures what it costs). The live "
                       "view then stays empty."));
    const QCommandLineOption record(QStringLiteral("record"),
        QStringLiteral(
            "With --headless: serve as usual and, when stopped (Ctrl+C, SIGTERM), save the live recording of "
            "the wire clients (timeline, rebalances with their causes, a picture per rebalance for time "
            "travel, record journeys) to FILE, written whole or not at all. Scenarios > Open Recording "
            "replays it in the Flow tab; --report prints it."),
        QStringLiteral("FILE"));
    const QCommandLineOption report(QStringLiteral("report"),
        QStringLiteral(
            "With --headless: print the live recording FILE (saved by --record or the Flow tab) like a "
            "scenario report: its timeline, its rebalances (group, generation, cause, assignment, partitions "
            "moved) and its counters; exit 0, or 1 when FILE cannot be read."),
        QStringLiteral("FILE"));
    const QCommandLineOption bootstrapServer(QStringLiteral("bootstrap-server"),
        QStringLiteral("Explore the Kafka cluster at HOST:PORT[,HOST:PORT...] (Apache Kafka or any Kafka-compatible "
                       "cluster, through librdkafka) instead of starting the embedded broker."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption commandConfig(QStringLiteral("command-config"),
        QStringLiteral("With --bootstrap-server: a Kafka/librdkafka properties file (name=value lines, # comments: "
                       "security.protocol, sasl.*, ssl.*, ...); every property is passed to librdkafka."),
        QStringLiteral("FILE"));
    const QCommandLineOption describe(QStringLiteral("describe"),
        QStringLiteral("With --headless and --bootstrap-server: print the cluster's brokers, topics, partitions and "
                       "consumer groups once and exit (0, or 1 when the cluster cannot be reached)."));
    const QCommandLineOption embedded(QStringLiteral("embedded"),
        QStringLiteral("With --bootstrap-server: start the embedded broker as well (with its data directory and "
                       "listener options), in a window of its own beside the cluster's."));
    const QCommandLineOption noOffsetsTopic(QStringLiteral("no-offsets-topic"),
        QStringLiteral("With --bootstrap-server: do not read __consumer_offsets for the rebalance history (it holds "
                       "every offset commit, all downloaded); the history is then what polling sees."));
    parser.addOptions({bootstrapServer, commandConfig, describe, embedded, noOffsetsTopic});
    parser.addOptions({headless, dataDir, inMemory, fsync, listen, advertise, noListen, maxRequestBytes,
        queuedMaxRequestBytes, connectionsMaxIdle, numPartitions, noAutoCreate, rebalanceDelay, consumerSession,
        consumerHeartbeat, scenario, lang, noLiveRecording, record, report});
    parser.process(arguments); // exits for --help, --version and unknown options

    const auto fail = [&](const QString &message) {
        std::fprintf(stderr, "topicscope: %s\n\n%s", qPrintable(message), qPrintable(parser.helpText()));
        std::exit(2);
    };
    // A whole-number option given on the command line, at least least; refused with what it expects ("a number of
    // bytes >= 1024") otherwise. target keeps its default when the option is absent.
    const auto number = [&](const QCommandLineOption &option, qint64 least, const QString &expected, auto *target) {
        if (!parser.isSet(option))
            return;
        bool ok = false;
        const qint64 value = parser.value(option).toLongLong(&ok);
        using Target = std::remove_pointer_t<decltype(target)>;
        if (!ok || value < least || value > std::numeric_limits<Target>::max())
            fail(QStringLiteral("--%1 expects %2").arg(option.names().constFirst(), expected));
        *target = static_cast<Target>(value);
    };
    if (!parser.positionalArguments().isEmpty())
        fail(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(dataDir) && parser.isSet(inMemory))
        fail(QStringLiteral("--data-dir and --in-memory exclude each other"));

    for (const QCommandLineOption *option : {&record, &report}) {
        if (parser.isSet(*option) && !parser.isSet(headless))
            fail(QStringLiteral("--%1 works with --headless").arg(option->names().constFirst()));
        if (parser.isSet(*option) && parser.value(*option).isEmpty())
            fail(QStringLiteral("--%1 expects a file name").arg(option->names().constFirst()));
    }
    if (parser.isSet(record) && (parser.isSet(report) || parser.isSet(scenario)))
        fail(QStringLiteral("--record serves the broker; it excludes --report and --scenario"));
    if (parser.isSet(record) && parser.isSet(noLiveRecording))
        fail(QStringLiteral("--record needs the live recording that --no-live-recording leaves out"));
    if (parser.isSet(report) && parser.isSet(scenario))
        fail(QStringLiteral("--report and --scenario exclude each other"));
    // Known now rather than when the broker stops, maybe hours later.
    if (parser.isSet(record) && !QFileInfo(parser.value(record)).absoluteDir().exists())
        fail(QStringLiteral("--record: the directory of '%1' does not exist").arg(parser.value(record)));

    if (parser.isSet(lang) && parser.value(lang) != QLatin1String("ko") && parser.value(lang) != QLatin1String("en"))
        fail(QStringLiteral("--lang expects ko or en, got '%1'").arg(parser.value(lang)));

    CommandLineOptions options;
    options.headless = parser.isSet(headless);
    options.language = parser.value(lang);
    options.scenarioFile = parser.value(scenario);
    options.recordFile = parser.value(record);
    options.reportFile = parser.value(report);
    options.engine.storage.inMemory = parser.isSet(inMemory);
    options.engine.storage.fsyncEachCommit = parser.isSet(fsync);
    options.engine.recordLiveFlow = !parser.isSet(noLiveRecording);
    options.engine.storage.dataDir = parser.isSet(dataDir)
        ? parser.value(dataDir)
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);

    if (parser.isSet(noListen) && (parser.isSet(listen) || parser.isSet(advertise)))
        fail(QStringLiteral("--no-listen excludes --listen and --advertise"));
    if (!parser.isSet(noListen)) {
        engine::KafkaServerOptions listener;
        options.listenAddressGiven = parser.isSet(listen);
        if (parser.isSet(listen)) {
            QString host;
            int port = -1;
            if (!parseHostPort(parser.value(listen), &host, &port))
                fail(QStringLiteral("--listen expects HOST:PORT, got '%1'").arg(parser.value(listen)));
            listener.listenHost = host;
            listener.listenPort = static_cast<quint16>(port);
        }
        if (parser.isSet(advertise)) {
            QString host;
            int port = -1;
            if (!parseHostPort(parser.value(advertise), &host, &port) || port == 0)
                fail(QStringLiteral("--advertise expects HOST:PORT, got '%1'").arg(parser.value(advertise)));
            listener.advertisedHost = host;
            listener.advertisedPort = static_cast<quint16>(port);
        }
        number(maxRequestBytes, 1024, QStringLiteral("a number of bytes >= 1024"), &listener.maxRequestBytes);
        number(
            queuedMaxRequestBytes, 1024, QStringLiteral("a number of bytes >= 1024"), &listener.queuedMaxRequestBytes);
        number(connectionsMaxIdle, 0, QStringLiteral("a number of milliseconds >= 0"), &listener.connectionsMaxIdleMs);
        number(numPartitions, 1, QStringLiteral("a positive number"), &listener.numPartitions);
        listener.autoCreateTopics = !parser.isSet(noAutoCreate);
        options.engine.listener = listener;
        // Headless, the listener is the point: no listener, no broker. The GUI still explores the local broker.
        options.engine.listenerRequired = options.headless;
    }
    if (parser.isSet(bootstrapServer)) {
        QString bad;
        if (!engine::checkBootstrapServers(parser.value(bootstrapServer), &bad))
            fail(QStringLiteral("--bootstrap-server expects HOST:PORT[,HOST:PORT...], got '%1'")
                     .arg(parser.value(bootstrapServer)));
        options.remote.bootstrapServers = parser.value(bootstrapServer);
        if (parser.isSet(scenario) || parser.isSet(record) || parser.isSet(report))
            fail(QStringLiteral("--bootstrap-server explores a remote cluster; it excludes --scenario, --record and "
                                "--report"));
        if (options.headless && !parser.isSet(describe))
            fail(QStringLiteral("--headless with --bootstrap-server needs --describe"));
        if (options.headless && parser.isSet(embedded))
            fail(QStringLiteral("--embedded opens the embedded broker's window beside the cluster's; it excludes "
                                "--headless (run a second topicscope --headless for a broker without a window)"));
        options.alsoEmbedded = parser.isSet(embedded);
        options.remote.readOffsetsTopic = !parser.isSet(noOffsetsTopic);
    } else if (parser.isSet(embedded)) {
        fail(QStringLiteral("--embedded works with --bootstrap-server (without it the embedded broker starts anyway)"));
    } else if (parser.isSet(noOffsetsTopic)) {
        fail(QStringLiteral("--no-offsets-topic works with --bootstrap-server"));
    }
    if (parser.isSet(commandConfig)) {
        if (!parser.isSet(bootstrapServer))
            fail(QStringLiteral("--command-config works with --bootstrap-server"));
        QString error;
        if (!engine::RemoteClusterOptions::readPropertiesFile(
                parser.value(commandConfig), &options.remote.properties, &error))
            fail(QStringLiteral("--command-config: ") + error);
    }
    if (parser.isSet(describe) && (!options.headless || !parser.isSet(bootstrapServer)))
        fail(QStringLiteral("--describe works with --headless and --bootstrap-server"));
    options.describe = parser.isSet(describe);
    number(rebalanceDelay, 0, QStringLiteral("a number of milliseconds >= 0"),
        &options.engine.groups.initialRebalanceDelayMs);
    // Kafka's bounds for the two consumer-protocol settings are 1 ms and up; the heartbeat must come well within
    // the session.
    number(consumerSession, 1, QStringLiteral("a number of milliseconds > 0"),
        &options.engine.groups.consumerSessionTimeoutMs);
    number(consumerHeartbeat, 1, QStringLiteral("a number of milliseconds > 0"),
        &options.engine.groups.consumerHeartbeatIntervalMs);
    if (options.engine.groups.consumerHeartbeatIntervalMs >= options.engine.groups.consumerSessionTimeoutMs)
        fail(QStringLiteral("--group-consumer-heartbeat-interval-ms must be less than the consumer session timeout"));
    return options;
}

} // namespace topicscope::app
