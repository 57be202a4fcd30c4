// Durability of acknowledged records: the real topicscope executable stores on disk (--data-dir) while a
// confluent-kafka producer with acks=all writes as fast as it can; the broker is killed with SIGKILL mid-load
// and restarted on the same directory. Every record the producer saw acknowledged must be there, at the offset
// the ack named, with its value; nothing half-written may remain (every stored batch is checked byte by byte).
// Scenarios and checks: interop_crash.py.
#include "interopbroker.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace topicscope::interoptest;

class TestInteropCrash : public QObject {
    Q_OBJECT
private:
    QString m_script;

    static int resultInt(const ProgramRun &run, const QString &tag, int index)
    {
        return run.tagged(tag).value(0).value(index, QStringLiteral("-1")).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(reportConfluentLibrdkafka(&why), qPrintable(why));
        if (!pythonHasModule(QStringLiteral("confluent_kafka")))
            QSKIP("confluent-kafka is not installed for /usr/bin/python3 (Debian package python3-confluent-kafka)");
        m_script = QStringLiteral(TOPICSCOPE_TESTS_SOURCE_DIR "/integration/interop_crash.py");
        QVERIFY(!m_script.isEmpty());
    }

    void acknowledgedRecordsSurviveSigkill()
    {
        QTemporaryDir dataDir;
        QVERIFY(dataDir.isValid());
        const QString topic = QStringLiteral("crash-load");
        InteropBroker broker;
        broker.setDataDir(dataDir.path());
        QString error;
        QVERIFY2(broker.start({}, &error), qPrintable(error));

        // The producer runs until its first delivery error, printing each ack as it arrives.
        QProcess producer;
        producer.setProcessChannelMode(QProcess::SeparateChannels);
        producer.start(
            systemPython(), {m_script, QStringLiteral("produce"), broker.bootstrap(), topic, QStringLiteral("3")});
        QVERIFY(producer.waitForStarted(10000));
        QByteArray produced;
        const int killAfterAcks = 4000;
        QElapsedTimer timer;
        timer.start();
        while (produced.count("ACK ") < killAfterAcks && producer.state() == QProcess::Running
            && timer.elapsed() < 40000) {
            producer.waitForReadyRead(100);
            produced += producer.readAllStandardOutput();
        }
        QVERIFY2(produced.count("ACK ") >= killAfterAcks,
            qPrintable(QString::fromUtf8(produced.right(2000) + producer.readAllStandardError() + broker.logTail())));
        QVERIFY2(producer.state() == QProcess::Running, "the producer stopped before the broker was killed");

        broker.kill(); // SIGKILL while produce requests are in flight

        // Acks already on their way still count; the producer then times its remaining records out and exits.
        QVERIFY(producer.waitForFinished(30000));
        produced += producer.readAllStandardOutput();
        const QByteArray producerErrors = producer.readAllStandardError();
        QVERIFY2(
            produced.contains("RESULT produced"), qPrintable(QString::fromUtf8(produced.right(2000) + producerErrors)));
        const int acked = static_cast<int>(produced.count("ACK "));
        const QString ackFile = dataDir.filePath(QStringLiteral("acks.txt"));
        {
            QFile f(ackFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(produced);
        }

        // What the killed process left on disk (SQLite recovers its WAL on open): every indexed batch intact, offsets
        // contiguous; with the valid batches past the last index commit (appends are acknowledged before it), at
        // least every acknowledged record.
        const ProgramRun db = runProgram(systemPython(),
            {m_script, QStringLiteral("check-db"), QDir(dataDir.path()).filePath(QStringLiteral("topicscope.db")),
                topic});
        QVERIFY2(db.exitCode == 0 && db.output.contains("DONE"), db.output.constData());
        QVERIFY2(db.tagged(QStringLiteral("db")).value(0).value(4) == QStringLiteral("problems")
                && resultInt(db, QStringLiteral("db"), 5) == 0,
            db.output.constData());
        const int storedRecords = resultInt(db, QStringLiteral("db"), 3) + resultInt(db, QStringLiteral("tail"), 3);
        QVERIFY2(storedRecords >= acked, db.output.constData());

        // Restarted on the same directory, the broker serves every acknowledged record where the ack said.
        QVERIFY2(broker.start({}, &error), qPrintable(error));
        const ProgramRun verify = runProgram(
            systemPython(), {m_script, QStringLiteral("verify"), broker.bootstrap(), topic, ackFile}, {}, 60000);
        if (verify.exitCode != 0 || !verify.output.contains("DONE"))
            qWarning().noquote() << verify.output << "\n--- broker log tail:\n" << broker.logTail();
        QCOMPARE(verify.exitCode, 0);
        QCOMPARE(resultInt(verify, QStringLiteral("acked"), 0), acked);
        QCOMPARE(verify.tagged(QStringLiteral("missing")),
            (QList<QStringList> {{QStringLiteral("0"), QStringLiteral("mismatched"), QStringLiteral("0"),
                QStringLiteral("errors"), QStringLiteral("0"), QStringLiteral("unread"), QStringLiteral("0")}}));
        // Everything up to the high watermarks was readable, and nothing beyond what was on disk after the kill.
        QCOMPARE(resultInt(verify, QStringLiteral("stored"), 0), resultInt(verify, QStringLiteral("stored"), 2));
        QCOMPARE(resultInt(verify, QStringLiteral("stored"), 0), storedRecords);
        qInfo("acked %d records before SIGKILL; %d stored, %d of them past the last index commit", acked, storedRecords,
            resultInt(db, QStringLiteral("tail"), 3));
        QVERIFY(broker.isRunning());
        broker.stop();
    }
};

QTEST_GUILESS_MAIN(TestInteropCrash)
#include "tst_interop_crash.moc"
