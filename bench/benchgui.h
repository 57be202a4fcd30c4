#pragma once

// What the desktop benchmarks (bench_explorer, bench_liveflowgui) share: starting the embedded engine behind its
// facade, running the GUI event loop until something holds, the GUI thread's CPU time, the process's resident
// memory, and a probe of how late a 16 ms timer fires on the GUI thread (how long the thread was busy or blocked
// past a frame). GUI thread only.

#include "benchstats.h"

#include "runtime/enginefacade.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QPair>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <sys/resource.h>

namespace topicscope::bench {

inline qint64 rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

inline double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

inline double threadCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_THREAD, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Runs the GUI event loop until cond() holds or timeoutMs passes; false on timeout.
inline bool waitFor(const std::function<bool()> &cond, int timeoutMs = 60'000)
{
    QElapsedTimer timer;
    timer.start();
    while (!cond()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!cond())
            QThread::usleep(200);
    }
    return true;
}

// The engine behind its facade, started; nullptr (and the reason on stderr) when it does not start.
inline std::unique_ptr<engine::EngineFacade> startEngine(const engine::EngineOptions &options)
{
    auto facade = std::make_unique<engine::EngineFacade>(options);
    bool done = false;
    bool ok = false;
    QObject::connect(facade.get(), &engine::EngineFacade::started, [&](bool started, const QString &error) {
        done = true;
        ok = started;
        if (!started)
            std::fprintf(stderr, "engine did not start: %s\n", qPrintable(error));
    });
    facade->start();
    if (!waitFor([&] { return done; }) || !ok)
        return nullptr;
    return facade;
}

struct Stats {
    double max = 0;
    double p50 = 0;
    double p99 = 0;
    double p999 = 0;
    qsizetype samples = 0;
    qsizetype over16 = 0;
    qsizetype over50 = 0;
};

inline Stats stats(const QList<double> &values)
{
    const Samples samples(values);
    Stats s;
    s.samples = samples.count();
    s.max = samples.max();
    s.p50 = samples.percentile(0.50);
    s.p99 = samples.percentile(0.99);
    s.p999 = samples.percentile(0.999);
    s.over16 = samples.countAbove(16.0);
    s.over50 = samples.countAbove(50.0);
    return s;
}

// A 16 ms PreciseTimer on the GUI thread: each tick's lateness is how long the thread was busy (painting, handling
// snapshots) or blocked past its due time. A frame budget of 60 fps holds while lateness stays under 16 ms.
class StallProbe {
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(16);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_run.nsecsElapsed();
            const double late = std::max(0.0, double(now - m_last) / 1e6 - 16.0);
            m_last = now;
            m_lateness.append(late);
            if (late > 16.0)
                m_worst.append({double(now) / 1e9, late});
        });
    }

    void start()
    {
        m_run.start();
        m_last = m_run.nsecsElapsed();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double elapsedSeconds() const { return double(m_run.nsecsElapsed()) / 1e9; }

    const QList<double> &lateness() const { return m_lateness; }
    // The worst stalls over 16 ms, worst first: (seconds into the run, ms late).
    QList<QPair<double, double>> worst() const
    {
        QList<QPair<double, double>> w = m_worst;
        std::sort(w.begin(), w.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
        return w;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_run;
    qint64 m_last = 0;
    QList<double> m_lateness;
    QList<QPair<double, double>> m_worst;
};

} // namespace topicscope::bench
