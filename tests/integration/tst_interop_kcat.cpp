// kcat 1.7.1 (librdkafka 2.0.2) against the real topicscope executable: metadata listing, keyed produce,
// consume from the beginning to the end, a balanced (-G) group consumer that commits and resumes, the same under
// Kafka 4's consumer protocol (-X group.protocol=consumer; on librdkafka 2.4 and later: the _rdkafka215 run), and
// compressed batches (produced by kcat, and by kafka-python for gzip) read back and looked up by timestamp (-Q).
#include "interopbroker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>
#include <algorithm>

using namespace topicscope::interoptest;

class TestInteropKcat : public QObject {
    Q_OBJECT
private:
    InteropBroker m_broker;
    QString m_kcat;
    QString m_librdkafka; // the version kcat loaded

    ProgramRun kcat(const QStringList &args, const QByteArray &input = {})
    {
        return runKcat(m_broker, m_kcat, args, input);
    }

    // kcat -f output lines, without its "% ..." status lines.
    static QStringList dataLines(const QByteArray &output)
    {
        QStringList lines;
        for (const QByteArray &line : output.split('\n')) {
            if (!line.isEmpty() && !line.startsWith('%'))
                lines.append(QString::fromUtf8(line));
        }
        return lines;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_kcat = QStandardPaths::findExecutable(QStringLiteral("kcat"));
        if (m_kcat.isEmpty()) {
            QVERIFY2(expectedLibrdkafka().isEmpty(), "kcat is not installed (Debian package kcat)");
            QSKIP("kcat is not installed (Debian package kcat)");
        }
        QString error;
        QVERIFY2(reportKcatLibrdkafka(m_kcat, &error), qPrintable(error));
        m_librdkafka = librdkafkaVersionOf(m_kcat, {QStringLiteral("-V")});
        QVERIFY2(m_broker.start({QStringLiteral("--group-initial-rebalance-delay-ms"), QStringLiteral("100"),
                                    QStringLiteral("--num-partitions"), QStringLiteral("2")},
                     &error),
            qPrintable(error));
    }

