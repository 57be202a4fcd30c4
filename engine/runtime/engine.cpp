#include "engine.h"

#include "runtime/answergate.h"
#include "runtime/clusteridentity.h"
#include "runtime/kafkaserver.h"
#include "runtime/realclock.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEngine, "topicscope.engine")

namespace topicscope::engine {

Engine::Engine(EngineOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    // pauseStateChanged crosses to the GUI thread by queued connections.
    qRegisterMetaType<BrokerPauseState>();
}

Engine::~Engine()
{
    // Shutting down while paused: held answers are dropped with their connections (the sockets close anyway; a
    // client retries as after any broker restart), and nobody is told.
    if (m_gate)
        m_gate->disconnect(this);
    // Client connections call into the broker and offer answers to the gate: they close first. The clocks go last:
    // the broker, the gate and parked answers cancel their timers on them.
    m_kafkaServer.reset();
    m_broker.reset();
    m_gate.reset();
    m_brokerClock.reset();
    m_wallClock.reset();
}

Clock &Engine::clock()
{
    return *m_wallClock;
}

bool Engine::start(QString *error)
{
    if (m_broker)
        return true;
    // Created here, not in the constructor: start() runs on the worker thread, where the timers must live.
    if (!m_wallClock) {
        m_wallClock = std::make_unique<RealClock>();
        m_brokerClock = std::make_unique<RealClock>();
        m_gate = std::make_unique<AnswerGate>(*m_wallClock, m_options.maxAnswerHoldMs);
        connect(m_gate.get(), &AnswerGate::changed, this, [this] { Q_EMIT pauseStateChanged(pauseState()); });
    }
    BrokerOptions brokerOptions;
    brokerOptions.storage = m_options.storage;
    brokerOptions.storage.cleanerThread = true; // compacting a large segment must not hold the serving thread
    brokerOptions.groups = m_options.groups;
    brokerOptions.retentionCheckIntervalMs = m_options.retentionCheckIntervalMs;
    m_broker = Broker::open(std::move(brokerOptions), *m_brokerClock, error);
    if (!m_broker)
        return false;
    m_broker->events().subscribe([this](const Event &event) { onEvent(event); });

    // Kafka's cluster id: kept in the data directory (meta.properties), fresh for an in-memory broker.
    const QString clusterId = m_options.storage.inMemory
        ? ClusterIdentity::randomClusterId()
        : ClusterIdentity::loadOrCreate(log().dataDirectory(), 0, error);
    if (clusterId.isEmpty()) {
        m_broker.reset();
        return false;
    }
    m_clusterId = clusterId;

    if (m_options.listener) {
        KafkaServerOptions listener = *m_options.listener;
        listener.clusterId = clusterId;
        auto server = std::make_unique<KafkaServer>(listener, *m_broker, m_wallClock.get(), m_gate.get());
        if (server->listen(&m_listenerError)) {
            m_kafkaServer = std::move(server);
        } else if (m_options.listenerRequired) {
            if (error)
                *error = m_listenerError;
            server.reset(); // before the broker: its KafkaApis unsubscribes from the broker's events
            m_broker.reset();
            return false;
        } else {
            qCWarning(lcEngine).noquote() << "Kafka listener down:" << m_listenerError;
        }
    }

    qCInfo(lcEngine).noquote() << "broker started:"
                               << (m_options.storage.inMemory
                                          ? QStringLiteral("in memory")
                                          : QStringLiteral("data directory ") + log().dataDirectory())
                               << "topics:" << log().topicNames().size() << "cluster id:" << m_clusterId;
    scheduleSnapshot();
    return true;
}

BrokerSnapshot Engine::snapshot() const
{
    BrokerSnapshot s;
    s.inMemory = m_options.storage.inMemory;
    if (!m_broker)
        return s;
    const LogManager &log = m_broker->log();
    const GroupCoordinator &groups = m_broker->groups();
    s.takenAtMs = m_wallClock->nowMs();
    s.dataDirectory = log.dataDirectory();
    s.clusterId = m_clusterId;
    const QStringList names = log.topicNames();
    s.topics.reserve(names.size());
    // Describing is bounded per snapshot: past the budget (a start on 1,000,000 partitions, or creating them) a
    // changed topic keeps its previous description and one not described yet is left out, both until a following
    // snapshot, scheduled one snapshot interval later.
    QElapsedTimer describing;
    describing.start();
    QSet<QString> stillChanged;
    for (const QString &name : names) {
        auto cached = m_describedTopics.find(name);
        const bool changed = cached == m_describedTopics.end() || m_changedTopics.contains(name);
        if (changed && describing.elapsed() >= DescribeBudgetMs) {
            stillChanged.insert(name);
            if (cached == m_describedTopics.end())
                continue;
        } else if (changed) {
            std::optional<TopicInfo> info = log.describeTopic(name);
            if (!info)
                continue;
            cached = m_describedTopics.insert(name, std::move(*info));
        }
        s.topics.append(*cached);
    }
    m_changedTopics = std::move(stillChanged);
    if (m_describedTopics.size() > names.size()) { // deleted topics
        const QSet<QString> present(names.cbegin(), names.cend());
        m_describedTopics.removeIf([&](const auto &it) { return !present.contains(it.key()); });
    }
    for (const GroupListing &g : groups.listGroups())
        s.groups.append(groups.describeGroup(g.groupId));
    s.recordsAppended = m_recordsAppended;
    s.batchesAppended = m_batchesAppended;
    s.topicsComplete = m_changedTopics.isEmpty();
    return s;
}

void Engine::onEvent(const Event &event)
{
    if (const QString *topic = changedTopic(event))
        m_changedTopics.insert(*topic);
    if (const auto *appended = std::get_if<BatchAppended>(&event)) {
        m_recordsAppended += appended->recordCount;
        ++m_batchesAppended;
    }
    scheduleSnapshot();
}

void Engine::scheduleSnapshot()
{
    // Coalescing: however many events arrive, one snapshot per interval at most.
    if (m_snapshotPending)
        return;
    m_snapshotPending = true;
    m_wallClock->schedule(m_options.snapshotIntervalMs, [this] {
        m_snapshotPending = false;
        const BrokerSnapshot s = snapshot();
        if (!m_changedTopics.isEmpty())
            scheduleSnapshot(); // the rest of the topics, described next time
        Q_EMIT snapshotReady(s);
    });
}

void Engine::pauseBroker()
{
    if (!m_broker || m_gate->isPaused())
        return;
    m_brokerClock->freeze();
    m_gate->pause();
}

std::optional<WireExchange> Engine::stepBroker()
{
    if (!m_broker)
        return std::nullopt;
    return m_gate->step();
}

void Engine::resumeBroker()
{
    if (!m_broker || !m_gate->isPaused())
        return;
    // The clock runs again before the answers go out: what their clients send next meets a running broker. The
    // gate's signal comes last, so that it reports the new lag.
    m_brokerClock->thaw();
    m_gate->resume();
}

BrokerPauseState Engine::pauseState() const
{
    if (!m_gate)
        return {};
    BrokerPauseState s = m_gate->state();
    s.brokerLagMs = m_brokerClock->lagMs();
    return s;
}

} // namespace topicscope::engine
