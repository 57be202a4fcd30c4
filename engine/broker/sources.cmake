# Sources of engine/broker (paths relative to engine/): the one assembly of the broker's functional core.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    broker/broker.h broker/broker.cpp
)
