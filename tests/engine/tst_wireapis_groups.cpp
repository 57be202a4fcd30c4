// The group APIs at the versions of Kafka 4.1, driven through KafkaApis with request frames written byte by byte
// (not through the message descriptions, so the descriptions are checked against an independent encoding):
// flexible JoinGroup/SyncGroup/Heartbeat/LeaveGroup with KIP-800 reasons and KIP-559 protocol checks, KIP-814's
// skipped assignment, OffsetCommit v9's GROUP_ID_NOT_FOUND, OffsetFetch for several groups, batched
// FindCoordinator keys, DescribeGroups authorized operations and v6's GROUP_ID_NOT_FOUND, ListGroups filters,
// DeleteGroups v2, OffsetDelete, and truncated or lying flexible bodies closing the connection.
#include "broker/broker.h"
#include "core/events.h"
#include "group/consumerprotocol.h"
#include "group/groupcoordinator.h"
#include "group/offsetstopic.h"
#include "log/logmanager.h"
#include "wire/apikeys.h"
#include "wire/wirereader.h"
#include "wire/wirewriter.h"
#include "wirebroker.h"

#include <QTest>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;

namespace {

const QByteArray Subscription = QByteArray::fromHex("0000 00000001 0001 74 00000000"); // topic "t", v0
const QByteArray Assignment = QByteArray::fromHex("0000 00000001 0001 74 00000001 00000000 00000000"); // t-0

// A flexible request: header v2 (client id "test", correlation 5, no tags), then the body.
QByteArray flexible(ApiKey key, qint16 version, const std::function<void(WireWriter &)> &body)
{
    return headerAwareFrame(static_cast<qint16>(key), version, body);
}

// The body of a flexible response, after the correlation id and response header v1's tag section.
WireReader flexibleBody(const std::optional<WireResponse> &response, QByteArray *keep)
{
    *keep = response && response->action == WireResponse::Action::Send ? response->wholeFrame() : QByteArray();
    WireReader r(*keep);
    r.int32();
    r.skipTaggedFields();
    return r;
}

WireReader callFlexible(WireBroker &broker, const QByteArray &request, QByteArray *keep)
{
    const auto response = broker.send(request);
    if (!response->has_value() || (*response)->action != WireResponse::Action::Send)
        qWarning() << "no immediate answer" << (response->has_value() ? (*response)->reason : QString());
    return flexibleBody(*response, keep);
}

struct JoinAnswer {
    int error = -1;
    qint32 generation = -1;
    std::optional<QString> protocolType;
    std::optional<QString> protocolName;
    QString leader;
    bool skipAssignment = false;
    QString memberId;
    QStringList members;
};

// JoinGroup v6+ (flexible), one "range" protocol.
QByteArray joinFrame(qint16 version, const QString &memberId, const std::optional<QString> &instanceId = std::nullopt,
    const std::optional<QString> &reason = std::nullopt)
{
    return flexible(ApiKey::JoinGroup, version, [&](WireWriter &w) {
        w.string(QStringLiteral("g"), true);
        w.int32(10000);
        w.int32(30000);
        w.string(memberId, true);
        w.nullableString(instanceId, true);
        w.string(QStringLiteral("consumer"), true);
        w.arrayLength(1, true);
        w.string(QStringLiteral("range"), true);
        w.bytes(Subscription, true);
        w.emptyTaggedFields();
        if (version >= 8)
            w.nullableString(reason, true);
        w.emptyTaggedFields();
    });
}

// JoinGroup response v7+.
JoinAnswer readJoin(WireReader &r, qint16 version)
{
    JoinAnswer a;
    r.int32(); // throttle
    a.error = r.int16();
    a.generation = r.int32();
    a.protocolType = r.nullableString(true);
    a.protocolName = r.nullableString(true);
    a.leader = r.string(true);
    if (version >= 9)
        a.skipAssignment = r.boolean();
    a.memberId = r.string(true);
    const int members = r.arrayLength(true);
    for (int i = 0; i < members; ++i) {
        a.members.append(r.string(true));
        r.nullableString(true);
        r.bytes(true);
        r.skipTaggedFields();
    }
    r.skipTaggedFields();
    return a;
}

QByteArray syncFrame(const QString &memberId, qint32 generation, const std::optional<QString> &protocolType,
    const std::optional<QString> &protocolName, bool withAssignment)
{
    return flexible(ApiKey::SyncGroup, 5, [&](WireWriter &w) {
        w.string(QStringLiteral("g"), true);
        w.int32(generation);
        w.string(memberId, true);
        w.nullableString(std::nullopt, true);
        w.nullableString(protocolType, true);
        w.nullableString(protocolName, true);
        w.arrayLength(withAssignment ? 1 : 0, true);
        if (withAssignment) {
            w.string(memberId, true);
            w.bytes(Assignment, true);
            w.emptyTaggedFields();
        }
        w.emptyTaggedFields();
    });
}

// Commits offset 7 of t-0 for group, OffsetCommit v8+ (flexible).
QByteArray commitFrame(qint16 version, const QString &group, qint32 generation, const QString &memberId)
{
    return flexible(ApiKey::OffsetCommit, version, [&](WireWriter &w) {
        w.string(group, true);
        w.int32(generation);
        w.string(memberId, true);
        w.nullableString(std::nullopt, true);
        w.arrayLength(1, true);
        w.string(QStringLiteral("t"), true);
        w.arrayLength(1, true);
        w.int32(0);
        w.int64(7);
        w.int32(-1);
        w.nullableString(QStringLiteral("meta"), true);
        w.emptyTaggedFields();
        w.emptyTaggedFields();
        w.emptyTaggedFields();
    });
}

// OffsetCommit v8+ response with one partition: its error.
int readCommitError(WireReader &r)
{
    r.int32();
    r.arrayLength(true);
    r.string(true);
    r.arrayLength(true);
    r.int32();
    return r.int16();
}

// Records the reasons of the group state transitions the broker publishes.
struct Transitions {
    QStringList reasons;
    int id = 0;
    EventBus *events = nullptr;
    explicit Transitions(WireBroker &broker)
        : events(&broker.broker->events())
    {
        id = events->subscribe([this](const Event &event) {
            if (const auto *changed = std::get_if<GroupStateChanged>(&event))
                reasons.append(changed->reason);
        });
    }
    ~Transitions() { events->unsubscribe(id); }
};

// A static member "i1" that joins group "g" with JoinGroup v9 and syncs generation 1 as its leader.
QString stableStaticLeader(WireBroker &broker)
{
    const auto joined = broker.send(joinFrame(9, QString(), QStringLiteral("i1")));
    broker.clock.advance(100);
    QByteArray keep;
    WireReader r = flexibleBody(*joined, &keep);
    const JoinAnswer a = readJoin(r, 9);
    QByteArray keepSync;
    const auto synced = broker.send(syncFrame(a.memberId, a.generation, std::nullopt, std::nullopt, true));
    WireReader s = flexibleBody(*synced, &keepSync);
    s.int32();
    if (s.int16() != 0)
        qWarning() << "sync failed";
    return a.memberId;
}

// An admin tool's commit (generation -1, no member) to group "standalone", which leaves it Empty with an offset.
void commitStandalone(WireBroker &broker)
{
    OffsetCommitRequest commit;
    commit.groupId = QStringLiteral("standalone");
    commit.offsets.push_back({{QStringLiteral("t"), 0}, 3, -1, QString(), -1});
    QCOMPARE(broker.groups->commitOffsets(commit).at(0).error, ErrorCode::None);
}

} // namespace

