// One consumer group shared by a kafka-python 2.0.2 consumer and a confluent-kafka 1.7.0 (librdkafka 2.0.2)
// consumer with the range assignor, against the real topicscope executable: both get partitions, every record is
// read exactly once, and librdkafka's list_groups (ListGroups + DescribeGroups) shows both members with their
// assignments. Scenario: interop_mixed_group.py.
#include "interopbroker.h"

#include <QTest>

using namespace topicscope::interoptest;

class TestInteropMixedGroup : public QObject {
    Q_OBJECT
private:
    InteropBroker m_broker;

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(reportConfluentLibrdkafka(&why), qPrintable(why));
        if (!pythonHasModule(QStringLiteral("confluent_kafka")) || !pythonHasModule(QStringLiteral("kafka")))
            QSKIP("needs both kafka-python and confluent-kafka for /usr/bin/python3 (python3-kafka, "
                  "python3-confluent-kafka)");
        QString error;
        // Long enough for kafka-python's blocking first join and librdkafka's background join to meet in the
        // first generation.
        QVERIFY2(m_broker.start({QStringLiteral("--group-initial-rebalance-delay-ms"), QStringLiteral("1500")}, &error),
            qPrintable(error));
    }

    void rangeGroupOfTwoClientLibraries()
    {
        const QString script = QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/integration/interop_mixed_group.py");
        QVERIFY(!script.isEmpty());
        const ProgramRun run = runProgram(systemPython(), {script, m_broker.bootstrap()}, {}, 90000);
        if (run.exitCode != 0 || !run.output.contains("DONE"))
            qWarning().noquote() << run.output << "\n--- broker log tail:\n" << m_broker.logTail();
        QCOMPARE(run.exitCode, 0);
        // Range over four partitions and two members, sorted by member id: two consecutive partitions each.
        const auto assignments = run.tagged(QStringLiteral("assignment"));
        QCOMPARE(assignments.size(), 2);
        const QStringList both {assignments.at(0).at(1), assignments.at(1).at(1)};
        QVERIFY2((both == QStringList {QStringLiteral("0,1"), QStringLiteral("2,3")})
                || (both == QStringList {QStringLiteral("2,3"), QStringLiteral("0,1")}),
            qPrintable(both.join(QLatin1Char(' '))));
        const QStringList consumed = run.tagged(QStringLiteral("consumed")).value(0);
        QCOMPARE(consumed.mid(0, 3),
            (QStringList {QStringLiteral("60"), QStringLiteral("duplicates"), QStringLiteral("0")}));
        QVERIFY2(consumed.value(4).toInt() > 0 && consumed.value(5).toInt() > 0,
            qPrintable(consumed.join(QLatin1Char(' '))));
        QCOMPARE(run.tagged(QStringLiteral("listed")), QList<QStringList> {{QStringLiteral("mixed-group")}});
        QCOMPARE(run.tagged(QStringLiteral("described")),
            (QList<QStringList> {{QStringLiteral("mixed-group"), QStringLiteral("Stable"), QStringLiteral("consumer"),
                QStringLiteral("range"), QStringLiteral("2")}}));
        // DescribeGroups carries each member's assignment as the clients reported it.
        const auto members = run.tagged(QStringLiteral("member"));
        QCOMPARE(members.size(), 2);
        QCOMPARE(members.at(0).at(0), QStringLiteral("kafka"));
        QCOMPARE(members.at(1).at(0), QStringLiteral("rdkafka"));
        QCOMPARE(members.at(0).at(1), assignments.at(0).at(1));
        QCOMPARE(members.at(1).at(1), assignments.at(1).at(1));
    }

    void cleanupTestCase()
    {
        QVERIFY2(!m_broker.port() || m_broker.isRunning(), "the broker died during the test");
        m_broker.stop();
    }
};

QTEST_GUILESS_MAIN(TestInteropMixedGroup)
#include "tst_interop_mixedgroup.moc"
