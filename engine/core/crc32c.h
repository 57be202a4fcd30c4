#pragma once

#include <cstddef>
#include <cstdint>

namespace topicscope::engine {

// CRC-32C (Castagnoli; reflected polynomial 0x82F63B78), the checksum of Kafka record batches v2.
// Uses the SSE4.2 crc32 instruction when the CPU has it (three interleaved chains over long inputs), a
// slicing-by-8 table otherwise.
uint32_t crc32c(const void *data, size_t size, uint32_t crc = 0);

// The same checksum from the table alone, whatever the CPU: what crc32c() is checked against.
uint32_t crc32cPortable(const void *data, size_t size, uint32_t crc = 0);

} // namespace topicscope::engine
