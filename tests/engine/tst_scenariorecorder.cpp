// ScenarioRecorder on a bare Broker (no scenario, no ScenarioWorld): what it records from the broker's event stream
// alone, as it will on the live engine, and what the explicit calls add. Text dumps of the timeline.
#include "clientfixture.h"
#include "sim/scenarioformat.h"
#include "sim/scenariorecorder.h"

#include <QTest>

using namespace topicscope::engine;
using clienttest::ClientFixture;

namespace {

// The core's Broker on a ManualClock with a recorder attached, and nothing of a scenario.
struct RecorderFixture : ClientFixture {
    ScenarioRecorder recorder {clock.nowMs()};
    RecorderFixture()
    {
        if (broker)
            recorder.attach(*broker);
    }
};

QString dump(const ScenarioRecording &recording)
{
    QStringList lines;
    for (const ScenarioEvent &e : recording.timeline)
        lines << scenarioTime(e.timeMs) + QLatin1Char(' ') + ScenarioEvent::kindName(e.kind) + QStringLiteral(": ")
                + e.text;
    return lines.join(QLatin1Char('\n'));
}

QString ownershipDump(const ScenarioRecording &recording)
{
    QStringList lines;
    for (const ScenarioOwnership &o : recording.ownership)
        lines << QStringLiteral("%1 %2 %3 gen %4 %5..%6 %7")
                     .arg(o.group, o.topicPartition.toString(), o.consumer)
                     .arg(o.generation)
                     .arg(o.fromMs)
                     .arg(o.toMs)
                     .arg(o.endReason);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestScenarioRecorder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recordsTheBrokersEventStream()
    {
        RecorderFixture f;
        QVERIFY(f.ok());
        ScenarioRecorder &recorder = f.recorder;
        const TopicPartition t0 {QStringLiteral("t"), 0};
        QCOMPARE(f.log->createTopic(t0.topic, 2), ErrorCode::None);
        f.produce(t0.topic, 0, 3);
        f.produce(t0.topic, 1, 2);
        // Appends are counted, not written as lines: only the producer can tell its partitioner's decision.
        QCOMPARE(recorder.recording().appendedRecords.value(t0), 3);
        QCOMPARE(recorder.recording().appendedRecords.value(TopicPartition {t0.topic, 1}), 2);
        QVERIFY(recorder.recording().timeline.isEmpty());

        auto consumer = f.consumer(ClientFixture::consumerConfig(QStringLiteral("c1"), QStringLiteral("g")));
        QCOMPARE(consumer->subscribe({t0.topic}), ErrorCode::None);
        QVERIFY(f.run(5000, {consumer.get()}, {}, [&] { return consumer->assignment().size() == 2; }));
        QCOMPARE(consumer->commitSync(), ErrorCode::None);
        f.clock.advance(1000);
        QCOMPARE(f.log->createPartitions(t0.topic, 3), ErrorCode::None);
        QCOMPARE(f.log->deleteRecordsBefore(t0, 2), ErrorCode::None);
        consumer->close();

        // Without member names, lines show the broker's member ids.
        QCOMPARE(dump(recorder.recording()),
            QStringLiteral(
                "+0.000s group-state: group g: Empty -> PreparingRebalance (new member c1-1 joined (client reason: "
                "rejoining with the member id the coordinator assigned))\n"
                "+0.000s group-state: group g: PreparingRebalance -> CompletingRebalance (all 1 member(s) joined)\n"
                "+0.000s group-state: group g: CompletingRebalance -> Stable (leader c1-1 sent the assignment for "
                "generation 1)\n"
                "+0.000s REBALANCE: group g generation 1 [range] cause: new member c1-1 joined (client reason: "
                "rejoining with the member id the coordinator assigned); c1-1=[t-0,t-1]; moved [t-0,t-1]; took 0 ms\n"
                "+0.100s committed: group g committed t-0 -> next offset 3 (by c1-1, generation 1)\n"
                "+0.100s committed: group g committed t-1 -> next offset 2 (by c1-1, generation 1)\n"
                "+1.100s partitions-added: topic t: 2 -> 3 partitions\n"
                "+1.100s records-deleted: t-0: logStartOffset 0 -> 2\n"
                "+1.100s committed: group g committed t-0 -> next offset 3 (by c1-1, generation 1)\n"
                "+1.100s committed: group g committed t-1 -> next offset 2 (by c1-1, generation 1)\n"
                "+1.100s group-state: group g: Stable -> PreparingRebalance (member c1-1 left the group (client "
                "reason: the consumer is being closed))\n"
                "+1.100s group-state: group g: PreparingRebalance -> Empty (all members left)"));
        QCOMPARE(recorder.recording().rebalances.size(), 1);
        QCOMPARE(recorder.recording().deletions.size(), 1);
        QCOMPARE(recorder.recording().deletions.first().newLogStartOffset, 2);
    }

    void namesMembersByTheGivenRule()
    {
        RecorderFixture f;
        QVERIFY(f.ok());
        ScenarioRecorder &recorder = f.recorder;
        recorder.setMemberNames([](const QString &memberId) { return memberId.section(QLatin1Char('-'), 0, 0); });
        QCOMPARE(f.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        auto consumer = f.consumer(ClientFixture::consumerConfig(QStringLiteral("c1"), QStringLiteral("g")));
        QCOMPARE(consumer->subscribe({QStringLiteral("t")}), ErrorCode::None);
        QVERIFY(f.run(5000, {consumer.get()}, {}, [&] { return !consumer->assignment().isEmpty(); }));
        QCOMPARE(recorder.recording().rebalances.size(), 1);
        QCOMPARE(recorder.recording().rebalances.first().assignment.keys(), QStringList {QStringLiteral("c1")});
    }

    void explicitCallsCountAndFindDuplicatesAndLosses()
    {
        RecorderFixture f;
        QVERIFY(f.ok());
        ScenarioRecorder &recorder = f.recorder;
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(f.log->createTopic(tp.topic, 1), ErrorCode::None);
        f.produce(tp.topic, 0, 3);

        ScenarioEvent processed;
        processed.client = QStringLiteral("c1");
        processed.group = QStringLiteral("g");
        processed.topicPartition = tp;
        processed.offset = 0;
        processed.text = QStringLiteral("c1 processed t-0 offset 0");
        recorder.recordProcessed(processed, QStringLiteral("g"));
        f.clock.advance(10);
        recorder.recordProcessed(processed, QStringLiteral("g"));
        // Offset 1 was polled and dropped by a crash, offset 2 too but processed later by another member.
        recorder.recordDropped(ScenarioRecordId {QStringLiteral("g"), tp, 1}, QStringLiteral("c1"));
        recorder.recordDropped(ScenarioRecordId {QStringLiteral("g"), tp, 2}, QStringLiteral("c1"));
        processed.client = QStringLiteral("c2");
        processed.offset = 2;
        processed.text = QStringLiteral("c2 processed t-0 offset 2");
        recorder.recordProcessed(processed, QStringLiteral("g"));
        CommittedOffset past;
        past.topicPartition = tp;
        past.offset = 3;
        QCOMPARE(f.coordinator->resetOffsets(QStringLiteral("g"), {past}), ErrorCode::None);
        recorder.recordLosses();

        QCOMPARE(dump(recorder.recording()),
            QStringLiteral("+0.000s processed: c1 processed t-0 offset 0\n"
                           "+0.010s processed: c1 processed t-0 offset 0\n"
                           "+0.010s DUPLICATE: c1 processed t-0 offset 0 for the 2nd time in group g\n"
                           "+0.010s processed: c2 processed t-0 offset 2\n"
                           "+0.010s committed: group g committed t-0 -> next offset 3 (by admin, generation -1)\n"
                           "+0.010s LOST: t-0 offset 1 was committed (group g is at 3) but never processed: lost"));
        const ScenarioRecording &r = recorder.recording();
        QCOMPARE(r.totals.processed, 3);
        QCOMPARE(r.totals.duplicates, 1);
        QCOMPARE(r.totals.lost, 1);
        QCOMPARE(r.countsByClient.value(QStringLiteral("c1")).processed, 2);
        QCOMPARE(r.countsByGroup.value(QStringLiteral("g")).duplicates, 1);
        QVERIFY(r.isFollowedByItsDuplicate(1));
        QVERIFY(!r.isFollowedByItsDuplicate(0));
    }

    void ownershipIntervals()
    {
        RecorderFixture f;
        QVERIFY(f.ok());
        ScenarioRecorder &recorder = f.recorder;
        const TopicPartition a {QStringLiteral("t"), 0};
        const TopicPartition b {QStringLiteral("t"), 1};
        recorder.openOwnership(QStringLiteral("g"), QStringLiteral("c1"), 1, {a, b});
        recorder.openOwnership(QStringLiteral("g"), QStringLiteral("c1"), 2, {a}); // already open: kept
        f.clock.advance(500);
        QCOMPARE(recorder.closeOwnership(QStringLiteral("c1"), {b}, QStringLiteral("revoked")), QList {b});
        recorder.openOwnership(QStringLiteral("g"), QStringLiteral("c2"), 2, {b});
        f.clock.advance(500);
        QCOMPARE(recorder.closeAllOwnership(QStringLiteral("c1"), QStringLiteral("crashed")), QList {a});
        QVERIFY(recorder.closeAllOwnership(QStringLiteral("c1"), QStringLiteral("crashed")).isEmpty());
        QCOMPARE(ownershipDump(recorder.recording()),
            QStringLiteral("g t-0 c1 gen 1 0..1000 crashed\n"
                           "g t-1 c1 gen 1 0..500 revoked\n"
                           "g t-1 c2 gen 2 500..-1 "));
    }

    void boundedRecorderForgetsDeletedRecords()
    {
        RecorderFixture f;
        QVERIFY(f.ok());
        ScenarioRecorder &recorder = f.recorder;
        recorder.setBounded(true);
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(f.log->createTopic(tp.topic, 1), ErrorCode::None);
        f.produce(tp.topic, 0, 2);
        ScenarioEvent processed;
        processed.client = QStringLiteral("c1");
        processed.topicPartition = tp;
        processed.offset = 0;
        recorder.recordProcessed(processed, QStringLiteral("g"));
        QCOMPARE(f.log->deleteRecordsBefore(tp, 1), ErrorCode::None);
        recorder.compact(); // too soon: deletions are applied once per ten virtual seconds
        f.clock.advance(10'000);
        recorder.compact();
        // Forgotten: the same id processed again (it cannot be, once deleted) would not count as a duplicate.
        recorder.recordProcessed(processed, QStringLiteral("g"));
        QCOMPARE(recorder.recording().totals.duplicates, 0);
    }

    void detachStopsObserving()
    {
        RecorderFixture f;
        QVERIFY(f.ok());
        ScenarioRecorder &recorder = f.recorder;
        QCOMPARE(f.log->createTopic(QStringLiteral("t"), 1), ErrorCode::None);
        recorder.detach();
        QCOMPARE(f.log->createPartitions(QStringLiteral("t"), 2), ErrorCode::None);
        QVERIFY(recorder.recording().timeline.isEmpty());
        QCOMPARE(recorder.now(), 0);
    }
};

QTEST_GUILESS_MAIN(TestScenarioRecorder)
#include "tst_scenariorecorder.moc"
