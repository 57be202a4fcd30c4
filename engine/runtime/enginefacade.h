#pragma once

#include "brokersnapshot.h"
#include "clusterclient.h"
#include "errorcode.h"
#include "runtime/engine.h"
#include "runtime/workerchannel.h"
#include "topicconfig.h"

#include <QObject>
#include <functional>
#include <memory>

class QThread;

namespace topicscope::engine {

class ExplorerService;
class ScenarioControl;

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
    quint64 alterTopicConfig(const QString &name, const TopicConfig &config, const TopicConfig &from) override;
    quint64 resetOffsets(const OffsetResetRequest &request) override;
    quint64 deleteRecords(const TopicPartition &partition, qint64 beforeOffset) override;
    quint64 deleteGroup(const QString &groupId) override;

    quint64 fetchMessages(const MessageQuery &query) override;
    quint64 lookupOffsets(const QString &topic, qint64 timestamp) override;
    quint64 previewPartition(const ProduceRequest &request) override;
    quint64 previewOffsetReset(const OffsetResetRequest &request) override;
    quint64 describeSegments(const TopicPartition &partition) override;
    quint64 produce(const ProduceRequest &request) override;
    void cancelProduce(quint64 requestId) override;

    // Runs fn on the engine thread with the started engine (ignored if it never started). For engine-side
    // components living on the worker thread, not for reaching into engine state from the GUI.
    void post(std::function<void(Engine &)> fn);

    // The flow view's scenario player (workshop scenarios on virtual time), on the same worker thread. Usable
    // once start() was called, even when the store failed to open: a scenario has a broker of its own.
    ScenarioControl *scenarios() const { return m_scenarios; }

private:
    class Host;

    quint64 runCommand(std::function<ErrorCode(Engine &, QString *why)> command);
    void publish(const BrokerSnapshot &snapshot);

    QThread *m_thread = nullptr;
    bool m_inMemory = false;
    // The worker-side half (the engine, the explorer service, the scenario player): lives on the worker thread and
    // is only the address calls are queued to from here, never dereferenced on this thread (WorkerChannel).
    // Deleted by the destructor once the worker thread has stopped.
    Host *m_host = nullptr;
    std::unique_ptr<WorkerChannel<Engine>> m_engine;
    std::unique_ptr<WorkerChannel<ExplorerService>> m_service;
    ScenarioControl *m_scenarios = nullptr;
};

} // namespace topicscope::engine
