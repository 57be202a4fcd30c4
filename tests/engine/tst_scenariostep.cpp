// The flow view's single step (→): one press shows the world right after the next visible event (one record
// produced, one poll, one record processed, one commit, one rebalance phase, a caption, an action, a pause), a wait
// in which nothing visible happens is stepped over at once, and stepping a scenario to its end gives the same run
// as playing it. After the end, play and live actions go on in the finished world. The player is driven directly
// on the test's thread: stepping is synchronous.

#include "runtime/scenarioplayer.h"
#include "scenariotesthelpers.h"

#include <QTest>

using namespace topicscope::engine;
using topicscope::engine::testing::builtIn;

namespace {

// A player whose sinks keep every state and snapshot it publishes.
struct RecordingPlayer {
    ScenarioPlayer player;
    QList<FlowSnapshot> snapshots;
    QList<ScenarioPlayerState> states;

    RecordingPlayer()
    {
        ScenarioPlayer::Sinks sinks;
        sinks.snapshot = [this](const FlowSnapshot &s) { snapshots << s; };
        sinks.state = [this](const ScenarioPlayerState &s) { states << s; };
        player.setSinks(sinks);
    }
    const FlowSnapshot &last() const { return snapshots.constLast(); }
    // One press; the snapshot it shows.
    FlowSnapshot step()
    {
        const qsizetype before = snapshots.size();
        player.stepEvent();
        if (snapshots.size() != before + 1)
            qFatal("a step published %d snapshots", int(snapshots.size() - before));
        return last();
    }
};

QString lastEventText(const FlowSnapshot &s)
{
    return s.recentEvents.isEmpty() ? QString()
                                    : ScenarioEvent::kindName(s.recentEvents.constLast().kind) + QStringLiteral(": ")
            + s.recentEvents.constLast().text;
}

} // namespace

class TestScenarioStep : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void eachStepShowsOneVisibleEvent_data();
    void eachStepShowsOneVisibleEvent();
    void steppingToTheEndEqualsPlaying_data();
    void steppingToTheEndEqualsPlaying();
    void autoCommitScenarioStepsRecordByRecord();
    void pauseStepShowsItsQuestion();
    void playAfterTheEndGoesOnOpenEnded();
    void actionsAfterTheEndActOnTheFinishedWorld();
};

void TestScenarioStep::eachStepShowsOneVisibleEvent_data()
{
    testing::addBuiltInRows();
}

void TestScenarioStep::eachStepShowsOneVisibleEvent()
{
    QFETCH(QString, file);
    RecordingPlayer r;
    QVERIFY(r.player.loadFile(file));
    FlowSnapshot before = r.last();
    int presses = 0;
    while (!before.finished) {
        const FlowSnapshot s = r.step();
        const QString where = QStringLiteral("press %1 at %2 ms, %3").arg(presses).arg(s.timeMs).arg(lastEventText(s));
        QVERIFY2(s.timeMs >= before.timeMs, qPrintable(where));
        // One event, or a repeat (Processed then its Duplicate); the end may add none.
        const int events = s.eventCount - before.eventCount;
        QVERIFY2(events >= 1 || s.finished, qPrintable(where));
        QVERIFY2(events <= 2, qPrintable(where + QStringLiteral(": %1 events").arg(events)));
        QVERIFY2(s.produced - before.produced <= 1, qPrintable(where));
        QVERIFY2(s.processed - before.processed <= 1, qPrintable(where));
        // What a step shows of the log is what the timeline has recorded: no cell ahead of its Produced event.
        int cells = 0;
        for (const FlowTopic &t : s.topics) {
            for (const FlowPartition &p : t.partitions) {
                cells += int(p.highWatermark - p.logStartOffset);
                for (const FlowRecordCell &c : p.tail)
                    QVERIFY2(!c.producer.isEmpty(), qPrintable(where));
            }
        }
        QVERIFY2(s.produced >= cells, qPrintable(where));
        before = s;
        QVERIFY(++presses < 20000);
    }
    QVERIFY(r.states.constLast().finished);
}

void TestScenarioStep::steppingToTheEndEqualsPlaying_data()
{
    eachStepShowsOneVisibleEvent_data();
}

