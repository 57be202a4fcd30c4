#include "assignornames.h"
#include "group/assignor.h"
#include "scenariotesthelpers.h"
#include "sim/ownershipgaps.h"
#include "sim/scenario.h"
#include "sim/scenariorunner.h"

#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace topicscope::engine;

// The workshop scenarios (engine/sim): every built-in scenario plays to the end on virtual time with the
// outcomes its file asserts, plus the outcomes the workshop is about checked here independently of the files;
// strict validation of malformed files; determinism of the timeline.
class TestScenarios : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void builtInsAreEmbedded();
    void builtInRunsToEnd_data();
    void builtInRunsToEnd();
    void builtInIsDeterministic_data();
    void builtInIsDeterministic();
    void duplicatesAfterCrash_data();
    void duplicatesAfterCrash();
    void commitModesOnCrashMidBatch_data();
    void commitModesOnCrashMidBatch();
    void rebalanceTimeline();
    void offsetResetStartOffsets_data();
    void offsetResetStartOffsets();
    void deserializationFailureIsSkipped();
    void keyDecidesPartition();
    void validationErrors_data();
    void validationErrors();
    void validationErrorNamesLine_data();
    void validationErrorNamesLine();
    void stepsAndPauses();
    void groupActions();
    void failingExpectationIsReported();
    void runFile();
    void assignorNamesAgree();
    void ownershipGapRules();
    void consumerProtocolMembersReconcileWhileProcessing();
};

namespace {

using testing::builtIn;

Scenario load(const QString &path)
{
    return testing::loadScenario(path);
}

QString rebalanceText(const ScenarioRunner &runner)
{
    QString out;
    for (const ScenarioRebalance &r : runner.rebalances()) {
        QStringList parts;
        for (auto it = r.assignment.cbegin(); it != r.assignment.cend(); ++it)
            parts << it.key() + QStringLiteral("=[") + ScenarioRebalance::names(it.value()).join(QLatin1Char(','))
                    + QLatin1Char(']');
        out += QStringLiteral("gen %1 %2: %3 moved [%4]\n")
                   .arg(r.generation)
                   .arg(r.assignor, parts.join(QLatin1Char(' ')),
                       ScenarioRebalance::names(r.partitionsMoved).join(QLatin1Char(',')));
    }
    return out;
}

// A valid scenario with one field replaced: the base for the validation cases.
const char *const Minimal = R"({
  "format": "topicscope-scenario", "version": 1, "title": "t",
  "topics": [ { "name": "orders", "partitions": 2 } ],
  "clients": [
    { "type": "producer", "id": "p" },
    { "type": "consumer", "id": "c", "group": "g", "topics": ["orders"] }
  ],
  "steps": [ { "at": 0, "action": "startConsumer", "consumer": "c" } ],
  "expect": [ { "check": "duplicates", "equals": 0 } ]
})";

} // namespace

void TestScenarios::initTestCase()
{
    // The runner logs every timeline event at debug level; the reports printed on failure say the same.
    QLoggingCategory::setFilterRules(QStringLiteral("topicscope.engine.*.debug=false\ntopicscope.engine.*.info=false"));
}

void TestScenarios::builtInsAreEmbedded()
{
    const QStringList files = Scenario::builtInFiles();
    QVERIFY2(files.size() >= 8, qPrintable(files.join(QLatin1Char(' '))));
    for (const QString &file : files) {
        QString error;
        const std::optional<Scenario> s = Scenario::load(file, &error);
        QVERIFY2(s, qPrintable(error));
        QVERIFY(!s->title.isEmpty());
        QVERIFY2(!s->description.isEmpty(), qPrintable(file));
        QVERIFY2(!s->expectations.isEmpty(), qPrintable(file));
        QVERIFY2(std::any_of(s->steps.cbegin(), s->steps.cend(),
                     [](const ScenarioStep &st) { return st.action == ScenarioAction::Pause; }),
            qPrintable(file + QStringLiteral(" asks the audience nothing")));
    }
}

void TestScenarios::builtInRunsToEnd_data()
{
    testing::addBuiltInRows();
}

