// Kafka 4's consumer group protocol (KIP-848) in the GroupCoordinator, on a ManualClock: joining, the group epoch and
// the target assignment, revoke-before-assign reconciliation, leaving, session and rebalance timeouts, epoch fencing,
// static members, Kafka's errors, and how such a group sits beside classic groups and committed offsets. Expected
// behaviour from Kafka's GroupMetadataManager and CurrentAssignmentBuilder (KIP-848).
#include "core/clock.h"
#include "core/events.h"
#include "group/groupcoordinator.h"

#include "fakeoffsetstore.h"

#include <QSet>
#include <QTest>
#include <memory>

using namespace topicscope::engine;

namespace {

using Sets = QMap<QString, QList<int>>;

const QString G = QStringLiteral("g");
const QString T = QStringLiteral("t");

QSet<int> partitionsOf(const std::optional<Sets> &sets, const QString &topic = T)
{
    QSet<int> out;
    if (sets) {
        for (int p : sets->value(topic))
            out.insert(p);
    }
    return out;
}

Sets setsOf(const QSet<int> &partitions, const QString &topic = T)
{
    QList<int> list(partitions.cbegin(), partitions.cend());
    std::sort(list.begin(), list.end());
    return list.isEmpty() ? Sets {} : Sets {{topic, list}};
}

class Harness {
public:
    Harness()
    {
        topics = {{T, 4}, {QStringLiteral("u"), 2}};
        GroupCoordinatorConfig config;
        config.initialRebalanceDelayMs = 0;
        coordinator = std::make_unique<GroupCoordinator>(
            clock, events, store, [this](const QString &topic) { return topics.value(topic, -1); }, config);
        coordinator->setTopicLister([this] { return QStringList(topics.keys()); });
        events.subscribe([this](const Event &event) {
            if (const auto *changed = std::get_if<GroupStateChanged>(&event))
                transitions.append(changed->toState + QStringLiteral(": ") + changed->reason);
            else if (const auto *completed = std::get_if<RebalanceCompleted>(&event))
                rebalances.append(*completed);
            else if (const auto *member = std::get_if<MemberAssignmentChanged>(&event))
                memberChanges.append(*member);
        });
    }

    ConsumerGroupHeartbeatRequest request(const QString &memberId, qint32 epoch, const std::optional<Sets> &owned) const
    {
        ConsumerGroupHeartbeatRequest r;
        r.groupId = G;
        r.memberId = memberId;
        r.memberEpoch = epoch;
        r.ownedPartitions = owned;
        r.clientId = memberId;
        r.clientHost = QStringLiteral("/127.0.0.1");
        if (epoch == 0) {
            r.rebalanceTimeoutMs = 10000;
            r.subscribedTopicNames = QStringList {T};
            r.ownedPartitions = Sets {};
        }
        return r;
    }

    ConsumerGroupHeartbeatResponse beat(const ConsumerGroupHeartbeatRequest &r)
    {
        const ConsumerGroupHeartbeatResponse response = coordinator->consumerGroupHeartbeat(r);
        if (response.error == ErrorCode::None && response.assignment)
            assigned[response.memberId] = partitionsOf(response.assignment);
        return response;
    }
    ConsumerGroupHeartbeatResponse join(const QString &memberId) { return beat(request(memberId, 0, Sets {})); }
    // A heartbeat reporting what the member owns now (what its last assignment said).
    ConsumerGroupHeartbeatResponse beat(const QString &memberId, qint32 epoch)
    {
        return beat(request(memberId, epoch, setsOf(assigned.value(memberId))));
    }

    const GroupMemberDescription *member(const QString &memberId) const
    {
        description = coordinator->describeGroup(G);
        for (const GroupMemberDescription &m : std::as_const(description.members)) {
            if (m.memberId == memberId)
                return &m;
        }
        return nullptr;
    }

