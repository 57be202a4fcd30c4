// Storage throughput of the log: durable appends and sequential reads of 100-byte records in ~16 KiB batches,
// in a data directory on disk, beside the same bytes written straight to a file in the same run (the disk's own
// rate, the peer the log's appends are compared with: record bytes go to segment files). Usage: bench_storage [records]
// [batches-per-append-call] [data-dir] (a temporary directory by default; a given one must not hold a Topicscope
// database yet).

#include "core/clock.h"
#include "core/recordbatch.h"
#include "log/logmanager.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

using namespace topicscope::engine;

namespace {

constexpr int ValueSize = 100;
constexpr int BatchBytes = 16 * 1024;

// As a producer with batch.size=16384 fills it: as many 100-byte records as fit.
QByteArray makeProducerBatch(int seed, int *recordCount)
{
    std::vector<Record> records;
    qsizetype size = RecordBatchHeader::Size;
    for (int i = 0;; ++i) {
        Record r;
        r.timestamp = 1'700'000'000'000 + i;
        r.key = QByteArray::number(seed * 1000 + i);
        r.value = QByteArray(ValueSize, static_cast<char>('a' + (seed + i) % 26));
        const int recordBytes = RecordBatch::recordSize(r, i, i);
        if (size + recordBytes > BatchBytes)
            break;
        size += recordBytes;
        records.push_back(std::move(r));
    }
    *recordCount = static_cast<int>(records.size());
    return RecordBatch::build(0, records);
}

double seconds(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

struct AppendRun {
    qint64 records = 0;
    qint64 bytes = 0;
    double seconds = 0;
};

AppendRun appendAll(LogManager &log, const TopicPartition &tp, qint64 targetRecords, int batchesPerCall)
{
    std::vector<QByteArray> batches;
    int perBatch = 0;
    for (int s = 0; s < 8; ++s)
        batches.push_back(makeProducerBatch(s, &perBatch));
    AppendRun run;
    QElapsedTimer timer;
    timer.start();
    int next = 0;
    while (run.records < targetRecords) {
        // One append() call = one transaction = one group commit, as the wire layer would batch Produce requests.
        std::vector<AppendRequest> requests;
        for (int i = 0; i < batchesPerCall; ++i) {
            requests.push_back({tp, batches[static_cast<size_t>(next++ % batches.size())]});
            run.records += perBatch;
            run.bytes += requests.back().records.size();
        }
        for (const AppendResult &r : log.append(requests)) {
            if (r.error != ErrorCode::None) {
                std::fprintf(stderr, "append failed: %s\n", qPrintable(r.message));
                std::exit(1);
            }
        }
    }
    run.seconds = seconds(timer);
    return run;
}

// The peer: the same batches appended with write() to one file, batchesPerCall at a time, with fdatasync after each
// call when sync is set (as --fsync syncs each append call's segment writes).
AppendRun rawWrites(const QString &path, qint64 targetRecords, int batchesPerCall, bool sync)
{
    std::vector<QByteArray> batches;
    int perBatch = 0;
    for (int s = 0; s < 8; ++s)
        batches.push_back(makeProducerBatch(s, &perBatch));
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        std::perror("raw write peer");
        std::exit(1);
    }
    AppendRun run;
    QElapsedTimer timer;
    timer.start();
    int next = 0;
    while (run.records < targetRecords) {
        for (int i = 0; i < batchesPerCall; ++i) {
            const QByteArray &batch = batches[static_cast<size_t>(next++ % batches.size())];
            if (::write(fd, batch.constData(), static_cast<size_t>(batch.size())) != batch.size()) {
                std::perror("raw write peer");
                std::exit(1);
            }
            run.records += perBatch;
            run.bytes += batch.size();
        }
        if (sync && ::fdatasync(fd) != 0) {
            std::perror("raw write peer");
            std::exit(1);
        }
    }
    run.seconds = seconds(timer);
    ::close(fd);
    return run;
}

void printRun(const char *what, const AppendRun &run, const AppendRun &peer)
{
    std::printf("%s: %lld records (%.1f MiB) in %.3f s = %.2f M records/s, %.0f MiB/s", what,
        static_cast<long long>(run.records), run.bytes / 1048576.0, run.seconds, run.records / run.seconds / 1e6,
        run.bytes / 1048576.0 / run.seconds);
    if (peer.seconds > 0)
        std::printf(" = %.2fx the raw writes", (run.records / run.seconds) / (peer.records / peer.seconds));
    std::printf("\n");
}

} // namespace