void TestScenarios::builtInRunsToEnd()
{
    QFETCH(QString, file);
    ScenarioRunner runner(load(file));
    QString error;
    QVERIFY2(runner.start(&error), qPrintable(error));
    const bool passed = runner.runToEnd();
    // QTest shortens long failure messages: SCENARIO_REPORT_DIR=/some/dir keeps each full report to read.
    if (const QString dir = qEnvironmentVariable("SCENARIO_REPORT_DIR"); !dir.isEmpty()) {
        QFile out(dir + QLatin1Char('/') + file.section(QLatin1Char('/'), -1) + QStringLiteral(".txt"));
        if (out.open(QIODevice::WriteOnly))
            out.write(runner.report().toUtf8());
    }
    QVERIFY(runner.isFinished());
    QCOMPARE(runner.elapsedMs(), runner.endMs());
    QCOMPARE(runner.expectationResults().size(), runner.scenario().expectations.size());
    QVERIFY2(passed, qPrintable(runner.expectationsDump() + runner.report()));
    QVERIFY(!runner.step()); // finished stays finished
}

void TestScenarios::builtInIsDeterministic_data()
{
    builtInRunsToEnd_data();
}

void TestScenarios::builtInIsDeterministic()
{
    QFETCH(QString, file);
    ScenarioRunner first(load(file));
    first.runToEnd();
    ScenarioRunner second(load(file));
    second.runToEnd();
    QVERIFY(first.timeline().size() > 5);
    QCOMPARE(second.report(), first.report());
}

void TestScenarios::duplicatesAfterCrash_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("duplicates");
    QTest::addColumn<int>("lost");
    QTest::addRow("auto-commit: crash before the interval") << builtIn("06-autocommit-duplicates.json") << 10 << 0;
    QTest::addRow("commitSync after processing") << builtIn("07-manual-commit.json") << 0 << 0;
    // 8 invoices polled and committed at once, 500 ms each; the crash 2.2 s in leaves 4 printed.
    QTest::addRow("commitSync before processing") << builtIn("08-commit-before-processing-loss.json") << 0 << 4;
}

void TestScenarios::duplicatesAfterCrash()
{
    QFETCH(QString, file);
    QFETCH(int, duplicates);
    QFETCH(int, lost);
    ScenarioRunner runner(load(file));
    runner.runToEnd();
    QCOMPARE(runner.duplicates(), duplicates);
    QCOMPARE(runner.lost(), lost);
    // Each duplicate is flagged in the timeline next to the record it repeats.
    int flagged = 0;
    for (const ScenarioEvent &e : runner.timeline()) {
        if (e.kind == ScenarioEvent::Kind::Duplicate) {
            ++flagged;
            QVERIFY(e.offset >= 0);
            QVERIFY(!e.client.isEmpty());
        }
    }
    QCOMPARE(flagged, duplicates);
    if (duplicates > 0)
        QVERIFY(runner.timelineDump().contains(QStringLiteral("DUPLICATE: mailer-2 processed")));
}

void TestScenarios::commitModesOnCrashMidBatch_data()
{
    QTest::addColumn<QString>("commit");
    QTest::addColumn<int>("duplicates");
    QTest::addColumn<int>("lost");
    // w1 polls all 10 records of one partition at once, processes them 100 ms each and crashes after 4 (at 650
    // ms); w2 takes over after the session timeout from the committed offset.
    QTest::addRow("auto-commit: all 4 processed again") << QStringLiteral("auto") << 4 << 0;
    QTest::addRow("commit per poll: the batch was not finished, 4 again")
        << QStringLiteral("afterProcessing") << 4 << 0;
    QTest::addRow("commit per record: nothing again") << QStringLiteral("afterEachRecord") << 0 << 0;
    QTest::addRow("commit before processing: 6 lost") << QStringLiteral("beforeProcessing") << 0 << 6;
}