    // Every member heartbeats (with what it owns) until the group is Stable; at most rounds times.
    void settle(QMap<QString, qint32> &epochs, int rounds = 6)
    {
        for (int i = 0; i < rounds && coordinator->describeGroup(G).state != QLatin1String("Stable"); ++i) {
            for (auto it = epochs.begin(); it != epochs.end(); ++it) {
                const ConsumerGroupHeartbeatResponse r = beat(it.key(), it.value());
                QCOMPARE(r.error, ErrorCode::None);
                it.value() = r.memberEpoch;
            }
        }
    }

    // Every partition of t owned by exactly one of the members.
    void verifyExclusive(const QStringList &members) const
    {
        QList<int> all;
        for (const QString &m : members)
            all += QList<int>(assigned.value(m).cbegin(), assigned.value(m).cend());
        std::sort(all.begin(), all.end());
        QCOMPARE(all, QList<int>({0, 1, 2, 3}).mid(0, topics.value(T)));
    }

    ManualClock clock;
    EventBus events;
    FakeOffsetStore store;
    QMap<QString, int> topics;
    std::unique_ptr<GroupCoordinator> coordinator;
    QStringList transitions;
    QList<RebalanceCompleted> rebalances;
    QList<MemberAssignmentChanged> memberChanges;
    QMap<QString, QSet<int>> assigned;
    mutable GroupDescription description;
};

} // namespace

