// confluent-kafka-python 1.7.0 on librdkafka 2.0.2 (Debian python3-confluent-kafka) against the real topicscope
// executable: an acks=all producer, two-member consumer groups with the range, roundrobin and cooperative-sticky
// assignors, and AdminClient topic creation, deletion and group listing. Scenarios: interop_confluent.py.
#include "interopbroker.h"
#include "runtime/clusteridentity.h"

#include <QSet>
#include <QTest>

using namespace topicscope::interoptest;

class TestInteropConfluent : public QObject {
    Q_OBJECT
private:
    InteropBroker m_broker;
    QString m_script;

    ProgramRun runScenario(const QString &scenario) { return runClientScenario(m_broker, m_script, scenario); }

    static QSet<int> partitions(const QString &list)
    {
        QSet<int> out;
        if (list == QLatin1String("-"))
            return out;
        for (const QString &p : list.split(QLatin1Char(',')))
            out.insert(p.toInt());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(reportConfluentLibrdkafka(&why), qPrintable(why));
        if (!pythonHasModule(QStringLiteral("confluent_kafka")))
            QSKIP("confluent-kafka is not installed for /usr/bin/python3 (Debian package python3-confluent-kafka)");
        m_script = QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/integration/interop_confluent.py");
        QVERIFY(!m_script.isEmpty());
        QString error;
        QVERIFY2(m_broker.start({QStringLiteral("--group-initial-rebalance-delay-ms"), QStringLiteral("100")}, &error),
            qPrintable(error));
    }

    void producerAcksAll()
    {
        const ProgramRun run = runScenario(QStringLiteral("produce-acks-all"));
        QCOMPARE(run.exitCode, 0);
        // 30 keyed records, all acknowledged; librdkafka's CRC-32 partitioner spreads k0..k29 over all 3.
        QCOMPARE(run.tagged(QStringLiteral("delivered")),
            (QList<QStringList> {{QStringLiteral("30"), QStringLiteral("3")}}));
    }

    void consumerGroup_data()
    {
        QTest::addColumn<QString>("strategy");
        QTest::addRow("range") << QStringLiteral("range");
        QTest::addRow("roundrobin") << QStringLiteral("roundrobin");
        QTest::addRow("cooperative-sticky") << QStringLiteral("cooperative-sticky");
    }
    void consumerGroup()
    {
        QFETCH(QString, strategy);
        const ProgramRun run = runScenario(QStringLiteral("group-") + strategy);
        QCOMPARE(run.exitCode, 0);
        const auto assignments = run.tagged(QStringLiteral("assignment"));
        QCOMPARE(assignments.size(), 2);
        const QSet<int> first = partitions(assignments.at(0).at(1));
        const QSet<int> second = partitions(assignments.at(1).at(1));
        // After the second member joined, the four partitions are split two and two, without overlap.
        QCOMPARE(first.size(), 2);
        QCOMPARE(second.size(), 2);
        QCOMPARE(first | second, (QSet<int> {0, 1, 2, 3}));
        QCOMPARE(run.tagged(QStringLiteral("consumed")), QList<QStringList> {{QStringLiteral("40")}});
        // Eager assignors take every partition away from the first member when the second joins;
        // cooperative-sticky (KIP-429) revokes only the two that move, and the first keeps the others throughout.
        const auto revoked = run.tagged(QStringLiteral("revoked"));
        QCOMPARE(revoked.size(), 1);
        const QSet<int> revokedFromFirst = partitions(revoked.at(0).at(1));
        if (strategy == QLatin1String("cooperative-sticky")) {
            QCOMPARE(revokedFromFirst, QSet<int>({0, 1, 2, 3}) - first);
        } else {
            QCOMPARE(revokedFromFirst, (QSet<int> {0, 1, 2, 3}));
        }
        const QStringList listed = run.tagged(QStringLiteral("listed")).value(0).value(0).split(QLatin1Char(','));
        QVERIFY2(listed.contains(QStringLiteral("cg-") + strategy), qPrintable(listed.join(QLatin1Char(','))));
    }

    void adminCreatesAndDeletesTopics()
    {
        const ProgramRun run = runScenario(QStringLiteral("admin-topics"));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.tagged(QStringLiteral("created")),
            (QList<QStringList> {{QStringLiteral("True"), QStringLiteral("2")}}));
        QCOMPARE(run.tagged(QStringLiteral("deleted")), QList<QStringList> {{QStringLiteral("True")}});
        // The cluster id as librdkafka reads it from Metadata: Kafka's shape (22 base64url characters), not a name.
        const QList<QStringList> cluster = run.tagged(QStringLiteral("cluster"));
        QCOMPARE(cluster.size(), 1);
        QVERIFY2(topicscope::engine::ClusterIdentity::isValidClusterId(cluster.at(0).value(0)),
            qPrintable(cluster.at(0).join(QLatin1Char(' '))));
    }

    void cleanupTestCase()
    {
        QVERIFY2(!m_broker.port() || m_broker.isRunning(), "the broker died during the test");
        m_broker.stop();
    }
};

QTEST_GUILESS_MAIN(TestInteropConfluent)
#include "tst_interop_confluent.moc"
