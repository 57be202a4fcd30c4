#include "clientfixture.h"

#include <QSet>
#include <QTest>

using namespace topicscope::engine;
using namespace topicscope::engine::clienttest;

namespace {
const QString T = QStringLiteral("t");
const QString G = QStringLiteral("g");

// What one in-app consumer's rebalance listener saw, and what it processed.
struct Seen {
    QList<QList<TopicPartition>> revoked;
    QList<QList<TopicPartition>> assigned;
    QList<QList<TopicPartition>> lost;
    QMap<TopicPartition, QList<qint64>> offsets; // processed, per partition
};

ConsumerConfig protocolConfig(const QString &clientId, const std::optional<QString> &assignor = std::nullopt)
{
    ConsumerConfig c = ClientFixture::consumerConfig(clientId, G);
    c.groupProtocol = ConsumerGroupProtocol::Consumer;
    c.groupRemoteAssignor = assignor;
    return c;
}

ConsumerRebalanceListener recording(Seen &seen)
{
    ConsumerRebalanceListener l;
    l.onPartitionsRevoked = [&seen](const QList<TopicPartition> &tps) { seen.revoked << tps; };
    l.onPartitionsAssigned = [&seen](const QList<TopicPartition> &tps) { seen.assigned << tps; };
    l.onPartitionsLost = [&seen](const QList<TopicPartition> &tps) { seen.lost << tps; };
    return l;
}

// Every partition of t owned by exactly one of the consumers.
bool ownedOnce(const std::vector<Consumer *> &consumers, int partitions)
{
    QMap<TopicPartition, int> owners;
    for (Consumer *c : consumers) {
        for (const TopicPartition &tp : c->assignment())
            ++owners[tp];
    }
    if (owners.size() != partitions)
        return false;
    for (int count : std::as_const(owners)) {
        if (count != 1)
            return false;
    }
    return true;
}
} // namespace

