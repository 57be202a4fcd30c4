// GroupCoordinator::deleteOffsets (OffsetDelete, KIP-496) on a ManualClock: Kafka's rules by group state (unknown,
// Empty, an active "consumer" group and its subscribed topics, an active group of another protocol type), unknown
// topics and partitions, the store, and an Empty group forgotten with its last offset.
#include "core/clock.h"
#include "core/events.h"
#include "group/consumerprotocol.h"
#include "group/groupcoordinator.h"
#include "storage/sqlitestore.h"

#include "fakeoffsetstore.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace topicscope::engine;

namespace {

const QString Group = QStringLiteral("g");

// "t-0=NONE u-1=GROUP_SUBSCRIBED_TO_TOPIC" or the group-level error alone.
QString dump(const OffsetDeleteResult &result)
{
    if (result.error != ErrorCode::None)
        return errorName(result.error);
    QStringList parts;
    for (const PartitionResult &p : result.partitions)
        parts.append(p.topicPartition.toString() + QLatin1Char('=') + errorName(p.error));
    return parts.join(QLatin1Char(' '));
}

struct Coordinator {
    ManualClock clock;
    EventBus events;
    FakeOffsetStore store;
    std::unique_ptr<GroupCoordinator> groups;
    int nextId = 0;

    Coordinator()
    {
        const QMap<QString, int> topics {{QStringLiteral("t"), 2}, {QStringLiteral("u"), 2}};
        groups = std::make_unique<GroupCoordinator>(
            clock, events, store, [topics](const QString &topic) { return topics.value(topic, -1); });
        groups->setMemberIdGenerator([this] { return QString::number(++nextId); });
    }

    // A member that subscribes to the topics, joining with a known protocol type and no KIP-394 round trip.
    void join(const QString &protocolType, const QStringList &topics, std::optional<JoinGroupResponse> *answer)
    {
        ConsumerSubscription subscription;
        subscription.topics = topics;
        JoinGroupRequest request;
        request.groupId = Group;
        request.clientId = QStringLiteral("c");
        request.sessionTimeoutMs = 10000;
        request.rebalanceTimeoutMs = 10000;
        request.protocolType = protocolType;
        request.protocols = {{QStringLiteral("range"), ConsumerProtocol::encodeSubscription(subscription)}};
        request.requireKnownMemberId = false;
        groups->joinGroup(request, [answer](const JoinGroupResponse &response) { *answer = response; });
    }

    // One member in generation 1, Stable after its SyncGroup.
    QString stableMember(const QString &protocolType, const QStringList &topics)
    {
        std::optional<JoinGroupResponse> joined;
        join(protocolType, topics, &joined);
        clock.advance(3000); // group.initial.rebalance.delay.ms
        if (!joined || joined->error != ErrorCode::None)
            return {};
        SyncGroupRequest sync;
        sync.groupId = Group;
        sync.generationId = joined->generationId;
        sync.memberId = joined->memberId;
        groups->syncGroup(sync, [](const SyncGroupResponse &) {});
        return joined->memberId;
    }

    void commit(const QString &memberId, qint32 generationId, const QList<TopicPartition> &partitions)
    {
        OffsetCommitRequest request;
        request.groupId = Group;
        request.generationId = generationId;
        request.memberId = memberId;
        for (const TopicPartition &tp : partitions)
            request.offsets.push_back({tp, 5, -1, QString(), -1});
        for (const PartitionResult &result : groups->commitOffsets(request))
            QCOMPARE(result.error, ErrorCode::None);
    }

    QStringList committed() const
    {
        QStringList list;
        for (const CommittedOffset &c : groups->fetchOffsets(Group, std::nullopt).offsets)
            list.append(c.topicPartition.toString());
        return list;
    }
};

TopicPartition tp(const char *topic, int partition)
{
    return {QString::fromLatin1(topic), partition};
}

} // namespace

