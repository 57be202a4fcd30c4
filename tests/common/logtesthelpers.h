#pragma once

// Small helpers to build and inspect record batches in tests of the log and of its users (header-only).

#include "core/recordbatch.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QtEndian>
#include <vector>

namespace topicscope::engine::logtest {

constexpr qint64 DefaultTimestamp = 1'700'000'000'000;

// A deterministic value of exactly size bytes (when size allows) naming its tag and index, so a test can tell
// which record it is looking at: "<tag>#<index>:xxxx...".
inline QByteArray makeValue(const QByteArray &tag, int index, int size)
{
    QByteArray value = tag + '#' + QByteArray::number(index) + ':';
    if (value.size() < size)
        value.append(size - value.size(), 'x');
    return value;
}

// A batch of count records "<tag>#i" (padded to valueSize bytes) from the idempotent producer (producerId, epoch)
// starting at baseSequence.
inline QByteArray idempotentBatch(qint64 producerId, qint16 epoch, qint32 baseSequence, int count,
    const QByteArray &tag = "r", int valueSize = 8)
{
    std::vector<Record> records;
    for (int i = 0; i < count; ++i) {
        Record r;
        r.timestamp = DefaultTimestamp;
        r.value = makeValue(tag, i, valueSize);
        records.push_back(std::move(r));
    }
    RecordBatch::BuildOptions options;
    options.producerId = producerId;
    options.producerEpoch = epoch;
    options.baseSequence = baseSequence;
    return RecordBatch::build(0, records, options);
}

// One uncompressed batch of count records with valueSize-byte values tagged "<tag>#<i>", all stamped
// timestamp (or timestamp + i * stepMs). The base offset is 0: the log assigns the real one.
inline QByteArray makeBatch(
    int count, int valueSize = 16, qint64 timestamp = DefaultTimestamp, const QByteArray &tag = "r", qint64 stepMs = 0)
{
    std::vector<Record> records;
    records.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        Record r;
        r.timestamp = timestamp + i * stepMs;
        r.value = makeValue(tag, i, valueSize);
        records.push_back(std::move(r));
    }
    return RecordBatch::build(0, records);
}

// A batch with one record per given timestamp (values tagged "<tag>#<i>").
inline QByteArray makeBatchWithTimestamps(const std::vector<qint64> &timestamps, const QByteArray &tag = "t")
{
    std::vector<Record> records;
    for (size_t i = 0; i < timestamps.size(); ++i) {
        Record r;
        r.timestamp = timestamps[i];
        r.value = makeValue(tag, static_cast<int>(i), 8);
        records.push_back(std::move(r));
    }
    return RecordBatch::build(0, records);
}

// Total records in a record set, counted from the batch headers alone (as a consumer sizing a fetch would).
inline int countRecords(const QByteArray &recordSet)
{
    int count = 0;
    for (const QByteArrayView batch : RecordBatch::split(recordSet)) {
        if (const auto header = RecordBatch::parseHeader(batch))
            count += header->recordsCount;
    }
    return count;
}

// Base offsets of the batches in a record set, e.g. "0 5 8".
inline QString baseOffsets(const QByteArray &recordSet)
{
    QStringList offsets;
    for (const QByteArrayView batch : RecordBatch::split(recordSet)) {
        if (const auto header = RecordBatch::parseHeader(batch))
            offsets.append(QString::number(header->baseOffset));
    }
    return offsets.join(QLatin1Char(' '));
}

// Every record of an uncompressed record set, with absolute offsets. Empty on a decoding error.
inline std::vector<Record> decodeAll(const QByteArray &recordSet)
{
    std::vector<Record> records;
    for (const QByteArrayView batch : RecordBatch::split(recordSet)) {
        if (RecordBatch::decode(batch, &records) != ErrorCode::None)
            return {};
    }
    return records;
}

// Rewrites a batch's lastOffsetDelta (as log compaction leaves it: larger than recordsCount - 1) and fixes the
// CRC, to check that the log advances by lastOffsetDelta + 1 rather than by the record count.
inline QByteArray withLastOffsetDelta(QByteArray batch, qint32 lastOffsetDelta)
{
    qToBigEndian(lastOffsetDelta, batch.data() + 23);
    qToBigEndian(RecordBatch::computeCrc(batch), batch.data() + RecordBatchHeader::CrcOffset);
    return batch;
}

} // namespace topicscope::engine::logtest
