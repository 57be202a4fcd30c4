// kafka-python (Debian python3-kafka) against the embedded broker of this process, seen the way the explorer sees
// it: the snapshots name each connection by its client.id, with the roles it played (producer, fetcher, group
// member), the API versions it uses and its traffic; the protocol lane carries its JoinGroup / SyncGroup /
// Heartbeat sequence; the group's member shows when it was last heard from; and the clients leave the list when the
// script closes them. The client script is interop_client_activity.py.
#include "interopbroker.h"
#include "runtime/enginefacade.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace topicscope;
using namespace topicscope::interoptest;

namespace {

const engine::WireClient *findClient(const engine::BrokerSnapshot &s, const QString &clientId,
    const std::function<bool(const engine::WireClient &)> &pred)
{
    for (const engine::WireClient &c : s.wireClients) {
        if (c.clientId == clientId && pred(c))
            return &c;
    }
    return nullptr;
}

// "3 activity-consumer 127.0.0.1:5555 [fetches] Fetch v4, ..." per connection, for failure messages.
QString dump(const engine::BrokerSnapshot &s)
{
    QStringList lines;
    for (const engine::WireClient &c : s.wireClients) {
        QStringList versions;
        for (const engine::WireApiVersion &v : c.apiVersions)
            versions << QStringLiteral("%1 v%2").arg(v.api).arg(v.version);
        lines << QStringLiteral("%1 %2 %3 produces=%4 fetches=%5 group=%6 member=%7 %8")
                     .arg(c.connectionId)
                     .arg(c.clientId, c.peer)
                     .arg(c.produces)
                     .arg(c.fetches)
                     .arg(c.groupId, c.memberId, versions.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

qint16 versionOf(const engine::WireClient &c, const QString &api)
{
    for (const engine::WireApiVersion &v : c.apiVersions) {
        if (v.api == api)
            return v.version;
    }
    return -1;
}

} // namespace

class TestInteropClientActivity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!pythonHasModule(QStringLiteral("kafka")))
            QSKIP("kafka-python is not installed for /usr/bin/python3 (Debian package python3-kafka)");
    }

    void kafkaPythonClientsAreNamedWithTheirRoles()
    {
        engine::EngineOptions options;
        options.storage.inMemory = true;
        options.groups.initialRebalanceDelayMs = 100;
        engine::KafkaServerOptions listener;
        listener.listenPort = 0;
        options.listener = listener;
        engine::EngineFacade facade(options);
        engine::BrokerSnapshot last;
        QList<engine::WireExchange> lane;
        connect(&facade, &engine::EngineFacade::snapshotUpdated, this, [&](const engine::BrokerSnapshot &s) {
            last = s;
            lane += s.exchanges;
        });
        QSignalSpy started(&facade, &engine::EngineFacade::started);
        facade.start();
        QTRY_COMPARE(started.count(), 1);
        QVERIFY(started.at(0).at(0).toBool());
        facade.createTopic(QStringLiteral("activity"), 1);
        QTRY_VERIFY(!last.listenAddress.isEmpty());

        QProcess script;
        script.setProcessChannelMode(QProcess::MergedChannels);
        script.start(systemPython(),
            {QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/integration/interop_client_activity.py"),
                last.listenAddress});
        QVERIFY(script.waitForStarted(10000));
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                output += script.readAll();
                return output.contains("RESULT consumed 5") || script.state() != QProcess::Running;
            }(),
            90000);
        QVERIFY2(output.contains("RESULT consumed 5"), output.constData());

        // The producer's connection to the broker: it produced, with a Produce version kafka-python 2.0.2 picks.
        QTRY_VERIFY_WITH_TIMEOUT(findClient(last, QStringLiteral("activity-producer"),
                                     [](const engine::WireClient &c) { return c.produces; }),
            10000);
        const engine::WireClient producer
            = *findClient(last, QStringLiteral("activity-producer"), [](const auto &c) { return c.produces; });
        QVERIFY2(versionOf(producer, QStringLiteral("Produce")) >= 0, qPrintable(dump(last)));
        QVERIFY(producer.peer.startsWith(QStringLiteral("127.0.0.1:")));
        QVERIFY(producer.requests > 0 && producer.bytesIn > 0 && producer.bytesOut > 0);
        QVERIFY(!producer.fetches && producer.groupId.isEmpty());

        // The consumer: a connection that fetches and one that is the group member (kafka-python talks to the
        // coordinator on a connection of its own), heartbeating meanwhile.
        QTRY_VERIFY_WITH_TIMEOUT(findClient(last, QStringLiteral("activity-consumer"),
                                     [](const engine::WireClient &c) { return c.fetches; }),
            10000);
        QTRY_VERIFY_WITH_TIMEOUT(findClient(last, QStringLiteral("activity-consumer"),
                                     [](const engine::WireClient &c) {
                                         return c.groupId == QLatin1String("activity-group") && !c.memberId.isEmpty()
                                             && c.generation >= 1 && c.requestsPerSecond > 0;
                                     }),
            10000);
        const engine::WireClient member = *findClient(last, QStringLiteral("activity-consumer"),
            [](const auto &c) { return c.groupId == QLatin1String("activity-group"); });
        QVERIFY(member.memberId.startsWith(QStringLiteral("activity-consumer-")));
        QVERIFY(versionOf(member, QStringLiteral("JoinGroup")) >= 0);
        QVERIFY(versionOf(member, QStringLiteral("SyncGroup")) >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(versionOf(*findClient(last, QStringLiteral("activity-consumer"),
                                               [](const auto &c) { return !c.groupId.isEmpty(); }),
                                     QStringLiteral("Heartbeat"))
                >= 0,
            10000);

        qInfo().noquote() << "wire clients:\n" << dump(last);

        // The lane: the member's rebalance as its JoinGroup, SyncGroup and then heartbeats.
        QStringList sequence;
        for (const engine::WireExchange &e : std::as_const(lane)) {
            if (e.clientId == QLatin1String("activity-consumer") && !e.group.isEmpty()
                && (sequence.isEmpty() || sequence.last() != e.api))
                sequence << e.api;
        }
        const QString joined = sequence.join(QLatin1Char(' '));
        qInfo().noquote() << "lane of the member:" << joined.left(200);
        QVERIFY2(joined.contains(QStringLiteral("JoinGroup SyncGroup")), qPrintable(joined));
        QVERIFY2(joined.contains(QStringLiteral("SyncGroup")) && joined.contains(QStringLiteral("Heartbeat")),
            qPrintable(joined));

        // The group's member: when it was last heard from.
        const engine::GroupDescription *group = nullptr;
        for (const engine::GroupDescription &g : std::as_const(last.groups)) {
            if (g.groupId == QLatin1String("activity-group"))
                group = &g;
        }
        QVERIFY(group);
        QCOMPARE(group->members.size(), 1);
        QVERIFY(group->members.constFirst().lastHeartbeatMs > 0);
        QVERIFY(group->members.constFirst().lastHeartbeatMs <= last.takenAtMs);
        QVERIFY(last.takenAtMs - group->members.constFirst().lastHeartbeatMs < 5000);

        // The script closes its clients: their connections leave the list.
        script.closeWriteChannel();
        QVERIFY(script.waitForFinished(60000));
        output += script.readAll();
        QVERIFY2(output.contains("DONE"), output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(last.wireClients.isEmpty(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestInteropClientActivity)
#include "tst_interop_clientactivity.moc"
