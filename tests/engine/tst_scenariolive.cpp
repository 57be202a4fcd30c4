#include "flowsnapshot.h"
#include "scenariotesthelpers.h"
#include "sim/scenario.h"
#include "sim/scenariorunner.h"

#include <QLoggingCategory>
#include <QSet>
#include <QTest>

using namespace topicscope::engine;

// ScenarioRunner played live for the flow view: advancing to an instant (equal to a run to the end), pauses,
// open-ended runs, actions performed now (validated), clients added and removed while running, ownership
// intervals, flow snapshots, record journeys and the assignor comparison. All on virtual time.
class TestScenarioLive : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void advanceToEqualsRunToEnd_data();
    void advanceToEqualsRunToEnd();
    void advanceToStopsAtPause();
    void advanceToNeverPassesTheEnd();
    void openEndedSandboxKeepsRunning();
    void sandboxScenario();
    void crashLeavesOwnershipGap();
    void stallEndsOwnershipOnPollTimeout();
    void invalidPerformIsRefused_data();
    void invalidPerformIsRefused();
    void produceStepRunsNow();
    void addConsumerRebalances();
    void addClientValidation();
    void removeProducerStopsProduction();
    void flowSnapshotDump();
    void movementsAreCapped();
    void journeyOfKeyedRecord();
    void journeyOfDuplicate();
    void journeyErrors();
    void compareAssignors();
    void liveRunIsDeterministic();
    void retentionRunsOnVirtualTime();
    void slowMemberStopsTheEagerWorld();
    void openEndedTimelineIsTrimmed();
};

namespace {

using testing::builtIn;

Scenario load(const QString &path)
{
    return testing::loadScenario(path);
}

Scenario parse(const QByteArray &json)
{
    return testing::parseScenario(json);
}

QString statusName(FlowConsumerStatus status)
{
    switch (status) {
    case FlowConsumerStatus::NotStarted:
        return QStringLiteral("NotStarted");
    case FlowConsumerStatus::Joining:
        return QStringLiteral("Joining");
    case FlowConsumerStatus::Reconciling:
        return QStringLiteral("Reconciling");
    case FlowConsumerStatus::Running:
        return QStringLiteral("Running");
    case FlowConsumerStatus::Stalled:
        return QStringLiteral("Stalled");
    case FlowConsumerStatus::Stopped:
        return QStringLiteral("Stopped");
    case FlowConsumerStatus::Crashed:
        return QStringLiteral("Crashed");
    }
    return {};
}

QString movementName(FlowMovement::Kind kind)
{
    switch (kind) {
    case FlowMovement::Kind::Produced:
        return QStringLiteral("produced");
    case FlowMovement::Kind::Consumed:
        return QStringLiteral("consumed");
    case FlowMovement::Kind::Duplicate:
        return QStringLiteral("duplicate");
    case FlowMovement::Kind::DeserializationFailed:
        return QStringLiteral("deserialization-failed");
    case FlowMovement::Kind::Lost:
        return QStringLiteral("lost");
    case FlowMovement::Kind::Committed:
        return QStringLiteral("committed");
    }
    return {};
}

QString offsets(const QMap<TopicPartition, qint64> &map)
{
    QStringList parts;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        parts << QStringLiteral("%1=%2").arg(it.key().toString()).arg(it.value());
    return QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
}

QString keyText(const std::optional<QString> &key)
{
    return key ? QLatin1Char('"') + *key + QLatin1Char('"') : QStringLiteral("null");
}

// The snapshot as text, one line per part, the log strips as "offset:key".
QString flowDump(const FlowSnapshot &s)
{
    QString out = QStringLiteral("#%1 %2 t=%3 end=%4%5\n")
                      .arg(s.sequence)
                      .arg(s.title)
                      .arg(s.timeMs)
                      .arg(s.endMs)
                      .arg(s.finished ? QStringLiteral(" finished") : QString());
    if (!s.caption.isEmpty())
        out += QStringLiteral("caption: %1\n").arg(s.caption);
    if (!s.question.isEmpty())
        out += QStringLiteral("question: %1 / %2\n").arg(s.question, s.answer);
    for (const FlowTopic &t : s.topics) {
        for (const FlowPartition &p : t.partitions) {
            QStringList cells;
            for (const FlowRecordCell &c : p.tail)
                cells << QStringLiteral("%1:%2:%3@%4").arg(c.offset).arg(keyText(c.key), c.producer).arg(c.timeMs);
            out += QStringLiteral("%1-%2 [%3,%4) %5\n")
                       .arg(t.name)
                       .arg(p.partition)
                       .arg(p.logStartOffset)
                       .arg(p.highWatermark)
                       .arg(cells.join(QLatin1Char(' ')));
        }
    }
    for (const FlowProducer &p : s.producers)
        out += QStringLiteral("producer %1 -> %2 %3, %4, rate %5%6 sent=%7\n")
                   .arg(p.id, p.topic, p.partitioner, p.keyPattern)
                   .arg(p.rate)
                   .arg(p.running ? QStringLiteral(" running") : QString())
                   .arg(p.sent);
    for (const FlowGroup &g : s.groups) {
        QStringList owners;
        for (auto it = g.owners.cbegin(); it != g.owners.cend(); ++it)
            owners << it.key().toString() + QLatin1Char('=') + it.value();
        out += QStringLiteral("group %1 %2 gen=%3 %4 committed=%5 owners=[%6]\n")
                   .arg(g.id, g.state)
                   .arg(g.generation)
                   .arg(g.protocol, offsets(g.committed), owners.join(QLatin1Char(' ')));
    }
    for (const FlowConsumer &c : s.consumers) {
        QStringList assignment;
        for (const TopicPartition &tp : c.assignment)
            assignment << tp.toString();
        out += QStringLiteral("consumer %1 (%2, %3, %4) %5 member=%6 gen=%7 assigned=[%8] positions=%9 inFlight=%10 "
                              "processed=%11 duplicates=%12 lost=%13 deserializationFailures=%14\n")
                   .arg(c.id, c.group, c.assignor, c.commitMode, statusName(c.status), c.memberId)
                   .arg(c.generation)
                   .arg(assignment.join(QLatin1Char(',')), offsets(c.positions))
                   .arg(c.inFlight)
                   .arg(c.processed)
                   .arg(c.duplicates)
                   .arg(c.lost)
                   .arg(c.deserializationFailures);
    }
    for (const FlowMovement &m : s.movements)
        out += QStringLiteral("  %1 %2 %3 %4 %5@%6 key=%7\n")
                   .arg(m.timeMs)
                   .arg(movementName(m.kind), m.client, m.group.isEmpty() ? QStringLiteral("-") : m.group,
                       m.topicPartition.toString())
                   .arg(m.offset)
                   .arg(keyText(m.key));
    out += QStringLiteral("movementsDropped=%1 events=%2 recent=%3 rebalances=%4 ownership=%5 produced=%6 "
                          "processed=%7 duplicates=%8 lost=%9 deserializationFailures=%10\n")
               .arg(s.movementsDropped)
               .arg(s.eventCount)
               .arg(s.recentEvents.size())
               .arg(s.rebalances.size())
               .arg(s.ownership.size())
               .arg(s.produced)
               .arg(s.processed)
               .arg(s.duplicates)
               .arg(s.lost)
               .arg(s.deserializationFailures);
    return out;
}

QString ownershipDump(const QList<ScenarioOwnership> &list, const QString &consumer = {})
{
    QString out;
    for (const ScenarioOwnership &o : list) {
        if (!consumer.isEmpty() && o.consumer != consumer)
            continue;
        out += QStringLiteral("%1 %2 gen %3 [%4, %5) %6\n")
                   .arg(o.consumer, o.topicPartition.toString())
                   .arg(o.generation)
                   .arg(o.fromMs)
                   .arg(o.toMs)
                   .arg(o.endReason);
    }
    return out;
}

QString journeyDump(const RecordJourney &j)
{
    QString out = QStringLiteral("%1@%2 found=%3 error=%4\n")
                      .arg(j.topicPartition.toString())
                      .arg(j.offset)
                      .arg(j.found)
                      .arg(j.error);
    for (const RecordJourney::Step &s : j.steps)
        out += QStringLiteral("  %1 %2\n").arg(s.timeMs).arg(s.what);
    return out;
}

ScenarioStep consumerStep(ScenarioAction action, const QString &consumer)
{
    ScenarioStep s;
    s.action = action;
    s.client = consumer;
    return s;
}

// A small world whose state is easy to follow: two partitions, keys "a" and "b", one consumer committing after
// processing, 100 ms per record.
const char *const Small = R"({
  "format": "topicscope-scenario", "version": 1, "title": "small",
  "topics": [ { "name": "t", "partitions": 2 } ],
  "clients": [
    { "type": "producer", "id": "p", "topic": "t", "value": "v{n}" },
    { "type": "consumer", "id": "c", "group": "g", "topics": ["t"], "autoOffsetReset": "earliest",
      "commit": "afterProcessing", "processingMs": 100 }
  ],
  "steps": [
    { "at": 0, "action": "startConsumer", "consumer": "c" },
    { "at": 0, "action": "caption", "text": "c reads t" },
    { "at": 1000, "action": "produce", "producer": "p", "count": 4, "keys": ["a", "d"] }
  ],
  "expect": [ { "check": "duplicates", "equals": 0 } ]
})";

} // namespace

