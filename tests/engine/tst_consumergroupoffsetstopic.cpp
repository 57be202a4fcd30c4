// Consumer-protocol groups (Kafka 4, KIP-848) kept in __consumer_offsets as Kafka keeps them: the records 3-8
// (group epoch, subscribed topics, member metadata, target epoch, member targets, current assignments) read back
// from the log and decoded by this test's own reader of Kafka's ConsumerGroup*Key/Value schemas (flexible values
// v0, written from the schema facts, independent of the broker's codec). Also: a heartbeat that changes nothing
// writes nothing; a failed write answers COORDINATOR_NOT_AVAILABLE and is written by the group's next heartbeat;
// a member that leaves and a deleted group leave tombstones in Kafka's order; a broker restarted on
// the same data directory brings the group back so that members continue at their epochs, and a silent one is
// fenced after its session; the cleaner keeps the group; the message browser's descriptions.
#include "broker/broker.h"
#include "consumeroffsetsrecords.h"
#include "core/recordbatch.h"
#include "group/groupcoordinator.h"
#include "group/offsetstopic.h"
#include "log/logmanager.h"
#include "recordcursor.h"

#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace topicscope::engine;

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

const QString Offsets = str("__consumer_offsets");
const QString Group = str("g");

// ---- the test's own reader of the key and value formats (group-coordinator/.../common/message) ----

using Cursor = RecordCursor;

QString orNull(const std::optional<QString> &s)
{
    return s.value_or(str("(null)"));
}

// Topic ids as the test knows them: the broker's ids of the topics it created, by name.
using TopicIds = QMap<QByteArray, QString>;

// "[t:0,1 u:2]": a []TopicPartitions (uuid, []int32, tags) with ids named.
QString topicPartitions(Cursor &c, const TopicIds &ids)
{
    QStringList topics;
    const int count = c.compactCount();
    for (int i = 0; i < count && c.ok; ++i) {
        const QString topic = ids.value(c.uuid(), str("?"));
        QStringList partitions;
        const int n = c.compactCount();
        for (int j = 0; j < n && c.ok; ++j)
            partitions << QString::number(c.get<qint32>());
        c.noTags();
        topics << topic + QLatin1Char(':') + partitions.join(QLatin1Char(','));
    }
    return QLatin1Char('[') + topics.join(QLatin1Char(' ')) + QLatin1Char(']');
}

// One record as text, e.g. "epoch g 1", "member g m1 client=c ...", "assignment g m1 epoch=1 prev=0 state=0
// assigned=[t:0,1,2] revoking=[]"; tombstones as "<type> g [member] DELETED". Only key versions 3-8.
QString readRecord(const Record &record, const TopicIds &ids)
{
    Cursor key {record.key.value_or(QByteArray())};
    const qint16 type = key.get<qint16>();
    static const QStringList names {
        str("epoch"), str("topics"), str("member"), str("target-epoch"), str("target"), str("assignment")};
    if (type < 3 || type > 8)
        return str("key version %1").arg(type);
    QString head = names.at(type - 3) + QLatin1Char(' ') + *key.str();
    if (type == 5 || type == 7 || type == 8)
        head += QLatin1Char(' ') + *key.str();
    if (!key.done())
        return head + str(" BAD KEY");
    if (!record.value)
        return head + str(" DELETED");
    Cursor v {*record.value};
    if (v.get<qint16>() != 0)
        return head + str(" BAD VERSION");
    QString text = head;
    switch (type) {
    case 3:
    case 6:
        text += str(" %1").arg(v.get<qint32>());
        break;
    case 4: {
        QStringList topics;
        const int count = v.compactCount();
        for (int i = 0; i < count && v.ok; ++i) {
            const QString byId = ids.value(v.uuid(), str("?"));
            const QString name = orNull(v.compactString());
            const qint32 partitions = v.get<qint32>();
            const int racks = v.compactCount();
            v.noTags();
            topics << str("%1/%2/%3/racks=%4").arg(byId, name).arg(partitions).arg(racks);
        }
        text += str(" [%1]").arg(topics.join(QLatin1Char(' ')));
        break;
    }
    case 5: {
        const QString instance = orNull(v.compactString());
        const QString rack = orNull(v.compactString());
        const QString client = orNull(v.compactString());
        const QString host = orNull(v.compactString());
        QStringList topics;
        const int count = v.compactCount();
        for (int i = 0; i < count && v.ok; ++i)
            topics << orNull(v.compactString());
        const QString regex = orNull(v.compactString());
        const qint32 rebalanceTimeout = v.get<qint32>();
        const QString assignor = orNull(v.compactString());
        text += str(" instance=%1 rack=%2 client=%3 host=%4 names=[%5] regex=%6 rto=%7 assignor=%8")
                    .arg(instance, rack, client, host, topics.join(QLatin1Char(',')), regex)
                    .arg(rebalanceTimeout)
                    .arg(assignor);
        break;
    }
    case 7:
        text += QLatin1Char(' ') + topicPartitions(v, ids);
        break;
    case 8: {
        const qint32 epoch = v.get<qint32>();
        const qint32 previous = v.get<qint32>();
        const qint8 state = v.get<qint8>();
        const QString assigned = topicPartitions(v, ids);
        const QString revoking = topicPartitions(v, ids);
        text += str(" epoch=%1 prev=%2 state=%3 assigned=%4 revoking=%5")
                    .arg(epoch)
                    .arg(previous)
                    .arg(state)
                    .arg(assigned, revoking);
        break;
    }
    }
    v.noTags();
    return v.done() ? text : text + str(" TRAILING");
}

