// FlowProjector on a bare Broker with a ScenarioRecorder (no scenario, no ScenarioWorld): the broker's side of a flow
// snapshot and a record's journey, as the live engine will get them. Text dumps.
#include "clientfixture.h"
#include "sim/flowprojector.h"
#include "sim/scenariorecorder.h"

#include <QTest>

using namespace topicscope::engine;
using clienttest::ClientFixture;

namespace {

struct ProjectorFixture : ClientFixture {
    ScenarioRecorder recorder {clock.nowMs()};
    FlowProjector projector {recorder, clock.nowMs()};
    ProjectorFixture()
    {
        if (broker)
            recorder.attach(*broker);
    }
};

QString topicsText(const FlowSnapshot &s)
{
    QStringList lines;
    for (const FlowTopic &t : s.topics) {
        for (const FlowPartition &p : t.partitions) {
            QStringList cells;
            for (const FlowRecordCell &c : p.tail)
                cells << QStringLiteral("%1:%2%3").arg(c.offset).arg(c.key.value_or(QStringLiteral("null")),
                    c.producer.isEmpty() ? QString() : QLatin1Char('@') + c.producer);
            lines << QStringLiteral("%1-%2 [%3,%4) %5")
                         .arg(t.name)
                         .arg(p.partition)
                         .arg(p.logStartOffset)
                         .arg(p.highWatermark)
                         .arg(cells.join(QLatin1Char(' ')));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QString groupsText(const FlowSnapshot &s)
{
    QStringList lines;
    for (const FlowGroup &g : s.groups) {
        QStringList committed;
        for (auto it = g.committed.cbegin(); it != g.committed.cend(); ++it)
            committed << QStringLiteral("%1=%2").arg(it.key().toString()).arg(it.value());
        QStringList owners;
        for (auto it = g.owners.cbegin(); it != g.owners.cend(); ++it)
            owners << QStringLiteral("%1=%2").arg(it.key().toString(), it.value());
        lines << QStringLiteral("%1 %2 gen %3 %4 committed [%5] owners [%6]")
                     .arg(g.id, g.state)
                     .arg(g.generation)
                     .arg(g.protocol, committed.join(QLatin1Char(' ')), owners.join(QLatin1Char(' ')));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestFlowProjector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void projectsABrokerWithoutScenarioClients()
    {
        ProjectorFixture f;
        QVERIFY(f.ok());
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(f.log->createTopic(tp.topic, 2), ErrorCode::None);
        f.produce(tp.topic, 0, 3);
        auto consumer = f.consumer(ClientFixture::consumerConfig(QStringLiteral("c1"), QStringLiteral("g")));
        QCOMPARE(consumer->subscribe({tp.topic}), ErrorCode::None);
        QVERIFY(f.run(5000, {consumer.get()}, {}, [&] { return consumer->assignment().size() == 2; }));
        QCOMPARE(consumer->commitSync(), ErrorCode::None);

        FlowSnapshot s;
        s.timeMs = f.recorder.now();
        f.projector.project(f.broker.get(), {QStringLiteral("waiting")}, s);
        QCOMPARE(s.sequence, quint64(1));
        // Records nobody reported carry no producer; keys are shown as text.
        QCOMPARE(topicsText(s), QStringLiteral("t-0 [0,3) 0:k0 1:k1 2:k2\nt-1 [0,0) "));
        // The broker's member ids name the owners; a known group the broker has not seen is described as Kafka does.
        QCOMPARE(groupsText(s),
            QStringLiteral("g Stable gen 1 range committed [t-0=3 t-1=0] owners [t-0=c1-1 t-1=c1-1]\n"
                           "waiting Dead gen 0  committed [] owners []"));
        QCOMPARE(s.movements.size(), 2); // the two commits
        QCOMPARE(s.movements.first().kind, FlowMovement::Kind::Committed);
        QCOMPARE(s.eventCount, int(f.recorder.recording().timeline.size()));
        QCOMPARE(s.rebalances.size(), 1);

        // The next snapshot only moves what happened since.
        FlowSnapshot next;
        next.timeMs = f.recorder.now();
        f.projector.project(f.broker.get(), {}, next);
        QCOMPARE(next.sequence, quint64(2));
        QVERIFY(next.movements.isEmpty());
    }

    void journeyOfARecordFromTheBrokerAlone()
    {
        ProjectorFixture f;
        QVERIFY(f.ok());
        const TopicPartition tp {QStringLiteral("t"), 0};
        QCOMPARE(f.log->createTopic(tp.topic, 1), ErrorCode::None);
        f.produce(tp.topic, 0, 2);
        CommittedOffset past;
        past.topicPartition = tp;
        past.offset = 2;
        QCOMPARE(f.coordinator->resetOffsets(QStringLiteral("g"), {past}), ErrorCode::None);
        QCOMPARE(f.log->deleteRecordsBefore(tp, 1), ErrorCode::None);

        const RecordJourney kept = f.projector.journey(f.broker.get(), tp, 1, {});
        QVERIFY(kept.found);
        QCOMPARE(kept.keyText, QStringLiteral("k1"));
        QCOMPARE(kept.valueText, QStringLiteral("v1"));
        QVERIFY(kept.producer.isEmpty());
        QCOMPARE(kept.steps.size(), 1);
        QCOMPARE(kept.steps.first().what, QStringLiteral("committed by group g (offset 2, by admin)"));

        const RecordJourney deleted = f.projector.journey(f.broker.get(), tp, 0, {});
        QVERIFY(!deleted.found);
        QCOMPARE(deleted.error, QStringLiteral("offset 0 of t-0 was deleted: the log starts at 1"));
        QStringList steps;
        for (const RecordJourney::Step &step : deleted.steps)
            steps << step.what;
        QCOMPARE(steps,
            QStringList({QStringLiteral("committed by group g (offset 2, by admin)"),
                QStringLiteral("deleted by DeleteRecords: logStartOffset moved to 1")}));

        QCOMPARE(f.projector.journey(nullptr, tp, 0, {}).error, QStringLiteral("the scenario has not started"));
    }
};

QTEST_GUILESS_MAIN(TestFlowProjector)
#include "tst_flowprojector.moc"
