#pragma once

#include "topicpartition.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <functional>
#include <variant>
#include <vector>

namespace topicscope::engine {

// The engine's event stream: what the UI and the wire layer observe. Every event is a plain value, safe to
// copy to another thread. Events are published synchronously on the engine thread, after the state change
// they describe has been stored.

struct TopicCreated {
    QString topic;
    int partitions = 0;
};

struct TopicDeleted {
    QString topic;
};

struct PartitionsAdded {
    QString topic;
    int oldCount = 0;
    int newCount = 0;
};

struct BatchAppended {
    QString topic;
    int partition = 0;
    qint64 baseOffset = 0;
    qint64 lastOffset = 0; // inclusive
    int recordCount = 0;
    qint64 sizeBytes = 0;
    qint64 maxTimestamp = 0;
    qint64 appendTimeMs = 0;
};

enum class DeletionCause { RetentionMs, RetentionBytes, DeleteRecords };

struct RecordsDeleted {
    QString topic;
    int partition = 0;
    qint64 oldLogStartOffset = 0;
    qint64 newLogStartOffset = 0;
    DeletionCause cause = DeletionCause::DeleteRecords;
};

// The log cleaner compacted a partition (LogManager::clean): what it read and kept of the cleanable range. Offsets
// and the log's start and end did not move.
struct LogCleaned {
    QString topic;
    int partition = 0;
    qint64 recordsRead = 0;
    qint64 recordsKept = 0;
    qint64 bytesBefore = 0;
    qint64 bytesAfter = 0;
};

// A topic's configuration was replaced (LogManager::alterConfig: AlterConfigs, IncrementalAlterConfigs, the
// explorer).
struct TopicConfigChanged {
    QString topic;
};

struct GroupStateChanged {
    QString groupId;
    QString fromState; // Kafka's state names: "Empty", "PreparingRebalance", ...
    QString toState;
    QString reason;
    int generationId = 0;
};

struct RebalanceCompleted {
    QString groupId;
    int generationId = 0;
    QString protocolType;
    QString protocolName; // the assignor ("range", "cooperative-sticky", ...)
    QString leaderId;
    // Decoded when the protocol type is "consumer"; empty otherwise (the broker treats bytes as opaque).
    QMap<QString, QList<TopicPartition>> assignment;
    // Partitions whose owner differs from the previous generation's (assigned, revoked or moved).
    QList<TopicPartition> partitionsMoved;
    qint64 durationMs = 0; // from entering PreparingRebalance to Stable
    // "classic" (JoinGroup/SyncGroup generations) or "consumer" (Kafka 4's protocol, KIP-848: generationId is the
    // group epoch whose target assignment every member reached, or that a newer epoch replaced).
    QString groupType = QStringLiteral("classic");
    // Consumer protocol only: a newer group epoch began before every member had reached this one's assignment;
    // assignment is then this epoch's target, and durationMs how long it stood.
    bool superseded = false;
    // Consumer protocol: what began this epoch. Classic: empty; the cause is the reason of the GroupStateChanged
    // into PreparingRebalance.
    QString cause;
};

// Kafka 4's consumer protocol: what one member owns changed, as the coordinator sees it. A member owns a partition
// from the heartbeat answer that hands it over until the heartbeat in which it reports the partition given up (or
// until it leaves or is fenced), so the gaps between owners are the time each partition was processed by nobody.
struct MemberAssignmentChanged {
    QString groupId;
    QString memberId;
    QString clientId;
    int memberEpoch = 0; // -1 once the member left or was fenced
    int groupEpoch = 0;
    QList<TopicPartition> assigned; // sorted; everything the member owns now
    QList<TopicPartition> revoking; // sorted; owned, but to be given up (the member has not confirmed yet)
    QString reason;
};

struct OffsetCommitted {
    QString groupId;
    TopicPartition topicPartition;
    qint64 offset = 0;
    QString metadata;
    QString memberId;
    int generationId = -1;
};

using Event = std::variant<TopicCreated, TopicDeleted, PartitionsAdded, BatchAppended, RecordsDeleted,
    GroupStateChanged, RebalanceCompleted, MemberAssignmentChanged, OffsetCommitted, LogCleaned, TopicConfigChanged>;

// The topic an event changed what LogManager::describeTopic answers for (its partitions' offsets and sizes, its
// partition count, its config, whether it exists); nullptr for group events.
inline const QString *changedTopic(const Event &event)
{
    return std::visit(
        [](const auto &e) -> const QString * {
            if constexpr (requires { e.topic; })
                return &e.topic;
            else
                return nullptr;
        },
        event);
}

// Fan-out of engine events to observers on the engine thread. Observers must not re-enter the publisher.
class EventBus {
public:
    using Observer = std::function<void(const Event &)>;
    int subscribe(Observer observer)
    {
        m_observers.push_back({m_nextId, std::move(observer)});
        return m_nextId++;
    }
    void unsubscribe(int id)
    {
        std::erase_if(m_observers, [id](const auto &entry) { return entry.first == id; });
    }
    void publish(const Event &event) const
    {
        for (const auto &entry : m_observers)
            entry.second(event);
    }

private:
    int m_nextId = 1;
    std::vector<std::pair<int, Observer>> m_observers;
};

} // namespace topicscope::engine
