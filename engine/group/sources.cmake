# Sources of engine/group (paths relative to engine/): coordinator, assignors, consumer protocol.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    group/offsetstore.h group/assignor.h
)
