#include "clientfixture.h"

#include <QLoggingCategory>
#include <QTest>

using namespace topicscope::engine;
using namespace topicscope::engine::clienttest;

namespace {
QString str(const char *s)
{
    return QString::fromUtf8(s);
}

QString partitionsText(QList<TopicPartition> list)
{
    std::sort(list.begin(), list.end());
    QStringList parts;
    for (const TopicPartition &tp : list)
        parts << QString::number(tp.partition);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

// Records every listener call of one consumer as text: "revoked [0,1]", "assigned [2]", "lost [3]".
struct ListenerLog {
    QStringList calls;
    ConsumerRebalanceListener listener()
    {
        return ConsumerRebalanceListener {
            [this](const QList<TopicPartition> &p) { calls << str("revoked ") + partitionsText(p); },
            [this](const QList<TopicPartition> &p) { calls << str("assigned ") + partitionsText(p); },
            [this](const QList<TopicPartition> &p) { calls << str("lost ") + partitionsText(p); },
        };
    }
};

bool allStable(const std::vector<Consumer *> &consumers)
{
    for (Consumer *c : consumers)
        if (c->state() != Consumer::MemberState::Stable)
            return false;
    return true;
}

int totalAssigned(const std::vector<Consumer *> &consumers)
{
    int n = 0;
    for (Consumer *c : consumers)
        n += static_cast<int>(c->assignment().size());
    return n;
}

// Stable, every partition owned by exactly one consumer, and no rejoin pending (same generation for all).
bool settled(const std::vector<Consumer *> &consumers, int partitions)
{
    if (!allStable(consumers) || totalAssigned(consumers) != partitions)
        return false;
    for (Consumer *c : consumers)
        if (c->generationId() != consumers.front()->generationId())
            return false;
    return true;
}
} // namespace

// Consumers in a group, driving the real GroupCoordinator: eager range rebalances on join, crash (session
// timeout), close (LeaveGroup) and stall (max.poll.interval.ms), and cooperative-sticky incremental rebalances.
class TestConsumerGroup : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLoggingCategory::setFilterRules(QStringLiteral("topicscope.engine.*.info=false")); }
    void rangeSplitJoinAndCrash();
    void closeLeavesAndCommits();
    void stalledConsumerLeavesAfterMaxPollInterval();
    void cooperativeStickyRevokesOnlyMovedPartitions();
    void fencedMemberLosesPartitionsAndRejoins();
};

void TestConsumerGroup::rangeSplitJoinAndCrash()
{
    ClientFixture f;
    QVERIFY(f.ok());
    f.log->createTopic(str("t"), 4);
    ListenerLog la, lb, lc;
    auto a = f.consumer(ClientFixture::consumerConfig(str("a"), str("g")));
    auto b = f.consumer(ClientFixture::consumerConfig(str("b"), str("g")));
    a->subscribe({str("t")}, la.listener());
    b->subscribe({str("t")}, lb.listener());
    std::vector<Consumer *> ab {a.get(), b.get()};
    QVERIFY(f.run(20000, ab, {}, [&] { return settled(ab, 4); }));
    // Default strategies ["range", "cooperative-sticky"]: range is chosen, and the protocol is eager.
    QCOMPARE(a->protocolName(), str("range"));
    QCOMPARE(ClientFixture::assignmentText(*a) + QLatin1Char(' ') + ClientFixture::assignmentText(*b),
        str("a=[0,1] b=[2,3]"));
    const qint32 generation = a->generationId();

    // A third member joins: the others hear of it through their heartbeats and rejoin at their next poll.
    auto c = f.consumer(ClientFixture::consumerConfig(str("c"), str("g")));
    c->subscribe({str("t")}, lc.listener());
    std::vector<Consumer *> abc {a.get(), b.get(), c.get()};
    la.calls.clear();
    lb.calls.clear();
    QVERIFY(f.run(20000, abc, {}, [&] { return settled(abc, 4) && a->generationId() > generation; }));
    QCOMPARE(ClientFixture::assignmentText(*a) + QLatin1Char(' ') + ClientFixture::assignmentText(*b) + QLatin1Char(' ')
            + ClientFixture::assignmentText(*c),
        str("a=[0,1] b=[2] c=[3]"));
    // Eager: everything is revoked before rejoining, even partitions that come straight back.
    QCOMPARE(la.calls, (QStringList {str("revoked [0,1]"), str("assigned [0,1]")}));
    QCOMPARE(lb.calls, (QStringList {str("revoked [2,3]"), str("assigned [2]")}));
    QCOMPARE(lc.calls, (QStringList {str("assigned [3]")}));

    // c crashes: no LeaveGroup, so nothing happens until its session timeout (10 s) expires.
    c->crash();
    const qint32 beforeCrash = a->generationId();
    f.run(9000, ab);
    QCOMPARE(a->generationId(), beforeCrash);
    QCOMPARE(ClientFixture::assignmentText(*b), str("b=[2]"));
    QVERIFY(f.run(20000, ab, {}, [&] { return settled(ab, 4) && a->generationId() > beforeCrash; }));
    QCOMPARE(ClientFixture::assignmentText(*a) + QLatin1Char(' ') + ClientFixture::assignmentText(*b),
        str("a=[0,1] b=[2,3]"));
    const GroupDescription group = f.coordinator->describeGroup(str("g"));
    QCOMPARE(group.state, str("Stable"));
    QCOMPARE(group.members.size(), 2);
}

