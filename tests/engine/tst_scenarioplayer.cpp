// The flow view's scenario player behind the facade: scenarios load and play on the worker thread, values come
// back queued, one snapshot per tick carries every movement (none lost to coalescing), pause steps stop the
// playback, single step runs to the next event, a picture is kept per rebalance for time travel, and live
// actions reach the simulated world.

#include "runtime/enginefacade.h"
#include "runtime/scenariocontrol.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace topicscope::engine;

namespace {

EngineOptions inMemoryOptions()
{
    EngineOptions options;
    options.storage.inMemory = true;
    return options;
}

FlowSnapshot lastSnapshot(const QSignalSpy &spy)
{
    return spy.last().at(0).value<FlowSnapshot>();
}

ScenarioPlayerState lastState(const QSignalSpy &spy)
{
    return spy.last().at(0).value<ScenarioPlayerState>();
}

const FlowConsumer *findConsumer(const FlowSnapshot &s, const QString &id)
{
    for (const FlowConsumer &c : s.consumers) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

} // namespace

class TestScenarioPlayer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void playsToTheEndWithoutLosingMovements()
    {
        EngineFacade facade(inMemoryOptions());
        ScenarioControl *control = facade.scenarios();
        QSignalSpy snapshots(control, &ScenarioControl::snapshotUpdated);
        QSignalSpy states(control, &ScenarioControl::stateChanged);
        facade.start();
        control->loadFile(QStringLiteral(":/scenarios/06-autocommit-duplicates.json"));
        QTRY_VERIFY(!states.isEmpty() && lastState(states).loaded);
        QCOMPARE(lastState(states).title, QStringLiteral("Auto-commit duplicates after a crash"));
        QVERIFY(!lastState(states).playing);

        control->setSpeed(1000); // clamped to the maximum
        QTRY_COMPARE(lastState(states).speed, ScenarioPlayer::MaxSpeed);
        // Played through its pause step by stepping past it each time playback stops.
        for (int round = 0; round < 20 && !lastState(states).finished; ++round) {
            const qsizetype before = states.size();
            control->play();
            QTRY_VERIFY_WITH_TIMEOUT(states.size() > before + 1 && !lastState(states).playing, 20000);
        }
        QVERIFY(lastState(states).finished);
        for (const ScenarioExpectationResult &r : lastState(states).results)
            QVERIFY2(r.passed, qPrintable(r.description + QStringLiteral(": ") + r.actual));

        // The state is published before the snapshot of the same instant.
        QTRY_VERIFY(lastSnapshot(snapshots).finished);
        // Every record produced arrived as exactly one Produced movement, across all coalesced snapshots.
        int producedMovements = 0;
        int duplicateMovements = 0;
        quint64 sequence = 0;
        for (const QList<QVariant> &args : std::as_const(snapshots)) {
            const FlowSnapshot s = args.at(0).value<FlowSnapshot>();
            QVERIFY(s.sequence > sequence);
            sequence = s.sequence;
            QCOMPARE(s.movementsDropped, 0);
            for (const FlowMovement &m : s.movements) {
                producedMovements += m.kind == FlowMovement::Kind::Produced;
                duplicateMovements += m.kind == FlowMovement::Kind::Duplicate;
            }
        }
        const FlowSnapshot end = lastSnapshot(snapshots);
        QVERIFY(end.finished);
        QCOMPARE(producedMovements, end.produced);
        QVERIFY(end.duplicates >= 1);
        QCOMPARE(duplicateMovements, end.duplicates);
        // Coalesced: far fewer snapshots than things that moved.
        QVERIFY2(snapshots.size() < end.produced + end.processed + end.duplicates,
            qPrintable(QString::number(snapshots.size())));
    }