void TestScenarioLive::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("topicscope.engine.*.debug=false\ntopicscope.engine.*.info=false"));
}

void TestScenarioLive::advanceToEqualsRunToEnd_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("frameMs");
    QTest::addRow("05 join/leave, 33 ms frames") << builtIn("05-rebalance-join-leave.json") << qint64(33);
    QTest::addRow("06 crash duplicates, 250 ms frames") << builtIn("06-autocommit-duplicates.json") << qint64(250);
    QTest::addRow("12 stall, 1 s frames") << builtIn("12-stalled-consumer-poll-timeout.json") << qint64(1000);
    QTest::addRow("13 cooperative, 17 ms frames") << builtIn("13-cooperative-sticky-join.json") << qint64(17);
}

void TestScenarioLive::advanceToEqualsRunToEnd()
{
    QFETCH(QString, file);
    QFETCH(qint64, frameMs);
    ScenarioRunner reference(load(file));
    QVERIFY(reference.runToEnd());

    ScenarioRunner live(load(file));
    qint64 target = 0;
    int pauses = 0;
    int frames = 0;
    while (!live.isFinished()) {
        if (live.advanceTo(target)) {
            ++pauses;
            QCOMPARE(live.timeline().last().kind, ScenarioEvent::Kind::Pause);
            continue; // the next call goes on from the pause
        }
        QVERIFY(live.elapsedMs() <= live.endMs());
        if (!live.isFinished())
            QCOMPARE(live.elapsedMs(), target);
        live.flowSnapshot(); // snapshots must not change the run
        target += frameMs;
        QVERIFY(++frames < 100000);
    }
    QVERIFY(pauses >= 1);
    QCOMPARE(live.elapsedMs(), live.endMs());
    QCOMPARE(live.timelineDump(), reference.timelineDump());
    QCOMPARE(live.report(), reference.report());
    QCOMPARE(ownershipDump(live.ownership()), ownershipDump(reference.ownership()));
    QCOMPARE(live.nextDueMs(), -1);
}

void TestScenarioLive::advanceToStopsAtPause()
{
    // 05: at 5000 ms the pause comes before risk-2 starts (same instant, file order).
    ScenarioRunner runner(load(builtIn("05-rebalance-join-leave.json")));
    QVERIFY(runner.advanceTo(7000));
    QCOMPARE(runner.elapsedMs(), 5000);
    QCOMPARE(runner.timeline().last().kind, ScenarioEvent::Kind::Pause);
    QVERIFY(!runner.timelineDump().contains(QStringLiteral("risk-2 started")));
    FlowSnapshot s = runner.flowSnapshot();
    QCOMPARE(s.question, QStringLiteral("risk-2 joins. How will the four partitions be split?"));
    QCOMPARE(s.answer, QStringLiteral("range gives each member a contiguous range: two partitions each"));
    QCOMPARE(s.caption, QStringLiteral("risk-1 is alone: it owns all four partitions."));
    QCOMPARE(runner.nextDueMs(), 5000); // the rest of the instant
    // Going on runs the rest of that instant first, then on to the target.
    QVERIFY(!runner.advanceTo(7000));
    QCOMPARE(runner.elapsedMs(), 7000);
    QVERIFY(runner.timelineDump().contains(QStringLiteral("risk-2 started")));
    s = runner.flowSnapshot();
    QCOMPARE(s.question, QString());
    QCOMPARE(s.answer, QString());
}

