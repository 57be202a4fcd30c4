// The Flow tab on the live broker under real wire traffic (issue 10's bound: "the GUI keeps its frame budget at
// 100k records/s, tokens sampled, counts exact"), in one process, offscreen unless QT_QPA_PLATFORM says otherwise.
//
// The app's window (MainWindow on the embedded engine, in memory, listening on a free loopback port) shows the Flow
// tab's live broker at 1280x720. librdkafka clients in this process, on their own threads, talk to it over the Kafka
// protocol: one producer at --rate keyed records/s (12 keys, --value-bytes values, linger.ms 5, acks=1) and
// --consumers members of one consumer group reading from the earliest offset. A 16 ms timer on the GUI thread
// records how late each tick fires: how long the thread was busy (snapshots, painting the flow) past a frame.
//
// The peer, in the same run: the same window and broker idle for --idle-seconds before the traffic starts. The
// report gives both, and after the traffic stops whether the Flow's produced count reaches exactly the number of
// records librdkafka saw acknowledged (tokens are sampled; counts must not be).
//
// Usage: bench_liveflowgui [--seconds 20] [--idle-seconds 5] [--rate 100000] [--consumers 2] [--partitions 6]
//                          [--value-bytes 100] [--screenshot DIR]

#include "benchgui.h"
#include "flowworkspace.h"
#include "mainwindow.h"

#include "runtime/enginefacade.h"
#include "runtime/kafkaserveroptions.h"
#include "runtime/scenariocontrol.h"

#include <librdkafka/rdkafka.h>

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <time.h>
#include <vector>

using namespace topicscope;
using namespace topicscope::bench;

namespace {

struct Options {
    int seconds = 20;
    int idleSeconds = 5;
    int rate = 100'000;
    int consumers = 2;
    int partitions = 6;
    int valueBytes = 100;
    QString screenshotDir;
};

const char *const Topic = "flow-bench";

rd_kafka_conf_t *clientConf(const QString &bootstrap, std::initializer_list<std::pair<const char *, const char *>> more)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char error[256];
    const QByteArray servers = bootstrap.toUtf8();
    rd_kafka_conf_set(conf, "bootstrap.servers", servers.constData(), error, sizeof error);
    for (const auto &[key, value] : more) {
        if (rd_kafka_conf_set(conf, key, value, error, sizeof error) != RD_KAFKA_CONF_OK)
            std::fprintf(stderr, "librdkafka %s=%s: %s\n", key, value, error);
    }
    return conf;
}