class TestWireApisGroups : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A whole membership at the flexible versions: JoinGroup v9 with KIP-800 reasons, SyncGroup v5 with KIP-559
    // checks, Heartbeat v4, OffsetCommit v9, OffsetFetch v8 and LeaveGroup v5 with a reason.
    void flexibleGroupCycle()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        Transitions transitions(broker);
        QByteArray keep;

        // KIP-394 and v7's protocol type: an error answer carries a null type and an empty name.
        WireReader first = callFlexible(broker, joinFrame(9, QString()), &keep);
        JoinAnswer a = readJoin(first, 9);
        QCOMPARE(a.error, 79); // MEMBER_ID_REQUIRED
        QCOMPARE(a.protocolType, std::nullopt);
        QCOMPARE(a.protocolName, QString());
        const QString memberId = a.memberId;
        QCOMPARE(memberId, QStringLiteral("test-1"));
        QVERIFY(first.atEnd());

        const auto parked = broker.send(joinFrame(9, memberId, std::nullopt, QStringLiteral("first start")));
        QVERIFY(!parked->has_value());
        broker.clock.advance(100);
        WireReader joined = flexibleBody(*parked, &keep);
        a = readJoin(joined, 9);
        QVERIFY(joined.atEnd());
        QCOMPARE(a.error, 0);
        QCOMPARE(a.generation, 1);
        QCOMPARE(a.protocolType, QStringLiteral("consumer"));
        QCOMPARE(a.protocolName, QStringLiteral("range"));
        QCOMPARE(a.leader, memberId);
        QCOMPARE(a.skipAssignment, false);
        QCOMPARE(a.members, QStringList {memberId});
        QCOMPARE(transitions.reasons.value(0), QStringLiteral("new member test-1 joined (client reason: first start)"));

        // KIP-559: a protocol name that is not the group's is refused, with null type and name.
        QByteArray keepSync;
        auto synced
            = broker.send(syncFrame(memberId, 1, QStringLiteral("consumer"), QStringLiteral("roundrobin"), true));
        WireReader refused = flexibleBody(*synced, &keepSync);
        refused.int32();
        QCOMPARE(refused.int16(), qint16(23)); // INCONSISTENT_GROUP_PROTOCOL
        QCOMPARE(refused.nullableString(true), std::nullopt);
        QCOMPARE(refused.nullableString(true), std::nullopt);
        synced = broker.send(syncFrame(memberId, 1, QStringLiteral("consumer"), QStringLiteral("range"), true));
        WireReader s = flexibleBody(*synced, &keepSync);
        s.int32();
        QCOMPARE(s.int16(), qint16(0));
        QCOMPARE(s.nullableString(true), QStringLiteral("consumer"));
        QCOMPARE(s.nullableString(true), QStringLiteral("range"));
        QCOMPARE(s.bytes(true), Assignment);
        s.skipTaggedFields();
        QVERIFY(s.atEnd());

        WireReader heartbeat = callFlexible(broker,
            flexible(ApiKey::Heartbeat, 4,
                [&](WireWriter &w) {
                    w.string(QStringLiteral("g"), true);
                    w.int32(1);
                    w.string(memberId, true);
                    w.nullableString(std::nullopt, true);
                    w.emptyTaggedFields();
                }),
            &keep);
        heartbeat.int32();
        QCOMPARE(heartbeat.int16(), qint16(0));
        heartbeat.skipTaggedFields();
        QVERIFY(heartbeat.atEnd());

        WireReader committed = callFlexible(broker, commitFrame(9, QStringLiteral("g"), 1, memberId), &keep);
        QCOMPARE(readCommitError(committed), 0);
        // A member's commit to a group the broker does not have: GROUP_ID_NOT_FOUND from v9, ILLEGAL_GENERATION
        // before.
        WireReader lost = callFlexible(broker, commitFrame(9, QStringLiteral("gone"), 3, memberId), &keep);
        QCOMPARE(readCommitError(lost), 69);
        WireReader lostV8 = callFlexible(broker, commitFrame(8, QStringLiteral("gone"), 3, memberId), &keep);
        QCOMPARE(readCommitError(lostV8), 22);

        // OffsetFetch v8: two groups, the second with null topics (every committed partition: none).
        WireReader fetched = callFlexible(broker,
            flexible(ApiKey::OffsetFetch, 8,
                [&](WireWriter &w) {
                    w.arrayLength(2, true);
                    w.string(QStringLiteral("g"), true);
                    w.arrayLength(1, true);
                    w.string(QStringLiteral("t"), true);
                    w.arrayLength(2, true);
                    w.int32(0);
                    w.int32(1);
                    w.emptyTaggedFields();
                    w.emptyTaggedFields();
                    w.string(QStringLiteral("other"), true);
                    w.arrayLength(-1, true);
                    w.emptyTaggedFields();
                    w.boolean(true); // require_stable: every offset is stable here
                    w.emptyTaggedFields();
                }),
            &keep);
        fetched.int32();
        QCOMPARE(fetched.arrayLength(true), 2);
        QCOMPARE(fetched.string(true), QStringLiteral("g"));
        QCOMPARE(fetched.arrayLength(true), 1);
        QCOMPARE(fetched.string(true), QStringLiteral("t"));
        QCOMPARE(fetched.arrayLength(true), 2);
        QCOMPARE(fetched.int32(), 0);
        QCOMPARE(fetched.int64(), 7);
        QCOMPARE(fetched.int32(), -1);
        QCOMPARE(fetched.nullableString(true), QStringLiteral("meta"));
        QCOMPARE(fetched.int16(), qint16(0));
        fetched.skipTaggedFields();
        QCOMPARE(fetched.int32(), 1);
        QCOMPARE(fetched.int64(), -1); // never committed
        QCOMPARE(fetched.int32(), -1);
        QCOMPARE(fetched.nullableString(true), QString());
        QCOMPARE(fetched.int16(), qint16(0));
        fetched.skipTaggedFields();
        fetched.skipTaggedFields(); // topic
        QCOMPARE(fetched.int16(), qint16(0)); // group g
        fetched.skipTaggedFields();
        QCOMPARE(fetched.string(true), QStringLiteral("other"));
        QCOMPARE(fetched.arrayLength(true), 0);
        QCOMPARE(fetched.int16(), qint16(0));
        fetched.skipTaggedFields();
        fetched.skipTaggedFields();
        QVERIFY(fetched.atEnd());

        WireReader left = callFlexible(broker,
            flexible(ApiKey::LeaveGroup, 5,
                [&](WireWriter &w) {
                    w.string(QStringLiteral("g"), true);
                    w.arrayLength(1, true);
                    w.string(memberId, true);
                    w.nullableString(std::nullopt, true);
                    w.nullableString(QStringLiteral("shutting down"), true);
                    w.emptyTaggedFields();
                    w.emptyTaggedFields();
                }),
            &keep);
        left.int32();
        QCOMPARE(left.int16(), qint16(0));
        QCOMPARE(left.arrayLength(true), 1);
        QCOMPARE(left.string(true), memberId);
        QCOMPARE(left.nullableString(true), std::nullopt);
        QCOMPARE(left.int16(), qint16(0));
        QVERIFY2(
            transitions.reasons.contains(QStringLiteral("member test-1 left the group (client reason: shutting down)")),
            qPrintable(transitions.reasons.join(QLatin1Char('\n'))));
        QCOMPARE(broker.groups->describeGroup(QStringLiteral("g")).state, QStringLiteral("Empty"));
    }

    // KIP-814: a static leader that comes back to a Stable group unchanged is told with JoinGroup v9 that it leads,
    // with the members, and to skip the assignment; before v9 it is shown its previous member id as the leader.
    void staticLeaderRejoinSkipsAssignmentFromV9()
    {
        for (const qint16 version : {qint16(8), qint16(9)}) {
            WireBroker broker;
            broker.log->createTopic(QStringLiteral("t"), 1);
            const QString before = stableStaticLeader(broker);
            QCOMPARE(before, QStringLiteral("i1-1"));
            QByteArray keep;
            WireReader r = callFlexible(broker, joinFrame(version, QString(), QStringLiteral("i1")), &keep);
            const JoinAnswer a = readJoin(r, version);
            QVERIFY(r.atEnd());
            QCOMPARE(a.error, 0);
            QCOMPARE(a.generation, 1);
            QCOMPARE(a.memberId, QStringLiteral("i1-2"));
            if (version >= 9) {
                QCOMPARE(a.leader, a.memberId);
                QVERIFY(a.skipAssignment);
                QCOMPARE(a.members, QStringList {a.memberId});
            } else {
                QCOMPARE(a.leader, before);
                QCOMPARE(a.members, QStringList());
            }
            QCOMPARE(broker.groups->describeGroup(QStringLiteral("g")).state, QStringLiteral("Stable"));
        }
    }

    // KIP-699: from v4 every key gets its own answer; transactions have no coordinator here and share groups
    // (key type 2, v6) none either.
    void findCoordinatorBatchedKeys()
    {
        KafkaApisConfig config;
        config.advertisedPort = 29092;
        WireBroker broker(config);
        const auto ask = [&](qint16 version, qint8 keyType) {
            return flexible(ApiKey::FindCoordinator, version, [&](WireWriter &w) {
                w.int8(keyType);
                w.arrayLength(2, true);
                w.string(QStringLiteral("a"), true);
                w.string(QStringLiteral("b"), true);
                w.emptyTaggedFields();
            });
        };
        QByteArray keep;
        WireReader groups = callFlexible(broker, ask(4, 0), &keep);
        QCOMPARE(groups.int32(), 0);
        QCOMPARE(groups.arrayLength(true), 2);
        for (const char *key : {"a", "b"}) {
            QCOMPARE(groups.string(true), QString::fromLatin1(key));
            QCOMPARE(groups.int32(), 0);
            QCOMPARE(groups.string(true), QStringLiteral("127.0.0.1"));
            QCOMPARE(groups.int32(), 29092);
            QCOMPARE(groups.int16(), qint16(0));
            QCOMPARE(groups.nullableString(true), std::nullopt);
            groups.skipTaggedFields();
        }
        groups.skipTaggedFields();
        QVERIFY(groups.atEnd());

        for (const auto &[keyType, error] : {std::pair {qint8(1), qint16(15)}, std::pair {qint8(2), qint16(42)}}) {
            WireReader refused = callFlexible(broker, ask(6, keyType), &keep);
            refused.int32();
            QCOMPARE(refused.arrayLength(true), 2);
            for (const char *key : {"a", "b"}) {
                QCOMPARE(refused.string(true), QString::fromLatin1(key));
                QCOMPARE(refused.int32(), -1);
                QCOMPARE(refused.string(true), QString());
                QCOMPARE(refused.int32(), -1);
                QCOMPARE(refused.int16(), error);
                QVERIFY(!refused.nullableString(true).value_or(QString()).isEmpty());
                refused.skipTaggedFields();
            }
        }

        // v3: flexible, one key.
        WireReader single = callFlexible(broker,
            flexible(ApiKey::FindCoordinator, 3,
                [](WireWriter &w) {
                    w.string(QStringLiteral("g"), true);
                    w.int8(0);
                    w.emptyTaggedFields();
                }),
            &keep);
        QCOMPARE(single.int32(), 0);
        QCOMPARE(single.int16(), qint16(0));
        QCOMPARE(single.nullableString(true), std::nullopt);
        QCOMPARE(single.int32(), 0);
        QCOMPARE(single.string(true), QStringLiteral("127.0.0.1"));
        QCOMPARE(single.int32(), 29092);
        single.skipTaggedFields();
        QVERIFY(single.atEnd());
    }

    // DescribeGroups v5 (flexible) gives the authorized operations when asked (every group operation: no ACLs);
    // v6 answers a group the broker does not have with GROUP_ID_NOT_FOUND and a message (KIP-1043).
    void describeGroupsAuthorizedOperationsAndUnknownGroups()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        stableStaticLeader(broker);
        const auto describe = [&](qint16 version, bool authorizedOperations) {
            return flexible(ApiKey::DescribeGroups, version, [&](WireWriter &w) {
                w.arrayLength(2, true);
                w.string(QStringLiteral("g"), true);
                w.string(QStringLiteral("nope"), true);
                w.boolean(authorizedOperations);
                w.emptyTaggedFields();
            });
        };
        for (const qint16 version : {qint16(5), qint16(6)}) {
            for (const bool asked : {false, true}) {
                QByteArray keep;
                WireReader r = callFlexible(broker, describe(version, asked), &keep);
                r.int32();
                QCOMPARE(r.arrayLength(true), 2);
                QCOMPARE(r.int16(), qint16(0));
                if (version >= 6)
                    QCOMPARE(r.nullableString(true), std::nullopt);
                QCOMPARE(r.string(true), QStringLiteral("g"));
                QCOMPARE(r.string(true), QStringLiteral("Stable"));
                QCOMPARE(r.string(true), QStringLiteral("consumer"));
                QCOMPARE(r.string(true), QStringLiteral("range"));
                QCOMPARE(r.arrayLength(true), 1);
                QCOMPARE(r.string(true), QStringLiteral("i1-1"));
                QCOMPARE(r.nullableString(true), QStringLiteral("i1"));
                QCOMPARE(r.string(true), QStringLiteral("test"));
                QCOMPARE(r.string(true), QStringLiteral("/127.0.0.1"));
                QCOMPARE(r.bytes(true), Subscription);
                QCOMPARE(r.bytes(true), Assignment);
                r.skipTaggedFields();
                // READ, DELETE, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS; INT32_MIN when not asked.
                QCOMPARE(r.int32(), asked ? 3400 : std::numeric_limits<qint32>::min());
                r.skipTaggedFields();

                QCOMPARE(r.int16(), qint16(version >= 6 ? 69 : 0));
                if (version >= 6)
                    QCOMPARE(r.nullableString(true), QStringLiteral("Group nope not found."));
                QCOMPARE(r.string(true), QStringLiteral("nope"));
                QCOMPARE(r.string(true), QStringLiteral("Dead"));
                QCOMPARE(r.string(true), QString());
                QCOMPARE(r.string(true), QString());
                QCOMPARE(r.arrayLength(true), 0);
                // Only an answer without error gets the operations (v5: the unknown group has none).
                QCOMPARE(r.int32(), asked && version < 6 ? 3400 : std::numeric_limits<qint32>::min());
                r.skipTaggedFields();
                r.skipTaggedFields();
                QVERIFY(r.atEnd());
            }
        }
    }

    // ListGroups v4 filters by state and v5 by type, both case-insensitively; every group here is "classic".
    void listGroupsStateAndTypeFilters_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QStringList>("states");
        QTest::addColumn<QStringList>("types");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("v3 all") << 3 << QStringList() << QStringList()
                                << QStringList {QStringLiteral("g consumer"), QStringLiteral("standalone ")};
        QTest::addRow("v4 no filter") << 4 << QStringList() << QStringList()
                                      << QStringList {
                                             QStringLiteral("g consumer Stable"), QStringLiteral("standalone  Empty")};
        QTest::addRow("v4 stable") << 4 << QStringList {QStringLiteral(" STABLE")} << QStringList()
                                   << QStringList {QStringLiteral("g consumer Stable")};
        QTest::addRow("v4 empty or dead") << 4 << QStringList {QStringLiteral("Empty"), QStringLiteral("Dead")}
                                          << QStringList() << QStringList {QStringLiteral("standalone  Empty")};
        QTest::addRow("v5 classic") << 5 << QStringList() << QStringList {QStringLiteral("Classic")}
                                    << QStringList {QStringLiteral("g consumer Stable classic"),
                                           QStringLiteral("standalone  Empty classic")};
        QTest::addRow("v5 consumer type")
            << 5 << QStringList() << QStringList {QStringLiteral("consumer")} << QStringList();
        QTest::addRow("v5 both") << 5 << QStringList {QStringLiteral("empty")}
                                 << QStringList {QStringLiteral("share"), QStringLiteral("classic")}
                                 << QStringList {QStringLiteral("standalone  Empty classic")};
    }

    void listGroupsStateAndTypeFilters()
    {
        QFETCH(int, version);
        QFETCH(QStringList, states);
        QFETCH(QStringList, types);
        QFETCH(QStringList, expected);
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        stableStaticLeader(broker);
        commitStandalone(broker);

        QByteArray keep;
        WireReader r = callFlexible(broker,
            flexible(ApiKey::ListGroups, qint16(version),
                [&](WireWriter &w) {
                    const auto list = [&](const QStringList &values) {
                        w.arrayLength(values.size(), true);
                        for (const QString &value : values)
                            w.string(value, true);
                    };
                    if (version >= 4)
                        list(states);
                    if (version >= 5)
                        list(types);
                    w.emptyTaggedFields();
                }),
            &keep);
        r.int32();
        QCOMPARE(r.int16(), qint16(0));
        QStringList listed;
        const int count = r.arrayLength(true);
        for (int i = 0; i < count; ++i) {
            QStringList fields {r.string(true), r.string(true)};
            if (version >= 4)
                fields.append(r.string(true));
            if (version >= 5)
                fields.append(r.string(true));
            r.skipTaggedFields();
            listed.append(fields.join(QLatin1Char(' ')));
        }
        r.skipTaggedFields();
        QVERIFY(r.atEnd());
        listed.sort();
        QCOMPARE(listed, expected);
    }

    // DeleteGroups v2 (flexible), with a tagged field the broker does not know (skipped by its size).
    void deleteGroupsFlexible()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        commitStandalone(broker);
        QByteArray keep;
        WireReader r = callFlexible(broker,
            flexible(ApiKey::DeleteGroups, 2,
                [](WireWriter &w) {
                    w.arrayLength(2, true);
                    w.string(QStringLiteral("standalone"), true);
                    w.string(QStringLiteral("never-seen"), true);
                    w.uvarint(1); // one tagged field: tag 9, two bytes
                    w.uvarint(9);
                    w.uvarint(2);
                    w.raw("xy");
                }),
            &keep);
        QCOMPARE(r.int32(), 0);
        QCOMPARE(r.arrayLength(true), 2);
        QCOMPARE(r.string(true), QStringLiteral("standalone"));
        QCOMPARE(r.int16(), qint16(0));
        r.skipTaggedFields();
        QCOMPARE(r.string(true), QStringLiteral("never-seen"));
        QCOMPARE(r.int16(), qint16(69));
        r.skipTaggedFields();
        r.skipTaggedFields();
        QVERIFY(r.atEnd());
        QCOMPARE(broker.groups->dumpGroup(QStringLiteral("standalone")), QString());
    }

    // OffsetDelete v0 (KIP-496): an active consumer group keeps the offsets of topics it subscribes to
    // (GROUP_SUBSCRIBED_TO_TOPIC) and loses the others; unknown topics and partitions are named; an unknown group
    // is a group-level error without topics.
    void offsetDeleteByGroupState()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("t"), 1);
        broker.log->createTopic(QStringLiteral("u"), 2);
        const QString leader = stableStaticLeader(broker);
        OffsetCommitRequest commit;
        commit.groupId = QStringLiteral("g");
        commit.generationId = 1;
        commit.memberId = leader;
        commit.groupInstanceId = QStringLiteral("i1");
        commit.offsets
            = {{{QStringLiteral("t"), 0}, 3, -1, QString(), -1}, {{QStringLiteral("u"), 1}, 4, -1, QString(), -1}};
        for (const PartitionResult &result : broker.groups->commitOffsets(commit))
            QCOMPARE(result.error, ErrorCode::None);

        const auto offsetDelete = [&](const QString &group) {
            return frame(47, 0, 9, [&](WireWriter &w) {
                w.string(group);
                w.arrayLength(3);
                w.string(QStringLiteral("t"));
                w.arrayLength(1);
                w.int32(0);
                w.string(QStringLiteral("u"));
                w.arrayLength(2);
                w.int32(1);
                w.int32(5);
                w.string(QStringLiteral("missing"));
                w.arrayLength(1);
                w.int32(0);
            });
        };
        QByteArray keep;
        WireReader r = broker.call(offsetDelete(QStringLiteral("g")), &keep);
        QCOMPARE(r.int16(), qint16(0));
        QCOMPARE(r.int32(), 0);
        QStringList answered;
        const int topics = r.arrayLength();
        for (int t = 0; t < topics; ++t) {
            const QString topic = r.string();
            const int partitions = r.arrayLength();
            for (int p = 0; p < partitions; ++p) {
                const int index = r.int32();
                answered.append(QStringLiteral("%1-%2=%3").arg(topic).arg(index).arg(r.int16()));
            }
        }
        QVERIFY(r.atEnd());
        QCOMPARE(answered,
            QStringList({QStringLiteral("t-0=86"), QStringLiteral("u-1=0"), QStringLiteral("u-5=3"),
                QStringLiteral("missing-0=3")}));
        const OffsetFetchResult left = broker.groups->fetchOffsets(QStringLiteral("g"), std::nullopt);
        QCOMPARE(left.offsets.size(), size_t(1));
        QCOMPARE(left.offsets.front().topicPartition, (TopicPartition {QStringLiteral("t"), 0}));

        WireReader unknown = broker.call(offsetDelete(QStringLiteral("nope")), &keep);
        QCOMPARE(unknown.int16(), qint16(69));
        QCOMPARE(unknown.int32(), 0);
        QCOMPARE(unknown.arrayLength(), 0);
        QVERIFY(unknown.atEnd());
    }

    // Every truncation of a flexible request body, and a tagged field whose size lies, closes the connection with
    // the API, the version and what failed.
    void truncatedOrLyingFlexibleBodiesClose_data()
    {
        QTest::addColumn<int>("apiKey");
        QTest::addColumn<int>("version");
        QTest::addColumn<QByteArray>("body");
        const auto body = [](const std::function<void(WireWriter &)> &write) {
            WireWriter w;
            write(w);
            return w.take();
        };
        const auto headerless = [&](const QByteArray &request) {
            return request.mid(2 + 2 + 4 + 2 + 4 + 1); // key, version, correlation, client id "test", tags
        };
        QTest::addRow("JoinGroup v9") << 11 << 9
                                      << headerless(joinFrame(
                                             9, QStringLiteral("m"), QStringLiteral("i"), QStringLiteral("why")));
        QTest::addRow("SyncGroup v5") << 14 << 5
                                      << headerless(syncFrame(QStringLiteral("m"), 1, QStringLiteral("consumer"),
                                             QStringLiteral("range"), true));
        QTest::addRow("OffsetCommit v9") << 8 << 9 << headerless(commitFrame(9, QStringLiteral("g"), 1, QString()));
        QTest::addRow("Heartbeat v4") << 12 << 4 << body([](WireWriter &w) {
            w.string(QStringLiteral("g"), true);
            w.int32(1);
            w.string(QStringLiteral("m"), true);
            w.nullableString(std::nullopt, true);
            w.emptyTaggedFields();
        });
        QTest::addRow("OffsetFetch v9") << 9 << 9 << body([](WireWriter &w) {
            w.arrayLength(1, true);
            w.string(QStringLiteral("g"), true);
            w.nullableString(std::nullopt, true);
            w.int32(-1);
            w.arrayLength(-1, true);
            w.emptyTaggedFields();
            w.boolean(false);
            w.emptyTaggedFields();
        });
        QTest::addRow("ListGroups v5") << 16 << 5 << body([](WireWriter &w) {
            w.arrayLength(1, true);
            w.string(QStringLiteral("Stable"), true);
            w.arrayLength(0, true);
            w.emptyTaggedFields();
        });
        QTest::addRow("OffsetDelete v0") << 47 << 0 << body([](WireWriter &w) {
            w.string(QStringLiteral("g"));
            w.arrayLength(1);
            w.string(QStringLiteral("t"));
            w.arrayLength(1);
            w.int32(0);
        });
    }

    void truncatedOrLyingFlexibleBodiesClose()
    {
        QFETCH(int, apiKey);
        QFETCH(int, version);
        QFETCH(QByteArray, body);
        const QString prefix
            = QStringLiteral("malformed %1 v%2 request: ").arg(ApiKeys::name(qint16(apiKey))).arg(version);
        // The whole body is answered (it is a valid request) ...
        {
            WireBroker broker;
            const auto whole
                = broker.send(headerAwareFrame(qint16(apiKey), qint16(version), [&](WireWriter &w) { w.raw(body); }));
            if (!whole->has_value())
                broker.clock.advance(120'000);
            QVERIFY(whole->has_value());
            QCOMPARE((*whole)->action, WireResponse::Action::Send);
        }
        // ... and every shorter one closes the connection at once.
        for (qsizetype n = 0; n < body.size(); ++n) {
            WireBroker broker;
            const auto cut = broker.send(headerAwareFrame(
                qint16(apiKey), qint16(version), [&](WireWriter &w) { w.raw(QByteArrayView(body).first(n)); }));
            QVERIFY2(cut->has_value(), qPrintable(QString::number(n)));
            QCOMPARE((*cut)->action, WireResponse::Action::Close);
            QVERIFY2(
                (*cut)->reason.startsWith(prefix) && (*cut)->reason.size() > prefix.size(), qPrintable((*cut)->reason));
            QVERIFY(broker.groups->listGroups().isEmpty());
        }
        // A flexible body whose last tagged field claims more bytes than there are.
        if (ApiKeys::isFlexible(qint16(apiKey), qint16(version))) {
            WireBroker broker;
            QByteArray lying = body;
            lying.chop(1); // the request's own empty tag section
            WireWriter tags;
            tags.uvarint(1);
            tags.uvarint(0);
            tags.uvarint(100);
            tags.raw("ab");
            lying += tags.data();
            const auto answer
                = broker.send(headerAwareFrame(qint16(apiKey), qint16(version), [&](WireWriter &w) { w.raw(lying); }));
            QVERIFY(answer->has_value());
            QCOMPARE((*answer)->action, WireResponse::Action::Close);
            QVERIFY2((*answer)->reason.startsWith(prefix), qPrintable((*answer)->reason));
        }
    }
};

QTEST_GUILESS_MAIN(TestWireApisGroups)
#include "tst_wireapis_groups.moc"
