#pragma once

#include "brokersnapshot.h"
#include "clustertypes.h"
#include "group/generationhistory.h"
#include "remote/offsetstopicreader.h"
#include "remote/rdkafkaclient.h"
#include "remote/remoteproducer.h"
#include "remoteclusteroptions.h"

#include <QHash>
#include <QObject>

namespace topicscope::engine {

// The worker-thread half of RemoteCluster: reads the cluster into BrokerSnapshots and carries out the views'
// commands and reads, each call bounded by the request timeout (a cluster that went away costs a few seconds of
// this thread, never the GUI's). Which librdkafka API serves each view is listed in docs/engine.md ("Remote
// clusters"). Created on the GUI thread and moved to the worker thread before its first call; from then on used only
// there.
class RemoteWorker : public QObject {
    Q_OBJECT
public:
    explicit RemoteWorker(RemoteClusterOptions options, QObject *parent = nullptr);
    ~RemoteWorker() override;

    // Creates the librdkafka handles and reads the cluster's metadata once: false with a plain *error when a
    // property is refused or the cluster cannot be reached within the request timeout.
    bool open(QString *error);
    bool isOpen() const { return m_client.isOpen(); }

    // Everything the views show, read afresh. When the cluster cannot be reached, the previous snapshot with
    // connectionError set.
    BrokerSnapshot readSnapshot();

    RemoteError createTopic(const QString &name, int partitions, const TopicConfig &config);
    RemoteError deleteTopic(const QString &name);
    RemoteError createPartitions(const QString &name, int newPartitionCount);
    RemoteError deleteRecords(const TopicPartition &partition, qint64 beforeOffset);
    RemoteError deleteGroup(const QString &groupId);
    RemoteError alterTopicConfig(const QString &name, const TopicConfig &config, const TopicConfig &from);
    RemoteError resetOffsets(const OffsetResetRequest &request);

    MessagePage fetchMessages(const MessageQuery &query);
    OffsetLookup lookupOffsets(const QString &topic, qint64 timestamp);
    PartitionPreview previewPartition(const ProduceRequest &request);
    OffsetResetPreview previewOffsetReset(const OffsetResetRequest &request);
    RemoteProducer &producer() { return m_producer; }

private:
    // The partition count of topic from the last metadata read, reading it again when the topic is not in it
    // (created since). -1 for a topic the cluster does not have.
    int partitionCount(const QString &topic);
    RemoteError refreshMetadata();

    RemoteClusterOptions m_options;
    // Declared before the client: the client's last delivery reports (flushed when it closes) still find it.
    RemoteProducer m_producer; // a child of this worker: moves to the worker thread with it
    RdKafkaClient m_client;
    RemoteMetadata m_metadata;
    BrokerSnapshot m_last;
    // The rebalance history: descriptions compared poll after poll, and __consumer_offsets where it can be read.
    GenerationHistory m_history {GroupGeneration::Polled};
    OffsetsTopicReader m_offsetsReader; // a handle of its own, beside the client's two
};

} // namespace topicscope::engine