void TestScenarios::commitModesOnCrashMidBatch()
{
    QFETCH(QString, commit);
    QFETCH(int, duplicates);
    QFETCH(int, lost);
    const QByteArray json = QStringLiteral(R"({
      "format": "topicscope-scenario", "version": 1, "title": "commit modes",
      "settings": { "settleMs": 20000 },
      "topics": [ { "name": "jobs", "partitions": 1 } ],
      "clients": [
        { "type": "producer", "id": "p", "topic": "jobs" },
        { "type": "consumer", "id": "w1", "group": "g", "topics": ["jobs"], "autoOffsetReset": "earliest",
          "commit": "%1", "processingMs": 100 },
        { "type": "consumer", "id": "w2", "group": "g", "topics": ["jobs"], "autoOffsetReset": "earliest",
          "commit": "%1", "processingMs": 100 }
      ],
      "steps": [
        { "at": 0, "action": "produce", "producer": "p", "count": 10 },
        { "at": 10, "action": "startConsumer", "consumer": "w1" },
        { "at": 650, "action": "crashConsumer", "consumer": "w1" },
        { "at": 700, "action": "startConsumer", "consumer": "w2" }
      ]
    })")
                                .arg(commit)
                                .toUtf8();
    ScenarioRunner runner(testing::parseScenario(json));
    runner.runToEnd();
    QCOMPARE(runner.processed(QStringLiteral("g"), QStringLiteral("w1")), 4);
    QCOMPARE(runner.duplicates(QStringLiteral("g")), duplicates);
    QCOMPARE(runner.lost(QStringLiteral("g")), lost);
    // Whatever was not lost was processed, by one of the two.
    QCOMPARE(runner.processed(QStringLiteral("g")), 10 - lost + duplicates);
}

void TestScenarios::rebalanceTimeline()
{
    ScenarioRunner runner(load(builtIn("05-rebalance-join-leave.json")));
    QVERIFY(runner.runToEnd());
    QCOMPARE(rebalanceText(runner),
        QStringLiteral(
            "gen 1 range: risk-1=[trades-0,trades-1,trades-2,trades-3] moved [trades-0,trades-1,trades-2,trades-3]\n"
            "gen 2 range: risk-1=[trades-0,trades-1] risk-2=[trades-2,trades-3] moved [trades-2,trades-3]\n"
            "gen 3 range: risk-1=[trades-0,trades-1] risk-2=[trades-2] risk-3=[trades-3] moved [trades-3]\n"
            "gen 4 range: risk-1=[trades-0,trades-1] risk-3=[trades-2,trades-3] moved [trades-2]\n"));
    // Each rebalance names its cause, taken from the coordinator's reason for PreparingRebalance.
    for (const ScenarioRebalance &r : runner.rebalances())
        QVERIFY2(!r.cause.isEmpty(), qPrintable(QString::number(r.generation)));
    QVERIFY2(runner.rebalances().at(3).cause.contains(QStringLiteral("left the group")),
        qPrintable(runner.rebalances().at(3).cause));
}

void TestScenarios::offsetResetStartOffsets_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("consumer");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<qint64>("startOffset");
    QTest::addRow("new group, earliest") << builtIn("09-offset-reset-new-group.json") << "archive"
                                         << "news" << 0LL;
    QTest::addRow("new group, latest") << builtIn("09-offset-reset-new-group.json") << "ticker"
                                       << "news" << 5LL;
    QTest::addRow("after retention, earliest") << builtIn("10-offset-reset-after-retention.json") << "compliance"
                                               << "audit" << 8LL;
    QTest::addRow("after retention, latest") << builtIn("10-offset-reset-after-retention.json") << "alerts"
                                             << "audit" << 10LL;
}

void TestScenarios::offsetResetStartOffsets()
{
    QFETCH(QString, file);
    QFETCH(QString, consumer);
    QFETCH(QString, topic);
    QFETCH(qint64, startOffset);
    ScenarioRunner runner(load(file));
    runner.runToEnd();
    QCOMPARE(runner.startOffset(consumer, {topic, 0}), std::optional<qint64>(startOffset));
}

void TestScenarios::deserializationFailureIsSkipped()
{
    ScenarioRunner runner(load(builtIn("03-serialization-failure.json")));
    QVERIFY(runner.runToEnd());
    QCOMPARE(runner.deserializationFailures(QStringLiteral("ledger")), 1);
    QCOMPARE(runner.processed(QStringLiteral("ledger")), 2);
    const QString dump = runner.timelineDump();
    QVERIFY2(dump.contains(QStringLiteral("deserialization-failed: ledger cannot deserialize payments-0 offset 1")),
        qPrintable(dump));
    QVERIFY2(dump.contains(QStringLiteral("produce-failed: legacy could not send")), qPrintable(dump));
}

