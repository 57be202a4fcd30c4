#include "recordbatch.h"

#include "compression.h"
#include "crc32c.h"
#include "varint.h"

#include <QtEndian>
#include <algorithm>

namespace topicscope::engine {

namespace {

template <typename T> void putBE(char *at, T v)
{
    qToBigEndian(v, at);
}

template <typename T> T getBE(const char *at)
{
    return qFromBigEndian<T>(at);
}

template <typename T> void appendBE(QByteArray &out, T v)
{
    char buf[sizeof(T)];
    qToBigEndian(v, buf);
    out.append(buf, sizeof(T));
}

void appendBytes(QByteArray &out, const std::optional<QByteArray> &bytes)
{
    if (!bytes) {
        varint::appendSigned(out, -1);
        return;
    }
    varint::appendSigned(out, bytes->size());
    out.append(*bytes);
}

int sizeOfBytes(const std::optional<QByteArray> &bytes)
{
    if (!bytes)
        return varint::sizeOfSigned(-1);
    return varint::sizeOfSigned(bytes->size()) + static_cast<int>(bytes->size());
}

int recordBodySize(const Record &record, qint64 timestampDelta, int offsetDelta)
{
    int size = 1; // attributes
    size += varint::sizeOfSigned(timestampDelta);
    size += varint::sizeOfSigned(offsetDelta);
    size += sizeOfBytes(record.key);
    size += sizeOfBytes(record.value);
    size += varint::sizeOfSigned(record.headers.size());
    for (const auto &h : record.headers) {
        size += varint::sizeOfSigned(h.key.size()) + static_cast<int>(h.key.size());
        size += sizeOfBytes(h.value);
    }
    return size;
}

void fail(ErrorCode *error, QString *why, ErrorCode code, const QString &text)
{
    if (error)
        *error = code;
    if (why)
        *why = text;
}

// Reads a varint-length-prefixed byte field; length -1 means null.
bool readBytes(const char *&p, const char *end, std::optional<QByteArray> *out, bool allowNull = true)
{
    const auto len = varint::readSigned(p, end, 5);
    if (!len)
        return false;
    if (*len < 0) {
        if (*len != -1 || !allowNull)
            return false;
        *out = std::nullopt;
        return true;
    }
    if (*len > end - p)
        return false;
    *out = QByteArray(p, static_cast<qsizetype>(*len));
    p += *len;
    return true;
}

// baseTimestamp + timestampDelta as Java computes it: wrapping, never undefined, whatever a batch claims.
qint64 addTimestamp(qint64 base, qint64 delta)
{
    return static_cast<qint64>(static_cast<quint64>(base) + static_cast<quint64>(delta));
}

ErrorCode corruptRecord(QString *why, const RecordBatchHeader &h, int index, const char *what)
{
    fail(nullptr, why, ErrorCode::CorruptMessage,
        QStringLiteral("record %1 of batch at offset %2: %3").arg(index).arg(h.baseOffset).arg(QLatin1String(what)));
    return ErrorCode::CorruptMessage;
}

// The records of one batch opened for reading, one after the other: its header and its records section
// (decompressed when the batch is compressed), shared by decode() and maxRecordTimestamp().
struct RecordReader {
    RecordReader() = default;
    Q_DISABLE_COPY_MOVE(RecordReader) // p and end may point into decompressed

    RecordBatchHeader header;
    QByteArray decompressed;
    const char *p = nullptr; // the next unread byte of the section
    const char *end = nullptr;

    // Parses the header and finds (or decompresses) the records section. CORRUPT_MESSAGE, or what
    // parseHeader() gives, with *why on failure.
    ErrorCode open(QByteArrayView batch, QString *why)
    {
        ErrorCode error = ErrorCode::None;
        const auto h = RecordBatch::parseHeader(batch, &error, why);
        if (!h)
            return error;
        header = *h;
        QByteArrayView section = batch.sliced(RecordBatchHeader::Size, h->totalSize() - RecordBatchHeader::Size);
        if (h->compression() != Compression::None) {
            QString cause;
            auto out = Compression::decompress(h->compression(), section, Compression::MaxDecompressedBytes, &cause);
            if (!out) {
                fail(nullptr, why, ErrorCode::CorruptMessage,
                    QStringLiteral("records of batch at offset %1 cannot be read: %2").arg(h->baseOffset).arg(cause));
                return ErrorCode::CorruptMessage;
            }
            decompressed = std::move(*out);
            section = decompressed;
        }
        p = section.data();
        end = section.data() + section.size();
        return ErrorCode::None;
    }

