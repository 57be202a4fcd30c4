#pragma once

#include "core/events.h"
#include "sim/scenariorecorder.h"
#include "topicpartition.h"
#include "wireexchange.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <deque>

namespace topicscope::engine {

class Broker;

// A batch a wire client produced, as its Produce request and the broker's answer told it.
struct LiveProducedBatch {
    QString producer; // LiveRecorder::clientName of the producing connection
    qint64 baseOffset = -1;
    qint64 lastOffset = -1;
    int records = 0;
    qint64 timeMs = 0; // recorder time of the acknowledgement
};

// Records handed out by one fetch answer to one consumer.
struct LiveDelivery {
    qint64 timeMs = 0;
    QString consumer;
    QString group; // "" for a consumer outside any group (assign())
    int generation = -1;
    qint64 firstOffset = -1;
    qint64 lastOffset = -1;
    qint64 redeliveredUpTo = -1; // >= firstOffset: [firstOffset, redeliveredUpTo] had been fetched before by
                                 // another member or generation of the group
    QString earlierFetcher; // who had fetched them
};

// A group member as the coordinator and its requests show it.
struct LiveMember {
    QString memberId;
    QString clientId;
    QString host; // "127.0.0.1"
    QString group;
    QString name; // LiveRecorder::memberName
    int generation = -1;
    QList<TopicPartition> assignment; // from the last completed rebalance, sorted
    bool active = true; // false once it left, expired or was left out of a generation
    // Consumer protocol: its epoch is behind the group's, or it still owns partitions it must give up.
    bool reconciling = false;
    qint64 leftMs = -1; // broker clock, when it stopped being active
};

// One wire client connection that produced or fetched outside a group.
struct LiveClient {
    QString name;
    QString clientId;
    QString peer;
    QString lastTopic;
    qint64 records = 0; // produced (producers) or fetched (plain consumers)
    qint64 redelivered = 0;
    qint64 lastMs = -1;
    QMap<TopicPartition, qint64> positions; // plain consumers: next offset after their last fetch
    // Records per second: counts of the current and previous whole second.
    qint64 bucketSecond = -1;
    qint64 bucketRecords = 0;
    qint64 previousBucketRecords = 0;
    double rate(qint64 nowMs) const;
    void count(qint64 nowMs, qint64 n);
};

// The live broker's world as its wire clients move it: a ScenarioRecorder attached to the engine's Broker (group
// state changes, rebalances with their causes, commits, deletions) plus what only the wire shows, told exchange by
// exchange (observe()): which connection produced which batch, which consumer fetched which offsets under which
// generation, and redeliveries. Group members are named by client.id; ownership intervals follow the coordinator's
// assignments (eager protocols give everything up when the group starts rebalancing, cooperative-sticky only the
// partitions it moves). Bounded: the newest MaxBatches produced batches and MaxDeliveries deliveries are kept for
// journeys, the timeline keeps ScenarioRecording's window, the newest MaxRebalances rebalances are kept with the
// ownership intervals from the oldest of them on (ScenarioRecorder::dropOldRebalances); counters stay exact.
// Engine thread.
class LiveRecorder {
public:
    static constexpr qsizetype MaxBatches = 200'000;
    static constexpr qsizetype MaxDeliveries = 200'000;
    static constexpr qsizetype MaxMembers = 10'000;
    static constexpr qsizetype MaxRebalances = 1'000;

    // originMs: the broker clock's time the recording counts from.
    LiveRecorder(Broker &broker, qint64 originMs);
    ~LiveRecorder();
    LiveRecorder(const LiveRecorder &) = delete;
    LiveRecorder &operator=(const LiveRecorder &) = delete;

    void observe(const WireExchange &exchange);

    // "kafka-python-2.0.2·3f2a": client.id and the first characters of the member id's own part.
    static QString memberName(const QString &clientId, const QString &memberId);
    // "rdkafka (127.0.0.1:53122)".
    static QString clientName(const QString &clientId, const QString &peer);
    // "leave", "join", "session timeout", "rebalance timeout", "metadata change", "rejoin", "static member
    // replaced", "" when unknown: the kind of a coordinator's reason for a rebalance.
    static QString causeKind(const QString &reason);

    qint64 now() const { return m_recorder.now(); }
    const ScenarioRecorder &recorder() const { return m_recorder; }
    const ScenarioRecording &recording() const { return m_recorder.recording(); }
    const QHash<QString, LiveMember> &members() const { return m_members; }
    const QMap<QString, LiveClient> &producers() const { return m_producers; }
    const QMap<QString, LiveClient> &plainConsumers() const { return m_plainConsumers; }
    // Group members' fetch activity, by member name.
    const QMap<QString, LiveClient> &memberActivity() const { return m_memberActivity; }
    const QHash<TopicPartition, QMap<qint64, LiveProducedBatch>> &batches() const { return m_batches; }
    const QHash<TopicPartition, QList<LiveDelivery>> &deliveries() const { return m_deliveries; }
    // The batch holding offset, or nullptr when not produced by a wire client while recording (or forgotten).
    const LiveProducedBatch *batchOf(const TopicPartition &tp, qint64 offset) const;
    // The group's member name of a member id ("" when unknown).
    QString nameOfMember(const QString &memberId) const;
    // Rebalances completed so far, the dropped ones included (for time travel captures): rebalance number n is
    // recording().rebalances[n - droppedRebalances()] while it is kept.
    qint64 rebalanceCount() const { return droppedRebalances() + recording().rebalances.size(); }
    qint64 droppedRebalances() const { return recording().droppedRebalances; }
    // Something changed since the last call (a snapshot is worth publishing).
    bool takeChanged();

private:
    void onEvent(const Event &event);
    void onProduce(const WireExchange &e);
    void onFetch(const WireExchange &e);
    void onGroupRequest(const WireExchange &e);
    // The group member a fetch comes from: same client.id and host, owning tp; nullptr when none or ambiguous.
    LiveMember *memberForFetch(const WireExchange &e, const TopicPartition &tp);
    void closeMember(LiveMember &m, const QString &reason);
    void onMemberAssignment(const MemberAssignmentChanged &e);
    void forgetOldest();
    // clientName() of the exchange's connection, computed once per connection: every batch, delivery and timeline
    // event of that connection then shares one string instead of formatting and holding its own.
    const QString &connectionName(const WireExchange &e);

    Broker &m_broker;
    ScenarioRecorder m_recorder;
    int m_subscription = 0;
    bool m_changed = false;
    QHash<QString, LiveMember> m_members; // by member id
    QMap<QString, QString> m_groupProtocol; // group -> assignor of its current generation
    QMap<QString, LiveClient> m_producers; // by name
    QMap<QString, LiveClient> m_plainConsumers; // by name
    QMap<QString, LiveClient> m_memberActivity; // by member name
    QHash<TopicPartition, QMap<qint64, LiveProducedBatch>> m_batches; // by base offset
    QHash<TopicPartition, QList<LiveDelivery>> m_deliveries;
    std::deque<TopicPartition> m_batchOrder; // oldest first, one entry per kept batch
    std::deque<TopicPartition> m_deliveryOrder;
    struct Fetched {
        qint64 upTo = -1; // highest offset the group has fetched
        QString member;
        int generation = -1;
    };
    QHash<QString, QHash<TopicPartition, Fetched>> m_groupFetched; // group -> partition -> furthest fetch
    struct ConnectionName {
        QString clientId;
        QString peer;
        QString name;
    };
    QHash<quint64, ConnectionName> m_connectionNames; // by connection id; cleared when it grows past MaxMembers
};

} // namespace topicscope::engine