class TestOffsetDelete : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unknownGroupOrEmptyGroupId()
    {
        Coordinator c;
        QCOMPARE(dump(c.groups->deleteOffsets(Group, {tp("t", 0)})), QStringLiteral("GROUP_ID_NOT_FOUND"));
        QCOMPARE(dump(c.groups->deleteOffsets(QString(), {tp("t", 0)})), QStringLiteral("INVALID_GROUP_ID"));
    }

    // An Empty group loses every offset it is asked for; a partition without one is no error; what does not exist
    // is UNKNOWN_TOPIC_OR_PARTITION. With its last offset gone the group is forgotten.
    void emptyGroupLosesTheOffsets()
    {
        Coordinator c;
        c.commit(QString(), -1, {tp("t", 0), tp("t", 1), tp("u", 0)});
        QCOMPARE(dump(c.groups->deleteOffsets(Group, {tp("t", 0), tp("u", 1), tp("t", 7), tp("nope", 0)})),
            QStringLiteral("t-0=NONE u-1=NONE t-7=UNKNOWN_TOPIC_OR_PARTITION nope-0=UNKNOWN_TOPIC_OR_PARTITION"));
        QCOMPARE(c.committed(), QStringList({QStringLiteral("t-1"), QStringLiteral("u-0")}));
        QCOMPARE(c.store.stored.value(Group).keys(), QList<TopicPartition>({tp("t", 1), tp("u", 0)}));
        QVERIFY(!c.groups->dumpGroup(Group).isEmpty());

        QCOMPARE(dump(c.groups->deleteOffsets(Group, {tp("t", 1), tp("u", 0)})), QStringLiteral("t-1=NONE u-0=NONE"));
        QCOMPARE(c.groups->dumpGroup(Group), QString());
        QCOMPARE(c.groups->describeGroup(Group).state, QStringLiteral("Dead"));
        QVERIFY(!c.store.stored.contains(Group));
    }

    // An active consumer group keeps the offsets of the topics its current generation subscribes to. A member that
    // joins with another topic changes that only with the next generation (Kafka computes the subscribed topics
    // when a generation starts); once every member has gone (session timeout on the clock) all offsets may go.
    void activeConsumerGroupKeepsSubscribedTopics()
    {
        Coordinator c;
        const QString member = c.stableMember(QStringLiteral("consumer"), {QStringLiteral("t")});
        QCOMPARE(c.groups->describeGroup(Group).state, QStringLiteral("Stable"));
        c.commit(member, 1, {tp("t", 0), tp("u", 0), tp("u", 1)});
        QCOMPARE(dump(c.groups->deleteOffsets(Group, {tp("t", 0), tp("u", 0)})),
            QStringLiteral("t-0=GROUP_SUBSCRIBED_TO_TOPIC u-0=NONE"));
        QCOMPARE(c.committed(), QStringList({QStringLiteral("t-0"), QStringLiteral("u-1")}));

        std::optional<JoinGroupResponse> second;
        c.join(QStringLiteral("consumer"), {QStringLiteral("u")}, &second);
        QCOMPARE(c.groups->describeGroup(Group).state, QStringLiteral("PreparingRebalance"));
        QCOMPARE(dump(c.groups->deleteOffsets(Group, {tp("u", 1)})), QStringLiteral("u-1=NONE"));
        c.commit(member, 1, {tp("u", 1)});

        // The first member rejoins; generation 2 subscribes to t and u.
        std::optional<JoinGroupResponse> rejoined;
        JoinGroupRequest again;
        again.groupId = Group;
        again.memberId = member;
        again.clientId = QStringLiteral("c");
        again.sessionTimeoutMs = 10000;
        again.rebalanceTimeoutMs = 10000;
        again.protocolType = QStringLiteral("consumer");
        ConsumerSubscription subscription;
        subscription.topics = {QStringLiteral("t")};
        again.protocols = {{QStringLiteral("range"), ConsumerProtocol::encodeSubscription(subscription)}};
        c.groups->joinGroup(again, [&](const JoinGroupResponse &response) { rejoined = response; });
        QVERIFY(rejoined && second);
        QCOMPARE(rejoined->generationId, 2);
        QCOMPARE(dump(c.groups->deleteOffsets(Group, {tp("u", 1), tp("t", 1)})),
            QStringLiteral("u-1=GROUP_SUBSCRIBED_TO_TOPIC t-1=GROUP_SUBSCRIBED_TO_TOPIC"));

        // No heartbeats: both sessions expire, the group is Empty and nothing is protected any more.
        c.clock.advance(10000);
        QCOMPARE(c.groups->describeGroup(Group).state, QStringLiteral("Empty"));
        QCOMPARE(dump(c.groups->deleteOffsets(Group, {tp("t", 0), tp("u", 1)})), QStringLiteral("t-0=NONE u-1=NONE"));
        QCOMPARE(c.groups->dumpGroup(Group), QString());
    }

    // A group of another protocol type (Kafka Connect's "connect") cannot lose offsets while it has members.
    void activeGroupOfAnotherProtocolIsNotEmpty()
    {
        Coordinator c;
        const QString member = c.stableMember(QStringLiteral("connect"), {QStringLiteral("t")});
        QVERIFY(!member.isEmpty());
        c.commit(member, 1, {tp("u", 0)});
        QCOMPARE(dump(c.groups->deleteOffsets(Group, {tp("u", 0)})), QStringLiteral("NON_EMPTY_GROUP"));
        QCOMPARE(c.committed(), QStringList {QStringLiteral("u-0")});
    }

    // A store that fails keeps the offsets where they were, and says so for the partitions it could not delete.
    void storageFailureKeepsTheOffsets()
    {
        Coordinator c;
        c.commit(QString(), -1, {tp("t", 0), tp("t", 1)});
        c.store.failDeletes = true;
        QCOMPARE(dump(c.groups->deleteOffsets(Group, {tp("t", 0), tp("nope", 0)})),
            QStringLiteral("t-0=KAFKA_STORAGE_ERROR nope-0=UNKNOWN_TOPIC_OR_PARTITION"));
        QCOMPARE(c.committed(), QStringList({QStringLiteral("t-0"), QStringLiteral("t-1")}));
    }

    // The SQLite store deletes the partitions' rows in one savepoint: after a restart only the kept offsets load,
    // and a store that cannot write keeps them all.
    void deletionsPersistInTheSqliteStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(SqliteStore::databaseFileName());
        const auto partitionCount = [](const QString &topic) { return topic == QLatin1String("t") ? 3 : -1; };
        ManualClock clock;
        EventBus events;
        QString error;
        {
            auto store = SqliteStore::open(path, false, &error);
            QVERIFY2(store, qPrintable(error));
            GroupCoordinator groups(clock, events, *store, partitionCount);
            OffsetCommitRequest commit;
            commit.groupId = Group;
            for (int p = 0; p < 3; ++p)
                commit.offsets.push_back({tp("t", p), 5, -1, QString(), -1});
            groups.commitOffsets(commit);
            QCOMPARE(dump(groups.deleteOffsets(Group, {tp("t", 0), tp("t", 2)})), QStringLiteral("t-0=NONE t-2=NONE"));
            store->setReadOnlyForTesting(true);
            QCOMPARE(dump(groups.deleteOffsets(Group, {tp("t", 1)})), QStringLiteral("t-1=KAFKA_STORAGE_ERROR"));
        }
        auto store = SqliteStore::open(path, false, &error);
        QVERIFY2(store, qPrintable(error));
        GroupCoordinator groups(clock, events, *store, partitionCount);
        QCOMPARE(groups.load(), ErrorCode::None);
        const OffsetFetchResult loaded = groups.fetchOffsets(Group, std::nullopt);
        QCOMPARE(loaded.offsets.size(), size_t(1));
        QCOMPARE(loaded.offsets.front().topicPartition, tp("t", 1));
    }
};

QTEST_GUILESS_MAIN(TestOffsetDelete)
#include "tst_offsetdelete.moc"
