// __consumer_offsets read by real clients from the real topicscope executable: a kafka-python 2.0.2 consumer group
// commits, then kcat (Debian's, on librdkafka 2.0.2 and, as the _rdkafka215 entry, 2.15.1) consumes the internal
// topic's partition of that group and finds the group's GroupMetadata and OffsetCommit records; kcat -L lists the
// topic; kcat cannot produce to it.
#include "interopbroker.h"

#include <QStandardPaths>
#include <QTest>

using namespace topicscope::interoptest;

namespace {

// Java's Utils.abs(groupId.hashCode()) % 50, the partition a group's records go to.
int offsetsPartition(const QString &group)
{
    qint32 h = 0;
    for (QChar c : group)
        h = qint32(quint32(h) * 31u + c.unicode());
    return (h == std::numeric_limits<qint32>::min() ? 0 : std::abs(h)) % 50;
}

const char *const GroupScript = R"(
import sys
from kafka import KafkaConsumer, KafkaProducer
bootstrap = sys.argv[1]
producer = KafkaProducer(bootstrap_servers=bootstrap)
for i in range(5):
    producer.send('oc', b'v%d' % i, partition=0)
producer.flush()
consumer = KafkaConsumer('oc', bootstrap_servers=bootstrap, group_id='lag-watched', auto_offset_reset='earliest',
                         enable_auto_commit=False, consumer_timeout_ms=20000)
seen = 0
for message in consumer:
    seen += 1
    if seen == 5:
        break
consumer.commit()
consumer.close()
print('RESULT consumed %d' % seen)
print('DONE')
)";

} // namespace

class TestInteropOffsetsTopic : public QObject {
    Q_OBJECT
private:
    InteropBroker m_broker;
    QString m_kcat;

private Q_SLOTS:
    void initTestCase()
    {
        m_kcat = QStandardPaths::findExecutable(QStringLiteral("kcat"));
        if (m_kcat.isEmpty())
            QSKIP("kcat is not installed (Debian package kcat)");
        if (!pythonHasModule(QStringLiteral("kafka")))
            QSKIP("kafka-python is not installed for /usr/bin/python3 (Debian package python3-kafka)");
        QString error;
        QVERIFY2(reportKcatLibrdkafka(m_kcat, &error), qPrintable(error));
        QVERIFY2(m_broker.start({QStringLiteral("--group-initial-rebalance-delay-ms"), QStringLiteral("100")}, &error),
            qPrintable(error));
    }

    void kcatReadsTheGroupsCommits()
    {
        const ProgramRun group
            = runProgram(systemPython(), {QStringLiteral("-c"), QString::fromUtf8(GroupScript), m_broker.bootstrap()});
        QVERIFY2(group.output.contains("RESULT consumed 5"), group.output.constData());

        const ProgramRun listing = runKcat(
            m_broker, m_kcat, {QStringLiteral("-L"), QStringLiteral("-t"), QStringLiteral("__consumer_offsets")});
        QCOMPARE(listing.exitCode, 0);
        QVERIFY2(
            listing.output.contains("topic \"__consumer_offsets\" with 50 partitions"), listing.output.constData());

        // Keys and values are Kafka's binary formats; %k|%s prints them raw, and their strings show through.
        const ProgramRun consume = runKcat(m_broker, m_kcat,
            {QStringLiteral("-C"), QStringLiteral("-t"), QStringLiteral("__consumer_offsets"), QStringLiteral("-p"),
                QString::number(offsetsPartition(QStringLiteral("lag-watched"))), QStringLiteral("-o"),
                QStringLiteral("beginning"), QStringLiteral("-e"), QStringLiteral("-f"),
                QStringLiteral("REC %K %S %k|%s\\n")});
        QCOMPARE(consume.exitCode, 0);
        const QByteArray out = consume.output;
        // GroupMetadataKey v2: 00 02, length 11, "lag-watched"; the value names the protocol type and assignor.
        QVERIFY2(out.contains(QByteArray(QByteArray::fromHex("0002000b") + "lag-watched|")), out.toHex().constData());
        QVERIFY(out.contains("consumer"));
        QVERIFY(out.contains("range"));
        // OffsetCommitKey v1: 00 01, "lag-watched", "oc", partition 0; OffsetCommitValue v3 with offset 5.
        const QByteArray commitKey
            = QByteArray::fromHex("0001000b") + QByteArray("lag-watched") + QByteArray::fromHex("00026f6300000000");
        QVERIFY(out.contains(QByteArray(commitKey + QByteArray("|") + QByteArray::fromHex("00030000000000000005"))));
    }

    void kcatCannotProduceToIt()
    {
        const ProgramRun produce = runKcat(m_broker, m_kcat,
            {QStringLiteral("-P"), QStringLiteral("-t"), QStringLiteral("__consumer_offsets"), QStringLiteral("-p"),
                QStringLiteral("0")},
            "forged\n");
        QVERIFY(produce.exitCode != 0 || produce.output.contains("Invalid topic")
            || produce.output.contains("INVALID_TOPIC"));
        QVERIFY2(produce.output.contains("nvalid topic") || produce.output.contains("INVALID_TOPIC"),
            produce.output.constData());
    }
};

QTEST_GUILESS_MAIN(TestInteropOffsetsTopic)
#include "tst_interop_offsetstopic.moc"
