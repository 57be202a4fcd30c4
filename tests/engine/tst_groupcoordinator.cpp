#include "core/clock.h"
#include "core/events.h"
#include "group/consumerprotocol.h"
#include "group/groupcoordinator.h"

#include "fakeoffsetstore.h"

#include <QTest>
#include <memory>
#include <optional>

using namespace topicscope::engine;

Q_DECLARE_METATYPE(topicscope::engine::ErrorCode)

namespace topicscope::engine {
// Failure messages name the code: "Actual: UNKNOWN_MEMBER_ID, Expected: NONE".
char *toString(ErrorCode code)
{
    return QTest::toString(errorName(code));
}
} // namespace topicscope::engine

namespace {

template <typename Response> using Slot = std::shared_ptr<std::optional<Response>>;

const QString G1 = QStringLiteral("g1");

QByteArray subscription(const QStringList &topics)
{
    ConsumerSubscription s;
    s.topics = topics;
    return ConsumerProtocol::encodeSubscription(s);
}

QByteArray assignment(const QList<TopicPartition> &partitions)
{
    ConsumerAssignment a;
    a.partitions = partitions;
    return ConsumerProtocol::encodeAssignment(a);
}

TopicPartition tp(const char *topic, int partition)
{
    return {QString::fromLatin1(topic), partition};
}

CommittedOffset offsetAt(const TopicPartition &topicPartition, qint64 offset, const QString &metadata = {})
{
    CommittedOffset o;
    o.topicPartition = topicPartition;
    o.offset = offset;
    o.metadata = metadata;
    return o;
}

// A coordinator on a ManualClock with member ids c-1, c-2, ... and a record of every event it publishes.
class Harness {
public:
    explicit Harness(qint64 initialRebalanceDelayMs = 0)
    {
        GroupCoordinatorConfig config;
        config.initialRebalanceDelayMs = initialRebalanceDelayMs;
        topics = {{QStringLiteral("t"), 3}, {QStringLiteral("u"), 1}};
        coordinator = std::make_unique<GroupCoordinator>(
            clock, events, store, [this](const QString &topic) { return topics.value(topic, -1); }, config);
        coordinator->setMemberIdGenerator([this] { return QString::number(++nextId); });
        events.subscribe([this](const Event &event) {
            if (const auto *changed = std::get_if<GroupStateChanged>(&event))
                transitions.append(QStringLiteral("%1 gen %2: %3 -> %4: %5")
                                       .arg(changed->groupId, QString::number(changed->generationId),
                                           changed->fromState, changed->toState, changed->reason));
            else if (const auto *completed = std::get_if<RebalanceCompleted>(&event))
                rebalances.append(*completed);
            else if (const auto *committed = std::get_if<OffsetCommitted>(&event))
                commits.append(*committed);
        });
    }

    JoinGroupRequest joinRequest(const QString &memberId, const QStringList &subscribed = {QStringLiteral("t")}) const
    {
        JoinGroupRequest r;
        r.groupId = G1;
        r.memberId = memberId;
        r.clientId = QStringLiteral("c");
        r.clientHost = QStringLiteral("/127.0.0.1");
        r.sessionTimeoutMs = 10000;
        r.rebalanceTimeoutMs = 10000;
        r.protocolType = QStringLiteral("consumer");
        r.protocols = {GroupProtocol {QStringLiteral("range"), subscription(subscribed)}};
        return r;
    }

    Slot<JoinGroupResponse> join(const JoinGroupRequest &request)
    {
        auto slot = std::make_shared<std::optional<JoinGroupResponse>>();
        coordinator->joinGroup(request, [slot](const JoinGroupResponse &response) { *slot = response; });
        return slot;
    }
    Slot<JoinGroupResponse> join(const QString &memberId) { return join(joinRequest(memberId)); }

    // The first JoinGroup of a new dynamic member (KIP-394): the id that comes back with MEMBER_ID_REQUIRED.
    QString newMember()
    {
        const auto response = join(joinRequest(QString()));
        if (!*response || (*response)->error != ErrorCode::MemberIdRequired)
            return {};
        return (*response)->memberId;
    }

    Slot<SyncGroupResponse> sync(
        qint32 generationId, const QString &memberId, const QMap<QString, QByteArray> &assignments = {})
    {
        SyncGroupRequest request;
        request.groupId = G1;
        request.generationId = generationId;
        request.memberId = memberId;
        request.assignments = assignments;
        auto slot = std::make_shared<std::optional<SyncGroupResponse>>();
        coordinator->syncGroup(request, [slot](const SyncGroupResponse &response) { *slot = response; });
        return slot;
    }

    ErrorCode heartbeat(
        const QString &memberId, qint32 generationId, const std::optional<QString> &groupInstanceId = std::nullopt)
    {
        return coordinator->heartbeat(HeartbeatRequest {G1, generationId, memberId, groupInstanceId});
    }

    std::vector<PartitionResult> commit(const QString &groupId, qint32 generationId, const QString &memberId,
        const std::vector<CommittedOffset> &offsets)
    {
        OffsetCommitRequest request;
        request.groupId = groupId;
        request.generationId = generationId;
        request.memberId = memberId;
        request.offsets = offsets;
        return coordinator->commitOffsets(request);
    }

    // n members join generation 1 of g1 (each through MEMBER_ID_REQUIRED) and sync; partition p of t goes to
    // member p % n. With no initial delay the phase completes as soon as the last pending member rejoins.
    bool formGroup(int n, bool syncAll = true)
    {
        ids.clear();
        for (int i = 0; i < n; ++i)
            ids.append(newMember());
        QList<Slot<JoinGroupResponse>> joins;
        for (const QString &id : std::as_const(ids))
            joins.append(join(id));
        for (const auto &j : std::as_const(joins)) {
            if (!*j || (*j)->error != ErrorCode::None || (*j)->generationId != 1)
                return false;
        }
        if (!syncAll)
            return true;
        QMap<QString, QByteArray> assignments;
        for (int i = 0; i < n; ++i) {
            QList<TopicPartition> partitions;
            for (int p = i; p < 3; p += n)
                partitions.append(tp("t", p));
            assignments.insert(ids[i], assignment(partitions));
        }
        QList<Slot<SyncGroupResponse>> syncs;
        for (int i = n - 1; i >= 0; --i)
            syncs.append(sync(1, ids[i], i == 0 ? assignments : QMap<QString, QByteArray>()));
        for (const auto &s : std::as_const(syncs)) {
            if (!*s || (*s)->error != ErrorCode::None)
                return false;
        }
        return true;
    }

