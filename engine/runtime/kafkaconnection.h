#pragma once

#include "wire/kafkaapis.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>

class QTcpSocket;

namespace topicscope::engine {

class AnswerGate;
class RequestMemoryPool;

// One client connection of the Kafka listener: reassembles size-prefixed request frames and hands them to
// KafkaApis one at a time. Like Kafka's SocketServer it "mutes" the connection while a request is in
// progress (a parked JoinGroup, SyncGroup or long-poll Fetch included), so responses always leave in request
// order and a pipelining client is throttled by TCP instead of by our memory. The connection stays muted after
// a response until the socket has written all but MaxUnsentResponseBytes of it, so a client that sends requests
// and never reads the answers holds at most one response's worth of our memory, not one per request. Frames larger
// than socket.request.max.bytes are refused from their size field alone, before any buffering, and a frame's whole
// size is reserved from the listener's RequestMemoryPool (queued.max.request.bytes) before its body is read. Lives
// on the engine thread; deletes itself when the socket closes.
//
// While the broker is paused, every answer is first offered to the AnswerGate (when there is one): a held answer is
// not yet written, so the connection stays muted until the gate releases it.
class KafkaConnection : public QObject {
    Q_OBJECT
public:
    // Response bytes the socket may still have to write when the next request is read: small answers keep a
    // pipelining client going without a round trip through the event loop, big ones wait until they are out.
    static constexpr qint64 MaxUnsentResponseBytes = 64 * 1024;

    // gate may be null (no pausing); it and pool must outlive the connection.
    KafkaConnection(QTcpSocket *socket, KafkaApis &apis, AnswerGate *gate, RequestMemoryPool &pool, quint64 id,
        qint32 maxRequestBytes, QObject *parent = nullptr);
    ~KafkaConnection() override;

    quint64 id() const { return m_info.connectionId; }
    QString peer() const;
    // connections.max.idle.ms: no request in progress or held, and nothing read or written for idleMs.
    bool isIdleFor(qint64 idleMs) const;
    // Closes the connection as Kafka closes an idle one (an info line in the log, no error to the client).
    void closeIdle();

Q_SIGNALS:
    void closed(quint64 id);

private:
    void processInput();
    // Reads the frame's size field and reserves its bytes; false while it cannot go on (no size yet, no memory).
    bool startFrame();
    // Up to wanted bytes of the frame being read: QTcpSocket's buffered ones, then the socket's. Never waits.
    qint64 readFrameBytes(char *to, qint64 wanted);
    // Writes a response's size field and frame, pieces and all.
    void writeFrame(const WireResponse &response);
    void onBytesWritten();
    void onAnswer(const WireResponse &response);
    void onResponse(const WireResponse &response);
    void markClosed();
    void closeWithError(const QString &reason);

    QTcpSocket *m_socket;
    QElapsedTimer m_sinceActive; // since the socket last read or wrote a byte
    KafkaApis &m_apis;
    AnswerGate *m_gate;
    RequestMemoryPool &m_pool;
    WireConnectionInfo m_info;
    qint32 m_maxRequestBytes;
    qint32 m_frameSize = -1; // size of the frame being read, -1 while reading the size field
    QByteArray m_frame;
    qint64 m_reserved = 0; // bytes of the pool held for the frame being read
    bool m_busy = false; // a request is being handled or its response is being written; input waits (Kafka's mute)
    bool m_draining = false; // the response is handed to the socket, more than MaxUnsentResponseBytes unsent
    bool m_inHandle = false;
    bool m_closing = false;
};

} // namespace topicscope::engine
