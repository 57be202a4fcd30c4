#pragma once

#include "broker/broker.h"
#include "brokerpause.h"
#include "brokersnapshot.h"
#include "runtime/kafkaserveroptions.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <memory>
#include <optional>

namespace topicscope::engine {

class AnswerGate;
class KafkaServer;
class RealClock;

struct EngineOptions {
    StorageOptions storage;
    GroupCoordinatorConfig groups;
    int snapshotIntervalMs = 100; // coalescing period of snapshots sent to the GUI (at most 10 per second)
    // Kafka checks retention every 5 minutes (log.retention.check.interval.ms); a desktop demo wants to see
    // retention act sooner, so we check every 5 seconds by default.
    int retentionCheckIntervalMs = 5000;
    // The Kafka listener; nullopt = none (tests, or the GUI without a network broker).
    std::optional<KafkaServerOptions> listener;
    // When set, a listener that cannot bind makes start() fail (headless); otherwise the engine runs without
    // it and listenerError() says why (GUI).
    bool listenerRequired = false;
    // While the broker is paused, an answer is held at most this long after its request arrived (less when the
    // request's own timeout is shorter), then released by itself: Java clients give up after request.timeout.ms
    // (30 s by default), librdkafka and kafka-python not sooner.
    int maxAnswerHoldMs = 20000;
    // The Flow tab's live recording (LiveFlow: every produced batch and fetch answer of wire clients, from start-up).
    // Off (--no-live-recording) for a broker that must not pay for it, e.g. the wire benchmark's baseline; the
    // Flow tab's live view then has nothing to show.
    bool recordLiveFlow = true;
};

// The live broker of one Topicscope process: the core's Broker on a real clock, with the Kafka listener in front
// of it and coalesced snapshots for the GUI. Lives on the engine's worker thread (see EngineFacade); every method
// must be called there.
//
// Two real clocks: the broker's, which pauseBroker() freezes (sessions, rebalances and retention stand still), and
// the shell's (clock()), which never stops: snapshot coalescing, the explorer's ticks, the wire layer's long polls
// and the paused answers' deadlines run on it. They agree until the first pause; after it broker time lags wall
// time by the total paused duration (BrokerPauseState::brokerLagMs).
class Engine : public QObject {
    Q_OBJECT
public:
    explicit Engine(EngineOptions options, QObject *parent = nullptr);
    ~Engine() override;

    // Opens storage and loads committed offsets. On failure the engine stays stopped and *error says why.
    bool start(QString *error);
    bool isStarted() const { return m_broker != nullptr; }

    Broker &broker() { return *m_broker; }
    LogManager &log() { return m_broker->log(); }
    GroupCoordinator &groups() { return m_broker->groups(); }
    // The shell's wall clock, never frozen (the broker's own is broker().clock()).
    Clock &clock();
    EventBus &events() { return m_broker->events(); }
    const EngineOptions &options() const { return m_options; }
    // Kafka's cluster id of this broker (22 characters; kept in the data directory's meta.properties, see
    // ClusterIdentity); empty before start().
    QString clusterId() const { return m_clusterId; }

    BrokerSnapshot snapshot() const;

    // The Kafka listener, or nullptr when none is configured or it could not bind (see listenerError()).
    KafkaServer *kafkaServer() { return m_kafkaServer.get(); }
    QString listenerError() const { return m_listenerError; }

    // Pausing the live broker for a trainer (docs/engine.md, "Pausing the live broker"): the broker's clock stops and
    // answers that carry progress are held (AnswerGate) until stepped, resumed or due. Requests are still handled at
    // once. No-ops before start().
    void pauseBroker();
    // Releases the oldest held answer and returns what it carried; nullopt when none is held.
    std::optional<WireExchange> stepBroker();
    // Releases every held answer in order, then lets the broker's clock run again.
    void resumeBroker();
    BrokerPauseState pauseState() const;

Q_SIGNALS:
    // Coalesced: emitted at most once per snapshotIntervalMs, and only after a change.
    void snapshotReady(const topicscope::engine::BrokerSnapshot &snapshot);
    // Paused, resumed, an answer held, stepped, released by its deadline or dropped with its connection.
    void pauseStateChanged(const topicscope::engine::BrokerPauseState &state);

private:
    void onEvent(const Event &event);
    void scheduleSnapshot();

    EngineOptions m_options;
    std::unique_ptr<RealClock> m_wallClock; // the shell's: never frozen
    std::unique_ptr<RealClock> m_brokerClock; // the Broker's: frozen while paused
    std::unique_ptr<AnswerGate> m_gate;
    std::unique_ptr<Broker> m_broker;
    std::unique_ptr<KafkaServer> m_kafkaServer;
    QString m_listenerError;
    QString m_clusterId;
    bool m_snapshotPending = false;
    // snapshot() describes again only the topics an event named since the previous snapshot (changedTopic()); the
    // others are the previous TopicInfo values, shared, not copied. With 1,000,000 partitions a full description
    // holds the engine thread for ~100 ms; a flood into one topic of them costs that topic's description.
    static constexpr qint64 DescribeBudgetMs = 4;
    mutable QHash<QString, TopicInfo> m_describedTopics;
    mutable QSet<QString> m_changedTopics;
    qint64 m_recordsAppended = 0;
    qint64 m_batchesAppended = 0;
};

} // namespace topicscope::engine
