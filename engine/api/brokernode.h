#pragma once

#include <QString>

namespace topicscope::engine {

// One broker of a cluster as Metadata (or DescribeCluster) lists it. The embedded broker's snapshots list none:
// it is the only broker there is. A value for views and snapshots.
struct BrokerNode {
    int id = -1;
    QString host;
    int port = 0;
    QString rack; // "" when the cluster does not say (or the client library cannot ask)
    bool isController = false;
    // How the client library's connection to it stands (librdkafka's broker state: "UP", "DOWN", "CONNECT",
    // "INIT" for one it had no reason to connect to yet, ...); "" when unknown.
    QString connectionState;
    bool operator==(const BrokerNode &) const = default;
};

} // namespace topicscope::engine
