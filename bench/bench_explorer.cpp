// The desktop explorer under load, in one process with the embedded broker (offscreen platform unless
// QT_QPA_PLATFORM says otherwise). Two measurements, see bench/REPORT-explorer.md:
//
//  live: records are produced on the engine thread at --rate records/s for --seconds while the MainWindow shows
//        the message browser on live tail of that topic. A 16 ms PreciseTimer on the GUI thread records how late
//        each tick fires (event-loop stall); VmRSS is sampled every 250 ms.
//  big:  a partition of --big-records records is built on disk by appending large batches straight through the
//        LogManager on the engine thread; then the browser opens it and jumps to the end and to the middle.
//
// Usage: bench_explorer [--seconds 30] [--rate 100000] [--partitions 6] [--value-bytes 100]
//                       [--tab messages|partitions|charts] [--partition N|-1] [--big-records 10000000]
//                       [--skip-live] [--skip-big] [--in-memory] [--screenshot DIR]
// Data directories are temporary and removed at the end.

#include "benchgui.h"
#include "benchstats.h"
#include "mainwindow.h"
#include "messagebrowser.h"
#include "messagemodel.h"

#include "core/recordbatch.h"
#include "runtime/engine.h"
#include "runtime/enginefacade.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <sys/resource.h>

using namespace topicscope;
using namespace topicscope::bench;
using engine::Engine;
using engine::EngineFacade;