    QString dump() const { return coordinator->dumpGroup(G1); }

    ManualClock clock;
    EventBus events;
    FakeOffsetStore store;
    QMap<QString, int> topics;
    int nextId = 0;
    QStringList ids;
    QStringList transitions;
    QList<RebalanceCompleted> rebalances;
    QList<OffsetCommitted> commits;
    std::unique_ptr<GroupCoordinator> coordinator; // last: destroyed before the clock it schedules on
};

} // namespace

class tst_GroupCoordinator : public QObject {
    Q_OBJECT

private slots:
    void singleMemberJoinAndSync();
    void threeMembersJoinAndSync();
    void memberIdRequiredThenRejoin();
    void pendingMemberExpires();
    void initialRebalanceDelay();
    void initialDelayExtendedByJoiningMembers_data();
    void initialDelayExtendedByJoiningMembers();
    void joinValidation_data();
    void joinValidation();
    void groupMaxSize();
    void rebalanceOnJoin();
    void rebalanceOnLeaveThenEmpty();
    void sessionTimeoutRemovesMember();
    void describeTellsWhenMembersWereLastHeardFrom();
    void dynamicMemberNotRejoiningIsRemoved();
    void staleGeneration_data();
    void staleGeneration();
    void leaderRejoinInStableRebalances();
    void followerRejoinWithSameMetadataDoesNotRebalance();
    void rejoinDuringCompletingRebalanceResendsResult();
    void memberThatNeverSyncsIsRemoved();
    void leaderThatNeverSyncsFailsParkedFollowers();
    void staticMemberRejoinsWithoutRebalanceAndFencesOldId();
    void staticMemberKeptWhenNotRejoining();
    void offsetCommitAndFetch();
    void standaloneCommits();
    void commitPartitionValidation_data();
    void commitPartitionValidation();
    void commitDuringCompletingRebalance();
    void storageFailureChangesNothing();
    void loadRestoresOffsets();
    void describeListDelete();
    void topicDeletionDropsOffsets();
    void resetOffsets();
    void callbackMayCallBackIn();
};

void tst_GroupCoordinator::singleMemberJoinAndSync()
{
    Harness h;
    const QString id = h.newMember();
    QCOMPARE(id, QStringLiteral("c-1"));
    QCOMPARE(h.dump(), QStringLiteral("group g1: Empty gen=0 leader= members=[]"));

    const auto joined = h.join(id);
    QVERIFY(joined->has_value());
    const JoinGroupResponse &j = **joined;
    QCOMPARE(j.error, ErrorCode::None);
    QCOMPARE(j.generationId, 1);
    QCOMPARE(j.protocolType, QStringLiteral("consumer"));
    QCOMPARE(j.protocolName, QStringLiteral("range"));
    QCOMPARE(j.leader, id);
    QCOMPARE(j.memberId, id);
    QCOMPARE(j.members.size(), 1);
    QCOMPARE(j.members[0].memberId, id);
    QCOMPARE(j.members[0].metadata, subscription({QStringLiteral("t")}));
    QCOMPARE(h.dump(), QStringLiteral("group g1: CompletingRebalance gen=1 leader=c-1 members=[c-1]"));

    h.clock.advance(40);
    const QByteArray all = assignment({tp("t", 0), tp("t", 1), tp("t", 2)});
    const auto synced = h.sync(1, id, {{id, all}});
    QVERIFY(synced->has_value());
    QCOMPARE((*synced)->error, ErrorCode::None);
    QCOMPARE((*synced)->assignment, all);
    QCOMPARE((*synced)->protocolName, QStringLiteral("range"));
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=1 leader=c-1 members=[c-1]"));
    QCOMPARE(h.heartbeat(id, 1), ErrorCode::None);

    // Every transition is an event with its reason.
    const QStringList expected {
        QStringLiteral("g1 gen 0: Empty -> PreparingRebalance: new member c-1 joined (client reason: not provided)"),
        QStringLiteral("g1 gen 1: PreparingRebalance -> CompletingRebalance: all 1 member(s) joined"),
        QStringLiteral("g1 gen 1: CompletingRebalance -> Stable: leader c-1 sent the assignment for generation 1"),
    };
    QCOMPARE(h.transitions, expected);

    QCOMPARE(h.rebalances.size(), 1);
    const RebalanceCompleted &r = h.rebalances[0];
    QCOMPARE(r.groupId, G1);
    QCOMPARE(r.generationId, 1);
    QCOMPARE(r.protocolType, QStringLiteral("consumer"));
    QCOMPARE(r.protocolName, QStringLiteral("range"));
    QCOMPARE(r.leaderId, id);
    QCOMPARE(r.assignment.value(id), (QList<TopicPartition> {tp("t", 0), tp("t", 1), tp("t", 2)}));
    QCOMPARE(r.partitionsMoved, (QList<TopicPartition> {tp("t", 0), tp("t", 1), tp("t", 2)}));
    QCOMPARE(r.durationMs, 40);
}

void tst_GroupCoordinator::threeMembersJoinAndSync()
{
    Harness h;
    const QStringList ids {h.newMember(), h.newMember(), h.newMember()};
    QCOMPARE(ids, (QStringList {QStringLiteral("c-1"), QStringLiteral("c-2"), QStringLiteral("c-3")}));

    // The phase waits for the members that still hold a pending id.
    const auto j1 = h.join(ids[0]);
    const auto j2 = h.join(ids[1]);
    QVERIFY(!j1->has_value());
    QVERIFY(!j2->has_value());
    const auto j3 = h.join(ids[2]);
    QVERIFY(j1->has_value() && j2->has_value() && j3->has_value());
    QCOMPARE((*j1)->members.size(), 3); // only the leader gets the member list
    QCOMPARE((*j2)->members.size(), 0);
    QCOMPARE((*j3)->members.size(), 0);
    QCOMPARE((*j2)->leader, ids[0]);
    QCOMPARE((*j3)->generationId, 1);

    // Followers are parked until the leader's assignment arrives; c-3 is left out of it.
    const auto s2 = h.sync(1, ids[1]);
    const auto s3 = h.sync(1, ids[2]);
    QVERIFY(!s2->has_value());
    QVERIFY(!s3->has_value());
    QCOMPARE(h.dump(), QStringLiteral("group g1: CompletingRebalance gen=1 leader=c-1 members=[c-1,c-2,c-3]"));
    const auto s1
        = h.sync(1, ids[0], {{ids[0], assignment({tp("t", 0), tp("t", 1)})}, {ids[1], assignment({tp("t", 2)})}});
    QVERIFY(s1->has_value() && s2->has_value() && s3->has_value());
    QCOMPARE((*s1)->assignment, assignment({tp("t", 0), tp("t", 1)}));
    QCOMPARE((*s2)->assignment, assignment({tp("t", 2)}));
    QCOMPARE((*s3)->assignment, ConsumerProtocol::emptyAssignment());
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=1 leader=c-1 members=[c-1,c-2,c-3]"));

    QCOMPARE(h.rebalances.size(), 1);
    QCOMPARE(h.rebalances[0].assignment.value(ids[1]), QList<TopicPartition> {tp("t", 2)});
    QCOMPARE(h.rebalances[0].assignment.value(ids[2]), QList<TopicPartition> {});
    QCOMPARE(h.rebalances[0].partitionsMoved.size(), 3);
}

