#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace topicscope::engine {

// Decompression of the records section of a compressed RecordBatch v2, in the framings Kafka clients write:
// gzip (RFC 1952, zlib streams accepted too), snappy (snappy-java's "xerial" framing, or one raw snappy
// block as some non-Java clients send), lz4 (the LZ4 frame format) and zstd (one or more frames, with or
// without a content size). The log keeps batches compressed; it decompresses only to read the records'
// timestamps on append and to decode records for in-app readers.
//
// Every call takes a cap on the output, so a small batch that inflates to gigabytes (a decompression bomb)
// is refused after at most cap + 1 bytes were produced, never allocated up front from a size the input claims.
//
// Stateless; callable from any thread (the engine calls it on its worker thread).
class Compression {
public:
    // The attributes codec ids of a RecordBatch v2 (attributes & 0x07).
    enum Codec { None = 0, Gzip = 1, Snappy = 2, Lz4 = 3, Zstd = 4 };

    // The cap the log uses. Fixed rather than a multiple of max.message.bytes so that every batch the log
    // accepted stays readable whatever the topic's config becomes, and so memory per batch stays bounded on
    // the single engine thread. 64 MiB leaves a default-sized (1 MiB) batch a 64:1 ratio; real payloads
    // compress 2-10:1, highly repetitive JSON maybe 20-30:1.
    static constexpr qsizetype MaxDecompressedBytes = 64 * 1024 * 1024;

    // Decompresses input written with codec (Gzip, Snappy, Lz4 or Zstd; None copies it). On failure returns nullopt and
    // sets *error to a sentence naming the codec and the cause: unknown codec, corrupt or truncated input,
    // or output larger than maxOutput bytes. The caller maps a failure to CORRUPT_MESSAGE.
    static std::optional<QByteArray> decompress(
        int codec, QByteArrayView input, qsizetype maxOutput = MaxDecompressedBytes, QString *error = nullptr);

    static QString codecName(int codec); // "gzip", "snappy", "lz4", "zstd", "none", or "codec 5"
};

} // namespace topicscope::engine
