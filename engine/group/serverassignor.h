#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace topicscope::engine {

// topic name -> partition numbers, each list sorted ascending. Used for a member's current and new target
// assignment under Kafka 4's consumer group protocol (KIP-848).
using TopicPartitionSets = QMap<QString, QList<int>>;

// One member of a consumer-protocol group as the coordinator's assignor sees it.
struct ServerAssignorMember {
    QString memberId;
    std::optional<QString> instanceId; // static member (group.instance.id)
    std::optional<QString> rackId;
    QStringList subscribedTopics; // resolved names; topics that do not exist are left out by the caller
    TopicPartitionSets currentTarget; // the member's target assignment before this run (empty for a new member)
};

// memberId -> its new target assignment. Every member of the input has an entry, possibly empty.
using ServerAssignment = QMap<QString, TopicPartitionSets>;

// A server-side assignor of Kafka 4's consumer group protocol (KIP-848, `group.consumer.assignors`): the group
// coordinator runs it whenever the group's epoch moves past its target assignment epoch. Pure: the result depends
// only on the inputs (no clock, no randomness), so the same membership change gives the same assignment in a
// scenario and on the live broker. Value-like; any thread.
class ServerAssignor {
public:
    virtual ~ServerAssignor() = default;
    virtual QString name() const = 0; // "uniform" or "range", as clients name it in ServerAssignor
    // partitionsPerTopic: partition count of every existing topic any member subscribes to.
    virtual ServerAssignment assign(
        const std::vector<ServerAssignorMember> &members, const QMap<QString, int> &partitionsPerTopic) const = 0;

    // "uniform" (Kafka's default) or "range"; nullptr for any other name.
    static std::unique_ptr<ServerAssignor> create(const QString &name);
    static QStringList builtInNames(); // {"uniform", "range"}, the default first
};

} // namespace topicscope::engine
