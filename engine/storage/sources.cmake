# Sources of engine/storage (paths relative to engine/): the SQLite store (index, metadata, committed
# offsets) and the segment files holding the record bytes.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    storage/sqlitestore.h storage/sqlitestore.cpp storage/sqlitestoreschema.cpp
    storage/sqlitestoresegments.cpp storage/sqlitestoreproducers.cpp storage/sqlitestoreoffsets.cpp
    storage/sqlitestatement.h storage/storagelogging.h
    storage/sqlitestorefiles.cpp storage/walcheckpointer.h storage/walcheckpointer.cpp
    storage/producerstatesnapshot.h storage/storedbatchinfo.h
    storage/segmentlog.h storage/segmentlog.cpp
    storage/fileremover.h storage/fileremover.cpp
    storage/writebackstarter.h storage/writebackstarter.cpp
    storage/metricstore.h storage/metricstore.cpp
)
