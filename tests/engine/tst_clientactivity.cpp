// What the explorer knows of each wire client (ClientActivity): roles, counts, rates, API versions, last error and
// the protocol lane's bounded queue, fed hand-made exchanges; then through the facade with a real listener, a flood
// of pipelined requests from a raw socket reaches the GUI side as a few coalesced snapshots that carry every
// exchange, its client.id and versions, and the client leaves the list when it disconnects.
#include "rawclient.h"
#include "runtime/clientactivity.h"
#include "runtime/enginefacade.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace topicscope::engine;
using topicscope::testsupport::apiVersionsRequest;
using topicscope::testsupport::RawClient;

namespace {

WireExchange exchange(
    quint64 connection, qint16 apiKey, const char *api, qint16 version, qint64 atMs, ErrorCode error = ErrorCode::None)
{
    static quint64 sequence = 0;
    WireExchange e;
    e.sequence = ++sequence;
    e.connectionId = connection;
    e.clientId = QStringLiteral("client-%1").arg(connection);
    e.peer = QStringLiteral("127.0.0.1:%1").arg(50000 + connection);
    e.apiKey = apiKey;
    e.api = QString::fromLatin1(api);
    e.apiVersion = version;
    e.receivedMs = atMs;
    e.answeredMs = atMs + 2;
    e.requestBytes = 100;
    e.responseBytes = 50;
    e.error = error;
    return e;
}

WireExchange groupExchange(quint64 connection, qint16 apiKey, const char *api, qint64 atMs, const QString &member,
    int generation, ErrorCode error = ErrorCode::None)
{
    WireExchange e = exchange(connection, apiKey, api, 5, atMs, error);
    e.group = QStringLiteral("g");
    e.memberId = member;
    e.generation = generation;
    return e;
}

// One line per client: the fields a person reads in the clients table.
QString dump(const QList<WireClient> &clients)
{
    QStringList lines;
    for (const WireClient &c : clients) {
        QStringList roles;
        if (c.produces)
            roles << QStringLiteral("produces");
        if (c.fetches)
            roles << QStringLiteral("fetches");
        if (!c.groupId.isEmpty())
            roles << QStringLiteral("member %1/%2 gen %3").arg(c.groupId, c.memberId).arg(c.generation);
        if (c.admin)
            roles << QStringLiteral("admin");
        QStringList versions;
        for (const WireApiVersion &v : c.apiVersions)
            versions << QStringLiteral("%1 v%2").arg(v.api).arg(v.version);
        lines
            << QStringLiteral("%1 %2 %3 since %4 [%5] req %6 in %7 out %8 {%9} error %10")
                   .arg(c.connectionId)
                   .arg(c.clientId, c.peer)
                   .arg(c.connectedSinceMs)
                   .arg(roles.join(QStringLiteral(", ")))
                   .arg(c.requests)
                   .arg(c.bytesIn)
                   .arg(c.bytesOut)
                   .arg(versions.join(QStringLiteral(", ")),
                       c.lastErrorMs
                           ? QStringLiteral("%1 %2 @%3").arg(c.lastErrorApi, errorName(c.lastError)).arg(c.lastErrorMs)
                           : QStringLiteral("none"));
    }
    return lines.join(QLatin1Char('\n'));
}

QList<std::pair<quint64, QString>> open(std::initializer_list<quint64> ids)
{
    QList<std::pair<quint64, QString>> out;
    for (quint64 id : ids)
        out.append({id, QStringLiteral("127.0.0.1:%1").arg(50000 + id)});
    return out;
}

} // namespace

