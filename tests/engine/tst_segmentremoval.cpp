// Segment files retention drops are unlinked off the engine thread (FileRemover), after the index no longer names
// them: until the unlink they are "*.log.deleted" files no read reaches, and a crash before it leaves files the next
// start removes. Appended bytes are handed off the engine thread for writeback as they come (WritebackStarter).

#include "core/clock.h"
#include "core/events.h"
#include "disklogbase.h"
#include "log/logmanager.h"
#include "logtesthelpers.h"
#include "storage/fileremover.h"
#include "storage/segmentlog.h"
#include "storage/writebackstarter.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>

#include <atomic>
#include <mutex>
#include <sys/stat.h>
#include <vector>

using namespace topicscope::engine;
using namespace topicscope::engine::logtest;

namespace {

QStringList filesOf(const QString &dir, const QString &pattern)
{
    return QDir(dir).entryList({pattern}, QDir::Files, QDir::Name);
}

qint64 directoryBytes(const QString &dir)
{
    qint64 total = 0;
    for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files))
        total += f.size();
    return total;
}

qsizetype openDescriptors()
{
    return QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size();
}

} // namespace

class TestSegmentRemoval : public QObject, private DiskLogBase {
    Q_OBJECT

private:
    const TopicPartition m_tp {QStringLiteral("t"), 0};
    qint64 m_batchSize = makeBatch(10, 100).size();

    // 20 batches in segments of 4 over a retention of 6: retention drops the first 3 segments (offsets 0-119).
    std::unique_ptr<LogManager> filledLog(const QString &dataDir)
    {
        auto log = open(dataDir);
        if (!log)
            return log;
        TopicConfig config;
        config.segmentBytes = 4 * m_batchSize;
        config.retentionBytes = 6 * m_batchSize;
        if (log->createTopic(m_tp.topic, 1, config) != ErrorCode::None)
            return nullptr;
        for (int i = 0; i < 20; ++i) {
            if (log->append(m_tp, makeBatch(10, 100)).error != ErrorCode::None)
                return nullptr;
        }
        return log;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLoggingCategory::setFilterRules(
            QStringLiteral("topicscope.engine.*.debug=false\ntopicscope.engine.*.info=false"));
    }

    void droppedSegmentsAreUnlinkedByTheRemover()
    {
        const QString dataDir = m_dir.filePath(QStringLiteral("unlinked"));
        auto log = filledLog(dataDir);
        QVERIFY(log);
        const QString dir = dataDir + QLatin1String("/t-0");
        log->setFileRemovalPausedForTesting(true);
        log->enforceRetention();
        // Out of the index and renamed at once; the blocks wait for the remover.
        QCOMPARE(log->partitionInfo(m_tp)->logStartOffset, 120);
        QCOMPARE(log->segmentBaseOffsets(m_tp), std::vector<qint64>({120, 160}));
        QCOMPARE(filesOf(dir, QStringLiteral("*.log")).size(), 2);
        QCOMPARE(filesOf(dir, QStringLiteral("*.log.deleted")),
            QStringList(
                {QStringLiteral("00000000000000000000.log.deleted"), QStringLiteral("00000000000000000040.log.deleted"),
                    QStringLiteral("00000000000000000080.log.deleted")}));
        QCOMPARE(log->read(m_tp, 0, 1 << 20).error, ErrorCode::OffsetOutOfRange);
        QCOMPARE(log->read(m_tp, 120, 1 << 20).error, ErrorCode::None);

        log->setFileRemovalPausedForTesting(false);
        log->waitForFileRemovalsForTesting();
        QCOMPARE(filesOf(dir, QStringLiteral("*.log.deleted")), QStringList());
        QCOMPARE(directoryBytes(dir), 8 * m_batchSize);
    }

