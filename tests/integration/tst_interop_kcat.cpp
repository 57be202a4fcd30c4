// kcat 1.7.1 (librdkafka 2.0.2) against the real topicscope executable: metadata listing, keyed produce,
// consume from the beginning to the end, and a balanced (-G) group consumer that commits and resumes.
#include "interopbroker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace topicscope::interoptest;

class TestInteropKcat : public QObject {
    Q_OBJECT
private:
    InteropBroker m_broker;
    QString m_kcat;

    ProgramRun kcat(const QStringList &args, const QByteArray &input = {})
    {
        ProgramRun run
            = runProgram(m_kcat, QStringList {QStringLiteral("-b"), m_broker.bootstrap()} + args, input, 60000);
        if (run.exitCode != 0)
            qWarning().noquote() << "kcat" << args.join(QLatin1Char(' ')) << "failed:\n"
                                 << run.output << "\n--- broker log tail:\n"
                                 << m_broker.logTail();
        return run;
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
        if (m_kcat.isEmpty())
            QSKIP("kcat is not installed (Debian package kcat)");
        QString error;
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

    void cleanupTestCase()
    {
        QVERIFY2(!m_broker.port() || m_broker.isRunning(), "the broker died during the test");
        m_broker.stop();
    }
};

QTEST_GUILESS_MAIN(TestInteropKcat)
#include "tst_interop_kcat.moc"