class TestClientActivity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rolesCountsVersionsAndErrors()
    {
        ClientActivity activity;
        // A producer: ApiVersions, Metadata, two produces on two versions (the last one used counts).
        activity.record(exchange(1, 18, "ApiVersions", 3, 1000));
        activity.record(exchange(1, 3, "Metadata", 9, 1010));
        activity.record(exchange(1, 0, "Produce", 8, 1020));
        activity.record(exchange(1, 0, "Produce", 9, 1030, ErrorCode::NotLeaderOrFollower));
        // A group consumer: MEMBER_ID_REQUIRED is not membership yet; the answered join, sync and heartbeats are;
        // REBALANCE_IN_PROGRESS keeps it a member.
        activity.record(
            groupExchange(2, 11, "JoinGroup", 2000, QStringLiteral("m-1"), -1, ErrorCode::MemberIdRequired));
        QCOMPARE(activity.describe(open({1, 2}), 2001).at(1).groupId, QString());
        activity.record(groupExchange(2, 11, "JoinGroup", 2010, QStringLiteral("m-1"), 1));
        activity.record(groupExchange(2, 14, "SyncGroup", 2020, QStringLiteral("m-1"), 1));
        activity.record(exchange(2, 1, "Fetch", 12, 2030));
        activity.record(
            groupExchange(2, 12, "Heartbeat", 2040, QStringLiteral("m-1"), 1, ErrorCode::RebalanceInProgress));
        // An admin client.
        activity.record(exchange(3, 19, "CreateTopics", 4, 3000));
        activity.record(exchange(3, 15, "DescribeGroups", 5, 3010));

        const QString expected = QStringLiteral(
            "1 client-1 127.0.0.1:50001 since 1000 [produces] req 4 in 400 out 200 {Produce v9, Metadata v9, "
            "ApiVersions v3} error Produce NOT_LEADER_OR_FOLLOWER @1032\n"
            "2 client-2 127.0.0.1:50002 since 2000 [fetches, member g/m-1 gen 1] req 5 in 500 out 250 {Fetch v12, "
            "JoinGroup v5, Heartbeat v5, SyncGroup v5} error Heartbeat REBALANCE_IN_PROGRESS @2042\n"
            "3 client-3 127.0.0.1:50003 since 3000 [admin] req 2 in 200 out 100 {DescribeGroups v5, "
            "CreateTopics v4} error none");
        QCOMPARE(dump(activity.describe(open({1, 2, 3}), 3100)), expected);
    }

    void membershipEndsWithLeaveOrUnknownMember()
    {
        ClientActivity activity;
        activity.record(groupExchange(1, 11, "JoinGroup", 1000, QStringLiteral("m-1"), 3));
        activity.record(groupExchange(2, 11, "JoinGroup", 1000, QStringLiteral("m-2"), 3));
        activity.record(groupExchange(1, 13, "LeaveGroup", 1100, QStringLiteral("m-1"), -1));
        activity.record(groupExchange(2, 12, "Heartbeat", 1100, QStringLiteral("m-2"), 3, ErrorCode::UnknownMemberId));
        const QList<WireClient> clients = activity.describe(open({1, 2}), 1200);
        QCOMPARE(clients.at(0).groupId, QString());
        QCOMPARE(clients.at(1).groupId, QString());
        QCOMPARE(clients.at(1).generation, -1);
        QCOMPARE(clients.at(1).lastError, ErrorCode::UnknownMemberId);
    }

    void ratesAreOverTheWindowAndDecay()
    {
        ClientActivity activity;
        // 20 requests within one second.
        for (int i = 0; i < 20; ++i)
            activity.record(exchange(1, 12, "Heartbeat", 4, 10'000 + i * 40));
        QVERIFY(activity.hasRecentTraffic(10'900));
        const double windowS = double(ClientActivity::BucketMs * ClientActivity::WindowBuckets) / 1000.0;
        WireClient c = activity.describe(open({1}), 10'900).constFirst();
        QCOMPARE(c.requestsPerSecond, 20 / windowS);
        QCOMPARE(c.bytesInPerSecond, 20 * 100 / windowS);
        QCOMPARE(c.bytesOutPerSecond, 20 * 50 / windowS);
        // Still in the window a few seconds later, gone once it passed; the totals stay.
        QCOMPARE(activity.describe(open({1}), 13'900).constFirst().requestsPerSecond, 20 / windowS);
        const qint64 after = 10'000 + ClientActivity::BucketMs * ClientActivity::WindowBuckets;
        QVERIFY(!activity.hasRecentTraffic(after));
        c = activity.describe(open({1}), after).constFirst();
        QCOMPARE(c.requestsPerSecond, 0.0);
        QCOMPARE(c.requests, qint64(20));
    }

    void closedConnectionsAreForgotten()
    {
        ClientActivity activity;
        activity.record(exchange(1, 18, "ApiVersions", 3, 1000));
        activity.record(exchange(2, 18, "ApiVersions", 3, 1000));
        // A connection the listener lists before its first request is there, with nothing seen yet.
        QCOMPARE(dump(activity.describe(open({1, 2, 3}), 1500)).count(QLatin1Char('\n')), 2);
        const WireClient fresh = activity.describe(open({3}), 1600).constFirst();
        QCOMPARE(fresh.connectedSinceMs, qint64(1500)); // when the listener first listed it
        QCOMPARE(fresh.requests, qint64(0));
        QVERIFY(fresh.clientId.isEmpty());
        // An answer for a connection that already closed (a parked JoinGroup) does not bring it back.
        activity.record(exchange(1, 11, "JoinGroup", 5, 1700));
        const QList<WireClient> clients = activity.describe(open({3}), 1800);
        QCOMPARE(clients.size(), 1);
        QCOMPARE(clients.constFirst().connectionId, quint64(3));
        QVERIFY(!activity.hasRecentTraffic(1800)); // the forgotten connections' traffic went with them
    }

    void laneQueueKeepsTheNewestAndCountsTheDropped()
    {
        ClientActivity activity(3);
        QVERIFY(!activity.hasQueuedExchanges());
        QList<quint64> sequences;
        for (int i = 0; i < 5; ++i) {
            const WireExchange e = exchange(1, 12, "Heartbeat", 3, 1000 + i);
            sequences << e.sequence;
            activity.record(e);
        }
        QVERIFY(activity.hasQueuedExchanges());
        qint64 dropped = -1;
        const QList<WireExchange> taken = activity.takeExchanges(&dropped);
        QCOMPARE(dropped, qint64(2));
        QCOMPARE(taken.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(taken.at(i).sequence, sequences.at(i + 2)); // oldest first, the newest three
        QVERIFY(!activity.hasQueuedExchanges());
        QVERIFY(activity.takeExchanges(&dropped).isEmpty());
        QCOMPARE(dropped, qint64(0));
        // Not full: everything, in order, nothing dropped.
        activity.record(exchange(1, 12, "Heartbeat", 3, 2000));
        activity.record(exchange(1, 12, "Heartbeat", 3, 2001));
        const QList<WireExchange> two = activity.takeExchanges(&dropped);
        QCOMPARE(two.size(), 2);
        QVERIFY(two.at(0).sequence < two.at(1).sequence);
        QCOMPARE(dropped, qint64(0));
    }

    void floodOfRequestsReachesTheGuiCoalesced()
    {
        EngineOptions options;
        options.storage.inMemory = true;
        options.snapshotIntervalMs = 100;
        KafkaServerOptions listener;
        listener.listenPort = 0;
        options.listener = listener;
        EngineFacade facade(options);
        QSignalSpy started(&facade, &EngineFacade::started);
        QList<BrokerSnapshot> snapshots;
        connect(&facade, &EngineFacade::snapshotUpdated, this,
            [&snapshots](const BrokerSnapshot &s) { snapshots.append(s); });
        facade.start();
        QTRY_COMPARE(started.count(), 1);
        QVERIFY(started.at(0).at(0).toBool());
        facade.createTopic(QStringLiteral("t"), 1); // a broker event: a snapshot with the listen address comes
        QTRY_VERIFY(!snapshots.isEmpty() && !snapshots.last().listenAddress.isEmpty());
        const quint16 port = quint16(snapshots.last().listenAddress.section(QLatin1Char(':'), -1).toUInt());

        // Requests that change nothing in the broker (no engine event): only the exchange tap makes them visible.
        constexpr int Requests = 3000;
        RawClient client(port);
        QVERIFY(client.isConnected());
        QByteArray flood;
        for (int i = 0; i < Requests; ++i)
            flood += apiVersionsRequest(i, "flood-client");
        snapshots.clear();
        QElapsedTimer elapsed;
        elapsed.start();
        client.write(flood);
        qint64 seen = 0;
        qint64 dropped = 0;
        int maxPerSnapshot = 0;
        int snapshotsWithExchanges = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                client.drain();
                seen = dropped = 0;
                maxPerSnapshot = snapshotsWithExchanges = 0;
                for (const BrokerSnapshot &s : std::as_const(snapshots)) {
                    seen += s.exchanges.size();
                    dropped += s.exchangesDropped;
                    maxPerSnapshot = std::max(maxPerSnapshot, int(s.exchanges.size()));
                    snapshotsWithExchanges += s.exchanges.isEmpty() ? 0 : 1;
                }
                return seen + dropped == Requests;
            }(),
            15000);
        const qint64 ms = elapsed.elapsed();
        qInfo("%d requests: %d snapshots with exchanges in %lld ms, at most %d per snapshot, %lld dropped", Requests,
            snapshotsWithExchanges, ms, maxPerSnapshot, dropped);
        // Coalesced: a handful of snapshots for 3,000 requests, never more than the engine's period allows.
        QVERIFY2(snapshotsWithExchanges <= ms / 100 + 3,
            qPrintable(QStringLiteral("%1 snapshots in %2 ms").arg(snapshotsWithExchanges).arg(ms)));
        QVERIFY(maxPerSnapshot <= BrokerSnapshot::MaxExchanges);
        QVERIFY(seen > 0);
        const BrokerSnapshot &last = snapshots.last();
        const WireExchange &e = last.exchanges.isEmpty() ? WireExchange {} : last.exchanges.last();
        QCOMPARE(e.api, QStringLiteral("ApiVersions"));
        QCOMPARE(e.clientId, QStringLiteral("flood-client"));
        QCOMPARE(e.correlationId, Requests - 1);
        QCOMPARE(last.wireClients.size(), 1);
        const WireClient &c = last.wireClients.constFirst();
        QCOMPARE(c.clientId, QStringLiteral("flood-client"));
        QCOMPARE(c.requests, qint64(Requests));
        QCOMPARE(c.apiVersions, (QList<WireApiVersion> {{18, QStringLiteral("ApiVersions"), 0}}));
        QVERIFY(c.requestsPerSecond > 0);
        QVERIFY(c.bytesOut > c.bytesIn);
        QVERIFY(!c.produces && !c.fetches && !c.admin && c.groupId.isEmpty());

        // Disconnecting removes it.
        client.close();
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.last().wireClients.isEmpty(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestClientActivity)
#include "tst_clientactivity.moc"
