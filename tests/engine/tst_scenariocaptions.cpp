// Captions, questions and answers of the built-in scenarios say what the screen shows: each checkable claim is
// measured on the run (ownership intervals, rebalances, counters), so a caption that stops being true fails here.
// Every built-in ends on a caption that comes after its outcome, and carries Korean text for every shown text.

#include "sim/scenariorunner.h"
#include "scenariotesthelpers.h"

#include <QRegularExpression>
#include <QTest>

using namespace topicscope::engine;
using topicscope::engine::testing::builtIn;
using topicscope::engine::testing::loadScenario;

namespace {

struct Gap {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 length() const { return toMs - fromMs; }
};

// Time nobody owned the partition in the group, between its intervals (after its first assignment).
QList<Gap> ownershipGaps(const QList<ScenarioOwnership> &ownership, const QString &group, const QString &tp)
{
    QList<ScenarioOwnership> intervals;
    for (const ScenarioOwnership &o : ownership) {
        if (o.group == group && o.topicPartition.toString() == tp)
            intervals << o;
    }
    std::sort(intervals.begin(), intervals.end(),
        [](const ScenarioOwnership &a, const ScenarioOwnership &b) { return a.fromMs < b.fromMs; });
    QList<Gap> gaps;
    for (qsizetype i = 1; i < intervals.size(); ++i) {
        const qint64 end = intervals.at(i - 1).toMs;
        if (end >= 0 && intervals.at(i).fromMs > end)
            gaps << Gap {end, intervals.at(i).fromMs};
    }
    return gaps;
}

QStringList interruptedPartitions(const ScenarioRunner &runner, const QString &group, const QString &topic, int count)
{
    QStringList out;
    for (int p = 0; p < count; ++p) {
        const QString tp = QStringLiteral("%1-%2").arg(topic).arg(p);
        if (!ownershipGaps(runner.ownership(), group, tp).isEmpty())
            out << tp;
    }
    return out;
}

// The English text of the caption step at atMs.
QString captionAt(const Scenario &s, qint64 atMs)
{
    for (const ScenarioStep &step : s.steps) {
        if (step.action == ScenarioAction::Caption && step.atMs == atMs)
            return step.text.english();
    }
    return {};
}

const ScenarioStep *firstPause(const Scenario &s)
{
    for (const ScenarioStep &step : s.steps) {
        if (step.action == ScenarioAction::Pause)
            return &step;
    }
    return nullptr;
}

const ScenarioRebalance *rebalance(const ScenarioRunner &runner, const QString &group, int generation)
{
    for (const ScenarioRebalance &r : runner.rebalances()) {
        if (r.group == group && r.generation == generation)
            return &r;
    }
    return nullptr;
}

// "3.1 s", "4 s", "+6 s": how the captions write virtual times.
QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0) + QStringLiteral(" s");
}

std::unique_ptr<ScenarioRunner> run(const char *file)
{
    auto runner = std::make_unique<ScenarioRunner>(loadScenario(builtIn(file)));
    if (!runner->runToEnd())
        qFatal("%s: an expectation failed", file);
    return runner;
}

#define VERIFY_CLAIM(text, claim)                                                                                      \
    QVERIFY2((text).contains(claim), qPrintable(QStringLiteral("\"%1\" does not say \"%2\"").arg(text, claim)))

} // namespace

class TestScenarioCaptions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void builtIns_data();
    void lastCaptionConcludes_data() { builtIns_data(); }
    void lastCaptionConcludes();
    void everyTextHasKorean_data() { builtIns_data(); }
    void everyTextHasKorean();
    void sandboxHasKorean();

    void stopTheWorldBreaksOnlyTheRejoinedMembersBars();
    void gracefulLeaveWaitsForTheNextHeartbeat();
    void initialDelayHoldsTheFirstGeneration();
    void autoCommitDuplicatesAfterTheSessionTimeout();
    void commitBeforeProcessingLosesTheRestOfTheBatch();
    void keylessSpreadAndStickyRuns();
    void cooperativeKeepsWhatStays();
    void stalledConsumerLeavesAndRejoins();
    void offsetResetClaims();
    void addedPartitionMovesKeys();
    void comparisonExplainsCooperativeGap();
};

void TestScenarioCaptions::builtIns_data()
{
    testing::addBuiltInRows();
}

