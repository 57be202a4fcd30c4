// The Kafka listener of the real topicscope executable at the socket level: a port in use stops the headless
// broker with a clear message, bad listener options are refused, pipelined requests (kafka-python's
// ApiVersions v0 + Metadata v0 probe) are answered in order, and oversized, unknown or malformed requests
// close only their own connection.
#include "interopbroker.h"

#include <QElapsedTimer>
#include <QTest>
#include <QtEndian>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace topicscope::interoptest;

namespace {

// Plain POSIX sockets: the integration tests link only the engine and Qt Core, not Qt Network.
class RawSocket {
public:
    ~RawSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool connectTo(int port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr = {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return ::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    }
    // Binds and listens on 127.0.0.1 with a kernel-chosen port; returns it (or -1).
    int listenAnywhere()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr = {};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(m_fd, 1) != 0)
            return -1;
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        return ntohs(addr.sin_port);
    }
    void write(const QByteArray &data)
    {
        [[maybe_unused]] auto n = ::send(m_fd, data.constData(), data.size(), MSG_NOSIGNAL);
    }
    // Reads until n bytes arrived; returns fewer on close or timeout.
    QByteArray read(qsizetype n, int timeoutMs = 5000)
    {
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (out.size() < n && timer.elapsed() < timeoutMs) {
            pollfd p {m_fd, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0)
                continue;
            char buf[4096];
            const auto got = ::recv(m_fd, buf, static_cast<size_t>(qMin<qsizetype>(sizeof buf, n - out.size())), 0);
            if (got <= 0)
                break;
            out.append(buf, got);
        }
        return out;
    }
    QByteArray readFrame()
    {
        const QByteArray size = read(4);
        if (size.size() < 4)
            return {};
        return read(qFromBigEndian<qint32>(size.constData()));
    }
    // True when the peer closed the connection within the timeout.
    bool waitClosed(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            pollfd p {m_fd, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0)
                continue;
            char buf[4096];
            if (::recv(m_fd, buf, sizeof buf, 0) <= 0)
                return true;
        }
        return false;
    }

private:
    int m_fd = -1;
};

QByteArray sized(const QByteArray &frame)
{
    char size[4];
    qToBigEndian<qint32>(static_cast<qint32>(frame.size()), size);
    return QByteArray(size, 4) + frame;
}

} // namespace

class TestInteropListener : public QObject {
    Q_OBJECT
private:
    InteropBroker m_broker;

    bool connectTo(RawSocket &socket) { return socket.connectTo(m_broker.port()); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_broker.start({QStringLiteral("--max-request-bytes"), QStringLiteral("65536")}, &error),
            qPrintable(error));
    }

    void portInUseStopsHeadlessWithAClearMessage()
    {
        RawSocket occupier;
        const int port = occupier.listenAnywhere();
        QVERIFY(port > 0);
        const QString address = QStringLiteral("127.0.0.1:%1").arg(port);
        const ProgramRun run = runProgram(qEnvironmentVariable("TOPICSCOPE_BIN"),
            {QStringLiteral("--headless"), QStringLiteral("--in-memory"), QStringLiteral("--listen"), address}, {},
            20000);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QByteArray(QByteArray("cannot listen on ") + address.toUtf8())),
            run.output.constData());
        QVERIFY2(run.output.toLower().contains("in use"), run.output.constData());
    }

    void badListenerOptionsAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addRow("no port") << QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1")};
        QTest::addRow("port out of range")
            << QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000")};
        QTest::addRow("advertise without port") << QStringList {QStringLiteral("--advertise"), QStringLiteral("host")};
        QTest::addRow("negative delay") << QStringList {
            QStringLiteral("--group-initial-rebalance-delay-ms"), QStringLiteral("-1")};
        QTest::addRow("negative idle time")
            << QStringList {QStringLiteral("--connections-max-idle-ms"), QStringLiteral("-5")};
    }
    void badListenerOptionsAreRefused()
    {
        QFETCH(QStringList, args);
        const ProgramRun run = runProgram(qEnvironmentVariable("TOPICSCOPE_BIN"),
            QStringList {QStringLiteral("--headless"), QStringLiteral("--in-memory")} + args, {}, 20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains("topicscope: --"), run.output.constData());
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        RawSocket socket;
        QVERIFY(connectTo(socket));
        // kafka-python's probe: ApiVersions v0 (corr 1) then Metadata v0 (corr 2) without waiting, then a
        // third request, all in one write.
        const QByteArray apiVersions = QByteArray::fromHex("0012 0000 00000001 0002 6b70");
        const QByteArray metadata = QByteArray::fromHex("0003 0000 00000002 0002 6b70 00000000");
        const QByteArray apiVersions3 = QByteArray::fromHex("0012 0001 00000003 0002 6b70");
        socket.write(sized(apiVersions) + sized(metadata) + sized(apiVersions3));
        for (qint32 expected : {1, 2, 3}) {
            const QByteArray response = socket.readFrame();
            QVERIFY2(response.size() >= 4, "missing response");
            QCOMPARE(qFromBigEndian<qint32>(response.constData()), expected);
        }
    }

    void oversizedRequestClosesBeforeBuffering()
    {
        RawSocket socket;
        QVERIFY(connectTo(socket));
        // Claims 1 MiB against a 64 KiB limit: refused from the size field alone.
        char size[4];
        qToBigEndian<qint32>(1 << 20, size);
        socket.write(QByteArray(size, 4) + QByteArray(16, 'x'));
        QVERIFY(socket.waitClosed());
        QTRY_VERIFY2_WITH_TIMEOUT(
            m_broker.log().contains("socket.request.max.bytes"), m_broker.logTail().constData(), 5000);
    }

    void unknownApiAndMalformedBodyClose_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QByteArray>("logPart");
        QTest::addRow("unknown api key") << QByteArray::fromHex("0063 0000 00000009 0002 6b70")
                                         << QByteArray("unsupported API");
        QTest::addRow("Fetch v3") << QByteArray::fromHex("0001 0003 00000009 0002 6b70")
                                  << QByteArray("unsupported version Fetch v3");
        QTest::addRow("truncated Metadata v1")
            << QByteArray::fromHex("0003 0001 00000009 0002 6b70 00000005 0001") << QByteArray("malformed Metadata v1");
    }
    void unknownApiAndMalformedBodyClose()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QByteArray, logPart);
        RawSocket socket;
        QVERIFY(connectTo(socket));
        socket.write(sized(frame));
        QVERIFY(socket.waitClosed());
        QTRY_VERIFY2_WITH_TIMEOUT(m_broker.log().contains(logPart), m_broker.logTail().constData(), 5000);
        // Other connections are unaffected.
        RawSocket other;
        QVERIFY(connectTo(other));
        other.write(sized(QByteArray::fromHex("0012 0000 00000005 0002 6b70")));
        const QByteArray answer = other.readFrame();
        QVERIFY(answer.size() >= 4);
        QCOMPARE(qFromBigEndian<qint32>(answer.constData()), 5);
    }

    void cleanupTestCase()
    {
        QVERIFY2(!m_broker.port() || m_broker.isRunning(), "the broker died during the test");
        m_broker.stop();
    }
};

QTEST_GUILESS_MAIN(TestInteropListener)
#include "tst_interop_listener.moc"
