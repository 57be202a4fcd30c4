#include "kafkaconnection.h"

#include "runtime/answergate.h"
#include "runtime/requestmemorypool.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QtEndian>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <sys/socket.h>
#include <sys/uio.h>
#endif

// Accepts and closes are debug lines, off by default; refused requests are warnings.
Q_LOGGING_CATEGORY(lcWireConnection, "topicscope.engine.wire.connection", QtInfoMsg)

namespace topicscope::engine {

namespace {
// Bytes QTcpSocket may hold in its own buffer (while the connection is muted, say): beyond that TCP pushes back on
// the client. Small, because every byte that passes through it is copied once more: a frame's bytes beyond it are
// read from the socket straight into the frame (readFrameBytes).
constexpr qint64 SocketReadBufferSize = 16 * 1024;
// Smallest frame: api key, version, correlation id, client id length.
constexpr qint32 MinFrameSize = 10;
} // namespace

KafkaConnection::KafkaConnection(QTcpSocket *socket, KafkaApis &apis, AnswerGate *gate, RequestMemoryPool &pool,
    quint64 connectionId, qint32 maxRequestBytes, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_apis(apis)
    , m_gate(gate)
    , m_pool(pool)
    , m_maxRequestBytes(maxRequestBytes)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(SocketReadBufferSize);
    m_info.connectionId = connectionId;
    m_info.clientHost = QLatin1Char('/') + m_socket->peerAddress().toString();
    m_info.peer = peer();
    m_sinceActive.start();
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        m_sinceActive.restart();
        processInput();
    });
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        m_sinceActive.restart();
        onBytesWritten();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        if (m_closing)
            return;
        qCDebug(lcWireConnection).noquote() << QStringLiteral("connection %1 from %2 closed").arg(id()).arg(peer());
        markClosed();
    });
    qCDebug(lcWireConnection).noquote() << QStringLiteral("connection %1 from %2 accepted").arg(id()).arg(peer());
}

KafkaConnection::~KafkaConnection()
{
    // Deleted without a close (the server shutting down): an answer still held has nowhere to go.
    if (m_gate && !m_closing)
        m_gate->dropConnection(id());
    m_pool.cancel(id());
    m_pool.release(m_reserved);
}

void KafkaConnection::markClosed()
{
    m_closing = true;
    m_pool.cancel(id());
    m_pool.release(std::exchange(m_reserved, 0));
    if (m_gate)
        m_gate->dropConnection(id());
    Q_EMIT closed(id());
    deleteLater();
}

QString KafkaConnection::peer() const
{
    return QStringLiteral("%1:%2").arg(m_socket->peerAddress().toString()).arg(m_socket->peerPort());
}

bool KafkaConnection::startFrame()
{
    if (m_frameSize < 0) {
        if (m_socket->bytesAvailable() < 4)
            return false;
        char sizeField[4];
        m_socket->read(sizeField, 4);
        const qint32 size = qFromBigEndian<qint32>(sizeField);
        if (size < MinFrameSize || size > m_maxRequestBytes) {
            closeWithError(QStringLiteral("request size %1 outside [%2, %3] (socket.request.max.bytes)")
                               .arg(size)
                               .arg(MinFrameSize)
                               .arg(m_maxRequestBytes));
            return false;
        }
        m_frameSize = size;
        m_frame.clear();
    }
    if (m_reserved == 0) {
        QPointer<KafkaConnection> self(this);
        const bool granted = m_pool.tryReserve(m_frameSize, id(), [self] {
            if (self)
                QMetaObject::invokeMethod(self, &KafkaConnection::processInput, Qt::QueuedConnection);
        });
        if (!granted)
            return false;
        m_reserved = m_frameSize;
    }
    return true;
}

qint64 KafkaConnection::readFrameBytes(char *to, qint64 wanted)
{
    qint64 got = 0;
    if (m_socket->bytesAvailable() > 0)
        got = qMax<qint64>(0, m_socket->read(to, qMin(wanted, m_socket->bytesAvailable())));
#if defined(Q_OS_UNIX)
    // QTcpSocket's buffer is drained: the rest of the frame goes from the kernel straight into it. A 1 MB produce
    // request copied through that buffer cost a fifth of the engine thread. The order of bytes is kept because
    // this only reads while QTcpSocket holds none, on the thread that owns it. End of stream and errors are left
    // to QTcpSocket, which sees them on its next read notification (a notification for bytes read here finds
    // none and is ignored).
    const qintptr fd = m_socket->socketDescriptor();
    if (got < wanted && fd >= 0 && m_socket->bytesAvailable() == 0) {
        ssize_t n;
        do {
            n = ::recv(static_cast<int>(fd), to + got, static_cast<size_t>(wanted - got), MSG_DONTWAIT);
        } while (n < 0 && errno == EINTR);
        if (n > 0)
            got += n;
    }
#endif
    return got;
}