void tst_GroupCoordinator::memberIdRequiredThenRejoin()
{
    Harness h;
    const auto first = h.join(QString());
    QVERIFY(first->has_value());
    QCOMPARE((*first)->error, ErrorCode::MemberIdRequired);
    QCOMPARE((*first)->memberId, QStringLiteral("c-1"));
    QCOMPARE((*first)->generationId, -1);
    QCOMPARE(h.coordinator->describeGroup(G1).members.size(), 0);

    const auto stranger = h.join(QStringLiteral("c-9"));
    QCOMPARE((*stranger)->error, ErrorCode::UnknownMemberId);

    const auto rejoined = h.join(QStringLiteral("c-1"));
    QCOMPARE((*rejoined)->error, ErrorCode::None);
    QCOMPARE((*rejoined)->memberId, QStringLiteral("c-1"));
    QCOMPARE((*rejoined)->generationId, 1);

    // A known member id cannot create a group.
    JoinGroupRequest other = h.joinRequest(QStringLiteral("x-1"));
    other.groupId = QStringLiteral("g2");
    QCOMPARE((*h.join(other))->error, ErrorCode::UnknownMemberId);
    QCOMPARE(h.coordinator->listGroups().size(), 1);
}

void tst_GroupCoordinator::pendingMemberExpires()
{
    Harness h;
    const QString id = h.newMember();
    h.clock.advance(9999);
    h.clock.advance(1); // the session timeout of the pending member
    QCOMPARE((*h.join(id))->error, ErrorCode::UnknownMemberId);
}

void tst_GroupCoordinator::initialRebalanceDelay()
{
    Harness h(3000);
    const auto joined = h.join(h.newMember());
    QVERIFY(!joined->has_value());
    QCOMPARE(h.dump(), QStringLiteral("group g1: PreparingRebalance gen=0 leader=c-1 members=[c-1]"));
    h.clock.advance(2999);
    QVERIFY(!joined->has_value());
    h.clock.advance(1);
    QVERIFY(joined->has_value());
    QCOMPARE((*joined)->generationId, 1);
    QCOMPARE(h.transitions.last(),
        QStringLiteral("g1 gen 1: PreparingRebalance -> CompletingRebalance: initial rebalance delay elapsed, "
                       "1 member(s) joined"));
}

void tst_GroupCoordinator::initialDelayExtendedByJoiningMembers_data()
{
    QTest::addColumn<int>("rebalanceTimeoutMs");
    QTest::addColumn<int>("completesAtMs");
    QTest::addRow("extended by a full delay") << 10000 << 6000;
    QTest::addRow("extension bounded by the rebalance timeout") << 5000 << 5000;
    QTest::addRow("no time left to extend") << 3000 << 3000;
}

void tst_GroupCoordinator::initialDelayExtendedByJoiningMembers()
{
    QFETCH(int, rebalanceTimeoutMs);
    QFETCH(int, completesAtMs);
    Harness h(3000);
    const QString c1 = h.newMember();
    const QString c2 = h.newMember();
    JoinGroupRequest r1 = h.joinRequest(c1);
    r1.rebalanceTimeoutMs = rebalanceTimeoutMs;
    JoinGroupRequest r2 = h.joinRequest(c2);
    r2.rebalanceTimeoutMs = rebalanceTimeoutMs;

    const auto j1 = h.join(r1);
    h.clock.advance(1000);
    const auto j2 = h.join(r2); // joins during the delay
    h.clock.advance(completesAtMs - 1000 - 1);
    QVERIFY(!j1->has_value());
    QVERIFY(!j2->has_value());
    h.clock.advance(1);
    QVERIFY(j1->has_value() && j2->has_value());
    QCOMPARE((*j1)->generationId, 1);
    QCOMPARE((*j1)->members.size(), 2);
}

void tst_GroupCoordinator::joinValidation_data()
{
    QTest::addColumn<QString>("groupId");
    QTest::addColumn<int>("sessionTimeoutMs");
    QTest::addColumn<QString>("protocolType");
    QTest::addColumn<QString>("protocolName");
    QTest::addColumn<ErrorCode>("expected");
    const QString consumer = QStringLiteral("consumer");
    const QString range = QStringLiteral("range");
    QTest::addRow("empty group id") << QString() << 10000 << consumer << range << ErrorCode::InvalidGroupId;
    QTest::addRow("session timeout below min") << G1 << 5999 << consumer << range << ErrorCode::InvalidSessionTimeout;
    QTest::addRow("session timeout above max")
        << G1 << 1800001 << consumer << range << ErrorCode::InvalidSessionTimeout;
    QTest::addRow("other protocol type") << G1 << 10000 << QStringLiteral("connect") << range
                                         << ErrorCode::InconsistentGroupProtocol;
    QTest::addRow("no common protocol") << G1 << 10000 << consumer << QStringLiteral("roundrobin")
                                        << ErrorCode::InconsistentGroupProtocol;
    QTest::addRow("new group without protocol type")
        << QStringLiteral("g2") << 10000 << QString() << range << ErrorCode::InconsistentGroupProtocol;
}

void tst_GroupCoordinator::joinValidation()
{
    QFETCH(QString, groupId);
    QFETCH(int, sessionTimeoutMs);
    QFETCH(QString, protocolType);
    QFETCH(QString, protocolName);
    QFETCH(ErrorCode, expected);
    Harness h;
    QVERIFY(h.formGroup(1));
    JoinGroupRequest request = h.joinRequest(QString());
    request.groupId = groupId;
    request.sessionTimeoutMs = sessionTimeoutMs;
    request.protocolType = protocolType;
    request.protocols = {GroupProtocol {protocolName, subscription({QStringLiteral("t")})}};
    const auto response = h.join(request);
    QVERIFY(response->has_value());
    QCOMPARE((*response)->error, expected);
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=1 leader=c-1 members=[c-1]"));
    QCOMPARE(h.coordinator->listGroups().size(), 1); // a failed join leaves no group behind
}

