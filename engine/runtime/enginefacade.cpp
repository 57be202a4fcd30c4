#include "enginefacade.h"

#include <QThread>

namespace topicscope::engine {

EngineFacade::EngineFacade(EngineOptions options, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_engine(new Engine(std::move(options)))
{
    qRegisterMetaType<BrokerSnapshot>();
    m_thread->setObjectName(QStringLiteral("topicscope-engine"));
    m_engine->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &Engine::snapshotReady, this, &EngineFacade::snapshotUpdated, Qt::QueuedConnection);
}

EngineFacade::~EngineFacade()
{
    // Stopping is the one place the caller waits: the engine must close its store before the process exits.
    // The engine is deleted on its own thread (deleteLater runs when the thread's event loop finishes).
    m_thread->quit();
    m_thread->wait();
}

void EngineFacade::start()
{
    m_thread->start();
    QMetaObject::invokeMethod(
        m_engine,
        [this, engine = m_engine] {
            QString error;
            const bool ok = engine->start(&error);
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

quint64 EngineFacade::runCommand(std::function<ErrorCode(Engine &, QString *why)> command)
{
    const quint64 id = m_nextRequestId++;
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

} // namespace topicscope::engine
