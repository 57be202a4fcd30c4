# Sources of engine/core (paths relative to engine/): clock, events, record batches and their compression.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    core/clock.h core/clock.cpp
    core/events.h core/varint.h core/setwhy.h
    core/crc32c.h core/crc32c.cpp
    core/recordbatch.h core/recordbatch.cpp
    core/compression.h core/compression.cpp
)
