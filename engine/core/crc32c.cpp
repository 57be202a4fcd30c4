#include "crc32c.h"

#include <array>
#include <cstring>

#if defined(__x86_64__)
#include <nmmintrin.h>
#endif

namespace topicscope::engine {

namespace {

using Tables = std::array<std::array<uint32_t, 256>, 8>;

Tables makeTables()
{
    Tables t {};
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        t[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; ++i)
        for (size_t s = 1; s < 8; ++s)
            t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xff];
    return t;
}

uint32_t crcSoftware(const uint8_t *p, size_t n, uint32_t crc)
{
    static const Tables t = makeTables();
    while (n >= 8) {
        uint64_t word;
        std::memcpy(&word, p, 8); // little-endian host assumed (x86-64, aarch64)
        word ^= crc;
        crc = t[7][word & 0xff] ^ t[6][(word >> 8) & 0xff] ^ t[5][(word >> 16) & 0xff] ^ t[4][(word >> 24) & 0xff]
            ^ t[3][(word >> 32) & 0xff] ^ t[2][(word >> 40) & 0xff] ^ t[1][(word >> 48) & 0xff] ^ t[0][word >> 56];
        p += 8;
        n -= 8;
    }
    while (n--)
        crc = (crc >> 8) ^ t[0][(crc ^ *p++) & 0xff];
    return crc;
}

#if defined(__x86_64__)
// The crc32 instruction takes 3 cycles and can start one per cycle: one chain of it runs at a third of the speed
// the CPU has. So a long input is taken in rounds of three lanes of LaneBytes, each lane its own chain, and the
// three results are joined. CRC arithmetic is linear: the register after lane A then lane B equals the register
// after A moved on by LaneBytes zero bytes, xor B's register from 0. Moving on by LaneBytes zeros is itself
// linear in the register's 32 bits, so it is four lookups in tables made once from the instruction itself.
constexpr size_t LaneBytes = 4096;

__attribute__((target("sse4.2"))) uint32_t crcSerial(const uint8_t *p, size_t n, uint64_t c)
{
    while (n >= 8) {
        uint64_t word;
        std::memcpy(&word, p, 8);
        c = _mm_crc32_u64(c, word);
        p += 8;
        n -= 8;
    }
    uint32_t c32 = static_cast<uint32_t>(c);
    while (n--)
        c32 = _mm_crc32_u8(c32, *p++);
    return c32;
}

// ShiftTables[k][b]: the register b << 8k after LaneBytes zero bytes.
using ShiftTables = std::array<std::array<uint32_t, 256>, 4>;

ShiftTables makeShiftTables()
{
    static const std::array<uint8_t, LaneBytes> zeros {};
    std::array<uint32_t, 32> bit {}; // the register with only bit i set, after LaneBytes zeros
    for (size_t i = 0; i < bit.size(); ++i)
        bit[i] = crcSerial(zeros.data(), zeros.size(), uint64_t {1} << i);
    ShiftTables t {};
    for (size_t k = 0; k < 4; ++k)
        for (uint32_t b = 0; b < 256; ++b)
            for (size_t j = 0; j < 8; ++j)
                if (b & (1u << j))
                    t[k][b] ^= bit[8 * k + j];
    return t;
}

__attribute__((target("sse4.2"))) uint32_t crcHardware(const uint8_t *p, size_t n, uint32_t crc)
{
    if (n >= 3 * LaneBytes) {
        static const ShiftTables t = makeShiftTables();
        const auto shift = [](uint32_t c) {
            return t[0][c & 0xff] ^ t[1][(c >> 8) & 0xff] ^ t[2][(c >> 16) & 0xff] ^ t[3][c >> 24];
        };
        do {
            uint64_t c0 = crc, c1 = 0, c2 = 0;
            for (size_t i = 0; i < LaneBytes; i += 8) {
                uint64_t w0, w1, w2;
                std::memcpy(&w0, p + i, 8);
                std::memcpy(&w1, p + LaneBytes + i, 8);
                std::memcpy(&w2, p + 2 * LaneBytes + i, 8);
                c0 = _mm_crc32_u64(c0, w0);
                c1 = _mm_crc32_u64(c1, w1);
                c2 = _mm_crc32_u64(c2, w2);
            }
            crc = shift(shift(static_cast<uint32_t>(c0)) ^ static_cast<uint32_t>(c1)) ^ static_cast<uint32_t>(c2);
            p += 3 * LaneBytes;
            n -= 3 * LaneBytes;
        } while (n >= 3 * LaneBytes);
    }
    return crcSerial(p, n, crc);
}

bool hasHardwareCrc()
{
    static const bool has = __builtin_cpu_supports("sse4.2");
    return has;
}
#endif

} // namespace

uint32_t crc32c(const void *data, size_t size, uint32_t crc)
{
    const auto *p = static_cast<const uint8_t *>(data);
    crc = ~crc;
#if defined(__x86_64__)
    if (hasHardwareCrc())
        return ~crcHardware(p, size, crc);
#endif
    return ~crcSoftware(p, size, crc);
}

uint32_t crc32cPortable(const void *data, size_t size, uint32_t crc)
{
    return ~crcSoftware(static_cast<const uint8_t *>(data), size, ~crc);
}

} // namespace topicscope::engine