void tst_GroupCoordinator::groupMaxSize()
{
    Harness h;
    QVERIFY(h.formGroup(1));
    GroupCoordinatorConfig config = h.coordinator->config();
    config.maxGroupSize = 1;
    h.coordinator->setConfig(config);
    JoinGroupRequest request = h.joinRequest(QString());
    request.requireKnownMemberId = false;
    QCOMPARE((*h.join(request))->error, ErrorCode::GroupMaxSizeReached);
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=1 leader=c-1 members=[c-1]"));
}

void tst_GroupCoordinator::rebalanceOnJoin()
{
    Harness h;
    QVERIFY(h.formGroup(1));
    const QString c2 = h.newMember();
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=1 leader=c-1 members=[c-1]")); // pending: no change
    const auto j2 = h.join(c2);
    QVERIFY(!j2->has_value());
    QCOMPARE(h.transitions.last(),
        QStringLiteral("g1 gen 1: Stable -> PreparingRebalance: new member c-2 joined (client reason: not provided)"));
    QCOMPARE(h.heartbeat(QStringLiteral("c-1"), 1), ErrorCode::RebalanceInProgress);
    QCOMPARE((*h.sync(1, QStringLiteral("c-1")))->error, ErrorCode::RebalanceInProgress);
    const auto j1 = h.join(QStringLiteral("c-1"));
    QVERIFY(j1->has_value() && j2->has_value());
    QCOMPARE((*j1)->generationId, 2);
    QCOMPARE((*j1)->leader, QStringLiteral("c-1")); // the leader is kept
    QCOMPARE((*j1)->members.size(), 2);
    QCOMPARE(h.dump(), QStringLiteral("group g1: CompletingRebalance gen=2 leader=c-1 members=[c-1,c-2]"));
}

void tst_GroupCoordinator::rebalanceOnLeaveThenEmpty()
{
    Harness h;
    QVERIFY(h.formGroup(2));
    LeaveGroupResponse left = h.coordinator->leaveGroup(G1,
        {LeavingMember {QStringLiteral("c-2"), std::nullopt, QStringLiteral("closing")},
            LeavingMember {QStringLiteral("zz"), std::nullopt, QString()}});
    QCOMPARE(left.error, ErrorCode::None);
    QCOMPARE(left.members.size(), 2);
    QCOMPARE(left.members[0].error, ErrorCode::None);
    QCOMPARE(left.members[1].error, ErrorCode::UnknownMemberId);
    QCOMPARE(h.transitions.last(),
        QStringLiteral("g1 gen 1: Stable -> PreparingRebalance: member c-2 left the group (client reason: closing)"));
    QCOMPARE(h.heartbeat(QStringLiteral("c-1"), 1), ErrorCode::RebalanceInProgress);

    const auto j1 = h.join(QStringLiteral("c-1"));
    QCOMPARE((*j1)->generationId, 2);
    QCOMPARE(h.dump(), QStringLiteral("group g1: CompletingRebalance gen=2 leader=c-1 members=[c-1]"));

    const int before = h.transitions.size();
    h.coordinator->leaveGroup(G1, {LeavingMember {QStringLiteral("c-1"), std::nullopt, QString()}});
    QCOMPARE(h.dump(), QStringLiteral("group g1: Empty gen=3 leader= members=[]"));
    const QStringList expected {
        QStringLiteral("g1 gen 2: CompletingRebalance -> PreparingRebalance: member c-1 left the group "
                       "(client reason: not provided)"),
        QStringLiteral("g1 gen 3: PreparingRebalance -> Empty: all members left"),
    };
    QCOMPARE(h.transitions.mid(before), expected);
}

void tst_GroupCoordinator::sessionTimeoutRemovesMember()
{
    Harness h;
    QVERIFY(h.formGroup(2));
    h.clock.advance(5000);
    QCOMPARE(h.heartbeat(QStringLiteral("c-1"), 1), ErrorCode::None);
    h.clock.advance(4999);
    QCOMPARE(h.heartbeat(QStringLiteral("c-1"), 1), ErrorCode::None);
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=1 leader=c-1 members=[c-1,c-2]"));
    h.clock.advance(1); // c-2's last contact was at 0
    QCOMPARE(h.transitions.last(),
        QStringLiteral("g1 gen 1: Stable -> PreparingRebalance: member c-2 expired: no heartbeat within its "
                       "session timeout of 10000 ms"));
    QCOMPARE(h.heartbeat(QStringLiteral("c-1"), 1), ErrorCode::RebalanceInProgress);
    QCOMPARE(h.heartbeat(QStringLiteral("c-2"), 1), ErrorCode::UnknownMemberId);

    const auto j1 = h.join(QStringLiteral("c-1"));
    QCOMPARE((*j1)->generationId, 2);
    QCOMPARE((*h.sync(2, QStringLiteral("c-1"), {{QStringLiteral("c-1"), assignment({tp("t", 0)})}}))->error,
        ErrorCode::None);
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=2 leader=c-1 members=[c-1]"));
    QCOMPARE(h.rebalances.last().partitionsMoved, (QList<TopicPartition> {tp("t", 1), tp("t", 2)}));
}

void tst_GroupCoordinator::describeTellsWhenMembersWereLastHeardFrom()
{
    Harness h;
    const qint64 start = h.clock.nowMs();
    QVERIFY(h.formGroup(2));
    const auto lastHeartbeats = [&h] {
        QStringList out;
        for (const GroupMemberDescription &m : h.coordinator->describeGroup(G1).members)
            out << QStringLiteral("%1@%2").arg(m.memberId).arg(m.lastHeartbeatMs);
        return out.join(QLatin1Char(' '));
    };
    // Joining and syncing count as contact; then each member's own heartbeats move its time, and only its time.
    QCOMPARE(lastHeartbeats(), QStringLiteral("c-1@%1 c-2@%1").arg(start));
    h.clock.advance(3000);
    QCOMPARE(h.heartbeat(QStringLiteral("c-1"), 1), ErrorCode::None);
    QCOMPARE(lastHeartbeats(), QStringLiteral("c-1@%1 c-2@%2").arg(start + 3000).arg(start));
    h.clock.advance(200);
    QCOMPARE(h.heartbeat(QStringLiteral("c-2"), 1), ErrorCode::None);
    QCOMPARE(lastHeartbeats(), QStringLiteral("c-1@%1 c-2@%2").arg(start + 3000).arg(start + 3200));
    // A refused heartbeat (stale generation) is no contact.
    h.clock.advance(100);
    QCOMPARE(h.heartbeat(QStringLiteral("c-2"), 7), ErrorCode::IllegalGeneration);
    QCOMPARE(lastHeartbeats(), QStringLiteral("c-1@%1 c-2@%2").arg(start + 3000).arg(start + 3200));
}

