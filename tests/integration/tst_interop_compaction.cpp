// A compacted topic (cleanup.policy=compact) through confluent-kafka on librdkafka (2.0.2, and 2.15.1 as the
// _rdkafka215 entry) against the real topicscope executable: the topic is created with its configs and described
// back, a record without a key is refused with INVALID_RECORD, and once the broker's log cleaner has run, a consumer
// reading from the beginning finds each key's newest record at the offset its producer was told, the superseded ones
// gone from the closed segments, offsets ascending with gaps. Script: interop_compaction.py.
#include "interopbroker.h"

#include <QTest>

using namespace topicscope::interoptest;

class TestInteropCompaction : public QObject {
    Q_OBJECT
private:
    InteropBroker m_broker;

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(reportConfluentLibrdkafka(&why), qPrintable(why));
        if (!pythonHasModule(QStringLiteral("confluent_kafka")))
            QSKIP("confluent-kafka is not installed for /usr/bin/python3 (Debian package python3-confluent-kafka)");
        QString error;
        QVERIFY2(m_broker.start({}, &error), qPrintable(error));
    }

    void aCompactedTopicKeepsTheNewestOfEachKey()
    {
        const ProgramRun run = runProgram(systemPython(),
            {QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/integration/interop_compaction.py"), m_broker.bootstrap()});
        if (run.exitCode != 0 || !run.output.contains("DONE"))
            qWarning().noquote() << run.output << "\n--- broker log tail:\n" << m_broker.logTail();
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.tagged(QStringLiteral("config")),
            (QList<QStringList> {{QStringLiteral("compact"), QStringLiteral("1024")}}));
        QCOMPARE(run.tagged(QStringLiteral("written")), (QList<QStringList> {{QStringLiteral("120")}}));
        QCOMPARE(run.tagged(QStringLiteral("keyless")), (QList<QStringList> {{QStringLiteral("INVALID_RECORD")}}));
        const QList<QStringList> read = run.tagged(QStringLiteral("read"));
        QCOMPARE(read.size(), 1);
        // Compacted: fewer records than written, the first ones gone (offsets are kept, so the first read is > 0).
        QVERIFY2(read[0][0].toInt() < 120 && read[0][2].toInt() > 0, qPrintable(read[0].join(QLatin1Char(' '))));
        QCOMPARE(run.tagged(QStringLiteral("ascending")), (QList<QStringList> {{QStringLiteral("1")}}));
        const QList<QStringList> newest = run.tagged(QStringLiteral("newest"));
        QCOMPARE(newest.size(), 4);
        for (const QStringList &key : newest) {
            QCOMPARE(key[1], QStringLiteral("1"));
            // The closed segments keep one record per key; the active one (1 KiB, a few rounds) is not cleaned.
            QVERIFY2(key[2].toInt() >= 1 && key[2].toInt() <= 10, qPrintable(key.join(QLatin1Char(' '))));
        }
        // The broker said what its cleaner did (the output is read as the event loop runs).
        QTRY_VERIFY2_WITH_TIMEOUT(
            m_broker.log().contains("cleaned compacted-prices-0"), m_broker.logTail().constData(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestInteropCompaction)
#include "tst_interop_compaction.moc"
