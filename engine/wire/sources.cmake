# Sources of engine/wire (paths relative to engine/): the Kafka wire protocol as a pure codec plus the request
# handler (KafkaApis), no sockets. The runtime's KafkaServer/KafkaConnection feed it frames.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    wire/wirereader.h wire/wirereader.cpp
    wire/wirewriter.h wire/wirewriter.cpp
    wire/apikeys.h wire/apikeys.cpp
    wire/apitable.h wire/apitable.cpp
    wire/exchangetap.h wire/exchangetap.cpp
    wire/requestheader.h wire/requestheader.cpp
    wire/logmessages.h wire/logmessages.cpp
    wire/groupmessages.h wire/groupmessages.cpp
    wire/adminmessages.h wire/adminmessages.cpp
    wire/producermessages.h wire/clustermessages.h wire/configcatalog.h wire/configcatalog.cpp
    wire/topicmessages.h wire/versionedfields.h
    wire/kafkaapis.h wire/kafkaapisprivate.h wire/kafkaapis.cpp wire/kafkaadminapis.cpp wire/kafkaclusterapis.cpp
    wire/kafkagroupapis.cpp wire/consumergroupmessages.h wire/kafkaconsumergroupapis.cpp
)
