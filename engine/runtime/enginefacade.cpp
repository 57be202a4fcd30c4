#include "enginefacade.h"

#include "runtime/explorerservice.h"
#include "runtime/liveflow.h"
#include "runtime/scenariocontrol.h"
#include "runtime/scenarioplayer.h"
#include "topicnames.h"

#include <QCoreApplication>
#include <QThread>

namespace topicscope::engine {

// The facade's worker-side half. Created on the GUI thread and moved to the worker thread before it starts; from
// then on touched only there. Its members go, in order, when the worker thread finishes.
class EngineFacade::Host : public QObject {
public:
    explicit Host(EngineOptions options)
        : engine(std::make_unique<Engine>(std::move(options)))
    { }

    // The scenario player exists from the first call that needs it: a scenario has a broker of its own, so it works
    // even when the engine's store failed to open.
    ScenarioPlayer *scenarioPlayer()
    {
        if (!player && engine)
            player = std::make_unique<ScenarioPlayer>();
        return player.get();
    }

    void tearDown()
    {
        // The service, the live flow and the player use the engine's clock and log: they go first.
        live.reset();
        service.reset();
        player.reset();
        engine.reset();
    }

    std::unique_ptr<Engine> engine;
    std::unique_ptr<ExplorerService> service; // once the engine started
    std::unique_ptr<LiveFlow> live; // once the engine started: records its wire clients from then on
    std::unique_ptr<ScenarioPlayer> player;
};

EngineFacade::EngineFacade(EngineOptions options, QObject *parent)
    : ClusterClient(parent)
    , m_thread(new QThread(this))
    , m_inMemory(options.storage.inMemory)
    , m_host(new Host(std::move(options)))
{
    qRegisterMetaType<BrokerSnapshot>();
    qRegisterMetaType<MessagePage>();
    qRegisterMetaType<OffsetLookup>();
    qRegisterMetaType<PartitionSegments>();
    qRegisterMetaType<PartitionPreview>();
    qRegisterMetaType<ProduceReport>();
    qRegisterMetaType<OffsetResetPreview>();
    m_thread->setObjectName(QStringLiteral("topicscope-engine"));
    m_host->moveToThread(m_thread);
    m_host->engine->moveToThread(m_thread);
    Host *host = m_host;
    m_engine = std::make_unique<WorkerChannel<Engine>>(host, this, [host] { return host->engine.get(); });
    m_service = std::make_unique<WorkerChannel<ExplorerService>>(host, this, [host] { return host->service.get(); });
    m_scenarios = new ScenarioControl(
        host, [host] { return host->scenarioPlayer(); }, [host] { return host->live.get(); }, this);
    connect(
        m_thread, &QThread::finished, host, [host] { host->tearDown(); }, Qt::DirectConnection);
    // Snapshots are enriched on the worker thread (rates, lag, assignments) before they cross to this thread.
    connect(
        host->engine.get(), &Engine::snapshotReady, host,
        [this, host](const BrokerSnapshot &snapshot) {
            BrokerSnapshot enriched = snapshot;
            if (host->service)
                host->service->enrich(enriched);
            publish(enriched);
        },
        Qt::DirectConnection);
}

EngineFacade::~EngineFacade()
{
    // Stopping is the one place the caller waits: the engine must close its store before the process exits. The
    // worker tears the host down as it finishes; after wait() nothing runs there any more.
    m_thread->quit();
    m_thread->wait();
    m_host->tearDown(); // when the worker thread never ran
    delete m_host;
}

QString EngineFacade::displayName() const
{
    // Shown by the window (cluster tree, status bar): in the window's language when it installed a catalogue.
    return m_inMemory ? QCoreApplication::translate("topicscope::engine::EngineFacade", "Embedded broker (in memory)")
                      : QCoreApplication::translate("topicscope::engine::EngineFacade", "Embedded broker");
}

void EngineFacade::publish(const BrokerSnapshot &snapshot)
{
    // Called on the worker thread.
    WorkerChannel<Engine>::deliverTo(this, [this, snapshot] { Q_EMIT snapshotUpdated(snapshot); });
}

void EngineFacade::start()
{
    m_thread->start();
    Host *host = m_host;
    m_engine->post([this, host](Engine &engine) {
        QString error;
        const bool ok = engine.start(&error);
        if (ok && !host->service)
            host->service = std::make_unique<ExplorerService>(engine, [this](const BrokerSnapshot &s) { publish(s); });
        if (ok && !host->live && engine.options().recordLiveFlow)
            host->live = std::make_unique<LiveFlow>(engine);
        WorkerChannel<Engine>::deliverTo(this, [this, ok, error] { Q_EMIT started(ok, error); });
    });
}

void EngineFacade::post(std::function<void(Engine &)> fn)
{
    m_engine->post([fn = std::move(fn)](Engine &engine) {
        if (engine.isStarted())
            fn(engine);
    });
}

quint64 EngineFacade::runCommand(std::function<ErrorCode(Engine &, QString *why)> command)
{
    const quint64 id = nextRequestId();
    m_engine->request<std::pair<ErrorCode, QString>>(
        [command = std::move(command)](Engine &engine) {
            if (!engine.isStarted())
                return std::pair {ErrorCode::KafkaStorageError, QStringLiteral("the broker is not running")};
            QString why;
            const ErrorCode error = command(engine, &why);
            return std::pair {error, why};
        },
        [this, id](const std::pair<ErrorCode, QString> &result) {
            Q_EMIT commandFinished(id, static_cast<int>(result.first), result.second);
        });
    return id;
}

quint64 EngineFacade::createTopic(const QString &name, int partitions, const TopicConfig &config)
{
    return runCommand([=](Engine &e, QString *why) { return e.log().createTopic(name, partitions, config, why); });
}

quint64 EngineFacade::deleteTopic(const QString &name)
{
    return runCommand([=](Engine &e, QString *why) {
        if (TopicNames::isInternal(name) && e.log().partitionCount(name) >= 0) {
            if (why)
                *why = QStringLiteral("Topic %1 is an internal topic and cannot be deleted").arg(name);
            return ErrorCode::InvalidTopicException;
        }
        const ErrorCode error = e.log().deleteTopic(name, why);
        // As DeleteTopics does: the groups' offsets of the topic go too (tombstones in __consumer_offsets).
        if (error == ErrorCode::None)
            e.broker().groups().onTopicDeleted(name);
        return error;
    });
}

quint64 EngineFacade::createPartitions(const QString &name, int newPartitionCount)
{
    return runCommand([=](Engine &e, QString *why) { return e.log().createPartitions(name, newPartitionCount, why); });
}

quint64 EngineFacade::alterTopicConfig(const QString &name, const TopicConfig &config, const TopicConfig &from)
{
    return runCommand([=](Engine &e, QString *why) {
        const std::optional<TopicInfo> now = e.log().describeTopic(name);
        if (!now) {
            if (why)
                *why = QStringLiteral("topic %1 does not exist").arg(name);
            return ErrorCode::UnknownTopicOrPartition;
        }
        // The edit's changes on top of the topic's settings as they are now (ClusterClient::alterTopicConfig).
        TopicConfig merged = now->config;
        const QMap<QString, QString> changed
            = TopicConfig::changedConfigs(config.toKafkaConfigs(), from.toKafkaConfigs());
        if (const ErrorCode error = merged.applyKafkaConfigs(changed, why); error != ErrorCode::None)
            return error;
        return e.log().alterConfig(name, merged, why);
    });
}

quint64 EngineFacade::resetOffsets(const OffsetResetRequest &request)
{
    // The service exists once the engine started, and runCommand answers for an engine that did not.
    return runCommand([host = m_host, request](Engine &, QString *why) {
        return host->service ? host->service->resetOffsets(request, why) : ErrorCode::KafkaStorageError;
    });
}

quint64 EngineFacade::deleteRecords(const TopicPartition &partition, qint64 beforeOffset)
{
    return runCommand([=](Engine &e, QString *why) {
        const ErrorCode error = e.log().deleteRecordsBefore(partition, beforeOffset);
        if (error != ErrorCode::None && why)
            *why = QStringLiteral("cannot delete the records of %1-%2 before offset %3")
                       .arg(partition.topic)
                       .arg(partition.partition)
                       .arg(beforeOffset);
        return error;
    });
}

quint64 EngineFacade::deleteGroup(const QString &groupId)
{
    return runCommand([=](Engine &e, QString *) { return e.broker().groups().deleteGroup(groupId); });
}

quint64 EngineFacade::fetchMessages(const MessageQuery &q)
{
    const quint64 id = nextRequestId();
    m_service->request<MessagePage>([q](ExplorerService &s) { return s.fetchMessages(q); },
        [this, id](const MessagePage &page) { Q_EMIT messagesFetched(id, page); });
    return id;
}

quint64 EngineFacade::lookupOffsets(const QString &topic, qint64 timestamp)
{
    const quint64 id = nextRequestId();
    m_service->request<OffsetLookup>(
        [topic, timestamp](ExplorerService &s) { return s.lookupOffsets(topic, timestamp); },
        [this, id](const OffsetLookup &lookup) { Q_EMIT offsetsLookedUp(id, lookup); });
    return id;
}

quint64 EngineFacade::describeSegments(const TopicPartition &tp)
{
    const quint64 id = nextRequestId();
    m_service->request<PartitionSegments>([tp](ExplorerService &s) { return s.describeSegments(tp); },
        [this, id](const PartitionSegments &segments) { Q_EMIT segmentsDescribed(id, segments); });
    return id;
}

quint64 EngineFacade::previewPartition(const ProduceRequest &request)
{
    const quint64 id = nextRequestId();
    m_service->request<PartitionPreview>([request](ExplorerService &s) { return s.previewPartition(request); },
        [this, id](const PartitionPreview &preview) { Q_EMIT partitionPreviewed(id, preview); });
    return id;
}

quint64 EngineFacade::previewOffsetReset(const OffsetResetRequest &request)
{
    const quint64 id = nextRequestId();
    m_service->request<OffsetResetPreview>([request](ExplorerService &s) { return s.previewOffsetReset(request); },
        [this, id](const OffsetResetPreview &preview) { Q_EMIT offsetResetPreviewed(id, preview); });
    return id;
}

quint64 EngineFacade::produce(const ProduceRequest &request)
{
    const quint64 id = nextRequestId();
    const auto reply = m_service->replier();
    m_service->post([this, reply, id, request](ExplorerService &s) {
        s.produce(id, request, [this, reply, id](const ProduceReport &report) {
            reply([this, id, report] { Q_EMIT produceProgress(id, report); });
        });
    });
    return id;
}

void EngineFacade::cancelProduce(quint64 requestId)
{
    m_service->post([requestId](ExplorerService &s) { s.cancelProduce(requestId); });
}

} // namespace topicscope::engine
