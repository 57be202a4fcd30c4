#include "remoteconnector.h"

#include "remote/rdkafkaclient.h"
#include "remote/remotecluster.h"

#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

namespace topicscope::engine {

std::unique_ptr<ClusterClient> RemoteConnector::open(const RemoteClusterOptions &options)
{
    return std::make_unique<RemoteCluster>(options);
}

void RemoteConnector::check(
    const RemoteClusterOptions &options, QObject *context, std::function<void(const ConnectionCheck &)> done)
{
    // The answer goes through a relay of our own on the calling thread: it lives until the answer is delivered, so
    // the pool thread never posts to an object that may be gone; context is checked there, on its own thread.
    auto *relay = new QObject;
    QThreadPool::globalInstance()->start(
        [options, relay, context = QPointer<QObject>(context), done = std::move(done)] {
            const ConnectionCheck result = checkNow(options);
            QMetaObject::invokeMethod(
                relay,
                [relay, context, done, result] {
                    if (context)
                        done(result);
                    relay->deleteLater();
                },
                Qt::QueuedConnection);
        });
}

ConnectionCheck RemoteConnector::checkNow(const RemoteClusterOptions &options)
{
    ConnectionCheck check;
    RdKafkaClient client;
    QString error;
    if (!client.open(options, nullptr, nullptr, &error)) {
        check.problem = ConnectionCheck::Problem::BadProperty;
        check.error = error;
        return check;
    }
    RemoteMetadata metadata;
    const RemoteError e = client.metadata(&metadata);
    if (!e.ok()) {
        client.poll(); // serves the errors librdkafka queued meanwhile: why nothing answered
        const RemoteError why = client.lastClientError();
        if (why.code == RD_KAFKA_RESP_ERR__AUTHENTICATION || why.code == RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED)
            check.problem = ConnectionCheck::Problem::Authentication;
        else if (why.code == RD_KAFKA_RESP_ERR__SSL)
            check.problem = ConnectionCheck::Problem::Tls;
        else
            check.problem = ConnectionCheck::Problem::Unreachable;
        check.error = why.message.isEmpty() ? e.message : QStringLiteral("%1 (%2)").arg(e.message, why.message);
        return check;
    }
    check.clusterId = metadata.clusterId;
    check.brokerCount = static_cast<int>(metadata.brokers.size());
    check.controllerId = metadata.controllerId;
    for (const BrokerNode &b : std::as_const(metadata.brokers)) {
        if (b.id == metadata.controllerId)
            check.controller = QStringLiteral("%1:%2").arg(b.host).arg(b.port);
    }
    return check;
}

} // namespace topicscope::engine