void TestScenarioLive::advanceToNeverPassesTheEnd()
{
    ScenarioRunner runner(load(builtIn("09-offset-reset-new-group.json")));
    const Scenario &s = runner.scenario();
    QVERIFY(!s.steps.isEmpty());
    while (runner.advanceTo(10'000'000)) { }
    QVERIFY(runner.isFinished());
    QCOMPARE(runner.elapsedMs(), runner.endMs());
    QCOMPARE(runner.expectationResults().size(), s.expectations.size()); // evaluated, as runToEnd does
    QVERIFY(!runner.advanceTo(20'000'000));
    QCOMPARE(runner.elapsedMs(), runner.endMs());
    QCOMPARE(runner.nextDueMs(), -1);
    QVERIFY(runner.flowSnapshot().finished);
}

void TestScenarioLive::openEndedSandboxKeepsRunning()
{
    ScenarioRunner runner(Scenario::sandbox());
    runner.setOpenEnded(true);
    QVERIFY(runner.isOpenEnded());
    QVERIFY(!runner.advanceTo(60000)); // far past settleMs (20 s)
    QVERIFY(!runner.isFinished());
    QCOMPARE(runner.elapsedMs(), 60000);
    QVERIFY(runner.nextDueMs() >= 60000);
    QVERIFY(runner.nextDueMs() <= 60100); // the next poll tick at the latest
    // 4 records per second from 0 ms: 0, 250, ..., 60000.
    QCOMPARE(runner.produced(), 241);
    QVERIFY(runner.processed() > 200);
    const FlowSnapshot s = runner.flowSnapshot();
    QCOMPARE(s.endMs, -1);
    QVERIFY(!s.finished);
    QCOMPARE(s.produced, 241);
    QVERIFY(runner.step()); // step() does not end an open-ended run either
    QVERIFY(!runner.isFinished());
    // No pause ahead: nothing to run to (instead of running forever).
    const qint64 at = runner.elapsedMs();
    QVERIFY(!runner.runToNextPause());
    QCOMPARE(runner.elapsedMs(), at);
    QVERIFY(!runner.isFinished());

    // Switched off, the run ends at once (never earlier than now).
    runner.setOpenEnded(false);
    while (runner.step()) { }
    QVERIFY(runner.isFinished());
    QVERIFY(runner.elapsedMs() >= 60000);
    QCOMPARE(runner.elapsedMs(), runner.endMs());

    // runToEnd() on an open-ended run ends it (at its planned end here: 20 s after the last step).
    ScenarioRunner other(Scenario::sandbox());
    other.setOpenEnded(true);
    other.advanceTo(1000);
    other.runToEnd();
    QVERIFY(other.isFinished());
    QCOMPARE(other.elapsedMs(), 20000);
}

void TestScenarioLive::sandboxScenario()
{
    const Scenario s = Scenario::sandbox();
    QCOMPARE(s.title, QStringLiteral("Sandbox"));
    QVERIFY(!s.description.isEmpty());
    QCOMPARE(s.topics.size(), 1);
    QCOMPARE(s.topics.first().name, QStringLiteral("orders"));
    QCOMPARE(s.topics.first().partitions, 6);
    QCOMPARE(s.producers.size(), 1);
    QCOMPARE(s.producers.first().id, QStringLiteral("web"));
    QCOMPARE(s.producers.first().rate, 4.0);
    QCOMPARE(s.producers.first().keys.size(), 6);
    QCOMPARE(s.consumers.size(), 2);
    for (const ScenarioConsumer &c : s.consumers) {
        QCOMPARE(c.group, std::optional<QString>(QStringLiteral("billing")));
        QCOMPARE(c.assignor, QStringLiteral("range"));
        QCOMPARE(c.commit, ScenarioCommitMode::Auto);
        QCOMPARE(c.autoCommitIntervalMs, 5000);
        QCOMPARE(c.autoOffsetReset, OffsetResetPolicy::Earliest);
        QCOMPARE(c.processingMs, 50);
    }
    QCOMPARE(s.steps.size(), 2);
    QVERIFY(s.steps.at(0).action == ScenarioAction::StartConsumer && s.steps.at(0).atMs == 0);
    QCOMPARE(s.steps.at(1).client, QStringLiteral("billing-2"));

    ScenarioRunner runner(s);
    runner.advanceTo(3000);
    QCOMPARE(runner.rebalances().size(), 1);
    const QString orders = QStringLiteral("orders");
    QCOMPARE(runner.rebalances().first().assignment.value(QStringLiteral("billing-1")),
        QList<TopicPartition>({{orders, 0}, {orders, 1}, {orders, 2}}));
    QCOMPARE(runner.rebalances().first().assignment.value(QStringLiteral("billing-2")),
        QList<TopicPartition>({{orders, 3}, {orders, 4}, {orders, 5}}));
}

void TestScenarioLive::crashLeavesOwnershipGap()
{
    ScenarioRunner runner(Scenario::sandbox());
    runner.setOpenEnded(true);
    runner.advanceTo(10000);
    QCOMPARE(ownershipDump(runner.ownership()),
        QStringLiteral("billing-1 orders-0 gen 1 [0, -1) \n"
                       "billing-1 orders-1 gen 1 [0, -1) \n"
                       "billing-1 orders-2 gen 1 [0, -1) \n"
                       "billing-2 orders-3 gen 1 [0, -1) \n"
                       "billing-2 orders-4 gen 1 [0, -1) \n"
                       "billing-2 orders-5 gen 1 [0, -1) \n"));
    QString error;
    QVERIFY2(runner.perform(consumerStep(ScenarioAction::CrashConsumer, QStringLiteral("billing-1")), &error),
        qPrintable(error));
    QCOMPARE(runner.flowSnapshot().consumers.first().status, FlowConsumerStatus::Crashed);
    // Session timeout 10 s: the coordinator drops billing-1, billing-2 learns of the rebalance by its next heartbeat
    // and rejoins. Nobody processes orders-0..2 from the crash until then.
    runner.advanceTo(30000);
    QCOMPARE(ownershipDump(runner.ownership()),
        QStringLiteral("billing-1 orders-0 gen 1 [0, 10000) crashed\n"
                       "billing-1 orders-1 gen 1 [0, 10000) crashed\n"
                       "billing-1 orders-2 gen 1 [0, 10000) crashed\n"
                       "billing-2 orders-3 gen 1 [0, 21000) revoked\n"
                       "billing-2 orders-4 gen 1 [0, 21000) revoked\n"
                       "billing-2 orders-5 gen 1 [0, 21000) revoked\n"
                       "billing-2 orders-0 gen 2 [21000, -1) \n"
                       "billing-2 orders-1 gen 2 [21000, -1) \n"
                       "billing-2 orders-2 gen 2 [21000, -1) \n"
                       "billing-2 orders-3 gen 2 [21000, -1) \n"
                       "billing-2 orders-4 gen 2 [21000, -1) \n"
                       "billing-2 orders-5 gen 2 [21000, -1) \n"));
    const ScenarioRebalance &r = runner.rebalances().last();
    QCOMPARE(r.generation, 2);
    QVERIFY2(r.cause.contains(QStringLiteral("session")), qPrintable(r.cause));
    const FlowSnapshot s = runner.flowSnapshot();
    QCOMPARE(s.groups.first().owners.size(), 6);
    QCOMPARE(s.groups.first().owners.value({QStringLiteral("orders"), 0}), QStringLiteral("billing-2"));
}

