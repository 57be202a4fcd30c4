// Scenario texts per language: a text field is a plain string (English) or {"en": ..., "ko": ...}; the player and
// the scenario control pick the language (English for a text that lacks it) for the state, the snapshot's title,
// caption, question and answer and its event list's captions and questions; the timeline and report stay English.

#include "runtime/scenariocontrol.h"
#include "runtime/scenarioplayer.h"
#include "scenariotesthelpers.h"

#include <QTest>

using namespace topicscope::engine;
using topicscope::engine::testing::builtIn;
using topicscope::engine::testing::parseScenario;

namespace {

QByteArray withTitle(const QByteArray &title, const QByteArray &caption = "\"c\"")
{
    return "{\"format\": \"topicscope-scenario\", \"version\": 1,\n \"title\": " + title
        + ",\n \"topics\": [{\"name\": \"t\"}],\n \"steps\": [{\"at\": 0, \"action\": \"caption\", \"text\": " + caption
        + "}]}";
}

} // namespace

class TestScenarioText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesTexts_data();
    void parsesTexts();
    void refusesBadTexts_data();
    void refusesBadTexts();
    void playerShowsTheChosenLanguage();
    void menuTitlesInTheChosenLanguage();
};

void TestScenarioText::parsesTexts_data()
{
    QTest::addColumn<QByteArray>("title");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain string is English")
        << QByteArray("\"Hello\"") << QStringLiteral("en") << QStringLiteral("Hello");
    QTest::addRow("plain string, Korean asked")
        << QByteArray("\"Hello\"") << QStringLiteral("ko") << QStringLiteral("Hello");
    QTest::addRow("object, English") << QByteArray("{\"en\": \"Hello\", \"ko\": \"안녕\"}") << QStringLiteral("en")
                                     << QStringLiteral("Hello");
    QTest::addRow("object, Korean") << QByteArray("{\"en\": \"Hello\", \"ko\": \"안녕\"}") << QStringLiteral("ko")
                                    << QStringLiteral("안녕");
    QTest::addRow("missing language falls back")
        << QByteArray("{\"en\": \"Hello\", \"ko\": \"안녕\"}") << QStringLiteral("fr") << QStringLiteral("Hello");
}

void TestScenarioText::parsesTexts()
{
    QFETCH(QByteArray, title);
    QFETCH(QString, language);
    QFETCH(QString, expected);
    const Scenario s = parseScenario(withTitle(title, title));
    QCOMPARE(s.title.text(language), expected);
    QCOMPARE(s.steps.first().text.text(language), expected);
    // The report is English whatever the file carries.
    ScenarioRunner runner(s);
    runner.runToEnd();
    QVERIFY(runner.report().startsWith(QStringLiteral("== %1 ==").arg(s.title.english())));
    QVERIFY(runner.timelineDump().contains(QStringLiteral("caption: ") + s.title.english()));
}

void TestScenarioText::refusesBadTexts_data()
{
    QTest::addColumn<QByteArray>("title");
    QTest::addColumn<QString>("error");
    QTest::addRow("no English") << QByteArray("{\"ko\": \"안녕\"}")
                                << QStringLiteral("line 2: title.en: missing (every text needs its English version)");
    QTest::addRow("not a language code") << QByteArray("{\"en\": \"a\", \"Korean\": \"b\"}")
                                         << QStringLiteral("line 2: title.Korean: not a language code");
    QTest::addRow("not a string") << QByteArray("{\"en\": \"a\", \"ko\": 3}")
                                  << QStringLiteral("line 2: title.ko: must be a string");
    QTest::addRow("a number") << QByteArray("42") << QStringLiteral("line 2: title: must be a string or an object");
}

void TestScenarioText::refusesBadTexts()
{
    QFETCH(QByteArray, title);
    QFETCH(QString, error);
    QString why;
    QVERIFY(!Scenario::parse(withTitle(title), &why));
    QVERIFY2(why.startsWith(error), qPrintable(why));
}