void TestScenarioCaptions::lastCaptionConcludes()
{
    QFETCH(QString, file);
    ScenarioRunner runner(loadScenario(file));
    runner.runToEnd();
    // The scenario ends on a caption (not on an open question), shown once its outcome is on screen: after its last
    // rebalance and its last duplicate.
    qint64 lastCaption = -1;
    qint64 lastOutcome = 0;
    ScenarioEvent::Kind lastText = ScenarioEvent::Kind::Action;
    for (const ScenarioEvent &e : runner.timeline()) {
        if (e.kind == ScenarioEvent::Kind::Caption || e.kind == ScenarioEvent::Kind::Pause)
            lastText = e.kind;
        if (e.kind == ScenarioEvent::Kind::Caption)
            lastCaption = e.timeMs;
        if (e.kind == ScenarioEvent::Kind::Rebalance || e.kind == ScenarioEvent::Kind::Duplicate)
            lastOutcome = std::max(lastOutcome, e.timeMs);
    }
    QCOMPARE(lastText, ScenarioEvent::Kind::Caption);
    QVERIFY2(lastCaption >= lastOutcome, qPrintable(QStringLiteral("%1 < %2").arg(lastCaption).arg(lastOutcome)));
}

void TestScenarioCaptions::everyTextHasKorean()
{
    QFETCH(QString, file);
    const Scenario s = loadScenario(file);
    static const QRegularExpression hangul(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"));
    auto check = [](const LocalizedText &text, const QString &what) {
        QVERIFY2(!text.english().isEmpty(), qPrintable(what));
        QVERIFY2(text.hasLanguage(QStringLiteral("ko")), qPrintable(what + QStringLiteral(": no Korean")));
        QVERIFY2(text.text(QStringLiteral("ko")).contains(hangul), qPrintable(what + QStringLiteral(": not Korean")));
    };
    check(s.title, QStringLiteral("title"));
    check(s.description, QStringLiteral("description"));
    for (const ScenarioStep &step : s.steps) {
        if (step.action == ScenarioAction::Caption || step.action == ScenarioAction::Pause)
            check(step.text, step.path);
        if (step.action == ScenarioAction::Pause && !step.answer.isEmpty())
            check(step.answer, step.path + QStringLiteral(".answer"));
    }
}

void TestScenarioCaptions::sandboxHasKorean()
{
    const Scenario s = Scenario::sandbox();
    QVERIFY(s.title.hasLanguage(QStringLiteral("ko")));
    QVERIFY(s.description.hasLanguage(QStringLiteral("ko")));
    QCOMPARE(s.title.english(), QStringLiteral("Sandbox"));
}

void TestScenarioCaptions::stopTheWorldBreaksOnlyTheRejoinedMembersBars()
{
    const auto runner = run("14-eager-stop-the-world.json");
    const Scenario &s = runner->scenario();
    const QString caption = captionAt(s, 18000);
    // Eager: the members that rejoined first lose their partitions until the slow member rejoins.
    QCOMPARE(interruptedPartitions(*runner, QStringLiteral("eager"), QStringLiteral("rides"), 6),
        (QStringList {QStringLiteral("rides-0"), QStringLiteral("rides-1"), QStringLiteral("rides-2"),
            QStringLiteral("rides-3")}));
    VERIFY_CLAIM(caption, QStringLiteral("the bars of rides-0 to rides-3 break for %1")
                              .arg(seconds(ownershipGaps(runner->ownership(), QStringLiteral("eager"),
                                  QStringLiteral("rides-0")).first().length())));
    for (int p = 1; p < 4; ++p) {
        const QList<Gap> gaps = ownershipGaps(runner->ownership(), QStringLiteral("eager"), QStringLiteral("rides-%1").arg(p));
        QCOMPARE(gaps.size(), qsizetype(1));
        QCOMPARE(gaps.first().length(), ownershipGaps(runner->ownership(), QStringLiteral("eager"), QStringLiteral("rides-0")).first().length());
        // Until the generation 2 the slow member held up.
        QCOMPARE(gaps.first().toMs, rebalance(*runner, QStringLiteral("eager"), 2)->timeMs);
    }
    VERIFY_CLAIM(caption, QStringLiteral("rides-4 and rides-5 do not break"));
    // Cooperative: only the partition that moves.
    QCOMPARE(interruptedPartitions(*runner, QStringLiteral("cooperative"), QStringLiteral("rides"), 6),
        QStringList {QStringLiteral("rides-4")});
    const Gap moved = ownershipGaps(runner->ownership(), QStringLiteral("cooperative"), QStringLiteral("rides-4")).first();
    VERIFY_CLAIM(caption, QStringLiteral("only rides-4 breaks (%1").arg(seconds(moved.length())));
    // Said once both groups settled.
    QVERIFY(18000 >= rebalance(*runner, QStringLiteral("cooperative"), 3)->timeMs);
    // The repeats after the hand-off: all of rides-4, in the cooperative group only.
    QCOMPARE(runner->duplicates(QStringLiteral("eager")), 0);
    for (const ScenarioEvent &e : runner->timeline()) {
        if (e.kind == ScenarioEvent::Kind::Duplicate)
            QCOMPARE(e.topicPartition.toString(), QStringLiteral("rides-4"));
    }
    VERIFY_CLAIM(caption, QStringLiteral("coop-4 then processes %1 of its records again").arg(runner->duplicates(QStringLiteral("cooperative"))));
    VERIFY_CLAIM(firstPause(s)->answer.english(), QStringLiteral("rides-0 to rides-3"));
}

void TestScenarioCaptions::gracefulLeaveWaitsForTheNextHeartbeat()
{
    const auto runner = run("05-rebalance-join-leave.json");
    const Scenario &s = runner->scenario();
    // risk-2 leaves at 15 s; trades-2 (its partition) has nobody until the others' next heartbeat.
    const QString leave = captionAt(s, 15000);
    const QList<Gap> gaps = ownershipGaps(runner->ownership(), QStringLiteral("risk"), QStringLiteral("trades-2"));
    QVERIFY(!gaps.isEmpty());
    const Gap gap = gaps.constLast();
    QCOMPARE(gap.fromMs, qint64(15000));
    const qint64 heartbeatMs = s.consumer(QStringLiteral("risk-1"))->heartbeatIntervalMs;
    QCOMPARE(gap.length(), heartbeatMs);
    VERIFY_CLAIM(leave, QStringLiteral("heartbeat.interval.ms = %1").arg(seconds(heartbeatMs)));
    VERIFY_CLAIM(leave, QStringLiteral("trades-2 has no owner for %1").arg(seconds(gap.length())));
    QCOMPARE(rebalance(*runner, QStringLiteral("risk"), 4)->durationMs, gap.length());
    // The conclusion: four generations, each lasting until the last member's next heartbeat.
    const QString last = captionAt(s, 20000);
    QCOMPARE(runner->rebalances().size(), qsizetype(4));
    VERIFY_CLAIM(last, QStringLiteral("Four generations"));
    VERIFY_CLAIM(last,
        QStringLiteral("%1, %2, then %3")
            .arg(seconds(rebalance(*runner, QStringLiteral("risk"), 2)->durationMs),
                seconds(rebalance(*runner, QStringLiteral("risk"), 3)->durationMs),
                seconds(rebalance(*runner, QStringLiteral("risk"), 4)->durationMs)));
    // range took back every member's partitions at each rebalance: every interval ends at a rebalance or a leave.
    for (const ScenarioOwnership &o : runner->ownership())
        QVERIFY(o.toMs < 0 || o.endReason == QStringLiteral("revoked") || o.endReason == QStringLiteral("stopped"));
}

void TestScenarioCaptions::initialDelayHoldsTheFirstGeneration()
{
    const auto runner = run("04-one-partition-per-consumer.json");
    const Scenario &s = runner->scenario();
    const ScenarioRebalance *first = rebalance(*runner, QStringLiteral("dashboard"), 1);
    QVERIFY(first);
    QCOMPARE(first->assignment.size(), qsizetype(3));
    QCOMPARE(first->timeMs, 2 * s.settings.groupInitialRebalanceDelayMs);
    VERIFY_CLAIM(captionAt(s, 0), QStringLiteral("generation 1 together at +%1").arg(seconds(first->timeMs)));
    const ScenarioRebalance *second = rebalance(*runner, QStringLiteral("dashboard"), 2);
    QVERIFY(second && second->assignment.value(QStringLiteral("worker-d")).isEmpty());
    QVERIFY(captionAt(s, 10000).startsWith(QStringLiteral("Generation 2 gave worker-d nothing")));
    QVERIFY(10000 >= second->timeMs);
}

void TestScenarioCaptions::autoCommitDuplicatesAfterTheSessionTimeout()
{
    const auto runner = run("06-autocommit-duplicates.json");
    const QString last = captionAt(runner->scenario(), 14000);
    VERIFY_CLAIM(last, QStringLiteral("%1 duplicates").arg(runner->duplicates()));
    VERIFY_CLAIM(last, QStringLiteral("waited %1").arg(seconds(rebalance(*runner, QStringLiteral("mailer"), 2)->durationMs)));
    const auto manual = run("07-manual-commit.json");
    VERIFY_CLAIM(captionAt(manual->scenario(), 14000), QStringLiteral("%1 duplicates").arg(manual->duplicates()));
}

void TestScenarioCaptions::commitBeforeProcessingLosesTheRestOfTheBatch()
{
    const auto runner = run("08-commit-before-processing-loss.json");
    QList<qint64> lost;
    for (const ScenarioEvent &e : runner->timeline()) {
        if (e.kind == ScenarioEvent::Kind::Lost)
            lost << e.offset;
    }
    QVERIFY(!lost.isEmpty());
    QCOMPARE(lost.size(), lost.constLast() - lost.constFirst() + 1);
    VERIFY_CLAIM(captionAt(runner->scenario(), 11000),
        QStringLiteral("invoices %1 to %2").arg(lost.constFirst()).arg(lost.constLast()));
    // Said after printer-2 took over.
    QVERIFY(11000 >= rebalance(*runner, QStringLiteral("printers"), 2)->timeMs);
}

void TestScenarioCaptions::keylessSpreadAndStickyRuns()
{
    const auto runner = run("02-keyless-roundrobin-vs-sticky.json");
    const Scenario &s = runner->scenario();
    auto spread = [&](const QString &topic) {
        QStringList counts;
        for (int p = 0; p < 3; ++p) {
            int n = 0;
            for (const ScenarioEvent &e : runner->timeline())
                n += e.kind == ScenarioEvent::Kind::Produced && e.topicPartition.toString() == QStringLiteral("%1-%2").arg(topic).arg(p);
            counts << QString::number(n);
        }
        return counts.join(QLatin1Char('/'));
    };
    QString last;
    for (const ScenarioEvent &e : runner->timeline()) {
        if (e.kind == ScenarioEvent::Kind::Caption)
            last = e.text;
    }
    VERIFY_CLAIM(last, QStringLiteral("Round-robin gave %1").arg(spread(QStringLiteral("clicks-rr"))));
    VERIFY_CLAIM(last, QStringLiteral("sticky gave %1").arg(spread(QStringLiteral("clicks-sticky"))));
    // The answer: sticky switched only after twice batch.size, every time.
    const int batchSize = s.producer(QStringLiteral("sticky"))->batchSize;
    VERIFY_CLAIM(firstPause(s)->answer.english(), QStringLiteral("twice batch.size = %1 bytes").arg(2 * batchSize));
    int switches = 0;
    for (const ScenarioEvent &e : runner->timeline()) {
        if (e.kind == ScenarioEvent::Kind::Produced && e.text.contains(QStringLiteral("switched from"))) {
            ++switches;
            QVERIFY2(e.text.contains(QStringLiteral("≥ 2 × batch.size")), qPrintable(e.text));
        }
    }
    QVERIFY(switches > 0);
}

void TestScenarioCaptions::cooperativeKeepsWhatStays()
{
    const auto runner = run("13-cooperative-sticky-join.json");
    VERIFY_CLAIM(captionAt(runner->scenario(), 10000), QStringLiteral("Note the one duplicate"));
    QCOMPARE(runner->duplicates(QStringLiteral("cooperative")), 1);
    for (const char *tp : {"rides-0", "rides-1"}) {
        int intervals = 0;
        for (const ScenarioOwnership &o : runner->ownership())
            intervals += o.group == QStringLiteral("cooperative") && o.topicPartition.toString() == QLatin1String(tp);
        QCOMPARE(intervals, 1); // coop-1 never stopped reading it
    }
    QVERIFY(rebalance(*runner, QStringLiteral("cooperative"), 3));
}

void TestScenarioCaptions::stalledConsumerLeavesAndRejoins()
{
    const auto runner = run("12-stalled-consumer-poll-timeout.json");
    const QString last = captionAt(runner->scenario(), 16000);
    VERIFY_CLAIM(last, QStringLiteral("Generation 2 at +%1").arg(seconds(rebalance(*runner, QStringLiteral("resizers"), 2)->timeMs)));
    VERIFY_CLAIM(last, QStringLiteral("generation 3 at +%1").arg(seconds(rebalance(*runner, QStringLiteral("resizers"), 3)->timeMs)));
    const qint64 stalledFor = rebalance(*runner, QStringLiteral("resizers"), 2)->timeMs - 4000;
    VERIFY_CLAIM(last, QStringLiteral("after %1 without poll()").arg(seconds(stalledFor)));
}

void TestScenarioCaptions::offsetResetClaims()
{
    const auto newGroups = run("09-offset-reset-new-group.json");
    const TopicPartition news {QStringLiteral("news"), 0};
    const QString last = captionAt(newGroups->scenario(), 7000);
    VERIFY_CLAIM(last, QStringLiteral("from offset %1").arg(*newGroups->startOffset(QStringLiteral("archive"), news)));
    VERIFY_CLAIM(last, QStringLiteral("three new ones from offset %1").arg(*newGroups->startOffset(QStringLiteral("ticker"), news)));
    QCOMPARE(newGroups->processed(QStringLiteral("archive")), 8);
    QCOMPARE(newGroups->processed(QStringLiteral("ticker")), 3);

    const auto retention = run("10-offset-reset-after-retention.json");
    const TopicPartition audit {QStringLiteral("audit"), 0};
    const QString after = captionAt(retention->scenario(), 9000);
    VERIFY_CLAIM(after, QStringLiteral("compliance resumed at %1").arg(*retention->startOffset(QStringLiteral("compliance"), audit)));
    VERIFY_CLAIM(after, QStringLiteral("alerts resumed at %1").arg(*retention->startOffset(QStringLiteral("alerts"), audit)));
}

void TestScenarioCaptions::addedPartitionMovesKeys()
{
    const auto runner = run("11-adding-partitions-moves-keys.json");
    QList<int> counts(3, 0);
    for (const ScenarioEvent &e : runner->timeline()) {
        if (e.kind == ScenarioEvent::Kind::Produced)
            ++counts[e.topicPartition.partition];
    }
    VERIFY_CLAIM(captionAt(runner->scenario(), 4000), QStringLiteral("%1/%2/%3").arg(counts[0]).arg(counts[1]).arg(counts[2]));
}

void TestScenarioCaptions::comparisonExplainsCooperativeGap()
{
    const Scenario s = loadScenario(builtIn("05-rebalance-join-leave.json"));
    const AssignorComparison en = ScenarioRunner::compareAssignors(s);
    QVERIFY(en.error.isEmpty());
    const AssignorRun *cooperative = nullptr;
    qint64 others = 0;
    int rangeRebalances = 0;
    for (const AssignorRun &r : en.runs) {
        if (r.assignor == QStringLiteral("cooperative-sticky"))
            cooperative = &r;
        else
            others = std::max(others, r.processingGapMs);
        if (r.assignor == QStringLiteral("range"))
            rangeRebalances = int(r.rebalances.size());
    }
    QVERIFY(cooperative);
    // What the note explains: the longest gap, and more rebalances.
    QVERIFY(cooperative->processingGapMs > others);
    VERIFY_CLAIM(en.note, QStringLiteral("(%1 against %2)").arg(cooperative->rebalances.size()).arg(rangeRebalances));
    VERIFY_CLAIM(en.note, QStringLiteral("(%1 ms against").arg(cooperative->processingGapMs));
    VERIFY_CLAIM(en.note, QStringLiteral("heartbeat.interval.ms = 3000 ms"));
    QCOMPARE(en.title, QStringLiteral("Rebalancing on join and leave"));

    const AssignorComparison ko = ScenarioRunner::compareAssignors(s, QStringLiteral("ko"));
    QVERIFY(ko.note.contains(QStringLiteral("리밸런스")));
    QCOMPARE(ko.title, s.title.text(QStringLiteral("ko")));
    QVERIFY(ko.title != en.title);

    // Where cooperative-sticky does not come out worst, there is nothing to explain.
    const AssignorComparison keys = ScenarioRunner::compareAssignors(loadScenario(builtIn("01-key-partitioning.json")));
    QCOMPARE(keys.note, QString());
}

QTEST_GUILESS_MAIN(TestScenarioCaptions)
#include "tst_scenariocaptions.moc"
