# Sources of engine/group (paths relative to engine/): coordinator, assignors, consumer protocol.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    group/offsetstore.h group/assignor.h group/consumerprotocol.h group/groupcoordinator.h
)
# Consumer protocol and the built-in assignors.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    group/consumerprotocol.cpp group/assignor.cpp group/assignorsupport.h
    group/rangeassignor.h group/rangeassignor.cpp group/roundrobinassignor.h group/roundrobinassignor.cpp
    group/abstractstickyassignor.h group/abstractstickyassignor.cpp
    group/stickyassignor.h group/stickyassignor.cpp
    group/cooperativestickyassignor.h group/cooperativestickyassignor.cpp
)
# KIP-848's server-side assignors (group.consumer.assignors) the consumer-protocol coordinator runs.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    group/serverassignor.h group/serverassignor.cpp
    group/uniformassignor.h group/uniformassignor.cpp group/serverrangeassignor.h group/serverrangeassignor.cpp
)
# The classic group coordinator and its private group/member state.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    group/groupcoordinator.cpp group/groupcoordinatorprivate.h group/groupcoordinatorprivate.cpp
    group/classicgroup.h group/classicgroup.cpp group/classicgroupmember.h
    group/offsetstopic.h group/offsetstopic.cpp group/consumergrouprecords.h group/consumergrouprecords.cpp
)
# Rebalance history: group generations from polled descriptions and __consumer_offsets records, merged.
list(APPEND TOPICSCOPE_ENGINE_SOURCES group/generationhistory.h group/generationhistory.cpp)
# Kafka 4's consumer group protocol (KIP-848): its groups, members and heartbeat logic.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    group/serverassignor.h group/consumergroupmember.h group/consumergroup.h group/consumergroup.cpp
    group/consumergroupmanager.h group/consumergroupmanager.cpp
)