void TestScenarios::keyDecidesPartition()
{
    ScenarioRunner runner(load(builtIn("01-key-partitioning.json")));
    runner.runToEnd();
    // Every produced record carries the partitioner's explanation.
    int produced = 0;
    for (const ScenarioEvent &e : runner.timeline()) {
        if (e.kind != ScenarioEvent::Kind::Produced)
            continue;
        ++produced;
        QVERIFY2(e.text.contains(QStringLiteral("murmur2")), qPrintable(e.text));
    }
    QCOMPARE(produced, 12);
}

void TestScenarios::validationErrors_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("error");
    const QString none;
    QTest::addRow("syntax error has line and column") << "\"title\": \"t\","
                                                      << "\"title\": \"t\",,"
                                                      << "line 2, column";
    QTest::addRow("wrong format") << "topicscope-scenario"
                                  << "kafka-scenario"
                                  << "format: must be \"topicscope-scenario\"";
    QTest::addRow("newer version") << "\"version\": 1"
                                   << "\"version\": 2"
                                   << "version: version 2 is not supported";
    QTest::addRow("missing title") << "\"title\": \"t\","
                                   << ""
                                   << "title: missing";
    QTest::addRow("unknown top-level field") << "\"title\": \"t\","
                                             << "\"title\": \"t\", \"stpes\": [],"
                                             << "stpes: unknown field";
    QTest::addRow("no topics") << "[ { \"name\": \"orders\", \"partitions\": 2 } ]"
                               << "[]"
                               << "topics: must name at least one topic";
    QTest::addRow("bad partition count") << "\"partitions\": 2"
                                         << "\"partitions\": 0"
                                         << "topics[0].partitions: 0 is out of range";
    QTest::addRow("partitions not an integer") << "\"partitions\": 2"
                                               << "\"partitions\": 1.5"
                                               << "topics[0].partitions: must be an integer";
    QTest::addRow("invalid topic name") << "\"name\": \"orders\""
                                        << "\"name\": \"or ders\""
                                        << "topics[0].name:";
    QTest::addRow("unknown client type") << "\"type\": \"producer\""
                                         << "\"type\": \"streams\""
                                         << "clients[0].type: \"streams\" is not one of";
    QTest::addRow("duplicate client id") << "\"id\": \"p\""
                                         << "\"id\": \"c\""
                                         << "clients[1].id: client \"c\" is declared twice";
    QTest::addRow("unknown partitioner") << "\"id\": \"p\""
                                         << "\"id\": \"p\", \"partitioner\": \"random\""
                                         << "clients[0].partitioner:";
    QTest::addRow("unknown serde") << "\"id\": \"p\""
                                   << "\"id\": \"p\", \"keySerializer\": \"avro\""
                                   << "clients[0].keySerializer: unknown serde";
    QTest::addRow("consumer of unknown topic") << "\"topics\": [\"orders\"]"
                                               << "\"topics\": [\"ordres\"]"
                                               << "clients[1].topics[0]: unknown topic \"ordres\"";
    QTest::addRow("unknown assignor") << "\"group\": \"g\","
                                      << "\"group\": \"g\", \"assignor\": \"fair\","
                                      << "clients[1].assignor:";
    QTest::addRow("typo in consumer field") << "\"group\": \"g\","
                                            << "\"group\": \"g\", \"autoCommit\": true,"
                                            << "clients[1].autoCommit: unknown field";
    QTest::addRow("session timeout below broker minimum") << "\"group\": \"g\","
                                                          << "\"group\": \"g\", \"sessionTimeoutMs\": 100,"
                                                          << "clients[1].sessionTimeoutMs: 100 is out of range";
    QTest::addRow("unknown action") << "\"action\": \"startConsumer\""
                                    << "\"action\": \"launch\""
                                    << "steps[0].action: unknown action \"launch\"";
    QTest::addRow("unknown consumer in a step") << "\"consumer\": \"c\" }"
                                                << "\"consumer\": \"x\" }"
                                                << "steps[0].consumer: unknown consumer \"x\"";
    QTest::addRow("at and after together") << "\"at\": 0,"
                                           << "\"at\": 0, \"after\": 5,"
                                           << "steps[0].after: give either";
    QTest::addRow("negative time") << "\"at\": 0,"
                                   << "\"at\": -5,"
                                   << "steps[0].at: -5 is out of range";
    QTest::addRow("steps out of order") << "{ \"at\": 0, \"action\": \"startConsumer\", \"consumer\": \"c\" }"
                                        << "{ \"at\": 500, \"action\": \"caption\", \"text\": \"x\" }, { \"at\": 100, "
                                           "\"action\": \"caption\", \"text\": \"y\" }"
                                        << "steps[1].at: 100 ms is before the previous step";
    QTest::addRow("field of another action") << "\"consumer\": \"c\" }"
                                             << "\"consumer\": \"c\", \"count\": 3 }"
                                             << "steps[0].count: unknown field";
    QTest::addRow("produce without producer") << "{ \"at\": 0, \"action\": \"startConsumer\", \"consumer\": \"c\" }"
                                              << "{ \"at\": 0, \"action\": \"produce\", \"count\": 3 }"
                                              << "steps[0].producer: missing";
    QTest::addRow("produce with key and keys")
        << "{ \"at\": 0, \"action\": \"startConsumer\", \"consumer\": \"c\" }"
        << "{ \"at\": 0, \"action\": \"produce\", \"producer\": \"p\", \"key\": \"a\", \"keys\": [\"b\"] }"
        << "steps[0].keys: give either \"key\" or \"keys\"";
    QTest::addRow("unknown check") << "\"check\": \"duplicates\""
                                   << "\"check\": \"latency\""
                                   << "expect[0].check: \"latency\" is not one of";
    QTest::addRow("count check without bound") << "\"equals\": 0"
                                               << "\"group\": \"g\""
                                               << "expect[0]: needs \"equals\", \"atLeast\" or \"atMost\"";
    QTest::addRow("assignment of unknown consumer")
        << "{ \"check\": \"duplicates\", \"equals\": 0 }"
        << "{ \"check\": \"assignment\", \"group\": \"g\", \"generation\": 1, \"assignment\": { \"z\": [] } }"
        << "expect[0].assignment.z: unknown consumer \"z\"";
    QTest::addRow("top level not an object") << Minimal << "[1, 2]"
                                             << "(top level): a scenario is a JSON object";
    Q_UNUSED(none);
}

