#include "enginefacade.h"

#include "runtime/explorerservice.h"
#include "runtime/scenariocontrol.h"
#include "runtime/scenarioplayer.h"

#include <QCoreApplication>
#include <QThread>

namespace topicscope::engine {

EngineFacade::EngineFacade(EngineOptions options, QObject *parent)
    : ClusterClient(parent)
    , m_thread(new QThread(this))
    , m_inMemory(options.storage.inMemory)
{
    qRegisterMetaType<BrokerSnapshot>();
    qRegisterMetaType<MessagePage>();
    qRegisterMetaType<OffsetLookup>();
    qRegisterMetaType<PartitionPreview>();
    qRegisterMetaType<ProduceReport>();
    qRegisterMetaType<OffsetResetPreview>();
    m_engine = new Engine(std::move(options));
    m_thread->setObjectName(QStringLiteral("topicscope-engine"));
    m_engine->moveToThread(m_thread);
    // The service must go before the engine whose clock and log it uses: this runs on the worker thread as it
    // finishes, before the engine's deferred delete.
    m_player = new ScenarioPlayer;
    m_player->moveToThread(m_thread);
    m_scenarios = new ScenarioControl(m_player, this);
    connect(
        m_thread, &QThread::finished, m_engine,
        [this] {
            delete m_service;
            m_service = nullptr;
            delete m_player;
            m_player = nullptr;
        },
        Qt::DirectConnection);
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    // Snapshots are enriched on the worker thread (rates, lag, assignments) before they cross to this thread.
    connect(
        m_engine, &Engine::snapshotReady, m_engine,
        [this](const BrokerSnapshot &snapshot) {
            BrokerSnapshot enriched = snapshot;
            if (m_service)
                m_service->enrich(enriched);
            publish(enriched);
        },
        Qt::DirectConnection);
}

EngineFacade::~EngineFacade()
{
    // Stopping is the one place the caller waits: the engine must close its store before the process exits.
    // The engine is deleted on its own thread (deleteLater runs when the thread's event loop finishes).
    m_thread->quit();
    m_thread->wait();
    // Still here only when the worker thread never ran.
    delete m_player;
}

QString EngineFacade::displayName() const
{
    // Shown by the window (cluster tree, status bar): in the window's language when it installed a catalogue.
    return m_inMemory ? QCoreApplication::translate("topicscope::engine::EngineFacade", "Embedded broker (in memory)")
                      : QCoreApplication::translate("topicscope::engine::EngineFacade", "Embedded broker");
}

void EngineFacade::publish(const BrokerSnapshot &snapshot)
{
    QPointer<EngineFacade> self(this);
    QMetaObject::invokeMethod(
        this,
        [self, snapshot] {
            if (self)
                Q_EMIT self->snapshotUpdated(snapshot);
        },
        Qt::QueuedConnection);
}

void EngineFacade::start()
{
    m_thread->start();
    QMetaObject::invokeMethod(
        m_engine,
        [this, engine = m_engine] {
            QString error;
            const bool ok = engine->start(&error);
            if (ok && !m_service)
                m_service = new ExplorerService(*engine, [this](const BrokerSnapshot &s) { publish(s); });
            QMetaObject::invokeMethod(
                this, [this, ok, error] { Q_EMIT started(ok, error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void EngineFacade::post(std::function<void(Engine &)> fn)
{
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, fn = std::move(fn)] {
            if (engine->isStarted())
                fn(*engine);
        },
        Qt::QueuedConnection);
}

template <typename Result>
void EngineFacade::query(std::function<Result(ExplorerService &)> fn, std::function<void(const Result &)> deliver)
{
    QPointer<EngineFacade> self(this);
    QMetaObject::invokeMethod(
        m_engine,
        [this, self, fn = std::move(fn), deliver = std::move(deliver)] {
            if (!m_service)
                return;
            Result result = fn(*m_service);
            QMetaObject::invokeMethod(
                this,
                [self, deliver, result = std::move(result)] {
                    if (self)
                        deliver(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

quint64 EngineFacade::runCommand(std::function<ErrorCode(Engine &, QString *why)> command)
{
    const quint64 id = nextRequestId();
    QPointer<EngineFacade> self(this);
    QMetaObject::invokeMethod(
        m_engine,
        [self, id, engine = m_engine, command = std::move(command)] {
            QString why;
            const ErrorCode error = engine->isStarted() ? command(*engine, &why) : ErrorCode::KafkaStorageError;
            if (!engine->isStarted())
                why = QStringLiteral("the broker is not running");
            if (self)
                QMetaObject::invokeMethod(
                    self, [self, id, error, why] { Q_EMIT self->commandFinished(id, static_cast<int>(error), why); },
                    Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return id;
}

quint64 EngineFacade::createTopic(const QString &name, int partitions, const TopicConfig &config)
{
    return runCommand([=](Engine &e, QString *why) { return e.log().createTopic(name, partitions, config, why); });
}

quint64 EngineFacade::deleteTopic(const QString &name)
{
    return runCommand([=](Engine &e, QString *why) { return e.log().deleteTopic(name, why); });
}

quint64 EngineFacade::createPartitions(const QString &name, int newPartitionCount)
{
    return runCommand([=](Engine &e, QString *why) { return e.log().createPartitions(name, newPartitionCount, why); });
}

quint64 EngineFacade::alterTopicConfig(const QString &name, const TopicConfig &config)
{
    return runCommand([=](Engine &e, QString *why) { return e.log().alterConfig(name, config, why); });
}

quint64 EngineFacade::resetOffsets(const OffsetResetRequest &request)
{
    return runCommand([this, request](Engine &, QString *why) {
        return m_service ? m_service->resetOffsets(request, why) : ErrorCode::KafkaStorageError;
    });
}

quint64 EngineFacade::fetchMessages(const MessageQuery &q)
{
    const quint64 id = nextRequestId();
    query<MessagePage>([q](ExplorerService &s) { return s.fetchMessages(q); },
        [this, id](const MessagePage &page) { Q_EMIT messagesFetched(id, page); });
    return id;
}

quint64 EngineFacade::lookupOffsets(const QString &topic, qint64 timestamp)
{
    const quint64 id = nextRequestId();
    query<OffsetLookup>([topic, timestamp](ExplorerService &s) { return s.lookupOffsets(topic, timestamp); },
        [this, id](const OffsetLookup &lookup) { Q_EMIT offsetsLookedUp(id, lookup); });
    return id;
}

quint64 EngineFacade::previewPartition(const ProduceRequest &request)
{
    const quint64 id = nextRequestId();
    query<PartitionPreview>([request](ExplorerService &s) { return s.previewPartition(request); },
        [this, id](const PartitionPreview &preview) { Q_EMIT partitionPreviewed(id, preview); });
    return id;
}

quint64 EngineFacade::previewOffsetReset(const OffsetResetRequest &request)
{
    const quint64 id = nextRequestId();
    query<OffsetResetPreview>([request](ExplorerService &s) { return s.previewOffsetReset(request); },
        [this, id](const OffsetResetPreview &preview) { Q_EMIT offsetResetPreviewed(id, preview); });
    return id;
}

quint64 EngineFacade::produce(const ProduceRequest &request)
{
    const quint64 id = nextRequestId();
    QPointer<EngineFacade> self(this);
    QMetaObject::invokeMethod(
        m_engine,
        [this, self, id, request] {
            if (!m_service)
                return;
            m_service->produce(id, request, [self, id](const ProduceReport &report) {
                if (self)
                    QMetaObject::invokeMethod(
                        self, [self, id, report] { Q_EMIT self->produceProgress(id, report); }, Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
    return id;
}

void EngineFacade::cancelProduce(quint64 requestId)
{
    QMetaObject::invokeMethod(
        m_engine,
        [this, requestId] {
            if (m_service)
                m_service->cancelProduce(requestId);
        },
        Qt::QueuedConnection);
}

} // namespace topicscope::engine