void tst_GroupCoordinator::dynamicMemberNotRejoiningIsRemoved()
{
    Harness h;
    QVERIFY(h.formGroup(2));
    // A follower with changed metadata starts a rebalance.
    h.join(h.joinRequest(QStringLiteral("c-2"), {QStringLiteral("t"), QStringLiteral("u")}));
    QCOMPARE(h.dump(), QStringLiteral("group g1: PreparingRebalance gen=1 leader=c-1 members=[c-1,c-2]"));
    h.clock.advance(5000);
    QCOMPARE(h.heartbeat(QStringLiteral("c-1"), 1), ErrorCode::RebalanceInProgress); // alive, but never rejoins
    h.clock.advance(4999);
    QCOMPARE(h.dump(), QStringLiteral("group g1: PreparingRebalance gen=1 leader=c-1 members=[c-1,c-2]"));
    h.clock.advance(1); // the rebalance timeout
    QCOMPARE(h.dump(), QStringLiteral("group g1: CompletingRebalance gen=2 leader=c-2 members=[c-2]"));
    QCOMPARE(h.transitions.last(),
        QStringLiteral("g1 gen 2: PreparingRebalance -> CompletingRebalance: rebalance timeout of 10000 ms "
                       "expired; removed c-1 (did not rejoin)"));
}

void tst_GroupCoordinator::staleGeneration_data()
{
    QTest::addColumn<QString>("request");
    QTest::addRow("heartbeat") << QStringLiteral("heartbeat");
    QTest::addRow("sync") << QStringLiteral("sync");
    QTest::addRow("commit") << QStringLiteral("commit");
}

void tst_GroupCoordinator::staleGeneration()
{
    QFETCH(QString, request);
    Harness h;
    QVERIFY(h.formGroup(2));
    const auto j1 = h.join(QStringLiteral("c-1"));
    const auto j2 = h.join(QStringLiteral("c-2"));
    QCOMPARE((*j2)->generationId, 2);
    h.sync(2, QStringLiteral("c-2"));
    h.sync(2, QStringLiteral("c-1"), {});
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=2 leader=c-1 members=[c-1,c-2]"));

    ErrorCode error = ErrorCode::None;
    if (request == QLatin1String("heartbeat"))
        error = h.heartbeat(QStringLiteral("c-2"), 1);
    else if (request == QLatin1String("sync"))
        error = (*h.sync(1, QStringLiteral("c-2")))->error;
    else
        error = h.commit(G1, 1, QStringLiteral("c-2"), {offsetAt(tp("t", 0), 1)}).at(0).error;
    QCOMPARE(error, ErrorCode::IllegalGeneration);
}

void tst_GroupCoordinator::leaderRejoinInStableRebalances()
{
    Harness h;
    QVERIFY(h.formGroup(2));
    const auto j1 = h.join(QStringLiteral("c-1")); // same metadata, but it is the leader
    QVERIFY(!j1->has_value());
    QCOMPARE(h.transitions.last(),
        QStringLiteral("g1 gen 1: Stable -> PreparingRebalance: leader c-1 rejoined (client reason: not provided)"));
    QCOMPARE(h.heartbeat(QStringLiteral("c-2"), 1), ErrorCode::RebalanceInProgress);
    const auto j2 = h.join(QStringLiteral("c-2"));
    QVERIFY(j1->has_value() && j2->has_value());
    QCOMPARE((*j1)->generationId, 2);
}

void tst_GroupCoordinator::followerRejoinWithSameMetadataDoesNotRebalance()
{
    Harness h;
    QVERIFY(h.formGroup(2));
    const int before = h.transitions.size();
    const auto j2 = h.join(QStringLiteral("c-2"));
    QVERIFY(j2->has_value());
    QCOMPARE((*j2)->error, ErrorCode::None);
    QCOMPARE((*j2)->generationId, 1);
    QCOMPARE((*j2)->leader, QStringLiteral("c-1"));
    QVERIFY((*j2)->members.isEmpty());
    QCOMPARE(h.transitions.size(), before);
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=1 leader=c-1 members=[c-1,c-2]"));

    // Changed metadata does rebalance.
    h.join(h.joinRequest(QStringLiteral("c-2"), {QStringLiteral("t"), QStringLiteral("u")}));
    QCOMPARE(h.dump(), QStringLiteral("group g1: PreparingRebalance gen=1 leader=c-1 members=[c-1,c-2]"));
}

void tst_GroupCoordinator::rejoinDuringCompletingRebalanceResendsResult()
{
    Harness h;
    QVERIFY(h.formGroup(2, false));
    const auto j2 = h.join(QStringLiteral("c-2"));
    const auto j1 = h.join(QStringLiteral("c-1"));
    QCOMPARE((*j2)->generationId, 1);
    QVERIFY((*j2)->members.isEmpty());
    QCOMPARE((*j1)->generationId, 1);
    QCOMPARE((*j1)->members.size(), 2);
    QCOMPARE(h.dump(), QStringLiteral("group g1: CompletingRebalance gen=1 leader=c-1 members=[c-1,c-2]"));
}

void tst_GroupCoordinator::memberThatNeverSyncsIsRemoved()
{
    Harness h;
    QVERIFY(h.formGroup(2, false));
    QCOMPARE((*h.sync(1, QStringLiteral("c-1"), {}))->error, ErrorCode::None);
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=1 leader=c-1 members=[c-1,c-2]"));
    h.clock.advance(5000);
    QCOMPARE(h.heartbeat(QStringLiteral("c-1"), 1), ErrorCode::None);
    QCOMPARE(h.heartbeat(QStringLiteral("c-2"), 1), ErrorCode::None); // alive, but its SyncGroup never comes
    h.clock.advance(5000); // the rebalance timeout since the join phase completed
    QCOMPARE(h.transitions.last(),
        QStringLiteral("g1 gen 1: Stable -> PreparingRebalance: removed c-2: no SyncGroup within the rebalance "
                       "timeout"));
    QCOMPARE(h.heartbeat(QStringLiteral("c-1"), 1), ErrorCode::RebalanceInProgress);
    QCOMPARE((*h.join(QStringLiteral("c-1")))->generationId, 2);
    QCOMPARE(h.dump(), QStringLiteral("group g1: CompletingRebalance gen=2 leader=c-1 members=[c-1]"));
}

