#include "logdirectory.h"

#include "core/setwhy.h"
#include "storage/segmentlog.h"
#include "storage/sqlitestore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace topicscope::engine {

namespace {

Q_LOGGING_CATEGORY(lcLogDir, "topicscope.engine.log")

constexpr QFile::Permissions OwnerOnlyDirectory = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions OwnerOnlyFile = QFile::ReadOwner | QFile::WriteOwner;

// Creates and removes a file: the one reliable test (access() says yes to root on a read-only mount, and SQLite
// would only answer "disk I/O error" later).
bool probeWritable(const QString &dir, QString *why)
{
    const QByteArray probe = QFile::encodeName(QDir(dir).filePath(QStringLiteral(".topicscope-write-probe")));
    const int fd = ::open(probe.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        setWhy(why, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    ::close(fd);
    ::unlink(probe.constData());
    return true;
}

bool isSegmentFileName(const QString &name)
{
    static const QRegularExpression segmentName(QStringLiteral("^[0-9]{20}\\.log$"));
    return segmentName.match(name).hasMatch();
}

} // namespace

bool LogDirectory::prepare(const QString &dataDir, QString *error)
{
    QDir dir(dataDir);
    if (!dir.exists()) {
        if (!QDir().mkpath(dataDir)) {
            setWhy(error, QStringLiteral("cannot create data directory %1").arg(dataDir));
            return false;
        }
        // Record bytes and offsets are nobody else's business: Kafka's log dirs follow the umask, we do not.
        QFile::setPermissions(dataDir, OwnerOnlyDirectory);
    }
    QString why;
    if (!probeWritable(dataDir, &why)) {
        setWhy(error, QStringLiteral("data directory %1 is not writable: %2").arg(dataDir, why));
        return false;
    }
    const QFileInfo database(dir.filePath(SqliteStore::databaseFileName()));
    if (database.exists() && database.size() == 0) {
        // SQLite would take an empty file for a new database and every topic would be gone without a word.
        setWhy(error,
            QStringLiteral("database %1 is empty (0 bytes): the store is damaged, not new; restore it from a backup, "
                           "or move the data directory away to start with an empty one")
                .arg(database.filePath()));
        return false;
    }
    if (!database.exists() && hasSegmentFiles(dataDir)) {
        setWhy(error,
            QStringLiteral("database %1 is missing but %2 holds segment files: the index of those records is lost; "
                           "restore the database, or move the data directory away to start with an empty one")
                .arg(database.filePath(), dataDir));
        return false;
    }
    return true;
}

void LogDirectory::restrictDatabaseFiles(const QString &databasePath)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(databasePath + suffix))
            QFile::setPermissions(databasePath + suffix, OwnerOnlyFile);
    }
}

bool LogDirectory::hasSegmentFiles(const QString &dataDir)
{
    const QStringList partitions = QDir(dataDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &partition : partitions) {
        const QStringList files
            = QDir(QDir(dataDir).filePath(partition)).entryList({QStringLiteral("*.log")}, QDir::Files);
        for (const QString &file : files) {
            if (isSegmentFileName(file))
                return true;
        }
    }
    return false;
}

QStringList LogDirectory::removeOrphanDirectories(const QString &dataDir, const QSet<QString> &known)
{
    QStringList kept;
    const QStringList partitions = QDir(dataDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &partition : partitions) {
        if (known.contains(partition))
            continue;
        QDir dir(QDir(dataDir).filePath(partition));
        const QStringList entries = dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        if (entries.isEmpty() || !std::all_of(entries.cbegin(), entries.cend(), isSegmentFileName)) {
            kept.append(partition);
            continue;
        }
        qCWarning(lcLogDir).noquote() << "recovery: removing" << dir.path() << "with" << entries.size()
                                      << "segment file(s) of a partition that no longer exists";
        dir.removeRecursively();
    }
    return kept;
}