    void aCrashBeforeTheUnlinkLeavesFilesTheNextStartRemoves()
    {
        const QString dataDir = m_dir.filePath(QStringLiteral("original"));
        const QString crashed = m_dir.filePath(QStringLiteral("crashed"));
        auto log = filledLog(dataDir);
        QVERIFY(log);
        log->setFileRemovalPausedForTesting(true);
        log->enforceRetention();
        // The files as a crash right after the index commit and the renames would leave them (the shared-memory
        // index goes with the machine).
        QVERIFY(QDir().mkpath(crashed + QLatin1String("/t-0")));
        for (const QString &sub : {QString(), QStringLiteral("/t-0")}) {
            for (const QFileInfo &f : QDir(dataDir + sub).entryInfoList(QDir::Files)) {
                if (!f.fileName().endsWith(QLatin1String("-shm")))
                    QVERIFY(QFile::copy(f.filePath(), crashed + sub + QLatin1Char('/') + f.fileName()));
            }
        }
        QCOMPARE(filesOf(crashed + QLatin1String("/t-0"), QStringLiteral("*.log.deleted")).size(), 3);

        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("recovery: .*log.deleted: dropped by retention")));
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("recovery: .*log.deleted: dropped by retention")));
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("recovery: .*log.deleted: dropped by retention")));
        auto reopened = open(crashed);
        QVERIFY(reopened);
        QCOMPARE(filesOf(crashed + QLatin1String("/t-0"), QStringLiteral("*.log.deleted")), QStringList());
        QCOMPARE(directoryBytes(crashed + QLatin1String("/t-0")), 8 * m_batchSize);
        QCOMPARE(reopened->partitionInfo(m_tp)->logStartOffset, 120);
        QCOMPARE(reopened->partitionInfo(m_tp)->logEndOffset, 200);
        QCOMPARE(reopened->read(m_tp, 120, 1 << 20).error, ErrorCode::None);

        // The original's remover, resumed, finishes its own.
        log->setFileRemovalPausedForTesting(false);
        log->waitForFileRemovalsForTesting();
        QCOMPARE(filesOf(dataDir + QLatin1String("/t-0"), QStringLiteral("*.log.deleted")), QStringList());
    }

    // A flood that drops segments faster than the disk unlinks them waits for the remover instead of letting
    // ".deleted" files pile up past the bound.
    void theRemoverBoundsTheBytesWaitingForUnlink()
    {
        std::atomic<int> unlinked = 0;
        FileRemover remover(3000, [&](const char *) {
            QThread::msleep(20); // a slow disk
            ++unlinked;
            return 0;
        });
        qint64 mostPending = 0;
        for (int i = 0; i < 12; ++i) {
            remover.remove(QStringLiteral("/nonexistent/%1.log.deleted").arg(i), 1000);
            mostPending = qMax(mostPending, remover.pendingBytes());
        }
        QVERIFY2(mostPending <= 3000, qPrintable(QString::number(mostPending)));
        QVERIFY(remover.waits() > 0);
        remover.drain();
        QCOMPARE(unlinked.load(), 12);
        QCOMPARE(remover.pendingBytes(), 0);

        // A file larger than the bound still goes, alone.
        remover.remove(QStringLiteral("/nonexistent/big.log.deleted"), 10'000);
        remover.drain();
        QCOMPARE(unlinked.load(), 13);
    }

    // Committed appends are handed to the WritebackStarter a chunk at a time, and a segment's last bytes when it rolls,
    // each range once and in order, on a descriptor of that segment's file; with --fsync none are (each commit syncs).
    void appendedBytesAreHandedForWritebackAsTheyCome()
    {
        struct Call {
            ino_t inode;
            qint64 offset;
            qint64 size;
        };
        std::mutex mutex;
        std::vector<Call> calls;
        WritebackStarter writeback([&](int fd, qint64 offset, qint64 size) {
            struct stat st { };
            if (::fstat(fd, &st) != 0)
                return -1;
            const std::lock_guard lock(mutex);
            calls.push_back({st.st_ino, offset, size});
            return 0;
        });
        const auto inodeOf = [](const QString &path) {
            struct stat st { };
            return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : ino_t(0);
        };
        const auto appendAndCommit = [](SegmentLog &log, qint64 offset, qint64 *segmentBase) {
            static const QByteArray record(300 * 1024, 'r'); // 307,200 bytes
            const SegmentRollPolicy policy {3 << 20, 1LL << 40}; // 3,145,728 bytes: ten appends fit
            qint64 position = 0;
            QString why;
            const bool ok = log.append(record, {}, offset, 0, 0, policy, segmentBase, &position, &why);
            log.commit();
            return ok;
        };

        QTemporaryDir dir;
        SegmentLog log(dir.path(), false, nullptr, nullptr, &writeback);
        qint64 base = -1;
        for (qint64 i = 0; i < 14; ++i) {
            QVERIFY(appendAndCommit(log, i, &base));
            QCOMPARE(base, i < 10 ? 0 : 10);
        }
        writeback.drain();
        const ino_t first = inodeOf(log.filePath(0));
        const ino_t second = inodeOf(log.filePath(10));
        QVERIFY(first != 0 && second != 0 && first != second);
        {
            const std::lock_guard lock(mutex);
            QCOMPARE(calls.size(), size_t(4));
            // At 1 MiB or more appended: 4 appends (1,228,800 bytes), then 4 more; at the roll, the last 2.
            const Call expected[]
                = {{first, 0, 1228800}, {first, 1228800, 1228800}, {first, 2457600, 614400}, {second, 0, 1228800}};
            for (size_t i = 0; i < calls.size(); ++i) {
                QCOMPARE(calls[i].inode, expected[i].inode);
                QCOMPARE(calls[i].offset, expected[i].offset);
                QCOMPARE(calls[i].size, expected[i].size);
            }
        }
        QCOMPARE(writeback.startedBytes(), qint64(3072000 + 1228800));
        QCOMPARE(writeback.dropped(), quint64(0));

        // --fsync: every commit syncs its segment anyway.
        QTemporaryDir syncedDir;
        SegmentLog synced(syncedDir.path(), true, nullptr, nullptr, &writeback);
        for (qint64 i = 0; i < 14; ++i)
            QVERIFY(appendAndCommit(synced, i, &base));
        writeback.drain();
        const std::lock_guard lock(mutex);
        QCOMPARE(calls.size(), size_t(4));
    }

    // A disk that is slow to take writeback requests never holds the engine thread or grows the queue: past MaxQueued
    // waiting ranges, start() skips the range (the kernel writes it back later) and returns at once.
    void theWritebackQueueIsBounded()
    {
        std::mutex gate;
        std::unique_lock closed(gate); // the first range handed blocks the thread until released
        std::atomic<int> handed = 0;
        WritebackStarter writeback([&](int, qint64, qint64) {
            const std::lock_guard wait(gate);
            ++handed;
            return 0;
        });
        QTemporaryFile file;
        QVERIFY(file.open());
        const qsizetype descriptorsBefore = openDescriptors();
        const size_t given = WritebackStarter::MaxQueued + 20;
        for (size_t i = 0; i < given; ++i)
            writeback.start(file.handle(), qint64(i) << 20, 1 << 20);
        // One range may already be in the thread's hands, out of the queue.
        QVERIFY2(
            writeback.dropped() >= 19 && writeback.dropped() <= 20, qPrintable(QString::number(writeback.dropped())));
        closed.unlock();
        writeback.drain();
        QCOMPARE(quint64(handed.load()) + writeback.dropped(), quint64(given));
        QCOMPARE(writeback.startedBytes(), qint64(handed.load()) << 20);
        // Nothing is left open: every descriptor the starter duplicated was closed.
        QCOMPARE(openDescriptors(), descriptorsBefore);
    }
};

QTEST_GUILESS_MAIN(TestSegmentRemoval)
#include "tst_segmentremoval.moc"
