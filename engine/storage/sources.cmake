# Sources of engine/storage (paths relative to engine/).
list(APPEND TOPICSCOPE_ENGINE_SOURCES)