bool LogDirectory::indexSegments(
    SqliteStore &store, qint64 partitionId, const std::vector<SegmentInfo> &segments, QString *why)
{
    for (const SegmentInfo &s : segments) {
        if (!store.upsertSegment(
                partitionId, StoredSegment {s.baseOffset, s.sizeBytes, s.rollTimestamp, s.maxTimestamp}, why))
            return false;
    }
    return true;
}

bool LogDirectory::recoverPartition(SqliteStore &store, StoredPartition *partition, SegmentLog &log, QString *why)
{
    const qint64 partitionId = partition->partitionId;
    std::vector<StoredSegment> stored;
    if (!store.loadSegments(partitionId, &stored, why))
        return false;
    if (stored.empty() && !QFileInfo::exists(log.directory()))
        return true; // nothing written yet: the common case, without touching the disk
    std::vector<SegmentInfo> indexed;
    indexed.reserve(stored.size());
    for (const StoredSegment &s : stored)
        indexed.push_back(SegmentInfo {s.baseOffset, s.sizeBytes, s.rollTimestamp, s.maxTimestamp});
    QStringList report;
    std::vector<StoredBatchInfo> found;
    if (!log.recover(indexed, partition->logEndOffset, &found, &report, why))
        return false;
    for (const QString &line : report)
        qCWarning(lcLogDir).noquote() << "recovery:" << line;
    if (found.empty())
        return true;
    StoredPartition next = *partition;
    next.logEndOffset = found.back().lastOffset + 1;
    for (const StoredBatchInfo &info : found)
        next.sizeBytes += info.sizeBytes;
    // The broker's clock at that append is not stored anywhere: the file's last change is the nearest.
    const std::vector<SegmentInfo> &segments = log.segments();
    next.lastAppendTimeMs = std::max(
        next.lastAppendTimeMs, QFileInfo(log.filePath(segments.back().baseOffset)).lastModified().toMSecsSinceEpoch());
    bool ok = store.begin(why);
    for (size_t i = 0; ok && i < found.size(); ++i)
        ok = store.insertBatchLocation(partitionId, found[i], why);
    if (!ok || !indexSegments(store, partitionId, log.dirtySegments(), why) || !store.updatePartition(next, why)
        || !store.commit(why)) {
        store.rollback();
        return false;
    }
    log.commit();
    *partition = next;
    qCInfo(lcLogDir).noquote() << "recovery:" << found.size() << "batch(es) of" << log.directory()
                               << "appended after the last index commit indexed again, offsets"
                               << found.front().baseOffset << "to" << found.back().lastOffset;
    return true;
}

bool LogDirectory::migratePartition(SqliteStore &store, qint64 partitionId, SegmentLog &log,
    const SegmentRollPolicy &policy, qint64 *batches, qint64 *bytes, QString *why)
{
    *batches = 0;
    *bytes = 0;
    std::vector<StoredBatchInfo> moved;
    QString writeError;
    // The files first (visit must not touch the database), then one transaction pointing the index at them.
    const bool read = store.forEachDatabaseBatch(
        partitionId,
        [&](const StoredBatchInfo &info, QByteArrayView data) {
            StoredBatchInfo placed = info;
            // Rolled by segment.bytes, and by segment.ms as if each batch were appended at its own time.
            if (!log.append(data, {}, info.baseOffset, info.maxTimestamp, info.maxTimestamp, policy,
                    &placed.segmentBase, &placed.filePosition, &writeError))
                return false;
            moved.push_back(placed);
            return true;
        },
        why);
    if (!read || !writeError.isEmpty() || !log.sync(why)) {
        if (!writeError.isEmpty())
            setWhy(why, writeError);
        log.rollback();
        return false;
    }
    bool ok = store.begin(why);
    for (size_t i = 0; ok && i < moved.size(); ++i)
        ok = store.moveBatchToSegment(partitionId, moved[i], why);
    if (!ok || !indexSegments(store, partitionId, log.dirtySegments(), why) || !store.commit(why)) {
        store.rollback();
        log.rollback();
        return false;
    }
    log.commit();
    *batches = static_cast<qint64>(moved.size());
    for (const StoredBatchInfo &info : moved)
        *bytes += info.sizeBytes;
    return true;
}

} // namespace topicscope::engine