void TestScenarioStep::steppingToTheEndEqualsPlaying()
{
    QFETCH(QString, file);
    QString played;
    ScenarioRunner::runFile(file, &played);

    RecordingPlayer r;
    QVERIFY(r.player.loadFile(file));
    for (int i = 0; i < 20000 && !r.last().finished; ++i)
        r.step();
    QVERIFY(r.last().finished);
    QVERIFY(r.states.constLast().finished);
    QCOMPARE(r.player.runner()->report(), played);
    // Every movement was shown once, across the steps.
    int produced = 0;
    for (const FlowSnapshot &s : std::as_const(r.snapshots)) {
        for (const FlowMovement &m : s.movements)
            produced += m.kind == FlowMovement::Kind::Produced;
    }
    QCOMPARE(produced, r.last().produced);
}

void TestScenarioStep::autoCommitScenarioStepsRecordByRecord()
{
    // 06: ten mails produced at +0.5 s in one step, one producer batch per partition.
    RecordingPlayer r;
    QVERIFY(r.player.loadFile(builtIn("06-autocommit-duplicates.json")));
    FlowSnapshot s = r.last();
    for (int i = 0; i < 100 && s.produced == 0; ++i)
        s = r.step();
    QCOMPARE(s.produced, 1);
    QCOMPARE(s.timeMs, qint64(500));
    for (int n = 2; n <= 10; ++n) {
        s = r.step();
        QCOMPARE(s.produced, n);
        QCOMPARE(s.processed, 0);
        QCOMPARE(s.timeMs, qint64(500));
        QCOMPARE(s.recentEvents.constLast().kind, ScenarioEvent::Kind::Produced);
        // The producer's card and the log strip agree with the count.
        QCOMPARE(s.producers.first().sent, qint64(n));
        qint64 cells = 0;
        for (const FlowPartition &p : s.topics.first().partitions)
            cells += p.highWatermark;
        QCOMPARE(cells, qint64(n));
    }
    // Then the poll, and the mails processed one by one.
    s = r.step();
    QCOMPARE(s.recentEvents.constLast().kind, ScenarioEvent::Kind::Polled);
    QCOMPARE(s.processed, 0);
    for (int n = 1; n <= 10; ++n) {
        s = r.step();
        QCOMPARE(s.processed, n);
        QCOMPARE(s.recentEvents.constLast().kind, ScenarioEvent::Kind::Processed);
    }

    // On to mailer-2's start at +4 s; the next step crosses the session-timeout wait and lands on the rebalance's
    // first phase, before any mail is sent twice.
    while (s.timeMs <= 4000 || s.recentEvents.constLast().kind != ScenarioEvent::Kind::GroupState) {
        QVERIFY2(s.timeMs <= 4000, qPrintable(lastEventText(s)));
        s = r.step();
    }
    QVERIFY2(s.timeMs > 10000, qPrintable(QString::number(s.timeMs)));
    QCOMPARE(s.duplicates, 0);
    QVERIFY2(lastEventText(s).contains(QStringLiteral("PreparingRebalance -> CompletingRebalance")),
        qPrintable(lastEventText(s)));
    const auto group = std::find_if(
        s.groups.cbegin(), s.groups.cend(), [](const FlowGroup &g) { return g.id == QStringLiteral("mailer"); });
    QVERIFY(group != s.groups.cend());
    QCOMPARE(group->state, QStringLiteral("CompletingRebalance"));
    // The duplicates come one press at a time after that.
    const qint64 rebalanceAt = s.timeMs;
    int duplicates = 0;
    while (!s.finished) {
        s = r.step();
        QVERIFY(s.duplicates - duplicates <= 1);
        duplicates = s.duplicates;
    }
    QCOMPARE(duplicates, 10);
    QVERIFY(s.timeMs > rebalanceAt);
}

