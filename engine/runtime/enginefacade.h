#pragma once

#include "core/errorcode.h"
#include "log/topicconfig.h"
#include "runtime/brokersnapshot.h"
#include "runtime/engine.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QThread;

namespace topicscope::engine {

// The one door between the GUI (or main()) and the engine. Owns the worker thread and the Engine living on
// it. Commands go in as queued functors, results come back as queued signals carrying values; nothing here
// blocks the calling thread except the destructor, which stops the worker. Lives on the thread that created
// it (the GUI thread).
class EngineFacade : public QObject {
    Q_OBJECT
public:
    explicit EngineFacade(EngineOptions options, QObject *parent = nullptr);
    ~EngineFacade() override;

    // Starts the worker thread and opens the store; started() reports the outcome.
    void start();

    // Commands. Each result arrives as commandFinished(requestId, error, message).
    quint64 createTopic(const QString &name, int partitions, const TopicConfig &config = {});
    quint64 deleteTopic(const QString &name);
    quint64 createPartitions(const QString &name, int newPartitionCount);

    // Runs fn on the engine thread with the started engine (ignored if it never started). For engine-side
    // components living on the worker thread, not for reaching into engine state from the GUI.
    void post(std::function<void(Engine &)> fn);

Q_SIGNALS:
    void started(bool ok, const QString &error);
    void snapshotUpdated(const topicscope::engine::BrokerSnapshot &snapshot);
    void commandFinished(quint64 requestId, int error, const QString &message);

private:
    quint64 runCommand(std::function<ErrorCode(Engine &, QString *why)> command);

    QThread *m_thread = nullptr;
    Engine *m_engine = nullptr; // owned by the worker thread; deleted there
    quint64 m_nextRequestId = 1;
};

} // namespace topicscope::engine
