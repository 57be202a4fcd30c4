#pragma once

#include <cstddef>
#include <cstdint>

namespace topicscope::engine {

// CRC-32C (Castagnoli; reflected polynomial 0x82F63B78), the checksum of Kafka record batches v2.
// Uses the SSE4.2 crc32 instruction when the CPU has it, a slicing-by-8 table otherwise.
uint32_t crc32c(const void *data, size_t size, uint32_t crc = 0);

} // namespace topicscope::engine
