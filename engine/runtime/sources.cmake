# Sources of engine/runtime (paths relative to engine/).
list(APPEND TOPICSCOPE_ENGINE_SOURCES)
