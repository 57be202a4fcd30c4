#pragma once

#include "runtime/kafkaserveroptions.h"
#include "wire/kafkaapis.h"

#include <QHash>
#include <QObject>
#include <memory>

class QTcpServer;
class QTimer;

namespace topicscope::engine {

class AnswerGate;
class Broker;
class Clock;
class KafkaConnection;
class RequestMemoryPool;

// The broker's Kafka listener: a QTcpServer accepting client connections, each served by a KafkaConnection
// that feeds request frames to the shared KafkaApis. Advertises itself as node 0 at the listen address (or
// the configured advertised address). Lives on the engine thread, owned by the Engine.
class KafkaServer : public QObject {
    Q_OBJECT
public:
    // wireClock times the wire layer's own waits (a Fetch's max_wait_ms) and the exchanges' timestamps; null = the
    // broker's clock. The Engine passes an unfrozen real clock so that long polls end on time while the broker's
    // clock is paused. gate (may be null) is where connections offer their answers while paused. Both must outlive
    // the server.
    KafkaServer(KafkaServerOptions options, Broker &broker, Clock *wireClock = nullptr, AnswerGate *gate = nullptr,
        QObject *parent = nullptr);
    ~KafkaServer() override;

    // Binds and listens. On failure returns false and *error says which address and why ("address already in
    // use").
    bool listen(QString *error);
    bool isListening() const;
    quint16 port() const; // the bound port (useful with port 0)
    QString listenAddress() const; // "127.0.0.1:9092"
    QString advertisedAddress() const;
    int connectionCount() const { return static_cast<int>(m_connections.size()); }
    KafkaApis &apis() { return *m_apis; }
    const KafkaServerOptions &options() const { return m_options; }
    const RequestMemoryPool &requestMemory() const { return *m_requestMemory; }

private:
    void onNewConnection();
    void closeIdleConnections();

    KafkaServerOptions m_options;
    std::unique_ptr<KafkaApis> m_apis;
    AnswerGate *m_gate;
    std::unique_ptr<RequestMemoryPool> m_requestMemory;
    QTcpServer *m_server;
    QTimer *m_idleSweep = nullptr; // every quarter of connections.max.idle.ms, at most every 30 s
    QHash<quint64, KafkaConnection *> m_connections;
    quint64 m_nextConnectionId = 1;
};

} // namespace topicscope::engine
