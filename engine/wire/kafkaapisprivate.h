#pragma once

// KafkaApis' private part, shared by its source files (kafkaapis.cpp: dispatch and log APIs; kafkagroupapis.cpp:
// group APIs; kafkaadminapis.cpp: topic, config and group administration; kafkaclusterapis.cpp: the cluster and its
// log directory; apitable.cpp: the dispatch table naming the handlers). Not for use outside engine/wire.

#include "wire/kafkaapis.h"

#include "broker/broker.h"
#include "log/logmanager.h"
#include "wire/adminmessages.h"
#include "wire/apikeys.h"
#include "wire/clustermessages.h"
#include "wire/consumergroupmessages.h"
#include "wire/exchangetap.h"
#include "wire/groupmessages.h"
#include "wire/logmessages.h"
#include "wire/producermessages.h"
#include "wire/requestheader.h"
#include "wire/topicmessages.h"

#include <QLoggingCategory>
#include <QSet>
#include <map>
#include <memory>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcWire)

namespace topicscope::engine {

using namespace wire;

namespace wire {

inline constexpr auto UnsupportedCompressionType = static_cast<ErrorCode>(76);

inline WireResponse sendResponse(const RequestHeader &header, const QByteArray &body)
{
    WireResponse response;
    response.frame
        = encodeResponseHeader(header.correlationId, ApiKeys::responseHeaderVersion(header.apiKey, header.apiVersion))
        + body;
    return response;
}

inline WireResponse closeConnection(const QString &reason)
{
    WireResponse response;
    response.action = WireResponse::Action::Close;
    response.reason = reason;
    return response;
}

// Names the group request an answer belongs to, for the protocol lane (WireExchange).
// What DescribeGroups v3+ and ConsumerGroupDescribe answer when asked for the authorized operations: with no
// authorizer Kafka grants every operation a group supports (AclEntry.supportedOperations(GROUP)): READ (3), DELETE (6),
// DESCRIBE (8), DESCRIBE_CONFIGS (10) and ALTER_CONFIGS (11), one bit per AclOperation code.
inline constexpr qint32 GroupAuthorizedOperations = (1 << 3) | (1 << 6) | (1 << 8) | (1 << 10) | (1 << 11);

inline void setGroupExchange(
    WireResponse &answer, const QString &group, const QString &memberId, int generation, ErrorCode error)
{
    answer.exchange.group = group;
    answer.exchange.memberId = memberId;
    answer.exchange.generation = generation;
    answer.exchange.error = error;
}

// Groups partition-level results by topic, keeping the order in which topics first appear.
template <typename TopicT, typename PartitionT>
PartitionT &appendPartition(QList<TopicT> &topics, const QString &name, PartitionT partition)
{
    if (topics.isEmpty() || topics.constLast().name != name)
        topics.append(TopicT {name, {}});
    topics.last().partitions.append(std::move(partition));
    return topics.last().partitions.last();
}

} // namespace wire

struct KafkaApis::Private {
    struct ParkedFetch {
        RequestHeader header;
        FetchRequest request;
        Responder respond;
        TimerId timer = 0;
        QSet<TopicPartition> partitions;
    };

    // A Metadata request being answered a step at a time (it auto-creates topics).
    struct MetadataJob {
        RequestHeader header;
        MetadataResponse response;
        QStringList names; // the topics to answer for, in order
        bool mayCreate = false;
        qsizetype next = 0; // the first name not answered yet
        int created = 0;
        QString firstCreated;
        QString lastCreated;
        // The names next .. rangeEnd-1 are being answered: the missing ones among them are being created by creation
        // (creationOf: name -> index into its topics). Null between ranges.
        std::unique_ptr<LogManager::Creation> creation;
        QHash<QString, size_t> creationOf;
        qsizetype rangeEnd = 0;
    };
    // A CreateTopics request being answered a step at a time.
    struct CreateTopicsJob {
        RequestHeader header;
        CreateTopicsRequest request;
        CreateTopicsResponse response;
        QHash<QString, int> occurrences; // of each name in the request
        qsizetype next = 0; // the first topic not answered yet
        // The topics next .. next+checked.size()-1 are being answered: checked, and the valid ones being created by
        // creation. Empty and null between ranges.
        struct Checked {
            CreateTopicsResponse::Topic result;
            QString why;
            int partitions = 0;
            TopicConfig config;
            std::optional<size_t> creation; // index into the creation's topics when it passed the checks
        };
        std::vector<Checked> checked;
        std::unique_ptr<LogManager::Creation> creation;
    };
    // What one step may do before the engine thread goes back to its other connections: about StepBudgetMs of work
    // on the wire clock (a topic of 10,000 partitions is prepared over several steps; LogManager::Creation), taking
    // at most StepTopics topics of a request in hand at a time. The budget keeps a bystander's ApiVersions or
    // Metadata within a few steps' time of its arrival (tst_servingthread).
    static constexpr size_t StepTopics = 1000;
    static constexpr qint64 StepBudgetMs = 5;

