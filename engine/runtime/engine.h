#pragma once

#include "broker/broker.h"
#include "brokersnapshot.h"
#include "runtime/kafkaserveroptions.h"

#include <QObject>
#include <memory>
#include <optional>

namespace topicscope::engine {

class RealClock;
class KafkaServer;

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
};

// The live broker of one Topicscope process: the core's Broker on a real clock, with the Kafka listener in front
// of it and coalesced snapshots for the GUI. Lives on the engine's worker thread (see EngineFacade); every method
// must be called there.
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
    Clock &clock();
    EventBus &events() { return m_broker->events(); }
    const EngineOptions &options() const { return m_options; }

    BrokerSnapshot snapshot() const;

    // The Kafka listener, or nullptr when none is configured or it could not bind (see listenerError()).
    KafkaServer *kafkaServer() { return m_kafkaServer.get(); }
    QString listenerError() const { return m_listenerError; }

Q_SIGNALS:
    // Coalesced: emitted at most once per snapshotIntervalMs, and only after a change.
    void snapshotReady(const topicscope::engine::BrokerSnapshot &snapshot);

private:
    void onEvent(const Event &event);
    void scheduleSnapshot();

    EngineOptions m_options;
    std::unique_ptr<RealClock> m_clock;
    std::unique_ptr<Broker> m_broker;
    std::unique_ptr<KafkaServer> m_kafkaServer;
    QString m_listenerError;
    bool m_snapshotPending = false;
    qint64 m_recordsAppended = 0;
    qint64 m_batchesAppended = 0;
};

} // namespace topicscope::engine