void TestScenarioStep::pauseStepShowsItsQuestion()
{
    RecordingPlayer r;
    QVERIFY(r.player.loadFile(builtIn("05-rebalance-join-leave.json")));
    FlowSnapshot s = r.last();
    while (s.question.isEmpty()) {
        QVERIFY(!s.finished);
        s = r.step();
    }
    QCOMPARE(s.timeMs, qint64(5000));
    QCOMPARE(s.recentEvents.constLast().kind, ScenarioEvent::Kind::Pause);
    QVERIFY(s.question.contains(QStringLiteral("risk-2 joins")));
    // The next press goes on in the same instant: risk-2 starts.
    s = r.step();
    QCOMPARE(s.timeMs, qint64(5000));
    QVERIFY(lastEventText(s).contains(QStringLiteral("risk-2 started")));
}

void TestScenarioStep::playAfterTheEndGoesOnOpenEnded()
{
    RecordingPlayer r;
    QVERIFY(r.player.loadFile(builtIn("05-rebalance-join-leave.json")));
    r.player.advanceBy(10'000'000);
    while (!r.player.state().finished)
        r.player.advanceBy(10'000'000); // stops at each pause
    const ScenarioPlayerState ended = r.player.state();
    QVERIFY(!ended.continued);
    QVERIFY(!ended.results.isEmpty());
    const qint64 endMs = ended.timeMs;
    QCOMPARE(ended.endMs, endMs);

    r.player.play();
    QVERIFY(r.player.state().playing);
    r.player.advanceBy(5000);
    const ScenarioPlayerState after = r.player.state();
    QVERIFY(after.finished);
    QVERIFY(after.continued);
    QVERIFY(after.openEnded);
    QCOMPARE(after.endMs, qint64(-1));
    QCOMPARE(after.timeMs, endMs + 5000);
    // The checks of the end stay, unchanged.
    QCOMPARE(after.results.size(), ended.results.size());
    for (int i = 0; i < after.results.size(); ++i) {
        QCOMPARE(after.results.at(i).passed, ended.results.at(i).passed);
        QCOMPARE(after.results.at(i).actual, ended.results.at(i).actual);
    }
    QVERIFY(!r.last().finished);
    QCOMPARE(r.last().endMs, qint64(-1));
    r.player.pause();
}

void TestScenarioStep::actionsAfterTheEndActOnTheFinishedWorld()
{
    RecordingPlayer r;
    QVERIFY(r.player.loadFile(builtIn("06-autocommit-duplicates.json")));
    while (!r.player.state().finished)
        r.player.advanceBy(10'000'000);
    const int produced = r.last().produced;
    const int rebalances = int(r.last().rebalances.size());

    ScenarioStep produce;
    produce.action = ScenarioAction::Produce;
    produce.client = QStringLiteral("signup");
    produce.count = 3;
    QString error;
    QVERIFY2(r.player.perform(produce, &error), qPrintable(error));
    QCOMPARE(r.last().produced, produced + 3);

    ScenarioConsumer third;
    third.id = QStringLiteral("mailer-3");
    third.group = QStringLiteral("mailer");
    third.topics = {QStringLiteral("emails")};
    QVERIFY2(r.player.addConsumer(third, &error), qPrintable(error));
    ScenarioProducer more;
    more.id = QStringLiteral("newsletter");
    more.topic = QStringLiteral("emails");
    more.rate = 2;
    QVERIFY2(r.player.addProducer(more, &error), qPrintable(error));

    // The world goes on: mailer-3 joins the group and the new producer's records are processed.
    r.player.advanceBy(20'000);
    const FlowSnapshot s = r.last();
    QVERIFY(!s.finished);
    QVERIFY(s.rebalances.size() > rebalances);
    QVERIFY(s.produced >= produced + 3 + 40);
    const ScenarioPlayerState state = r.player.state();
    QVERIFY(state.finished && state.continued);
    QVERIFY(state.error.isEmpty());
    for (const ScenarioExpectationResult &result : state.results)
        QVERIFY2(result.passed, qPrintable(result.description));
    // A wrong action after the end is refused as before.
    ScenarioStep bad;
    bad.action = ScenarioAction::CrashConsumer;
    bad.client = QStringLiteral("nobody");
    QVERIFY(!r.player.perform(bad, &error));
    QVERIFY(error.contains(QStringLiteral("nobody")));
}

QTEST_GUILESS_MAIN(TestScenarioStep)
#include "tst_scenariostep.moc"