    Broker &broker;
    LogManager &log;
    GroupCoordinator &groups;
    Clock &clock; // the wire clock (see the KafkaApis constructor), not necessarily the broker's
    EventBus &events;
    KafkaApisConfig config;
    int subscription = 0;
    quint64 nextFetchId = 1;
    std::map<quint64, ParkedFetch> parkedFetches;
    std::shared_ptr<ExchangeTap> tap;
    bool recheckScheduled = false;
    TimerId recheckTimer = 0;
    std::map<quint64, TimerId> steppedWork; // work under way in steps (runInSteps): its next step's timer
    quint64 nextSteppedWork = 1;

    Private(Broker &b, KafkaApisConfig cfg, Clock &wireClock)
        : broker(b)
        , log(b.log())
        , groups(b.groups())
        , clock(wireClock)
        , events(b.events())
        , config(std::move(cfg))
        , tap(std::make_shared<ExchangeTap>(wireClock))
    { }

    void onEvent(const Event &event);
    // Runs step now and, until it returns true, again on later turns of the event loop (a zero-delay timer on the wire
    // clock): a request that would hold the engine thread for long is split so that other connections are served in
    // between. One connection's answers stay in order: it sends no next request before this one is answered.
    void runInSteps(std::function<bool()> step);
    void scheduleStep(quint64 id, std::function<bool()> step);
    void recheckParkedFetches();
    void completeFetch(quint64 id);
    // The answer to a fetch, with the records it hands out named in its exchange.
    WireResponse answerFetch(const RequestHeader &h, const FetchRequest &request, const FetchResponse &response) const;

    WireResponse handleApiVersions(const RequestHeader &h, WireReader &r);
    void handleMetadata(
        const RequestHeader &h, const MetadataRequest &request, const WireConnectionInfo &c, Responder respond);
    // Answers the next topics of job (creating the missing ones); true when it has answered them all.
    bool answerMetadataStep(MetadataJob &job);
    // Answers the names of job's range, whose creation is done.
    void answerMetadataRange(MetadataJob &job);
    WireResponse handleProduce(const RequestHeader &h, WireReader &r);
    WireResponse handleInitProducerId(const RequestHeader &h, WireReader &r);
    // The handlers that may park take the request already decoded (wire/apitable.cpp).
    void handleFetch(const RequestHeader &h, FetchRequest request, const WireConnectionInfo &c, Responder respond);
    // The partitions' data as of now. From v13 topics are named by id: an id no topic has is UNKNOWN_TOPIC_ID.
    FetchResponse readFetch(const FetchRequest &request, qint16 version, qint64 *totalBytes, bool *anyError) const;
    WireResponse handleListOffsets(const RequestHeader &h, WireReader &r);
    WireResponse handleFindCoordinator(const RequestHeader &h, WireReader &r);
    void handleJoinGroup(
        const RequestHeader &h, const JoinGroupRequestData &data, const WireConnectionInfo &c, Responder respond);
    void handleSyncGroup(
        const RequestHeader &h, const SyncGroupRequestData &data, const WireConnectionInfo &c, Responder respond);
    WireResponse handleHeartbeat(const RequestHeader &h, WireReader &r);
    WireResponse handleLeaveGroup(const RequestHeader &h, WireReader &r);
    WireResponse handleOffsetCommit(const RequestHeader &h, WireReader &r);
    WireResponse handleOffsetFetch(const RequestHeader &h, WireReader &r);
    WireResponse handleDescribeGroups(const RequestHeader &h, WireReader &r);
    WireResponse handleListGroups(const RequestHeader &h, WireReader &r);
    void handleCreateTopics(
        const RequestHeader &h, const CreateTopicsRequest &request, const WireConnectionInfo &c, Responder respond);
    bool answerCreateTopicsStep(CreateTopicsJob &job);
    // CreateTopics' own checks of one topic of job's request, before LogManager's.
    CreateTopicsJob::Checked checkNewTopic(const CreateTopicsJob &job, const CreateTopicsRequest::Topic &t) const;
    // Answers the topics of job's range, whose creation is done.
    void answerCreateTopicsRange(CreateTopicsJob &job);
    WireResponse handleDeleteTopics(const RequestHeader &h, WireReader &r);
    WireResponse handleDeleteRecords(const RequestHeader &h, WireReader &r);
    WireResponse handleDescribeConfigs(const RequestHeader &h, WireReader &r);
    WireResponse handleDeleteGroups(const RequestHeader &h, WireReader &r);
    WireResponse handleAlterConfigs(const RequestHeader &h, WireReader &r);
    WireResponse handleCreatePartitions(const RequestHeader &h, WireReader &r);
    WireResponse handleIncrementalAlterConfigs(const RequestHeader &h, WireReader &r);
    WireResponse handleDescribeLogDirs(const RequestHeader &h, WireReader &r);
    WireResponse handleDescribeCluster(const RequestHeader &h, WireReader &r);
    WireResponse handleOffsetDelete(const RequestHeader &h, WireReader &r);
    // Kafka 4's consumer group protocol (KIP-848; kafkaconsumergroupapis.cpp). The heartbeat answers at once but
    // takes the decoded request and the connection, for the member's host.
    void handleConsumerGroupHeartbeat(const RequestHeader &h, ConsumerGroupHeartbeatRequestData request,
        const WireConnectionInfo &c, Responder respond);
    WireResponse handleConsumerGroupDescribe(const RequestHeader &h, WireReader &r);
};

} // namespace topicscope::engine
