#pragma once
// Hand-built wire exchanges and clients for the tests of the protocol lane, the wire clients view and the live
// recorder: a producer and two group consumers whose second member's arrival rebalances the group (JoinGroup,
// SyncGroup, heartbeats answered REBALANCE_IN_PROGRESS), and a member that expired (UNKNOWN_MEMBER_ID). Header-only,
// values only.
#include "brokersnapshot.h"
#include "wireexchange.h"

namespace topicscope::uitest {

// 2026-01-01 09:00:00 UTC: far from any edge of a day in every time zone's tests.
constexpr qint64 ExchangeEpochMs = 1'767'258'000'000;

// A bare exchange: one request of apiKey from clientId at peer, with nothing else filled in (the live recorder's tests
// add what they need: a member id, fetched or produced ranges).
inline engine::WireExchange exchange(qint16 apiKey, const QString &clientId, const QString &peer)
{
    engine::WireExchange e;
    e.apiKey = apiKey;
    e.clientId = clientId;
    e.peer = peer;
    return e;
}

struct ExchangeBuilder {
    quint64 sequence = 0;

    engine::WireExchange make(quint64 connection, const QString &clientId, qint16 apiKey, const QString &api,
        qint16 version, qint64 atMs, qint64 latencyMs = 1, engine::ErrorCode error = engine::ErrorCode::None,
        const QString &summary = {})
    {
        engine::WireExchange e;
        e.sequence = ++sequence;
        e.connectionId = connection;
        e.clientId = clientId;
        e.peer = QStringLiteral("127.0.0.1:%1").arg(54000 + connection);
        e.apiKey = apiKey;
        e.api = api;
        e.apiVersion = version;
        e.correlationId = qint32(sequence);
        e.receivedMs = ExchangeEpochMs + atMs;
        e.answeredMs = e.receivedMs + latencyMs;
        e.requestBytes = 80;
        e.responseBytes = 120;
        e.error = error;
        e.summary = summary;
        return e;
    }

    engine::WireExchange group(quint64 connection, const QString &clientId, qint16 apiKey, const QString &api,
        qint64 atMs, const QString &member, int generation, engine::ErrorCode error = engine::ErrorCode::None,
        qint64 latencyMs = 1)
    {
        QString summary = QStringLiteral("billing");
        if (generation >= 0)
            summary += QStringLiteral(" gen %1").arg(generation);
        summary += QLatin1Char(' ') + member;
        if (error != engine::ErrorCode::None)
            summary += QStringLiteral(": ") + engine::errorName(error);
        engine::WireExchange e = make(connection, clientId, apiKey, api, 5, atMs, latencyMs, error, summary);
        e.group = QStringLiteral("billing");
        e.memberId = member;
        e.generation = generation;
        return e;
    }