namespace {

struct Options {
    int seconds = 30;
    int rate = 100'000;
    int partitions = 6;
    int valueBytes = 100;
    int partition = -1; // browsed partition in the live run; -1 = all partitions
    QString tab = QStringLiteral("messages");
    qint64 bigRecords = 10'000'000;
    bool live = true;
    bool big = true;
    bool inMemory = false;
    QString screenshotDir;
};

engine::EngineOptions engineOptions(const QString &dataDir, bool inMemory)
{
    engine::EngineOptions options;
    options.storage.inMemory = inMemory;
    options.storage.dataDir = dataDir;
    return options;
}

bool createTopic(EngineFacade &facade, const QString &name, int partitions)
{
    const quint64 id = facade.createTopic(name, partitions);
    int error = -1;
    QMetaObject::Connection c
        = QObject::connect(&facade, &EngineFacade::commandFinished, [&](quint64 got, int e, const QString &) {
              if (got == id)
                  error = e;
          });
    waitFor([&] { return error >= 0; });
    QObject::disconnect(c);
    return error == 0;
}

QByteArray makeBatch(int records, int valueBytes, qint64 timestamp, qint64 sequence)
{
    std::vector<engine::Record> batch;
    batch.reserve(size_t(records));
    for (int i = 0; i < records; ++i) {
        engine::Record r;
        r.timestamp = timestamp;
        r.key = QByteArray("key-") + QByteArray::number(sequence + i);
        QByteArray value = QByteArray(R"({"seq":)") + QByteArray::number(sequence + i) + QByteArray(R"(,"pad":")");
        value.append(QByteArray(std::max<qsizetype>(0, valueBytes - value.size() - 2), 'x'));
        value.append("\"}");
        r.value = value;
        batch.push_back(std::move(r));
    }
    return engine::RecordBatch::build(0, batch);
}

void screenshot(const Options &o, QWidget &window, const QString &name)
{
    if (o.screenshotDir.isEmpty())
        return;
    const QString path = QDir(o.screenshotDir).filePath(name);
    window.grab().save(path);
    std::printf("screenshot %s\n", qPrintable(path));
}

// Produces at o.rate records/s on the engine thread, paced by elapsed time in 10 ms steps, one append call
// (one transaction) per step with one batch per partition, as a set of producers with linger.ms would.
int runLive(const Options &o)
{
    QTemporaryDir dir;
    auto facade = startEngine(engineOptions(dir.path(), o.inMemory));
    if (!facade)
        return 1;
    const qint64 rssStart = rssKiB();
    ui::MainWindow window(facade.get());
    window.resize(1280, 800);
    window.show();
    const QString topic = QStringLiteral("bench");
    if (!createTopic(*facade, topic, o.partitions))
        return 1;
    window.selectTopic(topic);
    window.messageBrowser()->browse(topic, o.partition);
    window.messageBrowser()->setLiveTail(true);
    if (o.tab == QLatin1String("partitions"))
        window.showTab(ui::MainWindow::PartitionsTab);
    else if (o.tab == QLatin1String("charts"))
        window.showTab(ui::MainWindow::ChartsTab);
    else
        window.showTab(ui::MainWindow::MessagesTab);
    waitFor([] { return false; }, 500); // settle: first snapshot, first paint
    const qint64 rssOpen = rssKiB();

    std::atomic<bool> stop {false};
    std::atomic<qint64> produced {0};
    std::atomic<qint64> appendCalls {0};
    std::atomic<qint64> appendErrors {0};
    facade->post([&, rate = o.rate, partitions = o.partitions, valueBytes = o.valueBytes](Engine &e) {
        auto *timer = new QTimer(&e);
        timer->setTimerType(Qt::PreciseTimer);
        timer->setInterval(10);
        auto *clock = new QElapsedTimer;
        clock->start();
        QObject::connect(timer, &QTimer::timeout, &e, [&, timer, clock, rate, partitions, valueBytes, &engine = e] {
            if (stop.load()) {
                timer->stop();
                timer->deleteLater();
                delete clock;
                return;
            }
            const qint64 due = clock->elapsed() * rate / 1000 - produced.load();
            if (due <= 0)
                return;
            const int perPartition = int(std::max<qint64>(1, due / partitions));
            std::vector<engine::AppendRequest> requests;
            const qint64 now = engine.clock().nowMs();
            for (int p = 0; p < partitions; ++p)
                requests.push_back({{QStringLiteral("bench"), p},
                    makeBatch(perPartition, valueBytes, now, produced.load() + qint64(p) * perPartition)});
            for (const engine::AppendResult &r : engine.log().append(requests)) {
                if (r.error != engine::ErrorCode::None)
                    appendErrors.fetch_add(1);
            }
            produced.fetch_add(qint64(perPartition) * partitions);
            appendCalls.fetch_add(1);
        });
        timer->start();
    });

    // The probe: a 16 ms timer's lateness is how long the GUI thread was busy (or blocked) past its due time.
    StallProbe probe;
    qint64 rssPeak = rssOpen;
    QList<QPair<double, qint64>> rssSamples;
    QTimer sampler;
    sampler.setInterval(250);
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        const qint64 rss = rssKiB();
        rssPeak = std::max(rssPeak, rss);
        rssSamples.append({probe.elapsedSeconds(), rss});
    });
    int snapshots = 0;
    QObject::connect(facade.get(), &EngineFacade::snapshotUpdated, [&] { ++snapshots; });
    const double cpuBefore = threadCpuSeconds();
    probe.start();
    sampler.start();
    QEventLoop loop;
    QTimer::singleShot(o.seconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    probe.stop();
    sampler.stop();
    stop.store(true);
    const double cpu = threadCpuSeconds() - cpuBefore;
    const double elapsed = probe.elapsedSeconds();
    const qint64 rssEnd = rssKiB();
    waitFor([] { return false; }, 300);
    screenshot(o, window, QStringLiteral("explorer-live-%1.png").arg(o.tab));

    const Stats s = stats(probe.lateness());
    ui::MessageModel *model = window.messageBrowser()->model();
    std::printf("live: %s, %d partitions, browsing %s on the %s tab, %.1f s\n", o.inMemory ? "in memory" : "on disk",
        o.partitions, o.partition < 0 ? "all partitions" : qPrintable(QStringLiteral("partition %1").arg(o.partition)),
        qPrintable(o.tab), elapsed);
    std::printf("live produced %lld records (%.0f records/s) in %lld append calls, %lld errors\n",
        static_cast<long long>(produced.load()), double(produced.load()) / elapsed,
        static_cast<long long>(appendCalls.load()), static_cast<long long>(appendErrors.load()));
    std::printf("live snapshots received %d (%.1f/s); model rows %d; cached records %d\n", snapshots,
        double(snapshots) / elapsed, model->rowCount(), model->cachedRecords());
    std::printf("live stall ms: max %.1f  p99 %.1f  p99.9 %.1f  p50 %.2f  (%lld ticks, %lld > 16 ms, %lld > 50 ms)\n",
        s.max, s.p99, s.p999, s.p50, static_cast<long long>(s.samples), static_cast<long long>(s.over16),
        static_cast<long long>(s.over50));
    std::printf("live gui thread cpu %.2f s (%.0f %% of one core)\n", cpu, 100.0 * cpu / elapsed);
    std::printf("live rss MiB: start %.1f  window open %.1f  peak %.1f  end %.1f\n", mib(rssStart), mib(rssOpen),
        mib(rssPeak), mib(rssEnd));
    std::printf("live rss MiB over time:");
    for (qsizetype i = 0; i < rssSamples.size(); i += std::max<qsizetype>(1, rssSamples.size() / 10))
        std::printf(" %.0fs=%.0f", rssSamples.at(i).first, mib(rssSamples.at(i).second));
    std::printf("\n");
    const QList<QPair<double, double>> worst = probe.worst();
    std::printf("live worst stalls:");
    for (qsizetype i = 0; i < std::min<qsizetype>(8, worst.size()); ++i)
        std::printf(" %.1fms@%.1fs", worst.at(i).second, worst.at(i).first);
    std::printf("\n");
    return 0;
}