void TestConsumerGroup::closeLeavesAndCommits()
{
    ClientFixture f;
    QVERIFY(f.ok());
    f.log->createTopic(str("t"), 2);
    f.produce(str("t"), 0, 3, str("a"));
    f.produce(str("t"), 1, 3, str("b"));
    QMap<QString, int> processed;
    auto process = [&](Consumer *, const PollResult &r) {
        for (const ConsumerRecord &rec : r.records)
            processed[rec.value->toString()]++;
    };
    auto first = f.consumer(ClientFixture::consumerConfig(str("first"), str("g")));
    first->subscribe({str("t")});
    QVERIFY(f.run(5000, {first.get()}, process, [&] { return processed.size() == 6; }));
    ListenerLog log;
    first->subscribe({str("t")}, log.listener()); // same topics: no rejoin, new listener
    first->close(); // auto-commit, revoke, LeaveGroup
    QCOMPARE(log.calls, (QStringList {str("revoked [0,1]")}));
    QCOMPARE(first->state(), Consumer::MemberState::Closed);

    auto second = f.consumer(ClientFixture::consumerConfig(str("second"), str("g")));
    second->subscribe({str("t")});
    f.produce(str("t"), 0, 1, str("c"));
    // No session timeout to wait for: the group knows at once that first left.
    QVERIFY(f.run(1000, {second.get()}, process, [&] { return processed.size() == 7; }));
    for (const int n : std::as_const(processed))
        QCOMPARE(n, 1); // the final auto-commit on close(): nothing read twice
}

void TestConsumerGroup::stalledConsumerLeavesAfterMaxPollInterval()
{
    ClientFixture f;
    QVERIFY(f.ok());
    f.log->createTopic(str("t"), 4);
    ConsumerConfig config = ClientFixture::consumerConfig(str("a"), str("g"));
    config.maxPollIntervalMs = 20000;
    ListenerLog la;
    auto a = f.consumer(config);
    config.clientId = str("b");
    auto b = f.consumer(config);
    a->subscribe({str("t")}, la.listener());
    b->subscribe({str("t")});
    std::vector<Consumer *> ab {a.get(), b.get()};
    QVERIFY(f.run(20000, ab, {}, [&] { return settled(ab, 4); }));
    QCOMPARE(ClientFixture::assignmentText(*a), str("a=[0,1]"));

    a->stall();
    // Heartbeats continue, so the session stays alive for longer than the session timeout...
    f.run(15000, ab);
    QCOMPARE(ClientFixture::assignmentText(*b), str("b=[2,3]"));
    QVERIFY(!f.coordinator->describeGroup(str("g")).members.isEmpty());
    QCOMPARE(f.coordinator->describeGroup(str("g")).members.size(), 2);
    // ...but 20 s without poll() makes a leave the group proactively, and b takes everything.
    QVERIFY(f.run(
        15000, ab, {}, [&] { return b->assignment().size() == 4 && b->state() == Consumer::MemberState::Stable; }));
    QCOMPARE(f.coordinator->describeGroup(str("g")).members.size(), 1);
    QCOMPARE(a->state(), Consumer::MemberState::Unjoined);
    QCOMPARE(a->memberId(), QString());

    // When a polls again it learns that its partitions are lost, and rejoins.
    la.calls.clear();
    a->unstall();
    QVERIFY(f.run(20000, ab, {}, [&] { return settled(ab, 4) && !a->assignment().isEmpty(); }));
    QCOMPARE(la.calls.value(0), str("lost [0,1]"));
    QCOMPARE(la.calls.last(), str("assigned ") + partitionsText(a->assignment()));
}

