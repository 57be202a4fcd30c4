# Sources of engine/runtime (paths relative to engine/): the thin shell owning the worker thread, real
# timers and the facade. The only engine part that uses QObject signals and QThread.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    runtime/realclock.h runtime/realclock.cpp
    runtime/engine.h runtime/engine.cpp
    runtime/clusteridentity.h runtime/clusteridentity.cpp
    runtime/enginefacade.h runtime/enginefacade.cpp
    runtime/ratetracker.h runtime/ratetracker.cpp
    runtime/clientactivity.h runtime/clientactivity.cpp
    runtime/explorerservice.h runtime/explorerservice.cpp
    runtime/scenarioplayer.h runtime/scenarioplayer.cpp
    runtime/scenariocontrol.h runtime/scenariocontrol.cpp
    runtime/liveflow.h runtime/liveflow.cpp
    runtime/recordingreplay.h runtime/recordingreplay.cpp
    runtime/workerchannel.h
    runtime/sqlitemetricarchive.h runtime/sqlitemetricarchive.cpp
)
# The Kafka listener (wire protocol over TCP), see engine/wire for the codec and request handling.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    runtime/kafkaserveroptions.h
    runtime/kafkaserver.h runtime/kafkaserver.cpp
    runtime/kafkaconnection.h runtime/kafkaconnection.cpp
    runtime/answergate.h runtime/answergate.cpp
    runtime/requestmemorypool.h runtime/requestmemorypool.cpp
)
