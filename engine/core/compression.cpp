#include "compression.h"

#include <QtEndian>
#include <algorithm>
#include <climits>
#include <cstring>
#include <limits>
#include <lz4frame.h>
#include <memory>
#include <snappy.h>
#include <zlib.h>
#include <zstd.h>

namespace topicscope::engine {

namespace {

// Output of a streaming decoder, grown by doubling up to cap + 1 bytes: the one byte past the cap tells a
// stream that goes on from one that ends exactly at the cap, without ever allocating what the input claims.
class GrowingOutput {
public:
    GrowingOutput(qsizetype inputSize, qsizetype cap)
        : m_cap(std::clamp<qsizetype>(cap, 0, std::numeric_limits<qsizetype>::max() - 1))
    {
        constexpr qsizetype MinInitial = 64 * 1024;
        m_bytes.resize(std::min(m_cap + 1, std::max(MinInitial, inputSize * 4)));
    }

    char *freeSpace() { return m_bytes.data() + m_used; }
    qsizetype freeSize() const { return m_bytes.size() - m_used; }
    void produced(qsizetype n) { m_used += n; }

    // Makes room for more output; false once cap + 1 bytes are held (the stream is over the cap).
    bool grow()
    {
        if (freeSize() > 0)
            return true;
        if (m_bytes.size() > m_cap)
            return false;
        m_bytes.resize(std::min(m_cap + 1, std::max<qsizetype>(m_bytes.size() * 2, 1)));
        return true;
    }

