#pragma once

#include <QByteArray>
#include <cstdint>
#include <optional>

namespace topicscope::engine::varint {

// Kafka's variable-length integers: protobuf-style base-128, zig-zag for the signed forms used in records.

inline uint64_t zigzag(int64_t v)
{
    return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t unzigzag(uint64_t v)
{
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

inline void appendUnsigned(QByteArray &out, uint64_t v)
{
    while (v >= 0x80) {
        out.append(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(static_cast<char>(v));
}

inline void appendSigned(QByteArray &out, int64_t v)
{
    appendUnsigned(out, zigzag(v));
}

inline int sizeOfUnsigned(uint64_t v)
{
    int n = 1;
    while (v >= 0x80) {
        v >>= 7;
        ++n;
    }
    return n;
}

inline int sizeOfSigned(int64_t v)
{
    return sizeOfUnsigned(zigzag(v));
}

// Reads an unsigned varint of at most maxBytes (5 for int32, 10 for int64) at p, advancing p.
// Returns nullopt on truncation or an over-long encoding.
inline std::optional<uint64_t> readUnsigned(const char *&p, const char *end, int maxBytes = 10)
{
    uint64_t result = 0;
    for (int i = 0; i < maxBytes; ++i) {
        if (p >= end)
            return std::nullopt;
        const auto byte = static_cast<uint8_t>(*p++);
        result |= static_cast<uint64_t>(byte & 0x7f) << (7 * i);
        if (!(byte & 0x80))
            return result;
    }
    return std::nullopt;
}

inline std::optional<int64_t> readSigned(const char *&p, const char *end, int maxBytes = 10)
{
    const auto raw = readUnsigned(p, end, maxBytes);
    if (!raw)
        return std::nullopt;
    return unzigzag(*raw);
}

} // namespace topicscope::engine::varint
