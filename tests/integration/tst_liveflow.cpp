// The live flow on real clients: the embedded engine with its listener in this process, a LiveFlow recording it,
// and the tutorial's kafka-python snippets (and confluent-kafka groups) run against it as separate processes
// (tests/integration/live_clients.py). Checks what the flow view would show: clients by client.id, keyed records'
// journeys with murmur2, group rebalances with their causes, ownership gaps of eager against cooperative groups; and
// that the session saved to a file replays without a broker with the same report, time travel and journeys.
#include "client/murmur2.h"
#include "clientversions.h"
#include "interopbroker.h"
#include "live/liveprojector.h"
#include "live/liverecorder.h"
#include "live/liverecordingfile.h"
#include "runtime/engine.h"
#include "runtime/kafkaserver.h"
#include "runtime/liveflow.h"
#include "runtime/recordingreplay.h"

#include <QTemporaryDir>
#include <QTest>

using namespace topicscope;
using namespace topicscope::engine;
using namespace topicscope::interoptest;

class TestLiveFlow : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<LiveFlow> m_live;
    std::unique_ptr<WireRequestRecorder> m_requests; // the API versions the clients picked, printed at the end
    QString m_script = QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/integration/live_clients.py");

    QString bootstrap() const { return QStringLiteral("127.0.0.1:%1").arg(m_engine->kafkaServer()->port()); }

    // Runs a scenario of the script while this thread's event loop serves the broker.
    ProgramRun runScenario(const QString &scenario)
    {
        const ProgramRun run = runProgram(systemPython(), {m_script, bootstrap(), scenario}, {}, 90000, true);
        if (run.exitCode != 0 || !run.output.contains("DONE"))
            qWarning().noquote() << "scenario" << scenario << "failed:\n" << run.output;
        return run;
    }

    QList<ScenarioRebalance> rebalancesOf(const FlowSnapshot &s, const QString &group) const
    {
        QList<ScenarioRebalance> out;
        for (const ScenarioRebalance &r : s.rebalances) {
            if (r.group == group)
                out << r;
        }
        return out;
    }

    static QString assignmentText(const QMap<QString, QList<TopicPartition>> &assignment)
    {
        QStringList parts;
        for (auto it = assignment.cbegin(); it != assignment.cend(); ++it) {
            if (!it.value().isEmpty()) // a member given nothing owns nothing
                parts << it.key() + QLatin1Char('=') + ScenarioRebalance::names(it.value()).join(QLatin1Char(','));
        }
        return parts.join(QLatin1Char(' '));
    }

    static QString ownersText(const FlowSnapshot &s, const QString &group)
    {
        QMap<QString, QList<TopicPartition>> owners;
        for (const FlowGroup &g : s.groups) {
            if (g.id == group) {
                for (auto it = g.owners.cbegin(); it != g.owners.cend(); ++it)
                    owners[it.value()] << it.key();
            }
        }
        return assignmentText(owners);
    }

    // Record -> save -> replay: the live flow's recording saved to a file, loaded and replayed without a broker
    // (RecordingReplay) gives the report the live flow gives, the same rows, ownership gaps and journeys (of the
    // record at tp, offset; none when offset < 0), and time travel to each generation shows its assignment as the
    // live flow's own picture does.
    void checkSaveAndReplay(const QString &group, const TopicPartition &tp, qint64 offset)
    {
        // The broker's clock stands still meanwhile: the report and the file describe the same moment.
        m_live->pauseBroker();
        const QString report = m_live->report();
        const FlowSnapshot now = m_live->snapshot();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("session.json"));
        QString error;
        const bool saved = m_live->saveRecording(path, &error);
        m_live->resumeBroker();
        QVERIFY2(saved, qPrintable(error));
        std::optional<LiveRecordingFile> file = LiveRecordingFile::load(path, &error);
        QVERIFY2(file, qPrintable(error));
        QCOMPARE(file->report(), report);
        QVERIFY2(report.contains(QStringLiteral(" group %1 generation 1 [").arg(group)), qPrintable(report));

        RecordingReplay replay;
        QList<FlowSnapshot> shown;
        ScenarioPlayerState state;
        replay.setSinks(
            {[&shown](const FlowSnapshot &s) { shown << s; }, [&state](const ScenarioPlayerState &s) { state = s; }});
        replay.load(std::move(*file), path, 42);
        QVERIFY(state.loaded && state.replay && !state.live);
        QCOMPARE(state.source, path);
        QCOMPARE(shown.size(), 1);
        // The final picture: the live flow's rows and gaps.
        QCOMPARE(shown.last().rebalances.size(), now.rebalances.size());
        for (qsizetype i = 0; i < now.rebalances.size(); ++i) {
            QCOMPARE(shown.last().rebalances.at(i).cause, now.rebalances.at(i).cause);
            QCOMPARE(assignmentText(shown.last().rebalances.at(i).assignment),
                assignmentText(now.rebalances.at(i).assignment));
        }
        QVERIFY(shown.last().gaps == now.gaps);
        // Time travel: each generation's picture, as the live flow keeps it.
        int generations = 0;
        for (int i = 0; i < now.rebalances.size(); ++i) {
            const std::optional<FlowSnapshot> then = replay.historyAt(i);
            const std::optional<FlowSnapshot> live = m_live->historyAt(i);
            QVERIFY(then && live);
            QCOMPARE(then->rebalances.constLast().generation, now.rebalances.at(i).generation);
            QCOMPARE(ownersText(*then, group), ownersText(*live, group));
            if (now.rebalances.at(i).group == group) {
                ++generations;
                QCOMPARE(ownersText(*then, group), assignmentText(now.rebalances.at(i).assignment));
            }
        }
        QVERIFY(generations >= 3);
        // Step walks the pictures in order, then the end.
        for (int i = 0; i < replay.pictureCount(); ++i) {
            replay.step();
            QCOMPARE(replay.position(), i);
            QCOMPARE(shown.last().rebalances.constLast().generation, now.rebalances.at(i).generation);
        }
        replay.step();
        QCOMPARE(replay.position(), replay.pictureCount());
        QCOMPARE(shown.last().rebalances.size(), now.rebalances.size());
        // Journeys from the file; what it does not hold is said so.
        QVERIFY(replay.journey(tp, 100'000).error.contains(QStringLiteral("not in this recording")));
        if (offset < 0)
            return;
        const RecordJourney stored = replay.journey(tp, offset);
        const RecordJourney live = m_live->journey(tp, offset);
        QVERIFY2(stored.found, qPrintable(stored.error));
        QCOMPARE(stored.keyText, live.keyText);
        QCOMPARE(stored.producer, live.producer);
        QCOMPARE(stored.partitionDecision, live.partitionDecision);
        QCOMPARE(stored.steps.size(), live.steps.size());
        for (qsizetype i = 0; i < live.steps.size(); ++i)
            QCOMPARE(stored.steps.at(i).what, live.steps.at(i).what);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(reportConfluentLibrdkafka(&why), qPrintable(why));
        m_requests = std::make_unique<WireRequestRecorder>();
    }

    void cleanupTestCase() { m_requests.reset(); }

    void init()
    {
        EngineOptions options;
        options.storage.inMemory = true;
        options.groups.initialRebalanceDelayMs = 100;
        KafkaServerOptions listener;
        listener.listenPort = 0;
        options.listener = listener;
        options.listenerRequired = true;
        m_engine = std::make_unique<Engine>(options);
        QString error;
        QVERIFY2(m_engine->start(&error), qPrintable(error));
        QVERIFY(m_engine->kafkaServer());
        m_live = std::make_unique<LiveFlow>(*m_engine);
    }

    void cleanup()
    {
        m_live.reset();
        m_engine.reset();
    }

    void tutorialSnippetsByClientId()
    {
        if (!pythonHasModule(QStringLiteral("kafka")))
            QSKIP("kafka-python is not installed for /usr/bin/python3 (Debian package python3-kafka)");
        const ProgramRun run = runScenario(QStringLiteral("tutorial"));
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.tagged(QStringLiteral("c1-consumed")), QList<QStringList> {{QStringLiteral("10")}});
        QCOMPARE(run.tagged(QStringLiteral("alone")), QList<QStringList> {{QStringLiteral("3")}});

        const FlowSnapshot s = m_live->snapshot();
        QVERIFY(s.live);
        // Producers by client.id and address.
        QStringList producers;
        for (const FlowProducer &p : s.producers)
            producers << p.id;
        QVERIFY2(
            producers.filter(QRegularExpression(QStringLiteral("^keyed-producer \\(127\\.0\\.0\\.1:\\d+\\)$"))).size()
                == 1,
            qPrintable(producers.join(QLatin1Char('|'))));
        QVERIFY(!producers.filter(QStringLiteral("keyless-producer (127.0.0.1:")).isEmpty());
        QCOMPARE(s.produced, 10);
        // Group members by client.id; consumer-1 fetched all ten records once.
        QMap<QString, FlowConsumer> members;
        for (const FlowConsumer &c : s.consumers) {
            if (c.group == QLatin1String("consumer-group-1"))
                members.insert(c.id.section(QStringLiteral("·"), 0, 0), c);
        }
        QVERIFY2(members.contains(QStringLiteral("consumer-1")),
            qPrintable(QStringList(members.keys()).join(QLatin1Char(','))));
        QVERIFY(members.contains(QStringLiteral("consumer-2")));
        QVERIFY(members.value(QStringLiteral("consumer-1")).memberId.startsWith(QStringLiteral("consumer-1-")));
        QCOMPARE(members.value(QStringLiteral("consumer-1")).processed, 10);
        QCOMPARE(s.duplicates, 0); // consumer-1 committed before consumer-2 joined: nothing fetched twice

        // Rebalances of the group with the coordinator's causes: consumer-1 joins, consumer-2 joins, consumer-2 leaves.
        const QList<ScenarioRebalance> rebalances = rebalancesOf(s, QStringLiteral("consumer-group-1"));
        QStringList causes;
        for (const ScenarioRebalance &r : rebalances)
            causes << r.cause.section(QLatin1Char(':'), 0, 0);
        QVERIFY2(causes.size() >= 3, qPrintable(causes.join(QLatin1Char('|'))));
        QCOMPARE(causes.first(), QStringLiteral("join"));
        QVERIFY2(causes.contains(QStringLiteral("leave")), qPrintable(causes.join(QLatin1Char('|'))));
        QVERIFY(rebalances.constLast().cause.contains(QStringLiteral("consumer-2·")));
        QCOMPARE(rebalances.constLast().assignment.size(), 1); // consumer-1 alone, with all three partitions
        QCOMPARE(rebalances.constLast().assignment.first().size(), 3);
        // Time travel: the picture of the two-member generation shows both owning partitions.
        bool sawSplit = false;
        for (int i = 0; i < s.rebalances.size(); ++i) {
            const std::optional<FlowSnapshot> then = m_live->historyAt(i);
            QVERIFY(then);
            for (const FlowGroup &g : then->groups) {
                if (g.id == QLatin1String("consumer-group-1") && QSet(g.owners.cbegin(), g.owners.cend()).size() == 2)
                    sawSplit = true;
            }
        }
        QVERIFY(sawSplit);

        // The keyed record's journey: its producer, murmur2 agreeing with its partition, who fetched it, the commit.
        const QStringList first = run.tagged(QStringLiteral("keyed")).first();
        const TopicPartition tp {QStringLiteral("tutorial"), first.at(1).toInt()};
        QCOMPARE(tp.partition, Murmur2::partitionFor(QByteArrayLiteral("user-0"), 3));
        const RecordJourney j = m_live->journey(tp, first.at(2).toLongLong());
        QVERIFY2(j.found, qPrintable(j.error));
        QCOMPARE(j.keyText, QStringLiteral("user-0"));
        QVERIFY(j.producer.startsWith(QStringLiteral("keyed-producer (")));
        QVERIFY2(j.partitionDecision.contains(QStringLiteral("as Kafka's default partitioner picks")),
            qPrintable(j.partitionDecision));
        QStringList steps;
        for (const RecordJourney::Step &step : j.steps)
            steps << step.what;
        const QString all = steps.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("produced by keyed-producer")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("fetched by consumer-1·")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("committed by group consumer-group-1")), qPrintable(all));
        // A partition the client chose against murmur2 is named as such.
        QVERIFY(LiveProjector::partitionCheck(QByteArrayLiteral("user-0"), {tp.topic, (tp.partition + 1) % 3}, 3)
                    .contains(QStringLiteral("did not use Kafka's default")));

        checkSaveAndReplay(QStringLiteral("consumer-group-1"), tp, first.at(2).toLongLong());
    }

    // confluent-kafka (librdkafka) members under the eager range assignor: three join, one leaves (LeaveGroup), one is
    // SIGKILLed (the session timeout removes it). Each rebalance stops the world: every partition is owned by nobody
    // while the group rebalances, also those that stay where they were.
    void eagerRangeGroupStopsTheWorld()
    {
        if (!pythonHasModule(QStringLiteral("confluent_kafka")))
            QSKIP("confluent-kafka is not installed for /usr/bin/python3 (Debian package python3-confluent-kafka)");
        const ProgramRun run = runScenario(QStringLiteral("confluent-range"));
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        const FlowSnapshot s = m_live->snapshot();
        const QList<ScenarioRebalance> rebalances = rebalancesOf(s, QStringLiteral("live-range"));
        QStringList causes;
        for (const ScenarioRebalance &r : rebalances)
            causes << r.cause.section(QLatin1Char(':'), 0, 0);
        const QString said = causes.join(QLatin1Char('|'));
        QVERIFY2(causes.contains(QStringLiteral("join")), qPrintable(said));
        QVERIFY2(causes.contains(QStringLiteral("leave")), qPrintable(said));
        QVERIFY2(causes.contains(QStringLiteral("session timeout")), qPrintable(said));
        const ScenarioRebalance leave = rebalances.at(causes.indexOf(QStringLiteral("leave")));
        QCOMPARE(leave.assignor, QStringLiteral("range"));
        QCOMPARE(leave.assignment.size(), 2);
        QVERIFY(leave.assignment.firstKey().startsWith(QStringLiteral("range-")));
        const ScenarioRebalance expiry = rebalances.at(causes.indexOf(QStringLiteral("session timeout")));
        QCOMPARE(expiry.assignment.size(), 1);
        QVERIFY(expiry.assignment.firstKey().startsWith(QStringLiteral("range-a·")));
        QCOMPARE(expiry.assignment.first().size(), 6);
        // Stop the world: during the leave rebalance all six partitions were owned by nobody.
        QSet<int> stopped;
        for (const OwnershipGap &g : s.gaps) {
            if (g.group == QLatin1String("live-range") && !g.trailing && g.fromMs <= leave.timeMs
                && g.toMs >= leave.timeMs)
                stopped.insert(g.topicPartition.partition);
        }
        QCOMPARE(stopped.size(), 6);
        // The replay shows the same stop-the-world.
        checkSaveAndReplay(QStringLiteral("live-range"), {QStringLiteral("live-range"), 0}, -1); // no records there
    }

    // A long session: 1,005 rebalances (published as the coordinator would, for a group without wire members). The
    // snapshots keep the newest 1,000 rows, time travel the newest 500 pictures, and a row's index finds its own
    // picture, live and in the saved file.
    void longSessionsKeepTheNewestRebalances()
    {
        const int total = int(LiveRecorder::MaxRebalances) + 5;
        for (int generation = 1; generation <= total; ++generation) {
            RebalanceCompleted r;
            r.groupId = QStringLiteral("long-session");
            r.generationId = generation;
            r.protocolType = QStringLiteral("consumer");
            r.protocolName = QStringLiteral("range");
            m_engine->events().publish(r);
        }
        const FlowSnapshot s = m_live->snapshot();
        QCOMPARE(s.rebalances.size(), LiveRecorder::MaxRebalances);
        QCOMPARE(s.rebalances.first().generation, 6);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("long.json"));
        QString error;
        QVERIFY2(m_live->saveRecording(path, &error), qPrintable(error));
        const std::optional<LiveRecordingFile> file = LiveRecordingFile::load(path, &error);
        QVERIFY2(file, qPrintable(error));
        QCOMPARE(file->rebalances.dropped, 5);
        QCOMPARE(file->history.pictures.size(), ScenarioHistoryLimit);
        QVERIFY(!m_live->historyAt(int(LiveRecorder::MaxRebalances) - ScenarioHistoryLimit - 1));
        QVERIFY(!file->historyAt(int(LiveRecorder::MaxRebalances) - ScenarioHistoryLimit - 1));
        for (const int row : {int(LiveRecorder::MaxRebalances) - ScenarioHistoryLimit, 750, 999}) {
            const std::optional<FlowSnapshot> live = m_live->historyAt(row);
            const std::optional<FlowSnapshot> saved = file->historyAt(row);
            QVERIFY(live && saved);
            QCOMPARE(live->rebalances.constLast().generation, s.rebalances.at(row).generation);
            QCOMPARE(saved->rebalances.constLast().generation, s.rebalances.at(row).generation);
        }
        QVERIFY(!m_live->historyAt(int(LiveRecorder::MaxRebalances)));
    }

    // cooperative-sticky members, 2 -> 3: only the partitions that move to the new member pause (revoked in one
    // rebalance, assigned in the next); the others stay owned throughout.
    void cooperativeGroupHandsOffOnlyWhatMoves()
    {
        if (!pythonHasModule(QStringLiteral("confluent_kafka")))
            QSKIP("confluent-kafka is not installed for /usr/bin/python3 (Debian package python3-confluent-kafka)");
        const ProgramRun run = runScenario(QStringLiteral("confluent-cooperative"));
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        const FlowSnapshot s = m_live->snapshot();
        const QString group = QStringLiteral("live-cooperative-sticky");
        const QList<ScenarioRebalance> rebalances = rebalancesOf(s, group);
        // The first generation in which the third member owns partitions.
        qsizetype third = -1;
        for (qsizetype i = 0; i < rebalances.size() && third < 0; ++i) {
            for (auto it = rebalances[i].assignment.cbegin(); it != rebalances[i].assignment.cend(); ++it) {
                if (it.key().startsWith(QStringLiteral("coop-c·")) && !it.value().isEmpty())
                    third = i;
            }
        }
        QVERIFY2(third >= 1, "coop-c never got partitions");
        const ScenarioRebalance &handOff = rebalances.at(third);
        QCOMPARE(handOff.assignor, QStringLiteral("cooperative-sticky"));
        QList<TopicPartition> moved;
        for (auto it = handOff.assignment.cbegin(); it != handOff.assignment.cend(); ++it) {
            if (it.key().startsWith(QStringLiteral("coop-c·")))
                moved = it.value();
        }
        QCOMPARE(moved.size(), 2); // six partitions over three members
        // The rebalance before it (coop-c's join) revoked exactly those from their owners; nothing else paused.
        const ScenarioRebalance &revoke = rebalances.at(third - 1);
        qsizetype owned = 0;
        for (const QList<TopicPartition> &parts : revoke.assignment)
            owned += parts.size();
        QCOMPARE(owned, 4);
        QSet<TopicPartition> paused;
        for (const OwnershipGap &g : s.gaps) {
            if (g.group == group && !g.trailing && g.toMs >= revoke.timeMs - revoke.durationMs
                && g.fromMs <= handOff.timeMs)
                paused.insert(g.topicPartition);
        }
        QCOMPARE(paused, QSet<TopicPartition>(moved.cbegin(), moved.cend()));
    }
};

QTEST_GUILESS_MAIN(TestLiveFlow)
#include "tst_liveflow.moc"