void TestScenarios::validationErrors()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, error);
    QString json = QString::fromUtf8(Minimal);
    QVERIFY2(json.contains(from), qPrintable(from));
    json.replace(json.indexOf(from), from.size(), to);

    // The unmodified base must be valid, or every case would pass for the wrong reason.
    QString baseError;
    QVERIFY2(Scenario::parse(QByteArray(Minimal), &baseError), qPrintable(baseError));

    QString why;
    QVERIFY(!Scenario::parse(json.toUtf8(), &why));
    // Every error starts with a line; field errors then name the field's path.
    static const QRegularExpression linePrefix(QStringLiteral("^line \\d+(, column \\d+)?: "));
    QVERIFY2(linePrefix.match(why).hasMatch(), qPrintable(QStringLiteral("got: ") + why));
    const QString rest
        = error.startsWith(QStringLiteral("line")) ? why : why.mid(why.indexOf(QStringLiteral(": ")) + 2);
    QVERIFY2(rest.startsWith(error), qPrintable(QStringLiteral("got: ") + why));
}

void TestScenarios::validationErrorNamesLine_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("error");
    QTest::addRow("bad value") << "\"partitions\": 2"
                               << "\"partitions\": -1"
                               << "line 3: topics[0].partitions:";
    QTest::addRow("missing field: the line of its object") << "{ \"type\": \"producer\", \"id\": \"p\" }"
                                                           << "{ \"type\": \"producer\" }"
                                                           << "line 5: clients[0].id: missing";
    QTest::addRow("bad step") << "\"consumer\": \"c\" }"
                              << "\"consumer\": \"nobody\" }"
                              << "line 8: steps[0].consumer:";
    QTest::addRow("bad expectation") << "\"equals\": 0"
                                     << "\"equals\": \"zero\""
                                     << "line 9: expect[0].equals:";
    QTest::addRow("syntax") << "\"steps\""
                            << "\"steps\" :: "
                            << "line 8, column";
}

void TestScenarios::validationErrorNamesLine()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, error);
    QString json = QString::fromUtf8(Minimal);
    QVERIFY2(json.contains(from), qPrintable(from));
    json.replace(json.indexOf(from), from.size(), to);
    QString why;
    QVERIFY(!Scenario::parse(json.toUtf8(), &why));
    QVERIFY2(why.startsWith(error), qPrintable(QStringLiteral("got: ") + why));
}

