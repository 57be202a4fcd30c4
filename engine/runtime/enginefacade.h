#pragma once

#include "brokersnapshot.h"
#include "clusterclient.h"
#include "errorcode.h"
#include "runtime/engine.h"
#include "topicconfig.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QThread;

namespace topicscope::engine {

class ExplorerService;
class ScenarioControl;
class ScenarioPlayer;

// The one door between the GUI (or main()) and the embedded engine, and the ClusterClient the views use for
// it. Owns the worker thread and the Engine living on it. Commands go in as queued functors, results come back
// as queued signals carrying values; nothing here blocks the calling thread except the destructor, which stops
// the worker. Lives on the thread that created it (the GUI thread).
class EngineFacade : public ClusterClient {
    Q_OBJECT
public:
    explicit EngineFacade(EngineOptions options, QObject *parent = nullptr);
    ~EngineFacade() override;

    // Starts the worker thread and opens the store; started() reports the outcome.
    void start() override;
    QString displayName() const override;

    // Commands. Each result arrives as commandFinished(requestId, error, message).
    quint64 createTopic(const QString &name, int partitions, const TopicConfig &config = {}) override;
    quint64 deleteTopic(const QString &name) override;
    quint64 createPartitions(const QString &name, int newPartitionCount) override;
    quint64 alterTopicConfig(const QString &name, const TopicConfig &config) override;
    quint64 resetOffsets(const OffsetResetRequest &request) override;

    quint64 fetchMessages(const MessageQuery &query) override;
    quint64 lookupOffsets(const QString &topic, qint64 timestamp) override;
    quint64 previewPartition(const ProduceRequest &request) override;
    quint64 previewOffsetReset(const OffsetResetRequest &request) override;
    quint64 produce(const ProduceRequest &request) override;
    void cancelProduce(quint64 requestId) override;

    // Runs fn on the engine thread with the started engine (ignored if it never started). For engine-side
    // components living on the worker thread, not for reaching into engine state from the GUI.
    void post(std::function<void(Engine &)> fn);

    // The flow view's scenario player (workshop scenarios on virtual time), on the same worker thread. Usable
    // once start() was called, even when the store failed to open: a scenario has a broker of its own.
    ScenarioControl *scenarios() const { return m_scenarios; }

private:
    quint64 runCommand(std::function<ErrorCode(Engine &, QString *why)> command);
    // Runs fn(service) on the engine thread once started; its result is handed to deliver on this thread.
    template <typename Result>
    void query(std::function<Result(ExplorerService &)> fn, std::function<void(const Result &)> deliver);
    void publish(const BrokerSnapshot &snapshot);

    QThread *m_thread = nullptr;
    Engine *m_engine = nullptr; // owned by the worker thread; deleted there
    bool m_inMemory = false;
    // Created on the worker thread after the engine started, deleted there before the engine; only touched
    // from the worker thread.
    ExplorerService *m_service = nullptr;
    ScenarioPlayer *m_player = nullptr; // lives on the worker thread; deleted there when it finishes
    ScenarioControl *m_scenarios = nullptr;
};

} // namespace topicscope::engine
