#pragma once

#include <QList>
#include <QString>

namespace topicscope::engine {

// One librdkafka property and where it came from ("client.properties line 4"), so that a setting librdkafka
// refuses is named where the person can fix it.
struct RemoteProperty {
    QString name;
    QString value;
    QString origin;
};

// How to reach a remote Kafka cluster: Kafka's own tools' --bootstrap-server and --command-config. A value.
struct RemoteClusterOptions {
    QString bootstrapServers; // "host:9092,host2:9092"
    QList<RemoteProperty> properties; // passed to librdkafka as they are, after the defaults we set
    int pollIntervalMs = 1500; // how often the snapshot is read again
    int requestTimeoutMs = 5000; // each metadata, admin or offsets request; also socket.timeout.ms
    // Where the rebalance history reads group metadata records. Always Kafka's topic; tests name one the cluster
    // lacks to stand for a connection that may not read it.
    QString offsetsTopic = QStringLiteral("__consumer_offsets");
    // Whether to read it at all. The reader fetches every record of the topic, offset commits included: on a
    // cluster committing thousands of offsets a second that is a steady download, which a person may not want.
    // Off: the rebalance history is what polling saw, and says why (GroupHistory::OffsetsTopicAccess::TurnedOff).
    bool readOffsetsTopic = true;

    // Reads a Kafka/librdkafka properties file: key=value (or key: value) lines, # and ! comments, blank lines.
    // False with *error naming the file and line for a line that is not a property.
    static bool readPropertiesFile(const QString &path, QList<RemoteProperty> *properties, QString *error);
};

} // namespace topicscope::engine
