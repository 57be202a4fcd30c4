// ConsumerGroupHeartbeat (68) and ConsumerGroupDescribe (69) on the wire, through KafkaApis: topics by id both ways,
// the describe answer for a consumer-protocol group, the answers for classic and unknown groups, and how the classic
// APIs (ListGroups v5, DescribeGroups v6) answer for such a group, as Kafka 4.1 does.
#include "wire/consumergroupmessages.h"
#include "wire/groupmessages.h"
#include "wirebroker.h"

#include <QTest>

using namespace topicscope::engine;
using namespace topicscope::engine::wire;

namespace {

template <class Response, class Request> Response roundTrip(WireBroker &broker, const Request &request, qint16 version)
{
    const QByteArray body = encodeMessage(request, version);
    QByteArray keep;
    WireReader r
        = broker.call(headerAwareFrame(qint16(Request::apiKey), version, [&](WireWriter &w) { w.raw(body); }), &keep);
    if (ApiKeys::isFlexible(qint16(Request::apiKey), version))
        r.skipTaggedFields();
    const std::optional<Response> response = decodeMessage<Response>(r, version);
    if (!response)
        qFatal("undecodable response");
    return *response;
}

ConsumerGroupHeartbeatRequestData joining(const QString &memberId)
{
    ConsumerGroupHeartbeatRequestData request;
    request.groupId = QStringLiteral("g");
    request.memberId = memberId;
    request.memberEpoch = 0;
    request.rebalanceTimeoutMs = 30000;
    request.subscribedTopicNames = QStringList {QStringLiteral("orders")};
    request.topicPartitions = QList<wire::ConsumerGroupTopicPartitions> {};
    return request;
}

} // namespace

