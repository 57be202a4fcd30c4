#pragma once
// A plain TCP client of the broker's listener on 127.0.0.1 (POSIX sockets: the engine tests link no Qt Network),
// for tests that need connections without a Kafka client library, and the one request they send. Header-only, any
// thread.
#include <QByteArray>
#include <QElapsedTimer>
#include <QtEndian>
#include <QtGlobal>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace topicscope::testsupport {

// A connected socket, closed on destruction.
class RawClient {
public:
    explicit RawClient(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~RawClient() { close(); }
    RawClient(const RawClient &) = delete;
    RawClient &operator=(const RawClient &) = delete;

    bool isConnected() const { return m_fd >= 0; }
    void write(const QByteArray &data)
    {
        qsizetype sent = 0;
        while (m_fd >= 0 && sent < data.size()) {
            const auto n = ::send(m_fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
            if (n <= 0)
                return;
            sent += n;
        }
    }
    // Reads whatever arrived without waiting, so that the broker's answers never fill the socket buffers.
    qsizetype drain()
    {
        QByteArray discarded;
        return readAvailable(&discarded);
    }
    // Appends whatever arrived to *into without waiting; the bytes appended.
    qsizetype readAvailable(QByteArray *into)
    {
        char buffer[65536];
        qsizetype total = 0;
        while (m_fd >= 0) {
            const auto n = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n <= 0)
                break;
            into->append(buffer, n);
            total += n;
        }
        return total;
    }
    // Reads one size-prefixed response and returns it without its size field, waiting at most timeoutMs for it;
    // nullopt when it does not come whole (timeout, connection closed).
    std::optional<QByteArray> readFrame(int timeoutMs)
    {
        QByteArray data;
        qint64 wanted = 4;
        QElapsedTimer timer;
        timer.start();
        while (m_fd >= 0 && data.size() < wanted) {
            const qint64 left = timeoutMs - timer.elapsed();
            pollfd p {m_fd, POLLIN, 0};
            if (left <= 0 || ::poll(&p, 1, int(left)) <= 0)
                return std::nullopt;
            char buffer[65536];
            const auto n = ::recv(m_fd, buffer, size_t(qMin<qint64>(sizeof buffer, wanted - data.size())), 0);
            if (n <= 0)
                return std::nullopt;
            data.append(buffer, n);
            if (wanted == 4 && data.size() == 4)
                wanted = 4 + qFromBigEndian<qint32>(data.constData());
        }
        return data.size() == wanted ? std::optional<QByteArray>(data.mid(4)) : std::nullopt;
    }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd = -1;
};

// ApiVersions v0 (request header v1: api key, version, correlation id, client id; empty body), size-prefixed.
inline QByteArray apiVersionsRequest(qint32 correlationId, const QByteArray &clientId)
{
    QByteArray body;
    const auto put16 = [&body](qint16 v) {
        char b[2];
        qToBigEndian(v, b);
        body.append(b, 2);
    };
    put16(18);
    put16(0);
    char c[4];
    qToBigEndian(correlationId, c);
    body.append(c, 4);
    put16(qint16(clientId.size()));
    body.append(clientId);
    char size[4];
    qToBigEndian(qint32(body.size()), size);
    return QByteArray(size, 4) + body;
}

} // namespace topicscope::testsupport
