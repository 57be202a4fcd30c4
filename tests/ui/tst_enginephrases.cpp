// The engine's English phrases in a Korean user interface (ui/i18n/enginephrases): every phrase a person can see in
// the Flow tab — rebalance causes, why an ownership bar ended, record-journey steps, partitioner decisions, the
// live picture's labels — collected from real runs (each built-in scenario played to its end; the live projector on
// a broker fed a group's story), must be one the catalogue recognises and must come out in Korean. A phrase the
// engine gains or rewords without a catalogue entry fails here, by name.

#include "broker/broker.h"
#include "core/clock.h"
#include "core/events.h"
#include "core/recordbatch.h"
#include "i18n/enginephrases.h"
#include "i18n/language.h"
#include "live/liveprojector.h"
#include "live/liverecorder.h"
#include "scenariotesthelpers.h"
#include "sim/scenariorunner.h"
#include "wireexchangefixture.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace topicscope;
using namespace topicscope::engine;

using topicscope::uitest::exchange;

namespace {

bool hasHangul(const QString &text)
{
    static const QRegularExpression hangul(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"));
    return hangul.match(text).hasMatch();
}

// A decision that is only arithmetic reads the same in every language ("murmur2("k") = 0x... → toPositive ...").
bool isArithmetic(const QString &phrase)
{
    return phrase.startsWith(QLatin1String("murmur2(\""));
}

// Every phrase of a record's journey a person can read in the panel.
void collectJourney(const RecordJourney &j, QSet<QString> *phrases)
{
    if (!j.partitionDecision.isEmpty() && !isArithmetic(j.partitionDecision))
        phrases->insert(j.partitionDecision);
    if (!j.error.isEmpty())
        phrases->insert(j.error);
    for (const RecordJourney::Step &s : j.steps)
        phrases->insert(s.what);
}

void collectPicture(const FlowSnapshot &s, QSet<QString> *phrases)
{
    for (const FlowProducer &p : s.producers) {
        phrases->insert(p.partitioner);
        phrases->insert(p.keyPattern);
    }
    for (const FlowConsumer &c : s.consumers)
        phrases->insert(c.commitMode);
    for (const ScenarioRebalance &r : s.rebalances)
        phrases->insert(r.cause);
    for (const ScenarioOwnership &o : s.ownership)
        phrases->insert(o.endReason);
}

// Fails naming every phrase that stays English, wholly or in part: three English words in a row left in the
// translation mean a phrase (or a phrase inside it) was not recognised, or was taken apart at the wrong places.
void checkAllKorean(const QSet<QString> &phrases)
{
    static const QRegularExpression englishWords(QStringLiteral("[A-Za-z]+ [a-z]+ [a-z]+"));
    QStringList untranslated;
    for (const QString &p : phrases) {
        if (p.isEmpty())
            continue;
        const QString ko = ui::EnginePhrases::translate(p);
        if (!ui::EnginePhrases::recognises(p) || ko == p || !hasHangul(ko) || englishWords.match(ko).hasMatch())
            untranslated << p + QStringLiteral(" => ") + ko;
    }
    untranslated.sort();
    QVERIFY2(untranslated.isEmpty(),
        qPrintable(QStringLiteral("stays English: ") + untranslated.join(QStringLiteral(" | "))));
}

} // namespace

class TestEnginePhrases : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The scenarios' own debug lines would flood the output.
        QLoggingCategory::setFilterRules(QStringLiteral("topicscope.*.debug=false"));
        QVERIFY(ui::Language::install(qApp, QStringLiteral("ko")));
    }

    // Arguments are carried over as they are, engine phrases inside a phrase are translated in turn, a client's
    // own words are not, and an English ordinal becomes a number.
    void translatesWithArguments()
    {
        const QString join = ui::EnginePhrases::translate(
            QStringLiteral("join: new member c-1·3f2a joined (client reason: not provided)"));
        QVERIFY2(join.contains(QStringLiteral("c-1·3f2a")) && hasHangul(join), qPrintable(join));
        QVERIFY2(!join.contains(QLatin1String("not provided")), qPrintable(join)); // ours: translated
        QVERIFY2(!join.contains(QLatin1String("joined")), qPrintable(join));
        const QString own = ui::EnginePhrases::translate(
            QStringLiteral("member c-2 left the group (client reason: shutting down %2 now)"));
        QVERIFY2(own.contains(QLatin1String("shutting down %2 now")) && own.contains(QLatin1String("c-2")),
            qPrintable(own)); // the client's words, even with a % in them
        const QString again = ui::EnginePhrases::translate(
            QStringLiteral("processed AGAIN by c2 (gen 3): duplicate, the 2nd time in group mailer"));
        QVERIFY2(again.contains(QLatin1String("2")) && !again.contains(QLatin1String("2nd")), qPrintable(again));
        QVERIFY(again.contains(QLatin1String("mailer")));
        const QString removed = ui::EnginePhrases::translate(
            QStringLiteral("rebalance timeout of 300000 ms expired; removed c-1, c-2 (did not rejoin)"));
        QVERIFY2(removed.contains(QLatin1String("300000")) && removed.contains(QLatin1String("c-1, c-2"))
                && !removed.contains(QLatin1String("expired")),
            qPrintable(removed));
        // A wrapper around a phrase that ends in a client's words: the wrapper is taken off first.
        const QString left = ui::EnginePhrases::translate(
            QStringLiteral("member c-1 left the group (client reason: bye); removed c-2 (did not rejoin)"));
        QVERIFY2(left.contains(QLatin1String("c-2")) && !left.contains(QLatin1String("did not rejoin"))
                && left.contains(QStringLiteral("(클라이언트 사유: bye)")),
            qPrintable(left));
        // Unknown text passes through unchanged.
        QCOMPARE(ui::EnginePhrases::translate(QStringLiteral("something the engine never says")),
            QStringLiteral("something the engine never says"));
        QVERIFY(!ui::EnginePhrases::recognises(QStringLiteral("something the engine never says")));
    }

    void scenarioPhrasesAreKorean_data() { testing::addBuiltInRows(); }

    void scenarioPhrasesAreKorean()
    {
        QFETCH(QString, file);
        ScenarioRunner runner(testing::loadScenario(file));
        QString error;
        QVERIFY2(runner.start(&error), qPrintable(error));
        QSet<QString> phrases;
        // Pictures along the way too: a consumer that stops later is on the picture before.
        while (!runner.isFinished()) {
            collectPicture(runner.flowSnapshot(), &phrases);
            if (!runner.step())
                break;
        }
        const FlowSnapshot last = runner.flowSnapshot();
        collectPicture(last, &phrases);
        QVERIFY(!last.topics.isEmpty());
        for (const FlowTopic &t : last.topics) {
            for (const FlowPartition &p : t.partitions) {
                const TopicPartition tp {t.name, p.partition};
                // One before the log and one past it: the journey's "deleted" / "outside the log" errors.
                for (qint64 offset = 0; offset <= p.highWatermark; ++offset)
                    collectJourney(runner.journey(tp, offset), &phrases);
            }
        }
        QVERIFY(phrases.size() > 3);
        checkAllKorean(phrases);
    }

    // The live picture (the Flow tab's "Live broker"): a producer, a group of two whose first member leaves, the
    // second member's redelivery, and the journeys of what they moved.
    void livePhrasesAreKorean()
    {
        ManualClock clock;
        BrokerOptions options;
        options.storage.inMemory = true;
        QString error;
        std::unique_ptr<Broker> broker = Broker::open(options, clock, &error);
        QVERIFY2(broker, qPrintable(error));
        const TopicPartition t0 {QStringLiteral("orders"), 0};
        QCOMPARE(broker->log().createTopic(t0.topic, 2), ErrorCode::None);
        std::vector<Record> records(4);
        for (int i = 0; i < 4; ++i) {
            records[size_t(i)].key = QByteArray("alice");
            records[size_t(i)].value = QByteArray("v") + QByteArray::number(i);
            records[size_t(i)].timestamp = 1'700'000'000'000 + i;
        }
        std::vector<Record> keyless(1);
        keyless[0].value = QByteArray("x");
        keyless[0].timestamp = 1'700'000'000'010;
        QCOMPARE(broker->append({{t0, RecordBatch::build(0, records)}}).front().error, ErrorCode::None);
        QCOMPARE(broker->append({{t0, RecordBatch::build(0, keyless)}}).front().error, ErrorCode::None);

        LiveRecorder recorder(*broker, clock.nowMs());
        LiveProjector projector(recorder, clock.nowMs());
        WireExchange produce = exchange(0, QStringLiteral("producer-1"), QStringLiteral("127.0.0.1:7"));
        produce.produced << WireRange {t0, 0, 3, 4, ErrorCode::None} << WireRange {t0, 4, 4, 1, ErrorCode::None};
        recorder.observe(produce);
        const QStringList members[] = {{QStringLiteral("a"), QStringLiteral("a-1111"), QStringLiteral("127.0.0.1:1")},
            {QStringLiteral("b"), QStringLiteral("b-2222"), QStringLiteral("127.0.0.1:2")}};
        // Each member in the new assignment (re)joins, as real members do in every rebalance.
        const auto joinAll = [&](const QMap<QString, QList<TopicPartition>> &assignment) {
            for (const QStringList &m : members) {
                if (!assignment.contains(m[1]))
                    continue;
                WireExchange join = exchange(11, m[0], m[2]);
                join.group = QStringLiteral("g");
                join.memberId = m[1];
                recorder.observe(join);
            }
        };
        const auto rebalance
            = [&](int generation, const QString &reason, const QMap<QString, QList<TopicPartition>> &a) {
                  broker->events().publish(GroupStateChanged {QStringLiteral("g"), QStringLiteral("Stable"),
                      QStringLiteral("PreparingRebalance"), reason, generation - 1});
                  clock.advance(50);
                  joinAll(a);
                  RebalanceCompleted r;
                  r.groupId = QStringLiteral("g");
                  r.generationId = generation;
                  r.protocolType = QStringLiteral("consumer");
                  r.protocolName = QStringLiteral("range");
                  r.assignment = a;
                  broker->events().publish(r);
              };
        rebalance(1, QStringLiteral("new member a-1111 joined (client reason: not provided)"),
            {{QStringLiteral("a-1111"), {t0}}, {QStringLiteral("b-2222"), {}}});
        WireExchange fetchA = exchange(1, QStringLiteral("a"), QStringLiteral("127.0.0.1:1"));
        fetchA.fetched << WireRange {t0, 0, 4, 5, ErrorCode::None};
        recorder.observe(fetchA);
        clock.advance(100);
        rebalance(2, QStringLiteral("member a-1111 left the group (client reason: the consumer is being closed)"),
            {{QStringLiteral("b-2222"), {t0}}});
        WireExchange fetchB = exchange(1, QStringLiteral("b"), QStringLiteral("127.0.0.1:2"));
        fetchB.fetched << WireRange {t0, 2, 4, 3, ErrorCode::None};
        recorder.observe(fetchB);
        clock.advance(100);
        rebalance(3, QStringLiteral("member b-2222 expired: no heartbeat within its session timeout of 45000 ms"), {});

        QSet<QString> phrases;
        FlowSnapshot s = projector.snapshot(*broker);
        s.rebalances = projector.rebalances();
        phrases.insert(s.title);
        collectPicture(s, &phrases);
        QVERIFY(s.rebalances.size() >= 2);
        QCOMPARE(recorder.recording().totals.duplicates, 3); // b fetched 2..4 again after a
        for (qint64 offset = 0; offset <= 5; ++offset)
            collectJourney(projector.journey(*broker, t0, offset), &phrases);
        // A keyed record in another partition than murmur2 picks, and one where it agrees.
        phrases.insert(LiveProjector::partitionCheck(QByteArray("alice"), t0, 2));
        phrases.insert(LiveProjector::partitionCheck(QByteArray("alice"), TopicPartition {t0.topic, 1}, 2));
        QVERIFY2(phrases.contains(QStringLiteral("Live broker")),
            qPrintable(QStringList(phrases.values()).join(QLatin1Char('|'))));
        checkAllKorean(phrases);
    }
};

QTEST_MAIN(TestEnginePhrases)
#include "tst_enginephrases.moc"