class TestWireConsumerGroup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void heartbeatAssignsByTopicId()
    {
        WireBroker broker;
        QCOMPARE(broker.log->createTopic(QStringLiteral("orders"), 4), ErrorCode::None);
        const QByteArray ordersId = broker.log->topicId(QStringLiteral("orders")).toByteArray();

        const auto joined = roundTrip<ConsumerGroupHeartbeatResponseData>(broker, joining(QStringLiteral("m-1")), 1);
        QCOMPARE(joined.error, ErrorCode::None);
        QCOMPARE(joined.memberId, std::optional<QString>(QStringLiteral("m-1")));
        QCOMPARE(joined.memberEpoch, 1);
        QCOMPARE(joined.heartbeatIntervalMs, 5000);
        QVERIFY(joined.assignment);
        QCOMPARE(joined.assignment->size(), 1);
        QCOMPARE(joined.assignment->constFirst().topicId, ordersId);
        QCOMPARE(joined.assignment->constFirst().partitions, (QList<qint32> {0, 1, 2, 3}));

        // v0: the coordinator names the member.
        const auto named = roundTrip<ConsumerGroupHeartbeatResponseData>(broker, joining(QString()), 0);
        QCOMPARE(named.error, ErrorCode::None);
        QVERIFY(named.memberId && !named.memberId->isEmpty());
        QCOMPARE(named.memberEpoch, 2);

        // The first member reports what it owns by id and learns it must give two partitions up.
        ConsumerGroupHeartbeatRequestData beat;
        beat.groupId = QStringLiteral("g");
        beat.memberId = QStringLiteral("m-1");
        beat.memberEpoch = 1;
        beat.topicPartitions = QList<wire::ConsumerGroupTopicPartitions> {{ordersId, {0, 1, 2, 3}}};
        const auto revoke = roundTrip<ConsumerGroupHeartbeatResponseData>(broker, beat, 1);
        QCOMPARE(revoke.error, ErrorCode::None);
        QCOMPARE(revoke.memberEpoch, 1);
        QCOMPARE(revoke.assignment->constFirst().partitions.size(), 2);

        // Errors carry Kafka's message; the rest of the answer is empty.
        beat.memberEpoch = 9;
        const auto fenced = roundTrip<ConsumerGroupHeartbeatResponseData>(broker, beat, 1);
        QCOMPARE(fenced.error, ErrorCode::FencedMemberEpoch);
        QVERIFY(
            fenced.errorMessage && fenced.errorMessage->contains(QStringLiteral("must abandon all its partitions")));
        QVERIFY(!fenced.assignment);
    }

    void describeAnswersForEveryKindOfGroup()
    {
        WireBroker broker;
        broker.log->createTopic(QStringLiteral("orders"), 2);
        roundTrip<ConsumerGroupHeartbeatResponseData>(broker, joining(QStringLiteral("m-1")), 1);

        ConsumerGroupDescribeRequestData request;
        request.groupIds = {QStringLiteral("g"), QStringLiteral("nobody")};
        request.includeAuthorizedOperations = true;
        const auto described = roundTrip<ConsumerGroupDescribeResponseData>(broker, request, 1);
        QCOMPARE(described.groups.size(), 2);
        const auto &g = described.groups.at(0);
        QCOMPARE(g.error, ErrorCode::None);
        QCOMPARE(g.groupState, QStringLiteral("Stable"));
        QCOMPARE(g.groupEpoch, 1);
        QCOMPARE(g.assignmentEpoch, 1);
        QCOMPARE(g.assignorName, QStringLiteral("uniform"));
        QVERIFY(g.authorizedOperations > 0);
        QCOMPARE(g.members.size(), 1);
        const auto &m = g.members.constFirst();
        QCOMPARE(m.memberId, QStringLiteral("m-1"));
        QCOMPARE(m.memberEpoch, 1);
        QCOMPARE(m.clientId, QStringLiteral("test"));
        QCOMPARE(m.subscribedTopicNames, QStringList {QStringLiteral("orders")});
        QCOMPARE(m.assignment.size(), 1);
        QCOMPARE(m.assignment.constFirst().topicName, QStringLiteral("orders"));
        QCOMPARE(m.assignment.constFirst().topicId, broker.log->topicId(QStringLiteral("orders")).toByteArray());
        QCOMPARE(m.assignment.constFirst().partitions, (QList<qint32> {0, 1}));
        QCOMPARE(m.targetAssignment.constFirst().partitions, (QList<qint32> {0, 1}));
        QCOMPARE(m.memberType, qint8(1));
        QCOMPARE(described.groups.at(1).error, ErrorCode::GroupIdNotFound);

        // The classic APIs: ListGroups v5 names the type; DescribeGroups v6 does not know such a group.
        ListGroupsRequestData list;
        list.typesFilter = {QStringLiteral("CONSUMER")};
        const auto listed = roundTrip<ListGroupsResponseData>(broker, list, 5);
        QCOMPARE(listed.groups.size(), 1);
        QCOMPARE(listed.groups.constFirst().groupType, QStringLiteral("consumer"));
        QCOMPARE(listed.groups.constFirst().groupState, QStringLiteral("Stable"));
        list.typesFilter = {QStringLiteral("classic")};
        QVERIFY(roundTrip<ListGroupsResponseData>(broker, list, 5).groups.isEmpty());
        DescribeGroupsRequestData describe;
        describe.groups = {QStringLiteral("g")};
        const auto classic = roundTrip<DescribeGroupsResponseData>(broker, describe, 6);
        QCOMPARE(classic.groups.constFirst().error, ErrorCode::GroupIdNotFound);
        QCOMPARE(classic.groups.constFirst().state, QStringLiteral("Dead"));
        QVERIFY(classic.groups.constFirst().members.isEmpty());
        QCOMPARE(roundTrip<DescribeGroupsResponseData>(broker, describe, 5).groups.constFirst().error, ErrorCode::None);
    }
};

QTEST_GUILESS_MAIN(TestWireConsumerGroup)
#include "tst_wireconsumergroup.moc"
