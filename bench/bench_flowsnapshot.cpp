// The engine side of the flow view (issue 5): what one player tick costs on the worker thread. A scenario of
// 12 partitions (2 topics × 6) read by 2 groups of 4 consumers, with 4 producers at --rate records/s each, is
// played tick by tick: each tick advances virtual time by 33 ms × --speed (ScenarioRunner::advanceTo) and builds
// the FlowSnapshot the GUI gets (ScenarioRunner::flowSnapshot). At 30 ticks per second the two must stay well
// under 33 ms together, or the played world falls behind real time.
//
// Usage: bench_flowsnapshot [--ticks 900] [--speed 1] [--rate 50] [--retention-ms -1]

#include "benchstats.h"
#include "sim/scenario.h"
#include "sim/scenariorunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QStringList>
#include <cstdio>

using namespace topicscope;

namespace {

QByteArray scenarioJson(double rate, qint64 retentionMs)
{
    QStringList clients;
    for (int p = 0; p < 4; ++p)
        clients << QStringLiteral(R"({ "type": "producer", "id": "p%1", "topic": "%2", "rate": %3,
            "keys": ["a", "b", "c", "d", "e", "f", "g", "h"] })")
                       .arg(p)
                       .arg(p % 2 ? QStringLiteral("payments") : QStringLiteral("orders"))
                       .arg(rate);
    QStringList steps;
    for (int c = 0; c < 4; ++c) {
        for (int g = 0; g < 2; ++g) {
            const QString id = QStringLiteral("g%1-c%2").arg(g).arg(c);
            clients << QStringLiteral(R"({ "type": "consumer", "id": "%1", "group": "group-%2",
                "topics": ["orders", "payments"], "autoOffsetReset": "earliest", "processingMs": 1,
                "assignor": "%3" })")
                           .arg(id)
                           .arg(g)
                           .arg(g ? QStringLiteral("cooperative-sticky") : QStringLiteral("range"));
            steps << QStringLiteral(R"({ "at": %1, "action": "startConsumer", "consumer": "%2" })")
                         .arg(c * 1000 + g * 500)
                         .arg(id);
        }
    }
    return QStringLiteral(R"({ "format": "topicscope-scenario", "version": 1, "title": "bench",
        "topics": [ { "name": "orders", "partitions": 6, "retentionMs": %3 },
                    { "name": "payments", "partitions": 6, "retentionMs": %3 } ],
        "clients": [ %1 ], "steps": [ %2 ] })")
        .arg(clients.join(QStringLiteral(",\n")), steps.join(QStringLiteral(",\n")))
        .arg(retentionMs)
        .toUtf8();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("topicscope.*.debug=false\ntopicscope.*.info=false"));
    int ticks = 900;
    double speed = 1;
    double rate = 50;
    qint64 retentionMs = -1;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QStringLiteral("--ticks"))
            ticks = args[i + 1].toInt();
        else if (args[i] == QStringLiteral("--speed"))
            speed = args[i + 1].toDouble();
        else if (args[i] == QStringLiteral("--rate"))
            rate = args[i + 1].toDouble();
        else if (args[i] == QStringLiteral("--retention-ms"))
            retentionMs = args[i + 1].toLongLong();
        else {
            std::fprintf(stderr, "bench_flowsnapshot: unknown argument %s\n", qPrintable(args[i]));
            return 2;
        }
    }
    QString error;
    std::optional<engine::Scenario> scenario = engine::Scenario::parse(scenarioJson(rate, retentionMs), &error);
    if (!scenario) {
        std::fprintf(stderr, "bench_flowsnapshot: %s\n", qPrintable(error));
        return 1;
    }
    engine::ScenarioRunner runner(*scenario);
    runner.setOpenEnded(true);
    if (!runner.start(&error)) {
        std::fprintf(stderr, "bench_flowsnapshot: %s\n", qPrintable(error));
        return 1;
    }
    QList<double> advanceMs;
    QList<double> snapshotMs;
    QList<double> tickMs;
    qsizetype movements = 0;
    const qint64 step = qint64(33 * speed);
    QElapsedTimer timer;
    for (int t = 0; t < ticks; ++t) {
        timer.start();
        runner.advanceTo(runner.elapsedMs() + step);
        const double advanced = double(timer.nsecsElapsed()) / 1e6;
        const engine::FlowSnapshot snapshot = runner.flowSnapshot();
        const double total = double(timer.nsecsElapsed()) / 1e6;
        movements += snapshot.movements.size();
        advanceMs << advanced;
        snapshotMs << total - advanced;
        tickMs << total;
    }
    const auto print = [](const char *what, const QList<double> &values) {
        const bench::Samples s(values);
        std::printf("%s ms: mean %.2f  p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  (%lld ticks)\n", what, s.mean(),
            s.percentile(0.5), s.percentile(0.95), s.percentile(0.99), s.max(), s.count());
    };
    std::printf("world: 12 partitions, 8 consumers in 2 groups, 4 producers at %.0f records/s each, retention.ms %lld; "
                "speed %.1fx (%lld virtual ms per tick), %d ticks = %.1f virtual s\n",
        rate, static_cast<long long>(retentionMs), speed, static_cast<long long>(step), ticks,
        double(runner.elapsedMs()) / 1000.0);
    print("advanceTo", advanceMs);
    print("flowSnapshot", snapshotMs);
    print("tick total", tickMs);
    std::printf("produced %d, processed %d, movements per tick %.1f, timeline events %lld\n", runner.produced(),
        runner.processed(), double(movements) / double(ticks), static_cast<long long>(runner.timeline().size()));
    return 0;
}
