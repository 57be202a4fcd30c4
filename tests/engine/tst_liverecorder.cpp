// LiveRecorder on a bare Broker and a ManualClock, fed hand-made wire exchanges and the coordinator's events: who
// a fetch belongs to, redeliveries after a partition moves, producers by connection, ownership under eager and
// cooperative assignors, and the kinds of rebalance causes. (tst_liveflow runs the same with real clients.)
#include "broker/broker.h"
#include "live/liverecorder.h"
#include "wireexchangefixture.h"

#include <QTest>
#include <algorithm>
#include <tuple>

using namespace topicscope::engine;

using topicscope::uitest::exchange;

namespace {

WireExchange join(const QString &clientId, const QString &peer, const QString &group, const QString &memberId)
{
    WireExchange e = exchange(11, clientId, peer);
    e.group = group;
    e.memberId = memberId;
    return e;
}

WireExchange fetch(const QString &clientId, const QString &peer, const TopicPartition &tp, qint64 first, qint64 last)
{
    WireExchange e = exchange(1, clientId, peer);
    e.fetched << WireRange {tp, first, last, int(last - first + 1), ErrorCode::None};
    return e;
}

RebalanceCompleted rebalance(const QString &group, int generation, const QString &assignor,
    const QMap<QString, QList<TopicPartition>> &assignment)
{
    RebalanceCompleted r;
    r.groupId = group;
    r.generationId = generation;
    r.protocolType = QStringLiteral("consumer");
    r.protocolName = assignor;
    r.assignment = assignment;
    return r;
}

} // namespace

class TestLiveRecorder : public QObject {
    Q_OBJECT
private:
    ManualClock m_clock;
    std::unique_ptr<Broker> m_broker;
    const TopicPartition t0 {QStringLiteral("t"), 0};
    const TopicPartition t1 {QStringLiteral("t"), 1};

private Q_SLOTS:
    void init()
    {
        BrokerOptions options;
        options.storage.inMemory = true;
        QString error;
        m_broker = Broker::open(options, m_clock, &error);
        QVERIFY2(m_broker, qPrintable(error));
    }

    void cleanup() { m_broker.reset(); }

    void namesMembersAndProducers()
    {
        QCOMPARE(LiveRecorder::memberName(QStringLiteral("consumer-1"), QStringLiteral("consumer-1-3f2a9c")),
            QStringLiteral("consumer-1·3f2a"));
        QCOMPARE(LiveRecorder::memberName(QString(), QStringLiteral("abcdef")), QStringLiteral("member·abcd"));
        QCOMPARE(LiveRecorder::clientName(QStringLiteral("rdkafka"), QStringLiteral("127.0.0.1:5")),
            QStringLiteral("rdkafka (127.0.0.1:5)"));

        LiveRecorder recorder(*m_broker, m_clock.nowMs());
        WireExchange produce = exchange(0, QStringLiteral("p"), QStringLiteral("127.0.0.1:7"));
        produce.produced << WireRange {t0, 0, 4, 5, ErrorCode::None}
                         << WireRange {t1, -1, -1, 3, ErrorCode::NotLeaderOrFollower};
        recorder.observe(produce);
        QCOMPARE(recorder.producers().size(), 1);
        QCOMPARE(recorder.producers().first().records, 5); // the refused partition is not counted
        QCOMPARE(recorder.recording().totals.produced, 5);
        const LiveProducedBatch *b = recorder.batchOf(t0, 3);
        QVERIFY(b);
        QCOMPARE(b->producer, QStringLiteral("p (127.0.0.1:7)"));
        QCOMPARE(recorder.batchOf(t0, 5), nullptr);
    }

