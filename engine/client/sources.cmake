# Sources of engine/client (paths relative to engine/): the in-app producer and consumer, partitioners, serdes.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    client/murmur2.h client/murmur2.cpp
    client/producepreview.h client/producepreview.cpp
    client/offsetresetplanner.h client/offsetresetplanner.cpp
    client/grouplag.h client/grouplag.cpp
    client/serializer.h client/serializer.cpp
    client/partitioner.h client/partitioner.cpp
    client/builtinpartitioner.h client/builtinpartitioner.cpp
    client/roundrobinpartitioner.h client/roundrobinpartitioner.cpp
    client/uniformstickypartitioner.h client/uniformstickypartitioner.cpp
    client/explicitpartitioner.h client/explicitpartitioner.cpp
    client/producer.h client/producer.cpp
    client/consumerfetcher.h client/consumerfetcher.cpp
    client/consumergroupmembership.h client/consumergroupmembership.cpp
    client/consumer.h client/consumer.cpp
)