// The in-app consumer with group.protocol=consumer (KIP-848) against the core's coordinator on a manual clock:
// joining by heartbeat, incremental reconciliation (revoke before assign, only what moves), leaving, crashing, a
// member that stops polling, commits with the member epoch, and errors the coordinator sends back.
class TestConsumerGroupClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firstMemberOwnsEverything()
    {
        ClientFixture f;
        QVERIFY2(f.ok(), qPrintable(f.openError));
        QCOMPARE(f.log->createTopic(T, 4), ErrorCode::None);
        Seen seen;
        auto c1 = f.consumer(protocolConfig(QStringLiteral("c1")));
        QCOMPARE(c1->subscribe({T}, recording(seen)), ErrorCode::None);
        QCOMPARE(c1->state(), Consumer::MemberState::Unjoined); // joins at its first poll, as Java's
        c1->poll();
        QCOMPARE(c1->state(), Consumer::MemberState::Stable);
        QCOMPARE(c1->generationId(), 1); // the member epoch
        QCOMPARE(c1->memberId(), QStringLiteral("c1-1"));
        QCOMPARE(ClientFixture::assignmentText(*c1), QStringLiteral("c1=[0,1,2,3]"));
        QCOMPARE(seen.assigned.size(), 1);
        QVERIFY(seen.revoked.isEmpty());
        const GroupDescription d = f.coordinator->describeGroup(G);
        QCOMPARE(d.type, QStringLiteral("consumer"));
        QCOMPARE(d.state, QStringLiteral("Stable"));
        QCOMPARE(d.protocolName, QStringLiteral("uniform"));
        QCOMPARE(d.members.size(), qsizetype(1));
        QCOMPARE(d.members.constFirst().clientId, QStringLiteral("c1"));
    }

    void secondMemberTakesOnlyWhatMoves()
    {
        ClientFixture f;
        QVERIFY2(f.ok(), qPrintable(f.openError));
        QCOMPARE(f.log->createTopic(T, 4), ErrorCode::None);
        Seen s1;
        Seen s2;
        auto c1 = f.consumer(protocolConfig(QStringLiteral("c1")));
        auto c2 = f.consumer(protocolConfig(QStringLiteral("c2")));
        c1->subscribe({T}, recording(s1));
        c2->subscribe({T}, recording(s2));
        c1->poll();
        c2->poll(); // joins: epoch 2, nothing yet (c1 still owns everything)
        QCOMPARE(c2->generationId(), 2);
        QVERIFY(c2->assignment().isEmpty());
        QCOMPARE(f.coordinator->describeGroup(G).state, QStringLiteral("Reconciling"));

        // c1 learns at its next heartbeat (5 s, the broker's interval) and gives up two at its next poll; c2 gets
        // them at its next heartbeat.
        QVERIFY(f.run(20000, {c1.get(), c2.get()}, {},
            [&] { return f.coordinator->describeGroup(G).state == QStringLiteral("Stable"); }));
        QVERIFY(ownedOnce({c1.get(), c2.get()}, 4));
        QCOMPARE(c1->assignment().size(), qsizetype(2));
        QCOMPARE(c2->assignment().size(), qsizetype(2));
        // Incremental: c1 revoked exactly the two that moved, once, and never lost anything.
        QCOMPARE(s1.revoked.size(), 1);
        QCOMPARE(s1.revoked.constFirst().size(), qsizetype(2));
        for (const TopicPartition &tp : s1.revoked.constFirst())
            QVERIFY(c2->assignment().contains(tp));
        QVERIFY(s1.lost.isEmpty());
        QCOMPARE(c1->generationId(), 2);
        QCOMPARE(c2->generationId(), 2);
        QCOMPARE(c1->state(), Consumer::MemberState::Stable);
        QCOMPARE(c2->state(), Consumer::MemberState::Stable);
    }

    void recordsAreNeitherSkippedNorDuplicated()
    {
        // Auto-commit commits before partitions are given up (Java's new consumer does), so the next owner starts
        // exactly where the previous one stopped.
        ClientFixture f;
        QVERIFY2(f.ok(), qPrintable(f.openError));
        QCOMPARE(f.log->createTopic(T, 4), ErrorCode::None);
        for (int p = 0; p < 4; ++p)
            f.produce(T, p, 10);
        QMap<TopicPartition, QList<qint64>> processed;
        const auto onRecords = [&](Consumer *, const PollResult &r) {
            for (const ConsumerRecord &rec : r.records)
                processed[rec.topicPartition()] << rec.offset;
        };
        ConsumerConfig config1 = protocolConfig(QStringLiteral("c1"));
        config1.maxPollRecords = 3;
        auto c1 = f.consumer(config1);
        c1->subscribe({T});
        QVERIFY(f.run(300, {c1.get()}, onRecords)); // c1 reads some of everything
        auto c2 = f.consumer(protocolConfig(QStringLiteral("c2")));
        c2->subscribe({T});
        f.run(15000, {c1.get(), c2.get()}, onRecords);
        QVERIFY(ownedOnce({c1.get(), c2.get()}, 4));
        for (int p = 0; p < 4; ++p) {
            const QList<qint64> offsets = processed.value(TopicPartition {T, p});
            QCOMPARE(offsets.size(), qsizetype(10)); // nothing twice
            QCOMPARE(QSet<qint64>(offsets.cbegin(), offsets.cend()).size(), qsizetype(10)); // nothing skipped
        }
    }

    void closeHandsPartitionsOver()
    {
        ClientFixture f;
        QVERIFY2(f.ok(), qPrintable(f.openError));
        QCOMPARE(f.log->createTopic(T, 4), ErrorCode::None);
        Seen s2;
        auto c1 = f.consumer(protocolConfig(QStringLiteral("c1")));
        auto c2 = f.consumer(protocolConfig(QStringLiteral("c2")));
        c1->subscribe({T});
        c2->subscribe({T}, recording(s2));
        QVERIFY(f.run(20000, {c1.get(), c2.get()}, {}, [&] { return c2->assignment().size() == 2; }));
        c2->close(); // revokes (listener), leaves with epoch -1
        QCOMPARE(s2.revoked.size(), 1);
        QCOMPARE(s2.revoked.constFirst().size(), qsizetype(2));
        QCOMPARE(f.coordinator->describeGroup(G).members.size(), qsizetype(1));
        // c1 learns at its next heartbeat.
        QVERIFY(f.run(6000, {c1.get()}, {}, [&] { return c1->assignment().size() == 4; }));
        QCOMPARE(f.coordinator->describeGroup(G).state, QStringLiteral("Stable"));
    }

    void crashedMemberLeavesAfterTheSessionTimeout()
    {
        ClientFixture f;
        QVERIFY2(f.ok(), qPrintable(f.openError));
        QCOMPARE(f.log->createTopic(T, 4), ErrorCode::None);
        auto c1 = f.consumer(protocolConfig(QStringLiteral("c1")));
        auto c2 = f.consumer(protocolConfig(QStringLiteral("c2")));
        c1->subscribe({T});
        c2->subscribe({T});
        QVERIFY(f.run(20000, {c1.get(), c2.get()}, {}, [&] { return c2->assignment().size() == 2; }));
        const qint64 crashedAt = f.clock.nowMs();
        c2->crash();
        // The broker's group.consumer.session.timeout.ms (45 s) must pass first.
        QVERIFY(f.run(40000, {c1.get()}, {}, [&] { return c1->assignment().size() == 4; }) == false);
        QVERIFY(f.run(15000, {c1.get()}, {}, [&] { return c1->assignment().size() == 4; }));
        QVERIFY(f.clock.nowMs() - crashedAt >= 45000);
    }

    void onlyTheStalledMembersPartitionsWait()
    {
        // c2 stops polling. c3 joins: c1 gives up what moves at once and goes on reading the rest; the partition c2
        // must give up waits until c2's poll timeout takes it out of the group.
        ClientFixture f;
        QVERIFY2(f.ok(), qPrintable(f.openError));
        QCOMPARE(f.log->createTopic(T, 6), ErrorCode::None);
        Seen s1;
        ConsumerConfig stalling = protocolConfig(QStringLiteral("c2"));
        stalling.maxPollIntervalMs = 20000;
        auto c1 = f.consumer(protocolConfig(QStringLiteral("c1")));
        auto c2 = f.consumer(stalling);
        auto c3 = f.consumer(protocolConfig(QStringLiteral("c3")));
        c1->subscribe({T}, recording(s1));
        c2->subscribe({T});
        c3->subscribe({T});
        QVERIFY(f.run(20000, {c1.get(), c2.get()}, {}, [&] {
            return f.coordinator->describeGroup(G).state == QStringLiteral("Stable") && c2->assignment().size() == 3;
        }));
        const QList<TopicPartition> c1Before = c1->assignment();
        c2->stall();
        const qint64 stalledAt = f.clock.nowMs();
        // c3 joins; within a few heartbeats c1 has handed over what moves and c3 owns it.
        QVERIFY(f.run(12000, {c1.get(), c3.get()}, {}, [&] { return c3->assignment().size() == 1; }));
        QCOMPARE(c1->assignment().size(), qsizetype(2));
        for (const TopicPartition &tp : c1->assignment())
            QVERIFY(c1Before.contains(tp)); // c1 kept the rest throughout
        QCOMPARE(c2->assignment().size(), qsizetype(3)); // c2 has not given anything up: it does not poll
        QCOMPARE(f.coordinator->describeGroup(G).state, QStringLiteral("Reconciling"));
        QVERIFY(f.clock.nowMs() - stalledAt < 20000);
        // After max.poll.interval.ms c2 leaves; c1 and c3 split all six.
        QVERIFY(f.run(40000, {c1.get(), c3.get()}, {}, [&] {
            return f.coordinator->describeGroup(G).state == QStringLiteral("Stable")
                && ownedOnce({c1.get(), c3.get()}, 6);
        }));
        QVERIFY(s1.lost.isEmpty());
        QCOMPARE(c2->state(), Consumer::MemberState::Unjoined);
        // When c2 polls again its partitions are lost (they are someone else's now) and it rejoins.
        c2->unstall();
        QVERIFY(f.run(20000, {c1.get(), c2.get(), c3.get()}, {}, [&] {
            return c2->state() == Consumer::MemberState::Stable && c2->assignment().size() == 2
                && ownedOnce({c1.get(), c2.get(), c3.get()}, 6);
        }));
    }

    void commitsCarryTheMemberEpoch()
    {
        ClientFixture f;
        QVERIFY2(f.ok(), qPrintable(f.openError));
        QCOMPARE(f.log->createTopic(T, 1), ErrorCode::None);
        f.produce(T, 0, 3);
        ConsumerConfig config = protocolConfig(QStringLiteral("c1"));
        config.enableAutoCommit = false;
        auto c1 = f.consumer(config);
        c1->subscribe({T});
        int read = 0;
        QVERIFY(f.run(
            1000, {c1.get()}, [&](Consumer *, const PollResult &r) { read += int(r.records.size()); },
            [&] { return read == 3; }));
        QString why;
        QCOMPARE(c1->commitSync(&why), ErrorCode::None);
        QCOMPARE(c1->committed(TopicPartition {T, 0}), std::optional<qint64>(3));
        // A commit from outside the group (no member id, epoch -1) is refused while the group has members.
        OffsetCommitRequest outsider;
        outsider.groupId = G;
        outsider.offsets.push_back(CommittedOffset {TopicPartition {T, 0}, 0, -1, QString(), -1});
        QCOMPARE(f.coordinator->commitOffsets(outsider).front().error, ErrorCode::UnknownMemberId);
    }

    void unknownServerAssignorIsAFatalError()
    {
        ClientFixture f;
        QVERIFY2(f.ok(), qPrintable(f.openError));
        QCOMPARE(f.log->createTopic(T, 1), ErrorCode::None);
        auto c1 = f.consumer(protocolConfig(QStringLiteral("c1"), QStringLiteral("sticky")));
        c1->subscribe({T});
        const PollResult r = c1->poll();
        QCOMPARE(r.errors.size(), size_t(1));
        QCOMPARE(r.errors.front().error, ErrorCode::UnsupportedAssignor);
        QVERIFY(r.errors.front().message.contains(QStringLiteral("sticky")));
        QCOMPARE(c1->state(), Consumer::MemberState::Unjoined);
        QVERIFY(f.coordinator->describeGroup(G).members.isEmpty());
    }

    void unsubscribeLeavesAndSubscribeJoinsAgain()
    {
        ClientFixture f;
        QVERIFY2(f.ok(), qPrintable(f.openError));
        QCOMPARE(f.log->createTopic(T, 2), ErrorCode::None);
        Seen seen;
        auto c1 = f.consumer(protocolConfig(QStringLiteral("c1")));
        c1->subscribe({T}, recording(seen));
        c1->poll();
        QCOMPARE(c1->assignment().size(), qsizetype(2));
        c1->unsubscribe();
        QCOMPARE(seen.revoked.size(), 1);
        QVERIFY(c1->assignment().isEmpty());
        QCOMPARE(f.coordinator->describeGroup(G).state, QStringLiteral("Empty"));
        c1->subscribe({T}, recording(seen));
        c1->poll();
        QCOMPARE(c1->assignment().size(), qsizetype(2));
        QCOMPARE(f.coordinator->describeGroup(G).groupEpoch, 3); // join, leave, join
    }
};

QTEST_GUILESS_MAIN(TestConsumerGroupClient)
#include "tst_consumergroupclient.moc"