void KafkaConnection::processInput()
{
    while (!m_busy && !m_closing) {
        if (!startFrame())
            return;
        // Read straight into the frame (no chunk copied into it). Its capacity is the size field's, which the pool
        // has just reserved (socket.request.max.bytes and the pool's cap bound it); the pages behind it are touched,
        // so resident memory grows, only as the bytes really arrive.
        const qint64 have = m_frame.size();
        const qint64 wanted = m_frameSize - have;
        if (wanted > 0) {
            if (have == 0)
                m_frame.reserve(m_frameSize);
            m_frame.resize(m_frameSize);
            const qint64 got = readFrameBytes(m_frame.data() + have, wanted);
            m_frame.resize(have + got);
            if (m_frame.size() < m_frameSize)
                return;
        }
        const QByteArray frame = std::move(m_frame);
        m_frame = QByteArray();
        m_frameSize = -1;
        m_busy = true;
        m_inHandle = true;
        QPointer<KafkaConnection> self(this);
        m_apis.handle(frame, m_info, [self](const WireResponse &response) {
            if (self)
                self->onAnswer(response);
        });
        if (!self)
            return;
        m_inHandle = false;
        // The frame's bytes are decoded (or copied where the request keeps them): back to the pool.
        m_pool.release(std::exchange(m_reserved, 0));
    }
}

void KafkaConnection::onAnswer(const WireResponse &response)
{
    if (m_gate && !m_closing && response.action != WireResponse::Action::Close) {
        QPointer<KafkaConnection> self(this);
        const bool held = m_gate->offer(response.exchange, [self, response] {
            if (self)
                self->onResponse(response);
        });
        if (held)
            return; // still muted: the answer is not written yet
    }
    onResponse(response);
}

void KafkaConnection::onResponse(const WireResponse &response)
{
    if (m_closing)
        return;
    switch (response.action) {
    case WireResponse::Action::Send: {
        writeFrame(response);
        if (m_socket->bytesToWrite() > MaxUnsentResponseBytes) {
            m_draining = true; // stays muted until onBytesWritten
            return;
        }
        break;
    }
    case WireResponse::Action::NoResponse:
        break;
    case WireResponse::Action::Close:
        closeWithError(response.reason);
        return;
    }
    m_busy = false;
    // A parked response may be released from inside another connection's request (a JoinGroup completing
    // the join phase): continue from the event loop, never inside that call.
    if (!m_inHandle)
        QMetaObject::invokeMethod(this, &KafkaConnection::processInput, Qt::QueuedConnection);
}

void KafkaConnection::writeFrame(const WireResponse &response)
{
    char sizeField[4];
    qToBigEndian<qint32>(static_cast<qint32>(response.frameSize()), sizeField);
    std::vector<QByteArrayView> pieces;
    pieces.reserve(2 + response.more.size());
    pieces.emplace_back(sizeField, 4);
    pieces.emplace_back(response.frame);
    for (const QByteArray &piece : response.more)
        pieces.emplace_back(piece);
    qint64 sent = 0;
#if defined(Q_OS_UNIX)
    // Nothing waits in QTcpSocket's buffer: the pieces go to the socket as they are, without being copied into that
    // buffer first (a Fetch answer's records straight from the log's read). What the socket does not take now, and
    // errors, are QTcpSocket's, as for any write.
    const qintptr fd = m_socket->socketDescriptor();
    if (fd >= 0 && m_socket->bytesToWrite() == 0) {
        constexpr size_t MaxPieces = 64;
        iovec vectors[MaxPieces];
        size_t count = 0;
        for (; count < pieces.size() && count < MaxPieces; ++count)
            vectors[count] = {const_cast<char *>(pieces[count].data()), static_cast<size_t>(pieces[count].size())};
        msghdr message {};
        message.msg_iov = vectors;
        message.msg_iovlen = count;
        ssize_t n;
        do {
            n = ::sendmsg(static_cast<int>(fd), &message, MSG_DONTWAIT | MSG_NOSIGNAL);
        } while (n < 0 && errno == EINTR);
        if (n > 0) {
            sent = n;
            m_sinceActive.restart();
        }
    }
#endif
    for (const QByteArrayView piece : pieces) {
        if (sent >= piece.size()) {
            sent -= piece.size();
            continue;
        }
        m_socket->write(piece.data() + sent, piece.size() - sent);
        sent = 0;
    }
}

void KafkaConnection::onBytesWritten()
{
    if (!m_draining || m_closing || m_socket->bytesToWrite() > MaxUnsentResponseBytes)
        return;
    m_draining = false;
    m_busy = false;
    if (!m_inHandle)
        QMetaObject::invokeMethod(this, &KafkaConnection::processInput, Qt::QueuedConnection);
}

bool KafkaConnection::isIdleFor(qint64 idleMs) const
{
    return !m_busy && !m_closing && m_sinceActive.elapsed() >= idleMs;
}

void KafkaConnection::closeIdle()
{
    qCInfo(lcWireConnection).noquote() << QStringLiteral(
        "closing connection %1 from %2: idle for %3 ms (connections.max.idle.ms)")
                                              .arg(id())
                                              .arg(peer())
                                              .arg(m_sinceActive.elapsed());
    m_closing = true; // before abort(): its disconnected() must not close a second time
    m_socket->abort();
    markClosed();
}

void KafkaConnection::closeWithError(const QString &reason)
{
    qCWarning(lcWireConnection).noquote()
        << QStringLiteral("closing connection %1 from %2: %3").arg(id()).arg(peer(), reason);
    m_closing = true; // before abort(): its disconnected() must not close a second time
    m_busy = true;
    m_socket->abort();
    markClosed();
}

} // namespace topicscope::engine