    void listsBrokerMetadata()
    {
        const ProgramRun run = kcat({QStringLiteral("-L"), QStringLiteral("-J")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject md = QJsonDocument::fromJson(run.output.trimmed()).object();
        QCOMPARE(md.value(QStringLiteral("controllerid")).toInt(), 0);
        const QJsonArray brokers = md.value(QStringLiteral("brokers")).toArray();
        QCOMPARE(brokers.size(), 1);
        QCOMPARE(brokers.at(0).toObject().value(QStringLiteral("name")).toString(), m_broker.bootstrap());
    }

    void keyedProduceThenConsumeFromBeginning()
    {
        // -p 0 pins the partition: librdkafka's default partitioner (CRC-32) is not what this test is about.
        const ProgramRun produce = kcat({QStringLiteral("-P"), QStringLiteral("-t"), QStringLiteral("kc"),
                                            QStringLiteral("-p"), QStringLiteral("0"), QStringLiteral("-K:")},
            "alpha:one\nbeta:two\ngamma:three\n");
        QCOMPARE(produce.exitCode, 0);
        const ProgramRun consume = kcat({QStringLiteral("-C"), QStringLiteral("-t"), QStringLiteral("kc"),
            QStringLiteral("-p"), QStringLiteral("0"), QStringLiteral("-o"), QStringLiteral("beginning"),
            QStringLiteral("-e"), QStringLiteral("-f"), QStringLiteral("%k=%s@%p/%o\\n")});
        QCOMPARE(consume.exitCode, 0);
        QCOMPARE(dataLines(consume.output),
            (QStringList {
                QStringLiteral("alpha=one@0/0"), QStringLiteral("beta=two@0/1"), QStringLiteral("gamma=three@0/2")}));

        // The auto-created topic got --num-partitions partitions.
        const ProgramRun md
            = kcat({QStringLiteral("-L"), QStringLiteral("-J"), QStringLiteral("-t"), QStringLiteral("kc")});
        const QJsonArray topics
            = QJsonDocument::fromJson(md.output.trimmed()).object().value(QStringLiteral("topics")).toArray();
        QCOMPARE(topics.size(), 1);
        QCOMPARE(topics.at(0).toObject().value(QStringLiteral("partitions")).toArray().size(), 2);
    }

    void groupConsumerCommitsAndResumes()
    {
        const QStringList group {QStringLiteral("-G"), QStringLiteral("kcat-group"), QStringLiteral("-X"),
            QStringLiteral("auto.offset.reset=earliest"), QStringLiteral("-e"), QStringLiteral("-f"),
            QStringLiteral("%k=%s@%p/%o\\n"), QStringLiteral("kg")};
        QCOMPARE(kcat({QStringLiteral("-P"), QStringLiteral("-t"), QStringLiteral("kg"), QStringLiteral("-p"),
                          QStringLiteral("1"), QStringLiteral("-K:")},
                     "a:1\nb:2\n")
                     .exitCode,
            0);
        ProgramRun first = kcat(group);
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(dataLines(first.output), (QStringList {QStringLiteral("a=1@1/0"), QStringLiteral("b=2@1/1")}));
        QVERIFY2(first.output.contains("rebalanced"), first.output.constData());

        // The group committed on close: a new member reads only what came after.
        QCOMPARE(kcat({QStringLiteral("-P"), QStringLiteral("-t"), QStringLiteral("kg"), QStringLiteral("-p"),
                          QStringLiteral("1"), QStringLiteral("-K:")},
                     "c:3\n")
                     .exitCode,
            0);
        ProgramRun second = kcat(group);
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(dataLines(second.output), QStringList {QStringLiteral("c=3@1/2")});
    }

    // kcat's -G member under KIP-848: the broker assigns (uniform), kcat's rebalance callback takes the partitions
    // incrementally (librdkafka reports the COOPERATIVE protocol), commits on close, and the next member resumes.
    void consumerProtocolGroupCommitsAndResumes()
    {
        const QStringList version = m_librdkafka.split(QLatin1Char('.'));
        if (version.size() < 2 || version.at(0).toInt() < 2
            || (version.at(0).toInt() == 2 && version.at(1).toInt() < 4))
            QSKIP("librdkafka before 2.4 has no consumer group protocol (the _rdkafka215 run has)");
        const QStringList group {QStringLiteral("-G"), QStringLiteral("kcat-kip848"), QStringLiteral("-X"),
            QStringLiteral("group.protocol=consumer"), QStringLiteral("-X"),
            QStringLiteral("auto.offset.reset=earliest"), QStringLiteral("-e"), QStringLiteral("-f"),
            QStringLiteral("%k=%s@%p/%o\\n"), QStringLiteral("k848")};
        QCOMPARE(kcat({QStringLiteral("-P"), QStringLiteral("-t"), QStringLiteral("k848"), QStringLiteral("-p"),
                          QStringLiteral("0"), QStringLiteral("-K:")},
                     "a:1\nb:2\n")
                     .exitCode,
            0);
        const ProgramRun first = kcat(group);
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(dataLines(first.output), (QStringList {QStringLiteral("a=1@0/0"), QStringLiteral("b=2@0/1")}));
        // Both partitions of the auto-created topic, handed over incrementally.
        QVERIFY2(first.output.contains("incremental assignment of 2 partition(s)"), first.output.constData());
        QVERIFY2(first.output.contains("COOPERATIVE"), first.output.constData());

        QCOMPARE(kcat({QStringLiteral("-P"), QStringLiteral("-t"), QStringLiteral("k848"), QStringLiteral("-p"),
                          QStringLiteral("1"), QStringLiteral("-K:")},
                     "c:3\n")
                     .exitCode,
            0);
        const ProgramRun second = kcat(group);
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(dataLines(second.output), QStringList {QStringLiteral("c=3@1/0")});
    }

    // The log reads the records of every compressed CreateTime batch on append (to check its maxTimestamp), so
    // a produce that succeeds means our decompression reads that client's framing.
    //
    // librdkafka 2.0.2 compresses only zstd for us: for gzip, snappy and lz4 it wants the broker to accept
    // Produce v0, and we advertise Produce from v3 on (as Kafka 4.0 does, KIP-896), so it logs "Broker does not
    // support compression type" and sends those batches uncompressed; those rows still check the round trip.
    // kafka-python compresses whenever compression_type is set: its row is a real gzip batch.
    void produceCompressedThenConsumeAndLookUp_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("codec");
        for (const char *codec : {"gzip", "snappy", "lz4", "zstd"})
            QTest::addRow("kcat %s", codec) << QStringLiteral("kcat") << QString::fromLatin1(codec);
        QTest::addRow("kafka-python gzip") << QStringLiteral("kafka-python") << QStringLiteral("gzip");
    }
    void produceCompressedThenConsumeAndLookUp()
    {
        QFETCH(QString, client);
        QFETCH(QString, codec);
        const QString topic = QStringLiteral("compressed-%1-%2").arg(client, codec);
        // Values that compress well, all in one batch (linger.ms).
        QByteArray input;
        QStringList expected;
        for (int i = 0; i < 5; ++i) {
            const QByteArray value = "record-" + QByteArray::number(i) + '-' + QByteArray(200, 'z');
            input += value + '\n';
            expected.append(QString::fromLatin1(value) + QLatin1Char('@') + QString::number(i));
        }
        if (client == QLatin1String("kcat")) {
            const ProgramRun produce
                = kcat({QStringLiteral("-P"), QStringLiteral("-t"), topic, QStringLiteral("-p"), QStringLiteral("0"),
                           QStringLiteral("-X"), QStringLiteral("compression.codec=") + codec, QStringLiteral("-X"),
                           QStringLiteral("linger.ms=200")},
                    input);
            QCOMPARE(produce.exitCode, 0);
            QVERIFY2(!produce.output.contains("CORRUPT"), produce.output.constData());
        } else {
            if (!pythonHasModule(QStringLiteral("kafka")))
                QSKIP("kafka-python is not installed for /usr/bin/python3 (Debian package python3-kafka)");
            // kafka-python compresses every batch when compression_type is set; its gzip is Python's gzip module.
            const QString script = QStringLiteral(
                "import sys\n"
                "from kafka import KafkaProducer\n"
                "p = KafkaProducer(bootstrap_servers=sys.argv[1], compression_type=sys.argv[3], linger_ms=200)\n"
                "futures = [p.send(sys.argv[2], value=line, partition=0)\n"
                "           for line in sys.stdin.buffer.read().splitlines()]\n"
                "for f in futures:\n"
                "    f.get(timeout=30)\n"
                "p.close()\n"
                "print('DONE')\n");
            const ProgramRun produce
                = runProgram(systemPython(), {QStringLiteral("-c"), script, m_broker.bootstrap(), topic, codec}, input);
            QVERIFY2(produce.exitCode == 0 && produce.output.contains("DONE"),
                QByteArray(produce.output + "\n--- broker log tail:\n" + m_broker.logTail()).constData());
        }

        const ProgramRun consume = kcat({QStringLiteral("-C"), QStringLiteral("-t"), topic, QStringLiteral("-p"),
            QStringLiteral("0"), QStringLiteral("-o"), QStringLiteral("beginning"), QStringLiteral("-e"),
            QStringLiteral("-f"), QStringLiteral("%s@%o %T\\n")});
        QCOMPARE(consume.exitCode, 0);
        QStringList values;
        qint64 maxTimestamp = -1;
        for (const QString &line : dataLines(consume.output)) {
            values.append(line.section(QLatin1Char(' '), 0, 0));
            maxTimestamp = std::max(maxTimestamp, line.section(QLatin1Char(' '), 1, 1).toLongLong());
        }
        QCOMPARE(values, expected);
        QVERIFY(maxTimestamp > 0);

        // ListOffsets by timestamp: the newest record's time finds a record of the batch; one ms later, none.
        const auto lookUp = [&](qint64 timestamp) {
            const ProgramRun q = kcat(
                {QStringLiteral("-Q"), QStringLiteral("-t"), QStringLiteral("%1:0:%2").arg(topic).arg(timestamp)});
            return q.exitCode == 0 ? dataLines(q.output).join(QLatin1Char('\n')) : QStringLiteral("failed");
        };
        const QString found = lookUp(maxTimestamp);
        QVERIFY2(found.contains(QStringLiteral("offset ")) && !found.contains(QStringLiteral("offset -1")),
            qPrintable(found));
        QVERIFY2(lookUp(maxTimestamp + 1).contains(QStringLiteral("offset -1")), qPrintable(lookUp(maxTimestamp + 1)));
    }

    void cleanupTestCase()
    {
        QVERIFY2(!m_broker.port() || m_broker.isRunning(), "the broker died during the test");
        m_broker.stop();
    }
};

QTEST_GUILESS_MAIN(TestInteropKcat)
#include "tst_interop_kcat.moc"