void TestScenarios::stepsAndPauses()
{
    ScenarioRunner runner(load(builtIn("06-autocommit-duplicates.json")));
    QVERIFY(runner.runToNextPause());
    QCOMPARE(runner.elapsedMs(), 3000);
    QCOMPARE(runner.timeline().last().kind, ScenarioEvent::Kind::Pause);
    QCOMPARE(runner.duplicates(), 0); // the question comes before the answer
    QVERIFY(!runner.isFinished());
    qint64 previous = runner.elapsedMs();
    int steps = 0;
    while (runner.step()) {
        QVERIFY(runner.elapsedMs() >= previous);
        previous = runner.elapsedMs();
        ++steps;
    }
    QVERIFY(steps > 10);
    QVERIFY(runner.isFinished());
    QCOMPARE(runner.duplicates(), 10);
    QVERIFY(!runner.runToNextPause());
}

void TestScenarios::groupActions()
{
    // The actions the built-ins use little: stall (poll timeout), add partitions, reset offsets (refused while
    // the group has members), a rate producer stopped and restarted, a consumer without a group.
    const QByteArray json = R"({
      "format": "topicscope-scenario", "version": 1, "title": "group actions",
      "settings": { "settleMs": 5000 },
      "topics": [ { "name": "jobs", "partitions": 2 } ],
      "clients": [
        { "type": "producer", "id": "feeder", "topic": "jobs", "rate": 2, "keys": ["a", "b"] },
        { "type": "consumer", "id": "w1", "group": "workers", "topics": ["jobs"], "autoOffsetReset": "earliest",
          "commit": "afterProcessing", "maxPollIntervalMs": 4000 },
        { "type": "consumer", "id": "w2", "group": "workers", "topics": ["jobs"], "autoOffsetReset": "earliest",
          "commit": "afterProcessing" },
        { "type": "consumer", "id": "audit", "topics": ["jobs"], "autoOffsetReset": "earliest" }
      ],
      "steps": [
        { "at": 0, "action": "startConsumer", "consumer": "w1" },
        { "at": 0, "action": "startConsumer", "consumer": "w2" },
        { "at": 0, "action": "startConsumer", "consumer": "audit" },
        { "at": 3000, "action": "stallConsumer", "consumer": "w1" },
        { "at": 5000, "action": "stopProducer", "producer": "feeder" },
        { "at": 6000, "action": "produce", "producer": "feeder", "partition": 1, "value": null },
        { "at": 12000, "action": "unstallConsumer", "consumer": "w1" },
        { "at": 15000, "action": "resetOffsets", "group": "workers", "topic": "jobs", "to": "earliest" },
        { "at": 16000, "action": "stopConsumer", "consumer": "w1" },
        { "at": 16000, "action": "stopConsumer", "consumer": "w2" },
        { "at": 17000, "action": "resetOffsets", "group": "workers", "topic": "jobs", "partition": 0, "to": 1 },
        { "at": 18000, "action": "addPartitions", "topic": "jobs", "count": 3 },
        { "at": 18000, "action": "startProducer", "producer": "feeder" },
        { "at": 20000, "action": "stopProducer", "producer": "feeder" }
      ],
      "expect": [
        { "check": "committed", "group": "workers", "topic": "jobs", "partition": 0, "equals": 1 },
        { "check": "duplicates", "group": "workers", "equals": 0 }
      ]
    })";
    QString error;
    const std::optional<Scenario> s = Scenario::parse(json, &error);
    QVERIFY2(s, qPrintable(error));
    ScenarioRunner runner(*s);
    const bool passed = runner.runToEnd();
    const QString dump = runner.timelineDump();
    QVERIFY2(passed, qPrintable(runner.expectationsDump()));

    // Rate 2/s from 0 to 5 s (0, 500, ..., 4500 ms: 10 records), one explicit tombstone, then 18-20 s: 4 more.
    QCOMPARE(runner.produced(QStringLiteral("feeder")), 15);
    QVERIFY2(dump.contains(QStringLiteral("+6.000s produced: feeder key=null value=null -> jobs-1")), qPrintable(dump));
    // The stalled w1 leaves after max.poll.interval.ms; w2 gets both partitions.
    bool pollTimeout = false;
    for (const ScenarioRebalance &r : runner.rebalances()) {
        if (r.timeMs > 3000 && r.timeMs < 12000 && r.assignment.size() == 1
            && r.assignment.value(QStringLiteral("w2"))
                == QList<TopicPartition> {{QStringLiteral("jobs"), 0}, {QStringLiteral("jobs"), 1}})
            pollTimeout = true;
    }
    QVERIFY2(pollTimeout, qPrintable(dump));
    // A reset is refused while the group has members, and applied once it is empty.
    QVERIFY2(dump.contains(QStringLiteral("+15.000s action-failed: resetOffsets of group workers: NON_EMPTY_GROUP")),
        qPrintable(dump));
    QVERIFY2(dump.contains(QStringLiteral("+17.000s action: offsets of group workers reset to 1: jobs-0=1")),
        qPrintable(dump));
    QVERIFY2(
        dump.contains(QStringLiteral("+18.000s partitions-added: topic jobs: 2 -> 3 partitions")), qPrintable(dump));
    // The consumer without a group reads everything on its own and never joins a group.
    // Its manual assignment is fixed at start: after addPartitions it still reads jobs-0 and jobs-1 only (13 of the
    // 15 records), and key "a" now hashes to jobs-1 (% 3) where it went to jobs-0 (% 2) before.
    QCOMPARE(runner.processed(QString(), QStringLiteral("audit")), 13);
    QVERIFY(!dump.contains(QStringLiteral("audit processed jobs-2")));
    QVERIFY2(dump.contains(QStringLiteral("+18.000s produced: feeder key=\"a\" value=\"feeder-11\" -> jobs-1")),
        qPrintable(dump));
    QVERIFY(runner.stateDump().contains(QStringLiteral("  jobs-2 logStartOffset=0")));
}

