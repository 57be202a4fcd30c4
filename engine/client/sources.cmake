# Sources of engine/client (paths relative to engine/).
list(APPEND TOPICSCOPE_ENGINE_SOURCES)
