// kafka-python 2.0.2 (Debian python3-kafka) against the real topicscope executable: keyed produce landing on
// the murmur2 partition, group consumers with earliest and latest resets and manual commit, a two-member
// rebalance, and the admin client. The scenarios live in interop_kafka_python.py; this test starts the broker and
// checks their RESULT lines.
#include "client/murmur2.h"
#include "interopbroker.h"

#include <QMap>
#include <QTest>

using namespace topicscope;
using namespace topicscope::interoptest;

class TestInteropKafkaPython : public QObject {
    Q_OBJECT
private:
    InteropBroker m_broker;
    QString m_script;

    ProgramRun runScenario(const QString &scenario) { return runClientScenario(m_broker, m_script, scenario); }

private Q_SLOTS:
    void initTestCase()
    {
        if (!pythonHasModule(QStringLiteral("kafka")))
            QSKIP("kafka-python is not installed for /usr/bin/python3 (Debian package python3-kafka)");
        m_script = QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/integration/interop_kafka_python.py");
        QVERIFY(!m_script.isEmpty());
        QString error;
        QVERIFY2(m_broker.start({QStringLiteral("--group-initial-rebalance-delay-ms"), QStringLiteral("100")}, &error),
            qPrintable(error));
    }

    void keyedRecordsLandOnMurmur2Partition()
    {
        const ProgramRun run = runScenario(QStringLiteral("keyed-produce"));
        QCOMPARE(run.exitCode, 0);
        const auto produced = run.tagged(QStringLiteral("produced"));
        QCOMPARE(produced.size(), 40);
        QMap<int, qint64> nextOffset;
        for (const QStringList &r : produced) {
            const QByteArray key = r.at(0).toUtf8();
            const int partition = r.at(1).toInt();
            QCOMPARE(partition, engine::Murmur2::partitionFor(key, 4));
            // Offsets of one partition are dense and in send order.
            QCOMPARE(r.at(2).toLongLong(), nextOffset[partition]++);
        }
        QVERIFY2(nextOffset.size() > 1, "40 keys should spread over several partitions");
    }

    void groupConsumerEarliestAndManualCommit()
    {
        const ProgramRun run = runScenario(QStringLiteral("group-earliest-commit"));
        QCOMPARE(run.exitCode, 0);
        const auto consumed = run.tagged(QStringLiteral("consumed"));
        QCOMPARE(consumed.size(), 25);
        for (int i = 0; i < consumed.size(); ++i)
            QCOMPARE(consumed.at(i),
                (QStringList {QStringLiteral("key%1").arg(i), QStringLiteral("0"), QString::number(i)}));
        QCOMPARE(run.tagged(QStringLiteral("committed")), QList<QStringList> {{QStringLiteral("25")}});
        // A new member of the group resumes at the committed offset.
        QCOMPARE(run.tagged(QStringLiteral("position")), QList<QStringList> {{QStringLiteral("25")}});
    }

    void groupConsumerLatestSeesOnlyNewRecords()
    {
        const ProgramRun run = runScenario(QStringLiteral("group-latest"));
        QCOMPARE(run.exitCode, 0);
        const QList<QStringList> expected {{QStringLiteral("new0"), QStringLiteral("0"), QStringLiteral("5")},
            {QStringLiteral("new1"), QStringLiteral("0"), QStringLiteral("6")},
            {QStringLiteral("new2"), QStringLiteral("0"), QStringLiteral("7")}};
        QCOMPARE(run.tagged(QStringLiteral("consumed")), expected);
    }

    void twoMembersRebalance()
    {
        const ProgramRun run = runScenario(QStringLiteral("group-rebalance"));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.tagged(QStringLiteral("alone")), QList<QStringList> {{QStringLiteral("0,1,2,3")}});
        // range over four partitions and two members: two each, disjoint, everything consumed once.
        const auto assignments = run.tagged(QStringLiteral("assignment"));
        QCOMPARE(assignments.size(), 2);
        QStringList all
            = assignments.at(0).at(1).split(QLatin1Char(',')) + assignments.at(1).at(1).split(QLatin1Char(','));
        QCOMPARE(assignments.at(0).at(1).count(QLatin1Char(',')), 1);
        all.sort();
        QCOMPARE(
            all, (QStringList {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        QCOMPARE(run.tagged(QStringLiteral("consumed")), QList<QStringList> {{QStringLiteral("40")}});
    }

    void adminClientCreatesListsAndDescribes()
    {
        const ProgramRun run = runScenario(QStringLiteral("admin"));
        QCOMPARE(run.exitCode, 0);
        const QStringList topics = run.tagged(QStringLiteral("topics")).value(0).value(0).split(QLatin1Char(','));
        QVERIFY2(topics.contains(QStringLiteral("admin-a")) && topics.contains(QStringLiteral("admin-b")),
            qPrintable(topics.join(QLatin1Char(','))));
        QCOMPARE(run.tagged(QStringLiteral("described")),
            (QList<QStringList> {{QStringLiteral("admin-a"), QStringLiteral("3"), QStringLiteral("0")}}));
        QCOMPARE(
            run.tagged(QStringLiteral("duplicate")), QList<QStringList> {{QStringLiteral("TopicAlreadyExistsError")}});
        const QStringList groups = run.tagged(QStringLiteral("groups")).value(0).value(0).split(QLatin1Char(','));
        QVERIFY(groups.contains(QStringLiteral("admin-group")));
        QCOMPARE(run.tagged(QStringLiteral("group")),
            (QList<QStringList> {{QStringLiteral("admin-group"), QStringLiteral("Stable"), QStringLiteral("range"),
                QStringLiteral("1")}}));
        // CreatePartitions grows admin-b; AlterConfigs sets retention.ms, which DescribeConfigs then shows;
        // DeleteGroups removes the group once its member left.
        QCOMPARE(run.tagged(QStringLiteral("grown")),
            (QList<QStringList> {{QStringLiteral("admin-b"), QStringLiteral("3")}}));
        QCOMPARE(run.tagged(QStringLiteral("config")),
            (QList<QStringList> {{QStringLiteral("admin-a"), QStringLiteral("0"), QStringLiteral("3600000")}}));
        QCOMPARE(run.tagged(QStringLiteral("deleted-group")),
            (QList<QStringList> {{QStringLiteral("admin-group"), QStringLiteral("0")}}));
        const QStringList after = run.tagged(QStringLiteral("groups-after")).value(0).value(0).split(QLatin1Char(','));
        QVERIFY(!after.contains(QStringLiteral("admin-group")));
    }

    void cleanupTestCase()
    {
        QVERIFY2(!m_broker.port() || m_broker.isRunning(), "the broker died during the test");
        m_broker.stop();
    }
};

QTEST_GUILESS_MAIN(TestInteropKafkaPython)
#include "tst_interop_kafkapython.moc"