void TestScenarios::failingExpectationIsReported()
{
    QString json = QString::fromUtf8(Minimal);
    json.replace(QStringLiteral("{ \"check\": \"duplicates\", \"equals\": 0 }"),
        QStringLiteral("{ \"check\": \"duplicates\", \"equals\": 0 }, { \"check\": \"generation\", \"group\": \"g\", "
                       "\"atLeast\": 5 }"));
    QString error;
    const std::optional<Scenario> s = Scenario::parse(json.toUtf8(), &error);
    QVERIFY2(s, qPrintable(error));
    ScenarioRunner runner(*s);
    QVERIFY(!runner.runToEnd());
    QCOMPARE(runner.expectationsDump(),
        QStringLiteral("PASS expect[0]: duplicates = 0 (actual: 0)\n"
                       "FAIL expect[1]: generation of group g >= 5 (actual: 1)\n"));
}

void TestScenarios::runFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(QStringLiteral("good.json"));
    QVERIFY(QFile::copy(builtIn("07-manual-commit.json"), good));
    QString report;
    QVERIFY(ScenarioRunner::runFile(good, &report));
    QVERIFY2(report.contains(QStringLiteral("PASS expect[")), qPrintable(report));
    QVERIFY(report.contains(QStringLiteral("group mailer: ")));
    QVERIFY(!report.contains(QStringLiteral("FAIL")));

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"format": "topicscope-scenario", "version": 1, "title": "x", "topics": [{"name": "t", "partitions": "3"}]})");
    f.close();
    QVERIFY(!ScenarioRunner::runFile(bad, &report));
    QCOMPARE(report, bad + QStringLiteral(": line 1: topics[0].partitions: must be an integer\n"));

    QVERIFY(!ScenarioRunner::runFile(dir.filePath(QStringLiteral("missing.json")), &report));
    QVERIFY2(report.contains(QStringLiteral("cannot open")), qPrintable(report));
}

// The list the UI offers (sim/assignornames.h, a value header) is the one the engine knows how to create.
void TestScenarios::assignorNamesAgree()
{
    QCOMPARE(Assignor::builtInNames(), builtInAssignorNames());
    for (const QString &name : builtInAssignorNames()) {
        const std::unique_ptr<Assignor> assignor = Assignor::create(name);
        QVERIFY2(assignor, qPrintable(name));
        QCOMPARE(assignor->name(), name);
    }
}