class TestConsumerGroupHeartbeat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstMemberGetsEveryPartition()
    {
        Harness h;
        const ConsumerGroupHeartbeatResponse r = h.join(QStringLiteral("a"));
        QCOMPARE(r.error, ErrorCode::None);
        QCOMPARE(r.memberId, QStringLiteral("a"));
        QCOMPARE(r.memberEpoch, 1);
        QCOMPARE(r.heartbeatIntervalMs, 5000);
        QCOMPARE(partitionsOf(r.assignment), (QSet<int> {0, 1, 2, 3}));
        const GroupDescription d = h.coordinator->describeGroup(G);
        QCOMPARE(d.type, QStringLiteral("consumer"));
        QCOMPARE(d.state, QStringLiteral("Stable"));
        QCOMPARE(d.groupEpoch, 1);
        QCOMPARE(d.assignmentEpoch, 1);
        QCOMPARE(d.protocolName, QStringLiteral("uniform"));
        QCOMPARE(h.member(QStringLiteral("a"))->memberState, QStringLiteral("stable"));
        QCOMPARE(h.rebalances.size(), 1);
        QCOMPARE(h.rebalances.constFirst().generationId, 1);
        // A steady heartbeat changes nothing and carries no assignment.
        const ConsumerGroupHeartbeatResponse again = h.beat(QStringLiteral("a"), 1);
        QCOMPARE(again.memberEpoch, 1);
        QVERIFY(!again.assignment);
        const QList<GroupListing> listed = h.coordinator->listGroups();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.constFirst().type, QStringLiteral("consumer"));
        QCOMPARE(listed.constFirst().state, QStringLiteral("Stable"));
    }

    void secondMemberWaitsUntilTheFirstRevokes()
    {
        Harness h;
        h.join(QStringLiteral("a"));
        // b joins: epoch 2, its target is half of t, but a still owns all of it, so b gets nothing yet.
        const ConsumerGroupHeartbeatResponse b = h.join(QStringLiteral("b"));
        QCOMPARE(b.memberEpoch, 2);
        QVERIFY(partitionsOf(b.assignment).isEmpty());
        QCOMPARE(h.member(QStringLiteral("b"))->memberState, QStringLiteral("unreleased_partitions"));
        QCOMPARE(h.member(QStringLiteral("b"))->targetPartitions.size(), 2);
        QCOMPARE(h.coordinator->describeGroup(G).state, QStringLiteral("Reconciling"));

        // a learns at its next heartbeat: it keeps two and must give two up, staying at epoch 1 meanwhile.
        const ConsumerGroupHeartbeatResponse a = h.beat(QStringLiteral("a"), 1);
        QCOMPARE(a.memberEpoch, 1);
        QCOMPARE(partitionsOf(a.assignment).size(), 2);
        const GroupMemberDescription *revoking = h.member(QStringLiteral("a"));
        QCOMPARE(revoking->memberState, QStringLiteral("unrevoked_partitions"));
        QCOMPARE(revoking->partitionsPendingRevocation.size(), 2);
        // b still waits: nothing was revoked yet.
        QVERIFY(!h.beat(QStringLiteral("b"), 2).assignment);
        QVERIFY(h.assigned.value(QStringLiteral("b")).isEmpty());

        // a reports the two gone: it moves to epoch 2; b then gets them.
        const ConsumerGroupHeartbeatResponse revoked = h.beat(QStringLiteral("a"), 1);
        QCOMPARE(revoked.memberEpoch, 2);
        QCOMPARE(h.member(QStringLiteral("a"))->memberState, QStringLiteral("stable"));
        const ConsumerGroupHeartbeatResponse gained = h.beat(QStringLiteral("b"), 2);
        QCOMPARE(partitionsOf(gained.assignment).size(), 2);
        h.verifyExclusive({QStringLiteral("a"), QStringLiteral("b")});
        QCOMPARE(h.coordinator->describeGroup(G).state, QStringLiteral("Stable"));
        QCOMPARE(h.rebalances.size(), 2);
        QCOMPARE(h.rebalances.constLast().generationId, 2);
        QCOMPARE(h.rebalances.constLast().partitionsMoved.size(), 2);
    }

    void everyEpochGetsARowAndEveryOwnershipChangeAnEvent()
    {
        Harness h;
        h.join(QStringLiteral("a"));
        QCOMPARE(h.rebalances.size(), 1);
        QCOMPARE(h.rebalances.constLast().groupType, QStringLiteral("consumer"));
        QCOMPARE(h.rebalances.constLast().cause, QStringLiteral("member a joined the group"));
        QVERIFY(!h.rebalances.constLast().superseded);
        // b joins (epoch 2), then c joins (epoch 3) before anyone reconciled: epoch 2 is replaced, with its target.
        h.clock.advance(100);
        const qint32 b = h.join(QStringLiteral("b")).memberEpoch;
        h.clock.advance(200);
        const qint32 c = h.join(QStringLiteral("c")).memberEpoch;
        QCOMPARE(h.rebalances.size(), 2);
        const RebalanceCompleted &replaced = h.rebalances.constLast();
        QCOMPARE(replaced.generationId, 2);
        QVERIFY(replaced.superseded);
        QCOMPARE(replaced.durationMs, 200);
        QCOMPARE(replaced.assignment.value(QStringLiteral("b")).size(), 2); // its target: half of t
        QCOMPARE(replaced.cause, QStringLiteral("member b joined the group"));
        QMap<QString, qint32> epochs {{QStringLiteral("a"), 1}, {QStringLiteral("b"), b}, {QStringLiteral("c"), c}};
        h.clock.advance(300);
        h.settle(epochs);
        const RebalanceCompleted &completed = h.rebalances.constLast();
        QCOMPARE(h.rebalances.size(), 3);
        QCOMPARE(completed.generationId, 3);
        QVERIFY(!completed.superseded);
        QCOMPARE(completed.durationMs, 300);
        // a's events: joined with everything; kept part and gave up the rest; then at epoch 3 with only its share.
        QList<MemberAssignmentChanged> ofA;
        for (const MemberAssignmentChanged &m : std::as_const(h.memberChanges)) {
            if (m.memberId == QStringLiteral("a"))
                ofA << m;
        }
        QVERIFY(ofA.size() >= 2);
        QCOMPARE(ofA.constFirst().assigned.size(), 4);
        QCOMPARE(ofA.constFirst().memberEpoch, 1);
        QCOMPARE(ofA.constLast().memberEpoch, 3);
        QCOMPARE(ofA.constLast().assigned, (completed.assignment.value(QStringLiteral("a"))));
        QVERIFY(ofA.constLast().revoking.isEmpty());
        // A leaving member's event says it owns nothing any more.
        h.beat(h.request(QStringLiteral("c"), -1, std::nullopt));
        const MemberAssignmentChanged &left = h.memberChanges.constLast();
        QCOMPARE(left.memberId, QStringLiteral("c"));
        QCOMPARE(left.memberEpoch, -1);
        QVERIFY(left.assigned.isEmpty());
        QCOMPARE(left.reason, QStringLiteral("member c left the group"));
    }

    void leavingFreesPartitionsForTheNextHeartbeat()
    {
        Harness h;
        QMap<QString, qint32> epochs {{QStringLiteral("a"), h.join(QStringLiteral("a")).memberEpoch},
            {QStringLiteral("b"), h.join(QStringLiteral("b")).memberEpoch}};
        h.settle(epochs);
        h.verifyExclusive({QStringLiteral("a"), QStringLiteral("b")});
        const ConsumerGroupHeartbeatResponse left = h.beat(h.request(QStringLiteral("b"), -1, std::nullopt));
        QCOMPARE(left.error, ErrorCode::None);
        QCOMPARE(left.memberEpoch, -1);
        QCOMPARE(h.coordinator->describeGroup(G).state, QStringLiteral("Assigning"));
        QCOMPARE(h.coordinator->describeGroup(G).groupEpoch, 3);
        const ConsumerGroupHeartbeatResponse a = h.beat(QStringLiteral("a"), epochs.value(QStringLiteral("a")));
        QCOMPARE(a.memberEpoch, 3);
        QCOMPARE(partitionsOf(a.assignment), (QSet<int> {0, 1, 2, 3}));
        QCOMPARE(h.coordinator->describeGroup(G).state, QStringLiteral("Stable"));
        QVERIFY(h.transitions.join(QLatin1Char('\n')).contains(QStringLiteral("member b left the group")));
    }

    void silentMemberIsFencedAfterItsSession()
    {
        Harness h;
        QMap<QString, qint32> epochs {{QStringLiteral("a"), h.join(QStringLiteral("a")).memberEpoch},
            {QStringLiteral("b"), h.join(QStringLiteral("b")).memberEpoch}};
        h.settle(epochs);
        // Only a heartbeats; b's 45 s session runs out.
        for (int i = 0; i < 10; ++i) {
            h.clock.advance(5000);
            epochs[QStringLiteral("a")] = h.beat(QStringLiteral("a"), epochs.value(QStringLiteral("a"))).memberEpoch;
        }
        QVERIFY(!h.member(QStringLiteral("b")));
        QCOMPARE(h.assigned.value(QStringLiteral("a")), (QSet<int> {0, 1, 2, 3}));
        QVERIFY(h.transitions.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("member b's session timed out after 45000 ms")));
        // Its next heartbeat is from a stranger.
        QCOMPARE(h.beat(QStringLiteral("b"), epochs.value(QStringLiteral("b"))).error, ErrorCode::UnknownMemberId);
    }

    void memberThatDoesNotRevokeIsFencedAfterItsRebalanceTimeout()
    {
        Harness h;
        h.join(QStringLiteral("a"));
        h.join(QStringLiteral("b"));
        QCOMPARE(h.beat(h.request(QStringLiteral("a"), 1, setsOf({0, 1, 2, 3}))).memberEpoch, 1);
        QCOMPARE(h.member(QStringLiteral("a"))->memberState, QStringLiteral("unrevoked_partitions"));
        // a keeps heartbeating but keeps claiming all four: after its 10 s rebalance timeout it is fenced.
        for (int i = 0; i < 3; ++i) {
            h.clock.advance(4000);
            h.beat(h.request(QStringLiteral("a"), 1, setsOf({0, 1, 2, 3})));
        }
        QVERIFY(!h.member(QStringLiteral("a")));
        QVERIFY(h.transitions.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("did not revoke its partitions within 10000 ms")));
        const ConsumerGroupHeartbeatResponse b = h.beat(QStringLiteral("b"), 2);
        QCOMPARE(partitionsOf(b.assignment), (QSet<int> {0, 1, 2, 3}));
    }

    void epochsAreFenced()
    {
        Harness h;
        h.join(QStringLiteral("a"));
        const ConsumerGroupHeartbeatResponse ahead = h.beat(QStringLiteral("a"), 5);
        QCOMPARE(ahead.error, ErrorCode::FencedMemberEpoch);
        QVERIFY(ahead.errorMessage->contains(QStringLiteral("greater member epoch (5)")));
        // b joins; a revokes and moves to epoch 2 (previous epoch 1).
        h.join(QStringLiteral("b"));
        h.beat(QStringLiteral("a"), 1);
        QCOMPARE(h.beat(QStringLiteral("a"), 1).memberEpoch, 2);
        // The response with epoch 2 may have been lost: epoch 1 with a subset of the assignment is accepted ...
        QCOMPARE(h.beat(QStringLiteral("a"), 1).error, ErrorCode::None);
        // ... but not with partitions it no longer has, nor without saying what it owns.
        QCOMPARE(h.beat(h.request(QStringLiteral("a"), 1, setsOf({0, 1, 2, 3}))).error, ErrorCode::FencedMemberEpoch);
        QCOMPARE(h.beat(h.request(QStringLiteral("a"), 1, std::nullopt)).error, ErrorCode::FencedMemberEpoch);
        // A fenced member rejoins with epoch 0 and its id, and gets its assignment again.
        const ConsumerGroupHeartbeatResponse rejoined = h.join(QStringLiteral("a"));
        QCOMPARE(rejoined.error, ErrorCode::None);
        QCOMPARE(rejoined.memberEpoch, 2);
        QCOMPARE(partitionsOf(rejoined.assignment).size(), 2);
    }

    void invalidRequestsGetKafkasErrors()
    {
        Harness h;
        ConsumerGroupHeartbeatRequest r = h.request(QStringLiteral("a"), 0, Sets {});
        r.rebalanceTimeoutMs = -1;
        QCOMPARE(h.beat(r).error, ErrorCode::InvalidRequest);
        r = h.request(QStringLiteral("a"), 0, Sets {});
        r.ownedPartitions = setsOf({1});
        QCOMPARE(h.beat(r).error, ErrorCode::InvalidRequest);
        r = h.request(QStringLiteral("a"), 0, Sets {});
        r.subscribedTopicNames.reset();
        QCOMPARE(h.beat(r).errorMessage,
            std::optional<QString>(
                QStringLiteral("SubscribedTopicNames or SubscribedTopicRegex must be set in first request.")));
        r = h.request(QStringLiteral("a"), 0, Sets {});
        r.serverAssignor = QStringLiteral("sticky");
        QCOMPARE(h.beat(r).error, ErrorCode::UnsupportedAssignor);
        r = h.request(QStringLiteral("a"), 0, Sets {});
        r.subscribedTopicNames.reset();
        r.subscribedTopicRegex = QStringLiteral("t(");
        QCOMPARE(h.beat(r).error, ErrorCode::InvalidRegularExpression);
        // Nothing of that created the group.
        QVERIFY(h.coordinator->listGroups().isEmpty());
        QCOMPARE(h.beat(QStringLiteral("a"), 1).error, ErrorCode::GroupIdNotFound);
        h.join(QStringLiteral("a"));
        QCOMPARE(h.beat(QStringLiteral("stranger"), 1).error, ErrorCode::UnknownMemberId);
    }

    void rangeAssignorOnRequest()
    {
        Harness h;
        ConsumerGroupHeartbeatRequest r = h.request(QStringLiteral("a"), 0, Sets {});
        r.serverAssignor = QStringLiteral("range");
        QCOMPARE(h.beat(r).error, ErrorCode::None);
        QCOMPARE(h.coordinator->describeGroup(G).protocolName, QStringLiteral("range"));
    }

    void staticMemberKeepsItsPartitionsWhileAway()
    {
        Harness h;
        ConsumerGroupHeartbeatRequest r = h.request(QStringLiteral("a1"), 0, Sets {});
        r.instanceId = QStringLiteral("i");
        QCOMPARE(h.beat(r).memberEpoch, 1);
        QMap<QString, qint32> epochs {{QStringLiteral("b"), h.join(QStringLiteral("b")).memberEpoch}};
        ConsumerGroupHeartbeatRequest a
            = h.request(QStringLiteral("a1"), 1, setsOf(h.assigned.value(QStringLiteral("a1"))));
        a.instanceId = QStringLiteral("i");
        h.beat(a);
        a.ownedPartitions = setsOf(h.assigned.value(QStringLiteral("a1")));
        QCOMPARE(h.beat(a).memberEpoch, 2);
        h.settle(epochs);
        const QSet<int> mine = h.assigned.value(QStringLiteral("a1"));
        QCOMPARE(mine.size(), 2);

        // Another process with the same instance id while a1 is there: refused.
        ConsumerGroupHeartbeatRequest other = h.request(QStringLiteral("a2"), 0, Sets {});
        other.instanceId = QStringLiteral("i");
        QCOMPARE(h.beat(other).error, ErrorCode::UnreleasedInstanceId);

        // a1 leaves for a while (epoch -2): it keeps its place, no new epoch.
        ConsumerGroupHeartbeatRequest away = h.request(QStringLiteral("a1"), -2, std::nullopt);
        away.instanceId = QStringLiteral("i");
        QCOMPARE(h.beat(away).memberEpoch, -2);
        QCOMPARE(h.coordinator->describeGroup(G).groupEpoch, 2);
        // The instance comes back as a2 and takes over a1's partitions, still without a new epoch.
        const ConsumerGroupHeartbeatResponse back = h.beat(other);
        QCOMPARE(back.error, ErrorCode::None);
        QCOMPARE(back.memberEpoch, 2);
        QCOMPARE(partitionsOf(back.assignment), mine);
        QVERIFY(!h.member(QStringLiteral("a1")));
        QCOMPARE(h.coordinator->describeGroup(G).groupEpoch, 2);
        // a1 is fenced by its successor, named by the instance id it still sends.
        QCOMPARE(h.beat(a).error, ErrorCode::FencedInstanceId);
    }

    void newPartitionsBumpTheEpoch()
    {
        Harness h;
        h.join(QStringLiteral("a"));
        h.topics[T] = 6;
        const ConsumerGroupHeartbeatResponse r = h.beat(QStringLiteral("a"), 1);
        QCOMPARE(r.memberEpoch, 2);
        QCOMPARE(partitionsOf(r.assignment), (QSet<int> {0, 1, 2, 3, 4, 5}));
    }

    void regularExpressionSubscription()
    {
        Harness h;
        ConsumerGroupHeartbeatRequest r = h.request(QStringLiteral("a"), 0, Sets {});
        r.subscribedTopicNames.reset();
        r.subscribedTopicRegex = QStringLiteral("[tu]");
        h.topics.insert(QStringLiteral("__consumer_offsets"), 50);
        const ConsumerGroupHeartbeatResponse response = h.beat(r);
        QCOMPARE(response.error, ErrorCode::None);
        QCOMPARE(response.assignment->keys(), (QStringList {T, QStringLiteral("u")}));
    }

    void classicAndConsumerGroupsShareOneNamespace()
    {
        Harness h;
        // A classic group with a member refuses consumer-protocol members.
        JoinGroupRequest join;
        join.groupId = QStringLiteral("classic");
        join.clientId = QStringLiteral("c");
        join.protocolType = QStringLiteral("consumer");
        join.protocols = {GroupProtocol {QStringLiteral("range"), QByteArray()}};
        join.requireKnownMemberId = false;
        std::optional<JoinGroupResponse> joined;
        h.coordinator->joinGroup(join, [&](const JoinGroupResponse &r) { joined = r; });
        h.clock.advance(1);
        QVERIFY(joined);
        ConsumerGroupHeartbeatRequest r = h.request(QStringLiteral("a"), 0, Sets {});
        r.groupId = QStringLiteral("classic");
        QCOMPARE(h.coordinator->consumerGroupHeartbeat(r).error, ErrorCode::GroupIdNotFound);

        // A consumer-protocol group with members refuses classic members.
        h.join(QStringLiteral("a"));
        join.groupId = G;
        std::optional<JoinGroupResponse> refused;
        h.coordinator->joinGroup(join, [&](const JoinGroupResponse &r) { refused = r; });
        QCOMPARE(refused->error, ErrorCode::InconsistentGroupProtocol);
        const QList<GroupListing> listed = h.coordinator->listGroups();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(0).type, QStringLiteral("classic"));
        QCOMPARE(listed.at(1).type, QStringLiteral("consumer"));
    }

    void offsetCommitsCarryTheMemberEpoch()
    {
        Harness h;
        h.join(QStringLiteral("a"));
        OffsetCommitRequest commit;
        commit.groupId = G;
        commit.memberId = QStringLiteral("a");
        commit.generationId = 1;
        commit.unknownGroupIsNotFound = true; // OffsetCommit v9
        CommittedOffset offset;
        offset.topicPartition = {T, 0};
        offset.offset = 42;
        commit.offsets = {offset};
        QCOMPARE(h.coordinator->commitOffsets(commit).front().error, ErrorCode::None);
        QCOMPARE(h.coordinator->fetchOffsets(G, QList<TopicPartition> {{T, 0}}).offsets.front().offset, 42);
        // OffsetFetch v9: a member reads at its own epoch; admin tools (no member id, epoch -1) always; classic and
        // unknown groups check nothing.
        QCOMPARE(h.coordinator->validateOffsetFetch(G, QStringLiteral("a"), 1), ErrorCode::None);
        QCOMPARE(h.coordinator->validateOffsetFetch(G, QStringLiteral("a"), 0), ErrorCode::StaleMemberEpoch);
        QCOMPARE(h.coordinator->validateOffsetFetch(G, QStringLiteral("nobody"), 1), ErrorCode::UnknownMemberId);
        QCOMPARE(h.coordinator->validateOffsetFetch(G, std::nullopt, -1), ErrorCode::None);
        QCOMPARE(h.coordinator->validateOffsetFetch(G, QString(), -1), ErrorCode::UnknownMemberId);
        QCOMPARE(
            h.coordinator->validateOffsetFetch(QStringLiteral("unknown"), QStringLiteral("a"), 3), ErrorCode::None);
        commit.generationId = 7;
        QCOMPARE(h.coordinator->commitOffsets(commit).front().error, ErrorCode::StaleMemberEpoch);
        commit.generationId = 1;
        commit.unknownGroupIsNotFound = false; // v8 and older cannot carry a member epoch
        QCOMPARE(h.coordinator->commitOffsets(commit).front().error, ErrorCode::UnsupportedVersion);
        commit.memberId.clear();
        commit.generationId = -1; // an admin commit, while the group has members
        QCOMPARE(h.coordinator->commitOffsets(commit).front().error, ErrorCode::UnknownMemberId);
        QCOMPARE(h.coordinator->deleteGroup(G), ErrorCode::NonEmptyGroup);
        QCOMPARE(h.coordinator->resetOffsets(G, {offset}), ErrorCode::NonEmptyGroup);

        // Once Empty, the group and its offsets can go.
        h.beat(h.request(QStringLiteral("a"), -1, std::nullopt));
        QCOMPARE(h.coordinator->describeGroup(G).state, QStringLiteral("Empty"));
        QCOMPARE(h.coordinator->commitOffsets(commit).front().error, ErrorCode::None);
        QCOMPARE(h.coordinator->deleteGroup(G), ErrorCode::None);
        QVERIFY(h.coordinator->listGroups().isEmpty());
        QCOMPARE(h.coordinator->fetchOffsets(G, QList<TopicPartition> {{T, 0}}).offsets.front().offset, -1);
    }
};

QTEST_GUILESS_MAIN(TestConsumerGroupHeartbeat)
#include "tst_consumergroupheartbeat.moc"