void TestScenarioText::playerShowsTheChosenLanguage()
{
    ScenarioPlayer player;
    QList<FlowSnapshot> snapshots;
    QList<ScenarioPlayerState> states;
    ScenarioPlayer::Sinks sinks;
    sinks.snapshot = [&](const FlowSnapshot &s) { snapshots << s; };
    sinks.state = [&](const ScenarioPlayerState &s) { states << s; };
    player.setSinks(sinks);
    QVERIFY(player.loadFile(builtIn("05-rebalance-join-leave.json")));
    const Scenario s = player.runner()->scenario(); // a copy: restart() replaces the runner
    QCOMPARE(states.constLast().language, QStringLiteral("en"));
    QCOMPARE(states.constLast().title, QStringLiteral("Rebalancing on join and leave"));
    QCOMPARE(snapshots.constLast().caption, QStringLiteral("risk-1 is alone: it owns all four partitions."));

    player.setLanguage(QStringLiteral("ko"));
    QCOMPARE(states.constLast().language, QStringLiteral("ko"));
    QCOMPARE(states.constLast().title, s.title.text(QStringLiteral("ko")));
    QCOMPARE(states.constLast().description, s.description.text(QStringLiteral("ko")));
    QCOMPARE(snapshots.constLast().title, s.title.text(QStringLiteral("ko")));
    QCOMPARE(snapshots.constLast().caption, QStringLiteral("risk-1 혼자입니다. 파티션 네 개를 모두 가집니다."));
    // The question of the pause, in Korean; the event list shows the caption in Korean too.
    player.advanceBy(10'000);
    QCOMPARE(snapshots.constLast().timeMs, qint64(5000));
    QCOMPARE(snapshots.constLast().question, QStringLiteral("risk-2가 들어옵니다. 파티션 네 개는 어떻게 나뉠까요?"));
    QCOMPARE(
        snapshots.constLast().answer, QStringLiteral("range는 멤버마다 연속된 범위를 줍니다. 두 개씩 나눠 갖습니다."));
    const ScenarioEvent pauseEvent = snapshots.constLast().recentEvents.constLast();
    QCOMPARE(pauseEvent.kind, ScenarioEvent::Kind::Pause);
    QVERIFY2(pauseEvent.text.startsWith(QStringLiteral("risk-2가 들어옵니다.")), qPrintable(pauseEvent.text));
    QVERIFY(player.runner()->timeline().constLast().text.startsWith(QStringLiteral("risk-2 joins.")));
    // A restart keeps the language; the report stays English.
    player.restart();
    QCOMPARE(states.constLast().title, s.title.text(QStringLiteral("ko")));
    QVERIFY(player.runner()->report().startsWith(QStringLiteral("== Rebalancing on join and leave ==")));
    // A language no text has: English.
    player.setLanguage(QStringLiteral("fr"));
    QCOMPARE(states.constLast().title, QStringLiteral("Rebalancing on join and leave"));
    QCOMPARE(snapshots.constLast().caption, QStringLiteral("risk-1 is alone: it owns all four partitions."));
    // The comparison comes in the player's language, and so do the pictures kept for time travel, whatever the
    // language when they were taken.
    player.advanceBy(10'000);
    player.advanceBy(10'000);
    QVERIFY(player.historyAt(2).has_value());
    QCOMPARE(player.historyAt(2)->caption,
        QStringLiteral("risk-3 joins: 4 partitions over 3 members, the first member gets the extra one."));
    player.setLanguage(QStringLiteral("ko"));
    QCOMPARE(player.compareAssignors().title, s.title.text(QStringLiteral("ko")));
    QCOMPARE(player.historyAt(2)->title, s.title.text(QStringLiteral("ko")));
    QCOMPARE(player.historyAt(2)->caption,
        QStringLiteral("risk-3이 들어옵니다. 파티션 4개를 멤버 3명이 나누니, 남는 하나는 첫 번째 멤버가 가져갑니다."));
}

void TestScenarioText::menuTitlesInTheChosenLanguage()
{
    const QList<std::pair<QString, QString>> en = ScenarioControl::builtIns();
    const QList<std::pair<QString, QString>> ko = ScenarioControl::builtIns(QStringLiteral("ko"));
    QCOMPARE(en.size(), Scenario::builtInFiles().size());
    QCOMPARE(ko.size(), en.size());
    for (int i = 0; i < en.size(); ++i) {
        QCOMPARE(ko.at(i).first, en.at(i).first);
        QVERIFY2(ko.at(i).second != en.at(i).second, qPrintable(en.at(i).second));
    }
    QCOMPARE(en.first().second, QStringLiteral("Key-based partitioning"));
    QCOMPARE(ko.first().second, QStringLiteral("키 기반 파티셔닝"));
}

QTEST_GUILESS_MAIN(TestScenarioText)
#include "tst_scenariotext.moc"
