// Kafka 4's consumer group protocol (KIP-848) with real clients: confluent-kafka consumers on librdkafka 2.15.1 with
// group.protocol=consumer against the real topicscope executable. Two and then three members split a 6-partition
// topic, one leaves cleanly and one is SIGKILLed, and after each change every partition ends owned by exactly one
// live member; no record produced meanwhile is skipped. The same clients with the classic protocol
// (cooperative-sticky) run the same script for comparison. Debian's librdkafka 2.0.2 predates the consumer protocol:
// its run does the classic half, the _rdkafka215 run both. Script: interop_consumer_protocol.py. The broker records
// the session (--record) and its report must show the consumer-protocol group epoch by epoch.
#include "clientversions.h"
#include "interopbroker.h"

#include <QTemporaryDir>
#include <QTest>

using namespace topicscope::interoptest;

class TestInteropConsumerProtocol : public QObject {
    Q_OBJECT
private:
    InteropBroker m_broker;
    QString m_librdkafka;
    QTemporaryDir m_dir;
    bool m_consumerRan = false;
    QString recording() const { return m_dir.filePath(QStringLiteral("session.json")); }

    void runGroup(const QString &protocol)
    {
        const QString script = QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/integration/interop_consumer_protocol.py");
        const ProgramRun run = runProgram(
            systemPython(), {script, m_broker.bootstrap(), QStringLiteral("driver"), protocol}, {}, 240000);
        qInfo().noquote() << protocol << "protocol:";
        for (const QStringList &r : run.results)
            qInfo().noquote() << "  " << r.join(QLatin1Char(' '));
        if (run.exitCode != 0 || !run.output.contains("DONE"))
            qWarning().noquote() << run.output.right(6000) << "\n--- broker log tail:\n" << m_broker.logTail();
        QCOMPARE(run.exitCode, 0);
        // After every change each partition is owned by exactly one live member, each member owning some.
        for (const char *step : {"two", "three", "after-leave", "after-kill"}) {
            const QList<QStringList> split = run.tagged(QString::fromLatin1(step));
            QCOMPARE(split.size(), 1);
            QVERIFY2(split.constFirst().value(0) != QLatin1String("timeout"), step);
        }
        QCOMPARE(run.tagged(QStringLiteral("three")).constFirst().size(), 1 + 3);
        // A clean close leaves the group; the killed member's partitions come back after its session.
        QCOMPARE(
            run.tagged(QStringLiteral("closed")), (QList<QStringList> {{QStringLiteral("a"), QStringLiteral("1")}}));
        QCOMPARE(run.tagged(QStringLiteral("after-kill")).constFirst().value(1), QStringLiteral("0,1,2,3,4,5"));
        QCOMPARE(run.tagged(QStringLiteral("consumed")),
            (QList<QStringList> {{QStringLiteral("600"), QStringLiteral("missing"), QStringLiteral("0")}}));
        QCOMPARE(run.tagged(QStringLiteral("errors")), (QList<QStringList> {{QStringLiteral("0")}}));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(reportConfluentLibrdkafka(&why), qPrintable(why));
        if (!pythonHasModule(QStringLiteral("confluent_kafka")))
            QSKIP("needs confluent-kafka for /usr/bin/python3 (python3-confluent-kafka)");
        m_librdkafka = librdkafkaVersionOf(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), QStringLiteral("import confluent_kafka; print(confluent_kafka.libversion()[0])")});
        QString error;
        // A short consumer-protocol session and heartbeat so that the killed member's partitions move within
        // seconds; the classic members ask for the same session themselves.
        QVERIFY2(m_broker.start({QStringLiteral("--group-initial-rebalance-delay-ms"), QStringLiteral("0"),
                                    QStringLiteral("--group-consumer-session-timeout-ms"), QStringLiteral("6000"),
                                    QStringLiteral("--group-consumer-heartbeat-interval-ms"), QStringLiteral("500"),
                                    QStringLiteral("--record"), recording()},
                     &error),
            qPrintable(error));
    }

    void consumerProtocolGroup()
    {
        const QStringList parts = m_librdkafka.split(QLatin1Char('.'));
        if (parts.size() < 2 || parts.at(0).toInt() < 2 || (parts.at(0).toInt() == 2 && parts.at(1).toInt() < 4))
            QSKIP("librdkafka before 2.4 has no consumer group protocol (the _rdkafka215 run has)");
        runGroup(QStringLiteral("consumer"));
        m_consumerRan = true;
    }

    void classicProtocolGroup() { runGroup(QStringLiteral("classic")); }

    void recordingShowsEveryEpoch()
    {
        // Stopped with SIGTERM the broker saves its live recording; --report prints it.
        QVERIFY2(!m_broker.port() || m_broker.isRunning(), "the broker died during the test");
        m_broker.stop();
        if (!m_consumerRan)
            QSKIP("no consumer-protocol group was run (librdkafka before 2.4)");
        const ProgramRun report = runProgram(qEnvironmentVariable("TOPICSCOPE_BIN"),
            {QStringLiteral("--headless"), QStringLiteral("--report"), recording()}, {}, 60000);
        const QString text = QString::fromUtf8(report.output);
        QVERIFY2(report.exitCode == 0, qPrintable(text.right(3000)));
        // The report's rebalance section (the timeline above it has a line per row too).
        const QString section
            = text.section(QLatin1String("== Rebalances:"), 1).section(QLatin1String("== Live recording"), 0, 0);
        QStringList rows;
        for (const QString &line : section.split(QLatin1Char('\n'))) {
            if (line.contains(QLatin1String(" group group-consumer epoch ")))
                rows << line;
        }
        qInfo().noquote() << rows.join(QLatin1Char('\n'));
        // Two and three members, a clean leave, a kill: at least one row per change, epochs rising, each row
        // a consumer-protocol one, and none of the classic group's rows says epoch.
        QVERIFY2(rows.size() >= 5, qPrintable(text.right(4000)));
        int previous = 0;
        for (const QString &row : std::as_const(rows)) {
            QVERIFY2(row.contains(QLatin1String("consumer protocol")), qPrintable(row));
            const int epoch = row.section(QLatin1String(" epoch "), 1).section(QLatin1Char(' '), 0, 0).toInt();
            QVERIFY2(epoch > previous, qPrintable(row));
            previous = epoch;
        }
        QVERIFY(section.contains(QLatin1String(" group group-classic generation ")));
        QVERIFY(!section.contains(QLatin1String(" group group-classic epoch ")));
        // The members' steps are in the timeline: who owns what at which epoch.
        QVERIFY2(text.contains(QLatin1String("group group-consumer: ")) && text.contains(QLatin1String(" at epoch ")),
            qPrintable(text.left(3000)));
    }

    void cleanupTestCase() { m_broker.stop(); }
};

QTEST_GUILESS_MAIN(TestInteropConsumerProtocol)
#include "tst_interop_consumerprotocol.moc"