void TestScenarioLive::stallEndsOwnershipOnPollTimeout()
{
    // 12: c1 stalls at 3 s with max.poll.interval.ms 5 s.
    ScenarioRunner runner(load(builtIn("12-stalled-consumer-poll-timeout.json")));
    runner.runToEnd();
    QString stalled;
    for (const ScenarioOwnership &o : runner.ownership()) {
        if (o.endReason == QStringLiteral("poll timeout"))
            stalled += QStringLiteral("%1 %2 [%3, %4)\n")
                           .arg(o.consumer, o.topicPartition.toString())
                           .arg(o.fromMs)
                           .arg(o.toMs);
    }
    QVERIFY2(!stalled.isEmpty(), qPrintable(ownershipDump(runner.ownership())));
    for (const ScenarioOwnership &o : runner.ownership()) {
        if (o.endReason == QStringLiteral("poll timeout")) {
            // It left the group itself: exactly when the coordinator's rebalance for generation 2 started.
            QCOMPARE(o.toMs, runner.rebalances().at(1).timeMs - runner.rebalances().at(1).durationMs);
        }
    }
}

void TestScenarioLive::invalidPerformIsRefused_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<int>("partition"); // -1: none
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("resetTo");
    QTest::addColumn<QString>("error");
    QTest::addRow("unknown consumer") << int(ScenarioAction::CrashConsumer) << "nobody"
                                      << "" << -1 << 1 << ""
                                      << "crashConsumer: unknown consumer \"nobody\"";
    QTest::addRow("a producer is not a consumer") << int(ScenarioAction::StartConsumer) << "web"
                                                  << "" << -1 << 1 << ""
                                                  << "startConsumer: \"web\" is a producer, not a consumer";
    QTest::addRow("a consumer is not a producer") << int(ScenarioAction::Produce) << "billing-1"
                                                  << "" << -1 << 1 << ""
                                                  << "produce: \"billing-1\" is a consumer, not a producer";
    QTest::addRow("partition out of range") << int(ScenarioAction::Produce) << "web"
                                            << "orders" << 6 << 1 << ""
                                            << "produce: partition 6 is out of range: orders has 6 partition(s) (0..5)";
    QTest::addRow("unknown topic") << int(ScenarioAction::Produce) << "web"
                                   << "payments" << -1 << 1 << ""
                                   << "produce: unknown topic \"payments\"";
    QTest::addRow("count 0") << int(ScenarioAction::Produce) << "web"
                             << "" << -1 << 0 << ""
                             << "produce: count 0 is out of range [1, 100000]";
    QTest::addRow("delete: partition out of range")
        << int(ScenarioAction::DeleteRecordsBefore) << ""
        << "orders" << 9 << 1 << ""
        << "deleteRecordsBefore: partition 9 is out of range: orders has 6 partition(s) (0..5)";
    QTest::addRow("reset to nonsense") << int(ScenarioAction::ResetOffsets) << ""
                                       << "orders" << -1 << 1 << "soon"
                                       << "resetOffsets: \"soon\" is not \"earliest\", \"latest\" or an offset";
    QTest::addRow("addPartitions without topic") << int(ScenarioAction::AddPartitions) << ""
                                                 << "" << -1 << 8 << ""
                                                 << "addPartitions: a topic is required";
    QTest::addRow("empty caption") << int(ScenarioAction::Caption) << ""
                                   << "" << -1 << 1 << ""
                                   << "caption: a text is required";
}

void TestScenarioLive::invalidPerformIsRefused()
{
    QFETCH(int, action);
    QFETCH(QString, client);
    QFETCH(QString, topic);
    QFETCH(int, partition);
    QFETCH(int, count);
    QFETCH(QString, resetTo);
    QFETCH(QString, error);
    ScenarioRunner runner(Scenario::sandbox());
    runner.setOpenEnded(true);
    runner.advanceTo(2000);
    const QString before = runner.timelineDump();
    ScenarioStep step;
    step.action = ScenarioAction(action);
    step.client = client;
    step.topic = topic;
    if (partition >= 0)
        step.partition = partition;
    step.count = count;
    step.group = QStringLiteral("billing");
    step.resetTo = resetTo;
    QString why;
    QVERIFY(!runner.perform(step, &why));
    QCOMPARE(why, error);
    QCOMPARE(runner.timelineDump(), before); // nothing happened
    QCOMPARE(runner.elapsedMs(), 2000);
}

void TestScenarioLive::produceStepRunsNow()
{
    ScenarioRunner runner(parse(Small));
    runner.advanceTo(5000);
    ScenarioStep step;
    step.action = ScenarioAction::Produce;
    step.client = QStringLiteral("p");
    step.count = 3;
    step.intervalMs = 500;
    step.keys = {QStringLiteral("z")};
    step.atMs = 123; // ignored: a live step runs now
    QString error;
    QVERIFY2(runner.perform(step, &error), qPrintable(error));
    // Scheduled as a file's step with an interval: the first is due now, the others every 500 ms.
    QCOMPARE(runner.nextDueMs(), 5000);
    runner.advanceTo(6000);
    QCOMPARE(runner.produced(), 7);
    QList<qint64> times;
    for (const ScenarioEvent &e : runner.timeline()) {
        if (e.kind == ScenarioEvent::Kind::Produced && e.timeMs >= 5000)
            times << e.timeMs;
    }
    QCOMPARE(times, QList<qint64>({5000, 5500, 6000}));
}