    void causeKinds_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("kind");
        QTest::newRow("join") << "new member c-1 joined (client reason: not provided)"
                              << "join";
        QTest::newRow("leave") << "member c-1 left the group (client reason: x)"
                               << "leave";
        QTest::newRow("expiry") << "member c-1 expired: no heartbeat within its session timeout of 6000 ms"
                                << "session timeout";
        QTest::newRow("metadata") << "member c-1 rejoined with changed metadata (client reason: x)"
                                  << "metadata change";
        QTest::newRow("rejoin") << "member c-1 rejoined (client reason: x)"
                                << "rejoin";
        QTest::newRow("sync") << "removed c-1: no SyncGroup within the rebalance timeout"
                              << "rebalance timeout";
        QTest::newRow("unknown") << "something else"
                                 << "";
    }

    void causeKinds()
    {
        QFETCH(QString, reason);
        QFETCH(QString, kind);
        QCOMPARE(LiveRecorder::causeKind(reason), kind);
    }

    // A partition moves from one member to another; the new owner fetches from the committed offset: the records
    // the first had fetched past it are redelivered.
    void redeliveryAfterAMove()
    {
        LiveRecorder recorder(*m_broker, m_clock.nowMs());
        const QString host = QStringLiteral("127.0.0.1:");
        recorder.observe(
            join(QStringLiteral("a"), host + QStringLiteral("1"), QStringLiteral("g"), QStringLiteral("a-1111")));
        recorder.observe(
            join(QStringLiteral("b"), host + QStringLiteral("2"), QStringLiteral("g"), QStringLiteral("b-2222")));
        m_broker->events().publish(rebalance(QStringLiteral("g"), 1, QStringLiteral("range"),
            {{QStringLiteral("a-1111"), {t0}}, {QStringLiteral("b-2222"), {t1}}}));
        // Another connection of the same client (its fetch session) is the same member.
        recorder.observe(fetch(QStringLiteral("a"), host + QStringLiteral("9"), t0, 0, 9));
        recorder.observe(fetch(
            QStringLiteral("a"), host + QStringLiteral("9"), t0, 10, 11)); // the same member, further: nothing again
        QCOMPARE(recorder.recording().totals.processed, 12);
        QCOMPARE(recorder.recording().totals.duplicates, 0);
        m_clock.advance(100);
        m_broker->events().publish(rebalance(QStringLiteral("g"), 2, QStringLiteral("range"),
            {{QStringLiteral("a-1111"), {}}, {QStringLiteral("b-2222"), {t0, t1}}}));
        recorder.observe(fetch(QStringLiteral("b"), host + QStringLiteral("8"), t0, 5, 14));
        QCOMPARE(recorder.recording().totals.duplicates, 7); // 5..11 again
        const QList<LiveDelivery> deliveries = recorder.deliveries().value(t0);
        QCOMPARE(deliveries.size(), 3);
        QCOMPARE(deliveries.last().consumer, QStringLiteral("b·2222"));
        QCOMPARE(deliveries.last().generation, 2);
        QCOMPARE(deliveries.last().redeliveredUpTo, 11);
        QCOMPARE(deliveries.last().earlierFetcher, QStringLiteral("a·1111"));
        // A client nobody knows as a member is a plain consumer, without redeliveries.
        recorder.observe(fetch(QStringLiteral("tool"), host + QStringLiteral("3"), t0, 0, 3));
        QCOMPARE(recorder.plainConsumers().size(), 1);
        QCOMPARE(recorder.recording().totals.duplicates, 7);
    }

    // Two members of one client.id on one host: the fetch belongs to the one whose assignment holds the partition.
    void sameClientIdTellsMembersApartByAssignment()
    {
        LiveRecorder recorder(*m_broker, m_clock.nowMs());
        recorder.observe(
            join(QStringLiteral("kp"), QStringLiteral("127.0.0.1:1"), QStringLiteral("g"), QStringLiteral("kp-aaaa")));
        recorder.observe(
            join(QStringLiteral("kp"), QStringLiteral("127.0.0.1:2"), QStringLiteral("g"), QStringLiteral("kp-bbbb")));
        m_broker->events().publish(rebalance(QStringLiteral("g"), 1, QStringLiteral("range"),
            {{QStringLiteral("kp-aaaa"), {t0}}, {QStringLiteral("kp-bbbb"), {t1}}}));
        recorder.observe(fetch(QStringLiteral("kp"), QStringLiteral("127.0.0.1:3"), t1, 0, 0));
        QCOMPARE(recorder.deliveries().value(t1).first().consumer, QStringLiteral("kp·bbbb"));
    }

    // Cooperative-sticky: a generation takes from a member only what moves, and the next one gives it to the new
    // owner; the partition the member keeps stays owned throughout. (The eager rule, everything given up when the
    // rebalance starts, needs the coordinator's own members: tst_liveflow checks it with real clients.)
    void cooperativeGenerationClosesOnlyWhatMoves()
    {
        LiveRecorder recorder(*m_broker, m_clock.nowMs());
        const QString group = QStringLiteral("g");
        const QString coop = QStringLiteral("cooperative-sticky");
        recorder.observe(join(QStringLiteral("a"), QStringLiteral("127.0.0.1:1"), group, QStringLiteral("a-1111")));
        m_broker->events().publish(rebalance(group, 1, coop, {{QStringLiteral("a-1111"), {t0, t1}}}));
        m_clock.advance(1000);
        recorder.observe(join(QStringLiteral("b"), QStringLiteral("127.0.0.1:2"), group, QStringLiteral("b-2222")));
        m_broker->events().publish(
            rebalance(group, 2, coop, {{QStringLiteral("a-1111"), {t0}}, {QStringLiteral("b-2222"), {}}}));
        m_clock.advance(300);
        m_broker->events().publish(
            rebalance(group, 3, coop, {{QStringLiteral("a-1111"), {t0}}, {QStringLiteral("b-2222"), {t1}}}));
        QList<ScenarioOwnership> ownership = recorder.recording().ownership;
        QCOMPARE(ownership.size(), 3);
        std::sort(ownership.begin(), ownership.end(), [](const ScenarioOwnership &x, const ScenarioOwnership &y) {
            return std::tie(x.consumer, x.topicPartition) < std::tie(y.consumer, y.topicPartition);
        });
        // a·1111 keeps t-0 from generation 1 on, without a break.
        QCOMPARE(ownership[0].consumer, QStringLiteral("a·1111"));
        QCOMPARE(ownership[0].topicPartition, t0);
        QCOMPARE(ownership[0].fromMs, 0);
        QCOMPARE(ownership[0].toMs, -1);
        // t-1 is revoked by generation 2 and owned by b·2222 from generation 3: 300 ms owned by nobody.
        QCOMPARE(ownership[1].topicPartition, t1);
        QCOMPARE(ownership[1].toMs, 1000);
        QCOMPARE(ownership[1].endReason, QStringLiteral("revoked"));
        QCOMPARE(ownership[2].consumer, QStringLiteral("b·2222"));
        QCOMPARE(ownership[2].fromMs, 1300);
        QCOMPARE(ownership[2].generation, 3);
    }
};

QTEST_GUILESS_MAIN(TestLiveRecorder)
#include "tst_liverecorder.moc"
