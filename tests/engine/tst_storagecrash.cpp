// Crash safety of the log: a child process (this same executable, started with TOPICSCOPE_CRASH_CHILD_DIR set)
// appends in a loop and prints each acknowledged offset; the test kills it with SIGKILL mid-stream and checks
// that the reopened log holds every acknowledged record, intact and with contiguous offsets.

#include "log/logmanager.h"

#include "core/recordbatch.h"
#include "logtesthelpers.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace topicscope::engine;
using namespace topicscope::engine::logtest;

namespace {

const char ChildDirVariable[] = "TOPICSCOPE_CRASH_CHILD_DIR";
const QString Topic = QStringLiteral("crash");
constexpr int Partitions = 2;

// A record's value names the offset it must land at, so the parent can check content against position.
QByteArray valueFor(int partition, qint64 offset)
{
    return makeValue("p" + QByteArray::number(partition) + "o" + QByteArray::number(offset), 0, 40);
}

QByteArray batchFor(int partition, qint64 baseOffset, int count)
{
    std::vector<Record> records;
    for (int i = 0; i < count; ++i) {
        Record r;
        r.timestamp = DefaultTimestamp + baseOffset + i;
        r.value = valueFor(partition, baseOffset + i);
        records.push_back(std::move(r));
    }
    return RecordBatch::build(0, records);
}

// The child: appends forever (until killed), several batches to both partitions per call, and prints
// "ack <partition> <lastOffset>" for each request once the call has returned, i.e. once it is committed.
int runChild(const QString &dataDir)
{
    ManualClock clock;
    EventBus events;
    StorageOptions options;
    options.dataDir = dataDir;
    QString error;
    auto log = LogManager::open(options, clock, events, &error);
    if (!log) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 2;
    }
    if (log->partitionCount(Topic) < 0 && log->createTopic(Topic, Partitions, {}, &error) != ErrorCode::None) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 3;
    }
    for (int round = 0;; ++round) {
        std::vector<AppendRequest> requests;
        for (int p = 0; p < Partitions; ++p) {
            qint64 next = log->partitionInfo({Topic, p})->logEndOffset;
            QByteArray records;
            // 1-3 batches of varying size per request, so batches of one call interleave partitions.
            for (int b = 0; b < 1 + (round + p) % 3; ++b) {
                const int count = 1 + (round * 7 + b) % 50;
                records += batchFor(p, next, count);
                next += count;
            }
            requests.push_back({TopicPartition {Topic, p}, records});
        }
        const auto results = log->append(requests);
        for (size_t i = 0; i < results.size(); ++i) {
            if (results[i].error != ErrorCode::None) {
                std::fprintf(stderr, "child: append failed: %s\n", qPrintable(results[i].message));
                return 4;
            }
            std::printf(
                "ack %d %lld\n", requests[i].topicPartition.partition, static_cast<long long>(results[i].lastOffset));
        }
        std::fflush(stdout);
        clock.advance(1);
    }
}

} // namespace

class TestStorageCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLoggingCategory::setFilterRules(QStringLiteral("topicscope.engine.*.debug=false")); }

    void acknowledgedRecordsSurviveSigkill()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qint64 acked[Partitions] = {-1, -1};
        constexpr int Rounds = 4;
        constexpr int AcksPerRound = 200;

        for (int round = 0; round < Rounds; ++round) {
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QLatin1String(ChildDirVariable), dir.path());
            child.setProcessEnvironment(env);
            child.setProcessChannelMode(QProcess::SeparateChannels);
            child.start(QCoreApplication::applicationFilePath(), {});
            QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));

            int acks = 0;
            QByteArray pending;
            while (acks < AcksPerRound) {
                if (!child.waitForReadyRead(30000)) {
                    QFAIL(qPrintable(QStringLiteral("child stopped after %1 acks: %2")
                                         .arg(acks)
                                         .arg(QString::fromLocal8Bit(child.readAllStandardError()))));
                }
                pending += child.readAllStandardOutput();
                qsizetype newline;
                while ((newline = pending.indexOf('\n')) >= 0) {
                    const QList<QByteArray> fields = pending.left(newline).split(' ');
                    pending.remove(0, newline + 1);
                    QCOMPARE(fields.size(), 3);
                    QCOMPARE(fields[0], QByteArray("ack"));
                    const int partition = fields[1].toInt();
                    const qint64 lastOffset = fields[2].toLongLong();
                    QVERIFY(partition >= 0 && partition < Partitions);
                    QVERIFY2(lastOffset > acked[partition], "acknowledged offsets must grow");
                    acked[partition] = lastOffset;
                    ++acks;
                }
            }
            // SIGKILL while the child is still appending: no destructor, no final commit.
            child.kill();
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);

            verify(dir.path(), acked);
        }
    }

private:
    void verify(const QString &dataDir, const qint64 *acked)
    {
        ManualClock clock;
        EventBus events;
        StorageOptions options;
        options.dataDir = dataDir;
        QString error;
        auto log = LogManager::open(options, clock, events, &error);
        QVERIFY2(log, qPrintable(error));
        for (int p = 0; p < Partitions; ++p) {
            const auto info = log->partitionInfo({Topic, p});
            QVERIFY(info);
            QVERIFY2(info->logEndOffset > acked[p],
                qPrintable(QStringLiteral("partition %1 ends at %2 but %3 was acknowledged")
                               .arg(p)
                               .arg(info->logEndOffset)
                               .arg(acked[p])));
            const FetchResult all = log->read({Topic, p}, 0, 1LL << 40);
            QCOMPARE(all.error, ErrorCode::None);
            bool truncated = true;
            const auto batches = RecordBatch::split(all.records, &truncated);
            QVERIFY(!truncated);
            qint64 expectedBase = 0;
            qint64 size = 0;
            for (const QByteArrayView batch : batches) {
                QString why;
                QVERIFY2(RecordBatch::validate(batch, &why) == ErrorCode::None, qPrintable(why));
                const auto header = RecordBatch::parseHeader(batch);
                QCOMPARE(header->baseOffset, expectedBase);
                std::vector<Record> records;
                QCOMPARE(RecordBatch::decode(batch, &records), ErrorCode::None);
                for (const Record &r : records)
                    QCOMPARE(*r.value, valueFor(p, r.offset));
                expectedBase = header->lastOffset() + 1;
                size += batch.size();
            }
            QCOMPARE(expectedBase, info->logEndOffset);
            QCOMPARE(size, info->sizeBytes);
        }
    }
};

int main(int argc, char **argv)
{
    const QString childDir = qEnvironmentVariable(ChildDirVariable);
    if (!childDir.isEmpty())
        return runChild(childDir);
    QCoreApplication app(argc, argv);
    TestStorageCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_storagecrash.moc"
