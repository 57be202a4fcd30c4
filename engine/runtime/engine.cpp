#include "engine.h"

#include "runtime/kafkaserver.h"
#include "runtime/realclock.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEngine, "topicscope.engine")

namespace topicscope::engine {

Engine::Engine(EngineOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{ }

Engine::~Engine()
{
    // Client connections call into the broker: they close first.
    m_kafkaServer.reset();
    m_broker.reset();
}

Clock &Engine::clock()
{
    return *m_clock;
}

bool Engine::start(QString *error)
{
    if (m_broker)
        return true;
    // Created here, not in the constructor: start() runs on the worker thread, where the timers must live.
    if (!m_clock)
        m_clock = std::make_unique<RealClock>();
    BrokerOptions brokerOptions;
    brokerOptions.storage = m_options.storage;
    brokerOptions.groups = m_options.groups;
    brokerOptions.retentionCheckIntervalMs = m_options.retentionCheckIntervalMs;
    m_broker = Broker::open(std::move(brokerOptions), *m_clock, error);
    if (!m_broker)
        return false;
    m_broker->events().subscribe([this](const Event &event) { onEvent(event); });

    if (m_options.listener) {
        auto server = std::make_unique<KafkaServer>(*m_options.listener, *m_broker);
        if (server->listen(&m_listenerError)) {
            m_kafkaServer = std::move(server);
        } else if (m_options.listenerRequired) {
            if (error)
                *error = m_listenerError;
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
                               << "topics:" << log().topicNames().size();
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
    s.takenAtMs = m_clock->nowMs();
    s.dataDirectory = log.dataDirectory();
    for (const QString &name : log.topicNames()) {
        if (auto info = log.describeTopic(name))
            s.topics.append(std::move(*info));
    }
    for (const GroupListing &g : groups.listGroups())
        s.groups.append(groups.describeGroup(g.groupId));
    s.recordsAppended = m_recordsAppended;
    s.batchesAppended = m_batchesAppended;
    return s;
}

void Engine::onEvent(const Event &event)
{
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
    m_clock->schedule(m_options.snapshotIntervalMs, [this] {
        m_snapshotPending = false;
        Q_EMIT snapshotReady(snapshot());
    });
}

} // namespace topicscope::engine