int main(int argc, char **argv)
{
    const qint64 targetRecords = argc > 1 ? std::atoll(argv[1]) : 3'000'000;
    const int batchesPerCall = argc > 2 ? std::atoi(argv[2]) : 16;
    QTemporaryDir tempDir;
    const QString dataDir = argc > 3 ? QString::fromLocal8Bit(argv[3]) : tempDir.path();
    int perBatch = 0;
    const int batchSize = static_cast<int>(makeProducerBatch(0, &perBatch).size());
    std::printf("setup: %d records of %d-byte values per batch, %d bytes per batch, %d batches per transaction, "
                "data dir %s\n",
        perBatch, ValueSize, batchSize, batchesPerCall, qPrintable(dataDir));

    ManualClock clock;
    EventBus events;
    const TopicPartition tp {QStringLiteral("bench"), 0};
    for (const bool fsync : {false, true}) {
        StorageOptions options;
        options.dataDir = QDir(dataDir).filePath(fsync ? QStringLiteral("full") : QStringLiteral("normal"));
        options.fsyncEachCommit = fsync;
        QString error;
        auto log = LogManager::open(options, clock, events, &error);
        if (!log || log->createTopic(tp.topic, 1, {}, &error) != ErrorCode::None) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        // --fsync pays an fdatasync (segment) and an fsync (SQLite) per append call: measure it on fewer records.
        const qint64 records = fsync ? targetRecords / 5 : targetRecords;
        const AppendRun peer = rawWrites(
            QDir(dataDir).filePath(QStringLiteral("raw-%1.bin").arg(fsync)), records, batchesPerCall, fsync);
        printRun(fsync ? "raw writes, fdatasync per call" : "raw writes, no sync", peer, AppendRun {});
        const AppendRun run = appendAll(*log, tp, records, batchesPerCall);
        printRun(fsync ? "append --fsync (synchronous=FULL)" : "append default (synchronous=NORMAL)", run, peer);
        std::printf("  %.0f append calls/s\n", run.records / double(perBatch) / batchesPerCall / run.seconds);
    }

    // Reads from a freshly opened store: the open must not scan batches, then fetch whole batches in
    // 1 MiB reads and count records from the headers, as a consumer would.
    StorageOptions options;
    options.dataDir = QDir(dataDir).filePath(QStringLiteral("normal"));
    QElapsedTimer timer;
    timer.start();
    QString error;
    auto log = LogManager::open(options, clock, events, &error);
    if (!log) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const auto info = log->partitionInfo(tp);
    std::printf("open: %lld records (%.1f MiB) in %.2f ms\n", static_cast<long long>(info->logEndOffset),
        info->sizeBytes / 1048576.0, seconds(timer) * 1000);

    for (int pass = 0; pass < 2; ++pass) {
        timer.restart();
        qint64 offset = 0;
        qint64 records = 0;
        qint64 bytes = 0;
        while (offset < info->logEndOffset) {
            const FetchResult r = log->read(tp, offset, 1 << 20);
            if (r.error != ErrorCode::None || r.records.isEmpty()) {
                std::fprintf(stderr, "read failed at %lld\n", static_cast<long long>(offset));
                return 1;
            }
            for (const QByteArrayView batch : RecordBatch::split(r.records)) {
                const auto header = RecordBatch::parseHeader(batch);
                records += header->recordsCount;
                offset = header->lastOffset() + 1;
            }
            bytes += r.records.size();
        }
        const double s = seconds(timer);
        std::printf("read pass %d: %lld records (%.1f MiB) in %.3f s = %.2f M records/s, %.0f MiB/s\n", pass + 1,
            static_cast<long long>(records), bytes / 1048576.0, s, records / s / 1e6, bytes / 1048576.0 / s);
    }
    return 0;
}