// Java's Utils.abs(String.hashCode()) % 50 for "g": 103 % 50.
constexpr int GroupPartition = 3;

// The group's partition of __consumer_offsets, read from the log, each record decoded by readRecord; from
// `from` on (an index into the partition's records).
QStringList records(Broker &broker, int from = 0)
{
    TopicIds ids;
    for (const QString &topic : broker.log().topicNames())
        ids.insert(broker.log().topicId(topic).toByteArray(), topic);
    const TopicPartition tp {Offsets, GroupPartition};
    const PartitionInfo info = *broker.log().partitionInfo(tp);
    std::vector<Record> decoded;
    qint64 next = info.logStartOffset;
    while (next < info.logEndOffset) {
        const FetchResult fetched = broker.log().read(tp, next, 16 << 20);
        if (fetched.records.isEmpty())
            break;
        for (QByteArrayView batch : RecordBatch::split(fetched.records)) {
            std::vector<Record> out;
            RecordBatch::decode(batch, &out);
            for (Record &r : out) {
                if (r.offset >= next)
                    decoded.push_back(r);
            }
            next = RecordBatch::parseHeader(batch)->lastOffset() + 1;
        }
    }
    QStringList lines;
    for (size_t i = from; i < decoded.size(); ++i)
        lines << readRecord(decoded[i], ids);
    return lines;
}

ConsumerGroupHeartbeatRequest join(const QString &memberId, const QStringList &topics = {str("t")})
{
    ConsumerGroupHeartbeatRequest r;
    r.groupId = Group;
    r.memberId = memberId;
    r.memberEpoch = 0;
    r.rebalanceTimeoutMs = 30000;
    r.subscribedTopicNames = topics;
    r.ownedPartitions = QMap<QString, QList<int>> {};
    r.clientId = str("client-") + memberId;
    r.clientHost = str("/10.0.0.1");
    return r;
}

// A steady heartbeat: only the epoch and the partitions the member owns (as the Java client sends them).
ConsumerGroupHeartbeatRequest beat(const QString &memberId, qint32 epoch, const QList<int> &owned)
{
    ConsumerGroupHeartbeatRequest r;
    r.groupId = Group;
    r.memberId = memberId;
    r.memberEpoch = epoch;
    r.ownedPartitions = QMap<QString, QList<int>> {{str("t"), owned}};
    r.clientId = str("client-") + memberId;
    r.clientHost = str("/10.0.0.1");
    return r;
}

QString partitionsOf(const ConsumerGroupHeartbeatResponse &r)
{
    if (!r.assignment)
        return str("-");
    QStringList parts;
    for (int p : r.assignment->value(str("t")))
        parts << QString::number(p);
    return parts.join(QLatin1Char(','));
}

BrokerOptions diskOptions(const QString &dir)
{
    BrokerOptions options;
    options.storage.dataDir = dir;
    options.retentionCheckIntervalMs = 0;
    return options;
}

