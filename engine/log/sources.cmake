# Sources of engine/log (paths relative to engine/).
list(APPEND TOPICSCOPE_ENGINE_SOURCES log/topicconfig.h log/logmanager.h)
