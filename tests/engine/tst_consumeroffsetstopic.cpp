// __consumer_offsets as Kafka keeps it. The records are read back through the wire (Fetch) and decoded by this
// test's own reader of Kafka's OffsetCommitKey/Value and GroupMetadataKey/Value (written from the schema facts,
// independent of the broker's encoder): every commit and every generation is there with its fields. Also:
// Java's partitionFor, Metadata's is_internal, refused produce/delete/auto-creation, a restart that continues the
// generation, the migration of an old data directory's offsets table, offsets retention and group expiry on a
// ManualClock, tombstones, and the cleaner.
#include "broker/broker.h"
#include "consumeroffsetsrecords.h"
#include "core/recordbatch.h"
#include "group/consumerprotocol.h"
#include "group/groupcoordinator.h"
#include "group/offsetstopic.h"
#include "log/logmanager.h"
#include "recordcursor.h"
#include "wirebroker.h"

#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;

namespace {

const QString Offsets = QStringLiteral("__consumer_offsets");

// ---- the test's own reader of the record formats (group-coordinator/src/main/resources/common/message) ----

using Cursor = RecordCursor;

// One record of the topic, as text a test can compare: "commit g t-0 offset=5 epoch=-1 meta= ts=..." or
// "group g gen=1 type=consumer protocol=range leader=c-1 members=[c-1/(null)/c/host/30000/10000/sub=..,asg=..]",
// tombstones as "commit g t-0 DELETED" and "group g DELETED".
QString readRecord(const Record &record, bool withTimestamps = false)
{
    Cursor key {record.key.value_or(QByteArray())};
    const qint16 keyVersion = key.get<qint16>();
    if (keyVersion == 0 || keyVersion == 1) {
        const QString group = *key.str();
        const QString topic = *key.str();
        const qint32 partition = key.get<qint32>();
        QString text = QStringLiteral("commit %1 %2-%3").arg(group, topic).arg(partition);
        if (!record.value)
            return text + QStringLiteral(" DELETED");
        Cursor v {*record.value};
        const qint16 version = v.get<qint16>();
        const qint64 offset = v.get<qint64>();
        const qint32 epoch = version >= 3 ? v.get<qint32>() : -1;
        const QString meta = *v.str();
        const qint64 ts = v.get<qint64>();
        if (version == 1)
            v.get<qint64>();
        text += QStringLiteral(" v%1 offset=%2 epoch=%3 meta=%4").arg(version).arg(offset).arg(epoch).arg(meta);
        if (withTimestamps)
            text += QStringLiteral(" ts=%1").arg(ts);
        return v.ok && v.pos == v.bytes.size() ? text : text + QStringLiteral(" TRAILING");
    }
    if (keyVersion == 2) {
        const QString group = *key.str();
        if (!record.value)
            return QStringLiteral("group %1 DELETED").arg(group);
        Cursor v {*record.value};
        const qint16 version = v.get<qint16>();
        const QString type = *v.str();
        const qint32 generation = v.get<qint32>();
        const QString protocol = v.str().value_or(QStringLiteral("(null)"));
        const QString leader = v.str().value_or(QStringLiteral("(null)"));
        const qint64 stateTs = version >= 2 ? v.get<qint64>() : -1;
        const qint32 count = v.get<qint32>();
        QStringList members;
        for (int i = 0; i < count; ++i) {
            const QString id = *v.str();
            const QString instance = version >= 3 ? v.str().value_or(QStringLiteral("(null)")) : QString();
            const QString client = *v.str();
            const QString host = *v.str();
            const qint32 rebalance = version >= 1 ? v.get<qint32>() : -1;
            const qint32 session = v.get<qint32>();
            const QByteArray sub = v.blob();
            const QByteArray asg = v.blob();
            members << QStringLiteral("%1/%2/%3/%4/%5/%6/sub=%7/asg=%8")
                           .arg(id, instance, client, host)
                           .arg(rebalance)
                           .arg(session)
                           .arg(QString::fromLatin1(sub.toHex()), QString::fromLatin1(asg.toHex()));
        }
        QString text = QStringLiteral("group %1 v%2 gen=%3 type=%4 protocol=%5 leader=%6 members=[%7]")
                           .arg(group)
                           .arg(version)
                           .arg(generation)
                           .arg(type, protocol, leader, members.join(QLatin1Char(' ')));
        if (withTimestamps)
            text += QStringLiteral(" stateTs=%1").arg(stateTs);
        return v.ok && v.pos == v.bytes.size() ? text : text + QStringLiteral(" TRAILING");
    }
    return QStringLiteral("unknown key version %1").arg(keyVersion);
}

// Java's Utils.abs(String.hashCode()) % n, written again here.
int javaPartition(const QString &s, int n)
{
    qint32 h = 0;
    for (QChar c : s)
        h = qint32(quint32(h) * 31u + c.unicode());
    return (h == std::numeric_limits<qint32>::min() ? 0 : std::abs(h)) % n;
}

QByteArray subscriptionToT()
{
    ConsumerSubscription subscription;
    subscription.topics = {QStringLiteral("t")};
    return ConsumerProtocol::encodeSubscription(subscription);
}

QByteArray assignmentOfT()
{
    ConsumerAssignment assignment;
    assignment.partitions = {{QStringLiteral("t"), 0}, {QStringLiteral("t"), 1}};
    return ConsumerProtocol::encodeAssignment(assignment);
}

const QByteArray SubscriptionT = subscriptionToT();

// Fetch v4 of one partition from its log start offset, through KafkaApis; the records of the answer, decoded.
std::vector<Record> fetchAll(WireBroker &b, const QString &topic, int partition, qint16 *errorOut = nullptr)
{
    const qint64 start = b.log->partitionInfo({topic, partition})->logStartOffset;
    QByteArray keep;
    WireReader r = b.call(frame(1, 4, 21,
                              [&](WireWriter &w) {
                                  w.int32(-1);
                                  w.int32(0);
                                  w.int32(0);
                                  w.int32(16 << 20);
                                  w.int8(0);
                                  w.arrayLength(1);
                                  w.string(topic);
                                  w.arrayLength(1);
                                  w.int32(partition);
                                  w.int64(start);
                                  w.int32(16 << 20);
                              }),
        &keep);
    r.int32(); // throttle
    r.arrayLength();
    r.string();
    r.arrayLength();
    r.int32();
    const qint16 error = r.int16();
    if (errorOut)
        *errorOut = error;
    r.int64();
    r.int64();
    const qint32 aborted = r.int32();
    for (int i = 0; i < aborted; ++i) {
        r.int64();
        r.int64();
    }
    const QByteArray records = r.bytes();
    std::vector<Record> out;
    for (QByteArrayView batch : RecordBatch::split(records))
        RecordBatch::decode(batch, &out);
    return out;
}

QStringList readGroupPartition(WireBroker &b, const QString &group)
{
    QStringList lines;
    for (const Record &record : fetchAll(b, Offsets, javaPartition(group, 50)))
        lines << readRecord(record);
    return lines;
}

struct InAppMember {
    QString memberId;
    qint32 generation = -1;
    QString leader;
};

JoinGroupRequest joinRequest(const QString &group, const QString &client, const QString &memberId = {})
{
    JoinGroupRequest join;
    join.groupId = group;
    join.memberId = memberId;
    join.clientId = client;
    join.clientHost = QStringLiteral("/10.0.0.1");
    join.sessionTimeoutMs = 10000;
    join.rebalanceTimeoutMs = 30000;
    join.protocolType = QStringLiteral("consumer");
    join.protocols = {{QStringLiteral("range"), SubscriptionT}};
    join.requireKnownMemberId = false;
    return join;
}

// One member joins and syncs (leader assigns t-0 and t-1 to itself); returns its id and generation.
InAppMember joinAndSync(ManualClock &clock, GroupCoordinator &groups, const QString &group, const QString &client)
{
    std::optional<JoinGroupResponse> joined;
    groups.joinGroup(joinRequest(group, client), [&](const JoinGroupResponse &r) { joined = r; });
    clock.advance(200); // past the initial rebalance delay
    if (!joined)
        return {};
    SyncGroupRequest sync;
    sync.groupId = group;
    sync.generationId = joined->generationId;
    sync.memberId = joined->memberId;
    sync.assignments.insert(joined->memberId, assignmentOfT());
    groups.syncGroup(sync, [](const SyncGroupResponse &) {});
    return {joined->memberId, joined->generationId, joined->leader};
}

std::vector<PartitionResult> commit(GroupCoordinator &groups, const QString &group, const InAppMember &m, int partition,
    qint64 offset, const QString &metadata = {})
{
    OffsetCommitRequest request;
    request.groupId = group;
    request.generationId = m.generation;
    request.memberId = m.memberId;
    CommittedOffset o;
    o.topicPartition = {QStringLiteral("t"), partition};
    o.offset = offset;
    o.metadata = metadata;
    request.offsets.push_back(o);
    return groups.commitOffsets(request);
}

// A standalone (admin) commit of offset 3 for each partition, without a generation: the group stays Empty.
std::vector<PartitionResult> standaloneCommit(
    GroupCoordinator &groups, const QString &group, const QList<TopicPartition> &partitions)
{
    OffsetCommitRequest request;
    request.groupId = group;
    for (const TopicPartition &tp : partitions) {
        CommittedOffset o;
        o.topicPartition = tp;
        o.offset = 3;
        request.offsets.push_back(o);
    }
    return groups.commitOffsets(request);
}

BrokerOptions diskOptions(const QString &dir)
{
    BrokerOptions options;
    options.storage.dataDir = dir;
    options.groups.initialRebalanceDelayMs = 100;
    options.retentionCheckIntervalMs = 0;
    return options;
}

} // namespace