    void pauseStepStopsPlaybackWithTheQuestion()
    {
        EngineFacade facade(inMemoryOptions());
        ScenarioControl *control = facade.scenarios();
        QSignalSpy snapshots(control, &ScenarioControl::snapshotUpdated);
        QSignalSpy states(control, &ScenarioControl::stateChanged);
        facade.start();
        control->loadFile(QStringLiteral(":/scenarios/05-rebalance-join-leave.json"));
        QTRY_VERIFY(!states.isEmpty() && lastState(states).loaded);
        control->setSpeed(ScenarioPlayer::MaxSpeed);
        control->play();
        QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty() && !lastSnapshot(snapshots).question.isEmpty(), 20000);
        QTRY_VERIFY(!lastState(states).playing);
        const FlowSnapshot atPause = lastSnapshot(snapshots);
        QCOMPARE(atPause.timeMs, qint64(5000));
        QVERIFY(atPause.question.contains(QStringLiteral("risk-2 joins")));
        QVERIFY(!atPause.answer.isEmpty());
        QVERIFY(!atPause.finished);
    }

    void singleStepRunsToTheNextEvent()
    {
        EngineFacade facade(inMemoryOptions());
        ScenarioControl *control = facade.scenarios();
        QSignalSpy snapshots(control, &ScenarioControl::snapshotUpdated);
        facade.start();
        control->loadFile(QStringLiteral(":/scenarios/01-key-partitioning.json"));
        QTRY_VERIFY(!snapshots.isEmpty());
        int events = lastSnapshot(snapshots).eventCount;
        qint64 time = lastSnapshot(snapshots).timeMs;
        for (int i = 0; i < 5; ++i) {
            const qsizetype before = snapshots.size();
            control->stepEvent();
            QTRY_VERIFY(snapshots.size() > before);
            const FlowSnapshot s = lastSnapshot(snapshots);
            QVERIFY2(s.eventCount > events, qPrintable(QStringLiteral("step %1").arg(i)));
            QVERIFY(s.timeMs >= time);
            events = s.eventCount;
            time = s.timeMs;
        }
    }

    void keepsAPicturePerRebalanceForTimeTravel()
    {
        EngineFacade facade(inMemoryOptions());
        ScenarioControl *control = facade.scenarios();
        QSignalSpy snapshots(control, &ScenarioControl::snapshotUpdated);
        QSignalSpy states(control, &ScenarioControl::stateChanged);
        QSignalSpy history(control, &ScenarioControl::historyReady);
        facade.start();
        control->loadFile(QStringLiteral(":/scenarios/05-rebalance-join-leave.json"));
        QTRY_VERIFY(!states.isEmpty() && lastState(states).loaded);
        control->advanceBy(10'000'000);
        for (int round = 0; round < 10 && !lastState(states).finished; ++round) {
            const qsizetype before = states.size();
            control->advanceBy(10'000'000); // stops at each pause step
            QTRY_VERIFY(states.size() > before);
        }
        QTRY_VERIFY(lastState(states).finished);
        // The state is published before the snapshot of the same instant.
        QTRY_VERIFY(lastSnapshot(snapshots).finished);
        const QList<ScenarioRebalance> rebalances = lastSnapshot(snapshots).rebalances;
        QVERIFY(rebalances.size() >= 3);
        for (int i = 0; i < rebalances.size(); ++i) {
            const quint64 id = control->requestHistory(i);
            QTRY_VERIFY(!history.isEmpty() && history.last().at(0).toULongLong() == id);
            QVERIFY(history.last().at(2).toBool());
            const FlowSnapshot then = history.last().at(3).value<FlowSnapshot>();
            const ScenarioRebalance &rb = rebalances.at(i);
            QCOMPARE(then.rebalances.size(), i + 1);
            QCOMPARE(then.timeMs, rb.timeMs);
            const auto group = std::find_if(
                then.groups.cbegin(), then.groups.cend(), [&](const FlowGroup &g) { return g.id == rb.group; });
            QVERIFY(group != then.groups.cend());
            QCOMPARE(group->generation, rb.generation);
            // The owners drawn for that generation are the rebalance's assignment.
            QMap<QString, QStringList> owners;
            for (auto it = group->owners.cbegin(); it != group->owners.cend(); ++it)
                owners[it.value()] << it.key().toString();
            for (QStringList &tps : owners)
                tps.sort();
            QMap<QString, QStringList> expected;
            for (auto it = rb.assignment.cbegin(); it != rb.assignment.cend(); ++it) {
                if (!it.value().isEmpty())
                    expected.insert(it.key(), ScenarioRebalance::names(it.value()));
            }
            QCOMPARE(owners, expected);
        }
        const quint64 missing = control->requestHistory(int(rebalances.size()) + 5);
        QTRY_VERIFY(history.last().at(0).toULongLong() == missing);
        QVERIFY(!history.last().at(2).toBool());
    }

    // Comparing assignors plays a scenario four times over. It must not hold up the worker thread, which serves the
    // real wire clients and the explorer: a command sent after three comparisons is answered before the last of them.
    void comparisonsDoNotBlockTheWorkerThread()
    {
        EngineFacade facade(inMemoryOptions());
        ScenarioControl *control = facade.scenarios();
        QSignalSpy states(control, &ScenarioControl::stateChanged);
        QSignalSpy started(&facade, &EngineFacade::started);
        facade.start();
        QTRY_COMPARE(started.size(), 1);
        control->loadFile(QStringLiteral(":/scenarios/14-eager-stop-the-world.json"));
        QTRY_VERIFY(!states.isEmpty() && lastState(states).loaded);

        QList<QString> order;
        connect(control, &ScenarioControl::comparisonReady, this, [&order](quint64 id, const AssignorComparison &c) {
            order << QStringLiteral("comparison %1 (%2 runs)").arg(id).arg(c.runs.size());
        });
        connect(&facade, &EngineFacade::commandFinished, this,
            [&order](quint64, int error) { order << QStringLiteral("command error=%1").arg(error); });
        control->requestComparison();
        control->requestComparison();
        const quint64 last = control->requestComparison();
        facade.createTopic(QStringLiteral("while-comparing"), 1);
        QTRY_VERIFY_WITH_TIMEOUT(order.size() == 4, 60000);
        QVERIFY2(order.indexOf(QStringLiteral("command error=0"))
                < order.indexOf(QStringLiteral("comparison %1 (5 runs)").arg(last)),
            qPrintable(order.join(QStringLiteral("; "))));
    }

    // Views key per-scenario state (colours, a comparison) by the load: a restart and a change of language keep it,
    // loading a file gives a new one, and every snapshot carries the load it shows.
    void loadIdentityOutlivesRestartAndLanguage()
    {
        EngineFacade facade(inMemoryOptions());
        ScenarioControl *control = facade.scenarios();
        QSignalSpy states(control, &ScenarioControl::stateChanged);
        QSignalSpy snapshots(control, &ScenarioControl::snapshotUpdated);
        facade.start();
        control->loadFile(QStringLiteral(":/scenarios/05-rebalance-join-leave.json"));
        QTRY_VERIFY(!states.isEmpty() && lastState(states).loaded);
        const quint64 first = lastState(states).loadId;
        QVERIFY(first != 0);
        QTRY_VERIFY(!snapshots.isEmpty() && lastSnapshot(snapshots).loadId == first);

        control->advanceBy(3000);
        control->restart();
        control->setLanguage(QStringLiteral("ko"));
        QTRY_VERIFY(lastState(states).language == QStringLiteral("ko") && lastState(states).timeMs == 0);
        QCOMPARE(lastState(states).loadId, first);

        control->loadFile(QStringLiteral(":/scenarios/05-rebalance-join-leave.json"));
        QTRY_VERIFY(lastState(states).loadId != first);
        const quint64 second = lastState(states).loadId;
        QTRY_VERIFY(lastSnapshot(snapshots).loadId == second);
    }

    void liveActionsReachTheSandbox()
    {
        EngineFacade facade(inMemoryOptions());
        ScenarioControl *control = facade.scenarios();
        QSignalSpy snapshots(control, &ScenarioControl::snapshotUpdated);
        QSignalSpy states(control, &ScenarioControl::stateChanged);
        facade.start();
        control->loadSandbox();
        QTRY_VERIFY(!states.isEmpty() && lastState(states).loaded);
        QVERIFY(lastState(states).openEnded);
        QCOMPARE(lastState(states).endMs, qint64(-1));

        ScenarioConsumer third;
        third.id = QStringLiteral("billing-3");
        third.group = QStringLiteral("billing");
        third.topics = {QStringLiteral("orders")};
        third.autoOffsetReset = OffsetResetPolicy::Earliest;
        control->addConsumer(third);
        control->advanceBy(60'000); // longer than the scenario's settle time: the sandbox never ends
        QTRY_VERIFY(!snapshots.isEmpty() && lastSnapshot(snapshots).timeMs >= 60'000);
        FlowSnapshot s = lastSnapshot(snapshots);
        QVERIFY(!s.finished);
        QVERIFY(s.produced > 100);
        QCOMPARE(s.groups.size(), 1);
        QCOMPARE(QSet<QString>(s.groups.first().owners.cbegin(), s.groups.first().owners.cend()),
            (QSet<QString> {QStringLiteral("billing-1"), QStringLiteral("billing-2"), QStringLiteral("billing-3")}));

        ScenarioStep crash;
        crash.action = ScenarioAction::CrashConsumer;
        crash.client = QStringLiteral("billing-3");
        control->perform(crash);
        control->advanceBy(1000);
        QTRY_VERIFY(lastSnapshot(snapshots).timeMs >= 61'000);
        s = lastSnapshot(snapshots);
        QVERIFY(findConsumer(s, QStringLiteral("billing-3")));
        QCOMPARE(findConsumer(s, QStringLiteral("billing-3"))->status, FlowConsumerStatus::Crashed);

        ScenarioStep bad;
        bad.action = ScenarioAction::CrashConsumer;
        bad.client = QStringLiteral("nobody");
        const qsizetype before = states.size();
        control->perform(bad);
        QTRY_VERIFY(states.size() > before);
        QVERIFY2(lastState(states).error.contains(QStringLiteral("nobody")), qPrintable(lastState(states).error));
    }
};

QTEST_GUILESS_MAIN(TestScenarioPlayer)
#include "tst_scenarioplayer.moc"
