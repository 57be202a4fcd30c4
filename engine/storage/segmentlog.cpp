#include "segmentlog.h"

#include "fileremover.h"
#include "writebackstarter.h"

#include "core/recordbatch.h"
#include "core/setwhy.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace topicscope::engine {

namespace {

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Why the storage fault seam (SegmentWriteLimits, tests only) refuses a write of size bytes; empty when it allows it.
// A size of 0 asks only whether files may be created.
QString refusal(const SegmentWriteLimits *limits, qint64 size)
{
    if (!limits)
        return {};
    if (limits->readOnly)
        return QStringLiteral("read-only file system");
    if (limits->budgetBytes >= 0 && size > limits->budgetBytes)
        return QStringLiteral("disk full (no space left on device)");
    return {};
}

// Counts a write of size bytes against the seam's budget.
void spend(SegmentWriteLimits *limits, qint64 size)
{
    if (limits && limits->budgetBytes >= 0)
        limits->budgetBytes -= size;
}

int syncFile(int fd)
{
#if defined(__APPLE__)
    return ::fsync(fd);
#else
    return ::fdatasync(fd);
#endif
}

// Transfers exactly size bytes at position with pread or pwrite, resuming after short transfers; false on an error
// or the end of the file.
template <typename Buffer, typename Transfer>
bool transferFully(int fd, qint64 position, Buffer *data, qint64 size, Transfer transfer)
{
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = transfer(fd, data + done, static_cast<size_t>(size - done), position + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

bool readFully(int fd, qint64 position, char *into, qint64 size)
{
    return transferFully(fd, position, into, size, ::pread);
}

bool writeFully(int fd, qint64 position, const char *from, qint64 size)
{
    return transferFully(fd, position, from, size, ::pwrite);
}

// What lies in [from, fileSize) of a segment: whole batches that pass validation (and, when nextOffset >= 0, each
// starting at the offset the one before ends at, the first at nextOffset), then whatever is left.
struct TailScan {
    int validBatches = 0;
    qint64 firstOffset = -1;
    qint64 lastOffset = -1;
    qint64 validBytes = 0;
    qint64 maxTimestamp = -1;
};

// found, when given, gets each valid batch's index row (in the segment starting at segmentBase).
TailScan scanTail(int fd, qint64 from, qint64 fileSize, qint64 nextOffset = -1,
    std::vector<StoredBatchInfo> *found = nullptr, qint64 segmentBase = -1)
{
    TailScan scan;
    qint64 position = from;
    QByteArray buffer;
    while (fileSize - position >= RecordBatchHeader::Size) {
        char lengthField[RecordBatchHeader::LengthFieldEnd];
        if (!readFully(fd, position, lengthField, sizeof lengthField))
            break;
        const qint32 length
            = static_cast<qint32>((quint32(quint8(lengthField[8])) << 24) | (quint32(quint8(lengthField[9])) << 16)
                | (quint32(quint8(lengthField[10])) << 8) | quint32(quint8(lengthField[11])));
        const qint64 total = RecordBatchHeader::LengthFieldEnd + static_cast<qint64>(length);
        if (length <= 0 || position + total > fileSize)
            break;
        buffer.resize(total);
        if (!readFully(fd, position, buffer.data(), total) || RecordBatch::validate(buffer) != ErrorCode::None)
            break;
        const auto header = RecordBatch::parseHeader(buffer);
        if (nextOffset >= 0 && header->baseOffset != nextOffset)
            break;
        if (scan.firstOffset < 0)
            scan.firstOffset = header->baseOffset;
        scan.lastOffset = header->lastOffset();
        scan.maxTimestamp = std::max(scan.maxTimestamp, header->maxTimestamp);
        if (found)
            found->push_back(StoredBatchInfo {header->baseOffset, header->lastOffset(), header->maxTimestamp,
                header->recordsCount, total, segmentBase, position});
        if (nextOffset >= 0)
            nextOffset = header->lastOffset() + 1;
        ++scan.validBatches;
        position += total;
    }
    scan.validBytes = position - from;
    return scan;
}

// kept: the valid batches stay in the log (appended after the last index commit) rather than being cut off.
QString describeTail(const TailScan &scan, qint64 tailBytes, bool kept = false)
{
    QString text = QStringLiteral("%1 byte(s)").arg(tailBytes);
    if (scan.validBatches > 0)
        text += QStringLiteral(": %1 whole valid batch(es), offsets %2..%3, %4")
                    .arg(scan.validBatches)
                    .arg(scan.firstOffset)
                    .arg(scan.lastOffset)
                    .arg(kept ? QStringLiteral("appended after the last index commit: indexed again")
                              : QStringLiteral("written but never committed"));
    if (scan.validBytes < tailBytes)
        text += QStringLiteral("%1%2 byte(s) of a torn or invalid batch")
                    .arg(scan.validBatches > 0 ? QStringLiteral(", then ") : QStringLiteral(": "))
                    .arg(tailBytes - scan.validBytes);
    return text;
}

} // namespace

struct SegmentLog::Segment {
    int fd = -1;
    SegmentInfo committed; // as the index has it
    bool created = false; // since the last commit
    bool dirty = false; // written since the last commit
    qint64 writebackFrom = 0; // bytes before it were handed to the WritebackStarter
    ~Segment()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

QString SegmentLog::directoryName(const QString &topic, int partition)
{
    return topic + QLatin1Char('-') + QString::number(partition);
}

QString SegmentLog::fileName(qint64 baseOffset)
{
    return QStringLiteral("%1.log").arg(baseOffset, 20, 10, QLatin1Char('0'));
}

SegmentLog::SegmentLog(const QString &directory, bool fsyncEachCommit, SegmentWriteLimits *limits, FileRemover *remover,
    WritebackStarter *writeback)
    : m_directory(directory)
    , m_fsync(fsyncEachCommit)
    , m_limits(limits)
    , m_remover(remover)
    , m_writeback(fsyncEachCommit ? nullptr : writeback)
{ }

SegmentLog::~SegmentLog() = default;

QString SegmentLog::filePath(qint64 baseOffset) const
{
    return m_directory + QLatin1Char('/') + fileName(baseOffset);
}

qint64 SegmentLog::totalBytes() const
{
    qint64 total = 0;
    for (const SegmentInfo &s : m_segments)
        total += s.sizeBytes;
    return total;
}

SegmentLog::Segment *SegmentLog::find(qint64 baseOffset) const
{
    for (size_t i = 0; i < m_segments.size(); ++i) {
        if (m_segments[i].baseOffset == baseOffset)
            return m_files[i].get();
    }
    return nullptr;
}

bool SegmentLog::openSegment(qint64 baseOffset, bool create, QString *why)
{
    if (create) {
        if (const QString refused = refusal(m_limits, 0); !refused.isEmpty()) {
            setWhy(why, QStringLiteral("cannot create %1: %2").arg(filePath(baseOffset), refused));
            return false;
        }
        if (!QDir(m_directory).exists()) {
            if (::mkdir(QFile::encodeName(m_directory).constData(), 0700) != 0 && errno != EEXIST) {
                setWhy(why, QStringLiteral("cannot create directory %1: %2").arg(m_directory, errnoText()));
                return false;
            }
            m_directoryDirty = true;
        }
    }
    const QByteArray path = QFile::encodeName(filePath(baseOffset));
    const int fd = ::open(path.constData(), O_RDWR | O_CLOEXEC | (create ? O_CREAT | O_TRUNC : 0), 0600);
    if (fd < 0) {
        setWhy(why, QStringLiteral("cannot open %1: %2").arg(filePath(baseOffset), errnoText()));
        return false;
    }
    auto segment = std::make_unique<Segment>();
    segment->fd = fd;
    segment->committed.baseOffset = baseOffset;
    segment->created = create;
    if (create)
        m_directoryDirty = true;
    SegmentInfo info;
    info.baseOffset = baseOffset;
    m_segments.push_back(info);
    m_files.push_back(std::move(segment));
    return true;
}

bool SegmentLog::recover(const std::vector<SegmentInfo> &indexed, qint64 nextOffset,
    std::vector<StoredBatchInfo> *found, QStringList *report, QString *why)
{
    // A cleaning interrupted between its cleaned file and the rename: the index commit decides which is the segment.
    for (const QFileInfo &file :
        QDir(m_directory).entryInfoList({QLatin1String("*.log") + QLatin1String(CleanedSuffix)}, QDir::Files)) {
        bool ok = false;
        const qint64 base = file.fileName().section(QLatin1Char('.'), 0, 0).toLongLong(&ok);
        const auto want = std::find_if(
            indexed.cbegin(), indexed.cend(), [&](const SegmentInfo &s) { return ok && s.baseOffset == base; });
        if (want != indexed.cend() && want->sizeBytes == file.size()) {
            if (::rename(QFile::encodeName(file.filePath()).constData(), QFile::encodeName(filePath(base)).constData())
                != 0) {
                setWhy(why, QStringLiteral("cannot rename %1: %2").arg(file.filePath(), errnoText()));
                return false;
            }
            report->append(
                QStringLiteral("%1: a cleaning the index had committed, interrupted before its rename: finished")
                    .arg(file.filePath()));
        } else {
            if (!QFile::remove(file.filePath())) {
                setWhy(why, QStringLiteral("cannot remove %1").arg(file.filePath()));
                return false;
            }
            report->append(QStringLiteral("%1: a cleaning that never committed: removed").arg(file.filePath()));
        }
    }
    // Whether the log may continue past the index: the last indexed segment is whole, and every byte found after it
    // so far was kept.
    bool continues = true;
    for (size_t i = 0; i < indexed.size(); ++i) {
        const SegmentInfo &want = indexed[i];
        const bool last = i + 1 == indexed.size();
        const QString path = filePath(want.baseOffset);
        QString error;
        if (!openSegment(want.baseOffset, false, &error)) {
            // Kept in the list without a file, so reads of its offsets fail with the file named.
            report->append(QStringLiteral("damage: %1 is missing (%2); the index holds %3 byte(s) there")
                               .arg(path, error)
                               .arg(want.sizeBytes));
            continues = continues && !last;
            auto segment = std::make_unique<Segment>();
            segment->committed = want;
            m_segments.push_back(want);
            m_files.push_back(std::move(segment));
            continue;
        }
        Segment &segment = *m_files.back();
        segment.committed = want;
        m_segments.back() = want;
        struct stat st { };
        if (::fstat(segment.fd, &st) != 0) {
            setWhy(why, QStringLiteral("cannot stat %1: %2").arg(path, errnoText()));
            return false;
        }
        const qint64 fileSize = st.st_size;
        if (fileSize < want.sizeBytes) {
            report->append(QStringLiteral("damage: %1 has %2 byte(s) but the index holds %3 there; reads past "
                                          "position %2 fail")
                               .arg(path)
                               .arg(fileSize)
                               .arg(want.sizeBytes));
            continues = continues && !last;
        } else if (fileSize > want.sizeBytes && last && continues) {
            if (!keepTail(m_segments.size() - 1, fileSize, &nextOffset, found, report, why))
                return false;
            continues = m_segments.back().sizeBytes == fileSize;
        } else if (fileSize > want.sizeBytes) {
            const TailScan scan = scanTail(segment.fd, want.sizeBytes, fileSize);
            if (::ftruncate(segment.fd, want.sizeBytes) != 0) {
                setWhy(why, QStringLiteral("cannot truncate %1: %2").arg(path, errnoText()));
                return false;
            }
            report->append(QStringLiteral("%1: %2 past the last indexed batch at position %3: truncated to %3")
                               .arg(path, describeTail(scan, fileSize - want.sizeBytes))
                               .arg(want.sizeBytes));
        }
    }
    // Segments retention had dropped from the index and renamed, but not yet unlinked when the process ended.
    for (const QFileInfo &file :
        QDir(m_directory).entryInfoList({QLatin1String("*.log") + QLatin1String(DeletedSuffix)}, QDir::Files)) {
        if (!QFile::remove(file.filePath())) {
            setWhy(why, QStringLiteral("cannot remove %1").arg(file.filePath()));
            return false;
        }
        report->append(QStringLiteral("%1: dropped by retention before the restart: removed").arg(file.filePath()));
    }
    // Files the index does not know: segments rolled after the last index commit, which continue the log (in name
    // order, the order of their offsets), or left by an append that failed or by a deleted topic.
    const QFileInfoList files = QDir(m_directory).entryInfoList({QStringLiteral("*.log")}, QDir::Files, QDir::Name);
    for (const QFileInfo &file : files) {
        bool ok = false;
        const qint64 base = file.completeBaseName().toLongLong(&ok);
        if (ok && find(base))
            continue;
        if (ok && continues && base == nextOffset && (m_segments.empty() || base > m_segments.back().baseOffset)) {
            QString error;
            if (!openSegment(base, false, &error)) {
                setWhy(why, error);
                return false;
            }
            if (!keepTail(m_segments.size() - 1, file.size(), &nextOffset, found, report, why))
                return false;
            if (m_segments.back().sizeBytes > 0) {
                continues = m_segments.back().sizeBytes == file.size();
                continue;
            }
            // Not one batch of it continues the log: removed below as any unknown file.
            m_files.pop_back();
            m_segments.pop_back();
            continues = false;
        }
        const int fd = ::open(QFile::encodeName(file.filePath()).constData(), O_RDONLY | O_CLOEXEC);
        const TailScan scan = fd >= 0 ? scanTail(fd, 0, file.size()) : TailScan {};
        if (fd >= 0)
            ::close(fd);
        if (!QFile::remove(file.filePath())) {
            setWhy(why, QStringLiteral("cannot remove %1").arg(file.filePath()));
            return false;
        }
        report->append(
            QStringLiteral("%1: not in the index, %2: removed").arg(file.filePath(), describeTail(scan, file.size())));
    }
    return true;
}

bool SegmentLog::keepTail(size_t index, qint64 fileSize, qint64 *nextOffset, std::vector<StoredBatchInfo> *found,
    QStringList *report, QString *why)
{
    SegmentInfo &info = m_segments[index];
    Segment &segment = *m_files[index];
    const QString path = filePath(info.baseOffset);
    const qint64 from = info.sizeBytes;
    const size_t before = found->size();
    const TailScan scan = scanTail(segment.fd, from, fileSize, *nextOffset, found, info.baseOffset);
    if (scan.validBatches == 0 && from == 0)
        return true; // a file the index does not know, of which nothing continues the log: the caller removes it
    if (scan.validBatches > 0) {
        if (info.sizeBytes == 0)
            info.rollTimestamp = found->at(before).maxTimestamp;
        info.sizeBytes += scan.validBytes;
        info.maxTimestamp = std::max(info.maxTimestamp, scan.maxTimestamp);
        *nextOffset = scan.lastOffset + 1;
        segment.dirty = true;
    }
    QString line = QStringLiteral("%1: %2 past the last indexed batch at position %3")
                       .arg(path, describeTail(scan, fileSize - from, true))
                       .arg(from);
    if (info.sizeBytes < fileSize) {
        if (::ftruncate(segment.fd, info.sizeBytes) != 0) {
            setWhy(why, QStringLiteral("cannot truncate %1: %2").arg(path, errnoText()));
            return false;
        }
        line += QStringLiteral(": truncated to %1").arg(info.sizeBytes);
    }
    report->append(line);
    return true;
}

bool SegmentLog::append(QByteArrayView head, QByteArrayView tail, qint64 baseOffset, qint64 maxTimestamp, qint64 nowMs,
    const SegmentRollPolicy &policy, qint64 *segmentBase, qint64 *position, QString *why)
{
    const qint64 size = head.size() + tail.size();
    if (const QString refused = refusal(m_limits, size); !refused.isEmpty()) {
        setWhy(why, QStringLiteral("cannot write to %1: %2").arg(m_directory, refused));
        return false;
    }
    // Kafka's LogSegment.shouldRoll: a non-empty active segment rolls when this batch would take it past
    // segment.bytes, or when segment.ms has passed since its first batch's timestamp.
    bool roll = m_segments.empty();
    if (!roll) {
        const SegmentInfo &active = m_segments.back();
        roll = active.sizeBytes > 0
            && (active.sizeBytes > policy.segmentBytes - size || nowMs - active.rollTimestamp > policy.segmentMs);
    }
    if (roll && !m_segments.empty())
        startWriteback(m_segments.size() - 1); // its last bytes: it is closed from now on
    if (roll && !openSegment(baseOffset, true, why))
        return false;
    SegmentInfo &active = m_segments.back();
    Segment &file = *m_files.back();
    if (!writeFully(file.fd, active.sizeBytes, head.data(), head.size())
        || (!tail.isEmpty() && !writeFully(file.fd, active.sizeBytes + head.size(), tail.data(), tail.size()))) {
        setWhy(why, QStringLiteral("cannot write to %1: %2").arg(filePath(active.baseOffset), errnoText()));
        return false;
    }
    spend(m_limits, size);
    *segmentBase = active.baseOffset;
    *position = active.sizeBytes;
    if (active.sizeBytes == 0)
        active.rollTimestamp = maxTimestamp;
    active.sizeBytes += size;
    active.maxTimestamp = std::max(active.maxTimestamp, maxTimestamp);
    file.dirty = true;
    return true;
}

std::vector<SegmentInfo> SegmentLog::dirtySegments() const
{
    std::vector<SegmentInfo> dirty;
    for (size_t i = 0; i < m_segments.size(); ++i) {
        if (m_files[i]->dirty)
            dirty.push_back(m_segments[i]);
    }
    return dirty;
}

bool SegmentLog::sync(QString *why)
{
    for (size_t i = 0; i < m_segments.size(); ++i) {
        if (m_files[i]->dirty && syncFile(m_files[i]->fd) != 0) {
            setWhy(why, QStringLiteral("cannot sync %1: %2").arg(filePath(m_segments[i].baseOffset), errnoText()));
            return false;
        }
    }
    if (m_directoryDirty) {
        // A new file's directory entry is durable only once the directory is synced.
        const int fd = ::open(QFile::encodeName(m_directory).constData(), O_RDONLY | O_CLOEXEC);
        const bool ok = fd >= 0 && ::fsync(fd) == 0;
        if (fd >= 0)
            ::close(fd);
        if (!ok) {
            setWhy(why, QStringLiteral("cannot sync directory %1: %2").arg(m_directory, errnoText()));
            return false;
        }
    }
    return true;
}

void SegmentLog::commit()
{
    for (size_t i = 0; i < m_segments.size(); ++i) {
        if (m_writeback && m_files[i]->dirty
            && m_segments[i].sizeBytes - m_files[i]->writebackFrom >= WritebackStarter::DefaultChunkBytes)
            startWriteback(i);
        m_files[i]->committed = m_segments[i];
        m_files[i]->created = false;
        m_files[i]->dirty = false;
    }
    m_directoryDirty = false;
}

void SegmentLog::rollback()
{
    for (size_t i = m_segments.size(); i-- > 0;) {
        Segment &file = *m_files[i];
        if (file.created) {
            ::close(file.fd);
            file.fd = -1;
            ::unlink(QFile::encodeName(filePath(m_segments[i].baseOffset)).constData());
            m_segments.erase(m_segments.begin() + static_cast<std::ptrdiff_t>(i));
            m_files.erase(m_files.begin() + static_cast<std::ptrdiff_t>(i));
        } else if (file.dirty) {
            // Best effort: should the truncation fail, recovery at the next start cuts the uncommitted tail.
            if (::ftruncate(file.fd, file.committed.sizeBytes) != 0)
                continue;
            m_segments[i] = file.committed;
            file.dirty = false;
        }
    }
    m_directoryDirty = false;
}

void SegmentLog::startWriteback(size_t index)
{
    Segment &file = *m_files[index];
    const qint64 size = m_segments[index].sizeBytes;
    if (m_writeback && file.fd >= 0 && size > file.writebackFrom)
        m_writeback->start(file.fd, file.writebackFrom, size - file.writebackFrom);
    file.writebackFrom = size;
}

bool SegmentLog::read(qint64 segmentBase, qint64 position, qint64 size, QByteArray *out, QString *why) const
{
    const Segment *segment = find(segmentBase);
    if (!segment || segment->fd < 0) {
        setWhy(why, QStringLiteral("segment file %1 is missing").arg(filePath(segmentBase)));
        return false;
    }
    const qint64 start = out->size();
    out->resize(start + size);
    errno = 0;
    if (!readFully(segment->fd, position, out->data() + start, size)) {
        out->resize(start);
        setWhy(why,
            QStringLiteral("cannot read %1 byte(s) at position %2 of %3: %4")
                .arg(size)
                .arg(position)
                .arg(filePath(segmentBase), errno ? errnoText() : QStringLiteral("the file is shorter")));
        return false;
    }
    return true;
}

void SegmentLog::removeSegmentsBelow(qint64 baseOffset, bool dropActive)
{
    while (!m_segments.empty()) {
        const bool isActive = m_segments.size() == 1;
        if (isActive ? !dropActive : m_segments[1].baseOffset > baseOffset)
            break;
        dropSegmentAt(0);
    }
}

void SegmentLog::dropSegmentAt(size_t index)
{
    const auto at = static_cast<std::ptrdiff_t>(index);
    const QByteArray path = QFile::encodeName(filePath(m_segments[index].baseOffset));
    const qint64 sizeBytes = m_segments[index].sizeBytes;
    // Closed first: the unlink is then the file's last reference and frees its blocks, wherever it runs.
    m_segments.erase(m_segments.begin() + at);
    m_files.erase(m_files.begin() + at);
    // Renamed (cheap) before the remover unlinks it (the blocks): a new segment of the same base offset is never
    // the one removed, and a crash in between leaves a ".deleted" file that recover() removes.
    const QByteArray doomed = path + DeletedSuffix;
    if (m_remover && ::rename(path.constData(), doomed.constData()) == 0)
        m_remover->remove(QFile::decodeName(doomed), sizeBytes);
    else
        ::unlink(path.constData());
}

bool SegmentLog::writeCleaned(const QString &segmentPath, QByteArrayView bytes, QString *why)
{
    CleanedFile file(segmentPath);
    return file.open(why) && file.append(bytes, why) && file.finish(why);
}

SegmentLog::CleanedFile::CleanedFile(const QString &segmentPath, SegmentWriteLimits *limits)
    : m_path(segmentPath + QLatin1String(CleanedSuffix))
    , m_limits(limits)
{ }

SegmentLog::CleanedFile::~CleanedFile()
{
    discard();
}

bool SegmentLog::CleanedFile::open(QString *why)
{
    if (const QString refused = refusal(m_limits, 0); !refused.isEmpty()) {
        setWhy(why, QStringLiteral("cannot create %1: %2").arg(m_path, refused));
        return false;
    }
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (m_fd < 0) {
        setWhy(why, QStringLiteral("cannot create %1: %2").arg(m_path, errnoText()));
        return false;
    }
    m_size = 0;
    return true;
}

bool SegmentLog::CleanedFile::append(QByteArrayView bytes, QString *why)
{
    if (const QString refused = refusal(m_limits, bytes.size()); !refused.isEmpty()) {
        setWhy(why, QStringLiteral("cannot write %1: %2").arg(m_path, refused));
        discard();
        return false;
    }
    spend(m_limits, bytes.size());
    if (m_fd < 0 || !writeFully(m_fd, m_size, bytes.data(), bytes.size())) {
        setWhy(why, QStringLiteral("cannot write %1: %2").arg(m_path, errnoText()));
        discard();
        return false;
    }
    m_size += bytes.size();
    return true;
}

bool SegmentLog::CleanedFile::finish(QString *why)
{
    // Always synced, whatever --fsync says: the index commit that follows makes these bytes the segment.
    if (m_fd < 0 || syncFile(m_fd) != 0) {
        setWhy(why, QStringLiteral("cannot write %1: %2").arg(m_path, errnoText()));
        discard();
        return false;
    }
    ::close(m_fd);
    m_fd = -1;
    return true;
}

void SegmentLog::CleanedFile::discard()
{
    if (m_fd < 0)
        return;
    ::close(m_fd);
    m_fd = -1;
    ::unlink(QFile::encodeName(m_path).constData());
}

bool SegmentLog::swapCleaned(const SegmentInfo &cleaned, QString *why)
{
    const QByteArray path = QFile::encodeName(filePath(cleaned.baseOffset));
    const QByteArray from = path + CleanedSuffix;
    for (size_t i = 0; i < m_segments.size(); ++i) {
        if (m_segments[i].baseOffset != cleaned.baseOffset)
            continue;
        if (::rename(from.constData(), path.constData()) != 0) {
            setWhy(why,
                QStringLiteral("cannot rename %1 over %2: %3")
                    .arg(QFile::decodeName(from), QFile::decodeName(path), errnoText()));
            return false;
        }
        const int fd = ::open(path.constData(), O_RDWR | O_CLOEXEC);
        if (fd < 0) {
            setWhy(why, QStringLiteral("cannot open %1: %2").arg(QFile::decodeName(path), errnoText()));
            return false;
        }
        Segment &file = *m_files[i];
        if (file.fd >= 0)
            ::close(file.fd);
        file.fd = fd;
        m_segments[i] = cleaned;
        file.committed = cleaned;
        return true;
    }
    setWhy(why, QStringLiteral("no segment %1").arg(QFile::decodeName(path)));
    return false;
}

void SegmentLog::discardCleaned(const QString &segmentPath)
{
    ::unlink(QFile::encodeName(segmentPath + QLatin1String(CleanedSuffix)).constData());
}

void SegmentLog::removeSegment(qint64 baseOffset)
{
    for (size_t i = 0; i + 1 < m_segments.size(); ++i) { // never the active one
        if (m_segments[i].baseOffset == baseOffset) {
            dropSegmentAt(i);
            return;
        }
    }
}

void SegmentLog::removeAll()
{
    m_files.clear();
    m_segments.clear();
    QDir(m_directory).removeRecursively();
}

} // namespace topicscope::engine
