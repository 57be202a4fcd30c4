#pragma once

#include "wire/kafkaapis.h"

#include <QByteArray>
#include <QObject>

class QTcpSocket;

namespace topicscope::engine {

class AnswerGate;

// One client connection of the Kafka listener: reassembles size-prefixed request frames and hands them to
// KafkaApis one at a time. Like Kafka's SocketServer it "mutes" the connection while a request is in
// progress (a parked JoinGroup, SyncGroup or long-poll Fetch included), so responses always leave in request
// order and a pipelining client is throttled by TCP instead of by our memory. Frames larger than
// socket.request.max.bytes are refused from their size field alone, before any buffering. Lives on the engine
// thread; deletes itself when the socket closes.
//
// While the broker is paused, every answer is first offered to the AnswerGate (when there is one): a held answer is
// not yet written, so the connection stays muted until the gate releases it.
class KafkaConnection : public QObject {
    Q_OBJECT
public:
    // gate may be null (no pausing); it must outlive the connection.
    KafkaConnection(QTcpSocket *socket, KafkaApis &apis, AnswerGate *gate, quint64 id, qint32 maxRequestBytes,
        QObject *parent = nullptr);
    ~KafkaConnection() override;

    quint64 id() const { return m_info.connectionId; }
    QString peer() const;

Q_SIGNALS:
    void closed(quint64 id);

private:
    void processInput();
    void onAnswer(const WireResponse &response);
    void onResponse(const WireResponse &response);
    void markClosed();
    void closeWithError(const QString &reason);

    QTcpSocket *m_socket;
    KafkaApis &m_apis;
    AnswerGate *m_gate;
    WireConnectionInfo m_info;
    qint32 m_maxRequestBytes;
    qint32 m_frameSize = -1; // size of the frame being read, -1 while reading the size field
    QByteArray m_frame;
    bool m_busy = false; // a request is being handled; input waits (Kafka's mute)
    bool m_inHandle = false;
    bool m_closing = false;
};

} // namespace topicscope::engine