    // The story the screenshots tell, oldest first (about 40 exchanges over 9 s).
    QList<engine::WireExchange> rebalanceStory()
    {
        using engine::ErrorCode;
        const QString producer = QStringLiteral("orders-producer");
        const QString c1 = QStringLiteral("billing-1");
        const QString c2 = QStringLiteral("billing-2");
        const QString m1 = QStringLiteral("billing-1-7f3a");
        const QString m2 = QStringLiteral("billing-2-9c01");
        QList<engine::WireExchange> out;
        out << make(1, producer, 18, QStringLiteral("ApiVersions"), 3, 0);
        out << make(1, producer, 3, QStringLiteral("Metadata"), 12, 5, 1, ErrorCode::None, QStringLiteral("orders"));
        out << make(1, producer, 0, QStringLiteral("Produce"), 9, 20, 3, ErrorCode::None,
            QStringLiteral("orders-0 +5 @0..4; orders-1 +3 @0..2"));
        out << make(
            2, c1, 10, QStringLiteral("FindCoordinator"), 4, 100, 1, ErrorCode::None, QStringLiteral("billing"));
        out << group(2, c1, 11, QStringLiteral("JoinGroup"), 110, m1, -1, ErrorCode::MemberIdRequired);
        out << group(2, c1, 11, QStringLiteral("JoinGroup"), 115, m1, 1, ErrorCode::None, 3000);
        out << group(2, c1, 14, QStringLiteral("SyncGroup"), 3120, m1, 1);
        out << make(
            3, c1, 1, QStringLiteral("Fetch"), 12, 3150, 2, ErrorCode::None, QStringLiteral("orders-0 → 5 @0..4"));
        out << make(1, producer, 0, QStringLiteral("Produce"), 9, 3200, 2, ErrorCode::None,
            QStringLiteral("orders-0 +2 @5..6"));
        out << make(3, c1, 1, QStringLiteral("Fetch"), 12, 3210, 500);
        out << group(2, c1, 12, QStringLiteral("Heartbeat"), 4120, m1, 1);
        out << make(
            4, c2, 10, QStringLiteral("FindCoordinator"), 4, 4500, 1, ErrorCode::None, QStringLiteral("billing"));
        out << group(4, c2, 11, QStringLiteral("JoinGroup"), 4510, m2, -1, ErrorCode::MemberIdRequired);
        out << group(2, c1, 12, QStringLiteral("Heartbeat"), 5120, m1, 1, ErrorCode::RebalanceInProgress);
        out << group(2, c1, 11, QStringLiteral("JoinGroup"), 5125, m1, 2);
        out << group(4, c2, 11, QStringLiteral("JoinGroup"), 4515, m2, 2, ErrorCode::None, 612);
        out << group(2, c1, 14, QStringLiteral("SyncGroup"), 5130, m1, 2);
        out << group(4, c2, 14, QStringLiteral("SyncGroup"), 5131, m2, 2, ErrorCode::None, 1);
        out << make(4, c2, 9, QStringLiteral("OffsetFetch"), 7, 5140, 1, ErrorCode::None, QStringLiteral("billing"));
        out << make(3, c1, 1, QStringLiteral("Fetch"), 12, 5200, 500);
        out << group(2, c1, 8, QStringLiteral("OffsetCommit"), 6000, m1, 2);
        out << group(5, QStringLiteral("billing-old"), 12, QStringLiteral("Heartbeat"), 6500,
            QStringLiteral("billing-old-11d2"), 1, ErrorCode::UnknownMemberId);
        out << group(2, c1, 12, QStringLiteral("Heartbeat"), 8120, m1, 2);
        out << group(4, c2, 12, QStringLiteral("Heartbeat"), 8131, m2, 2);
        return out;
    }
};

// The clients of that story as the engine would describe them at its end.
inline QList<engine::WireClient> storyClients()
{
    using engine::ErrorCode;
    using engine::WireApiVersion;
    QList<engine::WireClient> clients;
    engine::WireClient producer;
    producer.connectionId = 1;
    producer.peer = QStringLiteral("127.0.0.1:54001");
    producer.clientId = QStringLiteral("orders-producer");
    producer.connectedSinceMs = ExchangeEpochMs;
    producer.produces = true;
    producer.requests = 4;
    producer.bytesIn = 4 * 80;
    producer.bytesOut = 4 * 120;
    producer.requestsPerSecond = 0.4;
    producer.bytesInPerSecond = 2048;
    producer.bytesOutPerSecond = 512;
    producer.apiVersions = {
        {0, QStringLiteral("Produce"), 9}, {3, QStringLiteral("Metadata"), 12}, {18, QStringLiteral("ApiVersions"), 3}};
    clients << producer;
    engine::WireClient member;
    member.connectionId = 2;
    member.peer = QStringLiteral("127.0.0.1:54002");
    member.clientId = QStringLiteral("billing-1");
    member.connectedSinceMs = ExchangeEpochMs + 100;
    member.groupId = QStringLiteral("billing");
    member.memberId = QStringLiteral("billing-1-7f3a");
    member.generation = 2;
    member.requests = 9;
    member.requestsPerSecond = 0.6;
    member.bytesInPerSecond = 96;
    member.bytesOutPerSecond = 144;
    member.apiVersions = {{8, QStringLiteral("OffsetCommit"), 8}, {10, QStringLiteral("FindCoordinator"), 4},
        {11, QStringLiteral("JoinGroup"), 5}, {12, QStringLiteral("Heartbeat"), 4},
        {14, QStringLiteral("SyncGroup"), 5}};
    member.lastErrorApi = QStringLiteral("Heartbeat");
    member.lastError = ErrorCode::RebalanceInProgress;
    member.lastErrorMs = ExchangeEpochMs + 5121;
    clients << member;
    engine::WireClient fetcher;
    fetcher.connectionId = 3;
    fetcher.peer = QStringLiteral("127.0.0.1:54003");
    fetcher.clientId = QStringLiteral("billing-1");
    fetcher.connectedSinceMs = ExchangeEpochMs + 3100;
    fetcher.fetches = true;
    fetcher.requests = 3;
    fetcher.requestsPerSecond = 2.0;
    fetcher.bytesInPerSecond = 160;
    fetcher.bytesOutPerSecond = 3 * 1024 * 1024;
    fetcher.apiVersions = {{1, QStringLiteral("Fetch"), 12}};
    clients << fetcher;
    engine::WireClient admin;
    admin.connectionId = 6;
    admin.peer = QStringLiteral("127.0.0.1:54006");
    admin.connectedSinceMs = ExchangeEpochMs + 7000;
    admin.admin = true;
    admin.requests = 2;
    admin.apiVersions = {{19, QStringLiteral("CreateTopics"), 4}, {32, QStringLiteral("DescribeConfigs"), 4}};
    clients << admin;
    return clients;
}

} // namespace topicscope::uitest
