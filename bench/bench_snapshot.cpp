// The engine thread's cost of one explorer snapshot (Engine::snapshot + ExplorerService::enrich) on a broker with
// many partitions, beside the peer measured in the same run: describing every topic afresh (LogManager::describeTopic
// for each, what every snapshot did before topics were cached). Usage: bench_snapshot [partitions...] (default
// 10000 100000 1000000; topics of 10,000 partitions, in memory). Per size it prints:
//   fill:   snapshots taken until one is complete after the creation, and the longest one;
//   steady: a snapshot after an append to one partition (median and max of 21), and the peer's full description.

#include "core/recordbatch.h"
#include "log/logmanager.h"
#include "runtime/engine.h"
#include "runtime/explorerservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>

using namespace topicscope::engine;

namespace {

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(std::atoi(argv[i]));
    if (sizes.empty())
        sizes = {10'000, 100'000, 1'000'000};
    for (const int total : sizes) {
        EngineOptions options;
        options.storage.inMemory = true;
        Engine engine(options);
        QString error;
        if (!engine.start(&error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        const int perTopic = std::min(total, 10'000);
        std::vector<LogManager::NewTopic> topics;
        for (int i = 0; i < total / perTopic; ++i)
            topics.push_back({QStringLiteral("t-%1").arg(i), perTopic, {}});
        engine.log().createTopics(topics);
        ExplorerService explorer(engine, {});

        int fills = 0;
        double fillMax = 0;
        for (bool complete = false; !complete;) {
            QElapsedTimer t;
            t.start();
            BrokerSnapshot s = engine.snapshot();
            explorer.enrich(s);
            fillMax = std::max(fillMax, ms(t));
            complete = s.topicsComplete;
            ++fills;
        }

        std::vector<Record> records(10);
        for (Record &r : records)
            r.value = QByteArray(100, 'v');
        const QByteArray batch = RecordBatch::build(0, records);
        std::vector<double> steady;
        for (int i = 0; i < 21; ++i) {
            engine.log().append({QStringLiteral("t-0"), i % perTopic}, batch);
            QElapsedTimer t;
            t.start();
            BrokerSnapshot s = engine.snapshot();
            explorer.enrich(s);
            steady.push_back(ms(t));
        }
        std::vector<double> full;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer t;
            t.start();
            QList<TopicInfo> described;
            for (const QString &name : engine.log().topicNames())
                described.append(*engine.log().describeTopic(name));
            full.push_back(ms(t));
        }
        std::printf("snapshot partitions=%d fill: %d snapshot(s), longest %.1f ms; steady: median %.2f ms max %.2f ms; "
                    "peer full description median %.1f ms; steady/peer %.4f\n",
            total, fills, fillMax, median(steady), *std::max_element(steady.begin(), steady.end()), median(full),
            median(steady) / median(full));
        std::fflush(stdout);
    }
    return 0;
}
