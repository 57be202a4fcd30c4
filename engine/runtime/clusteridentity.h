#pragma once

#include <QString>

namespace topicscope::engine {

// The cluster id the broker gives clients (Metadata, DescribeCluster), kept as Kafka keeps it: in the data
// directory's meta.properties (cluster.id, node.id, version), written once when the directory is new, read on every
// start after. A Kafka cluster id is a random UUID as Kafka's Uuid prints it: 22 characters of URL-safe base64
// without padding, never starting with '-'. Tools that watch clusters (and Topicscope's own saved connections) tell
// clusters apart by it, so two data directories must not share one, and one directory must keep its own.
// An in-memory broker gets a fresh id per start. Used on the engine thread at start-up.
class ClusterIdentity {
public:
    static QString fileName() { return QStringLiteral("meta.properties"); }

    // A new random id.
    static QString randomClusterId();
    // Whether text is an id as Kafka prints one (22 base64url characters decoding to 16 bytes).
    static bool isValidClusterId(const QString &text);

    // The id stored in dataDir's meta.properties, creating the file (0600) when it does not exist. An existing file
    // without a valid cluster.id, or with a node.id other than nodeId, is an error (as Kafka refuses to start on a
    // meta.properties it cannot trust): empty result and *error says which file and why.
    static QString loadOrCreate(const QString &dataDir, int nodeId, QString *error);
};

} // namespace topicscope::engine
