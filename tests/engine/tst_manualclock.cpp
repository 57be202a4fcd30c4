#include "core/clock.h"

#include <QStringList>
#include <QTest>

using namespace topicscope::engine;

class TestManualClock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firesInDueOrderAtTheirOwnInstant()
    {
        ManualClock clock(1000);
        QStringList fired;
        const auto note = [&](const char *name) {
            return [&, name] { fired << QStringLiteral("%1@%2").arg(QLatin1String(name)).arg(clock.nowMs()); };
        };
        clock.schedule(30, note("c"));
        clock.schedule(10, note("a"));
        clock.schedule(10, note("b")); // same instant: scheduling order
        clock.advance(9);
        QVERIFY(fired.isEmpty());
        clock.advance(100);
        QCOMPARE(fired.join(QLatin1Char(' ')), QStringLiteral("a@1010 b@1010 c@1030"));
        QCOMPARE(clock.nowMs(), qint64(1109));
    }

    void cancelAndNextDeadline()
    {
        ManualClock clock(0);
        int count = 0;
        const TimerId first = clock.schedule(5, [&] { ++count; });
        clock.schedule(7, [&] { count += 10; });
        QCOMPARE(clock.nextDeadlineMs(), qint64(5));
        clock.cancel(first);
        clock.cancel(first); // second cancel is a no-op
        QCOMPARE(clock.nextDeadlineMs(), qint64(7));
        clock.advance(10);
        QCOMPARE(count, 10);
        QCOMPARE(clock.nextDeadlineMs(), qint64(-1));
    }

    void timersScheduledByTimersFireWithinTheSameAdvance()
    {
        ManualClock clock(0);
        QList<qint64> at;
        std::function<void()> tick = [&] {
            at << clock.nowMs();
            if (at.size() < 4)
                clock.schedule(3, tick);
        };
        clock.schedule(3, tick);
        clock.advance(10);
        QCOMPARE(at, (QList<qint64> {3, 6, 9}));
        clock.advance(3);
        QCOMPARE(at, (QList<qint64> {3, 6, 9, 12}));
        QCOMPARE(clock.pendingTimers(), 0);
    }
};

QTEST_GUILESS_MAIN(TestManualClock)
#include "tst_manualclock.moc"