int runBig(const Options &o)
{
    QTemporaryDir dir;
    auto facade = startEngine(engineOptions(dir.path(), false));
    if (!facade)
        return 1;
    // As in the app, the window exists while the broker runs (it sees every snapshot; a window created on an
    // idle broker would wait for the next change to get its first one).
    const qint64 rssBefore = rssKiB();
    ui::MainWindow window(facade.get());
    window.resize(1280, 800);
    window.show();
    const QString topic = QStringLiteral("big");
    if (!createTopic(*facade, topic, 1))
        return 1;

    // Build: 1000-record batches, 100 of them per append call (one transaction).
    QElapsedTimer build;
    build.start();
    std::atomic<bool> built {false};
    facade->post([&, records = o.bigRecords](Engine &e) {
        constexpr int PerBatch = 1000;
        constexpr int PerCall = 100;
        const QByteArray batch = makeBatch(PerBatch, 64, e.clock().nowMs(), 0);
        qint64 done = 0;
        while (done < records) {
            std::vector<engine::AppendRequest> requests;
            for (int i = 0; i < PerCall && done < records; ++i, done += PerBatch)
                requests.push_back({{QStringLiteral("big"), 0}, batch});
            e.log().append(requests);
        }
        built.store(true);
    });
    if (!waitFor([&] { return built.load(); }, 600'000))
        return 1;
    const double buildSeconds = double(build.elapsed()) / 1000.0;
    qint64 logEnd = 0;
    QObject::connect(facade.get(), &EngineFacade::snapshotUpdated, [&](const engine::BrokerSnapshot &s) {
        for (const engine::TopicInfo &t : s.topics) {
            if (t.name == topic)
                logEnd = t.partitions.value(0).logEndOffset;
        }
    });
    waitFor([&] { return logEnd >= o.bigRecords; });
    std::printf("big: built %lld records in %.1f s (%.2f M records/s) in %s\n", static_cast<long long>(logEnd),
        buildSeconds, double(logEnd) / buildSeconds / 1e6, qPrintable(dir.path()));

    // The engine may still be busy after the bulk load (the first read of a freshly written store); measure how
    // long a no-op takes to come back, then open the browser on an idle engine.
    QElapsedTimer idle;
    idle.start();
    std::atomic<bool> pong {false};
    facade->post([&](Engine &) { pong.store(true); });
    waitFor([&] { return pong.load(); });
    const double idleMs = double(idle.nsecsElapsed()) / 1e6;
    QElapsedTimer firstRead;
    firstRead.start();
    std::atomic<bool> read {false};
    facade->post([&](Engine &e) {
        e.log().read({QStringLiteral("big"), 0}, 0, 256 * 1024);
        read.store(true);
    });
    waitFor([&] { return read.load(); });
    std::printf("big engine round trip after the load: %.1f ms; first read of the store: %.1f ms\n", idleMs,
        double(firstRead.nsecsElapsed()) / 1e6);

    // One page through the facade, as the browser asks for it, first and second time.
    for (int i = 0; i < 2; ++i) {
        QElapsedTimer page;
        page.start();
        engine::MessageQuery q;
        q.topic = topic;
        q.offset = 0;
        const quint64 id = facade->fetchMessages(q);
        bool got = false;
        QMetaObject::Connection c = QObject::connect(facade.get(), &EngineFacade::messagesFetched,
            [&](quint64 r, const engine::MessagePage &) { got = got || r == id; });
        waitFor([&] { return got; });
        QObject::disconnect(c);
        std::printf("big facade page at offset 0 (%s): %.1f ms\n", i == 0 ? "first" : "second",
            double(page.nsecsElapsed()) / 1e6);
    }

    waitFor([] { return false; }, 300); // the last snapshot and paint
    const qint64 rssWindow = rssKiB();
    ui::MessageBrowser *browser = window.messageBrowser();
    ui::MessageModel *model = browser->model();
    QTableView *table = browser->table();

    // A row range is shown when every visible row's record is loaded and painted.
    const auto visibleLoaded = [&] {
        const int first = table->rowAt(0);
        int lastRow = table->rowAt(table->viewport()->height() - 1);
        if (first < 0)
            return false;
        if (lastRow < 0)
            lastRow = model->rowCount() - 1;
        for (int r = first; r <= lastRow; ++r) {
            if (!model->messageAt(r))
                return false;
        }
        return true;
    };
    {
        QElapsedTimer rt;
        rt.start();
        std::atomic<bool> back {false};
        facade->post([&](Engine &) { back.store(true); });
        waitFor([&] { return back.load(); });
        std::printf("big engine round trip with the window open: %.1f ms\n", double(rt.nsecsElapsed()) / 1e6);
    }
    QElapsedTimer t;
    t.start();
    double firstPageMs = -1;
    QMetaObject::Connection firstPage = QObject::connect(model, &ui::MessageModel::pageLoaded, [&] {
        if (firstPageMs < 0)
            firstPageMs = double(t.nsecsElapsed()) / 1e6;
    });
    browser->browse(topic, 0);
    const double browseCallMs = double(t.nsecsElapsed()) / 1e6;
    window.showTab(ui::MainWindow::MessagesTab);
    table->viewport()->repaint(); // the first paint asks for the shown pages
    const double showTabMs = double(t.nsecsElapsed()) / 1e6;
    double firstRequestMs = -1;
    const bool opened = waitFor([&] {
        if (firstRequestMs < 0 && model->pendingRequests() > 0)
            firstRequestMs = double(t.nsecsElapsed()) / 1e6;
        return visibleLoaded();
    });
    table->viewport()->repaint();
    const double openMs = double(t.nsecsElapsed()) / 1e6;
    std::printf("big first request seen after %.1f ms\n", firstRequestMs);
    QObject::disconnect(firstPage);
    const int rows = model->rowCount();

    // Again, once the tab has been painted and the store is warm: what a person sees opening a second partition.
    window.showTab(ui::MainWindow::TopicsTab);
    browser->browse(topic, -1);
    waitFor(visibleLoaded);
    window.showTab(ui::MainWindow::MessagesTab);
    waitFor([] { return false; }, 200);
    t.restart();
    browser->browse(topic, 0);
    const bool reopened = waitFor(visibleLoaded);
    table->viewport()->repaint();
    const double reopenMs = double(t.nsecsElapsed()) / 1e6;

    t.restart();
    browser->setStart(ui::MessageBrowser::Start::Latest);
    const bool atEnd = waitFor(visibleLoaded);
    table->viewport()->repaint();
    const double endMs = double(t.nsecsElapsed()) / 1e6;
    const auto lastRecord = model->messageAt(model->rowCount() - 1);

    t.restart();
    browser->setStart(ui::MessageBrowser::Start::Offset, o.bigRecords / 2);
    const bool atMiddle = waitFor(visibleLoaded);
    table->viewport()->repaint();
    const double middleMs = double(t.nsecsElapsed()) / 1e6;

    // Smooth scrolling: 200 page-downs from the middle, each waiting for its rows.
    QList<double> steps;
    for (int i = 0; i < 200; ++i) {
        t.restart();
        table->verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd);
        waitFor(visibleLoaded);
        table->viewport()->repaint();
        steps.append(double(t.nsecsElapsed()) / 1e6);
    }
    const Stats scroll = stats(steps);
    const qint64 rssAfter = rssKiB();
    screenshot(o, window, QStringLiteral("explorer-big.png"));

    std::printf(
        "big open: %.1f ms (%s, %d rows in the window; browse() returned after %.1f ms, tab shown and painted after "
        "%.1f ms, first page after %.1f ms)\n",
        openMs, opened ? "rows shown" : "TIMED OUT", rows, browseCallMs, showTabMs, firstPageMs);
    std::printf("big open again (tab painted before, store warm): %.1f ms (%s)\n", reopenMs,
        reopened ? "rows shown" : "TIMED OUT");
    std::printf("big jump to end: %.1f ms (%s, last offset %lld)\n", endMs, atEnd ? "rows shown" : "TIMED OUT",
        static_cast<long long>(lastRecord ? lastRecord->offset : -1));
    std::printf("big jump to offset %lld: %.1f ms (%s)\n", static_cast<long long>(o.bigRecords / 2), middleMs,
        atMiddle ? "rows shown" : "TIMED OUT");
    std::printf("big page-down x200: max %.1f ms  p99 %.1f ms  p50 %.1f ms\n", scroll.max, scroll.p99, scroll.p50);
    std::printf("big rss MiB: empty broker and window %.1f  after the load %.1f  after browsing %.1f  (cached records "
                "%d)\n",
        mib(rssBefore), mib(rssWindow), mib(rssAfter), model->cachedRecords());
    return opened && atEnd && atMiddle ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Topicscope"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_explorer"));
    // Keeps the window layout of the real app's settings out of the measurement and untouched.
    QStandardPaths::setTestModeEnabled(true);

    Options o;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const QString next = i + 1 < args.size() ? args.at(i + 1) : QString();
        if (a == QLatin1String("--seconds"))
            o.seconds = next.toInt(), ++i;
        else if (a == QLatin1String("--rate"))
            o.rate = next.toInt(), ++i;
        else if (a == QLatin1String("--partitions"))
            o.partitions = next.toInt(), ++i;
        else if (a == QLatin1String("--value-bytes"))
            o.valueBytes = next.toInt(), ++i;
        else if (a == QLatin1String("--partition"))
            o.partition = next.toInt(), ++i;
        else if (a == QLatin1String("--tab"))
            o.tab = next, ++i;
        else if (a == QLatin1String("--big-records"))
            o.bigRecords = next.toLongLong(), ++i;
        else if (a == QLatin1String("--screenshot"))
            o.screenshotDir = next, ++i;
        else if (a == QLatin1String("--skip-live"))
            o.live = false;
        else if (a == QLatin1String("--skip-big"))
            o.big = false;
        else if (a == QLatin1String("--in-memory"))
            o.inMemory = true;
        else {
            std::fprintf(stderr, "bench_explorer: unknown argument %s\n", qPrintable(a));
            return 2;
        }
    }
    int status = 0;
    if (o.live)
        status |= runLive(o);
    if (o.big)
        status |= runBig(o);
    return status;
}
