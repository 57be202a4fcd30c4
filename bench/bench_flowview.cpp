// Frame time of the flow view (issue 5), offscreen unless QT_QPA_PLATFORM says otherwise: a busy world of 12
// partitions (2 topics × 6, full 64-cell tails) read by 2 groups of 4 consumers, 4 producers; a new snapshot with
// --movements movements every other frame (30 snapshots/s at 60 fps), the animation advanced 16 ms per frame, each
// frame rendered with QWidget::render() into a --width × --height image. Normal and presentation mode.
//
// Usage: bench_flowview [--frames 600] [--width 1920] [--height 1080] [--movements 50] [--tokens 200]
//
// Prints per mode: frame time (snapshot + advance + render) mean/p50/p95/p99/max in ms and the fps the mean and
// the p99 allow, the same split into frames with a new snapshot (static layer re-rendered) and animation-only
// frames, and the live tokens.

#include "benchstats.h"
#include "flowsnapshotfixture.h"
#include "flowview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cstdio>
#include <numeric>

using namespace topicscope;

namespace {

struct Options {
    int frames = 600;
    int width = 1920;
    int height = 1080;
    int movements = 50;
    int tokens = 200;
};

struct Stats {
    double mean = 0;
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
    double max = 0;
    qsizetype samples = 0;
};

Stats stats(const QList<double> &values)
{
    const bench::Samples samples(values);
    Stats s;
    s.samples = samples.count();
    s.mean = samples.mean();
    s.p50 = samples.percentile(0.50);
    s.p95 = samples.percentile(0.95);
    s.p99 = samples.percentile(0.99);
    s.max = samples.max();
    return s;
}

void print(const char *mode, const char *what, const Stats &s)
{
    std::printf("%s %s ms: mean %.2f  p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  (%lld frames)\n", mode, what, s.mean,
        s.p50, s.p95, s.p99, s.max, static_cast<long long>(s.samples));
}

void run(const Options &o, bool presentation)
{
    const char *mode = presentation ? "presentation" : "normal";
    flowfixture::BusyWorld world(2, 6, 2, 4, 4);
    ui::FlowView view;
    view.resize(o.width, o.height);
    view.setPresentationMode(presentation);
    QImage image(o.width, o.height, QImage::Format_ARGB32_Premultiplied);

    // Tokens already in flight before measuring.
    view.setSnapshot(world.next(o.tokens));
    view.advanceAnimation(16);
    view.render(&image);

    QList<double> all;
    QList<double> withSnapshot;
    QList<double> animationOnly;
    QList<double> renderOnly;
    QList<double> setOnly;
    QList<int> live;
    all.reserve(o.frames);
    QElapsedTimer timer;
    for (int i = 0; i < o.frames; ++i) {
        const bool snapshot = i % 2 == 0;
        const engine::FlowSnapshot next = snapshot ? world.next(o.movements) : engine::FlowSnapshot();
        timer.start();
        if (snapshot) {
            view.setSnapshot(next);
            setOnly.append(double(timer.nsecsElapsed()) / 1e6);
        }
        view.advanceAnimation(16);
        const qint64 beforeRender = timer.nsecsElapsed();
        view.render(&image);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        all.append(ms);
        renderOnly.append(double(timer.nsecsElapsed() - beforeRender) / 1e6);
        (snapshot ? withSnapshot : animationOnly).append(ms);
        live.append(view.liveTokenCount());
    }
    const Stats s = stats(all);
    const double liveMean
        = std::accumulate(live.cbegin(), live.cend(), 0.0) / double(std::max<qsizetype>(1, live.size()));
    std::printf("%s: %dx%d, %d partitions, %lld consumers, %d frames, snapshot every 2nd frame with %d movements\n",
        mode, o.width, o.height, world.partitionCount(), static_cast<long long>(view.snapshot().consumers.size()),
        o.frames, o.movements);
    print(mode, "frame", s);
    std::printf("%s fps allowed: %.0f at the mean, %.0f at p99\n", mode, 1000.0 / s.mean, 1000.0 / s.p99);
    print(mode, "frame with new snapshot", stats(withSnapshot));
    print(mode, "animation-only frame", stats(animationOnly));
    print(mode, "render() alone", stats(renderOnly));
    print(mode, "setSnapshot() alone", stats(setOnly));
    std::printf("%s live tokens: mean %.0f  max %d  (cap %d, %d dropped)\n", mode, liveMean,
        *std::max_element(live.cbegin(), live.cend()), ui::FlowView::MaxLiveTokens, view.droppedTokenCount());
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Options o;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const auto value = [&] { return i + 1 < args.size() ? args.at(++i).toInt() : 0; };
        if (a == QStringLiteral("--frames"))
            o.frames = std::max(1, value());
        else if (a == QStringLiteral("--width"))
            o.width = std::max(320, value());
        else if (a == QStringLiteral("--height"))
            o.height = std::max(240, value());
        else if (a == QStringLiteral("--movements"))
            o.movements = std::max(0, value());
        else if (a == QStringLiteral("--tokens"))
            o.tokens = std::max(0, value());
        else {
            std::fprintf(stderr, "bench_flowview: unknown argument %s\n", qPrintable(a));
            return 2;
        }
    }
    run(o, false);
    run(o, true);
    return 0;
}