void TestConsumerGroup::cooperativeStickyRevokesOnlyMovedPartitions()
{
    ClientFixture f;
    QVERIFY(f.ok());
    f.log->createTopic(str("t"), 6);
    ConsumerConfig config = ClientFixture::consumerConfig(str("a"), str("g"));
    config.assignmentStrategies = {str("cooperative-sticky")};
    ListenerLog la, lb, lc;
    auto a = f.consumer(config);
    config.clientId = str("b");
    auto b = f.consumer(config);
    a->subscribe({str("t")}, la.listener());
    b->subscribe({str("t")}, lb.listener());
    std::vector<Consumer *> ab {a.get(), b.get()};
    QVERIFY(f.run(20000, ab, {}, [&] { return settled(ab, 6); }));
    QCOMPARE(a->protocolName(), str("cooperative-sticky"));
    QCOMPARE(a->assignment().size(), 3);
    QCOMPARE(b->assignment().size(), 3);
    const QList<TopicPartition> aBefore = a->assignment();
    const QList<TopicPartition> bBefore = b->assignment();
    const qint32 generation = a->generationId();

    config.clientId = str("c");
    auto c = f.consumer(config);
    c->subscribe({str("t")}, lc.listener());
    std::vector<Consumer *> abc {a.get(), b.get(), c.get()};
    la.calls.clear();
    lb.calls.clear();
    QVERIFY(f.run(30000, abc, {}, [&] { return settled(abc, 6) && !c->assignment().isEmpty(); }));
    QCOMPARE(a->assignment().size(), 2);
    QCOMPARE(b->assignment().size(), 2);
    QCOMPARE(c->assignment().size(), 2);
    // Two rounds: in the first the moving partitions are revoked, in the second c receives them.
    QCOMPARE(c->generationId(), generation + 2);

    // Each of a and b revoked exactly the one partition it gave to c, and kept the others throughout.
    auto movedFrom = [&](const QList<TopicPartition> &before, const Consumer &now) {
        QList<TopicPartition> moved;
        for (const TopicPartition &tp : before)
            if (!now.assignment().contains(tp))
                moved << tp;
        return moved;
    };
    const QList<TopicPartition> fromA = movedFrom(aBefore, *a);
    const QList<TopicPartition> fromB = movedFrom(bBefore, *b);
    QCOMPARE(fromA.size(), 1);
    QCOMPARE(fromB.size(), 1);
    QCOMPARE(la.calls.filter(str("revoked")), QStringList {str("revoked ") + partitionsText(fromA)});
    QCOMPARE(lb.calls.filter(str("revoked")), QStringList {str("revoked ") + partitionsText(fromB)});
    QVERIFY(la.calls.filter(str("lost")).isEmpty());
    // Cooperative listeners are told only about additions: a and b gained nothing.
    QVERIFY(!la.calls.filter(str("assigned")).isEmpty());
    for (const QString &call : la.calls.filter(str("assigned")))
        QCOMPARE(call, str("assigned []"));
    QCOMPARE(partitionsText(c->assignment()), partitionsText(fromA + fromB));
    QCOMPARE(lc.calls.last(), str("assigned ") + partitionsText(fromA + fromB));
}

void TestConsumerGroup::fencedMemberLosesPartitionsAndRejoins()
{
    ClientFixture f;
    QVERIFY(f.ok());
    f.log->createTopic(str("t"), 2);
    ListenerLog la;
    auto a = f.consumer(ClientFixture::consumerConfig(str("a"), str("g")));
    a->subscribe({str("t")}, la.listener());
    QVERIFY(f.run(5000, {a.get()}, {}, [&] { return settled({a.get()}, 2); }));
    const QString oldMemberId = a->memberId();
    la.calls.clear();

    // An admin removes the member (kafka-consumer-groups --delete --members): its next heartbeat gets
    // UNKNOWN_MEMBER_ID, so it drops its member id, treats its partitions as lost and joins as a new member.
    const LeaveGroupResponse left
        = f.coordinator->leaveGroup(str("g"), {LeavingMember {oldMemberId, {}, str("admin")}});
    QCOMPARE(left.error, ErrorCode::None);
    QVERIFY(f.run(10000, {a.get()}, {}, [&] { return settled({a.get()}, 2) && a->memberId() != oldMemberId; }));
    QVERIFY(!a->memberId().isEmpty());
    QCOMPARE(la.calls, (QStringList {str("lost [0,1]"), str("assigned [0,1]")}));
}

QTEST_GUILESS_MAIN(TestConsumerGroup)
#include "tst_consumergroup.moc"