// Produces keyed records at rate records/s, paced in 1 ms steps, until stop; counts what the broker acknowledged.
void produce(const QString &bootstrap, const Options &o, const std::atomic<bool> &stop, std::atomic<qint64> &sent,
    std::atomic<qint64> &acknowledged, std::atomic<qint64> &failed)
{
    rd_kafka_conf_t *conf = clientConf(bootstrap,
        {{"client.id", "bench-producer"}, {"linger.ms", "5"}, {"acks", "1"},
            {"queue.buffering.max.messages", "1000000"}, {"batch.num.messages", "10000"}});
    struct Counters {
        std::atomic<qint64> *acknowledged;
        std::atomic<qint64> *failed;
    } counters {&acknowledged, &failed};
    rd_kafka_conf_set_opaque(conf, &counters);
    rd_kafka_conf_set_dr_msg_cb(conf, [](rd_kafka_t *, const rd_kafka_message_t *m, void *opaque) {
        auto *c = static_cast<Counters *>(opaque);
        (m->err ? c->failed : c->acknowledged)->fetch_add(1);
    });
    char error[256];
    rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
    if (!producer) {
        std::fprintf(stderr, "producer: %s\n", error);
        return;
    }
    const QByteArray value(o.valueBytes, 'v');
    const auto start = std::chrono::steady_clock::now();
    qint64 n = 0;
    while (!stop.load()) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const qint64 due = qint64(elapsed * o.rate);
        for (; n < due && !stop.load(); ++n) {
            const QByteArray key = "user-" + QByteArray::number(n % 12);
            const rd_kafka_resp_err_t err = rd_kafka_producev(producer, RD_KAFKA_V_TOPIC(Topic),
                RD_KAFKA_V_KEY(const_cast<char *>(key.constData()), size_t(key.size())),
                RD_KAFKA_V_VALUE(const_cast<char *>(value.constData()), size_t(value.size())),
                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
            if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                rd_kafka_poll(producer, 1);
                break; // behind: the next step tries again
            }
            if (err)
                failed.fetch_add(1);
            else
                sent.fetch_add(1);
        }
        rd_kafka_poll(producer, 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    rd_kafka_flush(producer, 10'000);
    rd_kafka_destroy(producer);
}

// One member of the group, polling until stop; counts records received.
void consume(const QString &bootstrap, int index, const std::atomic<bool> &stop, std::atomic<qint64> &consumed)
{
    const QByteArray clientId = "bench-consumer-" + QByteArray::number(index);
    rd_kafka_conf_t *conf = clientConf(bootstrap,
        {{"client.id", clientId.constData()}, {"group.id", "flow-bench-group"}, {"auto.offset.reset", "earliest"},
            {"enable.auto.commit", "true"}, {"auto.commit.interval.ms", "1000"}});
    char error[256];
    rd_kafka_t *consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, error, sizeof error);
    if (!consumer) {
        std::fprintf(stderr, "consumer: %s\n", error);
        return;
    }
    rd_kafka_poll_set_consumer(consumer);
    rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(topics, Topic, RD_KAFKA_PARTITION_UA);
    rd_kafka_subscribe(consumer, topics);
    rd_kafka_topic_partition_list_destroy(topics);
    while (!stop.load()) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(consumer, 100);
        if (!m)
            continue;
        if (!m->err)
            consumed.fetch_add(1);
        rd_kafka_message_destroy(m);
    }
    rd_kafka_consumer_close(consumer);
    rd_kafka_destroy(consumer);
}

void printStalls(const char *phase, const StallProbe &probe)
{
    const Stats s = stats(probe.lateness());
    std::printf("%s stall ms: max %.1f  p99 %.1f  p99.9 %.1f  p50 %.2f  (%lld ticks, %lld > 16 ms, %lld > 50 ms)\n",
        phase, s.max, s.p99, s.p999, s.p50, static_cast<long long>(s.samples), static_cast<long long>(s.over16),
        static_cast<long long>(s.over50));
    const QList<QPair<double, double>> worst = probe.worst();
    std::printf("%s worst stalls:", phase);
    for (qsizetype i = 0; i < std::min<qsizetype>(6, worst.size()); ++i)
        std::printf(" %.1fms@%.1fs", worst.at(i).second, worst.at(i).first);
    std::printf("\n");
}

// Runs the event loop for seconds with the probe on; returns the GUI thread's CPU seconds.
double probeFor(StallProbe &probe, int seconds)
{
    const double cpuBefore = threadCpuSeconds();
    probe.start();
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    probe.stop();
    return threadCpuSeconds() - cpuBefore;
}

double threadCpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// The GUI thread's own work per event it dispatches (a snapshot handled, a paint, a timer), as thread CPU time: what
// the window itself costs a frame, apart from the time the thread waits for a core on a busy machine (which the
// stall probe also counts).
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool recording = false;
    QList<double> workMs; // outermost events only
    QStringList slowest; // the first events over 16 ms: receiver class and event type

    bool notify(QObject *receiver, QEvent *event) override
    {
        // notify() runs on every thread that dispatches events (the engine's worker thread too): only the GUI
        // thread's are measured, and only it touches the lists and the depth.
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (!recording || m_depth > 0) {
            ++m_depth;
            const bool r = QApplication::notify(receiver, event);
            --m_depth;
            return r;
        }
        ++m_depth;
        const double before = threadCpuMs();
        const bool r = QApplication::notify(receiver, event);
        const double ms = threadCpuMs() - before;
        workMs.append(ms);
        if (ms > 16.0 && slowest.size() < 8)
            slowest.append(QStringLiteral("%1 ms %2 event %3")
                               .arg(ms, 0, 'f', 1)
                               .arg(QString::fromLatin1(receiver->metaObject()->className()))
                               .arg(int(event->type())));
        --m_depth;
        return r;
    }

