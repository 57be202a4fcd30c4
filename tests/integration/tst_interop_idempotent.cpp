// confluent-kafka-python 1.7.0 on librdkafka 2.0.2 with enable.idempotence=True against the real topicscope
// executable: the producer gets a producer id from InitProducerId, sends sequence-numbered batches with up to
// five in flight per connection, and every record is delivered once and read back exactly once.
// Scenarios: interop_idempotent.py.
#include "interopbroker.h"

#include <QTest>

using namespace topicscope::interoptest;

class TestInteropIdempotent : public QObject {
    Q_OBJECT
private:
    InteropBroker m_broker;
    QString m_script;

    ProgramRun runScenario(const QString &scenario, int count)
    {
        return runClientScenario(m_broker, m_script, scenario, {QString::number(count)});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(reportConfluentLibrdkafka(&why), qPrintable(why));
        if (!pythonHasModule(QStringLiteral("confluent_kafka")))
            QSKIP("confluent-kafka is not installed for /usr/bin/python3 (Debian package python3-confluent-kafka)");
        m_script = QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/integration/interop_idempotent.py");
        QVERIFY(!m_script.isEmpty());
        QString error;
        QVERIFY2(m_broker.start({QStringLiteral("--group-initial-rebalance-delay-ms"), QStringLiteral("100")}, &error),
            qPrintable(error));
    }

    void idempotentProducerRecordsAreReadBackExactlyOnce()
    {
        constexpr int count = 2000;
        const ProgramRun run = runScenario(QStringLiteral("produce-read-back"), count);
        QCOMPARE(run.exitCode, 0);
        const QString n = QString::number(count);
        // (records acknowledged, distinct (partition, offset) pairs) and (records read, distinct values).
        QCOMPARE(run.tagged(QStringLiteral("delivered")), (QList<QStringList> {{n, n}}));
        QCOMPARE(run.tagged(QStringLiteral("consumed")), (QList<QStringList> {{n, n}}));
        // The producer really was idempotent: it asked for a producer id.
        QTRY_VERIFY2_WITH_TIMEOUT(
            m_broker.log().contains("for idempotent client"), m_broker.logTail().constData(), 5000);
    }

    void cleanupTestCase()
    {
        QVERIFY2(!m_broker.port() || m_broker.isRunning(), "the broker died during the test");
        m_broker.stop();
    }
};

QTEST_GUILESS_MAIN(TestInteropIdempotent)
#include "tst_interop_idempotent.moc"
