#pragma once

// Compressed record batches for tests, made with the codec libraries' own compressors (zlib, snappy, lz4frame,
// zstd), so that the engine's decompression (engine/core/compression.cpp) is checked against an independent
// writer. Header-only; a test using it links the codec libraries (tests/CMakeLists.txt).

#include "core/compression.h"
#include "core/recordbatch.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QtEndian>
#include <algorithm>
#include <lz4frame.h>
#include <snappy.h>
#include <vector>
#include <zlib.h>
#include <zstd.h>

namespace topicscope::engine::compressiontest {

// The framings a producer may use. Codec is what goes into the batch attributes.
enum class Framing {
    Gzip, // gzip member, as Java's GZIPOutputStream
    Zlib, // zlib stream (not what clients write; the decoder accepts it anyway)
    SnappyXerial, // snappy-java's framing: magic, versions, [int32 length][raw block]...
    SnappyRaw, // one raw snappy block
    Lz4Frame, // LZ4 frame, no content size
    Lz4FrameWithSizeAndChecksum,
    ZstdWithContentSize, // ZSTD_compress: the frame header states the content size
    ZstdStreamed, // streaming compression without a pledged size: the frame does not state it
};

inline int codecOf(Framing framing)
{
    switch (framing) {
    case Framing::Gzip:
    case Framing::Zlib:
        return Compression::Gzip;
    case Framing::SnappyXerial:
    case Framing::SnappyRaw:
        return Compression::Snappy;
    case Framing::Lz4Frame:
    case Framing::Lz4FrameWithSizeAndChecksum:
        return Compression::Lz4;
    case Framing::ZstdWithContentSize:
    case Framing::ZstdStreamed:
        return Compression::Zstd;
    }
    return Compression::None;
}

inline QByteArray deflateWith(QByteArrayView input, int windowBits)
{
    z_stream zs {};
    deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(static_cast<qsizetype>(deflateBound(&zs, static_cast<uLong>(input.size()))), Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
    zs.avail_in = static_cast<uInt>(input.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    Q_ASSERT(rc == Z_STREAM_END);
    Q_UNUSED(rc);
    out.resize(static_cast<qsizetype>(zs.total_out));
    deflateEnd(&zs);
    return out;
}

inline QByteArray snappyBlock(QByteArrayView input)
{
    std::string out;
    snappy::Compress(input.data(), static_cast<size_t>(input.size()), &out);
    return QByteArray(out.data(), static_cast<qsizetype>(out.size()));
}

// snappy-java's SnappyOutputStream: 8-byte magic, version 1, compatible version 1, then blocks of at most
// blockSize input bytes (32 KiB by default) each preceded by its compressed length.
inline QByteArray snappyXerial(QByteArrayView input, qsizetype blockSize = 32 * 1024)
{
    QByteArray out("\x82SNAPPY\0", 8);
    char word[4];
    qToBigEndian<qint32>(1, word);
    out.append(word, 4).append(word, 4);
    for (qsizetype pos = 0; pos < input.size(); pos += blockSize) {
        const QByteArray block = snappyBlock(input.sliced(pos, std::min(blockSize, input.size() - pos)));
        qToBigEndian<qint32>(static_cast<qint32>(block.size()), word);
        out.append(word, 4).append(block);
    }
    return out;
}

inline QByteArray lz4Frame(QByteArrayView input, bool withSizeAndChecksum)
{
    LZ4F_preferences_t prefs {};
    if (withSizeAndChecksum) {
        prefs.frameInfo.contentSize = static_cast<unsigned long long>(input.size());
        prefs.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled;
    }
    QByteArray out(
        static_cast<qsizetype>(LZ4F_compressFrameBound(static_cast<size_t>(input.size()), &prefs)), Qt::Uninitialized);
    const size_t n = LZ4F_compressFrame(
        out.data(), static_cast<size_t>(out.size()), input.data(), static_cast<size_t>(input.size()), &prefs);
    Q_ASSERT(!LZ4F_isError(n));
    out.resize(static_cast<qsizetype>(n));
    return out;
}

inline QByteArray zstdFrame(QByteArrayView input, bool withContentSize)
{
    QByteArray out(static_cast<qsizetype>(ZSTD_compressBound(static_cast<size_t>(input.size()))), Qt::Uninitialized);
    if (withContentSize) {
        const size_t n = ZSTD_compress(
            out.data(), static_cast<size_t>(out.size()), input.data(), static_cast<size_t>(input.size()), 3);
        Q_ASSERT(!ZSTD_isError(n));
        out.resize(static_cast<qsizetype>(n));
        return out;
    }
    ZSTD_CCtx *ctx = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(ctx, ZSTD_c_contentSizeFlag, 0);
    ZSTD_inBuffer in {input.data(), static_cast<size_t>(input.size()), 0};
    ZSTD_outBuffer o {out.data(), static_cast<size_t>(out.size()), 0};
    while (ZSTD_compressStream2(ctx, &o, &in, ZSTD_e_end) != 0) { }
    ZSTD_freeCCtx(ctx);
    out.resize(static_cast<qsizetype>(o.pos));
    return out;
}

inline QByteArray compress(Framing framing, QByteArrayView input)
{
    switch (framing) {
    case Framing::Gzip:
        return deflateWith(input, 15 + 16);
    case Framing::Zlib:
        return deflateWith(input, 15);
    case Framing::SnappyXerial:
        return snappyXerial(input);
    case Framing::SnappyRaw:
        return snappyBlock(input);
    case Framing::Lz4Frame:
        return lz4Frame(input, false);
    case Framing::Lz4FrameWithSizeAndChecksum:
        return lz4Frame(input, true);
    case Framing::ZstdWithContentSize:
        return zstdFrame(input, true);
    case Framing::ZstdStreamed:
        return zstdFrame(input, false);
    }
    return {};
}

// Rewrites the header's maxTimestamp by hand and fixes the CRC, to make a header that lies about its records.
inline QByteArray withHeaderMaxTimestamp(QByteArray batch, qint64 maxTimestamp)
{
    qToBigEndian(maxTimestamp, batch.data() + 35);
    qToBigEndian(RecordBatch::computeCrc(batch), batch.data() + RecordBatchHeader::CrcOffset);
    return batch;
}

// Replaces a batch's records section by section (any bytes), sets the codec bits of the attributes and fixes
// batchLength and the CRC: a well-formed header around whatever payload a test wants.
inline QByteArray withRecordsSection(const QByteArray &batch, int codec, const QByteArray &section)
{
    QByteArray out = batch.left(RecordBatchHeader::Size) + section;
    qToBigEndian<qint32>(static_cast<qint32>(out.size() - RecordBatchHeader::LengthFieldEnd), out.data() + 8);
    const qint16 attributes = qFromBigEndian<qint16>(out.constData() + RecordBatchHeader::AttributesOffset);
    qToBigEndian<qint16>(
        static_cast<qint16>((attributes & ~0x07) | codec), out.data() + RecordBatchHeader::AttributesOffset);
    qToBigEndian(RecordBatch::computeCrc(out), out.data() + RecordBatchHeader::CrcOffset);
    return out;
}

// An uncompressed batch with its records section compressed in framing. The header fields (counts, base and
// max timestamp) stay those of the uncompressed batch: correct.
inline QByteArray compressBatch(Framing framing, const QByteArray &plain)
{
    return withRecordsSection(plain, codecOf(framing), compress(framing, plain.mid(RecordBatchHeader::Size)));
}

inline QByteArray compressedBatch(Framing framing, const std::vector<Record> &records)
{
    return compressBatch(framing, RecordBatch::build(0, records));
}

} // namespace topicscope::engine::compressiontest