class TestConsumerOffsetsTopic : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void partitionForIsJavas()
    {
        // Java: "g".hashCode() = 103; "my-group" hashes negative; "polygenelubricants" hashes to Integer.MIN_VALUE,
        // which Utils.abs maps to 0.
        QCOMPARE(ConsumerOffsetsRecords::partitionFor(QStringLiteral("g"), 50), 3);
        QCOMPARE(ConsumerOffsetsRecords::partitionFor(QStringLiteral("hello"), 50), 22);
        QCOMPARE(ConsumerOffsetsRecords::partitionFor(QStringLiteral("my-group"), 50), 12);
        QCOMPARE(ConsumerOffsetsRecords::partitionFor(QStringLiteral("polygenelubricants"), 50), 0);
        QCOMPARE(ConsumerOffsetsRecords::partitionFor(QStringLiteral("console-consumer-1"), 50), 24);
        QCOMPARE(ConsumerOffsetsRecords::partitionFor(QStringLiteral("그룹"), 50), 19); // UTF-16 code units
        for (const QString &g : {QStringLiteral("a"), QStringLiteral("billing"), QStringLiteral("x-y-z")})
            QCOMPARE(ConsumerOffsetsRecords::partitionFor(g, 7), javaPartition(g, 7));
    }

    void everyCommitAndGenerationIsOnTheWire()
    {
        WireBroker b;
        QCOMPARE(b.log->partitionCount(Offsets), 50);
        QCOMPARE(b.log->createTopic(QStringLiteral("t"), 2), ErrorCode::None);
        const QString group = QStringLiteral("g");

        const InAppMember first = joinAndSync(b.clock, *b.groups, group, QStringLiteral("c"));
        QCOMPARE(first.generation, 1);
        QCOMPARE(commit(*b.groups, group, first, 0, 5, QStringLiteral("m1")).front().error, ErrorCode::None);
        QCOMPARE(commit(*b.groups, group, first, 1, 7).front().error, ErrorCode::None);

        const QString sub = QString::fromLatin1(SubscriptionT.toHex());
        const QString asg = QString::fromLatin1(assignmentOfT().toHex());
        const QString memberLine
            = QStringLiteral("%1/(null)/c//10.0.0.1/30000/10000/sub=%2/asg=%3").arg(first.memberId, sub, asg);
        QCOMPARE(readGroupPartition(b, group),
            QStringList({QStringLiteral("group g v3 gen=1 type=consumer protocol=range leader=%1 members=[%2]")
                             .arg(first.memberId, memberLine),
                QStringLiteral("commit g t-0 v3 offset=5 epoch=-1 meta=m1"),
                QStringLiteral("commit g t-1 v3 offset=7 epoch=-1 meta=")}));

        // A second member: generation 2 is written when its assignment is stored; the first member leaves:
        // generation 3 with one member.
        std::optional<JoinGroupResponse> rejoined;
        std::optional<JoinGroupResponse> second;
        b.groups->joinGroup(joinRequest(group, QStringLiteral("d")), [&](const JoinGroupResponse &r) { second = r; });
        b.groups->joinGroup(
            joinRequest(group, QStringLiteral("c"), first.memberId), [&](const JoinGroupResponse &r) { rejoined = r; });
        QVERIFY(second && rejoined);
        QCOMPARE(second->generationId, 2);
        SyncGroupRequest sync;
        sync.groupId = group;
        sync.generationId = 2;
        sync.memberId = rejoined->leader;
        sync.assignments.insert(first.memberId, {});
        sync.assignments.insert(second->memberId, {});
        b.groups->syncGroup(sync, [](const SyncGroupResponse &) {});
        b.groups->leaveGroup(group, {{first.memberId, std::nullopt, QStringLiteral("bye")}});
        // The remaining member's rebalance completes when it rejoins.
        std::optional<JoinGroupResponse> third;
        b.groups->joinGroup(
            joinRequest(group, QStringLiteral("d"), second->memberId), [&](const JoinGroupResponse &r) { third = r; });
        QVERIFY(third);
        QCOMPARE(third->generationId, 3);
        SyncGroupRequest sync3;
        sync3.groupId = group;
        sync3.generationId = 3;
        sync3.memberId = second->memberId;
        sync3.assignments.insert(second->memberId, {});
        b.groups->syncGroup(sync3, [](const SyncGroupResponse &) {});

        const QStringList lines = readGroupPartition(b, group);
        QCOMPARE(lines.size(), 5);
        QVERIFY2(
            lines[3].startsWith(QStringLiteral("group g v3 gen=2 type=consumer protocol=range")), qPrintable(lines[3]));
        QCOMPARE(lines[3].count(QStringLiteral("/10.0.0.1/")), 2);
        QVERIFY2(
            lines[4].startsWith(QStringLiteral("group g v3 gen=3 type=consumer protocol=range leader=%1 members=[%1/")
                                    .arg(second->memberId)),
            qPrintable(lines[4]));
        QCOMPARE(lines[4].count(QStringLiteral("/10.0.0.1/")), 1);

        // Every other partition is empty: a group's records go to its partition only.
        qint64 elsewhere = 0;
        for (int p = 0; p < 50; ++p) {
            if (p != javaPartition(group, 50))
                elsewhere += qint64(fetchAll(b, Offsets, p).size());
        }
        QCOMPARE(elsewhere, 0);
    }

    void metadataProduceAndDeleteTreatItAsInternal()
    {
        WireBroker b;
        // Metadata v1 for the internal topic and for __transaction_state (auto-creation allowed by default).
        QByteArray keep;
        WireReader r = b.call(frame(3, 1, 7,
                                  [](WireWriter &w) {
                                      w.arrayLength(2);
                                      w.string(Offsets);
                                      w.string(QStringLiteral("__transaction_state"));
                                  }),
            &keep);
        const qint32 brokers = r.int32();
        for (int i = 0; i < brokers; ++i) {
            r.int32();
            r.string();
            r.int32();
            r.nullableString();
        }
        r.int32(); // controller
        QCOMPARE(r.int32(), 2);
        QCOMPARE(r.int16(), qint16(0));
        QCOMPARE(r.string(), Offsets);
        QCOMPARE(r.boolean(), true); // is_internal
        QCOMPARE(r.int32(), 50);
        for (int p = 0; p < 50; ++p) {
            r.int16();
            r.int32();
            r.int32();
            for (int list = 0; list < 2; ++list) {
                const qint32 n = r.int32();
                for (int i = 0; i < n; ++i)
                    r.int32();
            }
        }
        QCOMPARE(r.int16(), qint16(ErrorCode::UnknownTopicOrPartition));
        QCOMPARE(r.string(), QStringLiteral("__transaction_state"));
        QCOMPARE(r.boolean(), true);
        QCOMPARE(r.int32(), 0);
        QCOMPARE(b.log->partitionCount(QStringLiteral("__transaction_state")), -1); // never auto-created

        // Produce v7 to it: INVALID_TOPIC_EXCEPTION, as Kafka's "Cannot append to internal topic".
        Record record;
        record.key = QByteArray("k");
        record.value = QByteArray("v");
        r = b.call(b.produceFrame(Offsets, 0, RecordBatch::build(0, {record})), &keep);
        QCOMPARE(r.int32(), 1);
        QCOMPARE(r.string(), Offsets);
        QCOMPARE(r.int32(), 1);
        QCOMPARE(r.int32(), 0);
        QCOMPARE(r.int16(), qint16(ErrorCode::InvalidTopicException));
        QCOMPARE(b.log->partitionInfo({Offsets, 0})->logEndOffset, 0);

        // DeleteTopics v1: refused, the topic stays.
        r = b.call(frame(20, 1, 8,
                       [](WireWriter &w) {
                           w.arrayLength(1);
                           w.string(Offsets);
                           w.int32(1000);
                       }),
            &keep);
        r.int32(); // throttle
        QCOMPARE(r.int32(), 1);
        QCOMPARE(r.string(), Offsets);
        QCOMPARE(r.int16(), qint16(ErrorCode::InvalidTopicException));
        QCOMPARE(b.log->partitionCount(Offsets), 50);
    }

    void generationAndOffsetsSurviveARestart()
    {
        QTemporaryDir dir;
        ManualClock clock;
        QString memberId;
        {
            QString error;
            auto broker = Broker::open(diskOptions(dir.path()), clock, &error);
            QVERIFY2(broker, qPrintable(error));
            QCOMPARE(broker->log().createTopic(QStringLiteral("t"), 2), ErrorCode::None);
            const InAppMember m = joinAndSync(clock, broker->groups(), QStringLiteral("g"), QStringLiteral("c"));
            memberId = m.memberId;
            QCOMPARE(commit(broker->groups(), QStringLiteral("g"), m, 1, 42).front().error, ErrorCode::None);
            QCOMPARE(broker->groups().describeGroup(QStringLiteral("g")).generationId, 1);
        }
        QString error;
        auto broker = Broker::open(diskOptions(dir.path()), clock, &error);
        QVERIFY2(broker, qPrintable(error));
        // Opening the topic and loading offsets, classic and consumer-protocol groups read it once.
        QCOMPARE(broker->offsetsTopic().replays(), 1);
        GroupCoordinator &groups = broker->groups();
        // As Kafka's loader: the member comes back, the group is Stable in generation 1 with its assignment.
        const GroupDescription loaded = groups.describeGroup(QStringLiteral("g"));
        QCOMPARE(loaded.state, QStringLiteral("Stable"));
        QCOMPARE(loaded.generationId, 1);
        QCOMPARE(loaded.protocolName, QStringLiteral("range"));
        QCOMPARE(loaded.leader, memberId);
        QCOMPARE(loaded.members.size(), 1);
        QCOMPARE(loaded.members.front().clientId, QStringLiteral("c"));
        const OffsetFetchResult offsets
            = groups.fetchOffsets(QStringLiteral("g"), QList<TopicPartition> {{QStringLiteral("t"), 1}});
        QCOMPARE(offsets.offsets.front().offset, 42);
        // The loaded member may heartbeat in its generation.
        HeartbeatRequest heartbeat;
        heartbeat.groupId = QStringLiteral("g");
        heartbeat.generationId = 1;
        heartbeat.memberId = memberId;
        QCOMPARE(groups.heartbeat(heartbeat), ErrorCode::None);

        // A new member's join continues the count: generation 2 (the silent old member is dropped by the rebalance).
        std::optional<JoinGroupResponse> joined;
        groups.joinGroup(
            joinRequest(QStringLiteral("g"), QStringLiteral("n")), [&](const JoinGroupResponse &r) { joined = r; });
        clock.advance(31000); // the old member does not rejoin within the rebalance timeout
        QVERIFY(joined);
        QCOMPARE(joined->error, ErrorCode::None);
        QCOMPARE(joined->generationId, 2);
        // Once the topic has changed, a load reads it again and sees the change.
        CommittedOffset more;
        more.topicPartition = {QStringLiteral("t"), 0};
        more.offset = 7;
        QCOMPARE(broker->offsetsTopic().saveOffsets(QStringLiteral("other"), {more}), ErrorCode::None);
        QCOMPARE(broker->offsetsTopic().loadOffsets().value(QStringLiteral("other")).front().offset, 7);
        QCOMPARE(broker->offsetsTopic().replays(), 2);
    }

    // The first rebalance after a restart compares with the stored generation's assignment: a member that rejoins
    // and is given the same partitions moved none of them.
    void restoredGroupReportsOnlyWhatMoved()
    {
        QTemporaryDir dir;
        ManualClock clock;
        QString memberId;
        {
            QString error;
            auto broker = Broker::open(diskOptions(dir.path()), clock, &error);
            QVERIFY2(broker, qPrintable(error));
            QCOMPARE(broker->log().createTopic(QStringLiteral("t"), 2), ErrorCode::None);
            memberId = joinAndSync(clock, broker->groups(), QStringLiteral("g"), QStringLiteral("c")).memberId;
        }
        QString error;
        auto broker = Broker::open(diskOptions(dir.path()), clock, &error);
        QVERIFY2(broker, qPrintable(error));
        QList<RebalanceCompleted> rebalances;
        broker->events().subscribe([&](const Event &e) {
            if (const auto *r = std::get_if<RebalanceCompleted>(&e))
                rebalances << *r;
        });
        std::optional<JoinGroupResponse> joined;
        broker->groups().joinGroup(joinRequest(QStringLiteral("g"), QStringLiteral("c"), memberId),
            [&](const JoinGroupResponse &r) { joined = r; });
        clock.advance(200);
        QVERIFY(joined);
        QCOMPARE(joined->error, ErrorCode::None);
        QCOMPARE(joined->generationId, 2);
        SyncGroupRequest sync;
        sync.groupId = QStringLiteral("g");
        sync.generationId = joined->generationId;
        sync.memberId = memberId;
        sync.assignments.insert(memberId, assignmentOfT());
        broker->groups().syncGroup(sync, [](const SyncGroupResponse &) {});
        QCOMPARE(rebalances.size(), 1);
        QCOMPARE(rebalances.front().generationId, 2);
        QCOMPARE(rebalances.front().assignment.value(memberId).size(), 2);
        QVERIFY2(rebalances.front().partitionsMoved.isEmpty(),
            qPrintable(QString::number(rebalances.front().partitionsMoved.size())));
    }

    void loadedMembersExpireWithoutHeartbeats()
    {
        QTemporaryDir dir;
        ManualClock clock;
        {
            QString error;
            auto broker = Broker::open(diskOptions(dir.path()), clock, &error);
            QVERIFY(broker);
            broker->log().createTopic(QStringLiteral("t"), 2);
            joinAndSync(clock, broker->groups(), QStringLiteral("g"), QStringLiteral("c"));
        }
        QString error;
        auto broker = Broker::open(diskOptions(dir.path()), clock, &error);
        QVERIFY(broker);
        clock.advance(10001); // the session timeout
        const GroupDescription after = broker->groups().describeGroup(QStringLiteral("g"));
        QCOMPARE(after.state, QStringLiteral("Empty"));
        QCOMPARE(after.generationId, 2);
    }

    void oldOffsetsTableIsMigratedOnce()
    {
        QTemporaryDir dir;
        ManualClock clock;
        {
            // A data directory as the previous version left it: offsets in the SQLite table.
            EventBus events;
            QString error;
            auto log = LogManager::open(diskOptions(dir.path()).storage, clock, events, &error);
            QVERIFY2(log, qPrintable(error));
            QCOMPARE(log->createTopic(QStringLiteral("t"), 3), ErrorCode::None);
            CommittedOffset a;
            a.topicPartition = {QStringLiteral("t"), 2};
            a.offset = 99;
            a.metadata = QStringLiteral("old");
            a.commitTimestampMs = 1234;
            QCOMPARE(log->offsetStore().saveOffsets(QStringLiteral("legacy"), {a}), ErrorCode::None);
        }
        for (int run = 0; run < 2; ++run) {
            QString error;
            auto broker = Broker::open(diskOptions(dir.path()), clock, &error);
            QVERIFY2(broker, qPrintable(error));
            const OffsetFetchResult f = broker->groups().fetchOffsets(
                QStringLiteral("legacy"), QList<TopicPartition> {{QStringLiteral("t"), 2}});
            QCOMPARE(f.offsets.front().offset, 99);
            QCOMPARE(f.offsets.front().metadata, QStringLiteral("old"));
            QCOMPARE(f.offsets.front().commitTimestampMs, 1234);
            QVERIFY(broker->log().offsetStore().loadOffsets().isEmpty()); // the table is empty now
            const int p = javaPartition(QStringLiteral("legacy"), 50);
            QCOMPARE(broker->log().partitionInfo({Offsets, p})->logEndOffset, 1); // written once, not per start
        }
    }

    void offsetsExpireAndEmptyGroupsGo()
    {
        WireBroker b;
        b.log->createTopic(QStringLiteral("t"), 2);
        b.log->createTopic(QStringLiteral("u"), 1);
        // A standalone commit (no generation): an Empty group with offsets.
        QCOMPARE(standaloneCommit(*b.groups, QStringLiteral("lonely"), {{QStringLiteral("t"), 0}}).front().error,
            ErrorCode::None);
        CommittedOffset o;
        o.offset = 3;
        // A Stable group subscribed to t, with an offset of u it no longer reads.
        const InAppMember m = joinAndSync(b.clock, *b.groups, QStringLiteral("busy"), QStringLiteral("c"));
        OffsetCommitRequest both;
        both.groupId = QStringLiteral("busy");
        both.generationId = m.generation;
        both.memberId = m.memberId;
        o.topicPartition = {QStringLiteral("t"), 1};
        both.offsets.push_back(o);
        o.topicPartition = {QStringLiteral("u"), 0};
        both.offsets.push_back(o);
        QCOMPARE(b.groups->commitOffsets(both).size(), size_t(2));

        const qint64 retention = b.groups->config().offsetsRetentionMs;
        QCOMPARE(retention, 7LL * 24 * 3600 * 1000);
        HeartbeatRequest hb {QStringLiteral("busy"), m.generation, m.memberId, std::nullopt};
        // Keep the busy member alive while the clock runs to just before the retention.
        for (qint64 t = 0; t < retention - 5000; t += 5000) {
            b.clock.advance(5000);
            b.groups->heartbeat(hb);
        }
        QCOMPARE(b.groups->expireOffsets(), 0);
        b.clock.advance(5000);
        b.groups->heartbeat(hb);
        QCOMPARE(b.groups->expireOffsets(), 2); // lonely's t-0 and busy's u-0; busy keeps t-1
        QCOMPARE(b.groups->describeGroup(QStringLiteral("lonely")).state, QStringLiteral("Dead")); // gone
        QVERIFY(!b.groups->listGroups().isEmpty());
        QCOMPARE(b.groups->fetchOffsets(QStringLiteral("busy"), std::nullopt).offsets.size(), size_t(1));

        const QStringList lonely = readGroupPartition(b, QStringLiteral("lonely"));
        QVERIFY2(
            lonely.endsWith(QStringLiteral("commit lonely t-0 DELETED")), qPrintable(lonely.join(QLatin1Char('\n'))));
        const QStringList busy = readGroupPartition(b, QStringLiteral("busy"));
        QVERIFY2(busy.last() == QStringLiteral("commit busy u-0 DELETED"), qPrintable(busy.join(QLatin1Char('\n'))));
    }

    // OffsetCommit v2-4's retention_time_ms: the offset expires that long after its commit (OffsetCommitValue v1's
    // expire_timestamp, which Kafka writes then), whatever offsets.retention.minutes says, and a restart keeps it.
    void aCommitsOwnRetentionTime()
    {
        QTemporaryDir dir;
        ManualClock clock;
        auto open = [&] {
            QString error;
            auto broker = Broker::open(diskOptions(dir.path()), clock, &error);
            if (!broker)
                qWarning().noquote() << error;
            return broker;
        };
        {
            auto broker = open();
            QVERIFY(broker);
            QCOMPARE(broker->log().createTopic(QStringLiteral("t"), 1), ErrorCode::None);
            QCOMPARE(
                standaloneCommit(broker->groups(), QStringLiteral("kept"), {{QStringLiteral("t"), 0}}).front().error,
                ErrorCode::None);
            OffsetCommitRequest request;
            request.groupId = QStringLiteral("brief");
            request.retentionTimeMs = 60'000;
            CommittedOffset o;
            o.topicPartition = {QStringLiteral("t"), 0};
            o.offset = 9;
            request.offsets.push_back(o);
            QCOMPARE(broker->groups().commitOffsets(request).front().error, ErrorCode::None);
            const qint64 committedAt = clock.nowMs();
            const QMap<QString, std::vector<CommittedOffset>> stored = broker->offsetsTopic().loadOffsets();
            QCOMPARE(stored.value(QStringLiteral("brief")).front().expireTimestampMs, committedAt + 60'000);
            QCOMPARE(stored.value(QStringLiteral("kept")).front().expireTimestampMs, -1);
        }
        auto broker = open();
        QVERIFY(broker);
        clock.advance(59'999);
        QCOMPARE(broker->groups().expireOffsets(), 0);
        clock.advance(1);
        QCOMPARE(broker->groups().expireOffsets(), 1);
        QVERIFY(broker->groups().fetchOffsets(QStringLiteral("brief"), std::nullopt).offsets.empty());
        QCOMPARE(broker->groups().fetchOffsets(QStringLiteral("kept"), std::nullopt).offsets.size(), size_t(1));
    }

    void deletionsWriteTombstones()
    {
        WireBroker b;
        b.log->createTopic(QStringLiteral("t"), 2);
        b.log->createTopic(QStringLiteral("gone"), 1);
        QCOMPARE(
            standaloneCommit(*b.groups, QStringLiteral("g"), {{QStringLiteral("t"), 0}, {QStringLiteral("gone"), 0}})
                .size(),
            size_t(2));
        QCOMPARE(b.log->deleteTopic(QStringLiteral("gone")), ErrorCode::None);
        b.groups->onTopicDeleted(QStringLiteral("gone"));
        QCOMPARE(b.groups->deleteGroup(QStringLiteral("g")), ErrorCode::None);
        QCOMPARE(readGroupPartition(b, QStringLiteral("g")),
            QStringList({QStringLiteral("commit g t-0 v3 offset=3 epoch=-1 meta="),
                QStringLiteral("commit g gone-0 v3 offset=3 epoch=-1 meta="), QStringLiteral("commit g gone-0 DELETED"),
                QStringLiteral("commit g t-0 DELETED")}));
    }

    void theCleanerKeepsTheNewestOfEachKey()
    {
        WireBroker b;
        b.log->createTopic(QStringLiteral("t"), 2);
        const QString group = QStringLiteral("g");
        for (int i = 0; i < 1500; ++i) {
            OffsetCommitRequest c;
            c.groupId = group;
            CommittedOffset o;
            o.topicPartition = {QStringLiteral("t"), i % 2};
            o.offset = i;
            c.offsets.push_back(o);
            b.groups->commitOffsets(c);
        }
        const int p = javaPartition(group, 50);
        QCOMPARE(b.log->partitionInfo({Offsets, p})->logEndOffset, 1500);
        b.broker->enforceRetention(); // retention never touches it; the cleaner does, in place
        const PartitionInfo info = *b.log->partitionInfo({Offsets, p});
        // Kafka's cleaner keeps offsets: the log's start and end stay, the records left keep theirs. The last batch
        // (offset 1499) stands in for the active segment and is not cleaned, so t-1's 1497 stays beside it.
        QCOMPARE(info.logStartOffset, 0);
        QCOMPARE(info.logEndOffset, 1500);
        QCOMPARE(readGroupPartition(b, group),
            QStringList({QStringLiteral("commit g t-1 v3 offset=1497 epoch=-1 meta="),
                QStringLiteral("commit g t-0 v3 offset=1498 epoch=-1 meta="),
                QStringLiteral("commit g t-1 v3 offset=1499 epoch=-1 meta=")}));
        const FetchResult fromStart = b.log->read({Offsets, p}, 0, 1 << 20);
        QCOMPARE(RecordBatch::parseHeader(fromStart.records)->baseOffset, 1497);
        // The replay after cleaning gives the same offsets.
        QCOMPARE(b.broker->offsetsTopic().loadOffsets().value(group).size(), size_t(2));
        QCOMPARE(b.broker->offsetsTopic().loadOffsets().value(group).back().offset, 1499);
        // Tombstones stay for delete.retention.ms, then the cleaner drops them. A neighbour's commit to the same
        // partition comes after them, so that they are not in the last batch.
        QCOMPARE(b.groups->deleteGroup(group), ErrorCode::None);
        QString neighbour;
        for (int i = 0; neighbour.isEmpty() || javaPartition(neighbour, 50) != p; ++i)
            neighbour = QStringLiteral("n%1").arg(i);
        QCOMPARE(standaloneCommit(*b.groups, neighbour, {{QStringLiteral("t"), 0}}).front().error, ErrorCode::None);
        const LogManager::CleanReport withTombstones = b.log->cleanPartition({Offsets, p});
        QVERIFY(withTombstones.cleaned);
        QCOMPARE(readGroupPartition(b, group).filter(QStringLiteral("commit g ")),
            QStringList({QStringLiteral("commit g t-0 DELETED"), QStringLiteral("commit g t-1 DELETED")}));
        b.clock.advance(OffsetsTopic::internalConfig().deleteRetentionMs);
        b.broker->enforceRetention();
        QVERIFY(readGroupPartition(b, group).filter(QStringLiteral("commit g ")).isEmpty());
        QCOMPARE(readGroupPartition(b, group).size(), 1); // the neighbour's commit, the last batch
    }

    void recordsDescribeThemselves()
    {
        OffsetCommitRecordValue v;
        v.offset = 42;
        v.commitTimestamp = 1000;
        const QByteArray key
            = ConsumerOffsetsRecords::encodeOffsetCommitKey(QStringLiteral("g"), {QStringLiteral("t"), 0});
        QCOMPARE(ConsumerOffsetsRecords::describe(key, ConsumerOffsetsRecords::encodeOffsetCommitValue(v)),
            QStringLiteral("offset commit group=g topic=t partition=0 -> offset 42 committed at 1000"));
        QCOMPARE(ConsumerOffsetsRecords::describe(key, std::nullopt),
            QStringLiteral("offset commit group=g topic=t partition=0 -> deleted (tombstone)"));
        GroupMetadataRecordValue g;
        g.protocolType = QStringLiteral("consumer");
        g.generation = 3;
        g.protocol = QStringLiteral("range");
        g.leader = QStringLiteral("c-1");
        g.members.append(
            {QStringLiteral("c-1"), std::nullopt, QStringLiteral("c"), QStringLiteral("/h"), 1, 2, {}, {}});
        QCOMPARE(ConsumerOffsetsRecords::describe(ConsumerOffsetsRecords::encodeGroupMetadataKey(QStringLiteral("g")),
                     ConsumerOffsetsRecords::encodeGroupMetadataValue(g)),
            QStringLiteral("group metadata g generation 3 type consumer protocol range leader c-1 members [c-1 (client "
                           "c, host /h)]"));
        QCOMPARE(
            ConsumerOffsetsRecords::decodeGroupMetadataValue(ConsumerOffsetsRecords::encodeGroupMetadataValue(g)), g);
        // Flexible v4 (compact strings, tagged fields), as Kafka 4 may write: offset 7, epoch 1, metadata "m",
        // commit time 5, no tags.
        const QByteArray v4 = QByteArray::fromHex("0004 0000000000000007 00000001 026d 0000000000000005 00");
        const std::optional<OffsetCommitRecordValue> decoded = ConsumerOffsetsRecords::decodeOffsetCommitValue(v4);
        QVERIFY(decoded);
        QCOMPARE(decoded->offset, 7);
        QCOMPARE(decoded->leaderEpoch, 1);
        QCOMPARE(decoded->metadata, QStringLiteral("m"));
        QVERIFY(!ConsumerOffsetsRecords::decodeOffsetCommitValue(v4.left(10)));
        QVERIFY(ConsumerOffsetsRecords::describe(QByteArray("junk"), QByteArray("x")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConsumerOffsetsTopic)
#include "tst_consumeroffsetstopic.moc"
