# Sources of engine/log (paths relative to engine/): topics and their partition logs.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    log/logmanager.h log/logmanager.cpp log/logmanagerprivate.h log/logmanagerprivate.cpp
    log/logmanagerproducers.cpp log/logmanagercreation.cpp log/logcleaner.cpp log/cleanjob.h log/cleanjob.cpp
    log/logdirectory.h log/logdirectory.cpp
    log/producerstatemanager.h log/producerstatemanager.cpp
)