void tst_GroupCoordinator::leaderThatNeverSyncsFailsParkedFollowers()
{
    Harness h;
    QVERIFY(h.formGroup(2, false));
    const auto s2 = h.sync(1, QStringLiteral("c-2"));
    QVERIFY(!s2->has_value());
    h.clock.advance(10000);
    QVERIFY(s2->has_value());
    QCOMPARE((*s2)->error, ErrorCode::RebalanceInProgress);
    const auto j2 = h.join(QStringLiteral("c-2"));
    QCOMPARE((*j2)->generationId, 2);
    QCOMPARE((*j2)->leader, QStringLiteral("c-2"));
    QCOMPARE(h.dump(), QStringLiteral("group g1: CompletingRebalance gen=2 leader=c-2 members=[c-2]"));
}

void tst_GroupCoordinator::staticMemberRejoinsWithoutRebalanceAndFencesOldId()
{
    Harness h;
    JoinGroupRequest request = h.joinRequest(QString());
    request.groupInstanceId = QStringLiteral("i1");
    const auto j1 = h.join(request); // static members skip MEMBER_ID_REQUIRED
    QCOMPARE((*j1)->error, ErrorCode::None);
    QCOMPARE((*j1)->memberId, QStringLiteral("i1-1"));
    QCOMPARE((*j1)->members.at(0).groupInstanceId, std::optional<QString>(QStringLiteral("i1")));
    const QByteArray mine = assignment({tp("t", 0), tp("t", 1), tp("t", 2)});
    h.sync(1, QStringLiteral("i1-1"), {{QStringLiteral("i1-1"), mine}});
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=1 leader=i1-1 members=[i1-1]"));

    // The same instance restarts: new member id, same generation and assignment, no rebalance.
    const int before = h.transitions.size();
    const auto j2 = h.join(request);
    QCOMPARE((*j2)->error, ErrorCode::None);
    QCOMPARE((*j2)->memberId, QStringLiteral("i1-2"));
    QCOMPARE((*j2)->generationId, 1);
    QCOMPARE(h.transitions.size(), before);
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=1 leader=i1-2 members=[i1-2]"));
    const auto s2 = h.sync(1, QStringLiteral("i1-2"));
    QCOMPARE((*s2)->assignment, mine);

    // The old incarnation is fenced.
    const std::optional<QString> i1 = QStringLiteral("i1");
    QCOMPARE(h.heartbeat(QStringLiteral("i1-1"), 1, i1), ErrorCode::FencedInstanceId);
    QCOMPARE(h.heartbeat(QStringLiteral("i1-1"), 1), ErrorCode::UnknownMemberId);
    QCOMPARE(h.heartbeat(QStringLiteral("i1-2"), 1, i1), ErrorCode::None);
    OffsetCommitRequest commit;
    commit.groupId = G1;
    commit.generationId = 1;
    commit.memberId = QStringLiteral("i1-1");
    commit.groupInstanceId = i1;
    commit.offsets = {offsetAt(tp("t", 0), 3)};
    QCOMPARE(h.coordinator->commitOffsets(commit).at(0).error, ErrorCode::FencedInstanceId);
    const LeaveGroupResponse left
        = h.coordinator->leaveGroup(G1, {LeavingMember {QStringLiteral("i1-1"), i1, QString()}});
    QCOMPARE(left.members.at(0).error, ErrorCode::FencedInstanceId);
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=1 leader=i1-2 members=[i1-2]"));

    // Changed metadata from a restarted static member does rebalance.
    JoinGroupRequest changed = h.joinRequest(QString(), {QStringLiteral("t"), QStringLiteral("u")});
    changed.groupInstanceId = i1;
    const auto j3 = h.join(changed);
    QCOMPARE((*j3)->memberId, QStringLiteral("i1-3"));
    QCOMPARE((*j3)->generationId, 2);
}

void tst_GroupCoordinator::staticMemberKeptWhenNotRejoining()
{
    Harness h;
    JoinGroupRequest request = h.joinRequest(QString());
    request.groupInstanceId = QStringLiteral("i1");
    h.join(request);
    h.sync(1, QStringLiteral("i1-1"), {});
    const QString c2 = h.newMember();
    const auto j2 = h.join(c2);
    QCOMPARE(h.dump(), QStringLiteral("group g1: PreparingRebalance gen=1 leader=i1-1 members=[c-2,i1-1]"));
    h.clock.advance(5000);
    QCOMPARE(h.heartbeat(QStringLiteral("i1-1"), 1, QStringLiteral("i1")), ErrorCode::RebalanceInProgress);
    h.clock.advance(5000); // rebalance timeout: the static member stays although it did not rejoin
    QVERIFY(j2->has_value());
    QCOMPARE((*j2)->generationId, 2);
    QCOMPARE(h.dump(), QStringLiteral("group g1: CompletingRebalance gen=2 leader=c-2 members=[c-2,i1-1]"));
    QCOMPARE((*j2)->members.size(), 2);
}

void tst_GroupCoordinator::offsetCommitAndFetch()
{
    Harness h;
    QVERIFY(h.formGroup(1));
    const int savesBefore = h.store.saveCalls;
    h.clock.advance(9000);
    const auto results = h.commit(
        G1, 1, QStringLiteral("c-1"), {offsetAt(tp("t", 0), 5, QStringLiteral("m")), offsetAt(tp("t", 1), 7)});
    QCOMPARE(results.size(), size_t(2));
    QCOMPARE(results[0].error, ErrorCode::None);
    QCOMPARE(results[1].error, ErrorCode::None);
    QCOMPARE(h.store.saveCalls, savesBefore + 1); // one write per commit
    QCOMPARE(h.store.stored.value(G1).value(tp("t", 0)).offset, 5);

    const OffsetFetchResult fetched
        = h.coordinator->fetchOffsets(G1, QList<TopicPartition> {tp("t", 0), tp("t", 1), tp("t", 2)});
    QCOMPARE(fetched.error, ErrorCode::None);
    QCOMPARE(fetched.offsets.size(), size_t(3));
    QCOMPARE(fetched.offsets[0].offset, 5);
    QCOMPARE(fetched.offsets[0].metadata, QStringLiteral("m"));
    QCOMPARE(fetched.offsets[0].commitTimestampMs, h.clock.nowMs());
    QCOMPARE(fetched.offsets[1].offset, 7);
    QCOMPARE(fetched.offsets[2].offset, -1);
    QCOMPARE(fetched.offsets[2].metadata, QString());
    QCOMPARE(h.coordinator->fetchOffsets(G1, std::nullopt).offsets.size(), size_t(2));

    QCOMPARE(h.commits.size(), 2);
    QCOMPARE(h.commits[0].memberId, QStringLiteral("c-1"));
    QCOMPARE(h.commits[0].generationId, 1);
    QCOMPARE(h.commits[1].offset, 7);

    // The commit at 9000 kept c-1 alive past its original session deadline at 10000.
    h.clock.advance(9000);
    QCOMPARE(h.heartbeat(QStringLiteral("c-1"), 1), ErrorCode::None);

    // Only members commit to an active group.
    QCOMPARE(h.commit(G1, -1, QString(), {offsetAt(tp("t", 0), 1)}).at(0).error, ErrorCode::UnknownMemberId);
    QCOMPARE(h.commit(G1, 1, QStringLiteral("zz"), {offsetAt(tp("t", 0), 1)}).at(0).error, ErrorCode::UnknownMemberId);
}

