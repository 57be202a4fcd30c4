// kafkajs 2.2.4 (Node.js) against the real topicscope executable: admin topic creation, an acks=-1 producer
// and a two-member consumer group with kafkajs' RoundRobinAssigner. kafkajs is installed from npm into the build
// tree on first use (npm install --prefix <build>/tests/kafkajs kafkajs@2.2.4); the test is skipped when node or
// npm is missing. Scenario: interop_kafkajs.js.
#include "interopbroker.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace topicscope::interoptest;

namespace {

const char KafkajsVersion[] = "2.2.4";

// The kafkajs of the build tree, installed when missing or of another version. Empty on failure (*why says why).
QString ensureKafkajs(const QString &npm, QString *why)
{
    const QString prefix = QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR "/kafkajs");
    const QString packageJson = prefix + QStringLiteral("/node_modules/kafkajs/package.json");
    QFile installed(packageJson);
    if (installed.open(QIODevice::ReadOnly)
        && installed.readAll().contains(QByteArray(QByteArray("\"version\": \"") + KafkajsVersion + '"')))
        return prefix;
    // npm serialises concurrent installs into one prefix itself (a lock in its cache), so two tests may race.
    const ProgramRun run = runProgram(npm,
        {QStringLiteral("install"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund"),
            QStringLiteral("--prefix"), prefix, QStringLiteral("kafkajs@") + QLatin1String(KafkajsVersion)},
        {}, 180000);
    if (run.exitCode != 0 || !QFile::exists(packageJson)) {
        *why = QStringLiteral("npm install kafkajs@%1 failed:\n%2")
                   .arg(QLatin1String(KafkajsVersion), QString::fromUtf8(run.output));
        return {};
    }
    return prefix;
}

} // namespace

class TestInteropKafkajs : public QObject {
    Q_OBJECT
private:
    InteropBroker m_broker;
    QString m_script;
    QString m_node;
    QString m_prefix;

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
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        if (m_node.isEmpty() || npm.isEmpty())
            QSKIP("node or npm is not installed");
        QString why;
        m_prefix = ensureKafkajs(npm, &why);
        QVERIFY2(!m_prefix.isEmpty(), qPrintable(why));
        m_script = QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/integration/interop_kafkajs.js");
        QVERIFY(!m_script.isEmpty());
        QString error;
        QVERIFY2(m_broker.start({QStringLiteral("--group-initial-rebalance-delay-ms"), QStringLiteral("300")}, &error),
            qPrintable(error));
    }

    void produceAndGroupConsume()
    {
        qputenv("NODE_PATH", QFile::encodeName(m_prefix + QStringLiteral("/node_modules")));
        const ProgramRun run
            = runProgram(m_node, {m_script, m_broker.bootstrap(), QStringLiteral("produce-consume")}, {}, 90000);
        if (run.exitCode != 0 || !run.output.contains("DONE"))
            qWarning().noquote() << run.output << "\n--- broker log tail:\n" << m_broker.logTail();
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.tagged(QStringLiteral("created")),
            (QList<QStringList> {{QStringLiteral("true"), QStringLiteral("4")}}));
        // kafkajs batches the 60 records into one request per partition; every one acknowledged.
        const QStringList produced = run.tagged(QStringLiteral("produced")).value(0);
        QCOMPARE(produced.size(), 2);
        QCOMPARE(produced.at(0), produced.at(1));
        QVERIFY(produced.at(0).toInt() >= 1);

        const auto assignments = run.tagged(QStringLiteral("assignment"));
        QCOMPARE(assignments.size(), 2);
        const QSet<int> first = partitions(assignments.at(0).at(1));
        const QSet<int> second = partitions(assignments.at(1).at(1));
        // RoundRobinAssigner over two members: two partitions each, no overlap.
        QCOMPARE(first.size(), 2);
        QCOMPARE(second.size(), 2);
        QCOMPARE(first | second, (QSet<int> {0, 1, 2, 3}));
        const QStringList consumed = run.tagged(QStringLiteral("consumed")).value(0);
        QCOMPARE(consumed.mid(0, 3),
            (QStringList {QStringLiteral("60"), QStringLiteral("duplicates"), QStringLiteral("0")}));
        QVERIFY2(consumed.value(4).toInt() > 0 && consumed.value(5).toInt() > 0,
            qPrintable(consumed.join(QLatin1Char(' '))));
        QCOMPARE(run.tagged(QStringLiteral("group")),
            (QList<QStringList> {{QStringLiteral("kjs-group"), QStringLiteral("Stable"),
                QStringLiteral("RoundRobinAssigner"), QStringLiteral("2")}}));
        // After both members left, the group's committed offsets add up to every record.
        QCOMPARE(run.tagged(QStringLiteral("committed")), QList<QStringList> {{QStringLiteral("60")}});
    }

    void cleanupTestCase()
    {
        QVERIFY2(!m_broker.port() || m_broker.isRunning(), "the broker died during the test");
        m_broker.stop();
    }
};

QTEST_GUILESS_MAIN(TestInteropKafkajs)
#include "tst_interop_kafkajs.moc"
