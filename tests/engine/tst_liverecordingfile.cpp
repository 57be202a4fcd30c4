// LiveRecordingFile: a live session as a file. Recorded on the core's real Broker (ManualClock, the real group
// coordinator and in-app consumers for the rebalances; hand-made wire exchanges for what only the wire shows), saved,
// loaded: the same bytes again, the same report, time travel to each generation, journeys; every way a file can be
// broken is refused with an error naming the problem; the report's text.
#include "clientfixture.h"
#include "live/flowjson.h"
#include "live/liveprojector.h"
#include "live/liverecorder.h"
#include "live/liverecordingfile.h"
#include "wireexchangefixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace topicscope::engine;
using namespace topicscope::engine::clienttest;

using topicscope::uitest::exchange;

namespace {

const QString Group = QStringLiteral("billing");
const TopicPartition Orders0 {QStringLiteral("orders"), 0};
const TopicPartition Orders1 {QStringLiteral("orders"), 1};

WireExchange produced(const QString &clientId, const TopicPartition &tp, qint64 first, qint64 last)
{
    WireExchange e = exchange(0, clientId, QStringLiteral("127.0.0.1:5000"));
    e.produced << WireRange {tp, first, last, int(last - first + 1), ErrorCode::None};
    return e;
}

WireExchange joined(const QString &clientId, const QString &memberId)
{
    WireExchange e = exchange(11, clientId, QStringLiteral("127.0.0.1:6000"));
    e.group = Group;
    e.memberId = memberId;
    return e;
}

WireExchange fetched(const QString &clientId, const TopicPartition &tp, qint64 first, qint64 last)
{
    WireExchange e = exchange(1, clientId, QStringLiteral("127.0.0.1:6100"));
    e.fetched << WireRange {tp, first, last, int(last - first + 1), ErrorCode::None};
    return e;
}

// Sets (or, with an undefined value, removes) the value at a path like "timeline.events[0].kind" of a JSON object.
QJsonValue edited(const QJsonValue &at, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    static const QRegularExpression indexed(QStringLiteral("^(\\w*)\\[(\\d+)\\]$"));
    const QRegularExpressionMatch m = indexed.match(head);
    if (m.hasMatch()) {
        QJsonObject object = at.toObject();
        QJsonArray array = object.value(m.captured(1)).toArray();
        const int i = m.captured(2).toInt();
        array[i] = edited(array.at(i), path, value);
        object[m.captured(1)] = array;
        return object;
    }
    QJsonObject object = at.toObject();
    const QJsonValue next = edited(object.value(head), path, value);
    if (next.isUndefined())
        object.remove(head);
    else
        object[head] = next;
    return object;
}

QByteArray edit(const QByteArray &json, const QString &path, const QJsonValue &value)
{
    const QJsonValue top = QJsonDocument::fromJson(json).object();
    return QJsonDocument(edited(top, path.split(QLatin1Char('.')), value).toObject()).toJson(QJsonDocument::Compact);
}

QString assignmentText(const QMap<QString, QList<TopicPartition>> &assignment)
{
    QStringList parts;
    for (auto it = assignment.cbegin(); it != assignment.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + ScenarioRebalance::names(it.value()).join(QLatin1Char(','));
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestLiveRecordingFile : public QObject {
    Q_OBJECT
private:
    // A session on the real broker: a producer's five records, member a alone (generation 1), b joins (2) and fetches
    // again what a had fetched, b leaves (3). A picture is kept at every rebalance, as LiveFlow keeps them.
    LiveRecordingFile record()
    {
        ClientFixture f;
        if (!f.ok())
            qFatal("broker: %s", qPrintable(f.openError));
        f.log->createTopic(QStringLiteral("orders"), 2);
        LiveRecorder recorder(*f.broker, f.clock.nowMs());
        LiveProjector projector(recorder, f.clock.nowMs());
        QList<LiveRecordingPicture> history;
        const int subscription = f.broker->events().subscribe([&](const Event &event) {
            if (std::holds_alternative<RebalanceCompleted>(event))
                history << LiveRecordingPicture::compact(projector.snapshot(*f.broker), 0);
        });
        f.produce(QStringLiteral("orders"), 0, 3);
        recorder.observe(produced(QStringLiteral("shop"), Orders0, 0, 2));
        f.produce(QStringLiteral("orders"), 1, 2);
        recorder.observe(produced(QStringLiteral("shop"), Orders1, 0, 1));
        f.clock.advance(100);

        recorder.observe(joined(QStringLiteral("a"), QStringLiteral("a-1")));
        auto a = f.consumer(ClientFixture::consumerConfig(QStringLiteral("a"), Group));
        a->subscribe({QStringLiteral("orders")});
        f.run(5000, {a.get()}, {}, [&] { return a->assignment().size() == 2; });
        recorder.observe(fetched(QStringLiteral("a"), Orders0, 0, 2));
        recorder.observe(fetched(QStringLiteral("a"), Orders1, 0, 1));
        f.clock.advance(500);

        recorder.observe(joined(QStringLiteral("b"), QStringLiteral("b-2")));
        auto b = f.consumer(ClientFixture::consumerConfig(QStringLiteral("b"), Group));
        b->subscribe({QStringLiteral("orders")});
        f.run(
            10000, {a.get(), b.get()}, {}, [&] { return a->assignment().size() == 1 && b->assignment().size() == 1; });
        recorder.observe(fetched(QStringLiteral("b"), Orders1, 0, 1)); // a had fetched them: redelivered
        f.clock.advance(500);
        b->close();
        f.run(10000, {a.get()}, {}, [&] { return a->assignment().size() == 2; });
        f.clock.advance(250);

        LiveRecordingFile file = LiveRecordingFile::capture(recorder.recording(), projector.snapshot(*f.broker),
            history, 0, QStringLiteral("Live broker"), 1'700'000'000'000);
        file.addJourneys(
            [&](const TopicPartition &tp, qint64 offset) { return projector.journey(*f.broker, tp, offset); });
        f.broker->events().unsubscribe(subscription);
        return file;
    }

    QByteArray m_json; // record(), saved

private Q_SLOTS:
    void initTestCase()
    {
        m_json = record().toJson();
        QVERIFY(m_json.startsWith('{'));
    }

    void roundTripKeepsEverything()
    {
        const LiveRecordingFile original = record();
        QCOMPARE(original.toJson(), m_json); // the same session gives the same bytes
        QString error;
        const std::optional<LiveRecordingFile> loaded = LiveRecordingFile::fromJson(m_json, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->toJson(), m_json);
        QCOMPARE(loaded->report(), original.report());

        // The rebalances of the group: a joins, b joins, b leaves, with the coordinator's causes and members by name.
        QStringList rows;
        for (const ScenarioRebalance &r : loaded->rebalances.rows)
            rows << QStringLiteral("gen %1 %2 | %3")
                        .arg(r.generation)
                        .arg(r.cause.section(u':', 0, 0), assignmentText(r.assignment));
        QCOMPARE(rows,
            QStringList({QStringLiteral("gen 1 join | a·1=orders-0,orders-1"),
                QStringLiteral("gen 2 join | a·1=orders-0 b·2=orders-1"),
                QStringLiteral("gen 3 leave | a·1=orders-0,orders-1")}));
        QCOMPARE(loaded->counters.produced, 5);
        QCOMPARE(loaded->counters.fetched, 7);
        QCOMPARE(loaded->counters.redelivered, 2);
        QCOMPARE(loaded->counters.byClient.value(QStringLiteral("b·2")).redelivered, 2);
        QCOMPARE(loaded->counters.byGroup.value(Group).fetched, 7);

        // Time travel: each generation's picture shows its rebalance last and its owners.
        QCOMPARE(loaded->history.pictures.size(), 3);
        for (int i = 0; i < loaded->rebalances.rows.size(); ++i) {
            const std::optional<FlowSnapshot> then = loaded->historyAt(i);
            QVERIFY(then);
            QCOMPARE(then->rebalances.size(), i + 1);
            QCOMPARE(then->rebalances.constLast().generation, loaded->rebalances.rows.at(i).generation);
            const auto group = std::find_if(
                then->groups.cbegin(), then->groups.cend(), [](const FlowGroup &g) { return g.id == Group; });
            QVERIFY(group != then->groups.cend());
            QCOMPARE(group->generation, i + 1);
            QMap<QString, QList<TopicPartition>> owners;
            for (auto it = group->owners.cbegin(); it != group->owners.cend(); ++it)
                owners[it.value()] << it.key();
            QCOMPARE(assignmentText(owners), assignmentText(loaded->rebalances.rows.at(i).assignment));
            // Ownership cut at the picture's time: nothing after it.
            for (const ScenarioOwnership &o : then->ownership) {
                QVERIFY(o.fromMs <= then->timeMs);
                QVERIFY(o.toMs <= then->timeMs);
            }
        }
        QVERIFY(!loaded->historyAt(3));
        QVERIFY(!loaded->historyAt(-1));

        // The final picture is whole again: the file's rows, ownership and gaps.
        const FlowSnapshot end = loaded->finalSnapshot();
        QCOMPARE(end.rebalances.size(), 3);
        QCOMPARE(end.ownership.size(), loaded->ownership.intervals.size());
        QVERIFY(end.gaps == loaded->gaps);
        QVERIFY(!end.gaps.isEmpty()); // orders-1 had no owner while b joined and while it left

        // Journeys of the records the pictures show: all five, with the producer, the key and who fetched them.
        QCOMPARE(loaded->journeys.records.size(), 5);
        QCOMPARE(loaded->journeys.omitted, 0);
        const auto journey = std::find_if(loaded->journeys.records.cbegin(), loaded->journeys.records.cend(),
            [](const RecordJourney &j) { return j.topicPartition == Orders1 && j.offset == 1; });
        QVERIFY(journey != loaded->journeys.records.cend());
        QVERIFY(journey->found);
        QVERIFY(journey->keyBytes == std::optional<QByteArray>(QByteArrayLiteral("k1")));
        QCOMPARE(journey->producer, QStringLiteral("shop (127.0.0.1:5000)"));
        QStringList steps;
        for (const RecordJourney::Step &s : journey->steps)
            steps << s.what;
        QVERIFY2(steps.filter(QStringLiteral("fetched by a·1 (group billing, gen 1)")).size() == 1,
            qPrintable(steps.join(u'\n')));
        QVERIFY2(steps.filter(QStringLiteral("fetched AGAIN by b·2")).size() == 1, qPrintable(steps.join(u'\n')));
    }

    void saveAndLoadAFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const std::optional<LiveRecordingFile> recording = LiveRecordingFile::fromJson(m_json, &error);
        QVERIFY2(recording, qPrintable(error));
        const QString path = dir.filePath(QStringLiteral("demo.json"));
        QVERIFY2(recording->save(path, &error), qPrintable(error));
        // Written whole, by rename: nothing else is left in the directory.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("demo.json")});
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), m_json);
        std::optional<LiveRecordingFile> loaded = LiveRecordingFile::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->toJson(), m_json);

