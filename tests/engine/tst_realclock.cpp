#include "runtime/realclock.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStringList>
#include <QTest>
#include <QTimer>

using namespace topicscope::engine;

// The engine thread's clock: one queue of timers behind a single QTimer (see realclock.h).
class TestRealClock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firesInDueOrderAndNeverEarly()
    {
        RealClock clock;
        QStringList fired;
        const auto note = [&](const char *name, qint64 due) {
            return [&, name, due] {
                QVERIFY2(clock.nowMs() >= due, name);
                fired << QLatin1String(name);
            };
        };
        const qint64 now = clock.nowMs();
        clock.schedule(30, note("c", now + 30));
        clock.schedule(10, note("a", now + 10));
        clock.schedule(10, note("b", now + 10)); // the same instant: scheduling order
        clock.schedule(0, note("first", now));
        QTRY_COMPARE(fired.size(), 4);
        QCOMPARE(fired.join(QLatin1Char(' ')), QStringLiteral("first a b c"));
        QCOMPARE(clock.pendingTimers(), 0);
    }

    // Ten thousand pending timers cost one QTimer, and still fire in due order.
    void manyTimersShareOneQTimer()
    {
        RealClock clock;
        // The clock reads its own time inside schedule(), so its due time for timer i lies in dueWindows[i]: between
        // the readings taken around the call, which a busy machine can hold apart for several milliseconds.
        QList<std::pair<qint64, qint64>> dueWindows;
        QList<int> fired;
        int early = 0;
        QList<TimerId> ids;
        for (int i = 0; i < 10'000; ++i) {
            const qint64 delay = QRandomGenerator::global()->bounded(200);
            const qint64 before = clock.nowMs();
            ids << clock.schedule(delay, [&, i] {
                if (clock.nowMs() < dueWindows[i].first)
                    ++early;
                fired << i;
            });
            dueWindows << std::pair {before + delay, clock.nowMs() + delay};
        }
        QCOMPARE(clock.findChildren<QTimer *>().size(), 1);
        for (int i = 0; i < ids.size(); i += 2)
            clock.cancel(ids[i]); // half of them never fire
        clock.cancel(ids[0]); // cancelling twice is a no-op
        QCOMPARE(clock.pendingTimers(), 5'000);
        QTRY_COMPARE_WITH_TIMEOUT(fired.size(), 5'000, 5000);
        QCOMPARE(early, 0);
        for (qsizetype k = 1; k < fired.size(); ++k) // due order: no timer fires before one surely due earlier
            QVERIFY2(dueWindows[fired[k - 1]].first <= dueWindows[fired[k]].second, qPrintable(QString::number(k)));
        QCOMPARE(clock.pendingTimers(), 0);
        QCOMPARE(clock.findChildren<QTimer *>().size(), 1);
    }

    // A zero-delay timer scheduled by a running timer waits for the next turn of the event loop, so a chain of
    // them (the core's way of chunking work) lets posted events and sockets in between.
    void aChainOfZeroDelayTimersYieldsToTheEventLoop()
    {
        RealClock clock;
        int steps = 0;
        int stepsWhenPostedRan = -1;
        std::function<void()> step = [&] {
            if (++steps == 1)
                QMetaObject::invokeMethod(
                    this, [&] { stepsWhenPostedRan = steps; }, Qt::QueuedConnection);
            if (steps < 1000)
                clock.schedule(0, step);
        };
        clock.schedule(0, step);
        QTRY_COMPARE(steps, 1000);
        QVERIFY(stepsWhenPostedRan >= 1);
        QVERIFY2(stepsWhenPostedRan < 10, qPrintable(QString::number(stepsWhenPostedRan)));
    }

    // Timers already due run in one expiry for at most MaxRunPerTurnMs, then the event loop gets a turn.
    void oneExpiryRunsDueTimersForAFewMillisecondsOnly()
    {
        RealClock clock;
        int ran = 0;
        int ranWhenPostedRan = -1;
        for (int i = 0; i < 40; ++i) {
            clock.schedule(0, [&] {
                if (++ran == 1)
                    QMetaObject::invokeMethod(
                        this, [&] { ranWhenPostedRan = ran; }, Qt::QueuedConnection);
                QElapsedTimer busy;
                busy.start();
                while (busy.elapsed() < 1) { } // a millisecond of work each
            });
        }
        QTRY_COMPARE(ran, 40);
        QVERIFY2(ranWhenPostedRan >= 1 && ranWhenPostedRan < 40, qPrintable(QString::number(ranWhenPostedRan)));
    }

    void frozenTimersWaitAndKeepTheirRemainingDelay()
    {
        RealClock clock;
        QStringList fired;
        const qint64 scheduledAt = clock.nowMs();
        clock.schedule(60, [&] { fired << QStringLiteral("later"); });
        clock.freeze();
        const qint64 frozenAt = clock.nowMs();
        const qint64 leftAtFreeze = 60 - (frozenAt - scheduledAt); // ~60 ms, less when this machine is busy
        clock.schedule(0, [&] { fired << QStringLiteral("due"); }); // already due: runs while frozen
        QTRY_COMPARE(fired, QStringList {QStringLiteral("due")});
        QTest::qWait(120); // past the wall-clock due time of "later"
        QCOMPARE(fired.size(), 1);
        QCOMPARE(clock.nowMs(), frozenAt);
        clock.thaw();
        QVERIFY(clock.lagMs() >= 100);
        QElapsedTimer sinceThaw;
        sinceThaw.start();
        QTRY_COMPARE(fired.size(), 2);
        QCOMPARE(fired.last(), QStringLiteral("later"));
        QVERIFY2(sinceThaw.elapsed() >= leftAtFreeze - 2,
            qPrintable(
                QStringLiteral("%1 ms after the thaw, %2 ms were left").arg(sinceThaw.elapsed()).arg(leftAtFreeze)));
    }
};

QTEST_GUILESS_MAIN(TestRealClock)
#include "tst_realclock.moc"
