#pragma once

#include "clustertypes.h"

#include <QHash>
#include <QObject>
#include <functional>
#include <librdkafka/rdkafka.h>
#include <memory>

class QTimer;

namespace topicscope::engine {

class RdKafkaClient;

// Produce jobs on a remote cluster: N records at a rate, with key, value, headers and an explicit partition or the
// partitioner the producer panel chose (decided here, as the embedded broker's producer decides, and passed to
// librdkafka as the record's partition, so that the preview and the send agree). Progress is reported after each
// step and when every delivery report is in. Lives on the remote cluster's worker thread.
class RemoteProducer : public QObject {
    Q_OBJECT
public:
    using Progress = std::function<void(const ProduceReport &)>;
    // The topic's partition count as the last metadata said (<= 0: unknown topic).
    using PartitionCount = std::function<int(const QString &topic)>;

    RemoteProducer(RdKafkaClient &client, PartitionCount partitionCount, QObject *parent = nullptr);
    ~RemoteProducer() override;

    void produce(quint64 id, const ProduceRequest &request, Progress progress);
    void cancel(quint64 id);

    // librdkafka's delivery report callback; opaque is this object (RdKafkaClient::open's deliveryOpaque).
    static void onDelivery(rd_kafka_t *rk, const rd_kafka_message_t *message, void *opaque);

private:
    struct Job;
    void step(quint64 id);
    void finishIfDone(Job &job);

    RdKafkaClient &m_client;
    PartitionCount m_partitionCount;
    QHash<quint64, std::shared_ptr<Job>> m_jobs;
};

} // namespace topicscope::engine