void tst_GroupCoordinator::standaloneCommits()
{
    Harness h;
    const QString solo = QStringLiteral("solo");
    QCOMPARE(h.commit(solo, -1, QString(), {offsetAt(tp("t", 2), 11)}).at(0).error, ErrorCode::None);
    QCOMPARE(h.coordinator->dumpGroup(solo), QStringLiteral("group solo: Empty gen=0 leader= members=[]"));
    QCOMPARE(h.coordinator->fetchOffsets(solo, std::nullopt).offsets.at(0).offset, 11);
    QCOMPARE(h.commit(solo, -1, QString(), {offsetAt(tp("t", 2), 12)}).at(0).error, ErrorCode::None);
    QCOMPARE(h.coordinator->fetchOffsets(solo, std::nullopt).offsets.at(0).offset, 12);
    QCOMPARE(h.commits.last().generationId, -1);

    // A generation we never had: rejected, and no group appears.
    QCOMPARE(h.commit(QStringLiteral("ghost"), 3, QStringLiteral("m"), {offsetAt(tp("t", 0), 1)}).at(0).error,
        ErrorCode::IllegalGeneration);
    QCOMPARE(h.coordinator->listGroups().size(), 1);

    // Unknown group: every requested partition comes back as -1.
    const OffsetFetchResult none
        = h.coordinator->fetchOffsets(QStringLiteral("ghost"), QList<TopicPartition> {tp("t", 0)});
    QCOMPARE(none.error, ErrorCode::None);
    QCOMPARE(none.offsets.at(0).offset, -1);
}

void tst_GroupCoordinator::commitPartitionValidation_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<int>("partition");
    QTest::addColumn<int>("metadataLength");
    QTest::addColumn<ErrorCode>("expected");
    QTest::addRow("unknown topic") << QStringLiteral("x") << 0 << 0 << ErrorCode::UnknownTopicOrPartition;
    QTest::addRow("partition past the end") << QStringLiteral("t") << 3 << 0 << ErrorCode::UnknownTopicOrPartition;
    QTest::addRow("negative partition") << QStringLiteral("t") << -1 << 0 << ErrorCode::UnknownTopicOrPartition;
    QTest::addRow("metadata too large") << QStringLiteral("t") << 0 << 4097 << ErrorCode::OffsetMetadataTooLarge;
    QTest::addRow("metadata at the limit") << QStringLiteral("t") << 0 << 4096 << ErrorCode::None;
}

void tst_GroupCoordinator::commitPartitionValidation()
{
    QFETCH(QString, topic);
    QFETCH(int, partition);
    QFETCH(int, metadataLength);
    QFETCH(ErrorCode, expected);
    Harness h;
    const auto results = h.commit(G1, -1, QString(),
        {offsetAt({topic, partition}, 4, QString(metadataLength, QLatin1Char('x'))), offsetAt(tp("u", 0), 9)});
    QCOMPARE(results.size(), size_t(2));
    QCOMPARE(results[0].error, expected);
    QCOMPARE(results[1].error, ErrorCode::None); // the valid partition of the same commit is stored
    const OffsetFetchResult fetched = h.coordinator->fetchOffsets(G1, std::nullopt);
    QCOMPARE(fetched.offsets.size(), size_t(expected == ErrorCode::None ? 2 : 1));
    QCOMPARE(h.store.saveCalls, 1);
}

void tst_GroupCoordinator::commitDuringCompletingRebalance()
{
    Harness h;
    QVERIFY(h.formGroup(1, false));
    QCOMPARE(
        h.commit(G1, 1, QStringLiteral("c-1"), {offsetAt(tp("t", 0), 1)}).at(0).error, ErrorCode::RebalanceInProgress);
    QCOMPARE(h.store.saveCalls, 0);
}

void tst_GroupCoordinator::storageFailureChangesNothing()
{
    Harness h;
    QVERIFY(h.formGroup(1));
    QCOMPARE(h.commit(G1, 1, QStringLiteral("c-1"), {offsetAt(tp("t", 0), 1)}).at(0).error, ErrorCode::None);
    const int commitEvents = h.commits.size();
    const QString dumpBefore = h.dump();
    h.store.failSaves = true;
    const auto results = h.commit(G1, 1, QStringLiteral("c-1"), {offsetAt(tp("t", 0), 2), offsetAt(tp("t", 1), 3)});
    QCOMPARE(results.at(0).error, ErrorCode::KafkaStorageError);
    QCOMPARE(results.at(1).error, ErrorCode::KafkaStorageError);
    QCOMPARE(toWire(results.at(0).error), int16_t(56));
    const OffsetFetchResult fetched = h.coordinator->fetchOffsets(G1, QList<TopicPartition> {tp("t", 0), tp("t", 1)});
    QCOMPARE(fetched.offsets.at(0).offset, 1);
    QCOMPARE(fetched.offsets.at(1).offset, -1);
    QCOMPARE(h.commits.size(), commitEvents);
    QCOMPARE(h.dump(), dumpBefore);

    // A standalone commit that fails does not create its group.
    QCOMPARE(h.commit(QStringLiteral("fresh"), -1, QString(), {offsetAt(tp("t", 0), 1)}).at(0).error,
        ErrorCode::KafkaStorageError);
    QCOMPARE(h.coordinator->listGroups().size(), 1);
}

