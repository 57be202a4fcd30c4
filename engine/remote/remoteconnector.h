#pragma once

#include "clusterconnector.h"

namespace topicscope::engine {

// The ClusterConnector of remote Kafka clusters: RemoteCluster for a window, and a one-off librdkafka client on a
// thread of the global pool for a connection check (the check's handles are created, used and destroyed there, so
// a cluster that does not answer costs that thread the request timeout, never the caller's). Used on the GUI
// thread.
class RemoteConnector : public ClusterConnector {
public:
    std::unique_ptr<ClusterClient> open(const RemoteClusterOptions &options) override;
    void check(const RemoteClusterOptions &options, QObject *context,
        std::function<void(const ConnectionCheck &)> done) override;

    // The check itself, on the calling thread (blocks for up to about twice the request timeout).
    static ConnectionCheck checkNow(const RemoteClusterOptions &options);
};

} // namespace topicscope::engine