// ownershipGaps(): the gaps between intervals, overlaps covering the union, and the two trailing-gap rules (the
// timeline's: until the end whenever nobody owns the partition; the comparison's: only while the group has
// members, consumers without a group left out).
void TestScenarios::ownershipGapRules()
{
    const auto owned = [](const QString &group, int partition, const QString &consumer, qint64 fromMs, qint64 toMs) {
        ScenarioOwnership o;
        o.group = group;
        o.topicPartition = {QStringLiteral("orders"), partition};
        o.consumer = consumer;
        o.fromMs = fromMs;
        o.toMs = toMs;
        return o;
    };
    const QString g = QStringLiteral("g");
    const QString left = QStringLiteral("left");
    const QList<ScenarioOwnership> ownership {owned(g, 0, QStringLiteral("c1"), 0, 1000),
        owned(g, 0, QStringLiteral("c2"), 1500, -1), owned(g, 1, QStringLiteral("c1"), 0, 3000),
        owned(g, 1, QStringLiteral("z1"), 1000, 2000), owned(g, 1, QStringLiteral("c2"), 3500, 4000),
        owned(left, 0, QStringLiteral("l1"), 0, 1000), owned(QString(), 0, QStringLiteral("solo"), 0, 500)};
    const auto dump = [](const QList<OwnershipGap> &gaps) {
        QStringList lines;
        for (const OwnershipGap &gap : gaps)
            lines << QStringLiteral("%1/%2 %3-%4%5")
                         .arg(gap.group, gap.topicPartition.toString())
                         .arg(gap.fromMs)
                         .arg(gap.toMs)
                         .arg(gap.trailing ? QStringLiteral(" trailing") : QString());
        return lines.join(QLatin1Char('\n'));
    };
    QCOMPARE(dump(ownershipGaps(ownership, 5000)),
        QStringLiteral("/orders-0 500-5000 trailing\n"
                       "g/orders-0 1000-1500\n"
                       "g/orders-1 3000-3500\n"
                       "g/orders-1 4000-5000 trailing\n"
                       "left/orders-0 1000-5000 trailing"));
    const TrailingGapRule members
        = TrailingGapRule::whileGroupHasMembers([&](const QString &group) { return group == g; });
    QCOMPARE(dump(ownershipGaps(ownership, 5000, members)),
        QStringLiteral("g/orders-0 1000-1500\n"
                       "g/orders-1 3000-3500\n"
                       "g/orders-1 4000-5000 trailing"));
    QVERIFY(ownershipGaps({}, 5000).isEmpty());
}

// Built-in 15 watched every 50 ms of virtual time: under the consumer protocol a member moving to a new assignment is
// Reconciling and keeps the partitions it still owns; under the classic protocol a member in a rebalance is Joining.
void TestScenarios::consumerProtocolMembersReconcileWhileProcessing()
{
    ScenarioRunner runner(load(QStringLiteral(":/scenarios/15-kafka4-consumer-protocol.json")));
    QString error;
    QVERIFY2(runner.start(&error), qPrintable(error));
    QMap<QString, QString> typeOf;
    int reconcilingWithPartitions = 0;
    int classicJoining = 0;
    for (qint64 t = 0; !runner.isFinished() && t <= runner.endMs(); t += 50) {
        runner.advanceTo(t);
        const FlowSnapshot s = runner.flowSnapshot();
        for (const FlowGroup &g : s.groups)
            typeOf.insert(g.id, g.type);
        for (const FlowConsumer &c : s.consumers) {
            const bool consumerProtocol = c.group == QLatin1String("kip848");
            if (c.status == FlowConsumerStatus::Reconciling) {
                QVERIFY2(consumerProtocol, qPrintable(c.id + QStringLiteral(" reconciling at ") + QString::number(t)));
                if (!c.assignment.isEmpty())
                    ++reconcilingWithPartitions;
            }
            if (c.status == FlowConsumerStatus::Joining) {
                // A consumer-protocol member is Joining only before its first assignment (member epoch 0).
                if (consumerProtocol)
                    QVERIFY2(
                        c.assignment.isEmpty(), qPrintable(c.id + QStringLiteral(" joining at ") + QString::number(t)));
                else
                    ++classicJoining;
            }
        }
    }
    QCOMPARE(typeOf.value(QStringLiteral("kip848")), QStringLiteral("consumer"));
    QCOMPARE(typeOf.value(QStringLiteral("eager")), QStringLiteral("classic"));
    QCOMPARE(typeOf.value(QStringLiteral("cooperative")), QStringLiteral("classic"));
    QVERIFY(reconcilingWithPartitions > 0);
    QVERIFY(classicJoining > 0);
}

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
