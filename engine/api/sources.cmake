# Sources of engine/api (paths relative to engine/): the value types and interfaces the UI sees, and nothing
# else. The UI links only this library: it cannot include an engine-internal header.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    api/errorcode.h api/errorcode.cpp
    api/topicpartition.h api/record.h
    api/topicconfig.h api/topicconfig.cpp
    api/topicnames.h api/topicnames.cpp
    api/consumeroffsetsrecords.h api/consumeroffsetsrecords.cpp
    api/topicinfo.h api/topicid.h api/topicid.cpp api/groupdescription.h api/groupgeneration.h
    api/clientoptions.h api/assignornames.h
    api/brokersnapshot.h api/brokernode.h api/clustertypes.h api/clusterclient.h
    api/localizedtext.h api/localizedtext.cpp
    api/scenariospec.h api/scenarioevent.h api/scenarioevent.cpp api/flowsnapshot.h api/scenarioplayerstate.h api/scenarioclient.h
    api/wireexchange.h api/brokerpause.h
    api/remoteclusteroptions.h api/remoteclusteroptions.cpp api/hostport.h api/hostport.cpp api/clusterconnector.h
    api/metricarchive.h
)
