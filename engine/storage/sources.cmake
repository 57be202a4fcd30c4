# Sources of engine/storage (paths relative to engine/): the SQLite store behind the log and committed offsets.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    storage/sqlitestore.h storage/sqlitestore.cpp
)
