#pragma once

#include "wire/kafkaapis.h"

#include <QByteArray>
#include <QObject>

class QTcpSocket;

namespace topicscope::engine {

// One client connection of the Kafka listener: reassembles size-prefixed request frames and hands them to
// KafkaApis one at a time. Like Kafka's SocketServer it "mutes" the connection while a request is in
// progress (a parked JoinGroup, SyncGroup or long-poll Fetch included), so responses always leave in request
// order and a pipelining client is throttled by TCP instead of by our memory. Frames larger than
// socket.request.max.bytes are refused from their size field alone, before any buffering. Lives on the engine
// thread; deletes itself when the socket closes.
class KafkaConnection : public QObject {
    Q_OBJECT
public:
    KafkaConnection(QTcpSocket *socket, KafkaApis &apis, quint64 id, qint32 maxRequestBytes, QObject *parent = nullptr);
    ~KafkaConnection() override;

    quint64 id() const { return m_info.connectionId; }
    QString peer() const;

Q_SIGNALS:
    void closed(quint64 id);

private:
    void processInput();
    void onResponse(const WireResponse &response);
    void closeWithError(const QString &reason);

    QTcpSocket *m_socket;
    KafkaApis &m_apis;
    WireConnectionInfo m_info;
    qint32 m_maxRequestBytes;
    qint32 m_frameSize = -1; // size of the frame being read, -1 while reading the size field
    QByteArray m_frame;
    bool m_busy = false; // a request is being handled; input waits (Kafka's mute)
    bool m_inHandle = false;
    bool m_closing = false;
};

} // namespace topicscope::engine