        // Over the size cap: refused before anything is parsed.
        QVERIFY(!LiveRecordingFile::load(path, &error, m_json.size() - 1));
        QVERIFY2(error.contains(QStringLiteral("larger than")), qPrintable(error));
        QVERIFY(LiveRecordingFile::load(path, &error, m_json.size()));
        QVERIFY(!LiveRecordingFile::load(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot open")), qPrintable(error));
        QVERIFY(!recording->save(dir.filePath(QStringLiteral("no/such/dir/demo.json")), &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot write")), qPrintable(error));
    }

    void brokenFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        const QByteArray &j = m_json;
        QTest::addRow("empty") << QByteArray() << "not valid JSON";
        QTest::addRow("truncated") << j.left(j.size() / 2) << "not valid JSON";
        QTest::addRow("garbage") << QByteArray("\x00\xff{{", 4) << "not valid JSON";
        QTest::addRow("not an object") << QByteArray("[1, 2]") << "the document is not a JSON object";
        QTest::addRow("a scenario") << edit(j, QStringLiteral("format"), QStringLiteral("topicscope-scenario"))
                                    << "format is \"topicscope-scenario\", expected \"topicscope-live-recording\"";
        QTest::addRow("no format") << edit(j, QStringLiteral("format"), QJsonValue(QJsonValue::Undefined))
                                   << "no \"format\": \"topicscope-live-recording\"";
        QTest::addRow("newer version") << edit(j, QStringLiteral("version"), 2)
                                       << "format version 2, written by a newer Topicscope; this one reads version 1";
        QTest::addRow("version as text") << edit(j, QStringLiteral("version"), QStringLiteral("1"))
                                         << "version: expected a positive integer";
        QTest::addRow("wrong type") << edit(j, QStringLiteral("timeline.events[0].timeMs"), QStringLiteral("soon"))
                                    << "timeline.events[0].timeMs: expected an integer";
        QTest::addRow("fraction") << edit(j, QStringLiteral("durationMs"), 1.5) << "durationMs: expected an integer";
        QTest::addRow("out of range") << edit(j, QStringLiteral("final.eventCount"), 1e12)
                                      << "final.eventCount: 1000000000000 is out of range";
        QTest::addRow("missing field") << edit(j, QStringLiteral("final.title"), QJsonValue(QJsonValue::Undefined))
                                       << "final.title: missing field";
        QTest::addRow("unknown field") << edit(j, QStringLiteral("history.extra"), true)
                                       << "history: unknown field \"extra\"";
        QTest::addRow("unknown kind") << edit(j, QStringLiteral("timeline.events[1].kind"), QStringLiteral("exploded"))
                                      << "timeline.events[1].kind: unknown value \"exploded\"";
        QTest::addRow("object for array")
            << edit(j, QStringLiteral("rebalances.rows"), QJsonObject()) << "rebalances.rows: expected an array";
        QTest::addRow("map value") << edit(j, QStringLiteral("counters.byGroup.billing.fetched"), QStringLiteral("7"))
                                   << "counters.byGroup.\"billing\".fetched: expected an integer";
        QTest::addRow("bad base64") << edit(j, QStringLiteral("journeys.records[0].keyBytes"), QStringLiteral("@@"))
                                    << "journeys.records[0].keyBytes: not valid base64";
        QTest::addRow("null for text") << edit(j, QStringLiteral("title"), QJsonValue(QJsonValue::Null))
                                       << "title: expected a string";
        QTest::addRow("picture before its rebalance") << edit(j, QStringLiteral("history.pictures[1].rebalancesUpTo"),
            1) << "history.pictures[1].rebalancesUpTo: 1 is outside [2, 3]";
        QTest::addRow("final picture without the rows") << edit(j, QStringLiteral("final.rebalancesUpTo"),
            2) << "final.rebalancesUpTo: 2, but the recording has 3 rebalances";
        QTest::addRow("negative count") << edit(j, QStringLiteral("timeline.trimmed"), -1)
                                        << "a count or duration is negative";
        const QJsonArray twice {QJsonObject {{QStringLiteral("topic"), QStringLiteral("orders")},
                                    {QStringLiteral("partition"), 0}, {QStringLiteral("value"), 1}},
            QJsonObject {{QStringLiteral("topic"), QStringLiteral("orders")}, {QStringLiteral("partition"), 0},
                {QStringLiteral("value"), 2}}};
        QTest::addRow("a partition twice") << edit(j, QStringLiteral("final.groups[0].committed"), twice)
                                           << "final.groups[0].committed[1]: orders-0 appears twice";
    }

    void brokenFilesAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QString why;
        QVERIFY(!LiveRecordingFile::fromJson(json, &why));
        QVERIFY2(why.contains(error), qPrintable(why));
    }

    // Journeys are kept for the final picture's records first, then the rebalance pictures' from the newest back,
    // within the budget; the rest is counted.
    void journeysWithinTheBudget()
    {
        QString error;
        std::optional<LiveRecordingFile> f = LiveRecordingFile::fromJson(m_json, &error);
        QVERIFY2(f, qPrintable(error));
        const QList<std::pair<TopicPartition, qint64>> shown = f->shownRecords();
        QCOMPARE(shown.size(), 5);
        QVERIFY(shown.first() == std::pair(Orders0, qint64(0)));
        int asked = 0;
        f->addJourneys(
            [&asked](const TopicPartition &tp, qint64 offset) {
                ++asked;
                RecordJourney j;
                j.topicPartition = tp;
                j.offset = offset;
                return j;
            },
            [&asked] { return asked < 2; });
        QCOMPARE(f->journeys.records.size(), 2);
        QCOMPARE(f->journeys.omitted, 3);
        QVERIFY2(LiveRecordingFile::fromJson(f->toJson(), &error), qPrintable(error));
    }

    // The report of a small recording made by hand, line by line.
    void reportText()
    {
        LiveRecordingFile f;
        f.title = QStringLiteral("Live broker");
        f.startedAtMs = 1'700'000'000'000;
        f.durationMs = 12'500;
        f.counters.produced = 4;
        f.counters.fetched = 6;
        f.counters.redelivered = 2;
        f.counters.byGroup.insert(Group, LiveRecordingCounts {0, 6, 2});
        f.counters.byClient.insert(QStringLiteral("shop (127.0.0.1:5000)"), LiveRecordingCounts {4, 0, 0});
        f.counters.byClient.insert(QStringLiteral("a·1"), LiveRecordingCounts {0, 6, 2});
        f.timeline.trimmed = 7;
        ScenarioEvent e;
        e.timeMs = 1500;
        e.kind = ScenarioEvent::Kind::Produced;
        e.text = QStringLiteral("shop (127.0.0.1:5000) produced 4 record(s) to orders-0 at offsets 0..3");
        f.timeline.events << e;
        e.timeMs = 2000;
        e.kind = ScenarioEvent::Kind::Redelivered;
        e.text = QStringLiteral("a·1 fetched orders-0 offsets 2..3 again");
        f.timeline.events << e;
        ScenarioRebalance r;
        r.timeMs = 3000;
        r.group = Group;
        r.generation = 4;
        r.cause = QStringLiteral("leave: member b·2 left the group (100%1 sure)");
        r.assignor = QStringLiteral("range");
        r.durationMs = 40;
        r.assignment.insert(QStringLiteral("a·1"), {Orders0, Orders1});
        r.partitionsMoved = {Orders1};
        f.rebalances.dropped = 3;
        f.rebalances.rows << r;
        f.gaps << OwnershipGap {Group, Orders1, 2960, 3000, false} << OwnershipGap {Group, Orders0, 2960, 3000, false}
               << OwnershipGap {Group, Orders0, 9000, 12'500, true};
        FlowTopic t;
        t.name = QStringLiteral("orders");
        t.partitions << FlowPartition {0, 0, 4, {}} << FlowPartition {1, 2, 2, {}};
        f.finalPicture.snapshot.topics << t;
        FlowGroup g;
        g.id = Group;
        g.state = QStringLiteral("Stable");
        g.generation = 4;
        g.protocol = QStringLiteral("range");
        g.committed.insert(Orders0, 4);
        g.owners.insert(Orders1, QStringLiteral("a·1"));
        f.finalPicture.snapshot.groups << g;
        f.finalPicture.rebalancesUpTo = 4;
        // Line by line: a failure names the first line that differs.
        QCOMPARE(f.report().split(u'\n'),
            QStringLiteral("== Live recording: Live broker ==\n"
                           "started 2023-11-14T22:13:20.000Z, 12.500s of broker time recorded\n"
                           "(7 older event(s) not kept)\n"
                           "+1.500s produced: shop (127.0.0.1:5000) produced 4 record(s) to orders-0 at offsets 0..3\n"
                           "+2.000s REDELIVERED: a·1 fetched orders-0 offsets 2..3 again\n"
                           "== Rebalances: 4 ==\n"
                           "(3 older rebalance(s) not kept)\n"
                           "+3.000s group billing generation 4 [range] cause: leave: member b·2 left the group (100%1 "
                           "sure); took 40 ms; a·1=[orders-0,orders-1]; moved [orders-1]; paused 80 ms (orders-1 40 "
                           "ms, orders-0 40 ms)\n"
                           "== Live recording: state at +12.500s ==\n"
                           "topic orders: 2 partition(s)\n"
                           "  orders-0 logStartOffset=0 highWatermark=4\n"
                           "  orders-1 logStartOffset=2 highWatermark=2\n"
                           "group billing: Stable generation 4 [range]\n"
                           "  owners: orders-1=a·1\n"
                           "  committed: orders-0=4\n"
                           "  owned by nobody: orders-0 since +9.000s\n"
                           "group billing: produced=0 fetched=6 redelivered=2\n"
                           "client a·1: produced=0 fetched=6 redelivered=2\n"
                           "client shop (127.0.0.1:5000): produced=4 fetched=0 redelivered=0\n"
                           "produced=4 fetched=6 redelivered=2 events=9 rebalances=4\n")
                .split(u'\n'));
        // The same text from the file.
        QString error;
        const std::optional<LiveRecordingFile> loaded = LiveRecordingFile::fromJson(f.toJson(), &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->report(), f.report());
    }

    // A session with more than LiveRecorder::MaxRebalances rebalances keeps the newest rows, and the ownership
    // intervals from the oldest kept one on; the open ones still close where they should. The file says how many went.
    void recordingKeepsTheNewestRebalances()
    {
        ClientFixture f;
        QVERIFY2(f.ok(), qPrintable(f.openError));
        LiveRecorder recorder(*f.broker, f.clock.nowMs());
        recorder.observe(joined(QStringLiteral("a"), QStringLiteral("a-1")));
        recorder.observe(joined(QStringLiteral("b"), QStringLiteral("b-2")));
        const int total = int(LiveRecorder::MaxRebalances) + 5;
        for (int generation = 1; generation <= total; ++generation) {
            // The two members swap their partitions every generation: two intervals end, two begin.
            const bool even = generation % 2 == 0;
            RebalanceCompleted r;
            r.groupId = Group;
            r.generationId = generation;
            r.protocolType = QStringLiteral("consumer");
            r.protocolName = QStringLiteral("cooperative-sticky");
            r.assignment.insert(QStringLiteral("a-1"), {even ? Orders1 : Orders0});
            r.assignment.insert(QStringLiteral("b-2"), {even ? Orders0 : Orders1});
            f.broker->events().publish(r);
            f.clock.advance(100);
        }
        const ScenarioRecording &recording = recorder.recording();
        QCOMPARE(recording.rebalances.size(), LiveRecorder::MaxRebalances);
        QCOMPARE(recording.droppedRebalances, 5);
        QCOMPARE(recorder.rebalanceCount(), total);
        QCOMPARE(recording.rebalances.first().generation, 6);
        // Intervals that ended before generation 6 went (those of generations 1 to 4); generation 5's ended with it.
        QCOMPARE(recording.droppedOwnership, 8);
        QCOMPARE(recording.droppedOwnership + recording.ownership.size(), 2 * total);
        for (const ScenarioOwnership &o : recording.ownership)
            QVERIFY(o.toMs < 0 || o.toMs >= recording.rebalances.first().timeMs);
        // The open intervals were renumbered: the last generation's two are the only open ones, and they are theirs.
        QList<ScenarioOwnership> open;
        for (const ScenarioOwnership &o : recording.ownership) {
            if (o.toMs < 0)
                open << o;
        }
        QCOMPARE(open.size(), 2);
        QCOMPARE(open.at(0).generation, total);
        QCOMPARE(open.at(1).generation, total);

        LiveProjector projector(recorder, 0);
        LiveRecordingFile file = LiveRecordingFile::capture(
            recording, projector.snapshot(*f.broker), {}, 0, QStringLiteral("Live broker"), 1'700'000'000'000);
        QCOMPARE(file.rebalances.dropped, 5);
        QCOMPARE(file.ownership.dropped, 8);
        QCOMPARE(file.finalPicture.rebalancesUpTo, total);
        QString error;
        const std::optional<LiveRecordingFile> loaded = LiveRecordingFile::fromJson(file.toJson(), &error);
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY(loaded->report().contains(QStringLiteral("== Rebalances: 1005 ==\n(5 older rebalance(s) not kept)\n")));
    }

    // The field lists are the whole codec: a struct written and read back is equal, enums by name.
    void flowJsonRoundTrip()
    {
        FlowConsumer c;
        c.id = QStringLiteral("a·1");
        c.status = FlowConsumerStatus::Stalled;
        c.assignment = {Orders0};
        c.positions.insert(Orders0, 12);
        const QJsonValue json = flowjson::toJson(c);
        QCOMPARE(json.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("stalled"));
        FlowConsumer back;
        flowjson::Reader reader;
        QVERIFY2(flowjson::fromJson(json, back, reader), qPrintable(reader.error()));
        QVERIFY(back == c);
        FlowRecordCell cell {7, std::nullopt, QStringLiteral("p"), 5};
        FlowRecordCell cellBack;
        QVERIFY(flowjson::fromJson(flowjson::toJson(cell), cellBack, reader));
        QVERIFY(cellBack == cell);
        QVERIFY(flowjson::toJson(cell).toObject().value(QStringLiteral("key")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestLiveRecordingFile)
#include "tst_liverecordingfile.moc"
