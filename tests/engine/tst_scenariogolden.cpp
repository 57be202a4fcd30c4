// The headless report of every built-in scenario, byte for byte, against a golden file in tests/engine/golden:
// the timeline, the final state and the checks. It freezes what the scenarios do, so that a redesign of the
// broker or the runner (issue 9: one Broker for the live engine and the scenarios) shows any change in
// behaviour as a diff. A deliberate change (a caption reworded, a scenario extended) is recorded by running
// this test with TOPICSCOPE_UPDATE_GOLDEN=1, which rewrites the golden files; review their diff before committing.

#include "scenariotesthelpers.h"
#include "sim/scenariorunner.h"

#include <QFile>
#include <QTest>

using namespace topicscope::engine;

class TestScenarioGolden : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reportIsTheGoldenOne_data() { testing::addBuiltInRows(); }

    void reportIsTheGoldenOne()
    {
        QFETCH(QString, file);
        QString report;
        QVERIFY(ScenarioRunner::runFile(file, &report));
        const QString golden = QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/engine/golden/")
            + file.section(QLatin1Char('/'), -1).replace(QLatin1String(".json"), QLatin1String(".txt"));
        if (qEnvironmentVariableIntValue("TOPICSCOPE_UPDATE_GOLDEN") == 1) {
            QFile out(golden);
            QVERIFY2(out.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(golden));
            out.write(report.toUtf8());
            QSKIP("golden file rewritten");
        }
        QFile in(golden);
        QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(golden + QStringLiteral(" is missing")));
        const QStringList expected = QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'));
        const QStringList actual = report.split(QLatin1Char('\n'));
        // The first differing line, rather than two whole reports.
        for (qsizetype i = 0; i < std::min(expected.size(), actual.size()); ++i)
            QVERIFY2(expected.at(i) == actual.at(i),
                qPrintable(QStringLiteral("line %1\n  golden: %2\n  now:    %3")
                        .arg(i + 1)
                        .arg(expected.at(i), actual.at(i))));
        QCOMPARE(actual.size(), expected.size());
    }
};

QTEST_GUILESS_MAIN(TestScenarioGolden)
#include "tst_scenariogolden.moc"
