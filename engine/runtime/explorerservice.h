#pragma once

#include "core/errorcode.h"
#include "runtime/brokersnapshot.h"
#include "runtime/clustertypes.h"
#include "runtime/ratetracker.h"

#include <QHash>
#include <functional>
#include <memory>

namespace topicscope::engine {

class Engine;
class Producer;

// The engine-thread half of what the explorer asks of the embedded broker: enriches snapshots with rates,
// group offsets and decoded assignments; reads message pages; previews partitions and offset resets; runs
// produce jobs (N records at a rate) through in-app Producers. Created and destroyed on the engine thread,
// after the engine started and before it is destroyed.
class ExplorerService {
public:
    using Publish = std::function<void(const BrokerSnapshot &)>;
    using Progress = std::function<void(const ProduceReport &)>;

    // publish receives the decaying-rate snapshots the service takes on its own (the engine only publishes
    // after events, so without these a rate would stay frozen once production stops).
    ExplorerService(Engine &engine, Publish publish);
    ~ExplorerService();

    void enrich(BrokerSnapshot &snapshot) const;

    MessagePage fetchMessages(const MessageQuery &query) const;
    OffsetLookup lookupOffsets(const QString &topic, qint64 timestamp) const;
    PartitionPreview previewPartition(const ProduceRequest &request) const;
    OffsetResetPreview previewOffsetReset(const OffsetResetRequest &request) const;
    ErrorCode resetOffsets(const OffsetResetRequest &request, QString *why);

    void produce(quint64 id, const ProduceRequest &request, Progress progress);
    void cancelProduce(quint64 id);

private:
    struct Job;
    void tick();
    void runJob(quint64 id);
    void finishJob(quint64 id);

    Engine &m_engine;
    Publish m_publish;
    RateTracker m_rates;
    int m_subscription = 0;
    quint64 m_tickTimer = 0;
    bool m_ratesWereActive = false;
    QHash<quint64, std::shared_ptr<Job>> m_jobs;
};

} // namespace topicscope::engine
