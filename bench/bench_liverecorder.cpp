// What the Flow tab's live recording costs per wire exchange on the engine thread (issue 10): LiveRecorder::observe
// fed synthetic Produce and Fetch exchanges, as the wire layer's tap hands them over, on an in-memory Broker with a
// ManualClock. The broker itself does no work here (no append, no fetch), so the figures are the recorder's own:
// one timeline event, one batch or delivery index entry, one client counter per partition range. Runs past the
// recorder's bounds (MaxBatches, MaxDeliveries, the timeline window) so that forgetting the oldest is measured too.
// Compare µs per exchange with what the broker spends on the same exchange (bench/REPORT-live.md).
//
// Usage: bench_liverecorder [--exchanges 400000] [--partitions 6] [--records-per-batch 10000] [--producers 2]
//                           [--rounds 5]

#include "benchstats.h"
#include "broker/broker.h"
#include "core/clock.h"
#include "live/liverecorder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QStringList>
#include <cstdio>
#include <vector>

using namespace topicscope;
using namespace topicscope::engine;

namespace {

struct Options {
    int exchanges = 400'000;
    int partitions = 6;
    int recordsPerBatch = 10'000;
    int producers = 2;
    int rounds = 5;
};

// The i-th range, round-robin over partitions, right after the previous one of its partition.
WireRange nextRange(int i, const Options &o, QList<qint64> &nextOffset)
{
    const int p = i % o.partitions;
    WireRange r;
    r.topicPartition = TopicPartition {QStringLiteral("bench"), p};
    r.firstOffset = nextOffset[p];
    r.lastOffset = r.firstOffset + o.recordsPerBatch - 1;
    r.records = o.recordsPerBatch;
    nextOffset[p] = r.lastOffset + 1;
    return r;
}

// Produce exchanges of `producers` connections, each one range (as librdkafka sends a batch per partition per request
// at full speed with one partition); fetches read the same ranges back.
WireExchange produceExchange(int i, const Options &o, QList<qint64> &nextOffset)
{
    WireExchange e;
    e.sequence = quint64(i);
    e.connectionId = quint64(i % o.producers) + 1;
    e.clientId = QStringLiteral("rdkafka");
    e.peer = QStringLiteral("127.0.0.1:%1").arg(50000 + i % o.producers);
    e.apiKey = 0;
    e.apiVersion = 8;
    e.api = QStringLiteral("Produce");
    e.responseBytes = 64;
    e.produced << nextRange(i, o, nextOffset);
    return e;
}

WireExchange fetchExchange(int i, const Options &o, QList<qint64> &nextOffset)
{
    WireExchange e;
    e.sequence = quint64(i);
    e.connectionId = 100;
    e.clientId = QStringLiteral("rdkafka");
    e.peer = QStringLiteral("127.0.0.1:60000");
    e.apiKey = 1;
    e.apiVersion = 11;
    e.api = QStringLiteral("Fetch");
    e.fetched << nextRange(i, o, nextOffset);
    return e;
}

// Microseconds per observe() of each exchange, timed over the whole list (the exchanges are built beforehand).
double microsPerExchange(LiveRecorder &recorder, const std::vector<WireExchange> &exchanges, ManualClock &clock)
{
    QElapsedTimer timer;
    timer.start();
    for (const WireExchange &e : exchanges) {
        recorder.observe(e);
        if (e.sequence % 64 == 0)
            clock.advance(1); // the recorder stamps broker time; let it move as a busy broker's would
    }
    return double(timer.nsecsElapsed()) / 1000.0 / double(exchanges.size());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("topicscope.*.debug=false\ntopicscope.*.info=false"));
    Options o;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const int value = args[i + 1].toInt();
        if (args[i] == QStringLiteral("--exchanges"))
            o.exchanges = value;
        else if (args[i] == QStringLiteral("--partitions"))
            o.partitions = value;
        else if (args[i] == QStringLiteral("--records-per-batch"))
            o.recordsPerBatch = value;
        else if (args[i] == QStringLiteral("--producers"))
            o.producers = value;
        else if (args[i] == QStringLiteral("--rounds"))
            o.rounds = value;
        else {
            std::fprintf(stderr, "bench_liverecorder: unknown argument %s\n", qPrintable(args[i]));
            return 2;
        }
    }
    if (args.size() % 2 == 0 || o.exchanges < 1 || o.partitions < 1 || o.recordsPerBatch < 1 || o.producers < 1
        || o.rounds < 1) {
        std::fprintf(stderr, "usage: bench_liverecorder [--exchanges N] [--partitions N] [--records-per-batch N] "
                             "[--producers N] [--rounds N]\n");
        return 2;
    }

    ManualClock clock;
    BrokerOptions brokerOptions;
    brokerOptions.storage.inMemory = true;
    brokerOptions.retentionCheckIntervalMs = 0;
    QString error;
    auto broker = Broker::open(brokerOptions, clock, &error);
    if (!broker) {
        std::fprintf(stderr, "bench_liverecorder: %s\n", qPrintable(error));
        return 1;
    }

    std::printf("liverecorder config exchanges=%d partitions=%d records_per_batch=%d producers=%d rounds=%d "
                "max_batches=%lld max_deliveries=%lld\n",
        o.exchanges, o.partitions, o.recordsPerBatch, o.producers, o.rounds, (long long)LiveRecorder::MaxBatches,
        (long long)LiveRecorder::MaxDeliveries);
    std::vector<double> produceUs;
    std::vector<double> fetchUs;
    for (int round = 1; round <= o.rounds; ++round) {
        // A fresh recorder per round, as LiveFlow::restart makes one: every round fills it past its bounds.
        LiveRecorder recorder(*broker, clock.nowMs());
        QList<qint64> produced(o.partitions, 0);
        QList<qint64> fetched(o.partitions, 0);
        std::vector<WireExchange> produces;
        std::vector<WireExchange> fetches;
        produces.reserve(size_t(o.exchanges));
        fetches.reserve(size_t(o.exchanges));
        for (int i = 0; i < o.exchanges; ++i) {
            produces.push_back(produceExchange(i, o, produced));
            fetches.push_back(fetchExchange(i, o, fetched));
        }
        const double p = microsPerExchange(recorder, produces, clock);
        const double f = microsPerExchange(recorder, fetches, clock);
        produceUs.push_back(p);
        fetchUs.push_back(f);
        std::printf("liverecorder round=%d produce_us_per_exchange=%.3f fetch_us_per_exchange=%.3f batches_kept=%lld "
                    "timeline=%lld trimmed=%lld\n",
            round, p, f, (long long)recorder.batches().value(TopicPartition {QStringLiteral("bench"), 0}).size(),
            (long long)recorder.recording().timeline.size(), (long long)recorder.recording().trimmedEvents);
        std::fflush(stdout);
    }
    const bench::Samples p(produceUs);
    const bench::Samples f(fetchUs);
    std::printf("liverecorder summary median_produce_us=%.3f min=%.3f max=%.3f median_fetch_us=%.3f min=%.3f "
                "max=%.3f\n",
        p.percentile(0.5), p.percentile(0), p.max(), f.percentile(0.5), f.percentile(0), f.max());
    return 0;
}
