#include "engine.h"

#include "runtime/kafkaserver.h"
#include "runtime/realclock.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEngine, "topicscope.engine")

namespace topicscope::engine {

Engine::Engine(EngineOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_events.subscribe([this](const Event &event) { onEvent(event); });
}

Engine::~Engine()
{
    // Client connections call into the coordinator and the log: they close first.
    m_kafkaServer.reset();
    // The coordinator holds timers on the clock and writes offsets through the log's store: it goes first.
    m_groups.reset();
    m_log.reset();
}

Clock &Engine::clock()
{
    return *m_clock;
}

bool Engine::start(QString *error)
{
    if (m_log)
        return true;
    // Created here, not in the constructor: start() runs on the worker thread, where the timers must live.
    if (!m_clock)
        m_clock = std::make_unique<RealClock>();
    auto log = LogManager::open(m_options.storage, *m_clock, m_events, error);
    if (!log)
        return false;
    auto groups = std::make_unique<GroupCoordinator>(
        *m_clock, m_events, log->offsetStore(),
        [logPtr = log.get()](const QString &topic) { return logPtr->partitionCount(topic); }, m_options.groups);
    if (const ErrorCode e = groups->load(error); e != ErrorCode::None)
        return false;
    m_log = std::move(log);
    m_groups = std::move(groups);

    if (m_options.listener) {
        auto server = std::make_unique<KafkaServer>(*m_options.listener, *m_log, *m_groups, *m_clock, m_events);
        if (server->listen(&m_listenerError)) {
            m_kafkaServer = std::move(server);
        } else if (m_options.listenerRequired) {
            if (error)
                *error = m_listenerError;
            m_groups.reset();
            m_log.reset();
            return false;
        } else {
            qCWarning(lcEngine).noquote() << "Kafka listener down:" << m_listenerError;
        }
    }

    scheduleRetention();

    qCInfo(lcEngine).noquote() << "broker started:"
                               << (m_options.storage.inMemory
                                          ? QStringLiteral("in memory")
                                          : QStringLiteral("data directory ") + m_log->dataDirectory())
                               << "topics:" << m_log->topicNames().size();
    scheduleSnapshot();
    return true;
}

BrokerSnapshot Engine::snapshot() const
{
    BrokerSnapshot s;
    s.inMemory = m_options.storage.inMemory;
    if (!m_log)
        return s;
    s.takenAtMs = m_clock->nowMs();
    s.dataDirectory = m_log->dataDirectory();
    for (const QString &name : m_log->topicNames()) {
        if (auto info = m_log->describeTopic(name))
            s.topics.append(std::move(*info));
    }
    for (const GroupListing &g : m_groups->listGroups())
        s.groups.append(m_groups->describeGroup(g.groupId));
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

void Engine::scheduleRetention()
{
    m_clock->schedule(m_options.retentionCheckIntervalMs, [this] {
        m_log->enforceRetention();
        scheduleRetention();
    });
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
