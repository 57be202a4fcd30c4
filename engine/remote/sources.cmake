# Sources of engine/remote (paths relative to engine/): a remote Kafka cluster behind ClusterClient, through
# librdkafka, on a worker thread of its own.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    remote/rdkafkaclient.h remote/rdkafkaclient.cpp
    remote/admincall.h remote/admincall.cpp
    remote/remoteproducer.h remote/remoteproducer.cpp
    remote/remoteworker.h remote/remoteworker.cpp
    remote/remotecluster.h remote/remotecluster.cpp
    remote/clusterdescription.h remote/clusterdescription.cpp
    remote/offsetstopicreader.h remote/offsetstopicreader.cpp
    remote/remoteconnector.h remote/remoteconnector.cpp
)
