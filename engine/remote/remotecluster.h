#pragma once

#include "clusterclient.h"
#include "remoteclusteroptions.h"

#include <memory>

class QThread;

namespace topicscope::engine {

class RemoteWorker;
template <typename Target> class WorkerChannel;

// A remote Kafka cluster (Apache Kafka, or any Kafka-compatible one) as a ClusterClient, through librdkafka: the
// views explore it as they explore the embedded broker. Every librdkafka call runs on a worker thread of its own
// (RemoteWorker); commands go in as queued functors and values come back as queued signals, so nothing here blocks
// the calling thread except the destructor, which stops the worker. A snapshot is read every pollIntervalMs and
// published whether or not it changed (it carries connectionError while the cluster cannot be reached). Lives on the
// thread that created it (the GUI thread).
class RemoteCluster : public ClusterClient {
    Q_OBJECT
public:
    explicit RemoteCluster(RemoteClusterOptions options, QObject *parent = nullptr);
    ~RemoteCluster() override;

    // Connects; started(false, why) when a property is refused or the cluster cannot be reached within the request
    // timeout. Polling goes on after a failed connection, so the views fill in once the cluster answers.
    void start() override;
    QString displayName() const override;
    // Asks the worker thread to stop and deletes this cluster on its own thread once it has: the caller does not
    // wait for the librdkafka call in progress (the destructor would).
    void closeLater() override;

    quint64 createTopic(const QString &name, int partitions, const TopicConfig &config = {}) override;
    quint64 deleteTopic(const QString &name) override;
    quint64 createPartitions(const QString &name, int newPartitionCount) override;
    quint64 alterTopicConfig(const QString &name, const TopicConfig &config, const TopicConfig &from) override;
    quint64 resetOffsets(const OffsetResetRequest &request) override;
    quint64 deleteRecords(const TopicPartition &partition, qint64 beforeOffset) override;
    quint64 deleteGroup(const QString &groupId) override;

    quint64 fetchMessages(const MessageQuery &query) override;
    quint64 lookupOffsets(const QString &topic, qint64 timestamp) override;
    quint64 previewPartition(const ProduceRequest &request) override;
    quint64 previewOffsetReset(const OffsetResetRequest &request) override;
    quint64 describeSegments(const TopicPartition &partition) override;
    quint64 produce(const ProduceRequest &request) override;
    void cancelProduce(quint64 requestId) override;

private:
    class Host;

    quint64 runCommand(std::function<std::pair<int, QString>(RemoteWorker &)> command);

    RemoteClusterOptions m_options;
    QThread *m_thread = nullptr;
    // The worker-side half: lives on the worker thread and is only the address calls are queued to from here
    // (WorkerChannel). Deleted by the destructor once the worker thread has stopped.
    Host *m_host = nullptr;
    std::unique_ptr<WorkerChannel<RemoteWorker>> m_worker;
};

} // namespace topicscope::engine
