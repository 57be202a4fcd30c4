#pragma once

#include <QString>

namespace topicscope::engine {

// Settings of the Kafka listener, with Kafka's broker config names where there is one.
struct KafkaServerOptions {
    QString listenHost = QStringLiteral("127.0.0.1"); // listeners
    quint16 listenPort = 9092; // 0 picks a free port
    QString advertisedHost; // advertised.listeners; empty = the listen host ("0.0.0.0"/"::" give 127.0.0.1)
    quint16 advertisedPort = 0; // 0 = the port actually bound
    qint32 maxRequestBytes = 100 * 1024 * 1024; // socket.request.max.bytes
    // queued.max.request.bytes: request bytes held at once over all connections (Kafka's default is unbounded).
    // Never below maxRequestBytes, so that any accepted request can be read.
    qint64 queuedMaxRequestBytes = 256 * 1024 * 1024;
    bool autoCreateTopics = true; // auto.create.topics.enable
    int numPartitions = 1; // num.partitions
    // connections.max.idle.ms: a connection with no request in progress (or held while the broker is paused) that
    // read and wrote nothing for this long is closed, as Kafka closes idle connections; 0 = never. Kafka's default.
    qint64 connectionsMaxIdleMs = 600'000;
    // What Metadata and DescribeCluster answer; Engine::start sets it from the data directory (ClusterIdentity).
    QString clusterId = QStringLiteral("topicscope");
};

} // namespace topicscope::engine