void TestScenarioLive::addConsumerRebalances()
{
    ScenarioRunner runner(Scenario::sandbox());
    runner.setOpenEnded(true);
    runner.advanceTo(5000);
    ScenarioConsumer c = runner.scenario().consumers.first();
    c.id = runner.unusedClientId(QStringLiteral("billing"));
    QCOMPARE(c.id, QStringLiteral("billing-3"));
    QString error;
    QVERIFY2(runner.addConsumer(c, &error), qPrintable(error));
    QCOMPARE(runner.unusedClientId(QStringLiteral("billing")), QStringLiteral("billing-4"));
    QCOMPARE(runner.flowSnapshot().consumers.last().status, FlowConsumerStatus::NotStarted);
    QVERIFY2(runner.perform(consumerStep(ScenarioAction::StartConsumer, c.id), &error), qPrintable(error));
    QCOMPARE(runner.flowSnapshot().consumers.last().status, FlowConsumerStatus::Joining);
    runner.advanceTo(9000);
    QCOMPARE(runner.rebalances().size(), 2);
    const ScenarioRebalance &r = runner.rebalances().last();
    QCOMPARE(r.generation, 2);
    QStringList parts;
    for (auto it = r.assignment.cbegin(); it != r.assignment.cend(); ++it)
        parts << it.key() + QStringLiteral("=[") + ScenarioRebalance::names(it.value()).join(QLatin1Char(','))
                + QLatin1Char(']');
    QCOMPARE(parts.join(QLatin1Char(' ')),
        QStringLiteral("billing-1=[orders-0,orders-1] billing-2=[orders-2,orders-3] billing-3=[orders-4,orders-5]"));
    const FlowSnapshot s = runner.flowSnapshot();
    QCOMPARE(s.consumers.size(), 3);
    QCOMPARE(s.consumers.last().status, FlowConsumerStatus::Running);
    QCOMPARE(s.consumers.last().assignment,
        QList<TopicPartition>({{QStringLiteral("orders"), 4}, {QStringLiteral("orders"), 5}}));
    QVERIFY(s.consumers.last().processed > 0);
    // Eager: billing-2 gave up orders-3..5 and got orders-2..3 back, in generation 2.
    QCOMPARE(ownershipDump(runner.ownership(), QStringLiteral("billing-3")),
        QStringLiteral("billing-3 orders-4 gen 2 [%1, -1) \nbilling-3 orders-5 gen 2 [%1, -1) \n").arg(r.timeMs));
}

void TestScenarioLive::addClientValidation()
{
    ScenarioRunner runner(Scenario::sandbox());
    runner.advanceTo(1000);
    QString error;
    ScenarioConsumer c = runner.scenario().consumers.first();
    QVERIFY(!runner.addConsumer(c, &error));
    QCOMPARE(error, QStringLiteral("client id \"billing-1\" is taken"));
    c.id = QStringLiteral("x");
    c.topics = {QStringLiteral("payments")};
    QVERIFY(!runner.addConsumer(c, &error));
    QCOMPARE(error, QStringLiteral("consumer x: unknown topic \"payments\""));
    c.topics = {QStringLiteral("orders")};
    c.assignor = QStringLiteral("fair");
    QVERIFY(!runner.addConsumer(c, &error));
    QVERIFY2(error.startsWith(QStringLiteral("consumer x: unknown assignor \"fair\"")), qPrintable(error));
    ScenarioProducer p = runner.scenario().producers.first();
    QVERIFY(!runner.addProducer(p, &error));
    QCOMPARE(error, QStringLiteral("client id \"web\" is taken"));
    QCOMPARE(runner.scenario().consumers.size(), 2);
    QCOMPARE(runner.scenario().producers.size(), 1);

    // A valid producer with a rate starts at once.
    p.id = runner.unusedClientId(QStringLiteral("producer"));
    QCOMPARE(p.id, QStringLiteral("producer-1"));
    p.rate = 10;
    p.keys = {QStringLiteral("k")};
    QVERIFY2(runner.addProducer(p, &error), qPrintable(error));
    runner.advanceTo(2000);
    QCOMPARE(runner.produced(QStringLiteral("producer-1")), 11); // 1000, 1100, ..., 2000
    const FlowSnapshot s = runner.flowSnapshot();
    QCOMPARE(s.producers.size(), 2);
    QCOMPARE(s.producers.last().keyPattern, QStringLiteral("fixed key \"k\""));
    QVERIFY(s.producers.last().running);
}

void TestScenarioLive::removeProducerStopsProduction()
{
    ScenarioRunner runner(Scenario::sandbox());
    runner.setOpenEnded(true);
    runner.advanceTo(5000);
    QCOMPARE(runner.produced(QStringLiteral("web")), 21);
    QString error;
    QVERIFY2(runner.removeProducer(QStringLiteral("web"), &error), qPrintable(error));
    runner.advanceTo(15000);
    QCOMPARE(runner.produced(QStringLiteral("web")), 21);
    QCOMPARE(runner.flowSnapshot().producers.size(), 0);
    QCOMPARE(runner.flowSnapshot().topics.first().partitions.first().highWatermark > 0, true); // records stay
    QVERIFY(!runner.removeProducer(QStringLiteral("web"), &error));
    QCOMPARE(error, QStringLiteral("unknown producer \"web\""));
    ScenarioStep step;
    step.action = ScenarioAction::StartProducer;
    step.client = QStringLiteral("web");
    QVERIFY(!runner.perform(step, &error));
    QCOMPARE(error, QStringLiteral("startProducer: unknown producer \"web\""));
    QCOMPARE(runner.unusedClientId(QStringLiteral("web")), QStringLiteral("web-1"));
}

