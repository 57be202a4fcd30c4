// ScenarioScheduler alone on a ManualClock: the order in which the things due at one instant run (clock timers,
// actions each followed by the 0 ms timers it started, completions, the poll tick), what falls due next, the end,
// and a pause interrupting an instant. Traces as text.
#include "core/clock.h"
#include "sim/scenarioscheduler.h"

#include <QStringList>
#include <QTest>

using namespace topicscope::engine;

namespace {

constexpr qint64 Origin = 1'000'000;

// A scheduler whose hooks write what they do into trace, with completions due at the times in completions.
struct Fixture {
    ManualClock clock {Origin};
    ScenarioScheduler scheduler {clock, Origin};
    QStringList trace;
    QList<qint64> completions; // due times, ascending

    Fixture()
    {
        scheduler.setTickMs(100);
        scheduler.setEndMs(1000);
        ScenarioScheduler::Hooks hooks;
        hooks.nextCompletionMs = [this] { return completions.isEmpty() ? -1 : completions.first(); };
        hooks.runCompletions = [this] {
            while (!completions.isEmpty() && completions.first() <= scheduler.now())
                log(QStringLiteral("completion %1").arg(completions.takeFirst()));
        };
        hooks.runTick = [this] { log(QStringLiteral("tick")); };
        hooks.afterTimers = [this] { trace << QStringLiteral("  (after timers)"); };
        scheduler.setHooks(std::move(hooks));
    }
    void log(const QString &what) { trace << QStringLiteral("%1 %2").arg(scheduler.now()).arg(what); }
    void timerAt(qint64 ms, const QString &name)
    {
        clock.schedule(ms - scheduler.now(), [this, name] { log(name); });
    }
    // Runs instants like ScenarioRunner::step() until the end; returns the trace without the afterTimers lines.
    QString runToEnd()
    {
        for (;;) {
            bool isEnd = false;
            scheduler.advanceClockTo(scheduler.nextDueMs(&isEnd));
            if (isEnd)
                break;
            scheduler.runInstant();
        }
        QStringList lines = trace;
        lines.removeAll(QStringLiteral("  (after timers)"));
        return lines.join(QLatin1Char('\n'));
    }
};

} // namespace

class TestScenarioScheduler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anInstantRunsTimersThenActionsThenCompletionsThenTheTick()
    {
        Fixture f;
        f.scheduler.setEndMs(100);
        f.completions = {100};
        f.scheduler.schedule(100, [&f] {
            f.log(QStringLiteral("action 1"));
            // A producer appends from a 0 ms timer: it runs right after its action, before the next one.
            f.clock.schedule(0, [&f] { f.log(QStringLiteral("0 ms timer of action 1")); });
        });
        f.scheduler.schedule(100, [&f] { f.log(QStringLiteral("action 2")); });
        f.timerAt(100, QStringLiteral("clock timer"));
        QCOMPARE(f.runToEnd(),
            QStringLiteral("0 tick\n"
                           "100 clock timer\n"
                           "100 action 1\n"
                           "100 0 ms timer of action 1\n"
                           "100 action 2\n"
                           "100 completion 100\n"
                           "100 tick"));
    }

    void nextDueIsTheEarliestOfEverySource()
    {
        Fixture f;
        QCOMPARE(f.scheduler.nextDueMs(), 0); // the first tick
        f.scheduler.advanceClockTo(0);
        f.scheduler.runInstant();
        QCOMPARE(f.scheduler.nextDueMs(), 100); // the next tick
        f.timerAt(70, QStringLiteral("timer"));
        QCOMPARE(f.scheduler.nextDueMs(), 70);
        f.completions = {40};
        QCOMPARE(f.scheduler.nextDueMs(), 40);
        f.scheduler.schedule(30, [] {});
        QCOMPARE(f.scheduler.nextDueMs(), 30);
        // Something overdue is due now, never in the past.
        f.scheduler.advanceClockTo(50);
        QCOMPARE(f.scheduler.now(), 50);
        QCOMPARE(f.scheduler.nextDueMs(), 50);
    }

    void theEndComesFirstUnlessOpenEnded()
    {
        Fixture f;
        f.scheduler.setEndMs(150);
        f.scheduler.schedule(400, [&f] { f.log(QStringLiteral("action")); });
        QCOMPARE(f.runToEnd(), QStringLiteral("0 tick\n100 tick"));
        QCOMPARE(f.scheduler.now(), 150);
        bool isEnd = false;
        QCOMPARE(f.scheduler.nextDueMs(&isEnd), 150);
        QVERIFY(isEnd);
        f.scheduler.setOpenEnded(true);
        QCOMPARE(f.scheduler.nextDueMs(&isEnd), 200);
        QVERIFY(!isEnd);
    }

    void anInterruptLeavesTheRestOfTheInstantForTheNextCall()
    {
        Fixture f;
        f.scheduler.setEndMs(0);
        bool paused = false;
        f.scheduler.schedule(0, [&] {
            f.log(QStringLiteral("pause"));
            paused = true;
        });
        f.scheduler.schedule(0, [&f] { f.log(QStringLiteral("caption")); });
        QVERIFY(!f.scheduler.runInstant([&paused] { return paused; }));
        QCOMPARE(f.trace.join(QLatin1Char('|')), QStringLiteral("0 pause|  (after timers)"));
        bool isEnd = false;
        QCOMPARE(f.scheduler.nextDueMs(&isEnd), 0);
        QVERIFY(!isEnd);
        paused = false;
        QVERIFY(f.scheduler.runInstant([&paused] { return paused; }));
        QCOMPARE(f.trace.join(QLatin1Char('|')),
            QStringLiteral("0 pause|  (after timers)|0 caption|  (after timers)|0 tick|  (after timers)"));
    }

    void resumedTicksStartFromNow()
    {
        Fixture f;
        f.scheduler.setOpenEnded(true);
        f.scheduler.advanceClockTo(250); // no tick ran meanwhile: the first one (0) is overdue
        QCOMPARE(f.scheduler.nextDueMs(), 250);
        f.scheduler.resumeTicks();
        f.scheduler.runInstant();
        QCOMPARE(f.scheduler.nextDueMs(), 350);
    }
};

QTEST_GUILESS_MAIN(TestScenarioScheduler)
#include "tst_scenarioscheduler.moc"