private:
    int m_depth = 0;
};

Options parse(const QStringList &args)
{
    Options o;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        const QString &k = args.at(i);
        const QString &v = args.at(i + 1);
        if (k == QLatin1String("--seconds"))
            o.seconds = v.toInt();
        else if (k == QLatin1String("--idle-seconds"))
            o.idleSeconds = v.toInt();
        else if (k == QLatin1String("--rate"))
            o.rate = v.toInt();
        else if (k == QLatin1String("--consumers"))
            o.consumers = v.toInt();
        else if (k == QLatin1String("--partitions"))
            o.partitions = v.toInt();
        else if (k == QLatin1String("--value-bytes"))
            o.valueBytes = v.toInt();
        else if (k == QLatin1String("--screenshot"))
            o.screenshotDir = v;
        else
            std::fprintf(stderr, "unknown option %s\n", qPrintable(k));
    }
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    const Options o = parse(app.arguments());

    engine::EngineOptions options;
    options.storage.inMemory = true;
    options.groups.initialRebalanceDelayMs = 100;
    engine::KafkaServerOptions listener;
    listener.listenPort = 0;
    options.listener = listener;
    auto facade = startEngine(options);
    if (!facade)
        return 1;
    ui::MainWindow window(facade.get());
    window.setScenarioControl(facade->scenarios());
    window.resize(1280, 720);
    window.show();
    QString bootstrap;
    QObject::connect(facade.get(), &engine::ClusterClient::snapshotUpdated,
        [&](const engine::BrokerSnapshot &s) { bootstrap = s.listenAddress; });
    const quint64 created = facade->createTopic(QString::fromLatin1(Topic), o.partitions);
    int createError = -1;
    QObject::connect(
        facade.get(), &engine::ClusterClient::commandFinished, [&](quint64 id, int error, const QString &) {
            if (id == created)
                createError = error;
        });
    if (!waitFor([&] { return !bootstrap.isEmpty() && createError >= 0; }) || createError != 0) {
        std::fprintf(stderr, "no listener or no topic (error %d)\n", createError);
        return 1;
    }
    window.showTab(ui::MainWindow::FlowTab);
    window.flowWorkspace()->openLive(); // Scenarios › Live Broker

    // What the Flow tab receives: snapshots, their movements (tokens) and the exact counters.
    int flowSnapshots = 0;
    qint64 movements = 0;
    qint64 movementsDropped = 0;
    int maxMovements = 0;
    qint64 flowProduced = 0;
    qint64 flowFetched = 0;
    int rebalances = 0;
    bool live = false;
    QObject::connect(facade->scenarios(), &engine::ScenarioClient::snapshotUpdated, [&](const engine::FlowSnapshot &s) {
        live = s.live;
        if (!s.live)
            return;
        ++flowSnapshots;
        movements += s.movements.size();
        movementsDropped += s.movementsDropped;
        maxMovements = std::max(maxMovements, int(s.movements.size()));
        flowProduced = s.produced;
        flowFetched = s.processed;
        rebalances = int(s.rebalances.size());
    });
    waitFor([] { return false; }, 1000); // the first live snapshot and paint

    StallProbe idle;
    const double idleCpu = probeFor(idle, o.idleSeconds);

    std::atomic<bool> stop {false};
    std::atomic<qint64> sent {0};
    std::atomic<qint64> acknowledged {0};
    std::atomic<qint64> failed {0};
    std::vector<std::atomic<qint64>> consumed(size_t(std::max(0, o.consumers)));
    std::vector<std::thread> clients;
    for (int i = 0; i < o.consumers; ++i)
        clients.emplace_back(consume, bootstrap, i, std::cref(stop), std::ref(consumed[size_t(i)]));
    clients.emplace_back(
        produce, bootstrap, std::cref(o), std::cref(stop), std::ref(sent), std::ref(acknowledged), std::ref(failed));
    const int snapshotsBefore = flowSnapshots;
    const qint64 rssBefore = rssKiB();
    StallProbe loaded;
    app.recording = true;
    const double loadedCpu = probeFor(loaded, o.seconds);
    app.recording = false;
    const double seconds = loaded.elapsedSeconds();
    const qint64 rssLoaded = rssKiB();
    stop.store(true);
    // The clients stop (the producer flushes) while the event loop keeps running for the engine's answers.
    std::atomic<int> finished {0};
    std::thread joiner([&] {
        for (std::thread &t : clients)
            t.join();
        finished.store(1);
    });
    waitFor([&] { return finished.load() == 1; }, 30'000);
    joiner.join();
    const bool exact = waitFor([&] { return flowProduced == acknowledged.load(); }, 10'000);
    if (!o.screenshotDir.isEmpty()) {
        const QString path = QDir(o.screenshotDir).filePath(QStringLiteral("liveflow-bench-1280x720.png"));
        window.grab().save(path);
        std::printf("screenshot %s\n", qPrintable(path));
    }

    qint64 consumedTotal = 0;
    for (const auto &c : consumed)
        consumedTotal += c.load();
    const int loadedSnapshots = flowSnapshots - snapshotsBefore;
    std::printf("liveflowgui: Flow tab on the live broker (%s), 1280x720, %d partitions, %d consumers, %.1f s of "
                "traffic after %d s idle\n",
        live ? "live" : "NOT LIVE", o.partitions, o.consumers, seconds, o.idleSeconds);
    std::printf("traffic: %lld records acknowledged (%.0f records/s, target %d), %lld failed, %lld consumed\n",
        static_cast<long long>(acknowledged.load()), double(acknowledged.load()) / seconds, o.rate,
        static_cast<long long>(failed.load()), static_cast<long long>(consumedTotal));
    std::printf("flow: %d live snapshots while loaded (%.1f/s), tokens %lld shown (max %d per snapshot), %lld "
                "dropped (sampled), %d rebalances\n",
        loadedSnapshots, double(loadedSnapshots) / seconds, static_cast<long long>(movements), maxMovements,
        static_cast<long long>(movementsDropped), rebalances);
    std::printf("flow counts: produced %lld vs %lld acknowledged (%s), fetched %lld\n",
        static_cast<long long>(flowProduced), static_cast<long long>(acknowledged.load()),
        exact ? "exact" : "DIFFERENT", static_cast<long long>(flowFetched));
    printStalls("idle", idle);
    printStalls("loaded", loaded);
    const Stats si = stats(idle.lateness());
    const Stats sl = stats(loaded.lateness());
    std::printf("loaded/idle: p99 stall %.1f / %.1f ms; gui thread cpu %.0f %% / %.0f %% of one core\n", sl.p99, si.p99,
        100.0 * loadedCpu / seconds, 100.0 * idleCpu / std::max(1, o.idleSeconds));
    const Stats work = stats(app.workMs);
    std::printf("loaded gui work per event (thread cpu) ms: max %.1f  p99.9 %.2f  p99 %.2f  (%lld events, %lld > 16 "
                "ms)\n",
        work.max, work.p999, work.p99, static_cast<long long>(work.samples), static_cast<long long>(work.over16));
    for (const QString &slow : app.slowest)
        std::printf("slow event: %s\n", qPrintable(slow));
    std::printf("rss MiB: before traffic %.1f  end of traffic %.1f\n", mib(rssBefore), mib(rssLoaded));
    return exact && live ? 0 : 2;
}
