// Pausing the live broker (Engine::pauseBroker/stepBroker/resumeBroker) with real clients: kafka-python producers
// and a confluent-kafka consumer group run against an in-process Engine listening on a free loopback port, driven
// from this thread's event loop (tests/integration/brokerpause_clients.py prints what each client sees as it
// happens). Also the AnswerGate on a ManualClock and the freezable RealClock on their own.
#include "group/groupcoordinator.h"
#include "runtime/answergate.h"
#include "runtime/engine.h"
#include "runtime/explorerservice.h"
#include "runtime/kafkaserver.h"
#include "runtime/realclock.h"

#include "clientversions.h"
#include "interopbroker.h"
#include "logtesthelpers.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace topicscope::engine;
using namespace topicscope::interoptest;

namespace {

// A client script running in the background while the test's event loop serves the broker. Its RESULT lines are
// read as they come.
class ClientProcess {
public:
    void start(const QString &bootstrap, const QStringList &args)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(systemPython(),
            QStringList {QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/integration/brokerpause_clients.py"), bootstrap}
                + args);
    }
    ~ClientProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QByteArray output()
    {
        m_output += m_process.readAll();
        return m_output;
    }
    // The fields after "RESULT <tag>" of every such line so far.
    QList<QStringList> results(const QString &tag)
    {
        QList<QStringList> out;
        for (const QByteArray &line : output().split('\n')) {
            const QStringList fields = QString::fromUtf8(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (fields.size() >= 2 && fields.at(0) == QLatin1String("RESULT") && fields.at(1) == tag)
                out.append(fields.mid(2));
        }
        return out;
    }
    int count(const QString &tag) { return int(results(tag).size()); }
    void writeLine(const QByteArray &line) { m_process.write(line + '\n'); }
    bool isFinished() const { return m_process.state() == QProcess::NotRunning; }
    int exitCode() const { return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1; }

private:
    QProcess m_process;
    QByteArray m_output;
};

EngineOptions listeningEngine(int maxAnswerHoldMs = 20000)
{
    EngineOptions options;
    options.storage.inMemory = true;
    options.groups.initialRebalanceDelayMs = 0; // a single consumer joins at once
    KafkaServerOptions listener;
    listener.listenPort = 0;
    options.listener = listener;
    options.maxAnswerHoldMs = maxAnswerHoldMs;
    return options;
}

QString bootstrapOf(Engine &engine)
{
    return QStringLiteral("127.0.0.1:%1").arg(engine.kafkaServer()->port());
}

// The values stored in partition 0 of topic, in offset order.
QStringList storedValues(Engine &engine, const QString &topic)
{
    QStringList values;
    const FetchResult read = engine.log().read({topic, 0}, 0, 1 << 20);
    for (const Record &r : topicscope::engine::logtest::decodeAll(read.records))
        values << QString::fromUtf8(r.value.value_or(QByteArray()));
    return values;
}

void appendValues(Engine &engine, const QString &topic, const QStringList &values)
{
    std::vector<Record> records;
    for (const QString &v : values) {
        Record r;
        r.timestamp = QDateTime::currentMSecsSinceEpoch();
        r.value = v.toUtf8();
        records.push_back(std::move(r));
    }
    const auto results = engine.broker().append({{{topic, 0}, RecordBatch::build(0, records)}});
    QCOMPARE(results.size(), size_t(1));
}

QString heldApis(const BrokerPauseState &state)
{
    QStringList apis;
    for (const HeldAnswer &h : state.held)
        apis << h.exchange.api;
    return apis.join(QLatin1Char(','));
}

// A ready answer of one connection, as the wire layer would describe it.
WireExchange exchange(quint64 connectionId, const QString &api, qint64 receivedMs, qint32 timeoutMs = -1)
{
    WireExchange e;
    e.connectionId = connectionId;
    e.api = api;
    e.apiKey = api == QLatin1String("Produce") ? 0 : api == QLatin1String("Fetch") ? 1 : 3; // 3: Metadata
    e.receivedMs = receivedMs;
    e.responseBytes = 40;
    e.timeoutMs = timeoutMs;
    if (e.apiKey == 1)
        e.fetched = {WireRange {{QStringLiteral("t"), 0}, 0, 4, 5, ErrorCode::None}};
    return e;
}

} // namespace

class TestBrokerPause : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_kafkaPython = pythonHasModule(QStringLiteral("kafka"));
        m_confluent = pythonHasModule(QStringLiteral("confluent_kafka"));
        QString why;
        QVERIFY2(reportConfluentLibrdkafka(&why), qPrintable(why));
        m_requests = std::make_unique<WireRequestRecorder>();
    }

    void cleanupTestCase() { m_requests.reset(); }

    // ---- the pieces on their own ----

    void gateHoldsProgressInOneQueueAcrossConnections()
    {
        ManualClock wall;
        AnswerGate gate(wall, 20000);
        QStringList delivered;
        const auto deliver = [&delivered](const QString &what) { return [&delivered, what] { delivered << what; }; };
        const qint64 t0 = wall.nowMs();

        // Not paused: everything passes.
        QVERIFY(!gate.offer(exchange(1, QStringLiteral("Produce"), t0), deliver(QStringLiteral("early"))));

        QSignalSpy changed(&gate, &AnswerGate::changed);
        gate.pause();
        QVERIFY(gate.offer(exchange(1, QStringLiteral("Produce"), t0), deliver(QStringLiteral("p1"))));
        wall.advance(10);
        QVERIFY(gate.offer(exchange(2, QStringLiteral("Fetch"), t0), deliver(QStringLiteral("f2"))));
        // Answers that carry no progress pass, so clients stay alive.
        QVERIFY(!gate.offer(exchange(3, QStringLiteral("Metadata"), t0), deliver(QStringLiteral("m3"))));
        WireExchange emptyFetch = exchange(3, QStringLiteral("Fetch"), t0);
        emptyFetch.fetched.clear();
        QVERIFY(!gate.offer(emptyFetch, deliver(QStringLiteral("empty"))));
        QVERIFY(gate.offer(exchange(4, QStringLiteral("Produce"), t0), deliver(QStringLiteral("p4"))));
        QCOMPARE(heldApis(gate.state()), QStringLiteral("Produce,Fetch,Produce"));
        QCOMPARE(gate.state().held.at(1).heldSinceMs, t0 + 10);
        QCOMPARE(changed.count(), 4); // paused, three held
        QVERIFY(delivered.isEmpty());

        // Step: the oldest, across connections.
        const auto stepped = gate.step();
        QVERIFY(stepped);
        QCOMPARE(stepped->connectionId, quint64(1));
        QCOMPARE(delivered, QStringList {QStringLiteral("p1")});

        // The fetch's connection closes while its answer is held: dropped, never delivered.
        gate.dropConnection(2);
        gate.dropConnection(2); // twice: no second change
        QCOMPARE(heldApis(gate.state()), QStringLiteral("Produce"));
        QCOMPARE(gate.state().dropped, 1);

        gate.resume();
        QCOMPARE(delivered, (QStringList {QStringLiteral("p1"), QStringLiteral("p4")}));
        const BrokerPauseState after = gate.state();
        QVERIFY(!after.paused);
        QVERIFY(after.held.isEmpty());
        QCOMPARE(after.stepped, 1);
        QCOMPARE(after.dropped, 1);
        QCOMPARE(after.autoReleased, 0);
        QVERIFY(!gate.step());
        // The deadline timers of released and dropped answers are gone.
        QCOMPARE(wall.pendingTimers(), 0);
    }

    void gateReleasesBeforeTheClientsTimeout_data()
    {
        QTest::addColumn<qint32>("requestTimeoutMs");
        QTest::addColumn<qint64>("expectedHoldMs");
        QTest::addRow("no timeout in the request: the cap") << -1 << qint64(1500);
        QTest::addRow("a long request timeout: the cap") << 30000 << qint64(1500);
        QTest::addRow("a short request timeout: minus 0.5 s") << 1500 << qint64(1000);
    }

    void gateReleasesBeforeTheClientsTimeout()
    {
        QFETCH(qint32, requestTimeoutMs);
        QFETCH(qint64, expectedHoldMs);
        ManualClock wall;
        AnswerGate gate(wall, 1500);
        int delivered = 0;
        gate.pause();
        const qint64 received = wall.nowMs();
        wall.advance(100); // the answer is ready 100 ms after its request arrived
        QVERIFY(gate.offer(exchange(1, QStringLiteral("Produce"), received, requestTimeoutMs), [&] { ++delivered; }));
        QCOMPARE(gate.state().held.at(0).releaseAtMs, received + expectedHoldMs);
        wall.advance(expectedHoldMs - 101);
        QCOMPARE(delivered, 0);
        wall.advance(1);
        QCOMPARE(delivered, 1);
        QCOMPARE(gate.state().autoReleased, 1);
        QVERIFY(gate.state().paused); // the broker stays paused
        QVERIFY(gate.state().held.isEmpty());
    }

    void frozenClockStandsStillButRunsWhatIsDue()
    {
        RealClock clock;
        QStringList fired;
        clock.schedule(150, [&] { fired << QStringLiteral("before-freeze"); });
        clock.freeze();
        const qint64 frozenAt = clock.nowMs();
        clock.schedule(0, [&] { fired << QStringLiteral("zero-delay"); });
        clock.schedule(20, [&] { fired << QStringLiteral("later"); });
        // Zero-delay work runs while frozen, or the broker would deadlock.
        QTRY_COMPARE(fired, QStringList {QStringLiteral("zero-delay")});
        QTest::qWait(300); // the point: 150 ms pass on the wall and the timers wait
        QCOMPARE(fired, QStringList {QStringLiteral("zero-delay")});
        QCOMPARE(clock.nowMs(), frozenAt);
        QVERIFY(clock.lagMs() >= 300);
        clock.thaw();
        QVERIFY(clock.nowMs() - frozenAt < 50); // resumes from where it stopped
        QTRY_COMPARE(fired,
            (QStringList {QStringLiteral("zero-delay"), QStringLiteral("later"), QStringLiteral("before-freeze")}));
        QVERIFY(clock.lagMs() >= 300);
    }

    void sessionTimeoutWaitsWhilePaused()
    {
        EngineOptions options;
        options.storage.inMemory = true;
        options.groups.initialRebalanceDelayMs = 0;
        options.groups.minSessionTimeoutMs = 100;
        Engine engine(options);
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        // An in-app member that never heartbeats: only the frozen clock keeps it in the group.
        JoinGroupRequest join;
        join.groupId = QStringLiteral("silent");
        join.clientId = QStringLiteral("c");
        join.sessionTimeoutMs = 300;
        join.protocolType = QStringLiteral("consumer");
        join.protocols = {GroupProtocol {QStringLiteral("range"), {}}};
        join.requireKnownMemberId = false;
        std::optional<JoinGroupResponse> joined;
        engine.groups().joinGroup(join, [&](const JoinGroupResponse &r) { joined = r; });
        QTRY_VERIFY(joined);
        QCOMPARE(joined->error, ErrorCode::None);
        SyncGroupRequest sync;
        sync.groupId = join.groupId;
        sync.generationId = joined->generationId;
        sync.memberId = joined->memberId;
        sync.assignments = {{joined->memberId, {}}};
        std::optional<SyncGroupResponse> synced;
        engine.groups().syncGroup(sync, [&](const SyncGroupResponse &r) { synced = r; });
        QTRY_VERIFY(synced);
        QCOMPARE(engine.groups().describeGroup(join.groupId).state, QStringLiteral("Stable"));

        engine.pauseBroker();
        QTest::qWait(700); // the point: more than twice the session timeout passes on the wall
        QCOMPARE(engine.groups().describeGroup(join.groupId).state, QStringLiteral("Stable"));
        QCOMPARE(engine.groups().describeGroup(join.groupId).members.size(), 1);
        engine.resumeBroker();
        // Once time runs again, the session ends as it would have without the pause.
        QTRY_COMPARE_WITH_TIMEOUT(engine.groups().describeGroup(join.groupId).members.size(), 0, 5000);
    }

    // The explorer's own producer (the Produce panel's "send N at a rate") is the broker's client too: while paused it
    // appends nothing, whether the job started before the pause or during it; Resume lets both finish.
    void explorerProduceWaitsWhilePaused()
    {
        EngineOptions options;
        options.storage.inMemory = true;
        Engine engine(options);
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        QCOMPARE(engine.log().createTopic(QStringLiteral("panel"), 1), ErrorCode::None);
        ExplorerService service(engine, [](const BrokerSnapshot &) {});
        const TopicPartition tp {QStringLiteral("panel"), 0};
        const auto end = [&] { return engine.log().partitionInfo(tp)->logEndOffset; };
        ProduceRequest paced;
        paced.topic = tp.topic;
        paced.value = QStringLiteral("v");
        paced.count = 40;
        paced.ratePerSecond = 100; // 400 ms of sending
        ProduceReport pacedReport;
        service.produce(1, paced, [&](const ProduceReport &r) { pacedReport = r; });
        QTRY_VERIFY(end() >= 5);
        engine.pauseBroker();
        // A step already due when the clock froze still runs (frozenClockStandsStillButRunsWhatIsDue): let it, then
        // nothing more may come.
        QTest::qWait(50);
        const qint64 atPause = end();
        ProduceRequest burst = paced;
        burst.count = 10;
        burst.ratePerSecond = 0;
        ProduceReport burstReport;
        service.produce(2, burst, [&](const ProduceReport &r) { burstReport = r; });
        QTest::qWait(600); // the point: longer than the paced job needed
        QCOMPARE(end(), atPause);
        QVERIFY(!pacedReport.finished);
        QCOMPARE(burstReport.sent, 0);
        engine.resumeBroker();
        QTRY_VERIFY(pacedReport.finished && burstReport.finished);
        QCOMPARE(pacedReport.sent, 40);
        QCOMPARE(burstReport.sent, 10);
        QCOMPARE(end(), 50);
    }

    // ---- real clients ----

    void produceIsAppendedAtOnceAndAcknowledgedOneStepAtATime()
    {
        if (!m_kafkaPython)
            QSKIP("kafka-python is not installed");
        Engine engine(listeningEngine());
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        QCOMPARE(engine.log().createTopic(QStringLiteral("acks"), 1), ErrorCode::None);
        QSignalSpy changes(&engine, &Engine::pauseStateChanged);

        engine.pauseBroker();
        QVERIFY(engine.pauseState().paused);
        ClientProcess producers;
        producers.start(bootstrapOf(engine),
            {QStringLiteral("produce"), QStringLiteral("acks"), QStringLiteral("3"), QStringLiteral("30000")});
        // Three producers, three connections: each produce is appended at once, its acknowledgement held.
        QTRY_COMPARE_WITH_TIMEOUT(engine.pauseState().held.size(), 3, 20000);
        QCOMPARE(heldApis(engine.pauseState()), QStringLiteral("Produce,Produce,Produce"));
        QCOMPARE(storedValues(engine, QStringLiteral("acks")).size(), 3);
        QCOMPARE(producers.count(QStringLiteral("sent")), 3);
        QCOMPARE(producers.count(QStringLiteral("ack")), 0);
        QVERIFY(!changes.isEmpty());

        // Step releases the oldest: exactly one client sees exactly one acknowledgement.
        const HeldAnswer oldest = engine.pauseState().held.at(0);
        QVERIFY(oldest.releaseAtMs > oldest.heldSinceMs);
        const std::optional<WireExchange> stepped = engine.stepBroker();
        QVERIFY(stepped);
        QCOMPARE(*stepped, oldest.exchange);
        QCOMPARE(stepped->api, QStringLiteral("Produce"));
        QCOMPARE(stepped->produced.size(), 1);
        QCOMPARE(stepped->produced.at(0).records, 1);
        QTRY_COMPARE_WITH_TIMEOUT(producers.count(QStringLiteral("ack")), 1, 10000);
        const QString ackedBy = QStringLiteral("pause-p") + producers.results(QStringLiteral("ack")).at(0).at(0);
        QCOMPARE(ackedBy, stepped->clientId);
        QTest::qWait(300); // nothing else may arrive: the other two are still held
        QCOMPARE(producers.count(QStringLiteral("ack")), 1);
        QCOMPARE(engine.pauseState().held.size(), 2);
        QCOMPARE(engine.pauseState().stepped, 1);

        // Resume releases the rest; nothing lost, nothing twice.
        engine.resumeBroker();
        QTRY_COMPARE_WITH_TIMEOUT(producers.count(QStringLiteral("ack")), 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(producers.isFinished(), 20000);
        QVERIFY2(producers.exitCode() == 0 && producers.output().contains("DONE"), producers.output().constData());
        QCOMPARE(producers.count(QStringLiteral("error")), 0);
        QStringList values = storedValues(engine, QStringLiteral("acks"));
        values.sort();
        QCOMPARE(values, (QStringList {QStringLiteral("v0"), QStringLiteral("v1"), QStringLiteral("v2")}));
        const BrokerPauseState after = engine.pauseState();
        QVERIFY(!after.paused);
        QVERIFY(after.held.isEmpty());
        QCOMPARE(after.stepped, 1);
        QCOMPARE(after.autoReleased, 0);
        QCOMPARE(changes.last().at(0).value<BrokerPauseState>(), after);
    }

    void pausedGroupDoesNotRebalance()
    {
        if (!m_confluent)
            QSKIP("confluent-kafka is not installed");
        QStringList transitions; // these two outlive the engine that tells them
        int emptyFetches = 0;
        Engine engine(listeningEngine());
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        const QString topic = QStringLiteral("pgroup");
        const QString group = QStringLiteral("pause-group");
        QCOMPARE(engine.log().createTopic(topic, 1), ErrorCode::None);
        appendValues(engine, topic, {QStringLiteral("a0"), QStringLiteral("a1")});
        engine.events().subscribe([&](const Event &event) {
            if (const auto *changed = std::get_if<GroupStateChanged>(&event))
                transitions << changed->fromState + QStringLiteral("->") + changed->toState;
        });

        ClientProcess consumer;
        consumer.start(bootstrapOf(engine), {QStringLiteral("consume"), topic, group, QStringLiteral("4")});
        QTRY_COMPARE_WITH_TIMEOUT(consumer.count(QStringLiteral("record")), 2, 30000);
        const GroupDescription before = engine.groups().describeGroup(group);
        QCOMPARE(before.state, QStringLiteral("Stable"));
        QCOMPARE(before.members.size(), 1);
        transitions.clear();

        // Paused for 10 s, longer than the 6 s session timeout, with records arriving: the consumer's fetch answer
        // that carries them is held, its heartbeats pass.
        engine.kafkaServer()->apis().subscribeExchanges([&](const WireExchange &e) {
            if (e.api == QLatin1String("Fetch") && e.fetched.isEmpty())
                ++emptyFetches;
        });
        engine.pauseBroker();
        const qint64 brokerNow = engine.broker().clock().nowMs();
        QElapsedTimer paused;
        paused.start();
        // Long polls still end after their max_wait_ms (the wire's clock runs): empty answers pass.
        emptyFetches = 0;
        QTRY_VERIFY_WITH_TIMEOUT(emptyFetches >= 2, 5000);
        appendValues(engine, topic, {QStringLiteral("b0"), QStringLiteral("b1")});
        QTRY_COMPARE_WITH_TIMEOUT(heldApis(engine.pauseState()), QStringLiteral("Fetch"), 10000);
        QTest::qWait(int(qMax<qint64>(0, 10000 - paused.elapsed()))); // the pause itself is what is tested
        QCOMPARE(consumer.count(QStringLiteral("record")), 2);
        QCOMPARE(engine.broker().clock().nowMs(), brokerNow);
        QCOMPARE(transitions, QStringList());
        const GroupDescription during = engine.groups().describeGroup(group);
        QCOMPARE(during.state, QStringLiteral("Stable"));
        QCOMPARE(during.generationId, before.generationId);

        engine.resumeBroker();
        QVERIFY(engine.pauseState().brokerLagMs >= 10000);
        QTRY_COMPARE_WITH_TIMEOUT(consumer.count(QStringLiteral("caughtup")), 1, 15000);
        QStringList values;
        for (const QStringList &r : consumer.results(QStringLiteral("record")))
            values << r.at(0);
        QCOMPARE(values,
            (QStringList {QStringLiteral("a0"), QStringLiteral("a1"), QStringLiteral("b0"), QStringLiteral("b1")}));
        const GroupDescription after = engine.groups().describeGroup(group);
        QCOMPARE(after.state, QStringLiteral("Stable"));
        QCOMPARE(after.generationId, before.generationId);
        QCOMPARE(after.members.size(), 1);
        QCOMPARE(after.members.at(0).memberId, before.members.at(0).memberId);
        QCOMPARE(transitions, QStringList());
        QCOMPARE(consumer.count(QStringLiteral("error")), 0);

        consumer.writeLine("close");
        QTRY_VERIFY_WITH_TIMEOUT(consumer.isFinished(), 20000);
        QVERIFY2(consumer.exitCode() == 0 && consumer.output().contains("DONE"), consumer.output().constData());
    }

    // Paused in the middle of a real rebalance (a second consumer joins): the JoinGroup answers are held, nobody's
    // session ends while the trainer waits past the session timeout, Step hands out one answer, and after Resume the
    // group completes the very rebalance it was in: one new generation, both members, no rebalance caused by the
    // pause.
    void pausedInTheMiddleOfARebalance()
    {
        if (!m_confluent)
            QSKIP("confluent-kafka is not installed");
        QStringList transitions;
        Engine engine(listeningEngine());
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        const QString topic = QStringLiteral("prebalance");
        const QString group = QStringLiteral("pause-rebalance");
        QCOMPARE(engine.log().createTopic(topic, 2), ErrorCode::None);
        appendValues(engine, topic, {QStringLiteral("a0"), QStringLiteral("a1")});
        engine.events().subscribe([&](const Event &event) {
            if (const auto *changed = std::get_if<GroupStateChanged>(&event))
                transitions << changed->fromState + QStringLiteral("->") + changed->toState;
        });
        ClientProcess first;
        first.start(bootstrapOf(engine), {QStringLiteral("consume"), topic, group, QStringLiteral("2")});
        QTRY_COMPARE_WITH_TIMEOUT(first.count(QStringLiteral("caughtup")), 1, 30000);
        const GroupDescription before = engine.groups().describeGroup(group);
        QCOMPARE(before.state, QStringLiteral("Stable"));
        QCOMPARE(before.members.size(), 1);
        transitions.clear();

        ClientProcess second;
        second.start(bootstrapOf(engine), {QStringLiteral("consume"), topic, group, QStringLiteral("0")});
        QTRY_VERIFY_WITH_TIMEOUT(transitions.contains(QStringLiteral("Stable->PreparingRebalance")), 30000);
        engine.pauseBroker();
        // The first member learns of the rebalance from a heartbeat (heartbeats pass) and rejoins; the join completes
        // in the broker, and both JoinGroup answers wait in the gate.
        QTRY_COMPARE_WITH_TIMEOUT(heldApis(engine.pauseState()), QStringLiteral("JoinGroup,JoinGroup"), 15000);
        QCOMPARE(engine.groups().describeGroup(group).state, QStringLiteral("CompletingRebalance"));
        QTest::qWait(7000); // the point: longer than the members' 6 s session timeout
        const GroupDescription during = engine.groups().describeGroup(group);
        QCOMPARE(during.state, QStringLiteral("CompletingRebalance"));
        QCOMPARE(during.members.size(), 2);
        QCOMPARE(during.generationId, before.generationId + 1);

        const std::optional<WireExchange> stepped = engine.stepBroker();
        QVERIFY(stepped);
        QCOMPARE(stepped->api, QStringLiteral("JoinGroup"));
        QCOMPARE(engine.pauseState().held.size(), 1);
        engine.resumeBroker();
        QTRY_COMPARE_WITH_TIMEOUT(engine.groups().describeGroup(group).state, QStringLiteral("Stable"), 20000);
        const GroupDescription after = engine.groups().describeGroup(group);
        QCOMPARE(after.generationId, before.generationId + 1);
        QCOMPARE(after.members.size(), 2);
        QCOMPARE(transitions,
            (QStringList {QStringLiteral("Stable->PreparingRebalance"),
                QStringLiteral("PreparingRebalance->CompletingRebalance"),
                QStringLiteral("CompletingRebalance->Stable")}));
        QCOMPARE(first.count(QStringLiteral("error")), 0);
        QCOMPARE(second.count(QStringLiteral("error")), 0);

        first.writeLine("close");
        second.writeLine("close");
        QTRY_VERIFY_WITH_TIMEOUT(first.isFinished() && second.isFinished(), 30000);
        QVERIFY2(first.exitCode() == 0 && first.output().contains("DONE"), first.output().constData());
        QVERIFY2(second.exitCode() == 0 && second.output().contains("DONE"), second.output().constData());
    }

    void heldProduceIsReleasedBeforeTheClientTimesOut_data()
    {
        QTest::addColumn<int>("maxAnswerHoldMs");
        QTest::addColumn<int>("requestTimeoutMs");
        QTest::addColumn<qint64>("expectedHoldMs");
        QTest::addRow("the cap") << 1500 << 30000 << qint64(1500);
        QTest::addRow("the produce request's own timeout") << 20000 << 3000 << qint64(3000 - 600);
    }

    void heldProduceIsReleasedBeforeTheClientTimesOut()
    {
        if (!m_kafkaPython)
            QSKIP("kafka-python is not installed");
        QFETCH(int, maxAnswerHoldMs);
        QFETCH(int, requestTimeoutMs);
        QFETCH(qint64, expectedHoldMs);
        Engine engine(listeningEngine(maxAnswerHoldMs));
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        QCOMPARE(engine.log().createTopic(QStringLiteral("auto"), 1), ErrorCode::None);
        engine.pauseBroker();

        ClientProcess producer;
        producer.start(bootstrapOf(engine),
            {QStringLiteral("produce"), QStringLiteral("auto"), QStringLiteral("1"),
                QString::number(requestTimeoutMs)});
        QTRY_COMPARE_WITH_TIMEOUT(engine.pauseState().held.size(), 1, 20000);
        const HeldAnswer held = engine.pauseState().held.at(0);
        QCOMPARE(held.exchange.timeoutMs, requestTimeoutMs);
        QCOMPARE(held.releaseAtMs - held.exchange.receivedMs, expectedHoldMs);

        QTRY_COMPARE_WITH_TIMEOUT(engine.pauseState().autoReleased, 1, int(expectedHoldMs) + 5000);
        QTRY_VERIFY_WITH_TIMEOUT(producer.isFinished(), 20000);
        QVERIFY2(producer.exitCode() == 0 && producer.output().contains("DONE"), producer.output().constData());
        QCOMPARE(producer.count(QStringLiteral("ack")), 1);
        QCOMPARE(producer.count(QStringLiteral("error")), 0);
        QCOMPARE(storedValues(engine, QStringLiteral("auto")), QStringList {QStringLiteral("v0")}); // no retry
        QVERIFY(engine.pauseState().paused);
        engine.resumeBroker();
    }

    void shutdownWhilePausedWithHeldAnswers()
    {
        if (!m_kafkaPython)
            QSKIP("kafka-python is not installed");
        auto engine = std::make_unique<Engine>(listeningEngine());
        QString error;
        QVERIFY2(engine->start(&error), qPrintable(error));
        QCOMPARE(engine->log().createTopic(QStringLiteral("bye"), 1), ErrorCode::None);
        engine->pauseBroker();
        ClientProcess producer;
        producer.start(bootstrapOf(*engine),
            {QStringLiteral("produce"), QStringLiteral("bye"), QStringLiteral("1"), QStringLiteral("30000")});
        QTRY_COMPARE_WITH_TIMEOUT(engine->pauseState().held.size(), 1, 20000);
        QSignalSpy changes(engine.get(), &Engine::pauseStateChanged);
        engine.reset(); // no crash, no write to a dead connection, no signal from a dying engine
        QCOMPARE(changes.count(), 0);
    }

private:
    bool m_kafkaPython = false;
    bool m_confluent = false;
    std::unique_ptr<WireRequestRecorder> m_requests; // the API versions the clients picked, printed at the end
};

QTEST_GUILESS_MAIN(TestBrokerPause)
#include "tst_brokerpause.moc"