// A broker on dir: created, with topic t of `partitions` partitions when partitions > 0, or reopened.
std::unique_ptr<Broker> openBroker(const QString &dir, ManualClock &clock, int partitions = 0)
{
    QString error;
    std::unique_ptr<Broker> broker = Broker::open(diskOptions(dir), clock, &error);
    if (!broker)
        qWarning("opening the broker failed: %s", qPrintable(error));
    else if (partitions > 0 && broker->log().createTopic(str("t"), partitions) != ErrorCode::None)
        return nullptr;
    return broker;
}

// Two members m1 and m2 on topic t (3 partitions), settled: the heartbeats a client would send until both are
// stable at epoch 2. Returns m1's and m2's partitions as "0,1|2".
QString settleTwo(Broker &broker)
{
    GroupCoordinator &groups = broker.groups();
    groups.consumerGroupHeartbeat(join(str("m1")));
    const ConsumerGroupHeartbeatResponse second = groups.consumerGroupHeartbeat(join(str("m2")));
    // m1 learns of the new target and gives up what moves to m2, then heartbeats without it.
    const ConsumerGroupHeartbeatResponse revoke = groups.consumerGroupHeartbeat(beat(str("m1"), 1, {0, 1, 2}));
    QList<int> kept;
    for (int p : revoke.assignment.value_or(QMap<QString, QList<int>> {}).value(str("t")))
        kept << p;
    const ConsumerGroupHeartbeatResponse m1 = groups.consumerGroupHeartbeat(beat(str("m1"), 1, kept));
    const ConsumerGroupHeartbeatResponse m2 = groups.consumerGroupHeartbeat(beat(str("m2"), second.memberEpoch, {}));
    return partitionsOf(revoke) + QLatin1Char('|') + partitionsOf(m2)
        + str(" epochs %1,%2").arg(m1.memberEpoch).arg(m2.memberEpoch);
}

} // namespace

