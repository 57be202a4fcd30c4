// GenerationHistory without a network: the poll-diff (a row only when a settled group shows another generation,
// other members or another assignment; assignments decoded from ConsumerProtocolAssignment bytes), rows from
// __consumer_offsets records (GroupMetadata, consumer-protocol records), the merge of both (one row per
// generation with both sources; a sighting without generation joins the recorded generation with the same members
// and assignment), moved partitions and the bounds. Compared as text dumps.
#include "group/consumerprotocol.h"
#include "group/generationhistory.h"

#include <QSet>
#include <QTest>

using namespace topicscope::engine;

namespace {

TopicPartition tp(int p)
{
    return {QStringLiteral("t"), p};
}

GroupMemberDescription member(const QString &id, const QList<TopicPartition> &assigned = {})
{
    GroupMemberDescription m;
    m.memberId = id;
    m.clientId = QStringLiteral("client-") + id;
    m.clientHost = QStringLiteral("/127.0.0.1");
    ConsumerAssignment a;
    a.partitions = assigned;
    m.assignment = ConsumerProtocol::encodeAssignment(a);
    return m;
}

GroupDescription group(const QString &state, int generation, const QList<GroupMemberDescription> &members)
{
    GroupDescription g;
    g.groupId = QStringLiteral("g");
    g.state = state;
    g.protocolType = QStringLiteral("consumer");
    g.protocolName = QStringLiteral("range");
    g.generationId = generation;
    g.leader = members.isEmpty() ? QString() : members.constFirst().memberId;
    g.members = members;
    return g;
}

// The assignment as librdkafka hands it decoded (the bytes are ignored then).
GenerationHistory::Assignments decodedOf(const GroupDescription &g)
{
    GenerationHistory::Assignments out;
    for (const GroupMemberDescription &m : g.members)
        out[g.groupId].insert(m.memberId, ConsumerProtocol::decodeAssignment(m.assignment)->partitions);
    return out;
}

QStringList dump(const QList<GroupGeneration> &rows)
{
    QStringList out;
    for (const GroupGeneration &r : rows)
        out.append(GenerationHistory::describe(r));
    return out;
}

void addGroupMetadata(GenerationHistory &h, int generation, const QList<GroupMemberDescription> &members, qint64 ms)
{
    GroupMetadataRecordValue v;
    v.protocolType = QStringLiteral("consumer");
    v.generation = generation;
    v.protocol = QStringLiteral("range");
    if (!members.isEmpty())
        v.leader = members.constFirst().memberId;
    v.currentStateTimestamp = ms;
    for (const GroupMemberDescription &m : members) {
        GroupMetadataRecordMember r;
        r.memberId = m.memberId;
        r.clientId = m.clientId;
        r.clientHost = m.clientHost;
        r.sessionTimeoutMs = 10000;
        r.assignment = m.assignment;
        v.members.append(r);
    }
    h.addOffsetsRecord(ConsumerOffsetsRecords::encodeGroupMetadataKey(QStringLiteral("g")),
        ConsumerOffsetsRecords::encodeGroupMetadataValue(v), ms + 5);
}

} // namespace

class TestGenerationHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pollDiff()
    {
        GenerationHistory h(GroupGeneration::Polled);
        const auto see = [&h](const GroupDescription &g, qint64 ms) { h.observe({g}, decodedOf(g), false, ms); };
        see(group(QStringLiteral("Stable"), 1, {member(QStringLiteral("m1"), {tp(0), tp(1), tp(2)})}), 1000);
        // The same again, and a rebalance in progress: no new row.
        see(group(QStringLiteral("Stable"), 1, {member(QStringLiteral("m1"), {tp(0), tp(1), tp(2)})}), 2000);
        see(group(QStringLiteral("PreparingRebalance"), 1,
                {member(QStringLiteral("m1"), {tp(0), tp(1), tp(2)}), member(QStringLiteral("m2"))}),
            3000);
        see(group(QStringLiteral("Stable"), 2,
                {member(QStringLiteral("m1"), {tp(0), tp(1)}), member(QStringLiteral("m2"), {tp(2)})}),
            4000);
        see(group(QStringLiteral("Stable"), 3, {member(QStringLiteral("m2"), {tp(0), tp(1), tp(2)})}), 5000);
        see(group(QStringLiteral("Empty"), 4, {}), 6000);
        const GroupHistory history = h.history();
        QCOMPARE(dump(history.rows),
            (QStringList {QStringLiteral("g gen ? Stable range leader=m1 [m1=t-0,t-1,t-2] moved [] polled"),
                QStringLiteral("g gen ? Stable range leader=m1 [m1=t-0,t-1 m2=t-2] moved [t-2] polled"),
                QStringLiteral("g gen ? Stable range leader=m2 [m2=t-0,t-1,t-2] moved [t-0,t-1] polled"),
                QStringLiteral("g gen ? Empty range leader=- [] moved [t-0,t-1,t-2] polled")}));
        QCOMPARE(history.rows.at(1).timeMs, 4000);
        QCOMPARE(history.rows.at(1).members.at(1).clientId, QStringLiteral("client-m2"));
    }

    // The embedded coordinator's descriptions: generations known, assignments decoded from the members' bytes.
    void coordinatorRowsDecodeAssignments()
    {
        GenerationHistory h(GroupGeneration::Coordinator);
        h.observe({group(QStringLiteral("Stable"), 1, {member(QStringLiteral("m1"), {tp(1), tp(0)})})}, {}, true, 10);
        h.observe({group(QStringLiteral("Stable"), 2,
                      {member(QStringLiteral("m1"), {tp(0)}), member(QStringLiteral("m2"), {tp(1)})})},
            {}, true, 20);
        QCOMPARE(dump(h.history().rows),
            (QStringList {QStringLiteral("g gen 1 Stable range leader=m1 [m1=t-0,t-1] moved [] coordinator"),
                QStringLiteral("g gen 2 Stable range leader=m1 [m1=t-0 m2=t-1] moved [t-1] coordinator")}));
    }

    // Polled sightings (no generation) and GroupMetadata records: one row per generation, both sources; the
    // generation polling missed (3) comes from the records alone; a sighting that matches nothing stays alone.
    void mergePolledWithOffsetsTopic()
    {
        GenerationHistory h(GroupGeneration::Polled);
        const QList<GroupMemberDescription> one {member(QStringLiteral("m1"), {tp(0), tp(1)})};
        const QList<GroupMemberDescription> two {
            member(QStringLiteral("m1"), {tp(0)}), member(QStringLiteral("m2"), {tp(1)})};
        const QList<GroupMemberDescription> three {
            member(QStringLiteral("m1"), {tp(0)}), member(QStringLiteral("m2"), {tp(1)}), member(QStringLiteral("m3"))};
        addGroupMetadata(h, 1, one, 100);
        addGroupMetadata(h, 2, two, 200);
        addGroupMetadata(h, 3, three, 300);
        addGroupMetadata(h, 4, two, 400);
        // A later record of generation 4 replaces the first (the newest record of a key wins).
        addGroupMetadata(h, 4, one, 400);
        const auto see = [&h](const GroupDescription &g, qint64 ms) { h.observe({g}, decodedOf(g), false, ms); };
        see(group(QStringLiteral("Stable"), 0, one), 150);
        see(group(QStringLiteral("Stable"), 0, two), 250);
        // Generation 3 came and went between two polls.
        see(group(QStringLiteral("Stable"), 0, one), 450);
        see(group(QStringLiteral("Stable"), 0, {member(QStringLiteral("m9"), {tp(0), tp(1)})}), 500);
        QCOMPARE(dump(h.history().rows),
            (QStringList {QStringLiteral("g gen 1 Stable range leader=m1 [m1=t-0,t-1] moved [] polled+offsets"),
                QStringLiteral("g gen 2 Stable range leader=m1 [m1=t-0 m2=t-1] moved [t-1] polled+offsets"),
                QStringLiteral("g gen 3 Stable range leader=m1 [m1=t-0 m2=t-1 m3=] moved [] offsets"),
                QStringLiteral("g gen 4 Stable range leader=m1 [m1=t-0,t-1] moved [t-1] polled+offsets"),
                QStringLiteral("g gen ? Stable range leader=m9 [m9=t-0,t-1] moved [t-0,t-1] polled")}));
        // The record's time (currentStateTimestamp) is kept: it is when the generation began.
        QCOMPARE(h.history().rows.at(3).timeMs, 400);
    }

    // Rows known by generation from both sides merge by generation; the richer row's fields win.
    void mergeByGeneration()
    {
        GroupGeneration seen;
        seen.groupId = QStringLiteral("g");
        seen.generation = 5;
        seen.state = QStringLiteral("Stable");
        seen.timeMs = 50;
        seen.sources = GroupGeneration::Coordinator;
        seen.members = {{QStringLiteral("m1"), QString(), QString(), {tp(0)}}};
        GroupGeneration recorded = seen;
        recorded.state.clear();
        recorded.assignor = QStringLiteral("sticky");
        recorded.leader = QStringLiteral("m1");
        recorded.members = {{QStringLiteral("m1"), QStringLiteral("c1"), QStringLiteral("/h"), {tp(0)}}};
        recorded.timeMs = 40;
        recorded.sources = GroupGeneration::OffsetsTopic;
        const QList<GroupGeneration> merged = GenerationHistory::merge({seen}, {recorded});
        QCOMPARE(merged.size(), 1);
        QCOMPARE(GenerationHistory::describe(merged.constFirst()),
            QStringLiteral("g gen 5 Stable sticky leader=m1 [m1=t-0] moved [] offsets+coordinator"));
        QCOMPARE(merged.constFirst().members.constFirst().clientId, QStringLiteral("c1"));
        QCOMPARE(merged.constFirst().timeMs, 40);
    }

    // Consumer-protocol records (KIP-848): a row per group epoch, members with their current assignment, topics
    // named through the subscription metadata record.
    void consumerProtocolRecords()
    {
        GenerationHistory h;
        const TopicId id = TopicId::generate();
        const QString g = QStringLiteral("cg");
        using Kind = ConsumerOffsetsKey::Kind;
        h.addOffsetsRecord(ConsumerOffsetsRecords::encodeConsumerGroupKey(Kind::ConsumerGroupPartitionMetadata, g),
            ConsumerOffsetsRecords::encodeConsumerGroupPartitionMetadataValue({{id, QStringLiteral("t"), 2}}), 10);
        ConsumerGroupMemberMetadataRecordValue meta;
        meta.clientId = QStringLiteral("c1");
        meta.clientHost = QStringLiteral("/h");
        meta.serverAssignor = QStringLiteral("uniform");
        h.addOffsetsRecord(
            ConsumerOffsetsRecords::encodeConsumerGroupKey(Kind::ConsumerGroupMemberMetadata, g, QStringLiteral("m1")),
            ConsumerOffsetsRecords::encodeConsumerGroupMemberMetadataValue(meta), 10);
        h.addOffsetsRecord(ConsumerOffsetsRecords::encodeConsumerGroupKey(Kind::ConsumerGroupMetadata, g),
            ConsumerOffsetsRecords::encodeConsumerGroupMetadataValue(1), 10);
        ConsumerGroupCurrentAssignmentRecordValue current;
        current.memberEpoch = 1;
        current.assignedPartitions = {{id, {0, 1}}};
        h.addOffsetsRecord(ConsumerOffsetsRecords::encodeConsumerGroupKey(
                               Kind::ConsumerGroupCurrentMemberAssignment, g, QStringLiteral("m1")),
            ConsumerOffsetsRecords::encodeConsumerGroupCurrentAssignmentValue(current), 11);
        // A second member: epoch 2.
        h.addOffsetsRecord(
            ConsumerOffsetsRecords::encodeConsumerGroupKey(Kind::ConsumerGroupMemberMetadata, g, QStringLiteral("m2")),
            ConsumerOffsetsRecords::encodeConsumerGroupMemberMetadataValue(meta), 20);
        h.addOffsetsRecord(ConsumerOffsetsRecords::encodeConsumerGroupKey(Kind::ConsumerGroupMetadata, g),
            ConsumerOffsetsRecords::encodeConsumerGroupMetadataValue(2), 20);
        current.memberEpoch = 2;
        current.assignedPartitions = {{id, {0}}};
        h.addOffsetsRecord(ConsumerOffsetsRecords::encodeConsumerGroupKey(
                               Kind::ConsumerGroupCurrentMemberAssignment, g, QStringLiteral("m1")),
            ConsumerOffsetsRecords::encodeConsumerGroupCurrentAssignmentValue(current), 21);
        current.assignedPartitions = {{id, {1}}};
        h.addOffsetsRecord(ConsumerOffsetsRecords::encodeConsumerGroupKey(
                               Kind::ConsumerGroupCurrentMemberAssignment, g, QStringLiteral("m2")),
            ConsumerOffsetsRecords::encodeConsumerGroupCurrentAssignmentValue(current), 21);
        const QList<GroupGeneration> rows = h.history().rows;
        QCOMPARE(dump(rows),
            (QStringList {QStringLiteral("cg gen 1 - uniform leader=- [m1=t-0,t-1] moved [] offsets"),
                QStringLiteral("cg gen 2 - uniform leader=- [m1=t-0 m2=t-1] moved [t-1] offsets")}));
        QCOMPARE(rows.constFirst().groupType, QStringLiteral("consumer"));
        QCOMPARE(rows.constLast().timeMs, 20);
        // Offset commits and bytes that are no key are ignored.
        h.addOffsetsRecord(ConsumerOffsetsRecords::encodeOffsetCommitKey(g, tp(0)),
            ConsumerOffsetsRecords::encodeOffsetCommitValue({}), 30);
        h.addOffsetsRecord("junk", QByteArray("junk"), 30);
        QCOMPARE(h.history().rows, rows);
    }

    void bounded()
    {
        GenerationHistory h;
        for (int generation = 1; generation <= GroupHistory::MaxRowsPerGroup + 10; ++generation) {
            addGroupMetadata(h, generation, {member(QStringLiteral("m%1").arg(generation), {tp(0)})}, generation * 10);
            const GroupDescription g
                = group(QStringLiteral("Stable"), 0, {member(QStringLiteral("x%1").arg(generation))});
            h.observe({g}, decodedOf(g), false, generation * 10 + 5);
        }
        const QList<GroupGeneration> rows = h.history().rows;
        QCOMPARE(rows.size(), GroupHistory::MaxRowsPerGroup);
        QCOMPARE(rows.constLast().members.constFirst().memberId, QStringLiteral("x60"));
        // Too many groups: the ones changed least recently are forgotten.
        for (int i = 0; i < GroupHistory::MaxGroups + 5; ++i) {
            GroupDescription g = group(QStringLiteral("Stable"), 0, {member(QStringLiteral("m"))});
            g.groupId = QStringLiteral("group-%1").arg(i, 3, 10, QLatin1Char('0'));
            h.observe({g}, decodedOf(g), false, 10000 + i);
        }
        QSet<QString> groups;
        for (const GroupGeneration &r : h.history().rows)
            groups.insert(r.groupId);
        QCOMPARE(groups.size(), GroupHistory::MaxGroups);
        QVERIFY(!groups.contains(QStringLiteral("g")));
        QVERIFY(groups.contains(QStringLiteral("group-204")));

        // Consumer-protocol groups known only by their records are bounded alike.
        GenerationHistory records;
        using Kind = ConsumerOffsetsKey::Kind;
        for (int i = 0; i < GroupHistory::MaxGroups + 50; ++i) {
            const QString id = QStringLiteral("cg-%1").arg(i, 3, 10, QLatin1Char('0'));
            records.addOffsetsRecord(ConsumerOffsetsRecords::encodeConsumerGroupKey(
                                         Kind::ConsumerGroupMemberMetadata, id, QStringLiteral("m")),
                ConsumerOffsetsRecords::encodeConsumerGroupMemberMetadataValue({}), i);
            records.addOffsetsRecord(ConsumerOffsetsRecords::encodeConsumerGroupKey(Kind::ConsumerGroupMetadata, id),
                ConsumerOffsetsRecords::encodeConsumerGroupMetadataValue(1), i);
        }
        const QList<GroupGeneration> recorded = records.history().rows;
        QCOMPARE(recorded.size(), GroupHistory::MaxGroups);
        QCOMPARE(recorded.constFirst().groupId, QStringLiteral("cg-050"));
        QCOMPARE(recorded.constLast().members.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestGenerationHistory)
#include "tst_generationhistory.moc"