    QByteArray take()
    {
        m_bytes.resize(m_used);
        return std::move(m_bytes);
    }

private:
    QByteArray m_bytes;
    qsizetype m_used = 0;
    qsizetype m_cap;
};

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

QString tooLarge(int codec, qsizetype cap)
{
    return QStringLiteral("%1 data decompresses to more than %2 bytes (the limit against decompression bombs)")
        .arg(Compression::codecName(codec))
        .arg(cap);
}

// gzip, as Java's GZIPOutputStream writes it. windowBits 15 + 32 detects a gzip or a zlib header; members
// concatenated one after the other (as GZIPInputStream reads them) are decoded in turn.
std::optional<QByteArray> inflateGzip(QByteArrayView input, qsizetype cap, QString *error)
{
    z_stream zs {};
    if (inflateInit2(&zs, 15 + 32) != Z_OK) {
        setError(error, QStringLiteral("gzip: cannot initialise zlib"));
        return std::nullopt;
    }
    const std::unique_ptr<z_stream, int (*)(z_stream *)> cleanup(&zs, inflateEnd);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
    zs.avail_in = static_cast<uInt>(input.size()); // a batch is at most 2 GiB: fits
    GrowingOutput out(input.size(), cap);
    for (;;) {
        if (!out.grow())
            break; // over the cap
        const uInt room = static_cast<uInt>(std::min<qsizetype>(out.freeSize(), UINT_MAX));
        zs.next_out = reinterpret_cast<Bytef *>(out.freeSpace());
        zs.avail_out = room;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        out.produced(room - zs.avail_out);
        if (rc == Z_STREAM_END) {
            if (zs.avail_in == 0)
                return out.take();
            inflateReset(&zs); // another member follows
            continue;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            setError(error,
                QStringLiteral("gzip: corrupt data (%1)")
                    .arg(zs.msg ? QString::fromLatin1(zs.msg) : QStringLiteral("zlib error %1").arg(rc)));
            return std::nullopt;
        }
        // Room left over but the stream did not end: the input ran out.
        if (zs.avail_out > 0 && zs.avail_in == 0) {
            setError(error, QStringLiteral("gzip: data ends before the end of the stream"));
            return std::nullopt;
        }
    }
    setError(error, tooLarge(Compression::Gzip, cap));
    return std::nullopt;
}

// Appends one raw snappy block to *out, checking the length it declares against the cap before allocating.
bool uncompressSnappyBlock(const char *block, size_t size, qsizetype cap, QByteArray *out, QString *error)
{
    size_t length = 0;
    if (!snappy::GetUncompressedLength(block, size, &length)) {
        setError(error, QStringLiteral("snappy: corrupt block header"));
        return false;
    }
    if (length > static_cast<size_t>(cap - out->size())) {
        setError(error, tooLarge(Compression::Snappy, cap));
        return false;
    }
    const qsizetype at = out->size();
    out->resize(at + static_cast<qsizetype>(length));
    if (!snappy::RawUncompress(block, size, out->data() + at)) {
        setError(error, QStringLiteral("snappy: corrupt block"));
        return false;
    }
    return true;
}

// snappy-java's framing (what the Java client and librdkafka write): the 8-byte magic, two int32 version
// fields, then blocks of [int32 big-endian length][raw snappy block]. Without the magic, one raw block.
std::optional<QByteArray> uncompressSnappy(QByteArrayView input, qsizetype cap, QString *error)
{
    static constexpr char XerialMagic[] = {'\x82', 'S', 'N', 'A', 'P', 'P', 'Y', '\0'};
    constexpr qsizetype XerialHeaderSize = sizeof(XerialMagic) + 8;
    QByteArray out;
    if (input.size() < qsizetype(sizeof(XerialMagic)) || std::memcmp(input.data(), XerialMagic, sizeof(XerialMagic))) {
        if (!uncompressSnappyBlock(input.data(), static_cast<size_t>(input.size()), cap, &out, error))
            return std::nullopt;
        return out;
    }
    if (input.size() < XerialHeaderSize) {
        setError(error, QStringLiteral("snappy: framing header cut short"));
        return std::nullopt;
    }
    qsizetype pos = XerialHeaderSize;
    while (pos < input.size()) {
        if (input.size() - pos < 4) {
            setError(error, QStringLiteral("snappy: block length cut short at byte %1").arg(pos));
            return std::nullopt;
        }
        const qint32 blockSize = qFromBigEndian<qint32>(input.data() + pos);
        pos += 4;
        if (blockSize < 0 || blockSize > input.size() - pos) {
            setError(error,
                QStringLiteral("snappy: block of %1 bytes at byte %2 overruns the data").arg(blockSize).arg(pos - 4));
            return std::nullopt;
        }
        if (!uncompressSnappyBlock(input.data() + pos, static_cast<size_t>(blockSize), cap, &out, error))
            return std::nullopt;
        pos += blockSize;
    }
    return out;
}

// LZ4 frames (Kafka's KafkaLZ4BlockOutputStream and librdkafka write the standard frame format since magic 1;
// the wrong header checksum of Kafka 0.10's magic 0 messages cannot occur in a magic 2 batch, the only kind
// the log accepts). Concatenated frames are decoded in turn.
std::optional<QByteArray> decompressLz4(QByteArrayView input, qsizetype cap, QString *error)
{
    LZ4F_dctx *ctx = nullptr;
    if (LZ4F_isError(LZ4F_createDecompressionContext(&ctx, LZ4F_VERSION))) {
        setError(error, QStringLiteral("lz4: cannot create a decompression context"));
        return std::nullopt;
    }
    const std::unique_ptr<LZ4F_dctx, LZ4F_errorCode_t (*)(LZ4F_dctx *)> cleanup(ctx, LZ4F_freeDecompressionContext);
    GrowingOutput out(input.size(), cap);
    qsizetype pos = 0;
    for (;;) {
        if (!out.grow()) {
            setError(error, tooLarge(Compression::Lz4, cap));
            return std::nullopt;
        }
        size_t produced = static_cast<size_t>(out.freeSize());
        size_t consumed = static_cast<size_t>(input.size() - pos);
        const size_t hint = LZ4F_decompress(ctx, out.freeSpace(), &produced, input.data() + pos, &consumed, nullptr);
        if (LZ4F_isError(hint)) {
            setError(error, QStringLiteral("lz4: corrupt frame (%1)").arg(QLatin1String(LZ4F_getErrorName(hint))));
            return std::nullopt;
        }
        pos += static_cast<qsizetype>(consumed);
        out.produced(static_cast<qsizetype>(produced));
        if (hint == 0 && pos == input.size())
            return out.take(); // the last frame is complete
        if (consumed == 0 && produced == 0 && out.freeSize() > 0) {
            setError(error, QStringLiteral("lz4: data ends before the end of the frame"));
            return std::nullopt;
        }
    }
}

// zstd frames, streamed: a frame need not declare its content size (librdkafka's does not), and a declared
// size is not trusted for allocation.
std::optional<QByteArray> decompressZstd(QByteArrayView input, qsizetype cap, QString *error)
{
    const std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx *)> ctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
    if (!ctx) {
        setError(error, QStringLiteral("zstd: cannot create a decompression context"));
        return std::nullopt;
    }
    GrowingOutput out(input.size(), cap);
    ZSTD_inBuffer in {input.data(), static_cast<size_t>(input.size()), 0};
    for (;;) {
        if (!out.grow()) {
            setError(error, tooLarge(Compression::Zstd, cap));
            return std::nullopt;
        }
        ZSTD_outBuffer o {out.freeSpace(), static_cast<size_t>(out.freeSize()), 0};
        const size_t rc = ZSTD_decompressStream(ctx.get(), &o, &in);
        if (ZSTD_isError(rc)) {
            setError(error, QStringLiteral("zstd: corrupt data (%1)").arg(QLatin1String(ZSTD_getErrorName(rc))));
            return std::nullopt;
        }
        out.produced(static_cast<qsizetype>(o.pos));
        // With all input read and room left over, the decoder has flushed everything it can.
        if (in.pos == in.size && o.pos < o.size) {
            if (rc != 0) {
                setError(error, QStringLiteral("zstd: data ends before the end of the frame"));
                return std::nullopt;
            }
            return out.take();
        }
    }
}

} // namespace

QString Compression::codecName(int codec)
{
    switch (codec) {
    case None:
        return QStringLiteral("none");
    case Gzip:
        return QStringLiteral("gzip");
    case Snappy:
        return QStringLiteral("snappy");
    case Lz4:
        return QStringLiteral("lz4");
    case Zstd:
        return QStringLiteral("zstd");
    }
    return QStringLiteral("codec %1").arg(codec);
}

std::optional<QByteArray> Compression::decompress(int codec, QByteArrayView input, qsizetype maxOutput, QString *error)
{
    maxOutput = std::max<qsizetype>(maxOutput, 0);
    std::optional<QByteArray> out;
    switch (codec) {
    case None:
        out = input.toByteArray();
        break;
    case Gzip:
        out = inflateGzip(input, maxOutput, error);
        break;
    case Snappy:
        out = uncompressSnappy(input, maxOutput, error);
        break;
    case Lz4:
        out = decompressLz4(input, maxOutput, error);
        break;
    case Zstd:
        out = decompressZstd(input, maxOutput, error);
        break;
    default:
        setError(error, QStringLiteral("unknown compression codec %1").arg(codec));
        return std::nullopt;
    }
    // The streaming decoders stop one byte past the cap; this catches them and keeps the contract in one place.
    if (out && out->size() > maxOutput) {
        setError(error, tooLarge(codec, maxOutput));
        return std::nullopt;
    }
    return out;
}

} // namespace topicscope::engine
