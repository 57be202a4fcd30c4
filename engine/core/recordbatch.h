#pragma once

#include "errorcode.h"
#include "record.h"

#include <QByteArray>
#include <QByteArrayView>
#include <optional>
#include <vector>

namespace topicscope::engine {

// The fixed 61-byte header of a Kafka RecordBatch v2 (magic 2), decoded.
struct RecordBatchHeader {
    static constexpr int Size = 61;
    static constexpr int LengthFieldEnd = 12; // batchLength counts the bytes after offset 12
    static constexpr int CrcOffset = 17;
    static constexpr int AttributesOffset = 21; // the CRC covers [21, end)

    qint64 baseOffset = 0;
    qint32 batchLength = 0;
    qint32 partitionLeaderEpoch = -1;
    qint8 magic = 2;
    quint32 crc = 0;
    qint16 attributes = 0;
    qint32 lastOffsetDelta = 0;
    qint64 baseTimestamp = 0;
    qint64 maxTimestamp = 0;
    qint64 producerId = -1;
    qint16 producerEpoch = -1;
    qint32 baseSequence = -1;
    qint32 recordsCount = 0;

    int compression() const { return attributes & 0x07; } // 0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd
    TimestampType timestampType() const
    {
        return (attributes & 0x08) ? TimestampType::LogAppendTime : TimestampType::CreateTime;
    }
    bool isTransactional() const { return attributes & 0x10; }
    bool isControl() const { return attributes & 0x20; }
    qint64 lastOffset() const { return baseOffset + lastOffsetDelta; }
    qint64 totalSize() const { return LengthFieldEnd + static_cast<qint64>(batchLength); }
};

// Encoding, validation and decoding of Kafka RecordBatch v2 bytes. The log stores these bytes as they are,
// so the wire layer can serve a stored batch byte-for-byte after rewriting only its base offset.
class RecordBatch {
public:
    struct BuildOptions {
        TimestampType timestampType = TimestampType::CreateTime;
        qint64 producerId = -1;
        qint16 producerEpoch = -1;
        qint32 baseSequence = -1;
        qint32 partitionLeaderEpoch = -1; // producers send -1 (Java) or 0 (kafka-python); outside the CRC
    };

    // Builds one uncompressed batch from records (at least one). Offsets in the batch are relative to
    // baseOffset; each record's own offset field is ignored. Timestamps of -1 are taken as baseTimestamp.
    static QByteArray build(qint64 baseOffset, const std::vector<Record> &records, const BuildOptions &options);
    static QByteArray build(qint64 baseOffset, const std::vector<Record> &records)
    {
        return build(baseOffset, records, BuildOptions {});
    }

    // The batch the log cleaner writes in place of original when it drops some of its records: the same base offset,
    // last offset delta (so the batch still spans its offsets), producer id, epoch and sequence, attributes and
    // leader epoch; each retained record keeps its offset (records carry absolute offsets, all within original's
    // range) and timestamp. Written uncompressed (this build has decoders only; Kafka recompresses with the
    // original codec). retained must not be empty: a batch with nothing left is dropped whole.
    static QByteArray retain(const RecordBatchHeader &original, const std::vector<Record> &retained);

    // Bytes a record adds to a batch (for batch.size accounting by producers).
    static int recordSize(const Record &record, qint64 timestampDelta, int offsetDelta);

    // Decodes the header of the batch at the start of bytes. Checks the length fits and magic == 2; the CRC
    // is not checked here (see validate()). On error returns nullopt and sets *error (CORRUPT_MESSAGE, or
    // UNSUPPORTED_FOR_MESSAGE_FORMAT for magic 0/1) and *why.
    static std::optional<RecordBatchHeader> parseHeader(
        QByteArrayView bytes, ErrorCode *error = nullptr, QString *why = nullptr);
    // The same from the header's RecordBatchHeader::Size bytes alone, the records need not follow: for reading batch
    // headers without their records (producer state rebuilt from the log).
    static std::optional<RecordBatchHeader> parseHeaderPrefix(QByteArrayView bytes);

    // Checks one whole batch as a broker does before appending it: exact length, magic, CRC-32C, record
    // count and offset deltas consistent. Returns None or CORRUPT_MESSAGE / UNSUPPORTED_FOR_MESSAGE_FORMAT.
    static ErrorCode validate(QByteArrayView batch, QString *why = nullptr);

    // Splits a buffer of concatenated batches (a Produce or Fetch record set) into whole batches. A partial
    // trailing batch is reported through *truncatedTail (Fetch responses may end with one).
    static std::vector<QByteArrayView> split(QByteArrayView bytes, bool *truncatedTail = nullptr);

    // Decodes the records of a batch, with absolute offsets and timestamps, appending them to *records. A
    // compressed batch (gzip, snappy, lz4, zstd) is decompressed for this, up to
    // Compression::MaxDecompressedBytes; the log itself keeps and serves the compressed bytes untouched.
    // Malformed records, a corrupt compressed payload or one over the cap give CORRUPT_MESSAGE.
    static ErrorCode decode(QByteArrayView batch, std::vector<Record> *records, QString *why = nullptr);

    // Reads every record's timestamp (baseTimestamp + timestampDelta, decompressing a compressed batch) and
    // gives the largest through *maxTimestamp: what the header's maxTimestamp of a CreateTime batch must say.
    // As Kafka's LogValidator, the maximum starts at -1 (no timestamp). Lighter than decode(): keys, values
    // and headers are skipped over by the record lengths, but the records must fill the section exactly and
    // number recordsCount. CORRUPT_MESSAGE (with *why) when they cannot be read.
    static ErrorCode maxRecordTimestamp(QByteArrayView batch, qint64 *maxTimestamp, QString *why = nullptr);

    // In-place rewrites a broker does on append. setBaseOffset leaves the CRC valid (field outside it);
    // setMaxTimestamp writes the header's maxTimestamp and recomputes the CRC; setLogAppendTime also sets
    // the timestamp-type bit.
    static void setBaseOffset(QByteArray &batch, qint64 baseOffset);
    static void setMaxTimestamp(QByteArray &batch, qint64 maxTimestamp);
    static void setLogAppendTime(QByteArray &batch, qint64 timestampMs);
    static quint32 computeCrc(QByteArrayView batch);
};

} // namespace topicscope::engine