void TestScenarioLive::flowSnapshotDump()
{
    ScenarioRunner runner(parse(Small));
    runner.advanceTo(1150);
    // At 1000 ms: a, d, a, d ("a" -> t-0, "d" -> t-1). c polls all four at 1000 ms (starting at t-1 this time),
    // processes one per 100 ms and commits once its batch is done.
    QCOMPARE(flowDump(runner.flowSnapshot()),
        QStringLiteral("#1 small t=1150 end=21000\n"
                       "caption: c reads t\n"
                       "t-0 [0,2) 0:\"a\":p@1000 1:\"a\":p@1000\n"
                       "t-1 [0,2) 0:\"d\":p@1000 1:\"d\":p@1000\n"
                       "producer p -> t built-in, no key, rate 0 sent=4\n"
                       "group g Stable gen=1 range committed=[] owners=[t-0=c t-1=c]\n"
                       "consumer c (g, range, afterProcessing) Running member=c-1 gen=1 assigned=[t-0,t-1] "
                       "positions=[t-0=2 t-1=2] inFlight=3 processed=1 duplicates=0 lost=0 "
                       "deserializationFailures=0\n"
                       "  1000 produced p - t-0@0 key=\"a\"\n"
                       "  1000 produced p - t-0@1 key=\"a\"\n"
                       "  1000 produced p - t-1@0 key=\"d\"\n"
                       "  1000 produced p - t-1@1 key=\"d\"\n"
                       "  1100 consumed c g t-1@0 key=\"d\"\n"
                       "movementsDropped=0 events=13 recent=13 rebalances=1 ownership=2 produced=4 processed=1 "
                       "duplicates=0 lost=0 deserializationFailures=0\n"));
    runner.advanceTo(1600);
    // Only what moved since the previous snapshot; the commit is one movement per partition.
    QCOMPARE(flowDump(runner.flowSnapshot()),
        QStringLiteral("#2 small t=1600 end=21000\n"
                       "caption: c reads t\n"
                       "t-0 [0,2) 0:\"a\":p@1000 1:\"a\":p@1000\n"
                       "t-1 [0,2) 0:\"d\":p@1000 1:\"d\":p@1000\n"
                       "producer p -> t built-in, no key, rate 0 sent=4\n"
                       "group g Stable gen=1 range committed=[t-0=2 t-1=2] owners=[t-0=c t-1=c]\n"
                       "consumer c (g, range, afterProcessing) Running member=c-1 gen=1 assigned=[t-0,t-1] "
                       "positions=[t-0=2 t-1=2] inFlight=0 processed=4 duplicates=0 lost=0 "
                       "deserializationFailures=0\n"
                       "  1200 consumed c g t-1@1 key=\"d\"\n"
                       "  1300 consumed c g t-0@0 key=\"a\"\n"
                       "  1400 consumed c g t-0@1 key=\"a\"\n"
                       "  1400 committed c g t-0@2 key=null\n"
                       "  1400 committed c g t-1@2 key=null\n"
                       "movementsDropped=0 events=18 recent=18 rebalances=1 ownership=2 produced=4 processed=4 "
                       "duplicates=0 lost=0 deserializationFailures=0\n"));
    const FlowSnapshot third = runner.flowSnapshot();
    QCOMPARE(third.sequence, 3);
    QVERIFY(third.movements.isEmpty());
}

void TestScenarioLive::movementsAreCapped()
{
    ScenarioRunner runner(parse(Small));
    runner.advanceTo(2000);
    ScenarioStep step;
    step.action = ScenarioAction::Produce;
    step.client = QStringLiteral("p");
    step.count = FlowSnapshot::MaxMovements + 500;
    QString error;
    QVERIFY2(runner.perform(step, &error), qPrintable(error));
    const FlowSnapshot s = runner.flowSnapshot();
    QCOMPARE(s.movements.size(), FlowSnapshot::MaxMovements);
    QVERIFY(s.movementsDropped > 500); // the 4 records, their processing and commits before, the first 500 here
    // The newest kept: the last record sent (null keys, so the sticky partitioner chose its partition).
    const ScenarioEvent &newest = runner.timeline().last();
    QCOMPARE(newest.kind, ScenarioEvent::Kind::Produced);
    QCOMPARE(s.movements.last().kind, FlowMovement::Kind::Produced);
    QCOMPARE(s.movements.last().topicPartition, newest.topicPartition);
    QCOMPARE(s.movements.last().offset, newest.offset);
    QCOMPARE(s.recentEvents.size(), FlowSnapshot::MaxRecentEvents);
    QCOMPARE(s.recentEvents.last().text, runner.timeline().last().text);
    for (const FlowPartition &p : s.topics.first().partitions) {
        if (p.highWatermark < FlowSnapshot::MaxCellsPerPartition)
            continue;
        QCOMPARE(p.tail.size(), FlowSnapshot::MaxCellsPerPartition);
        QCOMPARE(p.tail.last().offset, p.highWatermark - 1);
        QCOMPARE(p.tail.first().offset, p.highWatermark - FlowSnapshot::MaxCellsPerPartition);
    }
}

void TestScenarioLive::journeyOfKeyedRecord()
{
    ScenarioRunner runner(parse(Small));
    runner.advanceTo(3000);
    const RecordJourney j = runner.journey({QStringLiteral("t"), 0}, 1);
    QVERIFY2(j.found, qPrintable(j.error));
    QCOMPARE(j.keyBytes, std::optional<QByteArray>("a"));
    QCOMPARE(j.valueBytes, std::optional<QByteArray>("v2"));
    QCOMPARE(j.keyText, QStringLiteral("a"));
    QCOMPARE(j.valueText, QStringLiteral("v2"));
    QCOMPARE(j.timestamp, 1'700'000'001'000);
    QCOMPARE(j.producer, QStringLiteral("p"));
    QCOMPARE(j.producedAtMs, 1000);
    QVERIFY2(j.partitionDecision.startsWith(QStringLiteral("murmur2(\"a\")")), qPrintable(j.partitionDecision));
    QVERIFY2(j.partitionDecision.endsWith(QStringLiteral("% 2 = 0")), qPrintable(j.partitionDecision));
    QCOMPARE(journeyDump(j),
        QStringLiteral("t-0@1 found=1 error=\n"
                       "  1000 produced by p to t-0 at offset 1 (%1)\n"
                       "  1000 polled by c (gen 1)\n"
                       "  1400 processed by c (gen 1)\n"
                       "  1400 committed by group g (offset 2, by c)\n")
            .arg(j.partitionDecision));
}

void TestScenarioLive::journeyOfDuplicate()
{
    ScenarioRunner runner(load(builtIn("06-autocommit-duplicates.json")));
    runner.runToEnd();
    const auto it = std::find_if(runner.timeline().cbegin(), runner.timeline().cend(),
        [](const ScenarioEvent &e) { return e.kind == ScenarioEvent::Kind::Duplicate; });
    QVERIFY(it != runner.timeline().cend());
    const RecordJourney j = runner.journey(it->topicPartition, it->offset);
    QVERIFY2(j.found, qPrintable(j.error));
    const QString dump = journeyDump(j);
    QVERIFY2(dump.contains(QStringLiteral("processed by mailer-1 (gen")), qPrintable(dump));
    QVERIFY2(dump.contains(QStringLiteral("processed AGAIN by mailer-2 (gen")), qPrintable(dump));
    QVERIFY2(dump.contains(QStringLiteral("duplicate, the 2nd time in group mailer")), qPrintable(dump));
    QVERIFY2(dump.contains(QStringLiteral("committed by group mailer")), qPrintable(dump));
    // Steps in time order.
    for (qsizetype i = 1; i < j.steps.size(); ++i)
        QVERIFY(j.steps.at(i - 1).timeMs <= j.steps.at(i).timeMs);
}