class TestConsumerGroupOffsetsTopic : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(str("topicscope.engine.*.info=false\ntopicscope.engine.*.debug=false"));
    }

    void heartbeatsWriteKafkasRecords()
    {
        QTemporaryDir dir;
        ManualClock clock;
        auto broker = openBroker(dir.path(), clock, 3);
        QVERIFY(broker);
        GroupCoordinator &groups = broker->groups();

        // The first member joins: Kafka's order within one write.
        QCOMPARE(groups.consumerGroupHeartbeat(join(str("m1"))).memberEpoch, 1);
        QCOMPARE(records(*broker),
            QStringList({str("member g m1 instance=(null) rack=(null) client=client-m1 host=/10.0.0.1 names=[t] "
                             "regex=(null) rto=30000 assignor=(null)"),
                str("topics g [t/t/3/racks=0]"), str("epoch g 1"), str("target g m1 [t:0,1,2]"),
                str("target-epoch g 1"),
                str("assignment g m1 epoch=1 prev=0 state=0 assigned=[t:0,1,2] revoking=[]")}));

        // Heartbeats that change nothing write nothing.
        for (int i = 0; i < 3; ++i) {
            clock.advance(5000);
            QCOMPARE(groups.consumerGroupHeartbeat(beat(str("m1"), 1, {0, 1, 2})).error, ErrorCode::None);
        }
        QCOMPARE(records(*broker).size(), 6);

        // A second member: a new epoch and target; m1 must first revoke what moves (state 1, its epoch stays).
        QCOMPARE(groups.consumerGroupHeartbeat(join(str("m2"))).memberEpoch, 2);
        QCOMPARE(records(*broker, 6),
            QStringList({str("member g m2 instance=(null) rack=(null) client=client-m2 host=/10.0.0.1 names=[t] "
                             "regex=(null) rto=30000 assignor=(null)"),
                str("epoch g 2"), str("target g m1 [t:0,1]"), str("target g m2 [t:2]"), str("target-epoch g 2"),
                str("assignment g m2 epoch=2 prev=0 state=2 assigned=[] revoking=[]")}));
        QCOMPARE(partitionsOf(groups.consumerGroupHeartbeat(beat(str("m1"), 1, {0, 1, 2}))), str("0,1"));
        QCOMPARE(records(*broker, 12),
            QStringList({str("assignment g m1 epoch=1 prev=1 state=1 assigned=[t:0,1] revoking=[t:2]")}));
        QCOMPARE(groups.consumerGroupHeartbeat(beat(str("m1"), 1, {0, 1})).memberEpoch, 2);
        QCOMPARE(partitionsOf(groups.consumerGroupHeartbeat(beat(str("m2"), 2, {}))), str("2"));
        QCOMPARE(records(*broker, 13),
            QStringList({str("assignment g m1 epoch=2 prev=1 state=0 assigned=[t:0,1] revoking=[]"),
                str("assignment g m2 epoch=2 prev=2 state=0 assigned=[t:2] revoking=[]")}));

        // m2 leaves: its tombstones (current assignment, target, metadata), then the new group epoch.
        ConsumerGroupHeartbeatRequest leave = beat(str("m2"), -1, {2});
        QCOMPARE(groups.consumerGroupHeartbeat(leave).error, ErrorCode::None);
        QCOMPARE(records(*broker, 15),
            QStringList({str("assignment g m2 DELETED"), str("target g m2 DELETED"), str("member g m2 DELETED"),
                str("epoch g 3")}));
    }

    void groupComesBackAfterARestart()
    {
        QTemporaryDir dir;
        ManualClock clock;
        QString before;
        {
            auto broker = openBroker(dir.path(), clock, 3);
            QVERIFY(broker);
            QCOMPARE(settleTwo(*broker), str("0,1|2 epochs 2,2"));
            before = broker->groups().dumpGroup(Group);
            QCOMPARE(
                before, str("group g: Stable epoch=2 target=2 members=[m1@2 stable [t-0,t-1], m2@2 stable [t-2]]"));
        }
        auto broker = openBroker(dir.path(), clock);
        QVERIFY(broker);
        GroupCoordinator &groups = broker->groups();
        QCOMPARE(groups.dumpGroup(Group), before);
        const GroupDescription loaded = groups.describeGroup(Group);
        QCOMPARE(loaded.groupEpoch, 2);
        QCOMPARE(loaded.assignmentEpoch, 2);
        QCOMPARE(loaded.members.size(), 2);
        QCOMPARE(loaded.members.front().clientId, str("client-m1"));
        QCOMPARE(loaded.members.front().subscribedTopicNames, QStringList {str("t")});
        QCOMPARE(loaded.members.front().targetPartitions, (QList<TopicPartition> {{str("t"), 0}, {str("t"), 1}}));
        const qsizetype written = records(*broker).size();

        // m1 goes on at its epoch: no FENCED_MEMBER_EPOCH, no rejoin, and nothing to write.
        ConsumerGroupHeartbeatResponse r = groups.consumerGroupHeartbeat(beat(str("m1"), 2, {0, 1}));
        QCOMPARE(r.error, ErrorCode::None);
        QCOMPARE(r.memberEpoch, 2);
        QCOMPARE(records(*broker).size(), written);

        // m2 stays silent: fenced after its session (group.consumer.session.timeout.ms); m1 then gets everything.
        const qint32 session = groups.config().consumerSessionTimeoutMs;
        for (qint64 t = 0; t <= session; t += 5000) {
            clock.advance(5000);
            r = groups.consumerGroupHeartbeat(beat(str("m1"), r.memberEpoch, {0, 1}));
            QCOMPARE(r.error, ErrorCode::None);
        }
        r = groups.consumerGroupHeartbeat(beat(str("m1"), r.memberEpoch, {0, 1}));
        QCOMPARE(groups.dumpGroup(Group), str("group g: Stable epoch=3 target=3 members=[m1@3 stable [t-0,t-1,t-2]]"));
        QCOMPARE(records(*broker).mid(written, 3),
            QStringList({str("assignment g m2 DELETED"), str("target g m2 DELETED"), str("member g m2 DELETED")}));

        // And a second restart has the fence too.
        broker.reset();
        broker = openBroker(dir.path(), clock);
        QVERIFY(broker);
        QCOMPARE(broker->groups().dumpGroup(Group),
            str("group g: Stable epoch=3 target=3 members=[m1@3 stable [t-0,t-1,t-2]]"));
    }

    void aRevokingMemberIsStillTimedOutAfterARestart()
    {
        QTemporaryDir dir;
        ManualClock clock;
        {
            auto broker = openBroker(dir.path(), clock, 2);
            QVERIFY(broker);
            broker->groups().consumerGroupHeartbeat(join(str("m1")));
            broker->groups().consumerGroupHeartbeat(join(str("m2")));
            broker->groups().consumerGroupHeartbeat(beat(str("m1"), 1, {0, 1}));
            QCOMPARE(broker->groups().dumpGroup(Group),
                str("group g: Reconciling epoch=2 target=2 members=[m1@1 unrevoked_partitions [t-0] revoking [t-1], "
                    "m2@2 unreleased_partitions []]"));
        }
        auto broker = openBroker(dir.path(), clock);
        QVERIFY(broker);
        GroupCoordinator &groups = broker->groups();
        QCOMPARE(groups.dumpGroup(Group),
            str("group g: Reconciling epoch=2 target=2 members=[m1@1 unrevoked_partitions [t-0] revoking [t-1], "
                "m2@2 unreleased_partitions []]"));
        // m2 keeps heartbeating; m1 neither heartbeats nor revokes within its rebalance timeout (30 s).
        for (int i = 0; i < 7; ++i) {
            clock.advance(5000);
            groups.consumerGroupHeartbeat(beat(str("m2"), 2, {}));
        }
        const ConsumerGroupHeartbeatResponse r = groups.consumerGroupHeartbeat(beat(str("m2"), 2, {}));
        QCOMPARE(r.error, ErrorCode::None);
        QCOMPARE(groups.dumpGroup(Group), str("group g: Stable epoch=3 target=3 members=[m2@3 stable [t-0,t-1]]"));
    }

    void aFailedWriteAnswersCoordinatorNotAvailable()
    {
        QTemporaryDir dir;
        ManualClock clock;
        auto broker = openBroker(dir.path(), clock, 3);
        QVERIFY(broker);
        GroupCoordinator &groups = broker->groups();
        groups.consumerGroupHeartbeat(join(str("m1")));
        const qsizetype written = records(*broker).size();
        broker->log().setStorageReadOnlyForTesting(true);
        QCOMPARE(groups.consumerGroupHeartbeat(join(str("m2"))).error, ErrorCode::CoordinatorNotAvailable);
        broker->log().setStorageReadOnlyForTesting(false);
        QCOMPARE(records(*broker).size(), written);
        // The group's next heartbeat writes what the failed one could not (the change stayed in memory).
        QCOMPARE(groups.consumerGroupHeartbeat(beat(str("m1"), 1, {0, 1, 2})).error, ErrorCode::None);
        QVERIFY(records(*broker).mid(written).contains(str("epoch g 2")));
        broker.reset();
        broker = openBroker(dir.path(), clock);
        QVERIFY(broker);
        QCOMPARE(broker->groups().dumpGroup(Group),
            str("group g: Reconciling epoch=2 target=2 members=[m1@1 unrevoked_partitions [t-0,t-1] revoking [t-2], "
                "m2@2 unreleased_partitions []]"));
    }

    void deletedGroupLeavesTombstonesAndStaysDeleted()
    {
        QTemporaryDir dir;
        ManualClock clock;
        {
            auto broker = openBroker(dir.path(), clock, 1);
            QVERIFY(broker);
            GroupCoordinator &groups = broker->groups();
            groups.consumerGroupHeartbeat(join(str("m1")));
            QCOMPARE(groups.consumerGroupHeartbeat(beat(str("m1"), -1, {0})).error, ErrorCode::None);
            const qsizetype before = records(*broker).size();
            QCOMPARE(groups.deleteGroup(Group), ErrorCode::None);
            // Kafka's group tombstones once the members are gone: target epoch, subscribed topics, group epoch.
            QCOMPARE(records(*broker).mid(before),
                QStringList({str("target-epoch g DELETED"), str("topics g DELETED"), str("epoch g DELETED")}));
        }
        auto broker = openBroker(dir.path(), clock);
        QVERIFY(broker);
        QVERIFY(broker->groups().dumpGroup(Group).isEmpty());
        QVERIFY(broker->offsetsTopic().loadConsumerGroups().isEmpty());
    }

    void theCleanerKeepsTheGroup()
    {
        QTemporaryDir dir;
        ManualClock clock;
        auto broker = openBroker(dir.path(), clock, 3);
        QVERIFY(broker);
        GroupCoordinator &groups = broker->groups();
        settleTwo(*broker);
        // A static member coming and going many times: records superseded again and again.
        for (int i = 0; i < 40; ++i) {
            ConsumerGroupHeartbeatRequest r = join(str("s%1").arg(i));
            r.instanceId = str("static");
            const ConsumerGroupHeartbeatResponse joined = groups.consumerGroupHeartbeat(r);
            QCOMPARE(joined.error, ErrorCode::None);
            ConsumerGroupHeartbeatRequest away = beat(joined.memberId, -2, {});
            away.instanceId = str("static");
            QCOMPARE(groups.consumerGroupHeartbeat(away).error, ErrorCode::None);
        }
        QMap<QString, ConsumerGroupRecordValue> stored = broker->offsetsTopic().loadConsumerGroups();
        QCOMPARE(stored.size(), 1);
        // The cleaner never touches the active segment: close it, then clean.
        const TopicPartition tp {ConsumerOffsetsRecords::topicName(),
            ConsumerOffsetsRecords::partitionFor(Group, broker->offsetsTopic().partitions())};
        TopicConfig small = OffsetsTopic::internalConfig();
        small.segmentBytes = 1024;
        QCOMPARE(broker->log().alterConfig(tp.topic, small), ErrorCode::None);
        groups.consumerGroupHeartbeat(join(str("roller")));
        groups.consumerGroupHeartbeat(join(str("roller-2")));
        QVERIFY(broker->log().segmentBaseOffsets(tp).size() >= 2);
        const QMap<QString, ConsumerGroupRecordValue> before = broker->offsetsTopic().loadConsumerGroups();
        const LogManager::CleanReport report = broker->log().cleanPartition(tp);
        QVERIFY(report.cleaned);
        QVERIFY2(report.recordsKept < report.recordsRead / 2, qPrintable(QString::number(report.recordsKept)));
        QCOMPARE(broker->offsetsTopic().loadConsumerGroups(), before);
        stored = before;
        QCOMPARE(broker->offsetsTopic().loadConsumerGroups(), stored);
        broker.reset();
        broker = openBroker(dir.path(), clock);
        QVERIFY(broker);
        QCOMPARE(broker->offsetsTopic().loadConsumerGroups(), stored);
        QVERIFY(broker->groups().dumpGroup(Group).contains(str("s39@-2")));
    }

    void recordsDescribeThemselvesAndRoundTrip()
    {
        using K = ConsumerOffsetsKey::Kind;
        const TopicId id = TopicId::fromBytes(QByteArray::fromHex("0123456789abcdef0123456789abcdef"));
        const QByteArray epochKey = ConsumerOffsetsRecords::encodeConsumerGroupKey(K::ConsumerGroupMetadata, Group);
        QCOMPARE(epochKey, QByteArray::fromHex("0003 0001 67"));
        QCOMPARE(ConsumerOffsetsRecords::encodeConsumerGroupMetadataValue(7), QByteArray::fromHex("0000 00000007 00"));
        QCOMPARE(
            ConsumerOffsetsRecords::describe(epochKey, ConsumerOffsetsRecords::encodeConsumerGroupMetadataValue(7)),
            str("consumer group epoch g epoch 7"));
        QCOMPARE(ConsumerOffsetsRecords::describe(epochKey, std::nullopt),
            str("consumer group epoch g deleted (tombstone)"));

        const QByteArray assignmentKey
            = ConsumerOffsetsRecords::encodeConsumerGroupKey(K::ConsumerGroupCurrentMemberAssignment, Group, str("m"));
        QCOMPARE(assignmentKey, QByteArray::fromHex("0008 0001 67 0001 6d"));
        const std::optional<ConsumerOffsetsKey> decodedKey = ConsumerOffsetsRecords::decodeKey(assignmentKey);
        QVERIFY(decodedKey);
        QCOMPARE(decodedKey->kind, K::ConsumerGroupCurrentMemberAssignment);
        QCOMPARE(decodedKey->memberId, str("m"));
        ConsumerGroupCurrentAssignmentRecordValue current;
        current.memberEpoch = 3;
        current.previousMemberEpoch = 2;
        current.state = 1;
        current.assignedPartitions = {{id, {0, 1}}};
        current.partitionsPendingRevocation = {{id, {2}}};
        const QByteArray currentBytes = ConsumerOffsetsRecords::encodeConsumerGroupCurrentAssignmentValue(current);
        // Written by hand from the schema: version 0, epochs, state, then two compact arrays of
        // {uuid, compact []int32, no tags}, then no tags.
        QCOMPARE(currentBytes,
            QByteArray::fromHex("0000 00000003 00000002 01"
                                "02 0123456789abcdef0123456789abcdef 03 00000000 00000001 00"
                                "02 0123456789abcdef0123456789abcdef 02 00000002 00"
                                "00"));
        QCOMPARE(ConsumerOffsetsRecords::decodeConsumerGroupCurrentAssignmentValue(currentBytes), current);
        QCOMPARE(ConsumerOffsetsRecords::describe(assignmentKey, currentBytes),
            str("consumer group assignment g member=m epoch 3 (previous 2) unrevoked_partitions assigned "
                "[ASNFZ4mrze8BI0VniavN7w:0,1] revoking [ASNFZ4mrze8BI0VniavN7w:2]"));
        QVERIFY(!ConsumerOffsetsRecords::decodeConsumerGroupCurrentAssignmentValue(currentBytes.left(20)));

        ConsumerGroupMemberMetadataRecordValue member;
        member.instanceId = str("i");
        member.clientId = str("c");
        member.clientHost = str("/h");
        member.subscribedTopicNames = {str("t"), str("u")};
        member.rebalanceTimeoutMs = 30000;
        member.serverAssignor = str("uniform");
        const QByteArray memberBytes = ConsumerOffsetsRecords::encodeConsumerGroupMemberMetadataValue(member);
        QCOMPARE(ConsumerOffsetsRecords::decodeConsumerGroupMemberMetadataValue(memberBytes), member);
        QCOMPARE(ConsumerOffsetsRecords::describe(
                     ConsumerOffsetsRecords::encodeConsumerGroupKey(K::ConsumerGroupMemberMetadata, Group, str("m")),
                     memberBytes),
            str("consumer group member g member=m client c host /h subscribed [t,u] instance i assignor uniform "
                "rebalance timeout 30000 ms"));
        // A tagged field Kafka may add (tag 0: a classic member's metadata) is skipped.
        QByteArray tagged = memberBytes;
        tagged.chop(1);
        tagged += QByteArray::fromHex("01 00 02 abcd");
        QCOMPARE(ConsumerOffsetsRecords::decodeConsumerGroupMemberMetadataValue(tagged), member);

        const QList<ConsumerGroupTopicMetadata> topics {{id, str("t"), 3}};
        const QByteArray topicBytes = ConsumerOffsetsRecords::encodeConsumerGroupPartitionMetadataValue(topics);
        QCOMPARE(ConsumerOffsetsRecords::decodeConsumerGroupPartitionMetadataValue(topicBytes), topics);
        QCOMPARE(
            ConsumerOffsetsRecords::describe(
                ConsumerOffsetsRecords::encodeConsumerGroupKey(K::ConsumerGroupPartitionMetadata, Group), topicBytes),
            str("consumer group subscribed topics g topics [t (ASNFZ4mrze8BI0VniavN7w) 3 partition(s)]"));
        const QList<ConsumerGroupTopicPartitions> target {{id, {0, 2}}};
        QCOMPARE(ConsumerOffsetsRecords::decodeConsumerGroupTargetAssignmentMemberValue(
                     ConsumerOffsetsRecords::encodeConsumerGroupTargetAssignmentMemberValue(target)),
            target);
        QCOMPARE(ConsumerOffsetsRecords::describeKey(
                     ConsumerOffsetsRecords::encodeConsumerGroupKey(K::ConsumerGroupTargetAssignmentMetadata, Group)),
            str("consumer group target epoch g"));
        // A key version Kafka does not define for this topic does not decode.
        QVERIFY(!ConsumerOffsetsRecords::decodeKey(QByteArray::fromHex("0009 0001 67")));
    }
};

QTEST_GUILESS_MAIN(TestConsumerGroupOffsetsTopic)
#include "tst_consumergroupoffsetstopic.moc"
