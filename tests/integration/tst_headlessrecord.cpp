// `topicscope --headless --record FILE` and `--report FILE` end to end: the real binary serves the tutorial's
// kafka-python producer and consumer group (tests/integration/live_clients.py), SIGTERM makes it save the live
// recording, and `--report` prints the group's generations with their causes. Broken files and command lines are
// refused with a clear message and their exit code.
#include "interopbroker.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace topicscope::interoptest;

class TestHeadlessRecord : public QObject {
    Q_OBJECT
private:
    static ProgramRun topicscope(const QStringList &args)
    {
        return runProgram(qEnvironmentVariable("TOPICSCOPE_BIN"), args, {}, 60000);
    }

private Q_SLOTS:
    void recordThenReport()
    {
        if (!pythonHasModule(QStringLiteral("kafka")))
            QSKIP("kafka-python is not installed for /usr/bin/python3 (Debian package python3-kafka)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("session.json"));
        InteropBroker broker;
        QString error;
        QVERIFY2(broker.start({QStringLiteral("--record"), file, QStringLiteral("--group-initial-rebalance-delay-ms"),
                                  QStringLiteral("100")},
                     &error),
            qPrintable(error));
        QVERIFY(broker.log().contains(QByteArray("saved to " + file.toUtf8() + " when stopped")));
        const ProgramRun clients = runClientScenario(broker,
            QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/integration/live_clients.py"), QStringLiteral("tutorial"));
        QCOMPARE(clients.exitCode, 0);
        QVERIFY(!QFile::exists(file)); // written when stopped, not before
        broker.stop(); // SIGTERM
        const QByteArray log = broker.log();
        QVERIFY2(log.contains(QByteArray("live recording saved to " + file.toUtf8())), log.right(3000).constData());
        QVERIFY(QFile::exists(file));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("session.json")});

        const ProgramRun report = topicscope({QStringLiteral("--headless"), QStringLiteral("--report"), file});
        QVERIFY(report.finished);
        const QString text = QString::fromUtf8(report.output);
        QVERIFY2(report.exitCode == 0, qPrintable(text.right(3000)));
        QVERIFY2(
            text.startsWith(QStringLiteral("== Live recording: Live broker ==\nstarted ")), qPrintable(text.left(500)));
        // The group's generations, each with the coordinator's cause: consumer-1 joins, consumer-2 joins, then leaves.
        static const QRegularExpression row(QStringLiteral("^\\+\\d+\\.\\d{3}s group consumer-group-1 generation "
                                                           "(\\d+) \\[range\\] cause: ([a-z ]+): .*; took \\d+ ms; "
                                                           "(.*); moved \\[.*\\]; paused \\d+ ms"));
        QList<int> generations;
        QStringList causes;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            const QRegularExpressionMatch m = row.match(line);
            if (m.hasMatch()) {
                generations << m.captured(1).toInt();
                causes << m.captured(2);
            }
        }
        QVERIFY2(generations.size() >= 3, qPrintable(text.section(QStringLiteral("== Rebalances"), 1)));
        for (int i = 0; i < generations.size(); ++i)
            QCOMPARE(generations.at(i), i + 1);
        QCOMPARE(causes.first(), QStringLiteral("join"));
        QVERIFY2(causes.contains(QStringLiteral("leave")), qPrintable(causes.join(u'|')));
        QVERIFY(text.contains(QStringLiteral("client keyed-producer (127.0.0.1:")));
        QVERIFY(text.contains(QStringLiteral("REBALANCE: group consumer-group-1 generation 1 [range] cause: ")));
        QVERIFY(text.contains(QRegularExpression(QStringLiteral("\nproduced=10 fetched=\\d+ redelivered=0 events=\\d+ "
                                                                "rebalances=\\d+\n$"))));
    }

    void brokenFilesAndCommandLines()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString truncated = dir.filePath(QStringLiteral("truncated.json"));
        QFile f(truncated);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"topicscope-live-recording\", \"version\": 1, \"title\": ");
        f.close();
        ProgramRun run = topicscope({QStringLiteral("--headless"), QStringLiteral("--report"), truncated});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains("topicscope: truncated.json: not valid JSON"), run.output.constData());

        run = topicscope(
            {QStringLiteral("--headless"), QStringLiteral("--report"), dir.filePath(QStringLiteral("none"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains("topicscope: cannot open"), run.output.constData());

        run = topicscope({QStringLiteral("--headless"), QStringLiteral("--report"),
            QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/../resources/scenarios/01-key-partitioning.json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains("not a Topicscope live recording: format is \"topicscope-scenario\""),
            run.output.constData());

        run = topicscope({QStringLiteral("--report"), truncated});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains("--report works with --headless"), run.output.constData());
        run = topicscope({QStringLiteral("--headless"), QStringLiteral("--record"), truncated,
            QStringLiteral("--no-live-recording")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains("--record needs the live recording"), run.output.constData());

        run = topicscope({QStringLiteral("--headless"), QStringLiteral("--record"),
            dir.filePath(QStringLiteral("no/such/dir/session.json"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains("--record: the directory of"), run.output.constData());

        run = topicscope({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.output.contains("--record <FILE>"));
        QVERIFY(run.output.contains("--report <FILE>"));
    }
};

QTEST_GUILESS_MAIN(TestHeadlessRecord)
#include "tst_headlessrecord.moc"
