# Sources of engine/core (paths relative to engine/): value types, record batches, partitioners, serdes.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    core/errorcode.h core/errorcode.cpp
    core/clock.h core/clock.cpp
    core/topicpartition.h core/events.h
    core/record.h core/varint.h
    core/crc32c.h core/crc32c.cpp
    core/recordbatch.h core/recordbatch.cpp
)