void tst_GroupCoordinator::loadRestoresOffsets()
{
    Harness h;
    CommittedOffset stored = offsetAt(tp("t", 1), 42, QStringLiteral("meta"));
    stored.commitTimestampMs = 123;
    h.store.stored[QStringLiteral("restored")].insert(stored.topicPartition, stored);
    QCOMPARE(h.coordinator->load(), ErrorCode::None);
    const OffsetFetchResult fetched = h.coordinator->fetchOffsets(QStringLiteral("restored"), std::nullopt);
    QCOMPARE(fetched.offsets.size(), size_t(1));
    QCOMPARE(fetched.offsets[0], stored);
    QCOMPARE(h.coordinator->describeGroup(QStringLiteral("restored")).state, QStringLiteral("Empty"));

    Harness failing;
    failing.store.failLoad = true;
    QString why;
    QCOMPARE(failing.coordinator->load(&why), ErrorCode::KafkaStorageError);
    QCOMPARE(why, QStringLiteral("injected load failure"));
}

void tst_GroupCoordinator::describeListDelete()
{
    Harness h;
    QVERIFY(h.formGroup(2));
    h.commit(QStringLiteral("solo"), -1, QString(), {offsetAt(tp("t", 0), 1)});

    GroupDescription d = h.coordinator->describeGroup(G1);
    QCOMPARE(d.error, ErrorCode::None);
    QCOMPARE(d.state, QStringLiteral("Stable"));
    QCOMPARE(d.protocolType, QStringLiteral("consumer"));
    QCOMPARE(d.protocolName, QStringLiteral("range"));
    QCOMPARE(d.generationId, 1);
    QCOMPARE(d.leader, QStringLiteral("c-1"));
    QCOMPARE(d.members.size(), 2);
    QCOMPARE(d.members[1].memberId, QStringLiteral("c-2"));
    QCOMPARE(d.members[1].clientId, QStringLiteral("c"));
    QCOMPARE(d.members[1].sessionTimeoutMs, 10000);
    QCOMPARE(d.members[1].metadata, subscription({QStringLiteral("t")}));
    QCOMPARE(d.members[1].assignment, assignment({tp("t", 1)}));

    h.join(QStringLiteral("c-1")); // the leader rejoins: metadata and assignments are not shown mid-rebalance
    d = h.coordinator->describeGroup(G1);
    QCOMPARE(d.state, QStringLiteral("PreparingRebalance"));
    QCOMPARE(d.protocolName, QString());
    QCOMPARE(d.members.size(), 2);
    QVERIFY(d.members[1].metadata.isEmpty());
    QVERIFY(d.members[1].assignment.isEmpty());

    const QList<GroupListing> listed = h.coordinator->listGroups();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed[0].groupId, G1);
    QCOMPARE(listed[0].protocolType, QStringLiteral("consumer"));
    QCOMPARE(listed[0].state, QStringLiteral("PreparingRebalance"));
    QCOMPARE(listed[1].groupId, QStringLiteral("solo"));
    QCOMPARE(listed[1].state, QStringLiteral("Empty"));

    QCOMPARE(h.coordinator->deleteGroup(G1), ErrorCode::NonEmptyGroup);
    QCOMPARE(h.coordinator->deleteGroup(QStringLiteral("nope")), ErrorCode::GroupIdNotFound);
    QCOMPARE(h.coordinator->deleteGroup(QStringLiteral("solo")), ErrorCode::None);
    QCOMPARE(h.transitions.last(), QStringLiteral("solo gen 0: Empty -> Dead: group deleted"));
    QVERIFY(!h.store.stored.contains(QStringLiteral("solo")));
    QCOMPARE(h.coordinator->listGroups().size(), 1);
    const GroupDescription gone = h.coordinator->describeGroup(QStringLiteral("solo"));
    QCOMPARE(gone.error, ErrorCode::None);
    QCOMPARE(gone.state, QStringLiteral("Dead"));
    QCOMPARE(h.coordinator->fetchOffsets(QStringLiteral("solo"), std::nullopt).offsets.size(), size_t(0));
}

void tst_GroupCoordinator::topicDeletionDropsOffsets()
{
    Harness h;
    h.commit(QStringLiteral("a"), -1, QString(), {offsetAt(tp("t", 0), 1), offsetAt(tp("u", 0), 2)});
    h.commit(QStringLiteral("b"), -1, QString(), {offsetAt(tp("u", 0), 3)});
    h.coordinator->onTopicDeleted(QStringLiteral("u"));
    const OffsetFetchResult a = h.coordinator->fetchOffsets(QStringLiteral("a"), std::nullopt);
    QCOMPARE(a.offsets.size(), size_t(1));
    QCOMPARE(a.offsets[0].topicPartition, tp("t", 0));
    QCOMPARE(h.coordinator->listGroups().size(), 1); // b had nothing else: forgotten
    QCOMPARE(
        h.transitions.last(), QStringLiteral("b gen 0: Empty -> Dead: its last committed offsets went with topic u"));
}

void tst_GroupCoordinator::resetOffsets()
{
    Harness h;
    QVERIFY(h.formGroup(1));
    QCOMPARE(h.coordinator->resetOffsets(G1, {offsetAt(tp("t", 0), 0)}), ErrorCode::NonEmptyGroup);
    const QString idle = QStringLiteral("idle");
    QCOMPARE(h.coordinator->resetOffsets(idle, {offsetAt(tp("t", 0), 0), offsetAt(tp("t", 1), 8)}), ErrorCode::None);
    QCOMPARE(h.coordinator->fetchOffsets(idle, std::nullopt).offsets.size(), size_t(2));
    QCOMPARE(h.store.stored.value(idle).value(tp("t", 1)).offset, 8);
    QCOMPARE(h.coordinator->resetOffsets(idle, {offsetAt(tp("x", 0), 0)}), ErrorCode::UnknownTopicOrPartition);
}

void tst_GroupCoordinator::callbackMayCallBackIn()
{
    // An in-app consumer syncs from inside its JoinGroup callback; the group must already be consistent then.
    Harness h;
    const QString id = h.newMember();
    std::optional<SyncGroupResponse> synced;
    h.coordinator->joinGroup(h.joinRequest(id), [&](const JoinGroupResponse &joined) {
        SyncGroupRequest request;
        request.groupId = G1;
        request.generationId = joined.generationId;
        request.memberId = joined.memberId;
        request.assignments = {{joined.memberId, assignment({tp("t", 0)})}};
        h.coordinator->syncGroup(request, [&](const SyncGroupResponse &response) { synced = response; });
    });
    QVERIFY(synced.has_value());
    QCOMPARE(synced->error, ErrorCode::None);
    QCOMPARE(synced->assignment, assignment({tp("t", 0)}));
    QCOMPARE(h.dump(), QStringLiteral("group g1: Stable gen=1 leader=c-1 members=[c-1]"));
}

QTEST_GUILESS_MAIN(tst_GroupCoordinator)
#include "tst_groupcoordinator.moc"