    // Reads the start of record index (length, attributes, timestamp delta): *recordEnd is where it ends.
    ErrorCode startRecord(int index, const char **recordEnd, qint64 *timestampDelta, QString *why)
    {
        const auto length = varint::readSigned(p, end, 5);
        if (!length || *length < 1 || *length > end - p)
            return corruptRecord(why, header, index, "bad record length");
        *recordEnd = p + *length;
        ++p; // attributes
        const auto delta = varint::readSigned(p, *recordEnd);
        if (!delta)
            return corruptRecord(why, header, index, "bad timestamp delta");
        *timestampDelta = *delta;
        return ErrorCode::None;
    }
};

} // namespace

int RecordBatch::recordSize(const Record &record, qint64 timestampDelta, int offsetDelta)
{
    const int body = recordBodySize(record, timestampDelta, offsetDelta);
    return varint::sizeOfSigned(body) + body;
}

namespace {

// The header fields build() and retain() differ in.
struct BatchShape {
    qint64 baseOffset = 0;
    qint16 attributes = 0;
    bool offsetsFromRecords = false; // each record's offset - baseOffset; else its index
    qint32 lastOffsetDelta = -1; // -1: the last record's
};

QByteArray encodeBatch(
    const std::vector<Record> &records, const BatchShape &shape, const RecordBatch::BuildOptions &options)
{
    Q_ASSERT(!records.empty());
    const auto offsetDelta = [&](size_t i) {
        return shape.offsetsFromRecords ? static_cast<int>(records[i].offset - shape.baseOffset) : static_cast<int>(i);
    };
    qint64 baseTimestamp = records.front().timestamp;
    if (baseTimestamp < 0)
        baseTimestamp = 0;
    qint64 maxTimestamp = baseTimestamp;
    qsizetype bodySize = 0;
    for (size_t i = 0; i < records.size(); ++i) {
        const qint64 ts = records[i].timestamp < 0 ? baseTimestamp : records[i].timestamp;
        maxTimestamp = std::max(maxTimestamp, ts);
        bodySize += RecordBatch::recordSize(records[i], ts - baseTimestamp, offsetDelta(i));
    }

    QByteArray out;
    out.reserve(RecordBatchHeader::Size + bodySize);
    out.resize(RecordBatchHeader::Size);
    char *h = out.data();
    putBE<qint64>(h + 0, shape.baseOffset);
    putBE<qint32>(h + 8, static_cast<qint32>(RecordBatchHeader::Size - RecordBatchHeader::LengthFieldEnd + bodySize));
    putBE<qint32>(h + 12, options.partitionLeaderEpoch);
    h[16] = 2;
    putBE<qint16>(h + 21, shape.attributes);
    putBE<qint32>(h + 23, shape.lastOffsetDelta >= 0 ? shape.lastOffsetDelta : offsetDelta(records.size() - 1));
    putBE<qint64>(h + 27, baseTimestamp);
    putBE<qint64>(h + 35, maxTimestamp);
    putBE<qint64>(h + 43, options.producerId);
    putBE<qint16>(h + 51, options.producerEpoch);
    putBE<qint32>(h + 53, options.baseSequence);
    putBE<qint32>(h + 57, static_cast<qint32>(records.size()));

    for (size_t i = 0; i < records.size(); ++i) {
        const Record &r = records[i];
        const qint64 ts = r.timestamp < 0 ? baseTimestamp : r.timestamp;
        const int body = recordBodySize(r, ts - baseTimestamp, offsetDelta(i));
        varint::appendSigned(out, body);
        out.append('\0'); // record attributes
        varint::appendSigned(out, ts - baseTimestamp);
        varint::appendSigned(out, static_cast<qint64>(offsetDelta(i)));
        appendBytes(out, r.key);
        appendBytes(out, r.value);
        varint::appendSigned(out, r.headers.size());
        for (const auto &header : r.headers) {
            varint::appendSigned(out, header.key.size());
            out.append(header.key);
            appendBytes(out, header.value);
        }
    }
    putBE<quint32>(out.data() + RecordBatchHeader::CrcOffset, RecordBatch::computeCrc(out));
    return out;
}

} // namespace

QByteArray RecordBatch::build(qint64 baseOffset, const std::vector<Record> &records, const BuildOptions &options)
{
    BatchShape shape;
    shape.baseOffset = baseOffset;
    shape.attributes = options.timestampType == TimestampType::LogAppendTime ? 0x08 : 0;
    return encodeBatch(records, shape, options);
}

QByteArray RecordBatch::retain(const RecordBatchHeader &original, const std::vector<Record> &retained)
{
    BuildOptions options;
    options.producerId = original.producerId;
    options.producerEpoch = original.producerEpoch;
    options.baseSequence = original.baseSequence;
    options.partitionLeaderEpoch = original.partitionLeaderEpoch;
    BatchShape shape;
    shape.baseOffset = original.baseOffset;
    shape.attributes = static_cast<qint16>(original.attributes & ~0x07); // uncompressed
    shape.offsetsFromRecords = true;
    shape.lastOffsetDelta = original.lastOffsetDelta;
    QByteArray batch = encodeBatch(retained, shape, options);
    if (original.timestampType() == TimestampType::LogAppendTime)
        setMaxTimestamp(batch, original.maxTimestamp);
    return batch;
}

quint32 RecordBatch::computeCrc(QByteArrayView batch)
{
    if (batch.size() < RecordBatchHeader::Size)
        return 0;
    return crc32c(batch.data() + RecordBatchHeader::AttributesOffset,
        static_cast<size_t>(batch.size() - RecordBatchHeader::AttributesOffset));
}

// parseHeader() without the check that the whole batch is there.
static std::optional<RecordBatchHeader> parseHeaderFields(QByteArrayView bytes, ErrorCode *error, QString *why);

std::optional<RecordBatchHeader> RecordBatch::parseHeader(QByteArrayView bytes, ErrorCode *error, QString *why)
{
    std::optional<RecordBatchHeader> h = parseHeaderFields(bytes, error, why);
    if (h && h->totalSize() > bytes.size()) {
        fail(error, why, ErrorCode::CorruptMessage,
            QStringLiteral("record batch claims %1 bytes but only %2 are present")
                .arg(h->totalSize())
                .arg(bytes.size()));
        return std::nullopt;
    }
    return h;
}

std::optional<RecordBatchHeader> RecordBatch::parseHeaderPrefix(QByteArrayView bytes)
{
    return parseHeaderFields(bytes, nullptr, nullptr);
}

static std::optional<RecordBatchHeader> parseHeaderFields(QByteArrayView bytes, ErrorCode *error, QString *why)
{
    // magic sits at byte 16 in every format, so it can be read before knowing which header layout applies.
    if (bytes.size() < 17) {
        fail(error, why, ErrorCode::CorruptMessage,
            QStringLiteral("record set of %1 bytes is shorter than a batch header").arg(bytes.size()));
        return std::nullopt;
    }
    const char *p = bytes.data();
    const qint8 magic = static_cast<qint8>(p[16]);
    if (magic != 2) {
        fail(error, why, magic == 0 || magic == 1 ? ErrorCode::UnsupportedForMessageFormat : ErrorCode::CorruptMessage,
            QStringLiteral("record batch magic %1 (only magic 2, Kafka 0.11+ record batches, is accepted)").arg(magic));
        return std::nullopt;
    }
    if (bytes.size() < RecordBatchHeader::Size) {
        fail(error, why, ErrorCode::CorruptMessage,
            QStringLiteral("record batch of %1 bytes is shorter than the 61-byte header").arg(bytes.size()));
        return std::nullopt;
    }
    RecordBatchHeader h;
    h.baseOffset = getBE<qint64>(p + 0);
    h.batchLength = getBE<qint32>(p + 8);
    h.partitionLeaderEpoch = getBE<qint32>(p + 12);
    h.magic = magic;
    h.crc = getBE<quint32>(p + 17);
    h.attributes = getBE<qint16>(p + 21);
    h.lastOffsetDelta = getBE<qint32>(p + 23);
    h.baseTimestamp = getBE<qint64>(p + 27);
    h.maxTimestamp = getBE<qint64>(p + 35);
    h.producerId = getBE<qint64>(p + 43);
    h.producerEpoch = getBE<qint16>(p + 51);
    h.baseSequence = getBE<qint32>(p + 53);
    h.recordsCount = getBE<qint32>(p + 57);
    if (h.batchLength < RecordBatchHeader::Size - RecordBatchHeader::LengthFieldEnd) {
        fail(error, why, ErrorCode::CorruptMessage,
            QStringLiteral("record batch length %1 is smaller than its header").arg(h.batchLength));
        return std::nullopt;
    }
    if (error)
        *error = ErrorCode::None;
    return h;
}

ErrorCode RecordBatch::validate(QByteArrayView batch, QString *why)
{
    ErrorCode error = ErrorCode::None;
    const auto h = parseHeader(batch, &error, why);
    if (!h)
        return error;
    if (h->totalSize() != batch.size()) {
        fail(nullptr, why, ErrorCode::CorruptMessage,
            QStringLiteral("record batch length %1 does not match the %2 bytes given")
                .arg(h->totalSize())
                .arg(batch.size()));
        return ErrorCode::CorruptMessage;
    }
    const quint32 crc = computeCrc(batch);
    if (crc != h->crc) {
        fail(nullptr, why, ErrorCode::CorruptMessage,
            QStringLiteral("record batch CRC-32C mismatch: header says %1, content gives %2")
                .arg(h->crc, 8, 16, QLatin1Char('0'))
                .arg(crc, 8, 16, QLatin1Char('0')));
        return ErrorCode::CorruptMessage;
    }
    if (h->recordsCount <= 0 || h->lastOffsetDelta < 0 || h->lastOffsetDelta + 1 < h->recordsCount) {
        fail(nullptr, why, ErrorCode::CorruptMessage,
            QStringLiteral("record batch has %1 records but lastOffsetDelta %2")
                .arg(h->recordsCount)
                .arg(h->lastOffsetDelta));
        return ErrorCode::CorruptMessage;
    }
    return ErrorCode::None;
}

std::vector<QByteArrayView> RecordBatch::split(QByteArrayView bytes, bool *truncatedTail)
{
    std::vector<QByteArrayView> batches;
    qsizetype pos = 0;
    if (truncatedTail)
        *truncatedTail = false;
    while (pos < bytes.size()) {
        const qsizetype remaining = bytes.size() - pos;
        if (remaining < RecordBatchHeader::LengthFieldEnd) {
            if (truncatedTail)
                *truncatedTail = true;
            break;
        }
        const qint64 total
            = RecordBatchHeader::LengthFieldEnd + static_cast<qint64>(getBE<qint32>(bytes.data() + pos + 8));
        if (total < RecordBatchHeader::LengthFieldEnd || total > remaining) {
            if (truncatedTail)
                *truncatedTail = true;
            break;
        }
        batches.push_back(bytes.sliced(pos, total));
        pos += total;
    }
    return batches;
}

ErrorCode RecordBatch::decode(QByteArrayView batch, std::vector<Record> *records, QString *why)
{
    RecordReader reader;
    if (const ErrorCode e = reader.open(batch, why); e != ErrorCode::None)
        return e;
    const RecordBatchHeader &h = reader.header;
    const char *&p = reader.p;
    const auto corrupt = [&](int index, const char *what) { return corruptRecord(why, h, index, what); };
    records->reserve(records->size() + static_cast<size_t>(std::max(0, h.recordsCount)));
    for (int i = 0; i < h.recordsCount; ++i) {
        const char *recordEnd = nullptr;
        qint64 tsDelta = 0;
        if (const ErrorCode e = reader.startRecord(i, &recordEnd, &tsDelta, why); e != ErrorCode::None)
            return e;
        const auto offsetDelta = varint::readSigned(p, recordEnd, 5);
        if (!offsetDelta)
            return corrupt(i, "bad offset delta");
        Record r;
        r.offset = h.baseOffset + *offsetDelta;
        r.timestamp = h.timestampType() == TimestampType::LogAppendTime ? h.maxTimestamp
                                                                        : addTimestamp(h.baseTimestamp, tsDelta);
        if (!readBytes(p, recordEnd, &r.key) || !readBytes(p, recordEnd, &r.value))
            return corrupt(i, "bad key or value length");
        const auto headerCount = varint::readSigned(p, recordEnd, 5);
        if (!headerCount || *headerCount < 0 || *headerCount > recordEnd - p)
            return corrupt(i, "bad header count");
        for (int k = 0; k < *headerCount; ++k) {
            std::optional<QByteArray> key;
            RecordHeader header;
            if (!readBytes(p, recordEnd, &key, false) || !readBytes(p, recordEnd, &header.value))
                return corrupt(i, "bad header");
            header.key = *key;
            r.headers.append(std::move(header));
        }
        if (p != recordEnd)
            return corrupt(i, "record length does not match its fields");
        records->push_back(std::move(r));
    }
    return ErrorCode::None;
}

ErrorCode RecordBatch::maxRecordTimestamp(QByteArrayView batch, qint64 *maxTimestamp, QString *why)
{
    RecordReader reader;
    if (const ErrorCode e = reader.open(batch, why); e != ErrorCode::None)
        return e;
    const RecordBatchHeader &h = reader.header;
    // Runs on every append to a CreateTime topic: only the length and the timestamp delta of each record are
    // read, the rest is skipped by its length.
    qint64 max = -1;
    for (int i = 0; i < h.recordsCount; ++i) {
        const char *recordEnd = nullptr;
        qint64 tsDelta = 0;
        if (const ErrorCode e = reader.startRecord(i, &recordEnd, &tsDelta, why); e != ErrorCode::None)
            return e;
        max = std::max(max, addTimestamp(h.baseTimestamp, tsDelta));
        reader.p = recordEnd;
    }
    if (reader.p != reader.end) {
        fail(nullptr, why, ErrorCode::CorruptMessage,
            QStringLiteral("batch at offset %1 has %2 bytes after its %3 records")
                .arg(h.baseOffset)
                .arg(reader.end - reader.p)
                .arg(h.recordsCount));
        return ErrorCode::CorruptMessage;
    }
    *maxTimestamp = max;
    return ErrorCode::None;
}

void RecordBatch::setBaseOffset(QByteArray &batch, qint64 baseOffset)
{
    Q_ASSERT(batch.size() >= RecordBatchHeader::Size);
    putBE<qint64>(batch.data(), baseOffset);
}

void RecordBatch::setMaxTimestamp(QByteArray &batch, qint64 maxTimestamp)
{
    Q_ASSERT(batch.size() >= RecordBatchHeader::Size);
    char *h = batch.data();
    putBE<qint64>(h + 35, maxTimestamp);
    putBE<quint32>(h + RecordBatchHeader::CrcOffset, computeCrc(batch));
}

void RecordBatch::setLogAppendTime(QByteArray &batch, qint64 timestampMs)
{
    Q_ASSERT(batch.size() >= RecordBatchHeader::Size);
    char *h = batch.data();
    putBE<qint16>(h + 21, static_cast<qint16>(getBE<qint16>(h + 21) | 0x08));
    setMaxTimestamp(batch, timestampMs);
}

} // namespace topicscope::engine