void TestScenarioLive::journeyErrors()
{
    ScenarioRunner runner(parse(Small));
    runner.advanceTo(3000);
    RecordJourney j = runner.journey({QStringLiteral("t"), 7}, 0);
    QVERIFY(!j.found);
    QCOMPARE(j.error, QStringLiteral("unknown partition t-7"));
    j = runner.journey({QStringLiteral("t"), 0}, 2);
    QVERIFY(!j.found);
    QCOMPARE(j.error, QStringLiteral("offset 2 is outside t-0's log [0, 2)"));
    QVERIFY(j.steps.isEmpty());

    ScenarioStep del;
    del.action = ScenarioAction::DeleteRecordsBefore;
    del.topic = QStringLiteral("t");
    del.partition = 0;
    del.offset = 1;
    QString error;
    QVERIFY2(runner.perform(del, &error), qPrintable(error));
    j = runner.journey({QStringLiteral("t"), 0}, 0);
    QVERIFY(!j.found);
    QCOMPARE(j.error, QStringLiteral("offset 0 of t-0 was deleted: the log starts at 1"));
    QVERIFY2(journeyDump(j).contains(QStringLiteral("3000 deleted by DeleteRecords: logStartOffset moved to 1")),
        qPrintable(journeyDump(j)));
    QVERIFY2(journeyDump(j).contains(QStringLiteral("processed by c (gen 1)")), qPrintable(journeyDump(j)));
}

void TestScenarioLive::compareAssignors()
{
    const AssignorComparison c = ScenarioRunner::compareAssignors(load(builtIn("05-rebalance-join-leave.json")));
    QCOMPARE(c.error, QString());
    QCOMPARE(c.title, QStringLiteral("Rebalancing on join and leave"));
    QCOMPARE(c.runs.size(), 5);
    QStringList names;
    for (const AssignorRun &r : c.runs)
        names << r.assignor + QLatin1Char('/') + r.groupProtocol;
    QCOMPARE(names,
        QStringList(
            {QStringLiteral("range/classic"), QStringLiteral("roundrobin/classic"), QStringLiteral("sticky/classic"),
                QStringLiteral("cooperative-sticky/classic"), QStringLiteral("uniform/consumer")}));
    QString summary;
    for (const AssignorRun &r : c.runs)
        summary += QStringLiteral("%1: rebalances=%2 moved=%3 gap=%4 duplicates=%5 end=%6\n")
                       .arg(r.assignor)
                       .arg(r.rebalances.size())
                       .arg(r.partitionsMoved)
                       .arg(r.processingGapMs)
                       .arg(r.duplicates)
                       .arg(r.endMs);
    const AssignorRun &cooperative = c.runs.at(3);
    const AssignorRun &consumerProtocol = c.runs.last();
    // The partitions risk-1 gave up by the end of generation 2 (risk-2's join).
    auto revokedAtJoin = [](const AssignorRun &r) {
        const auto gen2 = std::find_if(
            r.rebalances.cbegin(), r.rebalances.cend(), [](const ScenarioRebalance &rb) { return rb.generation == 2; });
        QSet<int> out;
        for (const ScenarioOwnership &o : r.ownership) {
            if (gen2 != r.rebalances.cend() && o.consumer == QStringLiteral("risk-1") && o.generation == 1
                && o.endReason == QStringLiteral("revoked") && o.toMs <= gen2->timeMs)
                out.insert(o.topicPartition.partition);
        }
        return out;
    };
    for (const AssignorRun &r : c.runs) {
        QVERIFY2(r.endMs == 30000, qPrintable(summary));
        if (&r == &cooperative || &r == &consumerProtocol)
            continue;
        QVERIFY2(r.processingGapMs > 0, qPrintable(summary));
        QVERIFY2(cooperative.partitionsMoved <= r.partitionsMoved, qPrintable(summary));
        // Eager: at risk-2's join (generation 2) risk-1 gives up every partition, even those it keeps.
        QCOMPARE(revokedAtJoin(r), QSet<int>({0, 1, 2, 3}));
    }
    // Cooperative: risk-1 keeps what it keeps; only the partitions that move are revoked.
    QCOMPARE(revokedAtJoin(cooperative), QSet<int>({2, 3}));
    // trades-0 stays with risk-1 from the first assignment to the end: no gap at all.
    int trades0 = 0;
    for (const ScenarioOwnership &o : cooperative.ownership) {
        if (o.topicPartition.partition == 0) {
            ++trades0;
            QCOMPARE(o.consumer, QStringLiteral("risk-1"));
            QCOMPARE(o.toMs, -1);
        }
    }
    QCOMPARE(trades0, 1);
    QVERIFY2(cooperative.rebalances.size() > c.runs.first().rebalances.size(), qPrintable(summary));
    // Kafka 4's consumer protocol plays the same script: incremental like cooperative-sticky (risk-1 gives up only
    // what moves, at its own heartbeat and poll), one row per group epoch, every row a consumer-protocol one.
    QVERIFY2(consumerProtocol.processingGapMs > 0, qPrintable(summary));
    QVERIFY2(consumerProtocol.partitionsMoved <= c.runs.first().partitionsMoved, qPrintable(summary));
    QVERIFY(!consumerProtocol.rebalances.isEmpty());
    for (const ScenarioRebalance &rb : consumerProtocol.rebalances)
        QCOMPARE(rb.groupType, QStringLiteral("consumer"));
    QVERIFY(!revokedAtJoin(consumerProtocol).contains(0));

    // A scenario that cannot start says why.
    Scenario broken = load(builtIn("05-rebalance-join-leave.json"));
    broken.topics.first().name = QStringLiteral("bad name!");
    const AssignorComparison failed = ScenarioRunner::compareAssignors(broken);
    QVERIFY(!failed.error.isEmpty());
    QVERIFY(failed.runs.isEmpty());
}

