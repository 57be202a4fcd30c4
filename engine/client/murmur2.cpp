#include "murmur2.h"

#include <cstdint>

namespace topicscope::engine {

qint32 Murmur2::hash(QByteArrayView data)
{
    // Unsigned arithmetic gives Java's 32-bit wrap-around without signed-overflow UB; Java's >>> is a logical
    // shift, which is what >> does on uint32_t.
    constexpr uint32_t seed = 0x9747b28c;
    constexpr uint32_t m = 0x5bd1e995;
    constexpr int r = 24;

    const auto *bytes = reinterpret_cast<const uint8_t *>(data.data());
    const auto length = static_cast<uint32_t>(data.size());
    uint32_t h = seed ^ length;

    const qsizetype blocks = data.size() / 4;
    for (qsizetype i = 0; i < blocks; ++i) {
        const uint8_t *b = bytes + i * 4;
        uint32_t k = uint32_t(b[0]) | (uint32_t(b[1]) << 8) | (uint32_t(b[2]) << 16) | (uint32_t(b[3]) << 24);
        k *= m;
        k ^= k >> r;
        k *= m;
        h *= m;
        h ^= k;
    }

    const uint8_t *tail = bytes + blocks * 4;
    switch (data.size() % 4) {
    case 3:
        h ^= uint32_t(tail[2]) << 16;
        [[fallthrough]];
    case 2:
        h ^= uint32_t(tail[1]) << 8;
        [[fallthrough]];
    case 1:
        h ^= uint32_t(tail[0]);
        h *= m;
        break;
    default:
        break;
    }

    h ^= h >> 13;
    h *= m;
    h ^= h >> 15;
    return static_cast<qint32>(h);
}

} // namespace topicscope::engine
