#pragma once

#include "topicpartition.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace topicscope::engine {

// What one group member asks for, as decoded from its ConsumerProtocolSubscription.
struct MemberSubscription {
    QString memberId;
    std::optional<QString> groupInstanceId;
    QStringList topics;
    QList<TopicPartition> ownedPartitions; // subscription v1+: what the member holds now
    int generationId = -1; // subscription v2+: generation of ownedPartitions
};

// memberId -> partitions, each list sorted by topic then partition. Every member of the input has an entry.
using GroupAssignment = QMap<QString, QList<TopicPartition>>;

enum class RebalanceProtocol { Eager, Cooperative };

// A partition assignment strategy run by the group leader. Pure: the result depends only on the inputs and
// matches Kafka's Java assignor of the same name on the same input.
class Assignor {
public:
    virtual ~Assignor() = default;
    virtual QString name() const = 0; // protocol name on the wire: "range", "roundrobin", "sticky", ...
    virtual RebalanceProtocol rebalanceProtocol() const { return RebalanceProtocol::Eager; }
    // partitionsPerTopic: partition count of every topic any member subscribes to (missing = unknown topic,
    // assigned to nobody).
    virtual GroupAssignment assign(
        const std::vector<MemberSubscription> &members, const QMap<QString, int> &partitionsPerTopic) const = 0;

    // "range", "roundrobin", "sticky", "cooperative-sticky"; nullptr for an unknown name.
    static std::unique_ptr<Assignor> create(const QString &name);
    static QStringList builtInNames();
};

} // namespace topicscope::engine