void TestScenarioLive::liveRunIsDeterministic()
{
    // The same live session twice gives the same snapshots: virtual time only, no wall clock anywhere.
    auto play = []() -> QString {
        ScenarioRunner runner(Scenario::sandbox());
        runner.setOpenEnded(true);
        QString dumps;
        QString error;
        for (qint64 t = 0; t <= 40000; t += 1000) {
            if (t == 8000)
                runner.perform(consumerStep(ScenarioAction::CrashConsumer, QStringLiteral("billing-2")), &error);
            if (t == 12000)
                runner.perform(consumerStep(ScenarioAction::StallConsumer, QStringLiteral("billing-1")), &error);
            if (t == 30000)
                runner.perform(consumerStep(ScenarioAction::StartConsumer, QStringLiteral("billing-2")), &error);
            runner.advanceTo(t);
            const FlowSnapshot s = runner.flowSnapshot();
            if (s.timeMs != runner.elapsedMs())
                return QStringLiteral("snapshot time %1 != virtual time %2").arg(s.timeMs).arg(runner.elapsedMs());
            dumps += flowDump(s);
        }
        return dumps + ownershipDump(runner.ownership());
    };
    const QString first = play();
    QVERIFY(first.contains(QStringLiteral("Stalled")));
    QVERIFY(first.contains(QStringLiteral("Crashed")));
    QCOMPARE(play(), first);
}

void TestScenarioLive::slowMemberStopsTheEagerWorld()
{
    // Built-in 14: a slow member makes eager members wait with nothing assigned; cooperative members keep the
    // partitions that do not move. The ownership intervals of the two groups show it.
    ScenarioRunner runner(load(builtIn("14-eager-stop-the-world.json")));
    QVERIFY(runner.runToEnd());
    QMap<QString, qint64> gapAtJoin; // group -> ms nobody owned a partition, over all partitions, after 8 s
    QMap<QString, QSet<QString>> paused; // group -> partitions that had a gap after 8 s
    QMap<std::pair<QString, QString>, qint64> lastEnd;
    for (const ScenarioOwnership &o : runner.ownership()) {
        const std::pair key {o.group, o.topicPartition.toString()};
        if (lastEnd.contains(key) && o.fromMs > lastEnd.value(key) && o.fromMs > 8000) {
            gapAtJoin[o.group] += o.fromMs - lastEnd.value(key);
            paused[o.group] << key.second;
        }
        lastEnd[key] = o.toMs < 0 ? runner.elapsedMs() : o.toMs;
    }
    // eager-1 and eager-2 revoke their four partitions at their next poll and wait ~3 s for eager-slow.
    QCOMPARE(paused.value(QStringLiteral("eager")).size(), 4);
    QVERIFY2(gapAtJoin.value(QStringLiteral("eager")) >= 4 * 3000,
        qPrintable(QString::number(gapAtJoin.value(QStringLiteral("eager")))));
    // Cooperative: only the one partition that moves to coop-4 stops.
    QCOMPARE(paused.value(QStringLiteral("cooperative")), QSet<QString> {QStringLiteral("rides-4")});
    QVERIFY(gapAtJoin.value(QStringLiteral("cooperative")) < gapAtJoin.value(QStringLiteral("eager")));
}

void TestScenarioLive::retentionRunsOnVirtualTime()
{
    // Four records a second into a topic that keeps one minute: after three minutes the log starts near the
    // two-minute mark, and the deletions are in the timeline.
    Scenario s = parse(R"({ "format": "topicscope-scenario", "version": 1, "title": "retention",
        "topics": [ { "name": "t", "partitions": 1, "retentionMs": 60000 } ],
        "clients": [ { "type": "producer", "id": "p", "topic": "t", "rate": 4, "keys": ["k"] } ],
        "steps": [], "settings": { "durationMs": 180000 } })");
    ScenarioRunner runner(s);
    runner.runToEnd();
    const FlowSnapshot snapshot = runner.flowSnapshot();
    QCOMPARE(snapshot.topics.size(), 1);
    const FlowPartition &p = snapshot.topics.first().partitions.first();
    QCOMPARE(p.highWatermark, qint64(runner.produced()));
    // Records younger than a minute stay (about 240 of them); retention removes whole batches only.
    QVERIFY2(p.logStartOffset > 400 && p.logStartOffset <= p.highWatermark - 230,
        qPrintable(QStringLiteral("logStart %1 HW %2").arg(p.logStartOffset).arg(p.highWatermark)));
    QVERIFY(std::any_of(runner.timeline().cbegin(), runner.timeline().cend(),
        [](const ScenarioEvent &e) { return e.kind == ScenarioEvent::Kind::RecordsDeleted; }));
}

void TestScenarioLive::openEndedTimelineIsTrimmed()
{
    Scenario s = parse(R"({ "format": "topicscope-scenario", "version": 1, "title": "long run",
        "topics": [ { "name": "t", "partitions": 2 } ],
        "clients": [ { "type": "producer", "id": "p", "topic": "t", "rate": 1000, "keys": ["a", "b"] },
                     { "type": "consumer", "id": "c", "group": "g", "topics": ["t"], "autoOffsetReset": "earliest" } ],
        "steps": [ { "at": 0, "action": "startConsumer", "consumer": "c" } ] })");
    ScenarioRunner runner(s);
    runner.setOpenEnded(true);
    int lastCount = 0;
    for (qint64 t = 10'000; t <= 150'000; t += 10'000) {
        runner.advanceTo(t);
        const FlowSnapshot snapshot = runner.flowSnapshot();
        QVERIFY(snapshot.eventCount > lastCount);
        lastCount = snapshot.eventCount;
        QVERIFY(runner.timeline().size() <= 200'000);
    }
    // 150 virtual seconds at 1000 records/s: far more events than are kept, and the counters still exact.
    QVERIFY(lastCount > 300'000);
    QVERIFY(runner.timeline().size() < lastCount);
    QVERIFY(runner.produced() >= 149'000);
    QCOMPARE(runner.produced(QStringLiteral("p")), runner.produced());
    QVERIFY(runner.processed(QStringLiteral("g")) >= runner.produced() - 1000);
    QCOMPARE(runner.processed(QStringLiteral("g"), QStringLiteral("c")), runner.processed(QStringLiteral("g")));
    QCOMPARE(runner.processed(QStringLiteral("other"), QStringLiteral("c")), 0);
    QCOMPARE(runner.duplicates(), 0);
    // The journey of a record from before the kept window says so.
    const RecordJourney j = runner.journey(TopicPartition {QStringLiteral("t"), 0}, 5);
    QVERIFY(j.found);
    QVERIFY(!j.steps.isEmpty());
    QVERIFY2(j.steps.first().what.contains(QStringLiteral("no longer known")), qPrintable(j.steps.first().what));
}

QTEST_GUILESS_MAIN(TestScenarioLive)
#include "tst_scenariolive.moc"
