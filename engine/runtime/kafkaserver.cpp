#include "kafkaserver.h"

#include "runtime/kafkaconnection.h"
#include "runtime/requestmemorypool.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>

Q_LOGGING_CATEGORY(lcWireServer, "topicscope.engine.wire.server")

namespace topicscope::engine {

namespace {

QString hostPort(const QString &host, quint16 port)
{
    // IPv6 literals need brackets to be followed by a port.
    if (host.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

} // namespace

KafkaServer::KafkaServer(
    KafkaServerOptions options, Broker &broker, Clock *wireClock, AnswerGate *gate, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_apis(std::make_unique<KafkaApis>(broker, KafkaApisConfig {}, wireClock))
    , m_gate(gate)
    , m_requestMemory(std::make_unique<RequestMemoryPool>(
          std::max<qint64>(m_options.queuedMaxRequestBytes, m_options.maxRequestBytes)))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &KafkaServer::onNewConnection);
    if (m_options.connectionsMaxIdleMs > 0) {
        // One timer for all connections: an idle one goes between idle and idle + a quarter of it (Kafka too closes
        // them only when its selector next looks).
        m_idleSweep = new QTimer(this);
        m_idleSweep->setInterval(static_cast<int>(std::clamp<qint64>(m_options.connectionsMaxIdleMs / 4, 10, 30'000)));
        connect(m_idleSweep, &QTimer::timeout, this, &KafkaServer::closeIdleConnections);
        m_idleSweep->start();
    }
}

void KafkaServer::closeIdleConnections()
{
    const auto connections = m_connections;
    for (KafkaConnection *c : connections) {
        if (c->isIdleFor(m_options.connectionsMaxIdleMs))
            c->closeIdle();
    }
}

KafkaServer::~KafkaServer()
{
    m_server->close();
    // Connections go before the KafkaApis they call into.
    const auto connections = m_connections;
    m_connections.clear();
    for (KafkaConnection *c : connections)
        delete c;
}

bool KafkaServer::listen(QString *error)
{
    QHostAddress address;
    if (m_options.listenHost == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(m_options.listenHost)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1: '%2' is not an IP address")
                         .arg(hostPort(m_options.listenHost, m_options.listenPort), m_options.listenHost);
        return false;
    }
    if (!m_server->listen(address, m_options.listenPort)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1: %2")
                         .arg(hostPort(m_options.listenHost, m_options.listenPort), m_server->errorString());
        return false;
    }
    if (!address.isLoopback())
        qCWarning(lcWireServer).noquote() << QStringLiteral(
            "listening on a non-loopback address: any host that can reach %1 can read and write every topic "
            "(no authentication, no TLS)")
                                                 .arg(listenAddress());

    KafkaApisConfig config;
    QString advertisedHost = m_options.advertisedHost;
    if (advertisedHost.isEmpty()) {
        // A wildcard bind is not an address a client can connect to.
        advertisedHost
            = (address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6 || address == QHostAddress::Any)
            ? QStringLiteral("127.0.0.1")
            : m_options.listenHost;
    }
    config.advertisedHost = advertisedHost;
    config.advertisedPort = m_options.advertisedPort ? m_options.advertisedPort : m_server->serverPort();
    config.autoCreateTopics = m_options.autoCreateTopics;
    config.numPartitions = m_options.numPartitions;
    config.clusterId = m_options.clusterId;
    m_apis->setConfig(config);
    qCInfo(lcWireServer).noquote()
        << QStringLiteral("listening on %1 (advertised as %2)").arg(listenAddress(), advertisedAddress());
    return true;
}

bool KafkaServer::isListening() const
{
    return m_server->isListening();
}

quint16 KafkaServer::port() const
{
    return m_server->serverPort();
}

QString KafkaServer::listenAddress() const
{
    return hostPort(m_options.listenHost, isListening() ? port() : m_options.listenPort);
}

QString KafkaServer::advertisedAddress() const
{
    const KafkaApisConfig &config = m_apis->config();
    return hostPort(config.advertisedHost, static_cast<quint16>(config.advertisedPort));
}

void KafkaServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        // As Kafka's SocketServer: no Nagle delay. Without it a response written in two parts waits for the
        // client's delayed ACK, which put ~40 ms on every fetch round trip (bench/REPORT-wire.md).
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        const quint64 id = m_nextConnectionId++;
        auto *connection
            = new KafkaConnection(socket, *m_apis, m_gate, *m_requestMemory, id, m_options.maxRequestBytes, this);
        m_connections.insert(id, connection);
        connect(
            connection, &KafkaConnection::closed, this, [this](quint64 closedId) { m_connections.remove(closedId); });
    }
}

} // namespace topicscope::engine
