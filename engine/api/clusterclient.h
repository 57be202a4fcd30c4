#pragma once

#include "brokersnapshot.h"
#include "clustertypes.h"
#include "topicconfig.h"

#include <QObject>
#include <QString>

namespace topicscope::engine {

// "A cluster" as the views see it: commands in, values out, never a blocking call. The embedded engine
// (EngineFacade) implements it now; a remote Kafka cluster reached through librdkafka will implement it
// later, and the views must not notice. Every command returns a request id that its result signal carries,
// so a view can drop answers to requests it no longer cares about. Lives on the GUI thread.
class ClusterClient : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~ClusterClient() override = default;

    // Connects (or starts the embedded broker); started() reports the outcome.
    virtual void start() = 0;
    // Shown at the root of the cluster tree, e.g. "Embedded broker".
    virtual QString displayName() const = 0;
    // Disconnects without making the caller wait: no signal is emitted from now on, and the client deletes itself
    // once its work has stopped (a remote cluster's worker may be inside a librdkafka call for a few seconds).
    // Deleting it before then is still allowed, and waits.
    virtual void closeLater()
    {
        blockSignals(true);
        deleteLater();
    }

    // Admin commands. Each answers with commandFinished(requestId, error, message).
    virtual quint64 createTopic(const QString &name, int partitions, const TopicConfig &config = {}) = 0;
    virtual quint64 deleteTopic(const QString &name) = 0;
    virtual quint64 createPartitions(const QString &name, int newPartitionCount) = 0;
    // The settings of config that differ from `from` (what the edit started from, as a snapshot showed it) are set;
    // every other setting stays as the cluster has it when the command runs, so a change someone else made while the
    // edit was open is kept, whatever the edit's copy of it says.
    virtual quint64 alterTopicConfig(const QString &name, const TopicConfig &config, const TopicConfig &from) = 0;
    // Only when the group is Empty (NON_EMPTY_GROUP otherwise), as Kafka enforces.
    virtual quint64 resetOffsets(const OffsetResetRequest &request) = 0;
    // Kafka's DeleteRecords: the partition's log start offset moves up to beforeOffset (-1: its high watermark); the
    // records below it are no longer served, and segments wholly below it are deleted. OFFSET_OUT_OF_RANGE past the
    // high watermark.
    virtual quint64 deleteRecords(const TopicPartition &partition, qint64 beforeOffset) = 0;
    // Kafka's DeleteGroups: the group and its committed offsets, only when it is Empty (NON_EMPTY_GROUP otherwise).
    virtual quint64 deleteGroup(const QString &groupId) = 0;

    // Reads. Each answers with its own signal below.
    virtual quint64 fetchMessages(const MessageQuery &query) = 0;
    virtual quint64 lookupOffsets(const QString &topic, qint64 timestamp) = 0;
    virtual quint64 previewPartition(const ProduceRequest &request) = 0;
    virtual quint64 previewOffsetReset(const OffsetResetRequest &request) = 0;
    // A partition's segment files (answers segmentsDescribed); a cluster that cannot list them says why in
    // PartitionSegments::availability.
    virtual quint64 describeSegments(const TopicPartition &partition) = 0;

    // Sends request.count records at request.ratePerSecond; progress comes as produceProgress (the last one
    // with finished = true). cancelProduce stops a running send.
    virtual quint64 produce(const ProduceRequest &request) = 0;
    virtual void cancelProduce(quint64 requestId) = 0;

Q_SIGNALS:
    void started(bool ok, const QString &error);
    void snapshotUpdated(const topicscope::engine::BrokerSnapshot &snapshot);
    void commandFinished(quint64 requestId, int error, const QString &message);
    void messagesFetched(quint64 requestId, const topicscope::engine::MessagePage &page);
    void offsetsLookedUp(quint64 requestId, const topicscope::engine::OffsetLookup &lookup);
    void partitionPreviewed(quint64 requestId, const topicscope::engine::PartitionPreview &preview);
    void offsetResetPreviewed(quint64 requestId, const topicscope::engine::OffsetResetPreview &preview);
    void segmentsDescribed(quint64 requestId, const topicscope::engine::PartitionSegments &segments);
    void produceProgress(quint64 requestId, const topicscope::engine::ProduceReport &report);

protected:
    quint64 nextRequestId() { return m_nextRequestId++; }

private:
    quint64 m_nextRequestId = 1;
};

} // namespace topicscope::engine
