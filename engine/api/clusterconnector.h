#pragma once

#include "remoteclusteroptions.h"

#include <QString>
#include <functional>
#include <memory>

class QObject;

namespace topicscope::engine {

class ClusterClient;

// What one look at a remote cluster found (ClusterConnector::check): its id, brokers and controller, or why it
// could not be reached, in plain words.
struct ConnectionCheck {
    enum class Problem {
        None,
        BadProperty, // librdkafka refused a property (its name or value)
        Unreachable, // no broker answered within the request timeout
        Authentication, // a broker answered but refused the credentials (SASL)
        Tls, // the TLS handshake failed (a certificate not trusted, a broker without TLS, ...)
    };
    Problem problem = Problem::None;
    QString error; // librdkafka's own words, with the property's origin for BadProperty
    QString clusterId;
    int brokerCount = 0;
    int controllerId = -1;
    QString controller; // "host:port" of the controller, when Metadata named it

    bool ok() const { return problem == Problem::None; }
};

// Reaches remote Kafka clusters for the UI without the UI knowing how (librdkafka, in engine/remote): the app
// injects one into the window. GUI thread.
class ClusterConnector {
public:
    virtual ~ClusterConnector() = default;

    // A client for that cluster, not started yet; the caller owns it.
    virtual std::unique_ptr<ClusterClient> open(const RemoteClusterOptions &options) = 0;
    // Connects once, away from the calling thread, reads the cluster's metadata and disconnects; done runs on the
    // calling thread with what it found, unless context was destroyed meanwhile.
    virtual void check(
        const RemoteClusterOptions &options, QObject *context, std::function<void(const ConnectionCheck &)> done)
        = 0;
};

} // namespace topicscope::engine
